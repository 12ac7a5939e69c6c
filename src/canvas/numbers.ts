/**
 * Numbers as the canvas writes them and as the briefing prints them: the source's precision,
 * thousands separators, a leading ASCII minus. canvas/format.ts builds every figure on these;
 * the validator uses them to show how a value would print.
 */

/** Digits after the decimal point as written in the value (39.80 in YAML is 39.8: one), at most MAX_DECIMALS. */
export function decimalsOf(value: number): number {
  return Math.min(MAX_DECIMALS, writtenDecimals(value));
}

/** The most digits after the decimal point a figure prints with (Intl's limit). */
export const MAX_DECIMALS = 20;

/** The digits after the decimal point `value` is written with, however many: 1.5e-7 (0.00000015) has 8. */
export function writtenDecimals(value: number): number {
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e'); // 1.5e-7 is how JS writes 0.00000015
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, digits - Number(exponent));
}

/**
 * A table's number as the canvas writes it: 2024, -2.35, or with the trailing zeros it is written with (load/ gives
 * 18.0 as `{ value: 18, decimals: 1 }`, which YAML alone reads as 18): "18.0", "-3.0".
 */
export function numberAsWritten(cell: number | { value: number; decimals: number }): string {
  if (typeof cell === 'number') return String(cell);
  const sign = cell.value < 0 || Object.is(cell.value, -0) ? '-' : '';
  return `${sign}${Math.abs(cell.value).toFixed(cell.decimals)}`;
}

/**
 * A number written with a point and exactly three digits after it, after one to three digits that are not all zero:
 * 1.200, 12.500, -3.750, 1.234. YAML reads a decimal point; a writer of a language that groups thousands with a point
 * (German, Spanish, Italian...) may mean a thousand times it. Matched on the number as written (or as text).
 */
export const POINT_OR_THOUSANDS = /^[+\u2212-]?(?!0+\.)\d{1,3}\.\d{3}$/;

/** One formatter per precision (0 to 20 digits), made when first needed: making one costs as much as formatting a hundred numbers. */
const formatters: Intl.NumberFormat[] = [];

/** A plain number with thousands separators and the given (or written) precision: 585663 -> "585,663". */
export function formatNumber(value: number, decimals = decimalsOf(value)): string {
  const format = (formatters[decimals] ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
  const digits = format.format(Math.abs(value));
  return value < 0 && /[1-9]/.test(digits) ? `-${digits}` : digits; // never "-0.0"
}

/** `value` as formatNumber prints it with `decimals` digits, as a number: Intl rounds as a table prints (1.005 to 1.01, not toFixed's 1.00; 999.5 to 1000). */
export function roundedTo(value: number, decimals: number): number {
  return Number(formatNumber(value, decimals).replace(/,/g, ''));
}

/**
 * Digits after the decimal point for a change printed with `decimals`, or more where those would print a change
 * that is not zero as none at all: −0.046% is "−0.05%" at one decimal, never "0.0%" (a reader takes that for unchanged).
 */
export function changeDecimals(value: number, decimals: number): number {
  let digits = decimals;
  while (value !== 0 && digits < 20 && !/[1-9]/.test(formatNumber(value, digits))) digits += 1;
  return digits;
}

/**
 * A unit as it follows a number (not a currency, which goes before): "%" for percent, per mille and per ten
 * thousand closed up as percent is ("3.2‰"), a unit in Chinese, Japanese or Korean closed up as those languages write
 * it ("28,450名", "1,200店", "3,140명"; after a scale word, `scaled`, a space: "1.25 thousand 台"), any other after a
 * space ("812 turbines").
 */
export function unitAfterNumber(unit: string, scaled = false): string {
  if (unit === 'percent') return '%';
  return unit === '\u2030' || unit === '\u2031' || (isCjkUnit(unit) && !scaled) ? unit : ` ${unit}`;
}

/** Whether a unit is written in Chinese, Japanese or Korean ("名", "万人", "店舗", "명"): closed up to its number (unitAfterNumber). */
export function isCjkUnit(unit: string): boolean {
  return /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(unit);
}

/** What a metric's scale multiplies its value by. */
export const SCALE_FACTOR = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 } as const;

/** What `scale` multiplies a value by: 1 for none. */
export function scaleFactor(scale: keyof typeof SCALE_FACTOR | undefined): number {
  return scale ? SCALE_FACTOR[scale] : 1;
}

/** A quantity in units: its value times its scale (39.8 billion is 3.98e10). */
export function inUnits(q: { value: number; scale?: keyof typeof SCALE_FACTOR }): number {
  return q.value * scaleFactor(q.scale);
}

/**
 * Whether two quantities are the same amount, whatever scale each is written in (39.8 billion and 39800 million),
 * compared exactly as written: digit by digit, not as products of floats, whose rounding a tolerance would have to
 * absorb, and with it a real change in the tenth significant digit or beyond (1234567890 to 1234567891 thousand).
 */
export function sameAmount(a: { value: number; scale?: keyof typeof SCALE_FACTOR }, b: { value: number; scale?: keyof typeof SCALE_FACTOR }): boolean {
  return exactDecimal(a) === exactDecimal(b);
}

/** The most significant digits a canvas's figure has (load/ refuses more: a double holds no more exactly). */
export const MAX_SIGNIFICANT_DIGITS = 15;

/**
 * Whether two amounts in units (inUnits: a figure of at most 15 significant digits times its scale, or an amount typed
 * in text read so) are the same amount as written: equal to 15 significant digits, which the float product of a figure
 * and its scale keeps (1.005 × 1e9 is 1004999999.9999999, and 1,005 million), and no two figures written otherwise
 * share. Not within a tolerance, which took 1,965,007,124 million for 1,965,007,123 million. An amount of more digits
 * than 15 is no canvas figure: the caller leaves it out (the product cannot tell it from one).
 */
export function sameUnits(a: number, b: number): boolean {
  return a === b || a.toPrecision(MAX_SIGNIFICANT_DIGITS) === b.toPrecision(MAX_SIGNIFICANT_DIGITS);
}

/** A quantity in units as an exact decimal, its digits without leading or trailing zeros and its power of ten: 39.8 billion is "398e8". */
function exactDecimal(q: { value: number; scale?: keyof typeof SCALE_FACTOR }): string {
  if (q.value === 0) return '0';
  const [mantissa, exponent = '0'] = String(Math.abs(q.value)).split('e'); // JS's shortest decimal that reads back as the value
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = `${whole}${fraction}`.replace(/^0+/, '');
  const significant = digits.replace(/0+$/, '');
  const power = Number(exponent) - fraction.length + (digits.length - significant.length) + Math.round(Math.log10(scaleFactor(q.scale)));
  return `${q.value < 0 ? '-' : ''}${significant}e${power}`;
}

/**
 * Scales Chinese, Japanese and Korean reports write after a number or before a currency: 千 (thousand), 万/만 (ten
 * thousand), 百万/백만 (million), 千万/천만 (ten million), 億/亿/억 (hundred million), 十億 (billion), 兆/조 (trillion).
 */
const CJK_SCALES: Record<string, number> = { 千: 1e3, 万: 1e4, 萬: 1e4, 만: 1e4, 百万: 1e6, 百萬: 1e6, 백만: 1e6, 千万: 1e7, 千萬: 1e7, 천만: 1e7, 億: 1e8, 亿: 1e8, 억: 1e8, 十億: 1e9, 十亿: 1e9, 兆: 1e12, 조: 1e12 };
/** The CJK scale words, longest first, for a regular expression. */
export const CJK_SCALE_WORDS = Object.keys(CJK_SCALES).sort((a, b) => b.length - a.length);

/**
 * Indian scales, as Indian reports write them after a number or before a currency: lakh (a hundred thousand) and
 * crore (ten million), with their plurals and abbreviations ("Rs. cr", "lacs") and in Hindi (लाख, करोड़).
 */
const INDIAN_SCALES: Record<string, number> = {
  lakh: 1e5, lakhs: 1e5, lac: 1e5, lacs: 1e5, crore: 1e7, crores: 1e7, cr: 1e7, crs: 1e7,
  // लाख, and करोड़ with its nukta apart (as NFC leaves it), composed, or left out.
  '\u0932\u093e\u0916': 1e5, '\u0915\u0930\u094b\u0921\u093c': 1e7, '\u0915\u0930\u094b\u095c': 1e7, '\u0915\u0930\u094b\u0921': 1e7,
};
/** The Indian scale words, longest first, for a regular expression (matched in any case). */
export const INDIAN_SCALE_WORDS = Object.keys(INDIAN_SCALES).sort((a, b) => b.length - a.length);

/** A scale of another notation as one of a canvas's scales: what it multiplies by, the scale to write, and what the value is multiplied by to go with it. */
export interface ForeignScale {
  multiplier: number;
  scale: string;
  times: number;
}

/**
 * A CJK scale as one of a canvas's scales: what it multiplies by, the scale to write, and what the value is
 * multiplied by to go with it (万 is ten times the value in thousands, 千万 ten times it in millions, 億 a tenth of it in billions).
 */
export function cjkScale(word: string): ForeignScale | undefined {
  const multiplier = CJK_SCALES[word];
  return multiplier === undefined ? undefined : asCanvasScale(multiplier);
}

/** An Indian scale ("crore", "Cr.", "lakhs", "करोड़") as one of a canvas's scales: a crore is ten times the value in millions, a lakh a hundred times it in thousands. */
export function indianScale(word: string): ForeignScale | undefined {
  const multiplier = INDIAN_SCALES[word.toLowerCase().replace(/\.$/, '')];
  return multiplier === undefined ? undefined : asCanvasScale(multiplier);
}

/** How a scale word is named in a message: crore and lakh for their abbreviations and plurals ("Cr.", "lacs"), any other as written. */
export function scaleName(word: string): string {
  const multiplier = /^[a-z]/i.test(word) ? indianScale(word)?.multiplier : undefined;
  return multiplier === 1e7 ? 'crore' : multiplier === 1e5 ? 'lakh' : word;
}

/** What a scale word written beside an amount multiplies by: an Indian one ("crore", "lakhs", "Cr.") or one of a canvas's ("thousand", "millions"). */
export function scaleWordFactor(word: string): number | undefined {
  const english = word.toLowerCase().replace(/\.$/, '').replace(/s$/, '');
  return indianScale(word)?.multiplier ?? (Object.hasOwn(SCALE_FACTOR, english) ? SCALE_FACTOR[english as keyof typeof SCALE_FACTOR] : undefined);
}

/** A CJK or Indian scale word as one of a canvas's scales. */
export function foreignScale(word: string): ForeignScale | undefined {
  return cjkScale(word) ?? indianScale(word);
}

/**
 * A multiplier as one of a canvas's scales: 億 (1e8) is a tenth of the value in billions; any other, the largest scale
 * not above it and the value times the rest (万 ten times in thousands, a lakh a hundred times, a crore ten times in
 * millions, a lakh crore (1e12) in trillions as it is). 千, 百万, 十億 and 兆 are scales of a canvas as they are.
 */
export function asCanvasScale(multiplier: number): ForeignScale {
  if (multiplier === 1e8) return { multiplier, scale: 'billion', times: 0.1 };
  const [scale, factor] = Object.entries(SCALE_FACTOR).filter(([, f]) => f <= multiplier).at(-1) ?? ['thousand', 1e3];
  return { multiplier, scale, times: Math.round(multiplier / factor) };
}

/** How a value is multiplied to go with its new scale, in words: "ten times", "a hundred times", "a tenth of". */
export function timesWords(times: number): string {
  return ({ 0.1: 'a tenth of', 10: 'ten times', 100: 'a hundred times', 1000: 'a thousand times' } as Record<number, string>)[times] ?? `${times} times`;
}

/** `value` in the scale a CJK or Indian one becomes (ForeignScale's `times`), with the digits that keep its precision: 2340 億 is 234.0 billion, 3.2 lakh 320 thousand. */
export function movedScale(value: number, times: number): string {
  const digits = decimalsOf(value) - Math.round(Math.log10(times));
  return (value * times).toFixed(Math.max(0, digits));
}
