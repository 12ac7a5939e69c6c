/** Narrative text with [[metric]] references resolved to formatted figures. */
import type { Metric } from '../validate/schema.ts';
import { splitReferences, type MetricPart } from '../canvas/references.ts';
import { formatChange, formatDate, formatMetricValue, formatQuantity } from './format.ts';
import type { RichText } from './briefing-model.ts';

/** Resolves references in `text`; records each metric it uses in `used`. Figures follow `language` (briefing.language: format.ts). */
export function richText(text: string, metrics: Record<string, Metric>, used: Set<string>, language?: string): RichText {
  return splitReferences(text).map((piece) => {
    if ('text' in piece) return { text: piece.text };
    used.add(piece.id);
    return { text: metricPart(metrics[piece.id], piece.part, language), figure: true };
  });
}

/**
 * One part of a metric as text: its value (default, with equivalent), amount (value alone), size (the value and its
 * equivalent without their minus: "a net loss of [[net_income.size]]"), equivalent, change, period, as-of date, label,
 * source or note. Figures follow `language` (briefing.language: format.ts).
 */
export function metricPart(m: Metric, part: MetricPart, language?: string): string {
  switch (part) {
    case 'value': return formatMetricValue(m, language);
    case 'amount': return formatMetricValue({ ...m, equivalent: undefined }, language);
    case 'size': return formatMetricValue(m.value === undefined ? m : { ...m, value: Math.abs(m.value), equivalent: m.equivalent && { ...m.equivalent, value: Math.abs(m.equivalent.value) } }, language);
    case 'equivalent': return m.equivalent ? formatQuantity(m.equivalent, language) : '';
    case 'change': return m.change ? formatChange(m.change, language) : '';
    case 'period': return m.period;
    case 'as_of': return m.as_of ? formatDate(m.as_of, language) : '';
    case 'label': return m.label;
    case 'source': return m.source ?? '';
    case 'note': return m.note ?? '';
  }
}

/** Prose that opens with a reference starts with a capital: "Over 600 million downloads ...", not "over ...". */
export function sentence(text: RichText): RichText {
  const [first, ...rest] = text;
  if (!first?.figure || !/^\p{Ll}/u.test(first.text)) return text;
  return [{ ...first, text: first.text[0].toUpperCase() + first.text.slice(1) }, ...rest];
}
