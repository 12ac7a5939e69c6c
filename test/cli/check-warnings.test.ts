/** `briefing check` findings: on stderr as file:line:col severity rule path: message, exit 0; with --strict, exit 3; --format json for scripts. */
import { describe, it, expect } from 'vitest';
import { EXIT } from '../../src/errors.ts';
import { FINDING_RULES } from '../../src/validate/schema.ts';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.ts';
import { main } from '../../src/cli/main.ts';
import { fakePrinter, linkedAnchors } from '../support/fake-printer.ts';
import { tempDir } from '../support/temp.ts';

const STALE = 'test/fixtures/valid/stale-figures.yaml';

describe('briefing check with stale figures', () => {
  it('says ok with the number of warnings, each on stderr with its place and rule, and exits 0', async () => {
    const run = await runCli(['check', STALE]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toBe(`ok ${STALE}: 4 metrics, briefings: full, 4 findings`);
    const lines = run.err.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => /^[^:]+:\d+:\d+ warning ([a-z-]+) [\w.[\]]+: /.exec(l)?.[1])).toEqual(['ended-forecast', 'unused-metric', 'stale-reference', 'stale-reference']);
    expect(lines[2]).toMatch(new RegExp(`^${STALE}:38:15 warning stale-reference key_figures\\[0\\]: key figure "revenue_q2" shows Revenue for Q2 2025, but revenue_q3 \\(Q3 2025\\) is newer`));
  });

  it('fails with exit code 3 under --strict, the warnings as errors, and no ok line', async () => {
    const run = await runCli(['check', STALE, 'test/fixtures/valid/nordwind.yaml', '--strict']);
    expect(run.code).toBe(EXIT.invalidData);
    expect(run.out).toBe('ok test/fixtures/valid/nordwind.yaml: 6 metrics, briefings: full');
    expect(run.err.split('\n').filter((l) => / error [a-z-]+ /.test(l))).toHaveLength(4);
    expect(run.err).toMatch(new RegExp(`^${STALE}: 4 findings, which --strict counts as errors$`, 'm'));
  });

  it('reports a contradiction nobody declared at each of its figures, however they were typed', async () => {
    const run = await runCli(['check', 'test/fixtures/valid/planted-contradictions.yaml']);
    expect(run.code).toBe(EXIT.ok);
    const found = run.err.split('\n').map((l) => /^test\/fixtures\/valid\/planted-contradictions\.yaml:(\d+):3 warning contradiction metrics\.(\w+): /.exec(l)?.slice(1).join(' '));
    expect(found).toEqual(['17 revenue_fy25', '40 net_income_fy25', '47 capacity_gw', '54 revenue_fy25_press', '63 net_income_fy25_table', '70 capacity_ir']);
  });

  it('keeps a finding the canvas acknowledges as a note with its reason, which --strict does not count', async () => {
    const dir = tempDir();
    // The fixture ends with data_notes (its one source): the acknowledgement goes under it.
    const acknowledging = `${readFileSync(STALE, 'utf8')}  acknowledged:\n    - rule: unused-metric\n      metrics: [leftover]\n      reason: Kept for next quarter's capex comparison.\n`;
    writeFileSync(join(dir, 'ack.yaml'), acknowledging);
    const run = await runCli(['check', join(dir, 'ack.yaml'), '--strict']);
    expect(run.code).toBe(EXIT.invalidData); // the other three still count
    expect(run.err).toMatch(/:32:3 note unused-metric metrics\.leftover: .* \(acknowledged: Kept for next quarter's capex comparison\.\)$/m);
    expect(run.err).toMatch(/: 3 findings, which --strict counts as errors$/m);
  });

  it('says an acknowledged finding on a build only with --verbose: it is known, and check lists it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ack.yaml'), `${readFileSync(STALE, 'utf8')}  acknowledged:\n    - rule: unused-metric\n      metrics: [leftover]\n      reason: Kept for next quarter's capex comparison.\n`);
    const build = async (...flags: string[]) => {
      const err: string[] = [];
      const { printer } = fakePrinter(({ html }) => ({ pdf: new TextEncoder().encode(`%PDF-1.7\n${html.length}\n%%EOF\n`), pages: 2, anchors: linkedAnchors(html, 2), blocked: [] }));
      await main(['build', join(dir, 'ack.yaml'), '--out', join(dir, 'out'), '--force', ...flags], { out: () => {}, err: (l) => err.push(l), env: process.env, cwd: process.cwd(), printer });
      return err.join('\n');
    };
    const plain = await build();
    expect(plain).toMatch(/ warning stale-reference /); // the findings not acknowledged are still said
    expect(plain).not.toMatch(/ note unused-metric /);
    expect(await build('--verbose')).toMatch(/:32:3 note unused-metric metrics\.leftover: .* \(acknowledged: Kept for next quarter's capex comparison\.\)$/m);
  });

  it('prints one JSON document with --format json: every canvas, its findings at their places, and the problems of an invalid one', async () => {
    const run = await runCli(['check', STALE, 'test/fixtures/invalid/broken-types.yaml', '--format', 'json', '--strict']);
    expect(run.code).toBe(EXIT.invalidData);
    expect(run.err).toBe('');
    const doc = JSON.parse(run.out);
    expect(doc.exitCode).toBe(EXIT.invalidData);
    expect(doc.canvases.map((c: { file: string; ok: boolean }) => [c.file, c.ok])).toEqual([[STALE, false], ['test/fixtures/invalid/broken-types.yaml', false]]);
    expect(doc.canvases[0].findings[2]).toEqual({ file: STALE, line: 38, column: 15, severity: 'error', rule: 'stale-reference', path: 'key_figures[0]', message: expect.stringContaining('revenue_q3'), metrics: ['revenue_q2'] });
    // Of figures that disagree, the figures an acknowledgement names too, for a script to write one.
    const every = JSON.parse((await runCli(['check', 'test/fixtures/valid/every-finding.yaml', '--format', 'json'])).out).canvases[0].findings;
    expect(every.find((f: { rule: string }) => f.rule === 'change-mismatch')).toMatchObject({ metrics: ['revenue_q3', 'revenue_q3_2024'], figure: '+13.0% against +4.6%' });
    expect(doc.canvases[1].errors).toContainEqual({ file: 'test/fixtures/invalid/broken-types.yaml', line: 15, column: 12, message: expect.stringContaining('metrics.revenue.value: expected a number') });
    expect((await runCli(['check', STALE, '--format', 'yaml'])).err).toBe('error: --format yaml is not a format: use text (the default) or json');
  });
});

describe('the closing summary of check', () => {
  it('counts the canvases of a folder clean, with warnings and invalid, on stderr after the last one, as a build ends with a total', async () => {
    const dir = tempDir();
    copyFileSync('test/fixtures/valid/nordwind.yaml', join(dir, 'a-clean.yaml'));
    copyFileSync(STALE, join(dir, 'b-stale.yaml'));
    copyFileSync('test/fixtures/invalid/broken-types.yaml', join(dir, 'c-broken.yaml'));
    const run = await runCli(['check', dir]);
    expect(run.code).toBe(EXIT.invalidData);
    expect(run.err.split('\n').at(-1)).toBe('3 canvases checked: 1 clean, 1 with warnings, 1 invalid');
    expect(run.out.split('\n')).toHaveLength(2); // stdout keeps one ok line per valid canvas, and nothing else
    expect((await runCli(['check', dir, '--strict'])).err.split('\n').at(-1)).toBe('3 canvases checked: 1 clean, 1 with findings (errors under --strict), 1 invalid');
    // --quiet: said of a check that fails, not of one that passes.
    expect((await runCli(['check', dir, '--quiet'])).err.split('\n').at(-1)).toBe('3 canvases checked: 1 clean, 1 with warnings, 1 invalid');
    const passing = await runCli(['check', join(dir, 'a-clean.yaml'), join(dir, 'b-stale.yaml'), '--quiet']);
    expect([passing.code, passing.err.split('\n').filter((l) => l.includes('checked'))]).toEqual([EXIT.ok, []]);
    // One canvas: its own line says it all. JSON: unchanged, one document on stdout and nothing on stderr.
    expect((await runCli(['check', join(dir, 'a-clean.yaml')])).err).toBe('');
    expect((await runCli(['check', dir, '--format', 'json'])).err).toBe('');
  });
});

describe('briefing check with no path', () => {
  it('checks ./data, naming its canvases as a user would type them, on every line alike', async () => {
    // The sample with a figure misread (RMB 31,127 million for 30,127): one finding, in data/ of a project folder.
    const project = tempDir();
    mkdirSync(join(project, 'data'));
    writeFileSync(join(project, 'data', 'alibaba.yaml'), readFileSync('data/alibaba.yaml', 'utf8').replace(/^(\s+- value: )30127$/m, '$131127'));
    const run = await runCli(['check'], { cwd: project });
    expect(run.out).toBe('ok data/alibaba.yaml: 162 metrics (167 figures), briefings: full, commerce, cloud_ai, international, 1 finding');
    expect(run.err).toMatch(/^data\/alibaba\.yaml:\d+:\d+ warning exchange-rate /);
    // In the working folder of the process (this repository's data/), JSON names it so too.
    const json = JSON.parse((await runCli(['check', '--format', 'json'])).out);
    expect(json.canvases.map((c: { file: string; metrics: number; figures: number }) => [c.file, c.metrics, c.figures])).toEqual([['data/alibaba.yaml', 162, 167]]); // as the text counts them
  });
});

describe('a command with no path where there is no data/ folder', () => {
  it('is a usage error naming the working folder and the sample, and builds, checks or sends nothing of the sample', async () => {
    // A project whose config routes the sample's briefing: falling back on the package's data/ would e-mail it.
    const project = tempDir();
    writeFileSync(join(project, 'briefing.config.yaml'), 'mail:\n  from: ir@example.com\nlists:\n  committee:\n    to: [chair@example.com]\nsend:\n  - briefing: alibaba\n    lists: [committee]\n');
    const sample = join(process.cwd(), 'data', 'alibaba.yaml');
    const { printer } = fakePrinter(({ html }) => ({ pdf: new TextEncoder().encode(`%PDF-1.7\n${html.length}\n%%EOF\n`), pages: 2, anchors: linkedAnchors(html, 2), blocked: [] }));
    const output = join(project, 'output');
    for (const argv of [['check'], ['build', '--out', output], ['send', '--out', output]]) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: process.env, cwd: project, printer });
      const command = argv[0];
      expect([code, out, err]).toEqual([EXIT.usage, [], [
        `error: no canvas given, and no data/ folder in the working folder ${project}: give a canvas file or a folder of them (briefing ${command} PATH), or run it where data/ holds your canvases; the package's sample canvas is ${sample}`,
      ]]);
    }
    expect(readdirSync(project)).toEqual(['briefing.config.yaml']); // no output/, no outbox
  });
});

describe('the findings docs/canvas.md shows', () => {
  it('are what check prints for the example canvas, one of each rule', async () => {
    const file = 'test/fixtures/valid/every-finding.yaml';
    const run = await runCli(['check', file]);
    expect(run.code).toBe(EXIT.ok);
    // The fixture has one line more at its top (its comment) than the canvas the docs show.
    const lines = run.err.split('\n').map((l) => l.replace(new RegExp(`^${file}:(\\d+):`), (_, n: string) => `data/acme.yaml:${Number(n) - 1}:`));
    const docs = readFileSync('docs/canvas.md', 'utf8');
    const rules = new Set<string>();
    for (const line of lines) {
      const rule = line.split(' ')[2];
      if (rules.has(rule)) continue;
      rules.add(rule);
      expect(docs, rule).toContain(line);
    }
    // every rule there is; ambiguous-point but in a language with a decimal comma, its example checked in ambiguous-point.test.ts;
    // stale-typed-figure only against an earlier version (check --since), its example checked below
    expect([...rules, 'ambiguous-point', 'stale-typed-figure'].sort()).toEqual([...FINDING_RULES].sort());
  });
});

describe('briefing check --since', () => {
  it('finds a figure that moved since the earlier copy still typed as it was, in the data notes too, as docs/canvas.md shows it; without --since, none', async () => {
    const dir = tempDir();
    const was = join(dir, 'alibaba-q2.yaml');
    const now = join(dir, 'alibaba.yaml');
    copyFileSync('data/alibaba.yaml', was);
    // Cloud revenue for the September quarter corrected from RMB 39.8 billion to RMB 38.9 billion.
    const text = readFileSync(was, 'utf8');
    const at = text.indexOf('      - value: 39.8\n        period: Quarter ended 30 Sep 2025');
    expect(at).toBeGreaterThan(0);
    writeFileSync(now, `${text.slice(0, at)}      - value: 38.9${text.slice(at + '      - value: 39.8'.length)}`);
    const run = await runCli(['check', now, '--since', was]);
    expect(run.code).toBe(EXIT.ok);
    const stale = run.err.split('\n').filter((l) => l.includes(' stale-typed-figure '));
    expect(stale.map((l) => l.replace(`${now}:`, '').split(' ').slice(0, 3).join(' '))).toEqual([
      '1603:46 warning stale-typed-figure', '2641:7 warning stale-typed-figure', '2687:9 warning stale-typed-figure',
    ]);
    const docs = readFileSync('docs/canvas.md', 'utf8');
    expect(docs).toContain(stale[1]!.replace(now, 'data/alibaba.yaml').replace(was, 'data/alibaba.yaml@HEAD'));
    // The equivalent kept for the old figure is said, as build --since says it.
    expect(run.err).toContain(`warning: ${now}:168:21: since ${was}: Cloud Intelligence Group revenue (Quarter ended 30 Sep 2025 (Q2 FY2026)): RMB 39.8 billion → RMB 38.9 billion`);
    expect((await runCli(['check', now])).err).not.toContain('stale-typed-figure');
  });
});

describe('briefing check --theme', () => {
  it('warns, once for every canvas built with it, about a logo whose text would print in the machine\'s font, as a build does', async () => {
    const logoWarning = "warning: theme test/fixtures/themes/nordic: the theme's logo logo.svg sets text (<text>), which as an image cannot use the briefing's fonts: it prints in whatever font the machine has; convert the text to outlines (paths), embed its font in the SVG (an @font-face with a data: URL), or use a PNG";
    const run = await runCli(['check', 'test/fixtures/valid/nordwind.yaml', 'test/fixtures/valid/nordwind-quarters.yaml', '--theme', 'test/fixtures/themes/nordic']);
    expect([run.code, run.err]).toEqual([EXIT.ok, `${logoWarning}\n2 canvases checked: 2 clean`]);
    expect(run.out.split('\n')).toHaveLength(2);
    // Not a finding of the canvas: --strict still passes; JSON gives it at each canvas.
    expect((await runCli(['check', 'test/fixtures/valid/nordwind.yaml', '--theme', 'test/fixtures/themes/nordic', '--strict'])).code).toBe(EXIT.ok);
    const json = JSON.parse((await runCli(['check', 'test/fixtures/valid/nordwind.yaml', '--theme', 'test/fixtures/themes/nordic', '--format', 'json'])).out);
    expect(json.canvases[0].themeWarnings).toEqual([{ theme: join(process.cwd(), 'test/fixtures/themes/nordic'), message: logoWarning.replace(/^warning: theme [^:]+: /, '') }]);
  });
});

describe('briefing check with a theme.yaml gone wrong', () => {
  it('says no briefing can be made with the theme, not that "nothing was built": check builds nothing', async () => {
    const theme = tempDir();
    writeFileSync(join(theme, 'theme.yaml'), 'chapter_breaks: pages\n');
    const run = await runCli(['check', 'test/fixtures/valid/nordwind.yaml', '--theme', theme]);
    expect(run.code).toBe(EXIT.invalidData);
    expect(run.err.split('\n')[0]).toBe(`error: ${join(theme, 'theme.yaml')}: invalid theme (1 problem); no briefing can be made with it until it is fixed.`);
    expect(run.err).toMatch(/theme\.yaml:1:17: chapter_breaks: expected one of flow, page; found "pages"; did you mean "page"\?/);
    expect(run.err).not.toContain('nothing was built');
  });
});

describe('check --quiet', () => {
  it('leaves out the ok line of a valid canvas, not its warnings, nor an invalid canvas\'s errors', async () => {
    const quiet = await runCli(['check', '-q', 'test/fixtures/valid/nordwind.yaml', 'test/fixtures/valid/every-finding.yaml']);
    expect([quiet.code, quiet.out]).toEqual([0, '']);
    expect(quiet.err).toMatch(/^test\/fixtures\/valid\/every-finding\.yaml:\d+:\d+ warning contradiction /m);
    // ...nor the notes of acknowledged findings, which a plain check prints.
    expect(quiet.err).not.toMatch(/ note typed-mismatch /);
    expect((await runCli(['check', 'test/fixtures/valid/every-finding.yaml'])).err).toMatch(/ note typed-mismatch /);
    const loud = await runCli(['check', 'test/fixtures/valid/nordwind.yaml']);
    expect(loud.out).toMatch(/^ok test\/fixtures\/valid\/nordwind\.yaml: /);
    const invalid = await runCli(['check', '--quiet', 'test/fixtures/invalid/broken-types.yaml']);
    expect(invalid.code).toBe(EXIT.invalidData);
    expect(invalid.err).toMatch(/invalid canvas/);
  });
});

describe('folders inside a folder given', () => {
  it('are said, with how many canvases they hold, as not read: their briefings would otherwise go missing without a word', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'energy'));
    copyFileSync('test/fixtures/valid/nordwind.yaml', join(dir, 'nordwind.yaml'));
    copyFileSync('test/fixtures/valid/nordwind.yaml', join(dir, 'energy', 'fjord.yaml'));
    copyFileSync('test/fixtures/valid/nordwind.yaml', join(dir, 'energy', 'vind.yml'));
    mkdirSync(join(dir, 'empty'));
    const run = await runCli(['check', dir]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.err.split('\n').filter((l) => l.includes('not read'))).toEqual([expect.stringMatching(/^warning: \S*energy holds 2 canvases, not read: the folders inside a folder given are not searched; give it too \(\S*energy\) to include them$/)]);
    expect(run.out).toMatch(/nordwind\.yaml/);
  });

  it('are not said when given too, however written, nor for the canvases of theirs given one by one', async () => {
    const dir = tempDir();
    for (const sub of ['energy', 'water', 'wind']) mkdirSync(join(dir, sub));
    copyFileSync('test/fixtures/valid/nordwind.yaml', join(dir, 'nordwind.yaml'));
    copyFileSync('test/fixtures/valid/nordwind.yaml', join(dir, 'energy', 'fjord.yaml'));
    copyFileSync('test/fixtures/valid/nordwind.yaml', join(dir, 'water', 'elv.yaml'));
    copyFileSync('test/fixtures/valid/nordwind.yaml', join(dir, 'wind', 'vind.yaml'));
    copyFileSync('test/fixtures/valid/nordwind.yaml', join(dir, 'wind', 'bris.yaml'));
    // energy as given, water written otherwise (a trailing slash, a ./ step), one of wind's two canvases by name.
    const run = await runCli(['check', dir, join(dir, 'energy'), `${join(dir, '.', 'water')}/`, join(dir, 'wind', 'vind.yaml')]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.err.split('\n').filter((l) => l.includes('not read'))).toEqual([expect.stringMatching(/^warning: \S*wind holds a canvas, not read: .* to include it$/)]);
    expect(run.out).toMatch(/fjord\.yaml/);
    expect(run.out).toMatch(/elv\.yaml/);
  });
});
