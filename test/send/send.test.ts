/**
 * sendBriefings against a real SMTP server on loopback (test/support/smtp.ts): what arrives, what the
 * journal keeps from being sent twice, and what happens when the server defers, drops or refuses.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { buildBriefings, checkCanvas, checkConfigRoutes, JOURNAL_FILE, sendBriefings, type BriefingModel, type ProjectConfig, type SendEvent, type SendRequest } from '../../src/pipeline.ts';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateConfig } from '../../src/validate/validate-config.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { fakePrinter, htmlPrinter, linkedAnchors, smallPdfPrinter } from '../support/fake-printer.ts';
import { startSmtp, type Faults } from '../support/smtp.ts';
import { freePort } from '../support/ports.ts';
import { EXIT } from '../../src/errors.ts';
import { main } from '../../src/cli/main.ts';
import { fileTempDir } from '../support/temp.ts';

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

/** CONFIG with bob on both lists: in committee's cc (with his name, in capitals) and board's to. */
const OVERLAP = CONFIG.replace('cc: [desk@example.com]', 'cc: [desk@example.com, Bob <Bob@Example.com>]').replace('to: [board@example.com]', 'to: [board@example.com, bob@example.com]');

function project(text = CONFIG): ProjectConfig {
  const loaded = parseCanvas(text, 'briefing.config.yaml');
  return { file: 'briefing.config.yaml', config: validateConfig(loaded), loaded };
}

/**
 * An output folder where the nordwind canvas (written to a folder of its own, `figure` changing one value)
 * was built with a printer that prints `pdf`: the PDF and its manifest entry, as `send` finds them after
 * a build. Returns the folder, the PDF's bytes and the briefing's model.
 */
async function built(options: { pdf?: string; figure?: string; dir?: string; fileName?: string; period?: string; edit?: (text: string) => string } = {}): Promise<Built> {
  // The plain build is the same for most tests: made once, then copied (canvas and output folder
  // together, so the manifest's paths hold); the chart rendering it takes is most of a test's time.
  if (Object.keys(options).length === 0) {
    plain ??= built({ dir: TEMPLATE });
    const made = await plain;
    const dir = caseDir();
    cpSync(made.dir, dir, { recursive: true });
    return { ...made, dir, out: join(dir, 'out') };
  }
  const dir = options.dir ?? caseDir();
  const canvas = join(dir, 'nordwind.yaml');
  const text = (options.edit ?? ((t: string) => t))(readFileSync(NORDWIND, 'utf8').replace('value: 1234.5', `value: ${options.figure ?? '1234.5'}`).replace(/^( {2}period: )FY2025$/m, `$1${options.period ?? 'FY2025'}`));
  writeFileSync(canvas, options.fileName === undefined ? text : text.replace(/^briefing:\n/m, `briefing:\n  file_name: "${options.fileName}"\n`));
  const pdf = Buffer.from(options.pdf ?? `%PDF-1.7\n% nordwind ${options.figure ?? ''} ${'x'.repeat(2000)}\n%%EOF\n`);
  const { printer } = fakePrinter(({ html }) => ({ pdf, pages: 3, anchors: linkedAnchors(html, 2), blocked: [] }));
  const out = join(dir, 'out');
  await buildBriefings([canvas], { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000 }, printer, () => {});
  const model = (await checkCanvas(canvas)).models[0];
  return { dir, out, pdf, model };
}

/** A built project: its folder (canvas and out/), the output folder, the PDF's bytes and the briefing's model. */
interface Built { dir: string; out: string; pdf: Buffer; model: BriefingModel }
/**
 * A folder for one test's project, inside one kept for the whole file (the tests over SMTP run side by side, and a
 * folder of the current test's would go with whichever test finished first).
 */
const CASES = fileTempDir('send-cases-');
const caseDir = () => mkdtempSync(join(CASES, 'case-'));

/** The plain build, made once (in a folder kept for the whole file) and copied for each test that needs it. */
const TEMPLATE = fileTempDir('send-template-');
let plain: Promise<Built> | undefined;

async function send(target: { dir: string; out: string; model: BriefingModel }, more: Partial<SendRequest> = {}) {
  const events: SendEvent[] = [];
  const result = await sendBriefings([target.model], { outDir: target.out, projectDir: target.dir, project: project(), dryRun: false, resend: false, backoffMs: 20, ...more }, (e) => events.push(e));
  const failures = events.filter((e) => e.kind === 'recipient' && !e.ok);
  return { ...result, events, failures };
}

/**
 * Rewrites the project's send journal as an earlier version would have written it: every copy's content hashed, as that
 * version hashed it, from `shown` (a model but for its names, as that version modelled it). Whether that is another hash.
 */
function journalAsBefore(dir: string, shown: object): boolean {
  const journal = join(dir, JOURNAL_FILE);
  const data = JSON.parse(readFileSync(journal, 'utf8')) as { sent: Array<{ content: string }> };
  const before = createHash('sha256').update(`canvas-briefing content 1\0${JSON.stringify(shown)}`).digest('hex');
  const other = data.sent.every((e) => e.content !== before);
  for (const e of data.sent) e.content = before;
  writeFileSync(journal, JSON.stringify(data));
  return other;
}

const delivered = (received: Array<{ rcpt: string[] }>) => received.flatMap((r) => r.rcpt).sort();
const EVERYONE = ['board@example.com', 'chair@example.com', 'cio@example.com', 'desk@example.com', 'secretary@example.com'];

// Each test has a server and folders of its own: they run side by side, most of their time spent waiting on the
// server (it pauses 100 ms before greeting each connection) or on a retry's back-off.
describe.concurrent('briefing send over SMTP', () => {
  it('sends one message per list, over one connection, with the PDF attached byte for byte, both bodies and the right headers', async ({ expect }) => {
    const smtp = await startSmtp();
    const target = await built();
    const { failed } = await send(target, { smtpUrl: smtp.url });
    const { pdf } = target;
    expect(failed).toBe(0);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.connections).toBe(1); // the second message goes over the first one's connection: no second greeting or login
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

  it('sends nothing twice: a re-run sends nothing, --resend sends again, a corrected figure is sent, and the figure changed back too, a new tool version is not', async ({ expect }) => {
    const smtp = await startSmtp();
    const first = await built();
    await send(first, { smtpUrl: smtp.url });
    const again = await send(first, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(2);
    expect(again.events.filter((e) => e.kind === 'message').map((e) => (e as { already: string[] }).already.length)).toEqual([4, 1]);
    expect(JSON.parse(readFileSync(join(first.dir, JOURNAL_FILE), 'utf8')).sent).toHaveLength(5);
    await send(first, { smtpUrl: smtp.url, resend: true });
    expect(smtp.received).toHaveLength(4);
    // The same content printed anew (as by another tool version: other bytes): already sent.
    const reprinted = await built({ dir: first.dir, pdf: '%PDF-1.7\n% printed again\n%%EOF\n' });
    await send(reprinted, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(4);
    // A corrected figure: new content, sent.
    const corrected = await built({ dir: first.dir, figure: '1299.9' });
    // A dry run says which edition it would replace, for whom.
    const planned = (await send(corrected, { smtpUrl: smtp.url, dryRun: true })).events.filter((e) => e.kind === 'message') as Array<{ replaces?: Array<{ edition?: string; recipients: string[] }> }>;
    expect(planned.map((e) => e.replaces?.map((r) => r.recipients.length))).toEqual([[4], [1]]);
    expect(planned[0].replaces?.[0].edition).toMatch(/^[0-9a-f]{8}$/);
    await send(corrected, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(6);
    expect(smtp.received.at(-1)!.mail.text).toContain('€1,299.9 million');
    // It says it replaces the edition they were sent, and threads with that message; a first copy says no such thing.
    const original = smtp.received[0].mail;
    expect(original.text).not.toMatch(/Revised edition/);
    const revised = smtp.received.at(-1)!.mail;
    const replaced = original.headers.get('x-briefing-edition') as string;
    for (const body of [revised.text!, revised.html as string]) {
      expect(body).toContain(`Revised edition: this briefing replaces edition ${replaced}, sent to you on `);
      expect(body).toContain('its figures or words have changed since. Please use this one.');
    }
    expect(revised.headers.get('x-briefing-replaces')).toBe(replaced);
    expect(revised.headers.get('x-briefing-edition')).not.toBe(replaced);
    expect([smtp.received[2].mail.messageId, smtp.received[3].mail.messageId]).toContain(revised.inReplyTo); // the --resend's: the last they were sent
    expect(revised.references).toBe(revised.inReplyTo);
    // The figure changed back: the recipients hold the correction, not this, and are sent it again (once).
    const back = await built({ dir: first.dir, figure: '1234.5' });
    await send(back, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(8);
    expect(smtp.received.at(-1)!.mail.text).toContain('€1,234.5 million');
    await send(back, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(8);
    // The next period's briefing under the same name is new, not a revision of the last one.
    const next = await built({ dir: first.dir, figure: '1400.1', period: 'FY2026' });
    await send(next, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(10);
    expect(smtp.received.at(-1)!.mail.text).toContain('FY2026');
    expect(smtp.received.at(-1)!.mail.text).not.toMatch(/Revised edition/);
    expect(smtp.received.at(-1)!.mail.headers.has('x-briefing-replaces')).toBe(false);
  });

  it('lists in a revised edition\'s message what changed since the edition it replaces: each figure with its value then and now, or where only words changed; an edition sent before the journal kept its canvas gets the generic line', async ({ expect }) => {
    const smtp = await startSmtp();
    const first = await built();
    const canvas = join(first.dir, 'nordwind.yaml');
    const sources = () => new Map([['nordwind', { file: canvas, text: readFileSync(canvas, 'utf8') }]]);
    // Sent before the journal kept what it was made from: no canvas to compare with, the generic line alone.
    await send(first, { smtpUrl: smtp.url });
    const unkept = await built({ dir: first.dir, figure: '1250.0' });
    await send(unkept, { smtpUrl: smtp.url, sources: sources() });
    const generic = smtp.received.at(-1)!.mail;
    expect(generic.text).toContain('its figures or words have changed since. Please use this one.');
    expect(generic.text).not.toMatch(/Changed since|No figure changed/);
    // Kept from now on: the next correction lists the figure that moved, with both values, in both bodies.
    const corrected = await built({ dir: first.dir, figure: '1299.9' });
    const planned = await send(corrected, { smtpUrl: smtp.url, sources: sources(), dryRun: true });
    const sentBefore = smtp.received.at(-1)!.mail.headers.get('x-briefing-edition') as string;
    const line = 'Revenue, FY2025: €1,250.0 million → €1,299.9 million';
    expect(planned.events.find((e) => e.kind === 'message')).toMatchObject({ changes: [`Changed since edition ${sentBefore}:`, `- ${line}`] });
    await send(corrected, { smtpUrl: smtp.url, sources: sources() });
    const revised = smtp.received.at(-1)!.mail;
    expect(revised.text).toContain(`Changed since edition ${sentBefore}:\n- ${line}\n`);
    expect(revised.text).not.toMatch(/No figure changed|Wording was also revised/);
    expect(revised.html as string).toContain(`<li>${line}</li>`);
    // Only words changed: said so, and where.
    const reworded = await built({ dir: first.dir, figure: '1299.9', edit: (t) => t.replace('Long-term service agreements cover all', 'Long-term service contracts cover all') });
    await send(reworded, { smtpUrl: smtp.url, sources: sources() });
    const words = smtp.received.at(-1)!.mail;
    const edition = revised.headers.get('x-briefing-edition') as string;
    for (const body of [words.text!, words.html as string]) {
      expect(body).toMatch(new RegExp(`No figure changed since edition ${edition}; wording was revised in: [^\n<]*\\(`));
      expect(body).not.toContain('Changed since edition');
    }
  });

  it('send lists what a correction changed in its dry run and in the message it sends over SMTP, from the canvas the journal kept', async ({ expect }) => {
    const smtp = await startSmtp();
    const { dir, canvas, run } = cliProject();
    const env = { BRIEFING_SMTP_URL: smtp.url };
    expect((await run([], [canvas], env)).code).toBe(EXIT.ok);
    const journal = JSON.parse(readFileSync(join(dir, JOURNAL_FILE), 'utf8'));
    // The canvas kept once, whatever number of recipients it went to.
    expect(Object.values(journal.canvases)).toEqual([readFileSync(canvas, 'utf8')]);
    const old = smtp.received[0].mail.headers.get('x-briefing-edition') as string;
    writeFileSync(canvas, readFileSync(canvas, 'utf8').replace('value: 1234.5', 'value: 1299.9'));
    const line = 'Revenue, FY2025: €1,234.5 million → €1,299.9 million';
    const dry = await run(['--dry-run'], [canvas], env);
    expect(dry.code, dry.err).toBe(EXIT.ok);
    expect(dry.out).toContain(`  revised edition: replaces edition ${old} `);
    expect(dry.out).toContain(`\n    Changed since edition ${old}:\n    - ${line}\n`);
    expect((await run([], [canvas], env)).code).toBe(EXIT.ok);
    expect(smtp.received).toHaveLength(4);
    for (const { mail } of smtp.received.slice(2)) expect(mail.text).toContain(`Changed since edition ${old}:\n- ${line}\n`);
  });

  it('attaches a correction printed as a revised edition: its cover, footers and data notes name the edition it replaces and list what it corrects; output/ keeps that very PDF, and build leaves it so', async ({ expect }) => {
    const smtp = await startSmtp();
    // A printer whose PDF is the HTML it was given: what the attachment says can be read back.
    const { dir, canvas, run } = cliProject(CONFIG, htmlPrinter());
    const env = { BRIEFING_SMTP_URL: smtp.url };
    expect((await run([], [canvas], env)).code).toBe(EXIT.ok);
    const firstPdf = smtp.received[0]!.mail.attachments[0]!.content.toString('utf8');
    expect(firstPdf).not.toContain('Revised edition');
    const old = smtp.received[0]!.mail.headers.get('x-briefing-edition') as string;
    writeFileSync(canvas, readFileSync(canvas, 'utf8').replace('value: 1234.5', 'value: 1299.9'));
    const sent = await run([], [canvas], env);
    expect(sent.code, sent.err).toBe(EXIT.ok);
    expect(smtp.received).toHaveLength(4);
    const mail = smtp.received.at(-1)!.mail;
    const edition = mail.headers.get('x-briefing-edition') as string;
    const attached = mail.attachments[0]!.content;
    const text = attached.toString('utf8');
    const line = new RegExp(`Revised edition: replaces edition ${old}, sent [^.<]+\\.`);
    expect(/<section class="cover"[\s\S]*?<\/section>/.exec(text)![0]).toMatch(line);
    expect(/<section class="data-notes"[\s\S]*?<h2/.exec(text)![0]).toContain('<li>Revenue, FY2025: €1,234.5 million → €1,299.9 million</li>');
    expect(text).toMatch(new RegExp(`@bottom-right \\{ content: "[^"]*Revised edition ${edition}"`));
    // The PDF in the output folder is the one that went; a build after the send finds it up to date, still marked.
    const pdfPath = join(dir, 'out', 'nordwind.pdf');
    expect(Buffer.compare(readFileSync(pdfPath), attached)).toBe(0);
    const build = await run([], [canvas], {}, 'build');
    expect(build.code, build.err).toBe(EXIT.ok);
    expect(Buffer.compare(readFileSync(pdfPath), attached)).toBe(0);
  });

  it('marks a revised edition in its subject and its attachment\'s name, each revision under a name of its own; a first edition keeps its own', async ({ expect }) => {
    const smtp = await startSmtp();
    const first = await built();
    await send(first, { smtpUrl: smtp.url });
    const subject = 'Nordwind Energi ASA (NWE): investor briefing, FY2025';
    const name = 'Nordwind-Energi-ASA-Investor-briefing-FY2025';
    const mails = () => smtp.received.map((r) => ({ subject: r.mail.subject, files: r.mail.attachments.map((a) => a.filename), edition: r.mail.headers.get('x-briefing-edition') as string }));
    expect(mails().map(({ subject, files }) => ({ subject, files }))).toEqual([{ subject, files: [`${name}.pdf`] }, { subject, files: [`${name}.pdf`] }]);
    // A correction, then a second one: each says so, its attachment named with its edition (the stamp on its cover).
    const corrected = await built({ dir: first.dir, figure: '1299.9' });
    const console = await send(corrected, { smtpUrl: smtp.url });
    const again = await built({ dir: first.dir, figure: '1299.8' });
    await send(again, { smtpUrl: smtp.url });
    const [one, two] = [mails()[2]!, mails()[4]!];
    expect([one.edition, two.edition]).not.toContain(mails()[0]!.edition);
    expect(one.edition).not.toBe(two.edition);
    for (const revised of mails().slice(2)) {
      expect(revised.subject).toBe(`Revised edition: ${subject}`);
      expect(revised.files).toEqual([`${name}-revised-${revised.edition}.pdf`]);
    }
    expect(smtp.received[2]!.mail.text).toContain(`Attached: ${name}-revised-${one.edition}.pdf (`);
    // The console line shows the message as it goes.
    expect(console.events.find((e) => e.kind === 'message')).toMatchObject({ subject: `Revised edition: ${subject}`, attachment: { name: `${name}-revised-${one.edition}.pdf` } });
    // A recipient new to the list gets a first edition: the usual subject and name.
    const joined = await send(again, { smtpUrl: smtp.url, project: project(CONFIG.replace('to: [board@example.com]', 'to: [board@example.com, new@example.com]')) });
    expect(joined.failed).toBe(0);
    expect(mails().at(-1)).toEqual({ subject, files: [`${name}.pdf`], edition: two.edition });
  });

  it('sends a briefing printed again in its theme\'s new looks to no one who holds its figures and words, saying why, and as a first edition to a recipient new to it', async ({ expect }) => {
    const smtp = await startSmtp();
    const dir = caseDir();
    const canvas = join(dir, 'nordwind.yaml');
    cpSync(NORDWIND, canvas);
    const theme = join(dir, 'theme');
    mkdirSync(join(theme, 'styles'), { recursive: true });
    writeFileSync(join(theme, 'theme.yaml'), 'name: House\n');
    writeFileSync(join(theme, 'styles', 'theme.css'), 'h1 { color: navy; }\n');
    const config = join(dir, 'briefing.config.yaml');
    writeFileSync(config, CONFIG);
    const run = async (more: string[] = []) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['send', canvas, '--out', join(dir, 'out'), '--config', config, '--theme', theme, ...more], { out: (l) => out.push(l), err: (l) => err.push(l), env: { BRIEFING_SMTP_URL: smtp.url }, cwd: dir, printer: smallPdfPrinter() });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const edition = () => JSON.parse(readFileSync(join(dir, 'out', '.briefing-manifest.json'), 'utf8')).briefings.nordwind.edition as string;
    const first = await run();
    expect(first.code, first.err).toBe(EXIT.ok);
    expect(smtp.received).toHaveLength(2);
    const sent = edition();
    // Its PDF deleted: a dry run would print it first, as the same edition, and says nothing of a reprint it cannot know of.
    rmSync(join(dir, 'out', 'nordwind.pdf'));
    const dry = await run(['--dry-run']);
    expect(dry.out).toContain('already sent this briefing to every recipient');
    expect(dry.out).not.toContain('printed again (the theme');
    // The theme edited: another colour, and its negative figures in parentheses. The same figures and words, other looks.
    writeFileSync(join(theme, 'styles', 'theme.css'), 'h1 { color: teal; }\n');
    writeFileSync(join(theme, 'theme.yaml'), 'name: House\nnegative_numbers: parentheses\n');
    const restyled = await run();
    expect(restyled.code, restyled.err).toBe(EXIT.ok);
    const reprint = edition();
    expect(reprint).not.toBe(sent); // printed again: what would be mailed is the new look
    expect(smtp.received).toHaveLength(2); // and mailed to no one who holds it
    const why = `as edition ${sent}: edition ${reprint} has the same figures and words, printed again (the theme's looks, the tool or the browser changed), which is no correction (--resend sends it again)`;
    expect(restyled.out).toContain(`nordwind to list committee: already sent this briefing to every recipient: chair@example.com, cio@example.com, desk@example.com, secretary@example.com, ${why}`);
    expect(restyled.out).toContain(`nordwind to list board: already sent this briefing to every recipient: board@example.com, ${why}`);
    // Someone new to the board: the new look, as a first edition (not a revision of anything they hold).
    writeFileSync(config, CONFIG.replace('to: [board@example.com]', 'to: [board@example.com, new@example.com]'));
    const joined = await run();
    expect(joined.code, joined.err).toBe(EXIT.ok);
    expect(smtp.received).toHaveLength(3);
    const { rcpt, mail } = smtp.received[2]!;
    expect(rcpt).toEqual(['new@example.com']);
    expect(mail.headers.get('x-briefing-edition')).toBe(reprint);
    expect(Buffer.compare(mail.attachments[0]!.content, readFileSync(join(dir, 'out', 'nordwind.pdf')))).toBe(0);
    expect(mail.text).toContain('(€42.7 million)'); // the net loss as the new look prints it
    expect(mail.text).not.toMatch(/Revised edition/);
    expect(mail.subject).toBe('Nordwind Energi ASA (NWE): investor briefing, FY2025');
    expect(joined.out).toMatch(new RegExp(`^ {2}already sent this briefing to: board@example\\.com, as edition ${sent}: edition ${reprint} has the same figures and words`, 'm'));
    // --resend sends the new look to everyone.
    expect((await run(['--resend'])).code).toBe(EXIT.ok);
    expect(smtp.received).toHaveLength(5);
    // A journal of a version before the notation was left out, which hashed the figures as the theme printed them: they hold it too.
    const journal = join(dir, JOURNAL_FILE);
    const data = JSON.parse(readFileSync(journal, 'utf8')) as { sent: Array<{ content: string }> };
    const { name: _name, routeName: _route, minusNotation, ...shown } = (await checkCanvas(canvas, { theme })).models[0]!;
    expect(minusNotation).toBeDefined();
    const before = createHash('sha256').update(`canvas-briefing content 1\0${JSON.stringify({ ...shown, namedByPeriod: false, namedByDate: undefined })}`).digest('hex');
    expect(before).not.toBe(data.sent.at(-1)!.content);
    for (const e of data.sent) e.content = before;
    writeFileSync(journal, JSON.stringify(data));
    expect((await run()).code).toBe(EXIT.ok);
    expect(smtp.received).toHaveLength(5);
  });

  it('names in its console line who was sent which edition a correction replaces, when a refusal left them holding different ones', async ({ expect }) => {
    // As a user runs it (the CLI, in-process, with a printer that prints nothing real), to a list of two.
    const smtp = await startSmtp({ refuse: ['a2@bank.example'] });
    const first = await built();
    const config = join(first.dir, 'briefing.config.yaml');
    writeFileSync(config, 'mail:\n  from: ir@example.com\nlists:\n  banks:\n    to: [a1@bank.example, a2@bank.example]\nsend:\n  - briefing: nordwind\n    lists: [banks]\n');
    const printer = smallPdfPrinter();
    const canvas = join(first.dir, 'nordwind.yaml');
    const run = async (figure: string) => {
      writeFileSync(canvas, readFileSync(canvas, 'utf8').replace(/^( {4}value: )[\d.]+$/m, `$1${figure}`));
      const out: string[] = [];
      const code = await main(['send', canvas, '--out', first.out, '--config', config], { out: (l) => out.push(l), err: () => {}, env: { ...process.env, BRIEFING_SMTP_URL: smtp.url, BRIEFING_SEND_BACKOFF_MS: '20' }, cwd: first.dir, printer });
      const editions = smtp.received.map((r) => [r.rcpt.join(), r.mail.headers.get('x-briefing-edition')]);
      return { code, out: out.join('\n'), editions };
    };
    // a2 refuses the first edition (a1 has it), a1 the correction (a2 has that one); then a second correction goes to both.
    expect((await run('1234.5')).code).toBe(EXIT.send);
    smtp.faults.refuse = ['a1@bank.example'];
    expect((await run('1299.9')).code).toBe(EXIT.send);
    smtp.faults.refuse = [];
    const third = await run('1301.7');
    expect(third.code).toBe(EXIT.ok);
    const [[, a], [, b]] = third.editions as Array<[string, string]>;
    expect(third.editions.slice(0, 2)).toEqual([['a1@bank.example', a], ['a2@bank.example', b]]);
    const at = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d UTC`;
    expect(third.out).toMatch(new RegExp(`^ {2}revised edition: replaces edition ${b} sent ${at} to a2@bank\\.example; edition ${a} sent ${at} to a1@bank\\.example \\(the message names edition ${b}, as sent to some of its recipients\\)$`, 'm'));
    // As the message says: the latest edition, sent to some of its recipients, not to "you".
    expect(smtp.received.at(-1)!.mail.text).toContain(`Revised edition: this briefing replaces edition ${b}, sent to some recipients of this message on `);
  });

  it('sends the briefings that built when another canvas fails, and exits with the build\'s failure, not 0', async ({ expect }) => {
    const smtp = await startSmtp();
    const first = await built();
    const config = join(first.dir, 'briefing.config.yaml');
    // The broken canvas is routed: a briefing that was to go and did not.
    writeFileSync(config, 'mail:\n  from: ir@example.com\nlists:\n  banks:\n    to: [a1@bank.example]\nsend:\n  - briefing: nordwind\n    lists: [banks]\n  - briefing: broken\n    lists: [banks]\n');
    const broken = join(first.dir, 'broken.yaml');
    cpSync('test/fixtures/invalid/broken-types.yaml', broken);
    const printer = smallPdfPrinter();
    const err: string[] = [];
    const code = await main(['send', join(first.dir, 'nordwind.yaml'), broken, '--out', first.out, '--config', config], { out: () => {}, err: (l) => err.push(l), env: { ...process.env, BRIEFING_SMTP_URL: smtp.url, BRIEFING_SEND_BACKOFF_MS: '20' }, cwd: first.dir, printer });
    expect(smtp.received.map((r) => r.rcpt)).toEqual([['a1@bank.example']]);
    expect(err.join('\n')).toMatch(/broken\.yaml:\d+/); // the failure said at its line
    expect(code).toBe(EXIT.invalidData);
  });

  it('builds no canvas that no route names: one that would not build is a warning, not the exit code; routed, it is the exit code', async ({ expect }) => {
    const { dir, canvas, run } = cliProject();
    const folder = join(dir, 'canvases');
    mkdirSync(folder);
    cpSync(canvas, join(folder, 'nordwind.yaml'));
    cpSync('test/fixtures/invalid/broken-types.yaml', join(folder, 'draft.yaml'));
    cpSync('test/fixtures/invalid/broken-syntax.yaml', join(folder, 'old.yaml'));
    writeFileSync(join(folder, 'spare.yaml'), readFileSync(NORDWIND, 'utf8').replace('value: 1234.5', 'value: 1111.1'));
    const sent = await run(['--outbox'], [folder]);
    expect(sent.code, sent.err).toBe(EXIT.ok);
    expect(sent.err.split('\n').filter((l) => /draft|old/.test(l))).toEqual([
      'warning: canvases/draft.yaml: not sent to anyone (no route in briefing.config.yaml names it), so not built; it would not build: invalid canvas (4 problems); no briefing can be made from it until they are fixed. (briefing check canvases/draft.yaml says it all)',
      'warning: canvases/old.yaml: not sent to anyone (no route in briefing.config.yaml names it), so not built; it would not build: canvases/old.yaml:2:9: company.name: YAML syntax: this quote (") is never closed: add the closing " where the text ends (briefing check canvases/old.yaml says it all)',
    ]);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.pdf'))).toEqual(['nordwind.pdf']); // nor the valid canvas no route names
    expect(readdirSync(join(dir, 'out', 'outbox')).sort()).toEqual(['board', 'committee']);
    // Named on the command line, a canvas no route names is said so: the run is no send of it.
    const spare = await run(['--outbox', '--dry-run'], [join(folder, 'spare.yaml')]);
    expect([spare.code, spare.out.split('\n').filter((l) => l.includes('spare'))]).toEqual([EXIT.ok, ['canvases/spare.yaml: not sent to anyone (no route in briefing.config.yaml names it), so not built']]);
    // A route names it: it was to go and did not (exit 3); the others still go.
    writeFileSync(join(dir, 'briefing.config.yaml'), `${CONFIG}  - briefing: draft\n    lists: [board]\n`);
    const routed = await run(['--outbox'], [folder]);
    expect(routed.code).toBe(EXIT.invalidData);
    expect(routed.err).toMatch(/^error: .*canvases\/draft\.yaml: invalid canvas/m);
    expect(routed.err).not.toMatch(/draft\.yaml: not sent to anyone/);
    expect(routed.err).toMatch(/canvases\/old\.yaml: not sent to anyone/);
  });

  it('sends no one a briefing again for file_name added to its canvas: the same figures and words, under a name with the period, are the same edition', async ({ expect }) => {
    // The quarter's briefing went out; then, as the README advises, file_name is set so next quarter's PDF will not replace it.
    const smtp = await startSmtp();
    const first = await built();
    await send(first, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(2);
    const named = await built({ dir: first.dir, fileName: '{stem}-{period}' });
    expect(named.model.name).toBe('nordwind-FY2025');
    const editions = JSON.parse(readFileSync(join(first.out, '.briefing-manifest.json'), 'utf8')).briefings as Record<string, { edition: string }>;
    expect(editions['nordwind-FY2025']!.edition).toBe(smtp.received[0]!.mail.headers.get('x-briefing-edition'));
    const again = await send(named, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(2);
    expect(again.events.filter((e) => e.kind === 'message').map((e) => (e as { already: string[] }).already.length)).toEqual([4, 1]);
  });

  it('marks a correction as a revised edition though file_name renamed the briefing\'s PDF since the copy it replaces went out', async ({ expect }) => {
    const smtp = await startSmtp();
    const first = await built();
    await send(first, { smtpUrl: smtp.url });
    const original = smtp.received[0]!.mail;
    // file_name set (so next quarter's PDF will not replace this one), and a figure of the same period corrected.
    const corrected = await built({ dir: first.dir, fileName: '{stem}-{period}', figure: '1299.9' });
    expect(corrected.model.name).toBe('nordwind-FY2025');
    await send(corrected, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(4);
    const revised = smtp.received.at(-1)!.mail;
    expect(revised.text).toContain('€1,299.9 million');
    expect(revised.text).toContain(`Revised edition: this briefing replaces edition ${original.headers.get('x-briefing-edition') as string}, sent to you on `);
    expect(revised.headers.get('x-briefing-replaces')).toBe(original.headers.get('x-briefing-edition'));
    // file_name names the PDF in the output folder, not the attachment: the revised one is named as any revision is.
    expect(revised.subject).toBe('Revised edition: Nordwind Energi ASA (NWE): investor briefing, FY2025');
    expect(revised.attachments.map((a) => a.filename)).toEqual([`Nordwind-Energi-ASA-Investor-briefing-FY2025-revised-${revised.headers.get('x-briefing-edition') as string}.pdf`]);
    // The next period under its own name is new, not a revision of this one.
    const next = await built({ dir: first.dir, fileName: '{stem}-{period}', figure: '1400.1', period: 'FY2026' });
    await send(next, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(6);
    expect(smtp.received.at(-1)!.mail.text).not.toMatch(/Revised edition/);
    expect(smtp.received.at(-1)!.mail.headers.has('x-briefing-replaces')).toBe(false);
    expect(smtp.received.at(-1)!.mail.subject).toBe('Nordwind Energi ASA (NWE): investor briefing, FY2026');
    expect(smtp.received.at(-1)!.mail.attachments.map((a) => a.filename)).toEqual(['Nordwind-Energi-ASA-Investor-briefing-FY2026.pdf']);
  });

  it('sends no one again a briefing named with file_name that a journal of an earlier version recorded, its content hashed with the name\'s period', async ({ expect }) => {
    const smtp = await startSmtp();
    const named = await built({ fileName: '{stem}-{period}' });
    await send(named, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(2);
    // The journal as versions before 0a3f7b5 wrote it: the content hashed with namedByPeriod true.
    const { name: _name, routeName: _route, ...shown } = named.model;
    expect(named.model.namedByPeriod).toBe(true);
    expect(journalAsBefore(named.dir, shown)).toBe(true);
    const again = await send(named, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(2);
    expect(again.events.filter((e) => e.kind === 'message').map((e) => (e as { already: string[] }).already.length)).toEqual([4, 1]);
  });

  it('sends no one again a briefing whose note on an acknowledged finding an earlier version worded otherwise', async ({ expect }) => {
    const smtp = await startSmtp();
    // A sentence that names FY2024 beside FY2025's revenue, acknowledged: the data notes say so in a note on the figures.
    const edit = (text: string) => text.replace('paragraph: Revenue reached [[revenue_fy25]]', 'paragraph: In FY2024 revenue reached [[revenue_fy25]]')
      .replace(/^data_notes:\n/m, 'data_notes:\n  acknowledged:\n    - { rule: period-mismatch, metrics: [revenue_fy25], reason: The sentence compares the two years. }\n');
    const target = await built({ edit });
    const now = 'A figure is for another period than the sentence around it, or its chart\'s or table\'s title or caption, names (Revenue, FY2025): The sentence compares the two years.';
    expect(target.model.appendix.notes).toContain(now);
    await send(target, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(2);
    // The journal as versions before the note named titles and captions wrote it: the same briefing, its note worded so.
    const { name: _name, routeName: _route, ...shown } = target.model;
    const notes = shown.appendix.notes.map((n) => (n === now ? 'A figure is for another period than the sentence around it names (Revenue, FY2025): The sentence compares the two years.' : n));
    expect(journalAsBefore(target.dir, { ...shown, appendix: { ...shown.appendix, notes } })).toBe(true);
    const again = await send(target, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(2);
    expect(again.events.filter((e) => e.kind === 'message').map((e) => (e as { already: string[] }).already.length)).toEqual([4, 1]);
  });

  it('refuses a PDF that is not the one built from the canvas as it is now', async ({ expect }) => {
    const smtp = await startSmtp();
    const target = await built();
    writeFileSync(join(target.out, 'nordwind.pdf'), '%PDF-1.7\n% edited by hand\n%%EOF\n');
    const { failed, refused, events } = await send(target, { smtpUrl: smtp.url });
    expect([failed, refused]).toEqual([0, 1]);
    expect(events).toEqual([expect.objectContaining({ kind: 'refused', error: expect.objectContaining({ message: expect.stringMatching(/is not the briefing its canvas describes now/) }) })]);
    expect(smtp.received).toEqual([]);
  });

  it('tries a message again, saying the server\'s own reason, when the server turns it away on the connection the last one used', async ({ expect }) => {
    const smtp = await startSmtp({ deferReused: 1 });
    const { failed, events } = await send(await built(), { smtpUrl: smtp.url });
    expect(failed).toBe(0);
    expect(delivered(smtp.received)).toEqual(EVERYONE);
    expect(events.filter((e) => e.kind === 'retry').map((e) => (e as { reason: string }).reason)).toEqual(['421 Too many messages on this connection, try again later']);
  });

  const faultCases: Array<[string, Faults]> = [
    ['answers 421 to the first attempt', { defer: 1 }],
    ['drops the connection before the message data', { drop: 1 }],
  ];
  for (const [what, faults] of faultCases) {
    it(`tries again when the server ${what}, and delivers once`, async ({ expect }) => {
      const smtp = await startSmtp(faults);
      const { failed, events } = await send(await built(), { smtpUrl: smtp.url });
      expect(failed).toBe(0);
      expect(smtp.attempts).toBe(3); // one failed, then one per list
      // Tried again by send, which says so (and counts the try), not silently by the mail library.
      expect(events.filter((e) => e.kind === 'retry')).toHaveLength(1);
      expect(delivered(smtp.received)).toEqual(EVERYONE);
      // Dropped before the message data went: nobody can have it twice, and nobody is told so.
      expect(events.filter((e) => e.kind === 'twice')).toEqual([]);
    });
  }

  it('says who may have it twice when the connection dropped after the server had the whole message, before it confirmed it', async ({ expect }) => {
    const smtp = await startSmtp({ dropAfterData: 1 });
    const { failed, events } = await send(await built(), { smtpUrl: smtp.url });
    expect(failed).toBe(0);
    // The committee's message reached the server twice: SMTP cannot tell the first went through.
    expect(smtp.received.map((r) => r.rcpt.join(' '))).toEqual([...Array(2).fill('chair@example.com cio@example.com desk@example.com secretary@example.com'), 'board@example.com']);
    expect(events.filter((e) => e.kind === 'twice')).toEqual([{ kind: 'twice', briefing: 'nordwind', list: 'committee', recipients: ['chair@example.com', 'cio@example.com', 'desk@example.com', 'secretary@example.com'] }]);
  });

  it('says when it tries again, and stops the whole run when the server refuses the login', async ({ expect }) => {
    const smtp = await startSmtp({ defer: 1 });
    const { events } = await send(await built(), { smtpUrl: smtp.url });
    expect(events.filter((e) => e.kind === 'retry')).toEqual([expect.objectContaining({ briefing: 'nordwind', list: 'committee', waitMs: 20, reason: expect.stringMatching(/^421 /) })]);
    const locked = await startSmtp({ login: false });
    await expect(send(await built(), { smtpUrl: locked.url.replace('smtp://', 'smtp://bot:wrong@') })).rejects.toMatchObject({
      exitCode: EXIT.send,
      message: expect.stringMatching(/^smtp:\/\/127\.0\.0\.1:\d+ refused the login \(535 .*\): check the user and password/),
    });
    expect(locked.attempts).toBe(0);
  });

  it('stops the whole run when the server cannot be reached in any of a message\'s tries, instead of trying each message as long (not one that answers and hangs up)', async ({ expect }) => {
    const port = await freePort(); // nothing listens there
    const events: SendEvent[] = [];
    const target = await built();
    await expect(sendBriefings([target.model], { outDir: target.out, projectDir: target.dir, project: project(), dryRun: false, resend: false, backoffMs: 20, smtpUrl: `smtp://127.0.0.1:${port}` }, (e) => events.push(e))).rejects.toMatchObject({
      exitCode: EXIT.send,
      message: `smtp://127.0.0.1:${port} could not be reached in 4 tries (connect ECONNREFUSED 127.0.0.1:${port}: nothing listens there): check that the server is running and the host and port of the SMTP URL; this message and the rest were not sent (run briefing send again once it is reachable)`,
    });
    // The first list's message was tried 4 times; the second list's never.
    expect(events.filter((e) => e.kind === 'retry').map((e) => (e as { list: string }).list)).toEqual(['committee', 'committee', 'committee']);
    expect(events.filter((e) => e.kind === 'message').map((e) => (e as { list: string }).list)).toEqual(['committee']);
    // A server that answers, then hangs up every time, was reached: each message is tried, none stops the run.
    const hangingUp = await startSmtp({ drop: 100 });
    const { failures, events: tried } = await send(await built(), { smtpUrl: hangingUp.url });
    expect(tried.filter((e) => e.kind === 'message').map((e) => (e as { list: string }).list)).toEqual(['committee', 'board']);
    expect(failures.length).toBeGreaterThan(0);
  });

  it('stops the whole run, with a hint, on a port that never greets or smtps:// to a server without TLS, instead of trying each message', async ({ expect, onTestFinished }) => {
    // A server that takes the connection and says nothing: smtp:// to a port that waits for TLS first (465) is such a one.
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    onTestFinished(() => { silent.close(); });
    const port = (silent.address() as AddressInfo).port;
    const events: SendEvent[] = [];
    const target = await built();
    await expect(sendBriefings([target.model], { outDir: target.out, projectDir: target.dir, project: project(), dryRun: false, resend: false, backoffMs: 20, greetingTimeoutMs: 200, smtpUrl: `smtp://127.0.0.1:${port}` }, (e) => events.push(e))).rejects.toMatchObject({
      exitCode: EXIT.send,
      message: expect.stringContaining(`smtp://127.0.0.1:${port} could not be reached in 4 tries (the server did not greet within 0.2 s: is the port right? 465 needs smtps://, 587 and 25 smtp://)`),
    });
    expect(events.filter((e) => e.kind === 'retry').map((e) => (e as { list: string }).list)).toEqual(['committee', 'committee', 'committee']);
    expect(events.filter((e) => e.kind === 'message').map((e) => (e as { list: string }).list)).toEqual(['committee']);

    // smtps:// to a server that speaks plain SMTP: said in words, not OpenSSL's, and not tried again.
    const smtp = await startSmtp();
    const tls = `smtps://${smtp.url.slice('smtp://'.length)}`;
    const tried: SendEvent[] = [];
    const other = await built();
    const failure = await sendBriefings([other.model], { outDir: other.out, projectDir: other.dir, project: project(), dryRun: false, resend: false, backoffMs: 20, smtpUrl: tls }, (e) => tried.push(e)).catch((e: unknown) => e as Error & { exitCode: number });
    expect(failure).toMatchObject({ exitCode: EXIT.send, message: expect.stringMatching(/^smtps:\/\/127\.0\.0\.1:\d+: this server does not speak TLS on this port \(TLS said: wrong version number\): use smtp:\/\/ /) });
    expect((failure as Error).message).not.toMatch(/SSL routines|openssl/);
    expect(tried.filter((e) => e.kind === 'retry')).toEqual([]);
    expect(tried.filter((e) => e.kind === 'message')).toHaveLength(1);
    expect(smtp.received).toEqual([]);
  });

  it('refuses to send with a journal it cannot read, unless --resend (which keeps the damaged one)', async ({ expect }) => {
    const smtp = await startSmtp();
    const target = await built();
    writeFileSync(join(target.dir, JOURNAL_FILE), '{ "format": "canvas-briefing send journal 1", "sent": [null] }');
    await expect(send(target, { smtpUrl: smtp.url })).rejects.toMatchObject({ exitCode: EXIT.send, message: expect.stringMatching(/cannot be read \(an entry is malformed\), so what was sent before is unknown; nothing was sent\. .*--resend/) });
    expect(smtp.received).toEqual([]);
    await send(target, { smtpUrl: smtp.url, resend: true });
    expect(smtp.received).toHaveLength(2);
    expect(readdirSync(target.dir).filter((f) => f.startsWith(`${JOURNAL_FILE}.damaged-`))).toHaveLength(1);
  });

  it('waits for no one: an output folder another running build or send holds is refused, a lock left by a dead process taken over', async ({ expect, onTestFinished }) => {
    const smtp = await startSmtp();
    const target = await built();
    // Another live process: one of the test's own (not this one's parent, which in a worker thread may be anything).
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    onTestFinished(() => { other.kill('SIGKILL'); });
    writeFileSync(join(target.out, '.briefing.lock'), `${other.pid} build\n`);
    await expect(send(target, { smtpUrl: smtp.url })).rejects.toMatchObject({ exitCode: EXIT.output, message: expect.stringMatching(/is in use by another briefing build \(process \d+\)/) });
    writeFileSync(join(target.out, '.briefing.lock'), '2147483646 send\n');
    expect((await send(target, { smtpUrl: smtp.url })).failed).toBe(0);
    expect(existsSync(join(target.out, '.briefing.lock'))).toBe(false);
  });

  it('sends an address on two lists a briefing once, with the first list its route names: off the later list\'s envelope and headers, said in its console line', async ({ expect }) => {
    const smtp = await startSmtp();
    const target = await built();
    const config = join(target.dir, 'briefing.config.yaml');
    writeFileSync(config, OVERLAP);
    const canvas = join(target.dir, 'nordwind.yaml');
    const { printer } = fakePrinter(({ html }) => ({ pdf: target.pdf, pages: 3, anchors: linkedAnchors(html, 2), blocked: [] }));
    const run = async (...more: string[]) => {
      const out: string[] = [];
      const code = await main(['send', canvas, '--out', target.out, '--config', config, ...more], { out: (l) => out.push(l), err: () => {}, env: { ...process.env, BRIEFING_SMTP_URL: smtp.url, BRIEFING_SEND_BACKOFF_MS: '20' }, cwd: target.dir, printer });
      return { code, out: out.join('\n') };
    };
    const dry = await run('--dry-run');
    expect(dry.out).toMatch(/^ {2}bob@example\.com would get this edition with list committee$/m);
    const first = await run();
    expect(first.code).toBe(EXIT.ok);
    expect(smtp.received).toHaveLength(2);
    expect(delivered(smtp.received)).toEqual([...EVERYONE, 'bob@example.com'].sort()); // bob once
    const [committee, board] = smtp.received;
    expect(committee.rcpt).toContain('bob@example.com');
    expect((committee.mail.cc as { value: Array<{ address: string }> }).value.map((v) => v.address.toLowerCase())).toEqual(['desk@example.com', 'bob@example.com']);
    expect(board.rcpt).toEqual(['board@example.com']);
    expect((board.mail.to as { text: string }).text).toBe('board@example.com'); // left off the headers too
    expect(first.out).toMatch(/^ {2}bob@example\.com already sent this edition with list committee$/m);
    expect(first.out.match(/^ {2}sent to bob@example\.com$/gm)).toHaveLength(1);
    // The journal has bob's copy once, through the list it went with.
    const sent = JSON.parse(readFileSync(join(target.dir, JOURNAL_FILE), 'utf8')).sent as Array<{ list: string; recipient: string }>;
    expect(sent.filter((e) => e.recipient === 'bob@example.com').map((e) => e.list)).toEqual(['committee']);
    // A re-run sends no one anything; --resend sends each address again, still once.
    expect((await run()).code).toBe(EXIT.ok);
    expect(smtp.received).toHaveLength(2);
    const resent = await run('--resend');
    expect(resent.code).toBe(EXIT.ok);
    expect(smtp.received).toHaveLength(4);
    expect(delivered(smtp.received.slice(2))).toEqual([...EVERYONE, 'bob@example.com'].sort());
  });

  it('sends no one through a list a briefing they were sent through another list in an earlier run', async ({ expect }) => {
    const smtp = await startSmtp();
    const target = await built();
    await send(target, { smtpUrl: smtp.url, project: project(OVERLAP), lists: ['board'] });
    expect(delivered(smtp.received)).toEqual(['board@example.com', 'bob@example.com']);
    const all = await send(target, { smtpUrl: smtp.url, project: project(OVERLAP) });
    expect(all.failed).toBe(0);
    expect(delivered(smtp.received)).toEqual([...EVERYONE, 'bob@example.com'].sort()); // bob once, board once
    expect(all.events.find((e) => e.kind === 'message' && e.list === 'committee')).toMatchObject({ already: ['bob@example.com'] });
    // Nor in its headers: they name whom this message went to, as its envelope does (bob has board's message).
    const committee = smtp.received.find((r) => r.rcpt.includes('chair@example.com'))!;
    expect((committee.mail.cc as { text: string }).text).toBe('desk@example.com');
    expect(committee.raw.toString('latin1')).not.toMatch(/bob@/i);
    expect(all.events.find((e) => e.kind === 'message' && e.list === 'committee')).toMatchObject({ cc: ['desk@example.com'] });
    // And the other way round (a retry, or a run resumed after SIGTERM, once committee's message went): sent with
    // committee first, a run of all lists sends bob nothing, and board's message does not name him.
    const other = await built();
    await send(other, { smtpUrl: smtp.url, project: project(OVERLAP), lists: ['committee'] });
    const before = smtp.received.length;
    const rest = await send(other, { smtpUrl: smtp.url, project: project(OVERLAP) });
    expect(smtp.received.slice(before).map((r) => r.rcpt)).toEqual([['board@example.com']]);
    expect((smtp.received[before]!.mail.to as { text: string }).text).toBe('board@example.com');
    expect(rest.events.find((e) => e.kind === 'message' && e.list === 'board')).toMatchObject({ to: ['board@example.com'], already: ['bob@example.com'] });
  });

  it('tells each recipient of a revised edition what they hold, whichever list it came through', async ({ expect }) => {
    const smtp = await startSmtp();
    const first = await built();
    // The first edition: bob only on board then.
    await send(first, { smtpUrl: smtp.url, project: project(CONFIG.replace('to: [board@example.com]', 'to: [board@example.com, bob@example.com]')) });
    const edition = smtp.received[0].mail.headers.get('x-briefing-edition') as string;
    expect(smtp.received).toHaveLength(2);
    // Then bob is put on committee as well, and a correction goes out: every recipient of committee's message holds the first edition.
    const corrected = await built({ dir: first.dir, figure: '1299.9' });
    const { events } = await send(corrected, { smtpUrl: smtp.url, project: project(OVERLAP) });
    expect(smtp.received).toHaveLength(4);
    const committee = smtp.received[2];
    expect(committee.rcpt).toContain('bob@example.com');
    expect(committee.mail.text).toContain(`Revised edition: this briefing replaces edition ${edition}, sent to you on `);
    expect(events.find((e) => e.kind === 'message' && e.list === 'committee')).toMatchObject({ replaces: [expect.objectContaining({ edition, recipients: expect.arrayContaining(['bob@example.com']) })] });
    expect(smtp.received[3].rcpt).toEqual(['board@example.com']);
  });

  it('threads a correction with the message it replaces only when every recipient had that message: not one with a recipient new to the list', async ({ expect }) => {
    const smtp = await startSmtp();
    const first = await built();
    await send(first, { smtpUrl: smtp.url });
    expect(smtp.received).toHaveLength(2);
    const firstBoard = smtp.received.find((r) => r.rcpt.includes('board@example.com'))!.mail;
    // A correction, after new@example.com joined committee: four of its five recipients hold the first edition.
    const corrected = await built({ dir: first.dir, figure: '1299.9' });
    await send(corrected, { smtpUrl: smtp.url, project: project(CONFIG.replace('cc: [desk@example.com]', 'cc: [desk@example.com, new@example.com]')) });
    expect(smtp.received).toHaveLength(4);
    const committee = smtp.received.slice(2).find((r) => r.rcpt.includes('new@example.com'))!.mail;
    const board = smtp.received.slice(2).find((r) => r.rcpt.includes('board@example.com'))!.mail;
    expect(committee.text).toContain('Revised edition: this briefing replaces edition ');
    expect(committee.text).toContain(', sent to some recipients of this message on ');
    // new@example.com never had the first message: this one is no reply to it.
    expect(committee.inReplyTo).toBeUndefined();
    expect(committee.headers.has('references')).toBe(false);
    // Board's one recipient had it: the correction answers that message.
    expect(board.inReplyTo).toBe(firstBoard.messageId);
    expect(board.references).toBe(firstBoard.messageId);
  });

  it('tries again only the recipient the server greylisted (450): those it accepted get the message once', async ({ expect }) => {
    const smtp = await startSmtp({ greylist: ['desk@example.com'] });
    const target = await built();
    const { failed, events } = await send(target, { smtpUrl: smtp.url });
    expect(failed).toBe(0);
    expect(events.filter((e) => e.kind === 'retry')).toHaveLength(1);
    expect(delivered(smtp.received)).toEqual(EVERYONE);
    // The committee's message went to three of its four, then to desk alone: one copy each.
    expect(smtp.received.filter((r) => r.rcpt.includes('chair@example.com')).map((r) => r.rcpt.sort())).toEqual([['chair@example.com', 'cio@example.com', 'secretary@example.com']]);
    expect(smtp.received.filter((r) => r.rcpt.includes('desk@example.com')).map((r) => r.rcpt)).toEqual([['desk@example.com']]);
    const sent = JSON.parse(readFileSync(join(target.dir, JOURNAL_FILE), 'utf8')).sent as Array<{ recipient: string }>;
    expect(sent.map((e) => e.recipient).sort()).toEqual(EVERYONE);
  });

  it('does not try an address again through a later list after the first list\'s message to it failed in the same run', async ({ expect }) => {
    const smtp = await startSmtp({ refuse: ['bob@example.com'] });
    const target = await built();
    const first = await send(target, { smtpUrl: smtp.url, project: project(OVERLAP) });
    expect(first.failed).toBe(1);
    expect(first.failures).toEqual([expect.objectContaining({ recipient: 'bob@example.com', list: 'committee' })]);
    expect(smtp.received.map((r) => r.rcpt.includes('bob@example.com'))).toEqual([false, false]);
    smtp.faults.refuse = [];
    const second = await send(target, { smtpUrl: smtp.url, project: project(OVERLAP) });
    expect(second.failed).toBe(0);
    expect(smtp.received.slice(2).map((r) => r.rcpt)).toEqual([['bob@example.com']]);
  });

  it('keeps a copy sent with --to (trying it on yourself) apart from the lists: the lists\' run still sends it, and --to after the lists still sends the trial', async ({ expect }) => {
    const smtp = await startSmtp();
    const target = await built();
    // The IR desk tries it on itself first; desk is on committee's cc.
    await send(target, { smtpUrl: smtp.url, to: ['desk@example.com'] });
    expect(delivered(smtp.received)).toEqual(['desk@example.com']);
    const real = await send(target, { smtpUrl: smtp.url });
    expect(real.failed).toBe(0);
    // The committee's message reaches desk too: the trial was no copy from the list.
    expect(delivered(smtp.received.slice(1))).toEqual(EVERYONE);
    expect(real.events.find((e) => e.kind === 'message' && e.list === 'committee')).toMatchObject({ already: [] });
    // And a trial after the lists went is sent too, once (a re-run of it sends it no more).
    const other = await built();
    await send(other, { smtpUrl: smtp.url });
    const before = smtp.received.length;
    await send(other, { smtpUrl: smtp.url, to: ['Desk <DESK@example.com>'] });
    await send(other, { smtpUrl: smtp.url, to: ['desk@example.com'] });
    expect(smtp.received.slice(before).map((r) => r.rcpt)).toEqual([['desk@example.com']]);
  });

  it('reports a recipient refused with 550 without retrying it, delivers to the others, and a re-run sends no duplicate', async ({ expect }) => {
    const smtp = await startSmtp({ refuse: ['cio@example.com'] });
    const target = await built();
    const first = await send(target, { smtpUrl: smtp.url });
    expect(first.failed).toBe(1);
    expect(first.failures).toEqual([expect.objectContaining({ recipient: 'cio@example.com', list: 'committee', error: expect.stringMatching(/^550 .*No such user/) })]);
    expect(delivered(smtp.received)).toEqual(EVERYONE.filter((r) => r !== 'cio@example.com'));
    expect(smtp.attempts).toBe(2); // not retried

    smtp.faults.refuse = [];
    const second = await send(target, { smtpUrl: smtp.url });
    expect(second.failed).toBe(0);
    expect(smtp.received.at(-1)!.rcpt).toEqual(['cio@example.com']); // only what was missing
    expect(delivered(smtp.received)).toEqual(EVERYONE);
  });

  it('gives up on a server that keeps deferring, says so, and records nothing as sent', async ({ expect }) => {
    const smtp = await startSmtp({ defer: 99 });
    const target = await built();
    const { failed, failures } = await send(target, { smtpUrl: smtp.url, lists: ['board'] });
    expect(failed).toBe(1);
    expect(failures[0]).toMatchObject({ recipient: 'board@example.com', error: expect.stringMatching(/^gave up after 4 tries: 421/) });
    expect(existsSync(join(target.dir, JOURNAL_FILE))).toBe(false);
  });

  it('refuses a PDF over the attachment limit, and sends nothing on a dry run', async ({ expect }) => {
    const smtp = await startSmtp();
    const { dir, out, model } = await built({ pdf: `%PDF-1.7\n${'x'.repeat(1_100_000)}\n%%EOF\n` });
    const limited = project(CONFIG.replace('  note:', '  attachment_limit_mb: 1\n  note:'));
    const events: SendEvent[] = [];
    const { failed, refused } = await sendBriefings([model], { outDir: out, projectDir: dir, project: limited, smtpUrl: smtp.url, dryRun: false, resend: false }, (e) => events.push(e));
    expect([failed, refused]).toEqual([0, 1]);
    expect(events).toEqual([expect.objectContaining({ kind: 'refused', error: expect.objectContaining({ message: expect.stringMatching(/is 1\.0 MB, over the 1 MB limit .*attachment_limit_mb/) }) })]);
    const dry = await send(await built(), { smtpUrl: smtp.url, dryRun: true });
    expect(dry.events.map((e) => e.kind)).toEqual(['message', 'message']);
    expect(smtp.received).toEqual([]);
  });
});

describe('briefing send without SMTP', () => {
  it('routes a briefing by its canvas file\'s name when file_name puts the period in the PDF\'s name: the routes hold every quarter', async () => {
    const target = await built({ fileName: '{stem}-{period}' });
    expect([target.model.name, target.model.routeName]).toEqual(['nordwind-FY2025', 'nordwind']);
    await expect(checkConfigRoutes(project(), [target.model.name, target.model.routeName])).resolves.toBeUndefined();
    await expect(checkConfigRoutes(project(), [target.model.name])).rejects.toThrow(/no briefing "nordwind" among the canvases/);
    await send(target);
    const edition = JSON.parse(readFileSync(join(target.out, '.briefing-manifest.json'), 'utf8')).briefings['nordwind-FY2025'].edition;
    expect(readdirSync(join(target.out, 'outbox'), { recursive: true }).map(String).sort()).toEqual(['board', `board/nordwind-FY2025--${edition}.eml`, 'committee', `committee/nordwind-FY2025--${edition}.eml`]);
  });

  it('writes each message as a complete .eml file to the outbox, once', async () => {
    const target = await built();
    const { out, pdf } = target;
    await send(target);
    const outbox = join(out, 'outbox');
    const edition = JSON.parse(readFileSync(join(out, '.briefing-manifest.json'), 'utf8')).briefings.nordwind.edition;
    expect(readdirSync(outbox, { recursive: true }).map(String).sort()).toEqual(['board', `board/nordwind--${edition}.eml`, 'committee', `committee/nordwind--${edition}.eml`]);
    const mail = await simpleParser(readFileSync(join(outbox, 'committee', `nordwind--${edition}.eml`)));
    expect(mail.subject).toBe('Nordwind Energi ASA (NWE): investor briefing, FY2025');
    expect((mail.bcc as { text: string }).text).toBe('secretary@example.com'); // the file says whom it is for
    expect(Buffer.compare(mail.attachments[0].content, pdf)).toBe(0);
    const again = await send(target);
    expect(again.events.filter((e) => e.kind === 'recipient')).toEqual([]);

    // Someone joins the list: a file of its own names only them (the first may not have been sent yet, and whoever
    // sends this one must not send it to the others again).
    const first = readFileSync(join(outbox, 'committee', `nordwind--${edition}.eml`));
    const joined = await send(target, { project: project(CONFIG.replace('cc: [desk@example.com]', 'cc: [desk@example.com, new@example.com]')) });
    expect(joined.events.filter((e) => e.kind === 'recipient').map((e) => e.recipient)).toEqual(['new@example.com']);
    expect(joined.events.find((e) => e.kind === 'message' && e.list === 'committee')).toMatchObject({ to: [], cc: ['new@example.com'], bcc: [], already: ['chair@example.com', 'cio@example.com', 'desk@example.com', 'secretary@example.com'] });
    expect(readFileSync(join(outbox, 'committee', `nordwind--${edition}.eml`)).equals(first)).toBe(true);
    const added = readdirSync(join(outbox, 'committee')).filter((f) => f !== `nordwind--${edition}.eml`);
    expect(added).toEqual([expect.stringMatching(new RegExp(`^nordwind--${edition}--[0-9a-f]{8}\\.eml$`))]);
    const toNew = await simpleParser(readFileSync(join(outbox, 'committee', added[0]!)));
    expect([toNew.to, (toNew.cc as { text: string }).text, toNew.bcc]).toEqual([undefined, 'new@example.com', undefined]);
  });

  it('moves an outbox file a revised edition replaces into superseded/, kept, so that the outbox holds only the correction', async () => {
    const first = await built();
    await send(first);
    const outbox = join(first.out, 'outbox');
    const editions = () => JSON.parse(readFileSync(join(first.out, '.briefing-manifest.json'), 'utf8')).briefings.nordwind.edition as string;
    const old = editions();
    const oldFile = readFileSync(join(outbox, 'committee', `nordwind--${old}.eml`));
    const corrected = await built({ dir: first.dir, figure: '1299.9' });
    const fixed = editions();
    // A dry run moves nothing, and says what a real run would.
    const dry = await send(corrected, { dryRun: true });
    expect(readdirSync(join(outbox, 'committee'))).toEqual([`nordwind--${old}.eml`]);
    expect(dry.events.filter((e) => e.kind === 'superseded')).toMatchObject([{ list: 'committee', edition: fixed, dryRun: true }, { list: 'board', edition: fixed, dryRun: true }]);
    const { events } = await send(corrected);
    for (const list of ['committee', 'board']) {
      expect(readdirSync(join(outbox, list), { recursive: true }).map(String).sort()).toEqual([`nordwind--${fixed}.eml`, 'superseded', `superseded/nordwind--${old}.eml`]);
      const revised = await simpleParser(readFileSync(join(outbox, list, `nordwind--${fixed}.eml`)));
      expect(revised.headers.get('x-briefing-replaces')).toBe(old); // marked as replacing it, in case a mail client sent it already
    }
    expect(readFileSync(join(outbox, 'committee', 'superseded', `nordwind--${old}.eml`)).equals(oldFile)).toBe(true); // kept as it was
    expect(events.filter((e) => e.kind === 'superseded')).toEqual([
      { kind: 'superseded', briefing: 'nordwind', list: 'committee', file: join(outbox, 'committee', `nordwind--${old}.eml`), into: join(outbox, 'committee', 'superseded'), edition: fixed, replaced: old, dryRun: false, left: [] },
      { kind: 'superseded', briefing: 'nordwind', list: 'board', file: join(outbox, 'board', `nordwind--${old}.eml`), into: join(outbox, 'board', 'superseded'), edition: fixed, replaced: old, dryRun: false, left: [] },
    ]);
  });

  it('moves the file a correction replaces from the folder of the list it was written for, where the recipient was moved to another list', async () => {
    const lists = (a: string, b: string, route: string) => `mail:\n  from: ir@example.com\nlists:\n  l1:\n    to: [${a}]\n  l2:\n    to: [${b}]\nsend:\n  - briefing: nordwind\n    lists: [${route}]\n`;
    const first = await built();
    await send(first, { project: project(lists('a@example.com', 'b@example.com', 'l1, l2')) });
    const outbox = join(first.out, 'outbox');
    const old = JSON.parse(readFileSync(join(first.out, '.briefing-manifest.json'), 'utf8')).briefings.nordwind.edition as string;
    // a moved to l2, which alone gets the correction; b is on no list now.
    const corrected = await built({ dir: first.dir, figure: '1299.9' });
    const { events } = await send(corrected, { project: project(lists('x@example.com', 'a@example.com', 'l2')) });
    // a's first copy, in l1's folder, is the one replaced; b's, in l2's, is no copy of a's and stays.
    expect(readdirSync(join(outbox, 'l1'), { recursive: true }).map(String).sort()).toEqual(['superseded', `superseded/nordwind--${old}.eml`]);
    expect(readdirSync(join(outbox, 'l2')).sort()).toContain(`nordwind--${old}.eml`);
    expect((await simpleParser(readFileSync(join(outbox, 'l2', `nordwind--${old}.eml`)))).to).toMatchObject({ text: 'b@example.com' });
    expect(events.filter((e) => e.kind === 'superseded')).toMatchObject([{ file: join(outbox, 'l1', `nordwind--${old}.eml`), into: join(outbox, 'l1', 'superseded'), left: [] }]);
  });

  it('says on the console which outbox file a correction moved, and that the correction is marked as replacing it', async () => {
    const { dir, canvas, run } = cliProject();
    expect((await run(['--outbox'])).code).toBe(EXIT.ok);
    const edition = () => JSON.parse(readFileSync(join(dir, 'out', '.briefing-manifest.json'), 'utf8')).briefings.nordwind.edition as string;
    const old = edition();
    writeFileSync(canvas, readFileSync(canvas, 'utf8').replace('value: 1234.5', 'value: 1299.9'));
    const corrected = await run(['--outbox']);
    expect(corrected.code, corrected.err).toBe(EXIT.ok);
    const fixed = edition();
    for (const list of ['committee', 'board']) {
      expect(corrected.out).toContain(`moved out/outbox/${list}/nordwind--${old}.eml to out/outbox/${list}/superseded/: edition ${fixed} replaces it, so it is not sent beside it (if a mail client sent it already, edition ${fixed} is marked as replacing it)`);
    }
    expect(readdirSync(join(dir, 'out', 'outbox', 'committee'))).toEqual([`nordwind--${fixed}.eml`, 'superseded']);
  });

  it('closes with one line counting what went, by the way it went, as build does: on stderr with what failed, none under --quiet otherwise', async () => {
    const config = `${CONFIG}  - briefing: other\n    lists: [board]\n`;
    const { dir, canvas, run } = cliProject(config);
    const other = join(dir, 'other.yaml');
    writeFileSync(other, readFileSync(NORDWIND, 'utf8').replace('value: 1234.5', 'value: 1111.1')); // other figures: no copy of nordwind
    const last = (text: string) => text.split('\n').at(-1);
    const both = [canvas, other];
    expect(last((await run(['--outbox', '--dry-run'], both)).out)).toBe('3 messages would be written to the outbox for 5 recipients');
    const outbox = await run(['--outbox'], both);
    expect([outbox.code, last(outbox.out)]).toEqual([EXIT.ok, '3 messages written to the outbox for 5 recipients']);
    expect(outbox.err).not.toMatch(/^\d+ messages? /m);
    expect(last((await run(['--outbox', '--dry-run'], both)).out)).toBe('2 briefings already in the outbox for everyone');
    // A correction of one: the others had the other already.
    writeFileSync(canvas, readFileSync(canvas, 'utf8').replace('value: 1234.5', 'value: 1299.9'));
    const corrected = await run(['--outbox'], both);
    expect(last(corrected.out)).toBe('2 messages written to the outbox for 5 recipients (2 revised editions), 1 briefing already in the outbox for everyone');
    // Over SMTP, with a recipient refused: what failed is named, on stdout as build's closing line, also under --quiet (which says nothing else there).
    const smtp = await startSmtp({ refuse: ['board@example.com'] });
    const env = { BRIEFING_SMTP_URL: smtp.url };
    const sent = await run(['--quiet'], [canvas], env);
    expect(sent.code).toBe(EXIT.send);
    expect(sent.out.trim()).toBe('1 message sent to 4 recipients, 1 failed: nordwind to board@example.com (list board); run briefing send again to try them again (who has it already is not sent it again)');
    expect(sent.err).not.toContain('1 failed:');
    smtp.faults.refuse = [];
    const quiet = await run(['--quiet'], [canvas], env);
    expect([quiet.code, quiet.out]).toEqual([EXIT.ok, '']);
    expect(quiet.err).not.toMatch(/^\d+ messages? /m); // only the canvas's findings
    // One message that has said all there is in its own lines: no closing line, as for a build of one briefing (--verbose has one).
    writeFileSync(canvas, readFileSync(canvas, 'utf8').replace('value: 1299.9', 'value: 1299.8'));
    const one = await run(['--list', 'board'], [canvas], env);
    expect(last(one.out)).toBe('  sent to board@example.com');
    const again = await run(['--list', 'committee', '--verbose'], [canvas], env);
    expect(last(again.out)).toBe('1 message sent to 4 recipients (1 revised edition)');
    expect(last((await run([], [canvas], env)).out)).toBe('nothing new to send: every recipient has these briefings already (--resend sends them again)');
  });

  it('warns, on the console, of someone taken off every list who holds the edition a correction replaces, over SMTP too', async () => {
    const { dir, canvas, run } = cliProject();
    const smtp = await startSmtp();
    const env = { BRIEFING_SMTP_URL: smtp.url };
    expect((await run([], [canvas], env)).code).toBe(EXIT.ok);
    writeFileSync(canvas, readFileSync(canvas, 'utf8').replace('value: 1234.5', 'value: 1299.9'));
    writeFileSync(join(dir, 'briefing.config.yaml'), CONFIG.replace('cc: [desk@example.com]', 'cc: []'));
    const corrected = await run([], [canvas], env);
    expect(corrected.code).toBe(EXIT.ok);
    expect(corrected.err).toMatch(/^warning: nordwind \(FY2025\): desk@example\.com holds edition [0-9a-f]{8}, sent \d{4}-\d\d-\d\d, which edition [0-9a-f]{8} corrects, but is on no list the config sends nordwind to any more: the correction was not sent to them\. Put them back on a list to send it \(the next send does\), or tell them yourself$/m);
  });

  it('leaves an outbox file a revised edition replaces for some of its recipients only, and says who else it is for', async () => {
    const first = await built();
    await send(first);
    const outbox = join(first.out, 'outbox');
    const old = JSON.parse(readFileSync(join(first.out, '.briefing-manifest.json'), 'utf8')).briefings.nordwind.edition as string;
    // desk@ moved from the committee to a list of their own before the correction, which this run (--list) leaves out: the
    // first file is still the only one for them.
    const corrected = await built({ dir: first.dir, figure: '1299.9' });
    const moved = `${CONFIG.replace('cc: [desk@example.com]', 'cc: []').replace('lists:\n', 'lists:\n  desk:\n    to: [desk@example.com]\n')}  - briefing: nordwind\n    lists: [desk]\n`;
    const { events } = await send(corrected, { project: project(moved), lists: ['committee', 'board'] });
    expect(readdirSync(join(outbox, 'committee')).sort()).toContain(`nordwind--${old}.eml`);
    expect(readdirSync(join(outbox, 'committee'))).not.toContain('superseded');
    expect(events.filter((e) => e.kind === 'superseded')).toMatchObject([{ list: 'committee', left: ['desk@example.com'], dryRun: false }, { list: 'board', left: [] }]);
    expect(events.filter((e) => e.kind === 'stranded')).toEqual([]);
  });

  it('says who holds the edition a correction replaces but is on no list any more, and takes the outbox file with its figures out of the outbox', async () => {
    const first = await built();
    await send(first);
    const outbox = join(first.out, 'outbox');
    const old = JSON.parse(readFileSync(join(first.out, '.briefing-manifest.json'), 'utf8')).briefings.nordwind.edition as string;
    // desk@ left the committee, and so every list, before the correction: no correction reaches them, and the first file,
    // also for the others, who have the correction now, goes nowhere.
    const corrected = await built({ dir: first.dir, figure: '1299.9' });
    const fixed = JSON.parse(readFileSync(join(corrected.out, '.briefing-manifest.json'), 'utf8')).briefings.nordwind.edition as string;
    const dry = await send(corrected, { project: project(CONFIG.replace('cc: [desk@example.com]', 'cc: []')), dryRun: true });
    expect(dry.events.filter((e) => e.kind === 'stranded')).toMatchObject([{ briefing: 'nordwind', period: 'FY2025', edition: fixed, holders: [{ edition: old, recipients: ['desk@example.com'] }], dryRun: true }]);
    const { events } = await send(corrected, { project: project(CONFIG.replace('cc: [desk@example.com]', 'cc: []')) });
    expect(readdirSync(join(outbox, 'committee', 'superseded'))).toEqual([`nordwind--${old}.eml`]);
    expect(events.filter((e) => e.kind === 'superseded')).toMatchObject([{ list: 'committee', left: [] }, { list: 'board', left: [] }]);
    expect(events.filter((e) => e.kind === 'stranded')).toMatchObject([{ briefing: 'nordwind', period: 'FY2025', edition: fixed, holders: [{ edition: old, recipients: ['desk@example.com'] }], dryRun: false }]);
    // Back on the list, they are sent the correction, and nobody is said to be left without it.
    const back = await send(corrected);
    expect(back.events.filter((e) => e.kind === 'recipient').map((e) => e.kind === 'recipient' && e.recipient)).toEqual(['desk@example.com']);
    expect(back.events.filter((e) => e.kind === 'stranded')).toEqual([]);
  });

  it('sends briefings built with --theme, whose theme prints negative figures in parentheses: the models are the PDFs\' own', async () => {
    const dir = caseDir();
    const canvas = join(dir, 'nordwind.yaml');
    cpSync(NORDWIND, canvas);
    const theme = join(dir, 'theme');
    mkdirSync(theme);
    writeFileSync(join(theme, 'theme.yaml'), 'negative_numbers: parentheses\n');
    const config = join(dir, 'briefing.config.yaml');
    writeFileSync(config, CONFIG);
    const err: string[] = [];
    const run = (more: string[], env: NodeJS.ProcessEnv = {}) =>
      main(['send', canvas, '--out', join(dir, 'out'), '--config', config, '--outbox', ...more], { out: () => {}, err: (l) => err.push(l), env, cwd: dir, printer: smallPdfPrinter() });
    expect(await run(['--theme', theme]), err.join('\n')).toBe(EXIT.ok);
    expect(err.filter((l) => l.startsWith('error:')), err.join('\n')).toEqual([]);
    const edition = JSON.parse(readFileSync(join(dir, 'out', '.briefing-manifest.json'), 'utf8')).briefings.nordwind.edition;
    const mail = await simpleParser(readFileSync(join(dir, 'out', 'outbox', 'board', `nordwind--${edition}.eml`)));
    expect(mail.text).toContain('(€42.7 million)'); // the net loss as the theme prints it
    // The same theme from the environment (BRIEFING_THEME): nothing more to send, and no refusal.
    err.length = 0;
    expect(await run([], { BRIEFING_THEME: theme }), err.join('\n')).toBe(EXIT.ok);
    expect(err.filter((l) => l.startsWith('error:')), err.join('\n')).toEqual([]);
  });

  it('writes an address on two lists into the first list\'s file only', async () => {
    const target = await built();
    const { events } = await send(target, { project: project(OVERLAP) });
    expect(events.filter((e) => e.kind === 'recipient' && e.recipient === 'bob@example.com').map((e) => (e as { list: string }).list)).toEqual(['committee']);
    const edition = JSON.parse(readFileSync(join(target.out, '.briefing-manifest.json'), 'utf8')).briefings.nordwind.edition;
    const board = await simpleParser(readFileSync(join(target.out, 'outbox', 'board', `nordwind--${edition}.eml`)));
    expect((board.to as { text: string }).text).toBe('board@example.com');
    expect(events.find((e) => e.kind === 'message' && e.list === 'board')).toMatchObject({ to: ['board@example.com'], recipients: ['board@example.com'], duplicates: [{ recipient: 'bob@example.com', list: 'committee' }] });
  });
});

/**
 * A project folder with the nordwind canvas (a copy, to be edited) and CONFIG, and `briefing send` run in it in-process
 * with a printer that prints small PDFs at once: what the console says, and the exit code.
 */
function cliProject(config = CONFIG, printer = smallPdfPrinter()) {
  const dir = caseDir();
  const canvas = join(dir, 'nordwind.yaml');
  cpSync(NORDWIND, canvas);
  writeFileSync(join(dir, 'briefing.config.yaml'), config);
  const run = async (more: string[], paths = [canvas], env: NodeJS.ProcessEnv = {}, command = 'send') => {
    const [out, err]: string[][] = [[], []];
    const code = await main([command, ...paths, '--out', join(dir, 'out'), ...more], { out: (l) => out.push(l), err: (l) => err.push(l), env: { ...process.env, BRIEFING_SEND_BACKOFF_MS: '20', ...env }, cwd: dir, printer });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  return { dir, canvas, run };
}
