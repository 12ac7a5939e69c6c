/** Key paths (where a value sits in the canvas) and how messages write them. */

import { shortened } from '../errors.ts';

export type KeyPath = ReadonlyArray<string | number>;
export interface Position { line: number; column: number }

/** A key path as written in YAML terms: metrics.cloud_revenue.value, blocks.channels.sections[2].title. */
export function pathText(path: KeyPath): string {
  if (path.length === 0) return '(top level)';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? shortened(s) : `.${shortened(s)}`)).join('');
}
