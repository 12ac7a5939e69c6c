/**
 * validate/: raw YAML data -> a typed Canvas. Schema problems and broken references
 * become one BriefingError listing every problem as file:line:column, key path,
 * what was expected and what was found.
 */
import type { LoadedCanvas } from '../load/load-canvas.ts';
import { pathText, type KeyPath, type Position } from '../canvas/key-path.ts';
import { BriefingError, EXIT, oneLine, shortened } from '../errors.ts';
import { CanvasSchema, type Canvas, type CanvasInput } from './schema.ts';
import { flattenCanvas, indexMetrics, type MetricIndex } from '../canvas/series.ts';
import { parseDocumentData, type Problem } from './explain-issues.ts';
import { checkReferences } from './check-references.ts';
import { controlCharacterFindings, findings, type Rule } from './findings.ts';
import { pointNumberFindings } from './point-numbers.ts';
import type { EarlierVersion } from './stale-typed-figures.ts';
import { withoutControlCharacters } from '../canvas/control-characters.ts';

const MAX_REPORTED = 25;

/**
 * Validates a loaded canvas against the schema, then checks that every id it references exists; returns
 * it as the model reads it, its series laid out (canvas/series.ts).
 */
export function validateCanvas(loaded: LoadedCanvas): Canvas {
  const { input, index } = validInput(loaded);
  return flattenCanvas(input, index); // no findings: a caller that wants them asks validateWithWarnings
}

/** A finding (findings.ts) where the user reads it: file, line and column, the rule that made it, the key path. */
export interface FindingAt {
  file: string;
  line: number;
  column: number;
  rule: Rule;
  /** The key path, as error messages write it (metrics.revenue.values[1]). */
  path: string;
  message: string;
  /** The canvas's reason, when data_notes.acknowledged accepts this finding: then it never fails --strict. */
  acknowledged?: string;
  /** What an acknowledgement of it names (check --format json gives them to scripts): the metrics' ids, and of figures that disagree the figures ("+3.0% against −2.5%"). */
  metrics?: string[];
  figure?: string;
}

/**
 * A figure typed into a text that is not the canvas's figure for its measure and period (a typed-mismatch finding the
 * canvas does not acknowledge, or a typed-figure one that disagrees: a change typed beside a reference that is not its
 * change, an earlier value typed as a later period's): the briefing prints both, so its data notes list them where sources disagree.
 */
export interface TypedDisagreement {
  /** The metrics (a series value as id@period_end) the text gives another figure for: the measure's figures for the period, one or several. */
  metrics: string[];
  /** Typed as the measure's change ("revenue grew 12%"), not its level. */
  change?: true;
  /** The figure as the text types it ("€381.5 million"). */
  typed: string;
  /** Where the text is in the canvas (blocks.channels.sections[0].content[1].paragraph). */
  path: KeyPath;
}

/**
 * A figure printed in a sentence that speaks of another period than the figure's (a period-mismatch finding at a
 * reference, not acknowledged): the briefing prints the one beside the other, so its data notes list it. So too a
 * forecast or target printed in a sentence that reads as a reported result (forecast-as-actual, not acknowledged).
 */
export interface PeriodDisagreement {
  /** The metric printed (a series value as id@period_end). */
  metric: string;
  /** The part of it printed: value, change, equivalent... */
  part: string;
  /** The period words the sentence says ("Q2 2025", "last quarter"); unset for a forecast printed as a reported result. */
  said?: string;
  /** Of a forecast or target printed in a sentence that reads as a reported result (forecast-as-actual): which it is. */
  ahead?: 'forecast' | 'target';
  /** The measure's figure for that period, where the canvas has it. */
  meant?: string;
  /** Where the text is in the canvas. */
  path: KeyPath;
}

/**
 * What a chart or table shows that its reader would take for something else, not acknowledged: figures of another period
 * among the others (mixed-periods, at a chart or a metric table), or a title, caption or column heading naming another
 * period than its figures' (period-mismatch at the chart or table). The briefing says so under it and in its data notes.
 */
export interface FigureSetFinding {
  /** The chart's or table's place in the canvas: ['charts', id], or the table's (…, 'content', 2, 'metric_table'). */
  path: KeyPath;
  rule: 'mixed-periods' | 'period-mismatch';
  /** The metrics the finding names. */
  metrics: string[];
  /** Of period-mismatch: the title, caption or column heading, the period it names, and whether as the end of its range. */
  heading?: { where: 'title' | 'column heading' | 'caption'; said: string; range?: true };
}

/** A valid canvas, and what it may still get wrong (findings.ts), in file order. */
export interface ValidatedCanvas {
  canvas: Canvas;
  findings: FindingAt[];
  /** The typed-mismatch findings not acknowledged, and the typed-figure ones that disagree (a typed change against the figure's), as the data notes list them. */
  typedDisagreements: TypedDisagreement[];
  /** The period-mismatch findings at references not acknowledged, and the forecast-as-actual ones, as the data notes list them. */
  periodDisagreements: PeriodDisagreement[];
  /** The mixed-periods and period-mismatch findings at charts and tables not acknowledged, as the briefing notes them. */
  figureSetFindings: FigureSetFinding[];
  /** Where each of the canvas's metrics is written (a series value as id@period_end): for a line about one of them. */
  pathOf: MetricIndex['pathOf'];
}

/**
 * validateCanvas, plus the warnings a valid canvas can still deserve: contradictions nobody declared, figures a quarter's
 * update left stale. With its `earlier` version (--since, the edition as sent), also the figures that moved since and are
 * still typed as they were (stale-typed-figure); an earlier version that is no valid canvas is compared with nothing here
 * (the comparison says why it cannot be read).
 */
export function validateWithWarnings(loaded: LoadedCanvas, earlier?: LoadedCanvas): ValidatedCanvas {
  const { input, index, written } = validInput(loaded);
  const before = earlier === undefined ? undefined : earlierIndex(earlier);
  const raw = [...controlCharacterFindings(written), ...pointNumberFindings(loaded.pointNumbers, input), ...findings(input, index, before)];
  const typedDisagreements = raw.flatMap((f): TypedDisagreement[] => {
    // A typed-figure only where it disagrees (disagreesWith), with that figure: where the typed figure is the canvas's own, it is advice.
    const metrics = f.rule === 'typed-mismatch' ? f.metrics : f.rule === 'typed-figure' && f.disagreesWith !== undefined ? [f.disagreesWith] : [];
    return !f.acknowledged && metrics[0] !== undefined && f.needle !== undefined ? [{ metrics, typed: f.needle.trim(), path: f.path, ...(f.typedChange ? { change: true as const } : {}) }] : [];
  });
  const periodDisagreements = raw.flatMap((f): PeriodDisagreement[] => {
    if (f.acknowledged || f.metrics[0] === undefined) return [];
    if (f.rule === 'period-mismatch' && f.misdated !== undefined) return [{ metric: f.metrics[0], ...f.misdated, path: f.path }];
    // A forecast printed as a reported result: the briefing prints it so, as it prints another period's figure beside a sentence's.
    const type = index.metrics[f.metrics[0]]?.period_type;
    if (f.rule === 'forecast-as-actual' && f.asActual !== undefined && (type === 'forecast' || type === 'target')) return [{ metric: f.metrics[0], part: f.asActual.part, ahead: type, path: f.path }];
    return [];
  });
  const figureSetFindings = raw.flatMap((f): FigureSetFinding[] => {
    if (f.acknowledged || f.misdated !== undefined || (f.rule !== 'mixed-periods' && f.rule !== 'period-mismatch')) return [];
    // A chart's (its caption's too), or a table's: a finding deeper in a table (a cell's reference) is a sentence's.
    const [root, chart, part] = f.path;
    const path = root === 'charts' && typeof chart === 'string' && (part === undefined || part === 'caption') ? ['charts', chart]
      : (root === 'blocks' || root === 'chapters') && (f.path.at(-1) === 'table' || f.path.at(-1) === 'metric_table') ? f.path : undefined;
    if (path === undefined || (f.rule === 'period-mismatch') !== (f.heading !== undefined)) return [];
    return [{ path, rule: f.rule, metrics: f.metrics, ...(f.heading === undefined ? {} : { heading: f.heading }) }];
  });
  const found = raw
    .map((f): FindingAt => {
      const pos = positionOf(loaded, f);
      return { file: loaded.file, line: pos.line, column: pos.column, rule: f.rule, path: oneLine(pathText(f.path)), message: oneLine(shortened(f.message)), ...(f.acknowledged ? { acknowledged: f.acknowledged } : {}), metrics: f.metrics, ...(f.figure === undefined ? {} : { figure: f.figure }) };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
  return { canvas: flattenCanvas(input, index), findings: found, typedDisagreements, periodDisagreements, figureSetFindings, pathOf: index.pathOf };
}

/** An earlier version's metrics indexed, named as the command was given it; undefined where it is no valid canvas. */
function earlierIndex(earlier: LoadedCanvas): EarlierVersion | undefined {
  try {
    return { index: validInput(earlier).index, name: earlier.file };
  } catch (error) {
    if (error instanceof BriefingError) return undefined;
    throw error;
  }
}

/**
 * The canvas, valid against the schema and its references, without control characters in its text
 * (canvas/control-characters.ts), and its metrics indexed; throws the problems otherwise. `written` is
 * the data as the file holds it, for the findings about what was taken out.
 */
function validInput(loaded: LoadedCanvas): { input: CanvasInput; index: MetricIndex; written: CanvasInput } {
  const parsed = parseDocumentData(CanvasSchema, loaded);
  if (!parsed.data) throw new BriefingError(formatProblems(loaded, parsed.problems), EXIT.invalidData);
  // Checked as written, so that a message quotes what the file holds (control characters shown as \u escapes).
  const problems: Problem[] = checkReferences(parsed.data, indexMetrics(parsed.data));
  if (problems.length > 0) throw new BriefingError(formatProblems(loaded, problems), EXIT.invalidData);
  const input = withoutControlCharacters(parsed.data);
  return { input, index: indexMetrics(input), written: parsed.data };
}

const CANVAS = {
  what: 'canvas',
  // True whichever command read it: build, check, diff, watch, send or a queue worker.
  consequence: (count: number) => `no briefing can be made from it until ${count === 1 ? 'it is' : 'they are'} fixed`,
  hint: 'The canvas format is described in docs/canvas.md; schema/canvas.schema.json lets an editor check it as you type.',
};

/** Every problem of a document (a canvas, or the config) as file:line:column lines, in file order, with a heading and a hint. */
export function formatProblems(loaded: LoadedCanvas, problems: Problem[], doc: { what: string; consequence: string | ((count: number) => string); hint: string } = CANVAS): string {
  const sorted = problems
    .map((p) => ({ ...p, pos: positionOf(loaded, p) }))
    .sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
  const lines = sorted.slice(0, MAX_REPORTED).map(
    (p) => oneLine(`${loaded.file}:${p.pos.line}:${p.pos.column}: ${pathText(p.path)}: ${p.message}`),
  );
  if (sorted.length > MAX_REPORTED) lines.push(`... and ${sorted.length - MAX_REPORTED} more problems`);
  const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
  const consequence = typeof doc.consequence === 'string' ? doc.consequence : doc.consequence(sorted.length);
  return `${loaded.file}: invalid ${doc.what} (${count}); ${consequence}.\n${lines.join('\n')}\n${doc.hint}`;
}

/** Where to point: at the text a problem names inside a value (a [[reference]]), else at the value or key. */
function positionOf(loaded: LoadedCanvas, p: Problem): Position {
  if (p.missing) return loaded.locate(p.path.slice(0, -1), { key: true });
  return p.needle ? loaded.locateText(p.path, p.needle, p.nth) : loaded.locate(p.path, { key: p.atKey });
}
