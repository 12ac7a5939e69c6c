/**
 * `briefing watch` with a printer that prints nothing real: a canvas found up to date has its findings said again when
 * the last thing said of it was not its findings (a save that failed, then put back as it was). The real browser is in
 * regenerate.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Printer } from '../../src/print/index.ts';
import { EXIT } from '../../src/errors.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { until } from '../support/processes.ts';
import { tempDir } from '../support/temp.ts';
import { dataFolder, watching } from '../support/watching.ts';
import { htmlPrinter, smallPdfPrinter } from '../support/fake-printer.ts';
import { main } from '../../src/cli/main.ts';
import { checkCanvas, JOURNAL_FILE, MANIFEST_FILE } from '../../src/pipeline.ts';

// An unused metric: a finding.
const flagged = readFileSync(NORDWIND, 'utf8').replace(/^metrics:\n/m, 'metrics:\n  spare: { label: Spare, value: 1, unit: EUR, period: FY2025 }\n');

describe('watch', () => {
  it('says a canvas\'s findings again when a broken save is put back as it was, and not on a save that changes nothing', async () => {
    const { dir, data } = dataFolder({});
    const canvas = join(data, 'nordwind.yaml');
    writeFileSync(canvas, flagged);
    const { out, err, all, started, stop } = watching(dir, [data], { out: join(dir, 'out') });
    const said = () => err.filter((l) => l.includes(' unused-metric ')).length;
    const changes = () => out.filter((l) => l.startsWith('changed: ')).length;
    try {
      expect(await started(), all()).toBe(true);
      expect(said(), all()).toBe(1);

      writeFileSync(canvas, `${flagged}  : [broken\n`);
      expect(await until(() => err.some((l) => l.includes('YAML syntax')) && out.some((l) => l.includes('1 failed')), 20_000), all()).toBe(true);
      expect(said()).toBe(1);

      // Back as it was: up to date, and what the last good build found is said again, not just "up to date", and counted.
      writeFileSync(canvas, flagged);
      expect(await until(() => changes() === 2 && out.at(-1) === `1 briefing up to date, 1 canvas with warnings: ${join('data', 'nordwind.yaml')}`, 20_000), all()).toBe(true);
      const lines = err.filter((l) => l.includes(' unused-metric '));
      expect(lines, all()).toHaveLength(2);
      expect(lines[0]).toMatch(/^data[/\\]nordwind\.yaml:16:3 warning unused-metric metrics\.spare: /);
      expect(lines[1]).toBe(lines[0]);

      // A save that changes nothing, with no failure since: its findings were the last thing said of it. Not said again,
      // but still counted, as unchanged: a closing line without them would pass for a clean canvas.
      writeFileSync(canvas, flagged);
      expect(await until(() => changes() === 3 && out.at(-1) === `1 briefing up to date, 1 canvas with warnings: ${join('data', 'nordwind.yaml')} (unchanged)`, 20_000), all()).toBe(true);
      expect(said(), all()).toBe(2);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);

  it('counts a canvas whose findings it did not say again, found up to date, in the closing line as unchanged, until they are gone', async () => {
    const text = readFileSync(NORDWIND, 'utf8');
    const { dir, data } = dataFolder({ 'nordwind.yaml': flagged, 'vind.yaml': text });
    const { out, err, all, started, stop } = watching(dir, [data], { out: join(dir, 'out') });
    const said = () => err.filter((l) => l.includes(' unused-metric ')).length;
    const changes = () => out.filter((l) => l.startsWith('changed: ')).length;
    const flaggedOne = join('data', 'nordwind.yaml');
    try {
      expect(await started(), all()).toBe(true);
      expect(out.at(-2), all()).toMatch(/^2 briefings written in /);
      expect(out.at(-2), all()).toContain(`, 1 canvas with warnings: ${flaggedOne}`);
      expect(said(), all()).toBe(1);

      // Another canvas edited: nordwind's findings, said above, are not said again, but it still has them.
      writeFileSync(join(data, 'vind.yaml'), text.replace('value: 1234.5', 'value: 1234.6'));
      expect(await until(() => changes() === 1 && /^1 briefing written, 1 up to date in /.test(out.at(-1)!), 10_000), all()).toBe(true);
      expect(out.at(-1)!.endsWith(`, 1 canvas with warnings: ${flaggedOne} (unchanged)`), all()).toBe(true);
      expect(said(), all()).toBe(1);

      // Its finding corrected: no warnings; and a later round that finds it up to date does not name it either.
      writeFileSync(join(data, 'nordwind.yaml'), text);
      expect(await until(() => changes() === 2 && /^1 briefing written, 1 up to date in /.test(out.at(-1)!), 10_000), all()).toBe(true);
      expect(out.at(-1), all()).not.toContain('warnings');
      writeFileSync(join(data, 'vind.yaml'), text);
      expect(await until(() => changes() === 3 && /^1 briefing written, 1 up to date in /.test(out.at(-1)!), 10_000), all()).toBe(true);
      expect(out.at(-1), all()).not.toContain('warnings');
      expect(said(), all()).toBe(1);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);

  it('says a canvas\'s findings again after a build that failed whole (its theme broken), once the theme is put back', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const theme = join(dir, 'theme');
    mkdirSync(data);
    cpSync('test/fixtures/themes/nordic', theme, { recursive: true });
    writeFileSync(join(data, 'nordwind.yaml'), flagged);
    const { out, err, all, started, stop } = watching(dir, [data], { out: join(dir, 'out'), theme });
    const said = () => err.filter((l) => l.includes(' unused-metric ')).length;
    const changes = () => out.filter((l) => l.startsWith('changed: ')).length;
    try {
      expect(await started(), all()).toBe(true);
      expect(said(), all()).toBe(1);

      const settings = join(theme, 'theme.yaml');
      const good = readFileSync(settings, 'utf8');
      writeFileSync(settings, good.replace('chapter_breaks: page', 'chapter_breaks: sideways'));
      expect(await until(() => changes() === 1 && /invalid theme/.test(all()), 10_000), all()).toBe(true);
      // The last thing said of the canvas was that error: up to date again, its findings are owed.
      writeFileSync(settings, good);
      expect(await until(() => changes() === 2 && out.at(-1) === `1 briefing up to date, 1 canvas with warnings: ${join('data', 'nordwind.yaml')}`, 10_000), all()).toBe(true);
      expect(said(), all()).toBe(2);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);

  it('rebuilds .yml canvases once when several are saved at once, and not on an editor\'s lock or swap file beside them', async () => {
    const { dir, data } = dataFolder({});
    const text = readFileSync(NORDWIND, 'utf8');
    const canvases = ['nordwind.yml', 'vind.yml', 'sol.yml'].map((f) => join(data, f));
    for (const canvas of canvases) writeFileSync(canvas, text);
    // A theme of a styles/ folder alone (the built-in templates and settings): see the lock files below.
    const styles = join(dir, 'theme', 'styles');
    mkdirSync(styles, { recursive: true });
    const { out, all, started, stop } = watching(dir, [data], { out: join(dir, 'out'), theme: join(dir, 'theme') });
    const wrote = () => out.filter((l) => l.startsWith('wrote ')).length;
    const changes = () => out.filter((l) => l.startsWith('changed: '));
    try {
      expect(await started(), all()).toBe(true);
      expect(wrote(), all()).toBe(3);
      for (const lock of ['.#nordwind.yml', '.nordwind.yml.swp', 'nordwind.yml~', '.nordwind.yml']) writeFileSync(join(data, lock), text);
      // Then the file vim writes to try a folder (4913), in the theme's styles/: a change of the theme (its every file is),
      // and a name a "changed:" line gives only when nothing but editors' scratch files changed. So it would name the
      // lock files too, had they been taken in, unless they had had a round of their own before it.
      writeFileSync(join(styles, '4913'), '');
      expect(await until(() => wrote() === 6 && out.at(-1)!.startsWith('3 briefings written in '), 10_000), all()).toBe(true);
      expect(changes(), all()).toEqual([`changed: ${join('theme', 'styles', '4913')}`]);

      // Saved together (a checkout, a search and replace): one change, one build.
      for (const canvas of canvases) writeFileSync(canvas, text.replace('value: 1234.5', 'value: 1234.6'));
      expect(await until(() => wrote() === 9 && out.at(-1)!.startsWith('3 briefings written in '), 10_000), all()).toBe(true);
      const changed = changes();
      expect(changed, all()).toHaveLength(2);
      expect(changed[1]!.slice('changed: '.length).split(', ').sort(), all()).toEqual(['nordwind.yml', 'sol.yml', 'vind.yml'].map((f) => join('data', f)));

      // Once: the next save is the next round, named alone. A second round of that burst would have come before it, or
      // named the others with it.
      writeFileSync(canvases[0]!, text.replace('value: 1234.5', 'value: 1234.7'));
      expect(await until(() => wrote() === 10 && out.at(-1)!.startsWith('1 briefing written, 2 up to date in '), 10_000), all()).toBe(true);
      expect(changes(), all()).toEqual([...changed, `changed: ${join('data', 'nordwind.yml')}`]);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);

  it('builds nothing for a folder made beside the canvases, empty or of notes, and builds a canvas moved in', async () => {
    const { dir, data } = dataFolder({});
    const text = readFileSync(NORDWIND, 'utf8');
    writeFileSync(join(data, 'nordwind.yaml'), text);
    const { out, all, started, stop } = watching(dir, [data], { out: join(dir, 'out') });
    const wrote = () => out.filter((l) => l.startsWith('wrote ')).length;
    try {
      expect(await started(), all()).toBe(true);
      mkdirSync(join(data, 'empty'));
      mkdirSync(join(data, 'notes'));
      writeFileSync(join(data, 'notes', 'call.txt'), 'notes from the call\n');

      // A canvas moved in (written elsewhere, then renamed into place) is built, and is the only change: the folders or
      // the notes, taken in, would have had a round of their own before it, or be named with it.
      writeFileSync(join(dir, 'vind.yaml'), text);
      renameSync(join(dir, 'vind.yaml'), join(data, 'vind.yaml'));
      expect(await until(() => wrote() === 2, 10_000), all()).toBe(true);
      expect(out.filter((l) => l.startsWith('changed: ')), all()).toEqual([`changed: ${join('data', 'vind.yaml')}`]);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);

  it('builds a save made while a build is printing as soon as that build is done, without waiting for another save', async () => {
    const { dir, data } = dataFolder({});
    const canvas = join(data, 'nordwind.yaml');
    const text = readFileSync(NORDWIND, 'utf8');
    writeFileSync(canvas, text);
    // A printer held at a gate while a test's save lands in the middle of a build.
    const fake = smallPdfPrinter();
    let gate = Promise.resolve();
    let held = false;
    const printer: Printer = {
      ...fake,
      async print(html, job) {
        held = true;
        await gate;
        return fake.print(html, job);
      },
    };
    const { out, all, started, stop } = watching(dir, [data], { out: join(dir, 'out') }, printer);
    const wrote = () => out.filter((l) => l.startsWith('wrote ')).length;
    try {
      expect(await started(), all()).toBe(true);
      expect(wrote(), all()).toBe(1);

      let open = () => {};
      gate = new Promise((r) => (open = r));
      held = false;
      writeFileSync(canvas, text.replace('value: 1234.5', 'value: 1234.6'));
      expect(await until(() => held, 10_000), all()).toBe(true);
      // Saved again during that build, and settled (150 ms) before it ends.
      writeFileSync(canvas, text.replace('value: 1234.5', 'value: 1234.7'));
      await new Promise((r) => setTimeout(r, 500));
      open();
      expect(await until(() => wrote() === 3, 10_000), all()).toBe(true);
      expect(out.filter((l) => l.startsWith('changed: ')), all()).toHaveLength(2);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);
});

describe('watch of the working folder', () => {
  it('names it "." when it says what it watches, not an empty name', async () => {
    const data = join(tempDir(), 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'nordwind.yaml'), readFileSync(NORDWIND, 'utf8'));
    const { out, all, started, stop } = watching(data, [data], { out: join(data, '..', 'out') });
    try {
      expect(await started(), all()).toBe(true);
      expect(out.find((l) => l.startsWith('watching '))).toBe('watching . and the templates for changes; Ctrl-C to stop');
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);
});

describe('watch that writes nothing', () => {
  it('leaves no output folder of its own making, as a build that writes nothing does: stopped before a PDF, or refused a port', async () => {
    const { dir, data } = dataFolder({ 'broken.yaml': 'company: [\n' });
    const out = join(dir, 'made', 'out');
    const broken = watching(dir, [data], { out });
    expect(await broken.started(), broken.all()).toBe(true);
    expect(existsSync(out)).toBe(true);
    expect(await broken.stop()).toBe(130);
    expect(existsSync(join(dir, 'made')), broken.all()).toBe(false);
    // A port already taken: refused at start, with nothing written.
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    try {
      const refused = watching(dir, [data], { out, port: String((taken.address() as AddressInfo).port) });
      await expect(refused.stopped).rejects.toMatchObject({ message: expect.stringContaining('in use') });
      expect(existsSync(join(dir, 'made'))).toBe(false);
    } finally {
      taken.close();
    }
  });

  it('refuses a --port that is not a port number, naming it as given, before it writes anything; takes 65535', async () => {
    const { dir, data } = dataFolder({ 'broken.yaml': 'company: [\n' });
    const out = join(dir, 'out');
    for (const port of ['abc', '-1', '65536', '1.5', '80x']) {
      await expect(watching(dir, [data], { out, port }).stopped, port).rejects.toMatchObject({
        exitCode: EXIT.usage,
        message: `port "${port}" is not a port number (0-65535; 0 or none picks a free one)`,
      });
      expect(existsSync(out), port).toBe(false);
    }
    // The highest port is one: served, or refused only as in use.
    const highest = watching(dir, [data], { out, port: '65535' });
    const outcome = await Promise.race([
      highest.stopped.then(() => 'stopped', (e: unknown) => (e as Error).message),
      until(() => highest.out.some((l) => l.startsWith('preview: ')), 20_000).then((serving) => (serving ? 'serving' : 'timeout')),
    ]);
    if (outcome === 'serving') {
      expect(await highest.stop()).toBe(130);
    }
    expect(outcome, highest.all()).toMatch(/^serving$|in use/);
  });

  it('keeps an output folder that was there before it, empty or not', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'broken.yaml'), 'company: [\n');
    mkdirSync(join(dir, 'out'));
    const run = watching(dir, [join(dir, 'data')], { out: join(dir, 'out') });
    expect(await run.started(), run.all()).toBe(true);
    expect(await run.stop()).toBe(130);
    expect(existsSync(join(dir, 'out'))).toBe(true);
  });
});

describe('watch of a briefing an edition of which went out', () => {
  const CONFIG = 'mail:\n  from: Investor Relations <ir@example.com>\nlists:\n  board:\n    to: [board@example.com]\nsend:\n  - briefing: nordwind\n    lists: [board]\n';
  /** A project whose canvas `text` went out (send --outbox, its journal beside the config), then was saved as `edit` makes it. */
  async function sentThenEdited(text: string, edit: (text: string, dir: string) => Promise<string> | string) {
    const { dir, data } = dataFolder({ 'nordwind.yaml': text });
    writeFileSync(join(dir, 'briefing.config.yaml'), CONFIG);
    const canvas = join(data, 'nordwind.yaml');
    const out = join(dir, 'out');
    const said: string[] = [];
    expect(await main(['send', canvas, '--outbox', '--out', out], { out: (l) => said.push(l), err: (l) => said.push(l), env: {}, cwd: dir, printer: htmlPrinter() }), said.join('\n')).toBe(EXIT.ok);
    const sent = Object.values((JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')) as { briefings: Record<string, { edition: string }> }).briefings)[0]!.edition;
    writeFileSync(canvas, await edit(text, dir));
    return { dir, data, canvas, out, sent };
  }

  /** Watches the project, then saves its canvas unchanged: a save that changes nothing says none of its findings again (counted as unchanged). */
  async function savedUnchanged(project: { dir: string; data: string; canvas: string; out: string }, rule: string) {
    const { out, err, all, started, stop } = watching(project.dir, [project.data], { out: project.out }, htmlPrinter());
    const said = () => err.filter((l) => l.includes(` ${rule} `)).length;
    try {
      expect(await started(), all()).toBe(true);
      expect(said(), all()).toBe(1);
      writeFileSync(project.canvas, readFileSync(project.canvas));
      expect(await until(() => out.filter((l) => l.startsWith('changed: ')).length === 1 && out.at(-1) === `1 briefing up to date, 1 canvas with warnings: ${join('data', 'nordwind.yaml')} (unchanged)`, 10_000), all()).toBe(true);
      expect(said(), all()).toBe(1);
    } finally {
      expect(await stop()).toBe(130);
    }
  }

  it('finds a correction renamed with file_name since the edition it revises went out up to date, still marked, without saying its findings again', async () => {
    // file_name set (so next quarter's PDF will not replace this one) and a figure corrected: the revised edition of the one
    // sent as "nordwind", which the journal knows by its route. A build that found it up to date asked by its name alone,
    // found no edition, and read and checked the canvas again on every build: watch said its findings again on every save.
    const project = await sentThenEdited(readFileSync(NORDWIND, 'utf8'), (text) => text.replace('value: 1234.5', 'value: 1299.9').replace(/^briefing:\n/m, 'briefing:\n  file_name: "{stem}-{period}"\n'));
    await savedUnchanged(project, 'change-mismatch');
    const pdf = readFileSync(join(project.out, 'nordwind-FY2025.pdf'), 'utf8');
    expect(pdf).toMatch(new RegExp(`Revised edition: replaces edition ${project.sent}, sent `));
  }, 40_000);

  it('finds a briefing up to date without saying its findings again where an earlier version recorded its content with the name\'s period', async () => {
    // The journal as versions before 0a3f7b5 wrote it: the content hashed with namedByPeriod true. Asked without those
    // hashes, it took that edition for one with other figures, and the canvas was read and checked again on every build.
    const project = await sentThenEdited(flagged.replace(/^briefing:\n/m, 'briefing:\n  file_name: "{stem}-{period}"\n'), async (text, dir) => {
      const model = (await checkCanvas(join(dir, 'data', 'nordwind.yaml'))).models[0]!;
      const { name: _name, routeName: _route, ...shown } = model;
      const before = createHash('sha256').update(`canvas-briefing content 1\0${JSON.stringify(shown)}`).digest('hex');
      const journal = join(dir, JOURNAL_FILE);
      const kept = JSON.parse(readFileSync(journal, 'utf8')) as { sent: Array<{ content: string }> };
      for (const e of kept.sent) e.content = before;
      writeFileSync(journal, JSON.stringify(kept));
      return text;
    });
    await savedUnchanged(project, 'unused-metric');
    expect(readFileSync(join(project.out, 'nordwind-FY2025.pdf'), 'utf8')).not.toContain('Revised edition');
  }, 40_000);
});
