/** What the preview's pages are told about the state: no file system paths, no terminal control characters. */
import { basename, isAbsolute, resolve, win32 } from 'node:path';
import type { PreviewEntry, PreviewFailure, PreviewFinding, PreviewState } from './preview-server.ts';

/** One briefing as the pages see it: `failures` are the messages of its own or its canvas's failed build. */
export interface PublicEntry {
  name: string;
  title: string;
  version: string;
  failures: string[];
  /** How many findings its canvas's last good build had (PublicState.findings lists them). */
  findings: number;
}

/** A failed build as the pages see it: `canvas` is the canvas as the console names it, else its file name. */
export interface PublicFailure {
  canvas: string;
  name: string | null;
  message: string;
}

export interface PublicState {
  building: boolean;
  entries: PublicEntry[];
  failures: PublicFailure[];
  findings: PublicFinding[];
}

/** A finding as the pages see it: the console's line is `${at} ${severity} ${rule} ${message}`; `canvas` as a failure's. */
export interface PublicFinding {
  canvas: string;
  at: string;
  severity: string;
  rule: string;
  message: string;
}

/**
 * The state the pages receive. The PDF paths stay on the server (the pages ask for /pdf/<name>.pdf);
 * a canvas is named by its file name, as the briefing names are. Text is cleaned of terminal escapes
 * (a build message may be coloured for the terminal); the pages still insert it as text, never as HTML.
 */
export function publicState(state: PreviewState): PublicState {
  const findings = state.findings ?? [];
  return {
    building: state.building,
    entries: state.entries.map((entry) => ({
      name: entry.name,
      title: oneLine(cleanText(entry.title)),
      version: entry.version,
      failures: state.failures.filter((failure) => concerns(failure, entry)).map((failure) => cleanText(failure.message)),
      findings: findings.filter((finding) => concerns(finding, entry)).length,
    })),
    failures: state.failures.map((failure) => ({
      canvas: cleanText(canvasName(failure.canvas, failure.shown)),
      name: failure.name ?? null,
      message: cleanText(failure.message),
    })),
    findings: findings.map((finding) => ({
      canvas: cleanText(canvasName(finding.canvas, finding.shown)),
      at: `${cleanText(canvasName(finding.canvas, finding.shown))}:${finding.line}:${finding.column}`,
      severity: cleanText(finding.severity),
      rule: cleanText(finding.rule),
      message: cleanText(finding.message),
    })),
  };
}

/**
 * Whether a failure is about the briefing `entry`: its own failure, one of its canvas (one without a name), or one of the
 * whole build (`everyBriefing`: none was rebuilt).
 * The canvas is the entry's own when it names it: its briefings' names are the canvas's stem only without
 * briefing.file_name ("{stem}-{period}" names them "acme-Q3-2025"), and the stem "acme" would also take in the
 * briefings of a canvas acme--emea.yaml. Otherwise its briefings are taken to be `<canvas>` and `<canvas>--<set>`
 * (README "The command").
 */
function concerns(failure: PreviewFailure | PreviewFinding, entry: PreviewEntry): boolean {
  if ('everyBriefing' in failure && failure.everyBriefing) return true;
  if ('name' in failure && failure.name !== undefined) return failure.name === entry.name;
  if (entry.canvas !== undefined) return resolve(failure.canvas) === resolve(entry.canvas);
  const canvas = canvasFile(failure.canvas).replace(/\.ya?ml$/i, '');
  return entry.name === canvas || entry.name.startsWith(`${canvas}--`);
}

/**
 * A canvas as the pages name it: as the console does (`shown`, relative to the working folder), unless that is where it
 * is on disk (absolute: a canvas outside the working folder), then by its file name.
 */
function canvasName(canvas: string, shown: string | undefined): string {
  return shown === undefined || isAbsolute(shown) || win32.isAbsolute(shown) ? canvasFile(canvas) : shown;
}

/** The file name of a canvas given as a path (either separator: the path may come from Windows) or as a name. */
function canvasFile(canvas: string): string {
  return basename(canvas.replace(/\\/g, '/'));
}

/** Text without ANSI escape sequences or control characters other than newline and tab. */
export function cleanText(text: string): string {
  return text
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '') // CSI: colours, cursor movement
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g, '') // OSC: window titles, hyperlinks
    .replace(/\r\n?/g, '\n')
    .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
