/**
 * Findings: what a valid canvas can still get wrong. Warnings (errors under `check --strict`), each with
 * a rule id, at the place in the canvas to fix:
 * - contradiction: two figures of one measure for one period that cannot both be true (canvas/conflicts.ts),
 *   unless data_notes.contradictions declares them (then the data notes explain them, and nothing is said here);
 * - change-mismatch: a stated YoY change that the same measure's figure a year earlier contradicts;
 * - stale-reference: a key figure, or a text reference to a single-value metric, that names an older
 *   value of a measure when a newer one exists up to the briefing date (the measure being a metric's
 *   values, or single-value metrics sharing a concept and period type);
 * - unused-metric: a metric nothing refers to (no text, table, chart, key figure or contradiction);
 * - ended-forecast: a forecast or target whose period has ended with no actual value for it;
 * - no-source: a metric (or a value of one) that says nowhere where it comes from;
 * - share-over-100, mixed-currencies: about the figures of one table or chart (figure-sets.ts);
 * - unmatched-acknowledgement: a data_notes.acknowledged entry that matches no finding;
 * - control-character: text holding control characters (canvas/control-characters.ts), which the briefing leaves out;
 * - typed-figure: an amount of money typed into text that is a metric's value (or its equivalent), where a reference
 *   would follow the metric when it is updated (canvas/typed-amounts.ts);
 * - period-mismatch: a text reference whose figure is for another quarter, fiscal year or half than the one its
 *   sentence names (canvas/text-periods.ts): a series rolled forward, or a figure updated in place, under old words;
 *   or that words date from a later figure beside it ("up from [[revenue@2025-03-31]] last quarter", misdatedRelative);
 * - percent-as-fraction: a percentage below 1% whose measure's other figures are a hundred times it (canvas/conflicts.ts);
 * - exchange-rate: an equivalent whose rate the other equivalents of its date rule out (canvas/exchange-rates.ts),
 *   unless data_notes.contradictions declares the figure against one of them; or of the other sign than its amount.
 */
import type { KeyPath } from '../canvas/key-path.ts';
import type { CanvasInput, FINDING_RULES, Metric } from './schema.ts';
import type { Problem } from './explain-issues.ts';
import { chapterEntries } from '../canvas/blocks.ts';
import { parseReferences } from '../canvas/references.ts';
import { isLookingAhead, isSeries, resolveRef, type MetricIndex } from '../canvas/series.ts';
import { changeMismatches, conflictPairs, fractionPercents, periodKind, sameMeasure, written as normalWords, YOY_BASIS, yearEarlierFigures } from '../canvas/conflicts.ts';
import { implausibleRates, rateMismatches, repeatedEquivalents, signMismatches } from '../canvas/exchange-rates.ts';
import { codePoint, textsWithControlCharacters } from '../canvas/control-characters.ts';
import { figureSetFindings } from './figure-sets.ts';
import { figureSets, oneMeasureOverTime } from '../canvas/figure-sets.ts';
import { amount, figure } from './figure-words.ts';
import { referringTexts } from './referring-texts.ts';
import { typedAmounts } from '../canvas/typed-amounts.ts';
import { namedPeriods, periodKeysOf, sentencesOf, type NamedPeriod } from '../canvas/text-periods.ts';
import { formatDate } from '../canvas/dates.ts';
import { quarterEndOfWords, readPeriodWords, type PeriodWords } from '../canvas/period-words.ts';
import { changeDecimals, decimalsOf, formatNumber, inUnits } from '../canvas/numbers.ts';
import { quote } from '../errors.ts';

export type Rule = (typeof FINDING_RULES)[number];

/** A warning about a figure: where, what, which rule says so, and the metrics it is about; with the canvas's reason when acknowledged. */
export type Finding = Problem & { rule: Rule; metrics: string[]; acknowledged?: string };

/** A use of a metric somewhere in the canvas: the reference as written, and where. */
interface Use {
  ref: string;
  where: Omit<Problem, 'message'>;
  /** Key figures must be current; text may quote an older value on purpose, but not by a leftover id. */
  kind: 'key figure' | 'text' | 'table' | 'chart' | 'contradiction';
}

export function findings(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const uses = usesOf(canvas);
  // Each stated YoY change with the figure a year earlier: checked against it (change-mismatch), and what makes that figure used.
  const yearEarlier = yearEarlierFigures(index.metrics, Object.keys(index.metrics));
  // What the figures' period words say against their period_end: for period-end-mismatch, and for the checks it informs.
  const words = readPeriodWords(index.metrics);
  const all = [
    ...contradictions(canvas, index), ...changeMismatchFindings(index, yearEarlier), ...staleReferences(canvas, index, uses), ...unusedMetrics(canvas, uses, yearEarlier),
    ...endedForecasts(canvas, index), ...unsourced(canvas), ...figureSetFindings(canvas, index), ...typedFigures(canvas, index, words.fiscalShift), ...typedMismatches(canvas, index, words.fiscalShift),
    ...typedChanges(canvas, index), ...exchangeRates(canvas, index), ...staleCharts(canvas, index), ...periodMismatches(canvas, index, words), ...percentsAsFractions(index),
    ...titlePeriodMismatches(canvas, index, words), ...periodEndFindings(index, words), ...staleBriefingPeriod(canvas, index, words.quarterShift), ...sizesOfGains(canvas, index),
  ];
  // Acknowledged (data_notes.acknowledged: the rule, and every metric of the finding named): kept, with the reason.
  const acks = (canvas.data_notes?.acknowledged ?? []).map((a) => ({ ...a, metrics: new Set(a.metrics.map((ref) => resolveRef(index, ref))) }));
  const used = new Set<number>();
  const marked = all.map((f) => {
    // Every metric the finding names; or, for parts over a total, that total alone (its reason is the total's: inter-segment
    // sales). Only alone: an acknowledgement of the group's total that lists the segments' totals among its parts must not
    // pass a segment's own parts over it (a typo in one of them).
    const i = acks.findIndex((a) => a.rule === f.rule && (f.metrics.every((id) => a.metrics.has(resolveRef(index, id))) || ((f.rule === 'parts-over-total' || f.rule === 'parts-under-total') && a.metrics.size === 1 && a.metrics.has(resolveRef(index, f.metrics[0])))));
    if (i < 0) return f;
    used.add(i);
    return { ...f, acknowledged: acks[i].reason };
  });
  // An acknowledgement that matches nothing acknowledges nothing: said, or the finding it meant stays a warning unexplained.
  const idle = acks.flatMap((a, i): Finding[] => used.has(i) ? [] : [{
    path: ['data_notes', 'acknowledged', i],
    rule: 'unmatched-acknowledgement',
    metrics: [...a.metrics],
    message: `acknowledges no finding: no ${a.rule} finding names only metrics listed here (${[...a.metrics].join(', ')}). Check the rule id, and list every metric the finding names (for change-mismatch, the figure with the change and the year-earlier one); remove it if the finding is gone`,
  }]);
  return [...marked, ...idle];
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
function changeMismatchFindings(index: MetricIndex, yearEarlier: ReturnType<typeof yearEarlierFigures>): Finding[] {
  return changeMismatches(index.metrics, Object.keys(index.metrics), yearEarlier).map(({ id, earlier, kind, computed, written, sizeOfNegative }) => {
    const m = index.metrics[id];
    const e = index.metrics[earlier];
    const stated = m.change![kind]!;
    // In the digits the stated change is written with (a tenth at least), so that the two never read the same; more
    // for a change smaller than that, which would otherwise read as none (+0.0%).
    const digits = Math.max(1, decimalsOf(stated));
    const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(changeDecimals(x, digits))}${kind === 'points' ? ' pp' : '%'}`;
    // Where rounding leaves the change less than a tenth of a point wide, the figures' own change, rounded as the
    // reader would (401.7 to 436.9 is +8.8%, though the bounds start at +8.74%).
    const interval = Math.abs(computed[1] - computed[0]) < 0.1 ? pct(written) : `${pct(computed[0])} to ${pct(computed[1])}`;
    const [from, to] = [`${earlier} (${figure({ ...e, value: e.value! })}, ${e.period})`, figure({ ...m, value: m.value! })];
    const advice = sizeOfNegative
      ? `${pct(stated)} is the change in the figure's size; a change is the figure's own, signed as it moved (${written < 0 ? 'a loss that widened fell' : 'a loss that narrowed rose'}, and is coloured by better: accordingly): write change.percent: ${Number(written.toFixed(changeDecimals(written, digits)))}${m.change!.better === 'lower' ? ', and better: higher (a loss is better the higher it is, nearer zero: with better: lower the new sign would show the change as good news when it is bad)' : ''}, or check both figures against the source`
      : 'check both figures and the change against the source (a change on another basis, such as like-for-like, needs basis:)';
    return {
      path: [...index.pathOf[id], 'change', kind],
      rule: 'change-mismatch' as const,
      metrics: [id, earlier],
      message: `${id} states a change of ${pct(stated)} YoY, but from ${from} to ${to} the change is ${interval}: ${advice}`,
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
  const said = (id: string) => {
    const m = index.metrics[id];
    return `${id} (${m.value === undefined ? quote(m.text ?? '') : figure({ ...m, value: m.value })}, ${m.period})`;
  };
  return Object.keys(index.metrics).filter((id) => partners.has(id)).map((id): Finding => {
    const others = partners.get(id)!;
    return {
      path: index.pathOf[id],
      atKey: index.pathOf[id].length === 2,
      rule: 'contradiction',
      metrics: [id, ...others],
      message: `${said(id)} and ${others.map(said).join(' and ')} measure ${index.metrics[id].label} for the same period, and ${others.length === 1 ? 'cannot both be right' : `${said(id).split(' ')[0]} cannot agree with any of them`} even allowing for rounding and qualifiers: correct the one that is wrong, or keep them and declare it in data_notes.contradictions with a note saying how they differ`,
    };
  });
}

/** The contradictions data_notes declares, as a test of two metric ids (series values resolved). */
function declaredContradictions(canvas: CanvasInput, index: MetricIndex): (a: string, b: string) => boolean {
  const declared = (canvas.data_notes?.contradictions ?? []).map((c) => new Set(c.metrics.map((ref) => resolveRef(index, ref))));
  return (a, b) => declared.some((d) => d.has(a) && d.has(b));
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
 * Equivalents of one date whose rates no one rate gives (at the equivalent of the figure that misses the rate most
 * of them meet), and equivalents of the other sign than their amount. Each names only the figure it is at: an
 * acknowledgement of it holds when another figure of that date is added.
 */
function exchangeRates(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const ids = Object.keys(index.metrics);
  const conversion = (id: string) => `${amount(index.metrics[id] as Metric & { value: number })} = ${amount(index.metrics[id].equivalent!)}`;
  const signs = signMismatches(index.metrics, ids).map(({ id }): Finding => ({
    path: [...index.pathOf[id], 'equivalent'],
    rule: 'exchange-rate',
    metrics: [id],
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
      message: `${r.id} (${conversion(r.id)}) converts at ${lo === hi ? lo : `${lo} to ${hi}`} ${r.currency} per ${r.per}, far from any rate since 1990 (each currency's range against the US dollar allows ${bounds[0]} to ${bounds[1]}): the equivalent's scale or digits are off (million for billion?). Check ${amount(m)} and its equivalent against the source`,
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
    const implied = amount({ value: inUnitsOfEq, unit: eq.unit, scale: eq.scale, decimals: eq.decimals ?? decimalsOf(eq.value) });
    const others = r.alsoRulingOut === 0 ? '' : ` (${r.alsoRulingOut === 1 ? 'one other equivalent' : `${r.alsoRulingOut} other equivalents`} of that date agree${r.alsoRulingOut === 1 ? 's' : ''} with it and rule${r.alsoRulingOut === 1 ? 's' : ''} out ${r.id}'s rate too)`;
    const head = `${r.id} (${conversion(r.id)}) converts at ${rate(r.rate)} ${r.currency} per ${r.per}, but ${r.partner} (${conversion(r.partner)}) converts at ${rate(r.partnerRate)}${others}: no one exchange rate of ${r.date} gives both, even allowing for rounding and qualifiers`;
    const acknowledge = 'if the source does convert them at different rates (an average rate and a closing rate), acknowledge the finding with the reason';
    return {
      path: [...index.pathOf[r.id], 'equivalent'],
      rule: 'exchange-rate',
      metrics: [r.id],
      message: r.alone
        ? `${head}, and no other equivalent of that date tells which is wrong. At ${r.partner}'s rate, ${amount(m)} is about ${implied}: check both amounts and their equivalents against the source; ${acknowledge}`
        : r.copiedFrom !== undefined
          ? `${head}; its equivalent, ${amount(eq)}, is also that of ${r.copiedFrom} (${amount(index.metrics[r.copiedFrom] as Metric & { value: number })}, ${index.metrics[r.copiedFrom].period}): copied with an update and not converted? At ${r.partner}'s rate, ${amount(m)} is about ${implied}: check the equivalent against the source; ${acknowledge}`
          : `${head}. At that rate, ${amount(m)} is about ${implied}: check the amount and its equivalent against the source (an amount updated without its equivalent?); ${acknowledge}`,
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

/** 11.6% written 0.116: at the value, naming the measure's other figures and what to write. */
function percentsAsFractions(index: MetricIndex): Finding[] {
  return fractionPercents(index.metrics, Object.keys(index.metrics)).map(({ id, others }) => {
    const m = index.metrics[id];
    const digits = (q: Metric) => q.decimals ?? decimalsOf(q.value!);
    const shown = (o: string) => `${formatNumber(index.metrics[o].value!, digits(index.metrics[o]))}% (${index.metrics[o].period})`;
    const listed = others.length <= 3 ? others.map(shown).join(', ') : `${others.slice(0, 2).map(shown).join(', ')} and ${others.length - 2} more`;
    const printed = formatNumber(m.value!, digits(m));
    const hundred = (m.value! * 100).toFixed(Math.max(0, digits(m) - 2));
    return {
      path: [...index.pathOf[id], 'value'],
      rule: 'percent-as-fraction' as const,
      metrics: [id],
      message: `${id} is ${printed}%, where the same measure's other figures are ${listed}: a share written as a fraction of one? The briefing prints ${printed}%; write ${hundred} for ${hundred}%, or acknowledge the finding if ${printed}% is right`,
    };
  });
}

/**
 * The kind of period a key is for: q (a quarter), fy (a fiscal year), h (a half), fq or fh (a fiscal year's quarter or
 * half); fye, fqe or fhe of a year named by the month it ends ("FY3/26"), compared only with one another; qm (a quarter
 * named by its month alone: "the September quarter").
 */
const keyKind = (key: string) => `${key.split(/[:\d]/)[0]}${/-fye\d{4}$/.test(key) ? 'e' : ''}`;

/** A period key in an order that sorts it in time within its kind: a quarter by its end, a fiscal year or half by its year (and half or quarter). */
const keyOrder = (key: string) => key.replace(/^(h|fq|fh)(\d)-(?:fye?)?(\d{4})$/, '$1$3-$2');

/** The periods of one kind a sentence names: every key; of those it compares with nothing and names for no other figure, the nearest to the figure and the earliest. */
interface SentencePeriods {
  keys: Set<string>;
  nearest?: NamedPeriod;
  earliest?: NamedPeriod;
}

/** Words of a sentence that looks ahead: a later period in it is the outlook's. */
const OUTLOOK = /\b(?:guid\w*|expect\w*|outlook|target\w*|forecast\w*|plan\w*|will|aim\w*|project\w*|estimat\w*|anticipat\w*)\b/i;

/** Where a figure's reference is in its sentence. */
interface Placed {
  at: number;
  end: number;
  /** The periods its figure may be named by (a forecast's too). */
  keys: Set<string>;
}

/**
 * Words that tie a period to the figure just before it: "[[ebt]] in Q3 2025", "[[revenue]] for FY2025", "[[sales]]
 * (Q2 2025)" is not one (a bracket may hold another figure's period), nor "[[revenue]]; in Q2 2025 ...".
 */
const TIED_AFTER = /^\s*(?:(?:in|for|during|over|at|of|as of|through)\s+)?(?:the\s+)?$/i;

/**
 * The reference each named period of a sentence is written with: the figure just before it, tied by a preposition at
 * most ("profit was [[ebt]] in Q3 2025, a margin of [[margin_q3]]": ebt's); else the first figure after it ("[[revenue]];
 * for Q2 2025 the company had guided [[guide_q2]]", "the Q2 2025 margin, at [[margin_q2]]"); else the last before it
 * ("Revenue was [[revenue]] on strong demand in Q2 2025"). By the periods' order in `named`.
 */
function periodOwners(sentence: string, named: NamedPeriod[], refs: Placed[]): Array<Placed | undefined> {
  return named.map((p) => {
    const before = refs.filter((r) => r.end <= p.at).at(-1);
    if (before !== undefined && TIED_AFTER.test(sentence.slice(before.end, p.at))) return before;
    return refs.find((r) => r.at >= p.end) ?? before;
  });
}

/** How far a named period is from a reference: the characters between them. */
const apart = (p: NamedPeriod, r: Placed) => (p.end <= r.at ? r.at - p.end : Math.max(0, p.at - r.end));

/**
 * A sentence's periods by kind (q, fy, h), as they bear on the figure at `ref`. A period the sentence compares with
 * ("up from Q2 2025"), or that is written with another of its figures (`owners`, periodOwners) that it is for ("[[revenue]],
 * against [[revenue_q2]] in Q2 2025"), is not this figure's to have; one written with a figure it is not for is
 * anyone's ("profit was [[ebt]] in Q3 2025, a margin of [[margin_q3]]" speaks of Q3 for ebt, rolled forward to Q4).
 */
function periodsByKind(named: NamedPeriod[], owners: Array<Placed | undefined>, ref: Placed): Map<string, SentencePeriods> {
  const kinds = new Map<string, SentencePeriods>();
  named.forEach((p, i) => {
    const kind = keyKind(p.key);
    const entry = kinds.get(kind) ?? { keys: new Set<string>() };
    entry.keys.add(p.key);
    const owner = owners[i];
    if (!p.compared && !(owner !== undefined && owner !== ref && owner.keys.has(p.key))) {
      if (entry.nearest === undefined || apart(p, ref) < apart(entry.nearest, ref)) entry.nearest = p;
      if (entry.earliest === undefined || keyOrder(p.key) < keyOrder(entry.earliest.key)) entry.earliest = p;
    }
    kinds.set(kind, entry);
  });
  return kinds;
}

/**
 * The period a sentence names where it should name a figure's (`own`: its keys, its own first), if any. Compared within
 * each kind the figure has: its own key's (a quarter, fiscal year or half), and a fiscal year's quarter or half that its
 * words name, if it is a quarter or half (not against a figure whose words name none: a calendar's "Q3 2025" says nothing
 * of the fiscal year). A fiscal year beside a quarter's figure is not compared: a sentence names one for many reasons
 * ("after a weak FY25", "the FY25 annual report").
 */
function misnamedPeriod(own: Set<string>, periods: Map<string, SentencePeriods>, outlook: boolean): NamedPeriod | undefined {
  // The sentence names the figure's period, however (Q1 FY26, or the September quarter): another it names, in another
  // way, is another figure's ("[[revenue]] in Q1 FY26, and iPhone set a record for the June quarter").
  if ([...periods.values()].some((p) => [...own].some((k) => p.keys.has(k)))) return undefined;
  const ownKind = keyKind(own.values().next().value!);
  const kinds = [ownKind];
  if (ownKind === 'q' || ownKind === 'h') {
    for (const part of [`f${ownKind}`, `f${ownKind}e`, `${ownKind}m`]) if ([...own].some((k) => keyKind(k) === part)) kinds.push(part);
  }
  for (const kind of kinds) {
    const named = periods.get(kind);
    if (named === undefined || [...own].some((k) => named.keys.has(k))) continue;
    // A later period in a sentence that looks ahead is its outlook ("guidance for Q4 2025 is unchanged"); elsewhere it is
    // text updated before its figure ("In FY2026 revenue was [[revenue]]", the figure still FY2025's).
    const first = [...own].filter((k) => keyKind(k) === kind).map(keyOrder).sort()[0]!;
    const wrong = outlook ? named.earliest && keyOrder(named.earliest.key) < first ? named.earliest : undefined : named.nearest;
    if (wrong !== undefined) return wrong;
  }
  return undefined;
}

/**
 * Words that date a figure from another of the sentence: just after it ("[[revenue@2025-06-30]] last quarter", "€311.2
 * million a year earlier", "in the same quarter last year") or just before it ("last quarter's [[x]]", "上季度的[[x]]",
 * "前年同期は[[x]]"); with how many months before the other figure's period they put it.
 */
const RELATIVE_AFTER: Array<[RegExp, number]> = [
  [/^\s*,?\s*(?:(?:in|during|for|of)\s+)?(?:the\s+)?(?:(?:last|previous|prior|preceding) quarter|(?:a|one) quarter (?:before|earlier|ago)|(?:the\s+)?quarter (?:before|earlier))\b/i, 3],
  [/^\s*,?\s*(?:(?:in|during|for|of)\s+)?(?:the\s+)?(?:(?:same|corresponding|comparable) (?:quarter|period|half)(?: of)? (?:(?:a|one) year (?:before|earlier|ago)|(?:last|the (?:prior|previous)) year)|(?:a|one) year (?:before|earlier|ago)|(?:last|prior|previous) year|(?:prior|previous)[- ]year (?:quarter|period|half)|year[- ]ago (?:quarter|period|half)|the year before)\b/i, 12],
];
const RELATIVE_BEFORE: Array<[RegExp, number]> = [
  [/\b(?:last|previous|prior|preceding) quarter['’]s\s*$|(?:上一?季度|前一?季度|前四半期)(?:的|为|為|は|の)?\s*$/i, 3],
  [/\b(?:year[- ]ago|prior[- ]year|last year['’]s)\s*(?:quarter['’]s|period['’]s)?\s*$|(?:去年同期|上年同期|前年同期)(?:的|为|為|は|の)?\s*$/i, 12],
];

/** The words dating the figure at [at, end) of `sentence` from another figure, and how many months back they put it. */
function relativeWords(sentence: string, at: number, end: number): { text: string; months: number } | undefined {
  for (const [pattern, months] of RELATIVE_AFTER) {
    const match = pattern.exec(sentence.slice(end, end + 60));
    if (match) return { text: match[0].replace(/^\s*,?\s*(?:(?:in|during|for|of)\s+)?/i, '').trim(), months };
  }
  for (const [pattern, months] of RELATIVE_BEFORE) {
    const match = pattern.exec(sentence.slice(Math.max(0, at - 40), at));
    if (match) return { text: match[0].replace(/(?:['’]s|的|为|為|は|の)?\s*$/, '').trim(), months };
  }
  return undefined;
}

/** How a reference names a figure: a series' latest value by the series' id, which moves on to the next value when one is added. */
function referredAs(index: MetricIndex, id: string): string {
  const series = id.split('@')[0]!;
  return series !== id && index.latest[series] === id ? series : id;
}

/** Whether two figures measure the same thing: one series, or one measure (canvas/conflicts.ts sameMeasure) in one unit. */
function oneMeasure(a: string, b: string, index: MetricIndex): boolean {
  const [x, y] = [index.metrics[a], index.metrics[b]];
  if (x === undefined || y === undefined) return false;
  return a.split('@')[0] === b.split('@')[0] || (x.unit === y.unit && sameMeasure(x, y));
}

/** The date `months` before an ISO date (YYYY-MM-DD), at the end of that month when the date is a month's end. */
function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const monthEnd = (yy: number, mm: number) => new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  const total = y * 12 + (m - 1) - months;
  const [ny, nm] = [Math.floor(total / 12), (total % 12) + 1];
  const day = d === monthEnd(y, m) ? monthEnd(ny, nm) : Math.min(d, monthEnd(ny, nm));
  return `${ny}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days between two ISO dates. */
const daysApart = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

/**
 * A figure (`id`, at [at, end) of `sentence`) that the sentence dates from another figure of its measure in it ("[[revenue]],
 * up from [[revenue@2025-03-31]] last quarter"), when it is not of that date: the words, the figure they date it from,
 * the date they mean, and the value of the measure for that date if there is one. `others`: the sentence's other
 * figures. Within 20 days (a 52/53-week year's quarter ends on another day).
 */
function misdatedRelative(sentence: string, at: number, end: number, id: string, others: string[], index: MetricIndex): { words: string; from: string; date: string; meant?: string } | undefined {
  const m = index.metrics[id];
  if (m?.period_end === undefined || isLookingAhead(m)) return undefined;
  const words = relativeWords(sentence, at, end);
  if (words === undefined) return undefined;
  // Only a later figure: "Revenue was [[revenue]] last quarter, up from [[revenue@2025-06-30]]" says "last quarter" from today.
  // And one of as long a period: beside Q3's revenue, "last year's [[revenue_fy24]]" is the year before, not Q3 2024.
  const kind = periodKind(m);
  const alike = (o: string) => {
    const k = periodKind(index.metrics[o]!);
    return kind === undefined || k === undefined || k === kind;
  };
  const later = others.filter((o) => o !== id && oneMeasure(o, id, index) && alike(o) && (index.metrics[o]!.period_end ?? '') > m.period_end! && !isLookingAhead(index.metrics[o]!))
    .sort((a, b) => index.metrics[b]!.period_end!.localeCompare(index.metrics[a]!.period_end!));
  // Any of them may be the one the words count from: "up from [[revenue@2025-06-30]] in Q2, itself up from
  // [[revenue@2025-03-31]] the quarter before" dates Q1's from Q2's, not from Q3's [[revenue]] earlier in the sentence.
  if (later.some((o) => daysApart(monthsBefore(index.metrics[o]!.period_end!, words.months), m.period_end!) <= 20)) return undefined;
  const from = later[0];
  if (from === undefined) return undefined;
  const date = monthsBefore(index.metrics[from]!.period_end!, words.months);
  const candidates = Object.keys(index.metrics).filter((o) => o !== from && oneMeasure(o, id, index) && alike(o) && !isLookingAhead(index.metrics[o]!) && index.metrics[o]!.period_end !== undefined && daysApart(index.metrics[o]!.period_end!, date) <= 20);
  const meant = candidates.find((o) => o.split('@')[0] === id.split('@')[0]) ?? candidates[0];
  return { words: words.text, from, date, ...(meant === undefined ? {} : { meant }) };
}

/** Parts of a metric a reference shows that belong to its period (its value, or its change); its period, label, source or note do not. */
const FIGURE_PARTS = new Set(['value', 'amount', 'size', 'equivalent', 'change']);

/**
 * A figure in text whose sentence names another quarter, fiscal year or half of the same kind, and not the figure's
 * own: "Revenue was [[revenue]] in Q2 2025" once the series has a Q3 value, or once revenue_q was updated to Q3 in
 * place; "in Q2 FY26" beside a figure for Q3 FY26 (see misnamedPeriod). A period the sentence compares with ("up from
 * Q2 2025"), or that another figure in it is for and stands nearer to, is left alone (periodsByKind).
 */
function periodMismatches(canvas: CanvasInput, index: MetricIndex, words: PeriodWords): Finding[] {
  const found: Finding[] = [];
  // The figures whose own period words period-end-mismatch doubts.
  const misworded = new Set([...words.mismatched, ...words.repeated].map((m) => m.id));
  // The periods each figure may be named by (none for a period that is no quarter, fiscal year or half).
  const keysOf = new Map<string, Set<string>>();
  const keys = (id: string) => {
    let k = keysOf.get(id);
    if (k === undefined) keysOf.set(id, (k = index.metrics[id] ? periodKeysOf(index.metrics[id], words.fiscalShift) : new Set()));
    return k;
  };
  for (const { text, path } of referringTexts(canvas)) {
    const refs = parseReferences(text).filter((r) => r.error === undefined).map((r) => ({ ...r, figure: resolveRef(index, r.id!) }));
    if (refs.length === 0) continue;
    // Each sentence read once, with the periods its figures are for, however many references it holds.
    const sentences = sentencesOf(text).map((b) => ({ ...b, named: undefined as NamedPeriod[] | undefined, owners: undefined as Array<Placed | undefined> | undefined, outlook: undefined as boolean | undefined, refs: [] as Placed[] }));
    // Each reference's sentence, and where it stands in it (in the sentence's own positions, as its named periods are).
    const placed: Placed[] = [];
    const sentenceOf = (() => {
      let s = 0;
      return refs.map((r) => {
        while (sentences[s].end <= r.index && s < sentences.length - 1) s++;
        const at = { at: r.index - sentences[s].start, end: r.index + r.token.length - sentences[s].start, keys: keys(r.figure) };
        sentences[s].refs.push(at);
        placed.push(at);
        return sentences[s];
      });
    })();
    const seen = new Map<string, number>();
    refs.forEach((ref, i) => {
      const nth = seen.get(ref.token) ?? 0;
      seen.set(ref.token, nth + 1);
      const m = index.metrics[ref.figure];
      const own = FIGURE_PARTS.has(ref.part!) && m && !isLookingAhead(m) ? keys(ref.figure) : new Set<string>();
      if (own.size === 0) return;
      const sentence = sentenceOf[i];
      const words = text.slice(sentence.start, sentence.end);
      sentence.named ??= namedPeriods(words);
      sentence.outlook ??= OUTLOOK.test(words);
      sentence.owners ??= periodOwners(words, sentence.named, sentence.refs);
      const compared = misnamedPeriod(own, periodsByKind(sentence.named, sentence.owners, placed[i]), sentence.outlook);
      // A period written with this figure, tied to it, names the figure's period even in a comparison: "up from [[revenue@2025-03-31]]
      // in Q2 2025" gives the Q1 figure as Q2's.
      const wrong = compared ?? sentence.named.find((p) => p.at >= placed[i].end && TIED_AFTER.test(words.slice(placed[i].end, p.at)) && [...own].some((k) => keyKind(k) === keyKind(p.key)) && !own.has(p.key));
      const message = wrong === undefined ? relativeMessage() : namedMessage(wrong);
      if (message !== undefined) found.push({ path, needle: ref.token, nth, rule: 'period-mismatch', metrics: [ref.figure], message: `text ${ref.token} shows ${m.label} for ${m.period}, but its sentence ${message}; if the sentence is right as it is, acknowledge the finding` });

      /** The sentence naming another period than the figure's. */
      function namedMessage(named: NamedPeriod): string {
        // The value of the same series for the period the sentence names, if there is one: what the sentence may have meant.
        const hasPart = (v: string) => (ref.part === 'change' ? index.metrics[v]?.change !== undefined : ref.part === 'equivalent' ? index.metrics[v]?.equivalent !== undefined : true);
        // (The latest, of a quarter named by its month alone: "the September quarter" is most likely the last one.)
        const meant = index.history[ref.id!.split('@')[0]!]?.findLast((v) => v !== ref.figure && keys(v).has(named.key) && hasPart(v));
        // The figure's own words may be the slip (period-end-mismatch): naming the period with them would print it.
        const fix = misworded.has(ref.figure)
          ? `the figure's own period words are in doubt too (see the period-end-mismatch finding at them): correct those first`
          : meant !== undefined
            ? `write [[${meant}${ref.part === 'value' ? '' : `.${ref.part}`}]] if it means the figure for ${index.metrics[meant].period}, or name the period with [[${ref.id}.period]], which follows the figure`
            : `correct the sentence (or the figure), or name the period with [[${ref.id}.period]], which follows the figure`;
        return `speaks of ${quote(named.text)}, and would print the one beside the other: ${fix}`;
      }

      /** Or words that date it from another figure of its measure in the sentence: "up from [[revenue@2025-03-31]] last quarter". */
      function relativeMessage(): string | undefined {
        const others = refs.filter((_, j) => sentenceOf[j] === sentence && j !== i && FIGURE_PARTS.has(refs[j]!.part!)).map((r) => r.figure);
        const relative = ref.part === 'change' ? undefined : misdatedRelative(words, placed[i].at, placed[i].end, ref.figure, others, index);
        if (relative === undefined) return undefined;
        const { words: said, from, date, meant } = relative;
        const fix = meant === undefined
          ? 'correct the words, or the reference'
          : `write [[${referredAs(index, meant)}${ref.part === 'value' ? '' : `.${ref.part}`}]] if it means the figure for ${index.metrics[meant].period}, or correct the words`;
        return `says ${quote(said)}, which from ${index.metrics[from].label} for ${index.metrics[from].period} beside it is the period ending ${formatDate(date)}: ${fix}`;
      }
    });
  }
  return found;
}

/** Words that name a period from another ("Year ago", "Prior year", "Mac, same quarter last year", 前年同期) in a heading or label. */
const RELATIVE_PERIOD = /\b(?:(?:prior|previous|preceding|last)[- ](?:fiscal )?(?:year|quarter|period|half)|year[- ]ago|(?:a|one) (?:year|quarter) (?:earlier|before|ago)|(?:same|corresponding|comparable) (?:quarter|period|half))\b|去年同期|上年同期|前年同期|上一?季度|前四半期/i;

/**
 * A table or chart whose title (or a free table's column heading) names one period, showing figures of another:
 * "Segment revenue, Q1 FY26" over the Q2 FY26 figures once the series were rolled forward (the title left from last
 * quarter), or over four segments of Q1 FY26 and one left on Q4 FY25 (a figure not rolled forward). Compared as
 * period-mismatch compares a sentence's period with a figure's, kind by kind; not a figure whose label as shown names its
 * own period, nor a trend (one measure at several periods), nor a title naming several periods.
 */
function titlePeriodMismatches(canvas: CanvasInput, index: MetricIndex, words: PeriodWords): Finding[] {
  const found: Finding[] = [];
  // Figures whose own period words are in doubt are period-end-mismatch's.
  const misworded = new Set([...words.mismatched, ...words.repeated].map((m) => m.id));
  for (const set of figureSets(canvas, index)) {
    // A column headed "Year ago" or "Prior year" says its figures' period, as the title's own words do not.
    if (set.header !== undefined && RELATIVE_PERIOD.test(set.header)) continue;
    const heading = set.header !== undefined && namedPeriods(set.header).length > 0 ? set.header : set.title;
    if (heading === undefined) continue;
    const every = namedPeriods(heading);
    const named = every.filter((p) => !p.compared);
    if (new Set(named.map((p) => p.key)).size !== 1) continue;
    const period = named[0]!;
    // A period the title compares with is one of its figures' too: "Revenue, Q1 FY26 vs Q1 FY25" over both quarters' figures.
    const titled = new Set(every.map((p) => p.key));
    // A title that looks ahead ("Outlook for Q2 FY26") names a later period than the actuals it sets out, as a sentence
    // does: only a figure later than its period says the title was left from an earlier one.
    const outlook = OUTLOOK.test(heading);
    // What a reader sees beside each figure: its label as shown, and on a chart its group in the legend.
    const shownAs = (id: string) => [set.labels?.[set.ids.indexOf(id)] ?? index.metrics[id]!.label, set.groups?.[set.ids.indexOf(id)]].filter((t) => t !== undefined).join(' ');
    const figures = [...new Set(set.ids)].map((id, i) => ({ id, m: index.metrics[id] as Metric, label: shownAs(id), i }))
      .filter(({ id, m }) => m.value !== undefined && !isLookingAhead(m) && !misworded.has(id));
    // One measure at several periods is a trend, or a comparison set out on purpose.
    if (oneMeasureOverTime(figures, ({ m }) => m.period_end ?? m.period)) continue;
    // (A free table's row is labelled "Mac (Q1 FY26)", its heading after its own words: those words alone are its label.)
    const own = (label: string) => (set.header !== undefined && label.endsWith(` (${set.header})`) ? label.slice(0, -set.header.length - 3) : label);
    const other = figures.filter(({ m, label }) => {
      const keys = periodKeysOf(m, words.fiscalShift);
      const kind = [...keys].filter((k) => keyKind(k) === keyKind(period.key));
      return kind.length > 0 && ![...keys].some((k) => titled.has(k)) && namedPeriods(own(label)).length === 0 && !RELATIVE_PERIOD.test(own(label)) && (!outlook || kind.some((k) => keyOrder(k) > keyOrder(period.key)));
    });
    if (other.length === 0) continue;
    const where = set.header !== undefined && heading === set.header ? 'column heading' : 'title';
    const same = figures.filter(({ m }) => periodKeysOf(m, words.fiscalShift).has(period.key));
    const all = same.length === 0;
    const list = (fs: typeof figures) => fs.map(({ id }) => id).join(', ');
    // Each period once, in the words of its first figure.
    const periods = [...new Map(other.map(({ m }) => [m.period_end ?? m.period, m.period])).values()].join(', ');
    found.push({
      path: set.path,
      atKey: set.kind === 'chart',
      rule: 'period-mismatch',
      metrics: other.map(({ id }) => id),
      message: all
        ? `this ${set.kind}'s ${where} names ${quote(period.text)}, but its figures are for ${periods} (${list(other)}): the ${where} left from an earlier period? Correct the ${where} (or the figures); if it is right as it is, acknowledge the finding`
        : other.length > same.length
          ? `this ${set.kind}'s ${where} names ${quote(period.text)}, but most of its figures are for ${periods} (${list(other)}), and ${list(same)} for ${quote(period.text)}: the ${where} left from an earlier period, and ${same.length === 1 ? 'a figure' : 'figures'} not rolled forward? Correct the ${where}, and bring the figures to one period; if it is right as it is, acknowledge the finding`
          : `this ${set.kind}'s ${where} names ${quote(period.text)}, but ${list(other)} ${other.length === 1 ? 'is' : 'are'} for ${periods}, the others for ${quote(period.text)}: a figure not rolled forward? Add its ${quote(period.text)} value (or say its period in its label); if it is right as it is, acknowledge the finding`,
    });
  }
  return found;
}

/**
 * A figure whose period words name another quarter than its period_end (canvas/period-words.ts): "Q3 2024" on the value
 * for the quarter ending 30 Sep 2025 prints the old quarter's name beside the new figure, on its card, in its chart's
 * axis and in every [[id.period]]. At the words.
 */
function periodEndFindings(index: MetricIndex, words: PeriodWords): Finding[] {
  const mismatched = words.mismatched.map(({ id, wordsEnd, usualQuarters }) => {
    const m = index.metrics[id];
    const n = Math.abs(usualQuarters);
    const usually = usualQuarters === 0 ? '' : ` (this canvas names its quarters ${n} quarter${n === 1 ? '' : 's'} ${usualQuarters > 0 ? 'after' : 'before'} the calendar's, and this one fits neither)`;
    return {
      path: [...index.pathOf[id], 'period'],
      rule: 'period-end-mismatch' as const,
      metrics: [id],
      message: `${quote(m.period)} names the quarter ending ${formatDate(wordsEnd)}, but the figure's period_end is ${m.period_end}${usually}: the briefing would print ${quote(m.period)} beside the figure for the period ending ${formatDate(m.period_end!)}. Correct the period words or period_end, whichever is wrong`,
    };
  });
  const repeated = words.repeated.map(({ id, first }) => {
    const m = index.metrics[id];
    return {
      path: [...index.pathOf[id], 'period'],
      rule: 'period-end-mismatch' as const,
      metrics: [id],
      message: `${normalWords(m.period) === normalWords(index.metrics[first].period) ? `${quote(m.period)} are also the words of ${first}` : `${quote(m.period)} names the same period as ${quote(index.metrics[first].period)}, the words of ${first}`}, the value ending ${formatDate(index.metrics[first].period_end!)}: the briefing would print the same period for both, this one ending ${formatDate(m.period_end!)}. A value copied from the one before it, its words not updated? Correct the period words or period_end, whichever is wrong`,
    };
  });
  return [...mismatched, ...repeated];
}

/**
 * A briefing whose period (briefing.period) is a quarter that ended before the quarter of its latest figures: its
 * cover, running heads, file name and e-mail subject would all name the old quarter. Left from last quarter's canvas,
 * most often. A calendar quarter ("Q3 2025") is compared with the period_end of the latest figures whose words name a
 * quarter (their words may be the slip), as the canvas names quarters (`quarterShift`, period-words.ts); a fiscal year's
 * quarter ("Q4 FY25") with the fiscal quarter the words of the latest such figures name ("Q1 FY26").
 */
function staleBriefingPeriod(canvas: CanvasInput, index: MetricIndex, quarterShift: number): Finding[] {
  const { period, as_of: asOf } = canvas.briefing;
  // The figure of the latest period_end (up to the briefing's date; no forecast or target) whose words `named` reads.
  const latestNamed = <T>(named: (words: string) => T | undefined) => {
    let latest: { id: string; m: Metric; named: T } | undefined;
    for (const [id, m] of Object.entries(index.metrics)) {
      if (isLookingAhead(m) || m.period_end === undefined || m.period_end > asOf || (latest !== undefined && m.period_end <= latest.m.period_end!)) continue;
      const found = named(m.period);
      if (found !== undefined) latest = { id, m, named: found };
    }
    return latest;
  };
  const stale = (latest: { id: string; m: Metric }, goesOnTo: string): Finding[] => [{
    path: ['briefing', 'period'],
    rule: 'stale-briefing-period',
    metrics: [latest.id],
    message: `the briefing's period is ${quote(period)}, but its figures go on to ${goesOnTo}: its cover, running heads, file name and e-mail subject would name the earlier quarter. Write the period of the briefing's latest figures, or acknowledge the finding if the briefing is about ${quote(period)}`,
  }];
  const named = quarterEndOfWords(period);
  if (named !== undefined) {
    const latest = latestNamed(quarterEndOfWords);
    if (latest === undefined) return [];
    // The period_end the briefing's words would give a figure, as the canvas names quarters; 60 days' slack, as for figures.
    const meant = Date.parse(named) - quarterShift * (365.25 / 4) * 86_400_000;
    if (Date.parse(latest.m.period_end!) - meant <= 60 * 86_400_000) return [];
    return stale(latest, `the quarter ending ${formatDate(latest.m.period_end!)} (${latest.id}, ${quote(latest.m.period)})`);
  }
  const fiscal = (words: string) => namedPeriods(words).map((p) => p.key).find((k) => keyKind(k) === 'fq' || keyKind(k) === 'fqe');
  const own = fiscal(period);
  // Of one numbering only: "FY2025 Q2" and "2026年3月期 第2四半期" may be the same quarter. The latest figure is looked for
  // among those of the briefing's numbering, so that one named the other way, however late, hides none.
  const latest = own === undefined ? undefined : latestNamed((words) => namedPeriods(words).map((p) => p.key).find((k) => keyKind(k) === keyKind(own)));
  if (own === undefined || latest === undefined || keyOrder(latest.named) <= keyOrder(own)) return [];
  // A figure of that same end whose words name the briefing's quarter: the canvas's own figures are of it, and a later
  // quarter's name on that end is another company's numbering (a peer's "Q2 FY26" ending in December beside Apple's Q1 FY26).
  if (Object.values(index.metrics).some((m) => m.period_end === latest.m.period_end && !isLookingAhead(m) && namedPeriods(m.period).some((p) => p.key === own))) return [];
  return stale(latest, `${quote(latest.m.period)} (${latest.id}, ending ${formatDate(latest.m.period_end!)})`);
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
 * Amounts of money typed into text that refers to metrics ([[id]]: the summaries, chart captions, leads, paragraphs, bullets and
 * text cells of tables) and are a metric's value, or the equivalent it gives: such a text keeps the old figure when
 * the metric is updated, and no check compares it. Each is reported at the amount, naming the reference to write.
 */
function typedFigures(canvas: CanvasInput, index: MetricIndex, fiscalShift: number | undefined): Finding[] {
  // What a reference prints for each: the value (alone, [[id.amount]], where [[id]] would add the equivalent), or the equivalent.
  // A series' latest value is referred to by the series' id, which moves on to the next value when one is added.
  const amounts = Object.entries(index.metrics).flatMap(([id, m]) => [
    ...(m.value !== undefined && m.unit !== undefined ? [{ id, currencies: [m.unit], value: inUnits({ value: m.value, scale: m.scale }), what: 'the value', ref: m.equivalent ? `[[${referredAs(index, id)}.amount]]` : `[[${referredAs(index, id)}]]` }] : []),
    ...(m.equivalent ? [{ id, currencies: [m.equivalent.unit], value: inUnits(m.equivalent), what: `the ${m.equivalent.unit} equivalent`, ref: `[[${referredAs(index, id)}.equivalent]]` }] : []),
  ]);
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  // Or the metric's figure rounded as typed, to three significant digits at least ("€32.3 billion" for €32,303 million).
  const rounded = (metric: number, typed: number, step: number) => step > 0 && Math.abs(metric - typed) <= step / 2 * (1 + 1e-9) && Math.abs(typed) >= 100 * step;
  const found: Finding[] = [];
  for (const { text, path } of referringTexts(canvas)) {
    const { blanked, halfWidth } = typedText(text);
    const sentenceAt = sentenceFinder(blanked);
    for (const amount of typedAmounts(halfWidth)) {
      const written = text.slice(amount.index, amount.index + amount.token.length);
      // One significant digit (RMB 1 billion, RMB 100 million) is a threshold as often as a figure: "brands surpassing RMB 1 billion".
      if (significantDigits(amount.token) < 2) continue;
      // Its sign too: "fell by RMB 126.6 billion" is no -126.6 billion, which a reference would print with its minus.
      const currency = (a: { currencies: string[] }) => amount.currencies.some((c) => a.currencies.includes(c));
      // ...but a loss is written without its minus: "a net loss of US$1,173 million" is the -1,173 a reference prints.
      const typed = amount.value > 0 && LOSS_BEFORE.test(blanked.slice(Math.max(0, amount.index - 40), amount.index)) ? [amount.value, -amount.value] : [amount.value];
      const exact = amounts.filter((a) => currency(a) && typed.some((v) => same(a.value, v)));
      // A figure rounded is one of many a round number may be: taken for the metric only in a sentence that names what it
      // measures ("revenue" for Revenue) and speaks of no plan, target, backlog or earlier statement of it.
      const bounds = exact.length > 0 ? undefined : sentenceAt(amount.index);
      const sentence = bounds === undefined ? '' : blanked.slice(bounds.start, bounds.end).toLowerCase();
      const speaksOf = (id: string) => {
        const label = index.metrics[id].label.toLowerCase();
        // Its words of four letters or more; a Chinese, Japanese or Korean label's runs of two characters or more ("营收");
        // and what Chinese, Japanese and Korean text calls a measure an English label names ("营收" for Revenue).
        return (label.match(/\p{L}{4,}/gu) ?? []).some((w) => sentence.includes(w))
          || (label.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,}/gu) ?? []).some((w) => sentence.includes(w))
          || MEASURE_WORDS.some(([english, words]) => english.test(label) && words.test(sentence));
      };
      const matches = exact.length > 0 || OTHER_FIGURE.test(sentence) ? exact : amounts.filter((a) => currency(a) && typed.some((v) => rounded(a.value, v, amount.step)) && speaksOf(a.id));
      if (matches.length === 0) continue;
      const first = matches[0]!;
      // A loss typed without its minus is written with the reference that prints it so: [[id.size]].
      const unsigned = amount.value > 0 && first.value < 0;
      // No part prints the amount alone, or the equivalent alone, without its minus ([[id.equivalent]] would print
      // "a net loss of −US$1,173 million"): .size, which prints both, is what the text can write.
      const ref = unsigned ? first.ref.replace(/(?:\.amount|\.equivalent)?\]\]$/, '.size]]') : first.ref;
      const withEquivalent = index.metrics[first.id].equivalent !== undefined;
      const sizeNote = withEquivalent ? ' (the amount and its equivalent, without their minus: leave out any of them typed beside it)' : ' (the figure without its minus)';
      const how = exact.length > 0 ? '' : ', rounded';
      const others = matches.length > 1 ? ` (as is ${matches.slice(1).map((m) => `${m.what} of ${m.id}`).join(', ')})` : '';
      // Placed as the canvas locator finds a needle: the nth time the token's text occurs in the value.
      const nth = text.slice(0, amount.index).split(written).length - 1;
      const equivalent = ref.endsWith('.equivalent]]');
      const period = index.metrics[first.id].period;
      // What another figure of the series would print here, and the reference that prints it, written as `ref` is.
      const shownOf = (m: Metric) => (equivalent ? m.equivalent : m.value === undefined ? undefined : { ...m, value: m.value });
      const refTo = (id: string) => `[[${referredAs(index, id)}${unsigned ? '.size' : equivalent ? '.equivalent' : index.metrics[id].equivalent ? '.amount' : ''}]]`;
      const is = `${quote(written)} is typed into the text, and is ${first.what} of ${first.id}`;
      found.push({ path, needle: written, nth, rule: 'typed-figure', metrics: [...new Set(matches.map((m) => m.id))], message: relativeMessage() ?? staleMessage() });

      /**
       * Words that date it from another figure of its measure in the sentence, when it is another date's: "up from €301.5
       * million last quarter" beside Q3's revenue, €301.5 million being Q1's. The reference would keep the wrong figure.
       */
      function relativeMessage(): string | undefined {
        const bounds = sentenceBounds(text, amount.index);
        const beside = parseReferences(text.slice(bounds.start, bounds.end)).filter((r) => r.error === undefined && FIGURE_PARTS.has(r.part!)).map((r) => resolveRef(index, r.id!));
        const relative = misdatedRelative(text.slice(bounds.start, bounds.end), amount.index - bounds.start, amount.index - bounds.start + amount.token.length, first.id, beside, index);
        if (relative === undefined) return undefined;
        const said = relative.meant && index.metrics[relative.meant];
        const value = said && shownOf(said);
        return `${is} (${period})${how}${others}, but its sentence says ${quote(relative.words)}, which from ${index.metrics[relative.from].label} for ${index.metrics[relative.from].period} beside it is the period ending ${formatDate(relative.date)}${said && value ? `, for which ${relative.meant!.split('@')[0]} is ${figure(value)}` : ''}: check which figure the text means. ${said ? `Write ${refTo(relative.meant!)} for the ${said.period} figure, or ${ref} if the ${period} figure is meant (and correct the words)` : `Write ${ref} if the ${period} figure is meant, and correct the words`}`;
      }

      /**
       * An earlier value of a series in a sentence that names a later period: the text was not updated, and the reference
       * the finding would advise keeps the old figure. Said, with the value of the period the sentence names.
       */
      function staleMessage(): string {
        const stale = staleTypedValue(first.id, text, amount, index, fiscalShift);
        const meant = stale && index.metrics[stale.meant];
        const shown = meant && shownOf(meant);
        return stale === undefined || meant === undefined || shown === undefined
          ? `${is}${how}${others}: write ${ref} instead${unsigned ? sizeNote : ''}, so that the text changes when the metric is updated and is checked with it`
          : `${is} (${period})${how}${others}, but its sentence speaks of ${quote(stale.named)}, for which ${stale.series} is ${figure(shown)}: the text may not have been updated. Write ${refTo(stale.meant)} for the ${meant.period} figure, or ${ref} if the ${period} figure is meant (and name its period)`;
      }
    }
  }
  return found;
}

/**
 * Text as typed amounts are read in it. What the references print is not typed, and what is in double quotes (or 「」,
 * 『』, «») quotes a source: both are blanked (the same length, so the places stay). `halfWidth` reads full-width digits,
 * commas and points ("４，２９０億円", as a Japanese input method types them) as their half-width forms, one for one.
 */
function typedText(text: string): { blanked: string; halfWidth: string } {
  const blanked = text.replace(/\[\[[^\]]*\]\]|"[^"\n]*"|“[^”\n]*”|「[^」\n]*」|『[^』\n]*』|«[^»\n]*»/g, (part) => ' '.repeat(part.length));
  return { blanked, halfWidth: blanked.replace(/[０-９，．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) };
}

/**
 * What joins a measure's name to its figure typed after it: "was", "of", "came in at", "rose 12% to", "grew by 8% year on
 * year to", ":". Not "by" alone ("rose by $3.1 billion" is a difference), nor a qualifier ("about", "over"), nor anything else.
 */
const LEVEL_JOIN = /^\s*,?\s*(?:was|were|is|are|came in at|came to|stood at|amounted to|totall?ed|reached|hit|of|at|:|(?:rose|grew|increased|climbed|jumped|fell|declined|dropped|decreased|slipped)(?:\s+(?:by\s+)?\d+(?:\.\d+)?\s?%)?(?:\s+(?:year[- ]on[- ]year|year[- ]over[- ]year|yoy|y\/y))?\s+to)\s*$/i;
/** What joins a measure's name to its change typed after it: "grew", "rose by", "was down", "declined". */
const CHANGE_JOIN = /^\s*,?\s*(?:(grew|rose|increased|climbed|jumped|expanded|gained|fell|declined|dropped|decreased|slipped|shrank|contracted)|(?:was|were|is|are)\s+(up|down))(?:\s+by)?\s*$/i;
/** The verbs of a period put between a measure's name and what joins its figure: "revenue in Q1 FY26 was". */
const JOIN_VERB = /\s*,?\s*(?:was|were|is|are|came|stood|amounted|totall?ed|reached|hit|of|at|rose|grew|increased|climbed|jumped|expanded|gained|fell|declined|dropped|decreased|slipped|shrank|contracted)\b/i;
/**
 * A verb, as a word, that says what a figure of a measure is, or a figure (typed, or a reference, blanked to spaces): a
 * clause that has one names its figure itself.
 */
const JOINING_VERB = /\b(?:was|were|is|are|of|at|came|stood|amounted|totall?ed|reached|hit|rose|grew|increased|climbed|jumped|expanded|gained|fell|declined|dropped|decreased|slipped|shrank|contracted)\b|\d\s?[%％]|[$€£¥₹]\s?\d|\d\s*(?:billion|million|thousand|trillion|bn|mn|crore)\b|\s{5,}/i;
/** What may stand just before a measure's name and leave it the measure itself: "the", "its", "Microsoft's", "and", "In Q1 FY26,". */
const MEASURE_BEFORE = /(?:^|[,;:(\u2013\u2014]|\b(?:the|its|our|their|and|while|whereas|with|as|where|when|total|group|consolidated|overall|company|\p{L}+['’]s))\s*$/iu;
/** A plan or estimate named as what an actual figure is measured against: "ahead of guidance", "in line with expectations". */
const MEASURED_AGAINST = /\b(?:ahead of|above|below|beat(?:ing)?|exceed(?:ed|ing)?|in line with|short of|miss(?:ed|ing)?|topp(?:ed|ing)|compared with)\s+(?:the\s+|our\s+|its\s+|their\s+|analysts['’]?\s+)?(?:guidance|expectations?|consensus(?: estimates?)?|forecasts?|outlook|targets?|plan)\b/g;
/**
 * Words that compare an actual figure with an earlier period's ("up from $65.6 billion a year earlier", "compared with
 * the prior year"): not the earlier statements OTHER_FIGURE speaks of ("previously reported", "the prior guidance"), and
 * left out when a sentence is tested for those.
 */
const EARLIER_PERIOD = /\b(?:(?:a|one|the) (?:year|quarter) (?:earlier|before)|(?:the )?prior[- ](?:fiscal[- ])?(?:year|quarter|period)(?:['’]s)?(?: (?:quarter|period|half))?)\b/g;
/** Such words just before a measure's name, dating its figure: "a year earlier, revenue was", "in the prior year revenue was". */
const DATED_EARLIER = /\b(?:(?:a|one) (?:year|quarter) (?:earlier|before|ago)|(?:in |for |during )?(?:the )?(?:prior|previous|last|same) (?:fiscal )?(?:year|quarter|period)(?: last year)?)\s*,?\s*(?:the\s+|its\s+)?$/i;
/**
 * A figure on another basis than the reported one the canvas holds, said just before the measure's name or just after
 * the figure: "in constant currency", "on a non-GAAP basis", "adjusted", "excluding the impact of", "$3.72 per share".
 */
const LEVEL_BASIS = /constant[- ]currenc|\bat constant\b|currency[- ]neutral|\bfx[- ]neutral|\bnon[- ]?(?:gaap|ifrs)\b|\badjusted\b|\bunderlying\b|\bexcluding\b|\bexclusive of\b|\bex-|\bpro[- ]forma\b|\borganic|like[- ]for[- ]like|\bper (?:diluted |basic )?(?:share|ads|adr)\b|\ba (?:diluted )?share\b|\bper (?:user|customer|subscriber|employee|unit)\b|\bon an? (?!(?:reported|gaap|ifrs|year[- ]o(?:n|ver)[- ]year|yoy)\s)[\w-]+(?:\s[\w-]+)?\s+basis\b/i;
/** What joins a measure's change to its name past its figure: "revenue was $77.7 billion and increased", ", up", "(down". */
const LEVEL_THEN_CHANGE = /^\s*,?\s*(?:was|were|is|are|came in at|came to|stood at|amounted to|totall?ed|reached|of|at)\s+[^,;%\d]{0,12}\d[\d,.]*(?:\s?(?:thousand|million|billion|trillion|bn|mn|m|b|crore|lakh)\b)?(?:\s[A-Z]{3})?\s*(?:,\s*|\s+and\s+|\(\s*)(?:(grew|rose|increased|climbed|jumped|expanded|gained|fell|declined|dropped|decreased|slipped|shrank|contracted|an? (?:increase|rise|decrease|decline|fall|drop) of)|(?:(?:was|were)\s+)?(up|down))(?:\s+by)?\s*$/i;
/** Words just after a figure that give it a part of the period, not the whole: "in the first half of the quarter", "in October". */
const PART_OF_PERIOD = /^\s*,?\s*(?:in|during|over|for)\s+(?:the\s+)?(?:(?:first|second|last|final|opening|closing)\s+(?:half|month|two months|weeks?|\w+ weeks|days?|\w+ days)(?:\s+of\s+the\s+(?:quarter|year|period|half))?\b|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s+quarter))/i;
/** A label that names a rate of growth: "Azure revenue growth", "Revenue growth (YoY)": the measure whose growth it is, and how its text says it grew. */
const GROWTH_LABEL = /^(.{4,}?)\s+growth(?:\s+rate)?(?:\s*\([^)]*\))?$/;

/**
 * Where the words before a typed figure end with a measure's name joined to it (`join`): the longest of `names` there
 * (so that "Intelligent Cloud revenue" is read before "Revenue"), the words between them, and whether it stands as the
 * measure itself ("Cloud revenue" is no Revenue; "Q1 FY26 revenue", "Microsoft's revenue" are). A period may stand between
 * them ("revenue in Q1 FY26 was"), but nothing else: "revenue in China was" names another measure.
 */
function measureBefore(before: string, names: string[], join: RegExp): { name: string; at: number; joined: RegExpExecArray } | undefined {
  const lower = before.toLowerCase();
  for (const name of names) {
    for (let at = lower.lastIndexOf(name); at >= 0; at = at === 0 ? -1 : lower.lastIndexOf(name, at - 1)) {
      // The name as written, or its plural ("Revenues were", as 10-Qs and Indian releases write it).
      const joined = joinAfter(before.slice(at + name.length).replace(/^s(?!\p{L})/u, ''), join);
      if (joined === undefined) continue;
      // (Only the few words before it are read: a word, a period, a comma.)
      const preceding = before.slice(Math.max(0, at - 40), at);
      if (!MEASURE_BEFORE.test(preceding) && !namedPeriods(preceding).some((p) => /^\s*$/.test(preceding.slice(p.end)))) return undefined;
      // A year or quarter before the one the sentence names: "...; a year earlier, revenue was $65.6 billion".
      if (DATED_EARLIER.test(preceding)) return undefined;
      // A segment's name ending in "Group" or "Company" ("Cloud Intelligence Group revenue") is another measure; the
      // group's own is "Group revenue", "the Group's revenue".
      const owner = /(\S+)\s+(?:group|company)\s*$/i.exec(preceding);
      if (owner !== null && /^\p{Lu}\p{Ll}/u.test(owner[1]!) && !/^(?:the|its|our|their|total|and|in|for)$/i.test(owner[1]!)) return undefined;
      // One of several measures named together, their figures listed after them ("revenue and net income grew 18% and
      // 12%"): the figure after the verb is the first one's, not this one's. Not a clause of its own ("revenue was
      // $77.7 billion and net income was").
      const and = /\b(?:and|&)\s*$/i.exec(before.slice(0, at));
      if (and !== null && !JOINING_VERB.test(before.slice(0, and.index).split(/[;:(]/).at(-1)!)) return undefined;
      return { name, at, joined };
    }
  }
  return undefined;
}

/**
 * `join` read in the words after a measure's name (`rest`), past a period put between them ("revenue in Q1 FY26 was",
 * "revenue for the first quarter of fiscal 2026 was"): the period is all the words up to one of the verbs that may join
 * the figure, tried at each (a period's own words may be one: "of"). Undefined where no join follows, or the words
 * between are more than a period ("revenue in China was").
 */
function joinAfter(rest: string, join: RegExp): RegExpExecArray | undefined {
  const lead = /^\s+(?:in|for|during)\s+/i.exec(rest);
  if (lead === null) return join.exec(rest) ?? undefined;
  const words = rest.slice(lead[0].length);
  for (const verb of words.matchAll(new RegExp(JOIN_VERB.source, 'gi'))) {
    const between = words.slice(0, verb.index);
    if (between.trim() === '' || !namedPeriods(between).some((p) => p.text.length >= between.replace(/^the\s+/i, '').trim().length)) continue;
    const joined = join.exec(words.slice(verb.index));
    if (joined !== null) return joined;
  }
  return undefined;
}

/** The period a sentence (`named`: the periods it names) gives a figure typed at `at` in it: the one nearest to it (not one it compares with). */
function periodNearest(named: NamedPeriod[], at: number): NamedPeriod | undefined {
  const distance = (p: NamedPeriod) => Math.min(Math.abs(p.at - at), Math.abs(p.end - at));
  return named.filter((p) => !p.compared).sort((a, b) => distance(a) - distance(b))[0];
}

/** How far before a typed figure its measure's name is looked for: a long label, a period and "rose 12% year on year to". */
const NAME_WINDOW = 240;

/**
 * A figure typed just after the name of a metric's measure (its label), in a sentence that names the metric's period,
 * that is not the metric's figure even rounded as typed or as the metric is written: "Intelligent Cloud revenue was
 * $31.9 billion in Q1 FY26" where the Q1 FY26 figure is US$30.9 billion; "operating margin was 45.2%" beside 46.0%;
 * "Azure revenue grew 35%" where Azure revenue growth is 40%, or where revenue's stated change is +40% YoY. The text and
 * the figure disagree, and the briefing would print both. Only where the words tie the figure to the measure and the
 * period: a sentence naming no period, speaking of plans or earlier statements, or a name with another word before it
 * ("Cloud revenue" is no Revenue) is left alone, as is a figure that is some figure of the measure, any period's, or an
 * amount that is any metric's (typed-figure's).
 */
function typedMismatches(canvas: CanvasInput, index: MetricIndex, fiscalShift: number | undefined): Finding[] {
  // Each measure by its label, with its figures (a series' values; metrics of one label); a rate of growth also by the
  // measure whose growth it is.
  const byLabel = new Map<string, string[]>();
  const growthOf = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) => map.set(key, [...(map.get(key) ?? []), id]);
  for (const [id, m] of Object.entries(index.metrics)) {
    if (m.value === undefined || m.unit === undefined || isLookingAhead(m) || m.qualifier !== undefined) continue;
    const label = m.label.trim().replace(/\s+/g, ' ').toLowerCase();
    if (label.length < 4) continue;
    add(byLabel, label, id);
    const growth = m.unit === 'percent' ? GROWTH_LABEL.exec(label) : null;
    if (growth !== null) add(growthOf, growth[1]!, id);
  }
  const longestFirst = (map: Map<string, string[]>) => [...map.keys()].sort((a, b) => b.length - a.length);
  const labels = longestFirst(byLabel);
  const grown = longestFirst(growthOf);
  const anyAmount = Object.values(index.metrics).flatMap((m) => [
    ...(m.value !== undefined && m.unit !== undefined ? [{ unit: m.unit, value: inUnits({ value: m.value, scale: m.scale }) }] : []),
    ...(m.equivalent ? [{ unit: m.equivalent.unit, value: inUnits(m.equivalent) }] : []),
  ]);
  /** The figure of `m` in one of `currencies` (its value, or its equivalent), in units, with what its last digit counts. */
  const amountIn = (m: Metric, currencies: string[]) => {
    if (m.unit !== undefined && currencies.includes(m.unit) && m.value !== undefined) return { value: inUnits({ value: m.value, scale: m.scale }), step: inUnits({ value: 10 ** -(m.decimals ?? decimalsOf(m.value)), scale: m.scale }), shown: figure({ ...m, value: m.value }) };
    if (m.equivalent !== undefined && currencies.includes(m.equivalent.unit)) return { value: inUnits(m.equivalent), step: inUnits({ value: 10 ** -(m.equivalent.decimals ?? decimalsOf(m.equivalent.value)), scale: m.equivalent.scale }), shown: figure(m.equivalent) };
    return undefined;
  };
  const near = (a: number, b: { value: number; step: number }, step: number) => Math.abs(a - b.value) <= Math.max(step, b.step) / 2 * (1 + 1e-9);

  const found: Finding[] = [];
  for (const { text, path } of referringTexts(canvas)) {
    const { halfWidth } = typedText(text);
    /** Reports `written` at `at`: typed as the figure of `id` for `period`, which is `shown` (with its period); `ref` prints it; `note` says more. */
    const report = (at: number, written: string, id: string, period: NamedPeriod, what: string, shown: string, ref: string, note?: string) => {
      found.push({
        path,
        needle: written,
        nth: text.slice(0, at).split(written).length - 1,
        rule: 'typed-mismatch',
        metrics: [id],
        message: `${quote(written)} is typed into the text as ${what} for ${quote(period.text)}, but ${id} ${shown}${note === undefined ? '' : `; ${note}`}: the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write ${ref} in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding`,
      });
    };
    // Each sentence read once, however many figures it holds: whether it speaks of plans, and the periods it names.
    const sentenceAt = sentenceFinder(halfWidth);
    const read = new Map<number, { sentence: string; plans: boolean; periods?: NamedPeriod[] }>();
    const sentenceOf = (at: number) => {
      const bounds = sentenceAt(at);
      let r = read.get(bounds.start);
      if (r === undefined) {
        const sentence = halfWidth.slice(bounds.start, bounds.end);
        // A plan spoken of as what the actual figure beat or missed ("ahead of guidance") leaves the figure the actual one.
        // ...and so does an earlier period it is compared with ("up from $65.6 billion a year earlier").
        read.set(bounds.start, (r = { sentence, plans: OTHER_FIGURE.test(sentence.toLowerCase().replace(MEASURED_AGAINST, '').replace(EARLIER_PERIOD, '')) }));
      }
      const entry = r;
      // The measure's name and what joins it stand just before the figure: the words before it are read that far back.
      const periods = () => (entry.periods ??= namedPeriods(entry.sentence));
      return entry.plans ? undefined : { ...bounds, sentence: entry.sentence, before: halfWidth.slice(Math.max(bounds.start, at - NAME_WINDOW), at), periodNearest: (offset: number) => periodNearest(periods(), offset), periods };
    };

    // Where the text's figures are, amounts and percentages: the words about one end where the next begins.
    const amounts = typedAmounts(halfWidth);
    // (A percentage as British, Indian and Australian releases write it too: "46.9 per cent".)
    const percents = [...halfWidth.matchAll(/(?<![\d.,])([-−+]?)(\d+(?:\.\d+)?)(?:\s?[%％]|\s(?:per\s?cent|pct)\b)/gi)];
    const figureAt = [...amounts.map((a) => [a.index, a.index + a.token.length]), ...percents.map((p) => [p.index, p.index + p[0].length])].sort((a, b) => a[0]! - b[0]!);
    /**
     * Whether the figure at [at, end), its measure named at `nameAt`, is said to be on another basis: in the words before
     * the name (from the figure before it, a semicolon or the sentence's start: "excluding the deal, revenue was") or after
     * the figure (to the next one, a semicolon or the sentence's end: "$30.8 billion on a non-GAAP basis"). Not the
     * name's own words: "Adjusted EBITA" is the measure.
     */
    const otherBasis = (at: number, end: number, nameAt: number, basis = LEVEL_BASIS) => {
      const bounds = sentenceAt(at);
      // (Found by halving: a paragraph of thousands of figures is read in n log n.)
      const first = (test: (f: number[]) => boolean) => firstWhere(figureAt, test);
      const lastBefore = figureAt[first(([b]) => b >= nameAt) - 1]?.[1] ?? 0;
      const nextAfter = figureAt[first(([b]) => b >= end)]?.[0] ?? halfWidth.length;
      const start = Math.max(bounds.start, lastBefore, halfWidth.lastIndexOf(';', nameAt) + 1);
      const after = halfWidth.slice(end, Math.min(bounds.end, nextAfter));
      if (basis.test(halfWidth.slice(start, nameAt)) || basis.test(after.split(';')[0]!)) return true;
      // A part of the measure, named after the figure ("grew 5% in the US", "25% in Asia"), not a period ("in Q1 FY26").
      const place = /^\s*(?:in|across|outside)\s+(?:the\s+)?(?=\p{Lu})/u.exec(after);
      if (place !== null && !namedPeriods(after.slice(place[0].length)).some((p) => p.at === 0)) return true;
      // A part of the period, named after the figure: "grew 30% in the first half of the quarter", "in October", "in the
      // last two weeks" (the quarter's figure is another).
      if (PART_OF_PERIOD.test(after)) return true;
      // One end of a range: "45%-50%", "45.0% to 50.0%", "between 45% and 50%" (a figure of its kind just before or after,
      // joined by a dash or "to": "rose 5% to RMB257.8 billion" is none).
      const percent = (f: number[] | undefined) => f !== undefined && /(?:[%％]|per\s?cent|pct)\s*$/i.test(halfWidth.slice(f[0], f[1]));
      const kind = percent([at, end]);
      const previous = figureAt[first(([b]) => b >= at) - 1];
      const next = figureAt[first(([b]) => b >= end)];
      const ranged = (f: number[] | undefined, gap: string) => f !== undefined && percent(f) === kind && /^\s*(?:-|–|—|to)\s*$/i.test(gap);
      // (A dash read as the later figure's minus is the range's.)
      const upTo = (b: number) => b + (/[-−]/.test(halfWidth[b] ?? '') ? 1 : 0);
      return ranged(previous, previous === undefined ? '' : halfWidth.slice(previous[1], upTo(at))) || ranged(next, next === undefined ? '' : halfWidth.slice(end, upTo(next[0]))) || /\bbetween\s*$/i.test(halfWidth.slice(Math.max(0, at - 10), at));
    };

    // The last amount read as a measure's figure: an amount in brackets just after it is its equivalent ("Revenue was
    // RMB247,795 million (US$35,807 million)").
    let previous: { end: number; name: string; nameAt: number } | undefined;
    for (const amount of amounts) {
      if (significantDigits(amount.token) < 2) continue;
      const s = sentenceOf(amount.index);
      const equivalentOf = previous !== undefined && /^\s*\(\s*$/.test(halfWidth.slice(previous.end, amount.index)) ? previous : undefined;
      const read = equivalentOf ?? (s && measureBefore(s.before, labels, LEVEL_JOIN));
      previous = undefined;
      if (s === undefined || read === undefined) continue;
      const named = { name: read.name, nameAt: 'nameAt' in read ? read.nameAt : amount.index - s.before.length + read.at };
      previous = { end: amount.index + amount.token.length, ...named };
      if (otherBasis(amount.index, amount.index + amount.token.length, named.nameAt)) continue;
      // Dated by the words after it: "revenue was $64.0 billion a year earlier".
      if (relativeWords(halfWidth, amount.index, amount.index + amount.token.length) !== undefined) continue;
      // An amount that is a figure of any metric (another period's, another measure's) is typed-figure's to report, or right.
      const typed = [amount.value, -amount.value];
      if (anyAmount.some((f) => amount.currencies.includes(f.unit) && typed.some((v) => Math.abs(f.value - v) <= 1e-9 * Math.abs(v)))) continue;
      const figures = byLabel.get(named.name)!.map((id) => ({ id, f: amountIn(index.metrics[id], amount.currencies) }));
      // Some figure of the measure, any period's, rounded as typed or as written (a loss typed without its minus too).
      if (figures.some(({ f }) => f !== undefined && near(Math.abs(amount.value), { ...f, value: Math.abs(f.value) }, amount.step))) continue;
      const period = s.periodNearest(amount.index - s.start);
      const meant = period && figures.filter(({ id, f }) => f !== undefined && periodKeysOf(index.metrics[id], fiscalShift).has(period.key));
      if (period === undefined || meant?.length !== 1) continue;
      const { id, f } = meant[0]!;
      const m = index.metrics[id];
      const part = m.equivalent === undefined ? '' : m.unit !== undefined && amount.currencies.includes(m.unit) ? '.amount' : '.equivalent';
      report(amount.index, text.slice(amount.index, amount.index + amount.token.length), id, period, m.label, `is ${f!.shown} (${m.period})`, `[[${referredAs(index, id)}${part}]]`);
    }

    // Percentages: a rate's level ("operating margin was 45.2%"), a rate of growth ("Azure revenue grew 35%": Azure
    // revenue growth), or an amount's stated change ("revenue grew 18%": revenue's change).
    for (const typed of percents) {
      const at = typed.index;
      const s = sentenceOf(at);
      if (s === undefined) continue;
      const digits = typed[2]!;
      const step = 10 ** -(digits.includes('.') ? digits.split('.')[1]!.length : 0);
      // "up 18% to [[revenue]]": a change beside its reference, typedChanges's.
      if (/^\s*(?:(?:year[- ]on[- ]year|year[- ]over[- ]year|yoy|y\/y)\s+)?(?:to|at)\s+\[\[/i.test(text.slice(at + typed[0].length))) continue;
      const level = measureBefore(s.before, labels, LEVEL_JOIN);
      const rate = level === undefined ? measureBefore(s.before, grown, CHANGE_JOIN) : undefined;
      // A change said of the measure's name, or after its figure: "revenue grew 12%", "revenue was $77.7 billion and increased 12%".
      const change = level === undefined && rate === undefined ? measureBefore(s.before, labels, CHANGE_JOIN) ?? measureBefore(s.before, labels, LEVEL_THEN_CHANGE) : undefined;
      const named = level ?? rate ?? change;
      if (named === undefined || relativeWords(halfWidth, at, at + typed[0].length) !== undefined) continue;
      // A change on another basis (sequential, constant currency, organic) is not the year-on-year one the canvas states:
      // said of this figure, in the words about it ("(up 17% in constant currency)" beside it says nothing of it).
      if (otherBasis(at, at + typed[0].length, at - s.before.length + named.at, level === undefined ? CHANGE_BASIS : LEVEL_BASIS)) continue;
      const down = named.joined[2] !== undefined ? /down/i.test(named.joined[2]) : DOWN.test(named.joined[1] ?? '');
      const value = (down !== (typed[1] === '-' || typed[1] === '−') ? -1 : 1) * Number(digits);
      const ids = (rate ? growthOf : byLabel).get(named.name)!;
      const figures = ids.map((id) => {
        const m = index.metrics[id];
        // The digits the canvas writes (74.0 keeps its decimals: YAML reads 74): 73.6% is no rounding of 74.0%.
        const decimals = m.value === undefined ? 0 : m.decimals ?? decimalsOf(m.value);
        return { id, f: change ? statedYearOnYear(m) : m.unit === 'percent' ? { value: m.value!, step: 10 ** -decimals, shown: `${formatNumber(m.value!, decimals)}%` } : undefined };
      });
      const period = s.periodNearest(at - s.start);
      const meant = period && figures.filter(({ id, f }) => f !== undefined && periodKeysOf(index.metrics[id], fiscalShift).has(period.key));
      if (period === undefined || meant?.length !== 1 || near(value, meant[0]!.f!, step)) continue;
      // Another period's figure of the measure: last quarter's text left under this quarter's words ("Services grew 12% in
      // Q1 FY26", 12% being Q4's growth), unless the sentence names that period too (a comparison).
      const namedKeys = new Set(s.periods().map((p) => p.key));
      const other = figures.find(({ id, f }) => f !== undefined && id !== meant[0]!.id && near(value, f, step));
      if (other !== undefined && [...periodKeysOf(index.metrics[other.id], fiscalShift)].some((k) => namedKeys.has(k))) continue;
      const { id, f } = meant[0]!;
      const m = index.metrics[id];
      const written = text.slice(at, at + typed[0].length);
      const ref = `[[${referredAs(index, id)}${change ? '.change' : ''}]]`;
      const stale = other === undefined ? undefined : `${quote(written.trim())} is the figure for ${index.metrics[other.id].period} (text left from an earlier period?)`;
      report(at, written, id, period, change ? `the change of ${m.label}` : m.label, `${change ? `states a change of ${f!.shown}` : `is ${f!.shown}`} (${m.period})`, ref, stale);
    }
  }
  return found;
}

/**
 * `[[id.size]]` of a figure that is not negative. `.size` prints a loss without its minus, for prose that names the loss
 * ("a net loss of [[net_income.size]]"); of a figure above zero it prints the figure as it is, and the words around it
 * call a gain a loss. Most often a series rolled forward to a quarter in which the loss turned into a profit (or a
 * loss metric updated in place with a profit): nothing else notices, as the reference is still valid.
 */
function sizesOfGains(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const found: Finding[] = [];
  for (const { text, path } of referringTexts(canvas)) {
    const seen = new Map<string, number>();
    for (const ref of parseReferences(text)) {
      if (ref.error !== undefined) continue;
      const nth = seen.get(ref.token) ?? 0;
      seen.set(ref.token, nth + 1);
      if (ref.part !== 'size') continue;
      const id = resolveRef(index, ref.id!);
      const m = index.metrics[id];
      if (m?.value === undefined || m.value <= 0) continue;
      // The value of its series the words were likely written for: the latest negative one before it.
      const series = ref.id!.split('@')[0]!;
      const losses = (index.history[series] ?? []).filter((v) => v !== id && (index.metrics[v].value ?? 0) < 0 && (index.metrics[v].period_end ?? '') < (m.period_end ?? ''));
      const earlier = losses.at(-1);
      const meant = earlier === undefined ? '' : `, or [[${earlier}.size]] if it means the loss of ${index.metrics[earlier].period} (${figure({ ...index.metrics[earlier], value: index.metrics[earlier].value! })})`;
      found.push({
        path,
        needle: ref.token,
        nth,
        rule: 'size-of-gain',
        metrics: [id],
        message: `text ${ref.token} prints the size of a loss, without its minus, but ${id} is ${figure({ ...m, value: m.value })} (${m.period}), not a loss: the words around it would call it one. Write [[${ref.id}]] and reword the sentence${meant}`,
      });
    }
  }
  return found;
}

/**
 * A figure's stated change in percent when it is year on year (no basis, YoY in any spelling, 同比): its value, what its
 * last digit counts, and as its reference prints it ("+18% YoY").
 */
function statedYearOnYear(m: Metric): { value: number; step: number; shown: string } | undefined {
  const c = m.change;
  if (c?.percent === undefined || !(c.basis === undefined || YOY_BASIS.test(c.basis) || /^\s*同比\s*$/.test(c.basis))) return undefined;
  const decimals = c.decimals ?? decimalsOf(c.percent);
  return { value: c.percent, step: 10 ** -decimals, shown: `${c.percent > 0 ? '+' : c.percent < 0 ? '\u2212' : ''}${formatNumber(Math.abs(c.percent), decimals)}% ${c.basis ?? 'YoY'}` };
}

/** A change typed right after a figure: "[[revenue]], up 20%", "[[revenue]] (down 3.5%)", "[[revenue]]，同比增长20%". */
const CHANGE_AFTER = /^\s*[,，(（]?\s*(?:(up|down|an? (?:increase|rise|decrease|decline|fall|drop) of)\s+|(?:同比)?(增长|增加|上升|提升|下降|减少|下滑|増加|増|減少|減)了?\s?)(\d+(?:\.\d+)?)\s?[%％]/i;
/** ... or right before it: "grew 20% to [[revenue]]", "fell 3.5% year on year to [[revenue]]", "同比增长20%至[[revenue]]". */
const CHANGE_BEFORE = /(?:\b(grew|rose|increased|climbed|jumped|gained|fell|declined|dropped|decreased|slipped)\s+(?:by\s+)?|(?:同比)?(增长|增加|上升|提升|下降|减少|下滑|増加|減少)了?\s?)(\d+(?:\.\d+)?)\s?[%％]\s*(?:(?:year[- ]on[- ]year|year[- ]over[- ]year|yoy|y\/y)\s+)?(?:to|at|至|到|达|達|为|為)\s*$/i;
/** Words that put a typed change on another basis than the year before: it is not the figure's stated YoY change. */
const OTHER_BASIS = /sequential|(?:from|over|on|vs\.?|versus|compared with|against)\s+(?:the\s+)?(?:(?:previous|prior|preceding|last)\s+(?:quarter|month|half)|q[1-4]\b|[1-4]q\b|h[12]\b|the quarter before|(?:march|june|september|december|mar|jun|sept?|dec)\.?\s+quarter\b(?!\s+(?:of\s+)?(?:a|last|the prior|the previous)\s+year))|上一?季度|前季度|quarter[- ]on[- ]quarter|quarter[- ]over[- ]quarter|\bq(?:o|\/)q\b|constant[- ]currency|organic|like[- ]for[- ]like|\bl-?f-?l\b|excluding|\bex-|环比|環比|前期比|前四半期比|前月比|上半年|cumulative|since|over (?:the )?(?:two|three|five|\d+) years/i;
/** A change on another basis than the figure's stated year-on-year one, or a figure on another basis than the reported one. */
const CHANGE_BASIS = new RegExp(`${OTHER_BASIS.source}|${LEVEL_BASIS.source}`, 'i');
const DOWN = /^(?:down|an? (?:decrease|decline|fall|drop) of|fell|declined|dropped|decreased|slipped|下降|减少|下滑|減少|減)$/i;

/**
 * A change typed beside a figure's reference that its stated change contradicts: "Revenue grew 20% to [[revenue]]"
 * where revenue states +8.8% YoY. The reader sees both, and one is wrong; the text also stays as typed when the figure
 * is updated. Only a change tied to the reference (just before or after it, in the words above) and on no other basis
 * (sequential, constant currency...), beside a figure that states a year-on-year change, is read.
 */
function typedChanges(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const found: Finding[] = [];
  for (const { text, path } of referringTexts(canvas)) {
    for (const ref of parseReferences(text)) {
      if (ref.error !== undefined || !['value', 'amount', 'size'].includes(ref.part!)) continue;
      const id = resolveRef(index, ref.id!);
      const m = index.metrics[id];
      const yoy = m === undefined ? undefined : statedYearOnYear(m);
      if (yoy === undefined) continue;
      const stated = yoy.value;
      const end = ref.index + ref.token.length;
      const after = CHANGE_AFTER.exec(text.slice(end, end + 40));
      const before = after ? null : CHANGE_BEFORE.exec(text.slice(Math.max(0, ref.index - 60), ref.index));
      const match = after ?? before;
      if (!match) continue;
      const [phrase, word, cjk, digits] = match as unknown as [string, string | undefined, string | undefined, string];
      // The words around it: what follows the typed change, and the rest of its clause before it.
      const at = after ? end + (after.index ?? 0) : Math.max(0, ref.index - 60) + (before!.index ?? 0);
      const around = text.slice(Math.max(0, at - 30), at + phrase.length + 40);
      if (OTHER_BASIS.test(around)) continue;
      const typed = (DOWN.test((word ?? cjk ?? '').trim()) ? -1 : 1) * Number(digits);
      const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
      if (Math.abs(stated - typed) <= 0.5 * 10 ** -decimals + 1e-9) continue;
      // Quoted as typed, from its word to its % sign ("grew 20%", "同比增长20%").
      const needle = /^\s*[,，(（]?\s*(.*?[%％])/s.exec(text.slice(at, at + phrase.length))![1]!;
      const from = at + text.slice(at, at + phrase.length).indexOf(needle);
      const statedText = yoy.shown;
      found.push({
        path,
        needle,
        nth: text.slice(0, from).split(needle).length - 1,
        rule: 'typed-figure',
        metrics: [id],
        message: `${quote(needle)} is typed into the text beside ${ref.token}, whose stated change is ${statedText}: the two disagree, and the reader sees both. Correct the text or the figure's change; write [[${ref.id}.change]] to print the stated change, which follows the figure`,
      });
    }
  }
  return found;
}

/**
 * When `id` is a value of a series and `sentence` names not its period but, for no comparison, one later period of that
 * series, which has a value of its own: that period as written and its value. A typed amount equal to the old value is then most
 * likely last quarter's text, left as it was.
 */
function staleTypedValue(id: string, text: string, amount: { index: number; token: string }, index: MetricIndex, fiscalShift: number | undefined): { named: string; series: string; meant: string } | undefined {
  const series = id.split('@')[0];
  if (series === id || index.history[series] === undefined) return undefined;
  const sentence = sentenceAround(text, amount.index);
  // The sentence gives the later figure itself ("to [[revenue]] from EUR 303.7 million"), or says the amount is a year
  // earlier's ("from", "than", "a year before", "of the prior year"): a comparison, not text left from last quarter.
  if (parseReferences(sentence).some((r) => r.error === undefined && r.id!.split('@')[0] === series && (r.part === 'value' || r.part === 'amount' || r.part === 'size'))) return undefined;
  const before = text.slice(Math.max(0, amount.index - 30), amount.index).toLowerCase();
  const after = text.slice(amount.index + amount.token.length, amount.index + amount.token.length + 40).toLowerCase();
  if (/\b(?:from|than|vs\.?|versus|against|compared (?:with|to)|beat)\s*$/.test(before) || /^\s*,?\s*(?:a year (?:before|earlier|ago)|(?:in|of|for) the (?:prior|previous|same)|(?:last|prior|previous) year|year[- ]ago|the year before)/.test(after)) return undefined;
  const own = periodKeysOf(index.metrics[id], fiscalShift);
  const all = namedPeriods(sentence);
  if (all.some((p) => own.has(p.key))) return undefined;
  const named = all.filter((p) => !p.compared);
  const later = named.flatMap((p) => {
    const meant = index.history[series]!.find((v) => v !== id && periodKeysOf(index.metrics[v], fiscalShift).has(p.key) && (index.metrics[v].period_end ?? '') > (index.metrics[id].period_end ?? ''));
    return meant === undefined ? [] : [{ named: p.text, series, meant }];
  });
  return later.length === 1 ? later[0] : undefined;
}

/**
 * A loss, outflow or deficit named just before an amount, which is then written without its minus ("a net loss of US$1,173
 * million", "losses widened to $1.17 billion", "cash burn of", "an outflow of", "a deficit of", "純損失は", "净亏损为").
 */
const LOSS_BEFORE = new RegExp([
  /\b(?:loss|losses|deficit|outflows?|burn|shortfall)(?:\s+(?:per share|attributable to [\w\s]{0,30}))?(?:\s+(?:of|was|were|is|came to|came in at|totall?ed|amounted to|reached|stood at|widened to|narrowed to|grew to|fell to|rose to|at|to))?\s*[:,]?\s*$/.source,
  // In Japanese, Chinese and Korean: "純損失は429億円", "営業赤字が", "净亏损为12亿元", "淨虧損達", "순손실은".
  /(?:損失|赤字|亏损|虧損|损失|손실|적자)(?:額|额|幅)?(?:は|が|の|に|を|为|為|是|达|達|至|了|扩大至|擴大至|缩小至|縮小至|收窄至|收窄到|收窄為|收窄为|은|는|이|가)?\s*[：:、，,]?\s*$/.source,
].join('|'), 'i');

/** What Chinese, Japanese and Korean text calls the measures English labels name most: a rounded amount beside them is taken for the figure. */
const MEASURE_WORDS: Array<[RegExp, RegExp]> = [
  // 收入 alone is revenue, but not interest, other or investment income (利息收入, 其他收入, 投资收入).
  [/\b(?:revenues?|sales|turnover)\b/, /营收|營收|营业额|營業額|(?<!利息|其他|投资|投資|营业外|營業外|租金|佣金|理财|理財)收入|売上|매출/],
  [/\b(?:net (?:income|profit|earnings)|profit attributable|net loss)\b/, /净利(?!率)|淨利(?!率)|纯利|純利|純損失|净亏损|淨虧損|순이익|순손실/],
  [/\b(?:operating (?:income|profit|loss)|ebit)\b/, /经营利润|經營利潤|经营溢利|經營溢利|营业利润|營業利潤|営業利益|営業損失|영업이익|영업손실/],
  [/\bgross (?:profit|margin)\b/, /毛利(?!率)|売上総利益|매출총이익/],
  [/\b(?:capital expenditure|capex)\b/, /资本开支|資本開支|资本支出|資本支出|設備投資|설비투자/],
  [/\bfree cash flow\b/, /自由现金流|自由現金流|フリーキャッシュフロー|잉여현금흐름/],
];

/** Words of a sentence whose amount may be another than the metric's, rounded alike: a plan, a target, a backlog, an earlier statement. */
const OTHER_FIGURE = /\b(?:target\w*|guid\w*|plan\w*|budget\w*|forecast\w*|outlook|expect\w*|backlog|pipeline|order book|previously|restated|originally|initially|prior|earlier)\b|目标|目標|指引|预期|預期|预测|預測|计划|計劃|計画|预算|預算|見通し|予想|在手订单|此前|목표|전망|가이던스/;

/** The sentence of `text` around position `at`. */
function sentenceAround(text: string, at: number): string {
  const { start, end } = sentenceBounds(text, at);
  return text.slice(start, end);
}

/** Where the sentence of `text` around position `at` starts and ends (the whole text, where it has no sentence there). */
function sentenceBounds(text: string, at: number): { start: number; end: number } {
  return sentenceFinder(text)(at);
}

/**
 * sentenceBounds for many places of one text, its sentences found once: a paragraph of thousands of amounts is read in
 * n log n, not n squared.
 */
function sentenceFinder(text: string): (at: number) => { start: number; end: number } {
  const sentences = sentencesOf(text);
  return (at) => sentences[firstWhere(sentences, (b) => b.end > at)] ?? { start: 0, end: text.length };
}

/** The index of the first of `list` (ordered so that `test` is false, then true) for which `test` holds; its length if none: found by halving. */
function firstWhere<T>(list: readonly T[], test: (item: T) => boolean): number {
  let [low, high] = [0, list.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(list[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The significant digits of the number in an amount as written: "RMB 1 billion" 1, "RMB 100 million" 1, "US$5.6bn" 2. */
function significantDigits(token: string): number {
  // The numbers of a compound amount ("3兆1,075億円") read as one.
  const digits = (token.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).join('').replace(/,/g, '');
  const [whole = '', fraction = ''] = digits.split('.');
  return fraction ? `${whole}${fraction}`.replace(/^0+/, '').length : whole.replace(/^0+/, '').replace(/0+$/, '').length;
}

/** Every place the canvas names a metric. */
function usesOf(canvas: CanvasInput): Use[] {
  const uses: Use[] = [];
  const text = (t: string | undefined, path: KeyPath) => {
    if (!t) return;
    const seen = new Map<string, number>();
    for (const ref of parseReferences(t)) {
      if (ref.error !== undefined) continue;
      const nth = seen.get(ref.token) ?? 0;
      seen.set(ref.token, nth + 1);
      uses.push({ ref: ref.id, kind: 'text', where: { path, needle: ref.token, nth } });
    }
  };
  const id = (ref: string, kind: Use['kind'], path: KeyPath) => uses.push({ ref, kind, where: { path } });
  for (const { text: t, path } of referringTexts(canvas)) text(t, path);
  canvas.key_figures?.forEach((ref, i) => id(ref, 'key figure', ['key_figures', i]));
  for (const [chartId, chart] of Object.entries(canvas.charts ?? {})) {
    if (chart.series !== undefined) id(chart.series, 'chart', ['charts', chartId, 'series']);
    chart.points?.forEach((p, i) => id(p.metric, 'chart', ['charts', chartId, 'points', i, 'metric']));
  }
  for (const { block, path: at } of chapterEntries(canvas)) {
    block.sections.forEach((section, s) => section.content.forEach((item, c) => {
      const path: KeyPath = [...at, 'sections', s, 'content', c];
      if ('table' in item) {
        item.table.rows.forEach((row, r) => row.forEach((cell, ci) => { if (typeof cell === 'object') id(cell.metric, 'table', [...path, 'table', 'rows', r, ci, 'metric']); }));
      } else if ('metric_table' in item) {
        item.metric_table.rows.forEach((row, r) => id(typeof row === 'string' ? row : 'series' in row ? row.series : row.metric, 'table', [...path, 'metric_table', 'rows', r]));
      }
    }));
  }
  for (const [setId, set] of Object.entries(canvas.block_sets ?? {})) set.key_figures?.forEach((ref, i) => id(ref, 'key figure', ['block_sets', setId, 'key_figures', i]));
  canvas.data_notes?.contradictions?.forEach((c, i) => c.metrics.forEach((ref, j) => id(ref, 'contradiction', ['data_notes', 'contradictions', i, 'metrics', j])));
  return uses;
}
