/** undated-period: a quarter or half without period_end whose words the contradiction check cannot place, beside its measure's dated figures. */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

/** An Indian company's canvas: one dated quarter (no fiscal calendar learnt from it), and the call's figure for "Q2 FY26". */
const CANVAS = `company: { name: Acme India, ticker: ACMI, exchange: NSE, country: India, sector: S, industry: I }
briefing: { period: Q2 FY26, as_of: 2025-11-08, currency: INR }
metrics:
  revenue:
    label: Revenue from operations
    unit: INR
    scale: million
    period_type: quarter
    source: Q2 FY26 results press release
    values:
      - { value: 10452, period: Quarter ended 30 Jun 2025, period_end: 2025-06-30 }
      - { value: 11320, period: Quarter ended 30 Sep 2025, period_end: 2025-09-30 }
  revenue_call: { label: Revenue from operations, unit: INR, scale: million, value: 11230, period: Q2 FY26, period_type: quarter, source: Q2 FY26 earnings call }
blocks:
  revenue_streams:
    lead: "Revenue was [[revenue]]; on the call management said [[revenue_call]]."
`;

const findings = (text: string) => validateWithWarnings(parseCanvas(text, 'c.yaml')).findings;

describe('undated-period', () => {
  it('finds a quarter the contradiction check cannot place in time, at its period words, naming the dated figures it was not compared with', () => {
    expect(findings(CANVAS).map((f) => [`${f.line}:${f.column}`, f.path, f.rule, f.message])).toEqual([[
      '13:100', 'metrics.revenue_call.period', 'undated-period',
      'revenue_call (₹11,230 million, "Q2 FY26") has no period_end, and its period words say no date the checks can read (a fiscal quarter, and the canvas\'s figures do not show how its fiscal quarters fall in the calendar): it is compared only with figures whose period is written the same way, not with the dated figures of Revenue from operations (revenue@2025-06-30, Quarter ended 30 Jun 2025; revenue@2025-09-30, Quarter ended 30 Sep 2025), so a contradiction with one of them would go unseen. Give it period_end: YYYY-MM-DD, the last day of the period it covers',
    ]]);
  });

  it('is gone once period_end is given, and the contradiction it hid is found', () => {
    const dated = CANVAS.replace('period: Q2 FY26, period_type: quarter,', 'period: Q2 FY26, period_type: quarter, period_end: 2025-09-30,');
    expect(findings(dated).map((f) => f.rule)).toEqual(['contradiction', 'contradiction']);
  });

  it('is acknowledged by the figure alone, and the acknowledgement reads as a sentence in the data notes', () => {
    const acked = `${CANVAS}data_notes:\n  acknowledged:\n    - { rule: undated-period, metrics: [revenue_call], reason: The call gave no date; checked by hand against the press release. }\n`;
    expect(findings(acked).map((f) => [f.rule, f.acknowledged])).toEqual([['undated-period', 'The call gave no date; checked by hand against the press release.']]);
  });
});
