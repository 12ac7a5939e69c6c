/**
 * `briefing check`: validate canvases; nothing is rendered or written. One line per canvas on stdout,
 * every finding (file:line:col severity rule-id path: message) and error on stderr; or, with
 * --format json, one JSON document on stdout for scripts and CI.
 */
import { resolve } from 'node:path';
import { BriefingError, EXIT } from '../errors.ts';
import { canvasSizeLimit } from '../config.ts';
import type { FindingAt } from '../pipeline.ts';
import { canvasPaths, sayUnreadFolders } from './canvas-paths.ts';
import { show, type Io } from './io.ts';
import { canvases, countedFindings, findingLine, noSuchSet, report, severityOf, strictFailure, type Severity } from './report.ts';

/** The flags of `check`, as commander parsed them. */
export interface CheckFlags {
  set?: string;
  maxCanvasMb?: string;
  /** Warnings (findings) fail the check too. */
  strict?: boolean;
  format?: string;
  theme?: string;
  /** No "ok" line for a valid canvas: only warnings and errors. */
  quiet?: boolean;
  /** The earlier version (a git revision, or a file) to find figures typed as they were before they moved (stale-typed-figure). */
  since?: string;
}

/** One canvas in `check --format json`. */
interface CheckedJson {
  file: string;
  ok: boolean;
  /** Metrics (one with dated values counts once) and figures (each of its values counts), as the text output says them. */
  metrics?: number;
  figures?: number;
  briefings?: string[];
  skipped?: string;
  findings: Array<FindingAt & { severity: Severity }>;
  /** What a build would warn about the theme the canvas is built with (a logo that sets text in the machine's font); only when there is something. */
  themeWarnings?: Array<{ theme: string; message: string }>;
  /** Why the canvas is invalid: each problem at its place when the message gives one. */
  errors: Array<{ file?: string; line?: number; column?: number; message: string }>;
}

/** Checks every canvas under `paths`; returns the exit code of the first failure, or 0. */
export async function check(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  if (flags.format !== undefined && flags.format !== 'text' && flags.format !== 'json') {
    return report(new BriefingError(`--format ${flags.format} is not a format: use text (the default) or json`, EXIT.usage), io);
  }
  const json = flags.format === 'json';
  // The pipeline brings the YAML parser and the schema: loaded only once a command runs.
  const { checkCanvas, findCanvases, previousVersion, SAME_NAME_FIX, sameNameCanvases } = await import('../pipeline.ts');
  const maxCanvasBytes = canvasSizeLimit(flags.maxCanvasMb, io.env);
  const given = flags.theme ?? (io.env.BRIEFING_THEME || undefined);
  const theme = given === undefined ? undefined : resolve(given);
  const targets = canvasPaths(paths, io, 'check');
  const files = await findCanvases(targets);
  if (!json) await sayUnreadFolders(targets, io);
  // check writes nothing, so it does not refuse these; it warns, because build would.
  const clash = sameNameCanvases(files);
  if (clash && !json) io.err(`warning: ${clash}; build refuses to build them together: ${SAME_NAME_FIX}`);
  const results: CheckedJson[] = [];
  let first: number = EXIT.ok;
  const fail = (code: number) => {
    if (first === EXIT.ok) first = code;
  };
  // For the closing summary: the canvases valid with no finding that counts, valid with some, and invalid.
  const tally = { clean: 0, warned: 0, invalid: 0 };
  const warnedThemes = new Set<string>();
  let found = flags.set === undefined;
  const checkedSets: string[] = [];
  for (const file of files) {
    try {
      const previous = flags.since === undefined ? undefined : await previousVersion(file, flags.since, maxCanvasBytes);
      const { canvas, sets, availableSets, skipped, findings, sinceWarnings, theme: used } = await checkCanvas(file, { set: flags.set, maxCanvasBytes, theme, previous });
      const themeWarnings = (used?.warnings ?? []).map((message) => ({ theme: used!.dir, message }));
      if (skipped) checkedSets.push(...availableSets);
      else found = true;
      const strict = flags.strict === true;
      const counted = countedFindings(findings);
      const failing = strict && counted.length > 0;
      tally[counted.length > 0 ? 'warned' : 'clean']++;
      if (failing) fail(EXIT.invalidData);
      results.push({
        file, ok: !failing, ...metricCounts(Object.keys(canvas.metrics)), briefings: sets, skipped,
        findings: findings.map((f) => ({ ...f, severity: severityOf(f, strict) })), ...(themeWarnings.length > 0 ? { themeWarnings } : {}), errors: [],
      });
      if (json) continue;
      // Said once for all the canvases built with the theme, as a build says it for each briefing.
      if (used !== undefined && !warnedThemes.has(used.dir)) {
        warnedThemes.add(used.dir);
        for (const { message } of themeWarnings) io.err(`warning: theme ${show(used.dir, io)}: ${message}`);
      }
      // --since: what changed that asks to be checked (an equivalent kept for the old figure), as build --since says it.
      for (const message of sinceWarnings) io.err(`warning: ${message}`);
      // --quiet: warnings and errors only, not the notes of acknowledged findings (known, and meant to stay quiet).
      for (const f of findings) if (!(flags.quiet && f.acknowledged !== undefined)) io.err(findingLine(f, severityOf(f, strict), io));
      const count = counted.length === 1 ? '1 finding' : `${counted.length} findings`;
      const notes = findings.length - counted.length;
      const said = [counted.length > 0 ? count : '', notes > 0 ? `${notes} acknowledged` : ''].filter(Boolean).join(', ');
      if (failing) {
        io.err(strictFailure(file, counted.length, io));
        continue;
      }
      const what = skipped ? `skipped: ${skipped}` : `briefings: ${sets.join(', ')}`;
      if (!flags.quiet) io.out(`ok ${show(file, io)}: ${metricCount(Object.keys(canvas.metrics))}, ${what}${said ? `, ${said}` : ''}`);
    } catch (error) {
      tally.invalid++;
      if (json) {
        const code = error instanceof BriefingError ? error.exitCode : EXIT.internal;
        fail(code);
        results.push({ file, ok: false, findings: [], errors: errorsOf(error) });
        continue;
      }
      fail(report(error, io));
    }
  }
  if (first === EXIT.ok && !found && checkedSets.length > 0) {
    if (json) first = EXIT.usage;
    else return report(noSuchSet(flags.set!, checkedSets), io);
  }
  if (json) io.out(JSON.stringify({ exitCode: first, canvases: results }, null, 2));
  // Of several canvases, a total after the last one's line, as a build ends with one (a single canvas's line says it
  // all); on stderr, beside the findings and errors it counts, leaving stdout one "ok" line per canvas. --quiet says it
  // only of a check that fails.
  else if (files.length > 1 && (!flags.quiet || first !== EXIT.ok)) io.err(checkSummary(tally, flags.strict === true));
  return first;
}

/** "146 canvases checked: 141 clean, 1 with warnings, 4 invalid" (a count of none left out, but clean's). */
function checkSummary({ clean, warned, invalid }: { clean: number; warned: number; invalid: number }, strict: boolean): string {
  const parts = [`${clean} clean`, warned > 0 ? `${warned} with ${strict ? 'findings (errors under --strict)' : 'warnings'}` : '', invalid > 0 ? `${invalid} invalid` : ''];
  return `${canvases(clean + warned + invalid)} checked: ${parts.filter(Boolean).join(', ')}`;
}

/** An invalid canvas's problems for JSON: its message's file:line:col lines, each at its place. */
function errorsOf(error: unknown): CheckedJson['errors'] {
  const message = error instanceof Error ? error.message : String(error);
  const placed = [...message.matchAll(/^(.+?):(\d+):(\d+): (.*)$/gm)].map((m) => ({ file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4] }));
  return placed.length > 0 ? placed : [{ message }];
}

/** How many metrics a canvas has (one with values counts once) and how many figures (each value of one counts). */
function metricCounts(ids: string[]): { metrics: number; figures: number } {
  return { metrics: new Set(ids.map((id) => id.split('@')[0])).size, figures: ids.length };
}

/** "10 metrics", or with dated values "10 metrics (12 figures)", as the JSON counts them (metricCounts). */
function metricCount(ids: string[]): string {
  const { metrics, figures } = metricCounts(ids);
  return `${metrics} ${metrics === 1 ? 'metric' : 'metrics'}${figures > metrics ? ` (${figures} figures)` : ''}`;
}
