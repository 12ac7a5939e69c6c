/**
 * Where `briefing send` keeps its journal: beside the project's config, not in the output folder people delete for a
 * clean rebuild. In-process against a real SMTP server on loopback, on the nordwind briefing the shared setup built.
 */
import { spawnSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT } from '../../src/errors.ts';
import { runCli } from '../support/cli.ts';
import { sharedBuild } from '../support/shared-builds.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { NORDWIND_SEND_CONFIG, startSmtp } from '../support/smtp.ts';
import { tempDir } from '../support/temp.ts';

const CONFIG = NORDWIND_SEND_CONFIG;

const EVERYONE = ['board@example.com', 'chair@example.com', 'cio@example.com'];
const NO_RECORD = /^no record of earlier sends was found at \.briefing-sent\.json: every recipient is sent these briefings as new/m;

/** A project folder with the config, and a copy of the shared nordwind build to send from (its sibling: the manifest still finds the canvas). */
async function project() {
  const shared = (await sharedBuild('nordwind')).dir;
  const copy = () => {
    const out = `${shared}-journal-${Math.random().toString(36).slice(2)}`;
    cpSync(shared, out, { recursive: true });
    return out;
  };
  const dir = tempDir();
  writeFileSync(join(dir, 'briefing.config.yaml'), CONFIG);
  const smtp = await startSmtp();
  const run = (out: string, args: string[] = []) => runCli(['send', resolve(NORDWIND), '--out', out, ...args], { cwd: dir, env: { ...process.env, BRIEFING_SMTP_URL: smtp.url, BRIEFING_SEND_BACKOFF_MS: '20' } });
  const delivered = () => smtp.received.flatMap((r) => r.rcpt).sort();
  return { dir, out: copy(), copy, run, delivered };
}

describe('the send journal is the project\'s', () => {
  it('sends no copy twice after the output folder is deleted and built again, nor into another --out; says once that there was no journal', async () => {
    const { dir, out, copy, run, delivered } = await project();
    const first = await run(out);
    expect(first.code, first.err).toBe(EXIT.ok);
    expect(delivered()).toEqual(EVERYONE);

    // "A clean rebuild": the output folder deleted; send builds the briefing again, and sends it to nobody.
    rmSync(out, { recursive: true });
    const rebuilt = await run(out);
    expect(rebuilt.code, rebuilt.err).toBe(EXIT.ok);
    expect(rebuilt.out.split('\n').at(-1)).toBe('nothing new to send: every recipient has these briefings already (--resend sends them again)');
    expect(rebuilt.err).not.toMatch(NO_RECORD);
    expect(delivered()).toEqual(EVERYONE);

    // Another output folder of the same project (a fresh clone's, a CI run's): the same.
    const elsewhere = await run(copy());
    expect(elsewhere.code, elsewhere.err).toBe(EXIT.ok);
    expect(elsewhere.out).toContain('nordwind to list committee: already sent this briefing to every recipient: chair@example.com, cio@example.com');
    expect(elsewhere.err).not.toMatch(NO_RECORD);
    expect(delivered()).toEqual(EVERYONE);
    // Beside the config; and the first run, which had none, said so once however many messages went.
    expect([existsSync(join(dir, '.briefing-sent.json')), existsSync(join(out, '.briefing-sent.json'))]).toEqual([true, false]);
    expect(first.err.match(new RegExp(NO_RECORD, 'gm'))).toHaveLength(1);

    // The journal deleted: said, and (it is a real loss) everyone is sent it again; the line names the file to restore.
    rmSync(join(dir, '.briefing-sent.json'));
    const lost = await run(out);
    expect(lost.err).toMatch(NO_RECORD);
    expect(delivered()).toEqual([...EVERYONE, ...EVERYONE].sort());
  });

  it('honours a journal an earlier version kept in the output folder: merged into the project\'s, said once, the old file left', async () => {
    const { dir, out, copy, run, delivered } = await project();
    expect((await run(out)).code).toBe(EXIT.ok);
    // As an earlier version left it: in the output folder, none beside the config.
    renameSync(join(dir, '.briefing-sent.json'), join(out, '.briefing-sent.json'));
    const old = readFileSync(join(out, '.briefing-sent.json'), 'utf8');

    const upgraded = await run(out);
    expect(upgraded.code, upgraded.err).toBe(EXIT.ok);
    expect(delivered()).toEqual(EVERYONE); // nobody sent it twice
    expect(upgraded.err).toContain(`read the send journal of ${out} too; it is kept in .briefing-sent.json from now on`);
    expect(upgraded.err).not.toMatch(NO_RECORD);
    expect(JSON.parse(readFileSync(join(dir, '.briefing-sent.json'), 'utf8')).sent).toHaveLength(3);
    expect(readFileSync(join(out, '.briefing-sent.json'), 'utf8')).toBe(old); // left for an older version run on it

    // Once: the next run finds its entries in the project's journal already; and another --out needs the old file no more.
    const next = await run(out);
    expect([next.code, next.err]).toEqual([EXIT.ok, '']);
    const elsewhere = await run(copy());
    expect([elsewhere.code, elsewhere.err]).toEqual([EXIT.ok, '']);
    expect(delivered()).toEqual(EVERYONE);
  });

  it('refuses a send while another send of the project holds its journal, whatever its --out (exit 7); a lock of a process gone is taken over', async () => {
    const { dir, out, run, delivered } = await project();
    const lock = join(dir, '.briefing-sent.lock');
    // Another send, into another output folder, still running: this test's parent process stands in for it.
    writeFileSync(lock, `${process.ppid} /elsewhere/output\n`);
    const refused = await run(out);
    expect(refused.code).toBe(EXIT.output);
    expect(refused.err).toContain(`the send journal ${join(dir, '.briefing-sent.json')} is in use by another briefing send (process ${process.ppid}, into /elsewhere/output): wait for it to finish, then send again`);
    expect(delivered()).toEqual([]);
    // A dry run only reads the journal: not refused.
    expect((await run(out, ['--dry-run'])).code).toBe(EXIT.ok);

    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(lock, `${gone} /elsewhere/output\n`);
    const sent = await run(out);
    expect(sent.code, sent.err).toBe(EXIT.ok);
    expect(delivered()).toEqual(EVERYONE);
    expect(existsSync(lock)).toBe(false);
  });
});
