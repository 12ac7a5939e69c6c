/**
 * What a briefing is made from, as hashes: the tool (its version, the code that draws a briefing, the
 * templates and styles it is drawn with, the libraries and fonts, the browser that prints it), the
 * options that change its bytes, and its model (the parts of the canvas it shows, already resolved).
 * Equal hashes mean an equal PDF, which is what lets a build skip a briefing (see plan-build.ts) and
 * what the edition stamp on every page names. The model alone is the briefing's content: what `send`
 * asks "was this sent already?" about, so that a new tool version is not news to the recipients.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type { PageSize } from '../config.ts';
import type { BriefingModel } from '../model/briefing-model.ts';
import { PACKAGE_ROOT } from '../files.ts';
import { themeMaterialFiles } from '../theme-material.ts';
import { sha256 } from '../hash.ts';

const require = createRequire(import.meta.url);

/** The tool's folders a briefing is drawn from, besides its code: watch mode watches them. */
export const TOOL_INPUT_FOLDERS = ['templates', 'styles'].map((folder) => join(PACKAGE_ROOT, folder));

/** The files of those folders that the PDF renderer reads (render/render-html.ts): the e-mail's own do not change a PDF. */
export function isPdfToolFile(path: string): boolean {
  const rel = relative(PACKAGE_ROOT, path).split(/[\\/]/).join('/');
  return rel === 'templates/briefing.hbs' || rel === 'styles/briefing.css' || /^templates\/partials\/[^./][^/]*\.hbs$/.test(rel);
}

function pdfToolFiles(): string[] {
  const partials = join(PACKAGE_ROOT, 'templates', 'partials');
  return [
    join(PACKAGE_ROOT, 'templates', 'briefing.hbs'),
    ...readdirSync(partials).sort().map((f) => join(partials, f)),
    join(PACKAGE_ROOT, 'styles', 'briefing.css'),
  ].filter(isPdfToolFile);
}

/** The parts of src/ that shape a PDF: an edit elsewhere (the command line, sending, the preview) changes no briefing. */
const DRAWING_CODE = ['src/canvas', 'src/model', 'src/charts', 'src/render', 'src/print', 'src/fonts.ts'];

/** Libraries whose version changes what a PDF looks like. */
const DRAWING_LIBRARIES = ['vega', 'vega-lite', 'handlebars', 'pdf-lib', 'puppeteer-core', '@napi-rs/canvas', '@fontsource/inter', '@fontsource/noto-sans-sc', '@fontsource/noto-sans-tc', '@fontsource/noto-sans-jp', '@fontsource/noto-sans-kr', '@fontsource/noto-sans-devanagari'];

let codeHash: string | undefined;
let checkCode: string | undefined;

/** The parts of src/ that decide what check finds in a canvas, and what --since warns of: what the manifest keeps of them holds while these do. */
const CHECKING_CODE = ['src/load', 'src/validate', 'src/canvas', 'src/compare', 'src/model'];

/**
 * The tool's version and the code that reads and checks a canvas (CHECKING_CODE): the findings a build kept for a
 * canvas (manifest CanvasRecord.findings) are said again only while it is the same. Computed once per process.
 */
export function checkHash(): string {
  if (checkCode !== undefined) return checkCode;
  const hash = createHash('sha256');
  hash.update(`canvas-briefing check@${(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version}`);
  for (const part of CHECKING_CODE) hashFiles(hash, join(PACKAGE_ROOT, part));
  return (checkCode = hash.digest('hex'));
}

/**
 * The tool's version, its drawing code and the libraries it draws with. Computed once per process on
 * purpose: it describes the code this process runs, which an edit of src/ does not change until a restart.
 */
function toolCode(): string {
  if (codeHash !== undefined) return codeHash;
  const hash = createHash('sha256');
  hash.update(`canvas-briefing@${(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version}`);
  for (const part of DRAWING_CODE) hashFiles(hash, join(PACKAGE_ROOT, part));
  for (const name of DRAWING_LIBRARIES) hash.update(`\0${name}@${versionOf(name)}`);
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

/** A file, or every file under a folder (dotfiles such as an editor's swap files aside), names and contents in a fixed order. */
function hashFiles(hash: ReturnType<typeof createHash>, path: string): void {
  if (statSync(path).isFile()) {
    hash.update(`\0${relative(PACKAGE_ROOT, path).split(sep).join('/')}\0`).update(readFileSync(path)); // "/" on every system, as in hashThemeFiles
    return;
  }
  for (const entry of readdirSync(path).filter((n) => !n.startsWith('.')).sort()) hashFiles(hash, join(path, entry));
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

/**
 * The tool as it draws a briefing, alone: its code, libraries, templates and styles (the context without
 * browser, page size or theme). Two machines with the same one make the same briefing from the same
 * canvas: a queue's worker compares it with its submitter's before anything else.
 */
export function toolHash(): string {
  const hash = createHash('sha256');
  hash.update(`canvas-briefing tool 1\0${toolCode()}`);
  for (const file of pdfToolFiles()) hashFiles(hash, file);
  return hash.digest('hex');
}

/** What every briefing of one build run is made with, besides its own model, its theme and its page size. */
export interface BuildContext {
  /** browserIdentity() of the browser that will print. */
  browser: string;
}

/**
 * The hash of everything but the model, the theme (withTheme) and the page size (withPageSize): the tool (toolCode),
 * the templates and styles the PDF is drawn with as they are now (read afresh on every call: a watch mode's next run
 * sees their edits) and the browser.
 */
export function contextHash(context: BuildContext): string {
  const hash = createHash('sha256');
  hash.update(`canvas-briefing inputs 3\0${toolCode()}\0${context.browser}`);
  for (const file of pdfToolFiles()) hashFiles(hash, file);
  return hash.digest('hex');
}

/**
 * A briefing's context with the page size it prints on: the one given (--page-size), or its language's
 * (config.ts languagePageSize). The size itself, not how it was chosen: `--page-size letter` for an en-US canvas is
 * the PDF its default makes, and the same edition.
 */
export function withPageSize(context: string, pageSize: PageSize): string {
  return sha256(`${context}\0page\0${pageSize}`);
}

/**
 * The context with the edition a briefing revises (the send journal's: one of its period sent before with other figures or
 * words), which its cover and data notes name: a briefing becomes another edition, printed again, when it becomes a
 * revision or revises another one, though not a word of its canvas changed. Without one, the context as it is (a first
 * edition keeps the edition it always had). With the hash of the canvas the edition revised was made from, where the
 * journal kept it: what the data notes list as corrected is read from it.
 */
export function withRevision(context: string, revises: { edition: string; content: string; at: string; canvas?: string } | undefined): string {
  return revises === undefined ? context : sha256(`${context}\0revises\0${revises.edition}\0${revises.content}\0${revises.at}${revises.canvas === undefined ? '' : `\0${revises.canvas}`}`);
}

/**
 * The run's context with the files a theme folder is made of (names and contents, read afresh; isThemeMaterial): a
 * briefing built with a theme is rebuilt when a file of the theme changes. Without a theme, the context as it is.
 */
export function withTheme(context: string, themeDir: string | undefined): string {
  if (themeDir === undefined) return context;
  const hash = createHash('sha256');
  hash.update(`${context}\0theme\0`);
  try {
    hashThemeFiles(hash, themeDir);
  } catch {
    hash.update('unreadable'); // a theme folder gone or unreadable: never up to date; loading it says why
  }
  return hash.digest('hex');
}

/** The files theme folder `root` is made of (themeMaterialFiles), each with its path: not the canvases, notes or output beside them. */
function hashThemeFiles(hash: ReturnType<typeof createHash>, root: string): void {
  // Names with "/" on every system: a theme hashed on Windows is the same theme on a Linux worker.
  for (const { rel, path } of themeMaterialFiles(root)) hash.update(`\0${rel}\0`).update(readFileSync(path));
}

/**
 * The hash of a briefing's content, its figures and words: its model, but for its names (output and route) and what
 * file_name says of them (whether the name carries the period, and the date it is made with), which no page shows:
 * `file_name: "{stem}-{period}"` added to a canvas is the same briefing, the same edition, not news to those who were
 * sent it. namedByPeriod is hashed as false, where it always was, so that the hashes (and editions, and the send
 * journal's records) of briefings named without file_name stay as they were. Nor the notation a theme prints negative
 * figures in (negative_numbers: parentheses): the model as printed without it (minusNotation) is hashed, so that a
 * theme's looks, like a new tool version's, are not a correction to send again; nor the figure register's layout
 * (registerAsBefore).
 */
export function contentHash(model: BriefingModel): string {
  return shownHash(registerAsBefore({ ...(model.minusNotation ?? model), namedByPeriod: false, namedByDate: undefined }));
}

/**
 * The content hashes earlier versions computed for this briefing, other than contentHash's, which the send journal may
 * still hold: with namedByPeriod and namedByDate as the model has them (before file_name's effect was left out), and
 * with negative figures in the theme's notation (before it was left out); each also with its notes on acknowledged
 * findings as earlier versions worded them (NOTES_BEFORE). None for a briefing named without file_name, printed without
 * parentheses, and with no note worded otherwise before.
 */
function contentHashesBefore(model: BriefingModel): string[] {
  const now = contentHash(model);
  const raw = [model, { ...model, namedByPeriod: false, namedByDate: undefined }];
  // Each as an earlier version hashed it, and with the register as laid out before (registerAsBefore).
  const named = [...raw, ...raw.map((m) => registerAsBefore(m))];
  const own = registerAsBefore({ ...(model.minusNotation ?? model), namedByPeriod: false, namedByDate: undefined });
  // Each of those, and contentHash's own, without the small type that tells register rows apart.
  const unmarked = [...named, own].map((m) => registerAsBefore(m, false));
  // Each of all those with the notes worded as earlier versions worded them (NOTES_BEFORE).
  const reworded = [...named, own, ...unmarked].flatMap((m) => {
    const worded = inEarlierWords(m);
    return worded === undefined ? [] : [worded];
  });
  return [...new Set([...named, ...unmarked, ...reworded].map(shownHash))].filter((h) => h !== now);
}

/**
 * The notes on acknowledged findings (appendix.notes) as earlier versions worded them: each note's start now, and before.
 * A briefing whose note a new version words more exactly has the same figures and words for the reader who was sent it.
 */
const NOTES_BEFORE: Array<{ now: string; before: string }> = [
  // Before period-mismatch at a chart's or table's title or caption was said to be one too.
  { now: 'A figure is for another period than the sentence around it, or its chart\'s or table\'s title or caption, names', before: 'A figure is for another period than the sentence around it names' },
];

/** `model` with its notes worded as before (NOTES_BEFORE); undefined where none of its notes was worded otherwise. */
function inEarlierWords<M extends Pick<BriefingModel, 'appendix'>>(model: M): M | undefined {
  const earlier = (note: string) => {
    const change = NOTES_BEFORE.find(({ now }) => note.startsWith(`${now} (`) || note.startsWith(`${now}: `));
    return change === undefined ? note : `${change.before}${note.slice(change.now.length)}`;
  };
  const notes = model.appendix.notes.map(earlier);
  return notes.every((n, i) => n === model.appendix.notes[i]) ? undefined : { ...model, appendix: { ...model.appendix, notes } };
}

/**
 * `model` with its figure register laid out as versions before it listed a few repeated sources once (model/tables.ts
 * buildRegister): each source written out in its rows, each cell wrapping as its column does, and without the small
 * type that tells rows of one label and period apart unless `asides`. Its layout is a new version's looks, as a theme's
 * notation is, not a correction to send again: contentHash hashes the register so, and the send journal finds a
 * briefing printed before the same. The small type is new words: contentHashesBefore alone leaves it out too.
 */
function registerAsBefore<M extends Pick<BriefingModel, 'appendix'>>(model: M, asides = true): M {
  const { sources, ...register } = model.appendix.register;
  const titles = new Map((sources ?? []).map((s) => [s.mark, s.title]));
  const source = register.columns.findIndex((c) => c.label === 'Source');
  const rows = register.rows.map((row) => row.map((cell, ci) => {
    const title = ci === source && cell.text.length === 1 ? titles.get(cell.text[0]!.text) : undefined;
    const text = title === undefined ? cell.text.filter((p) => asides || !p.aside) : [{ text: title, figure: false }];
    return { ...cell, text, nowrap: register.columns[ci]?.nowrap };
  }));
  return { ...model, appendix: { ...model.appendix, register: { ...register, rows } } };
}

/**
 * What the send journal knows a briefing by besides its name: the route the config sends it by (the canvas's stem, plus
 * --<set>, whatever file_name names its PDF), its content, that content's hashes before (contentHashesBefore) and its
 * period. Which edition a briefing revises (Journal.revisedBy) is asked by these; the manifest keeps them with each
 * briefing (ManifestEntry), so that a build that finds a canvas unchanged, and does not read it, asks as a build that
 * reads it does: one that asked by its name alone found no edition sent under the name it had before file_name, and one
 * without the hashes before took an edition an earlier version sent of the same figures for another.
 */
export function journalKey(model: BriefingModel): { route: string; content: string; contentBefore: string[]; period: string } {
  return { route: model.routeName, content: contentHash(model), contentBefore: contentHashesBefore(model), period: model.cover.period };
}

/** The hash of a model but for its names (output and route), which no page shows, and its minusNotation twin: contentHash's, and contentHashesBefore's. */
function shownHash(model: BriefingModel | NonNullable<BriefingModel['minusNotation']>): string {
  const { name: _name, routeName: _routeName, minusNotation: _minusNotation, ...shown } = model as BriefingModel;
  return sha256(`canvas-briefing content 1\0${JSON.stringify(shown)}`);
}

/** The hash of one briefing's inputs: the run's context and the briefing's content (contentHash; so the same canvas under another file name is the same edition). */
export function inputsHash(context: string, content: string): string {
  return sha256(`${context}\0${content}`);
}

/** The edition stamp printed on a briefing's pages and in its metadata: the first 8 hex digits of its inputs' hash. */
export function editionOf(inputs: string): string {
  return inputs.slice(0, 8);
}
