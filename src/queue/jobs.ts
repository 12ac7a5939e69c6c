/**
 * One job of the build queue: what a worker needs to make one briefing (the canvas as text, the options,
 * the theme's files: workers share no file system with the submitter), what it hands back, and the job's
 * id, derived from the briefing's inputs so that the same briefing queued twice is one job.
 */
import type { Revision } from '../render/render-html.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BriefingError, EXIT } from '../errors.ts';
import { isPlainFileName } from '../files.ts';
import { themeMaterialFiles } from '../theme-material.ts';

/** The queue's name when none is given (--queue); its Redis keys start with QUEUE_PREFIX. */
export const DEFAULT_QUEUE = 'briefings';
export const QUEUE_PREFIX = 'canvas-briefing';

/** How long finished jobs and their PDFs stay in Redis by default (--keep-results). */
export const DEFAULT_KEEP_HOURS = 24;

/** The largest theme folder sent with a job: a theme is templates, styles and a logo. */
export const MAX_THEME_BYTES = 20 * 1024 * 1024;

/** A file of a theme folder: its path inside the folder (always with "/") and its bytes in base64. */
export interface PackedFile {
  path: string;
  base64: string;
}

/** A job's data. Every hash is the submitter's (plan/ inputs.ts): the worker checks that it makes the same. */
export interface BriefingRequest {
  /** Version of this shape: a worker refuses another one rather than misreading it. */
  v: 1;
  /** plan/ toolHash() of the submitter: a worker with another one would not make the same PDF, and refuses the job. */
  tool: string;
  /** The canvas file as the submitter named it: messages say it, and its name is the briefing's stem. */
  file: string;
  /** The canvas file's contents, as read. */
  text: string;
  /** The block set ("full" for the whole canvas). */
  set: string;
  /** Every block set its canvas has ("full" first), for messages only (briefingOf); absent from an older submitter's. */
  sets?: string[];
  /** The earlier version, for a build --since. */
  previous?: { name: string; text: string; sha256: string };
  /** The theme folder's files, when the briefing has a theme: stored once for every job (Submitter.share), named here by their hash. */
  theme?: string;
  /** As given (--page-size); unset: the canvas's language's, which the worker reads from its model. */
  pageSize?: 'A4' | 'Letter';
  /** The browser identity the context names (plan/ browserIdentity, the submitter's). */
  browser: string;
  /** The briefing's context (the tool, its templates, the browser, page size and theme) and content hashes. */
  context: string;
  content: string;
  /** Of a revised edition: the edition it replaces and what it corrects (part of `context`: withRevision), printed so. */
  revision?: Revision;
  /** Where the last build put the chapters and cut the tables: saves prints, never changes a byte. */
  predicted?: Record<string, number>;
  predictedBreaks?: Record<string, number[]>;
  /** Hand back the HTML too (--html). */
  html: boolean;
  /** How long the result stays in Redis, in seconds. */
  keepSeconds: number;
}

/** What a worker hands back: the PDF (stored beside the job, see resultKeys) with what the manifest records, or why the briefing failed. */
export type BriefingResult =
  | { kind: 'made'; pages: number; contents: Record<string, number>; breaks: Record<string, number[]>; warnings: string[]; html: boolean; worker: string; ms: number }
  /** `what`: what happened, in a few words, where it says more than the exit code's class (BriefingError.kind): "edited while queued". */
  | { kind: 'failed'; message: string; exitCode: number; what?: string; worker: string };

/**
 * The job id of a briefing: its inputs' hash (so a batch queued again reuses what is done, and two
 * canvases with the same content share one print), and whether the HTML is wanted.
 */
export function jobIdOf(inputs: string, html: boolean): string {
  return `briefing-${inputs}${html ? '-html' : ''}`;
}

/**
 * The BullMQ queue a version of the tool uses within queue `queue`: its jobs are taken only by workers of
 * the same version (toolHash, plan/), which make the PDF its submitter would. A submitter or worker of
 * another version (a rolling upgrade, a machine forgotten) uses a lane of its own and stops nobody.
 */
export function laneOf(queue: string, tool: string): string {
  return `${queue}.${toolLabel(tool)}`;
}

/** How a version of the tool is named to people: the first 12 digits of its toolHash. */
export function toolLabel(tool: string): string {
  return tool.slice(0, 12);
}

/**
 * The Redis key where the workers of queue `queue`, of every version, say they are there: a sorted set of
 * "LABEL NAME" (toolLabel, the worker's host:pid), each scored with when it lapses unless renewed.
 */
export function workersKey(queue: string): string {
  return `${QUEUE_PREFIX}:${queue}:workers`;
}

/** A SCAN pattern that matches the workersKey of every queue (and the queue named by queueOfWorkersKey). */
export const ALL_WORKERS_KEYS = `${QUEUE_PREFIX}:*:workers`;

const WORKERS_KEY = new RegExp(`^${QUEUE_PREFIX}:([\\w-]{1,64}):workers$`);

/** The queue whose workersKey `key` is; undefined for another key ALL_WORKERS_KEYS matched (a queue name is 1 to 64 of A-Z a-z 0-9 - _). */
export function queueOfWorkersKey(key: string): string | undefined {
  return WORKERS_KEY.exec(key)?.[1];
}

/** The Redis key of files many jobs share (a theme folder), by the hash of their JSON. */
export function sharedFileKey(queue: string, hash: string): string {
  return `${QUEUE_PREFIX}:${queue}:files:${hash}`;
}

/** The Redis keys a job's PDF and HTML are stored under, beside the job. */
export function resultKeys(queue: string, jobId: string): { pdf: string; html: string } {
  const base = `${QUEUE_PREFIX}:${queue}:result:${jobId}`;
  return { pdf: `${base}:pdf`, html: `${base}:html` };
}

/**
 * The files of theme folder `dir` as a job carries them: those the theme is made of (isThemeMaterial, as plan/ hashes
 * the folder; not the canvases or output of a canvas folder that is its own theme), at most MAX_THEME_BYTES in all.
 */
export async function packFolder(dir: string): Promise<PackedFile[]> {
  const files: PackedFile[] = [];
  let total = 0;
  for (const { rel, path } of themeMaterialFiles(dir)) {
    const bytes = await readFile(path);
    total += bytes.length;
    if (total > MAX_THEME_BYTES) {
      throw new BriefingError(`theme folder ${dir} holds more than ${MAX_THEME_BYTES / 1024 / 1024} MB: too much to send with every job of the queue; keep only its templates, styles and logo in it`, EXIT.usage);
    }
    files.push({ path: rel, base64: bytes.toString('base64') });
  }
  return files;
}

/** Writes packed files into `dir`; a path that would leave it (or is not a plain name at each step) is refused. */
export async function unpackFolder(files: PackedFile[], dir: string): Promise<void> {
  for (const { path, base64 } of files) {
    const parts = path.split('/');
    if (!parts.every(isPlainFileName)) throw new BriefingError(`the job's theme has a file named ${JSON.stringify(path)}, which a theme folder cannot hold`, EXIT.usage);
    const target = join(dir, ...parts);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, Buffer.from(base64, 'base64'));
  }
}
