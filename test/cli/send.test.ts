/**
 * `briefing send` as a user runs it, in-process (and, to be interrupted, as the real binary): on the nordwind
 * briefing the shared setup built (so nothing is printed again), to the outbox, then to a real SMTP server on loopback.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EXIT } from '../../src/errors.ts';
import { runCli } from '../support/cli.ts';
import { sharedBuild } from '../support/shared-builds.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { NORDWIND_SEND_CONFIG, startSmtp } from '../support/smtp.ts';
import { tempDir } from '../support/temp.ts';
import { until } from '../support/processes.ts';

const CONFIG = NORDWIND_SEND_CONFIG;
/** What a dry run without an SMTP server says on stderr, and nothing else: that the real run would be refused without --outbox. */
const NO_SERVER = expect.stringMatching(/^note: no SMTP server is configured \(BRIEFING_SMTP_URL, or mail\.smtp in [^)]*\): a real run would be refused \(exit 2\) unless --outbox; this dry run shows the messages as the outbox would hold them$/);

/** A project folder with the config, and an output folder holding the shared nordwind build (a sibling of it, so its manifest still finds the canvas). */
async function project(config = CONFIG) {
  const shared = (await sharedBuild('nordwind')).dir;
  const out = `${shared}-send-${Math.random().toString(36).slice(2)}`;
  cpSync(shared, out, { recursive: true });
  const dir = tempDir();
  writeFileSync(join(dir, 'briefing.config.yaml'), config);
  return { dir, out, canvas: resolve(NORDWIND) }; // `out` lies in the shared build's folder, removed with it
}

describe('briefing send', () => {
  it('dry-runs, writes the outbox, sends over SMTP, and sends nothing twice; nothing is printed again', async () => {
    const { dir, out, canvas } = await project();
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['send', canvas, '--out', out, ...args], { cwd: dir, env: { ...process.env, BRIEFING_SEND_BACKOFF_MS: '20', ...env } });

    const dry = await run(['--dry-run']);
    expect([dry.code, dry.err]).toEqual([EXIT.ok, NO_SERVER]);
    expect((await run(['--dry-run', '--outbox'])).err).toBe(''); // the outbox asked for: nothing to say
    expect(dry.out).not.toMatch(/up to date|briefings? written|printing/); // a dry run builds nothing
    expect(dry.out.split('\n').at(-1)).toBe('2 messages would be written to the outbox for 3 recipients');
    expect(dry.out).toMatch(/^would write nordwind to list committee via the outbox folder .*\n {2}subject: Nordwind Energi ASA \(NWE\): investor briefing, FY2025\n {2}to: chair@example\.com, cio@example\.com\n {2}attachment: Nordwind-Energi-ASA-Investor-briefing-FY2025\.pdf \(\d+ KB, edition [0-9a-f]{8}\)$/m);
    expect(existsSync(join(out, 'outbox'))).toBe(false);
    expect([existsSync(join(out, '.briefing-sent.json')), existsSync(join(dir, '.briefing-sent.json'))]).toEqual([false, false]);

    // No SMTP server: refused (exit 2) before anything is built or written, unless the outbox is asked for; an empty
    // BRIEFING_SMTP_URL (a value lost on its way) is no server either, and said so.
    const nowhere = await run([]);
    expect([nowhere.code, nowhere.out]).toEqual([EXIT.usage, '']);
    expect(nowhere.err).toMatch(/^error: no SMTP server is configured \(BRIEFING_SMTP_URL, or mail\.smtp in briefing\.config\.yaml\), so nothing would be e-mailed: set one, or pass --outbox to write the messages to .*outbox as \.eml files for a mail client to send; nothing was built or sent$/);
    const empty = await run(['--outbox'], { BRIEFING_SMTP_URL: '' });
    expect([empty.code, empty.out]).toEqual([EXIT.usage, '']);
    expect(empty.err).toMatch(/^error: BRIEFING_SMTP_URL is set but empty: /);
    expect(existsSync(join(out, 'outbox'))).toBe(false);

    const outbox = await run(['--outbox']);
    expect(outbox.code).toBe(EXIT.ok);
    expect(outbox.out).toContain('  written for chair@example.com');
    expect(outbox.out.split('\n').at(-1)).toBe('2 messages written to the outbox for 3 recipients');
    // The first real run of the project has no journal yet: said, on stderr (a --quiet run under cron logs it too).
    expect(outbox.err).toMatch(/^no record of earlier sends was found at \.briefing-sent\.json: every recipient is sent these briefings as new \(if that file was deleted, those sent them before get them again\)\nwarning: nothing was e-mailed \(--outbox\): the messages are in .*outbox for a mail client to send$/);
    expect(readdirSync(join(out, 'outbox'), { recursive: true }).map(String).sort()).toEqual([
      'board', expect.stringMatching(/^board\/nordwind--[0-9a-f]{8}\.eml$/), 'committee', expect.stringMatching(/^committee\/nordwind--[0-9a-f]{8}\.eml$/),
    ]);
    // Again without SMTP: nothing new is written, and nothing says it was sent.
    const outboxAgain = await run(['--outbox']);
    expect(outboxAgain.code).toBe(EXIT.ok);
    expect(outboxAgain.out).toContain('nordwind to list committee: already in the outbox folder for every recipient: chair@example.com, cio@example.com (--resend writes it again)');
    expect(outboxAgain.out).not.toMatch(/sent|^writing/m);
    expect(outboxAgain.out.split('\n').at(-1)).toBe('nothing new to write: the outbox folder has these briefings for every recipient already (--resend writes them again)');
    expect(outboxAgain.err).toMatch(/^warning: nothing was e-mailed \(--outbox\)/);

    const smtp = await startSmtp({ refuse: ['board@example.com'] });
    const sent = await run([], { BRIEFING_SMTP_URL: smtp.url });
    expect(sent.code).toBe(EXIT.send);
    expect(sent.out).toContain('  sent to chair@example.com');
    expect(sent.err).toMatch(/^error: nordwind to board@example.com \(list board\): not sent: 550 .*No such user/m);
    expect(sent.out.trim().split('\n').at(-1)).toBe('1 message sent to 2 recipients, 1 failed: nordwind to board@example.com (list board); run briefing send again to try them again (who has it already is not sent it again)');
    expect(sent.out).toContain(`via ${smtp.url}`);
    expect(smtp.received.flatMap((r) => r.rcpt).sort()).toEqual(['chair@example.com', 'cio@example.com']);

    smtp.faults.refuse = [];
    const again = await run([], { BRIEFING_SMTP_URL: smtp.url });
    expect([again.code, again.err]).toEqual([EXIT.ok, '']);
    expect(again.out).toContain('nordwind to list committee: already sent this briefing to every recipient: chair@example.com, cio@example.com (--resend sends it again)');
    expect(again.out).toMatch(/^sending nordwind to list board via /m);
    expect(smtp.received.flatMap((r) => r.rcpt).sort()).toEqual(['board@example.com', 'chair@example.com', 'cio@example.com']);
    const nothingNew = await run([], { BRIEFING_SMTP_URL: smtp.url });
    expect(nothingNew.code).toBe(EXIT.ok);
    expect(nothingNew.out.split('\n').at(-1)).toBe('nothing new to send: every recipient has these briefings already (--resend sends them again)');
    // --quiet says what went wrong only; a canvas that fails to build is something to send yet, not "nothing new".
    const quiet = await run(['--quiet'], { BRIEFING_SMTP_URL: smtp.url });
    expect([quiet.code, quiet.out, quiet.err]).toEqual([EXIT.ok, '', '']);
    // (One a route names: one no route names is no briefing to send, and only a warning.)
    writeFileSync(join(dir, 'briefing.config.yaml'), `${CONFIG}  - briefing: broken-types\n    lists: [board]\n`);
    const broken = await run([resolve('test/fixtures/invalid/broken-types.yaml')], { BRIEFING_SMTP_URL: smtp.url });
    expect(broken.code).toBe(EXIT.invalidData);
    expect(broken.out).not.toMatch(/nothing new/);
    expect(smtp.received).toHaveLength(2); // the committee's message, then the board's: the board's first was refused whole

  });

  it('stops on Ctrl-C while it waits to try a message again: exit 130, says who has it, releases the folder, and the next run sends the rest', async ({ onTestFinished }) => {
    const { dir, out, canvas } = await project();
    // The real binary (a signal ends a process), told to wait a minute before trying again: the first message's MAIL FROM is deferred.
    const smtp = await startSmtp({ defer: 1 });
    const child = spawn(process.execPath, [resolve('bin/briefing.js'), 'send', canvas, '--out', out], {
      cwd: dir,
      env: { ...process.env, BRIEFING_SMTP_URL: smtp.url, BRIEFING_SEND_BACKOFF_MS: '60000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onTestFinished(() => { child.kill('SIGKILL'); });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const exited = once(child, 'exit');
    expect(await until(() => /trying again in 60 s/.test(stderr), 60_000), stderr).toBe(true);
    child.kill('SIGINT');
    const [code] = await exited; // at once, not after the minute's wait
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/^interrupted \(SIGINT\): 0 recipients were sent before it stopped; run briefing send again to send the rest \(who has it already is not sent it again\)$/m);
    expect([existsSync(join(out, '.briefing.lock')), existsSync(join(dir, '.briefing-sent.lock'))]).toEqual([false, false]);
    expect(smtp.received).toHaveLength(0);
    // Nothing is recorded as sent, so the next run sends both lists' messages (and finds no journal yet).
    const again = await runCli(['send', canvas, '--out', out], { cwd: dir, env: { ...process.env, BRIEFING_SMTP_URL: smtp.url } });
    expect([again.code, again.err]).toEqual([EXIT.ok, 'no record of earlier sends was found at .briefing-sent.json: every recipient is sent these briefings as new (if that file was deleted, those sent them before get them again)']);
    expect(smtp.received.flatMap((r) => r.rcpt).sort()).toEqual(['board@example.com', 'chair@example.com', 'cio@example.com']);
  });

  it('sends a briefing as it was built: refuses to print it again without its --theme, or on another page size, and says what to pass', async () => {
    const shared = await sharedBuild('themed'); // built with --theme test/fixtures/themes/nordic
    const out = `${shared.dir}-send-${Math.random().toString(36).slice(2)}`;
    cpSync(shared.dir, out, { recursive: true });
    const dir = tempDir();
    writeFileSync(join(dir, 'briefing.config.yaml'), CONFIG);
    const pdf = join(out, 'nordwind.pdf');
    const before = readFileSync(pdf);
    const theme = resolve('test/fixtures/themes/nordic');
    const run = (args: string[]) => runCli(['send', resolve(NORDWIND), '--out', out, '--dry-run', ...args], { cwd: dir });

    const plain = await run([]);
    expect([plain.code, plain.out]).toEqual([EXIT.usage, '']);
    expect(plain.err).toMatch(new RegExp(`^error: .*nordwind\\.pdf was built with --theme ${theme.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; send would print it again without it, .*To send it as built, pass --theme \\S*nordic to send`));
    const letter = await run(['--theme', theme, '--page-size', 'letter']);
    expect([letter.code, letter.out]).toEqual([EXIT.usage, '']);
    expect(letter.err).toMatch(/was built with --page-size a4; send would print it again with --page-size letter, .*pass --page-size a4 to send/);
    expect(readFileSync(pdf).equals(before)).toBe(true); // nothing printed again

    const themed = await run(['--theme', theme]);
    expect([themed.code, themed.err]).toEqual([EXIT.ok, NO_SERVER]);
    expect(themed.out).toMatch(/^would write nordwind to list committee /m);
    expect(readFileSync(pdf).equals(before)).toBe(true);
  });

  it('dry-runs without printing: a briefing a real run would print first is said so, and its PDF stays as it was', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'briefing.config.yaml'), CONFIG);
    const [canvas, out] = [join(dir, 'nordwind.yaml'), join(dir, 'out')];
    cpSync(NORDWIND, canvas);
    expect((await runCli(['build', canvas, '--out', out], { cwd: dir })).code).toBe(EXIT.ok);
    // The canvas edited since the build (a figure corrected): a real send prints it again first.
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8').replace('value: 1234.5', 'value: 1234.6'));
    const pdf = join(out, 'nordwind.pdf');
    const [before, manifest] = [readFileSync(pdf), readFileSync(join(out, '.briefing-manifest.json'))];
    const dry = await runCli(['send', canvas, '--out', out, '--dry-run'], { cwd: dir });
    expect([dry.code, dry.err]).toEqual([EXIT.ok, NO_SERVER]);
    expect(dry.out).toMatch(/^would write nordwind to list committee via .*\n(?: {2}.*\n)* {2}attachment: Nordwind-Energi-ASA-Investor-briefing-FY2025\.pdf \(printed first: its figures or text changed; a dry run prints nothing\)$/m);
    expect(dry.out).not.toMatch(/briefings? written|printing/);
    expect(readFileSync(pdf).equals(before)).toBe(true);
    expect(readFileSync(join(out, '.briefing-manifest.json')).equals(manifest)).toBe(true);
    // A canvas that would not build is said, with its exit code, as the build would say it.
    writeFileSync(canvas, 'company: [\n');
    const broken = await runCli(['send', canvas, '--out', out, '--dry-run'], { cwd: dir });
    expect(broken.code).toBe(EXIT.invalidData);
    expect(broken.err).toMatch(/nordwind\.yaml:\d+:\d+/);
    expect(broken.out.trim().split('\n').at(-1)).toBe('0 messages would be written to the outbox, 1 failed: nordwind.yaml (not built) (see above)');
  });

  it('dry-runs a briefing whose theme alone changed since it was built: the reason a real run prints it first is the build\'s, not an edited canvas', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'briefing.config.yaml'), CONFIG);
    const [canvas, out, theme] = [join(dir, 'nordwind.yaml'), join(dir, 'out'), join(dir, 'theme')];
    cpSync(NORDWIND, canvas);
    mkdirSync(join(theme, 'styles'), { recursive: true });
    writeFileSync(join(theme, 'theme.yaml'), 'negative_numbers: minus\n');
    writeFileSync(join(theme, 'styles', 'theme.css'), 'h1 { color: #123456; }\n');
    expect((await runCli(['build', canvas, '--out', out, '--theme', theme], { cwd: dir })).code).toBe(EXIT.ok);
    const dry = async () => {
      const run = await runCli(['send', canvas, '--out', out, '--theme', theme, '--dry-run'], { cwd: dir });
      expect([run.code, run.err]).toEqual([EXIT.ok, NO_SERVER]);
      return run.out.match(/^ {2}attachment: .*$/gm);
    };
    // As built: nothing to print first.
    expect(await dry()).toEqual([expect.stringMatching(/^ {2}attachment: Nordwind-Energi-ASA-Investor-briefing-FY2025\.pdf \(\d.*, edition [0-9a-f]{8}\)$/), expect.anything()]);
    const reprinted = '  attachment: Nordwind-Energi-ASA-Investor-briefing-FY2025.pdf (printed first: the tool, its templates and styles, the theme, the browser or the page size changed; a dry run prints nothing)';
    // Its stylesheet edited: the model is the same, the print is not.
    writeFileSync(join(theme, 'styles', 'theme.css'), 'h1 { color: #654321; }\n');
    expect(await dry()).toEqual([reprinted, reprinted]);
    // Its settings edited (negative figures in parentheses): the model changes, the canvas does not.
    writeFileSync(join(theme, 'theme.yaml'), 'negative_numbers: parentheses\n');
    expect(await dry()).toEqual([reprinted, reprinted]);
    // The real run's build says the same (not "the tool now makes other text or figures").
    const real = await runCli(['send', canvas, '--out', out, '--theme', theme, '--outbox', '--verbose'], { cwd: dir });
    expect(real.code).toBe(EXIT.ok);
    expect(real.out).toMatch(/^printing nordwind from .*nordwind\.yaml: the tool, its templates and styles, the theme, the browser or the page size changed$/m);
  });

  it('--strict sends nothing, and builds nothing, while a canvas has findings: exit 3, naming them as check --strict does', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'briefing.config.yaml'), CONFIG.replace('briefing: nordwind', 'briefing: stale-figures'));
    const canvas = resolve('test/fixtures/valid/stale-figures.yaml');
    const out = join(dir, 'out');
    const smtp = await startSmtp();
    const env = { ...process.env, BRIEFING_SMTP_URL: smtp.url };
    const checked = await runCli(['check', canvas, '--strict'], { cwd: dir, env });
    expect(checked.code).toBe(EXIT.invalidData);
    const strict = await runCli(['send', canvas, '--out', out, '--strict'], { cwd: dir, env });
    expect([strict.code, strict.out]).toEqual([EXIT.invalidData, '']);
    expect(strict.err.split('\n')).toEqual([...checked.err.split('\n'), 'nothing was built or sent (--strict): correct the canvas, or acknowledge a finding that stands (see docs/canvas.md), then send again']);
    expect(strict.err).toMatch(/stale-figures\.yaml: 4 findings, which --strict counts as errors/);
    expect(existsSync(out)).toBe(false);
    expect(smtp.received).toEqual([]);
  });

  it('sends the one canvas given: the routes of the project\'s other canvases are said once and skipped, a route to no canvas at all is still refused', async () => {
    const routes = `${CONFIG}  - briefing: other\n    lists: [board]\n`;
    const { dir, out, canvas } = await project(routes);
    mkdirSync(join(dir, 'data'));
    cpSync('test/fixtures/valid/stale-figures.yaml', join(dir, 'data', 'other.yaml'));
    const one = await runCli(['send', canvas, '--out', out, '--dry-run'], { cwd: dir });
    expect([one.code, one.err]).toEqual([EXIT.ok, NO_SERVER]);
    expect(one.out).toMatch(/^would write nordwind to list committee /m);
    expect(one.out.match(/^not sent this run: .*$/gm)).toEqual(['not sent this run: "other", routed in briefing.config.yaml: its canvas was not given (give it too, or no PATH to send every canvas of data/)']);
    writeFileSync(join(dir, 'briefing.config.yaml'), `${routes}  - briefing: ghost\n    lists: [board]\n`);
    const ghost = await runCli(['send', canvas, '--out', out, '--dry-run'], { cwd: dir });
    expect([ghost.code, ghost.out]).toEqual([EXIT.invalidData, '']);
    expect(ghost.err).toMatch(/send\[2\]\.briefing: no briefing "ghost" among the canvases/);
  });

  it('routes a briefing by its canvas file\'s name when file_name puts the period in its PDF\'s name', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'briefing.config.yaml'), CONFIG);
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'nordwind.yaml'), readFileSync(NORDWIND, 'utf8').replace(/^briefing:\n/m, 'briefing:\n  file_name: "{stem}-{period}"\n'));
    const dry = await runCli(['send', join(dir, 'data'), '--out', join(dir, 'out'), '--dry-run'], { cwd: dir });
    expect([dry.code, dry.err]).toEqual([EXIT.ok, NO_SERVER]);
    expect(dry.out).toMatch(/^would write nordwind-FY2025 to list committee via the outbox folder /m);
    expect(dry.out).toMatch(/^would write nordwind-FY2025 to list board via the outbox folder /m);
    // The config kept among the canvases under a name of its own (--config): no canvas of the folder's.
    writeFileSync(join(dir, 'data', 'ir.yaml'), CONFIG);
    const named = await runCli(['send', join(dir, 'data'), '--config', join(dir, 'data', 'ir.yaml'), '--out', join(dir, 'out'), '--dry-run'], { cwd: dir });
    expect([named.code, named.err]).toEqual([EXIT.ok, NO_SERVER]);
    expect(named.out.slice(named.out.indexOf('would write'))).toBe(dry.out.slice(dry.out.indexOf('would write')));
  });

  it('refuses a header-injection attempt in the config at its line, and sends nothing', async () => {
    const { dir, out, canvas } = await project(CONFIG.replace('mail:\n', 'mail:\n  subject: "Briefing\\r\\nBcc: leak@evil.example"\n'));
    const smtp = await startSmtp();
    const result = await runCli(['send', canvas, '--out', out], { cwd: dir, env: { ...process.env, BRIEFING_SMTP_URL: smtp.url } });
    expect(result.code).toBe(EXIT.invalidData);
    expect(result.err).toMatch(/briefing\.config\.yaml:3:12: mail\.subject: the subject must be one line/);
    expect(smtp.received).toEqual([]);
    expect(existsSync(join(out, 'outbox'))).toBe(false);
  });

  it('sends --to only the briefings routed (to the --list given), and names a bad BRIEFING_SMTP_URL before building', async () => {
    const { dir, out, canvas } = await project(CONFIG.replace('lists: [committee, board]', 'lists: [board]'));
    const none = await runCli(['send', canvas, '--out', out, '--to', 'me@example.com', '--list', 'committee', '--dry-run'], { cwd: dir });
    expect([none.code, none.out.includes('would'), none.err]).toEqual([EXIT.ok, false, NO_SERVER]);
    const board = await runCli(['send', canvas, '--out', out, '--to', 'me@example.com', '--list', 'board', '--dry-run'], { cwd: dir });
    expect(board.out).toMatch(/^would write nordwind to the --to addresses via .*\n {2}subject: .*\n {2}to: me@example\.com$/m);
    const bad = await runCli(['send', canvas, '--out', out], { cwd: dir, env: { ...process.env, BRIEFING_SMTP_URL: 'http://bot:s3cret@mail.example.com' } });
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toMatch(/^error: BRIEFING_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL, not http:\/\/\.\.\./);
    expect(bad.err).not.toContain('s3cret');
    expect(bad.out).toBe(''); // nothing built, nothing sent
  });

  it('names a missing config, an unknown list and a bad --to before doing anything', async () => {
    const { dir, out, canvas } = await project();
    const none = await runCli(['send', canvas, '--out', out], { cwd: dirname(dir) });
    expect(none.code).toBe(EXIT.usage);
    expect(none.err).toMatch(/briefing\.config\.yaml: cannot read config: no such file\. briefing send reads who gets which briefing from briefing\.config\.yaml/);
    // briefing.config.yml where there is no .yaml: read; both: refused, naming both.
    renameSync(join(dir, 'briefing.config.yaml'), join(dir, 'briefing.config.yml'));
    const yml = await runCli(['send', canvas, '--out', out, '--dry-run'], { cwd: dir });
    expect([yml.code, yml.err]).toEqual([EXIT.ok, NO_SERVER]);
    expect(yml.out).toMatch(/^would write nordwind to list committee/m);
    cpSync(join(dir, 'briefing.config.yml'), join(dir, 'briefing.config.yaml'));
    const both = await runCli(['send', canvas, '--out', out, '--dry-run'], { cwd: dir });
    expect([both.code, both.out]).toEqual([EXIT.usage, '']);
    expect(both.err).toBe(`error: both briefing.config.yaml and briefing.config.yml are in ${dir}: send reads one project config; remove or rename the other, or name one with --config FILE`);
    rmSync(join(dir, 'briefing.config.yml'));
    const list = await runCli(['send', canvas, '--out', out, '--list', 'bord'], { cwd: dir });
    expect([list.code, list.err]).toEqual([EXIT.usage, 'error: --list bord: no such list in briefing.config.yaml; did you mean "board"? (lists: committee and board)']);
    const to = await runCli(['send', canvas, '--out', out, '--to', 'someone'], { cwd: dir });
    expect(to.code).toBe(EXIT.usage);
    expect(to.err).toContain('--to "someone": an address is written name@example.com');
  });
});
