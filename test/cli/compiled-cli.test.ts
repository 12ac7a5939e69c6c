/**
 * bin/briefing.js runs the CLI compiled (bin/compiled-cli.js). In a copy of the project, the real binary:
 * compiles on first use and runs the compiled copy (no TypeScript loader, no source module loaded); runs an
 * edited source as edited, even one of the same size with its time set back; says where a source does not compile;
 * keeps one copy per checkout when checkouts share node_modules by a link; still finds its own files (package.json,
 * templates) once the project is moved; removes old copies but recent ones; makes a damaged copy again;
 * and, where no compiled copy can be written, runs the sources through tsx with the same result.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { recordModules } from '../support/loaded-modules.ts';
import { fileTempDir } from '../support/temp.ts';

const root = fileTempDir('compiled-cli-');
const VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
let project = join(root, 'a');
const cache = () => join(project, 'node_modules/.cache/canvas-briefing/cli');

/** Runs the copy's bin/briefing.js with ARGS, recording the modules it loads. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string; loaded: string[] }> {
  const modules = recordModules(root);
  const result = await promisify(execFile)(process.execPath, [join(project, 'bin/briefing.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...modules.env },
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    // A child ended by a signal has no code: the signal is said with what it wrote, so that a failure names it.
    (e: { code: number; signal?: NodeJS.Signals | null; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.signal ? `${e.stderr}(ended by ${e.signal})` : e.stderr }),
  );
  return { ...result, loaded: modules.urls() };
}

const fromSources = (loaded: string[]) => loaded.filter((url) => url.includes(`${project}/src/`) || url.includes('/node_modules/tsx/'));
const fromCompiled = (loaded: string[]) => loaded.filter((url) => url.startsWith(`file://${cache()}/`));

describe('the compiled CLI', () => {
  it('is made on first use, used, made again after an edit, still works moved, and falls back to the sources', async () => {
    // The project's own files, and its packages through links (its node_modules/.cache is its own).
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    for (const part of ['bin', 'src', 'templates', 'styles', 'package.json', 'tsconfig.json']) cpSync(part, join(project, part), { recursive: true });
    for (const entry of readdirSync('node_modules')) {
      if (entry !== '.cache') symlinkSync(join(process.cwd(), 'node_modules', entry), join(project, 'node_modules', entry));
    }

    const first = await run(['check', NORDWIND]);
    expect([first.code, first.out, first.err]).toEqual([EXIT.ok, `ok ${NORDWIND}: 6 metrics, briefings: full\n`, '']);
    expect(readdirSync(cache())).toHaveLength(1);
    expect(fromCompiled(first.loaded).length).toBeGreaterThan(0);
    expect(fromSources(first.loaded)).toEqual([]);

    // An edited source: compiled again, and the edit shows.
    const check = join(project, 'src/cli/check.ts');
    writeFileSync(check, readFileSync(check, 'utf8').replace('io.out(`ok ${', 'io.out(`fine ${'));
    const edited = await run(['check', NORDWIND]);
    expect([edited.code, edited.out]).toEqual([EXIT.ok, `fine ${NORDWIND}: 6 metrics, briefings: full\n`]);
    expect(readdirSync(cache())).toHaveLength(2);
    expect(fromSources(edited.loaded)).toEqual([]);
    // An edit of the same size, its file's time set back: seen all the same.
    const { atime, mtime } = statSync(check);
    writeFileSync(check, readFileSync(check, 'utf8').replace('io.out(`fine ${', 'io.out(`FINE ${'));
    utimesSync(check, atime, mtime);
    const sameSize = await run(['check', NORDWIND]);
    expect([sameSize.code, sameSize.out]).toEqual([EXIT.ok, `FINE ${NORDWIND}: 6 metrics, briefings: full\n`]);
    expect(readdirSync(cache())).toHaveLength(3);

    // A source that does not compile: said as the compiler says it, where it is, not blamed on a canvas; no copy made.
    const format = join(project, 'src/canvas/format.ts');
    const good = readFileSync(format, 'utf8');
    writeFileSync(format, good.replace('export const MINUS = ', 'export const MINUS = = '));
    const broken = await run(['check', NORDWIND]);
    expect([broken.code, broken.out]).toEqual([EXIT.internal, '']);
    expect(broken.err).toMatch(/^error: the sources of canvas-briefing do not compile \(an edit under src\/\?\):\n\S*src\/canvas\/format\.ts:\d+:\d+: Unexpected "="\n$/);
    expect(readdirSync(cache())).toHaveLength(3);
    writeFileSync(format, good);

    // Another checkout sharing this one's node_modules (and so its cache) by a link: its own copy, made from and
    // reading its own files (its version, its edit), while this one's stays as it was.
    const a = project;
    const b = join(root, 'b');
    for (const part of ['bin', 'src', 'templates', 'styles']) cpSync(join(a, part), join(b, part), { recursive: true });
    writeFileSync(join(b, 'package.json'), readFileSync(join(a, 'package.json'), 'utf8').replace(`"version": "${VERSION}"`, '"version": "9.9.9-b"'));
    writeFileSync(join(b, 'src/cli/check.ts'), readFileSync(join(b, 'src/cli/check.ts'), 'utf8').replace('io.out(`FINE ${', 'io.out(`BBBB ${'));
    symlinkSync(join(a, 'node_modules'), join(b, 'node_modules'));
    project = b;
    const other = await run(['check', NORDWIND]);
    expect([other.code, other.out]).toEqual([EXIT.ok, `BBBB ${NORDWIND}: 6 metrics, briefings: full\n`]);
    expect(fromSources(other.loaded)).toEqual([]);
    expect((await run(['--help'])).out.split('\n')[0]).toMatch(/^briefing 9\.9\.9-b: /);
    project = a;
    expect((await run(['check', NORDWIND])).out).toBe(`FINE ${NORDWIND}: 6 metrics, briefings: full\n`);
    expect(readdirSync(cache())).toHaveLength(4);

    // Moved: compiled again for its new place; it finds package.json (the version in the help) and the templates
    // (a build renders its HTML before it looks for the browser, which does not exist here).
    renameSync(a, (project = join(root, 'moved')));
    const help = await run(['--help']);
    expect(help.out.split('\n')[0]).toMatch(new RegExp(`^briefing ${VERSION.replace(/\./g, '\\.')}: `));
    const build = await run(['build', NORDWIND, '--out', join(root, 'out'), '--browser', '/nonexistent/chrome']);
    expect(build.code, build.err).toBe(EXIT.browserNotFound);
    expect(build.err).toMatch(/^error: --browser names the browser \/nonexistent\/chrome, which does not exist/m);
    expect(fromCompiled(build.loaded).length).toBeGreaterThan(0);
    expect(fromSources(build.loaded)).toEqual([]);
    expect(readdirSync(cache())).toHaveLength(5);

    // Old copies go when a new one is made: beyond the ten last used, or a week unused; never one used in the last
    // day, and a compile's leftover folder once a day old.
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600_000);
    const fake = (name: string, when: Date) => {
      mkdirSync(join(cache(), name));
      utimesSync(join(cache(), name), when, when);
    };
    for (let i = 0; i < 12; i++) fake(`${i.toString(16).padStart(2, '0')}aaaaaaaaaaaaaa`, twoDaysAgo);
    fake('ffffffffffffffff', new Date(Date.now() - 3600_000));
    fake('0123456789abcdef.partial-x', twoDaysAgo);
    const moved = join(project, 'src/cli/check.ts');
    writeFileSync(moved, readFileSync(moved, 'utf8').replace('io.out(`FINE ${', 'io.out(`FIN2 ${'));
    expect((await run(['check', NORDWIND])).out).toBe(`FIN2 ${NORDWIND}: 6 metrics, briefings: full\n`);
    const left = readdirSync(cache());
    expect(left).toContain('ffffffffffffffff');
    expect(left.filter((n) => n.includes('partial'))).toEqual([]);
    expect(left.filter((n) => n.endsWith('aaaaaaaaaaaaaa'))).toHaveLength(10 - 1 - 6); // the new one, the 5 made above and the recent one first
    expect(left).toHaveLength(10);

    // A damaged copy: the sources run this time, and the next run compiles it again.
    const [current] = fromCompiled((await run(['check', NORDWIND])).loaded).filter((url) => url.endsWith('/main.js'));
    writeFileSync(new URL(current!), 'export const main = ;\n');
    const damaged = await run(['check', NORDWIND]);
    expect([damaged.code, damaged.out]).toEqual([EXIT.ok, `FIN2 ${NORDWIND}: 6 metrics, briefings: full\n`]);
    expect(fromSources(damaged.loaded).length).toBeGreaterThan(0);
    const again = await run(['check', NORDWIND]);
    expect(again.out).toBe(`FIN2 ${NORDWIND}: 6 metrics, briefings: full\n`);
    expect(fromSources(again.loaded)).toEqual([]);

    // Nowhere to write a compiled copy (a file where its folder goes): the sources run through tsx instead.
    rmSync(cache(), { recursive: true });
    writeFileSync(cache(), '');
    const fallback = await run(['check', NORDWIND]);
    expect([fallback.code, fallback.out, fallback.err]).toEqual([EXIT.ok, `FIN2 ${NORDWIND}: 6 metrics, briefings: full\n`, '']);
    expect(fromSources(fallback.loaded).length).toBeGreaterThan(0);
  });
});
