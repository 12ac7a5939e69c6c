/**
 * A canvas file's layout read from its text alone: which key each line writes and where
 * it sits by indentation. Syntax errors need this because a file that does not parse has
 * no trustworthy document to ask; the lines are what the author sees and edits.
 */
import type { KeyPath } from '../canvas/key-path.ts';

export interface Line {
  /** 1-based, as editors number lines. */
  number: number;
  text: string;
  /** Spaces before the first character. */
  indent: number;
  /** 0-based columns of the list dashes ("- ") that open the line. */
  dashes: number[];
  /** The key the line writes, when it reads as `key: value` after any dashes. */
  key?: string;
  /** 0-based column of the key. */
  keyColumn?: number;
  /** What follows `key:` (or the dashes), trimmed; '' when nothing does. */
  value: string;
  /** 0-based column where the value starts. */
  valueColumn: number;
}

/** An open mapping (its current key) or list (its current item) while reading down the file. */
export interface Frame {
  column: number;
  kind: 'map' | 'list';
  key?: string;
  index: number;
  /** The line that last set the key or started the item. */
  line: number;
}

const KEY = /^([^\s#:'"{}[\],&*!|>%@`-][^:#]*?|"[^"]*"|'[^']*')[ \t]*:(?=[ \t]|$)/;
const DASH = /^-(?: +|$)/;
const BLOCK_HEADER = /^[|>][-+1-9]*\s*(#.*)?$/;

/** Reads line `number` (1-based) of the file. */
export function readLine(lines: readonly string[], number: number): Line {
  const text = lines[number - 1] ?? '';
  // Tabs count as indentation here so a tab-indented line still shows its key; the parser rejects them anyway.
  const indent = /^[ \t]*/.exec(text)![0].length;
  const dashes: number[] = [];
  let column = indent;
  for (let m = DASH.exec(text.slice(column)); m; m = DASH.exec(text.slice(column))) {
    dashes.push(column);
    column += m[0].length;
  }
  const key = KEY.exec(text.slice(column));
  if (!key) return { number, text, indent, dashes, value: text.slice(column).trim(), valueColumn: column };
  const after = column + key[0].length;
  const valueColumn = after + /^\s*/.exec(text.slice(after))![0].length;
  return { number, text, indent, dashes, key: unquote(key[1].trim()), keyColumn: column, value: text.slice(after).trim(), valueColumn };
}

/** Blank lines and comment lines carry no structure. */
export function isContent(line: Line): boolean {
  const t = line.text.trim();
  return t !== '' && !t.startsWith('#');
}

/** A key a canvas could use (an id or a schema key), as opposed to words of text before a colon. */
export function looksLikeKey(key: string | undefined): boolean {
  return key !== undefined && /^[A-Za-z_][\w-]*$/.test(key);
}

/** `|` or `>` (with options) alone: the value is the indented text on the lines below. */
export function opensBlockText(value: string): boolean {
  return BLOCK_HEADER.test(value);
}

/** The nearest line above `number` that holds something other than blanks or a comment. */
export function previousContentLine(lines: readonly string[], number: number): Line | undefined {
  for (let n = number - 1; n >= 1; n--) {
    const line = readLine(lines, n);
    if (isContent(line)) return line;
  }
  return undefined;
}

/** The nearest line below `number` that holds something other than blanks or a comment. */
export function nextContentLine(lines: readonly string[], number: number): Line | undefined {
  for (let n = number + 1; n <= lines.length; n++) {
    const line = readLine(lines, n);
    if (isContent(line)) return line;
  }
  return undefined;
}

/** The mappings and lists still open just before line `number`, outermost first. */
export function framesBefore(lines: readonly string[], number: number): Frame[] {
  const frames: Frame[] = [];
  let blockTextAbove: number | undefined; // lines indented past this column are the text of a | or > block
  for (let n = 1; n < number; n++) {
    const line = readLine(lines, n);
    if (!isContent(line)) continue;
    if (blockTextAbove !== undefined && line.indent > blockTextAbove) continue;
    blockTextAbove = undefined;
    // A line with neither key nor dash continues the text or [ ... ] above it and opens nothing.
    if (line.key === undefined && line.dashes.length === 0) continue;
    place(frames, line);
    if (opensBlockText(line.value)) blockTextAbove = line.keyColumn ?? line.dashes.at(-1);
  }
  return frames;
}

/**
 * The key path line `number` writes, judged by indentation. With `asColumn`, as if the
 * line's first key or dash stood at that column (where the author evidently meant it).
 */
export function keyPathAtLine(lines: readonly string[], number: number, asColumn?: number): KeyPath {
  const frames = framesBefore(lines, number);
  const line = readLine(lines, number);
  place(frames, asColumn === undefined ? line : shifted(line, asColumn));
  return frames.map((f) => (f.kind === 'list' ? f.index : f.key!));
}

/** Opens or continues the list items and key a line writes. */
function place(frames: Frame[], line: Line): void {
  for (const column of line.dashes) enter(frames, { column, kind: 'list', index: 0, line: line.number });
  if (line.key !== undefined) enter(frames, { column: line.keyColumn!, kind: 'map', key: line.key, index: 0, line: line.number });
}

function enter(frames: Frame[], next: Frame): void {
  // A list may stand at its key's own column ("content:" then "- ..."), so a key there closes the list.
  const closes = (f: Frame) => f.column > next.column || (f.column === next.column && f.kind === 'list' && next.kind === 'map');
  while (frames.length > 0 && closes(frames.at(-1)!)) frames.pop();
  const top = frames.at(-1);
  if (top && top.column === next.column && top.kind === next.kind) {
    if (top.kind === 'list') top.index += 1;
    else top.key = next.key;
    top.line = next.line;
  } else {
    frames.push(next);
  }
}

function shifted(line: Line, column: number): Line {
  const by = column - (line.dashes[0] ?? line.keyColumn ?? line.indent);
  return { ...line, dashes: line.dashes.map((d) => d + by), keyColumn: line.keyColumn === undefined ? undefined : line.keyColumn + by };
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}
