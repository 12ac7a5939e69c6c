/**
 * typed-figure of an earlier value typed under the later period's words where those words are a quarter named without
 * its year ("In the third quarter", in a briefing for Q3 2025) or a balance's day ("at September 30, 2025"): text left
 * from last quarter, said so and listed in "Where sources disagree", as for "in Q3 2025"; and a message that says
 * the sentence names neither period only where it does not, naming what it names otherwise.
 */
import { describe, it, expect } from 'vitest';
import { checkedUsQuarter, usQuarterDisagreements } from '../support/us-quarter.ts';

const METRICS = [
  'revenue: { label: Total revenue, unit: USD, scale: million, period_type: quarter, source: 10-Q, values: [{ value: 1130, period: Q3 2024, period_end: 2024-09-30 }, { value: 1215, period: Q2 2025, period_end: 2025-06-30 }, { value: 1232, period: Q3 2025, period_end: 2025-09-30 }] }',
  'cash: { label: Cash and cash equivalents, unit: USD, scale: million, period_type: as_at, source: 10-Q, values: [{ value: 2150, period: "As of Dec 31, 2024", period_end: 2024-12-31 }, { value: 2330, period: "As of Jun 30, 2025", period_end: 2025-06-30 }, { value: 2410, period: "As of Sep 30, 2025", period_end: 2025-09-30 }] }',
];
const typedFigures = (text: string) => checkedUsQuarter(METRICS, text, '[[revenue]], [[cash]]').findings.filter((f) => f.rule === 'typed-figure').map((f) => f.message);
const disagreements = (text: string) => usQuarterDisagreements(METRICS, text, '[[revenue]], [[cash]]');

describe('an earlier value typed under a yearless quarter or a balance\'s day', () => {
  it('reports last quarter\'s revenue under "the third quarter" as text left from last quarter, and lists it in the PDF', () => {
    for (const text of ['In the third quarter, revenue was $1,215 million.', 'Total revenue was $1,215 million in the third quarter.', 'In Q3, revenue was $1,215 million.']) {
      expect(typedFigures(text), text).toEqual([expect.stringMatching(/^"\$1,215 million" is typed into the text, and is the value of revenue@2025-06-30 \(Q2 2025\), but its sentence speaks of "(?:third quarter|Q3)", for which revenue is \$1,232 million: the text may not have been updated\. Write \[\[revenue\]\] for the Q3 2025 figure, or \[\[revenue@2025-06-30\]\] if the Q2 2025 figure is meant \(and name its period\)$/)]);
      expect(disagreements(text), text).toEqual([expect.stringContaining('types $1,215 million into its text as Total revenue for Q3 2025')]);
    }
  });

  it('reports June\'s cash typed at September 30 as text left from last quarter, and lists it in the PDF', () => {
    for (const text of ['Cash and cash equivalents were $2,330 million at September 30, 2025.', 'As of 30 September 2025, cash and cash equivalents were $2,330 million.']) {
      expect(typedFigures(text), text).toEqual([expect.stringMatching(/^"\$2,330 million" is typed into the text, and is the value of cash@2025-06-30 \(As of Jun 30, 2025\), but its sentence speaks of "(?:September 30, 2025|30 September 2025)", for which cash is \$2,410 million: the text may not have been updated\. Write \[\[cash\]\] for the As of Sep 30, 2025 figure/)]);
      expect(disagreements(text), text).toEqual([expect.stringContaining('types $2,330 million into its text as Cash and cash equivalents for As of Sep 30, 2025')]);
    }
  });

  it('gives the usual advice where the sentence names the value\'s own quarter or day, or compares with it', () => {
    for (const [text, ref] of [
      ['In the second quarter, revenue was $1,215 million.', 'revenue@2025-06-30'], ['Cash and cash equivalents were $2,330 million at June 30, 2025.', 'cash@2025-06-30'],
      ['Cash and cash equivalents rose to [[cash]] at September 30, 2025, up from $2,330 million.', 'cash@2025-06-30'],
    ] as const) {
      expect(typedFigures(text), text).toEqual([`"${text.includes('2,330') ? '$2,330 million' : '$1,215 million'}" is typed into the text, and is the value of ${ref}: write [[${ref}]] instead, so that the text changes when the metric is updated and is checked with it`]);
      expect(disagreements(text), text).toEqual([]);
    }
  });

  it('says the sentence names neither period only where it names none the checks tie to either, saying what it names', () => {
    expect(typedFigures('Revenue was $1,215 million in the quarter.')).toEqual([expect.stringContaining('its latest is $1,232 million for Q3 2025, and the sentence names neither period as the checks read it. If the text speaks of Q3 2025')]);
    expect(typedFigures('In the fourth quarter, revenue was $1,215 million.')).toEqual([expect.stringContaining('its latest is $1,232 million for Q3 2025, and the sentence names "fourth quarter", neither period as the checks read it.')]);
    expect(typedFigures('Cash and cash equivalents were $2,330 million, against $2,150 million at December 31, 2024.')[0]).toContain('and the sentence names neither period as the checks read it.');
  });
});
