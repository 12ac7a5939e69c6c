/**
 * Control characters in canvas text: pasted from a terminal, a spreadsheet or a web page, they print
 * as missing-glyph boxes, or as nothing, and reach the PDF's text and metadata. The briefing never
 * holds them (withoutControlCharacters); validate/ says where each one was (a finding, at its value).
 */
import { stringsIn, type KeyPath } from './key-path.ts';

/**
 * C0 controls but tab and newline, DEL, the C1 controls, the bidirectional embeddings, overrides and
 * isolates (U+202A-U+202E, U+2066-U+2069: they reorder what is drawn, so that two figures swap places
 * or one reads backwards, while the PDF's text keeps the order written), and halves of a surrogate pair
 * written alone (no character at all).
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const HAS_CONTROL = new RegExp(CONTROL.source);
/** Those that separate words (carriage return, vertical tab, form feed, next line) become a space, not nothing. */
const SPACING = /[\r\u000b\u000c\u0085]/;

/** A terminal's escape sequence ("\u001b[0m", "\u001b[1;31m", the one-character CSI "\u009b2J", a window title "\u001b]0;title\u0007"): the escape and what it says, none of it text. */
const ESCAPE_SEQUENCE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/**
 * The text without control characters: a CR LF pair is a newline, a lone CR, a VT or FF a space; a terminal's escape
 * sequence goes whole ("Employees\u001b[0m" is "Employees", not "Employees[0m"); the rest are dropped.
 */
export function cleanText(text: string): string {
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, (c) => (SPACING.test(c) ? ' ' : ''));
}

/** The control characters of a text, each once, in the order they first appear. */
export function controlCharactersIn(text: string): string[] {
  return [...new Set(text.match(CONTROL) ?? [])];
}

/** A copy of parsed YAML data with every string's control characters taken out (cleanText). */
export function withoutControlCharacters<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => withoutControlCharacters(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutControlCharacters(v)])) as T;
  }
  return value;
}

/** Every string of parsed YAML data that holds a control character, with its key path. */
export function textsWithControlCharacters(value: unknown): Array<{ path: KeyPath; characters: string[] }> {
  return stringsIn(value).flatMap(({ text, path }) => {
    const characters = controlCharactersIn(text);
    return characters.length > 0 ? [{ path, characters }] : [];
  });
}

/** U+001B for a character: how messages name one (the character itself would act on the terminal). */
export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
