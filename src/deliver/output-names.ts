/** Which canvases would write the same output file: the names deliver/ writes under, checked before a build. */
import { basename, extname, join, resolve } from 'node:path';
import { BriefingError, EXIT } from '../errors.ts';
import { listOf } from '../words.ts';

/**
 * Canvases that would write the same PDF: the same file name but for case (one file on macOS and
 * Windows) or .yaml/.yml. Returns a message naming each group, or undefined when there are none.
 * The same file given twice (a/x.yaml and ./a/x.yaml) is not a clash.
 */
export function sameNameCanvases(files: string[]): string | undefined {
  const byName = new Map<string, Map<string, string>>();
  for (const file of files) {
    const key = basename(file, extname(file)).toLowerCase();
    const group = byName.get(key) ?? new Map<string, string>();
    if (!group.has(resolve(file))) group.set(resolve(file), file);
    byName.set(key, group);
  }
  const clashes = [...byName.values()].map((g) => [...g.values()]).filter((g) => g.length > 1);
  if (clashes.length === 0) return undefined;
  const pdfs = (group: string[]) => {
    const names = [...new Set(group.map((f) => `${basename(f, extname(f))}.pdf`))];
    return names.length === 1 ? names[0] : `${listOf(names, 'and')} (one file on macOS and Windows)`;
  };
  const both = (group: string[]) => (group.length === 2 ? 'both' : 'all');
  return clashes.map((g) => `${listOf(g, 'and')} would ${both(g)} write ${pdfs(g)}`).join('; ');
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
