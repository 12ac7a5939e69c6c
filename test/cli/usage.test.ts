import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from '../support/cli.ts';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { noSuchSet, report } from '../../src/cli/report.ts';
import type { Io } from '../../src/cli/io.ts';

// The command line's own surface: help, version, and what a slip of the keyboard gets. No canvas is built.

const run = (argv: string[]) => runCli(argv, { env: {} });

const VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version;

describe('help and version', () => {
  it('prints the version for --version, -V and -v', async () => {
    for (const flag of ['--version', '-V', '-v']) expect(await run([flag])).toEqual({ code: EXIT.ok, out: VERSION, err: '' });
  });

  it('prints the program help for --help, -h and help, and lists every command with its usage', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.out).toMatch(new RegExp(`^briefing ${VERSION.replace(/\./g, '\\.')}: Business Model Canvas`));
    expect(help.out).toMatch(/briefing build \[PATH\.\.\.\] \[options\]\s+write one PDF per briefing/);
    expect(help.out).toMatch(/briefing check \[PATH\.\.\.\] \[options\]\s+validate canvases without rendering/);
    expect(help.out).toMatch(/-V, --version\s+print the version/);
    expect(help.out).toContain('PATH is a canvas file or a folder of them');
    expect(help.out).toContain('130/143/129 interrupted (SIGINT/SIGTERM/SIGHUP)');
    expect(await run(['-h'])).toEqual(help);
    expect(await run(['help'])).toEqual(help);
  });

  it('prints the help and exits with the usage code when no command is given', async () => {
    const none = await run([]);
    expect(none.code).toBe(EXIT.usage);
    expect(none.out).toBe((await run(['--help'])).out);
  });

  it('exits with the usage code when the arguments name no command ("briefing --"): the help it shows is commander\'s error', async () => {
    const dashes = await run(['--']);
    expect(dashes.code).toBe(EXIT.usage);
    expect(`${dashes.out}${dashes.err}`).toContain('Usage: briefing <command>');
  });

  it('generates each command\'s option list from its options, with the environment variables', async () => {
    const build = await run(['build', '--help']);
    expect(build.code).toBe(EXIT.ok);
    expect(build.out).toMatch(/^Usage: briefing build \[PATH\.\.\.\] \[options\]/);
    for (const option of ['--out DIR', '--set NAME', '--page-size SIZE', '--html', '--browser PATH', '--timeout SECONDS', '-h, --help']) {
      expect(build.out).toMatch(new RegExp(`^  ${option}\\s`, 'm'));
    }
    for (const name of ['BRIEFING_OUT', 'BRIEFING_PAGE_SIZE', 'BRIEFING_BROWSER', 'BRIEFING_TIMEOUT']) expect(build.out).toContain(name);
    expect(await run(['help', 'build'])).toEqual(build);
    const check = await run(['check', '-h']);
    expect(check.out).toMatch(/^ {2}--set NAME\s+check only this block set$/m);
    expect(check.out).not.toContain('--out');
  });
});

describe('slips of the keyboard', () => {
  it('suggests the command a misspelt one was likely meant to be', async () => {
    expect(await run(['biuld', 'data/'])).toEqual({ code: EXIT.usage, out: '', err: 'error: unknown command "biuld"; did you mean "build"? (see briefing --help)' });
    expect((await run(['chekc'])).err).toBe('error: unknown command "chekc"; did you mean "check"? (see briefing --help)');
    expect((await run(['help', 'biuld'])).err).toBe('error: unknown command "biuld"; did you mean "build"? (see briefing --help)');
    expect((await run(['help', 'publish'])).err).toBe('error: unknown command "publish"; use build, watch, send, check, diff or worker (see briefing --help)');
  });

  it('suggests the option a misspelt one was likely meant to be, among that command\'s options', async () => {
    expect(await run(['build', '--page-sise', 'a4'])).toEqual({ code: EXIT.usage, out: '', err: 'error: unknown option \'--page-sise\'; did you mean "--page-size"? (see --help)' });
    expect((await run(['build', '--brwoser', '/x'])).err).toBe('error: unknown option \'--brwoser\'; did you mean "--browser"? (see --help)');
    expect((await run(['check', '--st', 'x'])).err).toBe('error: unknown option \'--st\'; did you mean "--set" or "--strict"? (see --help)');
    expect((await run(['check', '--html'])).err).toBe('error: unknown option \'--html\' (see --help)'); // a build option
  });

  it('says when an option lacks its value or has one it does not take', async () => {
    expect(await run(['build', '--out'])).toEqual({ code: EXIT.usage, out: '', err: "error: option '--out DIR' needs a value (see --help)" });
    expect((await run(['build', '--html=yes'])).err).toBe("error: option '--html' takes no value (see --help)");
    // Nor is the next option its value: `--out --force` wrote into a folder named "--force".
    expect(await run(['build', 'test/fixtures/valid/nordwind.yaml', '--out', '--force'])).toEqual({ code: EXIT.usage, out: '', err: "error: option '--out DIR' needs a value, but the word after it is the option --force (see --help)" });
    expect((await run(['watch', '--port', '--out', 'x'])).err).toBe("error: option '--port PORT' needs a value, but the word after it is the option --out (see --help)");
    expect((await run(['send', '--list', 'board', '--list', '-q'])).err).toBe("error: option '--list NAME' needs a value, but the word after it is the option -q (see --help)");
    expect((await run(['check', '--max-canvas-mb', '--strict=1'])).err).toMatch(/^error: option '--max-canvas-mb MB' needs a value, but the word after it is the option --strict=1/);
  });

  it('takes --version and --help only before a command, and the command\'s own options only after it', async () => {
    expect((await run(['build', '--version'])).err).toBe("error: unknown option '--version' (see --help)");
    expect((await run(['--out', 'x', 'build'])).err).toBe("error: unknown option '--out' (see --help)");
  });
});

describe('a reader that stops early', () => {
  it('costs the run nothing: `briefing --help | head -1` exits 0 with no EPIPE stack', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['bin/briefing.js', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.stdout.once('data', () => child.stdout.destroy()); // the first line read, the pipe closed
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect([code, err]).toEqual([0, '']);
  });
});

describe('a canvas path mistyped', () => {
  it('is answered with the names its folder holds that it is spelt like', async () => {
    expect(await run(['check', 'test/fixtures/valid/nordwnd.yaml'])).toEqual({ code: EXIT.usage, out: '', err: 'error: test/fixtures/valid/nordwnd.yaml: no such file or folder; did you mean "test/fixtures/valid/nordwind.yaml"?' });
    expect(await run(['check', 'test/fixtures/vlid'])).toMatchObject({ code: EXIT.usage, err: 'error: test/fixtures/vlid: no such file or folder; did you mean "test/fixtures/valid"?' });
    // Nothing like it there, or no such folder: the plain message.
    expect((await run(['check', 'test/fixtures/valid/zzz.yaml'])).err).toBe('error: test/fixtures/valid/zzz.yaml: no such file or folder');
    expect((await run(['check', 'no-such-folder/x.yaml'])).err).toBe('error: no-such-folder/x.yaml: no such file or folder');
  });
});

describe('exit codes', () => {
  it('are the ones the README documents: scripts and CI branch on them', () => {
    const table = readFileSync('README.md', 'utf8').split('### Exit codes')[1]!.split('\n\n')[1]!;
    const documented = [...table.matchAll(/^\| (\d+) \| (\S+)/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(documented).toEqual([[0, 'success'], [1, 'internal'], [2, 'usage:'], [3, 'invalid'], [4, 'template'], [5, 'no'], [6, 'render'], [7, 'cannot'], [8, '`send`:'], [9, '`--redis`:']]);
    expect(EXIT).toEqual({ ok: 0, internal: 1, usage: 2, invalidData: 3, template: 4, browserNotFound: 5, render: 6, output: 7, send: 8, queue: 9 });
  });

  it('says a failure the user can act on as one "error:" line, and a bug (an internal BriefingError too) with the stack of what caused it', () => {
    const said: string[] = [];
    const io = { err: (line: string) => said.push(line) } as unknown as Io;
    expect(report(new BriefingError('out is a file', EXIT.usage), io)).toBe(EXIT.usage);
    expect(said).toEqual(['error: out is a file']);
    said.length = 0;
    const bug = new TypeError('cannot read properties of undefined');
    expect(report(new BriefingError('acme.yaml: internal error: cannot read properties of undefined', EXIT.internal, { cause: bug }), io)).toBe(EXIT.internal);
    expect(said).toEqual([`internal error (please report it with the canvas that caused it): acme.yaml: internal error: cannot read properties of undefined\n${bug.stack}`]);
    said.length = 0;
    expect(report(bug, io)).toBe(EXIT.internal);
    expect(said).toEqual([`internal error (please report it with the canvas that caused it): ${bug.stack}`]);
  });

  it('names a block set no canvas has with the nearest real one, each set once, as a usage error', () => {
    expect(noSuchSet('finanse', ['full', 'finance', 'full', 'finance'])).toMatchObject({ exitCode: EXIT.usage, message: 'no canvas has a block set "finanse"; did you mean "finance"? Block sets here: full, finance' });
    expect(noSuchSet('nope', ['full', 'commerce']).message).toBe('no canvas has a block set "nope". Block sets here: full, commerce');
  });
});
