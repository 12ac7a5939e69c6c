// The CLI compiled to plain JavaScript, so that `briefing` starts without the TypeScript loader. tsx
// sends every module Node loads (puppeteer's, vega's, ours) through a loader thread: about 0.4 s and a
// CPU-second of every run, twice what `briefing check` needs without it.
//
// The compiled copy is keyed by the sources it was made from (each file under src/, byte for byte, and
// the compiler's settings): an edited source makes a new key, and the first
// run after it compiles again (about a second; npm install, `npm run briefings` and `npm test` do it
// beforehand). It lives in node_modules/.cache, never in git. When it cannot be made (a read-only
// install, an unexpected compiler failure) the CLI runs from the sources through tsx, as before: the
// same program, started more slowly.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCES = join(ROOT, 'src');
const CACHE = join(ROOT, 'node_modules', '.cache', 'canvas-briefing', 'cli');
const ENTRY = 'main.js';
/** Copies older than this, and not current, are removed when a new one is made: a long-running `watch` or `worker` started from one still loads its parts lazily. */
const KEEP_MS = 24 * 3600_000;

/** How the sources are compiled; part of the key, so a change here compiles again. */
function options(outdir) {
  return {
    entryPoints: { main: join(SOURCES, 'cli', 'main.ts') },
    bundle: true,
    // Each stage's libraries stay lazy: `check` loads no browser, chart or template library.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages load from node_modules as they do from the sources.
    packages: 'external',
    outdir,
    // Errors name files relative to the project.
    absWorkingDir: ROOT,
    // An internal error's stack names the source lines (bin/briefing.js turns source maps on).
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [keepModuleUrls(outdir)],
  };
}

/**
 * Inside a bundle every module's import.meta.url is the bundle's. The sources find files next to themselves
 * (the package root, the preview's client files, the browser locations) and resolve packages from there: each
 * source's import.meta.url is rewritten to its own file's URL, relative to the bundle, so a moved project still works.
 */
function keepModuleUrls(outdir) {
  return {
    name: 'keep-module-urls',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
        if (!args.path.startsWith(SOURCES + sep)) return undefined;
        const own = relative(outdir, args.path).split(sep).join('/');
        const contents = readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(own)}, import.meta.url).href`);
        return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
      });
    },
  };
}

/**
 * The key of the sources as they are now: every file under src/ (its path and bytes), and this file. By content,
 * not by time: about 10 ms, and no edit goes unseen however its file's time was set (a copy, a checkout, a tool
 * that keeps times).
 */
function sourceKey() {
  const hash = createHash('sha256');
  for (const file of [...readdirSync(SOURCES, { recursive: true }).map((f) => join(SOURCES, String(f))), fileURLToPath(import.meta.url)].sort()) {
    if (!statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    hash.update(`${relative(ROOT, file)}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The URL of the compiled CLI's entry for the sources as they are, compiling them first when no copy matches
 * (and `compile` allows it); undefined when there is none (the caller runs the sources through tsx).
 */
export async function compiledCli({ compile = true } = {}) {
  let key;
  try {
    key = sourceKey();
    const dir = join(CACHE, key);
    statSync(join(dir, ENTRY));
    return pathToFileURL(join(dir, ENTRY)).href;
  } catch {
    if (!compile || key === undefined) return undefined;
  }
  try {
    return await compileTo(key);
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
    super(
      `the sources of canvas-briefing do not compile (an edit under src/?):\n${errors.map((e) => `${where(e)}${e.text}`).join('\n')}`,
    );
    this.name = 'SourceError';
  }
}

/** Compiles into a private folder, then renames it into place: a run beside it sees a whole copy or none. */
async function compileTo(key) {
  const { build } = await import('esbuild');
  const dir = join(CACHE, key);
  const temp = `${dir}.${process.pid}.partial`;
  mkdirSync(CACHE, { recursive: true });
  try {
    // The bundle refers to sources by paths relative to where it ends up, so it is made for `dir`, written to `temp`.
    const result = await build({ ...options(dir), write: false });
    for (const file of result.outputFiles) {
      const target = join(temp, relative(dir, file.path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
    try {
      renameSync(temp, dir);
    } catch (error) {
      // Another run made the same copy first: use it.
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code)) throw error;
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  removeOldCopies(key);
  return pathToFileURL(join(dir, ENTRY)).href;
}

function removeOldCopies(current) {
  for (const name of readdirSync(CACHE)) {
    if (name === current) continue;
    const path = join(CACHE, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

// `node bin/compiled-cli.js`: compile now (npm install runs it), quietly; the CLI works without it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await compiledCli().catch(() => undefined);
