/**
 * stale-typed-figure (findings.ts lists every rule): where the earlier version of a canvas is known (build, check or
 * watch --since, send's edition as sent), an amount of a figure that moved since, typed into a printed text as it was:
 * "RMB 39.8 billion" in a data note once cloud revenue was corrected to RMB 38.9 billion. The note prints beside the new
 * figure, and no other check knows the old one: a data note may quote any figure a source gives.
 */
import type { CanvasInput } from './schema.ts';
import { resolveRef, type MetricIndex } from '../canvas/series.ts';
import type { KeyPath } from '../canvas/key-path.ts';
import type { Finding } from './findings.ts';
import { chapterEntries } from '../canvas/blocks.ts';
import { inEnglishDigits, notationOf, typedAmounts } from '../canvas/typed-amounts.ts';
import { inUnits, sameUnits } from '../canvas/numbers.ts';
import { quote } from '../errors.ts';
import { listOf, occurrencesBefore } from '../words.ts';
import { figure } from './figure-words.ts';
import { referringTexts } from './referring-texts.ts';
import { measureWords, significantDigits, speaksOfMeasure, typedText } from './typed-findings.ts';
import { parseReferences } from '../canvas/references.ts';
import { sentencesOf } from '../canvas/text-periods.ts';
import { referredAs } from './period-findings.ts';

/**
 * Words of a sentence that cites a figure as it was, or as another gave it: "the earlier release said", "before the
 * restatement", "the preliminary figure", "consensus estimates" (not "before" or "last" alone: "first gives RMB 29.6
 * billion before correcting itself to RMB 39.8 billion" types the figure corrected since as the right one).
 */
const CITED_AS_WAS = /\b(?:earlier (?:release|report|statement|figure|version|edition)s?|originally|initially|previously|preliminary|restate(?:d|ment)|estimates?|estimated|consensus|forecasts?|guidance|expect(?:ed|ations?))\b|\b(?:ursprünglich|zuvor|vorläufig\p{L}*|schätzung\p{L}*|geschätzt\p{L}*|prognose\p{L}*|konsens\p{L}*|erwart\p{L}*)/iu;

/**
 * Words that name a measure, by measure (in lower case): revenue, profit, costs, capex, buybacks, dividends, headcount,
 * cash flow, debt, tax, GMV, market value, backlog. A sentence that names one of them, where the moved figure's label
 * names none of its measure, speaks of another measure than the figure's (otherMeasure): "Share buybacks totalled RMB
 * 39.8 billion" once cloud revenue moved from RMB 39.8 billion.
 */
const MEASURE_NOUNS: RegExp[] = [
  /\b(?:revenues?|sales|turnover|top[- ]line)\b/,
  /\b(?:profits?|earnings|income|ebit(?:d?a)?)\b/,
  /\b(?:costs?|expenses?|opex)\b/,
  /\b(?:capex|capital (?:expenditures?|spending))\b/,
  /\b(?:buybacks?|share repurchases?|repurchases?)\b/,
  /\b(?:dividends?|payouts?)\b/,
  /\b(?:headcount|employees|staff)\b/,
  /\bcash flows?\b/,
  /\b(?:debt|borrowings)\b/,
  /\b(?:tax|taxes)\b/,
  /\b(?:gmv|gross merchandise (?:volume|value))\b/,
  /\b(?:market (?:cap|capitali[sz]ation|value)|valuation)\b/,
  /\b(?:backlog|order intake)\b/,
];

/**
 * Words of a label that say how a measure is taken, not which: "Revenue growth" beside Cloud revenue names no other
 * measure by "growth" alone, nor "Marketing costs" by "costs" (its "marketing" does).
 */
const GENERIC_WORDS = new Set(['growth', 'change', 'increase', 'decrease', 'decline', 'rate', 'ratio', 'number', 'amount', 'value', 'level', 'average', 'annual', 'yearly', 'quarterly', 'monthly', 'adjusted', 'reported', 'underlying', 'organic', 'cost', 'expense']);

/** A word's key, as otherMeasure compares them: singular, without a possessive ("orders'", "order's", "orders" are "order"; "expenses" "expense"). */
function wordKey(word: string): string {
  return word.replace(/['\u2019]s$/, '').replace(/ies$/, 'y').replace(/(?<=ss|x|z|ch|sh)es$/, '').replace(/(?<!s)s$/, '');
}

/** A word of Chinese, Japanese or Korean script, which a sentence writes on to the next: found as part of it ("营收"). */
const CJK_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Whether `words` (a sentence, with what it is a note on, in lower case) speak of another measure than the one labelled
 * `label`: they name, as whole words (singular or plural, possessive or not), every word of another metric's label
 * (`labels`: the canvas's) that is not also a word of `label`, one of them at least not a generic one (GENERIC_WORDS)
 * ("share buybacks" of Share buybacks, beside Cloud revenue; not "revenue" of Revenue, which Cloud revenue says too, nor
 * "growth" of Revenue growth, nor "borders" of Orders or "marginally" of Margin), or a measure's noun (MEASURE_NOUNS) of a
 * measure `label` names none of ("buybacks", "dividends", "capex"). Only then is an old figure typed into a sentence
 * that does not name its own measure taken for another's.
 */
function otherMeasure(label: string, labels: readonly string[], words: string): boolean {
  const own = new Set(measureWords(label).map(wordKey));
  const said = new Set((words.match(/[\p{L}\p{N}]+(?:['\u2019]s)?/gu) ?? []).map(wordKey));
  const names = (w: string) => (CJK_WORD.test(w) ? words.includes(w) : said.has(w));
  const named = labels.some((other) => {
    if (other.toLowerCase() === label.toLowerCase()) return false;
    const theirs = measureWords(other).map(wordKey).filter((w) => !own.has(w));
    return theirs.some((w) => !GENERIC_WORDS.has(w)) && theirs.every(names);
  });
  return named || MEASURE_NOUNS.some((noun) => noun.test(words) && !noun.test(label.toLowerCase()));
}

/** The earlier version of a canvas, as findings compare with it: its metrics indexed, and its name as the command was given it. */
export interface EarlierVersion { index: MetricIndex; name: string }

/**
 * Every text the briefing prints that may type a figure: those that take references (referringTexts: summaries, leads,
 * paragraphs, bullets, table cells, captions), tables' notes, metrics' and values' notes, and the data notes (notes,
 * contradictions' notes, acknowledgements' reasons). With each, what it is a note on, where it is one (`about`): the
 * labels of its metric, of a contradiction's or acknowledgement's metrics, of a metric table's rows, and a table's or
 * contradiction's title. A note's sentences speak of that, though they may not name it.
 */
function printedTexts(canvas: CanvasInput): Array<{ text: string; path: KeyPath; about?: string }> {
  const texts: Array<{ text: string; path: KeyPath; about?: string }> = referringTexts(canvas);
  const labelOf = (ref: string) => canvas.metrics?.[ref.split('@')[0]!]?.label;
  const add = (text: string | undefined, path: KeyPath, about: Array<string | undefined> = []) => {
    if (text) texts.push({ text, path, about: about.filter((a) => a !== undefined).join('; ') });
  };
  for (const { block, path: at } of chapterEntries(canvas)) {
    block.sections.forEach((section, s) => section.content.forEach((item, c) => {
      if ('table' in item) add(item.table.note, [...at, 'sections', s, 'content', c, 'table', 'note'], [item.table.title]);
      else if ('metric_table' in item) {
        const rows = item.metric_table.rows.map((r) => labelOf(typeof r === 'string' ? r : 'series' in r ? r.series : r.metric));
        add(item.metric_table.note, [...at, 'sections', s, 'content', c, 'metric_table', 'note'], [item.metric_table.title, ...rows]);
      }
    }));
  }
  for (const [id, m] of Object.entries(canvas.metrics ?? {})) {
    add(m.note, ['metrics', id, 'note'], [m.label]);
    if ('values' in m) m.values.forEach((v, i) => add(v.note, ['metrics', id, 'values', i, 'note'], [m.label]));
  }
  const notes = canvas.data_notes;
  notes?.notes?.forEach((n, i) => add(n, ['data_notes', 'notes', i]));
  notes?.contradictions?.forEach((c, i) => add(c.note, ['data_notes', 'contradictions', i, 'note'], [c.title, ...c.metrics.map(labelOf)]));
  notes?.acknowledged?.forEach((a, i) => add(a.reason, ['data_notes', 'acknowledged', i, 'reason'], (a.metrics ?? []).map(labelOf)));
  return texts;
}

/**
 * The amounts typed into the canvas's printed texts (printedTexts) that are a figure's value or equivalent as the
 * earlier version (`earlier`) had it, where the figure has moved since, in the same unit: digit for digit (its scale
 * aside: "RMB 39,800 million" is RMB 39.8 billion), as typed-figure reads amounts (not in quotes, nor what a reference
 * prints; of two significant digits or more), in any sentence but one of another measure: one that names another
 * metric's label or measure (otherMeasure) and names the figure's nowhere (speaksOfMeasure: a word of its label; in a
 * note, of what the note is on), nor refers to it. Not an amount that is any figure of the canvas now (another's, or a value
 * of the series: which one the text means is typed-figure's to ask), nor one in a sentence that also types the new
 * figure ("corrected from RMB 39.8 billion to RMB 38.9 billion" says the move). Acknowledgeable, by rule and metric.
 */
export function staleTypedFigures(canvas: CanvasInput, index: MetricIndex, earlier: EarlierVersion): Finding[] {
  const language = canvas.briefing?.language;
  const notation = notationOf(language);
  // What moved: a figure of the same id (a series' value by its date) whose value or equivalent is another now, in the same unit.
  const moved = Object.entries(index.metrics).flatMap(([id, now]) => {
    const was = earlier.index.metrics[id];
    // The same figure corrected, not one rolled forward to another period (capex for Q3, now for Q4: "up from EUR 84.5
    // million in Q3 2025" is right).
    if (was === undefined || (was.period_end ?? was.period) !== (now.period_end ?? now.period)) return [];
    const pairs = [
      { what: 'value', was: was.value === undefined || was.unit === undefined ? undefined : { ...was, value: was.value, unit: was.unit }, now: now.value === undefined || now.unit === undefined ? undefined : { ...now, value: now.value, unit: now.unit } },
      { what: 'equivalent', was: was.equivalent, now: now.equivalent },
    ];
    return pairs.flatMap(({ what, was: w, now: n }) => {
      if (w === undefined || n === undefined || w.unit !== n.unit) return [];
      const [old, current] = [inUnits(w), inUnits(n)];
      return sameUnits(Math.abs(old), Math.abs(current)) ? [] : [{ id, what, unit: n.unit, old: Math.abs(old), current: Math.abs(current), was: figure(w, language), now: figure(n, language) }];
    });
  });
  if (moved.length === 0) return [];
  // Every amount of the canvas now: an old figure that is one of them may be meant as that one.
  const current = Object.values(index.metrics).flatMap((m) => [
    ...(m.value !== undefined && m.unit !== undefined ? [{ unit: m.unit, value: Math.abs(inUnits({ value: m.value, scale: m.scale })) }] : []),
    ...(m.equivalent ? [{ unit: m.equivalent.unit, value: Math.abs(inUnits(m.equivalent)) }] : []),
  ]);
  // The canvas's measures, by their labels: a sentence naming another's speaks of that one.
  const labels = [...new Set(Object.values(canvas.metrics ?? {}).map((m) => m.label))];
  const found: Finding[] = [];
  for (const { text, path, about } of printedTexts(canvas)) {
    const { halfWidth } = typedText(text);
    const amounts = typedAmounts(halfWidth, notation, language).filter((a) => significantDigits(inEnglishDigits(a.token, notation)) >= 2);
    const sentences = sentencesOf(halfWidth);
    for (const amount of amounts) {
      const typed = Math.abs(amount.value);
      if (current.some((c) => amount.currencies.includes(c.unit) && sameUnits(c.value, typed))) continue;
      const stale = moved.filter((m) => amount.currencies.includes(m.unit) && sameUnits(m.old, typed));
      if (stale.length === 0) continue;
      const sentence = sentences.find((s) => s.start <= amount.index && amount.index < s.end) ?? { start: 0, end: halfWidth.length };
      const beside = amounts.filter((a) => a.index >= sentence.start && a.index < sentence.end);
      // Of a figure's measure: a sentence that names it (a word of its label, as typed-figure reads a rounded amount; or,
      // in a note, of what it is a note on) or refers to it. One that does neither is the figure's too ("It brought in RMB
      // 39.8 billion", "Top line came in at"), said so, unless it names another measure: "Share buybacks totalled RMB 39.8
      // billion" once cloud revenue moved from it is the buybacks' figure. A figure left as it was, unsaid, is the worse.
      const words = `${halfWidth.slice(sentence.start, sentence.end)} ${about ?? ''}`.toLowerCase();
      const referred = parseReferences(text.slice(sentence.start, sentence.end)).filter((r) => r.error === undefined).map((r) => resolveRef(index, r.id!));
      const ofMeasure = (m: { id: string }) => speaksOfMeasure(index.metrics[m.id].label, words) || referred.some((r) => r === m.id || r.split('@')[0] === m.id.split('@')[0]);
      const ofAnother = (m: { id: string }) => otherMeasure(index.metrics[m.id].label, labels, words);
      const said = stale.filter((m) => (ofMeasure(m) || !ofAnother(m)) && !beside.some((a) => a.currencies.includes(m.unit) && sameUnits(Math.abs(a.value), m.current)));
      // A sentence that cites the figure as it was, or as another gave it ("the earlier release said", "before the
      // restatement", "consensus estimates"), means the old figure.
      if (said.length === 0 || CITED_AS_WAS.test(halfWidth.slice(sentence.start, sentence.end))) continue;
      const written = text.slice(amount.index, amount.index + amount.token.length);
      const nth = occurrencesBefore(text, written, amount.index);
      const each = said.map((m) => `${m.id}${m.what === 'equivalent' ? '\'s equivalent' : ''} moved from ${m.was} to ${m.now}`).join('; ');
      // Where the sentence names the figure's measure nowhere, it may be another's that happens to be the old figure.
      const unnamed = [...new Set(said.filter((m) => !ofMeasure(m)).map((m) => index.metrics[m.id].label))];
      const whose = unnamed.length === 0 ? '' : `. Its sentence does not name ${listOf(unnamed, 'or')} (nor refer to it): if ${quote(written)} is another measure's figure, acknowledge the finding too`;
      found.push({
        path, needle: written, nth, rule: 'stale-typed-figure', metrics: [...new Set(said.map((m) => m.id))],
        message: `${each} since ${earlier.name}, but this text still types ${quote(written)}, the figure as it was, and the briefing prints both. Write the new figure (or, where the text takes references, [[${referredAs(index, said[0]!.id)}${said[0]!.what === 'equivalent' ? '.equivalent' : index.metrics[said[0]!.id].equivalent ? '.amount' : ''}]], which follows it); if the text means the old figure on purpose (a source's own words), acknowledge the finding${whose}`,
      });
    }
  }
  return found;
}
