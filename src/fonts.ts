/**
 * The briefing's fonts, shared by render/ (as @font-face in the HTML, linked or embedded),
 * charts/ (registered with the canvas that measures chart text), so both use the
 * same faces and chart labels are measured with the font they are printed in, and print/
 * (which serves them).
 *
 * Faces come from @fontsource packages: Inter for Latin text, Noto Sans SC, TC, JP and
 * KR for Simplified and Traditional Chinese, Japanese and Korean (the same characters are drawn differently in
 * each: 直 is not the same glyph in Chinese and Japanese), and Noto Sans Devanagari for Hindi, Marathi, Nepali
 * and the other languages written in Devanagari. Each package splits a face into unicode-range subsets; only
 * the subsets a briefing uses are embedded, and a script's face only when the briefing has text in it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sha256 } from './hash.ts';
import { fontFileGlyphRanges, glyphRanges, hasGlyph, mergedRanges, type GlyphRanges } from './font-glyphs.ts';
import { codePoint } from './canvas/control-characters.ts';
import { escapeRegExp } from './words.ts';

export interface FontFace {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** Absolute path of the woff2 file. */
  file: string;
  /** Code point ranges the file covers, inclusive. */
  ranges: Array<[number, number]>;
  /** The CSS unicode-range value as written by the package. */
  unicodeRange: string;
}

/** Families in CSS fallback order for charts and text with no language of its own: Latin first, then CJK. */
export const FONT_STACK = ['Inter', 'Noto Sans SC'] as const;

/**
 * The CJK family for a language tag: Japanese and Korean have their own, Traditional Chinese (zh-Hant, and
 * zh-TW, zh-HK, zh-MO without a script) the Traditional Chinese one, every other (Chinese) the Simplified one.
 */
export function cjkFamily(lang: string | undefined): CjkFamily {
  const [primary, ...rest] = (lang ?? '').toLowerCase().split('-');
  if (primary === 'ja') return 'Noto Sans JP';
  if (primary === 'ko') return 'Noto Sans KR';
  const script = rest.find((s) => s.length === 4);
  const traditional = script ? script === 'hant' : rest.some((r) => r === 'tw' || r === 'hk' || r === 'mo');
  return traditional ? 'Noto Sans TC' : 'Noto Sans SC';
}

export type CjkFamily = 'Noto Sans SC' | 'Noto Sans TC' | 'Noto Sans JP' | 'Noto Sans KR';

/** Every CJK family, in the order text with no language of its own falls back to them after its document's own. */
export const CJK_FAMILIES: readonly CjkFamily[] = ['Noto Sans SC', 'Noto Sans TC', 'Noto Sans JP', 'Noto Sans KR'];

/**
 * The families of scripts other than Latin and CJK, each with the characters of its script (Script_Extensions:
 * the danda । too, which Unicode counts as common to the Indic scripts). They come last in every font stack, after
 * the CJK families: such a face draws only characters neither Inter nor a CJK face has, and is embedded, and named
 * in the stack (render/page-css.ts), only in a briefing with text it draws.
 */
export const SCRIPT_FAMILIES: ReadonlyArray<{ family: string; script: RegExp }> = [
  { family: 'Noto Sans Devanagari', script: /\p{Script_Extensions=Devanagari}/u },
];

const FACES: Array<{ pkg: string; family: string; css: string[] }> = [
  { pkg: '@fontsource/inter', family: 'Inter', css: ['400.css', '400-italic.css', '500.css', '600.css', '700.css'] },
  { pkg: '@fontsource/noto-sans-sc', family: 'Noto Sans SC', css: ['400.css', '700.css'] },
  { pkg: '@fontsource/noto-sans-tc', family: 'Noto Sans TC', css: ['400.css', '700.css'] },
  { pkg: '@fontsource/noto-sans-jp', family: 'Noto Sans JP', css: ['400.css', '700.css'] },
  { pkg: '@fontsource/noto-sans-kr', family: 'Noto Sans KR', css: ['400.css', '700.css'] },
  { pkg: '@fontsource/noto-sans-devanagari', family: 'Noto Sans Devanagari', css: ['400.css', '700.css'] },
];

/** Every family the briefing embeds, whatever the theme: a theme's font-family may name any of them. */
export const EMBEDDED_FAMILIES: readonly string[] = FACES.map((f) => f.family);

const require = createRequire(import.meta.url);
let cache: FontFace[] | undefined;

/** Every face the briefing may use, parsed once from the @fontsource stylesheets. */
export function fontFaces(): FontFace[] {
  if (cache) return cache;
  const faces: FontFace[] = [];
  for (const { pkg, family, css } of FACES) {
    const root = dirname(require.resolve(`${pkg}/package.json`));
    for (const file of css) {
      faces.push(...parseFontsourceCss(readFileSync(join(root, file), 'utf8'), root, family));
    }
  }
  cache = faces;
  return faces;
}

/**
 * The faces needed to draw `text`: for each character, every face (weight, style) of Inter that has it,
 * else of each CJK family in `cjk` that does (the document's own, and those of text in another language: a
 * Japanese name in a Chinese company's glossary), else of the first other CJK family, else of the first script
 * family (SCRIPT_FAMILIES: Devanagari) that does, the order of the stacks the page names them in. The Noto faces
 * also cover Latin, but Inter draws Latin text, so their Latin subsets are not embedded. "Has" is the font file's
 * own character map, not its unicode-range: Inter's Latin face is declared for ‰, † and U+2011 and lacks them,
 * and the browser then moves on to the next family of the text's font-family, Noto Sans SC, which has them: that
 * face is embedded too, or a system font would draw them.
 */
export function fontFacesFor(text: string, cjk: readonly CjkFamily[] = ['Noto Sans SC']): FontFace[] {
  const codePoints = new Set<number>();
  for (const ch of text) codePoints.add(ch.codePointAt(0)!);
  const chosen = new Set<FontFace>();
  for (const cp of codePoints) {
    const faces = facesCovering(cp);
    let having = faces.filter((f) => f.family === 'Inter' && hasGlyphFor(f, cp));
    if (having.length === 0) having = faces.filter((f) => (cjk as readonly string[]).includes(f.family) && hasGlyphFor(f, cp));
    // A character none of them has (hangul in a Japanese company's text): the first CJK family that has it.
    for (const family of [...CJK_FAMILIES, ...SCRIPT_FAMILIES.map((s) => s.family)]) {
      if (having.length > 0) break;
      having = faces.filter((f) => f.family === family && hasGlyphFor(f, cp));
    }
    for (const f of having) chosen.add(f);
  }
  return fontFaces().filter((f) => chosen.has(f));
}

/**
 * Characters of `text` that no embedded face has, neither ours nor one of `themeFonts` (the theme's, themeFonts()):
 * a font of the printing machine's draws them, if it has one, else they print as empty boxes (missingGlyphsWarning).
 * Not counted: control characters, those never drawn (U+200D zero-width joiner, soft hyphen, variation selectors)
 * and spaces, which Chromium sets as a space of their width whatever the font (U+202F, the narrow no-break space of
 * French typesetting, is in none of the files and prints in Inter).
 */
export function uncoveredCharacters(text: string, themeFonts: readonly ThemeFont[] = []): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (missing.has(ch) || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || /^[\p{Default_Ignorable_Code_Point}\p{White_Space}]$/u.test(ch)) continue;
    if (!facesCovering(cp).some((f) => hasGlyphFor(f, cp)) && !themeFonts.some((f) => f.has(cp))) missing.add(ch);
  }
  return [...missing];
}

/** A font a theme's stylesheet embeds and uses: its family, and whether it has a character. */
export interface ThemeFont {
  family: string;
  has(codePoint: number): boolean;
}

/**
 * The fonts a stylesheet embeds (an @font-face whose src is a data: URL, as a theme's url()s are embedded:
 * render/theme-files.ts) and names elsewhere (in a font-family, a font shorthand, a custom property such as
 * --briefing-fonts): a face declared and never used draws nothing. Each has the characters of its file's character
 * map (WOFF2, WOFF, TrueType or OpenType) within its unicode-range, if it gives one; a file whose map cannot be read
 * has its unicode-range, or nothing.
 */
export function themeFonts(css: string): ThemeFont[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, ' ');
  const blocks = text.match(/@font-face\s*{[^}]*}/gi) ?? [];
  const rest = text.replace(/@font-face\s*{[^}]*}/gi, ' ');
  const fonts: ThemeFont[] = [];
  for (const block of blocks) {
    const family = /font-family\s*:\s*(?:"([^"]+)"|'([^']+)'|([^;}]+))/i.exec(block);
    const name = (family?.[1] ?? family?.[2] ?? family?.[3] ?? '').trim();
    // Embedded: a face with a file (url()); one the machine is asked for (local()) prints otherwise, or as boxes, elsewhere.
    if (name === '' || !namesFamily(rest, name) || !/\burl\(/i.test(block)) continue;
    const range = /unicode-range\s*:\s*([^;}]+)/i.exec(block)?.[1]?.trim();
    const declared = range === undefined ? undefined : parseUnicodeRange(range);
    let glyphs: GlyphRanges | undefined;
    for (const url of block.matchAll(/url\(\s*["']?data:[^;,]*;base64,([A-Za-z0-9+/=\s]+)["']?\s*\)/gi)) {
      try {
        glyphs = fontFileGlyphRanges(Buffer.from(url[1]!, 'base64'));
        break;
      } catch {
        // not a font file it can read: the next source, or the unicode-range's word
      }
    }
    if (glyphs === undefined && declared === undefined) continue;
    const inRange = (cp: number) => declared === undefined || declared.some(([lo, hi]) => cp >= lo && cp <= hi);
    fonts.push({ family: name, has: (cp) => inRange(cp) && (glyphs === undefined || hasGlyph(glyphs, cp)) });
  }
  return fonts;
}

/** True when `css` names `family` as a family: quoted, or bare between delimiters (case-insensitive, as CSS compares families). */
function namesFamily(css: string, family: string): boolean {
  const name = escapeRegExp(family).replace(/\s+/g, '\\s+');
  return new RegExp(`(?:["']${name}["'])|(?:(?:^|[\\s,:])${name}\\s*(?=[,;}!)]|$))`, 'i').test(css);
}

/**
 * The warning for characters no embedded font has (uncoveredCharacters), saying what the reader gets: empty boxes
 * where no font of this machine has them either (Chromium prints a character no font has as its first font's
 * .notdef, a box), a font of the machine's where one has them (another machine may print them otherwise, or as
 * boxes), and either, unsaid which, where it cannot tell (machineFontsHave). Each way, how to print them: a theme font.
 */
export function missingGlyphsWarning(chars: readonly string[], machineHas: (chars: readonly string[]) => Array<boolean | undefined> = machineFontsHave): string {
  const has = machineHas(chars);
  const list = (which: boolean | undefined) => chars.filter((_, i) => has[i] === which).map((c) => `"${c}" (${codePoint(c)})`).join(', ');
  const parts = [
    [false, 'print as empty boxes (no font of this machine has them either)'],
    [true, 'print in a font of this machine\'s (another machine may print them otherwise, or as empty boxes)'],
    [undefined, 'print in a font of the printing machine\'s if it has one, else as empty boxes'],
  ] as const;
  const said = parts.filter(([which]) => has.includes(which)).map(([which, what]) => `${list(which)} ${what}`);
  return `characters no embedded font has: ${said.join('; ')}; to print them on any machine, give the briefing a theme that embeds a font that has them (an @font-face in its styles/theme.css, its family added to the font-family after var(--briefing-fonts); see docs/themes.md)`;
}

/** Fontconfig's scalable fonts' characters, read at most every MACHINE_FONTS_MS (a font installed is seen by a long-lived watch); null where there is no fc-list. */
let machineFonts: { ranges: GlyphRanges | null; at: number } | undefined;
const MACHINE_FONTS_MS = 60_000;

/**
 * Whether a font of this machine has each of `chars`, as fontconfig (which Chromium's font fallback asks on Linux)
 * lists its scalable fonts: undefined for each where it cannot tell (macOS and Windows, where Chromium asks the
 * system instead; a Linux without fc-list).
 */
export function machineFontsHave(chars: readonly string[]): Array<boolean | undefined> {
  if (machineFonts === undefined || Date.now() - machineFonts.at > MACHINE_FONTS_MS) {
    let ranges: GlyphRanges | null = null;
    try {
      if (process.platform === 'linux') {
        ranges = charsetRanges(execFileSync('fc-list', [':scalable=true', '--format=%{charset}\\n'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 }));
      }
    } catch {
      ranges = null; // no fc-list
    }
    machineFonts = { ranges, at: Date.now() };
  }
  const { ranges } = machineFonts;
  return chars.map((c) => (ranges === null ? undefined : hasGlyph(ranges, c.codePointAt(0)!)));
}

/** The code points of fontconfig charsets as fc-list prints them, one font a line: hexadecimal "20-7e a0 ...". */
export function charsetRanges(listed: string): GlyphRanges {
  const ranges: Array<[number, number]> = [];
  for (const m of listed.matchAll(/\b([0-9a-f]+)(?:-([0-9a-f]+))?\b/gi)) ranges.push([parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)]);
  return mergedRanges(ranges);
}

/**
 * Code point -> the faces whose unicode-range covers it, in fontFaces() order: looked up once per character (a
 * briefing has thousands, the faces hundreds of ranges each). At most COVERING_LIMIT characters are remembered (a
 * long-lived worker or watch mode sees text of any kind); then it starts again.
 */
const covering = new Map<number, readonly FontFace[]>();
const COVERING_LIMIT = 50_000;
const NO_FACE: readonly FontFace[] = Object.freeze([]);

function facesCovering(cp: number): readonly FontFace[] {
  let faces = covering.get(cp);
  if (faces === undefined) {
    faces = fontFaces().filter((f) => covers(f, cp));
    if (covering.size >= COVERING_LIMIT) covering.clear();
    covering.set(cp, faces.length === 0 ? NO_FACE : faces);
  }
  return faces;
}

/** Each face's characters, read from its file when first asked (about a millisecond a file): only the faces a briefing may embed are read. */
const glyphs = new Map<string, GlyphRanges | 'as declared'>();

function hasGlyphFor(face: FontFace, cp: number): boolean {
  let ranges = glyphs.get(face.file);
  if (ranges === undefined) {
    try {
      ranges = glyphRanges(readFileSync(face.file));
    } catch {
      ranges = 'as declared'; // a file it cannot read (a package's new format): taken at its unicode-range's word, as before
    }
    glyphs.set(face.file, ranges);
  }
  return ranges === 'as declared' ? covers(face, cp) : hasGlyph(ranges, cp);
}

function covers(face: FontFace, cp: number): boolean {
  return face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

function parseFontsourceCss(css: string, root: string, family: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const weight = Number(/font-weight:\s*(\d+)/.exec(block)?.[1] ?? 400);
    const style = /font-style:\s*italic/.test(block) ? 'italic' : 'normal';
    const url = /url\(\.\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const unicodeRange = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim();
    if (!url || !unicodeRange) continue;
    faces.push({ family, weight, style, file: join(root, url), ranges: parseUnicodeRange(unicodeRange), unicodeRange });
  }
  return faces;
}

function parseUnicodeRange(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
  });
}

/** The name a font file is served under (render/ links it, print/ serves it): from its bytes' hash, so one name is one file. */
export function fontAssetName(body: Uint8Array): string {
  return `font-${sha256(body).slice(0, 16)}.woff2`;
}

/** The built-in template's Content-Security-Policy, up to where it lists where fonts may come from. */
const OUR_POLICY = /(<meta http-equiv="Content-Security-Policy" content="[^"]*font-src data:)([;"])/;
/** A policy set in a document: a <meta> tag (no text of a canvas makes one: it is escaped). */
const ANY_POLICY = /<meta\b[^>]*http-equiv\s*=\s*["']?Content-Security-Policy/gi;

/**
 * `html` with its policy allowing fonts from `url` too: when it has the built-in template's policy (extended), or
 * none (a theme's own template); undefined for any other, which might refuse them (the briefing would print in a
 * fallback font, unsaid): such a document keeps its fonts embedded.
 */
export function allowingFontsFrom(html: string, url: string): string | undefined {
  const policies = html.match(ANY_POLICY)?.length ?? 0;
  if (policies === 0) return html;
  if (policies !== 1 || !OUR_POLICY.test(html)) return undefined;
  return html.replace(OUR_POLICY, (_, start: string, end: string) => `${start} ${url}${end}`);
}
