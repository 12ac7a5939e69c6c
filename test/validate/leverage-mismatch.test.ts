/**
 * leverage-mismatch: a net debt/EBITDA multiple that the canvas's own net debt and EBITDA of the twelve months to its date
 * rule out, beyond the rounding of all of them (canvas/leverage.ts): found on the errors a planted-error hunt typed into a
 * European half-year canvas (leverage 1.8x typed 2.3x; net debt typed 1,747.2 with leverage left at 1.8x), and not on the
 * canvas as filed, nor on a leverage paired with nothing, with two EBITDAs to choose from, with another basis, or with a
 * forecast. The briefing lists it where sources disagree, as check reports it, unless acknowledged by its figure.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { checkCanvas } from '../../src/pipeline.ts';
import { tempDir } from '../support/temp.ts';

/** A half-year canvas as Valdria's: EBITDA by half, net debt and leverage at 31 December 2024 and 30 June 2025. */
const HALVES = `  ebitda:
    { label: EBITDA, unit: EUR, scale: million, period_type: half_year, source: Interim report, values: [
      { value: 372.0, period: H1 2024, period_end: 2024-06-30 },
      { value: 398.0, period: H2 2024, period_end: 2024-12-31 },
      { value: 421.0, period: H1 2025, period_end: 2025-06-30 } ] }
`;

function canvas(ebitda = HALVES, { leverage = '1.8', netDebt = '1474.2', label = 'Leverage (net debt / LTM EBITDA)', unit = 'times', more = '', notes = '' } = {}): string {
  return `company: { name: Valdria Group, ticker: VAL, exchange: XETRA, country: Germany, sector: Industrials, industry: Machinery }
briefing: { period: H1 2025, as_of: 2025-07-30, currency: EUR }
metrics:
${ebitda}  net_debt:
    label: Net debt
    unit: EUR
    scale: million
    period_type: as_at
    source: Interim report
    values:
      - { value: 1308.6, period: 31 December 2024, period_end: 2024-12-31 }
      - { value: ${netDebt}, period: 30 June 2025, period_end: 2025-06-30 }
  leverage:
    label: ${label}
    unit: ${unit}
    decimals: 1
    period_type: as_at
    source: Interim report
    values:
      - { value: 1.7, period: 31 December 2024, period_end: 2024-12-31 }
      - { value: ${leverage}, period: 30 June 2025, period_end: 2025-06-30 }
${more}key_figures: [net_debt, leverage]
blocks:
  key_resources:
    sections:
      - title: Balance sheet
        content:
          - metric_table: { title: Balance sheet, columns: [label, value, period], rows: [{ series: net_debt }, { series: leverage }, { series: ebitda }] }
${notes}`;
}

function found(yaml: string) {
  return validateWithWarnings(parseCanvas(yaml, 'valdria.yaml')).findings.filter((f) => ['leverage-mismatch', 'unmatched-acknowledgement', 'unpinned-acknowledgement'].includes(f.rule));
}

describe('leverage-mismatch in check', () => {
  it('reports leverage typed over (2.3x beside 1,474.2 over 398.0 + 421.0) at its value, with the figures and the multiple they give', () => {
    expect(found(canvas())).toEqual([]);
    const yaml = canvas(HALVES, { leverage: '2.3' });
    const [f, ...more] = found(yaml);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ rule: 'leverage-mismatch', path: 'metrics.leverage.values[1].value', metrics: ['leverage@2025-06-30', 'net_debt@2025-06-30', 'ebitda@2024-12-31', 'ebitda@2025-06-30'], figure: '2.3 times against 1.8 times' });
    const line = yaml.split('\n').findIndex((l) => l.includes('{ value: 2.3, period: 30 June 2025'));
    expect(f!.line).toBe(line + 1);
    expect(f!.message).toBe('leverage@2025-06-30 is 2.3 times (Leverage (net debt / LTM EBITDA), 30 June 2025), but its net debt that day, net_debt@2025-06-30 (€1,474.2 million), over the EBITDA of the twelve months to it, ebitda@2024-12-31 (€398.0 million) and ebitda@2025-06-30 (€421.0 million), gives 1,474.2/(398.0 + 421.0) = 1.8 times, not 2.3 times even allowing for rounding. Check the figures against the source and correct the one that is wrong (a leverage on another basis, such as adjusted EBITDA or net debt with leases, needs a label saying so), or acknowledge the finding');
  });

  it('reports net debt updated without its leverage (1,747.2 beside 1.8x: 2.1x), and reads the labels and units a leverage is written with', () => {
    expect(found(canvas(HALVES, { netDebt: '1747.2' })).map((f) => [f.path, f.figure])).toEqual([['metrics.leverage.values[1].value', '1.8 times against 2.1 times']]);
    for (const label of ['Leverage', 'Net leverage', 'Leverage ratio', 'Net debt/EBITDA', 'Net debt / EBITDA (x)', 'Net debt to EBITDA', 'Net debt to LTM EBITDA ratio', 'Net financial debt/EBITDA']) {
      expect(found(canvas(HALVES, { leverage: '2.3', label, unit: 'x' })).map((f) => f.figure), label).toEqual(['2.3 x against 1.8 x']);
      expect(found(canvas(HALVES, { label, unit: 'x' })), label).toEqual([]);
    }
    // Not a multiple of net debt over EBITDA: gross debt, equity, a percentage.
    for (const [label, unit] of [['Leverage (gross debt / EBITDA)', 'x'], ['Debt to equity', 'x'], ['Leverage', 'percent']]) {
      expect(found(canvas(HALVES, { leverage: '2.3', label, unit })), label).toEqual([]);
    }
  });

  it('allows for the rounding of all the figures: EBITDA of €0.4 billion a half may be 0.35 to 0.45, so 1.8x and 2.1x stand and 2.2x does not', () => {
    const rough = HALVES.replace('scale: million', 'scale: billion').replace('value: 398.0', 'value: 0.4').replace('value: 421.0', 'value: 0.4').replace('value: 372.0', 'value: 0.4');
    expect(found(canvas(rough))).toEqual([]);
    expect(found(canvas(rough, { leverage: '2.1' }))).toEqual([]);
    const [f, ...more] = found(canvas(rough, { leverage: '2.2' }));
    expect(more).toEqual([]);
    expect(f!.figure).toBe('2.2 times against 1.8 times');
    // In two scales the division is of the amounts, and the interval their rounding allows is said.
    expect(f!.message).toContain('gives €1,474.2 million/(€0.4 billion + €0.4 billion) = 1.8 times (1.64 times to 2.11 times as their rounding allows), not 2.2 times');
    // Past the tenth: 1,474.2/819.0 is 1.800, and 1.7 is reported.
    expect(found(canvas(HALVES, { leverage: '1.7' })).map((f) => f.figure)).toEqual(['1.7 times against 1.8 times']);
  });

  it('reads the twelve months as four quarters, or a year\'s figure, ending on the leverage\'s date', () => {
    const quarters = `  ebitda:\n    label: EBITDA\n    unit: EUR\n    scale: million\n    period_type: quarter\n    source: Q\n    values:\n${[['Q3 2024', '2024-09-30', 190.0], ['Q4 2024', '2024-12-31', 208.0], ['Q1 2025', '2025-03-31', 200.0], ['Q2 2025', '2025-06-30', 221.0]].map(([p, e, v]) => `      - { value: ${Number(v).toFixed(1)}, period: ${p}, period_end: ${e} }\n`).join('')}`;
    // 190 + 208 + 200 + 221 = 819.0; at 31 December 2024 not four quarters: not checked.
    expect(found(canvas(quarters))).toEqual([]);
    const q = found(canvas(quarters, { leverage: '2.3' }));
    expect(q.map((f) => [f.metrics, f.figure])).toEqual([[['leverage@2025-06-30', 'net_debt@2025-06-30', 'ebitda@2024-09-30', 'ebitda@2024-12-31', 'ebitda@2025-03-31', 'ebitda@2025-06-30'], '2.3 times against 1.8 times']]);
    expect(q[0]!.message).toContain('gives 1,474.2/(190.0 + 208.0 + 200.0 + 221.0) = 1.8 times');
    // A quarter missing: no twelve months.
    expect(found(canvas(quarters.replace(/ +- \{ value: 190\.0.*\n/, ''), { leverage: '2.3' }))).toEqual([]);
    const years = `  ebitda:\n    label: EBITDA\n    unit: EUR\n    scale: million\n    period_type: fiscal_year\n    source: Annual report\n    values:\n      - { value: 770.0, period: FY2024, period_end: 2024-12-31 }\n`;
    // 1,308.6/770.0 = 1.70 at 31 December 2024.
    expect(found(canvas(years))).toEqual([]);
    expect(found(canvas(years.replace('770.0', '654.3'))).map((f) => [f.metrics, f.figure])).toEqual([[['leverage@2024-12-31', 'net_debt@2024-12-31', 'ebitda@2024-12-31'], '1.7 times against 2.0 times']]);
  });

  it('says nothing where the EBITDA is not one: two candidates, another basis, a forecast, another currency', () => {
    // A second EBITDA for H1 2025 (a press release's), or a year's figure beside the two halves: which, the canvas does not say.
    expect(found(canvas(HALVES, { leverage: '2.3', more: '  ebitda_press: { label: EBITDA, value: 425, unit: EUR, scale: million, period: H1 2025, period_type: half_year, period_end: 2025-06-30, source: Press release }\n' }))).toEqual([]);
    expect(found(canvas(HALVES, { leverage: '2.3', more: '  ebitda_ltm: { label: EBITDA, value: 819, unit: EUR, scale: million, period: LTM June 2025, period_type: ttm, period_end: 2025-06-30, source: Interim report }\n' }))).toEqual([]);
    // Adjusted leverage goes with adjusted EBITDA only: 1,474.2/(420.0 + 450.0) = 1.7; the reported 819.0 would give 1.8.
    const adjusted = `  adj_ebitda:\n    label: Adjusted EBITDA\n    unit: EUR\n    scale: million\n    period_type: half_year\n    source: Interim report\n    values:\n      - { value: 420.0, period: H2 2024, period_end: 2024-12-31 }\n      - { value: 450.0, period: H1 2025, period_end: 2025-06-30 }\n`;
    expect(found(canvas(HALVES + adjusted, { leverage: '1.7', label: 'Adjusted leverage' }))).toEqual([]);
    expect(found(canvas(HALVES + adjusted, { leverage: '1.7', label: 'Net debt / adjusted EBITDA' }))).toEqual([]);
    expect(found(canvas(HALVES + adjusted, { leverage: '1.8', label: 'Net debt / adjusted EBITDA' })).map((f) => [f.metrics!.slice(2), f.figure])).toEqual([[['adj_ebitda@2024-12-31', 'adj_ebitda@2025-06-30'], '1.8 times against 1.7 times']]);
    // An adjusted leverage with only reported EBITDA, or a reported one with only adjusted: not set against each other.
    expect(found(canvas(HALVES, { leverage: '1.7', label: 'Adjusted leverage' }))).toEqual([]);
    expect(found(canvas(adjusted.replace('adj_ebitda:', 'ebitda:'), { leverage: '1.8' }))).toEqual([]);
    // A forecast EBITDA for H1 2025 (guidance) makes no twelve months of actual figures.
    const forecast = HALVES.replace('{ value: 421.0, period: H1 2025, period_end: 2025-06-30 }', '{ value: 421.0, period: H1 2025, period_end: 2025-06-30, period_type: forecast }');
    expect(found(canvas(forecast, { leverage: '2.3' }))).toEqual([]);
    // EBITDA in another currency than the net debt.
    expect(found(canvas(HALVES.replace('unit: EUR', 'unit: USD'), { leverage: '2.3' }))).toEqual([]);
  });

  it('is acknowledged by its figure, as check quotes it, and by no other', () => {
    const ack = (figure?: string) => `data_notes:\n  acknowledged:\n    - { rule: leverage-mismatch, metrics: [leverage@2025-06-30, net_debt@2025-06-30, ebitda@2024-12-31, ebitda@2025-06-30],${figure === undefined ? '' : ` figure: "${figure}",`} reason: The covenant leverage includes the Hydrel EBITDA pro forma. }\n`;
    const with_ = (figure?: string) => found(canvas(HALVES, { leverage: '2.3', notes: ack(figure) }));
    expect(with_('2.3 times against 1.8 times').map((f) => [f.rule, f.acknowledged])).toEqual([['leverage-mismatch', 'The covenant leverage includes the Hydrel EBITDA pro forma.']]);
    expect(with_('2.3 times against 1.9 times').map((f) => [f.rule, f.acknowledged !== undefined])).toEqual([['leverage-mismatch', false], ['unmatched-acknowledgement', false]]);
    const unpinned = with_();
    expect(unpinned.map((f) => f.rule)).toEqual(['leverage-mismatch', 'unpinned-acknowledgement']);
    expect(unpinned[1]!.message).toContain('add figure: "2.3 times against 1.8 times"');
  });
});

describe('leverage-mismatch in the briefing', () => {
  it('is listed where sources disagree, detected, with the figures; once acknowledged by its figure, in the notes on the figures', async () => {
    const model = async (yaml: string) => {
      const file = join(tempDir(), 'valdria.yaml');
      writeFileSync(file, yaml);
      return (await checkCanvas(file)).models[0]!;
    };
    const wrong = await model(canvas(HALVES, { leverage: '2.3' }));
    const entry = wrong.appendix.contradictions.find((c) => c.title === 'Leverage (net debt / LTM EBITDA), 30 June 2025: its net debt and EBITDA')!;
    expect([entry.detected, entry.metrics]).toEqual([true, ['leverage@2025-06-30', 'net_debt@2025-06-30', 'ebitda@2024-12-31', 'ebitda@2025-06-30']]);
    expect(entry.note).toBe('Found by canvas-briefing: the leverage stated, 2.3 times, does not follow from Net debt (€1,474.2 million) and the EBITDA of the twelve months to that day (EBITDA, H2 2024 (€398.0 million), EBITDA, H1 2025 (€421.0 million)), which give 1.8 times, even allowing for rounding. The canvas does not explain the difference; check the source before relying on any of them.');
    expect(wrong.keyFigures.find((k) => k.label === 'Leverage (net debt / LTM EBITDA)')).toMatchObject({ disputed: entry.anchor, detected: true });
    expect((await model(canvas())).appendix.contradictions).toEqual([]);
    const ack = 'data_notes:\n  acknowledged:\n    - { rule: leverage-mismatch, metrics: [leverage@2025-06-30, net_debt@2025-06-30, ebitda@2024-12-31, ebitda@2025-06-30], figure: "2.3 times against 1.8 times", reason: The covenant leverage includes Hydrel pro forma. }\n';
    const acknowledged = await model(canvas(HALVES, { leverage: '2.3', notes: ack }));
    expect(acknowledged.appendix.contradictions).toEqual([]);
    expect(acknowledged.appendix.notes).toContain('A leverage does not follow from its net debt and EBITDA figures (Leverage (net debt / LTM EBITDA), 30 June 2025; Net debt, 30 June 2025; EBITDA, H2 2024; EBITDA, H1 2025: 2.3 times against 1.8 times): The covenant leverage includes Hydrel pro forma.');
  });
});
