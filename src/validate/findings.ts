/**
 * Findings: what a valid canvas can still get wrong. Warnings (errors under `check --strict`), each with
 * a rule id, at the place in the canvas to fix:
 * - contradiction: two figures of one measure for one period that cannot both be true (canvas/conflicts.ts),
 *   unless data_notes.contradictions declares them (then the data notes explain them, and nothing is said here);
 * - resolved-contradiction: a data_notes.contradictions entry whose figures are all the same figure (sameFigure), as
 *   after a correction: the briefing would list them as disagreeing, and call the source conflicting;
 * - change-mismatch: a stated YoY change that the same measure's figure a year earlier contradicts;
 * - margin-mismatch: a margin that its own profit and revenue figures for the period rule out (canvas/margins.ts);
 * - leverage-mismatch: a net debt/EBITDA multiple that its own net debt and twelve months of EBITDA rule out (canvas/leverage.ts);
 * - stale-reference: a key figure, or a text reference to a single-value metric, that names an older
 *   value of a measure when a newer one exists up to the briefing date (the measure being a metric's
 *   values, or single-value metrics sharing a concept and period type);
 * - unused-metric: a metric nothing refers to (no text, table, chart, key figure or contradiction);
 * - ended-forecast: a forecast or target whose period has ended with no actual value for it;
 * - no-source: a metric (or a value of one) that says nowhere where it comes from;
 * - share-over-100, mixed-currencies: about the figures of one table or chart (figure-sets.ts);
 * - unmatched-acknowledgement: a data_notes.acknowledged entry that matches no finding;
 * - unpinned-acknowledgement: one of figures that disagree that names no `figure`, and so accepts any (acknowledgements.ts);
 * - control-character: text holding control characters (canvas/control-characters.ts), which the briefing leaves out;
 * - typed-figure: an amount of money typed into text that is a metric's value (or its equivalent), where a reference
 *   would follow the metric when it is updated (canvas/typed-amounts.ts);
 * - period-mismatch: a text reference whose figure is for another quarter, fiscal year or half than the one its
 *   sentence names (canvas/text-periods.ts): a series rolled forward, or a figure updated in place, under old words;
 *   or that words date from a later figure beside it ("up from [[revenue@2025-03-31]] last quarter", misdatedRelative);
 * - forecast-as-actual: a text reference to a forecast or target in a sentence that does not say it looks ahead
 *   ("FY2025 revenue was [[revenue_fc]]"), which reads as a reported result (period-findings.ts);
 * - percent-as-fraction: a percentage below 1% whose measure's other figures are a hundred times it (canvas/conflicts.ts);
 * - scale-slip: figures about 10, 100, 1,000 or 10,000 times apart that should match (canvas/scale-slips.ts): a declared
 *   contradiction's, or a series' value beside the two it is compared with (a contradiction so apart says so itself);
 * - exchange-rate: an equivalent whose rate the other equivalents of its date rule out (canvas/exchange-rates.ts),
 *   unless data_notes.contradictions declares the figure against one of them; or of the other sign than its amount.
 * - undated-period: a quarter or half without period_end whose words place it nowhere in time, beside its measure's
 *   dated figures (canvas/conflicts.ts undatedFigures): contradiction compares it with none of them, and cannot say so.
 * - typed-mismatch is also found in a declared contradiction's note: an amount close to one of its figures but none of
 *   them, a figure corrected since the note was written (note-findings.ts).
 * - change-direction: `[[id.change]]` after words saying the figure moved the other way ("rose" before a fall; moved-words.ts);
 * - borrowed-headline: a block set's key-figures page showing the canvas's key figures or charts that none of its
 *   chapters prints (set-findings.ts);
 * - stale-series: a series the briefing shows whose latest value is a period or more before briefing.period, which the
 *   canvas's other series of its periodicity reach: a value not added in the roll-forward (period-findings.ts).
 * - doubled-words: words beside a text reference that it prints itself ("over [[downloads]]" of a figure qualified over,
 *   "[[staff]] employees", "US$[[revenue]]"), which the briefing would print twice (doubled-words.ts).
 * - rounded-cell: a free table's number that its column's decimals print more than a quarter away from it (0.052 as
 *   0.1): about no metric, acknowledged by its figure alone (rounded-cells.ts).
 * - stale-typed-figure: with the canvas's earlier version (--since, or the edition as sent), an amount typed into a
 *   printed text, data notes too, that is a figure as it was before it moved (stale-typed-figures.ts).
 * The rules about periods are in period-findings.ts, those about figures typed into text in typed-findings.ts;
 * figure-sets.ts has those about one table or chart. docs/canvas.md lists every rule with an example.
 */
import type { KeyPath } from '../canvas/key-path.ts';
import type { CanvasInput, FINDING_RULES, Metric } from './schema.ts';
import type { Problem } from './explain-issues.ts';
import { chapterEntries } from '../canvas/blocks.ts';
import { isLookingAhead, isSeries, resolveRef, type MetricIndex } from '../canvas/series.ts';
import { isMetricCell } from '../canvas/table-numbers.ts';
import { changeMismatches, conflictPairs, declaredTogether, fractionPercents, impliedYearOnYear, sameFigure, undatedFigures, yearEarlierFigures } from '../canvas/conflicts.ts';
import { implausibleRates, rateMismatches, repeatedEquivalents, signMismatches } from '../canvas/exchange-rates.ts';
import { codePoint, textsWithControlCharacters } from '../canvas/control-characters.ts';
import { figureSetFindings } from './figure-sets.ts';
import { amount, figure, localChange, localFigure } from './figure-words.ts';
import { textReferences, type TextReference } from './referring-texts.ts';
import { readPeriodWords } from '../canvas/period-words.ts';
import { namedPeriods, periodKeysOf } from '../canvas/text-periods.ts';
import { ackFigures, acknowledges, AGAINST, changeMismatchPins, leverageMismatchPins, marginMismatchPins, changePin, equivalentPin, exchangePins, figureIn, PINNED_RULES, printedFigure, valuePin, type FigureValue } from '../canvas/acknowledgements.ts';
import { notationOf, typedAmounts, type Notation } from '../canvas/typed-amounts.ts';
import { changeDecimals, decimalsOf, formatNumber, inUnits } from '../canvas/numbers.ts';
import { quote } from '../errors.ts';
import { listOf } from '../words.ts';
import { comparisonBase, forecastsAsActuals, periodEndFindings, periodMismatches, staleBriefingPeriod, staleSeries, titlePeriodMismatches } from './period-findings.ts';
import { findingPlace, typedChanges, typedFindings } from './typed-findings.ts';
import { setFindings } from './set-findings.ts';
import { staleNotes } from './note-findings.ts';
import { doubledWords } from './doubled-words.ts';
import { movedFrom, movedWords } from './moved-words.ts';
import { roundedCells } from './rounded-cells.ts';
import { staleTypedFigures, type EarlierVersion } from './stale-typed-figures.ts';
import { isCjkLanguage } from '../canvas/local-figures.ts';
import { powerOfTenApart, powerWords, seriesSlips } from '../canvas/scale-slips.ts';
import { marginDigits, marginMismatches } from '../canvas/margins.ts';
import { leverageMismatches } from '../canvas/leverage.ts';

export type Rule = (typeof FINDING_RULES)[number];

/** The rules found only where the canvas's earlier version is known (--since): an acknowledgement of one matches nothing without it. */
const SINCE_RULES: ReadonlySet<string> = new Set<Rule>(['stale-typed-figure']);
/** The rules about a figure typed into text, found at the amount. */
const TYPED_RULES: ReadonlySet<string> = new Set<Rule>(['typed-figure', 'typed-mismatch']);

/** A warning about a figure: where, what, which rule says so, and the metrics it is about; with the canvas's reason when acknowledged. */
export type Finding = Problem & {
  rule: Rule;
  metrics: string[];
  acknowledged?: string;
  /** Of figures that disagree (PINNED_RULES): the figure it is about, as an acknowledgement names it ("EUR 1,180 million", "+12.0%"). */
  figure?: string;
  /** Those figures as numbers, as the briefing pins them too (printedFigure); a typed figure's is read from the text. */
  pin?: FigureValue[];
  /** Of typed-mismatch, and of a typed-figure that disagrees: the typed figure is a change of the measure ("revenue grew 12%", "up 120 bps"), not its level. */
  typedChange?: true;
  /**
   * Of typed-figure, where the typed figure disagrees with a figure the briefing prints (a change beside a reference that
   * is not its stated change, or the change its figures give; an earlier value in a sentence naming a later period): the
   * metric it is set against, which "Where sources disagree" lists it with. Unset where the typed figure is the canvas's
   * own and a reference would print it (advice, not a disagreement).
   */
  disagreesWith?: string;
  /** Of period-mismatch at a reference: the part of the figure it prints, the period words its sentence says, and the measure's figure for that period, where the canvas has it. */
  misdated?: { part: string; said: string; meant?: string };
  /** Of forecast-as-actual: the part of the forecast or target its reference prints. */
  asActual?: { part: string };
  /** Of period-mismatch at a chart's or table's title, caption or column heading: which, and the period it names (as the end of its range, of a trend's). */
  heading?: { where: 'title' | 'column heading' | 'caption'; said: string; range?: true };
};

/** A use of a metric somewhere in the canvas: the reference as written, and where. */
interface Use {
  ref: string;
  where: Omit<Problem, 'message'>;
  /** Key figures must be current; text may quote an older value on purpose, but not by a leftover id. */
  kind: 'key figure' | 'text' | 'table' | 'chart' | 'contradiction';
  /** In text: the text, and where the reference starts in it. */
  text?: { value: string; at: number };
}

export function findings(canvas: CanvasInput, index: MetricIndex, earlier?: EarlierVersion): Finding[] {
  const uses = usesOf(canvas);
  // Each stated YoY change with the figure a year earlier: checked against it (change-mismatch), and what makes that figure used.
  const yearEarlier = yearEarlierFigures(index.metrics, Object.keys(index.metrics));
  // What the figures' period words say against their period_end: for period-end-mismatch, and for the checks it informs.
  const words = readPeriodWords(index.metrics);
  const all = [
    ...contradictions(canvas, index), ...resolvedContradictions(canvas, index), ...changeMismatchFindings(index, yearEarlier, canvas.briefing?.language), ...marginMismatchFindings(index, canvas.briefing?.language), ...leverageMismatchFindings(index, canvas.briefing?.language), ...staleReferences(canvas, index, uses), ...unusedMetrics(canvas, uses, yearEarlier),
    ...endedForecasts(canvas, index), ...unsourced(canvas), ...figureSetFindings(canvas, index), ...typedFindings(canvas, index, words.fiscalShift),
    ...typedChanges(canvas, index, words.fiscalShift), ...exchangeRates(canvas, index), ...staleCharts(canvas, index), ...periodMismatches(canvas, index, words), ...forecastsAsActuals(canvas, index), ...percentsAsFractions(index, canvas.briefing?.language), ...scaleSlips(canvas, index),
    ...titlePeriodMismatches(canvas, index, words), ...periodEndFindings(index, words, canvas.briefing?.language), ...staleBriefingPeriod(canvas, index, words.quarterShift), ...sizesOfGains(canvas, index),
    ...undatedPeriods(index, canvas.briefing?.language), ...setFindings(canvas, index), ...staleNotes(canvas, index, words.fiscalShift), ...changeDirections(canvas, index), ...levelDirections(canvas, index), ...doubledWords(canvas, index), ...roundedCells(canvas),
    ...staleSeries(canvas, index, new Set(uses.filter((u) => u.kind !== 'contradiction').map((u) => resolveRef(index, u.ref))), words.fiscalShift),
  ];
  // A figure moved since the earlier version and still typed as it was, unless a finding about a typed figure is at that amount already (a note's typed-mismatch).
  const typedAt = new Set(all.filter((f) => f.needle !== undefined && TYPED_RULES.has(f.rule)).map(findingPlace));
  if (earlier !== undefined) all.push(...staleTypedFigures(canvas, index, earlier).filter((f) => !typedAt.has(findingPlace(f))));
  // Acknowledged (data_notes.acknowledged: the rule, every metric of the finding named and, of figures that disagree,
  // its figure): kept, with the reason.
  const notation = notationOf(canvas.briefing?.language);
  const acks = (canvas.data_notes?.acknowledged ?? []).map((a) => ({ ...a, metrics: new Set(a.metrics.map((ref) => resolveRef(index, ref))) }));
  // A figure typed into the text, as the canvas's language writes numbers, against the canvas's figure it is none of:
  // a change against the change stated (or, stated none, the one it and its year-earlier figure give), an equivalent
  // against the equivalent, any other against the value.
  for (const f of all) {
    // (A typed-figure that disagrees, against the figure it disagrees with; its change set against the change, whatever its unit.)
    const id = (f.rule === 'typed-mismatch' || f.disagreesWith !== undefined) && f.figure !== undefined && f.pin === undefined ? resolveRef(index, f.disagreesWith ?? f.metrics[0]!) : undefined;
    const m = id === undefined ? undefined : index.metrics[id];
    const typed = m?.value === undefined ? undefined : figureIn(f.figure!, notation);
    if (typed === undefined) continue;
    const against = typedAgainst(f.figure!, id!, index, notation, canvas.briefing?.language, f.disagreesWith !== undefined && f.typedChange === true);
    // A typed change signed by its direction (typed-figure's always were; typed-mismatch's, acknowledged unsigned before, either way).
    f.pin = [f.typedChange ? { ...typed, direction: f.rule === 'typed-mismatch' ? 'either' : 'signed' } : typed, against.pin];
    f.figure = `${f.figure} against ${against.shown}`;
  }
  const accepted = acks.map((): Finding[] => []);
  const marked = all.map((f) => {
    const i = acks.findIndex((a) => acknowledges(a, f.rule, f.metrics.map((id) => resolveRef(index, id)), f.pin, notation, canvas.briefing?.language));
    if (i < 0) return f;
    accepted[i]!.push(f);
    return { ...f, acknowledged: acks[i].reason };
  });
  const figures = (fs: Finding[]) => [...new Set(fs.map((f) => f.figure).filter((x) => x !== undefined))];
  const idle = acks.flatMap((a, i): Finding[] => {
    if (accepted[i]!.length > 0) return [];
    // One of a rule found only against an earlier version is left alone where none is given (check without --since).
    if (earlier === undefined && SINCE_RULES.has(a.rule)) return [];
    // An acknowledgement that matches nothing acknowledges nothing: said, or the finding it meant stays a warning
    // unexplained. Where the rule and metrics match a finding about another figure, the figure moved: said with it.
    const others = a.figure === undefined ? [] : figures(all.filter((f) => acknowledges({ ...a, figure: undefined }, f.rule, f.metrics.map((id) => resolveRef(index, id)), undefined, notation)));
    const unmatched = (message: string, at: Array<string | number> = []): Finding[] => [{ path: ['data_notes', 'acknowledged', i, ...at], rule: 'unmatched-acknowledgement', metrics: [...a.metrics], message }];
    if (others.length === 0) {
      return unmatched(`acknowledges no finding: no ${a.rule} finding names only metrics listed here (${[...a.metrics].join(', ')})${a.figure === undefined ? '' : ` and is about ${quote(a.figure)}`}. Check the rule id, and list every metric the finding names (for change-mismatch, the figure with the change and the year-earlier one); remove it if the finding is gone`);
    }
    const named = a.figure!.split(AGAINST);
    // Written with fewer figures than check quotes (one, where a finding sets one against another): the form, not a figure, is wrong.
    if (named.length !== others[0]!.split(AGAINST).length) {
      return unmatched(`acknowledges a ${a.rule} finding about ${quote(a.figure!)}, but a ${a.rule} finding is about ${others[0]!.split(AGAINST).length} figures, one against the other, and an acknowledgement names each, so it acknowledges nothing: write them as check quotes them (figure: ${quote(others[0]!)}), if that is the finding it means`, ['figure']);
    }
    if (named.some((part) => ackFigures(part, notation, canvas.briefing?.language).length === 0)) {
      return unmatched(`acknowledges a ${a.rule} finding about ${quote(a.figure!)}, which reads as no figure, so it acknowledges nothing: write the figure as check quotes it (figure: ${quote(others[0]!)})`, ['figure']);
    }
    return unmatched(`acknowledges a ${a.rule} finding about ${quote(a.figure!)}, but the ${a.rule} ${others.length === 1 ? 'finding' : 'findings'} for these metrics ${others.length === 1 ? 'is' : 'are'} about ${listOf(others.map(quote), 'and')}: a figure changed since it was acknowledged? Check ${others.length === 1 ? 'it' : 'them'} against the source; if ${others.length === 1 ? 'it stands' : 'one stands'}, write its figure here (figure: ${quote(others[0]!)}), with the reason for it`);
  });
  // One of figures that disagree without its figure accepts any about its metrics, now or after an edit: a second typo,
  // a stated change edited, another table over the same total would pass under the reason written for this one.
  const unpinned = acks.flatMap((a, i): Finding[] => {
    const now = figures(accepted[i]!);
    if (a.figure !== undefined || !PINNED_RULES.has(a.rule) || now.length === 0) return [];
    // rounded-cell's findings, about a free table's numbers, name no metric.
    const about = a.metrics.size > 0 ? [...a.metrics].join(', ') : 'a table\'s numbers';
    return [{
      path: ['data_notes', 'acknowledged', i, 'rule'],
      rule: 'unpinned-acknowledgement',
      metrics: [...a.metrics],
      message: now.length === 1
        ? `acknowledges ${a.rule} for ${about} without naming its figure, so it would accept any other ${a.rule} finding about them too, now or after an edit, under this reason: add figure: ${quote(now[0]!)}, the figure this finding is about`
        : `acknowledges ${a.rule} for ${about} without naming its figure, and accepts ${now.length} findings about different figures (${listOf(now.map(quote), 'and')}) under one reason: check each against the source, and acknowledge each that stands in an entry of its own with its figure (figure: ${quote(now[0]!)})`,
    }];
  });
  return [...marked, ...idle, ...unpinned];
}

/**
 * Text with control characters, as written (before validate/ took them out): one finding per value.
 * Not about a figure, so never acknowledged: deleting them is the fix.
 */
export function controlCharacterFindings(written: unknown): Finding[] {
  return textsWithControlCharacters(written).map(({ path, characters }) => {
    // A terminal's escape goes with the sequence it starts (control-characters.ts cleanText).
    const escape = characters.some((c) => c === '\u001b' || c === '\u009b') ? ` (with the rest of an escape sequence it starts, such as "[0m")` : '';
    return {
      path,
      rule: 'control-character' as const,
      metrics: [],
      message: characters.length === 1
      ? `holds a control character (${codePoint(characters[0])}), pasted from a terminal, a spreadsheet or a web page: it cannot be printed, and the briefing leaves it out${escape}; delete it from the canvas`
      : `holds control characters (${characters.map(codePoint).join(', ')}), pasted from a terminal, a spreadsheet or a web page: they cannot be printed, and the briefing leaves them out${escape}; delete them from the canvas`,
    };
  });
}

/** A stated YoY change the year-earlier figure contradicts, at the change. */
function changeMismatchFindings(index: MetricIndex, yearEarlier: ReturnType<typeof yearEarlierFigures>, language: string | undefined): Finding[] {
  return changeMismatches(index.metrics, Object.keys(index.metrics), yearEarlier).map(({ id, earlier, kind, computed, written, sizeOfNegative }) => {
    const m = index.metrics[id];
    const e = index.metrics[earlier];
    const stated = m.change![kind]!;
    // In the digits the stated change is written with (a tenth at least), so that the two never read the same; more
    // for a change smaller than that, which would otherwise read as none (+0.0%).
    const digits = Math.max(1, decimalsOf(stated));
    // As the briefing prints a change where the canvas's language writes numbers otherwise ("+5,0 %" in German).
    const pct = (x: number) => localChange(x, changeDecimals(x, digits), kind, language) ?? `${x >= 0 ? '+' : ''}${x.toFixed(changeDecimals(x, digits))}${kind === 'points' ? ' pp' : '%'}`;
    // Where rounding leaves the change less than a tenth of a point wide, the figures' own change, rounded as the
    // reader would (401.7 to 436.9 is +8.8%, though the bounds start at +8.74%).
    const interval = Math.abs(computed[1] - computed[0]) < 0.1 ? pct(written) : `${pct(computed[0])} to ${pct(computed[1])}`;
    const [from, to] = [`${earlier} (${figure({ ...e, value: e.value! }, language)}, ${e.period})`, figure({ ...m, value: m.value! }, language)];
    // A percentage's change typed as percent that is its change in points (21.4% to 22.9% "+1.5%"): the usual slip.
    const points = m.unit === 'percent' && kind === 'percent' && m.change!.points === undefined && m.scale === undefined && e.scale === undefined ? m.value! - e.value! : undefined;
    const inPoints = points !== undefined && Math.abs(stated - points) <= 0.5 * (10 ** -decimalsOf(stated) + 10 ** -decimalsOf(m.value!) + 10 ** -decimalsOf(e.value!)) + 1e-9;
    const advice = inPoints
      ? `${pct(stated)} is the change in percentage points (${figure({ ...e, value: e.value! }, language)} to ${to}): write it as change.points: ${stated}, which prints ${localChange(stated, decimalsOf(stated), 'points', language) ?? `${stated >= 0 ? '+' : '\u2212'}${Math.abs(stated)} pp`} (change.percent is the figure's own relative change), or check both figures against the source`
      : sizeOfNegative
      ? `${pct(stated)} is the change in the figure's size; a change is the figure's own, signed as it moved (${written < 0 ? 'a loss that widened fell' : 'a loss that narrowed rose'}, and is coloured by better: accordingly): write change.percent: ${Number(written.toFixed(changeDecimals(written, digits)))}${m.change!.better === 'lower' ? ', and better: higher (a loss is better the higher it is, nearer zero: with better: lower the new sign would show the change as good news when it is bad)' : ''}, or check both figures against the source`
      : 'check both figures and the change against the source (a change on another basis, such as like-for-like, needs basis:)';
    return {
      path: [...index.pathOf[id], 'change', kind],
      rule: 'change-mismatch' as const,
      metrics: [id, earlier],
      figure: `${pct(stated)} against ${pct(written)}`,
      pin: changeMismatchPins(stated, written),
      message: `${id} states a change of ${pct(stated)} YoY, but from ${from} to ${to} the change is ${interval}: ${advice}`,
    };
  });
}

/**
 * A margin its own profit and revenue figures for the period rule out, at the margin's value: the three figures, the
 * margin they give ("203/1,232 = 16.5%") and what their rounding allows.
 */
function marginMismatchFindings(index: MetricIndex, language: string | undefined): Finding[] {
  return marginMismatches(index.metrics, Object.keys(index.metrics)).map(({ margin, profit, revenue, computed, written }): Finding => {
    const [m, p, r] = [index.metrics[margin], index.metrics[profit], index.metrics[revenue]];
    const digits = marginDigits(m);
    const pct = (value: number, decimals = digits) => figure({ value, unit: 'percent', decimals }, language);
    const said = (id: string) => `${id} (${figure({ ...index.metrics[id], value: index.metrics[id].value! }, language)})`;
    // The division as a reader would do it: the two numbers as written, where they are of one scale; else the amounts.
    const number = (x: Metric) => localFigure({ value: x.value!, decimals: x.decimals }, language) ?? formatNumber(x.value!, x.decimals);
    const division = p.scale === r.scale ? `${number(p)}/${number(r)}` : `${amount({ ...p, value: p.value! }, language)}/${amount({ ...r, value: r.value! }, language)}`;
    const allowed = computed[1] - computed[0] < 10 ** -digits ? '' : ` (${pct(computed[0], digits + 1)} to ${pct(computed[1], digits + 1)} as their rounding allows)`;
    // A margin typed as a fraction of one (0.165 for 16.5%): percent-as-fraction's slip, said here too.
    const fraction = m.value! * 100 >= computed[0] - 10 ** -digits && m.value! * 100 <= computed[1] + 10 ** -digits ? `; ${pct(m.value!, m.decimals ?? decimalsOf(m.value!))} is a hundredth of it: a margin written as a fraction of one? Write ${formatNumber(m.value! * 100, Math.max(0, (m.decimals ?? decimalsOf(m.value!)) - 2))}` : '';
    return {
      path: [...index.pathOf[margin], 'value'],
      rule: 'margin-mismatch' as const,
      metrics: [margin, profit, revenue],
      figure: `${figure({ ...m, value: m.value! }, language)} against ${pct(written)}`,
      pin: marginMismatchPins(m, written),
      message: `${margin} is ${figure({ ...m, value: m.value! }, language)} (${m.label}, ${m.period}), but its profit and revenue for the period, ${said(profit)} and ${said(revenue)}, give ${division} = ${pct(written)}${allowed}, not ${figure({ ...m, value: m.value! }, language)} even allowing for rounding${fraction}. Check the three figures against the source and correct the one that is wrong (a margin on another basis, such as adjusted, or of other revenue, needs a label saying so), or acknowledge the finding`,
    };
  });
}

/**
 * A leverage its own net debt and EBITDA of the twelve months to its date rule out, at the leverage's value: the figures,
 * the multiple they give ("1,474.2/(398.0 + 421.0) = 1.8x") and what their rounding allows.
 */
function leverageMismatchFindings(index: MetricIndex, language: string | undefined): Finding[] {
  return leverageMismatches(index.metrics, Object.keys(index.metrics)).map(({ leverage, netDebt, ebitda, computed, written }): Finding => {
    const [m, n] = [index.metrics[leverage], index.metrics[netDebt]];
    const digits = marginDigits(m);
    const times = (value: number, decimals = digits) => figure({ value, unit: m.unit, decimals }, language);
    const said = (id: string) => `${id} (${figure({ ...index.metrics[id], value: index.metrics[id].value! }, language)})`;
    // The division as a reader would do it: the numbers as written, where they are of one scale; else the amounts.
    const parts = ebitda.map((id) => index.metrics[id]);
    const oneScale = parts.every((p) => p.scale === n.scale);
    const written_ = (x: Metric) => (oneScale ? localFigure({ value: x.value!, decimals: x.decimals }, language) ?? formatNumber(x.value!, x.decimals) : amount({ ...x, value: x.value! }, language));
    const over = parts.length === 1 ? written_(parts[0]!) : `(${parts.map(written_).join(' + ')})`;
    const allowed = computed[1] - computed[0] < 10 ** -digits ? '' : ` (${times(computed[0], digits + 1)} to ${times(computed[1], digits + 1)} as their rounding allows)`;
    const stated = figure({ ...m, value: m.value! }, language);
    return {
      path: [...index.pathOf[leverage], 'value'],
      rule: 'leverage-mismatch' as const,
      metrics: [leverage, netDebt, ...ebitda],
      figure: `${stated} against ${times(written)}`,
      pin: leverageMismatchPins(m, written),
      message: `${leverage} is ${stated} (${m.label}, ${m.period}), but its net debt that day, ${said(netDebt)}, over the EBITDA of the twelve months to it, ${listOf(ebitda.map(said), 'and')}, gives ${written_(n)}/${over} = ${times(written)}${allowed}, not ${stated} even allowing for rounding. Check the figures against the source and correct the one that is wrong (a leverage on another basis, such as adjusted EBITDA or net debt with leases, needs a label saying so), or acknowledge the finding`,
    };
  });
}

/**
 * Conflicting figures no data_notes.contradictions entry declares: one finding at each figure, naming
 * the figures it cannot agree with (a third figure that agrees with both is not named, nor reported).
 */
function contradictions(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const declared = declaredContradictions(canvas, index);
  const partners = new Map<string, string[]>();
  for (const [a, b] of conflictPairs(index.metrics, Object.keys(index.metrics))) {
    if (declared(a, b)) continue;
    partners.set(a, [...(partners.get(a) ?? []), b]);
    partners.set(b, [...(partners.get(b) ?? []), a]);
  }
  // Each figure as [[id]] prints it in the canvas's language ("$1,195 million" in en-US).
  const said = (id: string) => {
    const m = index.metrics[id];
    return `${id} (${m.value === undefined ? quote(m.text ?? '') : figure({ ...m, value: m.value }, canvas.briefing?.language)}, ${m.period})`;
  };
  return Object.keys(index.metrics).filter((id) => partners.has(id)).map((id): Finding => {
    const others = partners.get(id)!;
    // Reported on different days (as_of): a first figure and its revision, more likely than a typing slip.
    const reported = [id, ...others].filter((o) => index.metrics[o].as_of !== undefined);
    const days = new Set(reported.map((o) => index.metrics[o].as_of));
    const revised = days.size > 1
      ? `; they were reported on different days (${reported.map((o) => `${o} on ${index.metrics[o].as_of}`).join(', ')}): a first figure and its revision? Keep the revised one alone, or keep both and declare them in data_notes.contradictions with a note saying which revises which; if neither revises the other, correct the one that is wrong`
      : ': correct the one that is wrong, or keep them and declare it in data_notes.contradictions with a note saying how they differ';
    // A power of ten apart: a scale typed wrong (313億円 as ¥313 billion), more likely than a revision or a typing slip.
    const slipped = others.map((o) => ({ o, power: powerOfTenApart(index.metrics[id], index.metrics[o]) })).find((x) => x.power !== undefined);
    const tail = slipped === undefined ? revised : `: one of them has its scale wrong? ${timesApart(index, id, slipped.o, slipped.power!, canvas.briefing?.language)}. ${scaleAdvice(index.metrics[id], canvas.briefing?.language)}, and correct the one that is wrong`;
    return {
      path: index.pathOf[id],
      atKey: index.pathOf[id].length === 2,
      rule: 'contradiction',
      metrics: [id, ...others],
      message: `${said(id)} and ${others.map(said).join(' and ')} measure ${index.metrics[id].label} for the same period, and ${others.length === 1 ? 'cannot both be right' : `${said(id).split(' ')[0]} cannot agree with any of them`} even allowing for rounding and qualifiers${tail}`,
    };
  });
}

/**
 * Declared contradictions whose figures agree, each with every other (sameFigure: the amount exactly as written, its
 * scale aside, and unit, qualifier and equivalent): a correction made the figures one, and the declaration stayed. The
 * briefing leaves the declaration out (pipeline.ts): it would list them under "Where sources disagree", two figures of
 * one amount, and say of a key figure among them that the source gives conflicting figures. At the declaration. Not acknowledgeable: removing it is the fix.
 */
function resolvedContradictions(canvas: CanvasInput, index: MetricIndex): Finding[] {
  return (canvas.data_notes?.contradictions ?? []).flatMap((c, i): Finding[] => {
    const ids = c.metrics.map((ref) => resolveRef(index, ref));
    const figures = ids.map((id) => index.metrics[id]);
    if (figures.some((m) => m === undefined) || !figures.every((m) => sameFigure(figures[0]!, m!))) return [];
    const said = (id: string) => {
      const m = index.metrics[id];
      return `${id} ${m.value === undefined ? quote(m.text ?? '') : figure({ ...m, value: m.value }, canvas.briefing?.language)}`;
    };
    const each = ids.map(said);
    return [{
      path: ['data_notes', 'contradictions', i],
      rule: 'resolved-contradiction',
      metrics: ids,
      message: `declares figures that disagree, but they are one figure: ${each.slice(0, -1).join(', ')} and ${each.at(-1)!}. The briefing leaves the declaration out, rather than list them under "Where sources disagree" and say of them that the source gives conflicting figures. If a correction settled it, remove the declaration; if the source does give different figures, correct the one typed wrong here`,
    }];
  });
}

/** The contradictions data_notes declares, as a test of two metric ids (series values resolved). */
function declaredContradictions(canvas: CanvasInput, index: MetricIndex): (a: string, b: string) => boolean {
  return declaredTogether(index.metrics, (canvas.data_notes?.contradictions ?? []).map((c) => c.metrics.map((ref) => resolveRef(index, ref))));
}

/**
 * Rates as the message prints them: 4 significant digits, or as many more as it takes for the two intervals to
 * print apart (7.1190 and 7.1192, not 7.119 twice).
 */
function rateWords(a: [number, number], b: [number, number]): (r: [number, number]) => string {
  const [x, y] = a[1] < b[0] ? [a[1], b[0]] : [b[1], a[0]];
  let digits = 4;
  while (digits < 12 && x.toPrecision(digits) === y.toPrecision(digits)) digits++;
  return ([lo, hi]) => (lo.toPrecision(digits) === hi.toPrecision(digits) ? lo.toPrecision(digits) : `${lo.toPrecision(digits)} to ${hi.toPrecision(digits)}`);
}

/**
 * What a figure typed into the text (`written`, about metric `id`) is set against, as check quotes it: a change (a
 * percentage or points typed of a figure that is no percentage, or points of one that is; any, where `change` says the
 * text types it as a change) against the figure's stated
 * change, or the change it and its year-earlier figure give; an amount in its equivalent's currency against the
 * equivalent; anything else against the value.
 */
function typedAgainst(written: string, id: string, index: MetricIndex, notation: Notation, language: string | undefined, change = false): { pin: FigureValue; shown: string } {
  const m = index.metrics[id]!;
  const points = /\d\s*(?:pp|percentage points?|points?|bps?|basis points?)\b/i.test(written);
  const isChange = points || change || (/%|per ?cent|procent/i.test(written) && m.unit !== 'percent');
  if (isChange) {
    const stated = points ? m.change?.points : m.change?.percent;
    // Stated none, the change it and its year-earlier figure give, as the typed change was read against (an amount's or
    // count's, in percent: a percentage states its change in points to be compared).
    const change = stated ?? (points ? undefined : impliedYearOnYear(index.metrics, Object.keys(index.metrics), id)[0]?.written);
    if (change !== undefined) {
      // The stated change in its own digits (a tenth at least); the figures' change to a tenth, as change-mismatch quotes it.
      const pin = stated !== undefined ? changePin(stated) : printedFigure(change, 1);
      const digits = Math.max(0, Math.round(-Math.log10(pin.step)));
      return { pin, shown: localChange(pin.value, digits, points ? 'points' : 'percent', language) ?? `${change >= 0 ? '+' : '-'}${formatNumber(Math.abs(pin.value), digits)}${points ? ' pp' : '%'}` };
    }
  }
  const [amountTyped] = typedAmounts(written, notation, language);
  if (m.equivalent !== undefined && amountTyped !== undefined && amountTyped.currencies.includes(m.equivalent.unit) && !amountTyped.currencies.includes(m.unit ?? '')) {
    return { pin: equivalentPin(m), shown: amount(m.equivalent, language) };
  }
  return { pin: valuePin(m), shown: figure({ ...m, value: m.value! }, language) };
}

/**
 * The figures an exchange-rate finding is about, as check quotes them: the equivalent, against its amount, each as
 * [[id]] prints it in `language` ("$400 million against €300 million" in en-US), the figure an acknowledgement names.
 */
function equivalentFigures(m: Metric, language: string | undefined): Pick<Finding, 'figure' | 'pin'> {
  return { figure: `${amount(m.equivalent!, language)} against ${amount(m as Metric & { value: number }, language)}`, pin: exchangePins(m) };
}

/**
 * Equivalents of one date whose rates no one rate gives (at the equivalent of the figure that misses the rate most
 * of them meet), and equivalents of the other sign than their amount. Each names only the figure it is at: an
 * acknowledgement of it holds when another figure of that date is added.
 */
function exchangeRates(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const ids = Object.keys(index.metrics);
  // Amounts as [[id]] prints them in the canvas's language ("$400 million" in en-US).
  const language = canvas.briefing?.language;
  const conversion = (id: string) => `${amount(index.metrics[id] as Metric & { value: number }, language)} = ${amount(index.metrics[id].equivalent!, language)}`;
  const signs = signMismatches(index.metrics, ids).map(({ id }): Finding => ({
    path: [...index.pathOf[id], 'equivalent'],
    rule: 'exchange-rate',
    metrics: [id],
    ...equivalentFigures(index.metrics[id], language),
    message: `${id} (${conversion(id)}) states an equivalent of the other sign than its amount, and the briefing would print both: correct the sign of the one that is wrong (an outflow or a loss is negative in both)`,
  }));
  // An equivalent at a rate its currencies have never been near is wrong on its own; it is left out of the comparison
  // of rates, where it would make the right ones look wrong.
  const impossible = implausibleRates(index.metrics, ids);
  const slips = impossible.map((r): Finding => {
    const m = index.metrics[r.id] as Metric & { value: number };
    const digits = (x: number) => formatNumber(x, Math.max(0, 2 - Math.floor(Math.log10(x)))); // three significant digits
    const [lo, hi] = r.rate.map(digits);
    const bounds = r.bounds.map(digits);
    return {
      path: [...index.pathOf[r.id], 'equivalent'],
      rule: 'exchange-rate',
      metrics: [r.id],
      ...equivalentFigures(index.metrics[r.id], language),
      message: `${r.id} (${conversion(r.id)}) converts at ${lo === hi ? lo : `${lo} to ${hi}`} ${r.currency} per ${r.per}, far from any rate since 1990 (each currency's range against the US dollar allows ${bounds[0]} to ${bounds[1]}): the equivalent's scale or digits are off (million for billion?). Check ${amount(m, language)} and its equivalent against the source`,
    };
  });
  const wrong = new Set(impossible.map((r) => r.id));
  const rates = rateMismatches(index.metrics, ids.filter((id) => !wrong.has(id)), declaredContradictions(canvas, index)).map((r): Finding => {
    const m = index.metrics[r.id] as Metric & { value: number }; // rateMismatches reports only figures with a value
    const eq = m.equivalent!;
    const rate = rateWords(r.rate, r.partnerRate);
    // What the amount comes to at the partner's rate, in the equivalent's currency, scale and digits.
    const mid = Math.sqrt(r.partnerRate[0] * r.partnerRate[1]);
    const inUnitsOfEq = (inUnits(m) * (m.unit === r.currency ? 1 / mid : mid)) / inUnits({ value: 1, scale: eq.scale });
    const implied = amount({ value: inUnitsOfEq, unit: eq.unit, scale: eq.scale, decimals: eq.decimals ?? decimalsOf(eq.value) }, language);
    const others = r.alsoRulingOut === 0 ? '' : ` (${r.alsoRulingOut === 1 ? 'one other equivalent' : `${r.alsoRulingOut} other equivalents`} of that date agree${r.alsoRulingOut === 1 ? 's' : ''} with it and rule${r.alsoRulingOut === 1 ? 's' : ''} out ${r.id}'s rate too)`;
    const head = `${r.id} (${conversion(r.id)}) converts at ${rate(r.rate)} ${r.currency} per ${r.per}, but ${r.partner} (${conversion(r.partner)}) converts at ${rate(r.partnerRate)}${others}: no one exchange rate of ${r.date} gives both, even allowing for rounding and qualifiers`;
    const acknowledge = 'if the source does convert them at different rates (an average rate and a closing rate), acknowledge the finding with the reason';
    return {
      path: [...index.pathOf[r.id], 'equivalent'],
      rule: 'exchange-rate',
      metrics: [r.id],
      ...equivalentFigures(index.metrics[r.id], language),
      message: r.alone
        ? `${head}, and no other equivalent of that date tells which is wrong. At ${r.partner}'s rate, ${amount(m, language)} is about ${implied}: check both amounts and their equivalents against the source; ${acknowledge}`
        : r.copiedFrom !== undefined
          ? `${head}; its equivalent, ${amount(eq, language)}, is also that of ${r.copiedFrom} (${amount(index.metrics[r.copiedFrom] as Metric & { value: number }, language)}, ${index.metrics[r.copiedFrom].period}): copied with an update and not converted? At ${r.partner}'s rate, ${amount(m, language)} is about ${implied}: check the equivalent against the source; ${acknowledge}`
          : `${head}. At that rate, ${amount(m, language)} is about ${implied}: check the amount and its equivalent against the source (an amount updated without its equivalent?); ${acknowledge}`,
    };
  });
  const order = new Map(ids.map((id, i) => [id, i]));
  // An equivalent repeated from the period before, for another amount, with nothing else of its date to compare with.
  const said = new Set([...signs, ...slips, ...rates].map((f) => f.metrics[0]));
  const repeated = repeatedEquivalents(index.metrics).filter((r) => !said.has(r.id) && !wrong.has(r.id)).map((r): Finding => {
    const from = index.metrics[r.copiedFrom]!;
    const pct = Math.abs(r.ratio - 1) * 100;
    return {
      path: [...index.pathOf[r.id], 'equivalent'],
      rule: 'exchange-rate',
      metrics: [r.id],
      ...equivalentFigures(index.metrics[r.id], language),
      message: `${r.id} (${conversion(r.id)}) states the same ${index.metrics[r.id].equivalent!.unit} equivalent as ${r.copiedFrom} (${conversion(r.copiedFrom)}, ${from.period}), though its amount is ${formatNumber(pct, pct < 10 ? 1 : 0)}% ${r.ratio > 1 ? 'higher' : 'lower'}: copied with an update and not converted? Check the equivalent against the source; if the rates did move so, acknowledge the finding with the reason`,
    };
  });
  return [...signs, ...slips, ...rates, ...repeated].sort((a, b) => order.get(a.metrics[0])! - order.get(b.metrics[0])!);
}

function staleReferences(canvas: CanvasInput, index: MetricIndex, uses: Use[]): Finding[] {
  const asOf = canvas.briefing.as_of;
  const findings: Finding[] = [];
  for (const use of uses) {
    if (use.kind !== 'key figure' && use.kind !== 'text') continue;
    const id = resolveRef(index, use.ref);
    const m = index.metrics[id];
    if (!m || m.period_end === undefined || isLookingAhead(m)) continue;
    // A series value named on purpose (id@date) is stale only as a key figure; a single-value metric by its concept.
    const explicit = use.ref.includes('@');
    if (explicit && use.kind !== 'key figure') continue;
    const newer = newestOfMeasure(index, id, m, asOf);
    if (newer === undefined) continue;
    const [newId, n] = newer;
    // The base of a comparison with the newer figure, a quarter, a half or a year before it: "up from [[sm_share_jun_q_2024]]
    // in the same quarter of 2024" speaks of that period on purpose.
    if (use.text !== undefined && comparisonBase(use.text.value, use.text.at, periodKeysOf(m), periodKeysOf(n))) continue;
    const fix = explicit
      ? `name the series (${newId.split('@')[0]}) to always show its latest value, or ${newId}`
      : use.kind === 'text'
        // Text may speak of the earlier period on purpose (a source's figure discussed as such): then it stands.
        ? `if the text means the latest figure, point it at ${newId} (or give the measure dated values so that one id always means the latest); if it speaks of that period on purpose, acknowledge the finding`
        : `point it at ${newId}, or give the measure dated values so that one id always means the latest`;
    // In text, the reference as written: two in one sentence ([[x]] and [[x.change]]) are told apart.
    const what = use.kind === 'text' && use.where.needle !== undefined ? `text ${use.where.needle}` : `${use.kind} ${quote(use.ref)}`;
    findings.push({
      ...use.where,
      rule: 'stale-reference',
      metrics: [use.ref],
      message: `${what} shows ${m.label} for ${m.period}, but ${newId} (${n.period}) is newer, up to the briefing's as_of date ${asOf}: ${fix}`,
    });
  }
  return findings;
}

/**
 * A quarter or half the contradiction check cannot place in time beside dated figures of its measure (undatedFigures):
 * at its period words, naming them, and the period_end that would let it be compared. Said where nothing else would be:
 * a contradiction with one of them is not found, and no finding says that it was not looked for.
 */
function undatedPeriods(index: MetricIndex, language: string | undefined): Finding[] {
  return undatedFigures(index.metrics, Object.keys(index.metrics)).map(({ id, others }) => {
    const m = index.metrics[id];
    const shown = (o: string) => `${o}, ${index.metrics[o].period}`;
    const listed = others.length <= 3 ? others.map(shown).join('; ') : `${others.slice(0, 2).map(shown).join('; ')} and ${others.length - 2} more`;
    // A fiscal year's quarter or half ("Q2 FY26", "H1 FY26") would be placed by the calendar the canvas's figures show: it shows none.
    const fiscal = namedPeriods(m.period).find((p) => /^f[qh][1-4]-fy\d{4}$/.test(p.key));
    const why = fiscal === undefined ? '' : ` (a fiscal ${fiscal.key[1] === 'q' ? 'quarter' : 'half'}, and the canvas's figures do not show how its fiscal quarters fall in the calendar)`;
    return {
      path: [...index.pathOf[id], 'period'],
      rule: 'undated-period' as const,
      metrics: [id],
      message: `${id} (${figure({ ...m, value: m.value! }, language)}, ${quote(m.period)}) has no period_end, and its period words say no date the checks can read${why}: it is compared only with figures whose period is written the same way, not with the dated figures of ${m.label} (${listed}), so a contradiction with one of them would go unseen. Give it period_end: YYYY-MM-DD, the last day of the period it covers`,
    };
  });
}

/** 11.6% written 0.116: at the value, naming the measure's other figures and what to write. */
function percentsAsFractions(index: MetricIndex, language: string | undefined): Finding[] {
  return fractionPercents(index.metrics, Object.keys(index.metrics)).map(({ id, others }) => {
    const m = index.metrics[id];
    const digits = (q: Metric) => q.decimals ?? decimalsOf(q.value!);
    // As the briefing prints a percentage ("11,6 %" in German); the value to write stays as YAML reads it (11.6).
    const percent = (value: number, decimals: number) => localFigure({ value, unit: 'percent', decimals }, language) ?? `${formatNumber(value, decimals)}%`;
    const shown = (o: string) => `${percent(index.metrics[o].value!, digits(index.metrics[o]))} (${index.metrics[o].period})`;
    const listed = others.length <= 3 ? others.map(shown).join(', ') : `${others.slice(0, 2).map(shown).join(', ')} and ${others.length - 2} more`;
    const printed = percent(m.value!, digits(m));
    const hundred = (m.value! * 100).toFixed(Math.max(0, digits(m) - 2));
    return {
      path: [...index.pathOf[id], 'value'],
      rule: 'percent-as-fraction' as const,
      metrics: [id],
      message: `${id} is ${printed}, where the same measure's other figures are ${listed}: a share written as a fraction of one? The briefing prints ${printed}; write ${hundred} for ${hundred}%, or acknowledge the finding if ${printed} is right`,
    };
  });
}

/** Currencies whose reports write 億 and 万 (억, 만): where a scale slips most, by ten or ten thousand. */
const CJK_SCALED = new Set(['JPY', 'CNY', 'KRW', 'TWD', 'HKD']);

/** How to fix a scale that slipped: check it against the source, with what 億 and 万 are where the figure's currency or the briefing's language writes them. */
function scaleAdvice(m: Metric, language: string | undefined): string {
  const cjk = CJK_SCALED.has(m.unit ?? '') || isCjkLanguage(language);
  // Indian figures come in crore and lakh, a factor of ten from millions and hundreds of thousands.
  const indian = m.unit === 'INR' || /^(?:hi|en-IN)\b/i.test(language ?? '');
  return `Check the value and its scale against the source${cjk ? ' (1億 = 100 million, 1万 = 10 thousand)' : indian ? ' (1 crore = 10 million, 1 lakh = 100 thousand)' : ''}`;
}

/**
 * Two figures a power of ten apart (`power`: the one `a` is of `b`), the larger first, as [[id]] prints them, and their
 * ratio to four significant digits: "revenue_press (¥313 billion) is 10× revenue (¥31,245 million; a ratio of 10.02)".
 */
function timesApart(index: MetricIndex, a: string, b: string, power: number, language: string | undefined): string {
  const [big, small] = power > 0 ? [a, b] : [b, a];
  const shown = (id: string) => figure({ ...index.metrics[id], value: index.metrics[id].value! }, language);
  const ratio = inUnits({ value: index.metrics[big].value!, scale: index.metrics[big].scale }) / inUnits({ value: index.metrics[small].value!, scale: index.metrics[small].scale });
  return `${big} (${shown(big)}) is ${formatNumber(10 ** Math.abs(power), 0)}× ${small} (${shown(small)}; a ratio of ${formatNumber(Number(ratio.toPrecision(4)))})`;
}

/**
 * Figures about a power of ten apart that should match (canvas/scale-slips.ts): two a data_notes.contradictions entry
 * declares, at the declaration (its note explains a difference of rounding or timing, not a scale typed wrong, and the
 * briefing would print both under "Where sources disagree"); and a series' value beside the two it is compared with,
 * at the value. Figures of one measure and period no declaration covers are contradiction's, whose message names the power.
 */
function scaleSlips(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const language = canvas.briefing?.language;
  const said = (id: string) => `${id} (${figure({ ...index.metrics[id], value: index.metrics[id].value! }, language)}, ${index.metrics[id].period})`;
  const declared = (canvas.data_notes?.contradictions ?? []).flatMap((c, i): Finding[] => {
    const ids = [...new Set(c.metrics.map((ref) => resolveRef(index, ref)))].filter((id) => index.metrics[id] !== undefined);
    return ids.flatMap((a, j) => ids.slice(j + 1).flatMap((b): Finding[] => {
      const power = powerOfTenApart(index.metrics[a], index.metrics[b]);
      if (power === undefined) return [];
      return [{
        path: ['data_notes', 'contradictions', i],
        rule: 'scale-slip',
        metrics: [a, b],
        message: `declares ${said(a)} and ${said(b)} as figures that disagree, but ${timesApart(index, a, b, power, language)}: one of them has its scale wrong, which no note explains, and the briefing would print both under "Where sources disagree". ${scaleAdvice(index.metrics[a], language)}, and correct the one that is wrong; if both are right as written, acknowledge the finding`,
      }];
    }));
  });
  const series = Object.values(index.history).flatMap((history) => seriesSlips(index.metrics, history)).map(({ id, against, power, scaled, pair }): Finding => {
    // Each ratio the larger way round: the value is 10.2× them, or they are 9.83× it.
    const ratios = against.map((o) => {
      const r = inUnits({ value: index.metrics[id].value!, scale: index.metrics[id].scale }) / inUnits({ value: index.metrics[o].value!, scale: index.metrics[o].scale });
      return `${formatNumber(Number((power > 0 ? r : 1 / r).toPrecision(3)))}×`;
    }).join(' and ');
    const advice = `${scaleAdvice(index.metrics[id], language)}; if the figure is right (a one-off), say so in the value's note: (the briefing prints it beside the figure), or acknowledge the finding`;
    if (scaled !== undefined) {
      const other = against[0];
      const side = index.metrics[other].period_end! > index.metrics[id].period_end! ? 'period after' : 'period before';
      const theirs = index.metrics[other].scale ?? 'units';
      return {
        path: [...index.pathOf[id], 'value'],
        rule: 'scale-slip',
        metrics: [id],
        message: pair
          ? `${said(id)} and ${said(other)}, the ${side} it, are ${ratios} apart, written in ${scaled} and ${theirs}: one of the two scales is wrong? Their digits in one scale would be within 2× of each other. ${scaleAdvice(index.metrics[id], language)} (or ${other}'s), and correct the one that is wrong; if both are right, acknowledge the finding`
          : `${said(id)} is about ${powerWords(power)} ${said(other)}, the ${side} it (${ratios} apart), and the only figure of its series written in ${scaled}: the wrong scale? Its digits in ${theirs}, as the others are, would be within 2× of it. ${advice}`,
      };
    }
    // Both after it (the series' first value), both before it (its latest), or one either side.
    const after = against.map((o) => index.metrics[o].period_end! > index.metrics[id].period_end!);
    const which = after[0] !== after[1] ? 'the periods either side of it' : `the period ${after[0] ? 'after' : 'before'} it and the same period a year ${after[0] ? 'later' : 'earlier'}`;
    return {
      path: [...index.pathOf[id], 'value'],
      rule: 'scale-slip',
      metrics: [id],
      message: `${said(id)} is about ${powerWords(power)} ${said(against[0])} and ${said(against[1]!)}, ${which} (${power > 0 ? `it is ${ratios} them` : `they are ${ratios} it`}), which agree with each other: a digit dropped or added, or the wrong scale? ${advice}`,
    };
  });
  return [...declared, ...series];
}

/**
 * A chart that lists values of a series as its points (two or more: a trend, with labels of its own) and stops
 * before the series' latest value up to the briefing's date: a quarter added to the series and not to the chart.
 * At the chart's last point of the series; one finding per series.
 */
function staleCharts(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const asOf = canvas.briefing.as_of;
  const found: Finding[] = [];
  for (const [chartId, chart] of Object.entries(canvas.charts ?? {})) {
    // Each point as the value it plots: [[revenue]] is the series' latest value.
    const bySeries = new Map<string, number[]>();
    const plots = (chart.points ?? []).map((p) => resolveRef(index, p.metric));
    plots.forEach((id, i) => {
      const series = id.slice(0, Math.max(0, id.indexOf('@')));
      if (series !== '' && Object.hasOwn(index.history, series)) bySeries.set(series, [...(bySeries.get(series) ?? []), i]);
    });
    for (const [series, points] of bySeries) {
      const latest = index.latest[series];
      if (points.length < 2 || latest === undefined) continue;
      const plotted = points.map((i) => plots[i]);
      const last = plotted.reduce((a, b) => (index.metrics[b]?.period_end ?? '') > (index.metrics[a]?.period_end ?? '') ? b : a);
      const [l, n] = [index.metrics[last], index.metrics[latest]];
      if (l === undefined || plotted.includes(latest) || l.period_end! >= n.period_end!) continue;
      found.push({
        path: ['charts', chartId, 'points', points[plotted.indexOf(last)], 'metric'],
        rule: 'stale-reference',
        metrics: [series],
        message: `chart ${quote(chartId)} plots ${series} up to ${last} (${l.period}), but ${latest} (${n.period}) is newer, up to the briefing's as_of date ${asOf}: add it as a point (or plot series: ${series} with last: ${points.length}, which follows each new value); if the chart shows those periods on purpose, acknowledge the finding`,
      });
    }
  }
  return found;
}

/** The newest value of the same measure as `m` up to `asOf`, if it is newer than `m`: the series, or single metrics of the same concept and period type. */
function newestOfMeasure(index: MetricIndex, id: string, m: Metric, asOf: string): [string, Metric] | undefined {
  let best: [string, Metric] | undefined;
  for (const [otherId, o] of Object.entries(index.metrics)) {
    if (otherId === id || o.period_end === undefined || isLookingAhead(o) || o.period_end > asOf || o.period_end <= m.period_end!) continue;
    const sameMeasure = m.concept !== undefined && o.concept === m.concept && o.unit === m.unit && (o.period_type ?? '') === (m.period_type ?? '');
    if (sameMeasure && (best === undefined || o.period_end > best[1].period_end!)) best = [otherId, o];
  }
  return best;
}

function unusedMetrics(canvas: CanvasInput, uses: Use[], yearEarlier: ReturnType<typeof yearEarlierFigures>): Finding[] {
  // A series is used when it or any of its values is; a year-earlier figure, by the stated change it backs (change-mismatch).
  const used = new Set([...uses.map((u) => u.ref), ...yearEarlier.map((p) => p.earlier)].map((ref) => ref.split('@')[0]));
  return Object.keys(canvas.metrics)
    .filter((id) => !used.has(id))
    .map((id) => ({
      path: ['metrics', id],
      atKey: true,
      rule: 'unused-metric' as const,
      metrics: [id],
      message: `metric ${quote(id)} is not used: no text, table, chart, key figure or contradiction refers to it, nor is it the year-earlier figure of a stated change. It still appears in the figure register; refer to it, or remove it if it is left over from an earlier period`,
    }));
}

/**
 * Metrics that say nowhere where they come from: at the metric, or, for one with values, counting the
 * values without. A canvas whose data_notes.sources names one document says it for every figure.
 */
function unsourced(canvas: CanvasInput): Finding[] {
  if (canvas.data_notes?.sources?.length === 1) return [];
  return Object.entries(canvas.metrics).flatMap(([id, m]): Finding[] => {
    if (m.source !== undefined) return [];
    const missing = isSeries(m) ? m.values.filter((v) => v.source === undefined).length : 1;
    if (missing === 0) return [];
    const which = isSeries(m) && missing < m.values.length ? `${missing} of its ${m.values.length} values give` : 'it gives';
    return [{
      path: ['metrics', id],
      atKey: true,
      rule: 'no-source' as const,
      metrics: [id],
      message: `metric ${quote(id)} has no source (${which} none): add source: with the filing, release or page the figure comes from, so that a reader can check it (or, when every figure comes from one document, name it as the one entry of data_notes.sources)`,
    }];
  });
}

function endedForecasts(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const asOf = canvas.briefing.as_of;
  const findings: Finding[] = [];
  for (const [id, m] of Object.entries(index.metrics)) {
    if (!isLookingAhead(m) || m.period_end === undefined || m.period_end >= asOf) continue;
    // The actual is of the forecast's concept; a forecast without one goes by its id (or its series'), as the message says.
    const concept = m.concept ?? id.split('@')[0];
    const actual = Object.values(index.metrics).some((o) => !isLookingAhead(o) && o.period_end === m.period_end && o.concept === concept);
    if (actual) continue;
    const series = id.includes('@') && isSeries(canvas.metrics[id.split('@')[0]]);
    findings.push({
      path: index.pathOf[id],
      atKey: !series,
      rule: 'ended-forecast',
      metrics: [id],
      message: `the ${m.period_type} ${quote(id)} for ${m.period} ended on ${m.period_end}, before the briefing's as_of date ${asOf}, and no actual value is given for it: add the actual${series ? ' to the values' : ` (a metric with concept: ${concept}, and period_end: ${m.period_end})`}${series || m.concept !== undefined ? '' : actualWithConcept(id, m)}, or remove the ${m.period_type}`,
    });
  }
  return findings;

  /**
   * Where the actual is in the canvas already, with a concept of its own (capex, concept: capex): the forecast is given
   * that concept, rather than the actual the forecast's id, which would part it from the figures it is compared with.
   */
  function actualWithConcept(id: string, m: Metric): string {
    const actual = Object.entries(index.metrics).find(([, o]) => !isLookingAhead(o) && o.period_end === m.period_end && o.unit === m.unit && o.concept !== undefined && o.label.trim().toLowerCase().split(/\s+/)[0] === m.label.trim().toLowerCase().split(/\s+/)[0]);
    return actual === undefined ? '' : `; if ${actual[0]} is its actual, give ${quote(id)} its concept (concept: ${actual[1].concept}) instead: changing ${actual[0]}'s would part it from the figures it is compared with`;
  }
}

/**
 * `[[id.size]]` of a figure that is not negative. `.size` prints a loss without its minus, for prose that names the loss
 * ("a net loss of [[net_income.size]]"); of a figure above zero it prints the figure as it is, and the words around it
 * call a gain a loss. Most often a series rolled forward to a quarter in which the loss turned into a profit (or a
 * loss metric updated in place with a profit): nothing else notices, as the reference is still valid.
 */
function sizesOfGains(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const found: Finding[] = [];
  const language = canvas.briefing?.language; // figures as [[id]] prints them
  for (const { ref, path, nth } of textReferences(canvas)) {
    if (ref.part !== 'size') continue;
    const id = resolveRef(index, ref.id!);
    const m = index.metrics[id];
    if (m?.value === undefined || m.value <= 0) continue;
    // The value of its series the words were likely written for: the latest negative one before it.
    const series = ref.id!.split('@')[0]!;
    const losses = (index.history[series] ?? []).filter((v) => v !== id && (index.metrics[v].value ?? 0) < 0 && (index.metrics[v].period_end ?? '') < (m.period_end ?? ''));
    const earlier = losses.at(-1);
    const meant = earlier === undefined ? '' : `, or [[${earlier}.size]] if it means the loss of ${index.metrics[earlier].period} (${figure({ ...index.metrics[earlier], value: index.metrics[earlier].value! }, language)})`;
    found.push({
      path,
      needle: ref.token,
      nth,
      rule: 'size-of-gain',
      metrics: [id],
      message: `text ${ref.token} prints the size of a loss, without its minus, but ${id} is ${figure({ ...m, value: m.value }, language)} (${m.period}), not a loss: the words around it would call it one. Write [[${ref.id}]] and reword the sentence${meant}`,
    });
  }
  return found;
}

/**
 * `[[id.change]]` after words saying the figure went the other way: "revenue rose [[revenue.change]]" of a change below
 * zero prints "revenue rose −3.0% YoY", and "fell [[margin.change]]" of one above it "fell +1.2 pp YoY". The words were
 * written for the quarter they were written in; a series rolled forward to one in which the figure turned, and nothing
 * else notices, as the reference is still valid. A fall written "fell" over a change below zero ("fell −3.0% YoY") says
 * the same twice and is left alone (doubled-words reports only an adverb that doubles the sign: ", down −3.0% YoY"); a
 * change without a figure (in words only) has no sign to read. German words too ("gestiegen um", "um [[umsatz.change]]
 * gestiegen": moved-words.ts).
 */
function changeDirections(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const found: Finding[] = [];
  for (const { ref, path, nth, text } of textReferences(canvas)) {
    if (ref.part !== 'change') continue;
    const moved = movedWords(text, ref.index, ref.index + ref.token.length);
    const id = resolveRef(index, ref.id!);
    const m = index.metrics[id];
    const change = m?.change?.percent ?? m?.change?.points;
    if (moved === undefined || change === undefined || change === 0) continue;
    // Better or worse: up or down as better: says; without it, either.
    const better = m!.change!.better;
    const good = moved.moved === 'better' ? true : moved.moved === 'worse' ? false : undefined;
    if (good !== undefined && better === undefined) continue;
    const up = good === undefined ? moved.moved === 'up' : good === (better === 'higher');
    if (up === change > 0) continue;
    const digits = Math.max(0, decimalsOf(change));
    const printed = localChange(change, m!.change!.decimals ?? digits, m!.change!.percent !== undefined ? 'percent' : 'points', canvas.briefing?.language) ?? `${change > 0 ? '+' : '\u2212'}${formatNumber(Math.abs(change), m!.change!.decimals ?? digits)}${m!.change!.percent !== undefined ? '%' : ' pp'}`;
    found.push({
      path,
      needle: ref.token,
      nth,
      rule: 'change-direction',
      metrics: [id],
      message: `text ${ref.token} prints ${printed} ${moved.words.length === 1 ? 'after' : 'between'} ${listOf(moved.words.map((w) => quote(w.text)), 'and')}: the words say ${m!.label} went ${up ? 'up' : 'down'}, but its change for ${m!.period} is ${up ? 'a fall' : 'a rise'}. A series rolled forward to a period in which it turned? Reword the sentence for the figure (or check the change against the source); if the words are right as they are, acknowledge the finding`,
    });
  }
  return found;
}

/**
 * A figure beside an earlier one of its series, after words saying it moved the other way from it: "[[net_debt]] at 30
 * June 2025, down from [[net_debt@2024-12-31]]" when net debt rose, "fell from [[revenue@2024-09-30]] to [[revenue]]" when
 * revenue grew. As change-direction reads a change's words: written for the period they were written in, and a series
 * rolled forward (or a figure corrected) to one in which it turned. Both figures in one unit; equal figures moved neither way.
 */
function levelDirections(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const found: Finding[] = [];
  const language = canvas.briefing?.language;
  let last: TextReference | undefined;
  for (const here of textReferences(canvas)) {
    const previous = last !== undefined && last.text === here.text && last.path === here.path ? last : undefined;
    last = here;
    if (previous === undefined || !['value', 'amount'].includes(here.ref.part!) || !['value', 'amount'].includes(previous.ref.part!)) continue;
    const at = (r: TextReference['ref']) => ({ start: r.index, end: r.index + r.token.length });
    const moved = movedFrom(here.text, at(previous.ref), at(here.ref));
    if (moved === undefined) continue;
    const [figureRef, earlierRef] = moved.earlierFirst ? [here, previous] : [previous, here];
    const [id, earlier] = [resolveRef(index, figureRef.ref.id!), resolveRef(index, earlierRef.ref.id!)];
    const [m, e] = [index.metrics[id], index.metrics[earlier]];
    if (m?.value === undefined || e?.value === undefined || id === earlier || id.split('@')[0] !== earlier.split('@')[0] || m.unit !== e.unit) continue;
    const [now, then] = [inUnits({ value: m.value, scale: m.scale }), inUnits({ value: e.value, scale: e.scale })];
    if (now === then || (now > then) === (moved.moved === 'up')) continue;
    found.push({
      path: figureRef.path,
      needle: figureRef.ref.token,
      nth: figureRef.nth,
      rule: 'change-direction',
      metrics: [id, earlier],
      message: `text ${figureRef.ref.token} prints ${figure({ ...m, value: m.value }, language)} (${m.period}), and ${earlierRef.ref.token} ${figure({ ...e, value: e.value }, language)} (${e.period}): ${quote(moved.words[0]!.text)} says ${m.label} went ${moved.moved}, but it ${now > then ? 'rose' : 'fell'}. A series rolled forward to a period in which it turned? Reword the sentence for the figures (or check them against the source); if the words are right as they are, acknowledge the finding`,
    });
  }
  return found;
}

/** Every place the canvas names a metric. */
function usesOf(canvas: CanvasInput): Use[] {
  const uses: Use[] = [];
  const id = (ref: string, kind: Use['kind'], path: KeyPath) => uses.push({ ref, kind, where: { path } });
  for (const { ref, text, path, nth } of textReferences(canvas)) uses.push({ ref: ref.id!, kind: 'text', where: { path, needle: ref.token, nth }, text: { value: text, at: ref.index } });
  canvas.key_figures?.forEach((ref, i) => id(ref, 'key figure', ['key_figures', i]));
  for (const [chartId, chart] of Object.entries(canvas.charts ?? {})) {
    if (chart.series !== undefined) id(chart.series, 'chart', ['charts', chartId, 'series']);
    chart.points?.forEach((p, i) => id(p.metric, 'chart', ['charts', chartId, 'points', i, 'metric']));
  }
  for (const { block, path: at } of chapterEntries(canvas)) {
    block.sections.forEach((section, s) => section.content.forEach((item, c) => {
      const path: KeyPath = [...at, 'sections', s, 'content', c];
      if ('table' in item) {
        item.table.rows.forEach((row, r) => row.forEach((cell, ci) => { if (isMetricCell(cell)) id(cell.metric, 'table', [...path, 'table', 'rows', r, ci, 'metric']); }));
      } else if ('metric_table' in item) {
        item.metric_table.rows.forEach((row, r) => id(typeof row === 'string' ? row : 'series' in row ? row.series : row.metric, 'table', [...path, 'metric_table', 'rows', r]));
      }
    }));
  }
  for (const [setId, set] of Object.entries(canvas.block_sets ?? {})) set.key_figures?.forEach((ref, i) => id(ref, 'key figure', ['block_sets', setId, 'key_figures', i]));
  canvas.data_notes?.contradictions?.forEach((c, i) => c.metrics.forEach((ref, j) => id(ref, 'contradiction', ['data_notes', 'contradictions', i, 'metrics', j])));
  return uses;
}
