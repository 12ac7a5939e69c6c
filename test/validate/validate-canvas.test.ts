import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { loadCanvas, parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';

const fixture = (name: string) => `test/fixtures/${name}`;

async function problemsOf(file: string): Promise<{ error: BriefingError; lines: string[] }> {
  try {
    validateCanvas(await loadCanvas(file));
  } catch (error) {
    expect(error).toBeInstanceOf(BriefingError);
    return { error: error as BriefingError, lines: (error as Error).message.split('\n') };
  }
  throw new Error(`${file} validated, but it is invalid`);
}

describe('validateCanvas', () => {
  it('accepts a small canvas of another company with optional parts left out', async () => {
    const canvas = validateCanvas(await loadCanvas(fixture('valid/nordwind.yaml')));
    expect(canvas.company.name).toBe('Nordwind Energi ASA');
    expect(canvas.blocks.channels).toBeUndefined();
  });

  it('reports every schema problem, and how many, with file:line:column, key path, expected and found', async () => {
    const { error, lines } = await problemsOf(fixture('invalid/broken-types.yaml'));
    expect(error.exitCode).toBe(EXIT.invalidData);
    const file = fixture('invalid/broken-types.yaml');
    // The four below are all: a fifth problem, or one of these lost, changes the count.
    expect(lines[0]).toBe(`${file}: invalid canvas (4 problems); no briefing can be made from it until they are fixed.`);
    expect(lines).toContain(`${file}:10:10: briefing.as_of: 2025-31-12 is not a day in the calendar: there is no month 31; a date is written YYYY-MM-DD, so did you mean 2025-12-31?`);
    expect(lines).toContain(`${file}:15:12: metrics.revenue.value: expected a number, found "12.5": remove the quotes`);
    expect(lines).toContain(`${file}:17:12: metrics.revenue.scale: expected one of thousand, million, billion, trillion; found "bn"; did you mean "billion"?`);
    expect(lines).toContain(`${file}:24:13: blocks.channels.sections[0].content[0].paragraf: unknown key "paragraf"; did you mean "paragraph"? Allowed here: paragraph, bullets, table, metric_table, chart.`);
  });

  it('reports references to ids that do not exist, and charts that mix units', async () => {
    const { lines } = await problemsOf(fixture('invalid/broken-references.yaml'));
    const file = fixture('invalid/broken-references.yaml');
    expect(lines).toContain(`${file}:37:36: blocks.revenue_streams.sections[0].content[0].paragraph: no metric with id "revenu"; did you mean "revenue"?`);
    expect(lines.find((l) => l.startsWith(`${file}:30:7: charts.mixed.points:`))).toMatch(/share one unit; found GBP million \(revenue\); users million \(users\)/);
  });

  it('points at an unknown key itself and suggests the right spelling', () => {
    const text = readFileSync(fixture('valid/nordwind.yaml'), 'utf8').replace('    unit: GW', '    unti: GW\n    unit: GW');
    expect(() => validateCanvas(parseCanvas(text, 'typo.yaml'))).toThrow(/typo\.yaml:\d+:5: metrics\.capacity_gw\.unti: unknown key "unti"; did you mean "unit"\?/);
  });

  it('reports YAML syntax errors with their position', async () => {
    await expect(loadCanvas(fixture('invalid/broken-syntax.yaml'))).rejects.toMatchObject({
      message: 'test/fixtures/invalid/broken-syntax.yaml:2:9: company.name: YAML syntax: this quote (") is never closed: add the closing " where the text ends',
    });
  });

  it('refuses a confidentiality marking too long for the running head, which prints it whole on every page', () => {
    const canvas = (marking: string) => readFileSync(fixture('valid/nordwind.yaml'), 'utf8').replace(/^briefing:\n/m, `briefing:\n  confidentiality: "${marking}"\n`);
    expect(() => validateCanvas(parseCanvas(canvas('Streng vertraulich '.repeat(12).trim()), 'n.yaml'))).not.toThrow();
    expect(() => validateCanvas(parseCanvas(canvas('Streng vertraulich '.repeat(14).trim()), 'n.yaml'))).toThrow(/n\.yaml:\d+:\d+: briefing\.confidentiality: a confidentiality marking is printed whole at the top of every page, and one of more than 240 characters would run into the page's text: shorten it \(a longer notice can go in data_notes\.preface\); found 265 characters$/m);
  });

  it('rejects duplicate keys, which would silently drop a figure', () => {
    const error = (() => { try { parseCanvas('company:\n  name: A\n  name: B\n', 'dup.yaml'); } catch (e) { return e; } })();
    expect(error).toMatchObject({
      message: 'dup.yaml:3:3: company.name: YAML syntax: "name" is given a second time here (first on line 2): a canvas may give each key once (a second value would silently replace the first figure); keep one, or rename the other',
    });
  });
});
