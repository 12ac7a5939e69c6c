/** briefing.config.yaml checked as a canvas is: every problem at file:line:column, nothing sent. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { checkRoutes, validateConfig } from '../../src/validate/validate-config.ts';
import { configJsonSchema } from '../../src/validate/json-schema.ts';
import { BriefingError, EXIT } from '../../src/errors.ts';

const SHIPPED = readFileSync('briefing.config.yaml', 'utf8');

function problems(text: string): string {
  try {
    validateConfig(parseCanvas(text, 'briefing.config.yaml'));
  } catch (error) {
    expect(error).toBeInstanceOf(BriefingError);
    expect((error as BriefingError).exitCode).toBe(EXIT.invalidData);
    return (error as Error).message;
  }
  throw new Error('the config was accepted');
}

describe('the project config', () => {
  it('ships one for the sample, valid, on example.com only, with the schema modeline', () => {
    const config = validateConfig(parseCanvas(SHIPPED, 'briefing.config.yaml'));
    const addresses = [config.mail.from, config.mail.reply_to, ...Object.values(config.lists).flatMap((l) => [...l.to, ...l.cc, ...l.bcc])];
    for (const a of addresses) expect(a).toMatch(/@example\.com>?$/);
    expect(SHIPPED.split('\n')[0]).toBe('# yaml-language-server: $schema=schema/briefing-config.schema.json');
    expect(JSON.parse(readFileSync('schema/briefing-config.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
  });

  it('refuses a malformed address at its line and column', () => {
    const text = SHIPPED.replace('to: [board@example.com]', 'to: [board@example, "a@example.com, b@example.com"]');
    const line = text.split('\n').findIndex((l) => l.includes('board@example,')) + 1;
    const message = problems(text);
    expect(message).toMatch(new RegExp(`^briefing.config.yaml: invalid config \\(2 problems\\); nothing was sent\\.`));
    expect(message).toContain(`briefing.config.yaml:${line}:10: lists.board.to[0]: an address is written name@example.com`);
    expect(message).toMatch(new RegExp(`briefing.config.yaml:${line}:\\d+: lists.board.to\\[1\\]: an address is written .*one address per entry`));
  });

  it('takes one address per entry, bare or with a name, and refuses two run together or one without a domain', () => {
    const config = (to: string) => SHIPPED.replace('to: [board@example.com]', `to: [${JSON.stringify(to)}]`);
    for (const good of ['board@example.com', 'Board <board@example.com>', '"Smith, Jane" <jane@example.com>', 'jane.smith@ir.example.co.uk', 'Jane <jane.smith@ir.example.co.uk>']) {
      expect(() => validateConfig(parseCanvas(config(good), 'briefing.config.yaml')), good).not.toThrow();
    }
    // Dots only between letters: a server refuses the others with a syntax error that no second run gets past.
    for (const bad of ['cfo,board@example.com', 'cfo;board@example.com', 'Board <board@example>', 'Board <board@example.com', 'board@example',
      'cfo@acme..test', 'CFO <cfo@acme..test>', '.cfo@example.com', 'cfo.@example.com', 'c..fo@example.com', 'cfo@.example.com', 'cfo@example.com.']) {
      expect(problems(config(bad)), bad).toMatch(/lists\.board\.to\[0\]: an address is written name@example\.com, or "Name <name@example\.com>"; one address per entry/);
    }
  });

  it('refuses a line break in a header field: it would let the config add headers of its own', () => {
    const text = SHIPPED.replace(/subject: .*/, 'subject: "Briefing\\r\\nBcc: leak@evil.example"');
    expect(problems(text)).toMatch(/briefing.config.yaml:9:12: mail.subject: the subject must be one line: a line break in a mail header/);
    const from = SHIPPED.replace(/from: .*/, 'from: "IR <ir@example.com>\\nBcc: leak@evil.example"');
    expect(problems(from)).toMatch(/mail.from: an address must be one line/);
  });

  it('refuses an unknown placeholder and an unknown key, then an unknown list, with the likely one', () => {
    const message = problems(SHIPPED.replace('{period}', '{quarter}').replace('reply_to:', 'replyto:'));
    expect(message).toMatch(/briefing.config.yaml:8:3: mail.replyto: unknown key "replyto"; did you mean "reply_to"\?/);
    // Named, as the value quoted after the message may be cut before it.
    expect(message).toMatch(/briefing.config.yaml:9:12: mail.subject: \{quarter\} is no placeholder of a subject, which may use \{company\}.*found ".*\{quarter\}"/);
    expect(problems(SHIPPED.replace('{period}', '{perod}, {qtr}'))).toMatch(/mail.subject: \{perod\} \(did you mean "\{period\}"\?\), \{qtr\} are no placeholders of a subject, which may use /);
    const text = SHIPPED.replace('lists: [tech-analysts]', 'lists: [tech-analyst]');
    const line = text.split('\n').findIndex((l) => l.includes('[tech-analyst]')) + 1;
    expect(problems(text)).toContain(`briefing.config.yaml:${line}:13: send[1].lists[0]: no list "tech-analyst"; did you mean "tech-analysts"?`);
  });

  it('refuses a list named __proto__ (the validator would drop it without a word), at its key', () => {
    const text = SHIPPED.replace('  board:\n', '  __proto__:\n    to: [x@example.com]\n  board:\n');
    const line = text.split('\n').indexOf('  __proto__:') + 1;
    expect(problems(text)).toContain(`briefing.config.yaml:${line}:3: lists.__proto__: "__proto__" cannot be an id or key`);
  });

  it('refuses a route to a briefing the canvases do not have, at its line', () => {
    const loaded = parseCanvas(SHIPPED.replace('briefing: alibaba--cloud_ai', 'briefing: alibaba--cloud'), 'briefing.config.yaml');
    const config = validateConfig(loaded);
    expect(() => checkRoutes(loaded, config, ['alibaba', 'alibaba--cloud_ai'])).toThrow(/briefing.config.yaml:\d+:\d+: send\[1\].briefing: no briefing "alibaba--cloud" among the canvases; did you mean "alibaba--cloud_ai"/);
  });
});

describe('the SMTP server in the config', () => {
  it('is never quoted back in an error: it may hold a password', () => {
    const message = problems(SHIPPED.replace('mail:\n', 'mail:\n  smtp: "smtp://bot:s3cret pass@mail.example.com:587"\n'));
    expect(message).toMatch(/briefing.config.yaml:\d+:\d+: mail.smtp: not an SMTP server URL \(the value is not shown/);
    expect(message).not.toContain('s3cret');
  });
});
