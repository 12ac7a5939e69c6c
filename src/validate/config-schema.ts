/**
 * The project config, briefing.config.yaml: who sends the briefings and to whom. One definition, as
 * for the canvas: types come from it, the validator uses it, and scripts/write-schema.ts publishes it
 * as schema/briefing-config.schema.json for editors.
 */
import { z } from 'zod';
import { MAILBOX, MAILBOX_HELP } from '../mailbox.ts';
import { didYouMean, nearest } from '../did-you-mean.ts';

/** Header text may not hold line breaks: a CR or LF there would start a header of the sender's choosing. */
const headerText = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .refine((s) => !/[\r\n\0]/.test(s), `${what} must be one line: a line break in a mail header would let it add headers of its own`);

const Mailbox = headerText('an address').refine(
  (s) => MAILBOX.test(s.trim()),
  MAILBOX_HELP,
);

/** The placeholders a subject may use; see SUBJECT_HELP. */
export const SUBJECT_FIELDS = ['company', 'ticker', 'exchange', 'title', 'set', 'period', 'as_of', 'edition'] as const;

export const SUBJECT_HELP =
  '{company} (short name), {ticker}, {exchange}, {title} (the briefing title), {set} (" (" + the block set\'s title + ")" for a block set, else nothing), {period}, {as_of}, {edition}';

const Subject = headerText('the subject').superRefine((s, ctx) => {
  // Each unknown placeholder named: the value quoted after the message may be cut before it.
  const unknown = [...new Set([...s.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]).filter((f) => !(SUBJECT_FIELDS as readonly string[]).includes(f)))];
  if (unknown.length === 0) return;
  const named = unknown.map((f) => `{${f}}${didYouMean(nearest(f, SUBJECT_FIELDS).map((n) => `{${n}}`)).replace(/^; /, ' (').replace(/\?$/, '?)')}`);
  ctx.addIssue({ code: 'custom', message: `${named.join(', ')} ${unknown.length === 1 ? 'is no placeholder' : 'are no placeholders'} of a subject, which may use ${SUBJECT_HELP}` });
});

const Addresses = z.array(Mailbox).default([]);

export const ListSchema = z
  .strictObject({
    to: Addresses.describe('Recipients named in To.'),
    cc: Addresses.describe('Recipients named in Cc.'),
    bcc: Addresses.describe('Recipients no other recipient sees.'),
  })
  .refine((l) => l.to.length + l.cc.length + l.bcc.length > 0, 'a list needs at least one address in to, cc or bcc')
  .describe('A distribution list.');

const ListName = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a list name is lower-case letters, digits, "-" and "_" (e.g. investment-committee)');

export const RouteSchema = z
  .strictObject({
    briefing: z
      .string()
      .regex(/^[^\s/\\]+$/, 'a briefing is named as its PDF is, without .pdf: the canvas file name, or name--set (e.g. alibaba--cloud_ai)')
      .describe('The briefing, named as its PDF in the output folder (without .pdf): alibaba, alibaba--cloud_ai.'),
    lists: z.array(ListName).min(1, 'name at least one list').describe('The lists that receive it.'),
  })
  .describe('Which briefing goes to which lists.');

export const ConfigSchema = z
  .strictObject({
    mail: z
      .strictObject({
        from: Mailbox.describe('The sender: "Investor Relations <ir@example.com>".'),
        reply_to: Mailbox.optional().describe('Where replies go, when not to the sender.'),
        subject: Subject.default('{company} ({ticker}): investor briefing{set}, {period}').describe(`The subject line. Placeholders: ${SUBJECT_HELP}.`),
        note: z.string().trim().min(1).optional().describe('A short note above the headline figures in the message.'),
        smtp: z
          .string()
          .regex(/^smtps?:\/\/[^\s]+$/, 'an SMTP server is written smtp://user:password@host:587 or smtps://user:password@host:465')
          .optional()
          .describe('The SMTP server (BRIEFING_SMTP_URL overrides it; keep passwords in the environment, not here). Without either, send is refused unless given --outbox, which writes the messages to the outbox folder.'),
        attachment_limit_mb: z.number().positive().max(100).default(10).describe('The largest PDF sent, in MB (default 10): larger ones are refused.'),
      })
      .describe('The sender and the message.'),
    lists: z.record(ListName, ListSchema).describe('The distribution lists, by name.'),
    send: z.array(RouteSchema).min(1, 'name at least one briefing to send').describe('Which briefings go to which lists.'),
  })
  .describe('canvas-briefing project config: who sends the briefings and to whom.');

export type Config = z.infer<typeof ConfigSchema>;
export type DistributionList = z.infer<typeof ListSchema>;
