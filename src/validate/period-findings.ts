/**
 * Findings about the periods figures are given for (findings.ts lists every rule): period-mismatch (a reference, or a
 * table's or chart's title or column heading, or a chart's caption without references, naming another period than its figure's), period-end-mismatch (a figure's
 * own period words against its period_end), stale-series (a series left a period behind the others) and stale-briefing-period (the briefing's period older than its newest
 * figures). With the helpers typed-findings.ts shares: which period of a sentence is a figure's, and words that date
 * a figure from another ("last quarter").
 */
import type { CanvasInput, Metric } from './schema.ts';
import { parseReferences } from '../canvas/references.ts';
import { isLookingAhead, resolveRef, type MetricIndex } from '../canvas/series.ts';
import { periodKind, sameMeasure, written as normalWords } from '../canvas/conflicts.ts';
import { figureSets, oneMeasureOverTime, type FigureSet } from '../canvas/figure-sets.ts';
import { referringTexts, textReferences } from './referring-texts.ts';
import { calendarQuarterEnd, dayKeyOf, namedDays, namedPeriods, outlookPeriods, periodAndDayKeysOf, speaksAhead, periodKeyKind as keyKind, periodKeyOrder as keyOrder, periodKeysOf, sentencesOf, withoutPeriods, type NamedPeriod } from '../canvas/text-periods.ts';
import { formatDate, monthsOn } from '../canvas/dates.ts';
import { quarterEndOfWords, type PeriodWords } from '../canvas/period-words.ts';
import { quote } from '../errors.ts';
import { listOf } from '../words.ts';
import type { Finding } from './findings.ts';

/**
 * The periods of one kind a sentence names: every key; those it compares with nothing and names for no other figure, in
 * order, each with whether it is an outlook's (outlookPeriods: a word that looks ahead governs it or shares its clause).
 */
interface SentencePeriods {
  keys: Set<string>;
  open: Array<{ period: NamedPeriod; ahead: boolean }>;
}

/** Where a figure's reference is in its sentence. */
interface Placed {
  at: number;
  end: number;
  /** The periods its figure may be named by (a forecast's too). */
  keys: Set<string>;
  /** Its measure's label, lower-cased ("revenue"): a sentence that opens with it opens the figure's clause (yearlessApart). */
  label?: string;
}

/**
 * Words that tie a period to the figure just before it: "[[ebt]] in Q3 2025", "[[revenue]] for FY2025", "[[sales]]
 * (Q2 2025)" is not one (a bracket may hold another figure's period), nor "[[revenue]]; in Q2 2025 ...".
 */
export const TIED_AFTER = /^\s*(?:(?:in|for|during|over|at|of|as of|through)\s+)?(?:the\s+)?$/i;
/**
 * Words that tie a period to the figure just after it, in Japanese: "2026年3月期 第2四半期の[[op_margin]]", its months in
 * brackets between at most ("第2四半期（2025年7～9月）の[[op_margin]]").
 */
const TIED_BEFORE = /^\s{0,2}(?:[(（][^()（）]{0,24}[)）]\s{0,2})?の\s{0,2}$/;

/**
 * The reference each named period of a sentence is written with: the figure just before it, tied by a preposition at
 * most ("profit was [[ebt]] in Q3 2025, a margin of [[margin_q3]]": ebt's); else the first figure after it ("[[revenue]];
 * for Q2 2025 the company had guided [[guide_q2]]", "the Q2 2025 margin, at [[margin_q2]]"); else the last before it
 * ("Revenue was [[revenue]] on strong demand in Q2 2025"). By the periods' order in `named`.
 */
function periodOwners(sentence: string, named: readonly NamedPeriod[], refs: Placed[]): Array<Placed | undefined> {
  return named.map((p) => {
    const before = refs.filter((r) => r.end <= p.at).at(-1);
    if (before !== undefined && TIED_AFTER.test(sentence.slice(before.end, p.at))) return before;
    return refs.find((r) => r.at >= p.end) ?? before;
  });
}

/**
 * What parts a quarter named without a year (qn:, "in Q2", "im zweiten Quartal") from a figure: a comma, semicolon, colon
 * or dash, or a word that opens another clause (a relative pronoun, a conjunction: "which closed in Q2", "the plant that
 * reopened in Q2", "qui", "que", "che", "und").
 */
const CLAUSE_APART = /[,;:!?]|\s[-–—]\s|(?<![\p{L}])(?:which|that|who|whose|where|when|as|and|but|while|because|qui|que|qu['’]|dont|où|et|mais|welche\p{L}*|und|aber|während|weil|y|pero|e|ma|che|maar|omdat|terwijl)(?![\p{L}])/iu;
/**
 * Words before such a quarter that make it a quarter the sentence likens its own to, or the time of an event, not its
 * figure's period: "As in Q2", "As announced in the second quarter", "Following the Q2 plant shutdown", "After a soft first
 * quarter", "reversing a loss in the second quarter", "Wie im zweiten Quartal", "Comme au deuxième trimestre"; up to
 * three words between.
 */
const LIKENED = /(?<![\p{L}])(?:as|like|unlike|following|after|since|before|until|reversing|wie|nach|seit|vor|comme|après|depuis|avant|como|tras|desde|después|após|come|dopo|zoals|sinds)(?:\s{1,3}\p{L}[\p{L}'’-]*){0,3}\s{1,3}$/iu;
/** A sentence's start before a quarter, up to two words ("In", "In the", "Im", "Au"), after which a comma may follow it: "In the second quarter, revenue was [[revenue]]". */
const FRONTED = /^[\s"'“‘(]*(?:\p{L}+\s{1,3}){0,2}$/u;
/**
 * A preposition opening the sentence before such a quarter ("In", "In the", "Im", "Au", "Für das", "Nel", "En el", "No"):
 * the quarter dates the clause it opens, its figure however many words on ("Im zweiten Quartal erzielte Rheinwerk einen
 * Umsatz von [[umsatz]]", "Au deuxième trimestre, le groupe a réalisé un chiffre d'affaires de [[ca]]"). Not an article
 * ("Die im zweiten Quartal abgeschlossene Übernahme").
 */
const OPENING = /^[\s"'“‘(]*(?:in|im|during|for|für|au|en|dans|durant|pendant|nel|durante|no|na|tijdens)(?:\s{1,3}(?:the|das|dem|le|el|il|o|het))?\s{1,3}$/iu;
/** The same after the figure's measure named as the sentence's subject: "Revenue in the second quarter rose 8% to [[revenue]]". */
const OPENING_AFTER_SUBJECT = /^[\s"'“‘(]*(\p{L}[\p{L}\s'’-]{0,38}?)\s{1,3}(?:in|im|during|for|au|en|nel|no|na|tijdens)(?:\s{1,3}(?:the|das|dem|le|el|il|o|het))?\s{1,3}$/iu;

/**
 * Which of a sentence's named periods (`named`, namedPeriods) are quarters named without a year that date no figure's own
 * clause: a quarter so named is weak evidence, read only a few words (four at most) from a figure with nothing between
 * that parts them (CLAUSE_APART; a comma after it at the sentence's start excepted: "In Q2, revenue was"), or anywhere in
 * the clause it opens after a preposition at the sentence's start (OPENING), or after the figure's own measure opening it
 * ("Revenue in the second quarter rose 8% to [[revenue]]": OPENING_AFTER_SUBJECT), and not after words that liken or time
 * (LIKENED). Any other period is read as before. Each period looks at the figure just before
 * and just after it, on bounded slices: linear in the sentence.
 */
function yearlessApart(sentence: string, named: readonly NamedPeriod[], refs: Placed[]): boolean[] {
  const near = (between: string) => between.length <= 40 && !CLAUSE_APART.test(between) && (between.trim() === '' || between.trim().split(/\s+/).length <= 4);
  const refAfter = refsAfter(named, refs);
  return named.map((p, i) => {
    if (!/^[qh]n:/.test(p.key)) return false;
    const r = refAfter[i]!;
    if (LIKENED.test(sentence.slice(Math.max(0, p.at - 60), p.at))) return true;
    const before = refs[r - 1], after = refs[r];
    // (Sliced no further than a figure may stand.)
    if (before !== undefined && p.at - before.end <= 41 && near(sentence.slice(before.end, p.at))) return false;
    if (after === undefined) return true;
    // (A clause's opening quarter: to the figure, bounded, nothing between that parts them but the comma just after it.)
    const opening = p.at <= 20 && OPENING.test(sentence.slice(0, p.at))
      || (p.at <= 60 && after.label !== undefined && OPENING_AFTER_SUBJECT.exec(sentence.slice(0, p.at))?.[1]?.trim().toLowerCase() === after.label);
    if (opening && after.at - p.end <= 160 && !CLAUSE_APART.test(sentence.slice(p.end, after.at).replace(/^\s*,/, ''))) return false;
    if (after.at - p.end > 41) return true;
    const ahead = sentence.slice(p.end, after.at);
    return !near(p.at <= 40 && FRONTED.test(sentence.slice(0, p.at)) ? ahead.replace(/^\s*,/, '') : ahead);
  });
}

/** Words that date a balance by the day after them: "at", "as of", "as at", "per", German "am", "zum", French "au", "à fin", Dutch "per", "op". */
const BALANCE_DAY_BEFORE = /(?:^|[^\p{L}])(?:at|as\s+(?:at|of|on)|per|am|zum|au|à(?:\s+fin)?|op)\s+(?:the\s+)?$/iu;
/**
 * What stands between a balance's figure and a day after it that dates the figure: at most a few words of its measure
 * ("in cash and cash equivalents"), then "on", "at", "as of" ...; no comma, no verb or participle of another noun's
 * ("following", "tested", "measured", "due", "maturing"), nor an event's noun ("the acquisition of").
 */
const BALANCE_DAY_AFTER = new RegExp(String.raw`^(?:\s+(?!(?:following|after|before|since|until|tested|measured|assessed|covenants?|due|maturing|matures?|payable|acquisitions?|closing|completion|of|than|above|below))[\p{L}&-]+(?<!ed|ing)){0,6}\s+(?:at|on|as\s+(?:at|of|on)|per|am|zum|au|à(?:\s+fin)?|op)\s+(?:the\s+)?$`, 'iu');
/** An event's or a covenant's word just before the word that would date a balance: "tested at", "due on", "maturing on". */
const EVENT_DAY_BEFORE = /(?:^|[^\p{L}])(?:tested|measured|assessed|covenants?|due|maturing|matures?|payable|completed|closed|following|after)\s+(?:at|on|as\s+(?:at|of|on)|per|am|zum|au|à(?:\s+fin)?|op)\s+(?:the\s+)?$/iu;
/** After "am <day>", a participle in -en before a noun: "am 30. Juni 2025 abgeschlossenen Übernahme" (a participle phrase, not the balance's day). */
const PARTICIPLE_AFTER = /^\s+\p{Ll}+en\s+\p{Lu}/u;

/** How far a named period is from a reference: the characters between them. */
const apart = (p: NamedPeriod, r: Placed) => (p.end <= r.at ? r.at - p.end : Math.max(0, p.at - r.end));

/**
 * Whether the day `d` (namedDays) of `words` dates the balance whose figure stands at [at, end) there: "at", "as of",
 * "am", "au", or "on" after the figure, in the figure's clause (no ";" between): not an event's day elsewhere in the
 * sentence ("On June 30, 2025, Corvell closed the deal; it held [[cash]]"). After the figure, it dates the figure only
 * right after it or its measure's words (BALANCE_DAY_AFTER: not "[[cash]], following the acquisition of Voltline on June
 * 30, 2025", "above the covenant tested at June 30, 2025"); before it, not as a participle phrase's ("Nach der am 30. Juni
 * 2025 abgeschlossenen Übernahme"), nor after an event's word. Read so for a reference (period-mismatch) and for a figure
 * typed (typed-mismatch: "Net debt was €1,447.2m at 30 June 2025" is that day's balance).
 */
export function datesBalance(words: string, figure: { at: number; end: number }, d: NamedPeriod): boolean {
  const dates = d.at >= figure.end
    ? BALANCE_DAY_AFTER.test(words.slice(figure.end, d.at))
    : BALANCE_DAY_BEFORE.test(words.slice(Math.max(0, d.at - 12), d.at)) && !EVENT_DAY_BEFORE.test(words.slice(Math.max(0, d.at - 30), d.at)) && !(/(?:^|[^\p{L}])am\s+$/iu.test(words.slice(Math.max(0, d.at - 4), d.at)) && PARTICIPLE_AFTER.test(words.slice(d.end, d.end + 40)));
  return dates && !words.slice(Math.min(d.end, figure.end), Math.max(d.at, figure.at)).includes(';');
}

/**
 * A sentence's periods by kind (q, fy, h), as they bear on the figure at `ref`. A period the sentence compares with
 * ("up from Q2 2025"), or that is written with another of its figures (`owners`, periodOwners) that it is for ("[[revenue]],
 * against [[revenue_q2]] in Q2 2025"), is not this figure's to have; one written with a figure it is not for is
 * anyone's ("profit was [[ebt]] in Q3 2025, a margin of [[margin_q3]]" speaks of Q3 for ebt, rolled forward to Q4).
 */
function periodsByKind(named: readonly NamedPeriod[], owners: Array<Placed | undefined>, ahead: boolean[], apart: boolean[], ref: Placed, read: SentenceKinds): Map<string, SentencePeriods> {
  const kinds = new Map<string, SentencePeriods>();
  named.forEach((p, i) => {
    const kind = read.kinds[i]!;
    let entry = kinds.get(kind);
    if (entry === undefined) kinds.set(kind, (entry = { keys: read.keys.get(kind)!, open: [] }));
    const owner = owners[i];
    // A later period than the figure's, after a word of position just after its reference, is what the figure came to in
    // it, not a base it is set apart from: "[[revenue@2025-06-30]], more than EUR 300 million in Q3 2025" (NamedPeriod.setApart).
    const later = p.setApart === true && read.refBefore[i] === ref && [...ref.keys].some((k) => keyKind(k) === kind && keyOrder(k) < keyOrder(p.key));
    if ((!p.compared || later) && !apart[i] && !(owner !== undefined && owner !== ref && owner.keys.has(p.key))) entry.open.push({ period: p, ahead: ahead[i]! });
  });
  return kinds;
}

/** What periodsByKind reads of a sentence whatever the figure: each period's kind, the keys of each kind, and the reference just before each. */
interface SentenceKinds {
  kinds: string[];
  keys: Map<string, Set<string>>;
  refBefore: Array<Placed | undefined>;
}
/** SentenceKinds of a sentence's periods (`named`, in order) and references (`refs`, in order), read once for all its figures. */
function sentenceKinds(named: readonly NamedPeriod[], refs: readonly Placed[]): SentenceKinds {
  const kinds = named.map((p) => keyKind(p.key));
  const keys = new Map<string, Set<string>>();
  named.forEach((p, i) => {
    let set = keys.get(kinds[i]!);
    if (set === undefined) keys.set(kinds[i]!, (set = new Set()));
    set.add(p.key);
  });
  return { kinds, keys, refBefore: refsAfter(named, refs).map((r) => refs[r - 1]) };
}

/**
 * For each of a sentence's periods (`named`, in order), the index of the first of its references (`refs`, in order) that
 * ends after the period starts: the reference just after it, and, one before, the reference just before it. In one pass.
 */
function refsAfter(named: readonly NamedPeriod[], refs: readonly Placed[]): number[] {
  let r = 0;
  return named.map((p) => {
    while (r < refs.length && refs[r]!.end <= p.at) r++;
    return r;
  });
}

/**
 * The period a sentence names where it should name a figure's (`own`: its keys, its own first), if any. Compared within
 * each kind the figure has: its own key's (a quarter, fiscal year or half), and a fiscal year's quarter or half that its
 * words name, if it is a quarter or half (not against a figure whose words name none: a calendar's "Q3 2025" says nothing
 * of the fiscal year). A fiscal year beside a quarter's figure is not compared: a sentence names one for many reasons
 * ("after a weak FY25", "the FY25 annual report").
 */
function misnamedPeriod(own: Set<string>, periods: Map<string, SentencePeriods>, ref: Placed): NamedPeriod | undefined {
  // The sentence names the figure's period, however (Q1 FY26, or the September quarter): another it names, in another
  // way, is another figure's ("[[revenue]] in Q1 FY26, and iPhone set a record for the June quarter").
  if ([...periods.values()].some((p) => [...own].some((k) => p.keys.has(k)))) return undefined;
  const ownKind = keyKind(own.values().next().value!);
  const kinds = [ownKind];
  if (ownKind === 'q' || ownKind === 'h') {
    for (const part of [`f${ownKind}`, `f${ownKind}e`, `${ownKind}m`, `${ownKind}n`]) if ([...own].some((k) => keyKind(k) === part)) kinds.push(part);
  }
  for (const kind of kinds) {
    const named = periods.get(kind);
    if (named === undefined || [...own].some((k) => named.keys.has(k))) continue;
    // A later period that a word looking ahead governs or shares a clause with is its outlook's ("guidance for Q4 2025 is
    // unchanged", "the company expects Q4 2025 revenue above [[revenue]]"); elsewhere it is text updated before its figure
    // ("In FY2026 revenue was [[revenue]]", the figure still FY2025's; "Revenue beat guidance; in Q3 2025 it was ...").
    // Of the others, the nearest to the figure.
    const first = [...own].filter((k) => keyKind(k) === kind).map(keyOrder).sort()[0]!;
    let wrong: NamedPeriod | undefined;
    for (const { period, ahead } of named.open) {
      if (ahead && keyOrder(period.key) > first) continue;
      if (wrong === undefined || apart(period, ref) < apart(wrong, ref)) wrong = period;
    }
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
export function relativeWords(sentence: string, at: number, end: number): { text: string; months: number } | undefined {
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
export function referredAs(index: MetricIndex, id: string): string {
  const series = id.split('@')[0]!;
  return series !== id && index.latest[series] === id ? series : id;
}

/** Whether two figures measure the same thing: one series, or one measure (canvas/conflicts.ts sameMeasure) in one unit. */
function oneMeasure(a: string, b: string, index: MetricIndex): boolean {
  const [x, y] = [index.metrics[a], index.metrics[b]];
  if (x === undefined || y === undefined) return false;
  return a.split('@')[0] === b.split('@')[0] || (x.unit === y.unit && sameMeasure(x, y));
}

/**
 * The key of the period `months` before the one `key` names, of the same kind: a quarter's (q:), or, a whole number of
 * years back, the same quarter, half or fiscal year of the earlier year. Undefined where it cannot be told.
 */
export function keyBefore(key: string, months: number): string | undefined {
  const quarter = /^q:(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (quarter !== null) return `q:${calendarQuarterEnd(monthsOn(quarter[1]!, -months))}`;
  // A quarter named by its number alone ("Q2", qn:2): the quarter that many quarters before, of any year.
  const numbered = /^qn:([1-4])$/.exec(key);
  if (numbered !== null) return months % 3 === 0 ? `qn:${(((Number(numbered[1]) - 1 - months / 3) % 4) + 4) % 4 + 1}` : undefined;
  // A half so named ("the first half", hn:1): the half that many halves before.
  const half = /^hn:([12])$/.exec(key);
  if (half !== null) return months % 6 === 0 ? `hn:${(((Number(half[1]) - 1 - months / 6) % 2) + 2) % 2 + 1}` : undefined;
  if (months % 12 !== 0) return undefined;
  return /^qm:/.test(key) ? key : key.replace(/(\d{4})$/, (year) => String(Number(year) - months / 12));
}

/**
 * Words that make the figure after them the base of a comparison: "up from", "rose from", "compared with", "versus", "against",
 * and "after" an earlier period's figure ("[[capex]] in the December quarter, after [[capex@2025-09-30]] in September").
 */
const COMPARED_WITH = /(?:\b(?:up|down|rising|falling|rose|fell|grew|increased|decreased|declined|climbed|dropped|widened|narrowed|improved|expanded|contracted|recovered)\s+(?:\S+\s+){0,3}?from|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bagainst|\bafter)\s*$/i;

/**
 * Whether the figure whose keys are `own` is of the period a comparison's base is: a quarter, a half or a year before
 * `key`'s. One two or three years back ("up from [[nim@2023-09-30]]" in Q3 2025) is more likely last year's text with
 * its reference left as it was (review).
 */
function earlierThan(own: Set<string>, key: string): boolean {
  return [3, 6, 12].some((months) => own.has(keyBefore(key, months) ?? ''));
}

/**
 * Whether the figure written at `at` in `text`, whose period keys are `own`, is the base of a comparison with a figure of
 * a later period (keys `later`): "up from [[x_q2_2024]]", "compared with [[x_fy2024]]", a quarter, a half or a year before.
 */
export function comparisonBase(text: string, at: number, own: Set<string>, later: Set<string>): boolean {
  // A later figure's keys without a year ("qn:2", "hn:1", "qm:09") are of every year: one that has dated keys is compared by
  // those alone (by "hn:1", any earlier first half was a half-year before, and one two years back was not reviewed).
  const dated = [...later].filter((key) => !YEARLESS_KEY.test(key));
  return COMPARED_WITH.test(text.slice(Math.max(0, at - 40), at)) && (dated.length > 0 ? dated : [...later]).some((key) => earlierThan(own, key));
}
/** A period key that names no year: a quarter or half by its number, a quarter by its month. */
const YEARLESS_KEY = /^(?:qn|hn|qm):/;

/** Days between two ISO dates. */
const daysApart = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

/**
 * A figure (`id`, at [at, end) of `sentence`) that the sentence dates from another figure of its measure in it ("[[revenue]],
 * up from [[revenue@2025-03-31]] last quarter"), when it is not of that date: the words, the figure they date it from,
 * the date they mean, and the value of the measure for that date if there is one. `others`: the sentence's other
 * figures. Within 20 days (a 52/53-week year's quarter ends on another day).
 */
export function misdatedRelative(sentence: string, at: number, end: number, id: string, others: string[], index: MetricIndex): { words: string; from: string; date: string; meant?: string } | undefined {
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
  if (later.some((o) => daysApart(monthsOn(index.metrics[o]!.period_end!, -words.months), m.period_end!) <= 20)) return undefined;
  const from = later[0];
  if (from === undefined) return undefined;
  const date = monthsOn(index.metrics[from]!.period_end!, -words.months);
  const candidates = Object.keys(index.metrics).filter((o) => o !== from && oneMeasure(o, id, index) && alike(o) && !isLookingAhead(index.metrics[o]!) && index.metrics[o]!.period_end !== undefined && daysApart(index.metrics[o]!.period_end!, date) <= 20);
  const meant = candidates.find((o) => o.split('@')[0] === id.split('@')[0]) ?? candidates[0];
  return { words: words.text, from, date, ...(meant === undefined ? {} : { meant }) };
}

/** Parts of a metric a reference shows that belong to its period (its value, or its change); its period, label, source or note do not. */
export const FIGURE_PARTS = new Set(['value', 'amount', 'size', 'equivalent', 'change']);

/**
 * A figure in text whose sentence names another quarter, fiscal year or half of the same kind, and not the figure's
 * own: "Revenue was [[revenue]] in Q2 2025" once the series has a Q3 value, or once revenue_q was updated to Q3 in
 * place; "in Q2 FY26" beside a figure for Q3 FY26 (see misnamedPeriod). A period the sentence compares with ("up from
 * Q2 2025"), or that another figure in it is for and stands nearer to, is left alone (periodsByKind).
 */
export function periodMismatches(canvas: CanvasInput, index: MetricIndex, words: PeriodWords): Finding[] {
  const found: Finding[] = [];
  // The figures whose own period words period-end-mismatch doubts.
  const misworded = new Set([...words.mismatched, ...words.repeated].map((m) => m.id));
  // The periods each figure may be named by (none for a period that is no quarter, fiscal year or half), and a balance's day (d:2025-06-30).
  const keysOf = new Map<string, Set<string>>();
  const keys = (id: string) => {
    let k = keysOf.get(id);
    const m = index.metrics[id];
    if (k === undefined) keysOf.set(id, (k = m ? periodAndDayKeysOf(m, words.fiscalShift) : new Set()));
    return k;
  };
  for (const { text, path } of referringTexts(canvas)) {
    const refs = parseReferences(text).filter((r) => r.error === undefined).map((r) => ({ ...r, figure: resolveRef(index, r.id!) }));
    if (refs.length === 0) continue;
    // Each sentence read once, with the periods its figures are for, however many references it holds.
    const sentences = sentencesOf(text).map((b) => ({ ...b, named: undefined as readonly NamedPeriod[] | undefined, days: undefined as NamedPeriod[] | undefined, dayOwners: undefined as Array<Placed | undefined> | undefined, owners: undefined as Array<Placed | undefined> | undefined, ahead: undefined as boolean[] | undefined, apart: undefined as boolean[] | undefined, kinds: undefined as SentenceKinds | undefined, refs: [] as Placed[] }));
    // Each reference's sentence, and where it stands in it (in the sentence's own positions, as its named periods are).
    const placed: Placed[] = [];
    const sentenceOf = (() => {
      let s = 0;
      return refs.map((r) => {
        while (sentences[s].end <= r.index && s < sentences.length - 1) s++;
        const at = { at: r.index - sentences[s].start, end: r.index + r.token.length - sentences[s].start, keys: keys(r.figure), label: index.metrics[r.figure]?.label.trim().toLowerCase() };
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
      sentence.named ??= namedPeriods(words, true);
      sentence.ahead ??= outlookPeriods(words, sentence.named);
      sentence.owners ??= periodOwners(words, sentence.named, sentence.refs);
      sentence.apart ??= yearlessApart(words, sentence.named, sentence.refs);
      sentence.kinds ??= sentenceKinds(sentence.named, sentence.refs);
      const named = misnamedPeriod(own, periodsByKind(sentence.named, sentence.owners, sentence.ahead, sentence.apart, placed[i], sentence.kinds), placed[i]);
      // Words just beside the figure that date it back from the period the sentence names, to its own: "In Q3 2025 the
      // margin widened from [[nim@2024-09-30]] a year earlier" gives last year's figure as last year's.
      const back = named === undefined ? undefined : relativeWords(words, placed[i].at, placed[i].end);
      const dated = back !== undefined && own.has(keyBefore(named!.key, back.months) ?? '') ? undefined : named;
      // A figure of an earlier period that the sentence compares its own period's with: "In Q3 2025 the margin was 2.61%, up from
      // [[nim@2024-09-30]]" (a typed figure owns the sentence's period as a reference would), "compared with [[x_q2]]"; unless
      // words beside it date it (above): they say which period it is.
      const compared = dated !== undefined && back === undefined && comparisonBase(words, placed[i].at, own, new Set([dated.key])) ? undefined : dated;
      // A period written with this figure, tied to it, names the figure's period even in a comparison: "up from [[revenue@2025-03-31]]
      // in Q2 2025" gives the Q1 figure as Q2's, and so does "2026年3月期 第2四半期の[[op_margin@2025-06-30]]から改善".
      const tied = (p: NamedPeriod) => (p.at >= placed[i].end ? TIED_AFTER.test(words.slice(placed[i].end, p.at)) : p.end <= placed[i].at && placed[i].at - p.end <= 40 && TIED_BEFORE.test(words.slice(p.end, placed[i].at)));
      const wrong = compared ?? sentence.named.find((p, n) => !sentence.apart![n] && tied(p) && [...own].some((k) => keyKind(k) === keyKind(p.key)) && !own.has(p.key)) ?? otherDay();
      // What the sentence says instead, and the figure it may mean: for the briefing's data notes.
      let misdated: { said: string; meant?: string } | undefined;
      const message = wrong === undefined ? relativeMessage() : namedMessage(wrong);
      if (message !== undefined) {
        found.push({
          path, needle: ref.token, nth, rule: 'period-mismatch', metrics: [ref.figure],
          message: `text ${ref.token} shows ${m.label} for ${m.period}, but its sentence ${message}; if the sentence is right as it is, acknowledge the finding`,
          ...(misdated === undefined ? {} : { misdated: { part: ref.part!, ...misdated } }),
        });
      }

      /**
       * A balance's sentence naming another day than the balance's, and not its own, nor one it compares with ("compared
       * with $2,330 million at June 30, 2025", "up from [[cash@2025-06-30]] at June 30, 2025") or another balance of the
       * sentence is of: "Corvell held [[cash]] at June 30, 2025" with cash at September 30. The nearest such day.
       */
      function otherDay(): NamedPeriod | undefined {
        const day = dayKeyOf(m!);
        if (day === undefined || relativeWords(words, placed[i].at, placed[i].end) !== undefined) return undefined;
        sentence.days ??= namedDays(words);
        sentence.dayOwners ??= periodOwners(words, sentence.days, sentence.refs);
        // Each day as it is written, by its place: one written with another of the sentence's figures, which it is for,
        // is that figure's ("up from [[cash@2025-06-30]] at June 30, 2025"), not this one's, even where this figure's
        // own words name the same day ("Net debt was [[net_debt]] at 31 December 2024, up from [[net_debt@2024-12-31]] at
        // 31 December 2024" gives June's balance as December's).
        const others = sentence.days.map((d, n) => sentence.dayOwners![n] !== undefined && sentence.dayOwners![n] !== placed[i] && sentence.dayOwners![n]!.keys.has(d.key));
        if (sentence.days.some((d, n) => d.key === day && !others[n])) return undefined;
        const open = sentence.days.filter((d, n) => !d.compared && !others[n] && datesBalance(words, placed[i], d));
        return open.sort((a, b) => apart(a, placed[i]) - apart(b, placed[i]))[0];
      }

      /** The sentence naming another period than the figure's. */
      function namedMessage(named: NamedPeriod): string {
        // The value of the same series for the period the sentence names, if there is one: what the sentence may have meant.
        const hasPart = (v: string) => (ref.part === 'change' ? index.metrics[v]?.change !== undefined : ref.part === 'equivalent' ? index.metrics[v]?.equivalent !== undefined : true);
        // (The latest, of a quarter named by its month alone: "the September quarter" is most likely the last one.)
        // Words beside it that date it back from that period ("a quarter earlier") mean the period they count back to.
        const key = back === undefined ? named.key : keyBefore(named.key, back.months);
        const meant = key === undefined ? undefined : index.history[ref.id!.split('@')[0]!]?.findLast((v) => v !== ref.figure && keys(v).has(key) && hasPart(v));
        misdated = { said: back === undefined ? named.text : `${named.text} ... ${back.text}`, ...(meant === undefined ? {} : { meant }) };
        // The figure's own words may be the slip (period-end-mismatch): naming the period with them would print it.
        const fix = misworded.has(ref.figure)
          ? `the figure's own period words are in doubt too (see the period-end-mismatch finding at them): correct those first`
          : meant !== undefined
            ? `write [[${meant}${ref.part === 'value' ? '' : `.${ref.part}`}]] if it means the figure for ${index.metrics[meant].period}, or name the period with [[${ref.id}.period]], which follows the figure`
            : `correct the sentence (or the figure), or name the period with [[${ref.id}.period]], which follows the figure`;
        return `speaks of ${quote(named.text)}${back === undefined ? '' : ` and puts the figure ${quote(back.text)}, which it is not`}, and would print the one beside the other: ${fix}`;
      }

      /** Or words that date it from another figure of its measure in the sentence: "up from [[revenue@2025-03-31]] last quarter". */
      function relativeMessage(): string | undefined {
        // (The other figures of its sentence, gathered only where words beside it date it: each figure of a sentence asks.)
        if (ref.part === 'change' || relativeWords(words, placed[i].at, placed[i].end) === undefined) return undefined;
        const others = refs.filter((_, j) => sentenceOf[j] === sentence && j !== i && FIGURE_PARTS.has(refs[j]!.part!)).map((r) => r.figure);
        const relative = misdatedRelative(words, placed[i].at, placed[i].end, ref.figure, others, index);
        if (relative === undefined) return undefined;
        const { words: said, from, date, meant } = relative;
        misdated = { said, ...(meant === undefined ? {} : { meant }) };
        const fix = meant === undefined
          ? 'correct the words, or the reference'
          : `write [[${referredAs(index, meant)}${ref.part === 'value' ? '' : `.${ref.part}`}]] if it means the figure for ${index.metrics[meant].period}, or correct the words`;
        return `says ${quote(said)}, which from ${index.metrics[from].label} for ${index.metrics[from].period} beside it is the period ending ${formatDate(date, canvas.briefing?.language)}: ${fix}`;
      }
    });
  }
  return found;
}

/**
 * Whether the sentence of `text` from `start` to `end` says it looks ahead (speaksAhead), as the briefing prints it: a
 * reference's label or period in its words ("[[revenue_fc.label]]": "Revenue guidance"), any other reference left out
 * (its id, "[[revenue_guidance]]", prints a figure, not the word).
 */
export function sentenceLooksAhead(text: string, start: number, end: number, index: MetricIndex): boolean {
  const sentence = text.slice(start, end);
  let printed = '';
  let at = 0;
  for (const r of parseReferences(sentence)) {
    const m = r.error === undefined ? index.metrics[resolveRef(index, r.id!)] : undefined;
    printed += `${sentence.slice(at, r.index)} ${r.part === 'label' ? m?.label ?? '' : r.part === 'period' ? m?.period ?? '' : '0'} `;
    at = r.index + r.token.length;
  }
  return speaksAhead(printed + sentence.slice(at));
}

/** What a forecast's or target's reference may be written with in the briefing's language, to say it looks ahead. */
const AHEAD_WORDS: Record<string, string> = {
  de: 'a word that looks ahead ("erwartet einen Umsatz von", "Prognose", "Ziel")',
  fr: 'a word that looks ahead ("prévoit", "prévisions", "objectif")',
  es: 'a word that looks ahead ("prevé", "previsión", "objetivo")',
  pt: 'a word that looks ahead ("prevê", "previsão", "meta")',
  it: 'a word that looks ahead ("prevede", "previsioni", "obiettivo")',
  nl: 'a word that looks ahead ("verwacht", "prognose", "doelstelling")',
  ja: 'a word that looks ahead ("売上高予想は", "見通し", "計画", "目標")',
  zh: 'a word that looks ahead ("预计", "指引", "目标")',
  ko: 'a word that looks ahead ("전망", "목표", "계획")',
};

/** How a sentence may say that a forecast's or target's reference `ref` looks ahead, in English and in the briefing's language. */
export function aheadExamples(kind: 'forecast' | 'target', label: string, ref: string, language: string | undefined): string {
  const local = AHEAD_WORDS[language?.toLowerCase().split('-')[0] ?? ''];
  const english = kind === 'target' ? `"a target of ${ref}", "aims for ${ref}"` : `"expects ${label.toLowerCase()} of ${ref}", "guidance of ${ref}"`;
  return local === undefined ? english : `${english}, or ${local}`;
}

/**
 * A forecast or target (`period_type: forecast` or `target`, of the metric or of the series value) printed in text, in a
 * sentence that does not say it looks ahead (sentenceLooksAhead): "FY2025 revenue was [[revenue_fc]]" reads as a
 * reported result, and guidance is taken for an actual. Not a table's cell (a table marks a forecast's period), nor a
 * reference to its period or label only.
 */
export function forecastsAsActuals(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const found: Finding[] = [];
  for (const { ref, text, path, nth } of textReferences(canvas)) {
    if (path.includes('table')) continue;
    const figure = resolveRef(index, ref.id!);
    const m = index.metrics[figure];
    if (m === undefined || !isLookingAhead(m) || !FIGURE_PARTS.has(ref.part!)) continue;
    const sentences = sentencesOf(text);
    const sentence = sentences.find((b) => b.end > ref.index) ?? sentences.at(-1)!;
    if (sentenceLooksAhead(text, sentence.start, sentence.end, index)) continue;
    const kind = m.period_type as 'forecast' | 'target';
    found.push({
      path, needle: ref.token, nth, rule: 'forecast-as-actual', metrics: [figure], asActual: { part: ref.part! },
      message: `text ${ref.token} prints ${m.label} for ${m.period}, a ${kind} (period_type: ${kind}), but its sentence does not say it looks ahead, and reads as a reported result: a reader takes the ${kind} for an actual figure. Say in the sentence that it is a ${kind} (${aheadExamples(kind, m.label, ref.token, canvas.briefing?.language)}); if the sentence is right as it is, acknowledge the finding`,
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
 * own period, nor a table of a trend (one measure at several periods), nor a title naming several periods. A chart's
 * caption without references is read as its title is ("Segment table, Q2 2025 earnings release." under Q3 points), at
 * its words. A trend chart's title or caption is read against its last point (trendMismatch). A period an event's noun
 * governs ("after the retooling in Q2 2025", "the Q2 2025 strike") says when it happened, and is not read (withoutEventPeriods).
 */
export function titlePeriodMismatches(canvas: CanvasInput, index: MetricIndex, words: PeriodWords): Finding[] {
  const found: Finding[] = [];
  // Figures whose own period words are in doubt are period-end-mismatch's.
  const misworded = new Set([...words.mismatched, ...words.repeated].map((m) => m.id));
  for (const set of figureSets(canvas, index)) {
    // A column headed "Year ago" or "Prior year" says its figures' period, as the title's own words do not.
    if (set.header !== undefined && RELATIVE_PERIOD.test(set.header)) continue;
    const heading = set.header !== undefined && namedPeriods(set.header).length > 0 ? set.header : set.title;
    const where = set.header !== undefined && heading === set.header ? 'column heading' : 'title';
    if (heading !== undefined) found.push(...headingMismatch(set, withoutEventPeriods(heading), where, heading));
    // A chart's caption says its figures' period as its title does ("Segment table, Q2 2025 earnings release" left under
    // Q3 points); one with a reference is read as a sentence is (periodMismatches).
    if (set.caption !== undefined && parseReferences(set.caption).length === 0) found.push(...headingMismatch(set, captionPeriodWords(set.caption), 'caption', set.caption));
  }
  return found;

  /** The finding, if any, of one title, column heading or caption over a set's figures. */
  function headingMismatch(set: FigureSet, heading: string, where: 'title' | 'column heading' | 'caption', shown = heading): Finding[] {
    const every = namedPeriods(heading);
    const named = every.filter((p) => !p.compared);
    if (named.length === 0) return [];
    // What a reader sees beside each figure: its label as shown, and on a chart its group in the legend.
    const shownAs = (id: string) => [set.labels?.[set.ids.indexOf(id)] ?? index.metrics[id]!.label, set.groups?.[set.ids.indexOf(id)]].filter((t) => t !== undefined).join(' ');
    const figures = [...new Set(set.ids)].map((id) => ({ id, m: index.metrics[id] as Metric, label: shownAs(id) }))
      .filter(({ id, m }) => m.value !== undefined && !isLookingAhead(m) && !misworded.has(id));
    // One measure at several periods is a trend, or a comparison set out on purpose: a chart of one is dated by its last point.
    if (oneMeasureOverTime(figures, ({ m }) => m.period_end ?? m.period)) return set.kind === 'chart' ? trendMismatch(set, heading, where, shown, named, figures, words.fiscalShift) : [];
    if (new Set(named.map((p) => p.key)).size !== 1) return [];
    const period = named[0]!;
    // A period the title compares with is one of its figures' too: "Revenue, Q1 FY26 vs Q1 FY25" over both quarters' figures.
    const titled = new Set(every.map((p) => p.key));
    // A title that looks ahead ("Outlook for Q2 FY26") names a later period than the actuals it sets out, as a sentence
    // does (outlookPeriods): only a figure later than its period says the title was left from an earlier one.
    const outlook = outlookPeriods(heading, [period])[0]!;
    // (A free table's row is labelled "Mac (Q1 FY26)", its heading after its own words: those words alone are its label.)
    const own = (label: string) => (set.header !== undefined && label.endsWith(` (${set.header})`) ? label.slice(0, -set.header.length - 3) : label);
    const other = figures.filter(({ m, label }) => {
      const keys = periodKeysOf(m, words.fiscalShift);
      const kind = [...keys].filter((k) => keyKind(k) === keyKind(period.key));
      return kind.length > 0 && ![...keys].some((k) => titled.has(k)) && namedPeriods(own(label)).length === 0 && !RELATIVE_PERIOD.test(own(label)) && (!outlook || kind.some((k) => keyOrder(k) > keyOrder(period.key)));
    });
    if (other.length === 0) return [];
    const same = figures.filter(({ m }) => periodKeysOf(m, words.fiscalShift).has(period.key));
    const all = same.length === 0;
    const list = (fs: typeof figures) => fs.map(({ id }) => id).join(', ');
    // Each period once, in the words of its first figure.
    const periods = [...new Map(other.map(({ m }) => [m.period_end ?? m.period, m.period])).values()].join(', ');
    const at = placeOf(set, where, shown, period);
    return [{
      ...at,
      rule: 'period-mismatch',
      metrics: other.map(({ id }) => id),
      heading: { where, said: period.text },
      message: all
        ? `this ${set.kind}'s ${where} names ${quote(period.text)}, but its figures are for ${periods} (${list(other)}): the ${where} left from an earlier period? Correct the ${where} (or the figures); if it is right as it is, acknowledge the finding`
        : other.length > same.length
          ? `this ${set.kind}'s ${where} names ${quote(period.text)}, but most of its figures are for ${periods} (${list(other)}), and ${list(same)} for ${quote(period.text)}: the ${where} left from an earlier period, and ${same.length === 1 ? 'a figure' : 'figures'} not rolled forward? Correct the ${where}, and bring the figures to one period; if it is right as it is, acknowledge the finding`
          : `this ${set.kind}'s ${where} names ${quote(period.text)}, but ${list(other)} ${other.length === 1 ? 'is' : 'are'} for ${periods}, the others for ${quote(period.text)}: a figure not rolled forward? Add its ${quote(period.text)} value (or say its period in its label); if it is right as it is, acknowledge the finding`,
    }];
  }
}

/** Where a heading's finding is: a caption's at its period's words; a title's at the table or chart. */
function placeOf(set: FigureSet, where: 'title' | 'column heading' | 'caption', shown: string, period: NamedPeriod): Pick<Finding, 'path' | 'needle' | 'nth' | 'atKey'> {
  return where === 'caption'
    ? { path: [...set.path, 'caption'], needle: period.text, nth: shown.slice(0, period.at).split(period.text).length - 1 }
    : { path: set.path, atKey: set.kind === 'chart' };
}

/**
 * Words that make a period a chart's title or caption names one of its points, not the period it is of: a move or a
 * point just after it ("the Q2 2025 dip", "Q2 2025's one-off charge") or just before it ("a dip in Q2 2025", "revenue
 * peaked in Q2 2025").
 */
const POINT = String.raw`(?:dip|drop|fall|decline|low|trough|peak|high|record|spike|jump|surge|rise|slump|rebound|recovery|one-off|outlier|blip|shortfall|gain|loss|charge|impairment|write-?down|strike|outage|disruption)s?`;
const POINT_AFTER = new RegExp(String.raw`^(?:['’]s)?(?:\s+[\p{L}-]+)?\s+${POINT}\b`, 'iu');
const POINT_BEFORE = new RegExp(String.raw`\b(?:${POINT}|dipped|dropped|fell|declined|peaked|spiked|jumped|surged|rose|slumped|rebounded|recovered)(?:\s+(?:in|at|of|during|over))?(?:\s+the)?\s*$`, 'iu');

/**
 * A trend chart's (one measure at several periods) title or caption whose latest period is earlier than the chart's last
 * point: "Quarterly statements, Q3 2024 to Q2 2025." or "Revenue for Q2 2025." over points up to Q3 2025, left from last
 * quarter. Kind by kind of the last point's periods (a quarter, a fiscal year, a half...). Not where it names the last
 * point's period, nor a period it compares with ("up from Q2 2025", "since Q3 2024": left out of `named`), nor one of
 * the chart's points it speaks of as a point ("the Q2 2025 dip": POINT_AFTER, POINT_BEFORE), nor a later period.
 */
function trendMismatch(set: FigureSet, heading: string, where: 'title' | 'column heading' | 'caption', shown: string, named: readonly NamedPeriod[], figures: Array<{ id: string; m: Metric }>, fiscalShift: number | undefined): Finding[] {
  const dated = figures.filter(({ m }) => m.period_end !== undefined);
  if (dated.length === 0) return [];
  const end = dated.map(({ m }) => m.period_end!).sort().at(-1)!;
  const last = dated.filter(({ m }) => m.period_end === end);
  const lastKeys = periodKeysOf(last[0]!.m, fiscalShift);
  const plotted = new Set(figures.flatMap(({ m }) => [...periodKeysOf(m, fiscalShift)]));
  const open = named.filter((p) => !(plotted.has(p.key) && (POINT_AFTER.test(heading.slice(p.end)) || POINT_BEFORE.test(heading.slice(0, p.at)))));
  for (const own of lastKeys) {
    const ofKind = open.filter((p) => keyKind(p.key) === keyKind(own));
    if (ofKind.length === 0 || ofKind.some((p) => p.key === own)) continue;
    const latest = ofKind.reduce((a, b) => (keyOrder(b.key) > keyOrder(a.key) ? b : a));
    if (keyOrder(latest.key) > keyOrder(own)) continue;
    const range = new Set(ofKind.map((p) => p.key)).size > 1;
    const period = last[0]!.m.period;
    return [{
      ...placeOf(set, where, shown, latest),
      rule: 'period-mismatch',
      metrics: last.map(({ id }) => id),
      heading: { where, said: latest.text, ...(range ? { range: true as const } : {}) },
      message: `this ${set.kind}'s ${where} names ${quote(latest.text)}${range ? ' as the end of its range' : ''}, but the ${set.kind} plots ${listOf([...new Set(last.map(({ m }) => m.label))], 'and')} up to ${period} (${last.map(({ id }) => id).join(', ')}): the ${where} left from an earlier period? Update the ${where} to ${quote(period)}, the ${set.kind}'s last period${range ? ' (or end its range there)' : ''}; if it is right as it is, acknowledge the finding`,
    }];
  }
  return [];
}

/**
 * Words of a caption's note on its figures, not of their period: a restatement, an exclusion, an inclusion, comparatives,
 * the quarter before. Japanese's too, which no space parts from the words beside them: 含む, 含まれる (includes), 除く,
 * 除外 (excludes), 計上 (booked), 修正再表示, 遡及修正, 遡及適用 (restated), 組替, 組み替え, 再分類 (reclassified),
 * 再編 (reorganised), 比較情報 (comparatives); not 前年 or 前四半期, which a caption's own comparison says ("前年同期比").
 */
const CAPTION_NOTE = /(?<!\p{L})(?:restat\p{L}*|recast|re-?defin\p{L}*|re-?organi[sz]\p{L}*|reclassif\p{L}*|exclud\p{L}*|includ\p{L}*|booked|comparatives?|angepasst|bereinigt|vorquartal\p{L}*|vorjahr\p{L}*|retrait\p{L}*|hors|précédent\p{L}*)(?!\p{L})|含[まみむめ]|除[いかきくけ外]|計上|修正再表示|遡及(?:修正|適用)|組み?替|再分類|再編|比較情報/iu;

/**
 * A chart's caption as its period is read (titlePeriodMismatches): its sentences and clauses (to a full stop or ';',
 * Japanese's '。' and '；' too) that are notes on the figures blanked, offsets kept, as a period they name is not the
 * figures' own ("Restated for the Q2 2025 reorganisation", "Excluding the gain booked in Q2 2025", "Q2 2025 comparatives
 * in the appendix", "Vorquartal (Q2 2025) angepasst", "2025年3月期 第4四半期は一過性の費用を含みます"); the rest ("Source:
 * Q2 2025 earnings release.", "出所：2026年3月期 第1四半期決算短信。") is read as a title is.
 */
function captionPeriodWords(caption: string): string {
  return withoutEventPeriods(caption.replace(/[^.;。；]+/g, (clause) => (CAPTION_NOTE.test(clause) ? ' '.repeat(clause.length) : clause)));
}

/**
 * Nouns of an event, whose period says when it happened, not what a chart's or table's figures are for: "after the
 * retooling in the second quarter of 2025", "since the acquisition of Voltline in Q2 2025", "following the plant closure
 * in Q2 2025", "the Q2 2025 strike". Not "sale" ("sales in Q2 2025" are figures), nor "release" ("Source: Q2 2025
 * earnings release" names the figures' source, and so their period).
 */
const EVENT = String.raw`(?:retooling|acquisitions?|mergers?|takeovers?|disposals?|divestitures?|divestments?|spin-?offs?|carve-?outs?|closures?|shutdowns?|shut-downs?|strikes?|outages?|fires?|floods?|cyber-?attacks?|recalls?|restructurings?|reorgani[sz]ations?|integrations?|relaunch(?:es)?|launch(?:es)?|ipos?|listings?|refinancings?|rebranding|changeovers?)`;
/** An event's noun just before the period, its object ("of Voltline GmbH") and a word of when ("completed") and a preposition between at most. */
const EVENT_BEFORE = new RegExp(String.raw`(?<![\p{L}])${EVENT}(?:\s+of\s+(?:the\s+|its\s+|our\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?)?\s+(?:(?:completed|closed|announced|begun|started|finished|agreed)\s+)?(?:in|during|at|over|of)\s+(?:the\s+)?$`, 'iu');
/** An event's noun just after the period, two words of what it was ("plant", "Ohio plant") between at most, none a preposition, article or conjunction. */
const EVENT_AFTER = new RegExp(String.raw`^(?:['’]s)?(?:\s+(?!(?:after|before|since|following|until|the|a|an|and|or|but|of|in|on|at|by|for|from|with|to|during|amid|despite|versus|vs)(?![\p{L}]))[\p{L}-]+){0,2}\s+${EVENT}(?![\p{L}])`, 'iu');

/**
 * A title's or caption's words with the periods of events blanked (EVENT_BEFORE, EVENT_AFTER), offsets kept: the period
 * of "Revenue by segment after the retooling in Q2 2025" is not its figures'.
 */
function withoutEventPeriods(words: string): string {
  const events = namedPeriods(words).filter((p) => EVENT_BEFORE.test(words.slice(Math.max(0, p.at - 80), p.at)) || EVENT_AFTER.test(words.slice(p.end, p.end + 80)));
  return withoutPeriods(words, events);
}

/**
 * A figure whose period words name another quarter than its period_end (canvas/period-words.ts): "Q3 2024" on the value
 * for the quarter ending 30 Sep 2025 prints the old quarter's name beside the new figure, on its card, in its chart's
 * axis and in every [[id.period]]. At the words.
 */
export function periodEndFindings(index: MetricIndex, words: PeriodWords, language: string | undefined): Finding[] {
  const date = (iso: string) => formatDate(iso, language); // as the briefing prints it: "Sep 30, 2025" in en-US
  const atWords = (id: string, message: string) => ({ path: [...index.pathOf[id]!, 'period'], rule: 'period-end-mismatch' as const, metrics: [id], message });
  const mismatched = words.mismatched.map(({ id, wordsEnd, usualQuarters, byFiscalCalendar }) => {
    const m = index.metrics[id];
    const n = Math.abs(usualQuarters);
    const usually = usualQuarters === 0 ? '' : ` (this canvas names its quarters ${n} quarter${n === 1 ? '' : 's'} ${usualQuarters > 0 ? 'after' : 'before'} the calendar's, and this one fits neither)`;
    return atWords(id, `${quote(m.period)} names the quarter ending ${date(wordsEnd)}${byFiscalCalendar ? ' (by the fiscal calendar the canvas\'s other figures follow)' : ''}, but the figure's period_end is ${m.period_end}${usually}: the briefing would print ${quote(m.period)} beside the figure for the period ending ${date(m.period_end!)}. Correct the period words or period_end, whichever is wrong`);
  });
  const repeated = words.repeated.map(({ id, first }) => {
    const m = index.metrics[id];
    return atWords(id, `${normalWords(m.period) === normalWords(index.metrics[first].period) ? `${quote(m.period)} are also the words of ${first}` : `${quote(m.period)} names the same period as ${quote(index.metrics[first].period)}, the words of ${first}`}, the value ending ${date(index.metrics[first].period_end!)}: the briefing would print the same period for both, this one ending ${date(m.period_end!)}. A value copied from the one before it, its words not updated? Correct the period words or period_end, whichever is wrong`);
  });
  const dated = words.dated.map(({ id, wordsEnd }) => {
    const m = index.metrics[id];
    return atWords(id, `${quote(m.period)} names ${date(wordsEnd)}, but the figure's period_end is ${m.period_end}: the briefing would print ${quote(m.period)} beside the figure for the period ending ${date(m.period_end!)}, and date, chart and compare it by the latter. Correct the period words or period_end, whichever is wrong`);
  });
  return [...mismatched, ...repeated, ...dated];
}

/**
 * A briefing whose period (briefing.period) is a quarter that ended before the quarter of its latest figures: its
 * cover, running heads, file name and e-mail subject would all name the old quarter. Left from last quarter's canvas,
 * most often. A calendar quarter ("Q3 2025") is compared with the period_end of the latest figures whose words name a
 * quarter (their words may be the slip), as the canvas names quarters (`quarterShift`, period-words.ts); a fiscal year's
 * quarter ("Q4 FY25") with the fiscal quarter the words of the latest such figures name ("Q1 FY26").
 */
export function staleBriefingPeriod(canvas: CanvasInput, index: MetricIndex, quarterShift: number): Finding[] {
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
    return stale(latest, `the quarter ending ${formatDate(latest.m.period_end!, canvas.briefing.language)} (${latest.id}, ${quote(latest.m.period)})`);
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
  return stale(latest, `${quote(latest.m.period)} (${latest.id}, ending ${formatDate(latest.m.period_end!, canvas.briefing.language)})`);
}

/** How often a series gives a value, by the kind of period it is of, and the days between two of its values. */
const PERIODICITY: Record<string, { words: string; days: number }> = { quarter: { words: 'quarterly', days: 92 }, half_year: { words: 'half-yearly', days: 183 }, year: { words: 'yearly', days: 365 } };

/**
 * How often a series gives a value: its latest value's kind of period (a quarter, a half, a year); a balance's (as at a
 * day, or of no kind its words say) as its values are apart, every three, six or twelve months (20 days either way).
 */
function periodicityOf(index: MetricIndex, history: string[]): string | undefined {
  const kind = periodKind(index.metrics[history.at(-1)!]!);
  if (kind !== undefined && Object.hasOwn(PERIODICITY, kind)) return kind;
  if ((kind !== undefined && kind !== 'as_at') || history.length < 2) return undefined;
  const gaps = history.slice(1).map((id, i) => daysApart(index.metrics[id]!.period_end!, index.metrics[history[i]!]!.period_end!));
  return Object.keys(PERIODICITY).find((k) => gaps.every((g) => Math.abs(g - PERIODICITY[k]!.days) <= 20));
}

/**
 * A series of periodic values (quarterly, half-yearly, yearly) whose latest value the briefing shows (`shown`: as a key
 * figure, in text, a table or a chart) and whose latest value is a period or more before briefing.period, which the
 * canvas's other series of the same periodicity reach: orders left on Q2 2025 beside revenue and ebita for Q3 2025, its
 * value not added in the roll-forward, and the key-figures page printing "Q2 2025" beside Q3 cards. The briefing's period
 * ends on the day its named quarter does (q:), else that of the latest figure its words name. Not a forecast or target
 * (never a series' latest), a series of another periodicity, nor one at the briefing's period while others go past it
 * (the briefing's period is the older: stale-briefing-period's); nothing where no other series reaches it.
 */
export function staleSeries(canvas: CanvasInput, index: MetricIndex, shown: Set<string>, fiscalShift: number | undefined): Finding[] {
  const keys = new Set(namedPeriods(canvas.briefing.period).map((p) => p.key));
  const named = Object.values(index.metrics).filter((m) => m.period_end !== undefined && !isLookingAhead(m) && [...periodKeysOf(m, fiscalShift)].some((k) => keys.has(k)));
  const end = [...keys].find((k) => k.startsWith('q:'))?.slice(2) ?? named.map((m) => m.period_end!).sort().at(-1);
  if (end === undefined) return [];
  const series = Object.entries(index.history).filter(([, h]) => h.length > 0).map(([id, history]) => ({ id, latest: index.metrics[history.at(-1)!]!, periodicity: periodicityOf(index, history) }));
  const found: Finding[] = [];
  for (const s of series) {
    if (s.periodicity === undefined || !shown.has(index.latest[s.id]!) || Date.parse(end) - Date.parse(s.latest.period_end!) <= 20 * 86_400_000) continue;
    // Reached by series of its periodicity a whole period or more after its latest: headcount at 30 September a year apart
    // (a balance yearly by its spacing) is no year that a fiscal year to December, its latest FY2024, lacks.
    const { days: period } = PERIODICITY[s.periodicity]!;
    const reach = series.filter((o) => o.id !== s.id && o.periodicity === s.periodicity && Date.parse(o.latest.period_end!) - Date.parse(end) >= -20 * 86_400_000
      && o.latest.period_end! > s.latest.period_end! && daysApart(o.latest.period_end!, s.latest.period_end!) >= period - 20);
    if (reach.length === 0) continue;
    const to = reach.reduce((a, b) => (b.latest.period_end! > a.latest.period_end! ? b : a)).latest;
    const ids = reach.filter((o) => daysApart(o.latest.period_end!, to.period_end!) <= 20).map((o) => o.id);
    const { words, days } = PERIODICITY[s.periodicity]!;
    const one = daysApart(to.period_end!, s.latest.period_end!) <= days + 20;
    found.push({
      path: ['metrics', s.id, 'values'],
      atKey: true,
      rule: 'stale-series',
      metrics: [index.latest[s.id]!],
      message: `${s.id.endsWith('s') ? `${s.id}'` : `${s.id}'s`} latest figure is for ${s.latest.period}, but the canvas's other ${words} series reach ${to.period} (${ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`}): the briefing would show ${s.latest.label} for ${s.latest.period} beside their ${to.period} figures. Add its ${one ? `${to.period} value` : `values up to ${to.period}`}, or acknowledge the finding if the source gives none yet`,
    });
  }
  return found;
}
