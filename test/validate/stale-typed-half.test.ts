/**
 * Last period's figure typed under this period's name in a European half-year briefing (H1 2025, € million): text left
 * from the last roll-forward. Each is reported as the text and the figure disagreeing, and the PDF lists it under "Where
 * sources disagree", however the sentence goes on (another half's figure referred to beside it, "up from [[net_debt@...]]").
 */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';

/** A measure's three halves, H1 2024 to H1 2025 (in € million, flow style), the last stating its change. */
const halves = (id: string, label: string, [h1, h2, now, change]: string[]) =>
  `  ${id}: { label: ${label}, unit: EUR, scale: million, period_type: half_year, values: [{ value: ${h1}, period: H1 2024, period_end: 2024-06-30 }, { value: ${h2}, period: H2 2024, period_end: 2024-12-31 }, { value: ${now}, period: H1 2025, period_end: 2025-06-30, change: { percent: ${change} } }] }`;

const CANVAS = (content: string) => `company: { name: Valdria Group N.V., short_name: Valdria, ticker: VALD, exchange: X, country: Netherlands, sector: S, industry: I }
briefing: { period: H1 2025, as_of: 2025-07-31, currency: EUR, language: en-GB }
metrics:
${halves('revenue', 'Revenue', ['2310.0', '2402.3', '2469.0', '6.9'])}
${halves('ebita', 'EBITA', ['277.2', '300.3', '318.5', '14.9'])}
  ebita_margin: { label: EBITA margin, unit: percent, period_type: half_year, values: [{ value: 12.0, period: H1 2024, period_end: 2024-06-30 }, { value: 12.9, period: H1 2025, period_end: 2025-06-30 }] }
  net_debt: { label: Net debt, unit: EUR, scale: million, period_type: as_at, values: [{ value: 1308.6, period: 31 December 2024, period_end: 2024-12-31 }, { value: 1474.2, period: 30 June 2025, period_end: 2025-06-30 }] }
blocks:
  revenue_streams:
    sections:
      - title: T
        content:
${content}`;

const paragraph = (text: string) => `          - paragraph: '${text} Now: [[revenue]], [[ebita]], [[ebita_margin]], [[net_debt]].'\n`;

function checked(content: string) {
  const { canvas, findings, typedDisagreements } = validateWithWarnings(parseCanvas(CANVAS(content), 'c.yaml'));
  const listed = buildModel(canvas, { name: 'c', setKey: 'full', typed: typedDisagreements }).appendix.contradictions.filter((c) => c.detected).map((c) => c.note);
  return { findings: findings.filter((f) => f.rule === 'typed-figure' || f.rule === 'typed-mismatch' || f.rule === 'period-mismatch').map((f) => `${f.rule}: ${f.message}`), listed };
}

describe('last half\'s figure typed under this half\'s name', () => {
  it('says an earlier half\'s revenue typed as H1 2025\'s was not updated, though the sentence refers to another half\'s figure', () => {
    for (const text of ['Revenue was €2,310.0m in H1 2025, [[revenue.change]], after [[revenue@2024-12-31]] in H2 2024.', 'Revenue was €2,310.0m in H1 2025.']) {
      const { findings, listed } = checked(paragraph(text));
      expect(findings, text).toEqual([expect.stringMatching(/^typed-figure: "€2,310\.0m" is typed into the text, and is the value of revenue@2024-06-30 \(H1 2024\), but its sentence speaks of "H1 2025", for which revenue is €2,469\.0 million: the text may not have been updated\. Write \[\[revenue\]\] for the H1 2025 figure, or \[\[revenue@2024-06-30\]\]/)]);
      expect(listed, text).toEqual([expect.stringContaining('types €2,310.0m into its text as Revenue for H1 2025')]);
    }
  });

  it('says last year-end\'s net debt typed at 30 June 2025 was not updated, beside "up from [[net_debt@2024-12-31]] at 31 December 2024"', () => {
    const text = 'Net debt was €1,308.6m at 30 June 2025, up from [[net_debt@2024-12-31]] at 31 December 2024.';
    const { findings, listed } = checked(paragraph(text));
    expect(findings).toEqual([expect.stringMatching(/^typed-figure: "€1,308\.6m" is typed into the text, and is the value of net_debt@2024-12-31 \(31 December 2024\), but its sentence speaks of "30 June 2025", for which net_debt is €1,474\.2 million: the text may not have been updated/)]);
    expect(listed).toEqual([expect.stringContaining('types €1,308.6m into its text as Net debt for 30 June 2025')]);
  });

  it('gives the usual advice where the sentence gives the later figure itself, or names the amount\'s own period', () => {
    for (const [text, ref] of [
      ['Revenue rose to [[revenue]] in H1 2025 from €2,310.0m.', 'revenue@2024-06-30'],
      ['Revenue was [[revenue]] in H1 2025, against €2,310.0m in H1 2024.', 'revenue@2024-06-30'],
      ['Net debt rose to [[net_debt]] at 30 June 2025, from €1,308.6m at 31 December 2024.', 'net_debt@2024-12-31'],
    ] as const) {
      const { findings, listed } = checked(paragraph(text));
      expect(findings, text).toEqual([expect.stringMatching(new RegExp(`^typed-figure: "€[\\d,.]+m" is typed into the text, and is the value of ${ref}: write \\[\\[${ref}\\]\\] instead`))]);
      expect(listed, text).toEqual([]);
    }
  });
});

/** A free table of the P&L, H1 2025 beside H1 2024, with the EBITA row as given. */
const table = (ebita: string) => `          - table:
              title: Profit and loss, H1 2025 (€m)
              columns: [Line item, "H1 2025", "H1 2024"]
              rows:
                - ["Revenue", { metric: revenue }, { metric: revenue@2024-06-30 }]
                - ${ebita}
`;

describe('another half\'s figure, rounded to two digits or bare in a table, under this half\'s name', () => {
  it('reports revenue rounded from H1 2024\'s or H2 2024\'s figure as H1 2025\'s, naming the figure it is, and lists it in the PDF', () => {
    for (const [typed, other] of [['€2.3bn', 'revenue@2024-06-30, the figure for H1 2024'], ['€2.4bn', 'revenue@2024-12-31, the figure for H2 2024']] as const) {
      for (const text of [`Revenue was ${typed} in H1 2025.`, `Revenue was ${typed} in H1 2025, [[revenue.change]], after [[revenue@2024-12-31]] in H2 2024.`]) {
        const { findings, listed } = checked(paragraph(text));
        expect(findings, text).toEqual([`typed-mismatch: "${typed}" is typed into the text as Revenue for "H1 2025", but revenue@2025-06-30 is €2,469.0 million (H1 2025); it is ${other}, rounded (text left from an earlier period?): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[revenue]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding`]);
        expect(listed, text).toEqual([expect.stringContaining(`types ${typed} into its text as Revenue for H1 2025`)]);
      }
    }
  });

  it('leaves a rounding of the period\'s own figure alone, and one the sentence dates or compares', () => {
    for (const text of ['Revenue was €2.5bn in H1 2025.', 'Revenue was €2.3bn in H1 2024.', 'Revenue was €2.5bn in H1 2025 and €2.3bn in H1 2024.', 'Revenue rose to €2.5bn in H1 2025, from €2.3bn a year earlier.']) {
      expect(checked(paragraph(text)).findings, text).toEqual([]);
    }
  });

  it('reports a bare number in a table that is another half\'s figure under this half\'s column, and the other way round', () => {
    for (const [row, typed, half, shown, other] of [
      ['["EBITA", 277.2, { metric: ebita@2024-06-30 }]', '277.2', 'H1 2025', 'ebita@2025-06-30 is €318.5 million (H1 2025)', 'ebita@2024-06-30, the figure for H1 2024 (text left from an earlier period?)'],
      ['["EBITA", { metric: ebita }, 318.5]', '318.5', 'H1 2024', 'ebita@2024-06-30 is €277.2 million (H1 2024)', 'ebita@2025-06-30, the figure for H1 2025 (typed under the wrong period?)'],
    ] as const) {
      const { findings, listed } = checked(table(row));
      expect(findings, row).toEqual([expect.stringContaining(`typed-mismatch: "${typed}" (read as €${typed} million, the unit the table's title "Profit and loss, H1 2025 (€m)" states) is typed into the table as EBITA for "${half}", but ${shown}; it is ${other}: the table and the figure disagree`)]);
      expect(listed, row).toHaveLength(1);
    }
    expect(checked(table('["EBITA", 318.5, 277.2]')).findings).toEqual([]);
  });
});

describe('"the first half" in a briefing for a half', () => {
  it('reads "in the first half", "during the half", "for this half" as H1 2025, the briefing\'s half, and reports a figure typed wrong there', () => {
    for (const words of ['in the first half', 'during the half', 'for this half']) {
      expect(checked(paragraph(`The EBITA margin was 13.2% ${words}.`)).findings, words).toEqual([expect.stringContaining(`typed-mismatch: "13.2%" is typed into the text as EBITA margin for "${words.replace(/^\w+ /, '').replace(/^(?:the|this) /, '')}", but ebita_margin@2025-06-30 is 12.9% (H1 2025)`)]);
    }
    const { findings, listed } = checked(paragraph('Valdria grew revenue to €2,496.0m in the first half.'));
    expect(findings).toEqual([expect.stringContaining('typed-mismatch: "€2,496.0m" is typed into the text as Revenue for "first half", but revenue@2025-06-30 is €2,469.0 million (H1 2025)')]);
    expect(listed).toEqual([expect.stringContaining('types €2,496.0m into its text as Revenue for H1 2025')]);
  });

  it('reads a change after a reference and "in the first half" as the figure\'s own', () => {
    expect(checked(paragraph('EBITA rose to [[ebita]] in the first half, up 19.4%.')).findings).toEqual([expect.stringContaining('typed-figure: "up 19.4%" is typed into the text beside [[ebita]], whose stated change is +14.9% YoY')]);
    expect(checked(paragraph('EBITA rose to [[ebita]] in the first half, up 14.9%.')).findings).toEqual([]);
    // (And a change before the reference, with the half's words after it and no change there.)
    expect(checked(paragraph('EBITA rose 19.4% to [[ebita]] in the first half, and margins improved.')).findings).toEqual([expect.stringContaining('typed-figure: "rose 19.4%" is typed into the text beside [[ebita]], whose stated change is +14.9% YoY')]);
  });

  it('leaves right figures alone, and halves of something else or of another year', () => {
    for (const text of [
      'The EBITA margin was 12.9% in the first half.', 'Valdria grew revenue to [[revenue]] in the first half.',
      'The EBITA margin was 13.2% in the first half of the decade.', 'The EBITA margin was 13.2% in the first half of the presentation.',
      'The EBITA margin was 13.2% in the first half of the quarter.', 'The EBITA margin was 12.0% in the first half of 2024.',
      'The EBITA margin was 13.2% in the second half.',
    ]) {
      expect(checked(paragraph(text)).findings, text).toEqual([]);
    }
    expect(checked(paragraph('Revenue was [[revenue]] in the first half of 2024.')).findings).toEqual([expect.stringContaining('period-mismatch: text [[revenue]] shows Revenue for H1 2025, but its sentence speaks of "first half of 2024"')]);
  });
});
