/**
 * load/: a canvas YAML file -> a plain document that remembers where each value was
 * written, so later stages can report file:line:column for any key path.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { LineCounter, parseDocument, isNode, isPair, type Node } from 'yaml';
import { BriefingError, EXIT } from '../errors.ts';

export type KeyPath = ReadonlyArray<string | number>;
export interface Position { line: number; column: number }

export interface LoadedCanvas {
  /** The path as the user gave it. */
  file: string;
  /** The file name without extension: output PDFs are named after it. */
  stem: string;
  /** The parsed YAML as plain data. */
  data: unknown;
  /** Where the value (or, with `key: true`, the key) at a path was written; the nearest written ancestor when the path is missing. */
  locate(path: KeyPath, options?: { key?: boolean }): Position;
}

/** Reads and parses one canvas file; YAML syntax errors become a BriefingError with file:line:column. */
export async function loadCanvas(file: string): Promise<LoadedCanvas> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : String((cause as Error).message);
    throw new BriefingError(`${file}: cannot read canvas: ${why}`, EXIT.usage, { cause });
  }
  return parseCanvas(text, file);
}

/** Parses canvas YAML text that came from `file` (used by loadCanvas and by tests). */
export function parseCanvas(text: string, file: string): LoadedCanvas {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const problems = [...doc.errors];
  if (problems.length > 0) {
    const lines = problems.slice(0, 10).map((e) => {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      return `${file}:${line}:${col}: YAML syntax: ${firstLine(e.message)}`;
    });
    throw new BriefingError(`${lines.join('\n')}\nFix the YAML syntax (indentation, quotes, a missing colon) and run again.`, EXIT.invalidData);
  }
  const data = doc.toJS({ maxAliasCount: 100 });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    file,
    stem: basename(file, extname(file)),
    data,
    locate(path, options) {
      let node: unknown = doc.contents;
      let found: Position = { line: 1, column: 1 };
      for (const [i, segment] of path.entries()) {
        if (!node || typeof node !== 'object' || !('items' in node)) break;
        const items = (node as { items: unknown[] }).items;
        const item = typeof segment === 'number'
          ? items[segment]
          : items.find((it) => isPair(it) && isNode(it.key) && String((it.key as { value?: unknown }).value) === segment);
        if (item === undefined) break;
        const isLast = i === path.length - 1;
        if (isPair(item)) {
          const keyNode = item.key as Node | undefined;
          if (keyNode?.range) found = at(keyNode.range[0]);
          if (isLast && options?.key) return found;
          node = item.value;
        } else {
          node = item;
        }
        const range = (node as Node | undefined)?.range;
        if (range && !(isPair(item) && options?.key)) found = at(range[0]);
      }
      return found;
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
