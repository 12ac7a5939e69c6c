import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildBriefings, ownRevisionName, previousVersion, type BuildEvent } from '../src/pipeline.ts';
import { BriefingError, EXIT } from '../src/errors.ts';
import type { BuildOptions } from '../src/config.ts';
import { fakePrinter, linkedAnchors } from './support/fake-printer.ts';
import { tempDir } from './support/temp.ts';
import { MANIFEST_FILE } from '../src/plan/manifest.ts';

// build --since with a printer that prints nothing real: the earlier version is part of what a briefing
// is made from, so the incremental build prints again exactly when it (or --since itself) changes.

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
const Q2 = 'test/fixtures/diff/nordwind-q2.yaml';
const Q3 = 'test/fixtures/diff/nordwind-q3.yaml';

/** A printer that puts every contents entry on page 3, recording the HTML it printed. */
const printer = () => fakePrinter(({ html }) => ({ pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [] }));

/** A folder of its own holding the Q3 canvas and, beside it, the Q2 version to build it --since. */
function twoVersions(): { dir: string; canvas: string; previous: string } {
  const dir = tempDir();
  const [canvas, previous] = [join(dir, 'nordwind.yaml'), join(dir, 'nordwind-q2.yaml')];
  copyFileSync(Q3, canvas);
  copyFileSync(Q2, previous);
  return { dir, canvas, previous };
}

describe('build --since', () => {
  it('adds the chapter, and prints again only when the earlier version, or --since, changes', async () => {
    const { dir, canvas, previous } = twoVersions();
    const options: BuildOptions = { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1, since: previous };
    const { printer: fake, printed } = printer();
    const build = async (o: BuildOptions) => {
      const events: BuildEvent[] = [];
      await buildBriefings([canvas], o, fake, (e) => events.push(e));
      return events.filter((e) => e.kind === 'built' || e.kind === 'current' || e.kind === 'failed').map((e) => e.kind);
    };
    expect(await build(options)).toEqual(['built']);
    expect(printed.at(-1)!.html).toContain('<h1>Changes since Q2 2025</h1>');
    expect(await build(options)).toEqual(['current']);
    // Without --since the same canvas is another briefing (no chapter), and with it again the first one.
    expect(await build({ ...options, since: undefined })).toEqual(['built']);
    expect(printed.at(-1)!.html).not.toContain('id="changes"');
    expect(await build({ ...options, since: undefined })).toEqual(['current']);
    expect(await build(options)).toEqual(['built']);
    // The earlier version edited: what changed since is different, so the briefing is printed again.
    writeFileSync(previous, readFileSync(Q2, 'utf8').replace('value: 1200', 'value: 1150'));
    expect(await build(options)).toEqual(['built']);
    expect(printed.at(-1)!.html).toMatch(/Employees.*1,150 employees/s);
    expect(await build(options)).toEqual(['current']);
    // An edit that changes nothing it shows is read (its bytes changed), but not printed.
    writeFileSync(previous, `${readFileSync(previous, 'utf8')}\n# a comment\n`);
    expect(await build(options)).toEqual(['current']);
  });

  it('prints again when only a figure\'s date (period_end) differs in the earlier version, and its chapter lists the figure with both dates', async () => {
    const dir = tempDir();
    const [canvas, previous] = [join(dir, 'nordwind.yaml'), join(dir, 'earlier.yaml')];
    copyFileSync(Q3, canvas);
    copyFileSync(Q3, previous);
    const { printer: fake, printed } = printer();
    const options: BuildOptions = { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1, since: previous };
    const build = async () => (await buildBriefings([canvas], options, fake, () => {})).map((o) => o.kind);
    const chapter = () => printed.at(-1)!.html.split('id="changes"')[1].split('</section>')[0];
    expect(await build()).toEqual(['built']);
    expect(chapter()).not.toContain('Capital expenditure');
    // The earlier version dated capex a year earlier, under the same words and with the same figure.
    writeFileSync(previous, readFileSync(Q3, 'utf8').replace('    period_type: quarter\n    period_end: 2025-09-30\n', '    period_type: quarter\n    period_end: 2024-09-30\n'));
    expect(await build()).toEqual(['built']);
    expect(chapter().replace(/<\/?span[^>]*>/g, '')).toMatch(/Capital expenditure.*Q3 2025 \(30 Sep 2024\) → Q3 2025 \(30 Sep 2025\).*€84\.5 million.*€84\.5 million.*&#x3D; unchanged/s); // = escaped
    expect(await build()).toEqual(['current']);
  });

  it('keeps the --since of the last build when asked to (send, watch): through an edit, with the same chapter; says clearly when that version is gone', async () => {
    const { dir, canvas, previous } = twoVersions();
    const options: BuildOptions = { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1 };
    const { printer: fake, printed } = printer();
    const build = async (o: BuildOptions) => {
      const events: BuildEvent[] = [];
      await buildBriefings([canvas], o, fake, (e) => events.push(e));
      return events.filter((e) => e.kind === 'built' || e.kind === 'current' || e.kind === 'failed' || e.kind === 'notice');
    };
    expect((await build({ ...options, since: previous })).map((e) => e.kind)).toEqual(['built']);
    // Kept: up to date as it was built, nothing said; an edit prints it again with the chapter.
    expect((await build({ ...options, keepSince: true })).map((e) => e.kind)).toEqual(['current']);
    writeFileSync(canvas, readFileSync(Q3, 'utf8').replace('value: 322.9,', 'value: 323.4,'));
    expect((await build({ ...options, keepSince: true })).map((e) => e.kind)).toEqual(['built']);
    expect(printed.at(-1)!.html).toContain('<h1>Changes since Q2 2025</h1>');
    expect(printed.at(-1)!.html).toMatch(/€311\.2 million.*€323\.4 million/s);
    // The earlier copy gone: that canvas fails, saying which --since it kept and what to give instead.
    const moved = `${previous}.moved`;
    copyFileSync(previous, moved);
    rmSync(previous);
    writeFileSync(canvas, readFileSync(Q3, 'utf8'));
    const [failed] = await build({ ...options, keepSince: true });
    expect(failed.kind).toBe('failed');
    const error = (failed as Extract<BuildEvent, { kind: 'failed' }>).error;
    expect(error).toBeInstanceOf(BriefingError);
    expect(error.message).toBe(`${canvas}: its briefings were last built with --since ${previous}, and are built with it again (give --since to compare with another version, or --no-since to leave the "Changes since" chapter out): --since ${previous}: no such file (--since takes an earlier copy of the canvas, or a git revision such as HEAD~1)`);
    // Without keepSince (build), the chapter goes, and the build says so.
    const plain = await build(options);
    expect(plain.map((e) => e.kind)).toEqual(['notice', 'built']);
    expect(printed.at(-1)!.html).not.toContain('id="changes"');
    // Nothing left to keep.
    expect((await build({ ...options, keepSince: true })).map((e) => e.kind)).toEqual(['current']);
  });

  it('says, as it builds, a figure that changed while the equivalent it states was left as it was for the old figure, and again when up to date', async () => {
    const dir = tempDir();
    const [canvas, previous] = [join(dir, 'nordwind.yaml'), join(dir, 'nordwind-q2.yaml')];
    const withCapex = (value: number, usd: number) => readFileSync(Q3, 'utf8').replace('    value: 84.5\n', `    value: ${value}\n    equivalent: { value: ${usd}, unit: USD, scale: million }\n`);
    writeFileSync(previous, withCapex(84.5, 98.1));
    writeFileSync(canvas, withCapex(86.5, 98.1));
    const { printer: fake } = printer();
    const build = async (since: Pick<BuildOptions, 'since' | 'keepSince'> = { since: previous }, out = 'out') => {
      const events: BuildEvent[] = [];
      await buildBriefings([canvas], { outDir: join(dir, out), pageSize: 'A4', html: false, timeoutMs: 10_000, ...since }, fake, (e) => events.push(e));
      return { notices: events.flatMap((e) => (e.kind === 'notice' ? [e.message] : [])), kinds: events.flatMap((e) => (e.kind === 'built' || e.kind === 'current' ? [e.kind] : [])) };
    };
    const line = readFileSync(canvas, 'utf8').split('\n').findIndex((l) => l.includes('equivalent: { value: 98.1')) + 1;
    const warning = (since: string) => `${canvas}:${line}:17: since ${since}: Capital expenditure (Q3 2025): €84.5 million → €86.5 million (+€2.0 million, ▲ revised up 2.4%); its USD equivalent, US$98.1 million, is the one given for the old figure: update it too, or check that it still holds`;
    expect(await build()).toEqual({ notices: [warning(previous)], kinds: ['built'] });
    // Built again, up to date and not read: still said, as the manifest kept it.
    expect(await build()).toEqual({ notices: [warning(previous)], kinds: ['current'] });
    // Given as a relative path, and kept (send, watch): said as it was given, read again or not (send says what its build
    // did not, and a line said otherwise would be said twice).
    const given = relative(process.cwd(), previous);
    expect(await build({ since: given }, 'kept')).toEqual({ notices: [warning(given)], kinds: ['built'] });
    // Its bytes changed (read and checked again), its briefings not.
    writeFileSync(canvas, `${readFileSync(canvas, 'utf8')}\n`);
    expect(await build({ keepSince: true }, 'kept')).toEqual({ notices: [warning(given)], kinds: ['current'] });
    expect(await build({ keepSince: true }, 'kept')).toEqual({ notices: [warning(given)], kinds: ['current'] });
    // The equivalent converted again: nothing to say, then or on the next build.
    writeFileSync(canvas, withCapex(86.5, 100.4));
    expect(await build()).toEqual({ notices: [], kinds: ['built'] });
    expect(await build()).toEqual({ notices: [], kinds: ['current'] });
  });

  it('refuses a file with several canvases (usage), and fails a canvas whose earlier version is invalid (exit 3)', async () => {
    const dir = tempDir();
    copyFileSync(Q3, join(dir, 'a.yaml'));
    copyFileSync(Q3, join(dir, 'b.yaml'));
    const { printer: fake } = printer();
    const options: BuildOptions = { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, since: Q2 };
    const refused = await buildBriefings([join(dir, 'a.yaml'), join(dir, 'b.yaml')], options, fake, () => {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BriefingError);
    expect(refused).toMatchObject({ exitCode: EXIT.usage, message: expect.stringMatching(/^--since test\/fixtures\/diff\/nordwind-q2\.yaml is a file: the earlier version of one canvas, but 2 canvases were given/) });
    writeFileSync(join(dir, 'old.yaml'), 'company: {}\n');
    const outcomes = await buildBriefings([join(dir, 'a.yaml')], { ...options, since: join(dir, 'old.yaml') }, fake, () => {});
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'failed', error: expect.objectContaining({ exitCode: EXIT.invalidData, message: expect.stringMatching(new RegExp(`^${join(dir, 'a.yaml')}: the earlier version to compare it with \\(--since\\) is not a valid canvas: ${join(dir, 'old.yaml')}: invalid canvas`)) }) })]);
    expect((outcomes[0] as { error: Error }).error.message).not.toContain('committed version'); // a file can be fixed where it is
    // Invalid at a git revision: its "fix it" cannot be followed there; what can be done is said.
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      stdio: 'pipe', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    git('init', '--quiet');
    writeFileSync(join(dir, 'a.yaml'), 'company: {name: [bad\n');
    git('add', 'a.yaml');
    git('commit', '--quiet', '-m', 'Q2');
    copyFileSync(Q3, join(dir, 'a.yaml'));
    const committed = await buildBriefings([join(dir, 'a.yaml')], { ...options, since: 'HEAD' }, fake, () => {});
    expect((committed[0] as { error: Error }).error.message).toMatch(/YAML syntax.*\n\(.*a\.yaml@HEAD is a committed version, which cannot be fixed where it is: compare with another revision, or with a corrected copy of it given as a file\)$/s);
  });

  it('fails a canvas whose earlier version is another company\'s (exit 2), and only that one among several at a git revision', async () => {
    const dir = tempDir();
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      stdio: 'pipe', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    const kaffeewerk = readFileSync(Q3, 'utf8').replace('company: { name: Nordwind Energi ASA, ticker: NWE, exchange: Oslo Børs, country: Norway,', 'company: { name: Kaffeewerk AG, ticker: KAF, exchange: Xetra, country: Germany,');
    // At HEAD, reused.yaml held Nordwind's canvas; it is Kaffeewerk's now. nordwind.yaml is Nordwind's both times.
    git('init', '--quiet');
    copyFileSync(Q2, join(dir, 'nordwind.yaml'));
    copyFileSync(Q2, join(dir, 'reused.yaml'));
    git('add', '.');
    git('commit', '--quiet', '-m', 'Q2');
    copyFileSync(Q3, join(dir, 'nordwind.yaml'));
    writeFileSync(join(dir, 'reused.yaml'), kaffeewerk);
    const { printer: fake, printed } = printer();
    const options: BuildOptions = { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1, since: 'HEAD' };
    const outcomes = await buildBriefings([join(dir, 'nordwind.yaml'), join(dir, 'reused.yaml')], options, fake, () => {});
    expect(outcomes.map((o) => o.kind)).toEqual(['failed', 'built']);
    const reused = join(dir, 'reused.yaml');
    expect(outcomes[0]).toMatchObject({ canvas: reused, error: { exitCode: EXIT.usage, message: `${reused}: --since ${reused}@HEAD is the canvas of Nordwind Energi ASA (NWE, Oslo Børs), not of Kaffeewerk AG (KAF, Xetra): its "Changes since" chapter would compare this company's figures with another's. Give --since an earlier copy of this canvas, or a git revision at which it was Kaffeewerk AG's. A company is known by its ticker and exchange, or by its name where those changed; for one that changed both, see docs/diff.md` } });
    const prints = printed.length; // nordwind's only
    // Again: still refused, never taken for up to date.
    expect((await buildBriefings([reused], options, fake, () => {})).map((o) => o.kind)).toEqual(['failed']);
    // An earlier copy of another company's canvas, given as a file: refused the same way.
    writeFileSync(join(dir, 'kaffeewerk-q2.yaml'), kaffeewerk);
    const file = await buildBriefings([join(dir, 'nordwind.yaml')], { ...options, since: join(dir, 'kaffeewerk-q2.yaml') }, fake, () => {});
    expect(file).toEqual([expect.objectContaining({ kind: 'failed', error: expect.objectContaining({ exitCode: EXIT.usage, message: expect.stringContaining(`--since ${join(dir, 'kaffeewerk-q2.yaml')} is the canvas of Kaffeewerk AG (KAF, Xetra), not of Nordwind Energi ASA (NWE, Oslo Børs)`) }) })]);
    expect(printed).toHaveLength(prints);
  });

  it('warns of an earlier version dated after this one, as it builds and again when up to date, and builds it all the same', async () => {
    const dir = tempDir();
    const [canvas, later] = [join(dir, 'nordwind.yaml'), join(dir, 'nordwind-later.yaml')];
    copyFileSync(Q2, canvas);
    copyFileSync(Q3, later);
    const { printer: fake, printed } = printer();
    const build = async () => {
      const events: BuildEvent[] = [];
      await buildBriefings([canvas], { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, since: later }, fake, (e) => events.push(e));
      return { notices: events.flatMap((e) => (e.kind === 'notice' ? [e.message] : [])), kinds: events.flatMap((e) => (e.kind === 'built' || e.kind === 'current' ? [e.kind] : [])) };
    };
    const warning = `${canvas}: since ${later}: the version compared with is dated 31 Oct 2025, after this one (31 Jul 2025): is --since the right way round?`;
    expect(await build()).toEqual({ notices: [warning], kinds: ['built'] });
    expect(printed.at(-1)!.html).toContain('<h1>Changes since Q3 2025</h1>');
    expect(await build()).toEqual({ notices: [warning], kinds: ['current'] });
    // The same date, a later period.
    writeFileSync(later, readFileSync(Q2, 'utf8').replace('period: Q2 2025, as_of: 2025-07-31', 'period: Q3 2025, as_of: 2025-07-31'));
    expect((await build()).notices).toEqual([`${canvas}: since ${later}: the version compared with is for Q3 2025, after this one (Q2 2025): is --since the right way round?`]);
    // The right way round: nothing said.
    copyFileSync(Q2, later);
    copyFileSync(Q3, canvas);
    expect((await build()).notices).toEqual([]);
  });

  it('says a folder given for the earlier copy is a folder, not a revision git cannot find', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'old'));
    const error = await previousVersion(Q3, join(dir, 'old')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefingError);
    expect(error).toMatchObject({ exitCode: EXIT.usage, message: `--since ${join(dir, 'old')} is a folder: --since takes an earlier copy of the canvas (a file), or a git revision such as HEAD~1` });
  });

  it('reads each canvas at a git revision, and fails only the canvases it cannot read there (exit 2)', async () => {
    const dir = tempDir();
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      stdio: 'pipe', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    git('init', '--quiet');
    copyFileSync(Q2, join(dir, 'nordwind.yaml'));
    git('add', '.');
    git('commit', '--quiet', '-m', 'Q2');
    copyFileSync(Q3, join(dir, 'nordwind.yaml'));
    copyFileSync(Q3, join(dir, 'untracked.yaml'));
    const { printer: fake, printed } = printer();
    const options: BuildOptions = { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1, since: 'HEAD' };
    const outcomes = await buildBriefings([join(dir, 'nordwind.yaml'), join(dir, 'untracked.yaml')], options, fake, () => {});
    expect(outcomes.map((o) => o.kind)).toEqual(['failed', 'built']);
    expect(outcomes[0]).toMatchObject({ canvas: join(dir, 'untracked.yaml'), error: { exitCode: EXIT.usage, message: `${join(dir, 'untracked.yaml')} did not exist at revision HEAD (git: path 'untracked.yaml' exists on disk, but not in 'HEAD')` } });
    expect(printed.at(-1)!.html).toContain('<h1>Changes since Q2 2025</h1>');
    expect((await buildBriefings([join(dir, 'nordwind.yaml')], options, fake, () => {})).map((o) => o.kind)).toEqual(['current']);

    // Kept by send and watch as it was: the commit HEAD named then, not the one it names once Q3 is committed (the chapter
    // would then say nothing changed).
    const manifest = () => JSON.parse(readFileSync(join(dir, 'out', '.briefing-manifest.json'), 'utf8')).briefings.nordwind;
    const q2Commit = git('rev-parse', 'HEAD').toString().trim();
    expect(manifest()).toMatchObject({ since: 'HEAD', sinceAt: q2Commit });
    git('add', 'nordwind.yaml');
    git('commit', '--quiet', '-m', 'Q3');
    const kept = { ...options, since: undefined, keepSince: true };
    expect((await buildBriefings([join(dir, 'nordwind.yaml')], kept, fake, () => {})).map((o) => o.kind)).toEqual(['current']);
    writeFileSync(join(dir, 'nordwind.yaml'), readFileSync(Q3, 'utf8').replace('value: 322.9,', 'value: 323.4,'));
    expect((await buildBriefings([join(dir, 'nordwind.yaml')], kept, fake, () => {})).map((o) => o.kind)).toEqual(['built']);
    expect(printed.at(-1)!.html).toMatch(/€311\.2 million.*€323\.4 million/s); // still against Q2
    expect(manifest()).toMatchObject({ since: 'HEAD', sinceAt: q2Commit });
  });

  it('keeps a --since only where the canvas\'s last build used it for every briefing: not for the whole briefing when one block set was built with it apart', async () => {
    const dir = tempDir();
    const canvas = join(dir, 'nordwind.yaml');
    writeFileSync(canvas, `${readFileSync(Q3, 'utf8')}block_sets:\n  money:\n    title: Money\n    blocks: [revenue_streams]\n`);
    copyFileSync(Q2, join(dir, 'q2.yaml'));
    const { printer: fake } = printer();
    const options: BuildOptions = { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1 };
    const build = async (o: BuildOptions) => (await buildBriefings([canvas], o, fake, () => {})).flatMap((e) => (e.kind === 'built' || e.kind === 'current' ? [`${e.kind} ${e.name}`] : [e.kind]));
    expect(await build({ ...options, set: 'money', since: join(dir, 'q2.yaml') })).toEqual(['built nordwind--money']);
    expect(await build({ ...options, set: 'full' })).toEqual(['built nordwind']);
    // The whole briefing was last built without the chapter: kept so; the set built apart before it is printed again as the canvas was last built.
    expect(await build({ ...options, keepSince: true })).toEqual(['current nordwind', 'built nordwind--money']);
  });

  it('names a kept --since as it was given only while that still names what is read: not a relative path given in another folder, nor a revision moved on', async () => {
    const { dir, canvas, previous } = twoVersions();
    // Given in this working folder: named so.
    const given = relative(process.cwd(), previous);
    expect((await previousVersion(canvas, previous, undefined, given)).name).toBe(given);
    // Given relative to another working folder (send run from elsewhere): here it names no such file, so the path read names it.
    const elsewhere = 'old/nordwind-q2.yaml';
    const read = await previousVersion(canvas, previous, undefined, elsewhere);
    expect(read.name).toBe(previous);
    expect(read.at).toBe(previous);

    const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      stdio: 'pipe', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    git('init', '--quiet');
    copyFileSync(Q2, canvas);
    git('add', 'nordwind.yaml');
    git('commit', '--quiet', '-m', 'Q2');
    const q2Commit = git('rev-parse', 'HEAD').toString().trim();
    // HEAD still names the commit kept: named as given.
    expect((await previousVersion(canvas, q2Commit, undefined, 'HEAD')).name).toBe(`${canvas}@HEAD`);
    copyFileSync(Q3, canvas);
    git('commit', '--quiet', '-am', 'Q3');
    // HEAD has moved on: "@HEAD" would send the reader to Q3; the commit read names it, by its first 10 digits as the console names commits.
    const kept = await previousVersion(canvas, q2Commit, undefined, 'HEAD');
    expect(kept).toMatchObject({ name: `${canvas}@${q2Commit.slice(0, 10)}`, at: q2Commit });
  });
  it('says so when --since names another version than the last build compared with (HEAD moved on to the edition sent), and how to keep the old one', async () => {
    const { dir, git, canvas, q2 } = q2Committed();
    const { printer: fake, printed } = printer();
    const options: BuildOptions = { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1, since: 'HEAD' };
    const build = async (o: BuildOptions = options) => {
      const events: BuildEvent[] = [];
      await buildBriefings([canvas], o, fake, (e) => events.push(e));
      return { notices: events.flatMap((e) => (e.kind === 'notice' ? [e.message] : [])), kinds: events.flatMap((e) => (e.kind === 'built' || e.kind === 'current' ? [e.kind] : [])) };
    };
    expect(await build()).toEqual({ notices: [], kinds: ['built'] });
    expect(printed.at(-1)!.html).toContain('<h1>Changes since Q2 2025</h1>');
    // HEAD moved on for a commit that left the canvas as it was (its README alone): the same version, the same chapter,
    // nothing to say; nor where the manifest was written before it kept the hash of what it compared with (read again at its commit).
    writeFileSync(join(dir, 'README.md'), 'Nordwind investor briefings\n');
    git('add', 'README.md');
    git('commit', '--quiet', '-m', 'README');
    expect(git('rev-parse', 'HEAD')).not.toBe(q2);
    expect(await build()).toEqual({ notices: [], kinds: ['current'] });
    const manifestFile = join(dir, 'out', MANIFEST_FILE);
    const recorded = readFileSync(manifestFile, 'utf8');
    expect(recorded).toContain('"sinceSha256"');
    const olderManifest = recorded.replace(/\n\s*"sinceSha256": "[0-9a-f]+",?/g, '');
    writeFileSync(manifestFile, olderManifest);
    expect(await build()).toEqual({ notices: [], kinds: ['current'] });
    // The quarter's canvas committed (it was sent): HEAD is now this very version, and the chapter's starting point moves.
    git('commit', '--quiet', '-am', 'Q3, as sent');
    const q3 = git('rev-parse', 'HEAD');
    // Said as well where the manifest kept no hash of the version compared with.
    writeFileSync(manifestFile, olderManifest);
    expect((await build()).notices).toEqual([expect.stringContaining(`--since HEAD (commit ${q3.slice(0, 10)}) is another version than its briefings were last built against`)]);
    writeFileSync(manifestFile, recorded);
    const moved = await build();
    expect(moved.notices).toEqual([`${canvas}: --since HEAD (commit ${q3.slice(0, 10)}) is another version than its briefings were last built against (--since HEAD (commit ${q2.slice(0, 10)}, as it was then)): their "Changes since" chapter now compares with HEAD instead, and no longer lists what changed since ${q2.slice(0, 10)} (where nothing else changed, send will refuse to send it as a correction to those who hold an edition sent already, unless given --resend). To keep comparing with the version it compared with before, give --since ${q2.slice(0, 10)}; or tag it (git tag sent/<quarter> ${q2.slice(0, 10)}) and give --since sent/<quarter>`]);
    expect(moved.kinds).toEqual(['built']);
    // Built against HEAD now: nothing more to say; the old starting point given back, said the other way round.
    expect(await build()).toEqual({ notices: [], kinds: ['current'] });
    const back = await build({ ...options, since: q2.slice(0, 10) });
    expect(back.notices).toEqual([expect.stringContaining(`now compares with ${q2.slice(0, 10)} instead, and no longer lists what changed since ${q3.slice(0, 10)}`)]);
    expect(printed.at(-1)!.html).toContain('<h1>Changes since Q2 2025</h1>');
    // Kept (send, watch) or the same version named otherwise (a tag): nothing said.
    git('tag', 'sent/2025Q2', q2);
    expect(await build({ ...options, since: 'sent/2025Q2' })).toEqual({ notices: [], kinds: ['current'] });
    expect(await build({ ...options, since: undefined, keepSince: true })).toEqual({ notices: [], kinds: ['current'] });
  });
  it('says to give the last build\'s --since again by its own name where it was a tag that names that version still; by its commit, to tag, where it moved', async () => {
    const { dir, git, canvas, q2 } = q2Committed();
    git('tag', 'sent/2025Q3', q2);
    const { printer: fake } = printer();
    const options: BuildOptions = { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1, since: 'sent/2025Q3' };
    const notices = async (o: BuildOptions) => {
      const events: BuildEvent[] = [];
      await buildBriefings([canvas], o, fake, (e) => events.push(e));
      return events.flatMap((e) => (e.kind === 'notice' ? [e.message] : []));
    };
    expect(await notices(options)).toEqual([]);
    git('commit', '--quiet', '-am', 'Q3, as sent');
    // Built against the tag, then --since HEAD: the tag is what to give again, not a commit nor a tag of the docs' quarter.
    const moved = await notices({ ...options, since: 'HEAD' });
    expect(moved).toEqual([expect.stringMatching(/To keep comparing with the version it compared with before, give --since sent\/2025Q3 again$/)]);
    expect(moved[0]).not.toContain('git tag');
    // Built against the tag again, then the tag moved on (to Q3): it names another version now, so the commit, and a tag to make.
    expect(await notices(options)).toEqual([expect.stringContaining('now compares with sent/2025Q3 instead')]);
    git('tag', '-f', 'sent/2025Q3', 'HEAD');
    expect(await notices({ ...options, since: 'HEAD' })).toEqual([expect.stringMatching(new RegExp(`give --since ${q2.slice(0, 10)}; or tag it \\(git tag sent/<quarter> ${q2.slice(0, 10)}\\) and give --since sent/<quarter>$`))]);
  });
  it('takes a tag or branch for a name to give again, and not HEAD, HEAD~1, @{…}, ORIG_HEAD or a commit\'s digits', () => {
    expect(['sent/2025Q3', 'v2025-q3', 'release', 'main'].filter(ownRevisionName)).toEqual(['sent/2025Q3', 'v2025-q3', 'release', 'main']);
    expect(['HEAD', 'HEAD~1', 'HEAD^', '@', '@{1}', 'main@{yesterday}', 'ORIG_HEAD', 'sent/2025Q3~1', 'e649610c33', 'E649610C33A1'].filter(ownRevisionName)).toEqual([]);
  });
});

/**
 * A git repository in a folder of its own with the Q2 canvas committed (its commit `q2`), and Q3 in the working tree since:
 * `git` runs git there, without the user's configuration, and gives what it prints.
 */
function q2Committed() {
  const dir = tempDir();
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    stdio: 'pipe', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  }).toString().trim();
  const canvas = join(dir, 'nordwind.yaml');
  git('init', '--quiet');
  copyFileSync(Q2, canvas);
  git('add', '.');
  git('commit', '--quiet', '-m', 'Q2');
  const q2 = git('rev-parse', 'HEAD');
  copyFileSync(Q3, canvas);
  return { dir, git, canvas, q2 };
}
