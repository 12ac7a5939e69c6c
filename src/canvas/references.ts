/** The [[metric_id]] / [[metric_id.part]] reference syntax used in narrative text; metric_id@YYYY-MM-DD names one value of a series. */

import { quote } from '../errors.ts';

export const METRIC_PARTS = ['value', 'amount', 'size', 'equivalent', 'change', 'period', 'as_of', 'label', 'source', 'note'] as const;
export type MetricPart = (typeof METRIC_PARTS)[number];

export type TextPiece = { text: string } | { id: string; part: MetricPart };
type Reading = { id: string; part: MetricPart; error?: undefined } | { error: string; id?: undefined; part?: undefined };
/** A reference as written (`token`, e.g. "[[cloud_revenue.change]]", at `index` in its text), read as id and part or with an error. */
export type Reference = Reading & { token: string; index: number };

const INNER = /^\s*([a-z][a-z0-9_]*(?:@\d{4}-\d{2}-\d{2})?)(?:\.([a-z_]+))?\s*$/;

/** One `[[...]]` as written, where it starts; `unclosed` when its `[[` is never closed by `]]`. */
interface Token {
  index: number;
  token: string;
  inner: string;
  unclosed?: boolean;
}

/**
 * Every `[[...]]` of a text, in order, found in one pass (a regular expression that looks for the
 * closing `]]` from each `[[` takes quadratic time on text of many `[[`: minutes for a paragraph).
 * The inner text holds no `]`; a `[[` whose first `]` is not `]]` is unclosed.
 */
function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (let at = text.indexOf('[['); at !== -1; ) {
    const close = text.indexOf(']', at + 2);
    if (close === -1) {
      found.push({ index: at, token: /^\S*/.exec(text.slice(at, at + 200))![0], inner: '', unclosed: true });
      break;
    }
    if (text[close + 1] === ']') {
      found.push({ index: at, token: text.slice(at, close + 2), inner: text.slice(at + 2, close) });
      at = text.indexOf('[[', close + 2);
    } else {
      found.push({ index: at, token: text.slice(at, close + 1), inner: '', unclosed: true });
      at = text.indexOf('[[', close + 1);
    }
  }
  return found;
}

const unclosed = (token: string): Reading => ({ error: `${quote(token)} is not closed: write [[metric_id]] with two closing brackets (or, for brackets meant as text, leave out one of the two opening ones)` });

/** Splits text into literal pieces and metric references, in order. */
export function splitReferences(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const t of tokens(text)) {
    if (t.unclosed) continue; // check refuses it; as text it stays
    if (t.index > last) pieces.push({ text: text.slice(last, t.index) });
    const ref = readReference(t.inner);
    pieces.push(ref.error !== undefined ? { text: t.token } : { id: ref.id, part: ref.part });
    last = t.index + t.token.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

/**
 * A reference typed with full-width brackets, as a Japanese or Chinese input method types them ("［［op_income］］",
 * "［[op_income]］"): printed as typed, brackets and all, unless refused. Its brackets may be of either width.
 */
const FULL_WIDTH = /(?:［［|［\[|\[［)([^\]］\n]{0,100})(?:］］|］\]|\]］|\]\]|］)?/g;

/** Every reference in text, with a readable error for malformed and unclosed ones, and for one in full-width brackets. */
export function parseReferences(text: string): Reference[] {
  const refs: Reference[] = tokens(text).map((t) => ({ token: t.token, index: t.index, ...(t.unclosed ? unclosed(t.token) : readReference(t.inner)) }));
  if (!text.includes('［')) return refs;
  const wide: Reference[] = [];
  let next = 0; // the references before a match are passed once: linear in the text
  for (const m of text.matchAll(FULL_WIDTH)) {
    while (next < refs.length && refs[next]!.index + refs[next]!.token.length <= m.index) next++;
    // Within a reference of its own, reported there; or around one ("［[[turbines]]］": a reference in full-width brackets).
    if (next < refs.length && refs[next]!.index < m.index + m[0].length) continue;
    const inner = m[1]!.normalize('NFKC').trim();
    if (!/^[A-Za-z][\w@.-]*$/.test(inner)) continue; // no id inside ("［［注］］", "［[1]］"): text, not a reference mistyped
    const written = `[[${inner}]]`;
    wide.push({ token: m[0], index: m.index, error: `${quote(m[0])} is written with full-width brackets ［ ］, and would be printed as typed: write ${quote(written)}, with the brackets (and the id) in half-width characters` });
  }
  return [...refs, ...wide].sort((a, b) => a.index - b.index);
}

/** `text` with the metric id of every well-formed reference replaced by `rename(id)`; the rest stays as written. */
export function rewriteReferences(text: string, rename: (id: string) => string): string {
  let out = '';
  let last = 0;
  for (const t of tokens(text)) {
    const ref = t.unclosed ? undefined : readReference(t.inner);
    if (ref === undefined || ref.error !== undefined) continue;
    const id = rename(ref.id);
    if (id === ref.id) continue;
    out += `${text.slice(last, t.index)}[[${id}${ref.part === 'value' && !/\.\s*value\s*$/.test(t.inner) ? '' : `.${ref.part}`}]]`;
    last = t.index + t.token.length;
  }
  return out + text.slice(last);
}

function readReference(inner: string): Reading {
  const m = INNER.exec(inner);
  if (!m) return { error: `${quote(`[[${inner}]]`)} is not a metric reference: write [[metric_id]] or [[metric_id.part]] (metric_id@YYYY-MM-DD for one value of a metric with values)` };
  const part = (m[2] ?? 'value') as MetricPart;
  if (!METRIC_PARTS.includes(part)) return { error: `"[[${inner}]]": unknown part "${part}"; use one of ${METRIC_PARTS.join(', ')}` };
  return { id: m[1], part };
}
