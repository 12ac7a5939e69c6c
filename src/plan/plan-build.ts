/**
 * plan/: which briefings a build must print and which are up to date, from the manifest of the last
 * builds (manifest.ts) and the hashes of what each briefing is made from (inputs.ts); and which
 * recorded briefings no longer exist, so their files can go.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { shortCommit } from '../commits.ts';
import { sha256 } from '../hash.ts';
import { briefingOf } from '../words.ts';
import type { Manifest, ManifestEntry } from './manifest.ts';

export { MANIFEST_FILE, readManifest, serialiseManifest } from './manifest.ts';
export type { CanvasRecord, Manifest, ManifestEntry } from './manifest.ts';
export { browserIdentity, checkHash, contentHash, contextHash, editionOf, inputsHash, journalKey, toolHash, withPageSize, withRevision, withTheme, isPdfToolFile, TOOL_INPUT_FOLDERS, type BuildContext } from './inputs.ts';

/** How the manifest names a canvas: its path relative to the output folder, with "/" separators. */
export function canvasKey(outDir: string, file: string): string {
  return relative(resolve(outDir), resolve(file)).split(sep).join('/');
}

/** The canvas a manifest key names, as an absolute path. */
export function canvasOfKey(outDir: string, key: string): string {
  return resolve(outDir, key);
}

/**
 * Another canvas that an earlier build wrote the briefing `name` from, when that canvas is still there
 * and so is the PDF: as "data/base.yaml (commerce)". A build of canvas `key` writing the same name would
 * silently replace that canvas's briefing (base.yaml's set "commerce" and a canvas base--commerce.yaml,
 * built in separate runs). A writer whose canvas is gone (renamed, moved) is not in the way, nor one that wrote it from
 * the same bytes (`sha`: this canvas's, as the manifest records it).
 */
export function earlierWriter(manifest: Manifest, outDir: string, name: string, key: string, sha?: string): string | undefined {
  const lower = name.toLowerCase();
  const [recorded, entry] = Object.entries(manifest.briefings).find(([n]) => n.toLowerCase() === lower) ?? [];
  if (recorded === undefined || entry === undefined || entry.canvas === key) return undefined;
  // Written from the same bytes as this canvas's: a copy of the canvas (its folder moved, copied or checked out elsewhere)
  // makes the same briefing, and taking the name over loses nothing.
  if (sha !== undefined && entry.canvasSha256 === sha) return undefined;
  const canvas = canvasOfKey(outDir, entry.canvas);
  if (!existsSync(canvas) || !existsSync(join(outDir, `${recorded}.pdf`))) return undefined;
  const shown = relative(process.cwd(), canvas);
  return briefingOf(shown.startsWith('..') ? canvas : shown, entry.set, manifest.canvases[entry.canvas]?.sets);
}

/** A --since as a briefing was built with it: as given, and what it named then (ManifestEntry.sinceAt). */
export interface KeptSince {
  since: string;
  at?: string;
  /** SHA-256 of the bytes it read there (ManifestEntry.sinceSha256); absent in older manifests. */
  sha256?: string;
}

/**
 * The --since the briefings of canvas `key` were last built with (of block set `set`, when given), if they were
 * all built with the same one: what `send` and `watch` build with when no --since is given, so that what goes out
 * is the briefing last built. Only the briefings of the canvas's last build count (an earlier period's, kept as an
 * archive, or a set built apart before it, was read from other bytes). None when they were built without it or with
 * different ones: then nothing is kept, and the build says which chapter goes.
 */
export function builtSince(manifest: Manifest, key: string, set?: string): KeptSince | undefined {
  const last = manifest.canvases[key]?.sha256;
  const entries = Object.values(manifest.briefings).filter((e) => e.canvas === key && e.canvasSha256 === last && (set === undefined || e.set === set));
  const first = entries[0];
  if (first?.since === undefined || entries.some((e) => e.since !== first.since || e.sinceAt !== first.sinceAt)) return undefined;
  return { since: first.since, ...(first.sinceAt === undefined ? {} : { at: first.sinceAt }), ...(first.sinceSha256 === undefined ? {} : { sha256: first.sinceSha256 }) };
}

/** The files a briefing's build writes: its PDF, and its HTML with --html. */
function outputFiles(name: string, html: boolean): string[] {
  return html ? [`${name}.pdf`, `${name}.html`] : [`${name}.pdf`];
}

/**
 * Whether the files recorded for `entry` are all still there with the bytes written, and include
 * what this build asks for: a PDF deleted or edited by hand, or an HTML copy never written, is not.
 */
export async function filesIntact(outDir: string, name: string, entry: ManifestEntry, html: boolean): Promise<boolean> {
  if (outputFiles(name, html).some((f) => entry.files[f] === undefined)) return false;
  for (const [file, hash] of Object.entries(entry.files)) {
    const bytes = await readFile(join(outDir, file)).catch(() => undefined);
    if (bytes === undefined || sha256(bytes) !== hash) return false;
  }
  return true;
}

/** An up-to-date briefing, as found in the manifest. */
export interface CurrentEntry {
  name: string;
  entry: ManifestEntry;
}

/**
 * The fast path, for a canvas whose bytes are those last read: when every briefing wanted of it (all
 * its block sets, or `set`) was built in the same context and its files are intact, those entries;
 * otherwise undefined, and the canvas is read and each briefing compared by its inputs.
 */
export async function unchangedCanvas(
  manifest: Manifest,
  outDir: string,
  canvas: { key: string; sha256: string },
  /** `context`: what each recorded briefing (by its name) of it would be made from now but its model (its page size, and the edition it revises, are its own). */
  want: { context: (entry: ManifestEntry, name: string) => string | Promise<string>; set?: string; html: boolean; checkedWith: string },
): Promise<CurrentEntry[] | undefined> {
  const record = manifest.canvases[canvas.key];
  // Checked by other code than this (or by a version that kept no findings): read again, so that what is said of it is this code's.
  if (record === undefined || record.sha256 !== canvas.sha256 || record.checkedWith !== want.checkedWith) return undefined;
  const sets = want.set === undefined ? record.sets : record.sets.filter((s) => s === want.set);
  if (sets.length === 0) return undefined; // the canvas lacks the set: reading it says so properly
  const found: CurrentEntry[] = [];
  for (const set of sets) {
    const hit = Object.entries(manifest.briefings).find(([, e]) => e.canvas === canvas.key && e.set === set);
    if (hit === undefined || hit[1].canvasSha256 !== canvas.sha256 || hit[1].context !== (await want.context(hit[1], hit[0])) || !(await filesIntact(outDir, hit[0], hit[1], want.html))) return undefined;
    found.push({ name: hit[0], entry: hit[1] });
  }
  return found;
}

/** Whether a briefing needs no new print: its inputs are those recorded and its files intact. */
export async function briefingCurrent(manifest: Manifest, outDir: string, name: string, want: { canvas: string; inputs: string; html: boolean }): Promise<CurrentEntry | undefined> {
  const entry = manifest.briefings[name];
  if (entry === undefined || entry.canvas !== want.canvas || entry.inputs !== want.inputs) return undefined;
  return (await filesIntact(outDir, name, entry, want.html)) ? { name, entry } : undefined;
}

/**
 * Why a briefing that briefingCurrent did not find up to date is printed, as --verbose says it: what differs from the
 * manifest's entry for it (`want`: what this build makes it from, `context` the hash of all but the canvas; `canvasBytes`
 * the SHA-256 of the canvas file alone, and `since` what its "Changes since" chapter compares with, where known).
 */
export function printReason(entry: ManifestEntry | undefined, want: { canvas: string; canvasSha256?: string; canvasBytes?: string; since?: { since: string; at?: string }; content: string; context: string; force: boolean; revises?: string }): string {
  if (want.force) return '--force';
  if (entry === undefined) return 'not built into this folder before';
  if (entry.canvas !== want.canvas) return 'written from another canvas before';
  const context = 'the tool, its templates and styles, the theme, the browser or the page size changed';
  if (entry.content !== want.content) {
    // The canvas file as it was: the tool, or the theme (its settings are in the model: negative_numbers), now makes other
    // figures or text of it (a new version, an edited source, an edited theme.yaml).
    if (entry.canvasSha256 !== want.canvasSha256) return chapterMoved(entry, want) ?? 'its figures or text changed';
    return entry.context === want.context ? 'the tool now makes other text or figures of the same canvas' : context;
  }
  if (entry.revises !== want.revises) {
    return want.revises === undefined ? 'the send journal no longer records an edition of its period it revises' : `edition ${want.revises} of its period went out with other figures or words: it is printed as the revised edition that replaces it`;
  }
  if (entry.context !== want.context) return context;
  return 'its files in the output folder were changed or removed, or an HTML copy is asked for';
}

/**
 * Why a briefing whose canvas file is as it was is printed again, where only its "Changes since" chapter differs from the
 * last build's (a chapter added with --since, left out, or its starting point moved: the canvas's recorded hash covers the
 * version compared with too): not "its figures or text changed", which sends a reader looking for an edit that is not
 * there. Undefined where the canvas itself changed, or the manifest cannot tell (one written before it kept sinceSha256).
 */
function chapterMoved(entry: ManifestEntry, want: { canvasBytes?: string; since?: { since: string; at?: string } }): string | undefined {
  if (want.canvasBytes === undefined) return undefined;
  const asWas = entry.since === undefined ? entry.canvasSha256 === want.canvasBytes : entry.sinceSha256 !== undefined && entry.canvasSha256 === sha256(`${want.canvasBytes}\0since\0${entry.sinceSha256}`);
  if (!asWas) return undefined;
  const named = (s: { since: string; at?: string }) => (s.at === undefined || s.at === s.since ? shortCommit(s.since) : `${s.since} (${shortCommit(s.at)})`);
  const was = entry.since === undefined ? undefined : named({ since: entry.since, ...(entry.sinceAt === undefined ? {} : { at: entry.sinceAt }) });
  const chapter = want.since === undefined
    ? `its "Changes since" chapter is left out (it was built --since ${was})`
    : was === undefined
      ? `a "Changes since" chapter is added (--since ${named(want.since)})`
      : `its "Changes since" chapter compares with another version (--since ${named(want.since)}, where it compared with ${was})`;
  return `its canvas is as it was; ${chapter}`;
}

/**
 * The recorded briefings that no longer exist (`alive`: the lower-case names of every briefing the
 * canvases read this run have, built or not): of a canvas read in full this run (all its block sets
 * considered) that has no such briefing now, or of a canvas file that is gone. A canvas that failed to
 * load, or was built with --set, keeps its other briefings; so does every canvas this run did not read
 * and that still exists.
 */
export function vanishedBriefings(manifest: Manifest, run: { readInFull: Set<string>; alive: Set<string>; exists: (key: string) => boolean }): string[] {
  return Object.entries(manifest.briefings)
    .filter(([name, e]) => !run.alive.has(name.toLowerCase()) && (run.readInFull.has(e.canvas) || !run.exists(e.canvas)))
    .map(([name]) => name);
}

/** What becomes of a recorded briefing no longer built (vanishedBriefings); see fatesOfVanished. */
export type VanishedFate = 'archived' | 'later' | 'same-date' | 'renamed' | 'vanished';

/**
 * What becomes of each briefing no longer built, by what replaced it: the briefing this build made of the same canvas
 * and block set (its successor), and the as_of dates both were built with.
 * - archived: named after its period (briefing.file_name with {period} or {as_of}) and its successor is of a later
 *   as_of date, or it has none while its canvas is still there (the set was dropped): kept, as the archive its name promises.
 * - later: so named, but of a later as_of date than its successor (a draft of the next quarter, or the canvas taken
 *   back to an earlier one): kept, never called an earlier period's.
 * - renamed: its successor is of the same as_of date and the same period under another name (file_name changed, or the
 *   period's words added to, "Q3 2025" to "Q3 2025 preliminary"): removed, as the same briefing's old copy with figures
 *   no build updates.
 * - same-date: its successor is of the same as_of date but names another period ("Q1 2026" to "Q2 2026", as_of not yet
 *   rolled forward; or a typo corrected): kept, and said so, as it may be the last quarter's archive: a file removed
 *   cannot be had back, one kept can be deleted.
 * - vanished: not named after its period, or its canvas is gone: removed.
 * An entry of a manifest written before as_of dates were kept is matched to its successor by title (which names the
 * period) instead, and by the date its name was made with.
 */
export function fatesOfVanished(manifest: Manifest, vanished: string[], exists: (key: string) => boolean): Map<string, VanishedFate> {
  const fates = new Map<string, VanishedFate>();
  for (const name of vanished) {
    const entry = manifest.briefings[name]!;
    if (!entry.archive || !exists(entry.canvas)) {
      fates.set(name, 'vanished');
      continue;
    }
    const successors = Object.entries(manifest.briefings)
      .filter(([other, e]) => other !== name && !vanished.includes(other) && e.canvas === entry.canvas && e.set === entry.set)
      .map(([, e]) => e);
    const dated = successors.find((e) => e.asOf !== undefined);
    if (entry.asOf !== undefined && dated !== undefined) {
      fates.set(name, dated.asOf! > entry.asOf ? 'archived' : dated.asOf! < entry.asOf ? 'later' : samePeriod(entry, dated) ? 'renamed' : 'same-date');
      continue;
    }
    // Named by its date ({as_of}): the same period on another date is another edition, which the name promises to keep.
    const renamed = successors.some((e) => e.title === entry.title && (e.namedByDate === undefined || e.namedByDate === entry.namedByDate));
    fates.set(name, renamed ? 'renamed' : 'archived');
  }
  return fates;
}

/**
 * Whether two briefings of one as_of date are of the same period: the same title (which names it), or period words of
 * which one begins with the other, word for word ("Q3 2025" and "Q3 2025 preliminary"; not "Q1 2026" and "Q2 2026").
 */
function samePeriod(a: ManifestEntry, b: ManifestEntry): boolean {
  if (a.title === b.title) return true;
  if (a.period === undefined || b.period === undefined) return false;
  const [x, y] = [a.period, b.period].map((p) => p.toLowerCase().split(/\s+/).filter(Boolean));
  const [short, long] = x!.length <= y!.length ? [x!, y!] : [y!, x!];
  return short.length > 0 && short.every((w, i) => w === long[i]);
}
