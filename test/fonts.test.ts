import { readFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { glyphRanges, hasGlyph } from '../src/font-glyphs.ts';
import { fontFaces, fontFacesFor, uncoveredCharacters } from '../src/fonts.ts';

/** A WOFF2 file holding nothing but `cmap` (and, before it in the stream, a transformed glyf table's bytes). */
function woff2(cmap: Uint8Array, glyfFirst = false): Uint8Array {
  const base128 = (n: number) => {
    const bytes = [n & 0x7f];
    for (n = Math.floor(n / 128); n > 0; n = Math.floor(n / 128)) bytes.unshift((n & 0x7f) | 0x80);
    return bytes;
  };
  const glyf = new Uint8Array(300).fill(7);
  // glyf (known tag 10), transform version 0 = transformed: original length, then the transformed length (300,
  // two bytes in base 128). Then cmap (known tag 0), untransformed.
  const directory = [...(glyfFirst ? [10, ...base128(1000), ...base128(glyf.length)] : []), 0, ...base128(cmap.length)];
  const stream = brotliCompressSync(glyfFirst ? Buffer.concat([glyf, cmap]) : cmap);
  const header = new DataView(new ArrayBuffer(48));
  header.setUint32(0, 0x774f4632);
  header.setUint32(4, 0x00010000);
  header.setUint16(12, glyfFirst ? 2 : 1);
  header.setUint32(20, stream.length);
  return Buffer.concat([new Uint8Array(header.buffer), Uint8Array.from(directory), stream]);
}

/** A cmap with a subtable for each of `subtables`, in that order. */
function cmapWith(subtables: Array<{ platform: number; encoding: number; body: number[][] }>): Uint8Array {
  const header = 4 + subtables.length * 8;
  const bodies = subtables.map((t) => t.body.flat());
  const table = new DataView(new ArrayBuffer(header + bodies.reduce((n, words) => n + words.length * 2, 0)));
  table.setUint16(2, subtables.length);
  let at = header;
  subtables.forEach((t, i) => {
    table.setUint16(4 + i * 8, t.platform);
    table.setUint16(6 + i * 8, t.encoding);
    table.setUint32(8 + i * 8, at);
    bodies[i]!.forEach((w, j) => table.setUint16(at + j * 2, w));
    at += bodies[i]!.length * 2;
  });
  return new Uint8Array(table.buffer);
}

/** A cmap with one subtable (platform 3, encoding 1 or 10) of `body`. */
const cmapOf = (encoding: number, body: number[][]) => cmapWith([{ platform: 3, encoding, body }]);

const u32 = (n: number) => [Math.floor(n / 0x10000), n & 0xffff];
/** A format 12 subtable of `groups` (first, last, first glyph). */
const format12 = (groups: Array<[number, number, number]>) => [[12, 0], u32(16 + groups.length * 12), u32(0), u32(groups.length), ...groups.map((g) => g.flatMap(u32))];

describe('which characters a font file has (font-glyphs.ts)', () => {
  it('reads a format 4 character map: deltas, glyph arrays, and characters mapped to .notdef left out', () => {
    // Segments: A-C by delta; x-z through the glyph array (y maps to glyph 0: absent); the closing 0xFFFF segment.
    const segments = 3;
    const table = [
      [4, 0, 0, segments * 2, 0, 0, 0], // format, length, language, segCountX2, search fields
      [0x43, 0x7a, 0xffff], // end codes
      [0], // reserved
      [0x41, 0x78, 0xffff], // start codes
      [0x10000 - 0x40, 3, 1], // deltas: A -> 1; x-z's is added to what its glyph array gives, but to no 0
      [0, 4, 0], // range offsets: x's segment points at the glyph array, 4 bytes past its own offset word
      [5, 0, 6], // glyph array: x -> 5 + 3, y -> 0 (absent, delta or not), z -> 6 + 3
    ];
    const ranges = glyphRanges(woff2(cmapOf(1, table), true));
    expect(ranges).toEqual([[0x41, 0x43], [0x78, 0x78], [0x7a, 0x7a]]);
    expect(['A', 'C', 'x', 'z'].every((c) => hasGlyph(ranges, c.codePointAt(0)!))).toBe(true);
    expect(['@', 'D', 'y', '{'].some((c) => hasGlyph(ranges, c.codePointAt(0)!))).toBe(false);
  });

  it('reads a format 12 character map, beyond the Basic Multilingual Plane', () => {
    const u32 = (n: number) => [Math.floor(n / 0x10000), n & 0xffff];
    const groups: Array<[number, number, number]> = [[0x1f600, 0x1f602, 10], [0x20000, 0x20001, 0]];
    const table = [[12, 0], u32(16 + groups.length * 12), u32(0), u32(groups.length), ...groups.map((g) => g.flatMap(u32))];
    // The second group starts at glyph 0: its first character is .notdef, its second has glyph 1.
    expect(glyphRanges(woff2(cmapOf(10, table)))).toEqual([[0x1f600, 0x1f602], [0x20001, 0x20001]]);
  });

  it('reads the full Unicode map (format 12) of a font that has a BMP-only one (format 4) first: characters past U+FFFF are the font\'s too', () => {
    // A-C in both; U+20000-20001 (CJK Extension B, in names such as 𠀀) only in format 12.
    const bmp = [[4, 0, 0, 4, 0, 0, 0], [0x43, 0xffff], [0], [0x41, 0xffff], [0x10000 - 0x40, 1], [0, 0]];
    const font = woff2(cmapWith([{ platform: 3, encoding: 1, body: bmp }, { platform: 3, encoding: 10, body: format12([[0x41, 0x43, 1], [0x20000, 0x20001, 4]]) }]));
    expect(glyphRanges(font)).toEqual([[0x41, 0x43], [0x20000, 0x20001]]);
  });

  it('reads a map of the Unicode platform (0), as Apple\'s fonts may have alone', () => {
    expect(glyphRanges(woff2(cmapWith([{ platform: 0, encoding: 4, body: format12([[0x1f600, 0x1f602, 1]]) }])))).toEqual([[0x1f600, 0x1f602]]);
  });

  it('refuses what is not a WOFF2 font with a Unicode character map', () => {
    expect(() => glyphRanges(new Uint8Array(64))).toThrow(/not a WOFF2 file/);
    expect(() => glyphRanges(woff2(cmapOf(0, [[4, 0, 0, 2, 0, 0, 0], [0xffff], [0], [0xffff], [1], [0]])))).toThrow(/no Unicode character map/);
  });
});

describe('the faces a briefing embeds (fonts.ts)', () => {
  const interLatin = fontFaces().find((f) => f.family === 'Inter' && f.weight === 400 && f.style === 'normal' && f.file.endsWith('-latin-400-normal.woff2'))!;
  const PER_MILLE = 0x2030;

  it('reads the packaged fonts: Inter\'s Latin file is declared for ‰ but lacks it', () => {
    // The premise of choosing by the file's own characters: unicode-range over-promises.
    expect(interLatin.ranges.some(([lo, hi]) => PER_MILLE >= lo && PER_MILLE <= hi)).toBe(true);
    const ranges = glyphRanges(readFileSync(interLatin.file));
    expect(hasGlyph(ranges, PER_MILLE)).toBe(false);
    expect([...'AZaz09€–'].every((c) => hasGlyph(ranges, c.codePointAt(0)!))).toBe(true);
  });

  it('embeds the face that has a character, not the one declared for it: ‰, † and the non-breaking hyphen', () => {
    for (const [ch, family] of [['‰', 'Noto Sans SC'], ['\u2011', 'Noto Sans SC'], ['†', 'Inter']] as const) {
      const faces = fontFacesFor(`a${ch}`);
      const having = faces.filter((f) => hasGlyph(glyphRanges(readFileSync(f.file)), ch.codePointAt(0)!));
      expect(having.map((f) => f.family), ch).toContain(family);
      // Every face chosen for the character has it, at every weight Inter prints ('a' brings Inter's Latin faces).
      expect(faces.filter((f) => f.family === 'Noto Sans SC').every((f) => having.includes(f)), ch).toBe(true);
    }
    expect(fontFacesFor('a‰').filter((f) => f.family === 'Noto Sans SC').map((f) => f.weight)).toEqual([400, 700]);
    expect(uncoveredCharacters('3.2‰ † non\u2011breaking')).toEqual([]);
  });

  it('names the characters no embedded face has, but not those never drawn', () => {
    expect(uncoveredCharacters('5‱ of assets')).toEqual(['‱']);
    // Zero-width joiner, soft hyphen, word joiner, a variation selector: never drawn, so never missing. Nor spaces,
    // which Chromium sets at their width in the text's own font: U+202F (narrow no-break space, as French
    // typesetting puts inside « »), in none of the files, prints in Inter (printer.test.ts).
    expect(uncoveredCharacters('«\u202fprix\u202f»\u2007')).toEqual([]);
    expect(uncoveredCharacters('a\u200db\u00adc\u2060d\ufe0f')).toEqual([]);
  });
});
