/**
 * YAML syntax errors -> one message a canvas maintainer can act on. Only the first error
 * is explained (the yaml library often reports one slip as several errors), at the line
 * where the fix goes, with a plain hint chosen by the library's error code rather than
 * its wording.
 */
import { Parser, visit, isScalar, type Document, type LineCounter, type YAMLError } from 'yaml';
import { BriefingError, EXIT, oneLine, quote } from '../errors.ts';
import { pathText, type KeyPath, type Position } from '../canvas/key-path.ts';
import {
  framesBefore, isContent, keyPathAtLine, looksLikeKey, nextContentLine, opensBlockText, previousContentLine, readLine,
  type Frame, type Line,
} from './layout.ts';

/** The file's text as the parser saw it, for placing and explaining an error. */
export interface SyntaxSource {
  file: string;
  text: string;
  lines: string[];
  lineCounter: LineCounter;
  doc: Document;
  /** What the file is: a canvas or the config (which a mistyped path may replace with any file), or a theme's theme.yaml. */
  what?: string;
}

/** An explained error: where to fix it (1-based line and column), the key path there, and what to do. */
interface Explained extends Position {
  path?: KeyPath;
  message: string;
}

const LAYOUT_RULE = 'keys of one mapping line up, nested keys are indented by two more spaces';
/** Characters that give a plain value a special meaning when it starts with them. */
const SPECIAL_START = '*&!|>?@`%';

/** Lines whose value may be a secret: the config's smtp URL, and anything named like a password or token. */
const SECRET_LINE = /\b(smtps?|password|passwd|pass|secret|token|api[_-]?key|auth)\b/i;

/** Keys a canvas, or the project config, starts with: a file with none of them is something else. */
const PROJECT_KEYS = /^(company|briefing|metrics|blocks|chapters|charts|glossary|key_figures|key_charts|block_sets|data_notes|mail|lists|send|name|chapter_breaks|negative_numbers|logo)\s*:/m;

/** The BriefingError for a file that does not parse: its first syntax error, explained, and how many follow. */
export function syntaxFailure(errors: readonly YAMLError[], source: SyntaxSource): BriefingError {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  // A theme.yaml is found by its name in a theme folder, not given as a path that may be mistyped.
  if (source.what !== 'theme' && !PROJECT_KEYS.test(source.text)) {
    // Not a canvas at all (a credentials or .env file reached by mistake or a symlink): the explanation
    // would quote its lines, and those may hold a secret. Where, and nothing of what.
    const at = positionOf(source, sorted[0].pos[0]);
    return new BriefingError(`${source.file}:${at.line}:${at.column}: not a canvas: no company:, briefing: or other canvas key at the start of a line, and not valid YAML at this line (nothing of the file is shown: it may hold a secret)`, EXIT.invalidData);
  }
  let explained = explainSyntaxError(sorted[0], source);
  // A line that may hold a secret (the config's SMTP URL with its password, a token) is named, never quoted.
  if (SECRET_LINE.test(source.lines[explained.line - 1] ?? '')) {
    explained = { ...explained, message: 'this line is not valid YAML (it is not shown: it may hold a password or token); put the whole value in double quotes' };
  }
  const more = laterErrorLines(sorted, source, explained.line);
  const after = more === 0 ? '' : `\nand ${more} more syntax error${more === 1 ? '' : 's'} after it, often caused by this one: fix it and run again`;
  return new BriefingError(`${oneLine(`${where(source, explained)}YAML syntax: ${explained.message}`)}${after}`, EXIT.invalidData);
}

/** `file:line:column: key.path: ` for a syntax message (no path at the top level). */
export function where(source: SyntaxSource, e: Position & { path?: KeyPath }): string {
  const path = e.path ?? keyPathAtLine(source.lines, e.line);
  return `${source.file}:${e.line}:${e.column}: ${path.length > 0 ? `${pathText(path)}: ` : ''}`;
}

/** Errors on other lines than the explained one: a slip reported twice on one line counts once. */
function laterErrorLines(errors: readonly YAMLError[], source: SyntaxSource, explainedLine: number): number {
  const firstLine = source.lineCounter.linePos(errors[0].pos[0]).line;
  const lines = new Set(errors.slice(1).map((e) => source.lineCounter.linePos(e.pos[0]).line));
  lines.delete(firstLine);
  lines.delete(explainedLine);
  return lines.size;
}

function explainSyntaxError(error: YAMLError, source: SyntaxSource): Explained {
  const at = positionOf(source, error.pos[0]);
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return { ...at, path: tabbedLinePath(source.lines, at.line), message: 'this line is indented with a tab: indent with spaces, not tabs' };
    case 'DUPLICATE_KEY':
      return duplicateKey(error, source, at);
    case 'BAD_DQ_ESCAPE':
      return { ...at, message: 'a backslash (\\) inside "double quotes" starts a code such as \\n: write \\\\ for a backslash, or use \'single quotes\'' };
    case 'MULTIPLE_DOCS':
      return { ...at, path: [], message: 'a line of three dashes (---) starts a second document, but a canvas file holds one: remove the line' };
  }
  const line = contentLineAt(source.lines, at.line);
  // A tab in the indentation, whatever YAML made of the line (more of a text above it, a key that lines up with none):
  // said as a tab, which is the cause, with the indentation of the text it may continue. Its width is anyone's guess.
  if (/^ *\t/.test(source.lines[at.line - 1] ?? '')) {
    const text = textAbove(source.lines, line);
    return {
      ...at,
      column: 1,
      path: text ? keyPathAtLine(source.lines, text.owner.number) : tabbedLinePath(source.lines, at.line),
      message: `this line is indented with a tab: indent with spaces, not tabs${text ? ` (${spaces(text.indent)} to go on with the text of ${quote(text.owner.key)} on line ${text.owner.number})` : ''}`,
    };
  }
  return fullWidthSyntax(source.lines, at)
    ?? specialStart(line, at)
    ?? unclosedQuote(error, source)
    ?? unclosedBrackets(error, source)
    ?? textAfterQuote(error, line, at)
    ?? (LAYOUT_CODES.has(error.code) ? layoutProblem(source.lines, line, at) : undefined)
    ?? { ...at, message: libraryMessage(error) };
}

/** A key at the start of a line (after a list item's dash): canvas keys are written in ASCII. */
const KEY_START = /^([ ]*(?:-[ ]+)?)([A-Za-z_][\w-]*)/;

/**
 * YAML's colon, space, indentation or brackets typed full-width, as a Japanese or Chinese input method types them
 * ("label：Operating income", "value:" and U+3000 before the value, U+3000 for indentation, "change: ｛ percent: 5 ｝"): said as that, on the line
 * of the error or one of the two above it, rather than as the layout problem YAML reads it as.
 */
function fullWidthSyntax(lines: readonly string[], at: Position): Explained | undefined {
  for (let number = at.line; number >= Math.max(1, at.line - 2); number--) {
    const text = lines[number - 1] ?? '';
    const indent = /^[ \u3000]*/.exec(text)![0];
    // Only where a key or list item follows: a paragraph's line may open with a full-width space (字下げ) in a text block.
    if (indent.includes('\u3000') && /^(?:-[ \u3000]|[A-Za-z_][\w-]*[ ]*[:：])/.test(text.slice(indent.length))) {
      return { line: number, column: indent.indexOf('\u3000') + 1, message: 'this line is indented with a full-width space (U+3000, as a Japanese or Chinese input method types it), which YAML does not take for indentation: indent with half-width spaces' };
    }
    const key = KEY_START.exec(text);
    if (key === null) continue;
    const after = key[1]!.length + key[2]!.length;
    const rest = text.slice(after);
    const IME = '(as a Japanese or Chinese input method types it)';
    // Where the line would be, written as meant: its key's place, not that of the key above it.
    const fixed = (written: string) => ({ line: number, path: keyPathAtLine(lines.map((l, i) => (i === number - 1 ? written : l)), number) });
    if (/^[ ]*：/.test(rest)) {
      return { ...fixed(`${text.slice(0, after)}: ${rest.replace(/^[ ]*：[ \u3000]*/, '')}`), column: after + rest.indexOf('：') + 1, message: `the colon after ${quote(key[2]!)} is full-width (：) ${IME}: write a half-width colon and a space (${key[2]}: …)` };
    }
    if (/^:\u3000/.test(rest)) {
      return { ...fixed(`${text.slice(0, after)}: ${rest.replace(/^:[ \u3000]*/, '')}`), column: after + 2, message: `the space after ${quote(`${key[2]}:`)} is full-width (U+3000) ${IME}: write a half-width space (${key[2]}: …)` };
    }
    // A value that opens with a full-width bracket and reads as a list or mapping ("｛ percent: 5 ｝", "［a, b］"), or is where
    // YAML stumbled: not a title such as "［速報］第2四半期", which is valid text, near an error of another kind.
    const bracket = /^:[ ]+([｛［])/.exec(rest);
    if (bracket && (number === at.line || /^:[ ]+[｛［][^］｝]*(?:,|:[ ])/.test(rest))) {
      return { ...fixed(text.slice(0, after + 1)), column: after + rest.indexOf(bracket[1]!) + 1, message: `the value of ${quote(key[2]!)} opens with a full-width bracket (${bracket[1]}) ${IME}: write its brackets half-width, { } for a mapping or [ ] for a list` };
    }
  }
  return undefined;
}

const LAYOUT_CODES = new Set(['BAD_INDENT', 'MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY', 'UNEXPECTED_TOKEN', 'MISSING_CHAR']);

/** A tab's width is anyone's guess: read the line as nested under a key that opens a mapping, else lined up with it. */
function tabbedLinePath(lines: readonly string[], number: number): KeyPath {
  const above = previousContentLine(lines, number);
  if (above?.keyColumn === undefined) return keyPathAtLine(lines, number);
  return keyPathAtLine(lines, number, above.keyColumn + (above.value === '' ? 2 : 0));
}

/** Errors reported on a blank line or past the end belong to the last line written above them. */
function contentLineAt(lines: readonly string[], number: number): Line {
  const line = readLine(lines, number);
  return isContent(line) ? line : previousContentLine(lines, number) ?? line;
}

function duplicateKey(error: YAMLError, source: SyntaxSource, at: Position): Explained {
  let key = '';
  let first: number | undefined;
  visit(source.doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const item of map.items) {
        if (!isScalar(item.key) || !item.key.range) continue;
        const name = String(item.key.value);
        if (item.key.range[0] === error.pos[0]) {
          key = name;
          first = seen.get(name);
          return visit.BREAK;
        }
        if (!seen.has(name)) seen.set(name, item.key.range[0]);
      }
      return undefined;
    },
  });
  const firstAt = first === undefined ? undefined : positionOf(source, first);
  const firstLine = !firstAt ? '' : firstAt.line === at.line ? ` (first at column ${firstAt.column})` : ` (first on line ${firstAt.line})`;
  return {
    ...at,
    message: `${quote(key)} is given a second time here${firstLine}: a canvas may give each key once (a second value would silently replace the first figure); keep one, or rename the other`,
  };
}

/** `note: *excluding...`, `note: > 50%`: YAML gives these first characters a meaning of their own. */
function specialStart(line: Line, at: Position): Explained | undefined {
  const first = line.value[0];
  if (at.line !== line.number || at.column - 1 < line.valueColumn) return undefined;
  if (!first || !SPECIAL_START.includes(first) || opensBlockText(line.value)) return undefined;
  return {
    line: line.number,
    column: line.valueColumn + 1,
    message: `a value that starts with ${first} has a special meaning in YAML: put the whole value in double quotes${quotedExample(line)}`,
  };
}

/**
 * The parser notices a missing closing quote where the text runs out, often lines later;
 * the fix goes where the quote opened, which the syntax tree still shows.
 */
function unclosedQuote(error: YAMLError, source: SyntaxSource): Explained | undefined {
  if (error.code !== 'MISSING_CHAR') return undefined;
  const offset = error.pos[0];
  const quoted = cstTokens(source.text).filter((t) => t.type === 'double-quoted-scalar' || t.type === 'single-quoted-scalar');
  const token = quoted.find((t) => t.offset <= offset && offset <= t.offset + (t.source?.length ?? 0))
    ?? quoted.filter((t) => t.offset < offset && !quoteClosed(t.source ?? '')).at(-1);
  if (!token?.source) return undefined;
  const q = token.source[0];
  const endLine = positionOf(source, token.offset + token.source.length - 1).line;
  const runs = quoteClosed(token.source) ? `is closed only on line ${endLine}, so the lines between are read as text` : 'is never closed';
  return { ...positionOf(source, token.offset), message: `this quote (${q}) ${runs}: add the closing ${q} where the text ends` };
}

/** `{ percent: 4.2` or `[a, b` with no closing bracket, noticed by the parser only on a later line. */
function unclosedBrackets(error: YAMLError, source: SyntaxSource): Explained | undefined {
  if (error.code !== 'BAD_INDENT' && error.code !== 'MISSING_CHAR') return undefined;
  const open = cstTokens(source.text)
    .filter((t) => t.type === 'flow-collection' && t.offset <= error.pos[0] && t.start && !flowClosed(t))
    .at(-1);
  if (!open?.start) return undefined;
  const bracket = open.start.source;
  const at = positionOf(source, open.start.offset);
  const closing = bracket === '{' ? '}' : ']';
  const close = matchingBracket(source.text, open.start.offset);
  if (close < 0) return { ...at, message: `this ${bracket} is never closed: end it with ${closing}` };
  // Closed on a later line, but the lines between are indented too little to belong to it.
  const closeLine = positionOf(source, close).line;
  return { ...at, message: `this ${bracket} is closed on line ${closeLine}, but the lines up to there must be indented more than this line: indent them, or write the whole ${bracket} ... ${closing} on one line` };
}

/** The offset of the bracket that closes the one at `open`, skipping nested brackets and quoted text; -1 if none. */
function matchingBracket(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  let before = ''; // the last character outside quotes that is not a space
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    // A quote opens a value only at its start: the ' in "it's" is a letter.
    if ((c === '"' || c === "'") && '[{,:'.includes(before)) quote = c;
    else if (c === '[' || c === '{') depth += 1;
    else if ((c === ']' || c === '}') && --depth === 0) return i;
    if (!/\s/.test(c)) before = c;
  }
  return -1;
}

/** `title: "Cloud" revenue`, `label: 'Alibaba's cloud'`: the value ends at a quote, yet text follows. */
function textAfterQuote(error: YAMLError, line: Line, at: Position): Explained | undefined {
  if (error.code !== 'UNEXPECTED_TOKEN' || at.line !== line.number || at.column - 1 <= line.valueColumn) return undefined;
  const first = line.value[0];
  if (first === '[' || first === '{') {
    const what = first === '[' ? 'a list' : 'a mapping';
    return { line: line.number, column: line.valueColumn + 1, message: `a value that starts with ${first} is read as ${what}, so no text may follow its closing bracket: put the whole value in double quotes${quotedExample(line)}` };
  }
  if (first !== '"' && first !== "'") return undefined;
  const inner = line.value.endsWith(first) ? line.value.slice(1, -1) : line.value.slice(1);
  const other = first === '"' ? "'" : '"';
  const example = inner.includes(other) ? '' : `, e.g. ${line.key !== undefined ? `${line.key}: ` : '- '}${other}${inner}${other}`;
  const escape = first === '"' ? 'inside "double quotes" write a quote as \\"' : "inside 'single quotes' write a quote as ''";
  return { ...at, message: `text follows the quote that closes this value: put the whole value in quotes; ${escape}${example}` };
}

/** Indentation and colon slips, diagnosed from the lines around the error. */
function layoutProblem(lines: readonly string[], line: Line, at: Position): Explained {
  return colonInValue(line, at)
    ?? misaligned(lines, line)
    ?? keyBesideList(lines, line)
    ?? nestedUnderValue(lines, line)
    ?? listAmongKeys(lines, line)
    ?? notAKey(lines, line)
    ?? checkIndentation(lines, line);
}

/** `title: Cloud: the next decade`: the second colon reads as a nested key. */
function colonInValue(line: Line, at: Position): Explained | undefined {
  if (line.key === undefined || at.line !== line.number || at.column - 1 < line.valueColumn) return undefined;
  if (/^["'[{]/.test(line.value)) return undefined;
  const colon = /:(\s|$)/.exec(line.value);
  if (!colon) return undefined;
  return {
    line: line.number,
    column: line.valueColumn + colon.index + 1,
    message: `the value of ${quote(line.key)} has a colon followed by a space (or the line end), which YAML reads as a new key: put the whole value in double quotes${quotedExample(line)}`,
  };
}

/** A key or list item whose indentation matches nothing open above it (usually one space short). */
function misaligned(lines: readonly string[], line: Line): Explained | undefined {
  const column = line.dashes[0] ?? line.keyColumn;
  if (column === undefined) return undefined;
  const kind = line.dashes.length > 0 ? 'list' : 'map';
  const frames = framesBefore(lines, line.number);
  const deepest = frames.at(-1);
  if (!deepest || column >= deepest.column || frames.some((f) => f.column === column)) return undefined;
  // `   label:` (5 spaces) then `    value:`, `    unit:` (4): the first key is the one out of line, not this one;
  // so is a list's first item one space deeper than the items after it.
  const previous = previousContentLine(lines, line.number);
  if (kind === 'map' && previous?.key !== undefined && previous.keyColumn! > column) {
    const odd = firstKeyOutOfLine(lines, previous, line);
    if (odd) return odd;
  }
  if (kind === 'list' && previous !== undefined && previous.dashes.length > 0 && previous.dashes[0] > column) {
    const odd = firstItemOutOfLine(lines, previous, line);
    if (odd) return odd;
  }
  const distance = (f: Frame) => Math.abs(f.column - column);
  const sameKind = frames.filter((f) => f.kind === kind).sort((a, b) => distance(a) - distance(b) || b.column - a.column);
  if (sameKind.length === 0) return undefined;
  // Offer the nearest column, and a second one only when it is just as near: either may be meant.
  const near = sameKind.slice(0, 2).filter((f) => distance(f) === distance(sameKind[0]));
  const what = kind === 'list' ? 'this list item' : `${quote(line.key)}`;
  const lineUp = near.map((f) => `${frameName(f)} on line ${f.line} (${spaces(f.column)})`).join(' or ');
  return {
    line: line.number,
    column: column + 1,
    path: keyPathAtLine(lines, line.number, near[0].column),
    message: `${what} is indented ${spaces(column)}, which lines up with no ${kind === 'list' ? 'list' : 'key'} above it: line it up with ${lineUp}; ${LAYOUT_RULE}`,
  };
}

/** `- revenue_q1:` then `revenue_q2:` at the dash's column: one mapping cannot hold list items and keys. */
function keyBesideList(lines: readonly string[], line: Line): Explained | undefined {
  if (line.key === undefined || line.dashes.length > 0) return undefined;
  const frames = framesBefore(lines, line.number);
  const list = frames.find((f) => f.kind === 'list' && f.column === line.keyColumn);
  if (!list || frames.some((f) => f.kind === 'map' && f.column === line.keyColumn)) return undefined;
  return {
    line: line.number,
    column: line.keyColumn! + 1,
    message: `${quote(line.key)} lines up with the list item ("- ") on line ${list.line}, but one mapping holds either list items or keys: remove the "- " on line ${list.line}, or write this line as a list item too`,
  };
}

/**
 * `name: A` then a line indented further: a key under a value (`ticker:` one level too deep),
 * or text continuing the value with a colon in it.
 */
function nestedUnderValue(lines: readonly string[], line: Line): Explained | undefined {
  if (line.key === undefined || line.value === '' || opensBlockText(line.value)) return undefined;
  const next = nextContentLine(lines, line.number);
  if (!next || next.key === undefined || next.indent <= line.keyColumn!) return undefined;
  if (next.dashes.length > 0 && next.dashes[0]! > line.keyColumn!) {
    // `- paragraph: Text` then `    - chart: trend`: a list item pushed in under the one before it.
    if (line.dashes.length > 0) {
      return {
        line: next.number,
        column: next.dashes[0]! + 1,
        path: keyPathAtLine(lines, next.number, line.dashes.at(-1)),
        message: `this "- " is indented more than the one on line ${line.number}, whose ${quote(line.key)} has a value already: line it up with it (${spaces(line.dashes.at(-1)!)}); the items of one list line up`,
      };
    }
    // `sections: Generation fleet` then `  - title: Generation fleet`: a list meant for the key, its value left on the key's line.
    return {
      line: line.number,
      column: line.valueColumn! + 1,
      path: keyPathAtLine(lines, line.number),
      message: `${quote(line.key)} has both a value here, ${quote(line.value)}, and a list ("- ") under it from line ${next.number}: a key holds one or the other. To give ${quote(line.key)} the list, leave nothing after "${line.key}:" on this line`,
    };
  }
  if (looksLikeKey(next.key) && next.dashes.length === 0) {
    const odd = firstKeyOutOfLine(lines, line, next);
    if (odd) return odd;
    // `    period: FY2025` / `  period_type: fiscal_year` / `    period_end: ...`: the line with the value is the one
    // pulled out, the keys on both sides of it line up.
    const above = previousContentLine(lines, line.number);
    if (above?.key !== undefined && above.dashes.length === 0 && above.keyColumn === next.keyColumn && line.keyColumn! < next.keyColumn! && onlyOpenersAt(lines, line)) {
      return {
        line: line.number,
        column: line.keyColumn! + 1,
        path: keyPathAtLine(lines, line.number, next.keyColumn),
        message: `${quote(line.key)} is indented less than the keys around it (${quote(above.key)} on line ${above.number}, ${quote(next.key)} on line ${next.number}): indent it like them (${spaces(next.keyColumn!)}); ${LAYOUT_RULE}`,
      };
    }
    return {
      line: next.number,
      column: next.keyColumn! + 1,
      path: keyPathAtLine(lines, next.number, line.keyColumn),
      message: `${quote(next.key)} is indented more than ${quote(line.key)} on line ${line.number}, which already has a value: line it up with ${quote(line.key)} (${spaces(line.keyColumn!)}); ${LAYOUT_RULE}`,
    };
  }
  return {
    line: next.number,
    column: next.keyColumn! + next.text.slice(next.keyColumn).indexOf(':') + 1,
    path: keyPathAtLine(lines, line.number),
    message: `the text of ${quote(line.key)} (line ${line.number}) continues here, and a colon followed by a space reads as a new key: put the whole text in double quotes, or write it as a folded block (${line.key}: >- with the text on the lines below)`,
  };
}

/**
 * Whether every key at `line`'s column in its mapping, above it, opens a mapping of its own (`net_cash:`, as metric
 * ids do): then a key with a value there is the odd one out. Where those keys have values (`qualifier: approx` among
 * `label:` and `value:`), the line is where it belongs and the one after it is out of line.
 */
function onlyOpenersAt(lines: readonly string[], line: Line): boolean {
  let seen = false;
  for (let n = line.number - 1; n >= 1; n--) {
    const other = readLine(lines, n);
    if (!isContent(other)) continue;
    const column = other.dashes.length > 0 ? other.dashes[0]! : other.keyColumn ?? other.indent;
    if (column < line.keyColumn!) break;
    if (other.dashes.length > 0 && other.dashes[0]! <= line.keyColumn!) return false;
    if (other.keyColumn !== line.keyColumn) continue;
    if (other.value !== '') return false;
    seen = true;
  }
  return seen;
}

/**
 * `cloud_revenue:` then `   label: ...` (3 or 5 spaces) then `    unit:`, `    scale:` (4): the first key of a mapping is the
 * one out of line, not the keys after it, when at least two of them line up with each other two spaces in (or the
 * first key is not), and no key after them comes back to the first one's column.
 */
function firstKeyOutOfLine(lines: readonly string[], line: Line, next: Line): Explained | undefined {
  const parent = previousContentLine(lines, line.number);
  if (!parent || parent.key === undefined || parent.value !== '' || parent.keyColumn! >= line.keyColumn! || line.dashes.length > 0) return undefined;
  // Only where the keys after it are nested the usual two spaces in, or it is not: else they are the ones too deep.
  if (next.indent !== parent.keyColumn! + 2 && line.keyColumn === parent.keyColumn! + 2) return undefined;
  const after = nextContentLine(lines, next.number);
  if (!after || after.key === undefined || after.dashes.length > 0 || after.indent !== next.indent) return undefined;
  // A key after them back at this line's column says the mapping is this line's, and they are the ones too deep.
  let end = nextContentLine(lines, after.number);
  while (end && end.indent >= next.indent) end = nextContentLine(lines, end.number);
  if (end && end.indent === line.keyColumn) return undefined;
  return {
    line: line.number,
    column: line.keyColumn! + 1,
    path: keyPathAtLine(lines, line.number),
    message: `${quote(line.key!)} is indented ${spaces(line.keyColumn!)}, but the keys after it (${quote(next.key!)}, ${quote(after.key)}) ${spaces(next.indent)}: indent ${quote(line.key!)} like them; ${LAYOUT_RULE}`,
  };
}

/**
 * `bullets:` then `   - First` (3 spaces in) then `  - Second`, `  - Third` (2): the first item of a list is the one out
 * of line when at least two items after it line up with each other, two spaces in (or it is not).
 */
function firstItemOutOfLine(lines: readonly string[], first: Line, next: Line): Explained | undefined {
  const parent = previousContentLine(lines, first.number);
  if (!parent || parent.key === undefined || parent.value !== '' || parent.indent >= first.dashes[0]) return undefined;
  const [own, theirs] = [first.dashes[0], next.dashes[0]];
  const nested = parent.keyColumn! + 2;
  if (theirs !== nested && own === nested) return undefined;
  const after = nextContentLine(lines, next.number);
  if (!after || after.dashes[0] !== theirs) return undefined;
  return {
    line: first.number,
    column: own + 1,
    path: keyPathAtLine(lines, first.number),
    message: `this list item is indented ${spaces(own)}, but the items after it (lines ${next.number} and ${after.number}) ${spaces(theirs)}: line its "-" up with theirs; ${LAYOUT_RULE}`,
  };
}

/** `- item` at the column of a key that already has a value. */
function listAmongKeys(lines: readonly string[], line: Line): Explained | undefined {
  const column = line.dashes[0];
  if (column === undefined) return undefined;
  const frames = framesBefore(lines, line.number);
  const sibling = frames.find((f) => f.kind === 'map' && f.column === column);
  if (!sibling || readLine(lines, sibling.line).value === '') return undefined;
  const list = frames.filter((f) => f.kind === 'list').at(-1);
  const fix = list ? `line it up with the "-" on line ${list.line} (${spaces(list.column)})` : 'put the list under the key it belongs to, indented by two more spaces';
  return {
    line: line.number,
    column: column + 1,
    path: list ? keyPathAtLine(lines, line.number, list.column) : keyPathAtLine(lines, sibling.line),
    message: `this list item lines up with ${quote(sibling.key)} on line ${sibling.line}, which already has a value: ${fix}`,
  };
}

/** A line that writes no `key: value`: a missing colon, or text that lost its indentation. */
function notAKey(lines: readonly string[], line: Line): Explained | undefined {
  if (line.key !== undefined || line.dashes.length > 0) return undefined;
  const noSpace = /^([A-Za-z_][\w-]*):(\S.*)$/.exec(line.text.trim());
  if (noSpace) {
    // The value is not repeated: in a file that is not a canvas at all (an .env, a credentials file) it may be a secret.
    return { line: line.number, column: line.indent + noSpace[1].length + 2, message: `put a space after the colon of "${noSpace[1]}:"` };
  }
  // `-item` among `- item` lines: the dash needs a space after it to start a list item.
  if (/^-[^\s-]/.test(line.text.trim()) && isListItemAt(lines, line)) {
    return { line: line.number, column: line.indent + 2, message: 'put a space after the "-" that starts this list item: without one, YAML reads the line as text, not as an item (- item)' };
  }
  const text = textAbove(lines, line);
  if (text) {
    return {
      line: line.number,
      column: line.indent + 1,
      path: keyPathAtLine(lines, text.owner.number),
      message: `this line is not indented like the text of ${quote(text.owner.key)} (line ${text.owner.number}) above it: to continue that text, indent it ${spaces(text.indent)}; to start a new key, write key: value`,
    };
  }
  return { line: line.number, column: line.indent + 1, message: 'this line has no colon: write a key, a colon and a space, then the value (key: value)' };
}

/** Whether the nearest line above or below `line` is a list item whose "-" lines up with its start. */
function isListItemAt(lines: readonly string[], line: Line): boolean {
  return [previousContentLine(lines, line.number), nextContentLine(lines, line.number)].some((l) => l?.dashes[0] === line.indent);
}

/**
 * The text (a `|`/`>` block, or a value continued on indented lines) that runs down to just
 * above `line` but which `line`, indented less, cannot continue; with the indentation it needs.
 */
function textAbove(lines: readonly string[], line: Line): { owner: Line; indent: number } | undefined {
  let textIndent: number | undefined;
  for (let above = previousContentLine(lines, line.number); above; above = previousContentLine(lines, above.number)) {
    if (above.key === undefined && above.dashes.length === 0) {
      textIndent = above.indent; // a line of text; the topmost one sets the indentation
      continue;
    }
    if (above.key === undefined || above.value === '') return undefined;
    const indent = textIndent ?? above.keyColumn! + 2;
    return line.indent < indent ? { owner: above, indent } : undefined;
  }
  return undefined;
}

function checkIndentation(lines: readonly string[], line: Line): Explained {
  const above = previousContentLine(lines, line.number);
  const which = above ? `this line and the one above (line ${above.number})` : 'this line';
  return { line: line.number, column: line.indent + 1, message: `check the indentation of ${which}: ${LAYOUT_RULE}` };
}

/** `: title: "Cloud: the next decade"`, for values short enough to show whole. */
function quotedExample(line: Line): string {
  const value = line.value.replace(/\s+#.*$/, '');
  if (value.length > 60) return '';
  const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `: ${line.key !== undefined ? `${line.key}: ` : '- '}${quoted}`;
}

function frameName(f: Frame): string {
  return f.kind === 'list' ? 'the "-"' : `${quote(f.key)}`;
}

function spaces(n: number): string {
  return n === 0 ? 'no spaces' : n === 1 ? '1 space' : `${n} spaces`;
}

function positionOf(source: SyntaxSource, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

/** The library's own wording, for the rare errors without a hint of ours: first line, no position. */
function libraryMessage(error: YAMLError): string {
  const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  // The reader ran out of stack: thousands of brackets opened inside one another.
  if (/maximum call stack/i.test(message)) return 'lists or mappings are nested too deeply here to be read (a canvas needs a few levels): look for brackets opened and never closed, or remove the extra levels';
  return message;
}

interface CstToken {
  type: string;
  offset: number;
  source?: string;
  start?: { offset: number; source: string };
  end?: Array<{ source: string }>;
}

/** Every token of the file's concrete syntax tree, which keeps unclosed quotes and brackets as written. */
function cstTokens(text: string): CstToken[] {
  const found: CstToken[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (typeof (node as CstToken).type === 'string') found.push(node as CstToken);
      Object.values(node).forEach((v) => { if (v && typeof v === 'object') walk(v); });
    }
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found;
}

/** Closed when the quotes that are not escapes pair up: `\"` inside double quotes, `''` inside single ones. */
function quoteClosed(source: string): boolean {
  if (source.startsWith("'")) return source.length >= 2 && (source.match(/'/g) ?? []).length % 2 === 0;
  return source.length >= 2 && source.endsWith('"') && /(^|[^\\])(\\\\)*"$/.test(source.slice(1));
}

function flowClosed(token: CstToken): boolean {
  const close = token.start?.source === '{' ? '}' : ']';
  return (token.end ?? []).some((t) => t.source === close);
}
