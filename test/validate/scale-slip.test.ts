/** scale-slip: figures that should match, a power of ten apart (a scale typed wrong, a digit dropped); and contradiction naming the power. */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';

const HEAD = 'company: { name: Rei KK, ticker: "9999", exchange: TSE, country: Japan, sector: S, industry: I }\nbriefing: { period: Q3 2025, as_of: 2025-11-15, currency: JPY }\n';

/** The findings of a canvas: "line rule path: message". */
function findingsOf(body: string): string[] {
  return validateWithWarnings(parseCanvas(`${HEAD}${body}`, 'c.yaml')).findings.map((f) => `${f.line} ${f.rule} ${f.path}: ${f.message}${f.acknowledged ? ` (acknowledged: ${f.acknowledged})` : ''}`);
}
const rules = (body: string) => findingsOf(body).map((f) => f.split(' ')[1]);

/** Metrics (flow style, one a line), a paragraph referring to `refs`, and data_notes as given. */
const canvas = (metrics: string[], refs: string[], notes = '') =>
  `metrics:\n${metrics.map((m) => `  ${m}\n`).join('')}blocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: "${refs.map((r) => `[[${r}]]`).join(' ')}"\n${notes}`;

const profit = (id: string, value: number, scale: string, source: string) =>
  `${id}: { label: Operating profit, value: ${value}, unit: JPY, scale: ${scale}, period: Q2 FY2025, period_end: 2025-09-30, concept: op_profit, source: ${source} }`;
const declared = (ids: string[], more = '') => `data_notes:\n  contradictions:\n    - { title: Operating profit, metrics: [${ids.join(', ')}], note: The press release rounds to 億円. }\n${more}`;

/** A quarterly series of `values` (in millions), Q3 2024 on, of `unit`. */
const quarters = (values: Array<number | string>, unit = 'JPY', label = 'Revenue') => {
  const ends = ['2024-09-30', '2024-12-31', '2025-03-31', '2025-06-30', '2025-09-30'];
  const names = ['Q3 2024', 'Q4 2024', 'Q1 2025', 'Q2 2025', 'Q3 2025'];
  return `revenue: { label: ${label}, unit: ${unit},${unit === 'percent' ? '' : ' scale: million,'} period_type: quarter, source: Kessan tanshin, values: [${values.map((v, i) => (typeof v === 'string' ? `{ ${v}, period: ${names[i]}, period_end: ${ends[i]} }` : `{ value: ${v}, period: ${names[i]}, period_end: ${ends[i]} }`)).join(', ')}] }`;
};

describe('scale-slip in a declared contradiction', () => {
  it('finds 313億円 typed as ¥313 billion beside the filing\'s ¥31,245 million, at the declaration, though declared', () => {
    expect(findingsOf(canvas([profit('op', 31245, 'million', Filing), profit('op_press', 313, 'billion', 'Press release')], ['op', 'op_press'], declared(['op', 'op_press'])))).toEqual([
      '14 scale-slip data_notes.contradictions[0]: declares op (JP¥31,245 million, Q2 FY2025) and op_press (JP¥313 billion, Q2 FY2025) as figures that disagree, but op_press (JP¥313 billion) is 10× op (JP¥31,245 million; a ratio of 10.02): one of them has its scale wrong, which no note explains, and the briefing would print both under "Where sources disagree". Check the value and its scale against the source (1億 = 100 million, 1万 = 10 thousand), and correct the one that is wrong; if both are right as written, acknowledge the finding',
    ]);
    // 億 for 万 (10,000×), a thousand (million for billion), and a figure ten times too small.
    expect(rules(canvas([profit('op', 31245, 'million', Filing), profit('op_press', 3.13, 'million', 'Press release')], ['op', 'op_press'], declared(['op', 'op_press'])))).toEqual(['scale-slip']);
    expect(rules(canvas([profit('op', 31245, 'million', Filing), profit('op_press', 31.3, 'million', 'Press release')], ['op', 'op_press'], declared(['op', 'op_press'])))).toEqual(['scale-slip']);
    expect(rules(canvas([profit('op', 31245, 'million', Filing), profit('op_press', 3130, 'million', 'Press release')], ['op', 'op_press'], declared(['op', 'op_press'])))).toEqual(['scale-slip']);
  });

  it('is acknowledged by naming both figures', () => {
    const ack = `  acknowledged:\n    - { rule: scale-slip, metrics: [op, op_press], reason: The release does say 313 billion. }\n`;
    expect(findingsOf(canvas([profit('op', 31245, 'million', Filing), profit('op_press', 313, 'billion', 'Press release')], ['op', 'op_press'], declared(['op', 'op_press'], ack)))).toEqual([
      expect.stringMatching(/^14 scale-slip data_notes\.contradictions\[0\]: .* \(acknowledged: The release does say 313 billion\.\)$/),
    ]);
  });

  it('says nothing of a rounding difference, a real difference, figures too coarse to say, other concepts, or percentages', () => {
    const quiet = (a: string, b: string) => expect(rules(canvas([a, b], ['op', 'op_press'], declared(['op', 'op_press'])))).toEqual([]);
    quiet(profit('op', 31245, 'million', Filing), profit('op_press', 31.3, 'billion', 'Press release')); // what the release meant
    quiet(profit('op', 31245, 'million', Filing), profit('op_press', 281, 'billion', 'Press release')); // 9×
    quiet(profit('op', 31245, 'million', Filing), profit('op_press', 62.5, 'billion', 'Press release')); // 2×
    quiet(profit('op', 31245, 'million', Filing), profit('op_press', 330, 'billion', 'Press release')); // 10.6×: beyond 2% of 10
    // The smallest model and the largest, declared together: 7 billion is 6.5 to 7.5 billion, 72 billion 9.6 to 11.2 times it.
    quiet('op: { label: Smallest model, value: 7, unit: parameters, scale: billion, period: Qwen 2.5, source: S }', 'op_press: { label: Largest model, value: 72, unit: parameters, scale: billion, period: Qwen 2.5, source: S }');
    quiet('op: { label: Smallest model, value: 7.0, decimals: 1, unit: parameters, scale: billion, period: Qwen 2.5, concept: smallest, source: S }', 'op_press: { label: Largest model, value: 70.0, decimals: 1, unit: parameters, scale: billion, period: Qwen 2.5, concept: largest, source: S }');
    quiet('op: { label: Margin, value: 12.5, unit: percent, period: Q2 FY2025, source: S }', 'op_press: { label: Margin, value: 1.25, unit: percent, period: Q2 FY2025, source: S }');
  });
});

describe('contradiction a power of ten apart', () => {
  it('says one of them has its scale wrong, naming both figures and the ratio, rather than a second finding', () => {
    const found = findingsOf(canvas([profit('op', 31245, 'million', Filing), profit('op_press', 313, 'billion', 'Press release')], ['op', 'op_press']));
    expect(found.map((f) => f.split(' ')[1])).toEqual(['contradiction', 'contradiction']);
    expect(found[0]).toBe('4 contradiction metrics.op: op (JP¥31,245 million, Q2 FY2025) and op_press (JP¥313 billion, Q2 FY2025) measure Operating profit for the same period, and cannot both be right even allowing for rounding and qualifiers: one of them has its scale wrong? op_press (JP¥313 billion) is 10× op (JP¥31,245 million; a ratio of 10.02). Check the value and its scale against the source (1億 = 100 million, 1万 = 10 thousand), and correct the one that is wrong');
    // A euro figure: no 億 to explain.
    const euro = findingsOf(canvas([profit('op', 31245, 'million', Filing).replace('JPY', 'EUR'), profit('op_press', 3.13, 'billion', 'Press release').replace('JPY', 'EUR')], ['op', 'op_press']));
    expect(euro[0]).toMatch(/scale wrong\? op \(€31,245 million\) is 10× op_press \(€3\.13 billion; a ratio of 9\.982\)\. Check the value and its scale against the source, and correct/);
    // A rupee figure: a crore is ten million, the slip Indian figures make.
    const rupee = findingsOf(canvas([profit('op', 31245, 'million', Filing).replace('JPY', 'INR'), profit('op_press', 3124.5, 'million', 'Press release').replace('JPY', 'INR')], ['op', 'op_press']));
    expect(rupee[0]).toMatch(/a ratio of 10\)\. Check the value and its scale against the source \(1 crore = 10 million, 1 lakh = 100 thousand\), and correct/);
  });

  it('says as before of figures not so apart', () => {
    const found = findingsOf(canvas([profit('op', 31245, 'million', Filing), profit('op_press', 35, 'billion', 'Press release')], ['op', 'op_press']));
    expect(found[0]).toMatch(/qualifiers: correct the one that is wrong, or keep them and declare it in data_notes\.contradictions/);
    expect(found.join('\n')).not.toMatch(/scale/);
  });
});

describe('scale-slip in a series', () => {
  it('finds a value about a tenth of the periods either side of it, which agree, at its value', () => {
    expect(findingsOf(canvas([quarters([30127, 33400, 3398, 35100])], ['revenue']))).toEqual([
      '4 scale-slip metrics.revenue.values[2].value: revenue@2025-03-31 (JP¥3,398 million, Q1 2025) is about a tenth of revenue@2024-12-31 (JP¥33,400 million, Q4 2024) and revenue@2025-06-30 (JP¥35,100 million, Q2 2025), the periods either side of it (they are 9.83× and 10.3× it), which agree with each other: a digit dropped or added, or the wrong scale? Check the value and its scale against the source (1億 = 100 million, 1万 = 10 thousand); if the figure is right (a one-off), say so in the value\'s note: (the briefing prints it beside the figure), or acknowledge the finding',
    ]);
    // A value in millions among billions (33.4 million for 33.4 billion), and one ten times too large.
    expect(findingsOf(canvas([quarters(['value: 30.127, scale: billion', 'value: 33.4', 'value: 35.1, scale: billion'])], ['revenue']))[0]).toMatch(/revenue@2024-12-31 \(JP¥33\.4 million, Q4 2024\) is about a thousandth of .* \(they are 902× and 1,050× it\)/);
    expect(findingsOf(canvas([quarters([30127, 334000, 35100])], ['revenue']))[0]).toMatch(/JP¥334,000 million, Q4 2024\) is about ten times .* \(it is 11.1× and 9.52× them\)/);
  });

  it('finds the latest value beside the period before and the same period a year earlier; the first beside the period after and a year later', () => {
    expect(findingsOf(canvas([quarters([30127, 31000, 32000, 33400, 3198])], ['revenue']))[0]).toMatch(/^4 scale-slip metrics\.revenue\.values\[4\]\.value: revenue@2025-09-30 .* and revenue@2024-09-30 \(JP¥30,127 million, Q3 2024\), the period before it and the same period a year earlier/);
    expect(findingsOf(canvas([quarters([3012, 31000, 32000, 33400, 34100])], ['revenue']))[0]).toMatch(/values\[0\]\.value: revenue@2024-09-30 .* the period after it and the same period a year later/);
  });

  it('is acknowledged by naming the value', () => {
    const ack = 'data_notes:\n  acknowledged:\n    - { rule: scale-slip, metrics: ["revenue@2025-03-31"], reason: A plant was shut that quarter. }\n';
    expect(findingsOf(canvas([quarters([30127, 33400, 3398, 35100])], ['revenue'], ack))).toEqual([expect.stringMatching(/^4 scale-slip .*\(acknowledged: A plant was shut that quarter\.\)$/)]);
  });

  it('says nothing of a one-off the writer explained: a note of its own, or a stated change that agrees with the jump', () => {
    // Quarterly net income of about £31 million, then £318.4 million from a disposal gain.
    const income = (q3: string, shared = '') => `revenue: { label: Net income, unit: GBP, scale: million, period_type: quarter, source: Interim report,${shared} values: [{ value: 29.8, period: Q3 2024, period_end: 2024-09-30 }, { value: 31.2, period: Q4 2024, period_end: 2024-12-31 }, { value: 318.4, period: Q1 2025, period_end: 2025-03-31${q3} }, { value: 30.6, period: Q2 2025, period_end: 2025-06-30 }] }`;
    expect(rules(canvas([income('')], ['revenue']))).toEqual(['scale-slip']);
    expect(rules(canvas([income(', note: Includes the £287 million gain on the disposal of the rail unit.')], ['revenue']))).toEqual([]);
    expect(rules(canvas([income(', change: { percent: 968 }')], ['revenue']))).toEqual([]);
    // A change that does not explain the jump (the slip's real figure rose 5%), and the series' own note, which every value has, explain nothing.
    expect(rules(canvas([income(', change: { percent: 5 }')], ['revenue']))).toEqual(['scale-slip']);
    expect(rules(canvas([income('', ' note: Continuing operations.,')], ['revenue']))).toEqual(['scale-slip']);
    // The briefing's data notes read it as check does (the value printed): listed where check reports it, not where the value's own note explains it.
    const listed = (body: string) => buildModel(validateWithWarnings(parseCanvas(`${HEAD}${body}`, 'c.yaml')).canvas, { name: 'c', setKey: 'full' }).appendix.contradictions.map((c) => c.title);
    expect(listed(canvas([income('', ' note: Continuing operations.,')], ['revenue@2025-03-31']))).toEqual(['Net income, Q1 2025: ten times the figures beside it']);
    expect(listed(canvas([income(', note: Includes the £287 million gain on the disposal of the rail unit.', ' note: Continuing operations.,')], ['revenue@2025-03-31']))).toEqual([]);
    // A value a tenth of its neighbours with a change that says so.
    expect(rules(canvas([quarters([30127, 33400, 'value: 3398, change: { percent: -89 }', 35100])], ['revenue']))).toEqual([]);
  });

  it('says nothing of real growth, a 9× or 2× difference, neighbours that disagree, losses, coarse figures, or percentages', () => {
    const quiet = (metric: string) => expect(rules(canvas([metric], ['revenue'])), metric).toEqual([]);
    quiet(quarters([100, 1000, 10000, 100000])); // ten times a year, every year
    quiet(quarters([30127, 33400, 3711, 35100])); // a ninth
    quiet(quarters([30127, 33400, 300600, 35100])); // nine times
    quiet(quarters([30127, 33400, 16700, 35100])); // half
    quiet(quarters([30127, 15000, 3398, 35100])); // its neighbours 2.3× apart: a business moving
    quiet(quarters([30127, 33400, 3398])); // the latest, with no year-earlier value
    quiet(quarters([-30127, -33400, -3398, -35100])); // losses
    quiet(quarters([-500, 30127, 33400, 3398, 35100])); // a measure that crossed zero (a profit after a loss) may come near it in any period
    quiet(quarters([48, 52, 5, 50])); // 5 is 4.5 to 5.5: too coarse to say
    quiet(quarters([12.5, 12.9, 1.28, 13.1], 'percent', 'Operating margin'));
  });

  it('finds a value written in another scale than the rest of its series, a power of ten off the one beside it but not in their scale: of two balances, the pair', () => {
    const debt = (second: string, first = '') => `net_debt: { label: Net debt, unit: EUR, scale: million, period_type: as_at, source: H1 report, values: [{ value: 1308.6${first}, period: 31 Dec 2024, period_end: 2024-12-31 }, { value: 1474.2${second}, period: 30 Jun 2025, period_end: 2025-06-30 }] }`;
    expect(findingsOf(canvas([debt(', scale: billion')], ['net_debt']))).toEqual([
      '4 scale-slip metrics.net_debt.values[1].value: net_debt@2025-06-30 (€1,474.2 billion, 30 Jun 2025) and net_debt@2024-12-31 (€1,308.6 million, 31 Dec 2024), the period before it, are 1,130× apart, written in billion and million: one of the two scales is wrong? Their digits in one scale would be within 2× of each other. Check the value and its scale against the source (or net_debt@2024-12-31\'s), and correct the one that is wrong; if both are right, acknowledge the finding',
    ]);
    // In the PDF: both figures, the pair suspected.
    const model = buildModel(validateWithWarnings(parseCanvas(`${HEAD}${canvas([debt(', scale: billion')], ['net_debt'])}`, 'c.yaml')).canvas, { name: 'c', setKey: 'full' });
    expect(model.appendix.contradictions.map((c) => c.title)).toEqual(['Net debt, 30 Jun 2025: a thousand times the figure beside it']);
    // Three or more: the one value in its own scale, where the figures beside it give no pair to compare with (the latest, no year before).
    expect(findingsOf(canvas([quarters([30127, 33400, 'value: 33980, scale: billion'])], ['revenue']))).toEqual([
      expect.stringMatching(/^4 scale-slip metrics\.revenue\.values\[2\]\.value: revenue@2025-03-31 \(JP¥33,980 billion, Q1 2025\) is about a thousand times revenue@2024-12-31 \(JP¥33,400 million, Q4 2024\), the period before it \(1,020× apart\), and the only figure of its series written in billion: the wrong scale\?/),
    ]);
    // In one scale; a note of its own; both in billions; within 2× as written; not within 2× in the other's scale either: nothing.
    for (const body of [debt(''), debt(', scale: billion, note: Restated', ''), debt(', scale: billion', ', scale: billion'), debt(', scale: billion').replace('value: 1474.2', 'value: 1.4742'), debt(', scale: billion').replace('value: 1474.2', 'value: 5000')]) {
      expect(rules(canvas([body], ['net_debt'])), body).toEqual([]);
    }
  });
});

const Filing = 'Kessan tanshin';
