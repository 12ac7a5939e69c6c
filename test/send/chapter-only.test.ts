/**
 * `briefing send` after the "Changes since" chapter's starting point moved (build --since HEAD once the edition sent was
 * committed): a briefing whose only difference from the edition sent is that chapter is no correction, and is not sent
 * as a revised edition. Over a real SMTP server on loopback, with a printer that prints nothing real.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { EXIT } from '../../src/errors.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { htmlPrinter, smallPdfPrinter } from '../support/fake-printer.ts';
import { NORDWIND_SEND_CONFIG, startSmtp } from '../support/smtp.ts';
import { tempDir } from '../support/temp.ts';

/** A git repository holding the nordwind canvas, its config, and `run` for briefing commands in it. */
function repository(printer = smallPdfPrinter()) {
  const dir = tempDir();
  const canvas = join(dir, 'nordwind.yaml');
  writeFileSync(join(dir, 'briefing.config.yaml'), NORDWIND_SEND_CONFIG);
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    stdio: 'pipe', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  }).toString().trim();
  git('init', '--quiet');
  const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const [out, err]: string[][] = [[], []];
    const code = await main([...args, '--out', join(dir, 'out')], { out: (l) => out.push(l), err: (l) => err.push(l), env: { ...process.env, BRIEFING_SEND_BACKOFF_MS: '20', ...env }, cwd: dir, printer });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  /** The briefing's "PDF" in the output folder: with htmlPrinter, the HTML it was printed from. */
  const pdf = () => readFileSync(join(dir, 'out', 'nordwind.pdf'), 'utf8');
  return { dir, canvas, git, run, pdf };
}

/** A repository printing with htmlPrinter whose canvas (nordwind as it is) was sent over a real SMTP server: `env` sends there. */
async function sentOnce() {
  const smtp = await startSmtp();
  const env = { BRIEFING_SMTP_URL: smtp.url };
  const repo = repository(htmlPrinter());
  writeFileSync(repo.canvas, readFileSync(NORDWIND, 'utf8'));
  expect((await repo.run(['send', repo.canvas], env)).code).toBe(EXIT.ok);
  return { ...repo, smtp, env };
}

/** A part of the briefing's HTML: its cover, or its data notes up to their first heading after the lead. */
const part = (html: string, name: 'cover' | 'data-notes') => (name === 'cover' ? /<section class="cover"[\s\S]*?<\/section>/ : /<section class="data-notes"[\s\S]*?<h2/).exec(html)![0];

/** The nordwind canvas with a data note that types its revenue, EUR 1,234.5 million, as a text would. */
const withRevenueNote = () => readFileSync(NORDWIND, 'utf8').replace('  sources:\n', '  notes:\n    - Of the EUR 1,234.5 million of revenue, two thirds is contracted.\n  sources:\n');
/** `canvas` with its revenue corrected to 1,244.5 (and its stated change with it), the note left as it was. */
const revenueCorrected = (canvas: string) => canvas.replace('value: 1234.5', 'value: 1244.5').replace('change: { percent: 8.2 }', 'change: { percent: 9.1 }');
/** What send --strict says after the one finding of nordwind.yaml it counts. */
const STRICT_REFUSAL = [
  'nordwind.yaml: 1 finding, which --strict counts as errors',
  'nothing was built or sent (--strict): correct the canvas, or acknowledge a finding that stands (see docs/canvas.md), then send again',
];

describe('briefing send after the chapter\'s starting point moved', () => {
  it('refuses to send a revised edition that differs from the edition sent only in its "Changes since" chapter, saying what to do; built again --since the old version, nothing new goes', async () => {
    const smtp = await startSmtp();
    const env = { BRIEFING_SMTP_URL: smtp.url };
    const { canvas, git, run } = repository();
    // Last quarter's version, committed; this quarter's built --since it and sent.
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8').replace('value: 1234.5', 'value: 1199.0'));
    git('add', '.');
    git('commit', '--quiet', '-m', 'last quarter');
    const last = git('rev-parse', 'HEAD');
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8'));
    expect((await run(['build', canvas, '--since', last])).code).toBe(EXIT.ok);
    const first = await run(['send', canvas], env);
    expect([first.code, first.err]).toEqual([EXIT.ok, expect.not.stringContaining('error')]);
    expect(smtp.received).toHaveLength(2);
    const sent = smtp.received[0].mail.headers.get('x-briefing-edition') as string;

    // The canvas sent committed, then built --since HEAD: the same figures and words, a chapter of nothing since.
    git('commit', '--quiet', '-am', 'as sent');
    const head = git('rev-parse', 'HEAD');
    const rebuilt = await run(['build', canvas, '--since', 'HEAD']);
    expect(rebuilt.err).toContain(`--since HEAD (commit ${head.slice(0, 10)}) is another version than its briefings were last built against`);
    const dry = await run(['send', canvas, '--dry-run'], env);
    expect(dry.code).toBe(EXIT.send);
    const error = (list: string, whom: string, verb: string) => expect.stringContaining(
      `error: nordwind to list ${list}: ${verb} to ${whom}: edition `,
    );
    expect(dry.err.split('\n')).toEqual([error('committee', 'chair@example.com, cio@example.com', 'would not be sent'), error('board', 'board@example.com', 'would not be sent')]);
    expect(dry.err).toContain(`differs from edition ${sent} they were sent (`);
    expect(dry.err).toContain(`only in its "Changes since" chapter ("Changes since the previous version"), which now compares with HEAD (commit ${head.slice(0, 10)}), where edition ${sent} compared with ${last.slice(0, 10)}. No figure or text of the briefing changed, so a revised edition would correct nothing`);
    expect(dry.err).toContain(`To leave them the edition sent, build it again with the --since it was built with (briefing build nordwind.yaml --since ${last.slice(0, 10)}; see docs/diff.md) and send again: nothing new goes to them. If that chapter is the correction, send it with --resend (narrowed to this briefing with its canvas, --set and --list)`);
    expect(dry.out).not.toMatch(/would send|Revised edition/);
    const refused = await run(['send', canvas], env);
    expect(refused.code).toBe(EXIT.send);
    expect(refused.err).toContain('error: nordwind to list committee: not sent to chair@example.com, cio@example.com: ');
    expect(refused.out.split('\n').at(-1)).toBe('0 messages sent, 2 failed: nordwind to chair@example.com, cio@example.com (list committee: only its "Changes since" chapter changed), nordwind to board@example.com (list board: only its "Changes since" chapter changed) (see above)');
    expect(smtp.received).toHaveLength(2);

    // Built again --since the version the edition sent compared with: it is that edition, and nothing new goes.
    expect((await run(['build', canvas, '--since', last.slice(0, 10)])).code).toBe(EXIT.ok);
    const kept = await run(['send', canvas], env);
    expect([kept.code, kept.err]).toEqual([EXIT.ok, '']);
    expect(kept.out.split('\n').at(-1)).toBe('nothing new to send: every recipient has these briefings already (--resend sends them again)');

    // A figure corrected is a correction, whatever the chapter: sent as a revised edition.
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8').replace('value: 812', 'value: 815'));
    const corrected = await run(['send', canvas], env);
    expect([corrected.code, corrected.err]).toEqual([EXIT.ok, '']);
    expect(smtp.received).toHaveLength(4);
    expect(smtp.received[3].mail.subject).toMatch(/^Revised edition: /);
  });

  it('sends a briefing that differs only in its chapter with --resend as what its PDF is: no revised edition of an edition with its figures and words, over SMTP and into the outbox', async () => {
    const smtp = await startSmtp();
    const env = { BRIEFING_SMTP_URL: smtp.url };
    const { dir, canvas, git, run, pdf } = repository(htmlPrinter());
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8'));
    git('add', '.');
    git('commit', '--quiet', '-m', 'sent');
    expect((await run(['send', canvas], env)).code).toBe(EXIT.ok);
    expect((await run(['send', canvas, '--outbox'], env)).code).toBe(EXIT.ok);
    // Sent without a chapter; built --since HEAD, only the chapter ("nothing has changed") is new.
    expect((await run(['build', canvas, '--since', 'HEAD'])).code).toBe(EXIT.ok);
    const refused = await run(['send', canvas], env);
    expect(refused.code).toBe(EXIT.send);
    expect(refused.err).toContain('only in its "Changes since" chapter ("Changes since the previous version"), which now compares with HEAD (commit ');
    // Sent without a chapter: the advice is to build it so again, not with a --since it never had.
    expect(refused.err).toContain(`, where edition ${smtp.received[0].mail.headers.get('x-briefing-edition')} had none. No figure or text`);
    expect(refused.err).toContain('To leave them the edition sent, build it again without --since, as it was built (briefing build nordwind.yaml; see docs/diff.md) and send again: nothing new goes to them.');
    expect(refused.err).not.toContain('--since <the version');
    // Following it, nothing new goes.
    expect((await run(['build', canvas])).code).toBe(EXIT.ok);
    const followed = await run(['send', canvas], env);
    expect([followed.code, followed.err]).toEqual([EXIT.ok, '']);
    expect(followed.out.split('\n').at(-1)).toBe('nothing new to send: every recipient has these briefings already (--resend sends them again)');
    expect((await run(['build', canvas, '--since', 'HEAD'])).code).toBe(EXIT.ok);
    // Its PDF is no revised edition (it corrects nothing): nor is its message, which names no edition it replaces.
    expect(pdf()).not.toMatch(/Revised edition|"replaces"/);
    const resent = await run(['send', canvas, '--resend'], env);
    expect([resent.code, resent.err]).toEqual([EXIT.ok, '']);
    expect(resent.out).not.toContain('revised edition');
    for (const { mail } of smtp.received.slice(2)) {
      expect(mail.subject).not.toMatch(/Revised edition/);
      expect(mail.text).not.toMatch(/Revised edition|have changed since/);
      expect(mail.headers.get('x-briefing-replaces')).toBeUndefined();
      expect(mail.attachments[0]!.content.toString('utf8')).toBe(pdf());
    }
    // The same into the outbox.
    expect((await run(['send', canvas, '--outbox', '--resend'], env)).code).toBe(EXIT.ok);
    const edition = smtp.received[2].mail.headers.get('x-briefing-edition') as string;
    const eml = readFileSync(join(dir, 'out', 'outbox', 'committee', `nordwind--${edition}.eml`), 'utf8');
    expect(eml).not.toMatch(/Revised edition|X-Briefing-Replaces|have changed since/i);
  });

  it('names in the message, its header and its PDF the same edition a chapter-only resend of a correction replaces: the last with other figures; the same inputs print the same bytes after it went', async () => {
    const smtp = await startSmtp();
    const env = { BRIEFING_SMTP_URL: smtp.url };
    const { canvas, git, run, pdf } = repository(htmlPrinter());
    const revision = (html: string) => (JSON.parse(/^% (.*)$/m.exec(html)![1]!) as { revision?: { replaces: string } }).revision?.replaces;
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8'));
    git('add', '.');
    git('commit', '--quiet', '-m', 'A');
    expect((await run(['send', canvas], env)).code).toBe(EXIT.ok);
    const a = smtp.received[0].mail.headers.get('x-briefing-edition') as string;
    // B corrects A, and is sent; then committed, and built --since HEAD (C): only its chapter differs from B.
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8').replace('value: 1234.5', 'value: 1299.9'));
    expect((await run(['send', canvas], env)).code).toBe(EXIT.ok);
    const bMail = smtp.received[2].mail;
    const bPdf = bMail.attachments[0]!.content.toString('utf8');
    expect([bMail.headers.get('x-briefing-replaces'), revision(bPdf)]).toEqual([a, a]);
    git('commit', '--quiet', '-am', 'B');
    expect((await run(['build', canvas, '--since', 'HEAD'])).code).toBe(EXIT.ok);
    const resent = await run(['send', canvas, '--resend'], env);
    expect(resent.code, resent.err).toBe(EXIT.ok);
    expect(smtp.received).toHaveLength(6);
    // C has B's figures and words: like B, it revises A, and says so everywhere alike.
    const cMail = smtp.received[4].mail;
    const cPdf = cMail.attachments[0]!.content.toString('utf8');
    expect(cMail.headers.get('x-briefing-replaces')).toBe(a);
    expect(revision(cPdf)).toBe(a);
    expect(part(cPdf, 'cover')).toContain(`replaces edition ${a}, sent `);
    expect(cMail.text).toContain(`Revised edition: this briefing replaces edition ${a}, sent to you on `);
    expect(cMail.text).toContain('Revenue, FY2025: €1,234.5 million → €1,299.9 million');
    expect(part(cPdf, 'data-notes')).toContain('<li>Revenue, FY2025: €1,234.5 million → €1,299.9 million</li>');
    expect(resent.out).toContain(`(the message names edition ${a}, the last sent with other figures or words, as its PDF does)`);
    // B's inputs, and C's, print again byte for byte as they went, the list of corrections with them.
    expect((await run(['build', canvas])).code).toBe(EXIT.ok);
    expect(pdf()).toBe(bPdf);
    expect((await run(['build', canvas, '--since', 'HEAD'])).code).toBe(EXIT.ok);
    expect(pdf()).toBe(cPdf);
    // A real correction after it revises C, the last edition sent with other figures.
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8').replace('value: 1234.5', 'value: 1288.8'));
    expect((await run(['send', canvas, '--no-since'], env)).code).toBe(EXIT.ok);
    const dMail = smtp.received[6].mail;
    const c = cMail.headers.get('x-briefing-edition') as string;
    expect([dMail.headers.get('x-briefing-replaces'), revision(dMail.attachments[0]!.content.toString('utf8'))]).toEqual([c, c]);
  });
});

describe('a revised edition, and a briefing that only differs in its chapter', () => {
  it('prints a briefing that differs from the edition sent only in its "Changes since" chapter as that edition, not as a revised one; a rebuild of a revised edition with a chapter still revises what it revised', async () => {
    const smtp = await startSmtp();
    const env = { BRIEFING_SMTP_URL: smtp.url };
    const { canvas, git, run, pdf } = repository(htmlPrinter());
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8'));
    git('add', '.');
    git('commit', '--quiet', '-m', 'sent');
    expect((await run(['send', canvas], env)).code).toBe(EXIT.ok);
    const sent = smtp.received[0].mail.headers.get('x-briefing-edition') as string;
    // The chapter added (nothing changed since HEAD): the same figures and words as the edition sent, and --verbose says
    // that the chapter, not the canvas, is why it is printed again.
    const head = git('rev-parse', 'HEAD').slice(0, 10);
    const rebuilt = await run(['build', canvas, '--since', 'HEAD', '--verbose']);
    expect(rebuilt.code, rebuilt.err).toBe(EXIT.ok);
    expect(rebuilt.out).toContain(`printing nordwind from nordwind.yaml: its canvas is as it was; a "Changes since" chapter is added (--since HEAD (${head}))`);
    expect(pdf()).toContain('Nothing in this briefing has changed since then.');
    expect(pdf()).not.toMatch(/Revised edition|have changed since edition|Changed since edition/);
    // A figure corrected: a revised edition, whatever the chapter.
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8').replace('value: 1234.5', 'value: 1299.9'));
    const corrected = await run(['build', canvas, '--since', 'HEAD', '--verbose']);
    expect(corrected.out).toContain('printing nordwind from nordwind.yaml: its figures or text changed');
    expect(part(pdf(), 'cover')).toContain(`replaces edition ${sent}, sent `);
    expect(part(pdf(), 'data-notes')).toContain('<li>Revenue, FY2025: €1,234.5 million → €1,299.9 million</li>');
    // Sent (without the chapter), committed, built again --since HEAD: only its chapter differs from the correction sent,
    // whose figures and words it has: a revised edition of the first, as that correction is.
    expect((await run(['send', canvas, '--no-since'], env)).code).toBe(EXIT.ok);
    git('commit', '--quiet', '-am', 'corrected');
    expect((await run(['build', canvas, '--since', 'HEAD'])).code).toBe(EXIT.ok);
    expect(pdf()).toContain('Nothing in this briefing has changed since then.');
    expect(part(pdf(), 'cover')).toContain(`replaces edition ${sent}, sent `);
    // What it corrects, from the canvas of the edition it replaces, which the journal keeps though nobody holds it now.
    expect(part(pdf(), 'data-notes')).toContain('<li>Revenue, FY2025: €1,234.5 million → €1,299.9 million</li>');
  });

  it('prints a revised edition again, days later and after its send pruned the journal, byte for byte as it went', async () => {
    const { smtp, env, canvas, run, pdf } = await sentOnce();
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8').replace('value: 1234.5', 'value: 1299.9'));
    expect((await run(['send', canvas], env)).code).toBe(EXIT.ok);
    const attached = smtp.received.at(-1)!.mail.attachments[0]!.content.toString('utf8');
    expect(attached).toContain('<li>Revenue, FY2025: €1,234.5 million → €1,299.9 million</li>');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 3 * 86_400_000);
      const again = await run(['build', canvas, '--force']);
      expect(again.code, again.err).toBe(EXIT.ok);
      expect(pdf()).toBe(attached);
    } finally {
      vi.useRealTimers();
    }
    // Its metadata: no day of its printing, only the as-of date (CreationDate and ModDate) and the journal's facts.
    expect(Object.keys(JSON.parse(/^% (.*)$/m.exec(attached)![1]!).revision)).toEqual(['replaces', 'line']);
  });
});

describe('a revised edition whose replaced edition\'s canvas the journal did not keep', () => {
  it('promises no list of corrections it does not have: its cover and data notes say only that figures or words changed, as its message does', async () => {
    const { smtp, env, dir, canvas, run } = await sentOnce();
    const a = smtp.received[0].mail.headers.get('x-briefing-edition') as string;
    // As a journal written before canvases were kept.
    const file = join(dir, '.briefing-sent.json');
    const { contents: _, canvases: __, ...journal } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify(journal));
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8').replace('value: 1234.5', 'value: 1299.9'));
    expect((await run(['send', canvas], env)).code).toBe(EXIT.ok);
    const mail = smtp.received[2].mail;
    const attached = mail.attachments[0]!.content.toString('utf8');
    expect(mail.text).toContain('its figures or words have changed since. Please use this one.');
    expect(part(attached, 'cover')).toContain(`replaces edition ${a}, sent `);
    expect(part(attached, 'cover')).toContain(`Its figures or words have changed since edition ${a}.</p>`);
    expect(part(attached, 'data-notes')).toContain('The edition this revised edition replaces is named below.');
    expect(attached.replace(/<style>[\s\S]*?<\/style>/, '')).not.toMatch(/is listed|listed below|listed at the start/);
  });
});

describe('briefing send of a correction', () => {
  it('warns, before anything goes, of a figure corrected since the edition sent whose equivalent was left as it was for the old figure', async () => {
    const smtp = await startSmtp();
    const env = { BRIEFING_SMTP_URL: smtp.url };
    const { canvas, run } = repository();
    const withLoss = (value: string) => readFileSync(NORDWIND, 'utf8').replace('    value: -42.7\n', `    value: ${value}\n    equivalent: { value: -50.1, unit: USD, scale: million }\n`);
    writeFileSync(canvas, withLoss('-42.7'));
    expect((await run(['send', canvas], env)).code).toBe(EXIT.ok);
    const sent = smtp.received[0].mail.headers.get('x-briefing-edition') as string;
    // Corrected after it went, the equivalent left: said by the correction's dry run, and by the send, before it goes.
    writeFileSync(canvas, withLoss('-43.7'));
    const line = readFileSync(canvas, 'utf8').split('\n').findIndex((l) => l.includes('equivalent: { value: -50.1')) + 1;
    const warning = `warning: ${canvas}:${line}:17: since ${canvas} as sent (edition ${sent}): Net income (FY2025): −€42.7 million → −€43.7 million`;
    const dry = await run(['send', canvas, '--dry-run'], env);
    expect(dry.err).toContain(warning);
    expect(dry.err).toContain('its USD equivalent, −US$50.1 million, is the one given for the old figure: update it too, or check that it still holds');
    const corrected = await run(['send', canvas], env);
    expect(corrected.code).toBe(EXIT.ok);
    expect(corrected.err.split('\n').filter((l) => l.startsWith(warning))).toHaveLength(1);
    expect(smtp.received).toHaveLength(4);
    // The equivalent converted again: nothing to say.
    writeFileSync(canvas, withLoss('-43.7').replace('value: -50.1', 'value: -51.3'));
    expect((await run(['send', canvas, '--dry-run'], env)).err).not.toContain('as sent');
  });

  it('says, before anything goes, where a text still types a figure as the edition sent had it, once; send --strict counts it and sends nothing', async () => {
    const smtp = await startSmtp();
    const env = { BRIEFING_SMTP_URL: smtp.url };
    const { canvas, git, run } = repository();
    const noted = withRevenueNote();
    writeFileSync(canvas, noted);
    expect((await run(['send', canvas], env)).code).toBe(EXIT.ok);
    const sent = smtp.received[0].mail.headers.get('x-briefing-edition') as string;
    // Revenue corrected after it went, the note left typing the figure as it was.
    const corrected = revenueCorrected(noted);
    writeFileSync(canvas, corrected);
    const line = corrected.split('\n').findIndex((l) => l.includes('EUR 1,234.5 million')) + 1;
    const finding = `nordwind.yaml:${line}:14 warning stale-typed-figure data_notes.notes[0]: revenue_fy25 moved from €1,234.5 million to €1,244.5 million since ${canvas} as sent (edition ${sent}), but this text still types "EUR 1,234.5 million", the figure as it was`;
    const dry = await run(['send', canvas, '--dry-run'], env);
    expect(dry.err.split('\n').filter((l) => l.includes('stale-typed-figure'))).toEqual([expect.stringContaining(finding)]);
    // --strict: a finding, as check --strict --since the edition sent would count it; nothing is built or sent.
    const strict = await run(['send', canvas, '--strict'], env);
    expect(strict.code).toBe(EXIT.invalidData);
    expect(strict.err.split('\n')).toEqual([
      expect.stringContaining(finding.replace(' warning ', ' error ')),
      ...STRICT_REFUSAL,
    ]);
    expect(smtp.received).toHaveLength(2);
    // Built --since another version with the old figure (the sent one, its words edited): said once, as the build says it.
    writeFileSync(canvas, noted.replace('above two thirds', 'above 60%'));
    git('add', '.');
    git('commit', '--quiet', '-m', 'words edited');
    writeFileSync(canvas, corrected);
    const since = await run(['send', canvas, '--since', 'HEAD'], env);
    expect(since.code).toBe(EXIT.ok);
    expect(since.err.split('\n').filter((l) => l.includes('stale-typed-figure'))).toEqual([expect.stringContaining(`since ${canvas}@HEAD, but this text still types "EUR 1,234.5 million"`)]);
    expect(smtp.received).toHaveLength(4);
  });

  it('send --strict --since counts what the build finds against that version: a figure corrected since it, still typed as it was', async () => {
    const smtp = await startSmtp();
    const env = { BRIEFING_SMTP_URL: smtp.url };
    const { canvas, git, run } = repository();
    const noted = withRevenueNote();
    writeFileSync(canvas, noted);
    git('add', '.');
    git('commit', '--quiet', '-m', 'last quarter');
    // Never sent: only --since HEAD knows the figure moved.
    writeFileSync(canvas, revenueCorrected(noted));
    const strict = await run(['send', canvas, '--strict', '--since', 'HEAD'], env);
    expect(strict.code, strict.err).toBe(EXIT.invalidData);
    expect(strict.err.split('\n')).toEqual([
      expect.stringMatching(/^nordwind\.yaml:\d+:14 error stale-typed-figure data_notes\.notes\[0\]: revenue_fy25 moved from €1,234\.5 million to €1,244\.5 million since .*@HEAD, but this text still types "EUR 1,234\.5 million"/),
      ...STRICT_REFUSAL,
    ]);
    expect(smtp.received).toHaveLength(0);
  });
});
