import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import { compareCanvases, hasChanges } from '../../src/compare/compare-canvases.ts';
import { changeText, describeChanges, reportLines } from '../../src/model/changes.ts';
import type { Canvas } from '../../src/validate/schema.ts';

const Q2 = 'test/fixtures/diff/nordwind-q2.yaml';
const Q3 = 'test/fixtures/diff/nordwind-q3.yaml';

/** A canvas from YAML text, as the pipeline hands it on: validated, its series laid out. */
const canvasOf = (text: string, name = 'canvas.yaml'): Canvas => validateCanvas(parseCanvas(text, name));
const fixture = (file: string) => canvasOf(readFileSync(file, 'utf8'), file);
/** The Q3 fixture with `edit` applied to its text. */
const q3With = (edit: (text: string) => string) => canvasOf(edit(readFileSync(Q3, 'utf8')));

describe('compareCanvases', () => {
  it('finds exactly what a quarter\'s update changed: values added, the dates, a metric added and one dropped, a section added', () => {
    const changes = compareCanvases(fixture(Q2), fixture(Q3));
    expect(changes.before).toEqual({ period: 'Q2 2025', asOf: '2025-07-31' });
    expect(changes.now).toEqual({ period: 'Q3 2025', asOf: '2025-10-31' });
    // Each series' latest value moved to the new quarter; no figure that both versions have changed.
    expect(changes.figures.map((f) => [f.kind, f.id, f.before.id, f.now.id, f.direction])).toEqual([
      ['latest', 'revenue', 'revenue@2025-06-30', 'revenue@2025-09-30', 'up'],
      ['latest', 'turbines', 'turbines@2025-06-30', 'turbines@2025-09-30', 'up'],
    ]);
    expect(changes.figures[0]).toMatchObject({ difference: { value: 11.7, unit: 'EUR', scale: 'million', decimals: 1, approximate: false } });
    expect(changes.figures[0].percent).toBeCloseTo(3.7596, 3);
    // Q3's values are those moves' Now: listed once, not again as figures added.
    expect(changes.added.map((e) => e.id)).toEqual(['capex']);
    expect(changes.dropped.map((e) => e.id)).toEqual(['headcount']);
    expect(changes.dropped[0].metric).toMatchObject({ label: 'Employees', value: 1200 });
    expect(changes.sections).toEqual({ added: [{ chapter: 'revenue_streams', title: 'Grid services', index: 1 }], removed: [] });
    // [[revenue]] and [[turbines]] show the new quarter, but the text as written is the same.
    expect(changes.text).toEqual({ added: [], removed: [] });
    expect(hasChanges(changes)).toBe(true);
  });

  it('finds an equivalent in another currency corrected, added or taken away, the figure as it was', () => {
    const withEquivalent = (usd: string) => q3With((t) => t.replace('    value: 84.5\n', `    value: 84.5\n    equivalent: { value: ${usd}, unit: USD, scale: million }\n`));
    const [was, is] = [withEquivalent('97.6'), withEquivalent('9.76')];
    const corrected = compareCanvases(was, is);
    expect(corrected.figures.map((f) => [f.id, f.direction, f.equivalentMoved, f.onlyEquivalent])).toEqual([['capex', 'same', true, true]]);
    expect(hasChanges(corrected)).toBe(true);
    expect(describeChanges(corrected).figures[0]).toMatchObject({ change: '= figure unchanged, equivalent revised', equivalent: { before: 'US$97.6 million', now: 'US$9.76 million' } });
    expect(describeChanges(compareCanvases(fixture(Q3), was)).figures[0]).toMatchObject({ change: '= figure unchanged, equivalent added', equivalent: { before: null, now: 'US$97.6 million' } });
    expect(describeChanges(compareCanvases(was, fixture(Q3))).figures[0]).toMatchObject({ change: '= figure unchanged, equivalent removed', equivalent: { before: 'US$97.6 million', now: null } });
    // The same amount written in another scale is no change, as for figures.
    expect(compareCanvases(was, q3With((t) => t.replace('    value: 84.5\n', '    value: 84.5\n    equivalent: { value: 0.0976, unit: USD, scale: billion }\n'))).figures).toEqual([]);
  });

  it('finds nothing between a canvas and itself', () => {
    const changes = compareCanvases(fixture(Q3), fixture(Q3));
    expect(changes).toMatchObject({ figures: [], added: [], dropped: [], sections: { added: [], removed: [] }, text: { added: [], removed: [] } });
    expect(hasChanges(changes)).toBe(false);
  });

  it('moves a series\' latest value from its earlier latest value as revised since, saying so, the revision listed on its own', () => {
    // Q2's revenue restated from €311.2 million to €310.8 million as Q3's is added: the quarter's move is from €310.8 million.
    const changes = compareCanvases(fixture(Q2), q3With((t) => t.replace('value: 311.2,', 'value: 310.8,')));
    const latest = changes.figures.find((f) => f.kind === 'latest' && f.id === 'revenue')!;
    expect(latest).toMatchObject({ beforeRevised: { id: 'revenue@2025-06-30' }, difference: { value: 12.1, unit: 'EUR', scale: 'million', decimals: 1, approximate: false } });
    expect(latest.percent).toBeCloseTo(3.8932, 3);
    expect(changes.figures.filter((f) => f.kind === 'changed').map((f) => [f.id, f.revised])).toEqual([['revenue@2025-06-30', true]]);
    const line = describeChanges(changes).figures.find((f) => f.kind === 'latest' && f.id === 'revenue')!;
    expect(line).toMatchObject({ before: { formatted: '€311.2 million' }, before_revised: { formatted: '€310.8 million' }, change: '+€12.1 million, ▲ up 3.9%' });
    expect(reportLines.moveLine(line)).toBe('Revenue (latest value, Q2 2025 → Q3 2025): €311.2 million (revised to €310.8 million) → €322.9 million (+€12.1 million, ▲ up 3.9%)');
    // Revised to a bound ("over €311 million"): no difference to give from it, none left from the figure first reported.
    const bound = compareCanvases(fixture(Q2), q3With((t) => t.replace('value: 311.2,', 'value: 311, qualifier: over,'))).figures.find((f) => f.kind === 'latest' && f.id === 'revenue')!;
    expect([bound.beforeRevised?.id, bound.difference, bound.percent]).toEqual(['revenue@2025-06-30', undefined, undefined]);
    // Not revised: as before, from the figure the earlier version gave.
    expect(compareCanvases(fixture(Q2), fixture(Q3)).figures[0]).not.toHaveProperty('beforeRevised');
  });

  it('lists a restated value of a series as changed, with its difference and percent change', () => {
    const changes = compareCanvases(fixture(Q3), q3With((t) => t.replace('value: 311.2,', 'value: 310.8,')));
    expect(changes.figures).toEqual([expect.objectContaining({
      kind: 'changed', id: 'revenue@2025-06-30', label: 'Revenue', direction: 'down', revised: true,
      difference: { value: -0.4, unit: 'EUR', scale: 'million', decimals: 1, approximate: false },
    })]);
    expect(changes.figures[0].percent).toBeCloseTo(-0.1285, 3);
    expect(changes.added).toEqual([]);
    expect(describeChanges(changes).figures[0]).toMatchObject({ change: '−€0.4 million, ▼ revised down 0.1%', revised: true });
  });

  it('calls a figure written anew for its own period revised, and one that moved to another period up or down', () => {
    const capex = (value: string, period: string) => q3With((t) => t.replace('value: 84.5\n', `value: ${value}\n`).replace('period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30', `period: ${period}\n    period_type: quarter\n    period_end: ${period === 'Q3 2025' ? '2025-09-30' : '2025-06-30'}`));
    const [corrected] = describeChanges(compareCanvases(fixture(Q3), capex('86.5', 'Q3 2025'))).figures;
    expect(corrected).toMatchObject({ id: 'capex', direction: 'up', change: '+€2.0 million, ▲ revised up 2.4%', revised: true });
    const [moved] = describeChanges(compareCanvases(fixture(Q3), capex('86.5', 'Q2 2025'))).figures;
    expect(moved).toMatchObject({ id: 'capex', direction: 'up', change: '+€2.0 million, ▲ up 2.4%' });
    expect(moved.revised).toBeUndefined();
    // The same period name over another stretch of time (trailing twelve months to a later end): moved, not revised.
    const ttm = q3With((t) => t.replace('value: 84.5\n', 'value: 86.5\n').replace('period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30', 'period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-29'));
    expect(describeChanges(compareCanvases(fixture(Q3), ttm)).figures[0]).toMatchObject({ change: '+€2.0 million, ▲ up 2.4%' });
    // Another period with the same figure: only the period moved.
    const [samePeriodMoved] = describeChanges(compareCanvases(fixture(Q3), capex('84.5', 'Q2 2025'))).figures;
    expect(samePeriodMoved).toMatchObject({ direction: 'same', change: '= unchanged' });
  });

  it('finds a series value again under its new date by its period words, only where they name one value on each side', () => {
    // The latest value re-dated: one change of that value, not also a move of the series' latest value.
    const redated = compareCanvases(q3With((t) => t.replace('value: 322.9, period: Q3 2025, period_end: 2025-09-30', 'value: 322.9, period: Q3 2025, period_end: 2025-09-29')), fixture(Q3));
    expect(redated.figures.map((f) => [f.kind, f.id, f.before.id, f.now.id, f.direction])).toEqual([['changed', 'revenue@2025-09-30', 'revenue@2025-09-29', 'revenue@2025-09-30', 'same']]);
    expect([redated.added, redated.dropped]).toEqual([[], []]);
    // Period words that do not tell two values apart ("Quarter" twice): which value is which cannot be told, so none is paired.
    const orders = (a: string, b: string) => q3With((t) => t.replace('  capex:\n', `  orders:\n    label: Orders\n    unit: orders\n    values:\n      - { value: 10, period: Quarter, period_end: ${a} }\n      - { value: 12, period: Quarter, period_end: ${b} }\n  capex:\n`));
    const ambiguous = compareCanvases(orders('2025-06-29', '2025-09-29'), orders('2025-06-30', '2025-09-30'));
    // (The latest values, the move's Before and Now, are that move alone.)
    expect(ambiguous.added.map((e) => e.id)).toEqual(['orders@2025-06-30']);
    expect(ambiguous.dropped.map((e) => e.id)).toEqual(['orders@2025-06-29']);
    expect(ambiguous.figures.map((f) => [f.kind, f.id, f.before.id, f.now.id])).toEqual([['latest', 'orders', 'orders@2025-09-29', 'orders@2025-09-30']]);
  });

  it('compares a metric made a series as one measure: its value found among the series\' values, its move to the latest listed, nothing dropped', () => {
    const capex = '    label: Capital expenditure\n    value: 84.5\n    unit: EUR\n    scale: million\n    period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30\n';
    const single = q3With((t) => t.replace(capex, capex.replace('84.5', '80.1').replace('Q3 2025', 'Q2 2025').replace('2025-09-30', '2025-06-30')));
    const series = (source = '') => q3With((t) => t.replace(capex, `    label: Capital expenditure\n    unit: EUR\n    scale: million\n    period_type: quarter\n${source}    values:\n`
      + '      - { value: 80.1, period: Q2 2025, period_end: 2025-06-30 }\n      - { value: 84.5, period: Q3 2025, period_end: 2025-09-30 }\n'));
    const changes = compareCanvases(single, series());
    expect(changes.figures.map((f) => [f.kind, f.id, f.before.id, f.now.id, f.direction, f.difference?.value])).toEqual([['latest', 'capex', 'capex', 'capex@2025-09-30', 'up', 4.4]]);
    expect(changes.figures[0].percent).toBeCloseTo(5.493, 2);
    expect([changes.added.map((e) => e.id), changes.dropped, changes.unitemised]).toEqual([[], [], []]);
    // Its value in the series with another source: named, as for any metric in both versions.
    expect(compareCanvases(single, series('    source: Annual report\n')).unitemised).toEqual([{ part: 'metric', key: 'capex', values: ['capex@2025-06-30', 'capex'], fields: ['source'] }]);
    // And back: the series' Q3 value is the metric, the Q2 value dropped; nothing moved.
    const back = compareCanvases(series(), fixture(Q3));
    expect([back.figures, back.added, back.dropped.map((e) => e.id)]).toEqual([[], [], ['capex@2025-06-30']]);
  });

  it('pairs a metric whose id alone was renamed (its label and unit kept) only where no other figure dropped or added has them', () => {
    const renamed = q3With((t) => t.replace('  capex:\n', '  capex_total:\n').replace('[[capex]]', '[[capex_total]]'));
    const changes = compareCanvases(fixture(Q3), renamed);
    // Listed though its figure stayed: else the rename would be nowhere.
    expect(changes.figures.map((f) => [f.kind, f.id, f.before.id, f.renamedFrom, f.direction])).toEqual([['changed', 'capex_total', 'capex', 'capex', 'same']]);
    expect([changes.added, changes.dropped, changes.unitemised]).toEqual([[], [], []]);
    // Another unit is another measure; two dropped with the label, no pair.
    const otherUnit = compareCanvases(fixture(Q3), q3With((t) => t.replace('  capex:\n', '  capex_total:\n').replace('[[capex]]', '[[capex_total]]').replace('    unit: EUR\n    scale: million\n    period: Q3', '    unit: USD\n    scale: million\n    period: Q3')));
    expect([otherUnit.figures, otherUnit.added.map((e) => e.id), otherUnit.dropped.map((e) => e.id)]).toEqual([[], ['capex_total'], ['capex']]);
    const twoBefore = q3With((t) => t.replace('charts:\n', '  capex_old:\n    label: Capital expenditure\n    value: 12\n    unit: EUR\n    period: Q3 2025\ncharts:\n'));
    const ambiguous = compareCanvases(twoBefore, renamed);
    expect([ambiguous.figures, ambiguous.added.map((e) => e.id), ambiguous.dropped.map((e) => e.id)]).toEqual([[], ['capex_total'], ['capex', 'capex_old']]);
  });

  it('does not pair as renamed a metric dropped and one added whose label another metric kept has too: a segment or period dropped and another added is no move', () => {
    // Two segments under one label: Sweden dropped, Denmark added. Not Sweden's revenue revised down to Denmark's.
    const segments = (ids: [string, string], values: [number, number]) => q3With((t) => t.replace('charts:\n', ids.map((id, i) =>
      `  ${id}: { label: Segment revenue, value: ${values[i]}, unit: EUR, scale: million, period: Q3 2025, period_type: quarter, period_end: 2025-09-30 }\n`).join('') + 'charts:\n'));
    const swapped = compareCanvases(segments(['rev_norway', 'rev_sweden'], [120, 90]), segments(['rev_norway', 'rev_denmark'], [120, 60]));
    expect([swapped.figures, swapped.added.map((e) => e.id), swapped.dropped.map((e) => e.id)]).toEqual([[], ['rev_denmark'], ['rev_sweden']]);
    // A quarter's metric dropped and another quarter's added, the label a series' too (revenue of each quarter): no move from one to the other.
    const quarter = (id: string, period: string, end: string) => q3With((t) => t.replace('charts:\n', `  ${id}: { label: Revenue, value: 300, unit: EUR, scale: million, period: ${period}, period_end: ${end} }\ncharts:\n`));
    const rolled = compareCanvases(quarter('revenue_h1', 'H1 2025', '2025-06-30'), quarter('revenue_9m', '9M 2025', '2025-09-30'));
    expect([rolled.figures.filter((f) => f.renamedFrom !== undefined), rolled.added.map((e) => e.id), rolled.dropped.map((e) => e.id)]).toEqual([[], ['revenue_9m'], ['revenue_h1']]);
    // A flow and a stock under one label are two measures: another period type, no pair.
    const asAt = compareCanvases(fixture(Q3), q3With((t) => t.replace('  capex:\n', '  capex_total:\n').replace('[[capex]]', '[[capex_total]]').replace('period: Q3 2025\n    period_type: quarter', 'period: 30 Sep 2025\n    period_type: as_at')));
    expect([asAt.figures, asAt.added.map((e) => e.id), asAt.dropped.map((e) => e.id)]).toEqual([[], ['capex_total'], ['capex']]);
    // A year's figure and a quarter's, their kinds read from the words where no period_type is given: no pair either.
    const annual = q3With((t) => t.replace('    period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30\n', '    period: FY2024\n    period_end: 2024-12-31\n'));
    const quarterly = q3With((t) => t.replace('  capex:\n', '  capex_q3:\n').replace('[[capex]]', '[[capex_q3]]').replace('    period: Q3 2025\n    period_type: quarter\n', '    period: Q3 2025\n'));
    const yearToQuarter = compareCanvases(annual, quarterly);
    expect([yearToQuarter.figures, yearToQuarter.added.map((e) => e.id), yearToQuarter.dropped.map((e) => e.id)]).toEqual([[], ['capex_q3'], ['capex']]);
  });

  it('does not read a metric made a series as one measure where the series\' values are another kind of period: a year\'s figure is no quarter\'s latest value', () => {
    const annual = (text: string) => text.replace('    value: 84.5\n', '    value: 310\n').replace('    period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30\n', '    period: FY2024\n    period_type: fiscal_year\n    period_end: 2024-12-31\n');
    const series = q3With((t) => t.replace(/ {2}capex:\n(?: {4}.*\n)+/, '  capex:\n    label: Capital expenditure\n    unit: EUR\n    scale: million\n    period_type: quarter\n    values:\n'
      + '      - { value: 80.1, period: Q2 2025, period_end: 2025-06-30 }\n      - { value: 84.5, period: Q3 2025, period_end: 2025-09-30 }\n'));
    const changes = compareCanvases(q3With(annual), series);
    // Not "Capital expenditure (latest value, FY2024 → Q3 2025): €310 million → €84.5 million (▼ down 72.7%)".
    expect(changes.figures).toEqual([]);
    expect([changes.added.map((e) => e.id), changes.dropped.map((e) => e.id)]).toEqual([['capex'], ['capex']]);
    // And back: a quarterly series made a year's metric.
    const back = compareCanvases(series, q3With(annual));
    expect([back.figures, back.added.map((e) => e.id), back.dropped.map((e) => e.id)]).toEqual([[], ['capex'], ['capex']]);
  });

  it('compares figures in base units: the same amount in another scale is no change, a new one is subtracted in the new scale', () => {
    const rescaled = q3With((t) => t.replace('value: 84.5\n    unit: EUR\n    scale: million', 'value: 84500\n    unit: EUR\n    scale: thousand'));
    expect(compareCanvases(fixture(Q3), rescaled).figures).toEqual([]);
    const changed = q3With((t) => t.replace('value: 84.5\n    unit: EUR\n    scale: million', 'value: 0.09\n    unit: EUR\n    scale: billion'));
    const [capex] = compareCanvases(fixture(Q3), changed).figures;
    // 84.5 million is 0.0845 billion: the difference keeps the digits both are written with.
    expect(capex.difference).toEqual({ value: 0.0055, unit: 'EUR', scale: 'billion', decimals: 4, approximate: false });
  });

  it('finds a figure of many digits corrected in its last digit, and the same amount in other scales no change, however the floats round', () => {
    const capexAs = (value: string, scale: string) => q3With((t) => t.replace('value: 84.5\n    unit: EUR\n    scale: million', `value: ${value}\n    unit: EUR\n    scale: ${scale}`));
    // Rupiah or won are reported in millions with ten digits and more: a correction of one in the last digit is a change.
    const before = capexAs('1965007123', 'million');
    for (const corrected of ['1965007124', '1965007122.5']) {
      const changes = compareCanvases(before, capexAs(corrected, 'million'));
      expect(changes.figures.map((f) => [f.id, f.direction])).toEqual([['capex', Number(corrected) > 1965007123 ? 'up' : 'down']]);
      expect(hasChanges(changes)).toBe(true);
    }
    expect(compareCanvases(capexAs('12345678901234', 'thousand'), capexAs('12345678901334', 'thousand')).figures[0]).toMatchObject({ id: 'capex', direction: 'up', difference: { value: 100 } });
    // The same amount written in another scale is no change, where the products of floats differ in their last bit (1.005 * 1e9 is 1004999999.9999999).
    for (const [value, scale] of [['1005000', 'thousand'], ['1.005', 'billion'], ['0.001005', 'trillion']]) {
      expect(compareCanvases(capexAs('1005', 'million'), capexAs(value, scale)).figures).toEqual([]);
    }
    expect(compareCanvases(capexAs('1965007.123', 'billion'), capexAs('1965007123', 'million')).figures).toEqual([]);
  });
  it('gives a difference only where the figures allow one: points for percentages, none across units, text or bounds', () => {
    const base = fixture(Q3);
    const metric = (m: object) => ({ ...base, metrics: { ...base.metrics, capex: { label: 'Capital expenditure', period: 'Q3 2025', ...m } } }) as Canvas;
    const pair = (a: object, b: object) => compareCanvases(metric(a), metric(b)).figures[0];
    expect(pair({ value: 12.5, unit: 'percent' }, { value: 13.75, unit: 'percent' })).toMatchObject({ direction: 'up', difference: { value: 1.25, unit: 'percent', decimals: 2 } });
    expect(pair({ value: 12.5, unit: 'percent' }, { value: 13.75, unit: 'percent' }).percent).toBeUndefined();
    expect(pair({ value: 5, unit: 'EUR' }, { value: 6, unit: 'USD' })).toMatchObject({ direction: 'changed' });
    expect(pair({ value: 5, unit: 'EUR' }, { value: 6, unit: 'USD' }).difference).toBeUndefined();
    expect(pair({ text: 'Low' }, { text: 'High' })).toMatchObject({ direction: 'changed' });
    const bound = pair({ value: 600, unit: 'users', qualifier: 'over' }, { value: 650, unit: 'users', qualifier: 'over' });
    expect(bound).toMatchObject({ direction: 'up' });
    expect(bound.difference).toBeUndefined();
    expect(pair({ value: 3.4, unit: 'GW', qualifier: 'approx' }, { value: 3.6, unit: 'GW', qualifier: 'approx' }).difference).toMatchObject({ value: 0.2, approximate: true });
    // The qualifier changed, the number not: another figure, never "= unchanged"; nor has a bound become another kind of bound a direction.
    expect(pair({ value: 7, unit: 'stores', qualifier: 'up_to' }, { value: 7, unit: 'stores', qualifier: 'over' })).toMatchObject({ direction: 'changed' });
    expect(pair({ value: 7, unit: 'stores' }, { value: 7, unit: 'stores', qualifier: 'over' })).toMatchObject({ direction: 'changed' });
    expect(pair({ value: 6.2, unit: 'USD', qualifier: 'approx' }, { value: 6.2, unit: 'USD' })).toMatchObject({ direction: 'changed' });
    const bounds = pair({ value: 7, unit: 'stores', qualifier: 'up_to' }, { value: 5, unit: 'stores', qualifier: 'over' });
    expect([bounds.direction, bounds.difference, bounds.percent]).toEqual(['changed', undefined, undefined]);
    expect(changeText(pair({ value: 7, unit: 'stores', qualifier: 'up_to' }, { value: 7, unit: 'stores', qualifier: 'over' }))).toBe('revised'); // the same period: a revision
    // Another word for the same ("approx." to "about", "over" to "more than"): unchanged, or the direction of the number.
    expect(pair({ value: 6.2, unit: 'USD', qualifier: 'approx' }, { value: 6.2, unit: 'USD', qualifier: 'about' })).toMatchObject({ direction: 'same' });
    expect(pair({ value: 600, unit: 'users', qualifier: 'over' }, { value: 600, unit: 'users', qualifier: 'more_than' })).toMatchObject({ direction: 'same' });
    expect(pair({ value: 600, unit: 'users', qualifier: 'over' }, { value: 650, unit: 'users', qualifier: 'more_than' })).toMatchObject({ direction: 'up' });
    // Approximate to exact, the number moved: still up, by about the difference.
    expect(pair({ value: 6.2, unit: 'USD', qualifier: 'approx' }, { value: 6.35, unit: 'USD' })).toMatchObject({ direction: 'up', difference: { value: 0.15, approximate: true } });
    // A loss turning into a profit has no meaningful percent change; nor has a loss that halved or doubled (a percent of a
    // negative base reads the wrong way round: "▼ down 100%" for a loss that doubled), though its difference is given.
    expect(pair({ value: -42.7, unit: 'EUR' }, { value: 10, unit: 'EUR' }).percent).toBeUndefined();
    expect(pair({ value: -40, unit: 'EUR' }, { value: -20, unit: 'EUR' })).toMatchObject({ direction: 'up', difference: { value: 20 } });
    expect(pair({ value: -40, unit: 'EUR' }, { value: -20, unit: 'EUR' }).percent).toBeUndefined();
    expect(pair({ value: -20, unit: 'EUR' }, { value: -40, unit: 'EUR' }).percent).toBeUndefined();
    expect(pair({ value: 40, unit: 'EUR' }, { value: 20, unit: 'EUR' }).percent).toBe(-50);
    // A profit turned into a loss of the same digits is no "= unchanged", nor the other way round.
    expect(pair({ value: 40, unit: 'EUR' }, { value: -40, unit: 'EUR' })).toMatchObject({ direction: 'down', difference: { value: -80 } });
    expect(pair({ value: -40, unit: 'EUR' }, { value: 40, unit: 'EUR' })).toMatchObject({ direction: 'up', difference: { value: 80 } });
    expect(pair({ value: -40, unit: 'EUR' }, { value: -40, unit: 'EUR', period: 'Q4 2025' })).toMatchObject({ direction: 'same', percent: 0 }); // a loss left as it was
    expect(pair({ value: 0, unit: 'EUR' }, { value: 0, unit: 'EUR', period: 'Q4 2025' })).toMatchObject({ direction: 'same', percent: 0 }); // and zero
    // The same figure for another period: listed, direction "same".
    expect(pair({ value: 5, unit: 'EUR' }, { value: 5, unit: 'EUR', period: 'Q4 2025' })).toMatchObject({ direction: 'same' });
  });

  it('lists a whole new series once, with how many values it holds, and text edits as removed and added, as written', () => {
    const now = q3With((t) => t
      .replace('  capex:\n', '  output_twh:\n    label: Output\n    unit: TWh\n    values:\n      - { value: 1.9, period: Q2 2025, period_end: 2025-06-30 }\n      - { value: 2.1, period: Q3 2025, period_end: 2025-09-30 }\n  capex:\n')
      .replace('Merchant exposure in the Nordic spot market.', 'Merchant exposure in the Nordic spot market, hedged with [[revenue]] of contracts.')
      .replace('A fleet of [[turbines]] in three countries.', 'A fleet of [[turbines]] in four countries.'));
    const changes = compareCanvases(fixture(Q3), now);
    expect(changes.added).toEqual([{ id: 'output_twh', metric: expect.objectContaining({ value: 2.1, period: 'Q3 2025' }), values: 2 }]);
    // In reading order: the chapter's opening first. Written as in the canvas; `text` as the model resolves it.
    expect(changes.text.added.map((t) => [t.place, t.chapter, t.section, t.written])).toEqual([
      ['lead', 'key_resources', undefined, 'A fleet of [[turbines]] in four countries.'],
      ['bullet', 'revenue_streams', 'Electricity sales', 'Merchant exposure in the Nordic spot market, hedged with [[revenue]] of contracts.'],
    ]);
    expect(changes.text.added[1]).toMatchObject({ text: 'Merchant exposure in the Nordic spot market, hedged with [[revenue@2025-09-30]] of contracts.', metrics: { 'revenue@2025-09-30': expect.objectContaining({ value: 322.9 }) } });
    expect(changes.text.removed.map((t) => t.written)).toEqual(['A fleet of [[turbines]] in three countries.', 'Merchant exposure in the Nordic spot market.']);
  });

  it('finds no text change where the text names a dated value in both versions, the latest in the earlier one only', () => {
    const pinned = (t: string) => t.replace('Revenue was [[revenue]] in the quarter,', 'Revenue was [[revenue@2025-09-30]] in the quarter,').replace('Revenue was [[revenue]] in the quarter (', 'Revenue was [[revenue@2025-09-30]] in the quarter (');
    const before = q3With(pinned);
    const now = q3With((t) => pinned(t).replace('as_of: 2025-10-31', 'as_of: 2026-01-31').replace('      - { value: 322.9, period: Q3 2025, period_end: 2025-09-30, change: { percent: 6.3 } }\n', '      - { value: 322.9, period: Q3 2025, period_end: 2025-09-30, change: { percent: 6.3 } }\n      - { value: 335.4, period: Q4 2025, period_end: 2025-12-31, change: { percent: 7.2 } }\n'));
    expect(now.briefing.summary).toContain('[[revenue@2025-09-30]]');
    const changes = compareCanvases(before, now);
    expect(changes.figures.map((f) => [f.kind, f.now.id])).toEqual([['latest', 'revenue@2025-12-31']]);
    expect(changes.added).toEqual([]);
    expect(changes.text).toEqual({ added: [], removed: [] });
    // An edit of such a text is still one.
    const edited = compareCanvases(before, q3With((t) => pinned(t).replace('in the quarter (', 'in the third quarter (')));
    expect(edited.text.added.map((t) => t.written)).toEqual(['Revenue was [[revenue]] in the third quarter ([[revenue.change]]).']);
  });

  it('names a section removed by chapter and title, and does not list its text again', () => {
    const changes = compareCanvases(fixture(Q3), fixture(Q2));
    expect(changes.sections).toEqual({ added: [], removed: [{ chapter: 'revenue_streams', title: 'Grid services', index: 1 }] });
    expect(changes.text).toEqual({ added: [], removed: [] });
    expect(changes.figures.map((f) => [f.id, f.direction])).toEqual([['revenue', 'down'], ['turbines', 'down']]);
  });
});

describe('compareCanvases: what is printed besides figures and text', () => {
  const TABLE = [
    '          - table:',
    '              title: Output by country',
    '              columns: [Country, { title: "Share (%)", decimals: 0 }]',
    '              rows:',
    '                - [Norway, 38]',
    '                - [Sweden, 27]',
    '',
  ].join('\n');
  const withTable = (edit: (text: string) => string = (t) => t) => q3With((t) => edit(t.replace('          - bullets:\n', `${TABLE}          - bullets:\n`)));

  it('lists a free table\'s cell edited, by row and column, and a chart\'s title or caption edited', () => {
    const changes = compareCanvases(withTable(), withTable((t) => t.replace('[Norway, 38]', '[Norway, 40]').replace('title: Revenue by quarter', 'title: Revenue by quarter (EUR million)\n    caption: Company reports')));
    expect(changes.tables).toEqual([expect.objectContaining({
      chapter: 'revenue_streams', section: 'Electricity sales', title: 'Output by country',
      cells: [{ row: 'Norway', column: 'Share (%)', before: '38', now: '40', numbers: { before: { number: 38, columnDecimals: 0 }, now: { number: 40, columnDecimals: 0 } } }], rowsAdded: [], rowsRemoved: [], parts: [],
    })]);
    expect(changes.charts).toEqual([
      { id: 'revenue_trend', title: 'Revenue by quarter (EUR million)', parts: [
        { part: 'title', before: 'Revenue by quarter', now: 'Revenue by quarter (EUR million)' },
        { part: 'caption', before: null, now: 'Company reports' },
      ] },
    ]);
    expect(hasChanges(changes)).toBe(true);
  });

  it('finds no change in a cell naming one value of a series in both versions, though in the earlier one it was the latest', () => {
    // Q2's revenue named by its date in both quarters: in Q2 that was the latest value (as written, [[revenue]]), in Q3 it is not.
    const pinned = (rows: string) => (t: string) => t.replace('          - bullets:\n', `          - table:\n              columns: [Row, Value]\n              rows:\n${rows}          - bullets:\n`);
    const rows = '                - ["Revenue Q2", { metric: revenue@2025-06-30 }]\n                - ["Growth Q2", { metric: revenue@2025-06-30, show: change }]\n';
    const q2 = canvasOf(pinned(rows)(readFileSync(Q2, 'utf8')));
    expect(compareCanvases(q2, q3With(pinned(rows))).tables).toEqual([]);
    // Nor is it a row removed and added where the table's shape changed: only the new row is listed.
    const longer = compareCanvases(q2, q3With(pinned(`${rows}                - ["Revenue Q3", { metric: revenue }]\n`))).tables;
    expect(longer.map((t) => [t.cells, t.rowsAdded, t.rowsRemoved])).toEqual([[[], ['Revenue Q3 | [[revenue]]'], []]]);
    // A cell now naming another value, or showing it another way, is still a change.
    const other = compareCanvases(q2, q3With(pinned(rows.replace('{ metric: revenue@2025-06-30 }]', '{ metric: revenue@2025-03-31 }]').replace('show: change', 'show: value')))).tables;
    expect(other.flatMap((t) => t.cells.map((c) => [c.row, c.before, c.now]))).toEqual([
      ['Revenue Q2', '[[revenue]]', '[[revenue@2025-03-31]]'],
      ['Growth Q2', '[[revenue.change]]', '[[revenue@2025-06-30.value]]'],
    ]);
  });

  it('names a cell edited in a row without a first cell by the row\'s place in the table, counted from 1', () => {
    const unnamed = (share: string) => withTable((t) => t.replace('                - [Sweden, 27]\n', `                - [Sweden, 27]\n                - ['', ${share}]\n`));
    const changes = compareCanvases(unnamed('65'), unnamed('67'));
    expect(changes.tables).toEqual([expect.objectContaining({
      title: 'Output by country',
      cells: [{ row: 'row 3', column: 'Share (%)', before: '65', now: '67', numbers: { before: { number: 65, columnDecimals: 0 }, now: { number: 67, columnDecimals: 0 } } }], rowsAdded: [], rowsRemoved: [], parts: [],
    })]);
  });

  it('names every other printed part that changed, though it does not itemise it: never "no differences" for canvases that differ', () => {
    const changes = compareCanvases(withTable(), withTable((t) => t
      .replace('key_figures: [revenue, turbines]', 'key_figures: [turbines, revenue]')
      .replace('    - title: Nordwind Energi ASA, quarterly reports 2025', '    - title: Nordwind Energi ASA, quarterly reports 2025 and 2024')
      .replace('          - metric_table:\n              rows: [turbines]', '          - metric_table:\n              title: Fleet\n              rows: [turbines]')
      .replace('    type: column\n', '    type: line\n')));
    expect(changes.figures).toEqual([]);
    expect(changes.unitemised.map((u) => [u.part, u.key ?? u.section ?? '', u.fields])).toEqual([
      ['key_figures', '', []],
      ['data_notes', '', ['sources']],
      ['chart', 'revenue_trend', ['type']],
      ['section', 'Fleet and people', ['metric tables']],
    ]);
    expect(hasChanges(changes)).toBe(true);
    // A metric's source alone: named with its field.
    const sourced = compareCanvases(fixture(Q3), q3With((t) => t.replace('    period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30\ncharts:', '    period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30\n    source: Q3 report\ncharts:')));
    expect(sourced.unitemised).toEqual([{ part: 'metric', key: 'capex', fields: ['source'] }]);
    // Nothing of it between a canvas and itself, keys written in another order included.
    expect(compareCanvases(withTable(), withTable((t) => t.replace('    title: Revenue by quarter\n    type: column\n', '    type: column\n    title: Revenue by quarter\n')))).toMatchObject({ tables: [], charts: [], unitemised: [] });
  });

  it('names a section whose bullets were reordered, or split into two lists or joined, the same text in each', () => {
    const BULLETS = '              - Contracted share of output above two thirds.\n              - Merchant exposure in the Nordic spot market.\n';
    const swapped = compareCanvases(fixture(Q3), q3With((t) => t.replace(BULLETS, '              - Merchant exposure in the Nordic spot market.\n              - Contracted share of output above two thirds.\n')));
    expect(swapped.text).toEqual({ added: [], removed: [] });
    expect(swapped.unitemised).toEqual([{ part: 'section', chapter: 'revenue_streams', section: 'Electricity sales', fields: ['order of its bullets'] }]);
    expect(hasChanges(swapped)).toBe(true);
    const split = compareCanvases(fixture(Q3), q3With((t) => t.replace(BULLETS, '              - Contracted share of output above two thirds.\n          - bullets:\n              - Merchant exposure in the Nordic spot market.\n')));
    expect(split.unitemised).toEqual([{ part: 'section', chapter: 'revenue_streams', section: 'Electricity sales', fields: ['bullet lists'] }]);
    expect(hasChanges(split)).toBe(true);
    // A bullet list moved before the chart is the order of the content, as before.
    const moved = compareCanvases(fixture(Q3), q3With((t) => t.replace(`          - chart: revenue_trend\n          - bullets:\n${BULLETS}`, `          - bullets:\n${BULLETS}          - chart: revenue_trend\n`)));
    expect(moved.unitemised).toEqual([{ part: 'section', chapter: 'revenue_streams', section: 'Electricity sales', fields: ['order of its content'] }]);
  });

  it('names a chart whose points changed: a bar dropped, the points reversed, last: added; a series gaining a quarter is no change to the chart', () => {
    const points = (list: string) => q3With((t) => t.replace('    series: revenue\n', `    points: [${list}]\n`));
    const chartFields = (a: Canvas, b: Canvas) => compareCanvases(a, b).unitemised.filter((u) => u.part === 'chart').map((u) => [u.key, u.fields]);
    expect(chartFields(fixture(Q3), points('{metric: revenue@2025-06-30}, {metric: revenue@2025-09-30}'))).toEqual([['revenue_trend', ['points']]]);
    expect(chartFields(points('{metric: revenue@2025-06-30}, {metric: revenue@2025-09-30}'), points('{metric: revenue@2025-09-30}, {metric: revenue@2025-06-30}'))).toEqual([['revenue_trend', ['points']]]);
    expect(chartFields(fixture(Q3), q3With((t) => t.replace('    series: revenue\n', '    series: revenue\n    last: 2\n')))).toEqual([['revenue_trend', ['last']]]);
    // The whole series written out point by point prints the same chart; [[revenue]] and its latest value's id alike.
    expect(chartFields(fixture(Q3), points('{metric: revenue@2025-03-31}, {metric: revenue@2025-06-30}, {metric: revenue@2025-09-30}'))).toEqual([]);
    expect(chartFields(points('{metric: revenue@2025-06-30}, {metric: revenue}'), points('{metric: revenue@2025-06-30}, {metric: revenue@2025-09-30}'))).toEqual([]);
    // A new quarter's value: the chart of the series gains a bar, which the figures report; so does last: 2.
    const q4 = (t: string) => t.replace('as_of: 2025-10-31', 'as_of: 2026-01-31')
      .replace('      - { value: 322.9, period: Q3 2025, period_end: 2025-09-30, change: { percent: 6.3 } }\n', '      - { value: 322.9, period: Q3 2025, period_end: 2025-09-30, change: { percent: 6.3 } }\n      - { value: 330.1, period: Q4 2025, period_end: 2025-12-31, change: { percent: 7.0 } }\n');
    expect(chartFields(fixture(Q3), q3With(q4))).toEqual([]);
    const last2 = (t: string) => t.replace('    series: revenue\n', '    series: revenue\n    last: 2\n');
    expect(chartFields(q3With(last2), q3With((t) => last2(q4(t))))).toEqual([]);
  });

  it('names a metric table whose row shows another value of its series; its latest value written with its date, or a quarter rolled forward, is none', () => {
    const rows = (list: string) => q3With((t) => t.replace('              rows: [turbines]\n', `              rows: [${list}]\n`));
    const tableFields = (a: Canvas, b: Canvas) => compareCanvases(a, b).unitemised.filter((u) => u.part === 'section').map((u) => [u.section, u.fields]);
    expect(tableFields(rows('turbines, capex'), rows('turbines@2025-06-30, capex'))).toEqual([['Fleet and people', ['metric tables']]]);
    expect(tableFields(rows('turbines, capex'), rows('turbines@2025-09-30, capex'))).toEqual([]);
    expect(tableFields(rows('turbines, capex'), rows('capex, turbines'))).toEqual([['Fleet and people', ['metric tables']]]);
    expect(tableFields(rows('{series: turbines}'), rows('turbines@2025-06-30, turbines'))).toEqual([]);
    expect(tableFields(rows('{series: turbines}'), rows('turbines'))).toEqual([['Fleet and people', ['metric tables']]]);
    // A new quarter: turbines (and the series) now show another value, which the figures report.
    const q4 = (list: string) => canvasOf(readFileSync(Q3, 'utf8').replace('as_of: 2025-10-31', 'as_of: 2026-01-31')
      .replace('      - { value: 812, period: 30 Sep 2025, period_end: 2025-09-30 }\n', '      - { value: 812, period: 30 Sep 2025, period_end: 2025-09-30 }\n      - { value: 820, period: 31 Dec 2025, period_end: 2025-12-31 }\n')
      .replace('              rows: [turbines]\n', `              rows: [${list}]\n`));
    expect(tableFields(rows('turbines'), q4('turbines'))).toEqual([]);
    expect(tableFields(rows('{series: turbines}'), q4('{series: turbines}'))).toEqual([]);
    expect(tableFields(rows('turbines@2025-09-30'), q4('turbines@2025-09-30'))).toEqual([]);
  });
});
