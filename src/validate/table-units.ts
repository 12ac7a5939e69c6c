/**
 * The unit a free table's title or column heading states for the bare numbers under it ("Summary income statement
 * (£ million)", a column "Q3 2025 (€m)"), and such a number read as the amount it then is: 413 under "(£ million)" is
 * £413 million (typed-mismatch compares it as it compares a cell typed "£413 million": typed-findings.ts).
 */
import type { CanvasInput } from './schema.ts';
import type { KeyPath } from '../canvas/key-path.ts';
import { columnHeading, freeTableCells } from '../canvas/table-cells.ts';
import { cellNumber } from '../canvas/table-numbers.ts';
import { isCurrency } from '../canvas/currencies.ts';
import { typedAmounts } from '../canvas/typed-amounts.ts';
import { PENCE_UNITS } from '../canvas/figure-currencies.ts';

/** A currency as tables head their columns: a sign ("£", "US$", "€") or an ISO code in capitals ("GBP", "RMB"). */
const CURRENCY = String.raw`US\$|HK\$|A\$|C\$|S\$|NZ\$|R\$|£|€|\$|¥|₹|₩|[A-Za-z]{3}`;
/** A scale as tables write it, and the word an amount writes for it. */
const SCALES: Array<[RegExp, string]> = [
  [/^(?:millions?|mn|mln|m|mio\.?)$/i, 'million'],
  [/^(?:billions?|bn|bln|mrd\.?)$/i, 'billion'],
  [/^(?:thousands?|k|tsd\.?|['’]?000)$/i, 'thousand'],
  [/^(?:crores?|cr)$/i, 'crore'],
  [/^lakhs?$/i, 'lakh'],
];
const SCALE = String.raw`millions?|mn|mln|m|mio\.?|billions?|bn|bln|mrd\.?|thousands?|k|tsd\.?|['’]?000|crores?|cr|lakhs?`;
/**
 * A currency and its scale, either way round, in brackets or after "in", or alone as a heading ("£m"): "(£ million)",
 * "(£m)", "GBP m", "(in EUR million)", "in € millions", "(Mio. €)", "(RMB bn)", "(£'000)". Not a scale without its
 * currency ("(in millions)": which currency the table does not say), nor a currency without its scale ("(€)", as often
 * written over figures in millions as over figures per share).
 */
const AMOUNT_UNIT = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:in\s+)?(?:(${CURRENCY})\s?(${SCALE})|(${SCALE})\s?(?:of\s+)?(${CURRENCY}))(?![\p{L}\p{N}])`, 'giu');
/** A percentage stated as the unit: "(%)", "(in %)", "in %", "(per cent)". Not a heading "%" alone, which is a change's. */
const PERCENT_UNIT = /\(\s*(?:in\s+)?(?:%|per\s?cent)\s*\)|(?<!\p{L})in\s+%/giu;
/** Words naming a table of a statement's figures, not a measure: "Summary income statement", "Balance sheet", "P&L". */
const STATEMENT_WORDS = /(?<!\p{L})(?:(?:summary|condensed|consolidated|group)\s+)?(?:income statement|balance sheet|cash[- ]flow statement|statement of (?:comprehensive income|income|financial position|cash flows|profit or loss)|profit and loss(?: account)?|p&l)(?!\p{L})/giu;

/** A row label naming a figure per share or per unit: "Basic EPS", "Interim dividend per share", "Earnings per ADS", "DPS". */
const PER_SHARE = /(?<![\p{L}\p{N}])(?:EPS|DPS|per\s+(?:share|ADS|ADR|unit|depositary\s+(?:share|receipt)))(?![\p{L}\p{N}])/iu;
/** A title's exception for such rows, which it then writes in their own unit: "(US$ million, except per share data)". */
const EXCEPT_PER_SHARE = /(?<!\p{L})except\s+(?:for\s+)?(?:per[-\s](?:share|ADS|ADR|unit)|EPS)(?:\s+(?:data|amounts|figures|information))?(?!\p{L})/giu;
/** A label as a row and a metric write it alike: in lower case, its brackets and spacing aside ("Diluted EPS ($)" is "diluted eps"). */
const plain = (label: string) => label.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The unit of a metric a row's label names (its label or id, as plain) where its figures are per share or per unit: in
 * pence (GBX), or a currency without a scale whose figures are all under 1,000 (a full amount would run to thousands);
 * undefined where no such metric is named.
 */
function perUnitMetric(canvas: CanvasInput, label: string): { pence: boolean } | undefined {
  for (const [id, m] of Object.entries(canvas.metrics ?? {})) {
    if (plain(m.label ?? id) !== plain(label) && plain(id) !== plain(label)) continue;
    const unit = m.unit ?? '';
    if (PENCE_UNITS.includes(unit)) return { pence: true };
    const values = 'values' in m && Array.isArray(m.values) ? m.values : [m];
    if (isCurrency(unit) && m.scale === undefined && values.every((v: { value?: unknown; scale?: unknown }) => v.scale === undefined && (typeof v.value !== 'number' || Math.abs(v.value) < 1000))) return { pence: false };
  }
  return undefined;
}

/** A unit stated: a currency (as written) and its scale's word, or a percentage. */
type StatedUnit = { currency: string; scale: string } | { percent: true };

/** Of a title or heading: the units it states, each as written ("(£ million)"). */
function unitsIn(words: string): Array<{ unit: StatedUnit; written: string }> {
  const found: Array<{ unit: StatedUnit; written: string }> = [];
  for (const m of words.matchAll(AMOUNT_UNIT)) {
    const currency = m[1] ?? m[4]!;
    // A code in capitals, and a currency's ("Net m" is no unit); a sign is one.
    if (/^[A-Za-z]{3}$/.test(currency) && (currency !== currency.toUpperCase() || !(isCurrency(currency) || currency === 'RMB'))) continue;
    const written = m[2] ?? m[3];
    const scale = SCALES.find(([r]) => r.test(written!))![1];
    found.push({ unit: { currency, scale }, written: m[0] });
  }
  for (const m of words.matchAll(PERCENT_UNIT)) found.push({ unit: { percent: true }, written: m[0] });
  return found;
}

/** `words` with the units it states, the names of statements and an exception for per-share rows blanked: what else it says (of a measure, a period, a change). */
export function withoutUnits(words: string): string {
  const blank = (w: string) => ' '.repeat(w.length);
  return unitsIn(words).reduce((t, { written }) => t.replace(written, blank), words).replace(STATEMENT_WORDS, blank).replace(EXCEPT_PER_SHARE, blank);
}

const key = (u: StatedUnit) => ('percent' in u ? '%' : `${u.currency.toUpperCase()} ${u.scale}`);

/**
 * The unit the bare numbers of a column are in, as its heading or the table's title states it, with where it says so;
 * undefined where neither states one, or they state several that differ ("(£ million)" over a column "£bn"): a number
 * whose unit cannot be read is not read.
 */
function columnUnit(title: string, heading: string): { unit: StatedUnit; where: string } | undefined {
  const stated = [...unitsIn(heading).map((u) => ({ ...u, where: `its column heading ${JSON.stringify(heading)}` })), ...unitsIn(title).map((u) => ({ ...u, where: `the table's title ${JSON.stringify(title)}` }))];
  if (stated.length === 0 || new Set(stated.map((s) => key(s.unit))).size > 1) return undefined;
  // A heading that is nothing but a percentage beside other figures ("(%)") is a change's or a share's column.
  if ('percent' in stated[0]!.unit && unitsIn(heading).length > 0 && withoutUnits(heading).trim() === '') return undefined;
  return { unit: stated[0]!.unit, where: stated[0]!.where };
}

/** A free table's bare number (413, 1,234.5, 447.0; not text), where its column's unit is stated: the amount it is, as it would be typed ("£413 million", "12.5%"). */
export interface BareNumber {
  path: KeyPath;
  /** The number as the canvas writes it: "413", "-12", "447.0". */
  written: string;
  /** The amount it is, typed with its unit: "£413 million". */
  read: string;
  /** Where the unit is stated: `the table's title "Summary income statement (£ million)"`. */
  where: string;
}

/** Every bare number of a free table whose title or column heading states its unit (columnUnit), read with it. English only. */
export function bareTableNumbers(canvas: CanvasInput): BareNumber[] {
  const language = canvas.briefing?.language;
  return freeTableCells(canvas).flatMap(({ cell, path, row, column }): BareNumber[] => {
    // A number written as text ("1,234") is read as the table prints it; a label in the row's first cell is no figure.
    const number = column === 0 ? undefined : cellNumber(cell, language, undefined);
    if (number === undefined || number.own || number.asTyped) return [];
    const t = path.lastIndexOf('table');
    const table = path.slice(0, t + 1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], canvas) as { title?: unknown; columns: unknown[]; rows: unknown[][] };
    const heading = columnHeading(table.columns[column]);
    const stated = columnUnit(typeof table.title === 'string' ? table.title : '', heading);
    if (stated === undefined) return [];
    // (A negative with a true minus, as messages quote one.)
    const sign = /^[-\u2212]/.test(number.text) ? '\u2212' : '';
    const digits = number.value.toLocaleString('en-US', { minimumFractionDigits: number.decimals, maximumFractionDigits: number.decimals });
    const { unit } = stated;
    if ('percent' in unit) return [{ path, written: number.text, read: `${sign}${digits}%`, where: stated.where }];
    // A row per share or per unit (EPS, a dividend per share) is not in the title's scaled unit: read in its metric's own
    // unit where the title says so ("except per share data"), or else not at all.
    const label = typeof table.rows[row]?.[0] === 'string' ? table.rows[row][0] : '';
    const perUnit = label === '' ? undefined : perUnitMetric(canvas, label);
    const code = /^[A-Za-z]{3}$/.test(unit.currency) ? ' ' : '';
    const perShare = perUnit !== undefined || PER_SHARE.test(label);
    // (Pence are not read: a cell is read as an amount in a currency's unit, typed-findings.ts' cellSentence.)
    if (perShare && (perUnit === undefined || perUnit.pence || !(typeof table.title === 'string' && table.title.search(EXCEPT_PER_SHARE) >= 0))) return [];
    const read = `${sign}${unit.currency}${code}${digits}${perShare ? '' : ` ${unit.scale}`}`;
    // Only as an amount is read in text: one amount, the whole of it (a sign no amount is read with is no unit).
    const amounts = typedAmounts(read, undefined, language);
    if (amounts.length !== 1 || amounts[0]!.token !== read) return [];
    return [{ path, written: number.text, read, where: stated.where }];
  });
}
