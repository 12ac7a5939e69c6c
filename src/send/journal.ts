/**
 * The send journal, <out>/.briefing-sent.json: which PDF (by content hash) went to which recipient
 * of which list, and how (SMTP, or the outbox folder). A re-run sends only what it does not record,
 * so a send that failed half-way is finished without a duplicate; --resend ignores it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from '../write-atomically.ts';

export const JOURNAL_FILE = '.briefing-sent.json';
const FORMAT = 'canvas-briefing send journal 1';

/** How a message left: over SMTP, or written to the outbox folder (which is not sending it). */
export type Channel = 'smtp' | 'outbox';

export interface JournalEntry {
  briefing: string;
  /** SHA-256 of the PDF sent. */
  pdf: string;
  edition?: string;
  list: string;
  /** The address alone, lower case. */
  recipient: string;
  channel: Channel;
  /** Where to: smtp://host:port (never the credentials), or the .eml file. */
  via: string;
  at: string;
  messageId?: string;
}

export interface Journal {
  entries: JournalEntry[];
  /** Why an existing journal was set aside (then everything counts as unsent, and the user is told). */
  problem?: string;
  has(entry: Pick<JournalEntry, 'pdf' | 'list' | 'recipient' | 'channel'>): boolean;
  /** Records and saves at once, so that an interrupted run loses nothing it sent. */
  record(entries: JournalEntry[]): Promise<void>;
}

export async function openJournal(outDir: string): Promise<Journal> {
  const file = join(outDir, JOURNAL_FILE);
  let entries: JournalEntry[] = [];
  let problem: string | undefined;
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { format?: string; sent?: JournalEntry[] };
    if (data.format !== FORMAT || !Array.isArray(data.sent)) throw new Error('not a journal this version writes');
    entries = data.sent;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      problem = `${file} is unreadable (${(error as Error).message}): it is kept as ${JOURNAL_FILE}.damaged and every message counts as unsent`;
    }
  }
  const key = (e: Pick<JournalEntry, 'pdf' | 'list' | 'recipient' | 'channel'>) => `${e.pdf} ${e.list} ${e.recipient} ${e.channel}`;
  const known = new Set(entries.map(key));
  let setAside = problem === undefined;
  return {
    entries,
    problem,
    has: (entry) => known.has(key(entry)),
    async record(added) {
      if (added.length === 0) return;
      if (!setAside) {
        // Kept for the user to look at: never overwritten by the first record of this run.
        await writeAtomically(`${file}.damaged`, await readFile(file).catch(() => new Uint8Array()));
        setAside = true;
      }
      for (const e of added) {
        entries.push(e);
        known.add(key(e));
      }
      await writeAtomically(file, `${JSON.stringify({ format: FORMAT, sent: entries }, null, 2)}\n`);
    },
  };
}
