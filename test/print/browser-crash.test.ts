/**
 * A browser killed under a build (kill -9, the out-of-memory killer): the briefing it was printing is
 * printed once more by a new browser, and the run says which briefing and why. Killed again, the
 * briefing fails, named, with exit code 6, and the PDF already in place stays as it was.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildBriefings, loadPrinter, type BuildEvent, type Printer } from '../../src/pipeline.ts';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { createPrinter, findBrowser } from '../../src/print/index.ts';
import { shellBrowser } from '../support/fake-browser.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { readPdf } from '../support/read-pdf.ts';
import { tempDir } from '../support/temp.ts';

/** The real printer, except that its browser is killed (SIGKILL) as each of the first `kills` prints or drafts starts. */
function killingPrinter(kills: number): { printer: Printer; killed: () => number } {
  const real = loadPrinter({});
  let killed = 0;
  const killDuring = async <T>(start: () => Promise<T>): Promise<T> => {
    if (killed >= kills) return start();
    await real.launch();
    const pid = real.state.pid!;
    const pending = start();
    process.kill(pid, 'SIGKILL');
    killed++;
    return pending;
  };
  const printer: Printer = {
    print: (html, job) => killDuring(() => real.print(html, job)),
    draft: (html, job) => killDuring(() => real.draft(html, job)),
    launch: () => real.launch(),
    executable: () => real.executable(),
    close: () => real.close(),
    [Symbol.asyncDispose]: () => real.close(),
    get state() {
      return real.state;
    },
  };
  return { printer, killed: () => killed };
}

async function build(kills: number) {
  const out = join(tempDir(), 'out');
  mkdirSync(out);
  const previous = Buffer.from('%PDF-1.4\n% the previous briefing\n%%EOF\n');
  writeFileSync(join(out, 'nordwind.pdf'), previous);
  const { printer, killed } = killingPrinter(kills);
  const events: BuildEvent[] = [];
  try {
    await buildBriefings([NORDWIND], { outDir: out, pageSize: 'A4', html: false, timeoutMs: 30_000 }, printer, (e) => events.push(e));
  } finally {
    await printer.close();
  }
  return { out, previous, events, killed: killed(), launches: printer.state.launches };
}

describe('a browser killed while it prints', () => {
  it('prints the briefing once more with a new browser, says which and why, and writes the whole PDF', async () => {
    const { out, events, killed, launches } = await build(1);
    expect(killed).toBe(1);
    expect(launches).toBe(2);
    const notices = events.filter((e) => e.kind === 'notice').map((e) => e.message);
    expect(notices).toEqual([expect.stringMatching(/^test\/fixtures\/valid\/nordwind\.yaml: the browser crashed while printing it \(.+\); printing it once more with a new browser$/)]);
    expect(events.filter((e) => e.kind === 'built').map((e) => e.name)).toEqual(['nordwind']);
    const pdf = await readPdf(new Uint8Array(readFileSync(join(out, 'nordwind.pdf'))));
    expect(pdf.text.join('\n')).toContain('€1,234.5 million');
    expect(pdf.outline.length).toBeGreaterThan(0);
  });

  it('fails the briefing, named, when the browser is killed again, and keeps the PDF in place', async () => {
    const { out, previous, events, killed } = await build(2);
    expect(killed).toBe(2);
    const failed = events.filter((e) => e.kind === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ name: 'nordwind', error: { exitCode: EXIT.render } });
    expect(failed[0].kind === 'failed' && failed[0].error.message).toMatch(/^test\/fixtures\/valid\/nordwind\.yaml: The browser failed while printing the briefing/);
    // No partial file, nor a record of a PDF not written: with no briefing written, no manifest at all.
    expect(readdirSync(out)).toEqual(['nordwind.pdf']);
    expect(readFileSync(join(out, 'nordwind.pdf')).equals(previous)).toBe(true);
  });
});

describe('a browser whose command pipe is reset as it dies', () => {
  it('fails the print, not the process, and the next print starts a new browser', async () => {
    // A helper of the browser that holds its end of the command pipe (fd 3; fd 4 is the answers') and reads nothing, as
    // a renderer still dying does: the pipe is torn down only when it goes, with the commands the browser never read
    // in it, and Node reads "read ECONNRESET" on our end then. That comes after the printer has closed Puppeteer's side
    // of the pipe, which took its 'error' listener with it: a `briefing worker` died of an unhandled 'error' event (exit 1).
    const real = (await findBrowser({})).path;
    const browser = shellBrowser(`sleep 60 </dev/null >/dev/null 2>&1 4>&- &\nexec '${real}' "$@"`, 'pipe-holder-');
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    const printer = createPrinter({ executablePath: browser, timeoutMs: 30_000 });
    const job = { pageSize: 'A4' as const, metadata: { title: 'x' } };
    try {
      await printer.launch();
      const pid = printer.state.pid!;
      // Stopped, the browser reads no more: the print's first command stays in the pipe, unread, as it is killed.
      process.kill(pid, 'SIGSTOP');
      const printing = printer.print('<p>one</p>', job).then(() => undefined, (e: unknown) => e);
      await new Promise((r) => setTimeout(r, 200));
      process.kill(pid, 'SIGKILL');
      const error = await printing;
      expect(error).toBeInstanceOf(BriefingError);
      expect((error as BriefingError).exitCode).toBe(EXIT.render);
      const printed = await printer.print('<p>two</p>', job);
      expect(printed.pages).toBe(1);
      expect(printer.state.launches).toBe(2);
    } finally {
      await printer.close();
      // The helper is killed with the browser's process group as the printer disposes of the dead browser; its reset is read at once.
      await new Promise((r) => setTimeout(r, 200));
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
  });
});

describe('a temporary folder that is not there', () => {
  it('fails the briefing saying TMPDIR must exist, as the machine\'s problem (exit 5), not a bug blamed on the canvas', async () => {
    const before = process.env.TMPDIR;
    const out = join(tempDir(), 'out');
    process.env.TMPDIR = join(tempDir(), 'gone');
    const printer = loadPrinter({});
    try {
      const events: BuildEvent[] = [];
      const outcomes = await buildBriefings([NORDWIND], { outDir: out, pageSize: 'A4', html: false, timeoutMs: 60_000, jobs: 1 }, printer, (e) => events.push(e));
      expect(outcomes).toEqual([expect.objectContaining({ kind: 'failed', error: expect.objectContaining({ exitCode: EXIT.browserNotFound, message: expect.stringMatching(/cannot make the browser's profile folder in .*gone \(ENOENT\): the temporary folder \(TMPDIR\) must exist and be writable/) }) })]);
    } finally {
      process.env.TMPDIR = before;
      if (before === undefined) delete process.env.TMPDIR;
      await printer.close();
    }
  });
});
