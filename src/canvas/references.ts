/** The [[metric_id]] / [[metric_id.part]] reference syntax used in narrative text; metric_id@YYYY-MM-DD names one value of a series. */

export const METRIC_PARTS = ['value', 'amount', 'equivalent', 'change', 'period', 'as_of', 'label', 'source', 'note'] as const;
export type MetricPart = (typeof METRIC_PARTS)[number];

export type TextPiece = { text: string } | { id: string; part: MetricPart };
type Reading = { id: string; part: MetricPart; error?: undefined } | { error: string; id?: undefined; part?: undefined };
/** A reference as written (`token`, e.g. "[[cloud_revenue.change]]"), read as id and part or with an error. */
export type Reference = Reading & { token: string };

const REF = /\[\[([^\]]*)\]\]/g;
const INNER = /^\s*([a-z][a-z0-9_]*(?:@\d{4}-\d{2}-\d{2})?)(?:\.([a-z_]+))?\s*$/;

/** Splits text into literal pieces and metric references, in order. */
export function splitReferences(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(REF)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) });
    const ref = readReference(match[1]);
    pieces.push(ref.error !== undefined ? { text: match[0] } : { id: ref.id, part: ref.part });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

/** Every reference in text, with a readable error for malformed ones. */
export function parseReferences(text: string): Reference[] {
  return [...text.matchAll(REF)].map((m) => ({ token: m[0], ...readReference(m[1]) }));
}

/** `text` with the metric id of every well-formed reference replaced by `rename(id)`; the rest stays as written. */
export function rewriteReferences(text: string, rename: (id: string) => string): string {
  return text.replace(REF, (token, inner: string) => {
    const ref = readReference(inner);
    if (ref.error !== undefined) return token;
    const id = rename(ref.id);
    return id === ref.id ? token : `[[${id}${ref.part === 'value' && !/\.\s*value\s*$/.test(inner) ? '' : `.${ref.part}`}]]`;
  });
}

function readReference(inner: string): Reading {
  const m = INNER.exec(inner);
  if (!m) return { error: `"[[${inner}]]" is not a metric reference: write [[metric_id]] or [[metric_id.part]] (metric_id@YYYY-MM-DD for one value of a metric with values)` };
  const part = (m[2] ?? 'value') as MetricPart;
  if (!METRIC_PARTS.includes(part)) return { error: `"[[${inner}]]": unknown part "${part}"; use one of ${METRIC_PARTS.join(', ')}` };
  return { id: m[1], part };
}
