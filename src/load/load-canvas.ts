/**
 * load/: a canvas YAML file -> a plain document that remembers where each value was
 * written, so later stages can report file:line:column for any key path.
 */
import { basename, extname } from 'node:path';
import { LineCounter, parseDocument, visit, isMap, isNode, isPair, isScalar, isSeq, YAMLParseError, type Document, type Node, type Scalar, type YAMLError, type YAMLMap } from 'yaml';
import { BriefingError, EXIT, oneLine, quote } from '../errors.ts';
import type { KeyPath, Position } from '../canvas/key-path.ts';
import type { WrittenNumber } from '../validate/schema.ts';
import { MAX_DECIMALS, POINT_OR_THOUSANDS } from '../canvas/numbers.ts';
import { syntaxFailure, where, type SyntaxSource } from './yaml-syntax.ts';
import { keyPathAtLine } from './layout.ts';
import { decodeCanvas, readCanvasFile } from './read-canvas-file.ts';

export interface LoadedCanvas {
  /** The path as the user gave it. */
  file: string;
  /** The file name without extension: output PDFs are named after it. */
  stem: string;
  /** The parsed YAML as plain data. */
  data: unknown;
  /** Where the value (or, with `key: true`, the key) at a path was written; the nearest written ancestor when the path is missing. */
  locate(path: KeyPath, options?: { key?: boolean }): Position;
  /**
   * Where the `nth` (0-based) occurrence of `needle` is written inside the value at a path,
   * e.g. one [[reference]] in a long paragraph; the value's own position when it is not found.
   */
  locateText(path: KeyPath, needle: string, nth?: number): Position;
  /** The key written just before the one at `path` in the same mapping (plain data forgets the order). */
  keyBefore(path: KeyPath): string | undefined;
  /**
   * Where the canvas writes, unquoted, a number such as 1.200 or 12.500 (canvas/numbers.ts POINT_OR_THOUSANDS) as a
   * metric's value (decimals not set by the canvas) or in a table's row: YAML reads a decimal point, where a writer of
   * a language that groups thousands with a point may mean a thousand times it (validate/point-numbers.ts says so).
   */
  pointNumbers: KeyPath[];
}

/**
 * Reads and parses one canvas file (or another YAML file of the project, named by `what`: the config);
 * YAML syntax errors become a BriefingError with file:line:column.
 */
export async function loadCanvas(file: string, what = 'canvas', maxBytes?: number): Promise<LoadedCanvas> {
  return parseCanvas(decodeCanvas(await readCanvasFile(file, what, maxBytes), file), file, what);
}

/** Parses canvas YAML text that came from `file` (used by loadCanvas and by tests). */
export function parseCanvas(text: string, file: string, what = 'canvas'): LoadedCanvas {
  const lineCounter = new LineCounter();
  // uniqueKeys off: the library compares each key with every other (40,000 keys took 16 s); duplicateKeys does it in one pass.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  const source: SyntaxSource = { file, text, lines: text.split(/\r?\n/), lineCounter, doc, what };
  const errors = syntaxErrors(doc);
  if (errors.length > 0) throw syntaxFailure(errors, source);
  const written = numberProblem(source) ?? keyProblem(source) ?? continuedItemProblem(source) ?? cutByCommentProblem(source);
  if (written) throw written;
  keepWrittenKeys(source);
  const pointNumbers = what === 'canvas' ? keepWrittenDecimals(source) : [];
  if (what === 'canvas') {
    foldChineseAndJapanese(source);
  }
  const data = toData(source);
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const occurrences = new Map<string, number[]>();
  return {
    file,
    stem: basename(file, extname(file)),
    data,
    pointNumbers,
    locate(path, options) {
      return at(findWritten(doc, path, options?.key)?.offset ?? 0);
    },
    locateText(path, needle, nth = 0) {
      const written = findWritten(doc, path);
      const range = written?.complete ? (written.node as Node | undefined)?.range : undefined;
      if (!range) return at(written?.offset ?? 0);
      // Where the needle is written in the value, each occurrence found once: a paragraph of thousands of references
      // with a finding at each is read once, not once for each.
      const key = `${range[0]}\0${needle}`;
      let found = occurrences.get(key);
      if (found === undefined) occurrences.set(key, (found = indicesOf(text.slice(range[0], range[1]), needle)));
      const index = found[nth];
      return at(index === undefined ? range[0] : range[0] + index);
    },
    keyBefore(path) {
      const parent = findWritten(doc, path.slice(0, -1));
      const items = parent?.complete ? (parent.node as { items?: unknown[] } | undefined)?.items : undefined;
      const keys = (items ?? []).filter(isPair).map((p) => String((p.key as { value?: unknown } | null)?.value));
      const i = keys.indexOf(String(path.at(-1)));
      return i > 0 ? keys[i - 1] : undefined;
    },
  };
}

/**
 * The parser's errors, plus unknown `!tags`: the parser only warns about those, but the
 * value after one (`note: !important`) is silently lost.
 */
function syntaxErrors(doc: Document): YAMLError[] {
  return [...doc.errors, ...duplicateKeys(doc), ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
}

/** A key given twice in one mapping, as the parser would report it with uniqueKeys on: in linear time. */
function duplicateKeys(doc: Document): YAMLError[] {
  const errors: YAMLError[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const item of map.items) {
        if (!isScalar(item.key) || !item.key.range) continue;
        const name = String(item.key.value);
        if (seen.has(name)) errors.push(new YAMLParseError([item.key.range[0], item.key.range[1]], 'DUPLICATE_KEY', `Map keys must be unique: ${name}`));
        seen.add(name);
      }
    },
  });
  return errors;
}

/** The document as plain data; a `*name` with no `&name` anchor is a syntax error, not a crash. */
function toData(source: SyntaxSource): unknown {
  let data: unknown;
  try {
    data = source.doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    const alias = firstUnresolvedAlias(source.doc);
    if (!alias) throw new BriefingError(`${source.file}: YAML syntax: the file repeats *name references too often to be read; write the values out`, EXIT.invalidData, { cause });
    const { line, col } = source.lineCounter.linePos(alias.offset);
    const message = `a value that starts with * refers to a value marked &${alias.name} elsewhere, and there is none: to write text that starts with *, put the whole value in double quotes`;
    throw new BriefingError(`${where(source, { line, column: col })}YAML syntax: ${message}`, EXIT.invalidData, { cause });
  }
  // *name repeats a value without writing it again: a small file can expand to a huge one.
  if (source.text.includes('*')) {
    const expanded = JSON.stringify(data)?.length ?? 0;
    if (expanded > MAX_EXPANDED_CHARS && expanded > 4 * source.text.length) {
      throw new BriefingError(
        `${source.file}: its *name references repeat values until the canvas holds ${Math.round(expanded / 1e6)} million characters (the file has ${Math.round(source.text.length / 1e3)} thousand), so no briefing can be made from it. Write repeated text once and refer to it with [[...]] or shorter anchors`,
        EXIT.invalidData,
      );
    }
  }
  return data;
}

/**
 * A key of digits with a leading zero keeps them: no canvas key is a number, so such a key is a mistake to explain, and
 * the digits are what explains it. `{ value: 9,076 }` in flow style is the value 9 and a key "076", the digits after a
 * decimal comma, which YAML reads as the number 76: the error then said "write 9.76" for 9.076 (explain-issues.ts).
 */
function keepWrittenKeys(source: SyntaxSource): void {
  visit(source.doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (!isScalar(key) || typeof key.value !== 'number' || key.type !== 'PLAIN' || !key.range) return;
      const text = source.text.slice(key.range[0], key.range[1]).trim();
      if (/^0\d+$/.test(text)) key.value = text;
    },
  });
}

/**
 * Numbers written with trailing zeros (18.0, 2.50) keep them: YAML reads 18.0 as 18, and the briefing
 * would print "18". Under metrics:, a `value`, or a change's `percent` and `points`, written so gives its
 * mapping the `decimals` it shows, unless the canvas sets them (for a series value, on the metric too),
 * and a change's two figures ask for the same; a number in a table's row becomes `{ value, decimals }`, the
 * number with the decimals it is written with (a text in quotes stays text: its writer typed its notation), which
 * tables print as a figure in the briefing's language (model/tables.ts): 100.0 is "100,0" in German. A number
 * written as 1.200 or 12.500 (a row's, or a metric's value) may be, to a German writer, 1200 or 12500: it is read as
 * YAML reads it, as a metric's value is, and where it is, returned, for check to ask which. Done on the parsed document, before it becomes plain data; every position stays where it was written.
 * Returns where a number so written is (LoadedCanvas.pointNumbers).
 */
function keepWrittenDecimals(source: SyntaxSource): KeyPath[] {
  const figures = new Map<YAMLMap, Array<{ written: number; natural: number }>>();
  const asWritten: Array<[Scalar, number]> = [];
  const pointNumbers: KeyPath[] = [];
  visit(source.doc, {
    Scalar(_, node, path) {
      if (typeof node.value !== 'number' || !Number.isFinite(node.value) || !node.range || node.type !== 'PLAIN') return;
      const text = source.text.slice(node.range[0], node.range[1]).trim();
      if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return;
      const written = /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
      const natural = /\.(\d+)$/.exec(String(node.value))?.[1]?.length ?? 0;
      const [grand, parent, pair] = path.slice(-3);
      const underMetrics = isPair(path[2]) && String((path[2].key as Scalar | null)?.value) === 'metrics';
      if (underMetrics && isPair(pair) && isMap(parent) && ['value', 'percent', 'points'].includes(String((pair.key as Scalar | null)?.value))) {
        // decimals set on the mapping, or (for a value) on any mapping around it: the canvas's own choice. Not the metric's
        // for its equivalent's value: an equivalent prints with decimals of its own ("21.0" is US$21.0 billion whatever the metric's).
        const inEquivalent = isPair(grand) && String((grand.key as Scalar | null)?.value) === 'equivalent';
        const chosen = path.some((p, i) => i > 3 && isMap(p) && p.has('decimals') && (p === parent || (String((pair.key as Scalar).value) === 'value' && !inEquivalent)));
        if (!chosen) figures.set(parent, [...(figures.get(parent) ?? []), { written, natural }]);
        if (!chosen && String((pair.key as Scalar).value) === 'value' && POINT_OR_THOUSANDS.test(text)) pointNumbers.push(keyPathOf([...path, node]));
      } else if (isSeq(pair) && isSeq(parent) && isPair(grand) && String((grand.key as Scalar | null)?.value) === 'rows') {
        if (POINT_OR_THOUSANDS.test(text)) pointNumbers.push(keyPathOf([...path, node]));
        if (written > natural && written <= MAX_DECIMALS) asWritten.push([node, written]);
      }
    },
  });
  for (const [map, numbers] of figures) {
    const places = new Set(numbers.map((n) => n.written));
    if (places.size !== 1 || !numbers.some((n) => n.written > n.natural)) continue;
    const [decimals] = places;
    if (decimals! <= 6) map.set('decimals', decimals);
  }
  for (const [node, decimals] of asWritten) node.value = { value: node.value as number, decimals } satisfies WrittenNumber;
  return pointNumbers;
}

/** The key path of the last node of a visit's path (the document, its mappings, pairs and lists, down to the node). */
function keyPathOf(nodes: readonly unknown[]): KeyPath {
  return nodes.flatMap((n, i): KeyPath => (isSeq(n) ? [n.items.indexOf(nodes[i + 1] as never)] : isPair(n) ? [String((n.key as Scalar | null)?.value)] : []));
}

/** A character of Chinese or Japanese text, which sets no space between words: a han, a kana, CJK or full-width punctuation. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const CJK_ALL = new RegExp(CJK.source, 'gu');
/** A Korean letter: Korean sets spaces between words. */
const HANGUL = /\p{Script=Hangul}/u;

/**
 * Chinese and Japanese text folded over lines (a `>-` paragraph, or plain or quoted text over several lines): YAML joins
 * the lines with a space, as for English, which lands in a text that sets none ("営業利益は 1,204億円となった。 通期").
 * Where a line that ends in such a character was joined so to one that starts with one, the space goes; in such text
 * (more of its characters than Latin letters), also beside a digit or a Latin letter ("は 1,204億円"). Korean sets spaces
 * between words, English keeps its spaces ("in 深圳 and Shanghai"), and a space typed within a line stays as typed.
 */
function foldChineseAndJapanese(source: SyntaxSource): void {
  visit(source.doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !node.range || node.type === 'BLOCK_LITERAL' || !node.value.includes(' ')) return;
      // A quoted text's lines without its quote marks: a short last line's "1,204億円\"" would not be found in the value.
      const written = source.text.slice(node.range[0], node.range[1]);
      const lines = (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? written.slice(1, -1) : written).split(/\r?\n/);
      if (lines.length < 2) return;
      let value = node.value;
      let from = 0;
      // Beside a Latin letter or a digit, only in Chinese or Japanese text: "in 深圳 and Shanghai" keeps its spaces.
      // Korean sets spaces as English does: its letters count against, and a join beside one keeps its space ("알리바바는 杭州에").
      const cjkText = (value.match(CJK_ALL) ?? []).length > (value.match(/[A-Za-z\p{Script=Hangul}]/gu) ?? []).length;
      for (let i = 0; i + 1 < lines.length; i++) {
        const [before, after] = [lines[i]!.trimEnd().at(-1), lines[i + 1]!.trimStart()[0]];
        if (before === undefined || after === undefined || HANGUL.test(before) || HANGUL.test(after)) continue;
        if (!(CJK.test(before) && CJK.test(after)) && !(cjkText && (CJK.test(before) || CJK.test(after)))) continue;
        // The join, found in order from the last one: the space between the line's end and the next's start, found by a few
        // characters either side (a space typed within the line between the same two characters is not it), or by the two
        // alone where the line's text is not so in the value (a quote mark, an escape).
        const [tail, head] = [[...lines[i]!.trim()].slice(-8).join(''), [...lines[i + 1]!.trimStart()].slice(0, 8).join('')];
        const long = value.indexOf(`${tail} ${head}`, from);
        const at = long !== -1 ? long + tail.length - before.length : value.indexOf(`${before} ${after}`, from);
        if (at === -1) continue;
        value = value.slice(0, at + before.length) + value.slice(at + before.length + 1);
        from = at + before.length;
      }
      node.value = value;
    },
  });
}

/**
 * A number written so that its value is not what a reader sees, refused where it is written: the
 * %YAML 1.1 directive (under which 0100 is 64 and 19:01 is 1141), hexadecimal and octal (0x1F, 0o17),
 * and more significant digits than a number holds exactly (9007199254740993 would print ...992).
 */
function numberProblem(source: SyntaxSource): BriefingError | undefined {
  const directive = /^%YAML\s+1\.[01]\b.*$/m.exec(source.text);
  if (directive) {
    const { line } = source.lineCounter.linePos(directive.index);
    return new BriefingError(`${where(source, { line, column: 1, path: [] })}YAML syntax: ${oneLine(directive[0]).slice(0, 20)}: a canvas is YAML 1.2, where numbers read as written (under 1.1, 0100 is 64 and 19:01 is 1141): remove this line`, EXIT.invalidData);
  }
  let problem: BriefingError | undefined;
  visit(source.doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'number' || !node.range) return undefined;
      const written = source.text.slice(node.range[0], node.range[1]).trim().replace(/^(["'])(.*)\1$/s, '$2'); // quoted under a !!int tag too
      const digits = significant(written);
      const why = /^[-+]?0[xXoObB]/.test(written)
        ? `${written} is written in base ${/^[-+]?0[xX]/.test(written) ? 16 : /^[-+]?0[bB]/.test(written) ? 2 : 8}, which a reader takes for another number: write it in decimal (${String(node.value)})`
        : Number.isFinite(node.value) && digits.length > 15 && digits !== significant(String(node.value))
          ? `${written.length > 40 ? `${written.slice(0, 37)}...` : written} has more significant digits than a number holds exactly (15): it would print as ${String(node.value)}. Write at most 15 significant digits, with scale: (thousand, million, billion, trillion) for a large amount`
          : undefined;
      if (why === undefined) return undefined;
      const { line, col } = source.lineCounter.linePos(node.range[0]);
      problem = new BriefingError(`${where(source, { line, column: col })}${why}`, EXIT.invalidData);
      return visit.BREAK;
    },
  });
  return problem;
}

/** A key that is a list or mapping (`? [a, b]`), or text over several lines: no canvas key is, and the YAML reader would turn it into text of its own making. */
function keyProblem(source: SyntaxSource): BriefingError | undefined {
  let problem: BriefingError | undefined;
  visit(source.doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const complex = key !== null && isNode(key) && !isScalar(key);
      const multiline = isScalar(key) && typeof key.value === 'string' && /[\r\n]/.test(key.value);
      if (!complex && !multiline) return undefined;
      const { line, col } = source.lineCounter.linePos(key?.range?.[0] ?? 0);
      problem = new BriefingError(`${where(source, { line, column: col })}YAML syntax: this key is ${complex ? 'a list or mapping' : 'text over several lines'}; a key is one word such as revenue_q3 (ids: lower-case letters, digits and underscores)`, EXIT.invalidData);
      return visit.BREAK;
    },
  });
  return problem;
}

/**
 * `- Contracted share of output.` then `   - Merchant exposure.` one space deeper: valid YAML, but the second line is more
 * text of the first item (a plain text goes on over lines indented more), and the PDF would print one bullet,
 * "… output. - Merchant exposure.". No canvas text continues with a line starting "- ": refused at that line.
 */
function continuedItemProblem(source: SyntaxSource): BriefingError | undefined {
  let problem: BriefingError | undefined;
  visit(source.doc, {
    Scalar(_, node) {
      if (node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range) return undefined;
      const written = source.text.slice(node.range[0], node.range[1]);
      const next = /\n([ \t]*)-(?:[ \t]|$)/.exec(written);
      if (!next) return undefined;
      const start = source.lineCounter.linePos(node.range[0]);
      if (/^-[^\s-]/.test(written)) {
        // `bullets:` then `-Contracted share…` and `- Merchant exposure…`: the first item lost the space after its "-",
        // so it and the items below it read as one text.
        problem = new BriefingError(
          `${where(source, { line: start.line, column: start.col + 1 })}YAML syntax: put a space after the "-" that starts this list item: without one, YAML reads it and the "- " lines below it as one text, not as a list (- item)`,
          EXIT.invalidData,
        );
        return visit.BREAK;
      }
      const { line } = source.lineCounter.linePos(node.range[0] + next.index + 1);
      const above = source.lines[start.line - 1] ?? '';
      const dash = /^(\s*)-\s/.exec(above);
      const fix = dash
        ? `line its "-" up with the one on line ${start.line} (${dash[1].length} spaces) to make it an item of its own`
        : `line it up with the items it belongs with, or put the text of line ${start.line} in double quotes if the "-" is part of it`;
      problem = new BriefingError(
        `${where(source, { line, column: next[1].length + 1, path: keyPathAtLine(source.lines, start.line) })}YAML syntax: this "- " line is indented more than line ${start.line}, so it reads as more of line ${start.line}'s text, not as a list item (the PDF would run the two together): ${fix}`,
        EXIT.invalidData,
      );
      return visit.BREAK;
    },
  });
  return problem;
}

/**
 * `- Nordwind is the #1 wind operator in Norway.`: valid YAML, but " #" starts a comment, and the text stops at "the";
 * the briefing would print "Nordwind is the" and say nothing. A comment so written, its "#" right before a word or a
 * digit, is taken for text cut short and refused at the "#"; a comment with a space after its "#" is left alone.
 */
function cutByCommentProblem(source: SyntaxSource): BriefingError | undefined {
  let problem: BriefingError | undefined;
  visit(source.doc, {
    // `ticker: #NWE`: the whole value is a comment, and the key is left empty.
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!isScalar(key) || !key.range || (value !== null && !(isScalar(value) && value.value === null))) return undefined;
      const after = /^[ \t]*:[ \t]+(#[\p{L}\p{N}][^\r\n]*)/u.exec(restOfLine(source, key.range[1]));
      if (!after) return undefined;
      const { line, col } = source.lineCounter.linePos(key.range[1] + after[0].length - after[1].length);
      problem = new BriefingError(
        `${where(source, { line, column: col, path: keyPathAtLine(source.lines, line) })}YAML syntax: " #" starts a comment, so ${quote(after[1].trim())} is read as one and ${quote(String(key.value))} is left empty: put the value in double quotes to keep it, or put a space after the "#" if it is a comment`,
        EXIT.invalidData,
      );
      return visit.BREAK;
    },
    Scalar(_, node) {
      if (node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range) return undefined;
      const end = node.range[1];
      const rest = restOfLine(source, end);
      const cut = /^[ \t]+#(?=[\p{L}\p{N}])/u.exec(rest);
      if (!cut) return undefined;
      const { line, col } = source.lineCounter.linePos(end + cut[0].length - 1);
      const lost = rest.slice(cut[0].length - 1).trim();
      problem = new BriefingError(
        `${where(source, { line, column: col, path: keyPathAtLine(source.lines, line) })}YAML syntax: " #" starts a comment, so this text stops before ${quote(lost.length > 40 ? `${lost.slice(0, 40)}…` : lost)} and the briefing would print ${quote(node.value)}: put the whole text in double quotes to keep it, or put a space after the "#" if it is a comment`,
        EXIT.invalidData,
      );
      return visit.BREAK;
    },
  });
  return problem;
}

/** The text of the file from `offset` to the end of its line. */
function restOfLine(source: SyntaxSource, offset: number): string {
  const lineEnd = source.text.indexOf('\n', offset);
  return source.text.slice(offset, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
}

/** The significant digits of a number as written: sign, point, exponent and leading or trailing zeros aside. */
function significant(written: string): string {
  return written.replace(/^[-+]/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
}

/** How large a canvas may grow through *name references (when that is also over 4 times the file itself). */
const MAX_EXPANDED_CHARS = 8_000_000;

function firstUnresolvedAlias(doc: Document): { name: string; offset: number } | undefined {
  let found: { name: string; offset: number } | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) !== undefined) return undefined;
      found = { name: alias.source, offset: alias.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  return found;
}

interface Written {
  /** The node at the path, or at the nearest written ancestor. */
  node: unknown;
  /** Where the value (or key) was written. */
  offset: number;
  /** False when the path goes deeper than what was written. */
  complete: boolean;
}

/** Follows a key path through the YAML document, remembering the last position written on the way. */
function findWritten(doc: Document, path: KeyPath, atKey = false): Written | undefined {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const [i, segment] of path.entries()) {
    if (!node || typeof node !== 'object' || !('items' in node)) return { node, offset, complete: false };
    const items = (node as { items: unknown[] }).items;
    const item = typeof segment === 'number'
      ? items[segment]
      : items.find((it) => isPair(it) && isNode(it.key) && String((it.key as { value?: unknown }).value) === segment);
    if (item === undefined) return { node, offset, complete: false };
    const isLast = i === path.length - 1;
    if (isPair(item)) {
      const keyRange = (item.key as Node | undefined)?.range;
      if (keyRange) offset = keyRange[0];
      if (isLast && atKey) return { node: item.value, offset, complete: true };
      node = item.value;
    } else {
      node = item;
    }
    const range = (node as Node | undefined)?.range;
    if (range) offset = range[0];
  }
  return { node, offset, complete: true };
}

/** Every index at which `needle` starts in `text`, in order. */
function indicesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(needle); index >= 0 && needle !== ''; index = text.indexOf(needle, index + 1)) found.push(index);
  return found;
}
