// The CLI compiled to plain JavaScript, so that `briefing` starts without the TypeScript loader. tsx
// sends every module Node loads (puppeteer's, vega's, ours) through a loader thread: about 0.4 s and a
// CPU-second of every run, twice what `briefing check` needs without it.
//
// The compiled copy is keyed by what it was made from: the project's folder, the bytes of each source
// under src/, tsconfig.json, the compiler's version and this file. An edited source makes a new key,
// and the first run after it compiles again (about a second; npm install, `npm run briefings` and
// `npm test` do it beforehand). Copies live in node_modules/.cache, never in git; one unused for a
// week, or beyond the ten last used, goes when a new one is made (never one used in the last day).
// Where none can be made (a read-only install, an unexpected compiler failure) the CLI runs from the
// sources through tsx, as before: the same program, started more slowly. A source that does not
// compile is said as the compiler says it (SourceError).
//
// Stack traces of internal errors name the compiled files; NODE_OPTIONS=--enable-source-maps makes
// them name the sources (not on by default: it makes Node read every package's source maps too).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setInterval } from 'node:timers';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Real paths: a node_modules shared by link between checkouts holds one copy per checkout, each reading its own files.
const ROOT = realpathSync(fileURLToPath(new URL('../', import.meta.url)));
const SOURCES = join(ROOT, 'src');
const CACHE = join(ROOT, 'node_modules', '.cache', 'canvas-briefing', 'cli');
const ENTRY = 'main.js';
/** A copy not started from for this long goes when a new one is made, and no more than KEEP_COPIES stay. */
const KEEP_MS = 7 * 24 * 3600_000;
const KEEP_COPIES = 10;
const DAY_MS = 24 * 3600_000;

/** How the sources are compiled (`sources`: their bytes as the key was made from them); this file is part of the key. */
function options(outdir, sources) {
  return {
    entryPoints: { main: join(SOURCES, 'cli', 'main.ts') },
    absWorkingDir: ROOT, // errors name files relative to the project
    bundle: true,
    // Each stage's libraries stay lazy: `check` loads no browser, chart or template library.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages load from node_modules as they do from the sources.
    packages: 'external',
    outdir,
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [keepModuleUrls(sources)],
  };
}

/**
 * Inside a bundle every module's import.meta.url would be the bundle's. The sources find files next to themselves
 * (the package root, the preview's client files, the browser locations) and resolve packages from there: each
 * keeps its own file's URL. (eslint.config.js refuses import.meta.dirname and .filename in src/, which would not be kept.)
 */
const keepModuleUrls = (sources) => ({
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (!args.path.startsWith(SOURCES + sep)) return undefined;
      // The bytes the key was made from, not the file as it is by now: one saved while this compiles is another key's.
      const contents = (sources.get(args.path) ?? readFileSync(args.path)).toString('utf8').replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
});

/** Source files: what the compiler reads. Dot files (an editor's swap and lock files) and other files are not. */
const SOURCE_FILE = /\.(?:[cm]?[jt]s|json)$/;

/**
 * The key of the sources as they are now, by content (about 10 ms): no edit goes unseen, however its file's time
 * was set. With it, the bytes it was made from, path by path.
 */
function sourceKey() {
  const sources = new Map();
  const hash = createHash('sha256');
  const esbuild = createRequire(import.meta.url).resolve('esbuild/package.json');
  hash.update(`${ROOT}\0${JSON.parse(readFileSync(esbuild, 'utf8')).version}\0`);
  const files = readdirSync(SOURCES, { recursive: true }).map(String).filter((f) => SOURCE_FILE.test(f) && !f.split(sep).some((part) => part.startsWith('.')));
  for (const file of [...files.map((f) => join(SOURCES, f)), join(ROOT, 'tsconfig.json'), fileURLToPath(import.meta.url)].sort()) {
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      continue; // a folder named like a file, a link to nothing
    }
    hash.update(`${relative(ROOT, file)}\0${bytes.length}\0`).update(bytes);
    sources.set(file, bytes);
  }
  return { key: hash.digest('hex').slice(0, 16), sources };
}

/**
 * The URL of the compiled CLI's entry for the sources as they are, compiling them first when no copy matches;
 * undefined when there is none (the caller runs the sources through tsx). Throws a SourceError when the sources
 * do not compile.
 */
export async function compiledCli() {
  let key;
  let sources;
  try {
    ({ key, sources } = sourceKey());
    const dir = join(CACHE, key);
    statSync(join(dir, ENTRY));
    markUsed(dir);
    return pathToFileURL(join(dir, ENTRY)).href;
  } catch {
    if (key === undefined) return undefined;
  }
  try {
    return await compileTo(key, sources);
  } catch (error) {
    // A source that does not compile is the contributor's to fix, and said as the compiler says it; tsx would
    // fail on it too, later, as an internal error blamed on the canvas being built.
    if (Array.isArray(error?.errors) && error.errors.length > 0) throw new SourceError(error.errors);
    return undefined;
  }
}

/** The sources do not compile: each error at its file, line and column. */
export class SourceError extends Error {
  constructor(errors) {
    const where = (e) => (e.location ? `${relative(process.cwd(), join(ROOT, e.location.file))}:${e.location.line}:${e.location.column + 1}: ` : '');
    super(`the sources of canvas-briefing do not compile (an edit under src/?):\n${errors.map((e) => `${where(e)}${e.text}`).join('\n')}`);
    this.name = 'SourceError';
  }
}

/** Compiles into a private folder, then renames it into place: a run beside it sees a whole copy or none. */
async function compileTo(key, sources) {
  const dir = join(CACHE, key);
  mkdirSync(CACHE, { recursive: true });
  // Made first: where nothing can be written, nothing is compiled for nothing.
  const temp = mkdtempSync(`${dir}.partial-`);
  try {
    const esbuild = await import('esbuild');
    let result;
    try {
      result = await esbuild.build({ ...options(dir, sources), write: false });
    } finally {
      // Its service process would otherwise live as long as a `watch` or `worker` does.
      await esbuild.stop?.();
    }
    // ES modules whatever Node version: the package scope ends at node_modules/.
    writeFileSync(join(temp, 'package.json'), '{ "type": "module" }\n');
    for (const file of result.outputFiles) {
      const target = join(temp, relative(dir, file.path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
    try {
      renameSync(temp, dir);
    } catch (error) {
      // Another run made the same copy first: use it.
      if (!existsSync(join(dir, ENTRY))) throw error;
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  removeOldCopies(key);
  return pathToFileURL(join(dir, ENTRY)).href;
}

/** A copy's time is when a run last started from it: the ones in use are not removed. */
function markUsed(dir) {
  try {
    const now = new Date();
    utimesSync(dir, now, now);
  } catch {
    // A read-only cache: nothing is removed from it either.
  }
}

/**
 * Removes copies unused for KEEP_MS, and beyond KEEP_COPIES the least recently used, but never one used in the last
 * day (a `watch` or `worker` running from it marks it every hour: keepUsing). A folder left by a compile that
 * was stopped goes once a day old.
 */
function removeOldCopies(current) {
  const copies = [];
  for (const name of readdirSync(CACHE)) {
    if (name === current) continue;
    try {
      const entry = { path: join(CACHE, name), used: statSync(join(CACHE, name)).mtimeMs };
      if (/^[0-9a-f]{16}$/.test(name)) copies.push(entry);
      else if (Date.now() - entry.used > DAY_MS) rmSync(entry.path, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
  copies.sort((a, b) => b.used - a.used);
  copies.forEach((copy, i) => {
    const age = Date.now() - copy.used;
    if (age > DAY_MS && (i >= KEEP_COPIES - 1 || age > KEEP_MS)) rmSync(copy.path, { recursive: true, force: true });
  });
}

/** Keeps the copy `url` is in marked as used while this process runs: a long-running command loads its parts as it needs them. */
export function keepUsing(url) {
  setInterval(() => markUsed(dirname(fileURLToPath(url))), 3600_000).unref();
}

/** A copy that could not be loaded (damaged on disk): removed, so that the next run compiles it again. */
export function discard(url) {
  rmSync(dirname(fileURLToPath(url)), { recursive: true, force: true });
}

// `node bin/compiled-cli.js`: compile now (npm install runs it), quietly; the CLI works without it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await compiledCli().catch(() => undefined);
