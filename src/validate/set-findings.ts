/**
 * Findings about what a block set's key-figures page shows (validate/findings.ts runs them):
 * - borrowed-headline: a set that gives no key_figures (or key_charts) of its own shows the canvas's, and some of them
 *   are figures none of its chapters print: the commerce briefing's headline would be the cloud business's revenue.
 *   A figure counts as printed by the set where its chapters (their leads and the sections the set selects, their charts'
 *   captions too) or the summary it prints (its own, else the canvas's) refer to the same metric, a value of the same
 *   series, or a metric of the same concept.
 * A set without either list, and a canvas that gives none, are not reported: the page then shows the set's own figures
 * and its own first chart (model/build-model.ts).
 */
import type { BlockSet, CanvasInput, ContentInput } from './schema.ts';
import type { Finding } from './findings.ts';
import type { KeyPath } from '../canvas/key-path.ts';
import { chapterEntries, setSections } from '../canvas/blocks.ts';
import { parseReferences } from '../canvas/references.ts';
import { resolveRef, type MetricIndex } from '../canvas/series.ts';
import { isMetricCell } from '../canvas/table-numbers.ts';
import { quote } from '../errors.ts';
import { listOf } from '../words.ts';

export function setFindings(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const findings: Finding[] = [];
  for (const [setId, set] of Object.entries(canvas.block_sets ?? {})) {
    const figures = set.key_figures === undefined ? canvas.key_figures ?? [] : [];
    const charts = set.key_charts === undefined ? canvas.key_charts ?? [] : [];
    if (figures.length === 0 && charts.length === 0) continue;
    const printed = printedBy(canvas, set, index);
    const path: KeyPath = ['block_sets', setId];
    const outside = figures.filter((ref) => !printed(ref));
    if (outside.length > 0) {
      findings.push({
        rule: 'borrowed-headline', path, metrics: outside.map((ref) => resolveRef(index, ref)),
        message: `this set gives no key_figures, so its key-figures page shows the canvas's, and ${listOf(outside.map((ref) => named(ref, index)), 'and')} ${outside.length === 1 ? 'is' : 'are'} in none of its chapters: the set's headline would be ${outside.length === 1 ? 'a figure' : 'figures'} of another part of the canvas. Give the set key_figures of its own: those its chapters print, or the canvas's listed there if the set is meant to show them`,
      });
    }
    for (const chartId of charts) {
      const chart = canvas.charts?.[chartId];
      if (chart === undefined) continue; // a missing chart is check-references' error
      const refs = chart.series !== undefined ? [chart.series] : (chart.points ?? []).map((p) => p.metric);
      if (refs.length === 0 || refs.some(printed)) continue;
      findings.push({
        rule: 'borrowed-headline', path, metrics: refs.map((ref) => resolveRef(index, ref)),
        message: `this set gives no key_charts, so its key-figures page shows the canvas's chart ${quote(chartId)} (${chart.title}), none of whose figures is in its chapters: give the set key_charts of its own (key_charts: [] for none), or list the canvas's there if the set is meant to show it`,
      });
    }
  }
  return findings;
}

/** Whether a metric reference names a measure the set's chapters or its own summary print (see the file's comment). */
function printedBy(canvas: CanvasInput, set: BlockSet, index: MetricIndex): (ref: string) => boolean {
  const refs: string[] = [];
  const text = (t: string | undefined) => { if (t) for (const r of parseReferences(t)) if (r.error === undefined) refs.push(r.id); };
  const content = (item: ContentInput) => {
    if ('paragraph' in item) text(item.paragraph);
    else if ('bullets' in item) item.bullets.forEach(text);
    else if ('table' in item) item.table.rows.forEach((row) => row.forEach((cell) => { if (typeof cell === 'string') text(cell); else if (isMetricCell(cell)) refs.push(cell.metric); }));
    else if ('metric_table' in item) item.metric_table.rows.forEach((row) => refs.push(typeof row === 'string' ? row : 'series' in row ? row.series : row.metric));
    else {
      const chart = canvas.charts?.[item.chart];
      if (chart?.series !== undefined) refs.push(chart.series);
      chart?.points?.forEach((p) => refs.push(p.metric));
      text(chart?.caption);
    }
  };
  // The summary its key-figures page prints: its own, else the canvas's.
  text(set.summary ?? canvas.briefing.summary);
  for (const { key, block } of chapterEntries(canvas)) {
    const sections = setSections(set, key, block.sections);
    if (sections === undefined) continue;
    text(block.lead);
    sections.forEach(({ s }) => s.content.forEach(content));
  }
  // A value of a series has the series' concept (or its id as one): "cloud_revenue@2025-06-30" prints cloud_revenue's measure.
  const ids = new Set(refs);
  const concepts = new Set(refs.map((ref) => conceptOf(ref, index)).filter((c) => c !== undefined));
  return (ref) => {
    const concept = conceptOf(ref, index);
    return ids.has(ref) || (concept !== undefined && concepts.has(concept));
  };
}

const conceptOf = (ref: string, index: MetricIndex) => index.metrics[resolveRef(index, ref)]?.concept;

/** A key figure as the message names it: its id, with its label and period. */
function named(ref: string, index: MetricIndex): string {
  const m = index.metrics[resolveRef(index, ref)];
  return m === undefined ? ref : `${ref} (${[m.label, m.period].filter(Boolean).join(', ')})`;
}
