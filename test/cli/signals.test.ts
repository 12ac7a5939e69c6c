/**
 * A kill during a build, on the real binary: it stops with 128 + the signal's number, closes the
 * browser (no process left, no profile left), and the previous PDF stays in place. Ctrl-C (SIGINT)
 * is the same code path; test/cli/write-faults.test.ts sends it while a PDF is being written.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { liveProcessesUsing, until } from '../support/processes.ts';
import { fileTempDir } from '../support/temp.ts';

const CASES = [['SIGTERM', 143]] as const;
const root = fileTempDir('signals-');

describe.concurrent('an interrupted build', () => {
  for (const [signal, code] of CASES) {
    it(`exits ${code} on ${signal}, closes the browser and keeps the previous PDF`, async ({ expect, onTestFinished }) => {
      // A private TMPDIR makes this child's browser (its profile dir is made there) recognisable in /proc.
      const tmp = join(root, `${signal}-tmp`);
      const out = join(root, `${signal}-out`);
      for (const dir of [tmp, out]) mkdirSync(dir);
      // A previous PDF no build of this canvas would write, so keeping it is seen, not assumed.
      const previous = Buffer.from('%PDF-1.4\n% the previous briefing\n%%EOF\n');
      writeFileSync(join(out, 'alibaba.pdf'), previous);

      // The sample takes many seconds to print four briefings twice each: the signal comes long before.
      const child = spawn(process.execPath, ['bin/briefing.js', 'build', 'data/alibaba.yaml', '--out', out], {
        env: { ...process.env, TMPDIR: tmp },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      onTestFinished(() => { child.kill('SIGKILL'); }); // a failed expectation must not leave it running
      let stderr = '';
      child.stderr.on('data', (chunk) => { stderr += chunk; });
      const exited = once(child, 'exit');
      // Signal as soon as the browser runs (the build starts it before drawing the first briefing).
      expect(await until(() => liveProcessesUsing(tmp).length > 0, 60_000), 'the browser never started').toBe(true);
      child.kill(signal);

      const [exitCode] = await exited;
      expect(exitCode).toBe(code);
      expect(stderr).toMatch(new RegExp(`^interrupted \\(${signal}\\): 0 briefings written; the others keep their previous PDFs$`, 'm'));
      expect(await until(() => liveProcessesUsing(tmp).length === 0, 5_000), 'browser processes left running').toBe(true);
      // Profile and socket folder removed: the browser's last helper removes its socket folder a moment after
      // the processes are gone (as write-faults.test.ts waits for it too).
      expect(await until(() => readdirSync(tmp).filter((f) => !/^tsx-\d+$/.test(f)).length === 0, 5_000), `left in TMPDIR: ${readdirSync(tmp).join(', ')}`).toBe(true);
      expect(readdirSync(out)).toEqual(['alibaba.pdf']); // no partial file beside it
      expect(readFileSync(join(out, 'alibaba.pdf')).equals(previous)).toBe(true);
    });
  }
});
