/**
 * A large build keeps the models past HELD_MODELS packed, not made again from their canvases: each canvas is
 * checked once, at planning, however many briefings it has and whether or not its models are held (a canvas's
 * check is 300-500 ms of node; checking it again before printing cost a build of 200 briefings about 20 CPU-s).
 * Past the packed models' budget a model is made again, to the same bytes.
 */
import { afterAll, describe, it, expect, vi, beforeEach } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBriefings, type BuildEvent } from '../../src/pipeline.ts';
import type { BuildOptions } from '../../src/config.ts';
import { fakePrinter, linkedAnchors } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { FINANCE_SET } from '../support/setup-builds.ts';
import { tempDir } from '../support/temp.ts';
import * as validate from '../../src/validate/validate-canvas.ts';

// Each canvas checked, by file: validateWithWarnings is the check's own step (checkCanvas), once a check.
const checks = { files: [] as string[] };
const original = validate.validateWithWarnings;
const spy = vi.spyOn(validate, 'validateWithWarnings').mockImplementation((...args) => {
  checks.files.push(args[0].file);
  return original(...args);
});
afterAll(() => spy.mockRestore());

const nordwind = readFileSync(NORDWIND, 'utf8');

async function build(out: string, more: Partial<BuildOptions>) {
  const dir = tempDir();
  const canvases = ['a.yaml', 'b.yaml'].map((f) => join(dir, f));
  // Two canvases of two briefings each (full and finance).
  for (const c of canvases) writeFileSync(c, `${nordwind}${FINANCE_SET}`);
  const { printer, printed } = fakePrinter(({ html }) => {
    const edition = /Edition ([0-9a-f]{8})/.exec(html)?.[1] ?? 'none';
    return { pdf: new TextEncoder().encode(`%PDF-1.7\n% ${edition}\n%%EOF\n`), pages: 3, anchors: linkedAnchors(html, 2), blocked: [] };
  });
  const events: BuildEvent[] = [];
  await buildBriefings(canvases, { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1, ...more }, printer, (e) => events.push(e));
  const built = events.filter((e) => e.kind === 'built').length;
  const files = Object.fromEntries(readdirSync(out).filter((f) => f.endsWith('.pdf')).sort().map((f) => [f, readFileSync(join(out, f), 'latin1')]));
  return { built, html: printed.map((p) => p.html), files, checked: checks.files.map((f) => f.slice(dir.length + 1)).sort() };
}

describe('the models of a large build', () => {
  beforeEach(() => {
    checks.files.length = 0;
  });

  it('checks each canvas once, held or not, to the same HTML and bytes', async () => {
    const dir = tempDir();
    const held = await build(join(dir, 'held'), {});
    expect(held.built).toBe(4);
    expect(held.checked).toEqual(['a.yaml', 'b.yaml']);
    checks.files.length = 0;
    const packed = await build(join(dir, 'packed'), { heldModels: 1 });
    expect(packed.checked).toEqual(['a.yaml', 'b.yaml']);
    expect(packed.html).toEqual(held.html);
    expect(Object.values(packed.files)).toEqual(Object.values(held.files));
  });

  it('makes a model again from its canvas past the packed models budget, to the same HTML and bytes', async () => {
    const dir = tempDir();
    const held = await build(join(dir, 'held'), {});
    checks.files.length = 0;
    const remade = await build(join(dir, 'remade'), { heldModels: 1, packedModelBytes: 0 });
    // a.yaml's second briefing and b.yaml's two: each canvas checked once more, for its briefings together.
    expect(remade.checked).toEqual(['a.yaml', 'a.yaml', 'b.yaml', 'b.yaml']);
    expect(remade.html).toEqual(held.html);
    expect(Object.values(remade.files)).toEqual(Object.values(held.files));
  });
});
