/**
 * `briefing watch` with a printer that prints nothing real: a canvas that goes for a moment (a save that renames the file
 * away, then writes the new one: some sync clients, network drives, vim with backupcopy=no) keeps its PDFs; one that
 * stays gone past the grace period has them removed, as build removes them. The real browser is in regenerate.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NORDWIND } from '../support/fixtures.ts';
import { until } from '../support/processes.ts';
import { dataFolder, watching } from '../support/watching.ts';

const nordwind = readFileSync(NORDWIND, 'utf8');
const acme = nordwind.replace('Nordwind Energi ASA', 'Acme Energi ASA');

describe('watch', () => {
  it('keeps the PDFs of a canvas moved away and written again a moment later, and builds it as an edit', async () => {
    const { dir, data } = dataFolder({ 'nordwind.yaml': nordwind, 'acme.yaml': acme });
    const canvas = join(data, 'acme.yaml');
    const pdf = join(dir, 'out', 'acme.pdf');
    const { out, all, started, stop } = watching(dir, [data], { out: join(dir, 'out') });
    const changes = () => out.filter((l) => l.startsWith('changed: ')).length;
    try {
      expect(await started(), all()).toBe(true);
      renameSync(canvas, `${canvas}~`);
      // A round while it is away: its PDF stays, and why is said.
      expect(await until(() => changes() === 1 && out.at(-1) === '1 briefing up to date', 20_000), all()).toBe(true);
      expect(out, all()).toContain('data/acme.yaml is gone: its PDFs are removed if it is not back within 3 s');
      expect(existsSync(pdf), all()).toBe(true);
      writeFileSync(canvas, acme.replace('value: 1234.5', 'value: 1299.9'));
      expect(await until(() => out.some((l) => l.startsWith('wrote out/acme.pdf')), 20_000), all()).toBe(true);
      await new Promise((r) => setTimeout(r, 4_000)); // past the grace period: nothing removes it now
      expect(out.filter((l) => l.startsWith('removed ')), all()).toEqual([]);
      expect(existsSync(pdf), all()).toBe(true);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 40_000);

  it('keeps the last good PDF of a canvas moved away and written back broken', async () => {
    const { dir, data } = dataFolder({ 'nordwind.yaml': nordwind, 'acme.yaml': acme });
    const canvas = join(data, 'acme.yaml');
    const pdf = join(dir, 'out', 'acme.pdf');
    const { out, err, all, started, stop } = watching(dir, [data], { out: join(dir, 'out') });
    try {
      expect(await started(), all()).toBe(true);
      const good = readFileSync(pdf);
      renameSync(canvas, `${canvas}~`);
      expect(await until(() => out.some((l) => l.includes('data/acme.yaml is gone')), 20_000), all()).toBe(true);
      writeFileSync(canvas, `${acme}  : [broken\n`);
      expect(await until(() => err.some((l) => l.includes('YAML syntax')) && out.at(-1)?.includes('1 failed') === true, 20_000), all()).toBe(true);
      await new Promise((r) => setTimeout(r, 4_000));
      expect(out.filter((l) => l.startsWith('removed ')), all()).toEqual([]);
      expect(readFileSync(pdf).equals(good), all()).toBe(true);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 40_000);

  it('removes the PDFs of a canvas that stays gone past the grace period', async () => {
    const { dir, data } = dataFolder({ 'nordwind.yaml': nordwind, 'acme.yaml': acme });
    const canvas = join(data, 'acme.yaml');
    const pdf = join(dir, 'out', 'acme.pdf');
    const { out, all, started, stop } = watching(dir, [data], { out: join(dir, 'out') });
    try {
      expect(await started(), all()).toBe(true);
      renameSync(canvas, join(dir, 'acme.yaml'));
      expect(await until(() => out.includes('removed out/acme.pdf: its briefing no longer exists'), 20_000), all()).toBe(true);
      expect(existsSync(pdf), all()).toBe(false);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 40_000);

  it('ends the round of a watched canvas deleted with its closing line, keeps its PDF, and builds it once it is back', async () => {
    // It said the error alone, no closing line, unlike every other round.
    const { dir, data } = dataFolder({ 'solo.yaml': nordwind });
    const canvas = join(data, 'solo.yaml');
    const pdf = join(dir, 'out', 'solo.pdf');
    const { out, err, all, started, stop } = watching(dir, [canvas], { out: join(dir, 'out') });
    const wrote = () => out.filter((l) => l.startsWith('wrote out/solo.pdf')).length;
    try {
      expect(await started(), all()).toBe(true);
      unlinkSync(canvas);
      expect(await until(() => out.at(-1) === '0 briefings written, 1 failed: data/solo.yaml (gone)', 20_000), all()).toBe(true);
      expect(err, all()).toEqual([`error: ${canvas}: no such file or folder; its PDFs stay, and it is built again once it is back`]);
      expect(existsSync(pdf), all()).toBe(true);
      writeFileSync(canvas, nordwind.replace('value: 1234.5', 'value: 1299.9'));
      expect(await until(() => wrote() === 2, 20_000), all()).toBe(true);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 40_000);
});
