/**
 * Figures whose scale was likely typed wrong: about 10, 100, 1,000 or 10,000 times (or that part of) the figures they
 * should match. 313億円 typed `value: 313, scale: billion` (¥313 billion, ten times too much) beside 決算短信's ¥31,245
 * million; a digit dropped from a quarter's revenue (3,398 between 33,400 and 35,100); a value in millions among
 * billions. validate/findings.ts reports them (scale-slip), and names the power in a contradiction it finds.
 * Percentages are percent-as-fraction's (conflicts.ts fractionPercents).
 */
import type { Metric } from '../validate/schema.ts';
import { periodKind, range } from './conflicts.ts';
import { inUnits } from './numbers.ts';
import { writtenScale, type TypedAmount, type WrittenScale } from './typed-amounts.ts';

/** The powers of ten a slip of the scale makes: a digit (10), 万 for thousand or 億 for billion (10), million for billion (1,000), 億 for 万 (10,000). */
const POWERS = [1, 2, 3, 4];
/** How far from a power of ten two figures may be, beyond their rounding, as two sources rounding differently are (313億 is ¥31.3 billion, the filing's ¥31,245 million). */
const SLACK = 1.02;

/**
 * Whether a figure is written to 5% or better, rounding and qualifiers allowed for (canvas/conflicts.ts range): close
 * enough to a power of ten of another to say so. 7 billion (6.5 to 7.5) is not: 72 billion is 9.6 to 11.2 times it.
 */
function precise(m: Metric): boolean {
  const [lo, hi] = range(m);
  return Number.isFinite(lo) && Number.isFinite(hi) && (hi - lo) / 2 <= Math.abs(inUnits({ value: m.value!, scale: m.scale })) * 0.05;
}

/**
 * The power of ten (signed: −1 for a tenth) that figure `a` is of `b`, as far as their rounding and qualifiers allow,
 * give or take 2%, for amounts or counts of one unit and sign, each written to 5% or better (precise); undefined for
 * any other pair, for figures of different concepts (the smallest model and the largest), and for percentages.
 */
export function powerOfTenApart(a: Metric, b: Metric): number | undefined {
  if (a.value === undefined || b.value === undefined || a.unit !== b.unit || a.unit === 'percent' || a.value === 0 || b.value === 0 || Math.sign(a.value) !== Math.sign(b.value)) return undefined;
  if ((a.concept !== undefined && b.concept !== undefined && a.concept !== b.concept) || !precise(a) || !precise(b)) return undefined;
  const [ra, rb] = [range(a).map(Math.abs).sort((x, y) => x - y), range(b).map(Math.abs).sort((x, y) => x - y)];
  // The ratios the two figures allow, and a power of ten among them, 2% either way.
  const [lo, hi] = [ra[0] / rb[1], ra[1] / rb[0]];
  return POWERS.flatMap((k) => [k, -k]).find((power) => lo <= 10 ** power * SLACK && hi >= 10 ** power / SLACK);
}

/**
 * The power of ten (signed: −1 for a tenth; 1 to 3 either way) that amount `a` is of `b`, each in units with what its
 * last digit counts (`step`), within the rounding of both and no more: a figure typed into text against the canvas's
 * (validate/typed-findings.ts), where 61億円 (6.1 billion, to 100 million) is a tenth of JP¥61.2 billion. Undefined for
 * any other pair, and where either rounds to zero.
 */
export function powerOfTenWithin(a: { value: number; step: number }, b: { value: number; step: number }, powers = POWERS.slice(0, 3)): number | undefined {
  const [alo, ahi, blo, bhi] = [Math.abs(a.value) - a.step / 2, Math.abs(a.value) + a.step / 2, Math.abs(b.value) - b.step / 2, Math.abs(b.value) + b.step / 2];
  if (alo <= 0 || blo <= 0) return undefined;
  const [lo, hi] = [alo / bhi, ahi / blo];
  return powers.flatMap((k) => [k, -k]).find((power) => lo <= 10 ** power * (1 + 1e-9) && hi >= 10 ** power / (1 + 1e-9));
}

/** A typed amount with what its last digit counts, a round figure's zeros read as its rounding ("3,450万元" may be 3,452万 rounded; "$240 million" $241 million). */
function asRounded(typed: Pick<TypedAmount, 'value' | 'step'>): { value: number; step: number } {
  let units = Math.round(Math.abs(typed.value) / typed.step);
  let step = typed.step;
  while (units > 0 && units % 10 === 0) [units, step] = [units / 10, step * 10];
  return { value: typed.value, step };
}

/**
 * Where an amount typed in a scale the canvas names otherwise (writtenScale: 億, 万, 억, crore, lakh) and a canvas's
 * figure `f` (in units, with what its last digit counts) are 10, 100 or 1,000 times apart, or that part, within the
 * rounding of both (a round figure's zeros read as its rounding: "3,450万元" may be 3,452万 rounded): the power `f` is of
 * the amount (1 where JP¥61.2 billion is ten times "61億円"), with the scale, for a message to say what one of it is.
 * The scale likely slipped in the metric or in the text. check's typed-mismatch and the briefing's "Where sources
 * disagree" both say so.
 */
function typedScaleSlip(typed: Pick<TypedAmount, 'token' | 'currencies' | 'value' | 'step'>, f: { value: number; step: number }): { power: number; scale: WrittenScale } | undefined {
  const scale = writtenScale(typed);
  if (scale === undefined) return undefined;
  const power = powerOfTenWithin(f, asRounded(typed));
  return power === undefined ? undefined : { power, scale };
}

/**
 * typedScaleSlip, or else an amount typed in the scale words the canvas uses too (million, billion, Mio., or none) whose
 * digits are a figure's `f` but 10, 100, 1,000 or a million times off, or that part, within the rounding of both:
 * "$5.84 million" for remaining performance obligations of $5.84 billion, "$2,410" for cash of $2,410 million. A scale
 * slipped in the metric or in the text as much (`scale` undefined: nothing to say of what one of it is). typed-mismatch
 * reports it where it would compare the amount with the figure but for their ratio (a sentence naming no period may
 * speak of a year's figure, half as much again), and says it beside any figure it reports.
 */
export function typedSlip(typed: Pick<TypedAmount, 'token' | 'currencies' | 'value' | 'step'>, f: { value: number; step: number }): { power: number; scale?: WrittenScale } | undefined {
  const written = typedScaleSlip(typed, f);
  if (written !== undefined) return written;
  // (Its zeros as typed: "$2.0 million" has no digits of $2,410 million, nor "$240 million".)
  const power = powerOfTenWithin(f, typed, [1, 2, 3, 6]);
  return power === undefined ? undefined : { power };
}

/** A value of a series about a power of ten off the values it should match. */
export interface SeriesSlip {
  id: string;
  /**
   * The values it is compared with: the periods either side of it, or the period before it and the same period a year
   * earlier (later, for its first); or, for a value whose scale is written other than the rest of its series' (`scaled`),
   * the one beside it.
   */
  against: [string, string] | [string];
  /** Its scale as written (`scale: billion` among a series of millions), which the slip is in. */
  scaled?: string;
  /** Of a series of two figures in two scales: which of the two is in the wrong one is not known. */
  pair?: true;
  /** The power of ten it is of them (signed: −1 for a tenth). */
  power: number;
}

/** Days between two ISO dates. */
const daysApart = (a: string, b: string) => Math.abs(Date.parse(b) - Date.parse(a)) / 86_400_000;

/**
 * Values of a series (`history`: its values' ids, oldest first) about 10^k times (k = 1 to 4, or that part of) the two
 * values it is compared with, where those two agree with each other (within 2×, as a business moves from one period to
 * the next) and the value times the power lies between them, 5% either way: a slip, not growth, which moves a series
 * ten times over years, not for one period and back. Compared with: the periods before and after it (no more than 400
 * days apart, of its kind of period); for the latest, the period before and the same period a year earlier; for the
 * first, the period after and the same period a year later. Only of series whose values are all above zero (a
 * measure that reaches zero or crosses it may come near it in any period), written to 5% or better (5 is 4.5 to 5.5:
 * too coarse to say), and not of percentages (fractionPercents'). Not a value the writer explained (explained): a real
 * one-off is a power of ten off as a slip is.
 */
export function seriesSlips(metrics: Record<string, Metric>, history: string[]): SeriesSlip[] {
  const values = history.map((id) => ({ id, m: metrics[id]! })).filter(({ m }) => m.value !== undefined && m.period_end !== undefined);
  if (values.some(({ m }) => m.unit === 'percent' || m.value! <= 0)) return [];
  if (values.length < 3) return scaleWordSlips(values);
  // The series' own note, which its values carry as the canvas's metrics have them after validation: the one most of them have.
  const notes = values.map(({ m }) => m.note);
  const seriesNote = notes.find((n) => n !== undefined && notes.filter((o) => o === n).length * 2 > notes.length);
  const near = (a: Metric, b: Metric) => periodKind(a) === periodKind(b) && daysApart(a.period_end!, b.period_end!) <= 400;
  const yearApart = (a: Metric, b: Metric) => periodKind(a) === periodKind(b) && Math.abs(daysApart(a.period_end!, b.period_end!) - 365.25) <= 10;
  const found: SeriesSlip[] = [];
  values.forEach(({ id, m }, i) => {
    if (!precise(m)) return;
    const [before, after] = [values[i - 1], values[i + 1]];
    const yearOff = (step: number) => values.find(({ m: o }, j) => Math.sign(j - i) === step && yearApart(m, o));
    const pair = before !== undefined && after !== undefined
      ? [before, after]
      : before !== undefined ? [before, yearOff(-1)] : [after, yearOff(1)];
    const [x, y] = pair;
    if (x === undefined || y === undefined || x.id === y.id || !near(m, x.m) || !near(m, y.m) || !precise(x.m) || !precise(y.m)) return;
    const [vx, vy, v] = [x.m, y.m, m].map((q) => inUnits({ value: q.value!, scale: q.scale }));
    const [lo, hi] = [Math.min(vx, vy), Math.max(vx, vy)];
    if (hi > lo * 2) return; // they do not agree: a business moving, not a slip beside it
    const power = POWERS.flatMap((k) => [k, -k]).find((k) => v * 10 ** -k >= lo / 1.05 && v * 10 ** -k <= hi * 1.05);
    if (power !== undefined && !explained(m, [v / vx, v / vy], seriesNote)) found.push({ id, against: [x.id, y.id], power });
  });
  return found.length > 0 ? found : scaleWordSlips(values);
}

/**
 * A value of a series whose scale is written other than all the others' (`scale: billion` among millions), a power of
 * ten (10^2 or more) off the value beside it as written, but within 2× of it as its digits read in the others' scale: the
 * scale word is the slip ("1,474.2 billion" of net debt beside 1,308.6 million six months before). The scale word says
 * which figure is off, so one value beside it is enough; of a series of two in two scales (two balances), the later is
 * reported as one of the two (`pair`). Not a value the writer explained.
 */
function scaleWordSlips(values: Array<{ id: string; m: Metric }>): SeriesSlip[] {
  const scales = new Set(values.map(({ m }) => m.scale));
  if (values.length < 2 || scales.size !== 2) return [];
  // Of two, neither is told from the other by its scale alone: the later is reported (the figure typed last), as one of the two (`pair`).
  const odd = values.length === 2 ? [values[1]!] : values.filter(({ m }) => values.filter(({ m: o }) => o.scale === m.scale).length === 1);
  if (odd.length !== 1) return [];
  const i = values.indexOf(odd[0]!);
  const { id, m } = odd[0]!;
  const beside = [values[i - 1], values[i + 1]].filter((v) => v !== undefined && periodKind(v.m) === periodKind(m) && daysApart(v.m.period_end!, m.period_end!) <= 400);
  const other = beside[0];
  if (other === undefined || !precise(m) || !precise(other.m)) return [];
  const [v, vo] = [inUnits({ value: m.value!, scale: m.scale }), inUnits({ value: other.m.value!, scale: other.m.scale })];
  const asTheirs = inUnits({ value: m.value!, scale: other.m.scale });
  const power = Math.round(Math.log10(v / asTheirs));
  if (Math.abs(power) < 2 || asTheirs > vo * 2 || asTheirs < vo / 2 || explained(m, [v / vo], undefined)) return [];
  return [{ id, against: [other.id], power, scaled: m.scale ?? 'units', ...(values.length === 2 ? { pair: true } : {}) }];
}

/**
 * Whether the writer explained a value a power of ten off its neighbours (`ratios`: it over each): a `note` of its own
 * (not the series' `seriesNote`, which every value has: "£318.4 million, including the gain on the disposal"), or a
 * stated change in percent that puts it about as many times its earlier figure as it is its neighbours (within 2×
 * of either ratio, as the neighbours may be 2× apart): £318.4 million, +927% YoY, beside quarters of £31 million is a
 * one-off told as one; a slip typed with the change of the real figure (+5%) is not.
 */
function explained(m: Metric, ratios: number[], seriesNote: string | undefined): boolean {
  if (m.note !== undefined && m.note !== seriesNote) return true;
  const percent = m.change?.percent;
  if (percent === undefined || percent <= -100) return false;
  const times = 1 + percent / 100;
  return times >= Math.min(...ratios) / 2 && times <= Math.max(...ratios) * 2;
}

/** A power of ten in words (check's scale-slip, the data notes): "ten times", "a tenth of". */
export function powerWords(power: number): string {
  const i = Math.abs(power) - 1;
  return power > 0 ? ['ten times', 'a hundred times', 'a thousand times', 'ten thousand times', 'a hundred thousand times', 'a million times'][i] : ['a tenth of', 'a hundredth of', 'a thousandth of', 'a ten-thousandth of', 'a hundred-thousandth of', 'a millionth of'][i];
}
