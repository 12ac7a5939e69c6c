/**
 * `briefing watch` with a printer that prints nothing real: what build refuses whole. A usage error on the first build
 * ends watch as it ends build; a mistake in some canvases found later fails those and the others still build, as watch
 * goes on. The real browser is in regenerate.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NORDWIND } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';
import { watching } from '../support/watching.ts';

const nordwind = readFileSync(NORDWIND, 'utf8');

describe('watch', () => {
  it('exits 2 before it watches when no canvas has the --set asked for, as build does', async () => {
    // It said so, then "watching ...", and ran for ever building nothing: a typo in --set is no edit away from a build.
    const dir = tempDir();
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'nordwind.yaml'), nordwind);
    const { out, err, all, stopped, stop } = watching(dir, [data], { out: join(dir, 'out'), set: 'nope' });
    const ended = await Promise.race([stopped, new Promise((r) => setTimeout(() => r('still watching'), 5_000))]);
    if (ended === 'still watching') await stop();
    expect(ended, all()).toBe(2);
    expect(err, all()).toEqual(['error: no canvas has a block set "nope". Block sets here: full']);
    expect(out.filter((l) => l.startsWith('watching ')), all()).toEqual([]);
  }, 30_000);
});
