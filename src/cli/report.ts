/** Error messages: the one place that turns a failure into what the user reads and an exit code. */
import { BriefingError, EXIT } from '../errors.ts';
import { didYouMean, nearest } from '../did-you-mean.ts';
import { show, type Io } from './io.ts';
import type { FindingAt } from '../pipeline.ts';

/** How a finding counts: a warning, an error under --strict, a note once the canvas acknowledges it. */
export type Severity = 'note' | 'warning' | 'error';

export function severityOf(f: FindingAt, strict: boolean): Severity {
  return !counts(f) ? 'note' : strict ? 'error' : 'warning';
}

/**
 * Whether a finding counts: a warning, which --strict fails on (check, build, send), and a closing line counts. One the
 * canvas acknowledges (data_notes.acknowledged) is a note, known and meant to stand: it never counts.
 */
export function counts(f: FindingAt): boolean {
  return f.acknowledged === undefined;
}

/** The findings that count (see counts). */
export function countedFindings(findings: readonly FindingAt[]): FindingAt[] {
  return findings.filter(counts);
}

/** What check --strict and send --strict say of a canvas with `n` findings that count: "data/x.yaml: 2 findings, which --strict counts as errors". */
export function strictFailure(file: string, n: number, io: Io): string {
  return `${show(file, io)}: ${n === 1 ? '1 finding' : `${n} findings`}, which --strict counts as errors`;
}

/** A finding as one line: file:line:col severity rule-id key.path: message (the message ends with the fix). */
export function findingLine(f: FindingAt, severity: Severity, io: Io): string {
  return `${show(f.file, io)}:${f.line}:${f.column} ${severity} ${f.rule} ${f.path}: ${f.message}${f.acknowledged ? ` (acknowledged: ${f.acknowledged})` : ''}`;
}

/** Prints `error: ...` for a failure the user can act on, or a stack trace for a bug; returns its exit code. */
export function report(error: unknown, io: Io): number {
  if (error instanceof BriefingError && error.exitCode !== EXIT.internal) {
    io.err(`error: ${error.message}`);
    return error.exitCode;
  }
  // A bug: say where it happened (the wrapped message names the canvas), then the original stack.
  const where = error instanceof BriefingError ? `${error.message}\n` : '';
  const cause = error instanceof BriefingError ? error.cause ?? error : error;
  io.err(`internal error (please report it with the canvas that caused it): ${where}${(cause as Error)?.stack ?? String(cause)}`);
  return EXIT.internal;
}

/** --set named a set no canvas has: a usage error, with the nearest real name. */
export function noSuchSet(set: string, available: string[]): BriefingError {
  const names = [...new Set(available)];
  return new BriefingError(`no canvas has a block set "${set}"${didYouMean(nearest(set, names)) || '.'} Block sets here: ${names.join(', ')}`, EXIT.usage);
}

/** "1 briefing", "2 briefings"; "1 message", "3 messages". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "1 canvas", "2 canvases". */
export function canvases(n: number): string {
  return `${n} ${n === 1 ? 'canvas' : 'canvases'}`;
}

/** "1 briefing", "2 briefings". */
export function briefings(n: number): string {
  return count(n, 'briefing');
}

/** What a closing line names as failed: the first five, and how many more ("a, b, c, d, e and 3 more"). */
export function firstFive(names: readonly string[]): string {
  return `${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`;
}
