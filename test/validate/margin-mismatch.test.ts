/**
 * margin-mismatch: a margin that the canvas's own profit and revenue figures for its period rule out, beyond the rounding
 * of all three (canvas/margins.ts): found on the errors a planted-error hunt typed into a US 10-Q canvas, and not on the
 * canvas as filed, nor on margins paired with nothing or with figures of another basis, segment or period. The briefing
 * lists it where sources disagree, as check reports it, unless the canvas acknowledges it by its figure.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { checkCanvas } from '../../src/pipeline.ts';
import { createRenderer } from '../../src/render/render-html.ts';
import { tempDir } from '../support/temp.ts';

/** Corvell's Q3 2025 10-Q canvas: operating income $203 million, gross profit $868 million, total revenue $1,232 million. */
const CORVELL = readFileSync('test/fixtures/valid/corvell.yaml', 'utf8');
const Q3_MARGIN = '{ value: 16.5, period: Q3 2025, period_end: 2025-09-30, change: { points: 2.5, better: higher } }';

/** Corvell with each [from, to] replaced (once, and each must be there) and `metrics` added at the end of its metrics. */
function corvell(edits: Array<[string, string]> = [], metrics: string[] = [], more = ''): string {
  let text = CORVELL;
  for (const [from, to] of edits) {
    expect(text, from).toContain(from);
    text = text.replace(from, to);
  }
  const q3 = (id: string, label: string, value: number, unit: string, extra = '') => `  ${id}: { label: ${label}, value: ${value}, unit: ${unit},${unit === 'percent' ? '' : ' scale: million,'} period: Q3 2025, period_type: quarter, period_end: 2025-09-30${extra} }\n`;
  const added = metrics.map((m) => {
    const [id, label, value, unit, extra] = m.split('|');
    return q3(id!, label!, Number(value), unit!, extra);
  }).join('');
  return text.replace('charts:\n', `${added}charts:\n`) + more;
}

/** The operating margin of Q3 2025 typed as `value` (its stated change kept in step with it, so that only the margin is off). */
const margin = (value: string, points: string) => [Q3_MARGIN, `{ value: ${value}, period: Q3 2025, period_end: 2025-09-30, change: { points: ${points}, better: higher } }`] as [string, string];

function marginFindings(yaml: string) {
  return validateWithWarnings(parseCanvas(yaml, 'corvell.yaml')).findings.filter((f) => f.rule === 'margin-mismatch' || f.rule === 'unmatched-acknowledgement' || f.rule === 'unpinned-acknowledgement');
}

describe('margin-mismatch in check', () => {
  it('reports the operating margin typed over (17.5% beside $203 million and $1,232 million) at its value, with the three figures and the margin they give', () => {
    const yaml = corvell([margin('17.5', '3.5')]);
    const [found, ...more] = marginFindings(yaml);
    expect(more).toEqual([]);
    expect(found).toMatchObject({ rule: 'margin-mismatch', path: 'metrics.operating_margin.values[2].value', metrics: ['operating_margin@2025-09-30', 'operating_income@2025-09-30', 'revenue@2025-09-30'], figure: '17.5% against 16.5%' });
    // At the margin's value, as a reader fixes it.
    const line = yaml.split('\n').findIndex((l) => l.includes('{ value: 17.5, period: Q3 2025'));
    expect([found!.line, found!.column]).toEqual([line + 1, yaml.split('\n')[line]!.indexOf('17.5') + 1]);
    expect(found!.message).toBe('operating_margin@2025-09-30 is 17.5% (Operating margin, Q3 2025), but its profit and revenue for the period, operating_income@2025-09-30 ($203 million) and revenue@2025-09-30 ($1,232 million), give 203/1,232 = 16.5%, not 17.5% even allowing for rounding. Check the three figures against the source and correct the one that is wrong (a margin on another basis, such as adjusted, or of other revenue, needs a label saying so), or acknowledge the finding');
  });

  it('reports a gross profit updated without its margin (886 beside 70.5%), and a margin labelled "(GAAP)"', () => {
    const gross = marginFindings(corvell([['{ value: 868, period: Q3 2025, period_end: 2025-09-30, change: { percent: 11.3,', '{ value: 886, period: Q3 2025, period_end: 2025-09-30, change: { percent: 13.6,']]));
    expect(gross.map((f) => [f.path, f.figure])).toEqual([['metrics.gross_margin.values[2].value', '70.5% against 71.9%']]);
    expect(gross[0]!.message).toContain('gross_profit@2025-09-30 ($886 million) and revenue@2025-09-30 ($1,232 million), give 886/1,232 = 71.9% (71.85% to 71.99% as their rounding allows), not 70.5%');
    const gaap = marginFindings(corvell([margin('17.5', '3.5'), ['label: Operating margin\n', 'label: Operating margin (GAAP)\n']]));
    expect(gaap.map((f) => f.figure)).toEqual(['17.5% against 16.5%']);
  });

  it('allows for the rounding of all three figures: 203/1,232 may be 16.43% to 16.52%, so 16.4% and 16.5% stand and 16.6% does not', () => {
    expect(marginFindings(corvell())).toEqual([]);
    expect(marginFindings(corvell([margin('16.4', '2.4')]))).toEqual([]);
    expect(marginFindings(corvell([margin('16.48', '2.48')]))).toEqual([]);
    expect(marginFindings(corvell([margin('16.6', '2.6')])).map((f) => f.figure)).toEqual(['16.6% against 16.5%']);
    // Every quarter's margin is checked against its own quarter's figures: Q2 2025's 15.6% is 190/1,215.
    expect(marginFindings(corvell([['{ value: 15.6, period: Q2 2025', '{ value: 16.6, period: Q2 2025']])).map((f) => f.path)).toEqual(['metrics.operating_margin.values[1].value']);
  });

  it('pairs an adjusted margin with the adjusted profit only, and a segment\'s margin with the segment\'s profit and revenue', () => {
    const adjusted = 'adj_income|Adjusted operating income|246|USD';
    // 246/1,232 = 20.0%; the GAAP margin stays 203/1,232.
    expect(marginFindings(corvell([], [adjusted, 'adj_margin|Adjusted operating margin|20.0|percent']))).toEqual([]);
    expect(marginFindings(corvell([], [adjusted, 'adj_margin|Adjusted operating margin|21.0|percent'])).map((f) => [f.metrics, f.figure])).toEqual([[['adj_margin', 'adj_income', 'revenue@2025-09-30'], '21% against 20.0%']]);
    // Without an adjusted profit (or a non-GAAP one beside a GAAP profit), nothing to divide: not set against the GAAP figures.
    expect(marginFindings(corvell([], ['adj_margin|Adjusted operating margin|20.0|percent', 'ng_margin|Non-GAAP operating margin|20.0|percent']))).toEqual([]);
    expect(marginFindings(corvell([], ['ng_income|Non-GAAP operating income|246|USD', 'adj_margin|Adjusted operating margin|20.0|percent']))).toEqual([]);
    // Cloud Platform: 185.5/742 = 25.0% (of the company's revenue it would be 15.1%).
    const cloud = 'cloud_income|Cloud Platform operating income|185.5|USD';
    expect(marginFindings(corvell([], [cloud, 'cloud_margin|Cloud Platform operating margin|25.0|percent']))).toEqual([]);
    const wrong = marginFindings(corvell([], [cloud, 'cloud_margin|Cloud Platform operating margin|28.0|percent']));
    expect(wrong.map((f) => [f.metrics, f.figure])).toEqual([[['cloud_margin', 'cloud_income', 'cloud_revenue@2025-09-30'], '28% against 25.0%']]);
    expect(wrong[0]!.message).toContain('give 185.5/742 = 25.0%');
  });

  it('says nothing of a margin with no profit of its measure, with two revenues to choose from, of a forecast, or of figures in other units', () => {
    expect(marginFindings(corvell([], ['ebitda_margin|EBITDA margin|30.0|percent', 'contribution|Contribution margin|40.0|percent']))).toEqual([]);
    // Total revenue and net sales for one quarter: which the margin is of, the canvas does not say.
    expect(marginFindings(corvell([margin('17.5', '3.5')], ['net_sales|Net sales|1240|USD']))).toEqual([]);
    // A margin forecast for the quarter (19.0%, against the actual figures' 16.5%) is no reported figure.
    const forecast = corvell([], [], '').replace('charts:\n', '  guided: { label: Operating margin, value: 19.0, unit: percent, period: Q3 2025, period_type: forecast, period_end: 2025-09-30 }\ncharts:\n');
    expect(marginFindings(forecast)).toEqual([]);
    // A segment's profit in euros beside its revenue in dollars: no one unit to divide in (in dollars, 158/742 would be 21.3%).
    expect(marginFindings(corvell([], ['cloud_income|Cloud Platform operating income|158|EUR', 'cloud_margin|Cloud Platform operating margin|25.0|percent']))).toEqual([]);
    expect(marginFindings(corvell([], ['cloud_income|Cloud Platform operating income|158|USD', 'cloud_margin|Cloud Platform operating margin|25.0|percent'])).map((f) => f.figure)).toEqual(['25% against 21.3%']);
  });

  it('checks a net margin of a loss: −54/1,232 is −4.4%', () => {
    expect(marginFindings(corvell([], ['net_margin|Net margin|-4.4|percent']))).toEqual([]);
    expect(marginFindings(corvell([], ['net_margin|Net margin|-5.4|percent'])).map((f) => [f.metrics, f.figure])).toEqual([[['net_margin', 'net_income@2025-09-30', 'revenue@2025-09-30'], '-5.4% against -4.4%']]);
  });

  it('reads a German canvas\'s EBIT-Marge beside EBIT and Umsatz, and writes the figures as the briefing prints them there', () => {
    const de = (marge: number, bereinigt = 8.9) => `company: { name: Beispiel AG, ticker: BSP, exchange: XETRA, country: Germany, sector: Industrials, industry: Machinery }
briefing: { period: Q3 2025, as_of: 2025-11-10, currency: EUR, language: de }
metrics:
  umsatz: { label: Umsatz, value: 440.3, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Q }
  ebit: { label: EBIT, value: 36.1, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Q }
  marge: { label: EBIT-Marge, value: ${marge}, unit: percent, period: Q3 2025, period_end: 2025-09-30, source: Q }
  ebit_ber: { label: Bereinigtes EBIT, value: 39.2, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Q }
  marge_ber: { label: Bereinigte EBIT-Marge, value: ${bereinigt}, unit: percent, period: Q3 2025, period_end: 2025-09-30, source: Q }
blocks:
  revenue_streams:
    sections:
      - title: T
        content:
          - paragraph: "[[umsatz]] [[ebit]] [[marge]] [[ebit_ber]] [[marge_ber]]"
`;
    // 36.1/440.3 = 8.2%; 39.2/440.3 = 8.9%.
    expect(marginFindings(de(8.2))).toEqual([]);
    const found = marginFindings(de(9.2));
    expect(found.map((f) => [f.metrics, f.figure])).toEqual([[['marge', 'ebit', 'umsatz'], '9,2\u00a0% against 8,2\u00a0%']]);
    expect(found[0]!.message).toContain('ebit (36,1\u00a0Mio.\u00a0€) and umsatz (440,3\u00a0Mio.\u00a0€), give 36,1/440,3 = 8,2\u00a0%');
    expect(marginFindings(de(8.2, 9.9)).map((f) => f.metrics)).toEqual([['marge_ber', 'ebit_ber', 'umsatz']]);
  });

  it('is acknowledged by its figure, as check quotes it, and by no other', () => {
    const ack = (figure?: string) => `  acknowledged:\n    - { rule: margin-mismatch, metrics: [operating_margin@2025-09-30, operating_income@2025-09-30, revenue@2025-09-30],${figure === undefined ? '' : ` figure: "${figure}",`} reason: The 10-Q's margin is of revenue before a reclassification. }\n`;
    const with_ = (figure?: string) => marginFindings(corvell([margin('17.5', '3.5'), ['data_notes:\n', `data_notes:\n${ack(figure)}`]]));
    expect(with_('17.5% against 16.5%').map((f) => [f.rule, f.acknowledged])).toEqual([['margin-mismatch', "The 10-Q's margin is of revenue before a reclassification."]]);
    expect(with_('17.5% against 16.4%').map((f) => [f.rule, f.acknowledged !== undefined])).toEqual([['margin-mismatch', false], ['unmatched-acknowledgement', false]]);
    const unpinned = with_();
    expect(unpinned.map((f) => f.rule)).toEqual(['margin-mismatch', 'unpinned-acknowledgement']);
    expect(unpinned[1]!.message).toContain('add figure: "17.5% against 16.5%"');
  });
});

/** The briefing of `yaml` as its HTML reads, a line per paragraph, heading or row; and the model. */
async function briefed(yaml: string) {
  const file = join(tempDir(), 'corvell.yaml');
  writeFileSync(file, yaml);
  const model = (await checkCanvas(file)).models[0]!;
  const { html } = createRenderer({}).render(model, { svgs: model.charts.map(() => '<svg></svg>'), pageSize: 'A4' });
  const body = html.slice(html.indexOf('<body'));
  const text = body.replace(/<(p|h\d|li|tr|figcaption)\b/g, '\n<$1').replace(/<[^>]+>/g, '').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '').join('\n').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
  return { model, text };
}

describe('margin-mismatch in the briefing', () => {
  it('is listed where sources disagree, detected, with the three figures, and marks the margin\'s key figure', async () => {
    const { model, text } = await briefed(corvell([margin('17.5', '3.5')]));
    const entry = model.appendix.contradictions.find((c) => c.title === 'Operating margin, Q3 2025: its profit and revenue')!;
    expect([entry.detected, entry.metrics]).toEqual([true, ['operating_margin@2025-09-30', 'operating_income@2025-09-30', 'revenue@2025-09-30']]);
    const note = 'Found by canvas-briefing: the margin stated, 17.5%, does not follow from Operating income ($203 million) and Total revenue ($1,232 million) for the same period, which give 16.5%, even allowing for rounding. The canvas does not explain the difference; check the source before relying on any of them.';
    expect(entry.note).toBe(note);
    expect(text).toContain(`\nWhere sources disagree\nOperating margin, Q3 2025: its profit and revenue detected\n${note}\nMetricValuePeriodSource\nOperating margin17.5%Q3 2025`);
    expect(entry.table.rows.map((r) => r.map((c) => c.text.map((p) => p.text).join('')).slice(0, 3))).toEqual([['Operating margin', '17.5%', 'Q3 2025'], ['Operating income', '$203 million', 'Q3 2025'], ['Total revenue', '$1,232 million (€1,052 million)', 'Q3 2025']]);
    expect(model.keyFigures.find((k) => k.label === 'Operating margin')).toMatchObject({ disputed: entry.anchor, detected: true });
    // The canvas as filed: nothing disagrees.
    expect((await briefed(corvell())).text).toContain('\nWhere sources disagree\nNo figures in this briefing disagree');
  });

  it('is explained in the notes on the figures once acknowledged by its figure, and listed again once a figure moves', async () => {
    const ack = (figure: string) => corvell([margin('17.5', '3.5'), ['data_notes:\n', `data_notes:\n  acknowledged:\n    - { rule: margin-mismatch, metrics: [operating_margin@2025-09-30, operating_income@2025-09-30, revenue@2025-09-30], figure: "${figure}", reason: The margin is of revenue before a reclassification. }\n`]]);
    const { model, text } = await briefed(ack('17.5% against 16.5%'));
    expect(model.appendix.contradictions).toEqual([]);
    expect(model.appendix.notes).toContain('A margin does not follow from its profit and revenue figures (Operating margin, Q3 2025; Operating income, Q3 2025; Total revenue, Q3 2025: 17.5% against 16.5%): The margin is of revenue before a reclassification.');
    expect(text).toContain('No figures in this briefing disagree other than those the notes on the figures explain');
    const moved = await briefed(ack('17.5% against 16.5%').replace('{ value: 203, period: Q3 2025', '{ value: 190, period: Q3 2025'));
    expect(moved.model.appendix.contradictions.map((c) => c.title)).toContain('Operating margin, Q3 2025: its profit and revenue');
  });
});
