/**
 * Figures typed into a declared contradiction's note (validate/findings.ts runs it). A note refers to no metric (it
 * explains figures, so it cannot quote them as references): its figures are typed, and stay as typed when a figure is
 * corrected. An amount of money in it that is none of the figures it explains (value or equivalent, allowing for either
 * side's rounding) but is as close to one of them as a correction moves a figure, in the same currency (within NEAR), is
 * reported as typed-mismatch: the briefing would print "Most blocks give RMB 39.8 billion" under figures of RMB 40.1
 * billion and RMB 39.5 billion. Read narrowly, as a false warning here prints a false statement in the data notes: left
 * alone are an amount far from all of them (a difference, a total, last year's figure), one that is another metric's
 * figure, one with a qualifier ("over RMB 42 billion", "about US$5.5 billion") and one whose clause speaks of another
 * time, basis or first figure, or of expectations (a year or quarter earlier, Q2 2025, net of, originally, guidance,
 * consensus): read in its clause, not the sentence, as a note's sentences set figures side by side ("the release gives
 * RMB 39.5 billion, a preliminary estimate, and the results table RMB 39.8 billion"). A declaration whose figures are
 * one figure is resolved-contradiction's.
 */
import type { CanvasInput, Metric } from './schema.ts';
import type { Finding } from './findings.ts';
import { resolveRef, type MetricIndex } from '../canvas/series.ts';
import { sameFigure } from '../canvas/conflicts.ts';
import { notationOf, typedAmounts, typedPercents } from '../canvas/typed-amounts.ts';
import { decimalsOf, inUnits } from '../canvas/numbers.ts';
import { isCurrency } from '../canvas/currencies.ts';
import { namedPeriods, periodKeysOf, withoutPeriods } from '../canvas/text-periods.ts';
import { amount, figure } from './figure-words.ts';
import { quote } from '../errors.ts';
import { JOINING_WORDS, listOf } from '../words.ts';

/** How far (a share of the figure) an amount may be from one of the note's figures to be read as that figure typed wrong. */
const NEAR = 0.02;

/** Words just before an amount that make it a bound, an estimate or the figure compared with ("up from"), not a figure typed as it is. */
const QUALIFIED = /(?:\b(?:over|about|around|approx(?:imately|\.)?|nearly|almost|roughly|some|above|below|under|exceed(?:s|ed|ing)?|more than|less than|up to|at least|at most|c\.|from|since|versus|vs\.?|compared with|against)|~|≈)\s*$/i;

/**
 * Words of the amount's clause that make it another figure than the note's: another time (a year or quarter earlier, a
 * period named), another basis (net of, excluding, adjusted), a first or revised figure, or expectations.
 */
const ELSEWHEN = /\b(?:(?:year|quarter|month)s? (?:earlier|before|ago)|prior|previous(?:ly)?|last (?:year|quarter|month)|sequential(?:ly)?|original(?:ly)?|first reported|initial(?:ly)?|restated|revised|guid(?:ance|ed|es)|consensus|forecast|expect(?:s|ed|ation)|estimates?|targets?|outlook|budget|net of|excluding|excl\.|including|incl\.|adjusted|basis|intersegment|constant currency|like-for-like|organic|underlying|without|ex-|pro[- ]forma|(?:Q[1-4]|H[12]|FY|9M)\s?'?\d{2,4}|\d{4})\b/i;

/** Words that name a measure: a clause naming one its note's figures are not ("the tax rate was", "EBITDA", "growth") speaks of another figure. */
const MEASURE_WORDS = /\p{L}[\p{L}\p{N}]*/gu;
const MEASURES = new Set(['revenue', 'revenues', 'sales', 'turnover', 'growth', 'tax', 'rate', 'margin', 'margins', 'ebitda', 'ebita', 'ebit', 'income', 'profit', 'profits', 'earnings', 'eps', 'cost', 'costs', 'expenses', 'capex', 'cash', 'debt', 'assets', 'equity', 'return', 'returns', 'yield', 'share', 'ratio', 'volume', 'orders', 'backlog', 'headcount', 'employees', 'users', 'customers', 'price', 'dividend', 'dividends']);

export function staleNotes(canvas: CanvasInput, index: MetricIndex, fiscalShift?: number): Finding[] {
  const notation = notationOf(canvas.briefing?.language);
  const metrics = Object.values(index.metrics);
  // Each figure as [[id]] prints it in the canvas's language ("$1,195 million" in en-US).
  const language = canvas.briefing?.language;
  const allAmounts = metrics.flatMap((m) => amountsOf(m, language));
  // A percentage any metric gives, its stated change too ("revenue grew 12.3%" beside margins of 12.6% and 12.1%).
  const allPercents = [...metrics.flatMap((m) => percentOf(m, language)), ...metrics.flatMap((m) => (m.change?.percent === undefined ? [] : [{ unit: 'percent', value: m.change.percent, step: 10 ** -decimalsOf(m.change.percent), shown: '' }]))];
  const labelWords = (ms: readonly Metric[]) => new Set(ms.flatMap((m) => m.label.toLowerCase().match(MEASURE_WORDS) ?? []).filter((w) => !JOINING_WORDS.has(w)));
  const everyLabel = labelWords(metrics);
  return (canvas.data_notes?.contradictions ?? []).flatMap((c, i): Finding[] => {
    if (!c.note) return [];
    const note = c.note;
    const ids = c.metrics.map((ref) => resolveRef(index, ref));
    const figures = ids.map((id) => index.metrics[id]);
    if (figures.some((m) => m === undefined) || figures.every((m) => sameFigure(figures[0]!, m!))) return [];
    // The period its figures are for, named in the note ("restates Q2 2025 revenue to"), is theirs: no other time.
    const own = new Set(figures.flatMap((m) => [...periodKeysOf(m!, fiscalShift)]));
    const elsewhen = (clause: string) => ELSEWHEN.test(withoutPeriods(clause, namedPeriods(clause).filter((p) => !p.compared && own.has(p.key))));
    // A clause naming a measure its figures are not (another metric's label, or a word of a measure) speaks of another figure.
    const ownWords = labelWords(figures as Metric[]);
    const otherMeasure = (clause: string) => (clause.toLowerCase().match(MEASURE_WORDS) ?? []).some((w) => !ownWords.has(w) && (MEASURES.has(w) || everyLabel.has(w)));
    const seen = new Map<string, number>();
    /** The finding at `typed`, none of `own` (the note's figures of its kind) nor `all` (any metric's), where it is as close to one as a correction or a slip moves it. */
    const check = (typed: { token: string; index: number; value: number; step: number }, own: Array<Figure & { id: string }>, all: Figure[], near: (value: number, figure: Figure) => boolean): Finding[] => {
      const nth = seen.get(typed.token) ?? 0;
      seen.set(typed.token, nth + 1);
      const clause = clauseAt(note, typed.index, typed.token.length);
      if (QUALIFIED.test(note.slice(Math.max(0, typed.index - 20), typed.index)) || elsewhen(clause) || otherMeasure(clause)) return [];
      // One of its figures, or another metric's, as either side rounds it: as meant.
      if (own.length === 0 || all.some((a) => agrees(typed, a))) return [];
      const close = own.filter((a) => near(typed.value, a) || slipped(typed, a.value));
      if (close.length === 0) return [];
      const closest = close.reduce((x, y) => (Math.abs(typed.value - y.value) < Math.abs(typed.value - x.value) ? y : x));
      const listed = [...new Set(own.map((a) => `${a.id} ${a.shown}`))];
      return [{
        path: ['data_notes', 'contradictions', i, 'note'], needle: typed.token, nth,
        rule: 'typed-mismatch', metrics: [closest.id], figure: typed.token.trim(),
        message: `${quote(typed.token.trim())} is typed into the note on ${quote(c.title)}, but is none of the figures it explains (${listOf(listed, 'and')}): a figure corrected since the note was written? The briefing would print the note under the figures. Correct the note (a note's figures are typed: it takes no references); if it means another figure, acknowledge the finding (rule typed-mismatch, metrics: [${closest.id}])`,
      }];
    };
    const ownAmounts = ids.flatMap((id) => amountsOf(index.metrics[id]!, language).map((a) => ({ ...a, id })));
    const ownPercents = ids.flatMap((id) => percentOf(index.metrics[id]!, language).map((a) => ({ ...a, id })));
    const amounts = typedAmounts(note, notation, language).map((typed) => ({
      at: typed.index,
      found: () => check(typed, ownAmounts.filter((a) => typed.currencies.includes(a.unit)), allAmounts.filter((a) => typed.currencies.includes(a.unit)), (value, a) => Math.abs(value - a.value) <= NEAR * Math.abs(a.value)),
    }));
    // A percentage, where the note explains percentages: within half a point, or a twentieth of the figure (12.4% for 12.6%).
    const percents = ownPercents.length === 0 ? [] : typedPercents(note, notation).map((typed) => ({
      at: typed.index,
      found: () => check({ ...typed, value: (typed.sign === '-' || typed.sign === '−' ? -1 : 1) * typed.magnitude }, ownPercents, allPercents, (value, a) => Math.abs(value - a.value) <= Math.max(NEAR_POINTS, NEAR_PERCENT * Math.abs(a.value))),
    }));
    return [...amounts, ...percents].sort((a, b) => a.at - b.at).flatMap((t) => t.found());
  });
}

/** A figure as the note may type it: in units (or percent), what its last digit counts, as the briefing prints it. */
interface Figure { unit: string; value: number; step: number; shown: string }

/** How far (in points) a percentage may be from one of the note's, or as a share of it (NEAR_PERCENT), to be read as that figure typed wrong. */
const NEAR_POINTS = 0.5;
const NEAR_PERCENT = 0.05;

/** A metric's percentage, where it is one: its value and what its last digit counts, as `language` prints it. */
function percentOf(m: Metric, language: string | undefined): Figure[] {
  return m.value !== undefined && m.unit === 'percent' ? [{ unit: 'percent', value: m.value, step: 10 ** -(m.decimals ?? decimalsOf(m.value)), shown: figure({ ...m, value: m.value }, language) }] : [];
}

/**
 * Whether `typed` is `figure` with a digit slipped, as a typo makes it, read at the typed figure's last digit: two
 * digits beside each other swapped ("RMB 1,324.5 million" for RMB 1,234.5 million), of three digits or more, or one
 * digit another, of four or more (fewer match too many other figures by chance). Its sign the same, within half to
 * twice it.
 */
function slipped(typed: { value: number; step: number }, of: number): boolean {
  if (Math.sign(typed.value) !== Math.sign(of) || Math.abs(typed.value) > 2 * Math.abs(of) || 2 * Math.abs(typed.value) < Math.abs(of)) return false;
  const [x, y] = [typed.value, of].map((v) => String(Math.round(Math.abs(v) / typed.step))) as [string, string];
  if (x.length !== y.length || x.length < 3) return false;
  const differ = [...x].flatMap((d, i) => (d === y[i] ? [] : [i]));
  if (differ.length === 1) return x.length >= 4;
  const [a, b] = differ as [number, number];
  return differ.length === 2 && b === a + 1 && x[a] === y[b] && x[b] === y[a];
}

/** A metric's amounts of money, in units, with what their last digit counts, as `language` prints them: its value and its equivalent. */
function amountsOf(m: Metric, language: string | undefined): Figure[] {
  const one = (q: { value: number; unit: string; scale?: Metric['scale']; decimals?: number; qualifier?: string }) => (isCurrency(q.unit)
    ? [{ unit: q.unit, value: inUnits(q), step: inUnits({ value: 10 ** -(q.decimals ?? decimalsOf(q.value)), scale: q.scale }), shown: amount(q, language) }]
    : []);
  return [
    ...(m.value !== undefined && m.unit !== undefined ? one({ ...m, value: m.value, unit: m.unit }) : []),
    ...(m.equivalent ? one(m.equivalent) : []),
  ];
}

/** Whether a typed amount is a figure as either side may have rounded it: "RMB 40 billion" is RMB 39.8 billion. */
function agrees(typed: { value: number; step: number }, figure: { value: number; step: number }): boolean {
  return Math.abs(typed.value - figure.value) <= Math.max(typed.step, figure.step) / 2 + 1e-9 * Math.abs(figure.value);
}

/**
 * The clause of `text` an amount at `at` (`length` long) stands in: from the stop, comma, semicolon, colon, bracket or
 * conjunction before it to the one after, the amount's own figures aside. Not split at an abbreviation's full stop
 * ("i.e.", "e.g.", "vs.", "approx.", "c.") nor at one a lower-case word follows, nor at a decimal point.
 */
function clauseAt(text: string, at: number, length: number): string {
  const bounds = [...text.matchAll(/(?<!\b(?:i\.e|e\.g|vs|approx|c|incl|excl|no))\.(?!\d)(?!\s+[a-z])|[;:,()!?]|\n|\s(?:and|but|while|whereas|against|versus)\s/g)]
    .map((m) => [m.index, m.index + m[0].length, m[0]] as const);
  const start = Math.max(0, ...bounds.filter(([, end]) => end <= at).map(([, end]) => end));
  const end = Math.min(text.length, ...bounds.filter(([from]) => from >= at + length).map(([from]) => from));
  // A phrase that opens the sentence before a comma speaks of all of it: "A year earlier, i.e. in Q3 2024, it was ...".
  const sentence = Math.max(0, ...bounds.filter(([, stop, mark]) => stop <= at && /^[.;!?\n]$/.test(mark)).map(([, stop]) => stop));
  const comma = bounds.find(([from, , mark]) => from >= sentence && mark === ',');
  const lead = comma !== undefined && comma[1] <= at ? text.slice(sentence, comma[0]) : '';
  return `${lead} ${text.slice(start, end).replace(text.slice(at, at + length), ' ')}`;
}
