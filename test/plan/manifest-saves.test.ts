/**
 * The manifest is saved whole (a rename) after each briefing, so that a build killed at any point has on record the
 * PDFs it wrote. Saves coalesce: briefings recorded while a save runs join one next save, instead of each queuing a
 * save of its own that serialised the whole manifest again (a queue's results, collected many at once: 1,000 of them
 * serialised it 1,000 times, growing to 2 MB, 3 s of node). Each briefing is still on record on disk when it is said
 * to be written, and the last save records them all.
 */
import { afterAll, describe, it, expect, vi } from 'vitest';
import { promises as fsPromises, readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { buildBriefings, MANIFEST_FILE, type BuildEvent } from '../../src/pipeline.ts';
import * as manifestModule from '../../src/plan/manifest.ts';
import type { Printer } from '../../src/print/index.ts';
import { smallPdfPrinter } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';

const serialised = vi.spyOn(manifestModule, 'serialiseManifest');
/** The manifests renamed into place (their paths), each a save written. */
const renamed: string[] = [];
const originalRename = fsPromises.rename;
const rename = vi.spyOn(fsPromises, 'rename').mockImplementation(async (from, to) => {
  renamed.push(String(to));
  return originalRename(from, to);
});
syncBuiltinESMExports();
afterAll(() => {
  serialised.mockRestore();
  rename.mockRestore();
  syncBuiltinESMExports();
});

const nordwind = readFileSync(NORDWIND, 'utf8');

/** `n` canvases, each a briefing of its own (a figure differs), in a new folder. */
function canvases(n: number): { files: string[]; out: string } {
  const dir = tempDir();
  const files = Array.from({ length: n }, (_, i) => {
    const file = join(dir, `company-${i}.yaml`);
    writeFileSync(file, nordwind.replace('value: 1234.5', `value: ${1000 + i}`));
    return file;
  });
  return { files, out: join(dir, 'out') };
}

/** A printer whose prints all answer at once, once `n` are asked for: a queue's results waiting, collected together. */
function allAtOnce(n: number): Printer {
  const printer = smallPdfPrinter();
  const print = printer.print.bind(printer);
  const waiting: Array<() => void> = [];
  printer.print = async (html, job) => {
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length === n) for (const go of waiting.splice(0)) go();
    });
    return print(html, job);
  };
  return printer;
}

describe('saving the manifest during a build of many briefings', () => {
  it('serialises and writes it a few times, not once per briefing, when many finish at once; each is on record when said written, and all at the end', async () => {
    const n = 40;
    const { files, out } = canvases(n);
    const manifest = join(out, MANIFEST_FILE);
    const onRecord = (name: string) => name in (JSON.parse(readFileSync(manifest, 'utf8')) as { briefings: Record<string, unknown> }).briefings;
    const unrecorded: string[] = [];
    serialised.mockClear();
    renamed.length = 0;
    const events: BuildEvent[] = [];
    await buildBriefings(files, { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: n }, allAtOnce(n), (e) => {
      events.push(e);
      // Said written: its PDF is in place, and the manifest on disk already records it.
      if (e.kind === 'built' && !onRecord(e.name)) unrecorded.push(e.name);
    });
    expect(events.filter((e) => e.kind === 'failed')).toEqual([]);
    expect(events.filter((e) => e.kind === 'built')).toHaveLength(n);
    expect(unrecorded).toEqual([]);
    expect(Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).briefings).sort()).toEqual(files.map((_, i) => `company-${i}`).sort());
    // One save serialised the manifest per briefing (41 here, and again at the end), though all but a few found nothing new to write.
    expect(serialised.mock.calls.length).toBeLessThanOrEqual(n / 4);
    const writes = renamed.filter((to) => to === manifest).length;
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThanOrEqual(n / 4);
  });

  it('still saves it after each briefing when they finish one at a time, each on record as it is said written', async () => {
    const n = 6;
    const { files, out } = canvases(n);
    const manifest = join(out, MANIFEST_FILE);
    renamed.length = 0;
    const recorded: number[] = [];
    const printer = smallPdfPrinter();
    await buildBriefings(files, { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1 }, printer, (e) => {
      if (e.kind === 'built') recorded.push(Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).briefings).length);
    });
    expect(recorded).toEqual([1, 2, 3, 4, 5, 6]);
    expect(renamed.filter((to) => to === manifest)).toHaveLength(n);
  });
});
