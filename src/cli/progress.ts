/**
 * How a build's events reach the user. Every outcome is a plain line (stdout, errors on stderr), the
 * same on a terminal and in a log; on a terminal a live status line below them (Io.status) says how many
 * are done, at what rate and how long the rest will take, which briefings are printing (--jobs of them at
 * once) and which are queued, and is cleared at the end.
 */
import type { BuildEvent, BriefingOutcome, ChangedCanvas, RemovedBriefing } from '../pipeline.ts';
import { counts, findingLine, report, severityOf } from './report.ts';
import { show, type Io } from './io.ts';
import { shortened } from '../errors.ts';
import type { Verbosity } from '../config.ts';

export interface BuildReporter {
  event(event: BuildEvent): void;
  /** Clears the status line. */
  done(): void;
  /** The canvases with findings that count (warnings; see report.ts counts), as their findings named them, in the order said: for the closing line. */
  warned(): string[];
  /** The canvases saved again or deleted while their briefings were being printed (BuildNotice.changed), in the order said: for the closing line. */
  changed(): ChangedCanvas[];
}

const WHY_REMOVED: Record<RemovedBriefing['reason'], string> = {
  vanished: 'its briefing no longer exists',
  renamed: 'the same briefing, of the same as_of date, is now written under another name',
  'stale-html': 'out of date, the briefing was printed again without --html',
  archived: 'the briefing of an earlier period (briefing.file_name names the period); later builds leave it alone unless the canvas names its period again',
  later: 'the briefing of a later as_of date than its canvas now gives (a draft of a later period?); later builds leave it alone unless the canvas names its period again: delete it if it is not wanted',
  'same-date': 'the briefing of another period of the same as_of date (the period edited before as_of?); later builds leave it alone unless the canvas names its period again: delete it if it is not wanted',
};

/** Queued briefings named in the status line; the others are counted. */
const QUEUE_NAMED = 3;
/** The rate and time left are shown once the build has run this long (ms) and finished a briefing. */
const RATE_AFTER_MS = 2000;

/**
 * `now` (ms) is the clock the rate and the time left are measured with. Quiet, it says warnings, errors and
 * failures only, with no status line; verbose, also each briefing as it starts printing (and why) and each one up to date.
 * `strict` (build --strict): findings that count are said as errors, as check --strict says them, and so is a canvas
 * changed while its briefings were being printed.
 */
export function buildReporter(io: Io, now: () => number = Date.now, output: Verbosity = 'normal', strict = false): BuildReporter {
  if (output === 'quiet') io = { ...io, out: () => {}, status: undefined };
  let queue: string[] = [];
  let printing: string[] = [];
  let total = 0;
  let finished = 0;
  let started = 0;
  /** Warnings said in this run: one that every briefing of a batch shares (a theme's) is said once, but with --verbose. */
  const said = new Set<string>();
  const warned = new Set<string>();
  const changed: ChangedCanvas[] = [];
  const status = (text: string) => io.status?.(text);
  const showStatus = () => {
    if (queue.length === 0 && printing.length === 0) return status('');
    const parts = [`${finished}/${total} done`];
    const elapsed = now() - started;
    if (finished > 0 && elapsed >= RATE_AFTER_MS) {
      const perMinute = (finished * 60_000) / elapsed;
      parts.push(`${perMinute >= 10 ? Math.round(perMinute) : perMinute.toFixed(1)}/min`, `about ${duration(((total - finished) * 60_000) / perMinute)} left`);
    }
    if (printing.length > 0) parts.push(`printing ${printing.join(', ')}`);
    if (queue.length > 0) parts.push(`queued: ${queue.slice(0, QUEUE_NAMED).join(', ')}${queue.length > QUEUE_NAMED ? ` +${queue.length - QUEUE_NAMED}` : ''}`);
    status(parts.join(' · '));
  };
  return {
    event(e) {
      switch (e.kind) {
        case 'queued':
          queue = [...e.names];
          printing = [];
          total = e.names.length;
          finished = 0;
          started = now();
          break;
        case 'printing':
          queue = queue.filter((n) => n !== e.name);
          printing = [...printing, e.name];
          if (output === 'verbose') io.out(`printing ${e.name} from ${show(e.canvas, io)}${e.reason ? `: ${e.reason}` : ''}`);
          break;
        case 'notice':
          if (e.changed !== undefined) changed.push(e.changed);
          // Under --strict a canvas changed under its briefings fails the build, as a finding does: said as an error.
          io.err(`${e.changed !== undefined && strict ? 'error' : 'warning'}: ${e.message}`);
          break;
        case 'finding':
          if (counts(e.finding)) warned.add(e.finding.file);
          // An acknowledged finding is known and stands: check lists it, and a build says it only with --verbose, not on every run.
          if (e.finding.acknowledged === undefined || output === 'verbose') io.err(findingLine(e.finding, severityOf(e.finding, strict), io));
          break;
        case 'removed':
          if (e.reason === 'archived' || e.reason === 'later' || e.reason === 'same-date') {
            for (const file of e.kept) io.out(`kept ${show(file, io)}: ${WHY_REMOVED[e.reason]}`);
            break;
          }
          for (const file of e.removed) io.out(`removed ${show(file, io)}: ${WHY_REMOVED[e.reason]}`);
          for (const file of e.kept) io.err(`warning: left ${show(file, io)} in place: ${WHY_REMOVED[e.reason]}, but the file changed since it was written`);
          break;
        default:
          if (e.kind === 'failed' && e.notBuilt) queue = queue.filter((n) => n !== e.name); // never to be printed
          if (e.kind === 'current' && output === 'verbose') io.out(`up to date ${show(e.pdf, io)}  ${e.pages} pages  edition ${e.edition}`);
          reportOutcome(e, io, output === 'verbose' ? undefined : said);
          if ((e.kind === 'built' || e.kind === 'failed') && e.name !== undefined && printing.includes(e.name)) {
            printing = printing.filter((n) => n !== e.name);
            finished++;
          }
      }
      showStatus();
    },
    done: () => status(''),
    warned: () => [...warned],
    changed: () => [...changed],
  };
}

/** Says an outcome; a warning already in `said` is not said again. */
function reportOutcome(o: BriefingOutcome, io: Io, said?: Set<string>): void {
  switch (o.kind) {
    case 'failed':
      if (!o.notBuilt) report(o.error, io); // the failure that stopped the build said why, once; the closing line counts these
      return;
    case 'skipped':
      io.out(`skipped ${show(o.canvas, io)}: ${o.reason}`);
      return;
    case 'current':
      return; // counted in the summary: "4 briefings up to date"
    case 'built': {
      io.out(`wrote ${show(o.pdf, io)}  ${o.pages} pages  edition ${o.edition}  ${builtTime(o)}${o.html ? `  (+ ${show(o.html, io)})` : ''}`);
      for (const w of new Set(o.warnings)) {
        if (said?.has(w)) continue;
        said?.add(w);
        io.err(`warning: ${o.name}: ${shortened(w)}`);
      }
    }
  }
}

/**
 * How long a briefing written took, as its line says it: its print's time ("4.2 s"); a queue's briefing taken again
 * after its worker stopped answering, the last take's, and why ("1.1 s, retried after its worker stopped answering":
 * not the minute its first worker's lock took to lapse); one collected from an earlier run's work, untimed.
 */
export function builtTime(o: Pick<Extract<BriefingOutcome, { kind: 'built' }>, 'ms' | 'collected' | 'retried'>): string {
  if (o.collected) return 'collected from the queue';
  return `${(o.ms / 1000).toFixed(1)} s${o.retried === undefined ? '' : `, ${o.retried}`}`;
}

/** A time left as a reader says it: "40 s", "3 min", "1 h 05 min". */
function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
