/** What a build shows while it runs: plain lines always, and on a terminal a status line redrawn in place. */
import { describe, it, expect } from 'vitest';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { buildReporter, builtTime } from '../../src/cli/progress.ts';
import { withStatusLine, type Io } from '../../src/cli/io.ts';
import type { Verbosity } from '../../src/config.ts';

const base = (lines: string[]): Io => ({ out: (l) => lines.push(`out: ${l}`), err: (l) => lines.push(`err: ${l}`), env: {}, cwd: '/p' });

function run(io: Io, output?: Verbosity) {
  const r = buildReporter(io, Date.now, output);
  r.event({ kind: 'current', canvas: '/p/data/a.yaml', name: 'a', pdf: '/p/out/a.pdf', pages: 3, edition: '0123abcd' });
  r.event({ kind: 'queued', names: ['b', 'b--x'] });
  r.event({ kind: 'printing', canvas: '/p/data/b.yaml', name: 'b', reason: 'its figures or text changed' });
  r.event({ kind: 'built', canvas: '/p/data/b.yaml', name: 'b', pdf: '/p/out/b.pdf', pages: 9, edition: 'deadbeef', ms: 1234, warnings: [] });
  r.event({ kind: 'printing', canvas: '/p/data/b.yaml', name: 'b--x' });
  r.event({ kind: 'failed', canvas: '/p/data/b.yaml', name: 'b--x', ms: 5, error: new BriefingError('/p/data/b.yaml (x): it broke', EXIT.render) });
  r.event({ kind: 'removed', name: 'c', reason: 'vanished', removed: ['/p/out/c.pdf'], kept: ['/p/out/c.html'] });
  r.done();
}

describe('build progress', () => {
  it('says a queued briefing taken again by its take\'s time, and why it was retried', () => {
    // A trial: "wrote ../out-q/c020.pdf 5 pages edition eec03da4 60.5 s", mostly the wait for the first worker's lock to lapse.
    const lines: string[] = [];
    const r = buildReporter(base(lines));
    r.event({ kind: 'built', canvas: '/p/data/c020.yaml', name: 'c020', pdf: '/p/out/c020.pdf', pages: 5, edition: 'eec03da4', ms: 1_100, retried: 'retried after its worker stopped answering', warnings: [] });
    r.event({ kind: 'built', canvas: '/p/data/c021.yaml', name: 'c021', pdf: '/p/out/c021.pdf', pages: 5, edition: 'eec03da5', ms: 4_200, warnings: [] });
    expect(lines).toEqual([
      'out: wrote out/c020.pdf  5 pages  edition eec03da4  1.1 s, retried after its worker stopped answering',
      'out: wrote out/c021.pdf  5 pages  edition eec03da5  4.2 s',
    ]);
    expect(builtTime({ ms: 1, collected: true, retried: 'retried' })).toBe('collected from the queue');
  });

  it('says a warning several briefings share once (a theme\'s, in a batch), a briefing\'s own each time, and every one with --verbose', () => {
    const said = (output?: Verbosity) => {
      const lines: string[] = [];
      const r = buildReporter(base(lines), Date.now, output);
      for (const [name, warnings] of [['a', ['logo', 'only a']], ['b', ['logo']], ['c', ['logo', 'only c']]] as const) {
        r.event({ kind: 'built', canvas: `/p/data/${name}.yaml`, name, pdf: `/p/out/${name}.pdf`, pages: 1, edition: '0123abcd', ms: 1, warnings: [...warnings] });
      }
      return lines.filter((l) => l.startsWith('err: '));
    };
    expect(said()).toEqual(['err: warning: a: logo', 'err: warning: a: only a', 'err: warning: c: only c']);
    expect(said('quiet')).toEqual(said());
    expect(said('verbose')).toEqual(['err: warning: a: logo', 'err: warning: a: only a', 'err: warning: b: logo', 'err: warning: c: logo', 'err: warning: c: only c']);
  });

  it('prints plain lines and no control codes when the output is not a terminal', () => {
    const lines: string[] = [];
    const written: string[] = [];
    run(withStatusLine(base(lines), { isTTY: false, write: (t) => written.push(t) }));
    expect(lines).toEqual([
      'out: wrote out/b.pdf  9 pages  edition deadbeef  1.2 s',
      'err: error: /p/data/b.yaml (x): it broke',
      'out: removed out/c.pdf: its briefing no longer exists',
      'err: warning: left out/c.html in place: its briefing no longer exists, but the file changed since it was written',
    ]);
    expect(written).toEqual([]);
  });

  it('says only warnings, errors and failures with --quiet, with no status line even on a terminal', () => {
    const lines: string[] = [];
    const screen: string[] = [];
    run(withStatusLine(base(lines), { isTTY: true, columns: 80, write: (t) => screen.push(t) }), 'quiet');
    expect(lines).toEqual([
      'err: error: /p/data/b.yaml (x): it broke',
      'err: warning: left out/c.html in place: its briefing no longer exists, but the file changed since it was written',
    ]);
    expect(screen).toEqual([]);
  });

  it('also says each briefing as it starts printing and each one up to date with --verbose', () => {
    const lines: string[] = [];
    run(base(lines), 'verbose');
    expect(lines.slice(0, 4)).toEqual([
      'out: up to date out/a.pdf  3 pages  edition 0123abcd',
      'out: printing b from data/b.yaml: its figures or text changed',
      'out: wrote out/b.pdf  9 pages  edition deadbeef  1.2 s',
      'out: printing b--x from data/b.yaml',
    ]);
  });

  it('keeps a status line on a terminal: what prints, what is queued; erased around every line and at the end', () => {
    const lines: string[] = [];
    const screen: string[] = [];
    const io = withStatusLine(base(lines), { isTTY: true, columns: 40, write: (t) => screen.push(t) });
    run(io);
    const statuses = screen.map((t) => t.replace('\r\x1b[2K', ''));
    expect(screen.every((t) => t.startsWith('\r\x1b[2K'))).toBe(true);
    expect(statuses).toContain('0/2 done · printing b · queued: b--x');
    expect(statuses).toContain('1/2 done · printing b--x');
    expect(statuses.every((s) => s.length <= 39)).toBe(true); // one row of a 40-column terminal
    expect(statuses.at(-1)).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('shows every briefing printing at once (--jobs) in the status line', () => {
    const screen: string[] = [];
    const r = buildReporter(withStatusLine(base([]), { isTTY: true, columns: 80, write: (t) => screen.push(t.replace('\r\x1b[2K', '')) }));
    r.event({ kind: 'queued', names: ['a', 'b', 'c'] });
    r.event({ kind: 'printing', canvas: '/p/a.yaml', name: 'a' });
    r.event({ kind: 'printing', canvas: '/p/b.yaml', name: 'b' });
    expect(screen.at(-1)).toBe('0/3 done · printing a, b · queued: c');
    r.event({ kind: 'built', canvas: '/p/a.yaml', name: 'a', pdf: '/p/out/a.pdf', pages: 1, edition: '00000000', ms: 1, warnings: [] });
    r.event({ kind: 'printing', canvas: '/p/c.yaml', name: 'c' });
    expect(screen.at(-1)).toBe('1/3 done · printing b, c');
  });

  it('says the rate and about how long the rest will take once the build has run a while, and counts a long queue', () => {
    const screen: string[] = [];
    let clock = 0;
    const r = buildReporter(withStatusLine(base([]), { isTTY: true, columns: 120, write: (t) => screen.push(t.replace('\r\x1b[2K', '')) }), () => clock);
    r.event({ kind: 'queued', names: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] });
    r.event({ kind: 'printing', canvas: '/p/a.yaml', name: 'a' });
    expect(screen.at(-1)).toBe('0/7 done · printing a · queued: b, c, d +3');
    clock = 30_000; // one briefing in 30 s: 2 a minute, 6 to go
    r.event({ kind: 'built', canvas: '/p/a.yaml', name: 'a', pdf: '/p/out/a.pdf', pages: 1, edition: '00000000', ms: 1, warnings: [] });
    r.event({ kind: 'printing', canvas: '/p/b.yaml', name: 'b' });
    expect(screen.at(-1)).toBe('1/7 done · 2.0/min · about 3 min left · printing b · queued: c, d, e +2');
  });

  it('says no rate before a briefing is finished, and the time left in seconds, minutes or hours and minutes', () => {
    const status = (total: number, clock: number, finished: number) => {
      const screen: string[] = [];
      let now = 0;
      const r = buildReporter(withStatusLine(base([]), { isTTY: true, columns: 200, write: (t) => screen.push(t.replace('\r\x1b[2K', '')) }), () => now);
      const names = Array.from({ length: total }, (_, i) => `n${i}`);
      r.event({ kind: 'queued', names });
      now = clock;
      for (const name of names.slice(0, finished + 1)) r.event({ kind: 'printing', canvas: `/p/${name}.yaml`, name });
      for (const name of names.slice(0, finished)) r.event({ kind: 'built', canvas: `/p/${name}.yaml`, name, pdf: `/p/out/${name}.pdf`, pages: 1, edition: '00000000', ms: 1, warnings: [] });
      return screen.at(-1);
    };
    // A minute in and nothing finished yet: no rate to say, and no time left made of it.
    expect(status(3, 60_000, 0)).toBe('0/3 done · printing n0 · queued: n1, n2');
    expect(status(3, 40_000, 2)).toBe('2/3 done · 3.0/min · about 20 s left · printing n2');
    expect(status(2, 60_000, 1)).toBe('1/2 done · 1.0/min · about 1 min left · printing n1');
    expect(status(61, 60_000, 1)).toBe('1/61 done · 1.0/min · about 1 h 00 min left · printing n1 · queued: n2, n3, n4 +56');
    expect(status(63, 60_000, 1)).toBe('1/63 done · 1.0/min · about 1 h 02 min left · printing n1 · queued: n2, n3, n4 +58');
    expect(status(5, 60_000, 1)).toBe('1/5 done · 1.0/min · about 4 min left · printing n1 · queued: n2, n3, n4');
  });

  it('drops a briefing that will not be built from the queued ones, and clears the status line once the rest is done', () => {
    const screen: string[] = [];
    const r = buildReporter(withStatusLine(base([]), { isTTY: true, columns: 80, write: (t) => screen.push(t.replace('\r\x1b[2K', '')) }));
    r.event({ kind: 'queued', names: ['a', 'b'] });
    r.event({ kind: 'printing', canvas: '/p/a.yaml', name: 'a' });
    r.event({ kind: 'failed', canvas: '/p/b.yaml', name: 'b', ms: 0, error: new BriefingError('not built', EXIT.output), notBuilt: true });
    expect(screen.at(-1)).toBe('0/2 done · printing a');
    r.event({ kind: 'built', canvas: '/p/a.yaml', name: 'a', pdf: '/p/out/a.pdf', pages: 1, edition: '00000000', ms: 1, warnings: [] });
    expect(screen.at(-1)).toBe('');
  });

  it('says it keeps the briefing of an earlier period, and removes nothing for it', () => {
    const lines: string[] = [];
    const r = buildReporter(base(lines));
    r.event({ kind: 'removed', name: 'nordwind-FY2025', reason: 'archived', removed: [], kept: ['/p/out/nordwind-FY2025.pdf'] });
    expect(lines).toEqual(['out: kept out/nordwind-FY2025.pdf: the briefing of an earlier period (briefing.file_name names the period); later builds leave it alone unless the canvas names its period again']);
  });

  it('says it keeps the briefing of a later date than the canvas now gives, and removes one renamed on the same date', () => {
    const lines: string[] = [];
    const r = buildReporter(base(lines));
    r.event({ kind: 'removed', name: 'nordwind-Q4-2025', reason: 'later', removed: [], kept: ['/p/out/nordwind-Q4-2025.pdf'] });
    r.event({ kind: 'removed', name: 'nordwind-Q3-2025', reason: 'renamed', removed: ['/p/out/nordwind-Q3-2025.pdf'], kept: [] });
    r.event({ kind: 'removed', name: 'nordwind-Q2-2025', reason: 'same-date', removed: [], kept: ['/p/out/nordwind-Q2-2025.pdf'] });
    expect(lines).toEqual([
      'out: kept out/nordwind-Q4-2025.pdf: the briefing of a later as_of date than its canvas now gives (a draft of a later period?); later builds leave it alone unless the canvas names its period again: delete it if it is not wanted',
      'out: removed out/nordwind-Q3-2025.pdf: the same briefing, of the same as_of date, is now written under another name',
      'out: kept out/nordwind-Q2-2025.pdf: the briefing of another period of the same as_of date (the period edited before as_of?); later builds leave it alone unless the canvas names its period again: delete it if it is not wanted',
    ]);
  });

  it('writes canvas text into the status line as text, never as terminal commands', () => {
    const screen: string[] = [];
    const io = withStatusLine(base([]), { isTTY: true, columns: 200, write: (t) => screen.push(t) });
    io.status!('printing \x1b]0;owned\x07evil');
    expect(screen.at(-1)).toBe('\r\x1b[2Kprinting  ]0;owned evil');
  });
});
