/** Control characters in canvas text: taken out of what the briefing prints, and found where they were written. */
import { describe, it, expect } from 'vitest';
import { cleanText, textsWithControlCharacters, withoutControlCharacters } from '../../src/canvas/control-characters.ts';
import { quote, shortened } from '../../src/errors.ts';

describe('control characters', () => {
  it('are left out of text; the ones that separate words become a space; tabs, newlines and non-ASCII stay', () => {
    expect(cleanText('Revenue\u001b[31m\u001b[2K')).toBe('Revenue'); // a terminal's escape sequences go whole
    expect(cleanText('Rev\u001b]0;title\u0007enue')).toBe('Revenue');
    expect(cleanText('FY2025\r\b\b\bOK')).toBe('FY2025 OK');
    expect(cleanText('one\r\ntwo\fthree\u000bfour\u0085five')).toBe('one\ntwo three four five');
    expect(cleanText('Next\u0000year \u009b2J \u007f')).toBe('Nextyear  '); // the one-character CSI goes with its sequence too
    expect(cleanText('a\tb\nc 阿里巴巴 €1,234.5 \u2212')).toBe('a\tb\nc 阿里巴巴 €1,234.5 \u2212');
    // Bidirectional overrides and isolates would reorder figures on the page; a lone surrogate is no character.
    expect(cleanText('FY2025: \u202b€1,234.5 / €1,141\u202c; \u202e€1,234.5\u202c \u2066x\u2069')).toBe('FY2025: €1,234.5 / €1,141; €1,234.5 x');
    expect(cleanText('a\ud800b \udc00c 😀')).toBe('ab c 😀');
    expect(textsWithControlCharacters({ t: 'x\u202ey\ud800' })).toEqual([{ path: ['t'], characters: ['\u202e', '\ud800'] }]);
  });

  it('are found in every string of the data, with its key path, and taken out of a copy that keeps every key', () => {
    const data = { metrics: { a: { label: 'Rev\u001b]0;x\u0007', value: 1 } }, list: ['ok', 'bad\u0008'], n: null };
    expect(textsWithControlCharacters(data)).toEqual([
      { path: ['metrics', 'a', 'label'], characters: ['\u001b', '\u0007'] },
      { path: ['list', 1], characters: ['\u0008'] },
    ]);
    expect(withoutControlCharacters(data)).toEqual({ metrics: { a: { label: 'Rev', value: 1 } }, list: ['ok', 'bad'], n: null });
    expect(data.metrics.a.label).toBe('Rev\u001b]0;x\u0007'); // the data as written is left as it was
  });
});

describe('shortened message text', () => {
  it('cuts a run of over 1,000 characters to its start and its length, whole code points only, and leaves the rest', () => {
    const id = 'a'.repeat(1024 * 1024);
    expect(shortened(`no metric with id "${id}"; did you mean "revenue"?`)).toBe(`no metric with id "${'a'.repeat(59)}…(1048579 characters) did you mean "revenue"?`); // the run ends at the space
    const cjk = '营'.repeat(59) + '😀'.repeat(2000);
    expect(shortened(cjk)).toBe(`${'营'.repeat(59)}😀…(2059 characters)`);
    const path = `/home/analyst/${'deep/'.repeat(150)}canvas.yaml:3:4: metrics.revenue: expected a number`;
    expect(shortened(path)).toBe(path);
  });

  it('cuts a line of over 2,000 characters, and keeps the lines around it', () => {
    const words = 'word '.repeat(1000);
    const [first, long, last] = shortened(`first\n${words}\nlast`).split('\n');
    expect([first, last]).toEqual(['first', 'last']);
    expect(long).toMatch(/^(word ){400}…\(5000 characters\)$/);
  });
});

describe('a quoted value', () => {
  it('is quoted whole up to 80 characters, else its first 77 and its length', () => {
    expect(quote('USD m')).toBe('"USD m"');
    expect(quote('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`);
    expect(quote('营'.repeat(1500))).toBe(`"${'营'.repeat(77)}…" (1,500 characters)`);
  });
});
