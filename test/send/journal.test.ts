/** The send journal: who holds which content of a briefing, so that a run sends what is news and nothing twice. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal, type JournalEntry } from '../../src/send/journal.ts';
import { tempDir } from '../support/temp.ts';

const sent = (briefing: string, content: string): JournalEntry => ({ briefing, content, pdf: 'p', list: 'ic', recipient: 'anna@fund.test', channel: 'smtp', via: 'smtp://x', at: '2026-01-01T00:00:00Z' });
const key = (briefing: string, content: string) => ({ briefing, content, recipient: 'anna@fund.test', channel: 'smtp' as const });

describe('the send journal', () => {
  it('counts as sent only the last copy of a briefing a recipient was sent, under its name or, renamed, another', async () => {
    const dir = tempDir();
    const journal = await openJournal(dir, { resend: false });
    await journal.record([sent('acme', 'A')]);
    expect(journal.held(key('acme', 'A'))).toBeDefined();
    expect(journal.held({ ...key('acme', 'A'), recipient: 'ben@fund.test' })).toBeUndefined(); // another recipient
    // A copy through another list is a copy: the list it went with is only recorded.
    await journal.record([{ ...sent('beta', 'Z'), list: 'board' }]);
    expect(journal.held(key('beta', 'Z'))).toBeDefined();
    // Renamed, the same content: not news.
    expect(journal.held(key('acme-ag', 'A'))).toBeDefined();
    // A correction, then the figure changed back: the recipient holds B, so A is news again (under either name).
    await journal.record([sent('acme', 'B')]);
    expect(journal.held(key('acme', 'B'))).toBeDefined();
    expect(journal.held(key('acme', 'A'))).toBeUndefined();
    expect(journal.held(key('acme-ag', 'A'))).toBeUndefined();
    expect(journal.held(key('acme-ag', 'B'))).toBeDefined();
    // Read back from the file, the same.
    const reopened = await openJournal(dir, { resend: false });
    expect([reopened.held(key('acme', 'A')), reopened.held(key('acme', 'B')), reopened.held(key('acme-ag', 'B'))].map(Boolean)).toEqual([false, true, true]);
  });

  it('keeps the canvas each content was made from once, however many contents and copies share it, and reads a journal without it', async () => {
    const dir = tempDir();
    const journal = await openJournal(dir, { resend: false });
    await journal.record([sent('acme', 'A'), { ...sent('acme', 'A'), recipient: 'ben@fund.test' }], { canvas: 'company: {name: Acme}' });
    await journal.record([sent('acme--finance', 'F')], { canvas: 'company: {name: Acme}' });
    await journal.record([sent('acme', 'B')]); // a caller with nothing to keep
    const file = JSON.parse(readFileSync(join(dir, '.briefing-sent.json'), 'utf8'));
    expect(Object.values(file.canvases)).toEqual(['company: {name: Acme}']);
    expect(Object.keys(file.contents)).toEqual(['A', 'F']);
    const reopened = await openJournal(dir, { resend: false });
    expect([reopened.sourceOf('A'), reopened.sourceOf('F'), reopened.sourceOf('B')]).toEqual([{ canvas: 'company: {name: Acme}' }, { canvas: 'company: {name: Acme}' }, undefined]);
    // A journal an earlier version wrote (entries alone) reads as before, and keeps what is sent from now on.
    const old = tempDir();
    const before = await openJournal(old, { resend: false });
    await before.record([sent('acme', 'A')]);
    expect(Object.keys(JSON.parse(readFileSync(join(old, '.briefing-sent.json'), 'utf8')))).toEqual(['format', 'sent']);
    const upgraded = await openJournal(old, { resend: false });
    expect([upgraded.found, upgraded.sourceOf('A'), Boolean(upgraded.held(key('acme', 'A')))]).toEqual([true, undefined, true]);
    await upgraded.record([sent('acme', 'B')], { canvas: 'v2' });
    expect((await openJournal(old, { resend: false })).sourceOf('B')).toEqual({ canvas: 'v2' });
  });

  it('keeps a canvas only while someone holds what was made from it: a correction to everyone drops the one it replaces', async () => {
    const dir = tempDir();
    const journal = await openJournal(dir, { resend: false });
    const stored = () => JSON.parse(readFileSync(join(dir, '.briefing-sent.json'), 'utf8')) as { contents: Record<string, string>; canvases: Record<string, string> };
    await journal.record([sent('acme', 'A'), { ...sent('acme', 'A'), recipient: 'ben@fund.test' }], { canvas: 'v1' });
    await journal.record([sent('acme', 'B')], { canvas: 'v2' });
    // Ben still holds A: both kept.
    expect([Object.keys(stored().contents), Object.values(stored().canvases)]).toEqual([['A', 'B'], ['v1', 'v2']]);
    await journal.record([{ ...sent('acme', 'B'), recipient: 'ben@fund.test' }], { canvas: 'v2' });
    expect([Object.keys(stored().contents), Object.values(stored().canvases)]).toEqual([['B'], ['v2']]);
    expect([journal.sourceOf('A'), journal.sourceOf('B')]).toEqual([undefined, { canvas: 'v2' }]);
    // Q3 sent, then Q4 under the same name: Q3's canvas stays, for a restatement of Q3 under another name (file_name added).
    const periods = await openJournal(tempDir(), { resend: false });
    const of = (content: string, period: string) => ({ ...sent('acme', content), route: 'acme', period });
    await periods.record([of('Q3', 'Q3 2025')], { canvas: 'q3' });
    await periods.record([of('Q4', 'Q4 2025')], { canvas: 'q4' });
    const replaced = periods.replaced({ ...key('acme-Q3-2025', 'Q3r'), route: 'acme', period: 'Q3 2025' });
    expect([replaced?.content, periods.sourceOf(replaced!.content)]).toEqual(['Q3', { canvas: 'q3' }]);
  });

  it('finds the earlier edition a correction under a new name replaces among the same route\'s copies of its period', async () => {
    const journal = await openJournal(tempDir(), { resend: false });
    const of = (briefing: string, content: string, period: string) => ({ ...sent(briefing, content), route: 'acme', period });
    // FY2025 sent as "acme", FY2026 under file_name's "acme-FY2026"; then last year's briefing restated as "acme-FY2025".
    await journal.record([of('acme', 'A', 'FY2025'), of('acme-FY2026', 'B', 'FY2026')]);
    const restated = { ...key('acme-FY2025', 'C'), route: 'acme', period: 'FY2025' };
    expect(journal.replaced(restated)).toMatchObject({ briefing: 'acme', content: 'A', period: 'FY2025' });
    // A period never sent replaces nothing.
    expect(journal.replaced({ ...restated, briefing: 'acme-FY2027', period: 'FY2027' })).toBeUndefined();
  });

  it('merges the journal an earlier version kept in the output folder in the order things were sent, once, and leaves it', async () => {
    const dir = tempDir();
    const out = join(dir, 'output');
    mkdirSync(out);
    // The older version sent A, then the correction B, into output/; this one had sent A already (the same copy), in the project's.
    await (await openJournal(dir, { resend: false })).record([sent('acme', 'A')]);
    const old = await openJournal(out, { resend: false });
    await old.record([sent('acme', 'A'), { ...sent('acme', 'B'), at: '2026-02-01T00:00:00Z' }]);
    const before = readFileSync(join(out, '.briefing-sent.json'), 'utf8');

    const journal = await openJournal(dir, { resend: false, outDir: out });
    expect([journal.found, journal.merged]).toEqual([true, { from: out, entries: 1 }]);
    expect([journal.held(key('acme', 'B')), journal.held(key('acme', 'A'))].map(Boolean)).toEqual([true, false]); // the correction is the last copy
    expect(JSON.parse(readFileSync(join(dir, '.briefing-sent.json'), 'utf8')).sent.map((e: JournalEntry) => e.content)).toEqual(['A', 'B']);
    expect(readFileSync(join(out, '.briefing-sent.json'), 'utf8')).toBe(before);
    const again = await openJournal(dir, { resend: false, outDir: out });
    expect(again.merged).toBeUndefined();

    // A dry run merges to read, and writes nothing; a project with no journal anywhere has none found.
    const fresh = tempDir();
    const dry = await openJournal(fresh, { resend: false, outDir: out, readOnly: true });
    expect([dry.found, dry.merged?.entries, Boolean(dry.held(key('acme', 'B'))), existsSync(join(fresh, '.briefing-sent.json'))]).toEqual([true, 2, true, false]);
    expect((await openJournal(tempDir(), { resend: false, outDir: join(fresh, 'output') })).found).toBe(false);
    // The first send after an upgrade into another --out: the project's output/ journal is read all the same.
    const upgraded = tempDir();
    mkdirSync(join(upgraded, 'output'));
    await (await openJournal(join(upgraded, 'output'), { resend: false })).record([sent('acme', 'A')]);
    const other = await openJournal(upgraded, { resend: false, outDir: join(upgraded, 'other') });
    expect([other.found, other.merged, Boolean(other.held(key('acme', 'A')))]).toEqual([true, { from: join(upgraded, 'output'), entries: 1 }, true]);
  });
});
