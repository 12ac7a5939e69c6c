/**
 * Findings about figures typed into text rather than referred to (findings.ts lists every rule): typed-figure (an amount
 * that is a metric's value, which a reference would keep up to date), typed-mismatch (a figure typed after a metric's
 * name, in a sentence naming its period, that is not the figure; or, in one naming none, that is not the latest figure
 * nor any other: current-period.ts) and the typed change of change-mismatch (a change
 * typed beside a reference that is not its stated year-on-year change).
 */
import type { CanvasInput, Metric } from './schema.ts';
import { parseReferences } from '../canvas/references.ts';
import { isLookingAhead, resolveRef, type MetricIndex } from '../canvas/series.ts';
import { impliedYearOnYear, written as normalWords, sameMeasure, YOY_BASIS } from '../canvas/conflicts.ts';
import { figure as figureWords, localChange, type FigureQuantity } from './figure-words.ts';
import { referringTexts } from './referring-texts.ts';
import { COUNT_SCALES, ENGLISH_NUMBER, inEnglishDigits, minorAmounts, notationOf, numberRead, inTypedScale, scaleInWords, typedAmounts, typedPercents, type Notation, type TypedAmount } from '../canvas/typed-amounts.ts';
import { CJK_PLANS, comparesBefore, dayKeyOf, namedDays, namedPeriods, periodAndDayKeysOf, periodKeyKind, periodKeysOf, sentencesOf, withoutPeriods, type NamedPeriod } from '../canvas/text-periods.ts';
import { formatDate } from '../canvas/dates.ts';
import { asCanvasScale, decimalsOf, formatNumber, inUnits, MAX_SIGNIFICANT_DIGITS, SCALE_FACTOR, sameUnits } from '../canvas/numbers.ts';
import { powerWords, typedSlip } from '../canvas/scale-slips.ts';
import { languageCode, languageName, localFigures } from '../canvas/local-figures.ts';
import { quote } from '../errors.ts';
import { RecentMap } from '../recent-map.ts';
import type { Finding } from './findings.ts';
import { aheadExamples, datesBalance, FIGURE_PARTS, keyBefore, misdatedRelative, referredAs, relativeWords, sentenceLooksAhead, TIED_AFTER } from './period-findings.ts';
import { aboutCurrentPeriod, contextOf, currentFigures, sentenceBefore, TITLE_PLANS, undatedFigure } from './current-period.ts';
import type { KeyPath } from '../canvas/key-path.ts';
import { columnHeading, readsTableCells } from '../canvas/table-cells.ts';
import { isCurrency } from '../canvas/currencies.ts';
import { escapeRegExp, firstWhere, JOINING_WORDS, listOf, occurrencesBefore } from '../words.ts';
import { currencyOf, figureInCurrencies, PENCE_UNITS } from '../canvas/figure-currencies.ts';
import { bareTableNumbers, withoutUnits, type BareNumber } from './table-units.ts';

/**
 * Amounts of money typed into text that refers to metrics ([[id]]: the summaries, chart captions, leads, paragraphs, bullets and
 * text cells of tables) and are a metric's value, or the equivalent it gives: such a text keeps the old figure when
 * the metric is updated, and no check compares it. Each is reported at the amount, naming the reference to write.
 */
export function typedFigures(canvas: CanvasInput, index: MetricIndex, fiscalShift: number | undefined): Finding[] {
  // Figures quoted as [[id]] prints them in the canvas's language ("$5.6 billion" in en-US).
  const language = canvas.briefing?.language;
  const figure = (q: FigureQuantity) => figureWords(q, language);
  // What a reference prints for each: the value (alone, [[id.amount]], where [[id]] would add the equivalent), or the equivalent.
  // A series' latest value is referred to by the series' id, which moves on to the next value when one is added.
  const amounts = Object.entries(index.metrics).flatMap(([id, m]) => [
    ...(m.value !== undefined && m.unit !== undefined ? [{ id, currencies: [m.unit], value: inUnits({ value: m.value, scale: m.scale }), what: 'the value', ref: m.equivalent ? `[[${referredAs(index, id)}.amount]]` : `[[${referredAs(index, id)}]]` }] : []),
    ...(m.equivalent ? [{ id, currencies: [m.equivalent.unit], value: inUnits(m.equivalent), what: `the ${m.equivalent.unit} equivalent`, ref: `[[${referredAs(index, id)}.equivalent]]` }] : []),
  ]);
  // The figure exactly as written (sameUnits), not within a tolerance: "IDR 1,965,007,124 million" is not IDR 1,965,007,123 million.
  const same = sameUnits;
  // Or the metric's figure rounded as typed, to three significant digits at least ("€32.3 billion" for €32,303 million).
  const rounded = roundedFigure;
  const found: Finding[] = [];
  // Numbers in text read as the briefing's language writes them: "34.176 Mio. €" in German is €34,176 million.
  const notation = notationOf(canvas.briefing?.language);
  for (const { text, path } of referringTexts(canvas)) {
    const { blanked, halfWidth } = typedText(text);
    const sentenceAt = sentenceFinder(blanked);
    // Each sentence of the blanked text in small letters, and whether it speaks of another figure (OTHER_FIGURE), read once a sentence.
    const sentences = new Map<number, { sentence: string; otherFigure: boolean }>();
    const readSentence = ({ start, end }: { start: number; end: number }) => {
      let read = sentences.get(start);
      if (read === undefined) {
        const sentence = blanked.slice(start, end).toLowerCase();
        sentences.set(start, (read = { sentence, otherFigure: OTHER_FIGURE.test(sentence) }));
      }
      return read;
    };
    // The periods each sentence of the text names (not those it compares with), read once a sentence.
    const namedIn = new Map<number, Set<string>>();
    const namedAround = (at: number) => {
      const { start, end } = sentenceBounds(text, at);
      let named = namedIn.get(start);
      if (named === undefined) namedIn.set(start, (named = new Set(namedPeriods(text.slice(start, end)).filter((p) => !p.compared).map((p) => p.key))));
      return named;
    };
    for (const amount of typedAmounts(halfWidth, notation, canvas.briefing?.language)) {
      const written = text.slice(amount.index, amount.index + amount.token.length);
      // One significant digit (RMB 1 billion, RMB 100 million) is a threshold as often as a figure: "brands surpassing RMB 1 billion".
      const digits = significantDigits(inEnglishDigits(amount.token, notation));
      if (digits < 2) continue;
      // More digits than any figure of a canvas has is none of them, though its product in units may read as one.
      if (digits > MAX_SIGNIFICANT_DIGITS) continue;
      // Its sign too: "fell by RMB 126.6 billion" is no -126.6 billion, which a reference would print with its minus.
      const currency = (a: { currencies: string[] }) => amount.currencies.some((c) => a.currencies.includes(c));
      // ...but a loss is written without its minus: "a net loss of US$1,173 million" is the -1,173 a reference prints.
      const typed = amount.value > 0 && LOSS_BEFORE.test(blanked.slice(Math.max(0, amount.index - 40), amount.index)) ? [amount.value, -amount.value] : [amount.value];
      const exact = amounts.filter((a) => currency(a) && typed.some((v) => same(a.value, v)));
      // A figure written the English way in a text of another notation ("EUR 9,076 Mio.", 9.076 million in German, for
      // €9,076 million): its readers take it for another figure than the canvas's.
      const english = exact.length > 0 || amount.otherwise === undefined ? [] : amounts.filter((a) => currency(a) && same(a.value, amount.otherwise!));
      if (english.length > 0) {
        const nth = occurrencesBefore(text, written, amount.index);
        found.push({ path, needle: written, nth, rule: 'typed-figure', metrics: [...new Set(english.map((m) => m.id))], message: otherNotationMessage(written, amount, english, notation, canvas.briefing?.language) });
        continue;
      }
      // A figure rounded is one of many a round number may be: taken for the metric only in a sentence that names what it
      // measures ("revenue" for Revenue) and speaks of no plan, target, backlog or earlier statement of it.
      const read = exact.length > 0 ? undefined : readSentence(sentenceAt(amount.index));
      const sentence = read?.sentence ?? '';
      const speaksOf = (id: string) => speaksOfMeasure(index.metrics[id].label, sentence);
      const matches = exact.length > 0 || read?.otherFigure ? [...exact] : amounts.filter((a) => currency(a) && typed.some((v) => rounded(a.value, v, amount.step)) && speaksOf(a.id));
      if (matches.length === 0) continue;
      // Of several figures of one measure it is, the one whose period its sentence names is the one it means: the text is
      // that period's, not left from another's. So too where it is that period's figure rounded and an earlier one's exactly:
      // "$1.19 billion in Q1 FY2026" is Q1 FY26's US$1,193 million, though Q4 FY25's was US$1,190 million.
      const meant = periodFigure(matches.map((m) => m.id), exact.length > 0 ? amounts.filter((a) => currency(a) && typed.some((v) => rounded(a.value, v, amount.step))) : matches, namedAround(amount.index), index, fiscalShift);
      if (meant !== undefined) matches.splice(0, matches.length, meant as (typeof matches)[number], ...matches.filter((m) => m !== meant));
      const first = matches[0]!;
      // A loss typed without its minus is written with the reference that prints it so: [[id.size]].
      const unsigned = amount.value > 0 && first.value < 0;
      // No part prints the amount alone, or the equivalent alone, without its minus ([[id.equivalent]] would print
      // "a net loss of −US$1,173 million"): .size, which prints both, is what the text can write.
      const ref = unsigned ? first.ref.replace(/(?:\.amount|\.equivalent)?\]\]$/, '.size]]') : first.ref;
      const withEquivalent = index.metrics[first.id].equivalent !== undefined;
      const sizeNote = withEquivalent ? ' (the amount and its equivalent, without their minus: leave out any of them typed beside it)' : ' (the figure without its minus)';
      const how = exact.includes(first) ? '' : ', rounded';
      const others = matches.length > 1 ? ` (as is ${matches.slice(1).map((m) => `${m.what} of ${m.id}`).join(', ')})` : '';
      // Placed as the canvas locator finds a needle: the nth time the token's text occurs in the value.
      const nth = occurrencesBefore(text, written, amount.index);
      const equivalent = ref.endsWith('.equivalent]]');
      const period = index.metrics[first.id].period;
      // What another figure of the series would print here, and the reference that prints it, written as `ref` is.
      const shownOf = (m: Metric) => (equivalent ? m.equivalent : m.value === undefined ? undefined : { ...m, value: m.value });
      const refTo = (id: string) => `[[${referredAs(index, id)}${unsigned ? '.size' : equivalent ? '.equivalent' : index.metrics[id].equivalent ? '.amount' : ''}]]`;
      const is = `${quote(written)} is typed into the text, and is ${first.what} of ${first.id}`;
      // The later figure an earlier value is typed as (staleMessage): the text disagrees with it, and the briefing prints both.
      let typedAs: string | undefined;
      const message = relativeMessage() ?? staleMessage();
      found.push({ path, needle: written, nth, rule: 'typed-figure', metrics: [...new Set(matches.map((m) => m.id))], message, ...(typedAs === undefined ? {} : { figure: written.trim(), disagreesWith: typedAs }) });

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
        return `${is} (${period})${how}${others}, but its sentence says ${quote(relative.words)}, which from ${index.metrics[relative.from].label} for ${index.metrics[relative.from].period} beside it is the period ending ${formatDate(relative.date, language)}${said && value ? `, for which ${relative.meant!.split('@')[0]} is ${figure(value)}` : ''}: check which figure the text means. ${said ? `Write ${refTo(relative.meant!)} for the ${said.period} figure, or ${ref} if the ${period} figure is meant (and correct the words)` : `Write ${ref} if the ${period} figure is meant, and correct the words`}`;
      }

      /**
       * An earlier value of a series in a sentence that names a later period: the text was not updated, and the reference
       * the finding would advise keeps the old figure. Said, with the value of the period the sentence names.
       */
      function staleMessage(): string {
        const read = uncompared(first.id, text, amount, index, fiscalShift, language);
        const stale = read && staleTypedValue(first.id, read, index, fiscalShift, canvas.briefing.as_of);
        const meant = stale && index.metrics[stale.meant];
        const shown = meant && shownOf(meant);
        if (stale !== undefined && meant !== undefined && shown !== undefined) {
          typedAs = stale.meant;
          return `${is} (${period})${how}${others}, but its sentence speaks of ${quote(stale.named)}, for which ${stale.series} is ${figure(shown)}: the text may not have been updated. Write ${refTo(stale.meant)} for the ${meant.period} figure, or ${ref} if the ${period} figure is meant (and name its period)`;
        }
        // Each figure it is an earlier one of its series (a segment table's total beside the revenue series, alike): the
        // earlier figure's reference alone would print last quarter's figure as this one's for good.
        const latest = read !== undefined && matches.every((m) => earlierOfSeries(m.id, read, index) !== undefined) ? earlierOfSeries(first.id, read, index) : undefined;
        const newest = latest === undefined ? undefined : shownOf(index.metrics[latest]!);
        if (latest !== undefined && newest !== undefined) {
          const series = latest.split('@')[0];
          // (Saying what it names, where it names a period that is neither: "in the fourth quarter" of a series whose latest is the third's.)
          const said = [...new Set(read!.all.filter((p) => !p.compared).map((p) => quote(p.text)))];
          const names = said.length === 0 ? 'the sentence names neither period as the checks read it' : `the sentence names ${listOf(said, 'and')}, neither period as the checks read it`;
          return `${is} (${period})${how}${others}, an earlier figure of ${series}: its latest is ${figure(newest)} for ${index.metrics[latest]!.period}, and ${names}. If the text speaks of ${index.metrics[latest]!.period}, it was not updated: write ${refTo(latest)}. If it means the ${period} figure, write ${ref}${unsigned ? sizeNote : ''} and name its period`;
        }
        // A forecast's or target's value in a sentence that does not say it looks ahead reads as a reported result (forecast-as-actual).
        const kind = index.metrics[first.id]!.period_type;
        const bounds = sentenceBounds(text, amount.index);
        if ((kind === 'forecast' || kind === 'target') && !sentenceLooksAhead(text, bounds.start, bounds.end, index)) {
          return `${is}${how}${others}, a ${kind} (period_type: ${kind}) for ${period}, but its sentence does not say it looks ahead, and reads as a reported result: a reader takes the ${kind} for an actual figure. Write ${ref} instead${unsigned ? sizeNote : ''}, so that the text changes when the metric is updated and is checked with it, and say in the sentence that it is a ${kind} (${aheadExamples(kind, index.metrics[first.id]!.label, ref, language)})`;
        }
        return `${is}${how}${others}: write ${ref} instead${unsigned ? sizeNote : ''}, so that the text changes when the metric is updated and is checked with it`;
      }
    }
  }
  return found;
}

/**
 * typed-figure and typed-mismatch (typedFigures, typedMismatches), but for the typed-figure at the amount a typed-mismatch
 * reports: typed after another measure's name, in a sentence that does not speak of the metric it is the value of ("EBITDA
 * was €412.0m in H1 2025" beside a purchase price of €412 million), it is that measure's figure typed wrong, not a
 * reference to write to a figure the sentence does not mean.
 */
export function typedFindings(canvas: CanvasInput, index: MetricIndex, fiscalShift: number | undefined): Finding[] {
  const mismatches = typedMismatches(canvas, index, fiscalShift);
  const reported = new Set(mismatches.map(findingPlace));
  return [...typedFigures(canvas, index, fiscalShift).filter((f) => !reported.has(findingPlace(f))), ...mismatches];
}

/** Where a finding about a typed figure is, as a key: its text's path, the words it quotes and which of them (two findings at one typed figure share it). */
export const findingPlace = (f: Pick<Finding, 'path' | 'needle' | 'nth'>) => JSON.stringify([f.path, f.needle, f.nth ?? 0]);

/**
 * Whether `sentence` (in lower case) names what a metric's `label` measures: a word of the label of four letters or more,
 * but those that say the whole company (WHOLE_COMPANY); a Chinese, Japanese or Korean label's run of two characters or
 * more ("营收"); or what Chinese, Japanese and Korean text calls a measure an English label names (MEASURE_WORDS: "营收"
 * for Revenue). typed-figure takes a rounded amount for a metric only in such a sentence, and stale-typed-figure an old figure.
 */
export function speaksOfMeasure(label: string, sentence: string): boolean {
  return measureWords(label).some((w) => sentence.includes(w))
    || MEASURE_WORDS.some(([english, words]) => english.test(label.toLowerCase()) && words.test(sentence));
}

/**
 * The words of a metric's `label` (in lower case) that name what it measures, as speaksOfMeasure reads them: those of four
 * letters or more, but those that say the whole company (WHOLE_COMPANY), and a Chinese, Japanese or Korean label's runs of
 * two characters or more.
 */
export function measureWords(label: string): string[] {
  const lower = label.toLowerCase();
  return [
    ...(lower.match(/\p{L}{4,}/gu) ?? []).filter((w) => !WHOLE_COMPANY.test(w)),
    ...(lower.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,}/gu) ?? []),
  ];
}

/**
 * The measures that labels of `byLabel` (in lower case) name with a word of the whole company before them ("total revenue",
 * "group net income", "consolidated revenue", "total net sales"), by the measure alone ("revenue", "net income"), which is
 * how prose names the company's figure ("Revenue was $1.23 billion"), each with its label: only where no metric of the
 * canvas is labelled by that measure alone (a forecast's too), and one label alone says it ("Total revenue" beside "Group
 * revenue" says neither). A segment's label stays its own, read first as the longer ("Cloud Platform revenue").
 */
function wholeCompanyMeasures(index: MetricIndex, byLabel: ReadonlyMap<string, string[]>): Map<string, string> {
  const labelled = new Set(Object.values(index.metrics).map((m) => normalWords(m.label)));
  const found = new Map<string, string | undefined>();
  for (const label of byLabel.keys()) {
    // "Total revenue" is named "revenue"; "Net income (loss)", as 10-Qs label it, "net income" (its sign says which).
    const measure = /^(?:total|group|consolidated|overall)\s+(.{4,})$/.exec(label)?.[1] ?? (/\s*\((?:loss|losses)\)/.test(label) ? label.replace(/\s*\((?:loss|losses)\)/, '').trim() : undefined);
    if (measure === undefined || !NAMES_A_MEASURE.test(measure) || labelled.has(measure)) continue;
    found.set(measure, found.has(measure) ? undefined : label);
  }
  return new Map([...found].filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * The names prose gives labels of `byLabel` (in lower case) of three words or more by their first and last words, the
 * words between left out where the measure implies them (IMPLIED_WORDS: "organic growth" for Organic revenue growth,
 * "operating margin" for Operating profit margin, "net debt" for Net financial debt), each with its label: only where no
 * metric of the canvas (a forecast's too) is labelled so, and no other label has those first and last words, whatever
 * words stand between ("Organic volume growth" beside Organic revenue growth names neither). Not "net income" for Net
 * interest income: "interest" is a measure of its own, no word the name implies.
 */
function shortNames(index: MetricIndex, byLabel: ReadonlyMap<string, string[]>): Map<string, string> {
  const all = [...new Set(Object.values(index.metrics).map((m) => normalWords(m.label)))];
  const ends = (label: string) => { const words = label.split(' '); return words.length < 3 || !words.every((w) => /^\p{L}[\p{L}-]*$/u.test(w)) ? undefined : `${words[0]} ${words.at(-1)}`; };
  const found = new Map<string, string>();
  for (const label of byLabel.keys()) {
    const name = ends(label);
    if (name === undefined || byLabel.has(name) || all.includes(name) || !label.split(' ').slice(1, -1).every((w) => IMPLIED_WORDS.test(w))) continue;
    if (all.some((other) => other !== label && ends(other) === name)) continue;
    found.set(name, label);
  }
  return found;
}

/** Middle words of a label that prose leaves out, the measure around them implying them (shortNames). */
const IMPLIED_WORDS = /^(?:revenues?|sales|turnover|profit|income|earnings|financial)$/;

/** Words of a label that say the whole company's figure, or a name's ("Cloud Intelligence Group"): prose says "the group" of the company, whatever the measure. */
const WHOLE_COMPANY = /^(?:groups?|company|companies|total|consolidated|overall)$/;

/**
 * Whether an amount typed as `typed` (its last digit counting `step`) is the figure `metric` rounded as typed-figure takes
 * it: to as many digits as typed, three at least ("€32.3 billion" for €32,303 million; not "€2.3bn" for €2,310 million).
 */
function roundedFigure(metric: number, typed: number, step: number): boolean {
  return step > 0 && Math.abs(metric - typed) <= step / 2 * (1 + 1e-9) && Math.abs(typed) >= 100 * step;
}

/**
 * Of the figures an amount typed in a text is (`ids`, as typed or rounded), the one it means when its sentence (`named`:
 * the keys of the periods it names, not those it compares with) names the period of one of them, or of a figure of the same measure it is as rounded
 * (`rounded`: a series' other value, or a metric of one measure): that one, first. None where the sentence names none
 * of theirs, or where the first already is of the period named.
 */
function periodFigure<T extends { id: string }>(ids: string[], rounded: T[], named: ReadonlySet<string>, index: MetricIndex, fiscalShift: number | undefined): T | undefined {
  if (named.size === 0) return undefined;
  const ofNamed = (id: string) => [...periodKeysOf(index.metrics[id]!, fiscalShift)].some((k) => named.has(k));
  if (ofNamed(ids[0]!)) return undefined;
  const sameAs = (id: string, other: string) => id === other || (id.includes('@') ? id.split('@')[0] === other.split('@')[0] : sameMeasure(index.metrics[id]!, index.metrics[other]!));
  return rounded.find((r) => ofNamed(r.id) && ids.some((id) => sameAs(id, r.id)));
}

/**
 * What typed-figure says of an amount written in the other notation than the text's (`notation`, of `language`), which
 * read so is the figure of each of the matches: how its readers read it, and the reference to write.
 */
function otherNotationMessage(written: string, amount: TypedAmount, [match, ...more]: Array<{ id: string; what: string; ref: string }>, notation: Notation, language: string | undefined): string {
  const name = language === undefined ? undefined : languageName(language);
  const scale = Math.abs(amount.value) >= 1e9 ? { scale: 'billion', by: 1e9 } : Math.abs(amount.value) >= 1e6 ? { scale: 'million', by: 1e6 } : { scale: undefined, by: 1 };
  // In words, the English way (as "Written the English way" after it): in the language's own notation it would read as typed.
  const read = figureWords({ value: amount.value / scale.by, unit: amount.currencies[0], scale: scale.scale, decimals: Math.max(0, Math.round(-Math.log10(amount.step / scale.by))) }, localFigures(language) === undefined ? language : undefined);
  const mark = notation.decimal === ',' ? 'a decimal comma' : 'a decimal point';
  return `${quote(written)} is typed into the text, which writes numbers with ${mark}${name ? ` (briefing.language: ${language}, ${name})` : ''}: its readers read ${read}. Written the English way it is ${match!.what} of ${match!.id}${more.length > 0 ? ` (as is ${more.map((m) => `${m.what} of ${m.id}`).join(', ')})` : ''}: write ${match!.ref} instead, so that the text changes when the metric is updated and is checked with it`;
}

/**
 * Text as typed amounts are read in it. What the references print is not typed, and what is in double quotes (or „“
 * and »« as German writes them, 「」, 『』, «») quotes a source: both are blanked (the same length, so the places stay). `halfWidth` reads full-width digits,
 * commas and points ("４，２９０億円", as a Japanese input method types them) as their half-width forms, one for one.
 */
export function typedText(text: string): { blanked: string; halfWidth: string } {
  const blanked = text.replace(/\[\[[^\]]*\]\]|"[^"\n]*"|„[^“”\n]*[“”]|“[^”\n]*”|「[^」\n]*」|『[^』\n]*』|«[^»\n]*»|»[^«\n]*«/g, (part) => ' '.repeat(part.length));
  return { blanked, halfWidth: blanked.replace(/[０-９，．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) };
}

/**
 * What joins a measure's name to its figure typed after it: "was", "of", "came in at", "rose 12% to", "grew by 8% year on
 * year to", ":", a bracket ("Asia cross-border (€381.5 million) grew fastest"). Not "by" alone ("rose by $3.1 billion" is a difference), nor a qualifier ("about", "over"), nor anything else.
 */
const LEVEL_JOIN = /^\s*,?\s*(?:was|were|is|are|came in at|(?:beat|beating|missed|missing|topped|topping|exceeded|exceeding|(?:was|were|came\s+in)\s+(?:ahead\s+of|above|below|short\s+of|in\s+line\s+with))\s+(?:the\s+|analysts['’]?\s+)?(?:consensus\s+)?(?:estimates?|consensus|expectations|forecasts?|guidance)\s+at|came to|stood at|amounted to|totall?ed|reached|hit|of|at|:|\(|(?:rose|grew|increased|climbed|jumped|fell|declined|dropped|decreased|slipped|improved|widened|expanded|narrowed|contracted|deteriorated|worsened|eased)(?:\s+(?:by\s+)?\d+(?:\.\d+)?\s?(?:%|bps?|basis\s+points?|pp|percentage\s+points?|points?))?(?:\s+(?:year[- ]on[- ]year|year[- ]over[- ]year|yoy|y\/y))?\s+to)\s*$/i;
/** What joins a count's measure to its figure: LEVEL_JOIN's words, and "numbered" ("Employees numbered 18,720"). */
const COUNT_JOIN = new RegExp(LEVEL_JOIN.source.replace('(?:was|were|', '(?:numbered|was|were|'), 'i');

/** How a multiple is written after its number, "2.6x", "2.6 x", "2.6×": the unit of a measure counted in `times` (isMultiple). */
const MULTIPLE_SIGN = /[x×](?![\p{L}\p{N}])/u;
/** That sign after a count, a blank between at most (countUnit). */
const MULTIPLE_AFTER = new RegExp(String.raw`^\s?${MULTIPLE_SIGN.source}`, 'iu');
/** A measure of times, as a leverage is (net debt over EBITDA): `unit: times` (or x, multiple), typed "2.6x" or "2.6 times". */
const isMultiple = (m: Metric) => /^(?:times|x|multiples?)$/i.test(m.unit ?? '');
/** A label of net debt over EBITDA, as normalWords writes it: "net debt/ebitda", "net debt to adjusted ebitda", "net financial debt / ebitda". */
const LEVERAGE_LABEL = /^net (?:financial )?debt ?(?:\/|to|over) ?(?:adjusted )?ebitda(?: ratio)?$/;
/** What prose calls such a measure. */
const LEVERAGE_NAMES = ['leverage', 'net leverage', 'leverage ratio', 'net leverage ratio'];
/** The currency a count is read in (typed-mismatch's counts): none. */
const COUNT = '#count';

/**
 * Plain numbers in an English text, as a count is typed ("18,720", "221.9 thousand", "191", and as Indian text writes
 * them, "43,50,000", "43.5 lakh", "1.2 crore"): not part of an amount, a percentage, a date or a word, and no year alone.
 * Its unit is read after its measure is known (countUnit).
 */
const COUNT_NUMBER = new RegExp(String.raw`(?<![\p{L}\p{N}$€£¥₹.,\-−+/:#])(${ENGLISH_NUMBER})(?:\s+(${COUNT_SCALES}))?(?![\p{N}%％]|(?!${MULTIPLE_SIGN.source})\p{L}|[.,]\d|\s?(?:per\s?cent|pct)\b)`, 'giu');
/** A table cell that holds a count and nothing else: "18,720", "221.9 thousand", "43.5 lakh". */
const COUNT_CELL = new RegExp(String.raw`^(?:${ENGLISH_NUMBER})(?:\s+(?:${COUNT_SCALES}))?$`, 'i');

/** A metric counted in a unit of its own that is no money or percent ("employees", "TEUs", "warehouses", "tonnes"). */
function isCount(m: Metric): boolean {
  return m.unit !== undefined && m.unit !== 'percent' && !PENCE_UNITS.includes(m.unit) && !isCurrency(m.unit.toUpperCase()) && /^\p{L}[\p{L} -]*$/u.test(m.unit);
}

/**
 * The words after a count (`after`) that are its unit, as the measure's metrics (`ms`) write it or their label (its
 * singular or plural): their length, 0 where the count is written bare, and undefined where another word follows it (a
 * count of something else: "25 new vessels", "229.1 thousand tonnes" of TEUs) or more than a period or a day does.
 */
function countUnit(after: string, ms: Metric[]): number | undefined {
  // A multiple's sign: "2.3x" of a measure of times (not of employees).
  const sign = MULTIPLE_AFTER.exec(after);
  if (sign !== null) return ms.some(isMultiple) && countEnds(after, sign[0].length) ? sign[0].length : undefined;
  const forms = ms.flatMap((m) => [m.unit!, m.label]).map((w) => normalWords(w).replace(/s$/, '')).filter((w) => w.length > 0);
  const lower = after.toLowerCase();
  let length = 0;
  for (const form of forms.sort((a, b) => b.length - a.length)) {
    const unit = new RegExp(String.raw`^\s+${escapeRegExp(form).replace(/ /g, '\\s+')}s?(?!\p{L})`, 'u').exec(lower);
    if (unit !== null) { length = unit[0].length; break; }
  }
  return countEnds(after, length) ? length : undefined;
}

/**
 * Whether what follows a count and the `length` characters of its unit in `after` leaves it the measure's: nothing, or a
 * period or a day ("in Q3 2025", "at 30 September 2025", "in the quarter"; not "on 42 routes", nor another word).
 */
function countEnds(after: string, length: number): boolean {
  const rest = after.slice(length);
  if (/^\s*(?:$|[.;,:)])/.test(rest)) return true;
  // A preposition, then a period or a day: "in Q3 2025", "at 30 September 2025", "in the quarter" (not "on 42 routes").
  const lead = /^\s*(?:in|at|as (?:at|of)|on|for|during)\s+/i.exec(rest);
  if (lead === null) return false;
  const then = rest.slice(lead[0].length);
  return namedPeriods(then).some((p) => p.at === 0) || /^(?:the\s+)?(?:quarter|period|end of)\b|^\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\.?,?\s+\d{4}|^\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/iu.test(then);
}

/** The labels of a company's headcount, as byLabel keys them (normalWords): what "employed 14,580 people" names, where the canvas has one. */
const HEADCOUNT_LABEL = /^(?:employees|headcount|staff|workforce|number of employees)$/;
/** The words a headcount is counted in after its number: "14,580 people", "staff", "employees", "workers". */
const HEADCOUNT_NOUN = String.raw`\s+(?:people|persons|staff|employees|workers)(?!\p{L})`;

/** What joins a measure's name to its change typed after it: "grew", "rose by", "was down", "declined". */
const CHANGE_JOIN = /^\s*,?\s*(?:(grew|rose|increased|climbed|jumped|expanded|gained|fell|declined|dropped|decreased|slipped|shrank|contracted)|(?:was|were|is|are)\s+(up|down))(?:\s+by)?\s*$/i;
/** The verbs of a period put between a measure's name and what joins its figure: "revenue in Q1 FY26 was". */
const JOIN_VERB = /\s*,?\s*(?:was|were|is|are|came|stood|amounted|totall?ed|reached|hit|of|at|rose|grew|increased|climbed|jumped|expanded|gained|fell|declined|dropped|decreased|slipped|shrank|contracted)\b/i;
/**
 * A verb, as a word, that says what a figure of a measure is, or a figure (typed, or a reference, blanked to spaces): a
 * clause that has one names its figure itself.
 */
const JOINING_VERB = /\b(?:was|were|is|are|of|at|came|stood|amounted|totall?ed|reached|hit|rose|grew|increased|climbed|jumped|expanded|gained|fell|declined|dropped|decreased|slipped|shrank|contracted)\b|\d\s?[%％]|[$€£¥₹]\s?\d|\d\s*(?:billion|million|thousand|trillion|bn|mn|crore)\b|\s{5,}/i;
/** What may stand just before a measure's name and leave it the measure itself: "the", "its", "Microsoft's" (in a canvas of Microsoft: othersName), "and", "In Q1 FY26,", "a" ("proposes a final dividend of"). */
const MEASURE_BEFORE = /(?:^|[,;:(\u2013\u2014]|\b(?:the|its|our|their|an?|and|while|whereas|with|as|where|when|total|group|consolidated|overall|company|\p{L}+['’]s))\s*$/iu;
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
 * the figure: "in constant currency", "on a non-GAAP basis", "adjusted", "excluding the impact of", "$3.72 per share",
 * "before exceptional items", "pre-exceptional" (after them is the reported basis).
 */
const LEVEL_BASIS = /constant[- ]currenc|\bat constant\b|currency[- ]neutral|\bfx[- ]neutral|\bnon[- ]?(?:gaap|ifrs)\b|\badjusted\b|\bunderlying\b|\bexcluding\b|\bexclusive of\b|\bbefore (?:exceptional|one[- ]off|special|non[- ]recurring|separately[- ]disclosed|adjusting|specific)\b|\bpre[- ]?exceptional\b|\bex-|\bpro[- ]forma\b|\borganic|like[- ]for[- ]like|\bper (?:diluted |basic )?(?:share|ads|adr)\b|\ba (?:diluted )?share\b|\bper (?:user|customer|subscriber|employee|unit)\b|\bon an? (?!(?:reported|gaap|ifrs|year[- ]o(?:n|ver)[- ]year|yoy)\s)[\w-]+(?:\s[\w-]+)?\s+basis\b/i;
/** What joins a measure's change to its name past its figure: "revenue was $77.7 billion and increased", ", up", "(down". */
const LEVEL_THEN_CHANGE = /^\s*,?\s*(?:was|were|is|are|came in at|came to|stood at|amounted to|totall?ed|reached|of|at)\s+[^,;%\d]{0,12}\d[\d,.]*(?:\s?(?:thousand|million|billion|trillion|bn|mn|m|b|crore|lakh)\b)?(?:\s[A-Z]{3})?\s*(?:,\s*|\s+and\s+|\(\s*)(?:(grew|rose|increased|climbed|jumped|expanded|gained|fell|declined|dropped|decreased|slipped|shrank|contracted|an? (?:increase|rise|decrease|decline|fall|drop) of)|(?:(?:was|were)\s+)?(up|down))(?:\s+by)?\s*$/i;
/**
 * Words just after a figure that give it a part of the period, not the whole: "in the first half of the quarter", "in
 * October". Not a half of a year it names, which is a period of its own ("in the first half of 2025", "of FY26", "of 2025/26").
 */
const PART_OF_PERIOD = /^\s*(?:,\s*)?(?:in|during|over|for)\s+(?:the\s+)?(?:(?:first|second|last|final|opening|closing)\s+(?:half|month|two months|weeks?|\w+ weeks|days?|\w+ days)(?:\s+of\s+the\s+(?:quarter|year|period|half))?\b(?!\s+of\s+(?:fiscal\s+(?:year\s+)?|financial\s+year\s+|fy\s?['’]?)?\d)|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s+quarter))/i;
/**
 * A difference, not the level, in the words just after an amount: its comparative and what it is compared with, an
 * optional percentage and period between ("$102 million, or 9%, higher in Q3 2025 compared with Q3 2024", "$102 million
 * above the prior-year quarter", "$241 million higher at September 30, 2025 than a year earlier"; German "102 Mio. €
 * höher als im Vorjahr", French "102 M€ de plus qu'en"). Not one set off by a comma: "$1,150 million in Q3 2025, higher
 * than in Q2 2025" is the level. (`after`: the words to the sentence's end.)
 */
function differenceAfter(after: string): boolean {
  let rest = after.replace(/^\s*,\s*(?:or|soit|bzw\.?|d\.\s?h\.)\s+[+\-−]?\d+(?:[.,]\d+)?\s?%\s*,?/iu, '');
  // (A period, or a day, after a preposition: "in Q3 2025", "at September 30, 2025", "im 3. Quartal 2025".)
  const lead = /^\s*(?:in|at|for|during|as (?:at|of)|on|im|am|zum|au|en)\s+/iu.exec(rest);
  if (lead !== null) {
    const then = rest.slice(lead[0].length);
    const period = [...namedPeriods(then), ...namedDays(then)].find((p) => p.at === 0);
    if (period !== undefined) rest = then.slice(period.end);
  }
  const comparative = DIFFERENCE_WORD.exec(rest);
  return comparative !== null && COMPARED_WITH.test(rest.slice(comparative[0].length).split(/[;:]/)[0]!);
}
/** The comparative of a difference, just after its amount: "higher", "above", "more", "ahead of", "höher", "de plus". */
const DIFFERENCE_WORD = /^\s*(?:higher|lower|above|below|more|less|greater|smaller|up|down|ahead\s+of|behind|höher|niedriger|mehr|weniger|über|unter|de\s+plus|de\s+moins|supérieure?s?|inférieure?s?)(?!\p{L})/iu;
/** What a difference is compared with, after its comparative: "than", "compared with", "the prior-year quarter", "a year earlier", "als im Vorjahr", "qu'en". */
const COMPARED_WITH = /(?<!\p{L})(?:than|compared\s+(?:with|to)|versus|vs\.?|(?:the\s+)?(?:prior|previous|same|year[- ]earlier|year[- ]ago)[- ](?:fiscal[- ])?(?:year|quarter|period)|(?:a|one|the)\s+(?:year|quarter)\s+(?:earlier|before|ago)|last\s+(?:year|quarter)|als|gegenüber|vorjahr\p{L}*|vorquartal|que|par\s+rapport)(?!\p{L})|(?<!\p{L})qu['’]/iu;

/**
 * Words just after an amount that make it a part of the measure or a rate, not its level: "per working day", "a month",
 * "came from the Voltline acquisition", "contributed by", "from Voltline" (a source by its name). Left alone, whatever
 * its digits: no scale slipped.
 */
const PART_OR_RATE_AFTER = /^\s*(?:per\s+(?!(?:the|its|our|their)\b)\p{L}+|an?\s+(?:working\s+|business\s+|trading\s+)?(?:day|week|month|hour)\b|(?:came|comes|come|was|were)\s+from\b|(?:was\s+|were\s+)?contributed\b|from\s+(?:the\s+)?(?=\p{Lu}))/u;
/** Whether the words just after an amount (PART_OR_RATE_AFTER) make it a part or a rate: "from" a source by its name, not a period ("from Q2 2025"). */
function partOrRateAfter(after: string): boolean {
  const part = PART_OR_RATE_AFTER.exec(after);
  if (part === null) return false;
  if (!/from\s+(?:the\s+)?$/.test(part[0]) || /(?:came|comes|come|was|were)\s+from/.test(part[0])) return true;
  const then = after.slice(part[0].length);
  return ![...namedPeriods(then), ...namedDays(then)].some((p) => p.at === 0);
}

/** A label that names a rate of growth: "Azure revenue growth", "Revenue growth (YoY)": the measure whose growth it is, and how its text says it grew. */
const GROWTH_LABEL = /^(.{4,}?)\s+growth(?:\s+rate)?(?:\s*\([^)]*\))?$/;

/**
 * The words typed-mismatch ties a figure to its measure with, in one language: what joins the name to its figure or its
 * change, the verbs a period may stand before, what may stand before the name, the words for a period that leads in
 * between ("revenue in Q1 FY26 was"), for a change downwards, and (in another language than English) for plans,
 * another basis and earlier or other periods, which leave a figure alone.
 */
interface Joins {
  level: RegExp;
  change: RegExp;
  levelThenChange: RegExp;
  joinVerb: RegExp;
  measureBefore: RegExp;
  datedEarlier: RegExp;
  periodLead: RegExp;
  down: RegExp;
  /** Words just before the name that make it no measure itself: another word's genitive ("Anstieg der"), "de la", a conjunction. */
  notBefore?: RegExp;
  /**
   * Someone said to say what follows, just before the name, which is then the measure itself as at the sentence's start:
   * "The CFO said revenue was", "Analysts said that revenue was" (ATTRIBUTED). Read only where a clause follows the name
   * (a verb joins its figure: "was", "rose to"), not an object ("The deal added revenue of").
   */
  attributed?: RegExp;
  /** The same set off by commas between the name and what joins its figure, taken out as read: "Revenue, the CFO said, was"; "Der Umsatz, so der Finanzchef, betrug". */
  aside?: RegExp;
  /** A verb and an article just before the name, the figure after it, as German puts them after a period: "Im 3. Quartal betrugen die Umsatzerlöse 9,18 Mrd. €". */
  inverted?: { level: RegExp; levelAfter: RegExp; change: RegExp; changeAfter: RegExp };
  plans?: RegExp;
  basis?: RegExp;
  earlier?: RegExp;
  sequential?: RegExp;
  /** A change typed just before a reference: "um 6,8 % auf [[umsatz]]". */
  toReference?: RegExp;
  /**
   * The company reporting its figure, as the language opens a sentence with it (English's: REPORTING_VERBS, read anywhere):
   * "Rheinwerk erzielte im 3. Quartal 2025 einen Umsatz von", "Im 3. Quartal 2025 erzielte Rheinwerk einen Umsatz von",
   * "Einen Umsatz von 1,23 Mrd. € erzielte Rheinwerk im 3. Quartal 2025" (`fronted`, read with the company and its verb
   * after the figure: reportedAfter; none in the other languages), "Au T3 2025, Acme a réalisé un chiffre d'affaires de",
   * "In Q3 2025 realiseerde Acme een omzet van". Its past-tense verbs only, as a present one may speak of a plan (but in
   * French and Italian, whose releases report in the present: "Acme réalise", "Acme registra"); the words for the
   * company besides its names (`subjects`), the article that may stand before them, a word for "also", a period's
   * preposition (`lead`: the period itself read by namedPeriods, and nothing else, between the words), an article or
   * possessive before the name, with the space or apostrophe after it ("einen ", "l'"). `partAfter`: words just after its figure that say what it came from ("mit", "aus", "in
   * China"), unless they name the period (`ownPeriod`, or a period namedPeriods reads): the figure is then a part's.
   * `raised`: the past-tense verbs the company changes its measure with ("steigerte", "senkte"), opening the sentence as
   * `verbs` do, and what then joins the name to its new level (`level`: "Rheinwerk steigerte den Umsatz um 5 % auf") or to
   * its change (`change`: "... den Umsatz um 5 %"), the period between them blanked; a change downwards by `down`'s verbs.
   * `group`: words the language writes the company's name with, as a group's (`before` or `after` it): German "die
   * Rheinwerk-Gruppe", "der Rheinwerk-Konzern", "die Rheinwerk Gruppe"; French "le groupe Acme". A part's name ("die Sparte
   * Antriebe") is none of the company's.
   */
  reporting?: { subjects: string; subjectArticle: string; also: string; verbs: string; lead: string; article: string; fronted: string; partAfter: RegExp; ownPeriod: RegExp; raised?: { verbs: string; level: RegExp; change: RegExp; down: RegExp }; group?: { before?: string; after?: string } };
  /**
   * A verb whose particle ends the clause after the figure ("ging um 3 % auf 1,23 Mrd. € zurück", "legte um 5 % zu"): where
   * the join holds `verb`, its figure is read only with `particle` in the few words after it.
   */
  separable?: Array<{ verb: RegExp; particle: RegExp }>;
  /** The new level a change went to, just after its figure: "auf 1,23 Mrd. €" (read past for the words after it: partReported). */
  newLevel?: RegExp;
  /** What may stand between a period and the measure's name after it (none but spaces where not given): Japanese "の", Chinese "的", Korean "의". */
  periodThen?: RegExp;
  /**
   * Read only in a sentence that names a period: current-period.ts knows no words of another time in the language
   * (Chinese, Japanese, Korean), so a sentence naming none is not taken for the briefing's current period. Words that
   * name it as the current one (`thisPeriod`) name it too.
   */
  namedOnly?: boolean;
  /**
   * Words that name the current period by no date, as Japanese, Chinese and Korean results do: "当四半期", "当第2四半期",
   * "当中間期", "当期", "本季度", "本期", "报告期内", "이번 분기", "당분기"; and in English a half named without its year, "in
   * the first half", "first-half revenue" (ENGLISH_HALF). They name the briefing's period (thisPeriods), where it is of
   * their kind: group `quarter` or `half` (its number, `n`, where they give one: a digit, or "first", "second"), `year`,
   * or `any`. Global.
   */
  thisPeriod?: RegExp;
  /**
   * A change's word of direction just after its figure, as Japanese and Korean write it ("8.5%増", "8.5% 증가"): a
   * change read after `change` or `levelThenChange` needs one (or a sign), group 1 the word, `down` read in it.
   */
  changeDirection?: RegExp;
  /**
   * A change typed beside a reference, as typedChanges reads it: just after it, its word or sign and its digits ("[[umsatz]],
   * ein Plus von 7,5 %", "[[umsatz]] (+7,5 %"), or just before it, its verb and its digits ("stieg um 7,5 % auf [[umsatz]]").
   */
  typedChange?: { after: RegExp; before: RegExp };
}

/** A percentage as a join may hold it: "um 6,8 %", "de 6,8 %", "10%". */
const PCT = String.raw`\d+(?:[.,]\d+)?\s?%`;
/** German: the year before a change is measured against ("gegenüber dem Vorjahr", "ggü. Vorjahresquartal", "im Jahresvergleich"). */
const DE_YEAR_EARLIER = String.raw`(?:(?:gegenüber|ggü\.?|im\s+vergleich\s+zum)\s+(?:dem\s+)?vorjahr(?:esquartal|eszeitraum)?|im\s+jahresvergleich)`;
/** ...an amount a change is by, as a join may hold it: "um 50 Mio. €", "um EUR 50 Mio." (its digits, scale and currency, each bounded). */
const DE_BY_AMOUNT = String.raw`(?:(?:€|eur|euro)\s?)?\d[\d.,]{0,15}(?:\s?(?:mrd|mio|tsd|milliarden|millionen|tausend)\.?)?(?:\s?(?:€|eur|euro|usd|\$|chf|£))?`;
/** ...the base a change is against, in brackets after the period it is of: "gegenüber dem Vorquartal (2.310 Mio. €)", "ggü. Vorjahr (2.250 Mio. €)". */
const DE_BASE = String.raw`(?:gegenüber|ggü\.?|im\s+vergleich\s+zum)\s+(?:dem\s+)?(?:vorjahr(?:esquartal|eszeitraum)?|vorquartal)\s*\(\s*${DE_BY_AMOUNT}\s*\)`;
/**
 * ...what a change is by before the new level ("um 5 %", "um 50 Mio. €") and the year it is against, before or after it
 * ("um 5 % ggü. Vorjahr", "im Jahresvergleich um 5 %"), or the base it is against (DE_BASE: "stieg gegenüber dem
 * Vorquartal (2.310 Mio. €) auf", the new level then the current period's figure, the base not).
 */
const DE_BY = String.raw`(?:\s+(?:${DE_YEAR_EARLIER}|${DE_BASE}))?(?:\s+um\s+(?:${PCT}|${DE_BY_AMOUNT}))?(?:\s+(?:${DE_YEAR_EARLIER}|${DE_BASE}))?`;
/** ...the verbs whose particle follows the figure (Joins.separable): "ging ... zurück", "legte ... zu". */
const DE_SEPARABLE = String.raw`ging(?:en)?|geh(?:t|en)|legte(?:n)?|leg(?:t|en)`;
/** ...the verbs of a change ("stieg", "sank", "erhöhte sich") and the nouns that say one after a figure ("ein Plus von", "ein Rückgang um"). */
const DE_CHANGE_VERB = String.raw`stieg(?:en)?|steig(?:t|en)|wuchs(?:en)?|wächst|wachsen|sank(?:en)?|sink(?:t|en)|fiel(?:en)?|erhöhte(?:n)?\s+sich|verringerte(?:n)?\s+sich`;
const DE_CHANGE_WORD = String.raw`(?:ein(?:em|en)?\s+)?(plus|minus|anstieg|zuwachs|wachstum|steigerung|rückgang)(?:\s+(?:von|um))?`;
/** ...and what joins a measure's name to its figure: "betrug", "lag bei", "belief sich auf", "von", "stieg um 6,8 % auf". */
const DE_LEVEL = String.raw`betr(?:ug|ugen|ägt|agen)|erreicht(?:e|en)?|lag(?:en)?\s+bei|lieg(?:t|en)\s+bei|bel(?:ief(?:en)?|äuft|aufen)\s+sich\s+auf|von|in\s+höhe\s+von|:|(?:${DE_CHANGE_VERB}|${DE_SEPARABLE})${DE_BY}\s+auf`;
/** ...the past-tense verbs a company reports a figure with: "erzielte", "erwirtschaftete", "meldete", "verzeichnete", "steigerte". */
const DE_REPORTING_VERB = String.raw`(?:erziel|steiger|erreich|verbuch|generier)te[n]?|(?:erwirtschaft|meld|verzeichn)ete[n]?`;
const NEVER = /(?!)/;
/** Between a word and what follows it, in any script: "(?<!\p{L})" before a word, "(?!\p{L})" after it. */
const w = (words: string) => String.raw`(?<!\p{L})(?:${words})(?!\p{L})`;

/** German, French, Portuguese, Spanish, Italian and Dutch: read in a canvas of that briefing.language (its notation's numbers too). */
const OTHER_JOINS: Record<string, Joins> = {
  de: {
    level: new RegExp(String.raw`^\s*,?\s*(?:${DE_LEVEL})\s*$`, 'iu'),
    change: new RegExp(String.raw`^\s*,?\s*(${DE_CHANGE_VERB}|${DE_SEPARABLE})(?:\s+${DE_YEAR_EARLIER})?(?:\s+um)?\s*$`, 'iu'),
    // "stieg auf 9,18 Mrd. €, ein Plus von", "betrug 9,18 Mrd. € (" (a sign then, "+7,5 %": `bare`).
    levelThenChange: new RegExp(String.raw`^\s*,?\s*(?:${DE_LEVEL})\s*[^,;%\d]{0,12}\d[\d.,]*(?:\s?(?:mrd|mio|tsd|milliarden|millionen|tausend)\.?)?(?:\s?(?:€|eur|euro|usd|\$|chf|£))?\s*(?:,\s*(?:(?:und\s+)?damit\s+)?|\(\s*)(?:${DE_CHANGE_WORD}|(?<=\(\s*)(?<bare>))\s*$`, 'iu'),
    joinVerb: new RegExp(String.raw`\s*,?\s*${w('betr\\p{L}*|erreicht\\p{L}*|lag|lagen|liegt|liegen|bel\\p{L}+|von|in|stieg\\p{L}*|steig\\p{L}*|wuchs\\p{L}*|wächst|wachsen|sank\\p{L}*|sink\\p{L}*|fiel\\p{L}*|erhöhte\\p{L}*|verringerte\\p{L}*|ging|gingen|geht|gehen|legte|legten|legt|legen')}`, 'iu'),
    measureBefore: /(?:^|[,;:(\u2013\u2014]|(?<!\p{L})(?:der|die|das|den|dem|ihr|ihre|ihren|ihrem|sein|seine|seinen|seinem|unser|unsere|unseren|unserem))\s*$/iu,
    datedEarlier: NEVER,
    periodLead: /^\s+(?:im|in|für|während|des)\s+/i,
    reporting: {
      subjects: String.raw`das\s+unternehmen|der\s+konzern|die\s+gruppe|die\s+gesellschaft|wir`,
      group: { after: String.raw`(?:-|\s+)(?:gruppe|konzern)` },
      subjectArticle: 'der|die|das',
      also: 'auch',
      verbs: DE_REPORTING_VERB,
      lead: String.raw`im|in|für\s+das|für\s+den|während\s+des`,
      article: String.raw`(?:ein(?:e[nmrs]?)?|de[nmrs]|die|das|sein(?:e[nmrs]?)?|ihr(?:e[nmrs]?)?|unser(?:e[nmrs]?)?)\s+`,
      fronted: String.raw`ein(?:e[nmrs]?)?`,
      partAfter: /^\s+(?:aus|mit|durch|über|bei|in|im|auf|für|innerhalb|außerhalb)\s/iu,
      ownPeriod: /^\s+(?:im|in|für|während)\s+(?:(?:de[mns]|das|die)\s+)?(?:berichts)?(?:quartal|zeitraum|halbjahr|geschäftsjahr|jahr)(?!\p{L})/iu,
      // "Rheinwerk steigerte den Umsatz (im 3. Quartal 2025) um 5 % auf", "... um 50 Mio. € auf", "... auf", "... um 5 %".
      raised: {
        verbs: String.raw`(?:steiger|erhöh|senk|verringer|reduzier|verbesser)te[n]?`,
        level: new RegExp(String.raw`^\s*(?:(?:im|in|für\s+das|während\s+des)\s+)?${DE_BY}\s+auf\s*$`, 'iu'),
        change: /^\s*(?:(?:im|in|für\s+das|während\s+des)\s+)?um\s*$/iu,
        down: /senkte|verringerte|reduzierte/iu,
      },
    },
    separable: [
      { verb: /^\s*,?\s*(?:ging(?:en)?|geh(?:t|en))(?!\p{L})/iu, particle: /^[^;:()]{0,60}?(?<!\p{L})zurück(?!\p{L})/iu },
      { verb: /^\s*,?\s*(?:legte(?:n)?|leg(?:t|en))(?!\p{L})/iu, particle: /^[^;:()]{0,60}?(?<!\p{L})zu\s*(?:[.;,!?]|$)/iu },
    ],
    newLevel: new RegExp(String.raw`^\s+auf\s+${DE_BY_AMOUNT}`, 'iu'),
    down: /sank|sink|fiel|verringert|minus|rückgang|ging|geh[te]/i,
    notBefore: /(?<!\p{L})\p{Lu}\p{Ll}+\s+(?:der|des)\s*$|(?<!\p{L})(?:und|oder|sowie)\s+(?:(?:der|die|das)\s+)?$/u,
    inverted: {
      level: /(?<!\p{L})(?:betr(?:ug|ugen|ägt|agen)|erreicht(?:e|en)?|lag(?:en)?|lieg(?:t|en)|bel(?:ief(?:en)?|äuft|aufen)\s+sich|stieg(?:en)?|wuchs(?:en)?|sank(?:en)?|fiel(?:en)?)\s+(?:der|die|das|unser|unsere|ihr|ihre|sein|seine)\s*$/iu,
      levelAfter: new RegExp(String.raw`^\s*(?:bei|(?:${DE_BASE}\s+)?(?:um\s+${PCT}\s+)?auf)?\s*$`, 'iu'),
      change: /(?<!\p{L})(stieg(?:en)?|wuchs(?:en)?|sank(?:en)?|fiel(?:en)?|erhöhte(?:n)?\s+sich|verringerte(?:n)?\s+sich)\s+(?:der|die|das|unser|unsere|ihr|ihre|sein|seine)\s*$/iu,
      changeAfter: /^\s*um\s*$/iu,
    },
    plans: new RegExp(w('prognos\\p{L}*|ziel\\p{L}*|plan\\p{L}*|budget\\p{L}*|erwart\\p{L}*|ausblick|guidance|auftragsbestand|zuvor|bisher|ursprünglich|vorläufig\\p{L}*'), 'iu'),
    basis: new RegExp(w('bereinigt\\p{L}*|währungsbereinigt\\p{L}*|wechselkursbereinigt\\p{L}*|organisch\\p{L}*|vergleichbar\\p{L}*|pro\\s+aktie|je\\s+aktie|ohne|ausgenommen|exklusive|pro\\s+forma|konstante[nm]?\\s+wechselkurs\\p{L}*'), 'iu'),
    earlier: new RegExp(w('vorjahr\\p{L}*|ein\\s+jahr\\s+(?:zuvor|davor|früher)|vorquartal\\p{L}*'), 'iu'),
    sequential: new RegExp(w('vorquartal\\p{L}*|sequenziell\\p{L}*'), 'iu'),
    toReference: new RegExp(String.raw`^\s*(?:${DE_YEAR_EARLIER}\s+)?auf\s+\[\[`, 'iu'),
    // "Der Umsatz, so der Finanzchef, betrug", ", sagte die Finanzvorständin,", ", wie der Finanzchef sagte,", ", laut Finanzchef,".
    aside: /^\s*,\s*(?:(?:so|sagte|erklärte|betonte|bestätigte|berichtete|ergänzte)\s+(?:der|die|unser|unsere)\s+(?:\p{L}[\p{L}.-]*\s*){1,3}|laut\s+(?:de[rsm]\s+)?(?:\p{L}[\p{L}.-]*\s*){1,3}|wie\s+(?:der|die|unser|unsere)\s+(?:\p{L}[\p{L}.-]*\s+){1,3}(?:sagte|erklärte|betonte|bestätigte|berichtete|mitteilte)\s*),/iu,
    typedChange: {
      after: new RegExp(String.raw`^\s*[,(]?\s*(?:(?:(?:und\s+)?damit\s+)?${DE_CHANGE_WORD}\s+|(?<=[,(]\s*)([+\u2212-]))(\d+(?:,\d+)?)\s?(?:%|prozent(?!\p{L}))`, 'iu'),
      before: new RegExp(String.raw`(?<!\p{L})(${DE_CHANGE_VERB})(?:\s+[^\s%]+){0,8}?\s+um\s+(\d+(?:,\d+)?)\s?(?:%|prozent)\s*(?:${DE_YEAR_EARLIER}\s+)?auf\s*$`, 'iu'),
    },
  },
  fr: {
    level: new RegExp(String.raw`^\s*,?\s*(?:(?:est|était|sont|étaient|a\s+été|ont\s+été)\s+de|(?:ressort|ressortent|s['’]él[eè]v(?:e|ent)|s['’]est\s+élevée?|se\s+sont\s+élevée?s|s['’]établi(?:t|ssent)|s['’]est\s+établie?|se\s+sont\s+établie?s|se\s+situe)\s+à|(?:(?:a|ont)\s+)?atteint|atteignent|(?:(?:a|ont)\s+)?totalisé|totalise|de|à|:|(?:(?:a|ont)\s+)?(?:progressé|augmenté|crû|reculé|baissé|diminué|progresse|augmente|croît|recule|baisse|diminue)(?:\s+de\s+${PCT})?\s+à|(?:(?:est|était|sont|étaient)\s+)?en\s+(?:hausse|baisse|progression|recul)\s+de\s+${PCT}\s*,?\s+à)\s*$`, 'iu'),
    change: /^\s*,?\s*(?:(?:a|ont)\s+)?((?:progress|augment|recul|baiss|diminu)\p{L}*|cro[iî]t|crû|(?:(?:est|était|sont|étaient)\s+)?en\s+(?:hausse|baisse|progression|recul))(?:\s+de)?\s*$/iu,
    levelThenChange: NEVER,
    joinVerb: new RegExp(String.raw`\s*,?\s*${w('est|était|sont|étaient|a|ont|ressort\\p{L}*|s[\'’]\\p{L}+|se|atteint|atteignent|totalis\\p{L}*|de|à|progress\\p{L}*|augment\\p{L}*|cro[iî]t|crû|recul\\p{L}*|baiss\\p{L}*|diminu\\p{L}*|en')}`, 'iu'),
    measureBefore: /(?:^|[,;:(\u2013\u2014]|(?<!\p{L})(?:le|la|les|son|sa|ses|leur|leurs)\s|(?<!\p{L})l['’])\s*$/iu,
    datedEarlier: NEVER,
    periodLead: /^\s+(?:au|du|en|pour|sur|durant|pendant)\s+/i,
    reporting: {
      subjects: String.raw`la\s+société|le\s+groupe|l['’]entreprise|nous`,
      group: { before: String.raw`groupe\s+` },
      subjectArticle: 'la|le',
      also: 'également|aussi',
      verbs: String.raw`(?:a|ont|avons)\s+(?:réalisé|enregistré|dégagé|généré|affiché|publié)|réalise|enregistre|dégage|génère|affiche|publie`,
      lead: String.raw`au|en|pour\s+le|sur\s+le|durant\s+le|pendant\s+le`,
      article: String.raw`(?:un|une|le|la|les|son|sa|ses|leur|leurs)\s+|l['’]\s*`,
      fronted: '(?!)',
      partAfter: /^\s+(?:en|dans|aux?|sur|avec|par|via|hors|grâce)\s/iu,
      ownPeriod: /^\s+(?:au|du|en|sur|pour|durant|pendant)\s+(?:(?:le|la)\s+|l['’]\s*)?(?:trimestre|semestre|exercice|période|année)(?!\p{L})/iu,
    },
    down: /recul|baiss|diminu/i,
    notBefore: /(?<!\p{L})(?:de|à|par|sur|et|ou)\s+(?:(?:la|les)\s+|l['’])?$/iu,
    plans: new RegExp(w('prévision\\p{L}*|objectif\\p{L}*|prévu\\p{L}*|attendu\\p{L}*|perspective\\p{L}*|budget\\p{L}*|guidance|carnet\\s+de\\s+commandes|précédemment|initialement|estim\\p{L}*'), 'iu'),
    basis: new RegExp(w('ajusté\\p{L}*|retraité\\p{L}*|organique\\p{L}*|à\\s+taux\\s+de\\s+change\\s+constants?|à\\s+change\\s+constant|à\\s+périmètre\\s+constant|à\\s+données\\s+comparables|hors|par\\s+action|pro\\s+forma|récurrent\\p{L}*'), 'iu'),
    earlier: new RegExp(w('un\\s+an\\s+(?:plus\\s+tôt|auparavant)|l[\'’]an\\s+(?:dernier|passé)|l[\'’]année\\s+(?:précédente|dernière)|exercice\\s+précédent|trimestre\\s+précédent'), 'iu'),
    sequential: new RegExp(w('trimestre\\s+précédent|séquentiel\\p{L}*'), 'iu'),
    toReference: /^\s*à\s+\[\[/i,
  },
  pt: {
    level: new RegExp(String.raw`^\s*,?\s*(?:(?:foi|foram|é|são|era|eram|ficou|ficaram)(?:\s+(?:de|em))?|somou|somaram|totalizou|totalizaram|atingiu|atingiram|alcançou|alcançaram|chegou\s+a|chegaram\s+a|de|:|(?:subiu|subiram|cresceu|cresceram|aumentou|aumentaram|avançou|avançaram|caiu|caíram|recuou|recuaram|diminuiu|diminuíram)(?:\s+${PCT})?\s+(?:para|a))\s*$`, 'iu'),
    change: /^\s*,?\s*(subiu|subiram|cresceu|cresceram|aumentou|aumentaram|avançou|avançaram|caiu|caíram|recuou|recuaram|diminuiu|diminuíram)(?:\s+de)?\s*$/iu,
    levelThenChange: NEVER,
    joinVerb: new RegExp(String.raw`\s*,?\s*${w('foi|foram|é|são|era|eram|ficou|ficaram|somou|somaram|totaliz\\p{L}+|ating\\p{L}+|alcanç\\p{L}+|cheg\\p{L}+|de|subi\\p{L}+|cresce\\p{L}+|aument\\p{L}+|avanç\\p{L}+|caiu|caíram|recu\\p{L}+|diminu\\p{L}+')}`, 'iu'),
    measureBefore: /(?:^|[,;:(\u2013\u2014]|(?<!\p{L})(?:o|a|os|as|seu|sua|seus|suas))\s*$/iu,
    datedEarlier: NEVER,
    periodLead: /^\s+(?:no|na|do|da|em|durante)\s+/i,
    reporting: {
      subjects: String.raw`a\s+companhia|a\s+empresa|o\s+grupo|nós`,
      subjectArticle: 'a|o',
      also: 'também',
      verbs: String.raw`registrou|reportou|obteve|alcançou|gerou|apurou|registramos|reportamos|obtivemos|geramos`,
      lead: String.raw`no|na|em|durante\s+o|durante\s+a`,
      article: String.raw`(?:uma|um|a|o|as|os|sua|seu|suas|seus)\s+`,
      fronted: '(?!)',
      partAfter: /^\s+(?:em|no|na|com|por|via|fora)\s/iu,
      ownPeriod: /^\s+(?:no|na|em|durante)\s+(?:(?:o|a)\s+)?(?:trimestre|semestre|exercício|período|ano)(?!\p{L})/iu,
    },
    down: /caiu|caíram|recu|diminu/i,
    notBefore: /(?<!\p{L})(?:e|ou)\s+(?:(?:o|a|os|as)\s+)?$/iu,
    plans: new RegExp(w('previs\\p{L}*|meta|metas|projeç\\p{L}*|projet\\p{L}*|orçament\\p{L}*|esperad\\p{L}*|expectativa\\p{L}*|guidance|anteriormente|inicialmente|estimad\\p{L}*|estimativa\\p{L}*'), 'iu'),
    basis: new RegExp(w('ajustad\\p{L}*|recorrente\\p{L}*|orgânic\\p{L}*|moeda\\s+constante|câmbio\\s+constante|por\\s+ação|excluindo|exceto|ex-\\p{L}*|pro\\s+forma|pró-forma'), 'iu'),
    earlier: new RegExp(w('um\\s+ano\\s+antes|ano\\s+(?:anterior|passado)|trimestre\\s+anterior|mesmo\\s+período'), 'iu'),
    sequential: new RegExp(w('trimestre\\s+anterior|sequencial|trimestral'), 'iu'),
    toReference: /^\s*(?:para|a)\s+\[\[/i,
  },
  es: {
    level: new RegExp(String.raw`^\s*,?\s*(?:(?:fue|fueron|se\s+situó\s+en)(?:\s+(?:de|del))?|ascendió\s+a|ascendieron\s+a|alcanzó|alcanzaron|se\s+situó\s+en|totalizó|de|:|(?:creció|crecieron|aumentó|aumentaron|subió|subieron|cayó|cayeron|disminuyó|disminuyeron)(?:\s+(?:un\s+)?${PCT})?\s+(?:hasta|a))\s*$`, 'iu'),
    change: /^\s*,?\s*(creció|crecieron|aumentó|aumentaron|subió|subieron|cayó|cayeron|disminuyó|disminuyeron|bajó|bajaron)(?:\s+(?:un|en))?\s*$/iu,
    levelThenChange: NEVER,
    joinVerb: new RegExp(String.raw`\s*,?\s*${w('fue|fueron|ascendi\\p{L}+|alcanz\\p{L}+|se|totaliz\\p{L}+|de|creci\\p{L}+|aument\\p{L}+|subi\\p{L}+|cay\\p{L}+|disminuy\\p{L}+|baj\\p{L}+')}`, 'iu'),
    measureBefore: /(?:^|[,;:(\u2013\u2014]|(?<!\p{L})(?:el|la|los|las|su|sus))\s*$/iu,
    datedEarlier: NEVER,
    periodLead: /^\s+(?:en|del|durante)\s+/i,
    reporting: {
      subjects: String.raw`la\s+compañía|la\s+empresa|el\s+grupo|nosotros`,
      subjectArticle: 'el|la',
      also: 'también',
      verbs: String.raw`registró|obtuvo|generó|reportó|logró|facturó|registramos|obtuvimos|generamos|reportamos|logramos|facturamos`,
      lead: String.raw`en\s+el|en|durante\s+el|durante`,
      article: String.raw`(?:unos|unas|un|una|los|las|el|la|sus|su)\s+`,
      fronted: '(?!)',
      partAfter: /^\s+(?:en|con|por|desde|fuera\s+de|dentro\s+de)\s/iu,
      ownPeriod: /^\s+(?:en|durante|del)\s+(?:(?:el|la)\s+)?(?:trimestre|semestre|ejercicio|periodo|período|año)(?!\p{L})/iu,
    },
    down: /cay|disminu|baj/i,
    notBefore: /(?<!\p{L})(?:y|o|de)\s+(?:(?:el|la|los|las)\s+)?$/iu,
    plans: new RegExp(w('previsi\\p{L}*|objetivo\\p{L}*|esperad\\p{L}*|guidance|anteriormente|inicialmente|estimad\\p{L}*|presupuest\\p{L}*'), 'iu'),
    basis: new RegExp(w('ajustad\\p{L}*|orgánic\\p{L}*|moneda\\s+constante|por\\s+acción|excluyendo|sin|pro\\s+forma'), 'iu'),
    earlier: new RegExp(w('año\\s+anterior|un\\s+año\\s+antes|trimestre\\s+anterior|mismo\\s+periodo'), 'iu'),
    sequential: new RegExp(w('trimestre\\s+anterior|secuencial\\p{L}*|trimestral'), 'iu'),
    toReference: /^\s*(?:hasta|a)\s+\[\[/i,
  },
  // Italian: "i ricavi sono stati pari a", "l'utile netto è stato di", "sono cresciuti del 3,5% a"; a change "del 3,5%". A
  // part of the year (nine months, a half: "Nei primi nove mesi del 2025 i ricavi"), whose words are not read as a period,
  // is taken for another basis (in Dutch too), lest a quarter named later in the sentence be taken for its figure's.
  it: {
    level: new RegExp(String.raw`^\s*,?\s*(?:(?:è|sono|era|erano)(?:\s+stat[oaie])?(?:\s+(?:pari\s+(?:a|al|ad)|di|del|dell['’]))?|pari\s+(?:a|al|ad)|(?:(?:si\s+)?(?:è|sono)\s+)?attestat[oaie]\s+(?:a|al|ad)|si\s+attesta(?:no)?\s+(?:a|al|ad)|(?:(?:è|sono)\s+)?ammontat[oaie]\s+a|ammonta(?:no)?\s+a|(?:(?:ha|hanno)\s+)?(?:raggiunto|totalizzato)|raggiunge(?:no)?|totalizza(?:no)?|di|:|(?:(?:(?:è|sono)\s+)?(?:cresciut|aumentat|salit|diminuit|calat|sces)[oaie]|cresc(?:e|ono)|aument(?:a|ano)|sal(?:e|gono)|diminuisc(?:e|ono)|cal(?:a|ano)|scend(?:e|ono))(?:\s+(?:del|dell['’])\s*${PCT})?\s+(?:a|al|ad|fino\s+a)|(?:(?:è|sono)\s+)?in\s+(?:crescita|aumento|rialzo|calo|diminuzione|flessione|ribasso)\s+(?:del|dell['’])\s*${PCT}\s*,?\s+(?:a|al|ad))\s*$`, 'iu'),
    change: /^\s*,?\s*((?:(?:è|sono)\s+)?(?:cresciut|aumentat|salit|diminuit|calat|sces)[oaie]|cresc(?:e|ono)|aument(?:a|ano)|sal(?:e|gono)|diminuisc(?:e|ono)|cal(?:a|ano)|scend(?:e|ono)|(?:(?:è|sono|era|erano)\s+)?in\s+(?:crescita|aumento|rialzo|calo|diminuzione|flessione|ribasso))(?:\s+(?:del|dell['’]|di))?\s*$/iu,
    levelThenChange: NEVER,
    joinVerb: new RegExp(String.raw`\s*,?\s*${w('è|sono|era|erano|pari|si|attestat\\p{L}*|ammont\\p{L}*|ha|hanno|raggiun\\p{L}*|totalizz\\p{L}*|di|cresc\\p{L}*|aument\\p{L}*|sal\\p{L}*|diminu\\p{L}*|cal\\p{L}*|scend\\p{L}*|sces\\p{L}*|in')}`, 'iu'),
    measureBefore: /(?:^|[,;:(\u2013\u2014]|(?<!\p{L})(?:il|lo|la|i|gli|le|suo|sua|suoi|sue|nostro|nostra|nostri|nostre|loro)\s|(?<!\p{L})l['’])\s*$/iu,
    datedEarlier: NEVER,
    periodLead: /^\s+(?:(?:nel|nello|del|dello|al|in|per\s+il|per\s+lo|durante\s+il)\s+|nell['’]|dell['’])/i,
    reporting: {
      subjects: String.raw`la\s+società|il\s+gruppo|l['’]azienda|noi`,
      subjectArticle: 'il|la',
      also: 'anche',
      verbs: String.raw`(?:ha|hanno|abbiamo)\s+(?:registrato|conseguito|realizzato|generato|riportato|totalizzato)|registra|consegue|realizza|genera|riporta|totalizza`,
      lead: String.raw`nel|nello|nell['’]|in|per\s+il|durante\s+il`,
      article: String.raw`(?:un|una|il|i|gli|le|suoi|sue|suo|sua)\s+|l['’]\s*|un['’]\s*`,
      fronted: '(?!)',
      partAfter: /^\s+(?:in|nel|nella|negli|da|dal|dalla|con|per|tramite|fuori)\s/iu,
      ownPeriod: /^\s+(?:nel|nello|in|durante|per)\s+(?:(?:il|lo)\s+|l['’]\s*)?(?:trimestre|semestre|esercizio|periodo|anno)(?!\p{L})/iu,
    },
    down: /diminu|cal[aoi]|scend|sces|flession|ribass/i,
    notBefore: /(?<!\p{L})(?:e|ed|o|di|del|dello|della|dei|degli|delle|dell['’])\s+(?:(?:il|lo|la|i|gli|le)\s+|l['’])?$/iu,
    plans: new RegExp(w('prevision\\p{L}*|previst\\p{L}*|obiettiv\\p{L}*|target|guidance|outlook|budget|pian\\p{L}*|attes[oaie]|stim\\p{L}*|prospettiv\\p{L}*|portafoglio\\s+ordini|precedentemente|inizialmente'), 'iu'),
    basis: new RegExp(w('rettificat\\p{L}*|adjusted|organic\\p{L}*|a\\s+cambi\\s+costanti|a\\s+tassi\\s+di\\s+cambio\\s+costanti|a\\s+parità\\s+di\\s+perimetro|like[- ]for[- ]like|per\\s+azione|esclus\\p{L}*|escludendo|al\\s+netto\\s+d\\p{L}*|pro\\s+forma|comparabil\\p{L}*|nove\\s+mesi|sei\\s+mesi|9M|semestr\\p{L}*|progressiv\\p{L}*|cumulat\\p{L}*|da\\s+inizio\\s+anno'), 'iu'),
    earlier: new RegExp(w('anno\\s+(?:precedente|prima|scorso)|un\\s+anno\\s+prima|stesso\\s+periodo|trimestre\\s+precedente|esercizio\\s+precedente'), 'iu'),
    sequential: new RegExp(w('trimestre\\s+precedente|congiuntural\\p{L}*|sequenzial\\p{L}*|su\\s+base\\s+trimestrale'), 'iu'),
    toReference: /^\s*(?:a|al|ad|fino\s+a)\s+\[\[/i,
  },
  // Dutch: "de omzet bedroeg", "kwam uit op", "steeg met 7,7% tot"; the verb before the name after a period, as German puts it
  // ("In K3 2025 bedroeg de omzet"), but not "nam de omzet af met", whose direction follows the name.
  nl: {
    level: new RegExp(String.raw`^\s*,?\s*(?:bedr(?:oeg|oegen|aagt|agen)|was|waren|is|zijn|(?:kwam|kwamen|komt|komen)\s+uit\s+op|(?:is|zijn)\s+uitgekomen\s+op|bereikte|bereikten|bereikt|van|:|(?:(?:steeg|stegen|stijgt|stijgen|groeide|groeiden|groeit|groeien|daalde|daalden|daalt|dalen|(?:nam|namen|neemt|nemen)\s+(?:toe|af)|(?:is|zijn)\s+(?:gestegen|gegroeid|gedaald|toegenomen|afgenomen))(?:\s+met\s+${PCT})?|met\s+${PCT})\s+(?:tot|naar))\s*$`, 'iu'),
    change: /^\s*,?\s*(steeg|stegen|stijgt|stijgen|groeide|groeiden|groeit|groeien|daalde|daalden|daalt|dalen|kromp|krompen|(?:nam|namen|neemt|nemen)\s+(?:toe|af)|(?:is|zijn)\s+(?:gestegen|gegroeid|gedaald|toegenomen|afgenomen|gekrompen))(?:\s+met)?\s*$/iu,
    levelThenChange: NEVER,
    joinVerb: new RegExp(String.raw`\s*,?\s*${w('bedr\\p{L}*|was|waren|is|zijn|kwam|kwamen|komt|komen|bereikt\\p{L}*|van|steeg|stegen|stijg\\p{L}*|groei\\p{L}*|daal\\p{L}*|dalen|kromp\\p{L}*|nam|namen|neemt|nemen')}`, 'iu'),
    measureBefore: /(?:^|[,;:(\u2013\u2014]|(?<!\p{L})(?:de|het|haar|zijn|onze|hun))\s*$/iu,
    datedEarlier: NEVER,
    periodLead: /^\s+(?:in\s+het|over\s+het|voor\s+het|tijdens\s+het|in|over|van)\s+/i,
    reporting: {
      subjects: String.raw`het\s+bedrijf|de\s+onderneming|de\s+groep|het\s+concern|wij|we`,
      subjectArticle: 'de|het',
      also: 'ook',
      verbs: String.raw`realiseerde(?:n)?|boekte(?:n)?|behaalde(?:n)?|rapporteerde(?:n)?|genereerde(?:n)?|noteerde(?:n)?`,
      lead: String.raw`in\s+het|over\s+het|tijdens\s+het|in|over|tijdens`,
      article: String.raw`(?:een|de|het|haar|zijn|onze|hun)\s+`,
      fronted: '(?!)',
      partAfter: /^\s+(?:uit|met|door|via|bij|in|op|voor|buiten|binnen)\s/iu,
      ownPeriod: /^\s+(?:in|over|tijdens)\s+(?:(?:het|de)\s+)?(?:kwartaal|halfjaar|boekjaar|jaar|verslagperiode)(?!\p{L})/iu,
    },
    down: /daal|dal|kromp|gekrompen|(?<!\p{L})af(?!\p{L})|afgenomen|gedaald/iu,
    notBefore: /(?<!\p{L})(?:en|of|van|voor)\s+(?:(?:de|het)\s+)?$/iu,
    inverted: {
      level: /(?<!\p{L})(?:bedr(?:oeg|oegen|aagt|agen)|was|waren|kwam|kwamen|komt|bereikte|bereikten)\s+(?:de|het)\s*$/iu,
      levelAfter: /^\s*(?:uit\s+op)?\s*$/iu,
      change: /(?<!\p{L})(steeg|stegen|groeide|groeiden|daalde|daalden|kromp|krompen|nam|namen)\s+(?:de|het)\s*$/iu,
      changeAfter: /^\s*(?:toe\s+)?met\s*$/iu,
    },
    plans: new RegExp(w('verwacht\\p{L}*|prognose\\p{L}*|doel\\p{L}*|streef\\p{L}*|raming\\p{L}*|begroot\\p{L}*|begroting\\p{L}*|budget|guidance|outlook|vooruitzicht\\p{L}*|orderportefeuille|eerder|aanvankelijk|voorlopig\\p{L}*'), 'iu'),
    basis: new RegExp(w('aangepast\\p{L}*|onderliggend\\p{L}*|genormaliseerd\\p{L}*|autonom\\p{L}*|organisch\\p{L}*|tegen\\s+constante\\s+wisselkoers\\p{L}*|vergelijkbar\\p{L}*|per\\s+aandeel|exclusief|excl\\.|zonder|pro\\s+forma|negen\\s+maanden|zes\\s+maanden|9M|halfjaar|helft|cumulatie\\p{L}*|year-to-date|ytd|tot\\s+nu\\s+toe'), 'iu'),
    earlier: new RegExp(w('vorig\\s+jaar|een\\s+jaar\\s+eerder|vorige?\\s+kwartaal|voorgaande?\\s+kwartaal|dezelfde\\s+periode|(?:het\\s+)?jaar\\s+ervoor|voorgaand\\s+jaar'), 'iu'),
    sequential: new RegExp(w('vorige?\\s+kwartaal|voorgaande?\\s+kwartaal|kwartaal[- ]op[- ]kwartaal|sequentieel'), 'iu'),
    toReference: /^\s*(?:tot|naar|op)\s+\[\[/i,
  },
};

/** A percentage in Chinese, Japanese or Korean text, its sign full-width or not: "15%", "15％". */
const CJK_PCT = String.raw`\d+(?:\.\d+)?\s?[%％]`;
/** Before a name in those languages, as a word is no more than that: the sentence's start or a mark of punctuation. */
const CJK_START = String.raw`(?:^|[,;:(\[、。，：；（【])\s*`;
/** A run of Chinese, Japanese or Korean letters: a name in those scripts (売上高, 营收, 매출). */
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,}$/u;

/**
 * Japanese, Chinese and Korean: read in a canvas of that briefing.language (ja, zh-Hans, zh-Hant, ko), only in a sentence
 * that names a period (namedOnly), by its date or as the current one (thisPeriod: "当四半期", "本季度", "이번 분기"). The name
 * is read after the sentence's start, punctuation, a period ("2026年3月期 第2四半期の売上高", "当第2四半期の売上高", "2025年第三季度营收",
 * "3Q25 매출") or the company ("当社の", "公司实现"), nothing else: "海外売上高", "云业务营收", "국내 매출" are another measure. A
 * qualifier ("約", "约", "약") leaves the figure alone, as "about" does in English, and so does a change on another basis in
 * the join ("前期比", "环比", "전분기 대비"). A change is read year on year only, as the language says it after the name
 * ("売上高は前年同期比8.5%増", "营收同比增长8.5%", "매출은 전년 동기 대비 8.5% 증가") or after its figure ("売上高は1,185億円、
 * 前年同期比8.5%増", "营收为2,580亿元，同比增长8.5%", "매출은 3조3,000억원으로 전년 동기 대비 8.5% 증가"), with its word of direction.
 */
const cjkJoins = (j: { level: string; change: string; levelThenChange: string; down: RegExp; changeDirection?: RegExp; toReference?: RegExp; thisPeriod: RegExp; measureBefore: string; periodThen: RegExp; plans: RegExp; basis: RegExp; sequential: RegExp; inverted?: Joins['inverted'] }): Joins => ({
  level: new RegExp(String.raw`^\s*(?:${j.level})\s*$`, 'u'),
  change: new RegExp(String.raw`^\s*(?:${j.change})\s*$`, 'u'),
  levelThenChange: new RegExp(String.raw`^\s*(?:${j.levelThenChange})\s*$`, 'u'),
  joinVerb: NEVER,
  measureBefore: new RegExp(String.raw`${CJK_START}(?:${j.measureBefore})?\s*$`, 'u'),
  datedEarlier: NEVER,
  periodLead: NEVER,
  down: j.down,
  periodThen: j.periodThen,
  namedOnly: true,
  thisPeriod: j.thisPeriod,
  ...(j.changeDirection === undefined ? {} : { changeDirection: j.changeDirection }),
  ...(j.toReference === undefined ? {} : { toReference: j.toReference }),
  plans: j.plans,
  basis: j.basis,
  sequential: j.sequential,
  ...(j.inverted === undefined ? {} : { inverted: j.inverted }),
});
/** A year-on-year basis as Japanese writes it before a change: 前年同期比, 前年同四半期比, 前年比, and "で" after it ("前年同期比で8.5%増加"). */
const JA_YOY = '(?:前年同期比|前年同四半期比|前年比)(?:\\s*で)?';
/** ...Chinese: 同比, 按年, 较上年同期; and its verbs of a change (group 1 where a join holds one). */
const ZH_YOY = '(?:同比|按年|(?:较|較|比)上年同期)';
const ZH_CHANGE_VERB = '(增长|增長|增加|上升|提升|上涨|上漲|下降|减少|減少|下滑|下跌)了?';
/** ...Korean: 전년 동기 대비, 전년 대비, 전년비. */
const KO_YOY = String.raw`(?:전년\s*(?:동기\s*)?대비|전년비)`;
/** An amount as each writes it, in the words between a measure's name and its change after the figure ("1,185億円", "3兆1,075億円", "2,580亿元", "3조3,000억원"). */
const JA_AMOUNT = String.raw`\d[\d,.]*\s*(?:兆\s*(?:\d[\d,.]*\s*)?)?(?:億|百万|千万|万)?\s*円`;
const ZH_AMOUNT = String.raw`(?:人民币|人民幣|港币|港幣)?\s*\d[\d,.]*\s*(?:万亿|萬億|亿|億|万|萬)?\s*(?:元|港元|美元)`;
const KO_AMOUNT = String.raw`\d[\d,.]*\s*(?:조\s*(?:\d[\d,.]*\s*)?)?(?:억|만)?\s*원`;
/** Words of another basis than the reported one in those languages: a segment breakdown, adjusted, constant currency, excluding, per share, cumulative. */
const CJK_BASIS = /セグメント別|事業別|地域別|分部|按业务|按業務|按地区|按地區|부문별|사업별|지역별|調整後|為替(?:一定|影響を除く)|恒常為替|除く|除いた|1株当たり|一株当たり|累計|非GAAP|non-GAAP|经调整|經調整|非公认会计准则|非公認會計準則|固定汇率|固定匯率|不变汇率|不變匯率|剔除|不含|不包括|每股|前三季度|年初至今|조정|제외|주당|누적|불변\s*환율/iu;
/** Changes on another basis than year on year: on the quarter or period before. */
const CJK_SEQUENTIAL = /前期比|前四半期比|环比|環比|전분기\s*대비|직전\s*분기/u;
const CJK_JOINS: Record<string, Joins> = {
  ja: cjkJoins({
    // "売上高は", "売上高が", "売上高で", "売上高：", "売上高は前年同期比15%増の".
    level: String.raw`(?:は|が|で)\s*[、,]?\s*(?:(?:前年同期比|前年比)\s*${CJK_PCT}\s*(?:の)?(?:増|減|増加|減少|増収|減収)(?:の|し\s*[、,]?|となる|となり\s*[、,]?)\s*)?|[:：]`,
    // "売上高は前年同期比8.5%増", "売上高は1,185億円となり、前年同期比8.5%増" (its word after the figure: changeDirection).
    change: String.raw`(?:は|が|で)\s*[、,]?\s*${JA_YOY}\s*`,
    levelThenChange: String.raw`(?:は|が|で)\s*[、,]?\s*${JA_AMOUNT}\s*(?:となり|と|で)?\s*[、,（(]?\s*${JA_YOY}\s*`,
    down: /減|低下/u,
    changeDirection: /^\s*(?:の\s*)?(増加|増収|増益|増|減少|減収|減益|減|上昇|低下)/u,
    // (typedChanges reads a change just before a reference, as JA_CHANGE_BEFORE writes it: "前年同期比15%増の[[sales]]".)
    toReference: /^\s?(?:増加|増|減少|減)(?:の|となる|となった|となり)\s*\[\[/u,
    // "当四半期", "当第2四半期", "当第2四半期連結会計期間", "当第2四半期（2025年7～9月）"; "当中間期"; "当期", "当連結会計年度". Not "当第2四半期
    // 連結累計期間" (the quarters so far), "当四半期末" (a day), "当期純利益" (a measure), "該当四半期".
    thisPeriod: /(?<!\p{Script=Han})(?:(?<quarter>当(?:第\s?(?<n>[1-4])\s?)?四半期(?!\s?(?:連結)?累計|末)(?:連結会計期間)?)|(?<half>当中間(?:連結会計期間|期)(?!末))|(?<year>当(?:連結会計年度|事業年度|期)(?!末|純|利益|損失|損益|間)))(?:\s?[（(][^（()）%％円]{1,24}[)）])?/gu,
    measureBefore: String.raw`(?:当社|同社)(?:グループ)?(?:の|は)?(?:連結)?|連結`,
    periodThen: /^\s*(?:の|における|[、,])?\s*(?:(?:当社|同社)(?:グループ)?の\s*)?(?:連結)?$/u,
    plans: CJK_PLANS.ja,
    basis: CJK_BASIS,
    sequential: CJK_SEQUENTIAL,
  }),
  zh: cjkJoins({
    // "营收为", "营业收入为", "收入达", "营收达到", "营收：", "营收同比增长20%至", and the currency's name after ("为人民币").
    level: String.raw`(?:[:：]|为|為|是|达到|達到|达|達|录得|錄得|(?:同比|按年)(?:增长|增長|增加|上升|下降|减少|減少|下滑)\s*${CJK_PCT}\s*(?:至|到|为|為|[，,]?\s*(?:达到|達到|达|達)))\s*(?:人民币|人民幣|港币|港幣)?`,
    // (The company only at the sentence's start or after punctuation: "子公司" is another's.)
    // "营收同比增长8.5%", "营收较上年同期下降3%", "营收为2,580亿元，同比增长8.5%".
    change: String.raw`[，,]?\s*${ZH_YOY}\s*[，,]?\s*${ZH_CHANGE_VERB}\s*`,
    levelThenChange: String.raw`(?:[:：]|为|為|是|达到|達到|达|達|录得|錄得)\s*${ZH_AMOUNT}\s*[，,]\s*${ZH_YOY}\s*${ZH_CHANGE_VERB}\s*`,
    down: /下降|减少|減少|下滑|下跌/u,
    // (typedChanges reads a change just before a reference, as CHANGE_BEFORE writes it: "同比增长20%至[[revenue]]".)
    toReference: /^\s*(?:至|到|达|達|为|為)\s*\[\[/u,
    // "本季度", "本季", "当季", "本报告期", "报告期内", "本期"; not "本期末" (a day), "基本", "成本", "相当" and the like.
    thisPeriod: /(?<!基|成|资|資|日|版|根|样|樣|文|剧|劇|原|账|賬|书|書|相|适|適|应|應|正|恰|担|擔|充|妥|每)(?:(?<quarter>(?:本|当|當)季度?)|(?<any>本(?:报告|報告)?期(?:内|內)?|(?:报告|報告)期(?:内|內)))(?!末|初)/gu,
    measureBefore: String.raw`(?:(?:本|该|該)?(?:公司|集团|集團)(?:的)?)?(?:实现|實現|录得|錄得)?`,
    periodThen: /^\s*(?:的|[，,])?\s*$/u,
    plans: CJK_PLANS.zh,
    basis: CJK_BASIS,
    sequential: CJK_SEQUENTIAL,
    // "实现营收315亿元": the verb before the name, the figure right after it.
    inverted: { level: /(?:实现|實現|录得|錄得)\s*$/u, levelAfter: /^\s*(?:人民币|人民幣|港币|港幣)?\s*$/u, change: NEVER, changeAfter: NEVER },
  }),
  ko: cjkJoins({
    // "매출은", "매출액은", "매출이 … 기록", "매출은 전년 동기 대비 15% 증가한".
    level: String.raw`(?:은|는|이|가)\s*(?:(?:전년\s*(?:동기\s*)?대비)\s*${CJK_PCT}\s*(?:증가|감소|성장)(?:한|하여|해)\s*)?|[:：]`,
    // "매출은 전년 동기 대비 8.5% 증가", "매출은 3조3,000억원으로 전년 동기 대비 8.5% 증가" (its word after the figure).
    change: String.raw`(?:은|는|이|가)\s*${KO_YOY}\s*`,
    levelThenChange: String.raw`(?:은|는|이|가)\s*${KO_AMOUNT}\s*(?:으로|이며|이고|을\s*기록하며|을\s*기록해)?\s*,?\s*${KO_YOY}\s*`,
    down: /감소|하락|줄/u,
    changeDirection: /^\s*(증가|성장|상승|늘어|늘었|감소|하락|줄어|줄었)/u,
    // "이번 분기", "당분기", "금분기"; not "해당 분기", "당분기말" (a day).
    thisPeriod: /(?<!\p{L})(?<quarter>(?:이번|금|당)\s?분기)(?!\s?말)/gu,
    measureBefore: String.raw`(?:(?:당사|동사|회사)(?:의|는)?\s+)?(?:연결\s*)?`,
    periodThen: /^\s*(?:의|[,])?\s*$/u,
    plans: CJK_PLANS.ko,
    basis: CJK_BASIS,
    sequential: CJK_SEQUENTIAL,
  }),
};

/**
 * The briefing's period as words of the current one name it (Joins.thisPeriod): its key, where briefing.period names one
 * period, and its quarter's number as its words give it ("2026年3月期 第2四半期", "2025年第三季度", "2025년 3분기", "Q2 FY3/26": 2),
 * which "当第2四半期" must be.
 */
function briefingPeriodOf(period: string | undefined): { key: string; quarter?: number; half?: number } | undefined {
  const named = namedPeriods(period ?? '').filter((p) => !p.compared);
  if (named.length === 0 || new Set(named.map((p) => p.key)).size > 1) return undefined;
  const number = /第\s?([1-4一二三四])\s?(?:四半期|季)|([1-4一二三四])\s?季度|(?<![\p{L}\d])(?:제\s?)?([1-4])\s?(?:\/\s?4\s?)?분기|(?<![\p{L}\d])Q\s?([1-4])(?!\d)|(?<![\d.])([1-4])\s?Q(?!\p{L})|\b(first|second|third|fourth)\s+quarter\b/iu.exec((period ?? '').normalize('NFKC'));
  const digit = number?.slice(1).find((g) => g !== undefined);
  const quarter = digit === undefined ? undefined : '1一first'.includes(digit.toLowerCase()) ? 1 : '2二second'.includes(digit.toLowerCase()) ? 2 : '3三third'.includes(digit.toLowerCase()) ? 3 : 4;
  // (A half's number is its key's: h1-2025, fh2-fy2026.)
  const half = /^f?h([12])-/.exec(named[0]!.key)?.[1];
  return { key: named[0]!.key, ...(quarter === undefined ? {} : { quarter }), ...(half === undefined ? {} : { half: Number(half) }) };
}

/**
 * A word of the year before, just before a word of the current period (Joins.thisPeriod), in Chinese, Japanese or Korean:
 * "去年当季", "上年本季度", "上一年度的本季度", "前年の当四半期", "前期の当四半期", "작년 이번 분기", "지난해 당분기", "전년 당분기".
 */
const YEAR_BEFORE = /(?:去年|上(?:一)?年度?|前一年|前年度?|昨年度?|前期|前(?:連結会計|事業)年度|작년|지난\s?해|전년도?)\s*(?:的|の|의)?\s*$/u;

/** The kinds of period key (periodKeyKind) each group of Joins.thisPeriod names: a quarter's, a half's, a year's. */
const THIS_PERIOD_KINDS: Record<string, readonly string[]> = { quarter: ['q', 'fq', 'qm', 'fqe'], half: ['h', 'fh', 'fhe'], year: ['fy', 'fye'] };

/**
 * The periods `sentence` names as the current one (Joins.thisPeriod: "当四半期", "当第2四半期", "本季度", "이번 분기"), each read
 * as the briefing's period (`briefing`: briefingPeriodOf) where it is of their kind: a quarter's words in a briefing for a
 * quarter (its number too, where they give one: "当第2四半期" is "2026年3月期 第2四半期", not "2026年3月期 第3四半期"), a half's
 * for a half, a year's for a year, "本期" and "报告期内" for any. Placed, and quoted, as written; none where the briefing
 * names no one period. After a word of the year before (YEAR_BEFORE: "去年当季"), another period, whatever the briefing's.
 */
function thisPeriods(sentence: string, lang: Joins, briefing: { key: string; quarter?: number; half?: number } | undefined): NamedPeriod[] {
  if (lang.thisPeriod === undefined) return [];
  const kind = briefing === undefined ? undefined : periodKeyKind(briefing.key);
  return [...sentence.matchAll(lang.thisPeriod)].flatMap((m) => {
    // After a word of the year before ("去年当季", "前年の当四半期", "작년 이번 분기"), the same period a year (or two) before:
    // another, compared with none of the measure's figures, as the nearest period of the figure beside it.
    // (Read in the few characters before it: in linear time.)
    const from = Math.max(0, m.index - 12);
    const before = YEAR_BEFORE.exec(sentence.slice(from, m.index));
    if (before !== null) return [{ key: `${briefing?.key ?? ''}~year-before`, text: sentence.slice(from + before.index, m.index + m[0].length).trim(), at: from + before.index, end: m.index + m[0].length, compared: false }];
    if (briefing === undefined || kind === undefined) return [];
    const [group] = Object.entries(m.groups ?? {}).filter(([g, v]) => g !== 'n' && v !== undefined).map(([g]) => g);
    // (A half's words in a briefing for the second quarter or for the year: its first half, interimOf.)
    const key = group === 'half' && !THIS_PERIOD_KINDS.half!.includes(kind) ? interimOf(briefing) : briefing.key;
    if (group === undefined || key === undefined || (group !== 'any' && key === briefing.key && !THIS_PERIOD_KINDS[group]!.includes(kind))) return [];
    // (Its number, where it gives one, the period's: "in the second half" is no H1's.)
    const n = m.groups!.n === undefined ? undefined : ({ first: 1, second: 2 } as Record<string, number>)[m.groups!.n.toLowerCase()] ?? Number(m.groups!.n);
    if (n !== undefined && (group === 'half' ? (key === briefing.key ? briefing.half : 1) : briefing.quarter) !== n) return [];
    return [{ key, text: m[0].trim(), at: m.index, end: m.index + m[0].length, compared: false }];
  });
}

/**
 * The half a briefing for another period names as the current one ("当中間期", the interim period, as a Japanese 決算短信
 * names the first half): in a briefing for a fiscal year's second quarter, the half ended on its last day ("2026年3月期
 * 第2四半期": he:2025-09-30, the key of a half_year figure ending that day, "2026年3月期 第2四半期累計"), or its fiscal
 * year's first ("Q2 FY26": fh1-fy2026); in a briefing for a fiscal year, its first half ("2026年3月期": fh1-fye2026). None in
 * a briefing for another quarter, or one whose number its words do not give.
 */
function interimOf(briefing: { key: string; quarter?: number }): string | undefined {
  const { key, quarter } = briefing;
  const kind = periodKeyKind(key);
  if (kind === 'q') return quarter === 2 ? `he:${key.slice(2)}` : undefined;
  if (kind === 'fq' || kind === 'fqe') return /^fq2-/.test(key) ? key.replace(/^fq2-/, 'fh1-') : undefined;
  return kind === 'fy' || kind === 'fye' ? `fh1-${key}` : undefined;
}

/** The joins of `language` (briefing.language: its primary subtag, "pt-BR" Portuguese's): English's where not one of those. */
function joinsOf(language: string | undefined): Joins {
  const code = languageCode(language);
  return OTHER_JOINS[code] ?? CJK_JOINS[code] ?? ENGLISH_JOINS;
}

/** Whether text in `language` is read in words of its own, not English's (joinsOf): its free tables' cells must then not be read as English sentences (canvas/table-cells.ts readsTableCells says the same, for the data notes). */
export function readsInOwnWords(language: string | undefined): boolean {
  return joinsOf(language) !== ENGLISH_JOINS;
}

/**
 * Where the words before a typed figure end with a measure's name joined to it (`join`): the longest of `names` there
 * (so that "Intelligent Cloud revenue" is read before "Revenue"), the words between them, and whether it stands as the
 * measure itself ("Cloud revenue" is no Revenue; "Q1 FY26 revenue", "Third-quarter revenue", "Microsoft's revenue" are,
 * and so, after `reporter`, the company and its verb of reporting, is "Vantora delivered revenue of": `lead`, the length
 * of those words). A period may stand between them ("revenue in Q1 FY26 was"), but nothing else: "revenue in China was"
 * names another measure. In Chinese, Japanese or Korean text, a name may also be one of the usual words for its measure
 * (`usual`, by name: "売上収益" for Revenue), whose `length` as written is then given. After `raiser`, the company opening
 * the sentence with a verb that changes the measure (Joins.reporting's `raised`: "Rheinwerk steigerte den Umsatz"), the
 * name is joined to its new level or its change as that verb joins it ("um 5 % auf", "um").
 */
function measureBefore(before: string, names: string[], kind: 'level' | 'change' | 'levelThenChange' | 'count' | 'loss', lang: Joins = ENGLISH_JOINS, reporter = NEVER, usual?: ReadonlyMap<string, RegExp>, raiser = NEVER): { name: string; at: number; length?: number; joined: RegExpExecArray; down?: boolean; lead?: number; fronted?: boolean } | undefined {
  const join = kind === 'count' ? COUNT_JOIN : kind === 'loss' ? LOSS_JOIN : lang[kind];
  // In another language than English, a label's apostrophe is the text's too ("Chiffre d'affaires", "chiffre d’affaires"): one for one.
  const lower = lang === ENGLISH_JOINS ? before.toLowerCase() : before.toLowerCase().replace(/’/g, "'");
  for (const name of names) {
    // In English, a name that says no measure of its own names a part of the company (the words around it, below).
    const part = lang === ENGLISH_JOINS && kind !== 'count' && !NAMES_A_MEASURE.test(name);
    for (const { at, length } of namesAt(lower, name, usual?.get(name))) {
      // A label of three capitals (SHORT_LABEL) only as written, in capitals, and not the end of a longer word ("REPS", "steps").
      // (Not one in Chinese, Japanese or Korean letters: "売上高", "营收" are no abbreviations.)
      if (name.length < 4 && !CJK_NAME.test(name) && (before.slice(at, at + name.length) !== name.toUpperCase() || /\p{L}$/u.test(before.slice(0, at)))) continue;
      // (Only the few words before it are read: a word, a period, a comma.)
      const preceding = before.slice(Math.max(0, at - 40), at);
      // The name as written, or its plural ("Revenues were", as 10-Qs and Indian releases write it).
      // In English, after the name of a part of the company, what it is ("the Asia cross-border segment was") and, where
      // the name says no measure of its own, its revenue ("Asia cross-border revenue reached"): as much its figure as the
      // name alone ("Asia cross-border reached"). Not another measure ("Asia cross-border EBITDA was") or a count.
      const written = before.slice(at + length).replace(/^s(?!\p{L})/u, '');
      const said = lang === ENGLISH_JOINS && kind !== 'count' ? written.replace(part ? PART_OR_REVENUE_NOUN : PART_NOUN, '') : written;
      // Who said it, set off by commas, read past ("Revenue, the CFO said, was"): not words of another basis or time.
      const aside = lang.aside?.exec(said);
      const rest = aside && !(lang.basis ?? LEVEL_BASIS).test(aside[0]) && !ASIDE_TIME.test(aside[0]) ? ` ${said.slice(aside[0].length)}` : said;
      // A verb and an article before the name, its figure after it (German after a period: "betrugen die Umsatzerlöse").
      const inverted = lang.inverted === undefined || kind === 'levelThenChange' || kind === 'count' ? null : (kind === 'level' ? lang.inverted.level : lang.inverted.change).exec(preceding);
      const invertedJoin = inverted === null ? null : (kind === 'level' ? lang.inverted!.levelAfter : lang.inverted!.changeAfter).exec(rest);
      const joined = invertedJoin ?? joinAfter(rest, join, lang) ?? (lang === ENGLISH_JOINS ? undefined : joinPastPeriod(rest, join, lang));
      if (joined === undefined) {
        const raised = kind === 'level' || kind === 'change' ? raisedBy(before.slice(0, at), rest, kind, lang, raiser) : undefined;
        if (raised !== undefined && !lang.notBefore?.test(preceding)) return { name, at, ...(length === name.length ? {} : { length }), ...raised };
        continue;
      }
      if (lang.notBefore?.test(preceding)) return undefined;
      // (In English, a part of the company named alone may follow its revenue: "Revenue from Asia cross-border was".)
      const revenueOfPart = part && REVENUE_OF.test(preceding);
      const leads = revenueOfPart ? 0 : leadsName(preceding, lang, reporter, !OBJECT_JOIN.test(joined[0]), at <= OPENING ? before.slice(0, at) : undefined);
      if (leads === undefined) return undefined;
      const { lead, fronted } = typeof leads === 'number' ? { lead: leads, fronted: false } : leads;
      // A year or quarter before the one the sentence names: "...; a year earlier, revenue was $65.6 billion".
      if (lang.datedEarlier.test(preceding)) return undefined;
      const asWritten = length === name.length ? {} : { length };
      if (invertedJoin !== null) return { name, at, ...asWritten, joined: invertedJoin, down: kind === 'change' && lang.down.test(inverted![1] ?? '') };
      // A segment's name ending in "Group" or "Company" ("Cloud Intelligence Group revenue") is another measure; the
      // group's own is "Group revenue", "the Group's revenue".
      const owner = /(\S+)\s+(?:group|company)\s*$/i.exec(preceding);
      if (owner !== null && /^\p{Lu}\p{Ll}/u.test(owner[1]!) && !/^(?:the|its|our|their|total|and|in|for)$/i.test(owner[1]!)) return undefined;
      // One of several measures named together, their figures listed after them ("revenue and net income grew 18% and
      // 12%"): the figure after the verb is the first one's, not this one's. Not a clause of its own ("revenue was
      // $77.7 billion and net income was").
      const and = lang === ENGLISH_JOINS ? /\b(?:and|&)\s*$/i.exec(before.slice(0, at)) : null;
      if (and !== null && !JOINING_VERB.test(before.slice(0, and.index).split(/[;:(]/).at(-1)!)) return undefined;
      return { name, at, ...asWritten, joined, ...(lead > 0 ? { lead } : {}), ...(fronted ? { fronted } : {}) };
    }
  }
  return undefined;
}

/**
 * Where `name` is written in `lower` (the words before a figure, in lower case), the last first: the name itself, and in
 * Chinese, Japanese or Korean text the usual words for its measure (`usual`, global: MEASURE_WORDS's, "売上高", "营收", "매출"
 * for Revenue), each as long as it is written there.
 */
function namesAt(lower: string, name: string, usual: RegExp | undefined): Array<{ at: number; length: number }> {
  const found: Array<{ at: number; length: number }> = [];
  for (let at = lower.lastIndexOf(name); at >= 0; at = at === 0 ? -1 : lower.lastIndexOf(name, at - 1)) found.push({ at, length: name.length });
  if (usual === undefined) return found;
  const words = [...lower.matchAll(usual)].map((m) => ({ at: m.index, length: m[0].length }));
  return [...found, ...words.filter((w) => !found.some((f) => f.at === w.at))].sort((a, b) => b.at - a.at);
}

/**
 * Whether the words just before a measure's name (`preceding`) leave it the measure itself: nothing but an article, a
 * possessive, a conjunction or a period (MEASURE_BEFORE; "In Q1 FY26, revenue", "Q1 FY26 revenue", "the Group's revenue"),
 * in English a quarter by its number before it ("Third-quarter revenue", "the first-quarter revenue"), or the company and
 * its verb of reporting (`reporter`: "Vantora delivered revenue", "The company reported revenue"), or, where a `clause`
 * follows the name (its figure joined by a verb, not "of"), who said it (Joins.attributed: "The CFO said revenue",
 * "Analysts said that revenue"). Undefined where not ("Cloud revenue", "Cloud delivered revenue", "The CFO said cloud
 * revenue"); else the length of the reporting words (0 for none).
 */
function leadsName(preceding: string, lang: Joins, reporter: RegExp, clause: boolean, opening?: string): number | { lead: number; fronted: boolean } | undefined {
  const quarter = lang === ENGLISH_JOINS ? QUARTER_BEFORE.exec(preceding) : null;
  const words = quarter === null ? preceding : preceding.slice(0, quarter.index);
  // In another language, the company reporting it opens the sentence (Joins.reporting), the period it names between the
  // words read as none ("Rheinwerk erzielte im dritten Quartal 2025 einen"): read where the sentence starts, OPENING at most.
  const opened = lang.reporting === undefined || opening === undefined ? null : reporter.exec(butPeriods(opening));
  if (opened !== null) return { lead: opening!.length, fronted: opened.groups?.fronted !== undefined };
  const reported = lang.reporting === undefined ? reporter.exec(words) : null;
  if (reported !== null) return preceding.length - reported.index;
  // (A period, or words that name the current one: "当四半期の売上高", "本季度营收", "이번 분기 매출".)
  const periodEnds = [...namedPeriods(words).map((p) => p.end), ...(lang.thisPeriod === undefined ? [] : [...words.matchAll(lang.thisPeriod)].map((m) => m.index + m[0].length))];
  if (lang.measureBefore.test(words) || periodEnds.some((end) => (lang.periodThen ?? /^\s*$/).test(words.slice(end)))) return 0;
  const attributed = clause ? lang.attributed?.exec(words) : undefined;
  return attributed && !NOT_A_SPEAKER.test(attributed[1]!) ? preceding.length - attributed.index : undefined;
}
/**
 * The company opening the sentence with a verb that changes the measure (`raiser`: openingReporter of Joins.reporting's
 * `raised` verbs) just before its name (`opening`, all the words before it), and the name joined to the figure as that verb
 * joins it (`rest`, the words after the name, its period blanked): "Rheinwerk steigerte den Umsatz im 3. Quartal 2025 um
 * 5 % auf" (`level`), "Rheinwerk senkte die Kosten um" (`change`, downwards). The company's words are its `lead`.
 */
function raisedBy(opening: string, rest: string, kind: 'level' | 'change', lang: Joins, raiser: RegExp): { joined: RegExpExecArray; lead: number; down: boolean } | undefined {
  const raised = lang.reporting?.raised ?? (lang === ENGLISH_JOINS ? ENGLISH_RAISED : undefined);
  if (raised === undefined || opening.length > OPENING || !raiser.test(butPeriods(opening))) return undefined;
  const joined = raised[kind].exec(butPeriods(rest));
  return joined === null ? undefined : { joined, lead: opening.length, down: kind === 'change' && raised.down.test(opening) };
}
/** `words` with the periods they name blanked (withoutPeriods), but those they compare with ("gegenüber dem 3. Quartal 2024"). */
function butPeriods(words: string): string {
  return withoutPeriods(words, namedPeriods(words).filter((p) => !p.compared));
}
/** A join that makes the name an object, not a clause's subject: "of", "at", a colon, a bracket ("The deal added revenue of"). */
const OBJECT_JOIN = /^\s*,?\s*(?:of|at|:|\()/i;
/** How far into its sentence a measure's name is read after the company reporting it, in another language (Joins.reporting). */
const OPENING = 160;

/**
 * The company reporting its figure at the start of a sentence, as `r` writes it (Joins.reporting), up to the measure's
 * name: "Rheinwerk erzielte einen ", "Im 3. Quartal 2025 erzielte Rheinwerk einen ", the period blanked (withoutPeriods);
 * or an article alone, the company and its verb then read after the figure (`fronted`: reportedAfter).
 */
function openingReporter(r: NonNullable<Joins['reporting']>, company: string[]): RegExp {
  const subject = String.raw`(?:(?:${r.subjectArticle})\s+)?(?:${[...company, r.subjects].join('|')})\s+(?:(?:${r.also})\s+)?`;
  const lead = String.raw`(?:(?:${r.lead})\s+)?`;
  const article = `(?:${r.article})?`;
  return new RegExp(String.raw`^\s*(?:(?:(?:${r.lead})\s+,?\s*)?${subject}(?:${r.verbs})\s+(?:(?:${r.also})\s+)?${lead}${article}|${lead}(?:${r.verbs})\s+${subject}${lead}${article}|(?<fronted>${r.fronted})\s+)$`, 'iu');
}

/** The company and its verb just after a figure a fronted article leads (openingReporter), and nothing after them but the period: "... erzielte Rheinwerk im 3. Quartal 2025." */
function reportedAfter(r: NonNullable<Joins['reporting']>, company: string[]): RegExp {
  return new RegExp(String.raw`^\s+(?:${r.verbs})\s+(?:(?:${r.subjectArticle})\s+)?(?:${[...company, r.subjects].join('|')})(?:\s+(?:${r.lead}))?\s*(?:[.;,!?]|$)`, 'iu');
}
/**
 * Words of another time, or of a figure other than the one reported, in an aside ("Revenue, a year earlier the CFO said,
 * was"; "Revenue, according to consensus estimates, was"; "Der Umsatz, laut vorläufigen Zahlen, betrug"), which is then
 * not read past.
 */
const ASIDE_TIME = /\b(?:earlier|ago|before|previous(?:ly)?|prior|last|originally|initially|preliminary|estimates?|estimated|consensus|forecasts?|guidance|expect(?:ed|ations?)|restate(?:d|ment))\b|\b(?:zuvor|davor|vorjahr\p{L}*|ursprünglich|vorläufig\p{L}*|schätzung\p{L}*|geschätzt\p{L}*|prognose\p{L}*|konsens\p{L}*|erwart\p{L}*)/iu;

/**
 * Words just after a figure a company reported (measureBefore's `lead`: "Vantora recorded revenue of $45 million") that
 * say what it came from or was for, other than a period (periodAfter: "in Q1 FY26", "for the quarter"): "from the licence
 * deal", "on the contract", "for the new product", "related to the acquisition". The figure is then a part of the measure.
 * (`after`: the first PERIOD_WORDS characters, as many as a period's words take.)
 */
function partReported(after: string, lang: Joins = ENGLISH_JOINS): boolean {
  const r = lang.reporting;
  if (r === undefined) return REPORTED_FOR.test(after) && periodAfter(after) === undefined;
  // (In another language: its prepositions, and its period after one of them, as namedPeriods reads it: "im 3. Quartal 2025".)
  const word = r.partAfter.exec(after);
  if (word === null || r.ownPeriod.test(after)) return false;
  const then = after.slice(word[0].length);
  return !namedPeriods(then).some((p) => !p.compared && /^\s*(?:\p{L}{1,4}\s+)?$/u.test(then.slice(0, p.at)));
}
const REPORTED_FOR = /^\s+(?:from|through|via|on|for|in|at|under|across|within|(?:related|attributable|tied|linked) to|associated with)\s/i;

/** A quarter named by its number just before a measure's name, as an adjective: "Third-quarter revenue", "first quarter revenue". */
const QUARTER_BEFORE = /(?<!\p{L})(?:first|second|third|fourth)[- ]quarter\s+$/iu;
/** The company as English names it at the head of a clause: its names (escaped), "the company", "the group", "we"; as alternatives of a regular expression. */
function englishSubjects(company: readonly string[]): string {
  return [...company, 'the company', 'the group', 'we'].join('|');
}
/** The verbs a company reports its figures with, read before a measure's name: "Vantora delivered revenue of $1.19 billion". */
const REPORTING_VERBS = 'delivered|reported|posted|generated|recorded|achieved|booked';
/** English's words of a change, or their absence, between "in", "for" or "during" and what follows (ENGLISH_RAISED). */
const EN_PERIOD_LEAD = String.raw`(?:(?:in|for|during)\s+(?:the\s+)?(?:quarter\s+)?)?`;
/**
 * English's company changing its measure, as Joins.reporting's `raised` reads it in the other languages: the past-tense
 * verbs (`verbs`, opening the sentence after the company: englishRaiser), what joins the name to its new level (`level`:
 * "Corvell grew revenue to", "by 12% to", "12% year over year to", "in Q3 2025 to", the period blanked) or to its change
 * (`change`: "Corvell increased revenue by 12%", "grew revenue 12%"), and the verbs of a change downwards just before the
 * name ("reduced", "lowered", "cut": `down`).
 */
const ENGLISH_RAISED = {
  verbs: 'grew|increased|raised|lifted|boosted|reduced|lowered|cut',
  level: new RegExp(String.raw`^\s*${EN_PERIOD_LEAD}(?:,\s*)?(?:(?:by\s+)?\d+(?:\.\d+)?\s?%\s*)?(?:(?:year[- ]on[- ]year|year[- ]over[- ]year|yoy|y\/y)\s+)?${EN_PERIOD_LEAD}to\s*$`, 'i'),
  change: new RegExp(String.raw`^\s*${EN_PERIOD_LEAD}(?:by\s*)?$`, 'i'),
  down: /(?<!\p{L})(?:reduced|lowered|cut)\s+(?:(?:its|our)\s+)?(?:(?:total|group|consolidated)\s+)?$/iu,
};
/**
 * The company (`company`: its names, escaped; "the company", "the group", "we") opening the sentence, a period before it at
 * most (blanked: "In Q3 2025, "), and its past-tense verb of change (ENGLISH_RAISED) just before the measure's name, "its"
 * or "total" between: "Corvell grew ", "In Q3 2025, we increased ", "Corvell grew its total ". Not a part ("Corvell's Cloud
 * Platform unit grew", "In Europe, Corvell grew"), nor a plan ("Corvell expects to grow", "will grow").
 */
function englishRaiser(company: string[]): RegExp {
  return new RegExp(String.raw`^\s*(?:(?:in|for|during)\s+(?:the\s+)?(?:(?:first|second|third|fourth)\s+)?(?:quarter\s*)?,?\s*)?(?:${englishSubjects(company)})\s+(?:also\s+)?(?:${ENGLISH_RAISED.verbs})\s+(?:(?:its|our)\s+)?(?:(?:total|group|consolidated)\s+)?$`, 'iu');
}

/**
 * `join` read in the words after a measure's name (`rest`), past a period put between them ("revenue in Q1 FY26 was",
 * "revenue for the first quarter of fiscal 2026 was"): the period is all the words up to one of the verbs that may join
 * the figure, tried at each (a period's own words may be one: "of"). Undefined where no join follows, or the words
 * between are more than a period ("revenue in China was").
 */
function joinAfter(rest: string, join: RegExp, lang: Joins): RegExpExecArray | undefined {
  const lead = lang.periodLead.exec(rest);
  if (lead === null) return join.exec(rest) ?? undefined;
  const words = rest.slice(lead[0].length);
  for (const verb of words.matchAll(new RegExp(lang.joinVerb.source, lang === ENGLISH_JOINS ? 'gi' : 'giu'))) {
    const between = words.slice(0, verb.index);
    // (Its article too: "the first quarter", "das 3. Quartal", "le T3 2025", "o 3T25".)
    const article = lang === ENGLISH_JOINS ? /^the\s+/i : /^(?:(?:der|die|das|le|la|o|a|el|il|lo|het|de)\s+|l['’])/i;
    if (between.trim() === '' || !namedPeriods(between).some((p) => p.text.length >= between.replace(article, '').trim().length)) continue;
    const joined = join.exec(words.slice(verb.index));
    if (joined !== null) return joined;
  }
  // No period between them: the words may be a join themselves that starts as a period's lead does (German "in Höhe von",
  // Dutch "van": "Omzet van € 8,23 miljard"). English's joins start with none of its leads.
  return join.exec(rest) ?? undefined;
}

/**
 * `join` read in the words after a measure's name past a period put after its verb, as German, French and Portuguese put
 * it: "die Umsatzerlöse betrugen im 3. Quartal 2025", "stiegen im 3. Quartal 2025 um". The period, its preposition and a
 * comma after it are taken out, and the rest read as `join` reads it (joinAfter reads a period before the verb).
 */
function joinPastPeriod(rest: string, join: RegExp, lang: Joins): RegExpExecArray | undefined {
  for (const p of namedPeriods(rest)) {
    const lead = /\s+(?:(?:im|in|für|au|en|pour|sur|no|na|em|durante|el|nel|nello|al|in\s+het|over\s+het|over|tijdens\s+het)\s+|nell['’])$/i.exec(rest.slice(0, p.at));
    if (lead === null || !lang.joinVerb.test(rest.slice(0, lead.index))) continue;
    const joined = join.exec(`${rest.slice(0, lead.index)} ${rest.slice(p.end).replace(/^\s*,/, '')}`);
    if (joined !== null) return joined;
  }
  return undefined;
}

/**
 * Of `days` (namedDays: in order), the nearest to the figure at `own` for which `dates` holds, the one before it where two
 * are as near: tried nearest first, outwards, none ending before `clause.from` or starting after `clause.to`, so that a
 * sentence of thousands of figures and days tries a few for each.
 */
function nearestDay(days: readonly NamedPeriod[], own: { at: number; end: number }, clause: { from: number; to: number }, dates: (d: NamedPeriod) => boolean): NamedPeriod | undefined {
  let after = firstWhere(days, (d) => d.end > own.at);
  let before = after - 1;
  while ((before >= 0 && days[before]!.end > clause.from) || (after < days.length && days[after]!.at <= clause.to)) {
    const back = before >= 0 && days[before]!.end > clause.from ? own.at - days[before]!.end : Infinity;
    const ahead = after < days.length && days[after]!.at <= clause.to ? days[after]!.at - own.end : Infinity;
    const d = back <= ahead ? days[before--]! : days[after++]!;
    if (dates(d)) return d;
  }
  return undefined;
}

/**
 * The period a sentence (`named`: the periods it names) gives a figure typed at `at` in it: the one nearest to it (not one
 * it compares with), the first of those as near. (One pass, no sort: each figure of a sentence of thousands asks.)
 */
function periodNearest(named: readonly NamedPeriod[], at: number): NamedPeriod | undefined {
  let nearest: NamedPeriod | undefined;
  let least = Infinity;
  for (const p of named) {
    const distance = Math.min(Math.abs(p.at - at), Math.abs(p.end - at));
    if (!p.compared && distance < least) [nearest, least] = [p, distance];
  }
  return nearest;
}

/** A word of a label that names what is measured (revenue, margin, EBITDA, employees...): a label without one names a part of the company. */
const NAMES_A_MEASURE = /(?<!\p{L})(?:revenues?|sales|turnover|income|profits?|loss(?:es)?|ebitda|ebita|ebit|ebt|margins?|earnings|eps|dps|costs?|expenses?|capex|spend(?:ing)?|cash|debt|volumes?|orders|bookings|gmv|arr|dividends?|assets|equity|liabilit(?:y|ies)|users|customers|subscribers|employees|headcount|prices?|rates?|ratio|growth|shares?|backlog|output|production|capacity|deliveries|shipments|units|investments?|tax|payments?|value|gross|net)(?!\p{L})/iu;
/**
 * A clause after a figure that a conjunction opens on another measure, a few words before its name: ", with organic
 * growth of", "while EBITDA rose", "and net profit was" (NAMES_A_MEASURE). Its words (its "organic") are not the figure's.
 * (Read from a comma or a run of blanks' first, so that a long run is read once.)
 */
const ANOTHER_MEASURES_CLAUSE = new RegExp(String.raw`(?:,|(?<![\s,])\s)\s*(?:with|while|whereas|and)\s+(?:[\p{L}-]+\s+){0,3}?${NAMES_A_MEASURE.source}`, 'iu');

/** What a part of the company is, after its name: "segment", "division", "business", "unit" ("the Asia cross-border segment was"). */
const PART = String.raw`\s+(?:segment|division|business|unit)(?:['’]s)?`;
/** A part's revenue, however it is written. */
const REVENUE = '(?:revenues?|sales|turnover)';
const PART_NOUN = new RegExp(String.raw`^${PART}(?=[\s,:(])`, 'i');
/** The same, or its revenue, or both ("Asia cross-border segment revenue reached"), after a name that says no measure. */
const PART_OR_REVENUE_NOUN = new RegExp(String.raw`^(?:${PART})?\s+${REVENUE}(?=[\s,:(])|${PART_NOUN.source}`, 'i');

/** Revenue said before the name of a part of the company it comes from: "Revenue from", "sales in", "turnover of the". */
const REVENUE_OF = new RegExp(String.raw`(?:^|[,;:(]|\b(?:the|its|our|their|and|while|whereas|with|as|where|when|total|group|consolidated|segment))\s*${REVENUE}\s+(?:from|in|of|at)\s+(?:the\s+)?$`, 'i');

/** A label short enough to be read only in capitals, as written: an abbreviation of three letters ("EPS", "DPS", "ARR", "GMV"). */
const SHORT_LABEL = /^\p{Lu}{3}$/u;

/**
 * The most characters of a sentence read whole about each figure in it (typedMismatches' readAbout): a sentence of prose
 * is a tenth as long, and one of thousands of figures strung together was read whole for each, in n squared.
 */
const LONG_SENTENCE = 4_000;

/** How far before a typed figure its measure's name is looked for: a long label, a period and "rose 12% year on year to". */
const NAME_WINDOW = 240;

/**
 * A figure typed just after the name of a metric's measure (its label), in a sentence that names the metric's period,
 * that is not the metric's figure even rounded as typed or as the metric is written: "Intelligent Cloud revenue was
 * $31.9 billion in Q1 FY26" where the Q1 FY26 figure is US$30.9 billion; "operating margin was 45.2%" beside 46.0%;
 * "Azure revenue grew 35%" where Azure revenue growth is 40%, or where revenue's stated change is +40% YoY; in English, a
 * count of a measure in a unit of its own ("Ocean volume was 229.1 thousand TEUs", "Harborline had 18,270 employees").
 * In English, a loss, where the figure is one, with its sign: "The net loss narrowed to $45 million", "Net income (loss) was a
 * loss of $45 million" as -45 (lossBefore); "Net income was $54 million" as +54, no figure of a loss of 54 (signedLoss).
 * The text and
 * the figure disagree, and the briefing would print both. Only where the words tie the figure to the measure and the
 * period: a sentence speaking of plans or earlier statements, or a name with another word before it
 * ("Cloud revenue" is no Revenue; who said it is none: "The CFO said revenue was", "Revenue, the CFO said, was") is left alone, as is a figure that is some figure of the measure, any period's, or an
 * amount that is any metric's (typed-figure's). Read in English, or in the canvas's language where it is German, French,
 * Portuguese, Spanish, Italian or Dutch (joinsOf): "Im 3. Quartal 2025 betrugen die Umsatzerlöse 9,18 Mrd. €", "No 3T25, a
 * receita líquida foi de", "Nel 3° trimestre 2025 i ricavi sono stati pari a", "In K3 2025 bedroeg de omzet"; or Japanese, Chinese
 * or Korean, in a sentence naming a period (CJK_JOINS): "2026年3月期 第2四半期の売上高は", "2025年第三季度营收为", "3Q25 매출은", or the
 * current one, read as the briefing's (thisPeriods: "当四半期の売上高は", "本季度营收为"), and a change there year on year
 * ("売上高は前年同期比8.5%増", "营收同比增长8.5%", "매출은 전년 동기 대비 8.5% 증가"). A sentence that
 * names no period ("Revenue was €9,176 million.") is read as the briefing's current one, and its figure compared with the
 * measure's latest up to briefing.as_of, when it is none of the measure's figures and nothing in or around the sentence
 * speaks of another time, basis or scope (current-period.ts).
 */
export function typedMismatches(canvas: CanvasInput, index: MetricIndex, fiscalShift: number | undefined): Finding[] {
  const language = canvas.briefing?.language;
  const figure = (q: FigureQuantity) => figureWords(q, language); // as [[id]] prints it (typedFigures)
  // Each measure by its label, with its figures (a series' values; metrics of one label); a rate of growth also by the
  // measure whose growth it is.
  const byLabel = new Map<string, string[]>();
  // Numbers in text read as the briefing's language writes them (typedFigures).
  const notation = notationOf(canvas.briefing?.language);
  // ...and its words: what joins a measure's name to its figure, in German, French, Portuguese, Spanish, Italian, Dutch,
  // Japanese, Chinese or Korean as in English.
  const lang = joinsOf(canvas.briefing?.language);
  const english = lang === ENGLISH_JOINS;
  // The period words of the current one name there ("当四半期", "本季度", "이번 분기": thisPeriods).
  const briefingPeriod = lang.thisPeriod === undefined ? undefined : briefingPeriodOf(canvas.briefing?.period);
  const levelBasis = english ? LEVEL_BASIS : new RegExp([LEVEL_BASIS, lang.basis, lang.earlier].filter((r) => r !== undefined).map((r) => r.source).join('|'), 'iu');
  const changeBasis = english ? CHANGE_BASIS : new RegExp([CHANGE_BASIS, lang.basis, lang.sequential].filter((r) => r !== undefined).map((r) => r.source).join('|'), 'iu');
  const growthOf = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) => map.set(key, [...(map.get(key) ?? []), id]);
  for (const [id, m] of Object.entries(index.metrics)) {
    if (m.value === undefined || m.unit === undefined || isLookingAhead(m) || m.qualifier !== undefined) continue;
    const label = normalWords(m.label);
    // A label of three letters is read where it is an abbreviation in capitals ("EPS", "DPS", "ARR"), which measureBefore
    // finds only as the text writes it so, a word of its own: shorter ones, or "Tax", would be found in other words.
    // (In a Chinese, Japanese or Korean canvas, a label of two such letters or more is a word of its own: "売上高", "营收".)
    if (label.length < 4 && !SHORT_LABEL.test(m.label.trim()) && !(lang.namedOnly && CJK_NAME.test(label))) continue;
    add(byLabel, label, id);
    const growth = m.unit === 'percent' ? GROWTH_LABEL.exec(label) : null;
    if (growth !== null) add(growthOf, growth[1]!, id);
  }
  // In English, a label that says the whole company's figure ("Total revenue", "Group net income") is also its measure
  // alone ("Revenue was", "net sales of"), as prose names it, where no other metric is labelled so (wholeCompanyMeasures).
  if (english) for (const [measure, label] of wholeCompanyMeasures(index, byLabel)) byLabel.set(measure, byLabel.get(label)!);
  // ...and a label by its first and last words, a middle word it implies left out ("organic growth" for Organic revenue
  // growth, "operating margin" for Operating profit margin, "net debt" for Net financial debt), where unambiguous (shortNames).
  if (english) for (const [name, label] of shortNames(index, byLabel)) byLabel.set(name, byLabel.get(label)!);
  // ...and a leverage by the word prose gives it ("Leverage stood at 2.3x", "net leverage of"), where one label in times
  // names net debt over EBITDA and no metric is labelled so.
  if (english) {
    const leverage = [...byLabel.keys()].filter((l) => LEVERAGE_LABEL.test(l) && byLabel.get(l)!.every((id) => isMultiple(index.metrics[id])));
    if (leverage.length === 1) for (const name of LEVERAGE_NAMES) if (!byLabel.has(name)) byLabel.set(name, byLabel.get(leverage[0]!)!);
  }
  const longestFirst = (map: Map<string, string[]>) => [...map.keys()].sort((a, b) => b.length - a.length);
  const labels = longestFirst(byLabel);
  // In English, the measures that may be a loss among them (lossBefore), found once for the canvas, not per amount.
  const lossMeasures = english ? lossMeasuresOf(labels) : [];
  // In Chinese, Japanese or Korean text, the usual words for a measure a label is, and no more (MEASURE_WORDS: "売上高",
  // "売上収益" for Revenue or 売上高; not for "Cloud revenue", which they would name as the whole).
  const usual = new Map(lang.namedOnly ? labels.flatMap((l) => {
    const words = MEASURE_WORDS.find(([english, cjk]) => new RegExp(String.raw`^(?:(?:total|group|consolidated)\s+)?(?:${english.source})$`).test(l) || new RegExp(String.raw`^(?:${cjk.source})$`, 'u').test(l));
    return words === undefined ? [] : [[l, new RegExp(words[1].source, 'gu')] as const]; // global, for namesAt's matchAll
  }) : []);
  const grown = longestFirst(growthOf);
  const anyAmount = Object.values(index.metrics).flatMap((m) => [
    ...(m.value !== undefined && m.unit !== undefined ? [{ unit: currencyOf(m.unit).code, value: inUnits({ value: m.value, scale: m.scale }) / currencyOf(m.unit).per, label: m.label }] : []),
    ...(m.equivalent ? [{ unit: m.equivalent.unit, value: inUnits(m.equivalent), label: m.label }] : []),
  ]);
  /**
   * The figure of `m` in one of `currencies` (its value, or its equivalent), in units, with what its last digit counts,
   * and as messages show it: in the scale `typed` is written in too where the canvas names it otherwise (writtenScale),
   * so that the two are read in one unit ("₹130,100 million or ₹13,010 crore" beside "₹13,100 crore", a transposition no
   * factor of ten hides; "JP¥61.2 billion or 612億円" beside "61億円", which a reader taking 億 for billion reads as one).
   */
  const amountIn = (m: Metric, currencies: string[], typed?: TypedAmount) => {
    const found = amountOf(m, currencies);
    if (found === undefined || typed === undefined || currencies[0] === COUNT) return found;
    const written = inTypedScale(typed, found, language);
    return written === undefined ? found : { ...found, shown: `${found.shown} or ${written}` };
  };
  /**
   * Where `typed` (as `written`), in a scale the canvas names otherwise (writtenScale), is 10, 100 or 1,000 times the
   * figure `f` of `id`, or that part of it, within the rounding of both: the scale slipped in the metric or in the text
   * (61億円 typed `value: 61.2, scale: billion`, 1億 being 100 million). Said, with what the scale is and what the metric
   * would say were the text right, in its own unit (pence for GBX) and scale (or, having none, the one the typed scale is
   * written in: 億 in billions). So too an amount in the canvas's own scale words with the figure's digits, 10, 100,
   * 1,000 or a million times off ("$5.84 million" beside $5.84 billion: typedSlip), what the metric would say in the
   * scale the amount is.
   * `subject` names the figure: "that" after it, or its id among several.
   */
  const slipOf = (typed: TypedAmount, written: string, id: string, f: NonNullable<ReturnType<typeof amountOf>>, subject = 'that') => {
    const slip = typedSlip(typed, f);
    if (slip === undefined) return undefined;
    const { power, scale } = slip;
    // (Typed in the canvas's own scale words, "$5.84 million" beside $5.84 billion: in the scale it is typed in, if any.)
    const number = Number(/\d[\d,]*(?:\.\d+)?/.exec(inEnglishDigits(typed.token, notation))?.[0].replace(/,/g, ''));
    const own = Object.entries(SCALE_FACTOR).find(([, x]) => Math.abs(Math.abs(typed.value) / number / x - 1) < 1e-9)?.[0];
    const to = (scale === undefined ? own : f.scale ?? asCanvasScale(scale.multiplier).scale) as keyof typeof SCALE_FACTOR | undefined;
    const factor = to === undefined ? 1 : SCALE_FACTOR[to];
    // The typed amount in the figure's own unit (pence for GBX: £25 crore is 25 billion GBX, not 0.25), in its scale.
    const decimals = Math.max(0, Math.round(-Math.log10(typed.step * f.per / factor)));
    const value = (f.value < 0 ? -1 : 1) * Math.abs(typed.value) * f.per / factor;
    const setting = `value: ${value.toFixed(decimals)}${to === undefined ? ' (no scale)' : `, scale: ${to}`}`;
    const what = f.part === 'value' ? `${setting} for ${id}` : `the equivalent of ${id} as ${setting}`;
    const read = scale === undefined ? '' : ` (${figure({ value, unit: f.unit, scale: to, decimals })}; ${scaleInWords(scale)})`;
    return `${subject} is ${powerWords(power)} ${quote(written)}${read}, likely a scale slipped in the metric or in the text (if ${quote(written)} is right, write ${what})`;
  };
  /** The figure of `m` in one of `currencies` (figureInCurrencies), a count in its own unit, with how messages show it. */
  const amountOf = (m: Metric, currencies: string[]) => {
    // A count, in its own unit (countUnit reads that it is the measure's).
    const found = currencies[0] !== COUNT ? figureInCurrencies(m, currencies) : isCount(m) ? figureInCurrencies(m, [m.unit!]) : undefined;
    return found && { ...found, shown: figure(found.quantity) };
  };
  const near = (a: number, b: { value: number; step: number }, step: number) => Math.abs(a - b.value) <= Math.max(step, b.step) / 2 * (1 + 1e-9);
  // A measure per share ("Basic EPS", "Final dividend", "Dividend per share"), its figures unscaled: "per share" after its
  // figure is its own basis, not another ("45.2p per share", "$3.72 a share", "12.5 pence per ordinary share").
  const perShare = (name: string) => PER_SHARE_LABEL.test(name) && byLabel.get(name)!.every((id) => index.metrics[id].scale === undefined);

  // Measures counted in a unit of their own (isCount), by label; and the company as the subject that has a count of one
  // ("Harborline had 18,720 employees", "The company operated 191 warehouses").
  const countLabels = labels.filter((l) => byLabel.get(l)!.some((id) => isCount(index.metrics[id])));
  const company = [canvas.company?.name, canvas.company?.short_name].filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => escapeRegExp(n.trim()));
  // The company, and the verb it reports a figure with, just before the measure's name: "Vantora delivered revenue of",
  // "The company reported revenue of", "We posted revenue of" (not a part of it: "Cloud delivered revenue of").
  // (In another language, where it says so, at the sentence's start: "Rheinwerk erzielte einen Umsatz von": openingReporter.)
  // (In another language, its names also as a group's where the language writes them so: "die Rheinwerk-Gruppe", "le groupe Acme".)
  const group = lang.reporting?.group;
  const reporting = group === undefined ? company : company.map((n) => `${group.before === undefined ? '' : `(?:${group.before})?`}${n}${group.after === undefined ? '' : `(?:${group.after})?`}`);
  const reporter = english ? new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${englishSubjects(company)})\s+(?:also\s+)?(?:${REPORTING_VERBS})\s+$`, 'iu') : lang.reporting === undefined ? NEVER : openingReporter(lang.reporting, reporting);
  // ...and with a verb that changes the measure: "Rheinwerk steigerte den Umsatz um 5 % auf" (measureBefore's `raiser`).
  // (In English, "Corvell grew revenue by 12% to": englishRaiser.)
  const raiser = english ? englishRaiser(reporting) : lang.reporting?.raised === undefined ? NEVER : openingReporter({ ...lang.reporting, verbs: lang.reporting.raised.verbs, fronted: '(?!)' }, reporting);
  /** Whether a verb whose particle follows the figure ("ging ... auf", Joins.separable) has it in the few words after the figure ending at `end` ("1,23 Mrd. € zurück"), or no such verb joins it. */
  const particleAfter = (joined: RegExpExecArray, text: string, end: number, sentenceEnd: number) => {
    const verb = lang.separable?.find((v) => v.verb.test(joined[0]));
    return verb === undefined || verb.particle.test(text.slice(end, Math.min(sentenceEnd + 1, end + OPENING)));
  };
  /**
   * Whether a figure its measure's name leads after an article at the sentence's start ("Einen Umsatz von 1,23 Mrd. €",
   * measureBefore's `fronted`), ending at `end` in `text`, is the company's: its verb and name just after it, the period at most
   * after them ("erzielte Rheinwerk im 3. Quartal 2025."), not a part's ("erzielte die Sparte Antriebe", "erzielte Rheinwerk mit").
   */
  const frontedBy = lang.reporting === undefined ? NEVER : reportedAfter(lang.reporting, reporting);
  const companyAfter = (text: string, end: number, sentenceEnd: number) => {
    const after = text.slice(end, Math.min(sentenceEnd + 1, end + OPENING));
    return frontedBy.test(butPeriods(after));
  };
  const OPENS = String.raw`^\s*(?:(?:in|at|as (?:at|of)|on|by)\s+[^,;]{1,40},\s*)?`;
  const HAD = new RegExp(String.raw`${OPENS}(?:${englishSubjects(company)})\s+(?:had|has|have|employed|employs|operated|operates)\s+$`, 'i');
  // The company's headcount told in words of its own, where the canvas has one such measure (HEADCOUNT_LABEL): "Valdria
  // employed 14,580 people" (EMPLOYED, a noun of HEADCOUNT_NOUN after the number), "had 14,580 employees" (HAD_EMPLOYEES),
  // "14,580 people were employed" (BARE, EMPLOYED_AFTER), "Valdria had a workforce of 14,580", "its headcount of 14,580" (WORKFORCE).
  const headcounts = countLabels.filter((l) => HEADCOUNT_LABEL.test(l));
  const headcount = headcounts.length === 1 ? headcounts[0] : undefined;
  const subject = englishSubjects(company);
  const EMPLOYED = new RegExp(String.raw`${OPENS}(?:${subject})\s+(?:employed|employs)\s+$`, 'i');
  const HAD_EMPLOYEES = new RegExp(String.raw`${OPENS}(?:${subject})\s+(?:had|has|have)\s+$`, 'i');
  const BARE = new RegExp(`${OPENS}$`, 'i');
  const EMPLOYED_AFTER = new RegExp(String.raw`^${HEADCOUNT_NOUN}\s+(?:were|are)\s+employed(?:\s+by\s+(?:${subject}))?(?!\p{L})`, 'iu');
  const WORKFORCE = new RegExp(String.raw`${OPENS}(?:(?:${subject})\s+(?:[\p{L}-]+\s+){0,4}?(?:a|its|our)\s+(?:total\s+)?(?:workforce|headcount)\s+of|(?:(?:${subject})['’]s|its|our)\s+(?:total\s+)?(?:workforce|headcount)\s+(?:of|was|stood\s+at|numbered|totall?ed|reached))\s+$`, 'iu');
  /**
   * The measure a count is told of by its label just after it, the company having it: "Harborline had 18,720 employees";
   * or the company's headcount in words of its own (above). With the length of the words after the number that are the
   * count's (`unit`), where they are not its measure's unit or label, and of those that follow them and are read with it (`skip`).
   */
  const countNamedAfter = (s: { start: number }, amount: TypedAmount, halfWidth: string): { name: string; nameAt: number; nameEnd: number; unit?: number; skip?: number } | undefined => {
    const before = halfWidth.slice(s.start, amount.index);
    const end = amount.index + amount.token.length;
    // (The words just after it, as far as a label and the company's name go: not the rest of the text, for each count.)
    const after = halfWidth.slice(end, end + NAME_WINDOW).toLowerCase();
    const nameAt = s.start + (/^\s*/.exec(halfWidth.slice(s.start))![0].length);
    if (headcount !== undefined) {
      const noun = new RegExp(`^${HEADCOUNT_NOUN}`, 'iu').exec(after)?.[0];
      const employed = BARE.test(before) ? EMPLOYED_AFTER.exec(after)?.[0] : undefined;
      if (employed !== undefined) return { name: headcount, nameAt, nameEnd: end + employed.length, unit: noun!.length, skip: employed.length - noun!.length };
      if (WORKFORCE.test(before)) return { name: headcount, nameAt, nameEnd: end + (noun?.length ?? 0), unit: noun?.length ?? 0 };
      if (noun !== undefined && (EMPLOYED.test(before) || (HAD_EMPLOYEES.test(before) && /^\s+employees$/.test(noun)))) return { name: headcount, nameAt, nameEnd: end + noun.length, unit: noun.length };
    }
    if (!HAD.test(before)) return undefined;
    const name = countLabels.find((l) => new RegExp(String.raw`^\s+${escapeRegExp(l.replace(/s$/, ''))}s?(?!\p{L})`, 'u').test(after));
    if (name === undefined) return undefined;
    // Its words are the company's having the measure, from the sentence's start to the label ("Harborline had ... employees"):
    // read as its name ("had" is no condition here).
    const label = new RegExp(String.raw`^\s+${escapeRegExp(name.replace(/s$/, ''))}s?`, 'u').exec(after)!;
    return { name, nameAt, nameEnd: end + label[0].length };
  };

  /**
   * A free table's cell (`table`, not `metric_table`) read as the sentence its row makes of it, where the row's first cell
   * is a measure's label, as written (case and spacing aside), and the cell holds one typed figure and nothing else: row
   * ["Drives", "EUR 760 million"] under a column "FY2025" is "Drives was EUR 760 million in FY2025.". Its period is the one
   * its column names, or else the table's title; where neither names one, the sentence names none (the briefing's current
   * period, read as a sentence's is). Not where the column or title names several periods, speaks of a change, a share or
   * another time ("Change", "YoY", "Prior year", "% of revenue"), or the titles over it (the table's, its section's and
   * chapter's, the row's other cells) speak of plans, another figure or basis ("Guidance", "Adjusted"). In English only.
   * The unit a title or heading states ("(£ million)", "(%)") and a statement's name ("Summary income statement") say
   * nothing of the measure or period. A bare number (`bare`: 413 under "(£ million)", given as read, "£413 million":
   * table-units.ts) is read only where its column or the title names its period.
   */
  const otherLabelWords = new Set(Object.values(index.metrics).flatMap((m) => m.label.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !JOINING_WORDS.has(w)));
  const cellsRead = readsTableCells(canvas.briefing?.language);
  const companyWords = [canvas.company?.name, canvas.company?.short_name].flatMap((n) => (typeof n === 'string' ? n.toLowerCase().match(/\p{L}+/gu) ?? [] : []));
  /**
   * Whether the measure's name at `at` in `before` follows another's possessive, in English: a proper noun's that is none
   * of the company's names ("while Haldor's revenue fell 4%" is another company's figure). Not "Corvell's", "its", "our",
   * "the company's", "the group's", nor a common noun's ("the quarter's").
   */
  const othersName = (before: string, at: number) => {
    const owner = /(\p{L}+)['’]s\s*$/u.exec(before.slice(0, at))?.[1];
    return english && owner !== undefined && /^\p{Lu}/u.test(owner) && !companyWords.includes(owner.toLowerCase()) && !/^(?:company|group)$/i.test(owner);
  };
  const cellSentence = (cell: string, path: KeyPath, bare = false): string | undefined => {
    const t = path.indexOf('table');
    if (!cellsRead || t < 0 || path[t + 1] !== 'rows' || path[t + 3] === 0) return undefined;
    const table = path.slice(0, t + 1).reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), canvas) as { title?: unknown; columns?: unknown[]; rows?: unknown[][] } | undefined;
    const label = table?.rows?.[path[t + 2] as number]?.[0];
    if (typeof label !== 'string' || !byLabel.has(normalWords(label))) return undefined;
    const typed = cell.trim();
    const amount = typedAmounts(typed, notation, canvas.briefing?.language);
    const isAmount = amount.length === 1 && amount[0]!.index === 0 && amount[0]!.token.length === typed.length;
    const isPercent = /^[-−+]?\d+(?:\.\d+)?\s?%$/.test(typed);
    const isCounted = COUNT_CELL.test(typed) && byLabel.get(normalWords(label))!.some((id) => isCount(index.metrics[id]));
    if (!isAmount && !isPercent && !isCounted) return undefined;
    // A column is its heading, or an object with its title ({ title: EBIT, decimals: 0 }).
    const columnNames = (table!.columns ?? []).map((c) => columnHeading(c));
    const heading = withoutUnits(columnNames[path[t + 3] as number] ?? '');
    const title = withoutUnits(typeof table!.title === 'string' ? table!.title : '');
    const named = (words: string) => namedPeriods(words).filter((p) => !p.compared);
    if (NOT_A_LEVEL.test(butPeriods(heading)) || NOT_A_LEVEL.test(butPeriods(title))) return undefined;
    // The column and title say nothing but the row's measure, the company, units and words of a table of figures
    // ("Segments", "Revenue by segment (EUR million)", "Headline figures"): a column "EBIT" over a row "Drives" is another
    // measure of the segment, not its figure. Over them, a section or chapter title naming another measure ("EBIT by
    // segment") is read so too.
    const ownWords = normalWords(label).split(' ');
    const own = new Set([...ownWords, ...companyWords]);
    const onlyOwn = (words: string) => (butPeriods(words).toLowerCase().match(/\p{L}+/gu) ?? []).every((w) => own.has(w) || TABLE_WORDS.test(w) || isCurrency(w.toUpperCase()));
    if (!onlyOwn(heading) || !onlyOwn(title)) return undefined;
    const otherMeasure = (words: string) => (words.toLowerCase().match(/\p{L}+/gu) ?? []).some((w) => !ownWords.includes(w) && (TABLE_MEASURE_WORDS.test(w) || otherLabelWords.has(w)));
    const row = table!.rows![path[t + 2] as number]!;
    // Other columns and cells of the table are its other figures ("Prior year", "EBIT"), not what this one is.
    const overIt = contextOf(canvas, path).titles.filter((x) => !columnNames.includes(x) && !row.includes(x));
    if (overIt.filter((x) => x !== table!.title).some(otherMeasure)) return undefined;
    const periods = named(heading).length > 0 ? named(heading) : named(title);
    if (new Set(periods.map((p) => p.key)).size > 1 || (bare && periods.length === 0)) return undefined;
    // (The table's title as its units leave it: "except per share data" is no basis of its figures.)
    if ([...overIt.map((x) => (x === table!.title ? title : x)), heading].some((x) => TITLE_PLANS.test(x) || OTHER_FIGURE.test(x.toLowerCase()) || levelBasis.test(x))) return undefined;
    return `${label.trim().replace(/\s+/g, ' ')} ${isCounted ? 'numbered' : 'was'} ${typed}${periods.length > 0 ? ` in ${periods[0]!.text}` : ''}.`;
  };

  /**
   * The change a figure stating none has with its figure a year earlier (impliedYearOnYear), as a typed change is compared
   * with it: within the interval the rounding of both figures allows (`within`), with every year-earlier figure.
   */
  const impliedOf = (id: string) => {
    const implied = impliedYearOnYear(index.metrics, Object.keys(index.metrics), id);
    if (implied.length === 0) return undefined;
    const { earlier, written } = implied[0]!;
    const e = index.metrics[earlier];
    return { value: written, step: 0, within: implied.map((i) => i.computed), shown: signedPercent(written, language), against: `${earlier}: ${figure({ ...e, value: e.value! })}, ${e.period}` };
  };
  /** Whether a typed percentage (`value`, its last digit counting `step`) is the figure `f`, as typed or rounded; a change a figure gives with its year-earlier one, within the rounding of both. */
  const fits = (value: number, f: { value: number; step: number; within?: Array<[number, number]> }, step: number) =>
    f.within === undefined ? near(value, f, step) : f.within.some(([lo, hi]) => value + step / 2 >= lo - 1e-9 && value - step / 2 <= hi + 1e-9);
  /** What a figure says of its change, with its period: "states a change of +9.5% YoY (FY2025)", "gives a change of +9.5% (FY2025, against ...: €1,100 million, FY2024)". */
  const changeSaid = (f: { shown: string; against?: string }, period: string) => f.against === undefined ? `states a change of ${f.shown} (${period})` : `gives a change of ${f.shown} (${period}, against its figure a year earlier, ${f.against})`;
  /** The reference that prints a figure's change (or, for a change it does not state, what to do first), or the figure. */
  const changeRef = (id: string, f: object, change: boolean) =>
    !change ? `[[${referredAs(index, id)}]]` : 'within' in f ? `[[${referredAs(index, id)}.change]] (once the figure states its change, change.percent, as the source gives it)` : `[[${referredAs(index, id)}.change]]`;

  const found: Finding[] = [];
  // A free table's bare numbers too, read with the unit its title or column heading states (table-units.ts): each is
  // its row's sentence or nothing.
  const bareNumbers = bareTableNumbers(canvas).map((b) => ({ text: b.read, path: b.path, bare: b }));
  for (const { text: typedIn, path, bare } of [...referringTexts(canvas).map((r) => ({ ...r, bare: undefined })), ...bareNumbers]) {
    const sentence = cellSentence(typedIn, path, bare !== undefined);
    if (bare !== undefined && sentence === undefined) continue;
    const text = sentence ?? typedIn;
    const { halfWidth } = typedText(text);
    /**
     * A typed-mismatch finding at `written`, typed at `at`, about `id`; of a typed change, `signed` is its figure as an
     * acknowledgement names it (signedChange: "−12%" for "fell 12%"), so that its direction is part of what is acknowledged.
     */
    const mismatch = (at: number, written: string, id: string, message: string, more: string[] = [], signed?: string) => {
      // (A table's cell, read as its row's sentence, is said to be one; a bare number as written, with the unit it is read in.)
      const said = sentence === undefined ? message : inTableCell(message, written, bare);
      // (A bare number is the whole of its cell, where the finding points: its needle is the amount read, as the data notes list it.)
      found.push({ path, needle: written, nth: bare === undefined ? occurrencesBefore(text, written, at) : 0, rule: 'typed-mismatch', metrics: [id, ...more], figure: signed ?? written.trim(), message: said, ...(signed !== undefined ? { typedChange: true as const } : {}) });
    };
    /** Reports `written` at `at`: typed as the figure of `id` for `period` (or, where the sentence names none, the current one's), which is `shown` (with its period); `ref` prints it; `note` says more. */
    const report = (at: number, written: string, id: string, period: NamedPeriod | undefined, what: string, shown: string, ref: string, note?: string, last?: string, signed?: string) => {
      mismatch(at, written, id, period !== undefined
          ? `${quote(written)} is typed into the text as ${what} for ${quote(period.text)}, but ${id} ${shown}${note === undefined ? '' : `; ${note}`}: the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write ${ref} in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding${last === undefined ? '' : `; ${last}`}`
          : `${quote(written)} is typed into the text as ${what} in a sentence that names no period, read as the briefing's current one, but ${id} (the latest figure up to briefing.as_of, ${formatDate(canvas.briefing.as_of, canvas.briefing.language)}) ${shown}${note === undefined ? '' : `; ${note}`}, and no figure of ${what} for any period is ${quote(written.trim())}, as typed or rounded: the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write ${ref} in the text, so that it prints the figure and follows it; if the text means another period's figure, name the period in the sentence, or acknowledge the finding${last === undefined ? '' : `; ${last}`}`, [], signed);
    };
    /**
     * Reports `written` at `at`, typed as `what` (a measure, or its change) for `period` (or, where the sentence names none,
     * the current one's), where the canvas has several figures of it for that period (`meant`: a press release's beside
     * the 10-Q's), and it is none of them: wrong whichever is right. Their contradiction is reported by its own rule; the
     * text's is reported here, naming them all (`refs`: the references that print them); `note` and `last` say more.
     */
    const several = (at: number, written: string, what: string, period: NamedPeriod | undefined, meant: Array<{ id: string; shown: string }>, refs: string[], note?: string, last?: string, signed?: string) => {
      const each = meant.map(({ id, shown }) => `${id}: ${shown}, ${index.metrics[id].period}`).join('; ');
      const none = period !== undefined
        ? `${quote(written)} is typed into the text as ${what} for ${quote(period.text)}, but the canvas has ${meant.length} figures of ${what} for it (${each}), and it is none of them, as typed or rounded`
        : `${quote(written)} is typed into the text as ${what} in a sentence that names no period, read as the briefing's current one, but the canvas has ${meant.length} figures of ${what} for it, the latest up to briefing.as_of, ${formatDate(canvas.briefing.as_of, canvas.briefing.language)} (${each}), and it is none of them, nor any figure of ${what} for any period, as typed or rounded`;
      const otherwise = period !== undefined ? 'if the text means another figure, acknowledge the finding' : 'if the text means another period\'s figure, name the period in the sentence, or acknowledge the finding';
      mismatch(at, written, meant[0]!.id, `${none}${note === undefined ? '' : `; ${note}`}: the text and the figures disagree, and the briefing would print the text beside them. Check them against the source, correct the ones that are wrong, and write the reference to the right one in the text (${refs.join(' or ')}), so that it prints the figure and follows it; ${otherwise} (rule typed-mismatch, metrics: [${meant.map(({ id }) => id).join(', ')}])${last === undefined ? '' : `; ${last}`}`, meant.slice(1).map(({ id }) => id), signed);
    };
    const context = contextOf(canvas, path);
    // A period or date printed by a reference ("In [[revenue@2024-09-30.period]], revenue was"), blanked where the words
    // are read, or another figure of the measure (`ids`) referred to in the sentence, may give it another period than
    // `id`'s (the figure's own does not).
    const datedOtherwise = (s: { start: number; sentence: string }, own: readonly string[], ids: string[]) =>
      parseReferences(text.slice(s.start, s.start + s.sentence.length)).filter((r) => r.error === undefined)
        .some((r) => !own.includes(resolveRef(index, r.id!)) && (r.part === 'period' || r.part === 'as_of' || ids.includes(resolveRef(index, r.id!))));
    /**
     * The figures of a measure (`ids`) that a sentence naming no period (`s`) speaks of, read as the briefing's current one
     * (current-period.ts): the latest up to briefing.as_of (one, or several for that day), where nothing in or around the
     * sentence speaks of another time. None otherwise.
     */
    const currentOf = (ids: string[], s: { start: number; sentence: string; periods: () => NamedPeriod[]; previous: () => string }, name: { at: number; end: number }, own: { at: number; end: number }): string[] => {
      if (s.periods().length > 0) return [];
      const current = currentFigures(ids, index, canvas, fiscalShift);
      if (current.length === 0 || datedOtherwise(s, current, ids)) return [];
      // (Read as written first: the words of a comparison with the year before are read whole there, "up from $65.6 billion a year earlier".)
      const about = (read: { sentence: string; start: number }) => current.every((id) => aboutCurrentPeriod(read.sentence, halfWidth, read.start, name, id, index, canvas, fiscalShift, context, s.previous()));
      const asWritten = readAbout(s, name, own, []);
      if (about(asWritten)) return current;
      const read = readAbout(s, name, own, baseSpans(s, name, own));
      return read.sentence !== asWritten.sentence && about(read) ? current : [];
    };
    /**
     * The words of sentence `s` read about the figure at `own`, its measure named at `name`, with `blanks` (places in the
     * text) blanked: the whole sentence, or of one over LONG_SENTENCE characters (hundreds of figures strung together),
     * the LONG_SENTENCE / 2 either side of the name and the figure, cut at blanks. Where they start in the text with them.
     */
    const readAbout = (s: { start: number; sentence: string }, name: { at: number; end: number }, own: { at: number; end: number }, blanks: ReadonlyArray<readonly [number, number]>) => {
      const end = s.start + s.sentence.length;
      let [from, to] = [s.start, end];
      if (s.sentence.length > LONG_SENTENCE) {
        from = Math.max(s.start, Math.min(name.at, own.at) - LONG_SENTENCE / 2);
        to = Math.min(end, Math.max(name.end, own.end) + LONG_SENTENCE / 2);
        if (from > s.start) from += Math.max(0, halfWidth.slice(from, Math.min(name.at, own.at)).search(/\s/) + 1);
        if (to < end) to = Math.max(Math.max(name.end, own.end), from + halfWidth.slice(from, to).search(/\s\S*$/) + 1);
      }
      let sentence = halfWidth.slice(from, to);
      for (const [at, until] of blanks) {
        const [a, b] = [Math.max(at, from), Math.min(until, to)];
        if (a < b) sentence = `${sentence.slice(0, a - from)}${' '.repeat(b - a)}${sentence.slice(b - from)}`;
      }
      return { sentence, start: from };
    };
    /**
     * The text with the bases its sentence `s` compares the figure at `own` with blanked, and the words that date them
     * (comparisonBases: "(Vorjahr: 2.250 Mio. €)", "gegenüber dem Vorquartal (2.310 Mio. €)", "contre 2 250 M€ un an plus
     * tôt"): their earlier period is theirs, and leaves the figure the current period's.
     */
    const bases = new Map<number, Array<[number, number]>>();
    const baseSpans = (s: { start: number; sentence: string }, name: { at: number; end: number }, own: { at: number; end: number }) => {
      // (Each sentence's read once, in the text's places: a base's span holds its figure, so the figure's own is left out below.)
      let all = bases.get(s.start);
      if (all === undefined) {
        const end = s.start + s.sentence.length;
        const figures = figureAt.slice(firstWhere(figureAt, ([a]) => a! >= s.start), firstWhere(figureAt, ([a]) => a! >= end)).filter(([, b]) => b! <= end).map(([a, b]) => [a! - s.start, b! - s.start] as const);
        bases.set(s.start, (all = comparisonBases(s.sentence, figures, canvas.briefing?.language).map(([from, to]) => [s.start + from, s.start + to])));
      }
      return all.filter(([from, to]) => !(from < own.end && to > own.at) && !(from < name.end && to > name.at));
    };
    /**
     * Where currentOf finds no current figure, the briefing naming a period the measure has none for: the figure a
     * sentence naming no period may yet mean (undatedFigure: the balance of the day it names, or the latest), where
     * nothing in or around it speaks of another time, basis or scope but that day.
     */
    const undatedOf = (ids: string[], s: { start: number; sentence: string; periods: () => NamedPeriod[]; previous: () => string; undated: (ids: string[]) => ReturnType<typeof undatedFigure> }, name: { at: number; end: number }, own: { at: number; end: number }) => {
      if (s.periods().length > 0) return undefined;
      const meant = s.undated(ids);
      if (meant === undefined) return undefined;
      if (datedOtherwise(s, [meant.id], ids)) return undefined;
      // (The day named, the figure's own, read as no word of time; nor the bases it is compared with.)
      const about = (read: { sentence: string; start: number }) => aboutCurrentPeriod(read.sentence, halfWidth, read.start, name, meant.id, index, canvas, fiscalShift, context, s.previous());
      const asWritten = readAbout(s, name, own, meant.days);
      if (about(asWritten)) return meant;
      const read = readAbout(s, name, own, [...meant.days, ...baseSpans(s, name, own)]);
      return read.sentence !== asWritten.sentence && about(read) ? meant : undefined;
    };
    // Each sentence read once, however many figures it holds: whether it speaks of plans, the periods and days it names, the
    // sentence before it, and the figure of a measure it may mean (undatedFigure, which reads its days).
    const sentenceAt = sentenceFinder(halfWidth);
    const read = new Map<number, { sentence: string; plans: boolean; periods?: NamedPeriod[]; outsiders?: ReturnType<typeof outsiderWords>; spoken?: string; days?: NamedPeriod[]; previous?: string; undated?: Map<string, ReturnType<typeof undatedFigure>> }>();
    const sentenceOf = (at: number) => {
      const bounds = sentenceAt(at);
      let r = read.get(bounds.start);
      if (r === undefined) {
        const sentence = halfWidth.slice(bounds.start, bounds.end);
        // A plan spoken of as what the actual figure beat or missed ("ahead of guidance") leaves the figure the actual one.
        // ...and so does an earlier period it is compared with ("up from $65.6 billion a year earlier").
        read.set(bounds.start, (r = { sentence, plans: OTHER_FIGURE.test(sentence.toLowerCase().replace(MEASURED_AGAINST, '').replace(EARLIER_PERIOD, '')) || (lang.plans?.test(sentence) ?? false) }));
      }
      const entry = r;
      // The measure's name and what joins it stand just before the figure: the words before it are read that far back.
      // (In Chinese, Japanese or Korean, words that name the current period name the briefing's: "当四半期", "本季度".)
      const periods = () => (entry.periods ??= [...namedPeriods(entry.sentence), ...thisPeriods(entry.sentence, lang, briefingPeriod)].sort((a, b) => a.at - b.at));
      // An outsider's figure, given in its clause before it ("Reuters said revenue was", "According to Bloomberg,"), is
      // theirs: no contradiction of the company's own, as an estimate is none.
      if (entry.plans || outsidersFigure((entry.outsiders ??= outsiderWords(entry.sentence, companyWords)), at - bounds.start)) return undefined;
      return {
        ...bounds, sentence: entry.sentence, before: halfWidth.slice(Math.max(bounds.start, at - NAME_WINDOW), at), periodNearest: (offset: number) => periodNearest(periods(), offset), periods, spoken: () => (entry.spoken ??= entry.sentence.toLowerCase()), days: () => (entry.days ??= namedDays(entry.sentence)),
        previous: () => (entry.previous ??= sentenceBefore(halfWidth, bounds.start)),
        undated: (ids: string[]) => {
          const of = (entry.undated ??= new Map());
          const key = ids.join(' ');
          if (!of.has(key)) of.set(key, undatedFigure(ids, index, canvas, fiscalShift, entry.sentence, bounds.start));
          return of.get(key);
        },
      };
    };

    /**
     * The balance of a measure (`ids`) that the sentence `s` dates the amount by the day it names ("Net debt was €1,447.2m
     * at 30 June 2025", "as of", "as at": datesBalance, as period-mismatch reads a day for a reference), with that day as
     * written; not a day it compares with ("up from [[net_debt@2024-12-31]] at 31 December 2024"). None where the measure
     * has no balance, or several, of that day.
     */
    const datedBalance = (ids: string[], s: { start: number; sentence: string; days: () => NamedPeriod[] }, amount: TypedAmount) => {
      const own = { at: amount.index - s.start, end: amount.index - s.start + amount.token.length };
      // (None past a semicolon either side is the figure's: datesBalance reads the figure's clause only.)
      const semicolon = s.sentence.indexOf(';', own.end);
      const clause = { from: s.sentence.lastIndexOf(';', own.at - 1), to: semicolon < 0 ? s.sentence.length : semicolon };
      const day = nearestDay(s.days(), own, clause, (d) => !d.compared && datesBalance(s.sentence, own, d));
      const of = day === undefined ? [] : ids.filter((id) => !isLookingAhead(index.metrics[id]) && dayKeyOf(index.metrics[id]) === day.key);
      return of.length === 1 ? { id: of[0]!, day: day!.text, days: [[s.start + day!.at, s.start + day!.end]] as Array<[number, number]> } : undefined;
    };

    // Where the text's figures are, amounts and percentages: the words about one end where the next begins.
    // (And amounts in a currency's hundredth: "basic EPS of 45.2p", "a dividend of 35 cents", read in its unit: 0.452, 0.35.)
    const amounts = [...typedAmounts(halfWidth, notation, canvas.briefing?.language), ...minorAmounts(halfWidth, notation, canvas.briefing?.currency)].sort((a, b) => a.index - b.index);
    const percents = typedPercents(halfWidth, notation);
    const figureAt = [...amounts.map((a) => [a.index, a.index + a.token.length]), ...percents.map((p) => [p.index, p.index + p.token.length])].sort((a, b) => a[0]! - b[0]!);
    /**
     * Whether the figure at [at, end), its measure named at `nameAt`, is said to be on another basis: in the words before
     * the name (from the figure before it, a semicolon or the sentence's start: "excluding the deal, revenue was") or after
     * the figure (to the next one, a semicolon or the sentence's end: "$30.8 billion on a non-GAAP basis"). Not the
     * name's own words: "Adjusted EBITA" is the measure.
     */
    const otherBasis = (at: number, end: number, nameAt: number, basis = levelBasis, ownPerShare = false, own = new Set<string>()) => {
      const bounds = sentenceAt(at);
      // (Found by halving: a paragraph of thousands of figures is read in n log n.)
      const first = (test: (f: number[]) => boolean) => firstWhere(figureAt, test);
      const lastBefore = figureAt[first(([b]) => b >= nameAt) - 1]?.[1] ?? 0;
      const nextAfter = figureAt[first(([b]) => b >= end)]?.[0] ?? halfWidth.length;
      const start = Math.max(bounds.start, lastBefore, halfWidth.lastIndexOf(';', nameAt) + 1);
      // (Not a bracket's label that dates the next figure: "2.412 Mio. € (Vorjahr: 2.250 Mio. €)", "(prior year: ".)
      const after = halfWidth.slice(end, Math.min(bounds.end, nextAfter)).replace(BRACKET_LABEL, '');
      // (A measure per share's own words read as none: "45.2p per share" is EPS's basis; "per diluted share" is another's.)
      // (Nor a change's period a year before its figure's, `own`: "up 3.8% versus Q3 2024" is year on year.)
      // (In Chinese, Japanese or Korean, a period's own words are no other basis: periodWordsBlanked.)
      const periodsBlanked = (words: string) => (lang.namedOnly ? periodWordsBlanked(words) : words);
      const read = (words: string) => yearEarlierBlanked(periodsBlanked(ownPerShare ? words.replace(PER_SHARE, (w) => ' '.repeat(w.length)) : words), own);
      // (The figure's own words after it end at a semicolon, or where a clause of another measure starts: "..., with organic
      // growth of [[organic_growth]]" says nothing of revenue's basis.)
      const ownAfter = after.split(';')[0]!.split(ANOTHER_MEASURES_CLAUSE)[0]!;
      if (basis.test(read(halfWidth.slice(start, nameAt))) || basis.test(read(ownAfter))) return true;
      // A change compared with another period than a year before ("up 3.8% compared with the second quarter of 2025").
      if (basis === changeBasis && comparedWithOtherPeriod(ownAfter, own)) return true;
      // A part of the measure, named after the figure ("grew 5% in the US", "25% in Asia"), not a period ("in Q1 FY26").
      const place = /^\s*(?:in|across|outside)\s+(?:the\s+)?(?=\p{Lu})/u.exec(after);
      if (place !== null && !namedPeriods(after.slice(place[0].length)).some((p) => p.at === 0)) return true;
      // A part of the period, named after the figure: "grew 30% in the first half of the quarter", "in October", "in the
      // last two weeks" (the quarter's figure is another).
      // (But not the briefing's own half, named without its year: "13.2% in the first half" in a briefing for H1 2025.)
      if (PART_OF_PERIOD.test(after) && !thisPeriods(after, lang, briefingPeriod).some((p) => /^\s*,?\s*(?:in|during|over|for)\s+(?:the\s+|this\s+)?$/i.test(after.slice(0, p.at)))) return true;
      // One end of a range: "45%-50%", "45.0% to 50.0%", "between 45% and 50%" (a figure of its kind just before or after,
      // joined by a dash or "to": "rose 5% to RMB257.8 billion" is none).
      const percent = (f: number[] | undefined) => f !== undefined && /(?:[%％]|per\s?cent|pct)\s*$/i.test(halfWidth.slice(f[0], f[1]));
      const kind = percent([at, end]);
      const previous = figureAt[first(([b]) => b >= at) - 1];
      const next = figureAt[first(([b]) => b >= end)];
      // (And a wave dash in Chinese, Japanese or Korean text: "300億円～320億円".)
      const ranged = (f: number[] | undefined, gap: string) => f !== undefined && percent(f) === kind && /^\s*(?:-|–|—|to|～|〜|~)\s*$/i.test(gap);
      // (A dash read as the later figure's minus is the range's.)
      const upTo = (b: number) => b + (/[-−]/.test(halfWidth[b] ?? '') ? 1 : 0);
      return ranged(previous, previous === undefined ? '' : halfWidth.slice(previous[1], upTo(at))) || ranged(next, next === undefined ? '' : halfWidth.slice(end, upTo(next[0]))) || /\bbetween\s*$/i.test(halfWidth.slice(Math.max(0, at - 10), at));
    };

    /** Whether the figure at [at, end) is the first of "from ... to ...": "van € 7,9 miljard tot € 8,23 miljard". */
    const fromFigure = (at: number, end: number) => {
      const next = figureAt[firstWhere(figureAt, ([b]) => b >= end)];
      return next !== undefined && FROM_BEFORE.test(halfWidth.slice(Math.max(0, at - 12), at)) && TO_BETWEEN.test(halfWidth.slice(end, next[0]));
    };

    // The last amount read as a measure's figure: an amount in brackets just after it is its equivalent ("Revenue was
    // RMB247,795 million (US$35,807 million)").
    let previous: { end: number; name: string; nameAt: number } | undefined;
    // Counts after them, in English: a plain number tied to a measure of a unit of its own ("Employees numbered 18,720",
    // "Ocean volume was 221.9 thousand TEUs", "Harborline had 18,720 employees"), read as amounts are, in that unit.
    const counts: TypedAmount[] = !english || countLabels.length === 0 ? [] : [...halfWidth.matchAll(COUNT_NUMBER)].flatMap((c) => {
      const [token, written, scale] = c;
      if (scale === undefined && /^(?:19|20)\d\d$/.test(written!)) return [];
      if (figureAt.some(([a, b]) => a! < c.index + token.length && c.index < b!)) return [];
      return [{ token, index: c.index, currencies: [COUNT], ...numberRead(written!, scale) }];
    });
    for (const typedOne of [...amounts, ...counts]) {
      let amount = typedOne;
      const isCountRead = amount.currencies[0] === COUNT;
      if (significantDigits(inEnglishDigits(amount.token, notation)) < 2) continue;
      const s = sentenceOf(amount.index);
      const equivalentOf = !isCountRead && previous !== undefined && /^\s*\(\s*$/.test(halfWidth.slice(previous.end, amount.index)) ? previous : undefined;
      const level = equivalentOf ?? (s && (isCountRead ? countNamedAfter(s, amount, halfWidth) ?? measureBefore(s.before, labels, 'count', lang) : measureBefore(s.before, labels, 'level', lang, reporter, usual, raiser)));
      // In English, a loss's words before it: "The net loss narrowed to", "Net income (loss) was a loss of" (lossBefore).
      const lost = level === undefined && s !== undefined && english && !isCountRead ? lossBefore(s.before, lossMeasures, reporter, companyWords) : undefined;
      const read = level ?? lost;
      previous = undefined;
      if (s === undefined || read === undefined || (!('nameAt' in read) && othersName(s.before, read.at))) continue;
      const named = { name: read.name, nameAt: 'nameAt' in read ? read.nameAt : amount.index - s.before.length + read.at, nameEnd: 'nameEnd' in read ? read.nameEnd : undefined };
      const nameEnd = named.nameEnd ?? named.nameAt + ('length' in read ? read.length ?? read.name.length : read.name.length);
      // The company and its verb of reporting before the name are read with it: "Vantora reported revenue" says no other basis.
      const nameFrom = named.nameAt - ('lead' in read ? read.lead ?? 0 : 0);
      if (isCountRead) {
        // A count of the measure's unit, or written bare: "229.1 thousand TEUs" of Ocean volume in TEUs, not "... tonnes".
        const counted = halfWidth.slice(amount.index + amount.token.length, s.end);
        const unit = 'unit' in read && read.unit !== undefined ? (countEnds(counted, read.unit + (read.skip ?? 0)) ? read.unit : undefined) : countUnit(counted, byLabel.get(named.name)!.map((id) => index.metrics[id]).filter(isCount));
        if (unit === undefined || byLabel.get(named.name)!.every((id) => !isCount(index.metrics[id]))) continue;
        amount = { ...amount, token: halfWidth.slice(amount.index, amount.index + amount.token.length + unit) };
        // A figure of any other count the canvas has is typed-figure's ground, or right.
        if (Object.values(index.metrics).some((m) => isCount(m) && m.value !== undefined && sameUnits(inUnits({ value: m.value, scale: m.scale }), amount.value))) continue;
      } else previous = { end: amount.index + amount.token.length, name: named.name, nameAt: named.nameAt };
      if (otherBasis(amount.index, amount.index + amount.token.length, named.nameAt, levelBasis, perShare(named.name))) continue;
      // A difference ("$102 million higher than a year earlier"), a part or a rate ("per working day", "came from the
      // acquisition"): not the level, nor its scale slipped.
      const rest = s.sentence.length > LONG_SENTENCE ? wordsAfter(halfWidth, amount.index + amount.token.length, s.end) : halfWidth.slice(amount.index + amount.token.length, s.end);
      if (differenceAfter(rest) || (english && !perShare(named.name) && partOrRateAfter(rest))) continue;
      if (nameFrom < named.nameAt && partReported(halfWidth.slice(amount.index + amount.token.length, Math.min(s.end, amount.index + amount.token.length + PERIOD_WORDS)), lang)) continue;
      if ('fronted' in read && read.fronted && !companyAfter(halfWidth, amount.index + amount.token.length, s.end)) continue;
      if ('joined' in read && !particleAfter(read.joined, halfWidth, amount.index + amount.token.length, s.end)) continue;
      // Dated by the words after it: "revenue was $64.0 billion a year earlier".
      if (relativeWords(halfWidth, amount.index, amount.index + amount.token.length) !== undefined) continue;
      // The figure a change starts from, the period's being the one it goes to: "steeg de omzet van € 7,9 miljard tot
      // € 8,23 miljard", "stiegen die Umsatzerlöse von 8,9 Mrd. € auf 9,08 Mrd. €" ("van", "von" read as "of").
      if (fromFigure(amount.index, amount.index + amount.token.length)) continue;
      const figures = byLabel.get(named.name)!.map((id) => ({ id, f: amountIn(index.metrics[id], amount.currencies, amount) }));
      const period = s.periodNearest(amount.index - s.start);
      // ...or, of a balance, the day the sentence dates it by ("Net debt was €1,447.2m at 30 June 2025", "as of"): that
      // day's balance, as a period named is the period's figure, whatever the text around it speaks of (datedBalance).
      const dated = period === undefined && !lang.namedOnly ? datedBalance(byLabel.get(named.name)!, s, amount) : undefined;
      // A sentence that names no period: its figure is compared with the current one's (the latest up to briefing.as_of),
      // unless it is more than half as much again, or less than two thirds of it: that may be a year's, a half's, nine months'
      // (not where its digits are the figure's, a power of ten off: "$5.84 million" beside $5.84 billion is a scale slipped).
      // (Several, where the measure has several figures for its latest day: a press release's beside the 10-Q's.)
      let currentIds: string[] | undefined;
      const currentFigures = () => (currentIds ??= period === undefined && dated === undefined && !lang.namedOnly ? currentOf(byLabel.get(named.name)!, s, { at: nameFrom, end: nameEnd }, { at: amount.index, end: amount.index + amount.token.length }) : []);
      /** The figures the sentence speaks of: its period's, the day's it dates a balance by, or the current one. */
      const due = () => (period === undefined ? (dated === undefined ? currentFigures() : [dated.id]) : figures.filter(({ id }) => periodKeysOf(index.metrics[id], fiscalShift).has(period.key)).map(({ id }) => id));
      // In English, where the figure the sentence speaks of (its period's, or the current one) is a loss, below zero, the
      // amount is signed as its words give it (signedLoss): a loss's words make it one ("The net loss narrowed to $45
      // million" is -45), none a profit ("Net income was $54 million" is no -54). Elsewhere, a loss may be typed without its minus.
      const loss = english && !isCountRead && equivalentOf === undefined && figures.some(({ f }) => f !== undefined && f.value < 0) ? signedLoss(figures, due(), lost !== undefined || LOSS_LABEL.test(named.name)) : undefined;
      // ...and the other way round: where it is a profit, above zero, a loss's words ("a net loss of €196.4m", "EBITA was a
      // loss of") or a minus typed ("−€196.4m") make the amount a loss, -X, which no figure of a profit is (profitAsLoss).
      const asLoss = english && !isCountRead && equivalentOf === undefined && loss === undefined && !LOSS_LABEL.test(named.name) && (lost !== undefined || amount.value < 0)
        ? profitAsLoss(figures, due())
        : false;
      const sign = (v: number) => (asLoss ? [-Math.abs(v)] : loss === undefined ? [v, -v] : [loss.words ? -Math.abs(v) : v]);
      // An amount that is a figure of any metric (another period's, another measure's) is typed-figure's to report, or right;
      // so is one that is a figure written the English way in a text of another notation ("EUR 9,076 Mio." in German).
      // Not a figure of a measure the sentence does not speak of (speaksOfMeasure), typed after this one's name: "EBITDA was
      // €412.0m in H1 2025" is EBITDA's figure typed wrong, whatever else is €412 million (a purchase price).
      const typed = [amount.value, ...(amount.otherwise === undefined ? [] : [amount.otherwise])].flatMap(sign);
      const spoken = s.spoken();
      const exact = anyAmount.some((f) => amount.currencies.includes(f.unit) && typed.some((v) => sameUnits(f.value, v)) && speaksOfMeasure(f.label, spoken));
      // Some figure of the measure, any period's, rounded as typed or as written (a loss typed without its minus too).
      const fitting = figures.filter(({ f }) => f !== undefined && (loss === undefined && !asLoss ? near(Math.abs(amount.value), { ...f, value: Math.abs(f.value) }, amount.step) : near(sign(amount.value)[0]!, f, amount.step)));
      // ...but not where the sentence names a period of the measure's whose figure it is not, and not the period of the
      // figure it is, which typed-figure does not take: rounded to fewer than three digits ("Revenue was €2.3bn in H1
      // 2025", €2,310 million being H1 2024's), or a free table's bare number (277.2 under "H1 2025", H1 2024's EBITA).
      // Another period's figure left under this one's words: the text and the figure disagree.
      const leftOver = (() => {
        if ((!exact && fitting.length === 0) || period === undefined) return undefined;
        const ofPeriod = (id: string) => periodKeysOf(index.metrics[id], fiscalShift).has(period.key);
        if (!figures.some(({ id, f }) => f !== undefined && ofPeriod(id)) || fitting.some(({ id }) => ofPeriod(id))) return undefined;
        // (Not where the sentence names the figure's period too, a comparison; but for a reference to it written with it,
        // "after [[revenue@2024-12-31]] in H2 2024".)
        const namedKeys = new Set(withoutReferencesPeriods(text.slice(s.start, s.end), s.periods(), figures.map(({ id }) => id), index, fiscalShift).map((p) => p.key));
        const other = fitting.find(({ id }) => ![...periodKeysOf(index.metrics[id], fiscalShift)].some((k) => namedKeys.has(k)));
        if (other === undefined) return undefined;
        const value = Math.abs(other.f!.value);
        const asTyped = sameUnits(value, Math.abs(amount.value));
        // (typed-figure's, in text: the figure as typed, or rounded to three digits in a sentence naming its measure.)
        if (bare === undefined && (exact || (roundedFigure(value, Math.abs(amount.value), amount.step) && speaksOfMeasure(index.metrics[other.id].label, spoken) && !OTHER_FIGURE.test(spoken)))) return undefined;
        const earlier = (index.metrics[other.id].period_end ?? '') < (index.metrics[figures.find(({ id }) => ofPeriod(id))!.id].period_end ?? '');
        return `it is ${other.id}, the figure for ${index.metrics[other.id].period}${asTyped ? '' : ', rounded'} (${earlier ? 'text left from an earlier period' : 'typed under the wrong period'}?)`;
      })();
      if ((exact || fitting.length > 0) && leftOver === undefined) continue;
      const current = currentFigures();
      const now = current.map((id) => ({ id, f: figures.find((x) => x.id === id)?.f }));
      /** The reference that prints the figure of `id` as the amount is typed: its value, or its equivalent. */
      // (A loss's words before it, its size: "a net loss of [[net_income.size]]".)
      const refOf = (id: string) => { const m = index.metrics[id]; return `[[${referredAs(index, id)}${loss?.words ? '.size' : m.equivalent === undefined ? '' : m.unit !== undefined && amount.currencies.includes(m.unit) ? '.amount' : '.equivalent'}]]`; };
      // What the text types it as, a loss's words read ("a loss of Net income", where the label names no loss), and where it types a loss's figure without them, said.
      const typedAs = (label: string) => ((loss?.words || (asLoss && lost !== undefined)) && !LOSS_LABEL.test(normalWords(label)) ? `a loss of ${label}` : label);
      const asProfit = loss !== undefined && !loss.words && amount.value > 0 ? ', a loss, which the text types as a profit, with no loss\'s words before it ("a net loss of")'
        // (A profit typed as a loss: what to reword with the reference, as the loss's words or its minus would stay beside it.)
        : asLoss ? `, a profit, which the text types as a loss, ${lost !== undefined ? `its words ${quote(halfWidth.slice(amount.index - s.before.length + lost.at, amount.index).trim())} before it: reword them as a profit` : 'with a minus: leave the minus out'}` : '';
      /** Whether the amount is within half as much again of the figure `f`, or two thirds of it: not a year's, a half's, nine months'. */
      const asMuch = (f: { value: number }) => Math.abs(amount.value) / Math.abs(f.value) > 2 / 3 && Math.abs(amount.value) / Math.abs(f.value) < 1.5;
      /** Of several figures the amount is none of, the first it is a power of ten off (slipOf), said so. */
      const slipAmong = (all: Array<{ id: string; f?: Parameters<typeof slipOf>[3] }>, written: string) => all.map(({ id, f }) => f && slipOf(amount, written, id, f, id)).find((x) => x !== undefined);
      if (now.length > 0 && now.every(({ f }) => f !== undefined)) {
        const written = text.slice(amount.index, amount.index + amount.token.length);
        // (But an amount with the figure's digits a power of ten off is its scale slipped, not another period's: slipOf.)
        if (!now.every(({ f }) => asMuch(f!)) && slipAmong(now, written) === undefined) continue;
        const { id, f } = now[0]!;
        const m = index.metrics[id];
        const refs = current.map(refOf).join(' or ');
        if (now.length > 1) several(amount.index, written, typedAs(m.label), undefined, now.map((one) => ({ id: one.id, shown: `${one.f!.shown}${inMinor(amount, one.f!)}` })), current.map(refOf), slipAmong(now, written), printsMajor(amount, f!, refs));
        else report(amount.index, written, id, undefined, typedAs(m.label), `is ${f!.shown}${inMinor(amount, f!)} (${m.period})${asProfit}`, refs, slipOf(amount, written, id, f!), printsMajor(amount, f!, refs));
        continue;
      }
      // ...or the balance of the day the sentence dates it by; or, where the briefing's period has no figure of the measure,
      // the one it may yet mean: the balance of the day the sentence names ("Net debt was ₹8,120 million at 30 June 2025"),
      // or its latest ("Net debt was ₹8,120 million." in a briefing for the quarter after). An amount that is none of the
      // measure's figures is then said, naming that one.
      const undated = dated ?? (period === undefined && current.length === 0 && !lang.namedOnly ? undatedOf(byLabel.get(named.name)!, s, { at: nameFrom, end: nameEnd }, { at: amount.index, end: amount.index + amount.token.length }) : undefined);
      const then = undated === undefined ? undefined : figures.find(({ id }) => id === undated.id)?.f;
      if (undated !== undefined && then !== undefined) {
        const m = index.metrics[undated.id];
        const written = text.slice(amount.index, amount.index + amount.token.length);
        const slip = slipOf(amount, written, undated.id, then);
        if (!asMuch(then) && slip === undefined) continue;
        const ref = refOf(undated.id);
        const last = printsMajor(amount, then, ref);
        const said = slip === undefined ? '' : `; ${slip}`;
        mismatch(amount.index, written, undated.id, undated.day !== undefined
            ? `${quote(written)} is typed into the text as ${m.label} in a sentence that names ${undated.day}, for which ${undated.id} is ${then.shown}${inMinor(amount, then)} (${m.period}), and no figure of ${m.label} for any period is ${quote(written.trim())}, as typed or rounded${said}: the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write ${ref} in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding${last === undefined ? '' : `; ${last}`}`
            : `${quote(written)} is typed into the text as ${m.label} in a sentence that names no period, and no figure of ${m.label} for any period is ${quote(written.trim())}, as typed or rounded: ${undated.id} (the latest figure up to briefing.as_of, ${formatDate(canvas.briefing.as_of, canvas.briefing.language)}) is ${then.shown}${inMinor(amount, then)} (${m.period}), and the canvas has none for the briefing's period (${canvas.briefing.period})${said}: the text and the figure disagree, and the briefing would print both. If the text means the ${m.period} figure, check both against the source, correct the one that is wrong, and write ${ref} in the text, so that it prints the figure and follows it; if it means one the canvas does not have (for ${canvas.briefing.period}), add it to the canvas and refer to it, or name its period in the sentence, or acknowledge the finding${last === undefined ? '' : `; ${last}`}`);
        continue;
      }
      const meant = period && figures.filter(({ id, f }) => f !== undefined && periodKeysOf(index.metrics[id], fiscalShift).has(period.key));
      if (period === undefined || meant === undefined || meant.length === 0) continue;
      // Several figures of the measure for the period (a press release's beside the annual report's): the amount is none
      // of them (nor any other period's, above), so it is wrong whichever is right. Their contradiction is reported by its
      // own rule; the text's is reported here, naming them all.
      if (meant.length > 1) {
        const refs = meant.map(({ id }) => refOf(id));
        const written = text.slice(amount.index, amount.index + amount.token.length);
        several(amount.index, written, typedAs(index.metrics[meant[0]!.id].label), period, meant.map(({ id, f }) => ({ id, shown: `${f!.shown}${inMinor(amount, f!)}` })), refs, leftOver ?? slipAmong(meant, written), printsMajor(amount, meant[0]!.f!, refs.join(' or ')));
        continue;
      }
      const { id, f } = meant[0]!;
      const m = index.metrics[id];
      const written = text.slice(amount.index, amount.index + amount.token.length);
      report(amount.index, written, id, period, typedAs(m.label), `is ${f!.shown}${inMinor(amount, f!)} (${m.period})${asProfit}`, refOf(id), leftOver ?? slipOf(amount, written, id, f!), printsMajor(amount, f!, refOf(id)));
    }

    // Percentages: a rate's level ("operating margin was 45.2%"), a rate of growth ("Azure revenue grew 35%": Azure
    // revenue growth), or an amount's stated change ("revenue grew 18%": revenue's change).
    for (const typed of percents) {
      const at = typed.index;
      const s = sentenceOf(at);
      if (s === undefined) continue;
      const { step } = typed;
      // "up 18% to [[revenue]]": a change beside its reference, typedChanges's (CHANGE_BEFORE). Not the company's change
      // in English, which it does not read: "Corvell grew revenue by 12% to [[revenue]]" (englishRaiser).
      const toReference = /^\s*(?:(?:year[- ]on[- ]year|year[- ]over[- ]year|yoy|y\/y)\s+)?(?:to|at)\s+(?=\[\[)/i.exec(text.slice(at + typed.token.length));
      if (toReference !== null && (!english || CHANGE_BEFORE.test(text.slice(Math.max(0, at - 60), at + typed.token.length + toReference[0].length)))) continue;
      if (lang.toReference?.test(text.slice(at + typed.token.length))) continue;
      // "[[revenue]] in Q3 2025, up 3.8%": a change after its reference and period words, typedChanges's too.
      if (english && REFERENCE_THEN_CHANGE.test(withoutPeriodBeforeChange(text.slice(Math.max(0, at - NAME_WINDOW), at)) ?? '')) continue;
      const level = measureBefore(s.before, labels, 'level', lang, reporter, usual, raiser);
      const rate = level === undefined ? measureBefore(s.before, grown, 'change', lang) : undefined;
      // A change said of the measure's name, or after its figure: "revenue grew 12%", "revenue was $77.7 billion and increased 12%".
      // ...and a period between the figure and its change: "revenue was €402.6 million in Q3 2025, up 3.8% YoY".
      const pastPeriod = english && level === undefined && rate === undefined ? withoutPeriodBeforeChange(s.before) : undefined;
      const change = level === undefined && rate === undefined ? measureBefore(s.before, labels, 'change', lang, NEVER, usual, raiser) ?? measureBefore(s.before, labels, 'levelThenChange', lang, NEVER, usual) ?? (pastPeriod === undefined ? undefined : measureBefore(pastPeriod, labels, 'levelThenChange', lang)) : undefined;
      const named = level ?? rate ?? change;
      if (named === undefined || othersName(s.before, named.at) || relativeWords(halfWidth, at, at + typed.token.length) !== undefined) continue;
      // A bare percentage in brackets after a figure ("9,18 Mrd. € (+7,5 %"): a change only with its sign.
      if (named.joined.groups?.bare !== undefined && typed.sign === '') continue;
      // A change on another basis (sequential, constant currency, organic) is not the year-on-year one the canvas states:
      // said of this figure, in the words about it ("(up 17% in constant currency)" beside it says nothing of it).
      const sentencePeriod = change === undefined ? undefined : s.periodNearest(at - s.start);
      if (otherBasis(at, at + typed.token.length, at - s.before.length + named.at, level === undefined ? changeBasis : levelBasis, false, new Set(sentencePeriod === undefined ? [] : [sentencePeriod.key]))) continue;
      // (After a change, the new level it went to is no part's words: "steigerte den Umsatz um 5 % auf 1,23 Mrd. € in China" is read past it.)
      const newLevel = change === undefined ? undefined : lang.newLevel?.exec(halfWidth.slice(at + typed.token.length, Math.min(s.end, at + typed.token.length + PERIOD_WORDS)));
      const partFrom = at + typed.token.length + (newLevel?.[0].length ?? 0);
      if (named.lead !== undefined && partReported(halfWidth.slice(partFrom, Math.min(s.end, partFrom + PERIOD_WORDS)), lang)) continue;
      if (level?.fronted && !companyAfter(halfWidth, at + typed.token.length, s.end)) continue;
      if (!particleAfter(named.joined, halfWidth, at + typed.token.length, s.end)) continue;
      // (In Japanese and Korean a change's word of direction follows its figure, "8.5%増", "8.5% 증가": without it, or a sign,
      // "前年同期比108.5%" is a ratio, no change.)
      const direction = change !== undefined && lang.changeDirection !== undefined ? lang.changeDirection.exec(halfWidth.slice(at + typed.token.length)) : undefined;
      if (direction === null && typed.sign === '') continue;
      const down = named.down ?? (direction ? lang.down.test(direction[1]!) : named.joined[2] !== undefined ? /down/i.test(named.joined[2]) : lang.down.test(named.joined[1] ?? ''));
      const value = (down !== (typed.sign === '-' || typed.sign === '−') ? -1 : 1) * typed.magnitude;
      // A change's figure is signed by its direction, its word's or its sign's: "fell 12%" is "−12%", another figure than "grew 12%".
      const signed = change === undefined ? undefined : signedChange(text.slice(at, at + typed.token.length), value < 0, '%');
      const ids = (rate ? growthOf : byLabel).get(named.name)!;
      const figures = ids.map((id) => {
        const m = index.metrics[id];
        // The digits the canvas writes (74.0 keeps its decimals: YAML reads 74): 73.6% is no rounding of 74.0%.
        const decimals = m.value === undefined ? 0 : m.decimals ?? decimalsOf(m.value);
        return { id, f: change ? statedYearOnYear(m, language) ?? impliedOf(id) : m.unit === 'percent' ? { value: m.value!, step: 10 ** -decimals, shown: figure({ value: m.value!, unit: 'percent', decimals }) } : undefined };
      });
      const period = s.periodNearest(at - s.start);
      // A sentence that names no period: compared with the current figure's, when it is none of the measure's figures.
      const nameAt = at - s.before.length + named.at;
      // (Several, where the measure has several figures for its latest day: a press release's margin beside the 10-Q's.)
      const current = period === undefined && !lang.namedOnly ? currentOf(ids, s, { at: nameAt - (named.lead ?? 0), end: nameAt + (named.length ?? named.name.length) }, { at, end: at + typed.token.length }) : [];
      const now = current.map((id) => ({ id, f: figures.find((x) => x.id === id)?.f }));
      if (now.length > 0 && now.every(({ f }) => f !== undefined)) {
        if (figures.some(({ f }) => f !== undefined && fits(value, f, step))) continue;
        const { id, f } = now[0]!;
        const m = index.metrics[id];
        const written = text.slice(at, at + typed.token.length);
        const what = change ? `the change of ${m.label}` : m.label;
        if (now.length > 1) several(at, written, what, undefined, now.map((one) => ({ id: one.id, shown: change ? `a change of ${one.f!.shown}` : one.f!.shown })), now.map((one) => changeRef(one.id, one.f!, change !== undefined)), undefined, undefined, signed);
        else report(at, written, id, undefined, what, change ? changeSaid(f!, m.period) : `is ${f!.shown} (${m.period})`, changeRef(id, f!, change !== undefined), undefined, undefined, signed);
        continue;
      }
      const meant = period && figures.filter(({ id, f }) => f !== undefined && periodKeysOf(index.metrics[id], fiscalShift).has(period.key));
      // (Several figures for the period, a press release's margin beside the annual report's: one that is any of them is
      // left alone, their disagreement being contradiction's; one that is none of them is wrong whichever is right.)
      if (period === undefined || meant === undefined || meant.length === 0 || meant.some(({ f }) => fits(value, f!, step))) continue;
      // Another period's figure of the measure: last quarter's text left under this quarter's words ("Services grew 12% in
      // Q1 FY26", 12% being Q4's growth), unless the sentence names that period too (a comparison).
      const namedKeys = new Set(s.periods().map((p) => p.key));
      const other = figures.find(({ id, f }) => f !== undefined && !meant.some((one) => one.id === id) && fits(value, f, step));
      if (other !== undefined && [...periodKeysOf(index.metrics[other.id], fiscalShift)].some((k) => namedKeys.has(k))) continue;
      const written = text.slice(at, at + typed.token.length);
      const stale = other === undefined ? undefined : `${quote(written.trim())} is the figure for ${index.metrics[other.id].period} (text left from an earlier period?)`;
      if (meant.length > 1) {
        const label = index.metrics[meant[0]!.id].label;
        several(at, written, change ? `the change of ${label}` : label, period, meant.map(({ id, f }) => ({ id, shown: change ? `a change of ${f!.shown}` : f!.shown })), meant.map(({ id }) => `[[${referredAs(index, id)}${change ? '.change' : ''}]]`), stale, undefined, signed);
        continue;
      }
      const { id, f } = meant[0]!;
      const m = index.metrics[id];
      report(at, written, id, period, change ? `the change of ${m.label}` : m.label, change ? changeSaid(f!, m.period) : `is ${f!.shown} (${m.period})`, changeRef(id, f!, change !== undefined), stale, undefined, signed);
    }
  }
  return found;
}

/**
 * A typed-mismatch message said of a free table's cell (typedMismatches' cellSentence) rather than of text: typed into
 * the table, the reference to write in the cell, and a cell naming no period said so; a bare number (`bare`) quoted as
 * written, with the amount it is read as and where its unit is stated.
 */
function inTableCell(message: string, written: string, bare: BareNumber | undefined): string {
  const said = message.replace('in a sentence that names no period', 'in a table cell whose column and title name no period')
    .replace(' is typed into the text ', ' is typed into the table ').replace(/the text and the (figures?) disagree/, 'the table and the $1 disagree')
    .replace(' in the text, so that it prints', ' in the cell, so that it prints').replace(/if the text means another/g, 'if the table means another');
  return bare === undefined ? said : said.replace(quote(written), `${quote(bare.written)} (read as ${written}, the unit ${bare.where} states)`);
}

/**
 * Words of a free table's column or title, its periods aside, that make its cells other figures than the measure's level
 * for the period: a change, a share or mix, an average, another time ("Change", "YoY", "vs", "% of revenue", "Prior year",
 * "Q4", "9M"). The table's cells are then not read as its row's measure's figures (typedMismatches' cellSentence).
 */
const NOT_A_LEVEL = /chang|grow|grew|\byoy\b|y\/y|\bvs\b|versus|delta|Δ|diff|varian|increas|decreas|declin|%|percent|share|mix|\bper\b|average|ratio|prior|previous|last|earlier|\bago\b|before|since|year|quarter|month|half|\bh[12]\b|\bq[1-4]\b|\b9m\b|ytd|to date|target|guidance|budget|plan|forecast|estimate|consensus|outlook|expect/i;

/**
 * Words of a free table's title or column that say nothing of which measure its cells are (typedMismatches' cellSentence):
 * of a table of figures, of the company's parts, of units and scales, and revenue by its names (a segment's figure, as
 * its name alone labels it, is its revenue). Any other word may name another measure ("EBIT", "Capex", "Orders").
 */
const TABLE_WORDS = /^(?:the|of|by|and|in|at|for|a|an|key|headline|highlights?|summary|overview|results?|performance|financials?|figures?|segments?|divisions?|business(?:es)?|units?|group|value|values|amount|actuals?|reported|measures?|metrics?|items?|table|data|revenues?|sales|turnover|million|billion|thousand|m|mn|bn|k)$/;
/** Words that name a measure, read in a section's or chapter's title over a free table: "EBIT by segment" is not the segments' revenue. */
const TABLE_MEASURE_WORDS = /^(?:ebit|ebitda|ebita|profits?|income|earnings|margins?|cash|capex|debt|orders?|intake|backlog|dividends?|eps|costs?|expenses?|assets|equity|employees|headcount|volumes?|prices?|returns?|capital|investments?|spending)$/;

/**
 * A figure's stated change in percent when it is year on year (no basis, YoY in any spelling, 同比): its value, what its
 * last digit counts, and as its reference prints it ("+18% YoY").
 */
function statedYearOnYear(m: Metric, language: string | undefined): { value: number; step: number; shown: string } | undefined {
  const c = m.change;
  if (c?.percent === undefined || !(c.basis === undefined || YOY_BASIS.test(c.basis))) return undefined;
  const decimals = c.decimals ?? decimalsOf(c.percent);
  const shown = localChange(c.percent, decimals, 'percent', language, c.basis ?? 'YoY') ?? `${c.percent > 0 ? '+' : c.percent < 0 ? '\u2212' : ''}${formatNumber(Math.abs(c.percent), decimals)}% ${c.basis ?? 'YoY'}`;
  return { value: c.percent, step: 10 ** -decimals, shown };
}

/**
 * A percentage's stated change in points (YoY) as the change in percent it is of the percentage a year before: a margin of
 * 16.5%, +2.5 pp from 14.0%, is up 17.9%. "up 17.9%" beside it is that change; "up 2.5%" or "up 1.4%" is another figure
 * (a reader takes a percent beside a percentage for its relative change), and is told to write points. The range the
 * rounding of both allows, as its middle and step.
 */
function pointsAsPercent(m: Metric, language: string | undefined): { value: number; step: number; shown: string } | undefined {
  const c = m.change;
  if (m.unit !== 'percent' || m.value === undefined || c?.points === undefined || c.percent !== undefined || !(c.basis === undefined || YOY_BASIS.test(c.basis))) return undefined;
  const [valueHalf, pointsHalf] = [0.5 * 10 ** -(m.decimals ?? decimalsOf(m.value)), 0.5 * 10 ** -(c.decimals ?? decimalsOf(c.points))];
  const relative = (value: number, points: number) => (points / (value - points)) * 100;
  const corners = [-1, 1].flatMap((v) => [-1, 1].map((p) => relative(m.value! + v * valueHalf, c.points! + p * pointsHalf)));
  if (m.value - c.points - valueHalf - pointsHalf <= 0 || !corners.every(Number.isFinite)) return undefined;
  const [lo, hi] = [Math.min(...corners), Math.max(...corners)];
  const shown = statedPoints(c.points, c.decimals ?? decimalsOf(c.points), c.basis, language);
  return { value: (lo + hi) / 2, step: hi - lo, shown: `${shown}, a change of ${signedPercent((lo + hi) / 2, language)} from ${formatNumber(m.value - c.points, m.decimals ?? decimalsOf(m.value))}% (a percent beside a percentage reads as its change in percent: write the change in points)` };
}

/** A stated change in points as a reference to it prints it: "+2.5 pp YoY"; in German "+2,5 PP ggü. Vorjahr". */
function statedPoints(points: number, decimals: number, basis: string | undefined, language: string | undefined): string {
  return localChange(points, decimals, 'points', language, basis ?? 'YoY') ?? `${points > 0 ? '+' : points < 0 ? '\u2212' : ''}${formatNumber(Math.abs(points), decimals)} pp ${basis ?? 'YoY'}`;
}

/** A change in percent as a reference to a stated change prints it, to a tenth: "+9.5%", "−3.1%"; in German "+9,5 %". */
function signedPercent(x: number, language: string | undefined): string {
  return localChange(x, 1, 'percent', language) ?? `${x > 0 ? '+' : x < 0 ? '\u2212' : ''}${formatNumber(Math.abs(x), 1)}%`;
}

/** A measure per share by its label (as normalWords writes it): "basic eps", "dividend per share", "final dividend", "bénéfice par action". */
const PER_SHARE_LABEL = /(?<!\p{L})(?:eps|dps|per (?:\p{L}+ )?share|dividends?|(?:je|pro) aktie|dividende|par action|por (?:acción|ação)|per azione|per aandeel)(?!\p{L})/iu;
/** What says a figure is per share, as a measure per share's own words (not "per diluted share", another basis than a basic figure's). */
const PER_SHARE = /(?<!\p{L})(?:(?:per|a|each)\s+(?:ordinary\s+)?share|(?:je|pro)\s+aktie|par\s+action|por\s+(?:acción|ação)|per\s+azione|per\s+aandeel)(?!\p{L})/giu;

/** A figure (`f`, in units) as a typed amount in a hundredth of its currency writes it: ", 45.2p" beside £0.452; nothing for any other amount, or one shown in pence. */
function inMinor(amount: TypedAmount, f: { value: number; step: number; shown: string }): string {
  if (amount.minor === undefined || !/^\D*\d/.test(f.shown) || /GBX|GBp/.test(f.shown)) return '';
  const decimals = Math.max(0, Math.round(-Math.log10(f.step * 100)));
  return `, ${formatNumber(f.value * 100, decimals)}${amount.currencies[0] === 'GBP' ? 'p' : ' cents'}`;
}

/** What a reference to a figure in its currency's unit prints where the text writes a hundredth of it ("45.2p"): said after the advice to write it. */
function printsMajor(amount: TypedAmount, f: { shown: string }, ref: string): string | undefined {
  if (amount.minor === undefined || /GBX|GBp/.test(f.shown)) return undefined;
  const code = amount.currencies[0]!;
  const [minor, major] = code === 'GBP' ? ['pence', 'pounds'] : ['cents', code === 'EUR' ? 'euros' : code === 'ZAR' ? 'rand' : 'dollars'];
  return `to keep ${minor} in the text, correct the typed figure instead: ${ref} prints ${major} (${f.shown})`;
}

/** Before the first figure of "from ... to ...", in the languages typed-mismatch reads: "van", "von", "from", "da", "de". */
const FROM_BEFORE = /(?<!\p{L})(?:van|von|from|da|dal|de)\s*$/iu;
/** ...and between it and the second: "tot", "naar", "auf", "bis", "to", "a", "al", "para". */
const TO_BETWEEN = /^\s*(?:tot|naar|auf|bis|to|a|al|para)\s*$/iu;

/** A change typed right after a figure: "[[revenue]], up 20%", "[[revenue]] (down 3.5%)", "[[revenue]] (+20%)", "[[revenue]]，同比增长20%". */
const CHANGE_AFTER = /^\s*[,，(（]?\s*(?:(up|down|an? (?:increase|rise|decrease|decline|fall|drop) of)\s+|(?<=[,，(（]\s*)([+＋\u2212-])|(?:同比)?(增长|增加|上升|提升|下降|减少|下滑|増加|増|減少|減)了?\s?)(\d+(?:\.\d+)?)\s?[%％]/i;
/** ... or right before it: "grew 20% to [[revenue]]", "was up 20% to [[revenue]]", "fell 3.5% year on year to [[revenue]]", "同比增长20%至[[revenue]]". */
const CHANGE_BEFORE = /(?:\b(grew|rose|increased|climbed|jumped|gained|fell|declined|dropped|decreased|slipped|up|down)\s+(?:by\s+)?|(?:同比)?(增长|增加|上升|提升|下降|减少|下滑|増加|減少)了?\s?)(\d+(?:\.\d+)?)\s?[%％]\s*(?:(?:year[- ]on[- ]year|year[- ]over[- ]year|yoy|y\/y)\s+)?(?:to|at|至|到|达|達|为|為)\s*$/i;
/** Words that put a typed change on another basis than the year before: it is not the figure's stated YoY change. */
const OTHER_BASIS = /sequential|(?:from|over|on|vs\.?|versus|compared with|against)\s+(?:the\s+)?(?:(?:previous|prior|preceding|last)\s+(?:quarter|month|half)|q[1-4]\b|[1-4]q\b|h[12]\b|the quarter before|(?:(?:march|june|september|december|mar|jun|sept?|dec)\.?|first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b(?!\s+(?:of\s+)?(?:a|last|the prior|the previous)\b))|上一?季度|前季度|quarter[- ]on[- ]quarter|quarter[- ]over[- ]quarter|\bq(?:o|\/)q\b|constant[- ]currency|organic|like[- ]for[- ]like|\bl-?f-?l\b|excluding|\bex-|环比|環比|前期比|前四半期比|前月比|上半年|cumulative|since|over (?:the )?(?:two|three|five|\d+) years/i;
/** A change on another basis than the figure's stated year-on-year one, or a figure on another basis than the reported one. */
const CHANGE_BASIS = new RegExp(`${OTHER_BASIS.source}|${LEVEL_BASIS.source}`, 'i');
const DOWN = /^(?:down|an? (?:decrease|decline|fall|drop) of|fell|declined|dropped|decreased|slipped|[\u2212-]|下降|减少|下滑|減少|減)$/i;

/**
 * A change typed beside a figure's reference that its stated change contradicts: "Revenue grew 20% to [[revenue]]"
 * where revenue states +8.8% YoY. The reader sees both, and one is wrong; the text also stays as typed when the figure
 * is updated. Only a change tied to the reference (just before or after it, in the words above) and on no other basis
 * (sequential, constant currency...), beside a figure that states a year-on-year change, is read.
 */
/**
 * Japanese writes a change's figure before its word: "[[sales]]（前年同期比15%増）", "前年同期比15%増の[[sales]]", "15%減の[[sales]]".
 * Its basis is in the phrase: 前年同期比 and 前年比 are year on year; 前期比 and 前四半期比 (sequential) are not read here.
 */
const JA_CHANGE_AFTER = /^\s*[,，、(（]?\s*(?:前年同期比|前年比)\s?[+＋]?(\d+(?:\.\d+)?)\s?[%％]\s?(増加|増|減少|減)/;
const JA_CHANGE_BEFORE = /(?<!前期比\s?|前四半期比\s?)(?:(?:前年同期比|前年比)\s?)?[+＋]?(\d+(?:\.\d+)?)\s?[%％]\s?(増加|増|減少|減)(?:の|となる|となった|となり)\s*$/;

/** The length of a bracket that opens `words` and names one of the figure's own periods (`own`: its keys) and nothing else: "(July–September 2025)"; else 0. */
function glossOf(words: string, own: Set<string>): number {
  const bracket = /^\s*[(（]([^()（）]{1,60})[)）]/u.exec(words);
  if (bracket === null) return 0;
  const inner = bracket[1]!.trim();
  return namedPeriods(inner).some((p) => own.has(p.key) && p.at === 0 && p.end === inner.length) ? bracket[0].length : 0;
}

/**
 * A change typed just after a reference ([end, ...)), or after the period words just after it that are the figure's
 * (`own`: its period keys) and a comma or bracket ("[[revenue]] in Q3 2025, up 3.8% YoY", "[[revenue]] for the quarter
 * (+3.8%)"), or just before it (..., at): as typed, its word of direction, its digits, and where it starts.
 */
function typedChangeBeside(text: string, at: number, end: number, own: Set<string>, lang: Joins): { phrase: string; needle: string; down: boolean; digits: string; at: number } | undefined {
  const period = periodAfter(text.slice(end, end + PERIOD_WORDS));
  // (Another period's figure, "[[revenue]] in Q2 2025" of Q3's: period-mismatch's to report, not its change.)
  const ofIt = period !== undefined && (period.key !== undefined ? own.has(period.key) : period.kinds === undefined || [...own].some((k) => period.kinds!.includes(periodKeyKind(k))));
  // With its months in brackets after it, as a fiscal quarter is glossed: "in Q2 FY2025 (July–September 2025)".
  const periodEnd = ofIt ? end + period!.length + glossOf(text.slice(end + period!.length, end + period!.length + PERIOD_WORDS), own) : end;
  const past = ofIt && /^\s*[,(]/.test(text.slice(periodEnd)) ? periodEnd - end : 0;
  let rest = text.slice(end + past, end + past + 40);
  const start = Math.max(0, at - 60);
  const lead = text.slice(start, at);
  // Quoted as typed, from its word to its % sign ("grew 20%", "同比增长20%"), or in Japanese to its word ("前年同期比15%増").
  const english = (m: RegExpExecArray) => /^\s*[,，(（]?\s*(.*?[%％])/s.exec(m[0])![1]!;
  const down = (word: string) => DOWN.test(word.trim());
  const after = CHANGE_AFTER.exec(rest);
  if (after) return { phrase: after[0], needle: english(after), down: down(after[1] ?? after[2] ?? after[3] ?? ''), digits: after[4]!, at: end + past + after.index };
  // In the canvas's language (German), its digits with its decimal comma: "[[umsatz]], ein Plus von 7,5 %", "(+7,5 %".
  const inLanguage = lang.typedChange === undefined ? null : lang.typedChange.after.exec(rest);
  if (inLanguage) return { phrase: inLanguage[0], needle: english(inLanguage), down: lang.down.test(inLanguage[1] ?? '') || /^[\u2212-]$/.test(inLanguage[2] ?? ''), digits: inLanguage[3]!.replace(',', '.'), at: end + past + inLanguage.index };
  // (No change after the period words: one before the figure is still its own, "rose 19.4% to [[ebita]] in the first half, and".)
  if (past > 0) rest = text.slice(end, end + 40);
  const before = CHANGE_BEFORE.exec(lead);
  if (before) return { phrase: before[0], needle: english(before), down: down(before[1] ?? before[2] ?? ''), digits: before[3]!, at: start + before.index };
  // ...and its verb before, with the words of a period between ("stieg im dritten Quartal 2025 um 7,5 % auf [[umsatz]]"): twice the lead.
  const from = Math.max(0, at - 120);
  const ownBefore = lang.typedChange === undefined ? null : lang.typedChange.before.exec(text.slice(from, at));
  if (ownBefore) return { phrase: ownBefore[0], needle: /(?<!\p{L})um\s+\S+\s?(?:%|prozent)/iu.exec(ownBefore[0])![0], down: lang.down.test(ownBefore[1]!), digits: ownBefore[2]!.replace(',', '.'), at: from + ownBefore.index };
  const jaAfter = JA_CHANGE_AFTER.exec(rest);
  if (jaAfter) return { phrase: jaAfter[0], needle: jaAfter[0].replace(/^\s*[,，、(（]?\s*/, ''), down: down(jaAfter[2]!), digits: jaAfter[1]!, at: end + jaAfter.index };
  const jaBefore = JA_CHANGE_BEFORE.exec(lead);
  if (jaBefore) return { phrase: jaBefore[0], needle: jaBefore[0].replace(/(?:の|となる|となった|となり)\s*$/, ''), down: down(jaBefore[2]!), digits: jaBefore[1]!, at: start + jaBefore.index };
  return undefined;
}

export function typedChanges(canvas: CanvasInput, index: MetricIndex, fiscalShift?: number): Finding[] {
  const figure = (q: FigureQuantity) => figureWords(q, canvas.briefing?.language); // as [[id]] prints it (typedFigures)
  // Read in the canvas's language too, where typed-mismatch reads it (joinsOf): "[[umsatz]], ein Plus von 7,5 %".
  const lang = joinsOf(canvas.briefing?.language);
  const found: Finding[] = [];
  const ids = Object.keys(index.metrics);
  for (const { text, path } of referringTexts(canvas)) {
    let sentenceOf: ReturnType<typeof sentenceFinder> | undefined;
    for (const ref of parseReferences(text)) {
      if (ref.error !== undefined || !['value', 'amount', 'size'].includes(ref.part!)) continue;
      const id = resolveRef(index, ref.id!);
      const m = index.metrics[id];
      /** Reports the change typed as `needle` at `from`, which the figure's stated change (`stated`, as shown) contradicts. */
      const disagrees = (needle: string, from: number, stated: string, figure: string) => found.push({
        path,
        needle,
        nth: occurrencesBefore(text, needle, from),
        rule: 'typed-figure',
        metrics: [id],
        figure,
        typedChange: true,
        disagreesWith: id,
        message: `${quote(needle)} is typed into the text beside ${ref.token}, whose stated change is ${stated}: the two disagree, and the reader sees both. Correct the text or the figure's change; write [[${ref.id}.change]] to print the stated change, which follows the figure`,
      });
      const points = m === undefined ? undefined : pointsChange(m, text, ref.index, ref.index + ref.token.length, canvas.briefing?.language);
      if (points !== undefined) {
        disagrees(points.needle, points.at, points.stated, signedChange(points.needle, points.down, points.unit));
        continue;
      }
      const yoy = m === undefined ? undefined : statedYearOnYear(m, canvas.briefing?.language) ?? pointsAsPercent(m, canvas.briefing?.language);
      // A figure that states no change: the change it has with its figure a year earlier, where the canvas has one.
      const implied = m === undefined || yoy !== undefined ? [] : impliedYearOnYear(index.metrics, ids, id);
      if (yoy === undefined && implied.length === 0) continue;
      const end = ref.index + ref.token.length;
      const own = periodKeysOf(m!, fiscalShift);
      const change = typedChangeBeside(text, ref.index, end, own, lang);
      if (change === undefined) continue;
      const { phrase, digits, at } = change;
      // The words around it: what follows the typed change, and the rest of its clause before it ("versus Q3 2024", the
      // period a year before the figure's, is its year-on-year basis: "from Q2 2025" is another), in the canvas's language
      // too ("ggü. Vorquartal", "währungsbereinigt").
      // After it, to the end of its clause ("up 1.4% from $1,215 million in the second quarter"), at most 80 characters:
      // not the next clause's or sentence's basis ("up 9% year on year, and 1.4% from Q2 2025"; "[[revenue]]（前年同期比15%増）
      // となり、第2四半期累計の売上高は", whose 累計 is the next figure's).
      sentenceOf ??= sentenceFinder(text);
      const sentence = sentenceOf(at);
      const after = text.slice(at + phrase.length, Math.min(sentence.end, at + phrase.length + 80));
      const clauseEnd = basisClauseEnd(after, phrase);
      const wordsOf = (t: string) => t.slice(Math.max(0, at - 30), at + phrase.length + clauseEnd);
      const words = wordsOf(text);
      // (Its basis in Chinese, Japanese or Korean not the words of the figure's own period, read in its whole sentence: the
      // 累計 of "2026年3月期 第2四半期累計の売上高は[[revenue_1h]]（前年同期比15%増）" is the half's.)
      const basisWords = lang.namedOnly ? wordsOf(`${text.slice(0, sentence.start)}${periodWordsBlanked(text.slice(sentence.start, sentence.end), own)}${text.slice(sentence.end)}`) : words;
      if (OTHER_BASIS.test(yearEarlierBlanked(words, own)) || comparedWithOtherPeriod(words, own) || lang.basis?.test(basisWords) || lang.sequential?.test(words)) continue;
      const typed = (change.down ? -1 : 1) * Number(digits);
      const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
      const { needle } = change;
      if (yoy === undefined) {
        // Beyond the rounding of the typed change and of both figures (as change-mismatch allows it), with every figure a year earlier.
        const half = 0.5 * 10 ** -decimals;
        if (implied.some(({ computed: [lo, hi] }) => typed + half >= lo - 1e-9 && typed - half <= hi + 1e-9)) continue;
        const { earlier, written } = implied[0]!;
        const e = index.metrics[earlier];
        found.push({
          path,
          needle,
          nth: occurrencesBefore(text, needle, at + phrase.indexOf(needle)),
          rule: 'typed-figure',
          metrics: [id, ...implied.map((i) => i.earlier)],
          figure: signedChange(needle, change.down, '%'),
          typedChange: true,
          disagreesWith: id,
          message: `${quote(needle)} is typed into the text beside ${ref.token}, which is ${figure({ ...m!, value: m!.value! })} (${m!.period}) against ${figure({ ...e, value: e.value! })} a year earlier (${earlier}, ${e.period}): a change of ${signedPercent(written, canvas.briefing?.language)}${implied.length > 1 ? ` (or ${implied.slice(1).map((i) => `${signedPercent(i.written, canvas.briefing?.language)} against ${i.earlier}`).join(', ')})` : ''}, and the two disagree, beyond the rounding of both, and the reader sees both. Correct the text or the figures; or state the change on the figure (its change.percent, as the source gives it) and write [[${ref.id}.change]] to print it, which follows the figure`,
        });
        continue;
      }
      // Beyond the rounding of both: "up 8.8%" beside a stated +9% (written whole) is no disagreement.
      if (Math.abs(yoy.value - typed) <= 0.5 * 10 ** -decimals + 0.5 * yoy.step + 1e-9) continue;
      disagrees(needle, at + phrase.indexOf(needle), yoy.shown, signedChange(needle, change.down, '%'));
    }
  }
  return found;
}

/**
 * A typed change (`needle`, "down 120 bps", "ein Plus von 7,5 %", "前年同期比15%増") as check quotes it for an
 * acknowledgement to name (`figure:`): signed, its number as the text writes it, and its unit: "−120 bps", "+7,5%", "+15%".
 * Signed, so that an edit from "up 120 bps" to "down 120 bps" is no longer the figure acknowledged.
 */
function signedChange(needle: string, down: boolean, unit: string): string {
  // Full-width digits ("１５％") as ASCII ones, which the acknowledgement's figure is read in.
  const ascii = needle.replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0));
  const number = /\d+(?:[.,]\d+)*/.exec(ascii)?.[0] ?? needle.trim();
  return `${down ? '\u2212' : '+'}${number}${unit}`;
}

/** A change in points or basis points typed just after a percentage's reference ("[[cet1]], up 50bps"), or just before it ("widened 15 basis points to [[nim]]"). */
const POINTS = String.raw`(\d+(?:\.\d+)?)\s?(bps?|basis points?|pp|percentage points?|points?|pts?)`;
const POINTS_AFTER = new RegExp(String.raw`^\s*[,(]?\s*(up|down)\s+(?:by\s+)?${POINTS}(?![\w%])`, 'id');
const POINTS_BEFORE = new RegExp(String.raw`\b(up|down|rose|grew|increased|climbed|widened|expanded|fell|declined|dropped|decreased|narrowed|contracted|compressed)\s+(?:by\s+)?${POINTS}\s*(?:(?:year[- ]on[- ]year|year[- ]over[- ]year|yoy|y\/y)\s+)?(?:to|at)\s*$`, 'id');
const POINTS_DOWN = /^(?:down|fell|declined|dropped|decreased|narrowed|contracted|compressed)$/i;

/**
 * A change in points typed beside a percentage's reference that its stated year-on-year change in points contradicts,
 * beyond the rounding of both: "[[cet1]], up 50bps" where cet1 states +0.3 pp YoY. Not one on another basis (sequential...).
 */
function pointsChange(m: Metric, text: string, at: number, end: number, language: string | undefined): { needle: string; at: number; down: boolean; unit: string; stated: string } | undefined {
  const c = m.change;
  if (m.unit !== 'percent' || c?.points === undefined || !(c.basis === undefined || YOY_BASIS.test(c.basis))) return undefined;
  const start = Math.max(0, at - 60);
  const after = POINTS_AFTER.exec(text.slice(end, end + 40));
  const before = after === null ? POINTS_BEFORE.exec(text.slice(start, at)) : null;
  const match = after ?? before;
  if (match === null) return undefined;
  // Quoted from its word to its unit ("up 50bps", "widened 15 basis points"), where it stands in the text.
  const offset = after !== null ? end : start;
  const [from, to] = [offset + match.indices![1]![0], offset + match.indices![3]![1]];
  const needle = text.slice(from, to);
  const around = text.slice(Math.max(0, from - 30), from + needle.length + 40);
  if (OTHER_BASIS.test(around)) return undefined;
  const [, word, digits, unit] = match as unknown as [string, string, string, string];
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  const basisPoints = /^b/i.test(unit);
  const typed = (POINTS_DOWN.test(word) ? -1 : 1) * Number(digits) / (basisPoints ? 100 : 1);
  const shown = c.decimals ?? decimalsOf(c.points);
  // Beyond the rounding of both: "up 18bps" beside a stated +0.2 pp is no disagreement.
  if (Math.abs(c.points - typed) <= (0.5 * 10 ** -decimals) / (basisPoints ? 100 : 1) + 0.5 * 10 ** -shown + 1e-9) return undefined;
  return { needle, at: from, down: POINTS_DOWN.test(word), unit: ` ${unit}`, stated: statedPoints(c.points, shown, c.basis, language) };
}

/**
 * When `id` is a value of a series and its amount's sentence (`read`: uncompared) names not its period but, for no
 * comparison, one later period of that series, which has a value of its own: that period as written and its value. A
 * typed amount equal to the old value is then most likely last quarter's text, left as it was.
 */
function staleTypedValue(id: string, read: Uncompared, index: MetricIndex, fiscalShift: number | undefined, asOf: string): { named: string; series: string; meant: string } | undefined {
  const { series, members, all } = read;
  const named = all.filter((p) => !p.compared);
  const end = (v: string) => index.metrics[v].period_end ?? '';
  // A balance is named by its day too ("at September 30, 2025": namedDays).
  const keysOf = (v: string) => periodAndDayKeysOf(index.metrics[v], fiscalShift);
  const later = named.flatMap((p) => {
    // (Not a figure the sentence gives itself: "to [[revenue]] from EUR 303.7 million" compares with it.)
    const of = members.filter((v) => v !== id && keysOf(v).has(p.key) && end(v) > end(id) && !read.referred.includes(v));
    // A quarter named without its year ("in the third quarter") is the latest of that number up to briefing.as_of: the
    // briefing's own, in a briefing for Q3 2025.
    const meant = /^[qh]n:/.test(p.key) ? of.filter((v) => end(v) <= asOf && !isLookingAhead(index.metrics[v])).sort((a, b) => end(a).localeCompare(end(b))).at(-1) : of[0];
    // A measure of single-value metrics (loans, loans_q3_2024) is named by the figure meant, a series by itself.
    return meant === undefined ? [] : [{ named: p.text, series: series ?? meant, meant }];
  });
  // (One figure, however many times its period is named.)
  return new Set(later.map((l) => l.meant)).size === 1 ? later[0] : undefined;
}

/**
 * The sentence of an amount typed equal to `id`, a value of a series or a single-value metric of a measure of several (a
 * shared concept, or label, unit and period type: loans and loans_q3_2024), and the periods it names, unless it compares:
 * gives the measure's figure itself ("to [[revenue]] from EUR 303.7 million"), says the amount is a year earlier's ("from",
 * "than", "a year before", "of the prior year"), or names the value's own period. A comparison is no text left from last quarter.
 */
interface Uncompared {
  /** The series, or undefined for single-value metrics. */
  series: string | undefined;
  /** The figures of the measure: the series' values, or the metrics of one measure. */
  members: readonly string[];
  all: NamedPeriod[];
  /** The figures of the measure the sentence refers to ([[revenue]], [[revenue@2024-12-31]]): those it gives itself. */
  referred: readonly string[];
}
function uncompared(id: string, text: string, amount: { index: number; token: string }, index: MetricIndex, fiscalShift: number | undefined, language: string | undefined): Uncompared | undefined {
  const stem = id.split('@')[0]!;
  const series = stem !== id && index.history[stem] !== undefined ? stem : undefined;
  const m = index.metrics[id]!;
  const members = series !== undefined
    ? index.history[series]!
    : Object.keys(index.metrics).filter((o) => !o.includes('@') && (o === id || (sameMeasure(index.metrics[o]!, m) && index.metrics[o]!.unit === m.unit && (index.metrics[o]!.period_type ?? '') === (m.period_type ?? '') && !isLookingAhead(index.metrics[o]!))));
  if (members.length < 2) return undefined;
  const bounds = sentenceBounds(text, amount.index);
  const sentence = text.slice(bounds.start, bounds.end);
  // The figures of the measure the sentence gives itself: compared with ("to [[revenue]] from EUR 303.7 million"), never the
  // one the amount was left for. Another's beside it ("after [[revenue@2024-12-31]] in H2 2024", "up from
  // [[net_debt@2024-12-31]] at 31 December 2024") leaves the amount's own period words its own.
  const referred = figuresReferred(sentence, members, index).map((r) => r.id);
  const own = periodKeysOf(m, fiscalShift);
  if (comparedAmount(sentence, amount.index - bounds.start, amount.index - bounds.start + amount.token.length, own, language)) return undefined;
  // Quarters named without a year ("in the third quarter") too, and a balance's days ("at September 30, 2025"): a period
  // the sentence names as surely as "Q3 2025".
  const day = dayKeyOf(m);
  // (But not a period written with such a figure of its own, just after it: "up from [[net_debt@2024-12-31]] at 31 December
  // 2024" is the reference's day, not the amount's, though the amount is that day's figure.)
  const all = withoutReferencesPeriods(sentence, [...namedPeriods(sentence, true), ...(day === undefined ? [] : namedDays(sentence))], members, index, fiscalShift).sort((a, b) => a.at - b.at);
  return all.some((p) => own.has(p.key) || p.key === day) ? undefined : { series, members, all, referred };
}

/** The references of `sentence` (as written) to a value of one of `members` ([[revenue]], [[revenue@2024-12-31]], .amount, .size): the figure each prints, and where it ends. */
function figuresReferred(sentence: string, members: readonly string[], index: MetricIndex): Array<{ id: string; end: number }> {
  return parseReferences(sentence).filter((r) => r.error === undefined && (r.part === 'value' || r.part === 'amount' || r.part === 'size'))
    .map((r) => ({ id: resolveRef(index, r.id!), end: r.index + r.token.length })).filter((r) => members.includes(r.id));
}

/**
 * The periods `named` in `sentence` (as written, its references in it), but those written just after a reference to a
 * figure of `members` whose own period they are, tied by a preposition at most (TIED_AFTER: "after [[revenue@2024-12-31]]
 * in H2 2024", "up from [[net_debt@2024-12-31]] at 31 December 2024"): the reference's, no period of an amount typed
 * elsewhere in the sentence, whether its own or the one it was left under.
 */
function withoutReferencesPeriods<T extends Pick<NamedPeriod, 'at' | 'key'>>(sentence: string, named: readonly T[], members: readonly string[], index: MetricIndex, fiscalShift: number | undefined): T[] {
  const refs = figuresReferred(sentence, members, index);
  if (refs.length === 0) return [...named];
  return named.filter((p) => {
    const before = refs.filter((r) => r.end <= p.at).at(-1);
    return before === undefined || !TIED_AFTER.test(sentence.slice(before.end, p.at)) || !periodAndDayKeysOf(index.metrics[before.id]!, fiscalShift).has(p.key);
  });
}

/** Before an amount, English words that make it the base compared with ("up from", "than", "after", "beat"), and German "im Vergleich zu". */
const BASE_BEFORE = /(?<!\p{L})(?:from|than|after|vs\.?|versus|against|compared (?:with|to)|beat|im vergleich zu)\s*$/iu;
/** After it, English words that date it a year earlier ("a year earlier", "in the prior-year quarter", "last year"). */
const BASE_AFTER = /^\s*,?\s*(?:a year (?:before|earlier|ago)|(?:in|of|for) the (?:prior|previous|same)|(?:last|prior|previous) year|year[- ]ago|the year before)/i;
/** A bracket's label just before an amount: "(Vorjahr: ", "(prior year: ", "(Q2: ", "(Vorquartal: ". */
const BRACKET_LABEL = /\(\s*([^():]{1,30}?)\s*:\s*$/u;
/** A label of an earlier period in English: "prior year", "previous quarter", "year-ago quarter", "last year". */
const EARLIER_LABEL = /^(?:prior|previous|preceding|last|year[- ](?:ago|earlier))(?!\p{L})/iu;
/** At most two short words (a preposition, an article) before a period's words after an amount: "im", "au", "du", "in the". */
const LEAD_WORDS = /^\s*,?\s*(?:\p{L}{1,4}['’]?\s*){0,2}$/u;

/**
 * Whether the amount at `at`..`end` of `sentence` is the base its sentence compares with, which dates it, so that it is no
 * text left from last quarter: after words of comparison in any of the languages read ("from", "after", "nach", "gegenüber
 * dem Vorquartal (", "contre", "par rapport aux": comparesBefore), before words that date it a year or a quarter earlier
 * ("a year earlier", "im Vorjahreszeitraum", "un an plus tôt", "du trimestre précédent": the language's `earlier`), in a
 * bracket labelled by an earlier period ("(Vorjahr: ...)", "(prior year: ...)", "(Vorquartal: ...)") or by its own quarter
 * without a year ("(Q2: ...)" of Q2's figure), or before its own quarter so named ("nach 2,31 Mrd. € im zweiten Quartal").
 * `own`: the amount's period keys. Read in bounded windows either side of the amount.
 */
function comparedAmount(sentence: string, at: number, end: number, own: Set<string>, language: string | undefined): boolean {
  const before = sentence.slice(Math.max(0, at - 50), at);
  const after = sentence.slice(end, end + 40);
  const earlier = joinsOf(language).earlier;
  if (BASE_BEFORE.test(before.slice(-30)) || comparesBefore(before) || BASE_AFTER.test(after)) return true;
  const dated = earlier?.exec(after);
  if (dated && LEAD_WORDS.test(after.slice(0, dated.index))) return true;
  // Its own quarter by its number: "Q2" of a figure for the quarter ending in June, or a fiscal year's second quarter.
  const ownQuarters = new Set([...own].flatMap((key) => {
    const calendar = /^q:\d{4}-(\d{2})-\d{2}$/.exec(key);
    const fiscal = /^fq([1-4])-/.exec(key);
    return calendar ? [`qn:${Number(calendar[1]) / 3}`] : fiscal ? [`qn:${fiscal[1]}`] : [];
  }));
  const label = BRACKET_LABEL.exec(before)?.[1];
  if (label !== undefined && (comparesBefore(`${label}: `) || EARLIER_LABEL.test(label) || earlier?.test(label) || namedPeriods(label, true).some((p) => ownQuarters.has(p.key)))) return true;
  return namedPeriods(after, true).some((p) => ownQuarters.has(p.key) && LEAD_WORDS.test(after.slice(0, p.at)));
}

/**
 * The bases a sentence compares with, among its figures (`figures`: where each is in it), with the words that date them,
 * as comparedAmount reads them: a bracket labelled by an earlier period ("(Vorjahr: 2.250 Mio. €)", "(prior year: EUR 2.25
 * billion)", "(Vorquartal: ...)"), a figure after words of comparison ("gegenüber dem Vorquartal (2.310 Mio. €)", "nach",
 * "contre 2 310 M€", "par rapport aux", "up from") up to a quarter without a year just after it ("au deuxième trimestre",
 * "im zweiten Quartal"), or a figure before words that date it a year or a quarter earlier ("2.250 Mio. € im Vorjahr",
 * "contre 2 250 M€ un an plus tôt"). Each as [from, to) in the sentence; words of time outside them are not read as theirs.
 */
function comparisonBases(sentence: string, figures: ReadonlyArray<readonly [number, number]>, language: string | undefined): Array<[number, number]> {
  const earlier = joinsOf(language).earlier;
  return figures.flatMap(([at, end]): Array<[number, number]> => {
    const before = sentence.slice(Math.max(0, at - 50), at);
    const after = sentence.slice(end, end + 40);
    const shift = at - before.length;
    const closed = /^\s*\)/.exec(after);
    const bracket = BRACKET_LABEL.exec(before);
    const label = bracket?.[1];
    if (bracket !== null && label !== undefined && closed !== null && (comparesBefore(`${label}: `) || EARLIER_LABEL.test(label) || earlier?.test(label))) return [[shift + bracket.index, end + closed[0].length]];
    // The words of comparison: from the last word that starts them ("gegenüber dem Vorquartal (", "contre", "up from").
    let from: number | undefined;
    for (let i = before.length - 1; i >= 0 && from === undefined; i--) {
      if (i > 0 && /\p{L}/u.test(before[i - 1]!)) continue;
      const words = before.slice(i);
      if (/^\p{L}/u.test(words) && (BASE_BEFORE.test(words) || comparesBefore(words))) from = shift + i;
    }
    const dated = earlier?.exec(after);
    const quarter = from === undefined ? undefined : namedPeriods(after, true).find((p) => p.key.startsWith('qn:') && LEAD_WORDS.test(after.slice(0, p.at)));
    const to = dated && LEAD_WORDS.test(after.slice(0, dated.index)) ? end + dated.index + dated[0].length
      : quarter !== undefined ? end + quarter.end
      : closed !== null && /\(\s*$/.test(before) ? end + closed[0].length : end;
    return from === undefined && to === end ? [] : [[from ?? at, to]];
  });
}

/**
 * The latest value of the series when an amount typed equal to an earlier one, `id`, is in a sentence (`read`:
 * uncompared, for no comparison) that names no period of it the checks read (none, or one in words they do not read:
 * "in the quarter", 当四半期). Which figure the text means is then not known, and advising the reference to the earlier
 * value would print last quarter's figure as this quarter's for good, if the text was simply not updated.
 */
function earlierOfSeries(id: string, read: Uncompared, index: MetricIndex): string | undefined {
  const latest = read.series === undefined ? undefined : index.latest[read.series];
  return latest === undefined || latest === id || read.referred.includes(latest) || (index.metrics[latest]!.period_end ?? '') <= (index.metrics[id]!.period_end ?? '') ? undefined : latest;
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

/**
 * What Chinese, Japanese and Korean text calls the measures English labels name most: a rounded amount beside them is
 * taken for the figure. A longer name before the shorter one it starts with (売上高 before 売上, 营业收入 before 收入):
 * typed-mismatch reads the name found as the words its join follows.
 */
const MEASURE_WORDS: Array<[RegExp, RegExp]> = [
  // 收入 alone is revenue, but not interest, other or investment income (利息收入, 其他收入, 投资收入).
  [/\b(?:revenues?|sales|turnover)\b/, /营收|營收|营业额|營業額|营业收入|營業收入|(?<!利息|其他|投资|投資|营业外|營業外|租金|佣金|理财|理財)收入|売上高|売上収益|売上|매출액|매출/],
  [/\b(?:net (?:income|profit|earnings)|profit attributable|net loss)\b/, /净利润|淨利潤|净利(?!率)|淨利(?!率)|纯利|純利益|純利|純損失|净亏损|淨虧損|순이익|순손실/],
  [/\b(?:operating (?:income|profit|loss)|ebit)\b/, /经营利润|經營利潤|经营溢利|經營溢利|营业利润|營業利潤|営業利益|営業損失|영업이익|영업손실/],
  [/\bgross (?:profit|margin)\b/, /毛利(?!率)|売上総利益|매출총이익/],
  [/\b(?:capital expenditure|capex)\b/, /资本开支|資本開支|资本支出|資本支出|設備投資|설비투자/],
  [/\bfree cash flow\b/, /自由现金流|自由現金流|フリーキャッシュフロー|잉여현금흐름/],
];

/** Words of a sentence whose amount may be another than the metric's, rounded alike: a plan, a target, a backlog, an earlier statement. */
const OTHER_FIGURE = /\b(?:target\w*|guid\w*|plan\w*|budget\w*|forecast\w*|outlook|expect\w*|backlog|pipeline|order book|previously|restated|originally|initially|prior|earlier)\b|目标|目標|指引|预期|預期|预测|預測|计划|計劃|計画|预算|預算|見通し|予想|在手订单|此前|목표|전망|가이던스/;

/**
 * Where the sentence of `text` around position `at` starts and ends (the whole text, where it has no sentence there). Its
 * sentences are found once for the last few texts asked about (SENTENCE_FINDERS): each typed figure of a text asks for its
 * own, and a paragraph of thousands of them was split into sentences thousands of times, in n squared.
 */
function sentenceBounds(text: string, at: number): { start: number; end: number } {
  let find = sentenceFinders.get(text);
  if (find === undefined) sentenceFinders.set(text, (find = sentenceFinder(text)));
  return find(at);
}
/** The texts sentenceBounds keeps the sentences of: the text being read, and a few it reads beside it. */
const SENTENCE_FINDERS = 8;
const sentenceFinders = new RecentMap<string, (at: number) => { start: number; end: number }>(SENTENCE_FINDERS);

/**
 * sentenceBounds for many places of one text, its sentences found once: a paragraph of thousands of amounts is read in
 * n log n, not n squared.
 */
function sentenceFinder(text: string): (at: number) => { start: number; end: number } {
  const sentences = sentencesOf(text);
  return (at) => sentences[firstWhere(sentences, (b) => b.end > at)] ?? { start: 0, end: text.length };
}

/**
 * `words` with the words of the periods they name blanked (withoutPeriods), as Chinese, Japanese and Korean text's basis
 * is read: a period's own words say which period, not another basis. The 累計 of "2026年3月期 第2四半期累計" (the quarters
 * so far to the second: the first half, as text-periods reads it) and the 누적 of "2025년 2분기 누적" are the half's, not
 * cumulative figures beside a quarter's; "2026年3月期 第3四半期累計", nine months, is no period read, and stays another basis.
 * With `own` (a figure's period keys), only the words of its own periods: another's are still another basis.
 */
function periodWordsBlanked(words: string, own?: Set<string>): string {
  return withoutPeriods(words, namedPeriods(words).filter((p) => own === undefined || own.has(p.key)));
}

/** The significant digits of the number in an amount as English writes it (inEnglishDigits): "RMB 1 billion" 1, "RMB 100 million" 1, "US$5.6bn" 2. */
export function significantDigits(token: string): number {
  // The numbers of a compound amount ("3兆1,075億円") read as one.
  const digits = (token.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).join('').replace(/,/g, '');
  const [whole = '', fraction = ''] = digits.split('.');
  return fraction ? `${whole}${fraction}`.replace(/^0+/, '').length : whole.replace(/^0+/, '').replace(/0+$/, '').length;
}

/** The verbs that say who said what follows them: "said", "noted", "told investors" (not "expects", a plan, which OTHER_FIGURE leaves alone). */
const SAID = String.raw`said|says|noted|notes|reported|reports|stated|states|confirmed|confirms|added|adds|explained|explains|announced|announces|disclosed|discloses|highlighted|highlights|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|remarked|observed|pointed\s+out|points\s+out|told\s+(?:the\s+)?\p{L}+`;
/**
 * Who said it and its verb, "that" after it or not, just before a measure's name: "The CFO said revenue", "Management
 * noted that revenue", "We said revenue". The word before the verb (group 1) is its speaker: not an article, possessive,
 * preposition or period word, which make the verb a qualifier ("the reported revenue", "for the quarter reported revenue").
 */
const ATTRIBUTED = new RegExp(String.raw`(?<![\p{L}\p{N}'’])(\p{L}+)\s+(?:also\s+)?(?:${SAID})(?:\s+that)?\s+$`, 'iu');
const NOT_A_SPEAKER = /^(?:the|an?|its|our|their|his|her|your|my|this|that|these|those|and|or|but|nor|of|with|for|to|in|on|at|by|as|than|from|into|per|is|was|were|are|be|been|being|has|had|have|not|previously|originally|initially|first|earlier|already|newly|quarter|year|period|half|months?|weeks?|value)$/i;
/** Who said it, set off by commas after the name: "Revenue, the CFO said, was", ", according to the CFO,", ", said the CFO,". */
const ASIDE = new RegExp(String.raw`^\s*,\s*(?:according\s+to\s+(?:\p{L}[\p{L}.'’-]*\s*){1,4}|(?:\p{L}[\p{L}.'’-]*\s+){1,4}(?:also\s+)?(?:${SAID})\s*|(?:said|says|noted|added|explained)\s+(?:\p{L}[\p{L}.'’-]*\s*){1,4}),`, 'iu');

/**
 * Who speaks for others than the company, in English and German: analysts, brokers, the press and its titles, news and
 * rating agencies, research firms, data providers ("Analysten", "Medienberichte", "Nachrichtenagentur" too). Not the
 * company's own press release, conference or call, which its own figures are given in.
 */
const OUTSIDER = String.raw`analyst\p{L}*|broker\p{L}*|sell[- ]side|(?:the\s+)?(?:press|media)(?!\s+(?:release|conference|call|briefing|event|presentation|day|kit|pack|app|segment|business|division|unit)s?\b)|news\s+(?:reports?|agenc(?:y|ies)|outlets?)|newspapers?|reporters?|journalists?|newswires?|wire\s+services?|rating\s+agenc(?:y|ies)|research\s+(?:firms?|houses?|notes?|reports?)|people\s+familiar|reuters|bloomberg(?:\s+news)?|dow\s+jones|(?:the\s+)?financial\s+times|the\s+ft|(?:the\s+)?wall\s+street\s+journal|wsj|cnbc|caixin|nikkei(?:\s+asia)?|(?:the\s+)?south\s+china\s+morning\s+post|scmp|barron['’]s|forbes|moody['’]s|fitch|s&p(?:\s+global)?|morningstar|factset|refinitiv|lseg|visible\s+alpha|gartner|idc|canalys|counterpoint|pressebericht\p{L}*|presse|medienbericht\p{L}*|medien|zeitung(?:en)?|nachrichtenagentur\p{L}*|ratingagentur\p{L}*|handelsblatt|faz|dpa|börsen-zeitung`;
/** A few words between: "according to a Reuters report", "according to analysts polled by", "laut einem Bericht von Reuters". */
const WORDS_BETWEEN = String.raw`(?:[\p{L}\p{N}.'’&-]+\s+){0,3}?`;
/**
 * What may stand between an outsider and its verb: where it works, its title's parts, what it wrote ("analysts at
 * Jefferies said", "Bloomberg News reported", "a Reuters report said", "Reuters-Bericht"). No more: "Digital Media and
 * Entertainment reported" is the company's segment.
 */
const OUTSIDER_THEN = String.raw`(?:-\p{L}+)?(?:\s+(?:at|from|with)\s+\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}.&-]*)?)?(?:\s+(?:reports?|data|analysis|survey|poll|notes?|story|article|bericht\p{L}*))?`;
/**
 * An outsider (OUTSIDER, its group 1, 2 or 3) giving a figure: "according to Reuters", "per FactSet," and "citing analysts,"
 * opening a clause, "Reuters said", "Bloomberg News reported", "analysts at Jefferies estimated", ", said analysts"; in
 * German "laut Reuters", "Analysten zufolge", "nach Angaben von Reuters", ", so Analysten". Not the company's own people
 * ("The CFO said", "according to management"), nor a figure measured against another's ("ahead of analysts' estimates":
 * a possessive is no speaker), nor "per user in the media app".
 */
const OUTSIDER_SAYS = new RegExp([
  String.raw`(?<!\p{L})(?:according\s+to|(?:per|citing)(?<=(?:^|[,;(])\s*(?:per|citing))|(?:cited|quoted|reported|said|estimated|compiled|polled|surveyed)\s+by|laut|nach\s+angaben\s+(?:von|der|des))\s+${WORDS_BETWEEN}(${OUTSIDER})(?![\p{L}'’-])`,
  String.raw`(?<!\p{L})(${OUTSIDER})${OUTSIDER_THEN}\s+(?:also\s+)?(?:${SAID}|wrote|writes|estimated|estimates?|calculated|calculates|put|puts|see|sees|saw|zufolge|bericht\p{L}*|meldet\p{L}*|schrieb\p{L}*|schreib\p{L}*|sagte\p{L}*|erklärte\p{L}*|schätz\p{L}*|berechnet\p{L}*)(?!\p{L})`,
  String.raw`(?:(?<!\p{L})(?:said|says|reported|reports|wrote|writes|noted|added|sagte\p{L}*|berichtete\p{L}*|meldete\p{L}*|schrieb\p{L}*)|,\s*so)\s+(?:(?:the|a|an|der|die|das|den|dem)\s+)?(${OUTSIDER})(?![\p{L}'’-])`,
].join('|'), 'giu');
/**
 * A word opening a clause of its own, in which an outsider's words relay a figure or say something else: "as Reuters
 * reported", "while analysts see margins easing", "As more analysts saw value in our terminals,", "wie die Zeitung berichtete"
 * (not "such as", "as well as").
 */
const SUBORDINATE = /(?<=^|[\s,(])(?:(?<!(?:such|well)\s)as|while|whereas|because|since|although|though|when|wie|während|weil|obwohl|da)(?=\s)/giu;
/** A new clause between an outsider's words and a figure after them: "Analysts see margins easing; revenue was", ", and revenue was". */
const CLAUSE_BREAK = /;|,\s*(?:and|but|und|aber)\s|,\s*as\s+(?!(?:of|at)\s)|(?<!\p{L})(?:while|whereas|although|though|because|während|weil|obwohl)(?!\p{L})/giu;

/**
 * Where, in `sentence`, an outsider gives a figure (OUTSIDER_SAYS): the ends of their words, but those in a clause opened
 * by SUBORDINATE ("as Reuters reported": a relay of the company's figure, or words of something else) and those of an
 * outsider that is the company itself, by a word of its name (`companyWords`, in lower case: a canvas of Bloomberg); and
 * where its clauses break (CLAUSE_BREAK). Read once a sentence, for outsidersFigure.
 */
function outsiderWords(sentence: string, companyWords: readonly string[]): { ends: number[]; breaks: Array<{ start: number; end: number }> } {
  const opened = [...sentence.matchAll(SUBORDINATE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const marks = [...sentence.matchAll(/[,;]/g)].map((m) => m.index);
  const ends: number[] = [];
  // (Read in order, as the clause openings and commas before each are: in linear time.)
  let [o, c, lastOpened, lastMark] = [0, 0, -1, -1];
  for (const m of sentence.matchAll(OUTSIDER_SAYS)) {
    while (o < opened.length && opened[o]!.end <= m.index) lastOpened = opened[o++]!.start;
    while (c < marks.length && marks[c]! < m.index) lastMark = marks[c++]!;
    const company = ((m[1] ?? m[2] ?? m[3] ?? '').toLowerCase().match(/\p{L}+/gu) ?? []).every((w) => companyWords.includes(w) || /^(?:the|news)$/.test(w));
    if (!company && lastOpened <= lastMark) ends.push(m.index + m[0].length);
  }
  return { ends, breaks: [...sentence.matchAll(CLAUSE_BREAK)].map((m) => ({ start: m.index, end: m.index + m[0].length })) };
}

/**
 * Whether the figure at `at` in its sentence (`words`: outsiderWords) is an outsider's: the press, a broker or analysts give
 * it in its own clause, before it ("Reuters said revenue was", "According to Bloomberg, revenue was", "Der Umsatz, so die
 * Analysten, betrug"), as theirs, not the company contradicting itself. Not a company figure they relay after it
 * (", Reuters reported", ", according to a broker note") or as it ("as Reuters reported"), nor their words in another
 * clause ("; analysts said the quarter was strong").
 */
function outsidersFigure(words: ReturnType<typeof outsiderWords>, at: number): boolean {
  // (No clause breaks between their words and the figure: their words end after the last break before it.)
  const lastBreak = words.breaks[firstWhere(words.breaks, (b) => b.end > at) - 1]?.start ?? -1;
  const end = words.ends[firstWhere(words.ends, (e) => e > lastBreak)];
  return end !== undefined && end <= at;
}

/**
 * A half named without its year, in English: "in the first half", "during the second half", "for the half", "in this half",
 * "first-half revenue". In a briefing for a half it names that half, as "the second quarter" names a quarter (thisPeriods:
 * "the first half" in a briefing for H1 2025 is H1 2025; "the second half" there is no period read). Not a half of
 * something else or dated ("the first half of the decade", "of 2024", "of the presentation", "of the quarter"), nor "the
 * half-year", "half year", "the half of".
 */
const ENGLISH_HALF = /(?<![\p{L}-])(?<half>(?:(?<=(?<![\p{L}])(?:in|for|during|over|throughout|across)\s{1,3}(?:the|this)\s{1,3})|(?=(?:first|second)-half\s{1,3}\p{L}))(?:(?<n>first|second)[\s-]{1,3})?half)(?![\p{L}-])(?!\s{1,3}(?:of|year|term|century|decade|an?)(?![\p{L}]))/giu;

/** English's joins (defined after DOWN, which they use). */
const ENGLISH_JOINS: Joins = { level: LEVEL_JOIN, change: CHANGE_JOIN, levelThenChange: LEVEL_THEN_CHANGE, joinVerb: JOIN_VERB, measureBefore: MEASURE_BEFORE, datedEarlier: DATED_EARLIER, periodLead: /^\s+(?:in|for|during)\s+/i, down: DOWN, attributed: ATTRIBUTED, aside: ASIDE, thisPeriod: ENGLISH_HALF };

/** How many characters of period words after a figure are read: "in the quarter ended 30 September 2025". */
const PERIOD_WORDS = 60;
/**
 * How far after a typed figure in a sentence over LONG_SENTENCE characters the words that make it a difference, a part
 * or a rate are read (differenceAfter, partOrRateAfter): the rest of its clause, ", or 5%,", "in the quarter ended 30
 * September 2025", "higher than in the same quarter a year earlier". (A shorter sentence is read to its end.)
 */
const WORDS_AFTER = LONG_SENTENCE / 2;
/**
 * The words of `text` from `from` to `end`, at most WORDS_AFTER characters of them, cut after a blank where cut short
 * (no word read in part): each figure of a sentence of thousands read the rest of the sentence, in n squared.
 */
function wordsAfter(text: string, from: number, end: number): string {
  if (end - from <= WORDS_AFTER) return text.slice(from, end);
  const words = text.slice(from, from + WORDS_AFTER);
  const blank = words.search(/\s\S*$/);
  return blank > 0 ? words.slice(0, blank + 1) : words;
}
/** What leads period words in after a figure: "in", "for", "during", and their article. */
const PERIOD_LEAD = String.raw`\s+(?:in|for|during)\s+`;
/**
 * The period words namedPeriods does not read that still name the figure's own period after it, with their article:
 * "the quarter", "the third quarter", "the year", "the full year", "the period" (not "the last quarter", "the year to date").
 */
const OWN_PERIOD = String.raw`the\s+(?:(?:first|second|third|fourth)\s+quarter|quarter|(?:(?:first|second)\s+)?half|(?:full\s+|fiscal\s+|financial\s+)?year|period)(?!\s+(?:to\s+date|ended|ending|to|before|earlier|ago|of|year)\b|-)`;
const PERIOD_AFTER = new RegExp(String.raw`^${PERIOD_LEAD}`, 'i');
const OWN_PERIOD_AT = new RegExp(String.raw`^${OWN_PERIOD}\b`, 'i');
const PERIOD_BEFORE = new RegExp(String.raw`${PERIOD_LEAD}(?:the\s+)?$`, 'i');
const OWN_PERIOD_BEFORE = new RegExp(String.raw`${PERIOD_LEAD}${OWN_PERIOD}\s*$`, 'i');
/** The kinds of period (periodKeyKind) words OWN_PERIOD reads name: a quarter's, a year's; "the period" any. */
const ownPeriodKinds = (words: string) => (/quarter/i.test(words) ? ['q', 'fq', 'qm'] : /half/i.test(words) ? ['h', 'fh', 'he'] : /year/i.test(words) ? ['fy'] : undefined);

/**
 * Period words at the start of `words` (after a figure), and nothing else there: "in Q3 2025", "in the third quarter of
 * 2025", "in FY2025", "for the quarter", "in the third quarter". Their length, with their preposition, and the key of the
 * period they name, where namedPeriods reads one (not one they compare with), or else the kinds of period they may be.
 */
function periodAfter(words: string): { length: number; key?: string; kinds?: string[] } | undefined {
  const lead = PERIOD_AFTER.exec(words);
  if (lead === null) return undefined;
  const then = words.slice(lead[0].length);
  const named = namedPeriods(then).find((p) => !p.compared && /^(?:the\s+)?$/i.test(then.slice(0, p.at)));
  if (named !== undefined) return { length: lead[0].length + named.end, key: named.key };
  const own = OWN_PERIOD_AT.exec(then);
  return own === null ? undefined : { length: lead[0].length + own[0].length, kinds: ownPeriodKinds(own[0]) };
}

/**
 * Where period words end `words` (before a change: "Revenue was €402.6 million in Q3 2025"), as periodAfter reads them:
 * where they start, with their preposition, and the key of the period they name (none for "the quarter"). Only the last
 * PERIOD_WORDS characters are read.
 */
function periodBefore(words: string): { at: number; key?: string } | undefined {
  const trimmed = words.trimEnd();
  const from = Math.max(0, trimmed.length - PERIOD_WORDS);
  const tail = trimmed.slice(from);
  const own = OWN_PERIOD_BEFORE.exec(tail);
  if (own !== null) return { at: from + own.index };
  const named = namedPeriods(tail).find((p) => !p.compared && p.end === tail.length);
  const lead = named === undefined ? null : PERIOD_BEFORE.exec(tail.slice(0, named.at));
  return lead === null ? undefined : { at: from + lead.index, key: named!.key };
}

/** The periods a year before the figure's (`own`: its keys), a year-on-year change is compared with. */
function yearBefore(own: Set<string>): Set<string | undefined> {
  return new Set([...own].map((k) => keyBefore(k, 12)));
}

/** Where the clause a typed change is in ends, in its sentence after it: what its basis is read in (a semicolon, ", and", "while"). */
const BASIS_CLAUSE_END = /;|,\s*(?:and|but|while|whereas)\s|\s(?:and|but|while|whereas)\s/iu;

/**
 * Where the clause of a typed change (`phrase`) ends in `after`, the rest of its sentence (its length: it does not): at
 * BASIS_CLAUSE_END, or, as Japanese and Chinese write a clause, at a comma or semicolon of theirs (、，；) outside the
 * brackets the change is in: "[[revenue]]（前年同期比15%増）、第2四半期累計の売上高は" ends at the 、, while "（前年同期比15%増、
 * 為替影響を除く）" is one clause, its basis the change's.
 */
function basisClauseEnd(after: string, phrase: string): number {
  const english = after.search(BASIS_CLAUSE_END);
  const end = english === -1 ? after.length : english;
  // (The brackets the phrase opened and did not close: "（前年同期比15%増".)
  let depth = Math.max(0, (phrase.match(/[(（]/g)?.length ?? 0) - (phrase.match(/[)）]/g)?.length ?? 0));
  for (let i = 0; i < end; i++) {
    const c = after[i]!;
    if (c === '(' || c === '（') depth++;
    else if (c === ')' || c === '）') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === '、' || c === '，' || c === '；')) return i;
  }
  return end;
}

/**
 * Whether `words` compare with a period neither the figure's own (`own`: its keys) nor the one a year before it: "up 3.8%
 * compared with the second quarter of 2025" beside Q3 2025's figure is a change on another basis than year on year.
 */
function comparedWithOtherPeriod(words: string, own: Set<string>): boolean {
  if (own.size === 0) return false;
  const before = yearBefore(own);
  // (A quarter named by its number alone, "on $1,215 million in the second quarter", is another when its number is not the figure's.)
  return namedPeriods(words, true).some((p) => p.compared && !before.has(p.key) && !own.has(p.key));
}

/**
 * `words` with the periods they compare with that are a year before the figure's (`own`: its keys) blanked, for the
 * words of another basis to be read in: "up 3.8% versus Q3 2024" beside a Q3 2025 figure is year on year, as "up 3.8%
 * year on year" is; "up 3.8% from Q2 2025" is sequential, and stays so.
 */
function yearEarlierBlanked(words: string, own: Set<string>): string {
  if (own.size === 0) return words;
  const before = yearBefore(own);
  return withoutPeriods(words, namedPeriods(words).filter((p) => p.compared && before.has(p.key)));
}

/** The change words after a figure and period that LEVEL_THEN_CHANGE reads after a figure: ", up", " and increased", "(down". */
const CHANGE_AFTER_PERIOD = /(?:,\s*|\s+and\s+|\(\s*)(?:(?:grew|rose|increased|climbed|jumped|expanded|gained|fell|declined|dropped|decreased|slipped|shrank|contracted|an? (?:increase|rise|decrease|decline|fall|drop) of)|(?:(?:was|were)\s+)?(?:up|down))(?:\s+by)?\s*$/i;

/** A reference, then the change words CHANGE_AFTER reads after it: what typedChanges reads past period words. */
const REFERENCE_THEN_CHANGE = /\]\]\s*(?:,\s*|\(\s*)(?:an? (?:increase|rise|decrease|decline|fall|drop) of|up|down)\s*$/i;

/**
 * The words before a typed change (`before`) with the period words between the figure and the change taken out, as
 * LEVEL_THEN_CHANGE reads a change just after its figure: "revenue was €402.6 million in Q3 2025, up" is read as
 * "revenue was €402.6 million, up" (the sentence's period is still read from the sentence). Undefined where no period
 * stands there. Only the last characters are read (PERIOD_WORDS and the change's words), whatever the text's length.
 */
function withoutPeriodBeforeChange(before: string): string | undefined {
  const from = Math.max(0, before.length - 40);
  const change = CHANGE_AFTER_PERIOD.exec(before.slice(from));
  if (change === null) return undefined;
  const period = periodBefore(before.slice(0, from + change.index));
  return period === undefined ? undefined : `${before.slice(0, period.at)}${before.slice(from + change.index)}`;
}

/**
 * What joins a loss's name to its figure (LEVEL_JOIN's words, and "narrowed to", "widened to": "The net loss narrowed to
 * $45 million"), or the name of a measure that may be a loss to the loss it was ("Net income (loss) was a loss of").
 */
const LOSS_JOIN = new RegExp(`${LEVEL_JOIN.source.replace('(?:rose|grew|', '(?:narrowed|widened|rose|grew|')}|^\\s*,?\\s*(?:(?:was|were|is|came in at|came to|amounted to|totall?ed|stood at)\\s+|:\\s*)?an?\\s+(?:net\\s+)?loss\\s+of\\s*$`, 'i');
/** A measure's figure said to be a loss by its join: "a loss of". */
const A_LOSS = /\bloss\b/i;
/**
 * The names English gives the loss of a measure that may be one, and the labels (as written: normalWords) of the measures
 * they name, with a "(loss)" or none: "net loss" for Net income, Net income (loss), Net loss; "operating loss" for Operating
 * income (loss); "loss before tax" for Profit before tax.
 */
const LOSS_MEASURES: Array<{ names: string[]; label: RegExp }> = [
  { names: ['net loss'], label: /^net (?:\(loss\) )?(?:income|profit|earnings|result)(?: \(loss\))?$|^net loss(?: \(income\))?$/ },
  { names: ['operating loss'], label: /^operating (?:\(loss\) )?(?:income|profit|result)(?: \(loss\))?$|^operating loss(?: \(income\))?$/ },
  { names: ['loss before income taxes', 'loss before taxes', 'loss before tax', 'pre-tax loss', 'pretax loss'], label: /^(?:\(loss\) )?(?:(?:income|profit|earnings)(?: \(loss\))? before (?:income )?tax(?:es)?|pre-?tax (?:income|profit))(?: \(loss\))?$|^loss before (?:income )?tax(?:es)?$|^pre-?tax loss$/ },
  // (Earnings before interest and the rest have no loss's name of their own: only "EBITA was a loss of" is read.)
  { names: [], label: /^(?:(?:adjusted|underlying|reported|group) )?(?:ebit|ebita|ebitda|ebt)(?: \(loss\))?$/ },
];
/** A label that is itself a loss's name ("Net loss"): its figures may be written as the loss's size, above zero. */
const LOSS_LABEL = /^(?:net loss|operating loss|loss before (?:income )?tax(?:es)?|pre-?tax loss)(?: \(income\))?$/;

/** Capitalised words that open a clause of the company's own: "In H1 2025, revenue ...", "The group ...", "We ...". */
const COMPANY_OPENER = /^(?:the|in|during|for|at|over|its|our|we|group|company)$/i;

/** Of LOSS_MEASURES, those some of `labels` are, each with those labels (in `labels`' order). */
function lossMeasuresOf(labels: readonly string[]): LossMeasure[] {
  return LOSS_MEASURES.map((m) => ({ ...m, labels: labels.filter((l) => m.label.test(l)) })).filter((m) => m.labels.length > 0);
}
type LossMeasure = (typeof LOSS_MEASURES)[number] & { labels: string[] };

/**
 * A figure typed as a loss of a measure that may be one (`measures`: lossMeasuresOf the canvas's labels), in English, read in the words before it (`before`,
 * as measureBefore reads them) where measureBefore finds no level of a label: the label's name joined by "a loss of"
 * ("Net income (loss) was a loss of"), or the loss's name joined as a level is, or by "narrowed to", "widened to" ("the net
 * loss narrowed to", "an operating loss of", "Corvell posted a net loss of"); `name` is the label then, `length` the loss's
 * name as written. Not a part's loss ("Cloud Platform posted an operating loss of", "the segment's net loss was"): after
 * "a" or a possessive, only the company's (its name, "the company", "the group", "we", and its verb of reporting) or none;
 * nor one compared with (BASE_BEFORE: "compared with a net loss of").
 */
function lossBefore(before: string, measures: readonly LossMeasure[], reporter: RegExp, company: readonly string[]): { name: string; at: number; length: number; joined: RegExpExecArray; lead?: number } | undefined {
  if (measures.length === 0) return undefined;
  const own = measureBefore(before, measures.flatMap((m) => m.labels), 'loss', ENGLISH_JOINS, reporter);
  if (own !== undefined && A_LOSS.test(own.joined[0])) return { ...own, length: own.length ?? own.name.length };
  for (const m of measures) {
    const found = measureBefore(before, m.names, 'loss', ENGLISH_JOINS, reporter);
    if (found === undefined) continue;
    const preceding = before.slice(0, found.at);
    const owner = /(\p{L}+)['’]s\s+$/u.exec(preceding);
    if (owner !== null && !/^(?:group|company)$/i.test(owner[1]!) && !company.includes(owner[1]!.toLowerCase())) return undefined;
    // (Nor the loss compared with: "compared with a net loss of", "from the net loss of".)
    const article = /(?<!\p{L})(an?|the)\s+$/iu.exec(preceding);
    if (BASE_BEFORE.test(article === null ? preceding : preceding.slice(0, article.index))) return undefined;
    const indefinite = article !== null && article[1]!.toLowerCase() !== 'the';
    const reported = indefinite ? reporter.exec(preceding.slice(0, article.index)) : null;
    // (Or after ", with", where the clause before it is the company's, no part's name in it: "EBITDA was [[ebitda]], with a
    // net loss of"; not "Cloud Platform revenue grew, with an operating loss of".)
    const opening = preceding.slice(0, article?.index ?? 0);
    const withClause = /,\s*with\s+$/i.exec(opening);
    const ownClause = withClause !== null && [...opening.slice(0, withClause.index).matchAll(/(?<!\p{L})\p{Lu}\p{Ll}+/gu)].every(([w]) => company.includes(w.toLowerCase()) || NAMES_A_MEASURE.test(w) || COMPANY_OPENER.test(w));
    if (indefinite && reported === null && !ownClause && !/(?:^|[,;:(\u2013\u2014])\s*$/.test(opening)) return undefined;
    return { ...found, name: m.labels[0]!, length: found.name.length, ...(reported === null ? {} : { lead: found.at - reported.index }) };
  }
  return undefined;
}

/**
 * Whether an amount typed as a loss (a loss's words before it, or a minus) is compared as one, -X (typedMismatches): where
 * every figure it is compared with (`due`, by id among `figures`: its sentence's period's, or the current one) is a
 * profit, above zero, so that a profit typed as a loss ("a net loss of €196.4m" beside a net profit of €196.4 million) is
 * no figure of the measure. The mirror of signedLoss.
 */
function profitAsLoss(figures: Array<{ id: string; f?: { value: number } }>, due: string[]): boolean {
  const profits = due.map((id) => figures.find((x) => x.id === id)?.f);
  return profits.length > 0 && profits.every((f) => f !== undefined && f.value > 0);
}

/**
 * Whether an amount typed as a measure's figure is compared with its sign (typedMismatches): where every figure it is
 * compared with (`due`, by id among `figures`: its sentence's period's, or the current one) is a loss, below zero. `words`:
 * whether a loss's words give it (lossBefore, or a label that names the loss), read then as the loss, -X; else as typed.
 */
function signedLoss(figures: Array<{ id: string; f?: { value: number } }>, due: string[], words: boolean): { words: boolean } | undefined {
  const losses = due.map((id) => figures.find((x) => x.id === id)?.f);
  return losses.length > 0 && losses.every((f) => f !== undefined && f.value < 0) ? { words } : undefined;
}
