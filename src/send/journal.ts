/**
 * The send journal, <out>/.briefing-sent.json: which briefing content (its content hash: the figures
 * and words, whatever tool version drew the PDF) went to which recipient through which list, and how (over
 * SMTP, or into the outbox folder). A recipient is sent a briefing unless the last copy of it they were
 * sent (through any list, by that channel) is this content, so a send that failed half-way is finished
 * without a duplicate, an address on two lists holds one copy (a --to trial copy is apart), and a figure changed back after a correction
 * went out is sent again (the recipient holds the correction, not this); --resend ignores it.
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { BriefingError, EXIT } from '../errors.ts';
import { writeAtomically } from '../files.ts';

export const JOURNAL_FILE = '.briefing-sent.json';
const FORMAT = 'canvas-briefing send journal 1';

/** How a message left: over SMTP, or written to the outbox folder (which is not sending it). */
export type Channel = 'smtp' | 'outbox';

export interface JournalEntry {
  briefing: string;
  /**
   * The name the config's routes know it by (the canvas file's stem, plus --<set>), whatever briefing.file_name makes of
   * its PDF's name; absent from entries written before it was recorded, whose `briefing` was that name unless file_name was set.
   */
  route?: string;
  /** The briefing's content hash (plan/inputs.ts contentHash). */
  content: string;
  /** SHA-256 of the PDF attached. */
  pdf: string;
  edition?: string;
  /** The period the briefing covers (briefing.period): another edition of the same period is a revision of it. */
  period?: string;
  /** The list it went with (a recipient on several lists is sent it with one: the first the route names). */
  list: string;
  /** The address alone, lower case. */
  recipient: string;
  channel: Channel;
  /** Where to: smtp://host:port (never the credentials), or the .eml file. */
  via: string;
  at: string;
  messageId?: string;
}

/**
 * What a recipient holds does not depend on the list it came with: a copy through one list is a copy through any. A copy
 * sent with --to (list "--to": a trial, "try it on yourself first") is apart: it is no list's copy, nor a list's copy a trial.
 */
type Key = Pick<JournalEntry, 'briefing' | 'route' | 'content' | 'period' | 'recipient' | 'channel'> & {
  /** The list it goes with: only whether it is "--to" matters (absent: a list's). */
  list?: string;
  /** The same content's hash as an earlier version recorded it (plan/inputs.ts contentHashBefore): the same briefing. */
  contentBefore?: string;
};

export interface Journal {
  /**
   * Whether the last copy of the briefing the recipient was sent (through any list) by this channel is this content (for
   * a name never sent before, a renamed canvas: whether the last copy of another is).
   */
  has(entry: Key): boolean;
  /**
   * The last copy of the briefing the recipient was sent (through any list) by this channel, if it is other content than this: what
   * this one replaces. For a name never sent before (file_name set or changed since), the last copy of the same route's briefing
   * of the same period (another period's is no earlier edition of it).
   */
  replaced(entry: Key): JournalEntry | undefined;
  /** Records and saves at once, so that an interrupted run loses nothing it sent. */
  record(entries: JournalEntry[]): Promise<void>;
}

/**
 * The journal of `outDir`. One that exists but cannot be read, or is damaged, stops the send: without
 * it nobody can tell what was sent. With `resend` (everything goes again anyway) it is set aside as
 * .briefing-sent.json.damaged-<time> and a new one started.
 */
export async function openJournal(outDir: string, options: { resend: boolean }): Promise<Journal> {
  const file = join(outDir, JOURNAL_FILE);
  let entries: JournalEntry[] = [];
  try {
    entries = parseJournal(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      const why = (error as Error).message;
      if (!options.resend) {
        throw new BriefingError(
          `${file} cannot be read (${why}), so what was sent before is unknown; nothing was sent. ` +
            'Restore it, or send everything again with --resend (the damaged file is then kept beside it).',
          EXIT.send,
          { cause: error },
        );
      }
      await rename(file, `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    }
  }
  // Entries are in the order they were sent: the last one of a briefing, recipient and channel is what they hold, whichever
  // list it came with (the list stays in each entry, to say which).
  const key = (e: Key) => JSON.stringify([e.briefing, e.recipient, e.channel, trial(e.list)]);
  const latest = new Map(entries.map((e) => [key(e), e]));
  // A briefing under a name the journal has not seen (its canvas renamed: the content hash leaves the name out) is
  // not news when it is the last copy the recipient was sent of a briefing under some other name.
  const same = (l: JournalEntry, e: Key) => l.content === e.content || (e.contentBefore !== undefined && l.content === e.contentBefore);
  const held = (e: Key) => [...latest.values()].some((l) => same(l, e) && l.recipient === e.recipient && l.channel === e.channel && trial(l.list) === trial(e.list));
  // The last copy of the briefing the config routes by the same name, under whichever name it was sent: a correction sent after
  // file_name was added (the name "acme" became "acme-Q3-2025") still replaces the copy sent as "acme", though the next
  // period's went out under the route since (a restatement of last year's briefing after this year's).
  const sameRoute = (e: Key) => e.route === undefined ? undefined : entries.findLast((l) => (l.route ?? l.briefing) === e.route
    && (e.period === undefined || l.period === e.period) && l.recipient === e.recipient && l.channel === e.channel && trial(l.list) === trial(e.list));
  return {
    has: (entry) => {
      const last = latest.get(key(entry));
      return last === undefined ? held(entry) : same(last, entry);
    },
    replaced: (entry) => {
      const last = latest.get(key(entry)) ?? sameRoute(entry);
      return last !== undefined && !same(last, entry) ? last : undefined;
    },
    async record(added) {
      if (added.length === 0) return;
      for (const e of added) {
        entries.push(e);
        latest.set(key(e), e);
      }
      await writeAtomically(file, `${JSON.stringify({ format: FORMAT, sent: entries }, null, 2)}\n`);
    },
  };
}

/** Whether a copy went with --to: a trial, kept apart from the lists' copies. */
function trial(list: string | undefined): boolean {
  return list === '--to';
}

function parseJournal(text: string): JournalEntry[] {
  const data = JSON.parse(text) as { format?: unknown; sent?: unknown };
  if (data.format !== FORMAT || !Array.isArray(data.sent)) throw new Error('not a journal this version writes');
  for (const e of data.sent as Array<Record<string, unknown>>) {
    const ok = typeof e === 'object' && e !== null && ['briefing', 'content', 'list', 'recipient', 'channel'].every((k) => typeof e[k] === 'string');
    if (!ok) throw new Error('an entry is malformed');
  }
  return data.sent as JournalEntry[];
}
