/**
 * How a build's events reach the user. Every outcome is a plain line (stdout, errors on stderr), the
 * same on a terminal and in a log; on a terminal a live status line below them (Io.status) says how many
 * are done, which briefings are printing (--jobs of them at once) and which are queued, and is cleared at the end.
 */
import type { BuildEvent, BriefingOutcome, RemovedBriefing } from '../pipeline.ts';
import { findingLine, report, severityOf } from './report.ts';
import { show, type Io } from './io.ts';
import { shortened } from '../errors.ts';

export interface BuildReporter {
  event(event: BuildEvent): void;
  /** Clears the status line. */
  done(): void;
}

const WHY_REMOVED: Record<RemovedBriefing['reason'], string> = {
  vanished: 'its briefing no longer exists',
  'stale-html': 'out of date, the briefing was printed again without --html',
  archived: 'the briefing of an earlier period (briefing.file_name names the period); later builds leave it alone',
};

export function buildReporter(io: Io): BuildReporter {
  let queue: string[] = [];
  let printing: string[] = [];
  let total = 0;
  let finished = 0;
  const status = (text: string) => io.status?.(text);
  const showStatus = () => {
    if (queue.length === 0 && printing.length === 0) return status('');
    const parts = [`${finished}/${total} done`];
    if (printing.length > 0) parts.push(`printing ${printing.join(', ')}`);
    if (queue.length > 0) parts.push(`queued: ${queue.join(', ')}`);
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
          break;
        case 'printing':
          queue = queue.filter((n) => n !== e.name);
          printing = [...printing, e.name];
          break;
        case 'notice':
          io.err(`warning: ${e.message}`);
          break;
        case 'finding':
          io.err(findingLine(e.finding, severityOf(e.finding, false)));
          break;
        case 'removed':
          if (e.reason === 'archived') {
            for (const file of e.kept) io.out(`kept ${show(file, io)}: ${WHY_REMOVED[e.reason]}`);
            break;
          }
          for (const file of e.removed) io.out(`removed ${show(file, io)}: ${WHY_REMOVED[e.reason]}`);
          for (const file of e.kept) io.err(`warning: left ${show(file, io)} in place: ${WHY_REMOVED[e.reason]}, but the file changed since it was written`);
          break;
        default:
          reportOutcome(e, io);
          if ((e.kind === 'built' || e.kind === 'failed') && e.name !== undefined && printing.includes(e.name)) {
            printing = printing.filter((n) => n !== e.name);
            finished++;
          }
      }
      showStatus();
    },
    done: () => status(''),
  };
}

function reportOutcome(o: BriefingOutcome, io: Io): void {
  switch (o.kind) {
    case 'failed':
      report(o.error, io);
      return;
    case 'skipped':
      io.out(`skipped ${show(o.canvas, io)}: ${o.reason}`);
      return;
    case 'current':
      return; // counted in the summary: "4 briefings up to date"
    case 'built': {
      const seconds = (o.ms / 1000).toFixed(1);
      io.out(`wrote ${show(o.pdf, io)}  ${o.pages} pages  edition ${o.edition}  ${seconds} s${o.html ? `  (+ ${show(o.html, io)})` : ''}`);
      for (const w of new Set(o.warnings)) io.err(`warning: ${o.name}: ${shortened(w)}`);
    }
  }
}
