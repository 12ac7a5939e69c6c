/** Turns zod's issues into problems a canvas maintainer can act on: expected vs found, and spelling hints. */
import type { z } from 'zod';
import type { KeyPath } from '../load/load-canvas.ts';
import { allowedKeysAt } from './allowed-keys.ts';

export interface Problem {
  path: KeyPath;
  message: string;
  /** Point at the key itself rather than its value (unknown keys). */
  atKey?: boolean;
}

type Issue = z.core.$ZodIssue;

/** Explains zod issues against the data they were raised on. */
export function explainIssues(issues: readonly Issue[], data: unknown, base: KeyPath = []): Problem[] {
  return issues.flatMap((issue) => explainIssue(issue, data, [...base, ...(issue.path as KeyPath)]));
}

function explainIssue(issue: Issue, data: unknown, path: KeyPath): Problem[] {
  const found = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return [{ path, message: `missing: expected ${article(issue.expected)}` }];
      return [{ path, message: `expected ${article(issue.expected)}, found ${describe(found)}` }];
    case 'invalid_value':
      return [{ path, message: `expected one of ${issue.values.map(String).join(', ')}; found ${describe(found)}` }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const allowed = allowedKeysAt(path);
        const near = allowed.filter((k) => similar(k, key));
        const hint = near.length > 0 ? `; did you mean ${near.map((k) => `"${k}"`).join(' or ')}?` : '';
        const list = allowed.length > 0 ? ` Allowed here: ${allowed.join(', ')}.` : '';
        return { path: [...path, key], atKey: true, message: `unknown key "${key}"${hint || '.'}${list}` };
      });
    case 'invalid_union':
      return explainUnion(issue, data, path);
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string') return [{ path, message: `${issue.message}; found ${describe(found)}` }];
      return [{ path, message: `expected at least ${issue.minimum}; found ${describe(found)}` }];
    case 'too_big':
      return [{ path, message: `expected at most ${issue.maximum}; found ${describe(found)}` }];
    default:
      return [{ path, message: found === undefined ? issue.message : `${issue.message}; found ${describe(found)}` }];
  }
}

/**
 * A union fails when no alternative fits. Report the alternative the author evidently
 * meant (the one whose key they wrote); if none, list the alternatives.
 */
function explainUnion(issue: Extract<Issue, { code: 'invalid_union' }>, data: unknown, path: KeyPath): Problem[] {
  const found = valueAt(data, path);
  const branches = issue.errors.map((errs) => ({
    errs,
    missingKey: errs.some((e) => e.code === 'invalid_type' && e.path.length === 1 && valueAt(found, e.path as KeyPath) === undefined),
    typeMismatch: errs.some((e) => e.code === 'invalid_type' && e.path.length === 0),
  }));
  const meant = branches.filter((b) => !b.missingKey && !b.typeMismatch);
  if (meant.length > 0) {
    const best = meant.reduce((a, b) => (b.errs.length < a.errs.length ? b : a));
    return explainIssues(best.errs, data, path);
  }
  const keys = branches.flatMap((b) => b.errs.filter((e) => e.code === 'invalid_type' && e.path.length === 1).map((e) => String(e.path[0])));
  const kinds = [...new Set(branches.flatMap((b) => b.errs.filter((e) => e.code === 'invalid_type' && e.path.length === 0).map((e) => (e as { expected: string }).expected)))];
  const options = [...kinds.map(article), ...[...new Set(keys)].map((k) => `{${k}: ...}`)];
  const written = found && typeof found === 'object' && !Array.isArray(found) ? Object.keys(found) : [];
  const near = written.flatMap((w) => [...new Set(keys)].filter((k) => similar(k, w)).map((k) => `"${w}": did you mean "${k}"?`));
  const hint = near.length > 0 ? `${near.join(' ')} ` : '';
  return [{ path, message: `${hint}expected one of ${options.join(', ')}; found ${describe(found)}` }];
}

function valueAt(data: unknown, path: KeyPath): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function article(type: string): string {
  const words: Record<string, string> = { object: 'a mapping (key: value lines)', array: 'a list (- items)', string: 'text', number: 'a number', boolean: 'true or false' };
  return words[type] ?? type;
}

/** How a found value reads in a message: quoted text, numbers as written, lists and mappings summarised. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return `a mapping with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}`;
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

function similar(a: string, b: string): boolean {
  if (a === b) return false;
  const d = editDistance(a.toLowerCase(), b.toLowerCase());
  return d <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 3)) || a.includes(b) || b.includes(a);
}

/** Edit distance counting a swap of neighbours as one edit (optimal string alignment), since typos often swap letters. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
