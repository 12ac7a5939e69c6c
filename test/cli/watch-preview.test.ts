/**
 * `briefing watch --serve` with a printer that prints nothing real: what the preview tells its pages when a rebuild
 * fails whole (a theme.yaml gone wrong, two canvases now sharing a name), so that nothing was built. The real browser
 * is in regenerate.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import type { PublicState } from '../../src/preview/public-state.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { until } from '../support/processes.ts';
import { tempDir } from '../support/temp.ts';
import { watching } from '../support/watching.ts';

const nordwind = readFileSync(NORDWIND, 'utf8');

/** The first state the preview at `url` sends a page that connects. */
function stateOf(url: string): Promise<PublicState> {
  return new Promise((resolve, reject) => {
    const req = get(new URL('/events', url), (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        const data = /^data: (.*)$/m.exec(text);
        if (data && text.includes('\n\n', data.index)) {
          req.destroy();
          resolve(JSON.parse(data[1]!) as PublicState);
        }
      });
    });
    req.on('error', reject);
  });
}

describe('watch --serve', () => {
  it('marks every briefing as not rebuilt when a rebuild fails whole, and clears it once one succeeds', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const theme = join(dir, 'theme');
    mkdirSync(data);
    cpSync('test/fixtures/themes/nordic', theme, { recursive: true });
    writeFileSync(join(data, 'nordwind.yaml'), nordwind);
    writeFileSync(join(data, 'acme.yaml'), nordwind.replace('Nordwind Energi ASA', 'Acme Energi ASA'));
    const { out, all, started, stop } = watching(dir, [data], { out: join(dir, 'out'), theme, serve: true });
    const changes = () => out.filter((l) => l.startsWith('changed: ')).length;
    let url = '';
    try {
      expect(await started(), all()).toBe(true);
      url = out.find((l) => l.startsWith('preview: '))!.slice('preview: '.length);
      // The preview is told after the build's lines are said: asked at once, it may not have been yet.
      const stateWhen = async (ready: (state: PublicState) => boolean): Promise<PublicState> => {
        for (let tries = 0; tries < 50; tries++) {
          const state = await stateOf(url);
          if (ready(state)) return state;
          await new Promise((r) => setTimeout(r, 100));
        }
        return stateOf(url);
      };
      expect((await stateWhen((s) => s.entries.length === 2)).entries.map((e) => [e.name, e.failures])).toEqual([['acme', []], ['nordwind', []]]);
      // Each round ends with build's closing line, its time too (README "The command").
      expect(out.find((l) => l.startsWith('2 briefings written')), all()).toMatch(/^2 briefings written in \d+\.\d s$/);

      const settings = join(theme, 'theme.yaml');
      const good = readFileSync(settings, 'utf8');
      writeFileSync(settings, good.replace('chapter_breaks: page', 'chapter_breaks: sideways'));
      expect(await until(() => changes() === 1 && /invalid theme/.test(all()), 10_000), all()).toBe(true);
      // The PDFs shown are the last good ones, not this edit's: each briefing's page must say so, not "up to date".
      const failed = await stateWhen((s) => s.failures.length > 0);
      expect(failed.failures, all()).toHaveLength(1);
      // Still shown, each with that reason: the preview does not go blank.
      expect(failed.entries.map((e) => e.name), all()).toEqual(['acme', 'nordwind']);
      for (const entry of failed.entries) expect(entry.failures, entry.name).toEqual([expect.stringMatching(/invalid theme/)]);

      writeFileSync(settings, good);
      expect(await until(() => changes() === 2 && out.at(-1) === '2 briefings up to date', 10_000), all()).toBe(true);
      const fixed = await stateWhen((s) => s.failures.length === 0 && !s.building);
      expect(fixed.failures).toEqual([]);
      // Told once the build is done, not left at what it was told when the build began.
      expect(fixed.building, all()).toBe(false);
      expect(fixed.entries.map((e) => e.failures)).toEqual([[], []]);
    } finally {
      expect(await stop()).toBe(130);
    }
    // Stopped, the preview is gone too: its port is free, nothing keeps the process alive.
    await expect(stateOf(url)).rejects.toThrow(/ECONNREFUSED/);
  }, 30_000);

  it('tells the pages each canvas\'s findings as the console says them, and names a failed canvas as the console does', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    mkdirSync(data);
    const canvas = join(data, 'nordwind.yaml');
    // Two unused metrics: two findings.
    const flagged = nordwind.replace(/^metrics:\n/m, 'metrics:\n  spare: { label: Spare, value: 1, unit: EUR, period: FY2025 }\n  extra: { label: Extra, value: 2, unit: EUR, period: FY2025 }\n');
    writeFileSync(canvas, flagged);
    const { out, err, all, started, stop } = watching(dir, [data], { out: join(dir, 'out'), serve: true });
    try {
      expect(await started(), all()).toBe(true);
      const url = out.find((l) => l.startsWith('preview: '))!.slice('preview: '.length);
      const stateWhen = async (ready: (state: PublicState) => boolean): Promise<PublicState> => {
        for (let tries = 0; tries < 50 && !ready(await stateOf(url)); tries++) await new Promise((r) => setTimeout(r, 100));
        return stateOf(url);
      };
      const state = await stateWhen((s) => s.findings.length > 0);
      const said = err.filter((l) => l.includes(' unused-metric '));
      expect(said, all()).toHaveLength(2);
      expect(state.findings.map((f) => `${f.at} ${f.severity} ${f.rule} ${f.message}`)).toEqual(said);
      expect(state.findings.map((f) => f.canvas)).toEqual(['data/nordwind.yaml', 'data/nordwind.yaml']);
      expect(state.entries.map((e) => [e.name, e.findings])).toEqual([['nordwind', 2]]);

      writeFileSync(canvas, `${flagged}  : [broken\n`);
      const failed = await stateWhen((s) => s.failures.length > 0);
      expect(failed.failures.map((f) => f.canvas), all()).toEqual(['data/nordwind.yaml']);
      // The last good build's findings stay with its PDF.
      expect(failed.findings).toHaveLength(2);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);
});
