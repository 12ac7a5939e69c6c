/**
 * The send journal, .briefing-sent.json in the project's folder (beside briefing.config.yaml): which briefing content (its content hash: the figures
 * and words, whatever tool version drew the PDF) went to which recipient through which list, and how (over
 * SMTP, or into the outbox folder). A recipient is sent a briefing unless the last copy of it they were
 * sent (through any list, by that channel) is this content, so a send that failed half-way is finished
 * without a duplicate, an address on two lists holds one copy (a --to trial copy is apart), and a figure changed back after a correction
 * went out is sent again (the recipient holds the correction, not this); --resend ignores it.
 *
 * It is the project's, not an output folder's: output/ is what people delete for a clean rebuild (and a CI run starts
 * from a fresh clone without it), and a send with another --out is the same project's. Kept in the output folder, the
 * record of what went out went with it, and the next send mailed every investor the same edition again. Nothing in an
 * entry's key names a folder (briefing, content, recipient, channel; the PDF's path is in none), so one journal serves
 * every output folder. Versions before kept it in <out>/.briefing-sent.json: that one is still read, and merged.
 *
 * Beside the entries, what each content sent was made from (`contents`: by content hash, the canvas it was made from,
 * whose text is kept once in `canvases` however many block sets and recipients it went to): a revised edition lists what
 * changed since the edition it replaces by comparing the two. Entries written before it was kept have none (the
 * message then says only that figures or words changed); versions that do not know it read the journal as before.
 */
import { readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BriefingError, EXIT } from '../errors.ts';
import { takeLockFile, writeAtomically } from '../files.ts';
import { sha256 } from '../hash.ts';

export const JOURNAL_FILE = '.briefing-sent.json';
/** Beside the journal while a send writes it (lockJournal). */
export const JOURNAL_LOCK_FILE = '.briefing-sent.lock';
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
  /**
   * The --since its "Changes since" chapter compared with, as given and what it named then (a commit, a file's path);
   * absent without one, and from entries written before it was recorded. A correction whose only difference is that
   * chapter is refused, naming it.
   */
  since?: string;
  sinceAt?: string;
  /**
   * The content of the edition it revises (Journal.revisedBy: what its PDF and message name), absent for a first edition and
   * from entries written before it was recorded: the journal keeps what that edition was made from, so that the same edition
   * printed again lists the same corrections.
   */
  revises?: string;
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

/** An edition sent: its stamp, its content hash, and when it first went. */
export interface EditionSent {
  edition: string;
  content: string;
  at: string;
}

/** The edition a briefing revises (Journal.revisedBy). */
export interface Revised extends EditionSent {
  /** What it was made from, where the journal kept it. */
  sent?: SentSource;
  copies: JournalEntry[];
}

/** What a content sent was made from: the canvas file's text as read (the briefing's name says which block set of it). */
export interface SentSource {
  canvas: string;
}

/** How the journal keeps SentSources: by content hash, the SHA-256 of the canvas's text, kept once in `canvases`. */
interface StoredSources {
  contents: Record<string, string>;
  canvases: Record<string, string>;
}

/**
 * What a recipient holds does not depend on the list it came with: a copy through one list is a copy through any. A copy
 * sent with --to (list "--to": a trial, "try it on yourself first") is apart: it is no list's copy, nor a list's copy a trial.
 */
type Key = Pick<JournalEntry, 'briefing' | 'route' | 'content' | 'period' | 'recipient' | 'channel'> & {
  /** The list it goes with: only whether it is "--to" matters (absent: a list's). */
  list?: string;
  /** The same content's hashes as earlier versions recorded it (plan/inputs.ts contentHashesBefore): the same briefing. */
  contentBefore?: string[];
};

/** Which briefing an edition of is asked for (by its name, or the route it goes by), for which period, and its content now. */
export type RevisionQuery = Pick<Key, 'briefing' | 'route' | 'content' | 'contentBefore'> & { period: string };

export interface Journal {
  /**
   * The last copy of the briefing the recipient was sent (through any list) by this channel, if it is this content (for
   * a name never sent before, a renamed canvas: the last copy of another, if it is): they hold it, whatever edition
   * printed it (another tool version's, or a theme's other looks); undefined when they do not.
   */
  held(entry: Key): JournalEntry | undefined;
  /**
   * The last copy of the briefing the recipient was sent (through any list) by this channel, if it is other content than this: what
   * this one replaces. For a name never sent before (file_name set or changed since), the last copy of the same route's briefing
   * of the same period (another period's is no earlier edition of it).
   */
  replaced(entry: Key): JournalEntry | undefined;
  /**
   * The last copy of the briefing (by its name, or the route it goes by) for `period` that each recipient was sent by
   * `channel` through a list (not --to), where it is other content than `content` (and its hashes before): the copies it replaces.
   */
  holders(of: Pick<Key, 'briefing' | 'route' | 'content' | 'contentBefore' | 'channel'> & { period: string }): JournalEntry[];
  /**
   * THE edition a briefing revises, the one rule the build's marking (cover line, data notes, /Replaces), send's message
   * (subject, X-Briefing-Replaces) and what the journal keeps all follow: the latest edition sent of the same briefing and
   * period (every edition of it sent with other content, the last first) whose content differs from it other than in the "Changes since" chapter alone. One made from the
   * same canvas, or that `now.chapterOnly` finds differs only there (a chapter-only edition sent with --resend), has its
   * figures and words, and so is passed over: it corrected nothing, and this one revises what that one revised. One whose
   * canvas the journal did not keep (or without `now`) it revises: it cannot tell. With that canvas (`sent`), where kept,
   * and every copy of that edition sent through a list (who was sent it, to say so and to answer that message).
   */
  revisedBy(of: RevisionQuery, now?: { canvas: string; chapterOnly: (sent: SentSource) => Promise<boolean> }): Promise<Revised | undefined>;
  /** The recipients of the last message recorded as gone `via` this (an outbox file: whom it names). */
  recipientsOf(via: string): string[];
  /** Records and saves at once, so that an interrupted run loses nothing it sent; with what the content was made from, kept once per content. */
  record(entries: JournalEntry[], source?: SentSource): Promise<void>;
  /** What the content `content` was made from, where a send recorded it (entries from before it was kept: none). */
  sourceOf(content: string): SentSource | undefined;
  /** Where it is kept. */
  file: string;
  /** Whether any record of earlier sends was found (here, or at the old place): without one, everyone is sent everything. */
  found: boolean;
  /** The journal of an output folder (the old place) whose entries were new to this one, and merged: said once. */
  merged?: { from: string; entries: number };
}

/**
 * The journal of the project in `dir`. One that exists but cannot be read, or is damaged, stops the send: without
 * it nobody can tell what was sent. With `resend` (everything goes again anyway) it is set aside as
 * .briefing-sent.json.damaged-<time> and a new one started.
 *
 * `outDir`: the output folder of the run, where versions before kept the journal. One found there is read too, its
 * entries this journal lacks merged in (an upgrade, or the first send of a project whose output folder had its own,
 * sends nothing again) and, unless `readOnly` (a dry run), written here at once, so that it is said only once. The
 * old file is left as it is: an older version of the tool run on the same folder (a colleague's, a CI image not yet
 * updated) still finds what it sent, and nothing is lost if this one cannot be written; entries already here are
 * not merged again.
 */
export async function openJournal(dir: string, options: { resend: boolean; outDir?: string; readOnly?: boolean }): Promise<Journal> {
  const file = join(dir, JOURNAL_FILE);
  const read = await readEntries(file, options.resend);
  const own = read?.entries;
  const sources: StoredSources = read?.sources ?? { contents: {}, canvases: {} };
  let entries = own ?? [];
  let merged: Journal['merged'];
  // The old place: this run's output folder, and the project's default one (an upgrade whose first send uses another --out).
  const oldDirs = [...new Set([options.outDir, join(dir, 'output')].filter((d) => d !== undefined).map((d) => resolve(d)))].filter((d) => resolve(d, JOURNAL_FILE) !== resolve(file));
  const from: string[] = [];
  let fresh = 0;
  let oldFound = false;
  for (const oldDir of oldDirs) {
    const old = (await readEntries(join(oldDir, JOURNAL_FILE), options.resend))?.entries;
    if (old === undefined) continue;
    oldFound = true;
    const known = new Set(entries.map(identity));
    const added = old.filter((e) => !known.has(identity(e)));
    if (added.length === 0) continue;
    // In the order they were sent, whichever journal recorded them: the last copy is what a recipient holds (a stable
    // sort keeps the order of those of one message, which share their time).
    entries = [...entries, ...added].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    from.push(oldDir === resolve(options.outDir ?? '') ? options.outDir! : oldDir);
    fresh += added.length;
  }
  if (fresh > 0) {
    merged = { from: from.join(' and '), entries: fresh };
    if (!options.readOnly) await save(file, entries, sources);
  }
  // Entries are in the order they were sent: the last one of a briefing, recipient and channel is what they hold, whichever
  // list it came with (the list stays in each entry, to say which).
  const key = (e: Key) => JSON.stringify([e.briefing, e.recipient, e.channel, trial(e.list)]);
  const latest = new Map(entries.map((e) => [key(e), e]));
  // A briefing under a name the journal has not seen (its canvas renamed: the content hash leaves the name out) is
  // not news when it is the last copy the recipient was sent of a briefing under some other name.
  const same = (l: JournalEntry, e: Key) => l.content === e.content || (e.contentBefore?.includes(l.content) ?? false);
  const heldElsewhere = (e: Key) => [...latest.values()].find((l) => same(l, e) && l.recipient === e.recipient && l.channel === e.channel && trial(l.list) === trial(e.list));
  // The last copy of the briefing the config routes by the same name, under whichever name it was sent: a correction sent after
  // file_name was added (the name "acme" became "acme-Q3-2025") still replaces the copy sent as "acme", though the next
  // period's went out under the route since (a restatement of last year's briefing after this year's).
  const sameRoute = (e: Key) => e.route === undefined ? undefined : entries.findLast((l) => routeOf(l) === e.route
    && (e.period === undefined || l.period === e.period) && l.recipient === e.recipient && l.channel === e.channel && trial(l.list) === trial(e.list));
  /** Whether an entry is a list's copy (not --to) of the briefing `of` names (by its name, or the route it goes by) for its period. */
  const copyOf = (of: Pick<Key, 'briefing' | 'route'> & { period: string }) => (e: JournalEntry) => (e.briefing === of.briefing || (of.route !== undefined && routeOf(e) === of.route)) && e.period === of.period && !trial(e.list);
  /**
   * Every edition of the briefing (by its name, or the route it goes by) for `period` sent through a list (not --to), by
   * either channel, where it is other content than `content` (and its hashes before), the last sent first, each once, with
   * its content and when it first went: the editions revisedBy may name.
   */
  const revisions = (of: RevisionQuery): EditionSent[] => {
    const named = copyOf(of);
    const found = new Map<string, EditionSent>();
    for (const e of entries.toReversed()) {
      if (!named(e) || e.edition === undefined || found.has(e.edition) || same(e, { ...of, recipient: e.recipient, channel: e.channel })) continue;
      found.set(e.edition, { edition: e.edition, content: e.content, at: entries.find((f) => named(f) && f.edition === e.edition)!.at });
    }
    return [...found.values()];
  };
  const sourceOf: Journal['sourceOf'] = (content) => {
    const kept = Object.hasOwn(sources.contents, content) ? sources.contents[content] : undefined;
    const canvas = typeof kept === 'string' && Object.hasOwn(sources.canvases, kept) ? sources.canvases[kept] : undefined;
    return typeof canvas === 'string' ? { canvas } : undefined;
  };
  const revisedBy: Journal['revisedBy'] = async (of, now) => {
    for (const edition of revisions(of)) {
      const sent = sourceOf(edition.content);
      if (now !== undefined && sent !== undefined && (sent.canvas === now.canvas || (await now.chapterOnly(sent)))) continue;
      const named = copyOf(of);
      return { ...edition, ...(sent === undefined ? {} : { sent }), copies: entries.filter((e) => named(e) && e.edition === edition.edition) };
    }
    return undefined;
  };
  return {
    file,
    found: own !== undefined || oldFound,
    ...(merged ? { merged } : {}),
    held: (entry) => {
      const last = latest.get(key(entry));
      if (last === undefined) return heldElsewhere(entry);
      return same(last, entry) ? last : undefined;
    },
    replaced: (entry) => {
      const last = latest.get(key(entry)) ?? sameRoute(entry);
      return last !== undefined && !same(last, entry) ? last : undefined;
    },
    holders: (of) => {
      const last = new Map<string, JournalEntry>();
      const named = copyOf(of);
      for (const e of entries) if (named(e) && e.channel === of.channel) last.set(e.recipient, e);
      return [...last.values()].filter((e) => !same(e, { ...of, recipient: e.recipient, channel: e.channel }));
    },
    revisedBy,
    recipientsOf: (via) => {
      const last = entries.findLast((e) => e.via === via);
      return last === undefined ? [] : [...new Set(entries.filter((e) => e.via === via && e.messageId === last.messageId).map((e) => e.recipient))];
    },
    async record(added, source) {
      if (added.length === 0) return;
      for (const e of added) {
        entries.push(e);
        latest.set(key(e), e);
      }
      if (source !== undefined) {
        const canvas = sha256(source.canvas);
        sources.canvases[canvas] = source.canvas;
        for (const e of added) sources.contents[e.content] = canvas;
      }
      // What a later correction may be compared with: each briefing's last copy to each recipient, and, for a correction
      // sent under another name (file_name added since), the same route's last copy of each period (sameRoute).
      const lastOfPeriod = new Map(entries.map((e) => [JSON.stringify([routeOf(e), e.period, e.recipient, e.channel, trial(e.list)]), e]));
      keepHeld(sources, new Set([...latest.values(), ...lastOfPeriod.values()].map((e) => e.content).concat(revisedLast(entries))));
      await save(file, entries, sources);
    },
    sourceOf,
  };
}

/** The name the config's routes know an entry's briefing by (entries written before routes were recorded: its name). */
function routeOf(e: JournalEntry): string {
  return e.route ?? e.briefing;
}

/**
 * Leaves in `sources` only what some recipient holds (`held`: the content of each briefing's last copy to each recipient by
 * each channel, and of each period's), and what the latest revision of each briefing replaces (revisedLast): a correction lists what changed since the copy they hold, never since one replaced
 * already. A canvas kept for every content sent grew the journal, which a project commits, by a whole canvas each correction.
 */
function keepHeld(sources: StoredSources, held: Set<string>): void {
  for (const content of Object.keys(sources.contents)) if (!held.has(content)) delete sources.contents[content];
  const kept = new Set(Object.values(sources.contents));
  for (const canvas of Object.keys(sources.canvases)) if (!kept.has(canvas)) delete sources.canvases[canvas];
}

/**
 * The contents each briefing's last edition of a period needs kept to be printed again as it went (build --force, another
 * output folder, a CI clone): the edition it revises (JournalEntry.revises, Journal.revisedBy's rule), and every edition of
 * the period sent since that one (those it differs from only in its chapter, which revisedBy passes over by their canvas).
 * Kept though nobody holds them any more: without them the same edition printed later named another edition, or said only
 * "its figures or words have changed", other bytes than the copy that went. An entry written before `revises` was
 * recorded: the content sent before it, as those versions kept.
 */
function revisedLast(entries: JournalEntry[]): string[] {
  const byPeriod = new Map<string, JournalEntry[]>();
  for (const e of entries) {
    if (trial(e.list) || e.edition === undefined) continue;
    const of = JSON.stringify([routeOf(e), e.period]);
    byPeriod.set(of, [...(byPeriod.get(of) ?? []), e]);
  }
  return [...byPeriod.values()].flatMap((sent) => {
    const last = sent.at(-1)!;
    if (last.revises !== undefined) {
      const from = sent.findIndex((e) => e.content === last.revises);
      return from < 0 ? [] : sent.slice(from).map((e) => e.content);
    }
    const before = sent.findLast((e) => e.content !== last.content);
    return before === undefined ? [] : [before.content];
  });
}

async function save(file: string, entries: JournalEntry[], sources: StoredSources): Promise<void> {
  const kept = Object.keys(sources.contents).length > 0 ? sources : {};
  await writeAtomically(file, `${JSON.stringify({ format: FORMAT, sent: entries, ...kept }, null, 2)}\n`);
}

/** One copy sent: the same in both journals when an older version recorded it in the output folder's and it was merged. */
function identity(e: JournalEntry): string {
  return JSON.stringify([e.briefing, e.content, e.list, e.recipient, e.channel, e.via, e.at, e.messageId]);
}

/**
 * The entries of the journal `file`; undefined when there is none. One that cannot be read stops the send (unless
 * `resend`: then it is set aside, and its entries count for nothing).
 */
async function readEntries(file: string, resend: boolean): Promise<{ entries: JournalEntry[]; sources?: StoredSources } | undefined> {
  try {
    return parseJournal(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const why = (error as Error).message;
    if (!resend) {
      throw new BriefingError(
        `${file} cannot be read (${why}), so what was sent before is unknown; nothing was sent. ` +
          'Restore it, or send everything again with --resend (the damaged file is then kept beside it).',
        EXIT.send,
        { cause: error },
      );
    }
    await rename(file, `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    return { entries: [] };
  }
}

/**
 * Runs `work` (a send into `outDir`) with the journal of the project in `dir` taken for this process. The output
 * folder's lock keeps two sends into one folder apart; two sends of one project into different folders (--out) share
 * this journal, and each would send what the other is sending (neither has recorded it yet) and overwrite the other's
 * records. A lock left by a process that is gone is taken over; one this process holds already is no obstacle.
 */
export async function withJournalLock<T>(dir: string, outDir: string, work: () => Promise<T>): Promise<T> {
  const lock = join(dir, JOURNAL_LOCK_FILE);
  const mine = `${process.pid} ${outDir}\n`;
  const taken = await takeLockFile(lock, mine, {
    busy: (pid, into) => new BriefingError(
      `the send journal ${join(dir, JOURNAL_FILE)} is in use by another briefing send (process ${pid}${into ? `, into ${into}` : ''}): ` +
        `wait for it to finish, then send again (what it sent is not sent twice). If no such process is running, remove ${lock}.`,
      EXIT.output,
    ),
    failed: (error) => new BriefingError(`cannot lock the send journal of ${dir} (${lock}): ${error.message}`, EXIT.output, { cause: error }),
  });
  if (taken === 'held') return work(); // this process sends already (its holder releases it)
  try {
    return await work();
  } finally {
    if ((await readFile(lock, 'utf8').catch(() => '')) === mine) await rm(lock, { force: true }).catch(() => {});
  }
}

/** Whether a copy went with --to: a trial, kept apart from the lists' copies. */
function trial(list: string | undefined): boolean {
  return list === '--to';
}

function parseJournal(text: string): { entries: JournalEntry[]; sources?: StoredSources } {
  const data = JSON.parse(text) as { format?: unknown; sent?: unknown; contents?: unknown; canvases?: unknown };
  if (data.format !== FORMAT || !Array.isArray(data.sent)) throw new Error('not a journal this version writes');
  for (const e of data.sent as Array<Record<string, unknown>>) {
    const ok = typeof e === 'object' && e !== null && ['briefing', 'content', 'list', 'recipient', 'channel'].every((k) => typeof e[k] === 'string');
    if (!ok) throw new Error('an entry is malformed');
  }
  // What contents were made from only helps to say what a revision changed: kept where it is whole, else left out.
  const record = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const sources = record(data.contents) && record(data.canvases) ? { contents: data.contents, canvases: data.canvases } as StoredSources : undefined;
  return { entries: data.sent as JournalEntry[], ...(sources ? { sources } : {}) };
}
