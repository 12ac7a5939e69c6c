/**
 * Checks what a schema cannot: every id a canvas uses names something that exists and fits
 * its use, and no figure carries a slip the schema lets through (a date past the briefing,
 * a currency written informally, decimals that round away the source's precision).
 */
import { stringsIn, type KeyPath } from '../canvas/key-path.ts';
import { IsoDate, type CanvasInput, type Metric, type Quantity } from './schema.ts';
import { chapterEntries, isBlockKey, setSections } from '../canvas/blocks.ts';
import { referringTexts } from './referring-texts.ts';
import type { Problem } from './explain-issues.ts';
import { CJK_CURRENCY_SIGNS, currencyCodeFor, isCurrency } from '../canvas/currencies.ts';
import { METRIC_PARTS, parseReferences, type MetricPart } from '../canvas/references.ts';
import { chartScale, inScale, plotted } from '../canvas/plotted.ts';
import { changeBasisKey } from '../canvas/conflicts.ts';
import { indexMetrics, resolveRef, type MetricIndex } from '../canvas/series.ts';
import { cellNumber, formatPlain, isMetricCell, PLAIN_NUMBER, type Cell } from '../canvas/table-numbers.ts';
import { tableCells, type TableColumn } from '../canvas/table-cells.ts';
import { asCanvasScale, changeDecimals, CJK_SCALE_WORDS, cjkScale, decimalsOf, formatNumber, indianScale, MAX_DECIMALS, roundedTo, writtenDecimals, movedScale, SCALE_FACTOR, scaleName, scaleWordFactor, timesWords, type ForeignScale } from '../canvas/numbers.ts';
import { didYouMean, misspelt, nearest } from '../did-you-mean.ts';
import { quote } from '../errors.ts';
import { listOf } from '../words.ts';

/** Where a problem is reported: a key path, and optionally a piece of text inside its value. */
type Where = Omit<Problem, 'message'>;

/** The values a log-scale chart can draw (see where it is used). */
const LOG_SCALE_RANGE = [1e-300, 1e300] as const;

/** Lists every broken reference and figure slip in a schema-valid canvas (empty when all is well). */
export function checkReferences(canvas: CanvasInput, index: MetricIndex = indexMetrics(canvas)): Problem[] {
  const early = asOfBeforeFigures(canvas, index);
  // What is checked against as_of (each date after it, the latest value of each series, what a reference shows) would
  // each be an error of its own: the one that explains them all is said alone.
  if (early) return [...index.problems, early];
  return [...index.problems, ...emptyCanvas(canvas), ...referenceProblems(canvas, index), ...metricProblems(canvas, index)];
}

/** The briefing's as_of before the dates of several reported figures: as_of mistyped (2025-05-15 for 2025-08-15), not each figure. */
function asOfBeforeFigures(canvas: CanvasInput, index: MetricIndex): Problem | undefined {
  const asOf = canvas.briefing.as_of;
  const dated = Object.entries(index.metrics)
    .filter(([, m]) => m.period_type !== 'forecast' && m.period_type !== 'target')
    .flatMap(([id, m]) => [m.period_end, m.as_of].filter((d): d is string => d !== undefined && d > asOf).map((date) => ({ id, date })));
  if (dated.length < 3) return undefined;
  // The latest ones named, so that a figure mistyped (2052 for 2025) is found as easily as as_of.
  const latest = [...dated].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).slice(0, 3).map((d) => (d.id.endsWith(`@${d.date}`) ? d.id : `${d.id} ${d.date}`));
  return {
    path: ['briefing', 'as_of'],
    message: `as_of ${asOf} is before ${dated.length} dates the figures give (period_end or as_of; the latest: ${latest.join(', ')}): a typo? as_of is the date the briefing's figures are as of, on or after the last of them. Each figure dated after it would be an error of its own: correct as_of (or those dates), and check again`,
  };
}

/** A canvas whose blocks say nothing would print a briefing with no chapters. */
function emptyCanvas(canvas: CanvasInput): Problem[] {
  const said = chapterEntries(canvas).some(({ block }) => block.lead || block.sections.length > 0);
  return said ? [] : [{ path: ['blocks'], message: 'no block has a lead or a section: fill in at least one of the nine blocks (e.g. blocks: { channels: { lead: ... } })' }];
}

function referenceProblems(canvas: CanvasInput, index: MetricIndex): Problem[] {
  const problems: Problem[] = [];
  const metricIds = index.refs;
  const chartIds = Object.keys(canvas.charts ?? {});
  const asOf = canvas.briefing.as_of;
  const need = (id: string, ids: string[], kind: string, where: KeyPath | Where) => {
    if (!ids.includes(id)) problems.push({ ...whereOf(where), message: kind === 'metric' ? unknownMetric(id) : `no ${kind} with id ${quote(id)}${didYouMean(nearest(id, ids).slice(0, 3))}` });
    else if (kind === 'metric' && Object.hasOwn(index.latest, id) && index.latest[id] === undefined) {
      const first = Object.keys(index.metrics).find((k) => k.startsWith(`${id}@`));
      problems.push({ ...whereOf(where), message: `metric ${quote(id)} has no value up to the briefing's as_of date ${asOf}${first ? `: name one of its values, e.g. ${first}` : ''}` });
      return false;
    }
    return ids.includes(id);
  };
  /** An id no metric has: a series' value by a date it has no value for is said as such, with the dates it has. */
  const unknownMetric = (id: string) => {
    const at = id.lastIndexOf('@');
    const [series, date] = [id.slice(0, at), id.slice(at + 1)];
    const dates = at > 0 && IsoDate.safeParse(date).success && Object.hasOwn(index.history, series) ? Object.keys(index.metrics).filter((k) => k.startsWith(`${series}@`)).map((k) => k.slice(series.length + 1)) : [];
    if (dates.length === 0) return `no metric with id ${quote(id)}${didYouMean(nearest(id, metricIds).slice(0, 3))}`;
    const shown = dates.length > 12 ? `${dates.slice(-12).join(', ')} (and ${dates.length - 12} earlier)` : dates.join(', ');
    const latest = index.latest[series];
    const name = latest === undefined ? `Name one of those (${series}@${dates.at(-1)})` : `Name one of those (${latest}), or write ${series} for its latest value`;
    return `metric ${quote(series)} has no value dated ${date}: its values are dated ${shown}. ${name}, or add a value with period_end: ${date}`;
  };
  /** A series named where its values are listed (a chart's series, a table's series row). */
  const needSeries = (id: string, where: KeyPath) => {
    const series = Object.keys(index.history);
    if (!series.includes(id)) {
      problems.push({ path: where, message: index.refs.includes(id) ? `metric ${quote(id)} has one value, not values over time: use points (a chart) or a metric row (a table)` : `no metric with values with id ${quote(id)}${didYouMean(nearest(id, series).slice(0, 3))}` });
      return [];
    }
    if (index.history[id].length === 0) problems.push({ path: where, message: `metric ${quote(id)} has no value up to the briefing's as_of date ${asOf}` });
    return index.history[id];
  };
  const lookup = (id: string) => index.metrics[resolveRef(index, id)];
  const needPart = (id: string, part: MetricPart, where: KeyPath | Where) => {
    if (!need(id, metricIds, 'metric', where)) return;
    const why = missingPart(lookup(id), part);
    if (!why) return;
    // A series names its latest value: say which value lacks it, and which earlier one has it (an update without its change).
    const value = resolveRef(index, id);
    if (value === id) {
      problems.push({ ...whereOf(where), message: `metric ${quote(id)} ${why}` });
      return;
    }
    const earlier = [...(index.history[id] ?? [])].reverse().find((v) => v !== value && missingPart(index.metrics[v], part) === undefined);
    // (Not "name the earlier value": its part is of its own period, and would print beside the latest value's figure.)
    problems.push({ ...whereOf(where), message: `metric ${quote(id)} names its latest value, ${value}, which ${why}${earlier === undefined ? '' : ` (${earlier} has one: was the ${part} left out of the new value?)`}: add it to that value` });
  };
  // Each reference is reported where it is written, not where its paragraph starts.
  const checkText = (text: string | undefined, path: KeyPath) => {
    if (!text) return;
    const seen = new Map<string, number>();
    for (const ref of parseReferences(text)) {
      const nth = seen.get(ref.token) ?? 0;
      seen.set(ref.token, nth + 1);
      const where: Where = { path, needle: ref.token, nth };
      if (ref.error) problems.push({ ...where, message: ref.error });
      else needPart(ref.id!, ref.part!, where);
    }
  };

  const referring = referringTexts(canvas);
  for (const { text, path } of referring) checkText(text, path);
  // Anywhere else a reference would be printed as typed, brackets and all.
  const takesReferences = new Set(referring.map((t) => t.path.join('\u0000')));
  for (const { text, path } of stringsIn(canvas)) {
    const token = takesReferences.has(path.join('\u0000')) ? undefined : /\[\[[^\]\n]*\]\]/.exec(text)?.[0];
    if (token !== undefined) problems.push({ path, needle: token, nth: 0, message: `${quote(token)} would be printed as typed: only the summary, leads, paragraphs, bullets, table cells and chart captions take references. Write the figure itself here, or say it in one of those` });
  }
  canvas.key_figures?.forEach((id, i) => needPart(id, 'value', ['key_figures', i]));
  canvas.key_charts?.forEach((id, i) => need(id, chartIds, 'chart', ['key_charts', i]));

  for (const [chartId, chart] of Object.entries(canvas.charts ?? {})) {
    const units = new Map<string, string[]>(); // each unit and scale as written, to name them
    const unitsNamed = new Set<string | undefined>(); // each unit, whatever its scale
    const points = chart.series === undefined
      ? (chart.points ?? []).map((p, i) => ({ metric: p.metric, path: ['charts', chartId, 'points', i, 'metric'], label: p.label, group: p.group }))
      : needSeries(chart.series, ['charts', chartId, 'series']).slice(chart.last === undefined ? 0 : -chart.last).map((metric) => ({ metric, path: ['charts', chartId, 'series'], label: undefined, group: undefined })); // what the chart plots: the last N with last:
    // The scale the chart draws in, the model's own (canvas/plotted.ts): points of one unit in other scales are moved into it.
    const scale = chartScale(points.filter((p) => metricIds.includes(p.metric)).map((p) => plotted(lookup(p.metric), chart.plot)).filter((m) => m.value !== undefined));
    points.forEach((p) => {
      const path = p.path;
      if (!need(p.metric, metricIds, 'metric', path)) return;
      const m = plotted(lookup(p.metric), chart.plot);
      if (m.value === undefined) {
        const why = chart.plot === 'change' ? 'has no change.percent to plot (plot: change)' : `has no numeric value to plot (it is text: ${quote(m.text)})`;
        return problems.push({ path, message: `metric ${quote(p.metric)} ${why}` });
      }
      if (chart.type === 'line' && !m.period_end) problems.push({ path, message: `a line chart plots over time: metric ${quote(p.metric)} needs period_end (YYYY-MM-DD)` });
      const drawn = inScale(m, scale).value!;
      const moved = drawn === m.value ? '' : ` (${m.value}${m.scale ? ` ${m.scale}` : ''} drawn in ${scale ?? 'units'}, the scale of the chart's other points)`;
      if (chart.log_scale && m.value <= 0) problems.push({ path, message: `a log scale cannot show ${m.value}: set log_scale: false or leave this metric out` });
      // The axis is rounded out to whole powers of ten: past these, that rounding reaches 0 or Infinity and nothing can be drawn.
      else if (chart.log_scale && (drawn < LOG_SCALE_RANGE[0] || drawn > LOG_SCALE_RANGE[1])) {
        problems.push({ path, message: `a log scale draws values from 1e-300 to 1e300, not ${drawn}${moved}: set log_scale: false, or check the value and its scale` });
      } else if (moved && (!Number.isFinite(drawn) || writtenDecimals(drawn) > MAX_DECIMALS)) {
        problems.push({ path, message: `${drawn}${moved} cannot be drawn: it has more digits after the decimal point than a briefing prints (${MAX_DECIMALS}), or is too large to hold; check the value and its scale, or chart it apart` });
      }
      const key = `${m.unit}${m.scale ? ` ${m.scale}` : ''}`;
      units.set(key, [...(units.get(key) ?? []), p.metric]);
      unitsNamed.add(m.unit);
    });
    // Points of one category (and group) are drawn on top of each other: all but one hidden. A line
    // chart places them by date instead.
    if (chart.type !== 'line') {
      const seen = new Map<string, string>();
      for (const p of points) {
        if (!metricIds.includes(p.metric)) continue;
        const m = lookup(p.metric);
        const written = p.label ?? (chart.type === 'column' ? m.period : m.label);
        const key = `${written.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim().replace(/\s+/g, ' ')}|${p.group ?? ''}`;
        const before = seen.get(key);
        if (before === undefined) { seen.set(key, p.metric); continue; }
        const fix = chart.series === undefined
          ? `give the points labels that tell them apart (label: ${chart.type === 'column' ? 'a period' : 'the year, or what differs'})`
          : chart.type === 'column'
            ? 'give each value a period that tells it apart (Q4 2024 and Q4 2025, not Q4 twice)'
            : `a ${chart.type} chart labels each value with the metric's label: use type: column (or line) to chart a series by period`;
        problems.push({ path: p.path, message: `${quote(before)} and ${quote(p.metric)} would be drawn as one ${chart.type === 'column' ? 'column' : chart.type === 'dot' ? 'row' : 'bar'}, both labelled ${quote(written)}, one hiding the other: ${fix}` });
      }
    }
    // A growth chart draws each point's change on one axis: a quarter-on-quarter change among year-on-year ones reads as one.
    if (chart.plot === 'change') {
      // (One basis however written: "QoQ" and "q/q", or each quarter's change "vs." the quarter before it.)
      const bases = new Map<string, { shown: string; ids: string[] }>();
      for (const p of points) {
        const m = metricIds.includes(p.metric) ? lookup(p.metric) : undefined;
        if (m?.change?.percent === undefined) continue;
        const key = changeBasisKey(m);
        const shown = key === 'YoY' || key === 'QoQ' ? key : m.change.basis!.trim().replace(/\s+/g, ' ');
        bases.set(key, { shown: bases.get(key)?.shown ?? shown, ids: [...(bases.get(key)?.ids ?? []), p.metric] });
      }
      if (bases.size > 1) {
        const listed = [...bases.values()].map(({ shown, ids }) => `${shown} (${ids.join(', ')})`).join('; ');
        problems.push({ path: ['charts', chartId, chart.series === undefined ? 'points' : 'series'], message: `a chart of changes (plot: change) draws them on one axis, so they must share one basis; found ${listed}: chart changes of one basis, and the others in a chart of their own` });
      }
    }
    // One unit: an amount in USD drawn beside one in CNY, or a percentage beside an amount, reads as comparable. Scales
    // of one unit are no bar: the model draws each point in the chart's one scale (chartScale above).
    if (unitsNamed.size > 1) {
      const listed = [...units].map(([u, ids]) => `${u} (${ids.join(', ')})`).join('; ');
      problems.push({ path: ['charts', chartId, chart.series === undefined ? 'points' : 'series'], message: `all points of a chart must share one unit; found ${listed}: put metrics of another unit in a chart of their own` });
    }
  }

  for (const key of Object.keys(canvas.chapters ?? {})) {
    if (isBlockKey(key)) problems.push({ path: ['chapters', key], atKey: true, message: `${key} is one of the nine blocks: write it under blocks:, and give chapters: only chapters beyond them (outlook, risks, valuation)` });
  }
  for (const { block, path: at } of chapterEntries(canvas)) {
    block.sections.forEach((section, s) => {
      section.content.forEach((item, c) => {
        const path: KeyPath = [...at, 'sections', s, 'content', c];
        if ('chart' in item) need(item.chart, chartIds, 'chart', [...path, 'chart']);
        else if ('metric_table' in item) {
          item.metric_table.rows.forEach((row, r) => {
            if (typeof row === 'object' && 'series' in row) return void needSeries(row.series, [...path, 'metric_table', 'rows', r, 'series']);
            const id = typeof row === 'string' ? row : row.metric;
            need(id, metricIds, 'metric', [...path, 'metric_table', 'rows', r, ...(typeof row === 'string' ? [] : ['metric'])]);
          });
        } else if ('table' in item) {
          const width = item.table.columns.length;
          item.table.rows.forEach((row, r) => {
            // More cells than columns: most often text with a comma in a [ ] row, read as two cells.
            const comma = row.length > width ? ' (in a [ ] row a comma separates cells: put a cell whose text has a comma in double quotes)' : '';
            if (row.length !== width) problems.push({ path: [...path, 'table', 'rows', r], message: `a row needs one cell per column: expected ${width}, found ${row.length}${comma}` });
          });
          for (const { cell, path: cellPath, facts } of tableCells(item.table, canvas.briefing.language, [...path, 'table'])) {
            if (isMetricCell(cell)) needPart(cell.metric, cell.show ?? 'value', [...cellPath, 'metric']);
            const lost = roundedAway(cell, facts, canvas.briefing.language);
            if (lost !== undefined) problems.push({ path: cellPath, message: `${lost.written} would print as ${lost.printed} in this column (decimals: ${facts.decimals}), its figure lost: give the column decimals: ${lost.needs} or more, or leave decimals out to print each number as written` });
          }
        }
      });
    });
  }

  for (const [setId, set] of Object.entries(canvas.block_sets ?? {})) {
    const path: KeyPath = ['block_sets', setId];
    if (setId === 'full') problems.push({ path, message: '"full" is the whole canvas and is built anyway; give this set another id' });
    set.key_figures?.forEach((id, i) => needPart(id, 'value', [...path, 'key_figures', i]));
    set.key_charts?.forEach((id, i) => need(id, chartIds, 'chart', [...path, 'key_charts', i]));
    const written = chapterEntries(canvas);
    set.blocks?.forEach((b, i) => {
      if (written.some((e) => e.key === b)) return;
      const known = written.map((e) => e.key);
      problems.push({ path: [...path, 'blocks', i], message: isBlockKey(b) ? `the canvas has no ${b} block` : `no block or chapter ${quote(b)}${didYouMean(nearest(b, known))} (the canvas has: ${known.join(', ')})` });
    });
    const chosen = written.filter((e) => set.blocks === undefined || set.blocks.includes(e.key)).flatMap((e) => e.block.sections);
    const selected = written.flatMap((e) => setSections(set, e.key, e.block.sections) ?? []);
    if (selected.length === 0) {
      const carried = [...new Set(chosen.flatMap((sec) => sec.tags ?? []))];
      const hints = (set.tags ?? []).map((t) => didYouMean(nearest(t, carried).slice(0, 3))).filter(Boolean);
      problems.push({ path: set.tags ? [...path, 'tags'] : path, message: `this set selects no sections: no section in its blocks carries one of the tags ${set.tags?.join(', ') ?? '(none)'}${hints.length === 1 ? hints[0] : ''}` });
    }
  }

  // Tags serve only block sets: a section's tag no set selects, spelt like one a set does, leaves the section out of
  // that set without a word (tags: [semsi] for semis). A set's tag that no section carries is that set's error, above.
  const carried = new Set(chapterEntries(canvas).flatMap((e) => e.block.sections.flatMap((sec) => sec.tags ?? [])));
  const setTags = Object.values(canvas.block_sets ?? {}).flatMap((set) => set.tags ?? []).filter((t) => carried.has(t));
  if (setTags.length > 0) {
    for (const { block, path: at } of chapterEntries(canvas)) {
      block.sections.forEach((section, i) => section.tags?.forEach((tag, k) => {
        // A section some set selects is in a briefing: its other tags are its own business.
        if (section.tags!.some((t) => setTags.includes(t))) return;
        const near = [...new Set(setTags)].filter((t) => misspelt(tag, t)).slice(0, 3);
        if (near.length > 0) problems.push({ path: [...at, 'sections', i, 'tags', k], message: `no block set selects the tag ${quote(tag)} (${didYouMean(near).slice(2)}): a section shows in the block sets whose tags it carries, so as written this one is in none of them` });
      }));
    }
  }

  // A series' id names whichever value is its latest, and moves to the next quarter's value when it is added.
  const latestOnly = (id: string, where: KeyPath, moves: string) => {
    const latest = Object.hasOwn(index.history, id) ? index.latest[id] : undefined;
    if (latest === undefined) return;
    const earlier = index.history[id].filter((v) => v !== latest).slice(-3).reverse();
    problems.push({ path: where, message: `${quote(id)} names the latest value of its series (${latest} now), and the next value added takes its place: ${moves}. Name the value it is about by its date: ${latest}${earlier.length > 0 ? `, or an earlier one (${earlier.join(', ')})` : ''}` });
  };
  // A contradiction is between figures of a period: the briefing would call the next quarter's value disputed.
  canvas.data_notes?.contradictions?.forEach((c, i) => c.metrics.forEach((id, j) => {
    const where: KeyPath = ['data_notes', 'contradictions', i, 'metrics', j];
    if (need(id, metricIds, 'metric', where)) latestOnly(id, where, 'the contradiction would move to that period\'s figure, and the briefing would call that one disputed');
  }));
  // An acknowledgement matches a finding by the values it names (findings.ts): with a series' id, the finding about the
  // next quarter's value, which nobody has read, would pass as acknowledged, with the reason written for this one's. Not
  // so of unused-metric and no-source, whose findings are about the metric itself, every value of it, named by its id.
  canvas.data_notes?.acknowledged?.forEach((a, i) => a.metrics.forEach((id, j) => {
    const where: KeyPath = ['data_notes', 'acknowledged', i, 'metrics', j];
    if (need(id, metricIds, 'metric', where) && !WHOLE_METRIC_RULES.has(a.rule)) latestOnly(id, where, 'the acknowledgement would move to that period\'s figure, and pass a finding about it that nobody has read');
  }));
  return problems;
}

function whereOf(where: KeyPath | Where): Where {
  return 'path' in where ? where : { path: where };
}

/** Slips in the figures themselves (each value of a series too), and in the reporting currency. */
function metricProblems(canvas: CanvasInput, index: MetricIndex): Problem[] {
  const currency = informalCurrency(canvas.briefing.currency, ['briefing', 'currency']);
  const slips = Object.entries(index.metrics).flatMap(([id, m]) => {
    const path = index.pathOf[id];
    const found = figureSlips(m, canvas.briefing.as_of, path);
    // A series' unit and scale are written once, on the metric: report them there, once; a scale a
    // value writes for itself (RMB 30,127 million one quarter) is that value's own.
    if (path.length === 2) return found;
    const value = (canvas.metrics[String(path[1])] as { values?: Array<{ scale?: string }> }).values?.[Number(path[3])];
    return found.filter((p) => {
      const key = String(p.path[path.length]);
      return key === 'scale' ? value?.scale !== undefined : key !== 'unit';
    });
  });
  const seriesUnits = Object.keys(index.history).flatMap((id) => {
    const first = Object.keys(index.metrics).find((k) => k.startsWith(`${id}@`));
    // The unit's fix reads the metric's own scale, not one its first value writes for itself.
    const own = (canvas.metrics[id] as { scale?: Metric['scale'] }).scale;
    return first ? figureSlips({ ...index.metrics[first], scale: own, value: undefined }, canvas.briefing.as_of, ['metrics', id]).filter((p) => ['unit', 'scale'].includes(String(p.path[2]))) : [];
  });
  return [...currency, ...slips, ...seriesUnits];
}

function figureSlips(m: Metric, asOf: string, path: KeyPath): Problem[] {
  const equivalent = m.equivalent
    ? [...informalCurrency(m.equivalent.unit, [...path, 'equivalent', 'unit']), ...notAnEquivalent(m, path), ...unitSlips(m.equivalent.unit, [...path, 'equivalent', 'unit'], m.equivalent.scale, m.equivalent.value), ...hiddenPrecision(m.equivalent, [...path, 'equivalent'])]
    : [];
  return [
    ...datesAfterBriefing(m, asOf, path),
    ...(m.unit ? [...informalCurrency(m.unit, [...path, 'unit']), ...unitSlips(m.unit, [...path, 'unit'], m.scale, m.value)] : []),
    ...hiddenPrecision(m, path),
    ...changeRoundedAway(m.change, [...path, 'change']),
    ...scaledPercent(m, path),
    ...separatorInCount(m, path),
    ...equivalent,
  ];
}

/** "5 million %" means nothing: a percentage takes no scale. */
function scaledPercent(m: Metric, path: KeyPath): Problem[] {
  if (m.unit !== 'percent' || !m.scale) return [];
  return [{ path: [...path, 'scale'], message: `a percentage takes no scale: remove "scale: ${m.scale}" (write 12.5 for 12.5%)` }];
}

/** Things counted one by one: a unit whose last word is one of these is a count (`unit: daily active users`). */
const COUNTED = new Set([
  'employees', 'staff', 'people', 'persons', 'workers', 'engineers', 'developers', 'students', 'patients', 'passengers', 'visitors', 'customers',
  'clients', 'users', 'members', 'subscribers', 'accounts', 'merchants', 'sellers', 'buyers', 'consumers', 'households', 'partners', 'suppliers',
  'stores', 'shops', 'branches', 'outlets', 'restaurants', 'hotels', 'rooms', 'beds', 'seats', 'screens', 'sites', 'offices', 'plants', 'factories',
  'warehouses', 'facilities', 'locations', 'countries', 'cities', 'markets', 'brands', 'products', 'apps', 'patents', 'units', 'vehicles', 'cars',
  'trucks', 'aircraft', 'ships', 'vessels', 'turbines', 'machines', 'robots', 'devices', 'servers', 'orders', 'transactions', 'shipments',
  'parcels', 'packages', 'deliveries', 'downloads', 'installs', 'visits', 'flights', 'trips', 'rides',
  // German, whose thousands dot this check is most about ("109.121 Mitarbeitende"), and French, Spanish, Italian.
  'mitarbeiter', 'mitarbeitende', 'mitarbeiterinnen', 'beschäftigte', 'angestellte', 'kunden', 'kundinnen', 'nutzer', 'nutzerinnen', 'mitglieder',
  'abonnenten', 'filialen', 'standorte', 'werke', 'länder', 'märkte', 'marken', 'produkte', 'patente', 'fahrzeuge', 'einheiten', 'geräte', 'bestellungen',
  'employés', 'salariés', 'collaborateurs', 'utilisateurs', 'abonnés', 'magasins', 'pays', 'usines', 'véhicules',
  'empleados', 'trabajadores', 'clientes', 'usuarios', 'tiendas', 'países', 'vehículos', 'dipendenti', 'clienti', 'utenti', 'negozi',
]);

/**
 * "2.140 employees": a count has no fraction, and a dot before three digits is a thousands separator in German
 * and other notations (2.140 is two thousand one hundred and forty there). YAML reads it as 2.14, and the
 * briefing would print "2.140 employees", which each reader takes for a number of their own. So too for three
 * zeros: YAML reads 129.000 as 129, and the briefing prints "129.000 employees" (the zeros written are kept as its
 * decimals), 129 to an English reader and 129,000 to a German one. A count in a scale (2.140 million users) or a
 * rate (visits per day, average staff, FTE) may have a fraction; a count under 1 (0.500) reads alike everywhere.
 */
function separatorInCount(m: Metric, path: KeyPath): Problem[] {
  // A scale written in the unit (million users, k employees) is told apart by unitSlips: the two fixes must not add up.
  if (m.value === undefined || !m.unit || m.scale || Math.abs(m.value) < 1 || unitSlips(m.unit, path).length > 0) return [];
  const words = m.unit.toLowerCase().replace(/[()[\].,;:]/g, ' ').split(/\s+/).filter(Boolean);
  if (!COUNTED.has(words.at(-1) ?? '') || words.some((w) => ['per', 'average', 'avg', 'mean', 'fte', 'equivalent', 'equivalents'].includes(w))) return [];
  const places = m.decimals ?? decimalsOf(m.value);
  if (places !== 3 || Math.abs(m.value) >= 1000) return [];
  const written = formatNumber(m.value, 3);
  const whole = written.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1');
  const decimal = String(m.value);
  const readings = `a dot before three digits is a thousands separator in German and other notations (${formatNumber(Number(whole), 0)}), and a decimal point in English (${decimal})`;
  return [{
    path: [...path, 'value'],
    message: Number.isInteger(m.value)
      ? `${written} ${m.unit} is a count written with zeros after a dot: ${readings}. Write ${whole} (no thousands separators), or ${decimal} if the dot is a decimal point (a count needs no zeros after it)`
      : `${written} ${m.unit} is a count with a fraction: ${readings}. Write ${whole} (no thousands separators), or value: ${decimal} with scale: thousand for ${decimal} thousand`,
  }];
}

/** A reported figure dated after the briefing's own as_of date is a typo (2052 for 2025), unless it looks ahead on purpose. */
function datesAfterBriefing(m: Metric, asOf: string, path: KeyPath): Problem[] {
  if (m.period_type === 'forecast' || m.period_type === 'target') return [];
  return (['period_end', 'as_of'] as const)
    .filter((key) => m[key] !== undefined && m[key]! > asOf)
    .map((key) => ({
      path: [...path, key],
      message: `${key} ${m[key]} is after the briefing's as_of date ${asOf}; a typo? For a plan, target or forecast set period_type: target or forecast.`,
    }));
}

/** Currencies print as such only when written as an ISO code in capitals (RMB, a name, is CNY). */
/**
 * An equivalent is the amount in another currency: one in the amount's own currency ("US$100 million (US$120
 * million)"), of a figure that is no amount ("12% (US$1.2 billion)"), or in a unit that is no currency would print as
 * the same figure stated twice, and nothing checks it.
 */
function notAnEquivalent(m: Metric, path: KeyPath): Problem[] {
  const equivalent = m.equivalent!;
  if (m.unit === undefined || currencyCodeFor(m.unit) !== undefined || currencyCodeFor(equivalent.unit) !== undefined) return []; // its currency's code is asked for first
  const other = 'an equivalent is the same amount in another currency, as the source states it';
  if (!isCurrency(m.unit)) {
    return [{ path: [...path, 'equivalent'], message: `${other}, and ${m.unit === 'percent' ? 'a percentage' : `${quote(m.unit)}`} is no currency: remove equivalent, and give the other figure a metric of its own` }];
  }
  if (!isCurrency(equivalent.unit)) return [{ path: [...path, 'equivalent', 'unit'], message: `${other}: ${quote(equivalent.unit)} is no currency code (write one such as USD), or give the figure a metric of its own` }];
  if (equivalent.unit === m.unit) return [{ path: [...path, 'equivalent', 'unit'], message: `${other}, but this one is in ${m.unit}, as the amount is: the briefing would print two ${m.unit} figures for one amount. Write the equivalent's own currency, or give the other figure a metric of its own` }];
  return [];
}

function informalCurrency(unit: string, path: KeyPath): Problem[] {
  const code = currencyCodeFor(unit);
  return code ? [{ path, message: `${quote(unit)} is a currency: write the ISO currency code in capitals: ${code}` }] : [];
}

const PERCENT_WORDS = new Set(['%', 'pct', 'per cent', 'percentage', 'percent', 'percent.']);
const SCALE_WORD = /\b(thousands?|millions?|billions?|trillions?|bn|mn|mm|tn|k)\b/i;

/**
 * Units that print a wrong figure: "%" for percent ("900 billion %"), a scale word
 * ("900 billion billion"), or a currency symbol the table does not know ("¥" is yen or
 * renminbi). Informal currencies the table knows are handled by informalCurrency.
 */
function unitSlips(unit: string, path: KeyPath, scale?: string, value?: number): Problem[] {
  const u = unit.trim();
  const say = (message: string): Problem[] => [{ path, message }];
  // The fix, as the figure's scale already stands: "unit: USD, scale: billion", or only the unit when scale: billion is written.
  const write = (code: string, wanted: string) => (scale === wanted ? `unit: ${code} (scale: ${wanted} is written already)` : scale === undefined ? `unit: ${code}, scale: ${wanted}` : `unit: ${code}, and scale: ${wanted} in place of scale: ${scale}`);
  if (currencyCodeFor(u)) return [];
  // ("percnt", "precent": a slip of a letter or two, which the page and the e-mail would print as written.)
  if (u !== 'percent' && (PERCENT_WORDS.has(u.toLowerCase()) || misspelt(u, 'percent'))) return say(`write unit: percent for a percentage (${quote(unit)} would print as written)`);
  if (u === '¥' || u === '￥') return say('"¥" is ambiguous: write JPY for yen or CNY for renminbi');
  // Crore and lakh ("INR crore", "Rs. cr", "crore rupees", "lakh employees"): as a unit, the figure would be compared with no
  // other, in rupees or people; no scale of a canvas either: the value moves to millions (ten times) or thousands (a hundred times).
  const indian = indianScaleUnit(u);
  if (indian) {
    const counted = `${quote(unit)} is ${indian.unit === undefined ? 'a scale' : `${indian.code === undefined ? indian.unit : CURRENCY_NOUNS[indian.code] ?? indian.code} counted in ${indian.word}`} (${CJK_SCALE_NAMES[indian.multiplier] ?? `${formatNumber(indian.multiplier, 0)}s`})`;
    const what = indian.unit === undefined ? 'what is counted (INR, employees, ...)' : indian.code ?? indian.unit;
    // With a scale written as well (scale: thousand beside "INR crore"), the value may be in both (thousands of crores) or
    // in crores, the scale left from elsewhere: which one, only the source says.
    if (scale !== undefined && Object.hasOwn(SCALE_FACTOR, scale)) {
      const both = asCanvasScale(indian.multiplier * SCALE_FACTOR[scale as keyof typeof SCALE_FACTOR]);
      const as = (s: ForeignScale, words: string) => `for ${words}, unit: ${what}, scale: ${s.scale}${movedValue(s, value).replace(/^, and/, ',')}`;
      return say(`${counted}, and scale: ${scale} is written too: ${as(both, `${scale}s of ${indian.word}`)}; ${as(indian, `${indian.word} alone`)}`);
    }
    if (indian.unit === undefined) return say(`${counted}, not a unit: write ${what} as the unit, scale: ${indian.scale}${movedValue(indian, value)}`);
    return say(`${counted}: write ${write(what, indian.scale)}${movedValue(indian, value)}`);
  }
  // A symbol and a scale, either way round: $m, €bn, k€, €'000.
  const symbolFirst = /^(.*?\p{Sc})\s*(m|mn|mm|bn|b|k|['’]?000)$/iu.exec(u);
  const scaleFirst = /^(m|mn|bn|k|t)\s*(.*?\p{Sc})$/iu.exec(u);
  const [symbol, abbreviation] = symbolFirst ? [symbolFirst[1], symbolFirst[2]] : scaleFirst ? [scaleFirst[2], scaleFirst[1]] : [];
  const symbolCode = symbol === undefined ? undefined : currencyCodeFor(symbol);
  const symbolScale = abbreviation === undefined ? undefined : abbreviation.toLowerCase() === 't' ? 'thousand' : SCALE_ABBREVIATIONS[/^000$/.test(abbreviation) ? "'000" : abbreviation.toLowerCase()];
  if (symbolCode && symbolScale) return say(`${quote(unit)} is a currency symbol and an abbreviated scale: write ${write(symbolCode, symbolScale)}`);
  if (/\p{Sc}/u.test(u)) return say(`${quote(unit)} is a currency symbol: write the ISO currency code (USD, EUR, JPY, ...)`);
  const ambiguous = CJK_CURRENCY_SIGNS.get(u);
  if (ambiguous && ambiguous.length > 1) return say(`${quote(unit)} is the sign of ${listOf(ambiguous, 'and')}: write the ISO code of the one the report is in (${listOf(ambiguous, 'or')})`);
  const cjk = cjkAmountUnit(u);
  if (cjk) {
    const [code, ...others] = cjk.codes;
    const counted = `${quote(unit)} is ${others.length ? 'an amount' : CURRENCY_NOUNS[code!] ?? code} counted in ${cjk.word} (${CJK_SCALE_NAMES[cjk.multiplier]})`;
    // 万 and 億 are no scale of a canvas: the value moves to thousands (ten times) or billions (a tenth).
    const codes = others.length ? `${listOf(cjk.codes, 'or')} (the one the report is in)` : code!;
    return say(`${counted}: write ${write(codes, cjk.scale)}${movedValue(cjk, value)}`);
  }
  const abbreviated = abbreviatedScale(u);
  if (abbreviated) return say(`${quote(unit)} abbreviates a scale: write ${write(abbreviated.unit, abbreviated.scale)} (as written it would print after the number, ${quote(unit)}, instead of the amount in words)`);
  // A scale word after "per" or "/" (and a number) is the rate's denominator, not the figure's scale: "injuries per million hours".
  const scaleWord = [...u.matchAll(new RegExp(SCALE_WORD.source, 'gi'))].find((w) => !/(?:\bper|\/)\s*(?:\d[\d,.]*\s*)?$/i.test(u.slice(0, w.index)));
  if (scaleWord) {
    const word = SCALE_ABBREVIATIONS[scaleWord[1].toLowerCase()] ?? scaleWord[1].toLowerCase().replace(/s$/, '');
    const rest = `${u.slice(0, scaleWord.index)}${u.slice(scaleWord.index + scaleWord[0].length)}`.replace(/\s+/g, ' ').trim();
    if (rest) return say(`${quote(unit)} contains a scale: put it in scale and keep the unit itself: ${write(rest, word)}`);
    const scaleFix = scale === word ? `scale: ${word} is written already` : `write scale: ${word}${scale === undefined ? '' : ` in place of scale: ${scale}`}`;
    return say(`${quote(unit)} is a scale, not a unit: write what is counted as the unit (EUR, users, ...); ${scaleFix}`);
  }
  return [];
}

/** The value that goes with a CJK or Indian scale's canvas scale: ", and value: 124560 (ten times 12456)". */
function movedValue(scale: ForeignScale, value: number | undefined): string {
  if (scale.times === 1) return '';
  const as = timesWords(scale.times);
  return value === undefined ? `, and each value ${as} what is written` : `, and value: ${movedScale(value, scale.times)} (${as} ${value})`;
}

/**
 * A unit with crore or lakh in it, before or after what is counted ("INR crore", "₹ in crore", "Rs. Cr.", "crore rupees",
 * "lakh employees", "करोड़ रुपये"): what is counted (its ISO code when a currency), and the scale; no unit when it is the scale alone.
 */
function indianScaleUnit(u: string): (ForeignScale & { word: string; unit?: string; code?: string }) | undefined {
  const words = u.replace(/[()[\]]/g, ' ').split(/\s+/).filter(Boolean);
  const i = words.findIndex((w) => indianScale(w) !== undefined);
  if (i < 0) return undefined;
  // Every scale word counts: "lakh crore" is 1e12, "thousand crore" 1e10.
  const scales = words.filter((w) => scaleWordFactor(w) !== undefined);
  const rest = words.filter((w) => scaleWordFactor(w) === undefined && !/^(in|of)$/i.test(w)).join(' ');
  const scale = { ...asCanvasScale(scales.reduce((product, w) => product * scaleWordFactor(w)!, 1)), word: scales.map(scaleName).join(' ') };
  if (!rest) return scale;
  const code = isCurrency(rest) ? rest : currencyCodeFor(rest) ?? (/^(रुपये|रुपए|रुपया)$/.test(rest) ? 'INR' : undefined);
  // "cr" beside anything but a currency may be something else (Cr, chromium): only crore and lakh in full are read there.
  if (code === undefined && /^crs?\.?$/i.test(words[i])) return undefined;
  return { ...scale, unit: rest, code };
}

const CJK_SCALE_NAMES: Record<number, string> = { 1e3: 'thousands', 1e4: 'ten thousands', 1e5: 'hundred thousands', 1e6: 'millions', 1e7: 'ten millions', 1e8: 'hundred millions', 1e9: 'billions', 1e10: 'ten billions', 1e11: 'hundred billions', 1e12: 'trillions' };
const CURRENCY_NOUNS: Record<string, string> = { JPY: 'yen', CNY: 'yuan', KRW: 'won', USD: 'dollars', EUR: 'euros', INR: 'rupees' };

/** A currency written with a CJK scale before it ("億円", "百万円", "亿元", "억원"): its ISO code, and the scale as written and as a canvas writes it. */
function cjkAmountUnit(u: string): (ReturnType<typeof cjkScale> & { codes: string[]; word: string }) | undefined {
  const match = new RegExp(`^(${CJK_SCALE_WORDS.join('|')})\\s*(.+)$`, 'u').exec(u);
  if (!match) return undefined;
  const code = isCurrency(match[2]) ? match[2] : currencyCodeFor(match[2]);
  const codes = CJK_CURRENCY_SIGNS.get(match[2]) ?? (code === undefined ? undefined : [code]);
  return codes ? { ...cjkScale(match[1])!, codes, word: match[1] } : undefined;
}

const SCALE_ABBREVIATIONS: Record<string, string> = {
  m: 'million', mn: 'million', mm: 'million', mln: 'million', mio: 'million', b: 'billion', bn: 'billion', bln: 'billion', mrd: 'billion', md: 'billion',
  k: 'thousand', th: 'thousand', tsd: 'thousand', "'000": 'thousand', '’000': 'thousand', tn: 'trillion',
};

/**
 * A scale abbreviated beside a unit: "USD m", "EUR bn", "t m" (tonnes, million), "USDm". A lone "m" is a unit
 * of its own (metres) and stays; only a second word, or a currency code run together with it, is read as a scale.
 */
function abbreviatedScale(u: string): { unit: string; scale: string } | undefined {
  const words = u.split(/\s+/);
  if (words.length > 1) {
    const i = words.findIndex((w) => SCALE_ABBREVIATIONS[w.toLowerCase().replace(/\.$/, '')] !== undefined);
    if (i >= 0) return { unit: words.filter((_, j) => j !== i).join(' '), scale: SCALE_ABBREVIATIONS[words[i].toLowerCase().replace(/\.$/, '')] };
  }
  const joined = /^([A-Z]{3})\s*(m|mn|bn|b|k|['’]000)$/.exec(u);
  if (joined) return { unit: joined[1], scale: SCALE_ABBREVIATIONS[joined[2]] };
  // German and Swiss reports: TEUR, kEUR (thousand), Mio. EUR, Mrd. EUR (billion).
  const before = /^(T|k|K|Tsd\.?)\s*([A-Z]{3})$/.exec(u);
  return before && isCurrency(before[2]) ? { unit: before[2], scale: 'thousand' } : undefined;
}

/** decimals below the digits written round the source's figure away (101.272 printed as 101.3); above them only pad zeros. */
function hiddenPrecision(q: Pick<Quantity, 'decimals'> & { value?: number }, path: KeyPath): Problem[] {
  if (q.value !== undefined && writtenDecimals(q.value) > MAX_DECIMALS) {
    return [{
      path: [...path, 'value'],
      message: `${q.value} has more digits after the decimal point than a briefing prints (${MAX_DECIMALS}): it would print as ${formatNumber(q.value)}; write it in a smaller scale or unit (thousand instead of million, for instance)`,
    }];
  }
  if (q.value === undefined || q.decimals === undefined || q.decimals >= decimalsOf(q.value)) return [];
  return [{
    path: [...path, 'decimals'],
    message: `decimals: ${q.decimals} would print ${q.value} as ${formatNumber(q.value, q.decimals)}; keep the source's precision (leave decimals out) or write the value as the source rounds it`,
  }];
}

/**
 * A change's decimals that print a change that is not zero as none at all: -0.04 with decimals: 1 prints "0.0% YoY",
 * which a reader takes for unchanged (the sign goes too). What it needs is the decimals that show its first digit.
 */
function changeRoundedAway(c: Metric['change'], path: KeyPath): Problem[] {
  if (c?.decimals === undefined) return [];
  const decimals = c.decimals;
  const lost = ([['percent', c.percent, '%'], ['points', c.points, ' pp']] as const).find(([, v]) => v !== undefined && v !== 0 && !/[1-9]/.test(formatNumber(v, decimals)));
  if (lost === undefined) return [];
  const [key, value, unit] = lost;
  return [{
    path: [...path, 'decimals'],
    message: `decimals: ${decimals} would print the change ${key}: ${value} as ${formatNumber(value!, decimals)}${unit}, as if unchanged: give decimals: ${changeDecimals(value!, decimals)} or more, or leave decimals out to print the change as written`,
  }];
}

function missingPart(m: Metric, part: MetricPart): string | undefined {
  if (part === 'change' && !m.change) return 'has no change to show';
  if (part === 'size' && m.value === undefined) return 'has no number to show the size of';
  if (part === 'equivalent' && !m.equivalent) return 'has no equivalent to show';
  if (part === 'as_of' && !m.as_of) return 'has no as_of date to show';
  if (part === 'source' && !m.source) return 'has no source to show';
  if (part === 'note' && !m.note) return 'has no note to show';
  if (!METRIC_PARTS.includes(part)) return `has no part ${quote(part)}`;
  return undefined;
}

/**
 * A number cell that its column's decimals would round to zero (−0.4 printing as "0", 0.04 as "0.0", "0,04" as "0,0"
 * in a German canvas): what it would print, in `language`'s notation as the table prints it, and the decimals it needs
 * to show its first digit. Undefined for any other cell.
 */
function roundedAway(cell: Cell, { decimals, notation }: TableColumn, language: string | undefined): { written: string; printed: string; needs: number } | undefined {
  // The cell as the table reads it (cellNumber: English's notation or the canvas language's, "0,04" in German), written
  // in digits (not 1e-7); text the table prints as typed (1.200 in German) is never rounded.
  if (decimals === undefined) return undefined;
  const number = cellNumber(cell, language, notation);
  if (number === undefined || number.asTyped || !(number.own || PLAIN_NUMBER.test(number.text))) return undefined;
  const { text, value } = number;
  // Rounded as the table rounds it (roundedTo, as rounded-cell reads it too), not by a second rule of its own.
  if (value === 0 || roundedTo(value, decimals) !== 0) return undefined;
  let needs = decimals + 1;
  while (needs < 6 && roundedTo(value, needs) === 0) needs++;
  return { written: text, printed: formatPlain(0, decimals, language), needs };
}

/** Rules whose findings are about a metric as a whole, named by its id (a series' too): every value of it unused, or without a source. */
const WHOLE_METRIC_RULES = new Set(['unused-metric', 'no-source']);
