/**
 * What typed-mismatch reads of a sentence that names no period: whether it speaks of the briefing's current period (no
 * word of another period, a part of one, or the future, in it, the sentence before it or the titles over it), and which
 * of a measure's figures is that period's (its latest up to briefing.as_of). Read strictly: a figure compared with the
 * wrong one would tell a writer to change a right figure.
 */
import type { CanvasInput, Metric } from './schema.ts';
import type { KeyPath } from '../canvas/key-path.ts';
import { isLookingAhead, type MetricIndex } from '../canvas/series.ts';
import { calendarQuarterEnd, namedPeriods, periodKeysOf, withoutPeriods } from '../canvas/text-periods.ts';
import { periodEndIn } from '../canvas/conflicts.ts';
import { escapeRegExp } from '../words.ts';
import { languageCode } from '../canvas/local-figures.ts';
import { MONTH_WORDS } from '../canvas/dates.ts';

/** Between a word and what follows it, in any script. */
const w = (words: string) => String.raw`(?<!\p{L})(?:${words})(?!\p{L})`;
/** A year, as a number of four digits from 1900 (not the digits of an amount: "9076"). */
const YEAR = String.raw`(?<![\d.,])(?:19|20)\d{2}(?![\d.,]?\d)`;
/** Each language's month names (canvas/dates.ts MONTH_WORDS), as alternatives of a pattern. */
const MONTHS = Object.fromEntries(Object.entries(MONTH_WORDS).map(([language, months]) => [language, months.flat().join('|')])) as Record<keyof typeof MONTH_WORDS, string>;

/**
 * Words of a period other than a quarter, of a part of one, of an earlier or later time, or of the future: a sentence
 * holding one may speak of a year, nine months, a month, last year or next quarter, whose figure is not the latest.
 * (German and Dutch join their years and months to other words: "Geschäftsjahr", "Vorjahr", "boekjaar", "halfjaar".)
 */
const TIME_WORDS: Record<string, RegExp> = {
  en: new RegExp(w(`years?|yearly|annual\\p{L}*|full[- ]year|fiscal|fy\\d*|h[12]|[12]h|9m|months?|monthly|halfs?|halves|semesters?|weeks?|weekly|days?|daily|ytd|year[- ]to[- ]date|to date|since|last|previous\\p{L}*|prior|preceding|earlier|ago|before|formerly|once|historic\\p{L}*|decades?|cumulative\\p{L}*|combined|through|until|run[- ]rate|trailing|ttm|ltm|per annum|season\\p{L}*|holiday|spring|summer|autumn|winter|nine|six|twelve|next|will|would|could|should|may|might|expected|future|forward|pro forma|restat\\p{L}*|after|afterwards|then|pre-\\p{L}+|post-\\p{L}+|launch\\p{L}*|ipo|listing|pandemic|covid|crisis|peak|at (?:its|the) (?:low|high|time)|during (?!the quarter|this quarter)|announc\\p{L}*|closing|signing|exit\\p{L}*|start|beginning|opening|${MONTHS.en}`) + `|${YEAR}`, 'iu'),
  de: new RegExp(String.raw`jahr|jähr|monat|woche|halbjahr|semester|vorquartal|${w(`tag|tage|tagen|seit|bisher|zuvor|früher|damals|kumuliert\\p{L}*|neun|sechs|zwölf|wird|werden|würde\\p{L}*|voraussichtlich|künftig\\p{L}*|nächst\\p{L}*|letzt\\p{L}*|vorig\\p{L}*|vergangen\\p{L}*|h[12]|9m|nach|danach|höchststand|tiefststand|pandemie|${MONTHS.de}`)}|${YEAR}`, 'iu'),
  fr: new RegExp(w(`année\\p{L}*|an|ans|annuel\\p{L}*|exercice\\p{L}*|semestre\\p{L}*|semestriel\\p{L}*|mois|mensuel\\p{L}*|semaine\\p{L}*|jour\\p{L}*|depuis|précédent\\p{L}*|dernier\\p{L}*|dernière\\p{L}*|prochain\\p{L}*|passé\\p{L}*|auparavant|cumul\\p{L}*|neuf|six|douze|sera|seront|serait|devrait|devraient|prévu\\p{L}*|h[12]|9m|s[12]|après|alors|pic|pandémie|${MONTHS.fr}`) + `|${YEAR}`, 'iu'),
  pt: new RegExp(w(`ano|anos|anual\\p{L}*|exercício|semestre\\p{L}*|semestral|mês|meses|mensal|semana\\p{L}*|dia|dias|desde|anterior\\p{L}*|passad\\p{L}*|últim\\p{L}*|próxim\\p{L}*|acumulad\\p{L}*|nove|seis|doze|será|serão|seria|deverá|deverão|h[12]|9m|[12]s\\d*|após|depois|então|pico|pandemia|${MONTHS.pt}`) + `|${YEAR}`, 'iu'),
  es: new RegExp(w(`año|años|anual\\p{L}*|ejercicio|semestre\\p{L}*|semestral|mes|meses|mensual|semana\\p{L}*|día|días|desde|anterior\\p{L}*|pasad\\p{L}*|últim\\p{L}*|próxim\\p{L}*|acumulad\\p{L}*|nueve|seis|doce|será|serán|sería|h[12]|9m|después|tras|entonces|pico|pandemia|${MONTHS.es}`) + `|${YEAR}`, 'iu'),
  it: new RegExp(w(`anno|anni|annu\\p{L}*|esercizio|esercizi|semestre\\p{L}*|semestral\\p{L}*|mese|mesi|mensil\\p{L}*|settiman\\p{L}*|giorn\\p{L}*|dal|dall['’]|precedent\\p{L}*|scors\\p{L}*|ultim\\p{L}*|prossim\\p{L}*|progressiv\\p{L}*|cumulat\\p{L}*|nove|sei|dodici|sarà|saranno|sarebbe|h[12]|9m|dopo|allora|picco|pandemia|${MONTHS.it}`) + `|${YEAR}`, 'iu'),
  nl: new RegExp(String.raw`jaar|maand|${w(`week|weken|dag|dagen|sinds|vorig\\p{L}*|eerder|voorheen|cumulatie\\p{L}*|negen|zes|twaalf|zal|zullen|zou|zouden|volgend\\p{L}*|laatste|afgelopen|h[12]|9m|na|daarna|toen|piek|pandemie|${MONTHS.nl}`)}|${YEAR}`, 'iu'),
};

/** The quarter by number, as each language counts it: "third" 3, "dritten" 3, "troisième" 3, "terzo" 3, "derde" 3. */
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
  erste: 1, ersten: 1, zweite: 2, zweiten: 2, dritte: 3, dritten: 3, vierte: 4, vierten: 4,
  premier: 1, deuxième: 2, troisième: 3, quatrième: 4,
  primeiro: 1, segundo: 2, terceiro: 3, quarto: 4, primer: 1, tercer: 3, cuarto: 4, primo: 1, secondo: 2, terzo: 3,
  eerste: 1, tweede: 2, derde: 3, vierde: 4,
};
const ORDINAL_WORDS = Object.keys(ORDINALS).join('|');

/**
 * A quarter spoken of in a sentence, in words that name no year: its number where they give one ("the third quarter",
 * "third-quarter revenue", "im dritten Quartal", "Q3", "T3", "3. Quartal"), or none ("the quarter", "im Quartal", "au trimestre"). `plain` is
 * whether the words are those of the current quarter without a number: "the quarter", "this quarter", "im Quartal",
 * "au trimestre", "no trimestre", "nel trimestre", "in het kwartaal"; anything else with the word ("last quarter",
 * "quarterly", "a quarter of revenue", "Quartale") is not.
 */
const QUARTER_MENTION = new RegExp(String.raw`(?:(?<!\p{L})(${ORDINAL_WORDS}|[1-4][.°º]?)(?:\s+|-(?=quarter)))?(?<!\p{L})(quarter\p{L}*|quartal\p{L}*|trimestre\p{L}*|trimestral\p{L}*|kwarta\p{L}*)(?!\p{L})|(?<![\p{L}\d])(?:[qtk]([1-4])|([1-4])[qt])(?![\p{L}\d])`, 'giu');
const PLAIN_QUARTER = /(?<!\p{L})(?:the|this|in|im|diesem|dem|au|du|ce|le|ao|no|do|neste|nesse|el|en|este|nel|del|questo|il|het|dit|deze)\s+(?:(?:berichts|reporting|current|latest|most recent)\s*)?$/iu;
const QUARTER_WORD = /^(?:quarter|quartal|quartals|trimestre|kwartaal)$/iu;

/** The quarters a sentence speaks of in words that name no year: the numbers named, whether one is plainly the current quarter ("in the quarter"), and whether any is not. */
function quarterMentions(sentence: string): { numbers: number[]; plain: boolean; other: boolean } {
  const numbers: number[] = [];
  let [plain, other] = [false, false];
  for (const m of sentence.matchAll(QUARTER_MENTION)) {
    const [, ordinal, word, q1, q2] = m;
    const digit = q1 ?? q2;
    if (digit !== undefined) { numbers.push(Number(digit)); continue; }
    if (!QUARTER_WORD.test(word!) || /^[\s-]*(?:o[nv]|over|on)\b/i.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 6))) { other = true; continue; }
    if (ordinal !== undefined) { numbers.push(ORDINALS[ordinal.toLowerCase()] ?? Number(ordinal.replace(/\D/g, ''))); continue; }
    if (PLAIN_QUARTER.test(sentence.slice(Math.max(0, m.index - 30), m.index))) plain = true;
    else other = true;
  }
  return { numbers, plain, other };
}

/** The quarter's number of a figure, as its own period words and the briefing's name it, or (without fiscal words) as the calendar counts its end. */
function quarterNumbers(m: Metric, briefingPeriod: string, fiscalShift: number | undefined): number[] {
  const from = (words: string) => [...words.matchAll(QUARTER_MENTION)].flatMap(([, ordinal, word, q1, q2]) => (q1 ?? q2) !== undefined ? [Number(q1 ?? q2)] : ordinal !== undefined && word !== undefined ? [ORDINALS[ordinal.toLowerCase()] ?? Number(ordinal.replace(/\D/g, ''))] : []);
  const named = [...from(m.period), ...from(briefingPeriod)];
  if (named.length > 0) return named;
  if (m.period_end === undefined || fiscalShift !== undefined || /\bfy|fiscal/i.test(`${m.period} ${briefingPeriod}`)) return [];
  return [Number(calendarQuarterEnd(m.period_end).slice(5, 7)) / 3];
}

/**
 * Words of a year-on-year comparison, which name the year before only as the basis of a change or the figure compared
 * with ("up 5% year on year", "up from $65.6 billion a year earlier", "gegenüber dem Vorjahr", "im Jahresvergleich", "sur un an", "interanual",
 * "su base annua", "jaar-op-jaar"): taken out of a sentence before its words of time are read.
 */
const YEAR_ON_YEAR = new RegExp(String.raw`\b(?:year[- ]o(?:n|ver)[- ]year|yoy|y\/y|y-o-y)\b|\b(?:from|than|on|over|versus|vs\.?|compared (?:with|to)|against)\s+(?:[^,;]{0,30}?\s)?(?:a year (?:earlier|ago|before)|(?:the )?(?:same|prior[- ]year|year[- ]ago) (?:quarter|period)(?: (?:a|last|of the prior|of the previous) year)?|(?:the )?(?:prior|previous) year(?:['’]s (?:quarter|period))?|last year)` +
  String.raw`|(?:gegenüber|im vergleich zum|vs\.?)\s+(?:dem\s+)?vorjahr(?:es(?:quartal|zeitraum))?|im (?:vor)?jahresvergleich|(?:en )?glissement annuel|sur (?:un|1) an|par rapport (?:à l['’]an dernier|au (?:même )?trimestre de l['’](?:année|exercice) (?:précédente?|dernière?))` +
  String.raw`|em relação ao mesmo (?:período|trimestre) do ano anterior|na comparação anual|interanual|frente al mismo (?:periodo|trimestre) del año anterior|su base annua|anno su anno|rispetto (?:allo stesso (?:periodo|trimestre) dell['’]|all['’])anno precedente|jaar-op-jaar|j-o-j|(?:t\.o\.v\.|ten opzichte van|vergeleken met)\s+(?:vorig jaar|dezelfde periode vorig jaar)`, 'giu');

/**
 * Words around a figure, past its measure's name, that may make it another figure than the measure's for the period:
 * another basis or scope ("including the acquisition", "in local currency", "in dollar terms", "under the new segment
 * structure", "in the segment"), a range, an average, a rate per unit, figures listed "respectively", a condition ("if",
 * "had"), gross or net of something, a scenario, an assumption. In each language read.
 */
const NOT_THE_FIGURE = new RegExp(String.raw`(?<!\p{L})(?:includ\p{L}*|excluding|without|under|ranges?|terms|currenc\p{L}*|basis|segments?|divisions?|business(?:es)?|units?|regions?|markets?|countries|per|each|every|average\p{L}*|apiece|respectively|annuali[sz]ed|reported|restated|recast|comparable|like-for-like|if|had|when|would|inklusive|einschließlich|ohne|bereich\p{L}*|segment\p{L}*|region\p{L}*|je|pro|durchschnitt\p{L}*|jeweils|y compris|hors|division\p{L}*|par|moyenne\p{L}*|respectivement|incluindo|inclusive|sem|segmento\p{L}*|por|média\p{L}*|respectivamente|incluyendo|sin|media|inclus\p{L}*|compres\p{L}*|senza|settor\p{L}*|medi[ao]|rispettivamente|inclusief|zonder|gemiddeld\p{L}*|respectievelijk|gross|net of|midpoint|top|bottom|low end|high end|scenarios?|case|assum\p{L}*|illustrative|hypothetical|sensitivity|brutto|netto|szenario\p{L}*|annahme\p{L}*|brut|scénario\p{L}*|hypothèse\p{L}*|bruto|cenário\p{L}*|premissa\p{L}*|escenario\p{L}*|supuesto\p{L}*|lordo|ipotesi|aanname\p{L}*)(?!\p{L})`, 'iu');

/** Words of plans and of the future in a title: an "Outlook" section's figures are no actual ones. */
export const TITLE_PLANS = /outlook|guidance|forecast|target|plan|budget|ausblick|prognose|perspectives?|objectifs?|perspectivas|previs|prospettive|vooruitzicht/i;

/**
 * The figures of a measure (`ids`: its figures, any period's) that a sentence naming no period speaks of, taken as the
 * briefing's current one: its latest up to briefing.as_of (one, or several for that day: a press release's beside the
 * 10-Q's, both for the quarter); a single-value metric's value. None where the measure has figures of several kinds of
 * period (quarters and years), or where the briefing names a period (`briefing.period`, read as text is) that the
 * figures are not of (a canvas not yet rolled forward). A balance (`period_type: as_at`) is of each period that ends the
 * day it is taken, as the canvas's figures name them (endingOn): employees at 31 December 2025 are FY2025's where
 * revenue for FY2025 ends that day, as a CET1 ratio at that day is the year's closing one; a balance of any other day (a
 * month after, or where no figure says when the year ends) is none.
 */
export function currentFigures(ids: readonly string[], index: MetricIndex, canvas: CanvasInput, fiscalShift: number | undefined): string[] {
  const latest = latestFigures(ids, index, canvas);
  const briefing = namedPeriods(canvas.briefing.period).map((p) => p.key);
  // (Those of one day are of one kind of period, and so of the same periods.)
  const m = latest.length === 0 ? undefined : index.metrics[latest[0]!]!;
  if (m === undefined) return [];
  const keys = m.period_type === 'as_at' && m.period_end !== undefined ? new Set([...periodKeysOf(m, fiscalShift), ...endingOn(m.period_end, index, fiscalShift)]) : periodKeysOf(m, fiscalShift);
  return briefing.length > 0 && !briefing.some((k) => keys.has(k)) ? [] : latest;
}

/**
 * A measure's latest figures up to briefing.as_of (currentFigures), whatever period the briefing names: the figures of
 * its last day, one or several; a single-value metric's value. None where its figures are of several kinds of period.
 */
function latestFigures(ids: readonly string[], index: MetricIndex, canvas: CanvasInput): string[] {
  const actual = ids.filter((id) => !isLookingAhead(index.metrics[id]!));
  if (actual.length === 0) return [];
  if (new Set(actual.map((id) => index.metrics[id]!.period_type ?? '')).size > 1) return [];
  if (actual.length === 1 && index.metrics[actual[0]!]!.period_end === undefined) return actual;
  if (actual.some((a) => index.metrics[a]!.period_end === undefined)) return [];
  const dated = actual.filter((a) => index.metrics[a]!.period_end! <= canvas.briefing.as_of);
  const last = dated.map((a) => index.metrics[a]!.period_end!).sort().at(-1);
  return last === undefined ? [] : dated.filter((a) => index.metrics[a]!.period_end === last);
}

/** A measure's one latest figure (latestFigures), or none where it has several for its last day. */
function latestFigure(ids: readonly string[], index: MetricIndex, canvas: CanvasInput): string | undefined {
  const latest = latestFigures(ids, index, canvas);
  return latest.length === 1 ? latest[0] : undefined;
}

/** A day named in a sentence, in English: "at 30 June 2025", "as at 30 Jun 2025", "as of June 30, 2025", "on 2025-06-30" (with its preposition). */
const NAMED_DAY = new RegExp(String.raw`(?<![\p{L}\d])(?:(?:as\s+)?(?:at|of|on)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTHS.en})\.?,?\s+\d{4}|(?:${MONTHS.en})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?![\p{L}\d])`, 'giu');

/**
 * The figure of a measure (`ids`) that a sentence naming no period (`sentence`, of the text from `start`) may mean where
 * currentFigures finds none, the briefing naming a period the latest figure is not of (a canvas not rolled forward for
 * it: net debt as at 30 June in a briefing for the quarter to September): the balance of the day the sentence names ("at
 * 30 June 2025", "as of June 30, 2025"), with where that day is written (in the text, to be read as no word of time), or
 * else the latest figure up to briefing.as_of. None where the sentence names another day, or a day beside a figure of a
 * period (revenue "at 30 June" may be the year to date), or where the briefing names a period of another kind than the
 * figure's (a year's briefing over quarters' figures: its text may speak of the year; a balance is of any).
 */
export function undatedFigure(ids: readonly string[], index: MetricIndex, canvas: CanvasInput, fiscalShift: number | undefined, sentence: string, start: number): { id: string; day?: string; days: Array<[number, number]> } | undefined {
  const days = [...sentence.matchAll(NAMED_DAY)];
  if (days.length > 0) {
    const dated = new Set(days.map((d) => periodEndIn(d[0])));
    const day = dated.size === 1 ? [...dated][0] : undefined;
    const of = day === undefined ? [] : ids.filter((i) => !isLookingAhead(index.metrics[i]!) && index.metrics[i]!.period_type === 'as_at' && index.metrics[i]!.period_end === day);
    if (of.length !== 1) return undefined;
    return { id: of[0]!, day: days[0]![0].replace(/^(?:(?:as\s+)?(?:at|of|on)\s+)/i, ''), days: days.map((d) => [start + d.index, start + d.index + d[0].length]) };
  }
  const id = latestFigure(ids, index, canvas);
  if (id === undefined) return undefined;
  const m = index.metrics[id]!;
  const kind = (key: string) => (/^(?:q:|qm:|qn:|fq)/.test(key) ? 'quarter' : /^f?h/.test(key) ? 'half' : 'year');
  const kinds = new Set([...periodKeysOf(m, fiscalShift)].map(kind));
  const briefing = namedPeriods(canvas.briefing.period).map((p) => kind(p.key));
  return m.period_type === 'as_at' || briefing.some((k) => kinds.has(k)) ? { id, days: [] } : undefined;
}

/** The words a text is read in (typed-mismatch's languages), by briefing.language. */
export function languageOf(language: string | undefined): string {
  const code = languageCode(language);
  return code in TIME_WORDS ? code : 'en';
}

/**
 * The words of a sentence read for another scope (NOT_THE_FIGURE) about a measure named at [at, end) in it: the sentence
 * but for the name, from the clause the name starts, where one starts just before it ("; operating margin was", "and
 * operating margin was", "the" between): "Segment revenue grew and net income was", "Three segments make up revenue; net
 * income was" say nothing of net income's scope. A phrase that opens the sentence with a preposition and a comma is said
 * of all its clauses, and is kept ("In the segment, revenue grew and net income was", "Including the acquisition, ...";
 * without its comma, its first four words: "On an adjusted basis revenue grew and net income was").
 */
function ownClause(sentence: string, at: number, end: number): string {
  const before = sentence.slice(0, at);
  const brk = /(?:;\s*|(?:,\s*|\s+)and\s+)(?:the\s+)?$/i.exec(before) ?? (/;[^;]*$/.exec(before)?.index !== undefined ? { index: before.lastIndexOf(';') } : null);
  if (brk === null) return `${before} ${sentence.slice(end)}`;
  // Its comma may be left out ("On an adjusted basis revenue grew and ...", "In the offshore segment revenue grew and ..."):
  // the preposition and up to four words after it are then the phrase.
  const lead = /^\s*(?:in|within|across|at|for|under|outside|including|excluding|without|on|among)\b[^,;]*,/i.exec(before)
    ?? /^\s*(?:in|within|across|at|for|under|outside|including|excluding|without|on|among)(?:\s+(?!and\b)[^\s,;]+){1,4}/i.exec(before);
  const kept = lead !== null && lead[0].length <= brk.index ? lead[0] : '';
  return `${kept} ${before.slice(brk.index)} ${sentence.slice(end)}`;
}

/**
 * Whether a sentence that names no period (`sentence`, of `text` from `start`, the measure's name at `name`) speaks of
 * the period of `id`, the briefing's current one: no word of another period or time in it (TIME_WORDS; a comparison with
 * the year before aside), nor of another basis or scope past the name (NOT_THE_FIGURE), a quarter named without a year only if
 * it is the figure's ("in the third quarter" of Q3's figure; "in the quarter"), none in the sentence before it, and no
 * other period, plan or time named in the rest of the text or in the titles over it (`titles`: the chapter's, the
 * section's, a table's and its row's), nor another period in the texts beside it (`around`: the section's other
 * paragraphs, bullets and cells, the chapter's lead).
 */
export function aboutCurrentPeriod(sentence: string, text: string, start: number, name: { at: number; end: number }, id: string, index: MetricIndex, canvas: CanvasInput, fiscalShift: number | undefined, { titles, around }: { titles: string[]; around: string[] }, before = sentenceBefore(text, start)): boolean {
  const time = TIME_WORDS[languageOf(canvas.briefing.language)]!;
  if (namedPeriods(sentence).length > 0) return false;
  // The sentence but for the measure's own name ("Segment revenue", "Revenue per user" are its words), and its comparisons with the year before.
  const words = `${sentence.slice(0, name.at - start)} ${sentence.slice(name.end - start)}`;
  const own = words.replace(YEAR_ON_YEAR, ' ');
  if (NOT_THE_FIGURE.test(ownClause(sentence, name.at - start, name.end - start)) || time.test(own)) return false;
  const m = index.metrics[id]!;
  const quarters = quarterMentions(own);
  if (quarters.other) return false;
  // A quarter spoken of, "in the quarter" too, is a quarter's figure: not a year's or a half's.
  const keys = periodKeysOf(m, fiscalShift);
  if ((quarters.numbers.length > 0 || quarters.plain) && ![...keys].some((k) => k.startsWith('q:') || k.startsWith('fq'))) return false;
  if (quarters.numbers.length > 0) {
    const own = quarterNumbers(m, canvas.briefing.period, fiscalShift);
    if (!quarters.numbers.every((n) => own.includes(n))) return false;
  }
  // Periods named elsewhere in the text, or over it, that are not the figure's; the figure's own taken out of words read for time ("Q1 FY26 results").
  // A balance's own are all the periods that end the day it is taken (endingOn): FY2025 beside employees at 31 December 2025.
  const ownKeys = m.period_type === 'as_at' && m.period_end !== undefined ? new Set([...keys, ...endingOn(m.period_end, index, fiscalShift)]) : keys;
  const otherPeriod = (words: string) => namedPeriods(words).some((p) => !p.compared && !ownKeys.has(p.key));
  const butOwn = (words: string) => withoutPeriods(words, namedPeriods(words)).replace(YEAR_ON_YEAR, ' ');
  const otherTime = (words: string) => { const rest = butOwn(words); return time.test(rest) || quarterMentions(rest).numbers.some((n) => !quarterNumbers(m, canvas.briefing.period, fiscalShift).includes(n)); };
  if (otherPeriod(text) || around.some(otherPeriod)) return false;
  // The sentence before it (`before`), which may set the time it speaks of: "Last year was hard. Revenue was...".
  if (otherTime(before) || quarterMentions(butOwn(before)).other) return false;
  if (titles.some((t) => otherPeriod(t) || otherTime(t) || TITLE_PLANS.test(t))) return false;
  // A part of the measure the canvas has figures for, named over the text or in the sentence before: "Revenue was..."
  // under "Intelligent Cloud", or after "Intelligent Cloud had a strong quarter.", is that segment's ("Intelligent Cloud revenue").
  const label = m.label.toLowerCase();
  const parts = new Set(Object.values(index.metrics).flatMap((o) => {
    const other = o.label.toLowerCase();
    return other !== label && new RegExp(String.raw`(?<!\p{L})${escapeRegExp(label)}(?!\p{L})`, 'u').test(other) ? (other.replace(label, ' ').match(/\p{L}{4,}/gu) ?? []) : [];
  }));
  const names = (list: Iterable<string>, words: string) => [...list].some((p) => new RegExp(String.raw`(?<!\p{L})${p}(?!\p{L})`, 'iu').test(words));
  // A title is stricter: one that names anything else the canvas measures ("Cloud Intelligence" over its segment's text, its
  // metrics "Cloud Intelligence Group revenue" and "... adjusted EBITA") may be about that, not the whole.
  const ownWords = new Set(label.match(/\p{L}{4,}/gu) ?? []);
  const others = new Set(Object.values(index.metrics).flatMap((o) => (o.label.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((x) => !ownWords.has(x))));
  return !titles.some((t) => names(others, t)) && !names(parts, before);
}

/**
 * The sentence of `text` before the one starting at `start`, as aboutCurrentPeriod reads it: from the last full stop before
 * it. Read once a sentence by a caller with many figures in one (aboutCurrentPeriod's `before`).
 */
export function sentenceBefore(text: string, start: number): string {
  return text.slice(Math.max(0, text.lastIndexOf('.', Math.max(0, start - 2)) + 1), start);
}

/**
 * The periods that end on `day`, as the canvas's own figures of that period_end name them (forecasts and targets aside):
 * FY2025 and H2 2025, where revenue for FY2025 ends 31 December 2025. A balance taken that day (employees at 31 December
 * 2025) is the balance at the end of each, and a text naming one of them speaks of no other period than the balance's.
 * Only what the figures say: where none of that end names a fiscal year, its end is not known, and "FY2025" stays another.
 */
function endingOn(day: string, index: MetricIndex, fiscalShift: number | undefined): Set<string> {
  return new Set(Object.values(index.metrics).filter((o) => o.period_end === day && !isLookingAhead(o)).flatMap((o) => [...periodKeysOf(o, fiscalShift)]));
}

/**
 * The titles over a text of the canvas at `path` (its chapter's and section's, a table's title, its columns and the other
 * cells of its row; a chart's title), and the texts around it: the other paragraphs, bullets and text cells of its
 * section, and its chapter's lead.
 */
export function contextOf(canvas: CanvasInput, path: KeyPath): { titles: string[]; around: string[] } {
  const at = (p: KeyPath): unknown => p.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), canvas);
  const s = path.indexOf('sections');
  const here = at(path);
  const section = s > 0 ? at(path.slice(0, s + 2)) : undefined;
  let texts = section !== null && typeof section === 'object' ? sectionTexts.get(section) : undefined;
  if (texts === undefined && section !== null && typeof section === 'object') {
    const of = (v: unknown): string[] => typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(of) : v !== null && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => (k === 'metric' || k === 'show' || k === 'series' || k === 'chart' ? [] : of(x))) : [];
    sectionTexts.set(section, (texts = [...new Set([...of((section as { content?: unknown }).content), ...of((at(path.slice(0, s)) as { lead?: unknown } | undefined)?.lead)])]));
  }
  return { titles: titlesOver(canvas, path), around: (texts ?? []).filter((t) => t !== here) };
}
/**
 * The texts of each section (its content's and its chapter's lead), each once, as contextOf gives them: read once a
 * section, not once for each text in it (a table of thousands of cells read them all for each).
 */
const sectionTexts = new WeakMap<object, string[]>();

/** The titles over a text of the canvas at `path` (contextOf). */
function titlesOver(canvas: CanvasInput, path: KeyPath): string[] {
  const at = (p: KeyPath): unknown => p.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), canvas);
  const str = (v: unknown) => (typeof v === 'string' ? [v] : v !== null && typeof v === 'object' && typeof (v as { title?: unknown }).title === 'string' ? [(v as { title: string }).title] : []);
  const titles: string[] = [];
  if (path[0] === 'charts') titles.push(...str(at(path.slice(0, 2))));
  const s = path.indexOf('sections');
  const chapter = s > 0 ? path.slice(0, s) : path[0] === 'blocks' || path[0] === 'chapters' ? path.slice(0, 2) : undefined;
  if (chapter !== undefined) titles.push(...str(at(chapter)));
  if (s > 0) titles.push(...str(at(path.slice(0, s + 2))));
  const t = path.indexOf('table');
  if (t > 0) {
    const table = at(path.slice(0, t + 1)) as { title?: string; columns?: unknown[]; rows?: unknown[][] } | undefined;
    titles.push(...(table?.title ? [table.title] : []), ...(table?.columns ?? []).flatMap(str));
    const row = table?.rows?.[path[t + 2] as number] ?? [];
    titles.push(...row.filter((c, i) => i !== path[t + 3] && typeof c === 'string') as string[]);
  }
  return titles;
}
