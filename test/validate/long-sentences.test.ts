/**
 * A paragraph of thousands of typed figures strung together without a full stop (pasted from a table, or hostile): each
 * figure is reported at its own place, as in a sentence of prose, and the sentence is read once, not once a figure. Each
 * figure's checks read its whole sentence, so a sentence of n figures was read n times: a paragraph of 4,000 such figures
 * (130,000 characters) took from 8 s to 72 s to check, by its words; 4,000 references naming a period each, 5 s. So
 * too a table of thousands of rows, whose section's texts each cell read again: 2,000 rows of three cells, 22 s. The
 * guards below count what is read, not time.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import * as textPeriods from '../../src/canvas/text-periods.ts';
import * as currentPeriod from '../../src/validate/current-period.ts';
import { occurrencesBefore } from '../../src/words.ts';
import { NORDWIND } from '../support/fixtures.ts';

const PARAGRAPH = '- paragraph: Long-term service agreements cover all [[turbines]].';
const LEAD = 'Revenue reached [[revenue_fy25]] ';
/** The small fixture with its first paragraph one "sentence" of `times` runs of `run`, after a reference. */
const canvasOf = (run: string, times: number) => {
  const yaml = readFileSync(NORDWIND, 'utf8');
  expect(yaml).toContain(PARAGRAPH);
  return yaml.replace(PARAGRAPH, `- paragraph: '${`${LEAD}${run.repeat(times)}`.replace(/'/g, "''")}'`);
};
const findingsOf = (run: string, times: number) => validateWithWarnings(parseCanvas(canvasOf(run, times), 'nordwind.yaml')).findings;
/** The findings of the small fixture with its first paragraph `text`, as written (a literal block: its blank lines kept). */
const findingsIn = (text: string) => {
  const yaml = readFileSync(NORDWIND, 'utf8').replace(PARAGRAPH, `- paragraph: |-\n${text.split('\n').map((l) => (l === '' ? '' : `              ${l}`)).join('\n')}`);
  return validateWithWarnings(parseCanvas(yaml, 'nordwind.yaml')).findings;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a sentence of thousands of typed figures', () => {
  const N = 1_000;

  it('reports each figure at its own place, and splits its text into sentences once, not once a figure', () => {
    const split = vi.spyOn(textPeriods, 'sentencesOf');
    const run = 'up from EUR 1,141 million ';
    const found = findingsOf(run, N).filter((f) => f.rule === 'typed-figure');
    expect(found).toHaveLength(N);
    // Each at its own column: the nth "EUR 1,141 million" of the paragraph, in order.
    const first = found[0]!.column;
    expect(found.map((f) => f.column)).toEqual(Array.from({ length: N }, (_, i) => first + i * run.length));
    expect(found.every((f) => f.message.startsWith('"EUR 1,141 million" is typed into the text, and is the value of revenue_fy24'))).toBe(true);
    const long = split.mock.calls.filter(([text]) => text.length > N * run.length);
    expect(long.length).toBeGreaterThan(0);
    expect(long.length).toBeLessThanOrEqual(8);
  });

  it('reads the days of a sentence once, and a figure\'s words about the current period within 2,000 characters of it', () => {
    const days = vi.spyOn(textPeriods, 'namedDays');
    const about = vi.spyOn(currentPeriod, 'aboutCurrentPeriod');
    const run = 'Revenue was EUR 1,141 million at 31 December 2025 and ';
    expect(findingsOf(run, N).filter((f) => f.rule === 'typed-figure')).toHaveLength(N);
    const longDays = days.mock.calls.filter(([sentence]) => sentence.length > N * run.length).length;
    expect(longDays).toBeGreaterThan(0);
    expect(longDays).toBeLessThanOrEqual(2);
    // A net income typed without its minus, in a sentence naming no period: compared with the current figure, each read
    // in the words around it.
    expect(findingsOf('Net income was EUR 42.7 million, ', N).filter((f) => f.rule === 'typed-mismatch')).toHaveLength(N - 1);
    expect(about.mock.calls.length).toBeGreaterThanOrEqual(N - 1);
    // (2,000 characters either side of the measure's name and the figure.)
    expect(Math.max(...about.mock.calls.map(([sentence]) => sentence.length))).toBeLessThan(4_100);
  });

  it('reads the kinds of the periods of a sentence of thousands of references once, not once a reference', () => {
    const kinds = vi.spyOn(textPeriods, 'periodKeyKind');
    // Each reference to FY2025's revenue beside FY2024, which the sentence names thousands of times (the lead's too).
    const found = findingsOf('[[revenue_fy25]] rose 8.2% in FY2024, ', N).filter((f) => f.rule === 'period-mismatch');
    expect(found).toHaveLength(N + 1);
    expect(found.every((f) => f.message.includes('speaks of "FY2024"'))).toBe(true);
    // (Once a period, and a few times a reference for its own keys: not once a reference and period, a million times.)
    expect(kinds.mock.calls.length).toBeGreaterThan(N);
    expect(kinds.mock.calls.length).toBeLessThan(20 * N);
  });

  it('reads a figure far into a long sentence as one near its start: its bases blanked, the sentence before it the one before the sentence', () => {
    // The words of time past 2,000 characters before the figure are not read, but neither is the same sentence's base (a
    // year earlier, "prior year: EUR 40 million") taken for the sentence before it: each figure is compared.
    const found = findingsIn('Net income was EUR 44 million (prior year: EUR 40 million) and '.repeat(150)).filter((f) => f.rule === 'typed-mismatch');
    expect(found).toHaveLength(150);
  });

  it('reads a sentence of prose whole, however long the text before it runs without a full stop, and the rest of a long clause', () => {
    // The sentence before, back to its full stop: its "year before" dates the figure (no finding), 2,400 characters back.
    expect(findingsIn(`In the year before the fleet was rebuilt${', and the fleet grew across Norway, Sweden and Finland'.repeat(45)}\n\nNet income was EUR 42.9 million.`)).toEqual([]);
    // "than" 300 characters after the figure makes it a difference, not revenue's level.
    expect(findingsIn('In FY2025 revenue was EUR 1,267.3 million higher, driven by strong wind conditions across the whole fleet, the commissioning of two new onshore parks in Sweden and Finland, higher realised power prices in the Nordic market, improved availability of the turbines after the maintenance programme, and a favourable mix of contracted and merchant output, than its peers achieved.')).toEqual([]);
    // ...and without them, each is compared.
    expect(findingsIn('Net income was EUR 42.9 million.').map((f) => f.rule)).toEqual(['typed-mismatch']);
    expect(findingsIn('In FY2025 revenue was EUR 1,267.3 million, driven by strong wind conditions.').map((f) => f.rule)).toEqual(['typed-mismatch']);
  });

  it('reports each of the figures of other shapes, as it reports one', () => {
    const counts = ['a net loss of EUR 42.7 million; ', 'Revenue reached EUR 1,234.5 million in FY2025, up 8.2%; ', 'revenue of EUR 1,234.5 million and ', 'Revenue of EUR 1.2 billion (FY2024: EUR 1.1 billion) ']
      .map((run) => [findingsOf(run, 3).length, findingsOf(run, N).length]);
    expect(counts).toEqual([[3, N], [3, N], [3, N], [0, 0]]);
  });
});

describe('a table of thousands of rows', () => {
  it('reads each cell with the other texts of its section, read once for the section, not once a cell', () => {
    const N = 1_000;
    const rows = Array.from({ length: N }, (_, i) => `                - ["Revenue region ${i}", "EUR ${(1000 + i).toLocaleString('en-US')} million", "Revenue was EUR ${(1100 + i).toLocaleString('en-US')} million."]\n`).join('');
    const yaml = readFileSync(NORDWIND, 'utf8').replace(PARAGRAPH, `- table:\n              title: T\n              columns: [Metric, FY2025, Note]\n              rows:\n${rows.trimEnd()}`);
    const loaded = parseCanvas(yaml, 'nordwind.yaml');
    const walked = vi.spyOn(Object, 'entries');
    const found = validateWithWarnings(loaded).findings;
    const calls = walked.mock.calls.length;
    walked.mockRestore();
    // The figures the canvas has, typed into cells: 2025's revenue rounded in the notes, 2024's as typed in a note and a value cell.
    expect(found.map((f) => `${f.rule} ${/rows\[\d+\]\[\d\]$/.exec(f.path)?.[0]}`)).toEqual(['typed-figure rows[41][2]', 'typed-figure rows[134][2]', 'typed-figure rows[135][2]', 'typed-figure rows[141][1]']);
    // (Its section's objects were read for every cell, 6,000 times or more; now once, beside what the checks read of the canvas.)
    expect(calls).toBeLessThan(3_000);
  });
});

describe('occurrencesBefore', () => {
  it('counts the times a needle occurs before a place as split does, each from the end of the last', () => {
    const cases: Array<[string, string, number]> = [['aaaa', 'aa', 2], ['aaaa', 'aa', 3], ['aaaa', 'aa', 4], ['x EUR 1 y EUR 1 z EUR 1', 'EUR 1', 10], ['x EUR 1 y EUR 1', 'EUR 1', 12], ['abc', 'abc', 0], ['abc', 'zz', 3], ['', 'a', 0], ['abab', 'ab', 2]];
    for (const [text, needle, at] of cases) expect(occurrencesBefore(text, needle, at), `${text} ${needle} ${at}`).toBe(text.slice(0, at).split(needle).length - 1);
    // The same text asked again, with another needle and place: its places are its own.
    expect([occurrencesBefore('aaaa', 'a', 3), occurrencesBefore('aaaa', 'aa', 3), occurrencesBefore('aaaa', 'a', 4)]).toEqual([3, 1, 4]);
  });
});
