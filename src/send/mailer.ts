/**
 * send/: messages out, through nodemailer: over SMTP (BRIEFING_SMTP_URL or the config's mail.smtp),
 * retrying what may pass later (4xx replies, a dropped or refused connection) with backoff and not
 * what will not (5xx); or, with no SMTP server configured, as .eml files in the outbox folder.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import { BriefingError, EXIT } from '../errors.ts';
import { writeAtomically } from '../files.ts';
import type { Channel } from './journal.ts';

export interface OutgoingMessage {
  from: string;
  replyTo?: string;
  /** As the headers show them (mailboxes with names); Bcc is never in the headers sent. */
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string;
  text: string;
  attachment: { filename: string; content: Uint8Array };
  headers: Record<string, string>;
  /** The message this one follows up (an earlier edition of the briefing): mail clients show them as one thread. */
  inReplyTo?: string;
  references?: string[];
}

export interface RecipientResult {
  /** The address alone, lower case. */
  recipient: string;
  ok: boolean;
  error?: string;
  /**
   * Sent on a try after one whose connection dropped once the server had the whole message but before it confirmed
   * it: the server may have delivered that one too (SMTP cannot tell).
   */
  maybeTwice?: boolean;
}

export interface SendResult {
  messageId: string;
  /** smtp://host:port, or the .eml file written. */
  via: string;
  results: RecipientResult[];
}

export interface Mailer {
  channel: Channel;
  /** Where messages go, for the user: never the credentials. */
  describe: string;
  /**
   * Sends `message` to `recipients` (addresses; a subset of its to/cc/bcc when some already have it).
   * `file` names the outbox file: <outbox>/<folder>/<stem>.eml.
   */
  send(message: OutgoingMessage, recipients: string[], file: { folder: string; stem: string }): Promise<SendResult>;
  /**
   * Moves the outbox file `file`, which a revised edition replaces, into the folder `into` (made if need be), under its
   * own name, or with -2, -3... before .eml when one there has it: out of what a mail client sends, kept, never deleted.
   */
  supersede(file: string, into: string): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  /** smtp:// or smtps:// URL; without it messages go to `outbox`. */
  smtpUrl?: string;
  outbox: string;
  /** Tries per message, and the wait before the second (doubled each time): defaults 4 and 2 s. */
  attempts?: number;
  backoffMs?: number;
  /** Told before each wait to try again: how long, and why. */
  onRetry?: (waitMs: number, reason: string) => void;
  /** Aborted (Ctrl-C): a wait to try again ends at once, and the message is not tried again. */
  signal?: AbortSignal;
  /** How long a server that took the connection has to greet (default 20 s); tests shorten it. */
  greetingTimeoutMs?: number;
}

/** The parts of an SMTP URL the transport needs; a BriefingError (usage) naming `source` when it is not one. */
export function parseSmtpUrl(url: string, source: string): URL {
  const fix = 'write smtp://user:password@host:587 or smtps://user:password@host:465, with @ : / % in the user or password percent-encoded (p@ss becomes p%40ss)';
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch (cause) {
    throw new BriefingError(`${source} is not a URL: ${fix}`, EXIT.usage, { cause });
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new BriefingError(`${source} must be an smtp:// or smtps:// URL, not ${parsed.protocol}//...: ${fix}`, EXIT.usage);
  if (!parsed.hostname) throw new BriefingError(`${source} names no host: ${fix}`, EXIT.usage);
  return parsed;
}

/** The address of a mailbox ("Name <a@b.example>" or "a@b.example"), lower case: what a journal and an envelope use. */
export function addressOf(mailbox: string): string {
  return (/<([^<>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox).trim().toLowerCase();
}

export function createMailer(options: MailerOptions & { smtpSource?: string }): Mailer {
  return options.smtpUrl ? smtpMailer(parseSmtpUrl(options.smtpUrl, options.smtpSource ?? 'the SMTP server'), options) : outboxMailer(options.outbox);
}

function outboxMailer(outbox: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    channel: 'outbox',
    describe: `the outbox folder ${outbox}`,
    async send(message, recipients, where) {
      const messageId = newMessageId(message.from);
      // The whole message as a mail client opens it (the stream transport keeps Bcc: the file says who it is for).
      const info = (await transport.sendMail(compose(message, messageId))) as { message: Buffer };
      const folder = join(outbox, where.folder);
      const file = join(folder, `${where.stem}.eml`);
      // A folder that takes no files (read-only, full) is the output's failure (exit 7), said as writeAtomically says it.
      await mkdir(folder, { recursive: true }).catch((cause: Error) => {
        throw new BriefingError(`cannot write ${file}: ${cause.message}`, EXIT.output, { cause });
      });
      await writeAtomically(file, info.message);
      return { messageId, via: file, results: recipients.map((recipient) => ({ recipient, ok: true })) };
    },
    async supersede(file, into) {
      const stem = basename(file, '.eml');
      let target = join(into, `${stem}.eml`);
      for (let n = 2; existsSync(target); n++) target = join(into, `${stem}-${n}.eml`);
      // Left in the outbox, it goes out beside its correction: the run stops (exit 7), saying what to move by hand.
      await mkdir(into, { recursive: true }).then(() => rename(file, target)).catch((cause: Error) => {
        throw new BriefingError(`cannot move ${file} to ${into}: ${cause.message}: the revised edition beside it replaces it; move it out of the outbox yourself before the outbox is sent`, EXIT.output, { cause });
      });
    },
    close: () => transport.close(),
  };
}

function smtpMailer(parsed: URL, options: MailerOptions): Mailer {
  const secure = parsed.protocol === 'smtps:';
  const where = `${parsed.protocol}//${parsed.hostname}:${parsed.port || (secure ? 465 : 587)}`;
  const loopback = ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(parsed.hostname);
  const greetingMs = options.greetingTimeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({
    host: parsed.hostname,
    port: Number(parsed.port || (secure ? 465 : 587)),
    secure,
    // A password never crosses the network in clear: with credentials, smtp:// must upgrade with STARTTLS
    // (a server, or a man in the middle, that does not offer it gets no login). Loopback relays are exempt.
    requireTLS: !secure && parsed.username !== '' && !loopback,
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    connectionTimeout: 20_000,
    greetingTimeout: greetingMs,
    socketTimeout: 60_000,
    // One connection (and one login) for every message of the run, not one each: a list of lists goes out without a
    // new handshake per message (servers often pause before greeting, and count connections against a sender).
    pool: true,
    maxConnections: 1,
    // maxRequeues stays nodemailer's: with 0, a message turned away on a reused connection failed with the pool's
    // "Reached maximum number of retries" in place of the server's own reason (send.test checks the reason said).
    logger: false,
    debug: false,
  });
  const attempts = options.attempts ?? 4;
  const backoffMs = options.backoffMs ?? 2_000;
  return {
    channel: 'smtp',
    describe: where,
    async send(message, recipients) {
      const messageId = newMessageId(message.from); // the same on every try: a server that saw one can tell
      const done = new Map<string, RecipientResult>();
      let pending = [...recipients];
      let lastError = '';
      // Tries that found no server at all (neverConnected): when every try does, the next message would find none either.
      let unreached = 0;
      let tries = 0;
      // Recipients of a try whose connection dropped after the whole message went: a later try may deliver it twice.
      const dataWent = new Set<string>();
      for (let attempt = 1; pending.length > 0 && attempt <= attempts; attempt++) {
        if (attempt > 1) {
          const wait = backoffMs * 2 ** (attempt - 2);
          options.onRetry?.(wait, lastError || 'the server deferred some recipients');
          await sleep(wait, undefined, { signal: options.signal }).catch(() => {}); // cut short by an abort
          if (options.signal?.aborted) {
            for (const p of pending.splice(0)) done.set(p, { recipient: p, ok: false, error: `interrupted before another try: ${lastError || 'the server deferred it'}` });
            break;
          }
        }
        tries++;
        // Whether this try's message data went out whole (its attachment, near its end, was read to the last byte): a
        // connection that drops after that looks like one that dropped before, yet the server may have the message.
        const sent = { whole: false };
        try {
          const info = await transport.sendMail({ ...compose(message, messageId, sent), envelope: { from: addressOf(message.from), to: pending } });
          for (const a of (info.accepted as Array<string | { address: string }>).map(plainAddress)) done.set(a, { recipient: a, ok: true, ...(dataWent.has(a) ? { maybeTwice: true } : {}) });
          pending = classify(pending.filter((p) => !done.has(p)), rejections(info as { rejectedErrors?: unknown[] }), done);
        } catch (error) {
          const e = error as SmtpError;
          lastError = smtpMessage(e);
          // A refused login fails every message alike: stop the run rather than try each one.
          if (e.code === 'EAUTH') throw new BriefingError(`${where} refused the login (${lastError}): check the user and password of the SMTP URL; nothing more was sent`, EXIT.send, { cause: e });
          // smtps:// to a server that speaks plain SMTP there: OpenSSL's own line says nothing a user can act on, and no
          // try will go otherwise (nor will the next message's).
          if (secure && notTls(e)) {
            throw new BriefingError(`${where}: this server does not speak TLS on this port (TLS said: ${e.reason ?? 'wrong version number'}): use smtp:// (it upgrades with STARTTLS), or the port where the server speaks TLS from the start (465 is usual); nothing more was sent`, EXIT.send, { cause: e });
          }
          // A server that took the connection and never greeted is most often another protocol's port (smtp:// to 465,
          // where the server waits for TLS first): as unreached as one that refused it, for this message and the next.
          if (e.code === 'ETIMEDOUT' && e.command === 'CONN' && /^Greeting never received/.test(e.message)) {
            lastError = `the server did not greet within ${Math.round(greetingMs / 100) / 10} s: is the port right? 465 needs smtps://, 587 and 25 smtp://`;
            unreached++;
          } else if (neverConnected(e)) unreached++;
          if (sent.whole && isTransient(e) && e.responseCode === undefined) for (const p of pending) dataWent.add(p);
          if (e.code === 'EENVELOPE' && Array.isArray(e.rejectedErrors)) pending = classify(pending, rejections(e), done);
          else if (!isTransient(e)) for (const p of pending.splice(0)) done.set(p, { recipient: p, ok: false, error: lastError });
        }
      }
      // A server not reached in any try is not tried again for each message still to go, a minute or so apiece.
      if (unreached === tries && tries === attempts) {
        throw new BriefingError(`${where} could not be reached in ${attempts} tries (${unreachable(lastError)}): check that the server is running and the host and port of the SMTP URL; this message and the rest were not sent (run briefing send again once it is reachable)`, EXIT.send);
      }
      for (const p of pending) done.set(p, { recipient: p, ok: false, error: `gave up after ${attempts} tries: ${lastError || 'the server kept deferring it'}` });
      return { messageId, via: where, results: recipients.map((r) => done.get(r)!) };
    },
    // A message sent over SMTP cannot be withdrawn: the revised edition says what it replaces.
    supersede: async () => {},
    close: () => transport.close(),
  };
}

/**
 * A try that found no server: refused, no route, no such host, or no answer to the connect. Not one whose server
 * answered and then hung up or fell silent (nodemailer calls those CONN errors too): that one may take the next message.
 */
function neverConnected(e: SmtpError): boolean {
  return e.command === 'CONN' && (e.code === 'EDNS' || e.syscall === 'connect' || (e.code === 'ETIMEDOUT' && /^Connection timeout/.test(e.message)));
}

/** Why a connection failed, in words: "connect ECONNREFUSED 127.0.0.1:2525" says nothing listens there. */
function unreachable(error: string): string {
  if (/ECONNREFUSED/.test(error)) return `${error}: nothing listens there`;
  if (/ENOTFOUND|EAI_AGAIN/.test(error)) return `${error}: no such host`;
  return error;
}

interface SmtpError extends Error {
  command?: string;
  syscall?: string;
  code?: string;
  responseCode?: number;
  response?: string;
  rejectedErrors?: SmtpError[];
  recipient?: string;
  /** OpenSSL's reason, for a TLS failure ("wrong version number"). */
  reason?: string;
}

/** A TLS handshake that met no TLS: the server answered in plain text (an SMTP greeting) where TLS was expected. */
function notTls(e: SmtpError): boolean {
  return /wrong version number|WRONG_VERSION_NUMBER|packet length too long|unknown protocol/i.test(`${e.reason ?? ''} ${e.message}`);
}

/** The per-recipient refusals of a send, by address. */
function rejections(source: { rejectedErrors?: unknown[] }): Map<string, SmtpError> {
  const map = new Map<string, SmtpError>();
  for (const e of (source.rejectedErrors ?? []) as SmtpError[]) if (e.recipient) map.set(plainAddress(e.recipient), e);
  return map;
}

/** Records permanent refusals as failures; returns the recipients to try again (deferred with 4xx, or not answered). */
function classify(pending: string[], refused: Map<string, SmtpError>, done: Map<string, RecipientResult>): string[] {
  return pending.filter((p) => {
    const e = refused.get(p);
    if (e === undefined || isTransient(e)) return true;
    done.set(p, { recipient: p, ok: false, error: smtpMessage(e) });
    return false;
  });
}

/** 4xx replies and connections that failed or dropped may pass later; 5xx and everything else will not. */
function isTransient(e: SmtpError): boolean {
  if (e.responseCode !== undefined) return e.responseCode >= 400 && e.responseCode < 500;
  return ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNRESET', 'ECONNREFUSED', 'EDNS', 'EPIPE'].includes(e.code ?? '');
}

function smtpMessage(e: SmtpError): string {
  return (e.response ?? e.message).replace(/\s+/g, ' ').trim();
}

function plainAddress(a: string | { address: string }): string {
  return (typeof a === 'string' ? a : a.address).toLowerCase();
}

function newMessageId(from: string): string {
  const domain = addressOf(from).split('@')[1] ?? 'canvas-briefing.invalid';
  return `<${randomUUID()}@${domain}>`;
}

function compose(message: OutgoingMessage, messageId: string, sent?: { whole: boolean }) {
  const content = Readable.from([Buffer.from(message.attachment.content)]);
  if (sent) content.once('end', () => { sent.whole = true; });
  return {
    from: message.from,
    replyTo: message.replyTo,
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId,
    date: new Date(),
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo, references: message.references } : {}),
    headers: message.headers,
    attachments: [{ filename: message.attachment.filename, content, contentType: 'application/pdf' }],
  };
}
