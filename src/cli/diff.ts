/** `briefing diff`: what changed between two versions of a canvas, as text or JSON. Nothing is built or written. */
import { BriefingError, EXIT } from '../errors.ts';
import { canvasSizeLimit } from '../config.ts';
import type { ChangeReport, CanvasVersion, ReportLines } from '../pipeline.ts';
import type { Io } from './io.ts';

/** The flags of `diff`, as commander parsed them. */
export interface DiffFlags {
  /** Compare the one canvas given with itself at this git revision (or with this earlier copy). */
  since?: string;
  format?: string;
  /** Exit 1 when there are differences, as `git diff --exit-code`. */
  exitCode?: boolean;
  maxCanvasMb?: string;
}

/** The longest quote of a paragraph or bullet, in characters. */
const QUOTE_LENGTH = 80;

/** Compares OLD with NEW (or CANVAS with itself at --since); returns 0, or with --exit-code 1 when they differ. */
export async function diff(paths: string[], flags: DiffFlags, io: Io): Promise<number> {
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new BriefingError(`format "${format}" is not one diff prints: use text or json (see --help)`, EXIT.usage);
  const maxCanvasBytes = canvasSizeLimit(flags.maxCanvasMb, io.env);
  const { diffCanvases, reportLines, previousVersion, readVersion } = await import('../pipeline.ts');
  let versions: [CanvasVersion, CanvasVersion];
  if (flags.since !== undefined) {
    if (paths.length !== 1) throw new BriefingError(`diff --since takes one canvas, to compare with itself at that revision (${paths.length} given); to compare two files, leave --since out: briefing diff OLD NEW`, EXIT.usage);
    const now = await readVersion(paths[0], maxCanvasBytes);
    versions = [await previousVersion(paths[0], flags.since, maxCanvasBytes), now];
  } else {
    if (paths.length !== 2) throw new BriefingError(`diff takes two canvas files, OLD and NEW (${paths.length} given), or one with --since REV to compare it with itself at a git revision`, EXIT.usage);
    versions = [await readVersion(paths[0], maxCanvasBytes), await readVersion(paths[1], maxCanvasBytes)];
  }
  const report = await diffCanvases(...versions);
  // On the console whatever the format (and in the JSON as `warnings`): a report printed to a file or read by a script still says them.
  for (const warning of report.warnings) io.err(`warning: ${warning}`);
  if (format === 'json') io.out(JSON.stringify({ old: versions[0].name, new: versions[1].name, ...report }, null, 2));
  else for (const line of diffLines(report, reportLines)) io.out(line);
  return flags.exitCode && report.differences ? 1 : EXIT.ok;
}

/**
 * The report as text: one group of lines per kind of change, or "no differences". `lines` words a figure that moved, a
 * table's, a chart's and another part's change as the briefing's "Changes since" chapter does (model/changes.ts).
 */
export function diffLines(report: ChangeReport, lines: ReportLines): string[] {
  const { moveLine, clipLine, editedQuote, editPartners, quotedWords } = lines;
  if (!report.differences) return ['no differences'];
  const groups: Array<[string, string[]]> = [];
  const { before, now } = report;
  if (before.period !== now.period || before.as_of !== now.as_of) {
    groups.push(['Briefing', [`${before.period} (as of ${before.as_of}) → ${now.period} (as of ${now.as_of})`]]);
  }
  groups.push(['Figures that moved', report.figures.map(moveLine)]);
  const entry = (mark: string) => (e: ChangeReport['added'][number]) =>
    `${mark} ${e.id}: ${e.label} (${e.values === undefined ? e.period : `${e.values} ${e.values === 1 ? 'value' : 'values'}, latest ${e.period}`}): ${e.formatted}`;
  groups.push(['Figures added', report.added.map(entry('+'))], ['Figures dropped', report.dropped.map(entry('-'))]);
  const section = (mark: string) => (s: ChangeReport['sections']['added'][number]) => `${mark} ${s.chapter_title}: ${s.title}`;
  groups.push(['Sections added', report.sections.added.map(section('+'))], ['Sections removed', report.sections.removed.map(section('-'))]);
  // A paragraph edited is one removed and one added: each is quoted where the two differ, as the chapter quotes it (editedQuote).
  // Of several edited at one place, each is quoted against the one editPartners pairs it with.
  const partners = new Map<string, number[][]>();
  const text = (mark: string, own: ChangeReport['text']['added'], others: ChangeReport['text']['added']) => (t: ChangeReport['text']['added'][number]) => {
    const at = (o: ChangeReport['text']['added'][number]) => where(o) === where(t) && o.place === t.place;
    const [mine, theirs] = [own.filter(at), others.filter(at)];
    const words = (o: ChangeReport['text']['added'][number]) => quotedWords(o.text);
    const cached = `${mark}\0${where(t)}\0${t.place}`;
    if (!partners.has(cached)) partners.set(cached, editPartners(mine.map(words), theirs.map(words)));
    const sides = partners.get(cached)![mine.indexOf(t)].map((j) => theirs[j].text);
    return `${mark} ${where(t)}: "${editedQuote(t.text, sides, QUOTE_LENGTH)}"`;
  };
  groups.push(['Text added', report.text.added.map(text('+', report.text.added, report.text.removed))], ['Text removed', report.text.removed.map(text('-', report.text.removed, report.text.added))]);
  const table = (t: ChangeReport['tables'][number]) => {
    const place = `${t.chapter_title}, ${t.section}, ${t.title === undefined ? `table ${t.index}` : `"${clipLine(t.title, QUOTE_LENGTH)}"`}`;
    return lines.tableChangeLines(t, lines.CONSOLE_LINES).map((l) => `${place}: ${l}`);
  };
  const chart = (c: ChangeReport['charts'][number]) => lines.chartChangeLines(c, lines.CONSOLE_LINES).map((l) => `${c.title} (${c.id}): ${l}`);
  groups.push(['Tables changed', report.tables.flatMap(table)], ['Charts changed', report.charts.flatMap(chart)]);
  groups.push(['Also changed, not compared line by line', report.also_changed.map(lines.alsoChangedLine)]);
  return groups.filter(([, lines]) => lines.length > 0).flatMap(([heading, lines], i) => [...(i > 0 ? [''] : []), `${heading}:`, ...lines.map((l) => `  ${l}`)]);
}

function where(t: ChangeReport['text']['added'][number]): string {
  if (t.place === 'summary') return t.set === undefined ? 'Summary' : `Summary of block set ${t.set}`;
  if (t.place === 'lead') return `${t.chapter_title} (opening)`;
  return `${t.chapter_title}, ${t.section}`;
}
