/** Key paths (where a value sits in the canvas) and how messages write them. */

import { shortened } from '../errors.ts';

export type KeyPath = ReadonlyArray<string | number>;
export interface Position { line: number; column: number }

/** A key path as written in YAML terms: metrics.cloud_revenue.value, blocks.channels.sections[2].title. */
export function pathText(path: KeyPath): string {
  if (path.length === 0) return '(top level)';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? shortened(s) : `.${shortened(s)}`)).join('');
}

/** Whether two key paths name the same place in the canvas. */
export function samePath(a: KeyPath, b: KeyPath): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** Every string of parsed data (keys aside), with its key path. */
export function stringsIn(value: unknown, path: KeyPath = []): Array<{ text: string; path: KeyPath }> {
  if (typeof value === 'string') return [{ text: value, path }];
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => stringsIn(v, [...path, k]));
}

/** The value at `path` in plain data; undefined where the path leads nowhere. */
export function valueAt(data: unknown, path: KeyPath): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
