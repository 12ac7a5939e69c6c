/** Which canvases would write the same output file: the names deliver/ writes under, checked before a build. */
import { readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { BriefingError, EXIT } from '../errors.ts';
import { listOf } from '../words.ts';

/** Canvases that would write the same PDF (sameNameClashes): the files, and what the message says of them. */
export interface SameNameClash {
  files: string[];
  message: string;
}

/**
 * Canvases that would write the same PDF: the same file name but for case (one file on macOS and
 * Windows) or .yaml/.yml. Returns a message naming each group, or undefined when there are none.
 * The same file given twice (a/x.yaml and ./a/x.yaml) is not a clash.
 */
export function sameNameCanvases(files: string[]): string | undefined {
  const clashes = sameNameClashes(files);
  return clashes.length === 0 ? undefined : clashes.map((c) => c.message).join('; ');
}

/** sameNameCanvases' groups, each with its own message: `watch` fails these canvases and builds the others. */
export function sameNameClashes(files: string[]): SameNameClash[] {
  const byName = new Map<string, Map<string, string>>();
  for (const file of files) {
    const key = basename(file, extname(file)).toLowerCase();
    const group = byName.get(key) ?? new Map<string, string>();
    if (!group.has(resolve(file))) group.set(resolve(file), file);
    byName.set(key, group);
  }
  const clashes = [...byName.values()].map((g) => [...g.values()]).filter((g) => g.length > 1);
  const both = (group: string[]) => (group.length === 2 ? 'both' : 'all');
  return clashes.map((group) => {
    const stems = [...new Set(group.map((f) => basename(f, extname(f))))];
    const oneFile = stems.length === 1 ? '' : ' (one file on macOS and Windows)';
    // Checked before a canvas is read, so a briefing.file_name ("{stem}-{period}") is not filled in: naming the stem's
    // PDF then named a file neither writes. Its key is looked for in the text alone, to word the message so.
    const named = group.some(hasFileName);
    const message = named
      ? `${listOf(group, 'and')} are ${both(group)} canvases named ${listOf(stems.map((s) => `"${s}"`), 'and')}${oneFile}, and an output folder takes one canvas of a name, whatever their briefing.file_name makes of it`
      : `${listOf(group, 'and')} would ${both(group)} write ${listOf(stems.map((s) => `${s}.pdf`), 'and')}${oneFile}`;
    return { files: group, message };
  });
}

/** Whether the canvas `file` sets briefing.file_name, by its text (a file that cannot be read: no). */
function hasFileName(file: string): boolean {
  try {
    return /^[ \t]+file_name[ \t]*:/m.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** The advice for sameNameCanvases' clashes. */
export const SAME_NAME_FIX = 'rename one, or build them into different --out folders';

/** Refuses (BriefingError, usage) canvases that would write the same PDF: before anything is built. */
export function assertDistinctCanvases(files: string[]): void {
  const clash = sameNameCanvases(files);
  if (clash) throw new BriefingError(`${clash}: ${SAME_NAME_FIX}`, EXIT.usage);
}

/**
 * The output names one run has written, so that a briefing never overwrites another's PDF: a canvas
 * x.yaml's set "a" after a canvas x--a.yaml. Names compare in lower case, as macOS and Windows do.
 */
/** Why a briefing's output name cannot be a file name: longer, with the endings the build adds, than most file systems allow (255 bytes). */
export function outputNameProblem(name: string): string | undefined {
  // <name>.html.<12 hex>.partial is the longest file written for it.
  const longest = Buffer.byteLength(`${name}.html.000000000000.partial`);
  if (longest <= 255) return undefined;
  return `its output name "${name.slice(0, 40)}..." is ${Buffer.byteLength(name)} bytes long, too long for a file name with the endings the build adds (${longest - Buffer.byteLength(name)} bytes)`;
}

export class OutputNames {
  private readonly writers = new Map<string, string>();

  constructor(private readonly outDir: string) {}

  /** Refuses (BriefingError, usage) `name` when another briefing of the run has it; `who` says which briefing asks. */
  check(name: string, who: string): void {
    const tooLong = outputNameProblem(name);
    if (tooLong) throw new BriefingError(`${who}: ${tooLong}; nothing was printed. Give the canvas (or block set) a shorter name.`, EXIT.output);
    const writer = this.writers.get(name.toLowerCase());
    if (writer === undefined) return;
    throw new BriefingError(
      `${who}: would overwrite ${join(this.outDir, `${name}.pdf`)}, claimed by ${writer} in this run; nothing was written. ` +
        'Rename a canvas or block set so their names differ, or build them into different --out folders.',
      EXIT.usage,
    );
  }

  /** Records that `who` wrote `name`. */
  claim(name: string, who: string): void {
    this.writers.set(name.toLowerCase(), who);
  }
}
