/** `briefing check`: validate canvases, print one line per canvas; nothing is rendered or written. */
import { EXIT } from '../errors.ts';
import { canvasSizeLimit } from '../config.ts';
import { canvasPaths } from './canvas-paths.ts';
import { show, type Io } from './io.ts';
import { noSuchSet, report } from './report.ts';

/** The flags of `check`, as commander parsed them. */
export interface CheckFlags {
  set?: string;
  maxCanvasMb?: string;
  /** Warnings (stale figures) fail the check too. */
  strict?: boolean;
}

/** Checks every canvas under `paths`; returns the exit code of the first failure, or 0. */
export async function check(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  // The pipeline brings the YAML parser and the schema: loaded only once a command runs.
  const { checkCanvas, findCanvases, SAME_NAME_FIX, sameNameCanvases } = await import('../pipeline.ts');
  const maxCanvasBytes = canvasSizeLimit(flags.maxCanvasMb, io.env);
  const files = await findCanvases(canvasPaths(paths, io));
  // check writes nothing, so it does not refuse these; it warns, because build would.
  const clash = sameNameCanvases(files);
  if (clash) io.err(`warning: ${clash}; build refuses to build them together: ${SAME_NAME_FIX}`);
  let first: number = EXIT.ok;
  let found = flags.set === undefined;
  const checkedSets: string[] = [];
  for (const file of files) {
    try {
      const { canvas, sets, availableSets, skipped, warnings } = await checkCanvas(file, { set: flags.set, maxCanvasBytes });
      if (skipped) checkedSets.push(...availableSets);
      else found = true;
      for (const w of warnings) io.err(`${flags.strict ? 'error' : 'warning'}: ${w}`);
      if (flags.strict && warnings.length > 0) {
        io.err(`${show(file, io)}: ${warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}, which --strict counts as errors`);
        if (first === EXIT.ok) first = EXIT.invalidData;
        continue;
      }
      const what = skipped ? `skipped: ${skipped}` : `briefings: ${sets.join(', ')}`;
      const said = warnings.length === 0 ? '' : `, ${warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}`;
      io.out(`ok ${show(file, io)}: ${Object.keys(canvas.metrics).length} metrics, ${what}${said}`);
    } catch (error) {
      const code = report(error, io);
      if (first === EXIT.ok) first = code;
    }
  }
  if (first === EXIT.ok && !found && checkedSets.length > 0) return report(noSuchSet(flags.set!, checkedSets), io);
  return first;
}
