/**
 * The manifest: what the last builds wrote into an output folder, kept in <out>/.briefing-manifest.json.
 * Per briefing, the hash of its inputs and of each file's bytes; per canvas, the hash of its bytes and
 * the block sets it had. It is how a build knows a PDF is up to date, and which files are its own to
 * remove when their briefing is gone. deliver/ writes it; a missing or unreadable one means "nothing
 * known": everything is built again and nothing is removed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isPlainFileName } from '../files.ts';

export const MANIFEST_FILE = '.briefing-manifest.json';
const FORMAT = 'canvas-briefing manifest 2';

/** One briefing's files as last written. */
export interface ManifestEntry {
  /** The canvas, relative to the output folder (so a project folder can move), with "/" separators. */
  canvas: string;
  /**
   * SHA-256 of the canvas file's bytes this briefing was last found current for or built from (built with
   * --since: of those bytes' hash and the earlier version's, so that neither can change unseen).
   */
  canvasSha256: string;
  set: string;
  /** The briefing's title (its PDF's /Title), for lists such as the live preview's. */
  title: string;
  /** inputs.ts contentHash(): the briefing's content, whatever tool or browser drew it. */
  content: string;
  /**
   * With `content` and `period`, what the send journal knows it by (inputs.ts journalKey): the route the config sends it
   * by, and its content's hashes before. Absent in older manifests (an up-to-date build then asks the journal by its name).
   */
  route?: string;
  contentBefore?: string[];
  /** inputs.ts inputsHash(): everything the PDF was made from. */
  inputs: string;
  /** inputs.ts contextHash(): the part of `inputs` that is not the canvas. */
  context: string;
  edition: string;
  pages: number;
  /**
   * The page of each chapter the contents page lists (anchor -> page), as printed: the next build of this
   * briefing prints with these numbers straight away and skips the draft when they still hold (most edits
   * move no chapter). Absent in manifests written before it existed.
   */
  contents?: Record<string, number>;
  /**
   * Where its long tables were cut (table id -> the rows that begin a page): the next build prints them cut
   * there straight away with `contents`, and takes the cuts from a print instead when they no longer hold.
   */
  breaks?: Record<string, number[]>;
  /**
   * Named after its period (briefing.file_name with {period} or {as_of}): once a later period's briefing
   * replaces it, its files stay as an archive instead of being removed.
   */
  archive?: boolean;
  /** The as_of date its name was made with (briefing.file_name with {as_of}): a briefing of another date is another edition. */
  namedByDate?: string;
  /**
   * The canvas's as_of date it was built with: of a briefing named after its period, whether the one that replaces it is
   * of a later period (it is kept as an archive) or the same one renamed (plan-build.ts fatesOfVanished). Absent in older manifests.
   */
  asOf?: string;
  /** The canvas's briefing.period it was built with: of two of one as_of date, whether they are of one period (fatesOfVanished). */
  period?: string;
  /** File name in the output folder -> SHA-256 of the bytes written. */
  files: Record<string, string>;
  /** The --since it was printed with, as given: a build without it says that its "Changes since" chapter goes. */
  since?: string;
  /** What that --since named then: the commit (for HEAD, a branch) or the file's absolute path; what send and watch keep. */
  sinceAt?: string;
  /**
   * SHA-256 of the bytes of that earlier version, as read then: whether a later --since that names another commit or
   * file names another canvas (the chapter changes) or the same bytes (HEAD moved on for a commit that left the canvas
   * as it was). Absent in manifests written before it was kept.
   */
  sinceSha256?: string;
  /**
   * The options of the run that printed it which change how it looks: its page size, and the theme folder (absolute)
   * given over the canvas's own (--theme, BRIEFING_THEME). `send` refuses to print a reviewed briefing again with
   * others. Absent in manifests written before it was kept.
   */
  builtWith?: { pageSize: string; theme?: string; languagePageSize?: string };
  /** Printed as a revised edition: the edition (of its period, sent before with other figures or words) it replaces. */
  revises?: string;
}

/**
 * A canvas as last read: its bytes' hash (with --since, combined with the earlier version's, as canvasSha256)
 * and every block set it had then (so an unchanged canvas need not be parsed to know them).
 */
export interface CanvasRecord {
  sha256: string;
  sets: string[];
  /** The theme folder its briefing.theme named (absolute), if any. */
  theme?: string;
  /**
   * What check found in it then (validate/findings.ts; without the file's name, which a later run may give otherwise):
   * a build that finds the canvas up to date says them again without reading it. Absent in older manifests.
   */
  findings?: KnownFinding[];
  /**
   * What the comparison with the earlier version (--since) warned of then (a figure that moved the wrong way in the
   * "Changes since" chapter): said again with the findings. Absent in older manifests, and without --since.
   */
  sinceWarnings?: string[];
  /** inputs.ts checkHash() of the code that found them: kept findings are said again only while it is this one's. */
  checkedWith?: string;
}

/** A finding as the manifest keeps it (validate-canvas.ts FindingAt without its file). */
export interface KnownFinding {
  line: number;
  column: number;
  rule: string;
  path: string;
  message: string;
  acknowledged?: string;
}

export interface Manifest {
  format: typeof FORMAT;
  canvases: Record<string, CanvasRecord>;
  /** Keyed by output name (canvas stem, or stem--set). */
  briefings: Record<string, ManifestEntry>;
}

export function emptyManifest(): Manifest {
  return { format: FORMAT, canvases: {}, briefings: {} };
}

/** The manifest of `outDir`; `problem` says why an existing one was set aside. */
export async function readManifest(outDir: string): Promise<{ manifest: Manifest; problem?: string }> {
  const file = join(outDir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: emptyManifest() };
    return { manifest: emptyManifest(), problem: `cannot read ${file} (${(error as Error).message}): building every briefing` };
  }
  try {
    let data: Partial<Manifest>;
    try {
      data = JSON.parse(text) as Partial<Manifest>;
    } catch {
      // Not JSON's own message: it quotes the file's start, and the file may be a planted link to a secret.
      throw new Error('not valid JSON');
    }
    if (data?.format !== FORMAT || !isRecord(data.canvases) || !isRecord(data.briefings)) throw new Error('not a manifest this version writes');
    for (const record of Object.values(data.canvases)) {
      if (!isRecord(record) || typeof record.sha256 !== 'string' || !Array.isArray(record.sets) || !record.sets.every((x) => typeof x === 'string') || !['string', 'undefined'].includes(typeof record.theme) || !(record.findings === undefined || (Array.isArray(record.findings) && record.findings.every(isKnownFinding))) || !['string', 'undefined'].includes(typeof record.checkedWith) || !(record.sinceWarnings === undefined || (Array.isArray(record.sinceWarnings) && record.sinceWarnings.every((w) => typeof w === 'string')))) throw new Error('a canvas record is malformed');
    }
    for (const [name, entry] of Object.entries(data.briefings)) {
      if (!isRecord(entry) || typeof entry.canvas !== 'string' || typeof entry.inputs !== 'string' || typeof entry.content !== 'string' || !isRecord(entry.files) || !['string', 'undefined'].includes(typeof entry.since) || !['string', 'undefined'].includes(typeof entry.sinceAt) || !['string', 'undefined'].includes(typeof entry.sinceSha256) || !['string', 'undefined'].includes(typeof entry.route) || !(entry.contentBefore === undefined || (Array.isArray(entry.contentBefore) && entry.contentBefore.every((h) => typeof h === 'string'))) || !(entry.builtWith === undefined || (isRecord(entry.builtWith) && typeof entry.builtWith.pageSize === 'string' && ['string', 'undefined'].includes(typeof entry.builtWith.theme) && ['string', 'undefined'].includes(typeof entry.builtWith.languagePageSize)))) throw new Error('an entry is malformed');
      // Names become file names in the output folder, and recorded files may be removed: nothing may point elsewhere.
      for (const file of [name, ...Object.keys(entry.files)]) {
        if (!isPlainFileName(file)) throw new Error(`"${file}" is not a file name in the output folder`);
      }
    }
    return { manifest: data as Manifest };
  } catch (error) {
    return { manifest: emptyManifest(), problem: `${file} is damaged (${(error as Error).message}): building every briefing, removing nothing` };
  }
}

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The manifest as written: keys sorted, so that equal manifests are equal files. */
export function serialiseManifest(manifest: Manifest): string {
  const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify({ format: manifest.format, canvases: sorted(manifest.canvases), briefings: sorted(manifest.briefings) }, null, 2)}\n`;
}

function isKnownFinding(f: unknown): boolean {
  return isRecord(f) && typeof f.line === 'number' && typeof f.column === 'number' && typeof f.rule === 'string' && typeof f.path === 'string' && typeof f.message === 'string' && ['string', 'undefined'].includes(typeof f.acknowledged);
}
