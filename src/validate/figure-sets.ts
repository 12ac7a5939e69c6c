/**
 * Findings about the figures one table or chart sets side by side (validate/findings.ts runs them):
 * - share-over-100: percentage shares of one whole (labels naming the same whole, in words saying share,
 *   mix, % of..., then the part) that add up to more than 100% for one period, even at the lowest values
 *   their rounding and qualifiers allow;
 * - mixed-currencies: a table that puts amounts in different currencies side by side, where an amount
 *   in the odd currency states no equivalent in the table's main one. (A chart cannot: its points
 *   must share one unit, an error at check.)
 * - mixed-periods: a chart, or a metric table without its period column, that sets figures of one unit
 *   and of different measures side by side for one period, and among them a few of another: an update
 *   made to some of them only (two verticals rolled forward to Q3, three left on Q2).
 * - parts-over-total: a table or chart with a total ("Total revenue") and its parts ("Cloud revenue",
 *   "Commerce revenue") of one unit and period, whose parts add up to more than the total even at the
 *   lowest values their rounding and qualifiers allow.
 */
import type { CanvasInput, Metric } from './schema.ts';
import type { Finding } from './findings.ts';
import { partsPins, shareDecimals, sharesPins } from '../canvas/acknowledgements.ts';
import { isCurrency } from '../canvas/currencies.ts';
import { periodKind } from '../canvas/conflicts.ts';
import { namedPeriods } from '../canvas/text-periods.ts';
import { formatNumber } from '../canvas/numbers.ts';
import { figureSets, oneMeasureOverTime, partsOverTotals, partsShortOfTotals, sharesOverWhole, type FigureSet } from '../canvas/figure-sets.ts';
import { figure as figureWords, localFigure, type FigureQuantity } from './figure-words.ts';
import type { MetricIndex } from '../canvas/series.ts';

export function figureSetFindings(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const sets = figureSets(canvas, index);
  // Not a free table: its other columns may give each row's period, as its author laid it out.
  return [...sets.flatMap((s) => sharesOver100(s, index, canvas.briefing?.language)), ...sets.filter((s) => s.kind === 'table').flatMap((s) => mixedCurrencies(s, index)), ...sets.filter((s) => s.kind === 'chart' || s.path.at(-1) === 'metric_table').flatMap((s) => mixedPeriods(s, index)), ...sets.flatMap((s) => partsOverTotal(s, index, canvas.briefing?.language)), ...sets.flatMap((s) => partsUnderTotal(s, index, canvas.briefing?.language))];
}

/**
 * A cross-section (figures of several measures, in one unit, for one period) with figures of another period among
 * them, where nothing beside them says which is which: "Revenue by vertical" with BFSI updated to Q3 and the
 * others left on Q2. Figures of one measure over time (a trend: one figure per period) are no cross-section.
 */
function mixedPeriods(set: FigureSet, index: MetricIndex): Finding[] {
  if (set.periodsShown) return [];
  // What a reader sees beside each figure: a chart point's own label, its period (a column or line chart's axis), or the metric's label.
  const shown = (id: string, i: number, m: Metric) => set.labels?.[i] ?? (set.labelledByPeriod ? m.period : m.label);
  const saysPeriod = (label: string, m: Metric) => label.includes(m.period) || namedPeriods(label).length > 0 || /\b(?:19|20)\d{2}\b/.test(label);
  // Figures dated by their period_end (words alone say too little: "Late 2025", "11.11 festival"), and not plans or forecasts set
  // beside actuals on purpose, nor figures whose label says their period ("Revenue (FY25)", "BFSI Q3 FY25").
  const figures = set.ids.map((id, i) => ({ id, m: index.metrics[id] as Metric, i }))
    .filter(({ id, m, i }, at, all) => all.findIndex((f) => f.id === id) === at && m.value !== undefined && m.period_end !== undefined && m.period_type !== 'forecast' && m.period_type !== 'target' && !saysPeriod(shown(id, i, m), m));
  // In the unit most of them are in: a table may hold counts beside amounts; a chart's points share one.
  const units = new Map<string, typeof figures>();
  for (const f of figures) units.set(f.m.unit ?? '', [...(units.get(f.m.unit ?? '') ?? []), f]);
  const same = [...units.values()].reduce((a, b) => (b.length > a.length ? b : a), [] as typeof figures);
  // One period: its end and its kind (nine months and a quarter both end 30 September).
  const byPeriod = new Map<string, typeof figures>();
  for (const f of same) {
    const key = `${f.m.period_end!}|${periodKind(f.m) ?? ''}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), f]);
  }
  if (byPeriod.size < 2) return [];
  // A measure in two periods is a comparison over time, set out on purpose (BFSI this year and last), not a cross-section.
  if (oneMeasureOverTime([...byPeriod].flatMap(([key, fs]) => fs.map((f) => ({ ...f, key }))), (f) => f.key)) return [];
  const groups = [...byPeriod.values()].sort((a, b) => b.length - a.length);
  const [main, ...others] = groups;
  // A cross-section: the main period holds several measures (labels), and it is more than any other period holds.
  const labels = new Set(main.map((f) => f.m.label.trim().toLowerCase()));
  if (labels.size < 2 || others[0].length >= main.length) return [];
  const odd = others.flat();
  const said = (fs: typeof figures) => fs.map((f) => f.id).join(', ');
  const periods = others.map((g) => `${said(g)} for ${g[0].m.period}`).join('; ');
  return [{
    path: set.path,
    atKey: set.kind === 'chart',
    rule: 'mixed-periods',
    metrics: [...main, ...odd].map((f) => f.id),
    message: `this ${set.kind} sets figures of ${main[0].m.period} side by side (${said(main)}), and among them ${periods}, with nothing beside them to say so: update ${odd.length === 1 ? 'it' : 'them'} to one period (a figure left over from an update?), ${set.kind === 'chart' ? 'or, if the mix is meant, say so in the caption' : 'or show the period column (columns: [label, value, period])'} and acknowledge the finding`,
  }];
}

/** Parts of a total adding up past it; each figure as [[id]] prints it in `language` ("$1,195 million" in en-US). */
function partsOverTotal(set: FigureSet, index: MetricIndex, language: string | undefined): Finding[] {
  const figure = (q: FigureQuantity) => figureWords(q, language);
  return partsOverTotals(set, index.metrics).map(({ total: id, parts, written, decimals }) => {
    const total = index.metrics[id] as Metric & { value: number };
    const list = parts.map((p) => `${p} ${figure({ ...index.metrics[p], value: index.metrics[p].value! })}`).join(', ');
    const sum = figure({ value: written, unit: total.unit, scale: total.scale, decimals });
    return {
      path: set.path,
      atKey: set.kind === 'chart',
      rule: 'parts-over-total' as const,
      metrics: [id, ...parts],
      figure: `${sum} against ${figure(total)}`,
      pin: partsPins(written, decimals, total),
      message: `the parts this ${set.kind} shows of ${id} (${figure(total)}, ${total.period}) add up to ${sum} (${list}), more than the total even allowing for rounding: check each figure against the source; if the parts overlap (a customer in two segments) or the total covers less, say so in the ${set.kind === 'chart' ? 'caption' : 'note'} and acknowledge the finding`,
    };
  });
}

/** Parts of a total short of it, where they added up to it before; each figure as [[id]] prints it in `language`. */
function partsUnderTotal(set: FigureSet, index: MetricIndex, language: string | undefined): Finding[] {
  const figure = (q: FigureQuantity) => figureWords(q, language);
  return partsShortOfTotals(set, index).map(({ total: id, parts, written, decimals, earlier }) => {
    const total = index.metrics[id] as Metric & { value: number };
    const list = parts.map((p) => `${p} ${figure({ ...index.metrics[p], value: index.metrics[p].value! })}`).join(', ');
    const sum = figure({ value: written, unit: total.unit, scale: total.scale, decimals });
    const periods = earlier.length > 3 ? `each of the ${earlier.length} periods before it (${earlier[0]} to ${earlier.at(-1)})` : `${earlier.join(', ')}`;
    return {
      path: set.path,
      atKey: set.kind === 'chart',
      rule: 'parts-under-total' as const,
      metrics: [id, ...parts],
      figure: `${sum} against ${figure(total)}`,
      pin: partsPins(written, decimals, total),
      message: `the parts this ${set.kind} shows of ${id} (${figure(total)}, ${total.period}) add up to ${sum} (${list}), less than the total even allowing for rounding, where the same parts added up to it in ${periods}: a part mistyped in this update, or one left out? Check each figure against the source; if the total now covers more, say so in the ${set.kind === 'chart' ? 'caption' : 'note'} and acknowledge the finding`,
    };
  });
}

function sharesOver100(set: FigureSet, index: MetricIndex, language: string | undefined): Finding[] {
  return sharesOverWhole(set, index.metrics).map(({ ids, written }) => {
    const list = ids.map((id) => {
      const m = index.metrics[id];
      return `${id} ${localFigure({ ...m, value: m.value! }, language) ?? `${m.qualifier ? `${m.qualifier.replace(/_/g, ' ')} ` : ''}${formatNumber(m.value!, m.decimals)}%`}`;
    }).join(', ');
    // What the shares add up to, as the briefing would print it ("104,0 %" in German): the figure an acknowledgement names.
    const sum = localFigure({ value: written, unit: 'percent', decimals: shareDecimals(written) }, language) ?? `${formatNumber(written, shareDecimals(written))}%`;
    return {
      path: set.path,
      atKey: set.kind === 'chart', // at the chart's id; a table at its first line
      rule: 'share-over-100' as const,
      metrics: ids,
      figure: sum,
      pin: sharesPins(written),
      message: ids.length === 1
        ? `the share this ${set.kind} shows for ${index.metrics[ids[0]].period} is ${list}, more than the whole even allowing for rounding: check the figure against the source; if it is no share of a whole, say what it is in its label and acknowledge the finding`
        : `the shares this ${set.kind} shows for ${index.metrics[ids[0]].period} add up to ${sum} (${list}), more than the whole even allowing for rounding: check each figure against the source; if the parts overlap (a customer in two segments), say so in the ${set.kind === 'chart' ? 'caption' : 'note'} and acknowledge the finding`,
    };
  });
}

function mixedCurrencies(set: FigureSet, index: MetricIndex): Finding[] {
  const amounts = set.ids.filter((id) => index.metrics[id].value !== undefined && isCurrency(index.metrics[id].unit ?? ''));
  const count = new Map<string, number>();
  for (const id of amounts) count.set(index.metrics[id].unit!, (count.get(index.metrics[id].unit!) ?? 0) + 1);
  if (count.size < 2) return [];
  // The table's main currency: the one most of its amounts are in (the first written, on a tie).
  const main = [...count.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const unconverted = amounts.filter((id) => {
    const m: Metric = index.metrics[id];
    return m.unit !== main && m.equivalent?.unit !== main;
  });
  if (unconverted.length === 0) return [];
  const said = unconverted.map((id) => `${id} in ${index.metrics[id].unit}`).join(', ');
  return [{
    path: set.path,
    rule: 'mixed-currencies',
    metrics: [...new Set(amounts)],
    message: `this table sets amounts in ${[...count.keys()].join(' and ')} side by side, and ${said} ${unconverted.length === 1 ? 'states' : 'state'} no ${main} equivalent: give ${unconverted.length === 1 ? 'it' : 'each'} an equivalent in ${main} (as the source states it), or put the currencies in separate tables`,
  }];
}
