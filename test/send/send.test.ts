/**
 * sendBriefings against a real SMTP server on loopback (test/support/smtp.ts): what arrives, what the
 * journal keeps from being sent twice, and what happens when the server defers, drops or refuses.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { JOURNAL_FILE, sendBriefings, type ProjectConfig, type SendEvent, type SendRequest } from '../../src/pipeline.ts';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateConfig } from '../../src/validate/validate-config.ts';
import { nordwindModel } from '../support/fixtures.ts';
import { startSmtp, type Faults } from '../support/smtp.ts';
import { tempDir } from '../support/temp.ts';

const CONFIG = `mail:
  from: Investor Relations <ir@example.com>
  reply_to: ir-desk@example.com
  note: Quarterly figures attached.
lists:
  committee:
    to: [Chair <chair@example.com>, cio@example.com]
    cc: [desk@example.com]
    bcc: [secretary@example.com]
  board:
    to: [board@example.com]
send:
  - briefing: nordwind
    lists: [committee, board]
`;

function project(text = CONFIG): ProjectConfig {
  const loaded = parseCanvas(text, 'briefing.config.yaml');
  return { file: 'briefing.config.yaml', config: validateConfig(loaded), loaded };
}

/** An output folder holding a PDF for the nordwind briefing. */
function outFolder(pdf = `%PDF-1.7\n% nordwind ${'x'.repeat(2000)}\n%%EOF\n`) {
  const out = tempDir();
  writeFileSync(join(out, 'nordwind.pdf'), pdf);
  return { out, pdf: Buffer.from(pdf) };
}

async function send(out: string, more: Partial<SendRequest> = {}) {
  const events: SendEvent[] = [];
  const result = await sendBriefings([nordwindModel()], { outDir: out, project: project(), dryRun: false, resend: false, backoffMs: 20, ...more }, (e) => events.push(e));
  const failures = events.filter((e) => e.kind === 'recipient' && !e.ok);
  return { ...result, events, failures };
}

const delivered = (received: Array<{ rcpt: string[] }>) => received.flatMap((r) => r.rcpt).sort();
const EVERYONE = ['board@example.com', 'chair@example.com', 'cio@example.com', 'desk@example.com', 'secretary@example.com'];

describe('briefing send over SMTP', () => {
  it('sends one message per list, with the PDF attached byte for byte, both bodies and the right headers', async () => {
    const smtp = await startSmtp();
    const { out, pdf } = outFolder();
    const { failed } = await send(out, { smtpUrl: smtp.url });
    expect(failed).toBe(0);
    expect(smtp.received).toHaveLength(2);
    expect(delivered(smtp.received)).toEqual(EVERYONE);
    const committee = smtp.received.find((r) => r.rcpt.includes('chair@example.com'))!;
    const { mail } = committee;
    expect(committee.from).toBe('ir@example.com');
    expect(mail.from?.value).toEqual([{ name: 'Investor Relations', address: 'ir@example.com' }]);
    expect(mail.replyTo?.text).toBe('ir-desk@example.com');
    expect((mail.to as { value: unknown[] }).value).toEqual([{ name: 'Chair', address: 'chair@example.com' }, { name: '', address: 'cio@example.com' }]);
    expect((mail.cc as { text: string }).text).toBe('desk@example.com');
    expect(mail.bcc).toBeUndefined(); // Bcc recipients get it, but no one sees them
    expect(committee.raw.toString('latin1')).not.toMatch(/^bcc:/im);
    expect(mail.subject).toBe('Nordwind Energi ASA (NWE): investor briefing, FY2025');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]+@example\.com>$/);
    expect(mail.date).toBeInstanceOf(Date);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ contentType: 'application/pdf', filename: 'Nordwind-Energi-ASA-Investor-briefing-FY2025.pdf' });
    expect(Buffer.compare(mail.attachments[0].content, pdf)).toBe(0);
    // The headline figures, in both bodies; the HTML styled inline, with no script or remote resource.
    for (const body of [mail.text!, mail.html as string]) {
      expect(body).toContain('Quarterly figures attached.');
      expect(body).toContain('€1,234.5 million');
      expect(body).toContain('+8.2% YoY');
    }
    expect(mail.html).toMatch(/<td[^>]* style="[^"]*text-align: right/);
    expect(mail.html).not.toMatch(/<script|<link|src="http|<style/i);
  });

  it('sends nothing twice: a re-run sends nothing, --resend sends again, a new PDF is sent', async () => {
    const smtp = await startSmtp();
    const { out } = outFolder();
    await send(out, { smtpUrl: smtp.url });
    const again = await send(out, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(2);
    expect(again.events.filter((e) => e.kind === 'message').map((e) => (e as { already: string[] }).already.length)).toEqual([4, 1]);
    expect(JSON.parse(readFileSync(join(out, JOURNAL_FILE), 'utf8')).sent).toHaveLength(5);
    await send(out, { smtpUrl: smtp.url, resend: true });
    expect(smtp.received).toHaveLength(4);
    writeFileSync(join(out, 'nordwind.pdf'), '%PDF-1.7\n% corrected\n%%EOF\n');
    await send(out, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(6);
  });

  const faultCases: Array<[string, Faults]> = [
    ['answers 421 to the first attempt', { defer: 1 }],
    ['drops the connection before the message data', { drop: 1 }],
  ];
  for (const [what, faults] of faultCases) {
    it(`tries again when the server ${what}, and delivers once`, async () => {
      const smtp = await startSmtp(faults);
      const { out } = outFolder();
      const { failed } = await send(out, { smtpUrl: smtp.url });
      expect(failed).toBe(0);
      expect(smtp.attempts).toBe(3); // one failed, then one per list
      expect(delivered(smtp.received)).toEqual(EVERYONE);
    });
  }

  it('reports a recipient refused with 550 without retrying it, delivers to the others, and a re-run sends no duplicate', async () => {
    const smtp = await startSmtp({ refuse: ['cio@example.com'] });
    const { out } = outFolder();
    const first = await send(out, { smtpUrl: smtp.url });
    expect(first.failed).toBe(1);
    expect(first.failures).toEqual([expect.objectContaining({ recipient: 'cio@example.com', list: 'committee', error: expect.stringMatching(/^550 .*No such user/) })]);
    expect(delivered(smtp.received)).toEqual(EVERYONE.filter((r) => r !== 'cio@example.com'));
    expect(smtp.attempts).toBe(2); // not retried

    smtp.faults.refuse = [];
    const second = await send(out, { smtpUrl: smtp.url });
    expect(second.failed).toBe(0);
    expect(smtp.received.at(-1)!.rcpt).toEqual(['cio@example.com']); // only what was missing
    expect(delivered(smtp.received)).toEqual(EVERYONE);
  });

  it('gives up on a server that keeps deferring, says so, and records nothing as sent', async () => {
    const smtp = await startSmtp({ defer: 99 });
    const { out } = outFolder();
    const { failed, failures } = await send(out, { smtpUrl: smtp.url, lists: ['board'] });
    expect(failed).toBe(1);
    expect(failures[0]).toMatchObject({ recipient: 'board@example.com', error: expect.stringMatching(/^gave up after 4 tries: 421/) });
    expect(existsSync(join(out, JOURNAL_FILE))).toBe(false);
  });

  it('refuses a PDF over the attachment limit, and sends nothing on a dry run', async () => {
    const smtp = await startSmtp();
    const { out } = outFolder(`%PDF-1.7\n${'x'.repeat(1_100_000)}\n%%EOF\n`);
    const limited = project(CONFIG.replace('  note:', '  attachment_limit_mb: 1\n  note:'));
    const events: SendEvent[] = [];
    const { failed } = await sendBriefings([nordwindModel()], { outDir: out, project: limited, smtpUrl: smtp.url, dryRun: false, resend: false }, (e) => events.push(e));
    expect(failed).toBe(1);
    expect(events).toEqual([expect.objectContaining({ kind: 'refused', error: expect.objectContaining({ message: expect.stringMatching(/is 1\.0 MB, over the 1 MB limit .*attachment_limit_mb/) }) })]);
    const dry = await send(outFolder().out, { smtpUrl: smtp.url, dryRun: true });
    expect(dry.events.map((e) => e.kind)).toEqual(['message', 'message']);
    expect(smtp.received).toEqual([]);
  });
});

describe('briefing send without SMTP', () => {
  it('writes each message as a complete .eml file to the outbox, once', async () => {
    const { out, pdf } = outFolder();
    await send(out);
    const outbox = join(out, 'outbox');
    const files = readdirSync(outbox).sort();
    expect(files).toEqual(['nordwind--board.eml', 'nordwind--committee.eml']);
    const mail = await simpleParser(readFileSync(join(outbox, 'nordwind--committee.eml')));
    expect(mail.subject).toBe('Nordwind Energi ASA (NWE): investor briefing, FY2025');
    expect((mail.bcc as { text: string }).text).toBe('secretary@example.com'); // the file says whom it is for
    expect(Buffer.compare(mail.attachments[0].content, pdf)).toBe(0);
    const again = await send(out);
    expect(again.events.filter((e) => e.kind === 'recipient')).toEqual([]);
  });
});
