import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runCli } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

// `briefing diff`, in-process: no browser. The git tests make a repository in a temporary folder.

const Q2 = 'test/fixtures/diff/nordwind-q2.yaml';
const Q3 = 'test/fixtures/diff/nordwind-q3.yaml';

/** A git repository in a new temporary folder holding `data/nordwind.yaml` as the Q2 fixture, committed; the file then edited to Q3. */
function repository(): { dir: string; canvas: string } {
  const dir = tempDir();
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    stdio: 'pipe',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  git('init', '--quiet');
  mkdirSync(join(dir, 'data'));
  const canvas = join(dir, 'data', 'nordwind.yaml');
  copyFileSync(Q2, canvas);
  git('add', '.');
  git('commit', '--quiet', '-m', 'Q2 2025');
  copyFileSync(Q3, canvas);
  return { dir, canvas };
}

/** `work` with one variable of the process's environment set, restored after. */
async function withEnv<T>(name: string, value: string, work: () => Promise<T>): Promise<T> {
  const saved = process.env[name];
  process.env[name] = value;
  try {
    return await work();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

const EXPECTED = [
  'Briefing:',
  '  Q2 2025 (as of 2025-07-31) → Q3 2025 (as of 2025-10-31)',
  '',
  'Figures that moved:',
  '  Revenue (latest value, Q2 2025 → Q3 2025): €311.2 million → €322.9 million (+€11.7 million, ▲ up 3.8%)',
  '  Turbines in operation (latest value, 30 Jun 2025 → 30 Sep 2025): 798 turbines → 812 turbines (+14 turbines, ▲ up 1.8%)',
  '',
  'Figures added:',
  '  + capex: Capital expenditure (Q3 2025): €84.5 million',
  '',
  'Figures dropped:',
  '  - headcount: Employees (30 Jun 2025): 1,200 employees',
  '',
  'Sections added:',
  '  + Revenue Streams: Grid services',
  '',
  // headcount's row went with it: printed, so named, though not itemised.
  'Also changed, not compared line by line:',
  '  Key Resources, Fleet and people (metric tables)',
].join('\n');

describe('briefing diff OLD NEW', () => {
  it('prints what changed, grouped, with figures formatted as the briefing prints them; exit 0', async () => {
    const run = await runCli(['diff', Q2, Q3]);
    expect(run).toEqual({ code: 0, out: EXPECTED, err: '' });
  });

  it('prints only "no differences" for two equal canvases', async () => {
    expect(await runCli(['diff', Q3, Q3])).toEqual({ code: 0, out: 'no differences', err: '' });
  });

  it('with --exit-code exits 1 when the canvases differ and 0 when they do not, as git diff does', async () => {
    expect((await runCli(['diff', Q2, Q3, '--exit-code'])).code).toBe(1);
    expect((await runCli(['diff', Q3, Q3, '--exit-code'])).code).toBe(0);
  });

  it('lists a free table\'s cell and a chart\'s caption edited, and names other parts changed; --exit-code exits 1 for them, never "no differences"', async () => {
    const dir = tempDir();
    const table = '          - table:\n              title: Output by country\n              columns: [Country, { title: "Share (%)", decimals: 0 }]\n              rows:\n                - [Norway, 38]\n                - [Sweden, 27]\n';
    const write = (name: string, edit: (t: string) => string) => {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, edit(readFileSync(Q3, 'utf8').replace('          - bullets:\n', `${table}          - bullets:\n`)));
      return file;
    };
    const before = write('before', (t) => t.replace('    title: Revenue by quarter\n', '    title: Revenue by quarter\n    caption: Quarterly reports, Q3 2025.\n'));
    const after = write('after', (t) => t.replace('[Norway, 38]', '[Norway, 40]')
      .replace('    title: Revenue by quarter\n', '    title: Revenue by quarter\n    caption: Quarterly reports, Q4 2025.\n')
      .replace('    - title: Nordwind Energi ASA, quarterly reports 2025', '    - title: Nordwind Energi ASA, quarterly reports 2025 and 2024'));
    const run = await runCli(['diff', before, after, '--exit-code']);
    expect(run).toEqual({ code: 1, err: '', out: [
      'Tables changed:',
      '  Revenue Streams, Electricity sales, "Output by country": row Norway, Share (%): 38 → 40',
      '',
      'Charts changed:',
      '  Revenue by quarter (revenue_trend): caption "Quarterly reports, Q3 2025." → "Quarterly reports, Q4 2025."',
      '',
      'Also changed, not compared line by line:',
      '  data notes (sources)',
    ].join('\n') });
    const json = JSON.parse((await runCli(['diff', before, after, '--format', 'json'])).out);
    expect(json).toMatchObject({
      differences: true,
      tables: [{ chapter: 'revenue_streams', chapter_title: 'Revenue Streams', section: 'Electricity sales', title: 'Output by country', cells: [{ row: 'Norway', column: 'Share (%)', before: '38', now: '40', formatted: { before: '38', now: '40' } }], rows_added: [], rows_removed: [], parts: [] }],
      charts: [{ id: 'revenue_trend', title: 'Revenue by quarter', parts: [{ part: 'caption', before: 'Quarterly reports, Q3 2025.', now: 'Quarterly reports, Q4 2025.' }] }],
      also_changed: [{ what: 'data notes', fields: ['sources'] }],
    });
    // Only a part not itemised: still a difference, named.
    const sourced = write('sourced', (t) => t.replace('    - title: Nordwind Energi ASA, quarterly reports 2025', '    - title: Nordwind Energi ASA, quarterly reports 2025 and 2024'));
    const unchanged = write('unchanged', (t) => t);
    expect(await runCli(['diff', unchanged, sourced, '--exit-code'])).toEqual({ code: 1, err: '', out: 'Also changed, not compared line by line:\n  data notes (sources)' });
    expect(await runCli(['diff', unchanged, unchanged, '--exit-code'])).toEqual({ code: 0, err: '', out: 'no differences' });
  });

  it('writes figures in the canvas\'s language, as its changes chapter does, a free table\'s numbers edited as the table prints them', async () => {
    const dir = tempDir();
    const table = (share: string) => `          - table:\n              title: Output by country\n              columns: [Country, "Share (%)"]\n              rows:\n                - [Norway, ${share}]\n`;
    const german = (file: string, share: string) => {
      const out = join(dir, `${share}.yaml`);
      writeFileSync(out, readFileSync(file, 'utf8').replace('currency: EUR, summary:', 'currency: EUR, language: de, summary:').replace('          - bullets:\n', `${table(share)}          - bullets:\n`));
      return out;
    };
    const run = await runCli(['diff', german(Q2, '44.9'), german(Q3, '44.70')]);
    const lines = run.out.replace(/\u00a0/g, '_').split('\n');
    expect(lines).toContain('  Revenue (latest value, Q2 2025 → Q3 2025): 311,2_Mio._€ → 322,9_Mio._€ (+11,7_Mio._€, ▲ up 3,8_%)');
    expect(lines).toContain('  Turbines in operation (latest value, 30 Jun 2025 → 30 Sep 2025): 798_turbines → 812_turbines (+14_turbines, ▲ up 1,8_%)');
    expect(lines).toContain('  + capex: Capital expenditure (Q3 2025): 84,5_Mio._€');
    expect(lines).toContain('  - headcount: Employees (30 Jun 2025): 1.200_employees');
    // 44.70 unquoted: the table prints "44,70", and so does diff; the JSON keeps the cell as written too.
    expect(lines).toContain('  Revenue Streams, Electricity sales, "Output by country": row Norway, Share (%): 44,9 → 44,70');
    expect(run.out).not.toMatch(/€\d|\d\.\d million|1,200/);
    const json = JSON.parse((await runCli(['diff', german(Q2, '44.9'), german(Q3, '44.70'), '--format', 'json'])).out);
    expect(json.figures[0].before.formatted.replace(/\u00a0/g, '_')).toBe('311,2_Mio._€');
    expect(json.tables[0].cells).toEqual([{ row: 'Norway', column: 'Share (%)', before: '44.9', now: '44.70', formatted: { before: '44,9', now: '44,70' } }]);
  });

  it('says when a figure changed but the equivalent in another currency it states did not: left over from the old figure', async () => {
    const dir = tempDir();
    const [before, after, converted] = ['before', 'after', 'converted'].map((n) => join(dir, `${n}.yaml`));
    const withCapex = (value: number, usd: number) => readFileSync(Q3, 'utf8').replace('    value: 84.5\n', `    value: ${value}\n    equivalent: { value: ${usd}, unit: USD, scale: million }\n`);
    writeFileSync(before, withCapex(84.5, 98.1));
    writeFileSync(after, withCapex(86.5, 98.1));
    writeFileSync(converted, withCapex(86.5, 100.4));
    const kept = await runCli(['diff', before, after]);
    expect(kept.out.split('\n')).toEqual([
      'Figures that moved:',
      '  Capital expenditure (Q3 2025): €84.5 million → €86.5 million (+€2.0 million, ▲ revised up 2.4%); its USD equivalent, US$98.1 million, is the one given for the old figure: update it too, or check that it still holds',
    ]);
    expect(JSON.parse((await runCli(['diff', before, after, '--format', 'json'])).out).figures[0].warning).toMatch(/^its USD equivalent, US\$98\.1 million, is the one given/);
    expect((await runCli(['diff', before, converted])).out).not.toContain('equivalent,');
    // The same number of the equivalent, approximate now: still the old figure's. A figure only qualified ("about"): no new number, no warning.
    writeFileSync(after, withCapex(86.5, 98.1).replace('scale: million }', 'scale: million, qualifier: approx }'));
    expect((await runCli(['diff', before, after])).out).toContain('; its USD equivalent, approx. US$98.1 million, is the one given for the old figure');
    writeFileSync(after, withCapex(84.5, 98.1).replace('    value: 84.5\n', '    value: 84.5\n    qualifier: about\n'));
    expect((await runCli(['diff', before, after])).out).not.toContain('equivalent,');
  });

  it('lists a stated change revised, added or taken away, though the figure stayed: it prints beside the figure', async () => {
    const dir = tempDir();
    const [before, after] = [join(dir, 'before.yaml'), join(dir, 'after.yaml')];
    copyFileSync(Q3, before);
    writeFileSync(after, readFileSync(Q3, 'utf8').replace('change: { percent: 6.3 } }', 'change: { percent: 8.1 } }').replace('    value: 84.5\n', '    value: 84.5\n    change: { percent: 12, better: lower }\n'));
    const diff = await runCli(['diff', before, after, '--exit-code']);
    expect(diff.code).toBe(1);
    expect(diff.out.split('\n')).toEqual([
      'Figures that moved:',
      '  Revenue (Q3 2025): €322.9 million → €322.9 million (= figure unchanged, stated change revised); stated change +6.3% YoY → +8.1% YoY',
      '  Capital expenditure (Q3 2025): €84.5 million → €84.5 million (= figure unchanged, stated change added); stated change none → +12% YoY',
    ]);
    const json = JSON.parse((await runCli(['diff', before, after, '--format', 'json'])).out);
    expect(json.figures.map((f: { stated_change: unknown }) => f.stated_change)).toEqual([{ before: '+6.3% YoY', now: '+8.1% YoY' }, { before: null, now: '+12% YoY' }]);
    // Which way is good news only colours the change, YoY is the basis unless another is given, and the digits a
    // change is written with are its precision: none of these is a figure that moved. The colour and the digits print
    // otherwise, so they are named; the basis written out prints the same, and is not.
    writeFileSync(before, readFileSync(after, 'utf8').replace('better: lower', 'better: higher').replace('{ percent: 8.1 }', '{ percent: 8.1, basis: YoY, decimals: 2 }'));
    expect((await runCli(['diff', before, after])).out.split('\n')).toEqual(['Also changed, not compared line by line:', '  metric revenue (change)', '  metric capex (change)']);
    writeFileSync(before, readFileSync(after, 'utf8').replace('{ percent: 8.1 }', '{ percent: 8.1, basis: YoY }'));
    expect((await runCli(['diff', before, after])).out).toBe('no differences');
    // The figure and its stated change both moved; a stated change taken away.
    writeFileSync(before, readFileSync(after, 'utf8'));
    writeFileSync(after, readFileSync(before, 'utf8').replace('{ value: 322.9, period: Q3 2025, period_end: 2025-09-30, change: { percent: 8.1 } }', '{ value: 323.4, period: Q3 2025, period_end: 2025-09-30, change: { percent: 8.3 } }').replace('    change: { percent: 12, better: lower }\n', ''));
    expect((await runCli(['diff', before, after])).out.split('\n')).toEqual([
      'Figures that moved:',
      '  Revenue (Q3 2025): €322.9 million → €323.4 million (+€0.5 million, ▲ revised up 0.2%); stated change +8.1% YoY → +8.3% YoY',
      '  Capital expenditure (Q3 2025): €84.5 million → €84.5 million (= figure unchanged, stated change removed); stated change +12% YoY → none',
    ]);
  });

  it('names the label a moved figure had before, where it was another: renamed as it moved, it may be another measure', async () => {
    const dir = tempDir();
    const after = join(dir, 'after.yaml');
    writeFileSync(after, readFileSync(Q3, 'utf8').replace('    label: Capital expenditure\n    value: 84.5\n', '    label: Maintenance capital expenditure\n    value: 40.2\n'));
    const diff = await runCli(['diff', Q3, after]);
    expect(diff.out.split('\n')).toEqual([
      'Figures that moved:',
      '  Maintenance capital expenditure (was "Capital expenditure") (Q3 2025): €84.5 million → €40.2 million (−€44.3 million, ▼ revised down 52.4%)',
    ]);
    expect(JSON.parse((await runCli(['diff', Q3, after, '--format', 'json'])).out).figures[0]).toMatchObject({ label: 'Maintenance capital expenditure', label_before: 'Capital expenditure' });
  });

  it('lists a figure whose date (period_end) moved, its words alone or not, with its period and date before and now', async () => {
    const dir = tempDir();
    const [before, after] = [join(dir, 'before.yaml'), join(dir, 'after.yaml')];
    const capexAt = (text: string, period: string, end: string, value = '84.5') => text
      .replace('    value: 84.5\n', `    value: ${value}\n`)
      .replace('    period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30\n', `    period: ${period}\n    period_type: quarter\n    period_end: ${end}\n`);
    const q3 = readFileSync(Q3, 'utf8');
    // Re-dated, words and figure as they were: a figure for another period, as if its words had moved.
    writeFileSync(before, capexAt(q3, 'Q3 2025', '2024-09-30'));
    const redated = await runCli(['diff', before, Q3, '--exit-code']);
    expect(redated).toEqual({ code: 1, err: '', out: [
      'Figures that moved:',
      '  Capital expenditure (Q3 2025): €84.5 million → €84.5 million (= unchanged); period Q3 2025 (30 Sep 2024) → Q3 2025 (30 Sep 2025)',
    ].join('\n') });
    const json = JSON.parse((await runCli(['diff', before, Q3, '--format', 'json'])).out);
    expect(json).toMatchObject({ differences: true, figures: [{ kind: 'changed', id: 'capex', direction: 'same', change: '= unchanged', period_end: { before: '2024-09-30', now: '2025-09-30' } }] });
    expect(json.figures[0].revised).toBeUndefined();
    // Words and date moved; the figure too: a move over time (up or down), never a revision of the same period.
    writeFileSync(before, capexAt(q3, 'Q3 2024', '2024-09-30'));
    writeFileSync(after, capexAt(q3, 'Q3 2025', '2025-09-30', '86.5'));
    expect((await runCli(['diff', before, after])).out.split('\n')).toEqual([
      'Figures that moved:',
      '  Capital expenditure (Q3 2025): €84.5 million → €86.5 million (+€2.0 million, ▲ up 2.4%); period Q3 2024 (30 Sep 2024) → Q3 2025 (30 Sep 2025)',
    ]);
    // A date given where there was none is a change of date too.
    writeFileSync(before, q3.replace('    period_type: quarter\n    period_end: 2025-09-30\n', '    period_type: quarter\n'));
    expect((await runCli(['diff', before, Q3])).out).toBe('Figures that moved:\n  Capital expenditure (Q3 2025): €84.5 million → €84.5 million (= unchanged); period Q3 2025 (undated) → Q3 2025 (30 Sep 2025)');
    // The words alone moved, the date kept: as before, no dates.
    writeFileSync(before, capexAt(q3, 'Quarter ended 30 Sep 2025', '2025-09-30'));
    expect((await runCli(['diff', before, Q3])).out).toBe('Figures that moved:\n  Capital expenditure (Quarter ended 30 Sep 2025 → Q3 2025): €84.5 million → €84.5 million (= unchanged)');
    // Words that are the day itself (an as-at figure's "30 Jun 2025"): the day once, not "30 Jun 2025 (30 Jun 2025)".
    writeFileSync(before, capexAt(q3, '30 Jun 2025', '2025-06-30'));
    writeFileSync(after, capexAt(q3, '30 Sep 2025', '2025-09-30', '86.5'));
    expect((await runCli(['diff', before, after])).out).toBe('Figures that moved:\n  Capital expenditure (30 Sep 2025): €84.5 million → €86.5 million (+€2.0 million, ▲ up 2.4%); period 30 Jun 2025 → 30 Sep 2025');
  });

  it('lists a series value re-dated (a new id, the same period words) as one figure that moved, not one added and one dropped; a series rolled forward as before', async () => {
    const dir = tempDir();
    const before = join(dir, 'before.yaml');
    const q3 = readFileSync(Q3, 'utf8');
    // A past value and the latest one, each re-dated; the latest one's value corrected too.
    writeFileSync(before, q3
      .replace('value: 311.2, period: Q2 2025, period_end: 2025-06-30', 'value: 311.2, period: Q2 2025, period_end: 2024-06-30')
      .replace('{ value: 812, period: 30 Sep 2025, period_end: 2025-09-30 }', '{ value: 810, period: 30 Sep 2025, period_end: 2025-09-29 }'));
    const { out } = await runCli(['diff', before, Q3]);
    expect(out.split('\n')).toEqual([
      'Figures that moved:',
      '  Revenue (Q2 2025): €311.2 million → €311.2 million (= unchanged); period Q2 2025 (30 Jun 2024) → Q2 2025 (30 Jun 2025)',
      '  Turbines in operation (30 Sep 2025): 810 turbines → 812 turbines (+2 turbines, ▲ up 0.2%); period 30 Sep 2025 (29 Sep 2025) → 30 Sep 2025',
    ]);
    const json = JSON.parse((await runCli(['diff', before, Q3, '--format', 'json'])).out);
    expect(json.figures.map((f: { id: string; before: { id: string }; period_end: unknown }) => [f.id, f.before.id, f.period_end])).toEqual([
      ['revenue@2025-06-30', 'revenue@2024-06-30', { before: '2024-06-30', now: '2025-06-30' }],
      ['turbines@2025-09-30', 'turbines@2025-09-29', { before: '2025-09-29', now: '2025-09-30' }],
    ]);
    expect(json).toMatchObject({ added: [], dropped: [] });
    // Rolled forward a quarter (Q1 2025 dropped, Q4 2025 added): the latest value moved, no dates; Q4 shown by that move
    // alone, not added again; Q1, which no move shows, dropped.
    const rolled = join(dir, 'rolled.yaml');
    writeFileSync(rolled, q3.replace('as_of: 2025-10-31', 'as_of: 2026-01-31')
      .replace('      - { value: 301.5, period: Q1 2025, period_end: 2025-03-31, change: { percent: 4.1 } }\n', '')
      .replace('      - { value: 322.9, period: Q3 2025, period_end: 2025-09-30, change: { percent: 6.3 } }\n', '      - { value: 322.9, period: Q3 2025, period_end: 2025-09-30, change: { percent: 6.3 } }\n      - { value: 335.4, period: Q4 2025, period_end: 2025-12-31, change: { percent: 7.2 } }\n'));
    const roll = await runCli(['diff', Q3, rolled, '--format', 'json']);
    expect(JSON.parse(roll.out)).toMatchObject({ figures: [{ kind: 'latest', id: 'revenue' }], added: [], dropped: [{ id: 'revenue@2025-03-31' }] });
    expect(JSON.parse(roll.out).figures[0].period_end).toBeUndefined();
    expect((await runCli(['diff', Q3, rolled])).out).toContain('  Revenue (latest value, Q3 2025 → Q4 2025): €322.9 million → €335.4 million (+€12.5 million, ▲ up 3.9%)\n');
  });

  it('compares a metric made a series (or a series made a metric) as one measure: its latest value moved, nothing dropped', async () => {
    const dir = tempDir();
    const q3 = readFileSync(Q3, 'utf8');
    const capex = '    label: Capital expenditure\n    value: 84.5\n    unit: EUR\n    scale: million\n    period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30\n';
    expect(q3).toContain(capex);
    const [single, series, older] = ['single', 'series', 'older'].map((n) => join(dir, `${n}.yaml`));
    // Q2's single value, then a series of Q2 and Q3 (docs/canvas.md: a recurring figure as a series).
    writeFileSync(single, q3.replace(capex, capex.replace('84.5', '80.1').replace('Q3 2025', 'Q2 2025').replace('2025-09-30', '2025-06-30')));
    const values = '    label: Capital expenditure\n    unit: EUR\n    scale: million\n    period_type: quarter\n    values:\n'
      + '      - { value: 80.1, period: Q2 2025, period_end: 2025-06-30 }\n      - { value: 84.5, period: Q3 2025, period_end: 2025-09-30 }\n';
    writeFileSync(series, q3.replace(capex, values));
    expect((await runCli(['diff', single, series])).out.split('\n')).toEqual([
      'Figures that moved:',
      '  Capital expenditure (latest value, Q2 2025 → Q3 2025): €80.1 million → €84.5 million (+€4.4 million, ▲ up 5.5%)',
    ]);
    // The other way round: the series' Q3 value is the metric now, its Q2 value dropped.
    expect((await runCli(['diff', series, Q3])).out.split('\n')).toEqual([
      'Figures dropped:',
      '  - capex@2025-06-30: Capital expenditure (Q2 2025): €80.1 million',
    ]);
    // A series of earlier quarters made Q3's single value: the latest value moved (Q2's value and Q3's, that move alone),
    // the series' other values dropped.
    writeFileSync(older, q3.replace(capex, values.replace('84.5, period: Q3 2025, period_end: 2025-09-30', '82.0, period: Q1 2025, period_end: 2025-03-31')
      .replace(/( {6}- \{ value: 80\.1.*\n)( {6}- \{ value: 82\.0.*\n)/, '$2$1')));
    expect((await runCli(['diff', older, Q3])).out.split('\n')).toEqual([
      'Figures that moved:',
      '  Capital expenditure (latest value, Q2 2025 → Q3 2025): €80.1 million → €84.5 million (+€4.4 million, ▲ up 5.5%)',
      '',
      'Figures dropped:',
      '  - capex@2025-03-31: Capital expenditure (Q1 2025): €82.0 million',
    ]);
  });

  it('lists a metric whose id alone was renamed (the same label and unit) as one figure that moved, saying so; only where the pair is unambiguous', async () => {
    const dir = tempDir();
    const q3 = readFileSync(Q3, 'utf8');
    const [renamed, twice] = ['renamed', 'twice'].map((n) => join(dir, `${n}.yaml`));
    writeFileSync(renamed, q3.replace('  capex:\n', '  capex_total:\n').replace('[[capex]]', '[[capex_total]]').replace('value: 84.5', 'value: 86.5'));
    expect((await runCli(['diff', Q3, renamed])).out.split('\n')).toEqual([
      'Figures that moved:',
      '  Capital expenditure (id was capex) (Q3 2025): €84.5 million → €86.5 million (+€2.0 million, ▲ revised up 2.4%)',
      '',
      'Text added:',
      '  + Revenue Streams, Grid services: "…for the Nordic grid operators, with [[capex_total]] invested in the quarter."',
      '',
      'Text removed:',
      '  - Revenue Streams, Grid services: "…services for the Nordic grid operators, with [[capex]] invested in the quarter."',
    ]);
    const json = JSON.parse((await runCli(['diff', Q3, renamed, '--format', 'json'])).out);
    expect(json).toMatchObject({ figures: [{ id: 'capex_total', id_before: 'capex', before: { id: 'capex' }, now: { id: 'capex_total' } }], added: [], dropped: [] });
    // Two metrics added with the label: which one it became is not known, so it is left as dropped and added.
    const second = '  capex_growth:\n    label: Capital expenditure\n    value: 12.0\n    unit: EUR\n    scale: million\n    period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30\n';
    writeFileSync(twice, readFileSync(renamed, 'utf8').replace('charts:\n', `${second}charts:\n`));
    const ambiguous = JSON.parse((await runCli(['diff', Q3, twice, '--format', 'json'])).out);
    expect(ambiguous.figures).toEqual([]);
    expect(ambiguous.added.map((e: { id: string }) => e.id)).toEqual(['capex_total', 'capex_growth']);
    expect(ambiguous.dropped.map((e: { id: string }) => e.id)).toEqual(['capex']);
  });

  it('says so too for a series\' new value that states the last value\'s equivalent', async () => {
    const dir = tempDir();
    const [q2, q3] = ['q2', 'q3'].map((n) => join(dir, `${n}.yaml`));
    const q3Text = readFileSync(Q3, 'utf8').replace('{ value: 311.2, period: Q2 2025, period_end: 2025-06-30, change: { percent: 5.0 } }', '{ value: 311.2, period: Q2 2025, period_end: 2025-06-30, change: { percent: 5.0 }, equivalent: { value: 361, unit: USD, scale: million } }');
    writeFileSync(q2, q3Text.replace(/^ {6}- \{ value: 322\.9.*\n/m, ''));
    writeFileSync(q3, q3Text.replace('change: { percent: 6.3 } }', 'change: { percent: 6.3 }, equivalent: { value: 361, unit: USD, scale: million } }'));
    expect((await runCli(['diff', q2, q3])).out).toContain('Revenue (latest value, Q2 2025 → Q3 2025): €311.2 million → €322.9 million (+€11.7 million, ▲ up 3.8%); its USD equivalent, US$361 million, is the one given for the old figure');
  });

  it('quotes text added and removed briefly, on one line, as written', async () => {
    const dir = tempDir();
    const now = join(dir, 'now.yaml');
    const long = 'Merchant exposure in the Nordic spot market, now hedged for 2026 with power purchase agreements worth [[revenue]] of revenue.';
    writeFileSync(now, readFileSync(Q3, 'utf8').replace('Merchant exposure in the Nordic spot market.', long));
    const { code, out } = await runCli(['diff', Q3, now]);
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'Text added:',
      '  + Revenue Streams, Electricity sales: "…now hedged for 2026 with power purchase agreements worth [[revenue]] of revenue."',
      '',
      'Text removed:',
      '  - Revenue Streams, Electricity sales: "Merchant exposure in the Nordic spot market."',
    ]);
  });

  it('quotes a long paragraph edited near its end from a little before the edit, and shows text as the briefing prints it (no control characters)', async () => {
    const dir = tempDir();
    const [was, now] = [join(dir, 'was.yaml'), join(dir, 'now.yaml')];
    const long = (end: string) => `Contracted share of output above two thirds, with most contracts running to 2030 and indexed to consumer prices in ${end}.`;
    writeFileSync(was, readFileSync(Q3, 'utf8').replace('Contracted share of output above two thirds.', long('Norway')));
    writeFileSync(now, readFileSync(Q3, 'utf8').replace('Contracted share of output above two thirds.', long('Norway and Sweden')).replace('New offshore', 'x').replace('Merchant exposure in the Nordic spot market.', '"Merchant exposure \\e[2J in the spot market."'));
    const { out } = await runCli(['diff', was, now]);
    expect(out.split('\n')).toEqual([
      'Text added:',
      '  + Revenue Streams, Electricity sales: "…contracts running to 2030 and indexed to consumer prices in Norway and Sweden."',
      '  + Revenue Streams, Electricity sales: "Merchant exposure in the spot market."',
      '',
      'Text removed:',
      '  - Revenue Streams, Electricity sales: "…with most contracts running to 2030 and indexed to consumer prices in Norway."',
      '  - Revenue Streams, Electricity sales: "Merchant exposure in the Nordic spot market."',
    ]);
    expect(out).not.toContain('\x1b');
    const json = JSON.parse((await runCli(['diff', was, now, '--format', 'json'])).out);
    expect(json.text.added[1].text).toMatch(/^Merchant exposure +in the spot market\.$/); // as printed: the briefing leaves control characters, and the escape sequence, out
  });

  it('quotes every place where an edited text differs, a figure changed at its end as well as a word at its start', async () => {
    const dir = tempDir();
    const [was, now] = [join(dir, 'was.yaml'), join(dir, 'now.yaml')];
    const lead = (count: string, cents: number) => `${count} segments make up revenue, led by ocean freight, with air and contract logistics behind; margins were steady across all regions, and the board approved a dividend of ${cents} cents.`;
    writeFileSync(was, readFileSync(Q3, 'utf8').replace('lead: A fleet of [[turbines]] in three countries.', `lead: ${lead('Three', 20)}`));
    writeFileSync(now, readFileSync(Q3, 'utf8').replace('lead: A fleet of [[turbines]] in three countries.', `lead: ${lead('Four', 25)}`));
    const { out } = await runCli(['diff', was, now]);
    expect(out.split('\n')).toEqual([
      'Text added:',
      '  + Key Resources (opening): "Four segments make up revenue, led by … board approved a dividend of 25 cents."',
      '',
      'Text removed:',
      '  - Key Resources (opening): "Three segments make up revenue, led by … board approved a dividend of 20 cents."',
    ]);
  });

  it('never prints a change too small for a tenth of a percent as 0.0%, in the text or the JSON', async () => {
    const dir = tempDir();
    const capex = (value: number) => readFileSync(Q3, 'utf8').replace('    value: 84.5\n', `    value: ${value}\n`);
    const [before, after, tiny] = ['before', 'after', 'tiny'].map((n) => join(dir, `${n}.yaml`));
    writeFileSync(before, capex(86.1));
    writeFileSync(after, capex(86.06));
    writeFileSync(tiny, capex(86.0996));
    expect((await runCli(['diff', before, after])).out.split('\n')).toEqual([
      'Figures that moved:',
      '  Capital expenditure (Q3 2025): €86.1 million → €86.06 million (\u2212€0.04 million, ▼ revised down 0.05%)',
    ]);
    const json = (file: string) => runCli(['diff', before, file, '--format', 'json']).then((r) => JSON.parse(r.out).figures[0]);
    expect(await json(after)).toMatchObject({ percent: -0.05, change: '\u2212€0.04 million, ▼ revised down 0.05%' });
    // Too small for the JSON's two decimals as well: in the digits it takes there too, never 0.
    expect(await json(tiny)).toMatchObject({ percent: -0.0005, change: '\u2212€0.0004 million, ▼ revised down 0.0005%' });
  });

  it('prints the same as JSON with --format json, for scripts', async () => {
    const run = await runCli(['diff', Q2, Q3, '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out);
    expect(Object.keys(report)).toEqual(['old', 'new', 'differences', 'before', 'now', 'figures', 'added', 'dropped', 'sections', 'text', 'tables', 'charts', 'also_changed', 'warnings']);
    expect(report).toMatchObject({
      old: Q2,
      new: Q3,
      differences: true,
      before: { period: 'Q2 2025', as_of: '2025-07-31' },
      now: { period: 'Q3 2025', as_of: '2025-10-31' },
      sections: { added: [{ chapter: 'revenue_streams', chapter_title: 'Revenue Streams', title: 'Grid services' }], removed: [] },
      text: { added: [], removed: [] },
      warnings: [],
    });
    expect(report.figures[0]).toEqual({
      kind: 'latest',
      id: 'revenue',
      label: 'Revenue',
      before: { id: 'revenue@2025-06-30', value: 311.2, unit: 'EUR', scale: 'million', period: 'Q2 2025', formatted: '€311.2 million' },
      now: { id: 'revenue@2025-09-30', value: 322.9, unit: 'EUR', scale: 'million', period: 'Q3 2025', formatted: '€322.9 million' },
      direction: 'up',
      difference: { value: 11.7, unit: 'EUR', scale: 'million', approximate: false, formatted: '+€11.7 million' },
      percent: 3.76,
      change: '+€11.7 million, ▲ up 3.8%',
    });
    // Q3's values are the moves' `now` (revenue@2025-09-30), not listed again as added.
    expect(report.figures.map((f: { now: { id: string } }) => f.now.id)).toEqual(['revenue@2025-09-30', 'turbines@2025-09-30']);
    expect(report.added.map((e: { id: string }) => e.id)).toEqual(['capex']);
    expect(report.dropped).toEqual([{ id: 'headcount', value: 1200, unit: 'employees', period: '30 Jun 2025', formatted: '1,200 employees', label: 'Employees' }]);
    const same = JSON.parse((await runCli(['diff', Q3, Q3, '--format', 'json'])).out);
    expect(same).toMatchObject({ differences: false, figures: [], added: [], dropped: [] });
  });

  it('refuses an invalid canvas with its problems at file:line (exit 3), and a wrong number of files or a bad format (exit 2)', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'company: {}\n');
    const invalid = await runCli(['diff', Q2, broken]);
    expect(invalid.code).toBe(3);
    expect(invalid.err).toMatch(new RegExp(`^error: ${broken}: invalid canvas`));
    expect(invalid.err).toContain(`${broken}:1:1: company.name: missing: add \`name: <text>\` under company (required)`);
    expect(invalid.out).toBe('');
    expect(await runCli(['diff', Q2])).toMatchObject({ code: 2, err: 'error: diff takes two canvas files, OLD and NEW (1 given), or one with --since REV to compare it with itself at a git revision' });
    expect(await runCli(['diff', Q2, Q3, '--format', 'yaml'])).toMatchObject({ code: 2, err: 'error: format "yaml" is not one diff prints: use text or json (see --help)' });
    expect(await runCli(['diff', Q2, join(dir, 'missing.yaml')])).toMatchObject({ code: 2, err: `error: ${join(dir, 'missing.yaml')}: cannot read canvas: no such file` });
    // The project config named by mistake: said to be the config (as build and check say), not listed as a canvas's problems.
    const config = join(dir, 'briefing.config.yaml');
    writeFileSync(config, 'mail:\n  from: ir@example.com\n');
    const own = await runCli(['diff', config, Q2]);
    expect([own.code, own.out]).toEqual([2, '']);
    expect(own.err).toMatch(new RegExp(`^error: ${config}: this is the project config \\(who gets which briefing, read by briefing send\\), not a canvas: `));
  });
});

describe('briefing diff: two versions of one company\'s canvas', () => {
  /** The Q3 fixture as another company's canvas (name, ticker, exchange), or as dated otherwise. */
  const q3As = (edit: (text: string) => string) => {
    const file = join(tempDir(), 'other.yaml');
    writeFileSync(file, edit(readFileSync(Q3, 'utf8')));
    return file;
  };
  const company = (name: string, ticker: string, exchange: string) => (text: string) =>
    text.replace('company: { name: Nordwind Energi ASA, ticker: NWE, exchange: Oslo Børs,', `company: { name: ${name}, ticker: ${ticker}, exchange: ${exchange},`);

  it('refuses another company\'s canvas (exit 2), saying whose each is and how to proceed; nothing on stdout, either way round or with --since', async () => {
    const other = q3As(company('Kaffeewerk AG', 'KAF', 'Xetra'));
    const refused = await runCli(['diff', other, Q3]);
    expect(refused).toEqual({ code: 2, out: '', err: `error: ${other} is the canvas of Kaffeewerk AG (KAF, Xetra), ${Q3} of Nordwind Energi ASA (NWE, Oslo Børs): diff compares two versions of one company's canvas. Compare ${Q3} with an earlier version of itself. A company is known by its ticker and exchange, or by its name where those changed; for one that changed both, see docs/diff.md` });
    expect(await runCli(['diff', Q3, other, '--format', 'json'])).toMatchObject({ code: 2, out: '', err: expect.stringMatching(new RegExp(`^error: ${Q3} is the canvas of Nordwind Energi ASA \\(NWE, Oslo Børs\\), ${other} of Kaffeewerk AG \\(KAF, Xetra\\)`)) });
    expect(await runCli(['diff', Q3, '--since', other])).toMatchObject({ code: 2, out: '' });
    // The sample canvas, a company of its own, as the earlier version: the trial user's slip.
    expect(await runCli(['diff', 'data/alibaba.yaml', Q3])).toMatchObject({ code: 2, err: expect.stringMatching(/^error: data\/alibaba\.yaml is the canvas of Alibaba Group Holding Limited \(BABA, NYSE\), /) });
  });

  it('compares a company renamed under its ticker, or listed anew under its name (then saying so), as one company', async () => {
    const renamed = q3As(company('Nordwind Kraft ASA', 'NWE', 'Oslo Børs'));
    // No warning; the name, printed on the cover and in every running head, is named as changed.
    expect(await runCli(['diff', renamed, Q3])).toEqual({ code: 0, out: 'Also changed, not compared line by line:\n  company (name)', err: '' });
    const relisted = q3As(company('Nordwind Energi', 'NWND', 'Nasdaq Stockholm'));
    const run = await runCli(['diff', Q3, relisted, '--format', 'json']);
    const warning = `${Q3} lists the company as NWE, Oslo Børs, ${relisted} as NWND, Nasdaq Stockholm: compared as the same company by its name, Nordwind Energi`;
    expect(run).toMatchObject({ code: 0, err: `warning: ${warning}` });
    expect(JSON.parse(run.out)).toMatchObject({ differences: true, figures: [], also_changed: [{ what: 'company', fields: ['name', 'ticker', 'exchange'] }], warnings: [warning] });
  });

  it('warns, on stderr and in the JSON, of an earlier version dated after the other, and still compares them', async () => {
    const reversed = await runCli(['diff', Q3, Q2, '--exit-code']);
    const warning = `the earlier version, ${Q3}, is dated 31 Oct 2025, after ${Q2} (31 Jul 2025): are they the right way round (the earlier version first, or given to --since)?`;
    expect(reversed).toMatchObject({ code: 1, err: `warning: ${warning}` });
    expect(reversed.out).toMatch(/^Briefing:\n {2}Q3 2025 \(as of 2025-10-31\) → Q2 2025 \(as of 2025-07-31\)\n/);
    expect(JSON.parse((await runCli(['diff', Q3, Q2, '--format', 'json'])).out).warnings).toEqual([warning]);
    // The same date, a later period: said by the period.
    const later = q3As((text) => text.replace('period: Q3 2025, as_of: 2025-10-31', 'period: Q4 2025, as_of: 2025-10-31'));
    expect((await runCli(['diff', later, Q3])).err).toBe(`warning: the earlier version, ${later}, is for Q4 2025, after ${Q3} (Q3 2025): are they the right way round (the earlier version first, or given to --since)?`);
    expect((await runCli(['diff', Q2, Q3])).err).toBe('');
  });
});

describe('briefing diff CANVAS --since REV', () => {
  it('compares the canvas with itself at a git revision', async () => {
    const { canvas } = repository();
    expect(await runCli(['diff', canvas, '--since', 'HEAD'])).toEqual({ code: 0, out: EXPECTED, err: '' });
    const json = JSON.parse((await runCli(['diff', canvas, '--since', 'HEAD', '--format', 'json'])).out);
    expect(json).toMatchObject({ old: `${canvas}@HEAD`, new: canvas, differences: true });
  });

  it('reads a canvas renamed since under the name it had then (git mv), and says so', async () => {
    const { dir, canvas } = repository();
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { stdio: 'pipe', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    const renamed = join(dir, 'data', 'nordwind-energi.yaml');
    git('mv', 'data/nordwind.yaml', 'data/nordwind-energi.yaml');
    git('commit', '--quiet', '-m', 'renamed');
    // HEAD~1 knew it as data/nordwind.yaml (Q2); the working copy is Q3's.
    expect(await runCli(['diff', renamed, '--since', 'HEAD~1'])).toEqual({ code: 0, out: EXPECTED, err: '' });
    const json = JSON.parse((await runCli(['diff', renamed, '--since', 'HEAD~1', '--format', 'json'])).out);
    expect(json).toMatchObject({ old: `${canvas}@HEAD~1 (now ${renamed})`, new: renamed, differences: true });
    // Given relatively, named relatively, as docs/diff.md shows: "data/acme.yaml@REV (now data/acme-group.yaml)".
    const given = relative(process.cwd(), renamed);
    const named = JSON.parse((await runCli(['diff', given, '--since', 'HEAD~1', '--format', 'json'])).out);
    expect(named).toMatchObject({ old: `${relative(process.cwd(), canvas)}@HEAD~1 (now ${given})`, new: given });
  });

  it('reads a canvas renamed twice under the name it had at the revision, not an earlier name another file then had', async () => {
    const { dir, canvas } = repository();
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { stdio: 'pipe', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    // At HEAD~2 data/nordwind energi.yaml is another canvas (Q3's figures); data/nordwind.yaml is Q2's.
    git('stash', '--quiet');
    copyFileSync(Q3, join(dir, 'data', 'nordwind energi.yaml'));
    git('add', '.');
    git('commit', '--quiet', '-m', 'another canvas');
    git('rm', '--quiet', 'data/nordwind energi.yaml');
    git('commit', '--quiet', '-m', 'removed');
    git('mv', 'data/nordwind.yaml', 'data/nordwind energi.yaml');
    git('commit', '--quiet', '-m', 'renamed');
    const renamed = join(dir, 'data', 'nordwind-énergi.yaml');
    git('mv', 'data/nordwind energi.yaml', 'data/nordwind-énergi.yaml');
    git('commit', '--quiet', '-m', 'renamed again');
    copyFileSync(Q3, renamed);
    // HEAD~3 knew it as data/nordwind.yaml (Q2), not as the other canvas then at data/nordwind energi.yaml.
    expect(await runCli(['diff', renamed, '--since', 'HEAD~3'])).toEqual({ code: 0, out: EXPECTED, err: '' });
    const json = JSON.parse((await runCli(['diff', renamed, '--since', 'HEAD~3', '--format', 'json'])).out);
    expect(json).toMatchObject({ old: `${canvas}@HEAD~3 (now ${renamed})`, new: renamed, differences: true });
  });

  it('says which revision or file is missing (exit 2)', async () => {
    const { dir, canvas } = repository();
    const bad = await runCli(['diff', canvas, '--since', 'no-such-tag']);
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err).toBe(`error: no revision "no-such-tag" in the git repository of ${canvas} (git: invalid object name 'no-such-tag'.)`);
    const added = join(dir, 'data', 'added.yaml');
    copyFileSync(Q3, added);
    const untracked = await runCli(['diff', added, '--since', 'HEAD']);
    expect(untracked.code).toBe(2);
    expect(untracked.err).toMatch(new RegExp(`^error: ${added} did not exist at revision HEAD \\(git: path 'data/added.yaml' exists on disk, but not in 'HEAD'\\)$`));
    // Something git would read as an option is never passed to it.
    expect(await runCli(['diff', canvas, '--since', '--output=x'])).toMatchObject({ code: 2, err: expect.stringMatching(/^error: "--output=x" is not a git revision --since can read/) });
  });

  it('says when the file is not in a git repository, or git is missing (exit 2)', async () => {
    const dir = tempDir();
    const canvas = join(dir, 'nordwind.yaml');
    copyFileSync(Q3, canvas);
    // git runs with the process's environment: stop its search for a repository at the temporary folder.
    const outside = await withEnv('GIT_CEILING_DIRECTORIES', dir, () => runCli(['diff', canvas, '--since', 'HEAD']));
    expect(outside).toMatchObject({ code: 2, out: '' });
    expect(outside.err).toBe(`error: ${canvas} is not in a git repository, so there is no revision HEAD to read it at; compare with a copy of the earlier canvas instead (briefing diff OLD NEW, build --since FILE)`);
    const { canvas: tracked } = repository();
    const noGit = await withEnv('PATH', dir, () => runCli(['diff', tracked, '--since', 'HEAD'])); // no git there
    expect(noGit).toMatchObject({ code: 2, err: expect.stringMatching(/^error: git was not found, so .* cannot be read at revision HEAD: install git/) });
  });

  it('takes one canvas with --since, and treats a .yaml that does not exist as a missing file', async () => {
    expect(await runCli(['diff', Q2, Q3, '--since', 'HEAD'])).toMatchObject({ code: 2, err: expect.stringMatching(/^error: diff --since takes one canvas/) });
    expect(await runCli(['diff', Q3, '--since', 'q2-copy.yaml'])).toMatchObject({ code: 2, err: 'error: --since q2-copy.yaml: no such file (--since takes an earlier copy of the canvas, or a git revision such as HEAD~1)' });
    expect(await runCli(['diff', Q3, '--since', Q2])).toEqual({ code: 0, out: EXPECTED, err: '' });
  });
});
