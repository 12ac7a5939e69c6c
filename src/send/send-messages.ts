/**
 * send/: the messages of a `briefing send`, out: for each briefing and list, the recipients the journal
 * does not record as having this content yet (through any list), through the mailer (SMTP or the outbox),
 * each result recorded at once and reported. An address on several lists goes with the first of them in
 * the order its route names them only: each address gets a briefing at most once a run.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sha256 } from '../hash.ts';
import { addressOf, createMailer } from './mailer.ts';
import { openJournal, type Channel, type JournalEntry, type SentSource } from './journal.ts';

/**
 * An earlier edition a message replaces: which, when, whether every recipient of the message had it, and whether it was
 * only written to the outbox; and what it was made from, where the journal kept it (to list what changed since).
 */
export interface Replaces {
  edition?: string;
  at: string;
  all: boolean;
  /** None of the message's recipients was sent it (they hold none, or another edition only). */
  none?: boolean;
  written: boolean;
  source?: SentSource;
}

/** Who a list sends to: mailboxes as the headers show them. */
export interface People {
  to: string[];
  cc: string[];
  bcc: string[];
}

/** One briefing ready to go: its message, its PDF, and the lists (or the --to addresses, as list "--to") it goes to. */
export interface Outgoing {
  briefing: string;
  /** The name the config's routes know it by (model routeName), whatever file_name makes of `briefing`. */
  route?: string;
  /** plan/ contentHash: what the journal records as sent. */
  content: string;
  /** plan/ contentHashesBefore: the same content as journals of earlier versions recorded it (with file_name's effect, or a theme's notation). */
  contentBefore?: string[];
  pdf: { sha256: string; bytes: Uint8Array };
  edition: string;
  /** On a dry run, why a real run would print it before sending (no PDF yet, or a stale one): `pdf` is empty. */
  printFirst?: string;
  /** The period it covers (briefing.period): an earlier edition of the same period sent to a recipient is what this one revises. */
  period: string;
  /** The title of its "Changes since" chapter, when built with --since. */
  chapter?: string;
  /**
   * The message, for recipients new to the briefing; and, for those sent an earlier edition of it, saying which it replaces
   * (in its subject, and with an attachment named apart): with the name its PDF is attached under.
   */
  email: (replaces?: Replaces) => Promise<{ subject: string; html: string; text: string; attachmentName: string; changes?: string[] }>;
  lists: Array<[string, People]>;
  /**
   * Every address the config routes it to, through any of its lists (those --list leaves out of this run too); absent for a
   * run with --to. Someone holding an earlier edition of it for the same period who is none of them is sent no correction.
   */
  routed?: string[];
  /** What it is made from (the canvas as read, and its block set): recorded in the journal, for a later revision to list what changed. */
  source?: SentSource;
  /** The canvas file it is built from (to name in what the run says). */
  canvas?: string;
  /** The --since its "Changes since" chapter compares with (as given, and what it named: ManifestEntry since, sinceAt); recorded in the journal. */
  since?: KeptSince;
  /**
   * Whether, compared with the canvas an edition sent was made from (`sent`), it differs only in its "Changes since"
   * chapter (no figure or text of it changed): then it is no correction, and is not sent as a revised edition (but --resend).
   * Its answer is then the content hash that canvas's briefing has without a chapter (an edition sent with that content
   * had none), and undefined where it is not alike.
   */
  sameButChapter?: (sent: SentSource) => Promise<string | undefined>;
}

/** A --since as given, and what it named then (a commit, a file's absolute path). */
export interface KeptSince {
  since: string;
  at?: string;
}

/**
 * Recipients holding an edition of a briefing for the same period that this one differs from only in its "Changes since"
 * chapter (its starting point moved: a build --since HEAD after the edition sent was committed): not sent it, as a
 * revised edition would correct nothing. By the edition they hold, with the --since it was built with where the journal
 * recorded it.
 */
export interface ChapterOnlyEvent {
  kind: 'chapter-only';
  briefing: string;
  list: string;
  /** This edition ('' on a dry run that would print it first), its chapter's title and --since (none: no chapter). */
  edition: string;
  chapter?: string;
  since?: KeptSince;
  canvas?: string;
  /** `noChapter`: that edition had no "Changes since" chapter (built without --since), rather than one the journal did not record. */
  held: Array<{ edition?: string; at: string; recipients: string[]; since?: KeptSince; noChapter?: boolean }>;
  dryRun: boolean;
}

export interface MailSettings {
  from: string;
  replyTo?: string;
  smtpUrl?: string;
  /** Where smtpUrl came from, for messages about it. */
  smtpSource?: string;
  outbox: string;
  backoffMs?: number;
  /** How long a server has to greet (mailer.ts; default 20 s). */
  greetingTimeoutMs?: number;
  dryRun: boolean;
  resend: boolean;
  /** Aborted (Ctrl-C): no message is begun after it, and one waiting to be tried again is not. */
  signal?: AbortSignal;
}

/** One message: to whom, what, and how; reported before it goes (or, on a dry run, instead). */
export interface MessageEvent extends People {
  kind: 'message';
  briefing: string;
  list: string;
  subject: string;
  attachment: { name: string; bytes: number; edition?: string; chapter?: string; printFirst?: string };
  via: string;
  /** smtp: e-mailed; outbox: written as a file for a person to send. */
  channel: Channel;
  dryRun: boolean;
  /** Recipients the journal says already have this content (through any list, by this channel): not sent again, and left off its headers. */
  already: string[];
  /**
   * Those of `already` who hold the same figures and words under another edition than this one (printed again since: the
   * tool, the browser or a theme's looks changed, as a theme's notation of negative figures), by the edition they hold:
   * a reprint, no correction, and so not sent again.
   */
  reprinted?: Array<{ edition: string; recipients: string[] }>;
  /**
   * Recipients of this list an earlier list's message of this run is for (addresses compared in lower case), with that list:
   * left off this message's envelope and headers. `ok`: whether that message reached them (absent on a dry run).
   */
  duplicates: Array<{ recipient: string; list: string; ok?: boolean }>;
  /** The others: whom it goes to now (none: nothing goes). */
  recipients: string[];
  /**
   * The earlier editions of the briefing that some of them were sent, which this one replaces: each with whom it was sent
   * to and when, the latest first (the one the message names). Recipients sent different editions (one refused the first,
   * another the correction) are each under their own.
   */
  replaces?: Array<{ edition?: string; at: string; recipients: string[] }>;
  /** The edition the message (and its PDF) names as the one it replaces (Journal.revisedBy), with `replaces`. */
  names?: { edition: string; at: string };
  /** Of a revised edition: what changed since the edition the message names, as its message lists it (absent: not known). */
  changes?: string[];
}

/** What became of one recipient of one message. */
export interface RecipientEvent {
  kind: 'recipient';
  briefing: string;
  list: string;
  recipient: string;
  ok: boolean;
  error?: string;
  via: string;
  channel: Channel;
}

/**
 * A message whose connection dropped after the server had the whole of it, before it confirmed it, and that a later try
 * delivered: those recipients may have it twice (SMTP cannot tell).
 */
export interface TwiceEvent {
  kind: 'twice';
  briefing: string;
  list: string;
  recipients: string[];
}

/**
 * What the journal said before anything went: `merged`, an output folder's journal (where versions before kept it)
 * read and merged into the project's; `none`, no record of earlier sends at all, just before the first message to a
 * list goes (said so that whoever deleted it sees it in the log: everyone is sent everything).
 */
export type JournalEvent = { kind: 'journal'; state: 'merged'; file: string; from: string } | { kind: 'journal'; state: 'none'; file: string };

/**
 * An outbox file of an earlier edition that this run's revised edition replaces: moved out of the folder a mail client
 * sends (into `into`, kept), or, on a dry run, what a real run would move. `left`: those the earlier file is also for
 * whom this run writes no copy of the new edition (no longer on the list): while there are any, it stays where it is.
 */
export interface SupersededEvent {
  kind: 'superseded';
  briefing: string;
  list: string;
  file: string;
  into: string;
  /** The edition that replaces it, and the one it holds. */
  edition: string;
  replaced?: string;
  dryRun: boolean;
  left: string[];
}

/**
 * Recipients who hold an earlier edition of a briefing for the same period than the one this run sends (a correction), and
 * to whom the config routes it no more (taken off its lists): they are sent no correction. By the edition each holds.
 */
export interface StrandedEvent {
  kind: 'stranded';
  briefing: string;
  period: string;
  /** The edition that replaces theirs ('' on a dry run that would print it first). */
  edition: string;
  holders: Array<{ edition?: string; at: string; recipients: string[] }>;
  dryRun: boolean;
}

/** A message the server deferred (or a connection that failed): tried again after `waitMs`. */
export interface RetryEvent {
  kind: 'retry';
  briefing: string;
  list: string;
  waitMs: number;
  reason: string;
}

/**
 * Sends every message of `items`, by the journal of the project in `projectDir` (reading the one versions before kept
 * in the output folder `outDir` too); returns how many recipients were not sent.
 */
export async function sendMessages(where: { projectDir: string; outDir: string }, items: Outgoing[], settings: MailSettings, report: (event: MessageEvent | RecipientEvent | RetryEvent | TwiceEvent | JournalEvent | SupersededEvent | StrandedEvent | ChapterOnlyEvent) => void): Promise<number> {
  const journal = await openJournal(where.projectDir, { resend: settings.resend, outDir: where.outDir, readOnly: settings.dryRun });
  if (journal.merged) report({ kind: 'journal', state: 'merged', file: journal.file, from: journal.merged.from });
  // Said once, when a real message to a list is about to go (not a trial copy with --to, nor with --resend, which sends everything anyway).
  let unrecorded = !journal.found && !settings.dryRun && !settings.resend;
  let current = { briefing: '', list: '' };
  const mailer = createMailer({ ...settings, onRetry: (waitMs, reason) => report({ kind: 'retry', ...current, waitMs, reason }) });
  let failed = 0;
  try {
    for (const item of items) {
      const { briefing, route, content, contentBefore, edition } = item;
      // The edition this one revises, by the rule its PDF was marked by (Journal.revisedBy): the message and
      // X-Briefing-Replaces name it, whatever edition each recipient holds (one differing only in its chapter, sent with
      // --resend, corrected nothing; none: this is no revised edition, though sent again to those who hold one).
      const { sameButChapter: alike, source: made } = item;
      const revised = await journal.revisedBy({ briefing, route, content, contentBefore, period: item.period }, made && alike && { canvas: made.canvas, chapterOnly: async (sent) => (await alike(sent)) !== undefined });
      // The addresses an earlier list's message of this briefing is for in this run (lists in the order the route names
      // them), with that list and whether it reached them: a later list leaves them off (also with --resend), reached or
      // not (a failure is said and counted once, and the next run tries it again).
      const claimed = new Map<string, { list: string; ok?: boolean }>();
      // Who holds this content after the run (had it, or was written it now), and the outbox files of earlier editions
      // its messages replace: once every recipient of such a file has the correction, the file leaves the outbox.
      const holding = new Set<string>();
      const replacedFiles = new Map<string, { list: string; via: string; edition?: string }>();
      for (const [list, people] of item.lists) {
        if (settings.signal?.aborted) return failed;
        const listed = [...new Set([...people.to, ...people.cc, ...people.bcc].map(addressOf))];
        const duplicates = listed.flatMap((r) => { const c = claimed.get(r); return c ? [{ recipient: r, ...c }] : []; });
        const everyone = listed.filter((r) => !claimed.has(r));
        const held = settings.resend ? [] : everyone.flatMap((r) => journal.held({ briefing, content, contentBefore, list, recipient: r, channel: mailer.channel }) ?? []);
        const already = everyone.filter((r) => held.some((h) => h.recipient === r));
        // (Not known on a dry run that would print the PDF first, edition ''; nor said then: the print may give the same one.)
        const reprinted = edition === '' ? [] : byEdition(held.filter((h) => h.edition !== undefined && h.edition !== edition));
        // Those holding an edition this one differs from only in its "Changes since" chapter: a revised edition would correct
        // nothing (and most often loses the quarter's changes: --since HEAD after the edition sent was committed). Not sent
        // them but with --resend, and counted as not sent, with what to do.
        const chapterOnly: JournalEntry[] = [];
        /** The editions among them that had no chapter: their content is their canvas's without one. */
        const chapterless = new Set<string | undefined>();
        const { sameButChapter } = item;
        for (const r of settings.resend || sameButChapter === undefined ? [] : everyone.filter((x) => !already.includes(x))) {
          const e = journal.replaced({ briefing, route, content, contentBefore, period: item.period, list, recipient: r, channel: mailer.channel });
          const source = e?.period === item.period ? journal.sourceOf(e.content) : undefined;
          const plain = e !== undefined && source !== undefined ? await sameButChapter!(source) : undefined;
          if (plain === undefined) continue;
          chapterOnly.push(e!);
          if (e!.content === plain) chapterless.add(e!.edition);
        }
        const recipients = everyone.filter((r) => !already.includes(r) && !chapterOnly.some((e) => e.recipient === r));
        if (chapterOnly.length > 0) {
          failed += chapterOnly.length;
          for (const e of chapterOnly) claimed.set(e.recipient, { list, ok: false });
          const held = editionsSent(chapterOnly).map((h) => ({ ...h, ...sinceOf(chapterOnly.find((e) => e.edition === h.edition)!), ...(chapterless.has(h.edition) ? { noChapter: true } : {}) }));
          report({ kind: 'chapter-only', briefing, list, edition, ...(item.chapter === undefined ? {} : { chapter: item.chapter }), ...(item.since === undefined ? {} : { since: item.since }), ...(item.canvas === undefined ? {} : { canvas: item.canvas }), held, dryRun: settings.dryRun });
          if (recipients.length === 0 && already.length === 0 && duplicates.length === 0) continue;
        }
        // Those the journal says hold it already are said to hold it by every list that names them.
        for (const r of recipients) claimed.set(r, { list });
        // The headers name exactly whom the message goes to in this run, as its envelope does: not one the journal says
        // has it already (a retry, or a run resumed after Ctrl-C, whose earlier list reached them), nor one an earlier
        // list's message of this run is for. A header naming someone not sent it tells its readers they have it.
        const addressed = recipients.length === listed.length ? people : only(people, recipients);
        // A file in the outbox is sent by a person to whom it names: when some of the list have one already, this one
        // names only the others, and takes a name of its own (the earlier file may not have been sent yet).
        const partOfList = mailer.channel === 'outbox' && already.length > 0 && recipients.length > 0;
        const stem = `${briefing}--${edition}${partOfList ? `--${sha256(recipients.join(' ')).slice(0, 8)}` : ''}`;
        // Recipients who hold an earlier edition of this briefing for the same period (a correction, not the next quarter's):
        // the message says it replaces it, and threads with it.
        const earlier = recipients.flatMap((r) => journal.replaced({ briefing, route, content, contentBefore, period: item.period, list, recipient: r, channel: mailer.channel }) ?? []).filter((e) => e.period === item.period);
        // Named to those who hold an earlier edition of this period; one new to the briefing gets it as a first edition.
        const named = earlier.length > 0 ? revised : undefined;
        const replaces = named && editionsSent(earlier);
        // "Sent to you" only when every recipient of this message was sent that very edition; it answers that message only
        // then (the last copy of it each was sent, when that is one message).
        const copies = recipients.map((r) => named?.copies.findLast((c) => c.recipient === r && c.channel === mailer.channel));
        const all = named !== undefined && copies.every((c) => c !== undefined);
        const last = named && { edition: named.edition, at: named.at, messageId: copies[0]?.messageId };
        const { attachmentName, changes, ...email } = await item.email(named && { edition: named.edition, at: named.at, all, ...(copies.some((c) => c !== undefined) ? {} : { none: true }), written: mailer.channel === 'outbox', ...(named.sent ? { source: named.sent } : {}) });
        if (unrecorded && list !== '--to' && recipients.length > 0) {
          unrecorded = false;
          report({ kind: 'journal', state: 'none', file: journal.file });
        }
        for (const r of already) holding.add(r);
        // Outbox files go in a folder per list (list names hold no "/"): no two messages share a file.
        const folder = list === '--to' ? 'to' : list;
        if (mailer.channel === 'outbox') {
          // In the folder of the list it was written for (the journal pairs editions by recipient, whatever the list): this
          // run's outbox, that file's list folder and name (its path as recorded may be relative to another working folder).
          for (const e of earlier) replacedFiles.set(join(settings.outbox, basename(dirname(e.via)), basename(e.via)), { list, via: e.via, edition: e.edition });
          replacedFiles.delete(join(settings.outbox, folder, `${stem}.eml`)); // the same name: written over, not replaced
        }
        report({ kind: 'message', briefing, list, subject: email.subject, ...addressed, attachment: { name: attachmentName, bytes: item.pdf.bytes.length, edition, chapter: item.chapter, ...(item.printFirst === undefined ? {} : { printFirst: item.printFirst }) }, via: mailer.describe, channel: mailer.channel, dryRun: settings.dryRun, already, ...(reprinted.length > 0 ? { reprinted } : {}), duplicates, recipients, ...(named ? { replaces: replaces!, names: { edition: named.edition, at: named.at } } : {}), ...(named && changes ? { changes } : {}) });
        if (settings.dryRun) for (const r of recipients) holding.add(r);
        if (settings.dryRun || recipients.length === 0) continue;
        const message = {
          from: settings.from,
          replyTo: settings.replyTo,
          ...addressed,
          ...email,
          attachment: { filename: attachmentName, content: item.pdf.bytes },
          headers: { 'X-Briefing': briefing, 'X-Briefing-Edition': edition, ...(last?.edition ? { 'X-Briefing-Replaces': last.edition } : {}) },
          ...(all && last?.messageId && copies.every((c) => c?.messageId === last.messageId) ? { inReplyTo: last.messageId, references: [last.messageId] } : {}),
        };
        current = { briefing, list };
        const sent = await mailer.send(message, recipients, { folder, stem });
        const at = new Date().toISOString();
        await journal.record(sent.results.filter((r) => r.ok).map((r) => ({ briefing, ...(route === undefined ? {} : { route }), ...(item.since === undefined ? {} : { since: item.since.since, ...(item.since.at === undefined ? {} : { sinceAt: item.since.at }) }), content, ...(revised === undefined ? {} : { revises: revised.content }), pdf: item.pdf.sha256, edition, period: item.period, list, recipient: r.recipient, channel: mailer.channel, via: sent.via, at, messageId: sent.messageId })), item.source);
        for (const r of sent.results) {
          claimed.set(r.recipient, { list, ok: r.ok });
          if (r.ok) holding.add(r.recipient);
          if (!r.ok) failed++;
          report({ kind: 'recipient', briefing, list, recipient: r.recipient, ok: r.ok, error: r.error, via: sent.via, channel: mailer.channel });
        }
        const twice = sent.results.filter((r) => r.ok && r.maybeTwice).map((r) => r.recipient);
        if (twice.length > 0) report({ kind: 'twice', briefing, list, recipients: twice });
      }
      // Those holding an earlier edition of this period whom the config no longer routes it to: no correction reaches them.
      const routed = item.routed === undefined ? undefined : new Set(item.routed.map(addressOf));
      const stranded = routed === undefined ? [] : journal.holders({ briefing, route, content, contentBefore, period: item.period, channel: mailer.channel })
        .filter((e) => !routed.has(e.recipient) && !holding.has(e.recipient));
      if (stranded.length > 0) report({ kind: 'stranded', briefing, period: item.period, edition, holders: editionsSent(stranded), dryRun: settings.dryRun });
      // The outbox is sent whole by a mail client: a file with the figures this edition corrects, left beside it, goes
      // out too. Only one still in this run's outbox (not sent and taken out by the mail client, nor moved already). One
      // also for someone no list names any more goes too: they are told of above, and nobody should be sent its figures.
      for (const [file, { list, via, edition: replaced }] of replacedFiles) {
        if (!existsSync(file)) continue;
        const left = journal.recipientsOf(via).filter((r) => !holding.has(r) && (routed === undefined || routed.has(r)));
        const into = join(dirname(file), SUPERSEDED);
        if (left.length === 0 && !settings.dryRun) await mailer.supersede(file, into);
        report({ kind: 'superseded', briefing, list, file, into, edition, ...(replaced === undefined ? {} : { replaced }), dryRun: settings.dryRun, left });
      }
    }
  } finally {
    mailer.close();
  }
  return failed;
}

/** The folder of a list's outbox folder that superseded files are moved into: kept for the record, not sent. */
export const SUPERSEDED = 'superseded';

/** Who was sent which of `earlier` and when (to the minute, as it is said), the latest first. */
function editionsSent(earlier: Array<{ edition?: string; at: string; recipient: string }>): Array<{ edition?: string; at: string; recipients: string[] }> {
  const groups = new Map<string, { edition?: string; at: string; recipients: string[] }>();
  for (const e of [...earlier].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))) {
    const key = JSON.stringify([e.edition, e.at.slice(0, 16)]);
    const group = groups.get(key) ?? { edition: e.edition, at: e.at, recipients: [] };
    groups.set(key, group);
    if (!group.recipients.includes(e.recipient)) group.recipients.push(e.recipient);
  }
  return [...groups.values()];
}

/** The --since an edition sent was built with, as the journal recorded it (none: without one, or not recorded). */
function sinceOf(e: JournalEntry): { since?: KeptSince } {
  return e.since === undefined ? {} : { since: { since: e.since, ...(e.sinceAt === undefined ? {} : { at: e.sinceAt }) } };
}

/** The recipients of `entries`, by the edition each holds (in the order first held). */
function byEdition(entries: Array<{ edition?: string; recipient: string }>): Array<{ edition: string; recipients: string[] }> {
  const groups = new Map<string, string[]>();
  for (const e of entries) groups.set(e.edition!, [...(groups.get(e.edition!) ?? []), e.recipient]);
  return [...groups].map(([edition, recipients]) => ({ edition, recipients }));
}

/** The mailboxes of `people` whose addresses are among `addresses`. */
function only(people: People, addresses: string[]): People {
  const keep = (mailboxes: string[]) => mailboxes.filter((m) => addresses.includes(addressOf(m)));
  return { to: keep(people.to), cc: keep(people.cc), bcc: keep(people.bcc) };
}
