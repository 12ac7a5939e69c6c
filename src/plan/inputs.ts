/**
 * What a briefing is made from, as hashes: the tool (its code, templates, styles, the libraries and
 * fonts that draw it, the browser that prints it), the options that change its bytes, and its model
 * (the parts of the canvas it shows, already resolved). Equal hashes mean an equal PDF, which is what
 * lets a build skip a briefing (see plan-build.ts) and what the edition stamp on every page names.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageSize } from '../config.ts';
import type { BriefingModel } from '../model/briefing-model.ts';
import { sha256 } from '../hash.ts';

const require = createRequire(import.meta.url);
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The tool's folders a briefing is drawn from, besides its code: an edit there changes every briefing. */
export const TOOL_INPUT_FOLDERS = ['templates', 'styles'].map((folder) => join(PACKAGE_ROOT, folder));

/** Libraries whose version changes what a PDF looks like. */
const DRAWING_LIBRARIES = ['vega', 'vega-lite', 'handlebars', 'pdf-lib', 'puppeteer-core', '@napi-rs/canvas', '@fontsource/inter', '@fontsource/noto-sans-sc'];

let codeHash: string | undefined;

/**
 * The tool's own code and the libraries it draws with. Computed once per process on purpose: it
 * describes the code this process runs, which an edit of src/ does not change until a restart.
 */
function toolCode(): string {
  if (codeHash !== undefined) return codeHash;
  const hash = createHash('sha256');
  hash.update(readFileSync(join(PACKAGE_ROOT, 'package.json')));
  hashTree(hash, join(PACKAGE_ROOT, 'src'));
  for (const name of DRAWING_LIBRARIES) {
    hash.update(`\0${name}@${versionOf(name)}`);
  }
  return (codeHash = hash.digest('hex'));
}

/** The installed version of a package, from its package.json where Node would find the package (not every package exports that file). */
function versionOf(name: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    const manifest = join(dir, name, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown';
  }
  return 'not installed';
}

/** Every file under `dir`, names and contents, in a fixed order. */
function hashTree(hash: ReturnType<typeof createHash>, dir: string, prefix = ''): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, path, `${prefix}${entry.name}/`);
    else if (entry.isFile()) hash.update(`\0${prefix}${entry.name}\0`).update(readFileSync(path));
  }
}

/** What identifies a browser build without starting it: its real path, size and modification time. */
export function browserIdentity(executable: string | undefined): string {
  if (executable === undefined) return 'no browser';
  try {
    const real = realpathSync(executable);
    const info = statSync(real);
    return `${real}:${info.size}:${Math.round(info.mtimeMs)}`;
  } catch {
    return `${executable}: unreadable`;
  }
}

/** What every briefing of one build run is made with, besides its own model. */
export interface BuildContext {
  pageSize: PageSize;
  /** browserIdentity() of the browser that will print. */
  browser: string;
}

/**
 * The hash of everything but the model: the tool's code, templates/ and styles/ as they are now
 * (read afresh on every call: a watch mode's next run sees their edits), the browser and the page size.
 */
export function contextHash(context: BuildContext): string {
  const hash = createHash('sha256');
  hash.update(`canvas-briefing inputs 1\0${toolCode()}\0${context.browser}\0${context.pageSize}`);
  for (const folder of TOOL_INPUT_FOLDERS) hashTree(hash, folder, `${basename(folder)}/`);
  return hash.digest('hex');
}

/**
 * The hash of one briefing's inputs: the run's context and the briefing's model. Not its output
 * name, which no page shows: the same canvas under another file name is the same edition.
 */
export function inputsHash(context: string, model: BriefingModel): string {
  const { name: _name, ...shown } = model;
  return sha256(`${context}\0${JSON.stringify(shown)}`);
}

/** The edition stamp printed on a briefing's pages and in its metadata: the first 8 hex digits of its inputs' hash. */
export function editionOf(inputs: string): string {
  return inputs.slice(0, 8);
}
