/**
 * Which characters a font file has glyphs for, read from its character map (the 'cmap' table): the WOFF2 files
 * of @fontsource, and a theme's fonts (WOFF2, WOFF, TrueType or OpenType: fontFileGlyphRanges).
 *
 * A @fontsource face's unicode-range says which characters the browser may ask it for, not which it has:
 * Inter's Latin file is declared for ‰, † and U+2011 (non-breaking hyphen) and has none of them. Chosen by the
 * range alone, such a character was printed in whatever system font the machine had (fonts.ts). A WOFF2 file is
 * one Brotli stream of tables (Node's zlib reads it, fast enough to do it as a briefing is rendered); the cmap
 * table is never transformed, so it is read as a TrueType file has it.
 */
import { brotliDecompressSync, inflateSync } from 'node:zlib';

/** Inclusive code point ranges, sorted, that map to a glyph other than .notdef. */
export type GlyphRanges = ReadonlyArray<readonly [number, number]>;

/** The code points `woff2` has glyphs for; throws when the bytes are not a WOFF2 font with a Unicode cmap. */
export function glyphRanges(woff2: Uint8Array): GlyphRanges {
  const view = new DataView(woff2.buffer, woff2.byteOffset, woff2.byteLength);
  if (view.getUint32(0) !== 0x774f4632) throw new Error('not a WOFF2 file'); // 'wOF2'
  if (view.getUint32(4) === 0x74746366) throw new Error('a WOFF2 font collection'); // 'ttcf'
  const numTables = view.getUint16(12);
  const compressedLength = view.getUint32(20);
  // The table directory (WOFF2 5.2): a flags byte (a known tag's index, or 63 and the tag), the original length,
  // and the transformed length when the table is transformed. Tables lie in the stream in this order, unpadded.
  let at = 48;
  const base128 = (): number => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = view.getUint8(at++);
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('a malformed table length');
  };
  let offset = 0;
  let cmap: { offset: number; length: number } | undefined;
  for (let i = 0; i < numTables; i++) {
    const flags = view.getUint8(at++);
    const known = flags & 0x3f;
    const tag = known === 63 ? view.getUint32((at += 4) - 4) : undefined;
    const version = flags >> 6;
    const length = base128();
    // glyf (10) and loca (11) are transformed unless version 3; every other table only when not version 0.
    const transformed = known === 10 || known === 11 ? version !== 3 : version !== 0;
    const stored = transformed ? base128() : length;
    if (known === 0 || tag === 0x636d6170) cmap = { offset, length }; // 'cmap' is the known tags' first
    offset += stored;
  }
  if (cmap === undefined) throw new Error('no cmap table');
  const tables = brotliDecompressSync(woff2.subarray(at, at + compressedLength));
  return unicodeRanges(new DataView(tables.buffer, tables.byteOffset + cmap.offset, cmap.length));
}

/**
 * The code points a font file has glyphs for, whatever its format (a theme's font may be any a browser loads):
 * WOFF2, WOFF (each table zlib-compressed, or stored when that is no smaller) or an uncompressed TrueType or
 * OpenType file. Throws for anything else (a font collection included) or a file with no Unicode cmap.
 */
export function fontFileGlyphRanges(font: Uint8Array): GlyphRanges {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  if (font.byteLength < 12) throw new Error('not a font file');
  const signature = view.getUint32(0);
  if (signature === 0x774f4632) return glyphRanges(font); // 'wOF2'
  const CMAP = 0x636d6170;
  if (signature === 0x774f4646) { // 'wOFF': a 44-byte header, then 20-byte entries: tag, offset, compressed and original length, checksum
    const numTables = view.getUint16(12);
    for (let i = 0; i < numTables; i++) {
      const at = 44 + i * 20;
      if (view.getUint32(at) !== CMAP) continue;
      const [offset, compressed, original] = [view.getUint32(at + 4), view.getUint32(at + 8), view.getUint32(at + 12)];
      const stored = font.subarray(offset, offset + compressed);
      const table = compressed < original ? inflateSync(stored) : stored;
      return unicodeRanges(new DataView(table.buffer, table.byteOffset, table.byteLength));
    }
    throw new Error('no cmap table');
  }
  if (signature === 0x00010000 || signature === 0x4f54544f || signature === 0x74727565) { // TrueType, 'OTTO', 'true': 16-byte entries after a 12-byte header
    const numTables = view.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      if (view.getUint32(at) !== CMAP) continue;
      return unicodeRanges(new DataView(font.buffer, font.byteOffset + view.getUint32(at + 8), view.getUint32(at + 12)));
    }
    throw new Error('no cmap table');
  }
  throw new Error('not a font file (WOFF2, WOFF, TrueType or OpenType)');
}

/** The ranges of the best Unicode subtable: format 12 (full Unicode) before format 4 (the BMP). */
function unicodeRanges(cmap: DataView): GlyphRanges {
  const count = cmap.getUint16(2);
  let best: { format: number; offset: number } | undefined;
  for (let i = 0; i < count; i++) {
    const platform = cmap.getUint16(4 + i * 8);
    const encoding = cmap.getUint16(6 + i * 8);
    const offset = cmap.getUint32(8 + i * 8);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const format = cmap.getUint16(offset);
    if ((format === 12 || format === 4) && (best === undefined || format > best.format)) best = { format, offset };
  }
  if (best === undefined) throw new Error('no Unicode character map');
  return best.format === 12 ? format12(cmap, best.offset) : format4(cmap, best.offset);
}

function format12(cmap: DataView, at: number): GlyphRanges {
  const ranges: Array<[number, number]> = [];
  const groups = cmap.getUint32(at + 12);
  for (let i = 0; i < groups; i++) {
    const start = cmap.getUint32(at + 16 + i * 12);
    const end = cmap.getUint32(at + 20 + i * 12);
    const glyph = cmap.getUint32(at + 24 + i * 12);
    add(ranges, glyph === 0 ? start + 1 : start, end); // a group starting at glyph 0 maps its first character to .notdef
  }
  return mergedRanges(ranges);
}

function format4(cmap: DataView, at: number): GlyphRanges {
  const ranges: Array<[number, number]> = [];
  const segments = cmap.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = cmap.getUint16(ends + s * 2);
    const start = cmap.getUint16(starts + s * 2);
    const delta = cmap.getUint16(deltas + s * 2);
    const rangeOffset = cmap.getUint16(rangeOffsets + s * 2);
    if (start === 0xffff) continue; // the closing segment
    for (let c = start; c <= end; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const index = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
        glyph = index + 2 <= cmap.byteLength ? cmap.getUint16(index) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) add(ranges, c, c);
    }
  }
  return mergedRanges(ranges);
}

function add(ranges: Array<[number, number]>, start: number, end: number): void {
  if (start > end) return;
  const last = ranges.at(-1);
  if (last !== undefined && start === last[1] + 1) last[1] = end;
  else ranges.push([start, end]);
}

/** Ranges sorted and joined where they touch or overlap (sorts `ranges` in place). */
export function mergedRanges(ranges: Array<[number, number]>): GlyphRanges {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    const last = out.at(-1);
    if (last !== undefined && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** True when `code point` lies in one of `ranges`. */
export function hasGlyph(ranges: GlyphRanges, codePoint: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ranges[mid]!;
    if (codePoint < start) hi = mid - 1;
    else if (codePoint > end) lo = mid + 1;
    else return true;
  }
  return false;
}
