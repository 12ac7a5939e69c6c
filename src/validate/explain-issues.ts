/** Turns zod's issues into problems a canvas maintainer can act on: expected vs found, and how to fix it. */
import type { z } from 'zod';
import type { LoadedCanvas } from '../load/load-canvas.ts';
import { pathText, valueAt, type KeyPath } from '../canvas/key-path.ts';
import { allowedKeysAt, expectsDateAt, objectFormsAt, objectKeysAt, textPatternAt, type JsonSchema } from './allowed-keys.ts';
import { didYouMean, nearest, similar } from '../did-you-mean.ts';
import { CJK_CURRENCY_SIGNS, CURRENCY_PREFIXES, currencyCodeFor } from '../canvas/currencies.ts';
import { asCanvasScale, CJK_SCALE_WORDS, cjkScale, foreignScale, formatNumber, INDIAN_SCALE_WORDS, movedScale, scaleName, scaleWordFactor, timesWords } from '../canvas/numbers.ts';
import { daysInMonth, writesMonthFirst } from '../canvas/dates.ts';
import { quote } from '../errors.ts';
import { listOf } from '../words.ts';

export interface Problem {
  path: KeyPath;
  message: string;
  /** Point at the key itself rather than its value (unknown keys). */
  atKey?: boolean;
  /** The key at `path` is not written: point at its parent's own key, where it goes (not at the parent's first key). */
  missing?: boolean;
  /** Point at this text inside the value (e.g. one [[reference]] in a paragraph), its `nth` occurrence (0-based). */
  needle?: string;
  nth?: number;
}

/**
 * The parsed document, the key order the file was written in (plain data forgets it), and the JSON
 * Schema it is held to when that is not the canvas's (the project config's).
 */
export type WrittenCanvas = Pick<LoadedCanvas, 'data'> & Partial<Pick<LoadedCanvas, 'keyBefore' | 'locate'>> & {
  schema?: JsonSchema;
  /** Where a union's alternative was chosen (explainUnion), by key path: the keys that alternative allows, not every form's. */
  chosenKeys?: ReadonlyMap<string, string[]>;
};

/** The keys allowed at `path`: those of the alternative chosen there, if one was, else of every form the schema allows. */
function keysAllowed(canvas: WrittenCanvas, path: KeyPath): string[] {
  return canvas.chosenKeys?.get(JSON.stringify(path)) ?? allowedKeysAt(path, canvas.schema);
}

type Issue = z.core.$ZodIssue;

/**
 * A document checked against a zod schema: the parsed data, or every problem explained. zod passes over
 * a `__proto__` key of a record without a word (it guards the prototype), so a metric or a list by that
 * name would vanish from the briefing: such a key is a problem here wherever the schema did not name it.
 */
export function parseDocumentData<T>(schema: z.ZodType<T>, canvas: WrittenCanvas): { data: T; problems: [] } | { data?: undefined; problems: Problem[] } {
  const parsed = schema.safeParse(canvas.data);
  const explained = parsed.success ? [] : withoutKnockOns(explainIssues(parsed.error.issues, canvas), parsed.error.issues, canvas);
  const said = new Set(explained.map((p) => JSON.stringify(p.path)));
  const dropped = prototypeKeys(canvas.data).filter((path) => !said.has(JSON.stringify(path)));
  const problems = [...explained, ...dropped.map((path): Problem => ({ path, atKey: true, message: '"__proto__" cannot be an id or key: rename it (an id is lower-case letters, digits and underscores, starting with a letter)' }))];
  return parsed.success && problems.length === 0 ? { data: parsed.data, problems: [] } : { problems };
}

/**
 * The problems without those a misspelt key causes: `unti: CNY` is an unknown key, and the metric then lacks its
 * unit. Where an unknown key has one likely meaning, the problem of that key missing (at its place, before it) goes:
 * the fix of the first is the fix of both.
 */
function withoutKnockOns(problems: Problem[], issues: readonly Issue[], canvas: WrittenCanvas): Problem[] {
  const meant = new Set(issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys') return [];
    const parent = issue.path as KeyPath;
    return issue.keys.flatMap((key) => {
      const likely = decimalCommaNumber(canvas, parent, key) ? [] : keysMeant(canvas, parent, key);
      return likely.length === 1 && valueAt(canvas.data, [...parent, likely[0]!]) === undefined ? [JSON.stringify([...parent, likely[0]!])] : [];
    });
  }));
  return problems.filter((p) => p.atKey || !meant.has(JSON.stringify(p.path)));
}

/** The key path of every own `__proto__` key in the data. */
function prototypeKeys(data: unknown, path: KeyPath = []): KeyPath[] {
  if (data === null || typeof data !== 'object') return [];
  const here: KeyPath[] = Object.hasOwn(data, '__proto__') ? [[...path, '__proto__']] : [];
  return [...here, ...Object.entries(data).flatMap(([key, value]) => prototypeKeys(value, [...path, Array.isArray(data) ? Number(key) : key]))];
}

/** Explains zod issues against the canvas they were raised on. */
export function explainIssues(issues: readonly Issue[], canvas: WrittenCanvas, base: KeyPath = []): Problem[] {
  return issues.flatMap((issue) => explainIssue(issue, canvas, [...base, ...(issue.path as KeyPath)]));
}

function explainIssue(issue: Issue, canvas: WrittenCanvas, path: KeyPath): Problem[] {
  const found = valueAt(canvas.data, path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined && typeof path.at(-1) === 'string') return [{ path, missing: true, message: missingKey(issue.expected, path, canvas.schema) }];
      return [{ path, message: `${wrongType(issue.expected, found, path, canvas.schema)}${indentedTooLittle(path, found, canvas)}` }];
    case 'invalid_format':
      return [{ path, message: badFormat(issue, found, canvas.data) }];
    case 'invalid_value':
      return [{ path, message: `expected one of ${issue.values.map(String).join(', ')}; found ${describe(found)}${choiceHint(found, issue.values.map(String), path.at(-1) === 'scale' ? valueAt(canvas.data, [...path.slice(0, -1), 'value']) : undefined)}` }];
    case 'invalid_key':
      return [{ path, atKey: true, message: badKey(String(path.at(-1)), issue.issues) }];
    case 'unrecognized_keys': {
      // Of a union of mappings, zod may say only the keys the alternative nearest fitting lacks: its keys are allowed here.
      const chosen = choosing(canvas, path, { missing: [], unknown: issue.keys }, found);
      return issue.keys.map((key) => ({ path: [...path, key], atKey: true, message: unknownKey(chosen, path, key) }));
    }
    case 'invalid_union':
      return explainUnion(issue, canvas, path);
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string') return [{ path, message: `${issue.message}; found ${describe(found)}` }];
      return [{ path, message: `expected at least ${issue.minimum}; found ${describe(found)}` }];
    case 'too_big':
      // A string's limit says why (the schema's message: a confidentiality marking's); the text itself is too long to quote whole.
      if (issue.origin === 'string') return [{ path, message: `${issue.message}; found ${String(found).length} characters` }];
      return [{ path, message: `expected at most ${issue.maximum}; found ${describe(found)}` }];
    default:
      return [{ path, message: found === undefined ? issue.message : `${issue.message}; found ${describe(found)}` }];
  }
}

/**
 * A required key not written, as the line to add: "missing: add `ticker: <text>` under company (required)"; a key whose
 * value is a mapping or list, with what it holds ("add `metrics:` holding a mapping of ids to entries at the top level").
 */
function missingKey(expected: string, path: KeyPath, schema?: JsonSchema): string {
  const key = String(path.at(-1));
  const date = expected === 'string' && expectsDateAt(path, schema);
  const placeholder = date ? 'YYYY-MM-DD' : MISSING_PLACEHOLDERS[expected];
  const line = placeholder === undefined ? `\`${key}:\` holding ${kindName(expected)}` : `\`${key}: ${placeholder}\``;
  return `missing: add ${line} ${path.length === 1 ? 'at the top level' : `under ${pathText(path.slice(0, -1))}`} (required)`;
}

/** What a missing key's line holds for a value of one line, by the kind zod expects; the other kinds are said in words. */
const MISSING_PLACEHOLDERS: Record<string, string> = {
  string: '<text>', template_literal: '<text>', number: '<number>', nan: '<number>', int: '<whole number>', bigint: '<whole number>',
  boolean: 'true', date: 'YYYY-MM-DD',
};

function wrongType(expected: string, found: unknown, path: KeyPath, schema?: JsonSchema): string {
  const wanted = expected === 'string' && expectsDateAt(path, schema) ? 'a date written YYYY-MM-DD' : kindName(expected);
  if (found === undefined) return `missing: expected ${wanted}`;
  if (path.length === 0) return notACanvas(wanted, found);
  const problem = `expected ${wanted}, found ${describe(found)}`;
  if (expected === 'number' && typeof found === 'string') {
    // A change in percent or points is a plain number: "-18.6%" there is -18.6, with no unit to set.
    const change = path.at(-2) === 'change' && (path.at(-1) === 'percent' || path.at(-1) === 'points');
    // Its % may be inside the brackets of a negative figure: "(18%)".
    const percent = change && /[%％]\s*\)?\s*$/.test(found);
    const bare = found.trim().replace(/\s*[%％]\s*(\)?)$/, '$1');
    const fix = percent ? numberFix(bare)?.replace(/^remove the quotes$/, `write ${bare.trim()}`) : numberFix(found);
    return fix ? `${problem}: ${fix}${percent ? `, without the % (change.${String(path.at(-1))} is in ${path.at(-1) === 'points' ? 'percentage points' : 'percent'})` : ''}` : problem;
  }
  if (expected === 'string') {
    const misread = misreadText(found);
    if (misread) return `expected ${wanted}, found ${misread}: put the whole text in double quotes`;
    // A ticker such as 9147 (Tokyo) or 0700 (Hong Kong), a postcode: digits YAML reads as a number. What was written is
    // quoted as written (YAML has read 0700 as 700 already); not where the text must be an id, a code or a date anyway.
    if ((typeof found === 'number' || typeof found === 'boolean') && !expectsDateAt(path, schema) && !textPatternAt(path, schema)) {
      // What YAML made of it: the number it read (a ticker's leading zeros gone), or a yes or no.
      const read = typeof found === 'boolean' ? `reads it as ${found}, a yes or no` : `reads it as the number ${found}${path.at(-1) === 'ticker' ? ', and a ticker such as 0700 as 700' : ''}`;
      return `${problem}: put it in double quotes, as you wrote it, to keep it as text (unquoted, YAML ${read})`;
    }
  }
  const change = expected === 'object' && path.at(-1) === 'change' ? changeWritten(found) : undefined;
  if (change) {
    const also = change.bare ? `, or { points: ${change.value} } for a change in percentage points` : change.kind === 'text' ? ' for a change in words' : '';
    return `${problem}: a change is a mapping that says its kind, e.g. change: { ${change.kind}: ${change.value} }${also} (see docs/canvas.md)`;
  }
  // A list item marked with a dash that is not YAML's: "ー paragraph: …" (a katakana long mark), "－", "–" or "—".
  const dash = expected === 'array' && typeof found === 'object' && found !== null ? Object.keys(found).map((k) => /^([ー－―‐‑–—])\s+(\S+)/.exec(k)).find((m) => m !== null) : undefined;
  if (dash) return `${problem}: "${dash[1]}" before ${quote(dash[2]!)} is not YAML's list dash: start each item with a half-width hyphen and a space (- ${dash[2]}: …)`;
  const squeezed = expected === 'object' && typeof found === 'string' ? /^([A-Za-z_][\w-]*):(\S.*)$/.exec(found) : null;
  if (squeezed) return `${problem}: put a space after the colon (${squeezed[1]}: ${squeezed[2].length > 40 ? `${squeezed[2].slice(0, 37)}...` : squeezed[2]})`;
  return problem;
}

/** `change: 12`, `change: +12%`, `change: 1.5 pp`, `change: double-digit`: a stated change written bare, as the mapping it means. */
function changeWritten(found: unknown): { kind: 'percent' | 'points' | 'text'; value: string; bare?: boolean } | undefined {
  if (typeof found === 'number' && Number.isFinite(found)) return { kind: 'percent', value: String(found), bare: true };
  if (typeof found !== 'string' || found.trim() === '') return undefined;
  const m = /^\s*([+\-\u2212]?)(\d+(?:\.\d+)?)\s*(%|pp|points?|percentage points?)?\s*(?:yoy)?\s*$/i.exec(found);
  // As written (-4.0 keeps its digits), the sign as YAML wants it.
  if (m) return { kind: m[3] !== undefined && m[3] !== '%' ? 'points' : 'percent', value: `${m[1] === '' || m[1] === '+' ? '' : '-'}${m[2]}`, bare: m[3] === undefined };
  return /^[\p{L}\s-]+$/u.test(found) && found.length <= 40 ? { kind: 'text', value: found.trim() } : undefined;
}

/**
 * The whole file is not a mapping: most likely not a canvas at all (a path mistyped, a symlink to a
 * token, .env or key file). Its contents are never quoted: they may be a secret, and the message
 * goes to logs anyone can read.
 */
function notACanvas(wanted: string, found: unknown): string {
  const what = typeof found === 'string' ? 'text without any "key: value" line' : Array.isArray(found) ? 'a list' : found === null ? 'nothing (the file is empty, or holds only comments)' : kindName(typeof found);
  return `expected ${wanted}, found ${what}: this file is not a canvas (one starts with company: and briefing:; see docs/canvas.md)`;
}

/** Text that YAML read as something else: `[[id]]` alone is a list, `- Cloud: grew 34%` a mapping. */
function misreadText(found: unknown): string | undefined {
  const asList = referenceReadAsList(found);
  if (asList) return `${asList} without quotes, which YAML reads as a list`;
  const asMapping = textReadAsMapping(found);
  if (asMapping) return `${quote(asMapping)} without quotes, which YAML reads as a key and a value because of the colon and space`;
  return undefined;
}

/** `[[cloud_revenue]]` written unquoted parses as a list holding a list holding the id. */
function referenceReadAsList(found: unknown): string | undefined {
  if (!Array.isArray(found) || found.length !== 1 || !Array.isArray(found[0]) || found[0].length !== 1) return undefined;
  return typeof found[0][0] === 'string' ? `[[${found[0][0]}]]` : undefined;
}

function textReadAsMapping(found: unknown): string | undefined {
  if (!found || typeof found !== 'object' || Array.isArray(found)) return undefined;
  const entries = Object.entries(found);
  if (entries.length !== 1 || (entries[0][1] !== null && typeof entries[0][1] === 'object')) return undefined;
  return `${entries[0][0]}: ${entries[0][1] ?? ''}`.trim();
}

function badFormat(issue: Extract<Issue, { code: 'invalid_format' }>, found: unknown, data: unknown): string {
  if (typeof found !== 'string') return `${issue.message}; found ${describe(found)}`;
  if (issue.format === 'date') return dateFix(found, writtenLanguage(data)) ?? `${issue.message}; found ${describe(found)}`;
  const fix = issue.format === 'regex' && issue.pattern ? patternFix(found, issue.pattern) : undefined;
  // A reference to a metric: the spelling offered is one the canvas has ("cmr_sep_q_2O25" is not "cmr_sep_q_2o25"), else the nearest it has.
  if (issue.pattern?.includes('@\\d{4}')) {
    const ids = metricRefs(data);
    const lower = found.trim().toLowerCase();
    if (ids.includes(lower)) return `${issue.message}; found ${describe(found)}: write ${lower}`; // Cloud_revenue@2025-09-30
    if (fix === undefined || !ids.includes(fix)) return `${issue.message}; found ${describe(found)}${didYouMean(nearest(found.toLowerCase(), ids).slice(0, 3))}`;
  }
  return `${issue.message}; found ${describe(found)}${fix ? `: write ${fix}` : ''}`;
}

/** The ids a metric reference may name, as written in the canvas: each metric's, and id@period_end of each dated value. */
function metricRefs(data: unknown): string[] {
  const metrics = (data as { metrics?: unknown } | null)?.metrics;
  if (metrics === null || typeof metrics !== 'object' || Array.isArray(metrics)) return [];
  return Object.entries(metrics as Record<string, unknown>).flatMap(([id, m]) => {
    const values = (m as { values?: unknown } | null)?.values;
    const dated = Array.isArray(values) ? values.flatMap((v) => (typeof (v as { period_end?: unknown } | null)?.period_end === 'string' ? [`${id}@${(v as { period_end: string }).period_end}`] : [])) : [];
    return [id, ...dated];
  });
}

/** The nearest spelling that fits a pattern: ids in snake_case, currency codes in capitals. */
function patternFix(found: string, pattern: string): string | undefined {
  if (found.includes('{')) return undefined; // a pattern with placeholders: the message lists the ones there are
  const source = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (!source) return undefined;
  const fits = new RegExp(source[1], source[2]);
  const snake = found.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^[_0-9]+|_+$/g, '');
  const candidates = [currencyCodeFor(found), snake, found.trim().toUpperCase(), found.trim().toLowerCase()];
  return candidates.find((c) => c !== undefined && c !== found && fits.test(c));
}

/** A mapping key that is not a usable id (metric, chart and block-set ids). */
function badKey(key: string, issues: readonly Issue[]): string {
  const why = issues.find((i) => i.code === 'invalid_format');
  const fix = why?.code === 'invalid_format' && why.pattern ? patternFix(key, why.pattern) : undefined;
  return `${quote(key)} cannot be an id: ${why?.message ?? 'not a valid id'}${fix ? `; write ${fix}` : ''}`;
}

function unknownKey(canvas: WrittenCanvas, path: KeyPath, key: string): string {
  const grouped = groupedNumber(canvas, path, key);
  if (grouped) return `unknown key ${quote(key)}: a comma inside { } ends a value, and ${grouped.written} was read as ${grouped.whole} and keys of its other digits; write ${grouped.digits} (${grouped.indian ? 'no separators: Indian grouping of lakhs and crores' : 'no thousands separators'})`;
  const decimal = decimalCommaNumber(canvas, path, key);
  if (decimal && /^\d{3}$/.test(key)) return `unknown key ${quote(key)}: a comma inside { } ends a value; a thousands separator? write ${decimal.replace('.', '')} (no thousands separators), or ${decimal} if the comma is a decimal point`;
  if (decimal) return `unknown key ${quote(key)}; a decimal comma? write ${decimal}`;
  const spaced = /^\u3000+(.*)$/s.exec(key)?.[1];
  if (spaced) return `unknown key ${quote(key)}: it starts with a full-width space (U+3000, as a Japanese or Chinese input method types it), which YAML reads as part of the key, not as indentation: indent ${quote(spaced)} with half-width spaces`;
  const split = commaInText(canvas, path, key);
  if (split) return `unknown key ${quote(key)}: a comma inside { } ends a value, and what follows it is read as a key. If it belongs to the text before it, put that text in quotes: ${split}`;
  const allowed = keysAllowed(canvas, path);
  const hint = didYouMean(keysMeant(canvas, path, key));
  const list = allowed.length > 0 ? ` Allowed here: ${allowed.join(', ')}.` : '';
  return `unknown key ${quote(key)}${hint || '.'}${list}`;
}

/** The keys allowed at `path` that an unknown `key` most likely means: one it is another word for, else those spelt like it. */
function keysMeant(canvas: WrittenCanvas, path: KeyPath, key: string): string[] {
  const spaced = fullWidthSpaced(canvas, path, key);
  if (spaced) return [spaced];
  const allowed = keysAllowed(canvas, path);
  const synonym = Object.hasOwn(SYNONYMS, key.toLowerCase()) ? SYNONYMS[key.toLowerCase()] : undefined;
  if (synonym !== undefined && allowed.includes(synonym)) return [synonym];
  return allowed.filter((k) => similar(k, key));
}

/** The key allowed at `path` that `key` is, but for the full-width spaces (U+3000) it starts with: "\u3000value" is value, indented with them. */
function fullWidthSpaced(canvas: WrittenCanvas, path: KeyPath, key: string): string | undefined {
  const bare = /^\u3000+(.*)$/s.exec(key)?.[1];
  return bare !== undefined && keysAllowed(canvas, path).includes(bare) ? bare : undefined;
}

/**
 * Other words for a key, as writers coming from other tools use them: `- graph:` is a chart, not the
 * "paragraph" it is spelt like. Offered only where the key they stand for is allowed.
 */
const SYNONYMS: Record<string, string> = {
  graph: 'chart', plot: 'chart', diagram: 'chart', figure: 'chart',
  text: 'paragraph', para: 'paragraph', p: 'paragraph', body: 'paragraph',
  list: 'bullets', points: 'bullets', items: 'bullets', bullet_points: 'bullets',
  metrics_table: 'metric_table', kpis: 'metric_table',
  heading: 'title', name: 'title',
};

/**
 * `{ value: 1,234,567 }` or, grouped the Indian way, `{ value: 4,44,900 }` in flow style: the number before the first comma,
 * then a key with no value for each group of digits after one. Read as a decimal comma, "4,44" would give 4.44 for 444900:
 * with two groups or more, and groups as thousands (three digits each) or lakhs and crores (two, then three) make them, the
 * number is given whole, at each of its keys (as commaInText gives text its whole). So is one group with decimals,
 * `{ value: 1,531.9 }` (a key "531.9"), whose comma can only be a thousands separator.
 */
function groupedNumber(canvas: WrittenCanvas, path: KeyPath, key: string): { written: string; whole: string; digits: string; indian: boolean } | undefined {
  const keyBefore = canvas.keyBefore;
  // The last group may carry the decimals: { value: 1,531.9 } is 1 and a key "531.9".
  const isGroup = (k: string | undefined): k is string => k !== undefined && /^\d+(?:\.\d+)?$/.test(k) && valueAt(canvas.data, [...path, k]) === null;
  if (keyBefore === undefined || !isGroup(key)) return undefined;
  let first = key;
  let before = keyBefore([...path, first]);
  while (isGroup(before)) [first, before] = [before, keyBefore([...path, before])];
  const whole = before === undefined ? undefined : valueAt(canvas.data, [...path, before]);
  if (typeof whole !== 'number' || !Number.isInteger(whole) || Object.is(whole, -0)) return undefined;
  const mapping = valueAt(canvas.data, path);
  const keys = mapping !== null && typeof mapping === 'object' ? Object.keys(mapping) : [];
  const groups = [first];
  for (let next = keys.find((k) => isGroup(k) && keyBefore([...path, k]) === first); next !== undefined && !groups.includes(next);) {
    groups.push(next);
    const last = next;
    next = keys.find((k) => isGroup(k) && keyBefore([...path, k]) === last);
  }
  if (groups.slice(0, -1).some((g) => g.includes('.'))) return undefined;
  const last = groups.at(-1)!.split('.')[0];
  // Digits after a dot: the comma before them cannot be a decimal one, so one group is enough to read the number whole.
  const fraction = groups.at(-1)!.includes('.');
  const thousands = groups.slice(0, -1).every((g) => g.length === 3) && last.length === 3;
  const indian = last.length === 3 && groups.slice(0, -1).every((g) => g.length === 2) && Math.abs(whole) < 100;
  if ((groups.length < 2 && !fraction) || !(thousands || indian)) return undefined;
  return { written: [whole, ...groups].join(','), whole: String(whole), digits: `${whole}${groups.join('')}`, indian: !thousands };
}

/**
 * `{ percent: -4,2 }` in flow style is two entries, `percent: -4` and a key "2" with no value:
 * the number the author meant, read back from the key written just before.
 */
function decimalCommaNumber(canvas: WrittenCanvas, path: KeyPath, key: string): string | undefined {
  if (!/^\d+$/.test(key) || valueAt(canvas.data, [...path, key]) !== null) return undefined;
  const before = canvas.keyBefore?.([...path, key]);
  const whole = before === undefined ? undefined : valueAt(canvas.data, [...path, before]);
  if (typeof whole !== 'number' || !Number.isInteger(whole)) return undefined;
  return `${Object.is(whole, -0) ? '-0' : String(whole)}.${key}`;
}

/**
 * Text with a comma in it, written unquoted in a flow mapping: `{ metric: x, label: Wearables, Home and Accessories }` reads
 * "Home and Accessories" as a key with no value. The text as it should be written, quoted (`label: "Wearables, Home and
 * Accessories"`), when the key has no value, is words rather than an id, and follows a key whose value is text.
 */
function commaInText(canvas: WrittenCanvas, path: KeyPath, key: string): string | undefined {
  const words = (k: string) => /\s|^[A-Z]/.test(k.trim()) && valueAt(canvas.data, [...path, k]) === null;
  if (!words(key)) return undefined;
  // Every comma of the text made a key of what follows it ("Wearables, Home, and Accessories"): the keys with no value on
  // either side of this one, back to the text they belong to, in the order written.
  const mapping = valueAt(canvas.data, path);
  const keys = mapping !== null && typeof mapping === 'object' ? Object.keys(mapping) : [];
  let [first, last] = [keys.indexOf(key), keys.indexOf(key)];
  if (first < 0) return undefined;
  while (first > 0 && words(keys[first - 1])) first--;
  while (last < keys.length - 1 && words(keys[last + 1])) last++;
  const before = canvas.keyBefore?.([...path, keys[first]]);
  const text = before === undefined ? undefined : valueAt(canvas.data, [...path, before]);
  if (typeof text !== 'string') return undefined;
  return `${before}: ${JSON.stringify([text, ...keys.slice(first, last + 1).map((k) => k.trim())].join(', '))}`;
}

/** One alternative of a union, as the mapping written fails it. */
interface Branch {
  errs: Issue[];
  missing: string[];
  unknown: string[];
  typeMismatch: boolean;
}

/**
 * A union fails when no alternative fits. Report the alternative the author evidently
 * meant (the one whose key they wrote); if none, list the alternatives.
 */
function explainUnion(issue: Extract<Issue, { code: 'invalid_union' }>, canvas: WrittenCanvas, path: KeyPath): Problem[] {
  const found = valueAt(canvas.data, path);
  const branches: Branch[] = issue.errors.map((errs) => ({
    errs,
    // The keys it needs that the mapping lacks, and the keys written that it does not know.
    missing: errs.flatMap((e) => (e.code === 'invalid_type' && e.path.length === 1 && valueAt(found, e.path as KeyPath) === undefined ? [String(e.path[0])] : [])),
    unknown: errs.flatMap((e) => (e.code === 'unrecognized_keys' && e.path.length === 0 ? e.keys : [])),
    typeMismatch: errs.some((e) => e.code === 'invalid_type' && e.path.length === 0),
  }));
  const meant = branches.filter((b) => b.missing.length === 0 && !b.typeMismatch);
  if (meant.length > 0) {
    const best = meant.reduce((a, b) => (b.errs.length < a.errs.length ? b : a));
    return explainIssues(best.errs, choosing(canvas, path, best, found), path);
  }
  const closest = closestMapping(branches.filter((b) => !b.typeMismatch), found);
  if (closest) {
    // A key it lacks that a key written is spelt like is that key's fix: said once, at the misspelt key.
    const lacking = new Set(closest.misspelt.map((k) => JSON.stringify([...path, k])));
    return explainIssues(closest.errs, choosing(canvas, path, closest, found), path).filter((p) => p.atKey || !lacking.has(JSON.stringify(p.path)));
  }
  const keys = [...new Set(branches.flatMap((b) => b.errs.filter((e) => e.code === 'invalid_type' && e.path.length === 1).map((e) => String(e.path[0]))))];
  const kinds = [...new Set(branches.flatMap((b) => b.errs.filter((e) => e.code === 'invalid_type' && e.path.length === 0).map((e) => (e as { expected: string }).expected)))];
  // A mapping form by the keys it lacks, together: a table cell is {value: ..., decimals: ...} or {metric: ...}.
  const lacking = branches.map((b) => b.errs.filter((e) => e.code === 'invalid_type' && e.path.length === 1).map((e) => `${String(e.path[0])}: ...`)).filter((ks) => ks.length > 0);
  const options = [...kinds.flatMap((k) => (k === 'object' ? mappingForms(path, keys, canvas.schema) : [kindName(k)])), ...new Set(lacking.map((ks) => `{${ks.join(', ')}}`))];
  const written = found && typeof found === 'object' && !Array.isArray(found) ? Object.keys(found) : [];
  const near = written.flatMap((w) => keys.filter((k) => similar(k, w)).map((k) => `${quote(w)}: did you mean ${quote(k)}?`));
  const hint = near.length > 0 ? `${near.join(' ')} ` : '';
  const colon = kinds.includes('string') && near.length === 0 ? textReadAsMapping(found) : undefined;
  const fix = colon ? `: if ${quote(colon)} is text, YAML read it as a key and a value because of the colon and space; put the whole text in double quotes` : '';
  const expected = options.length === 1 ? options[0] : `one of ${options.join(', ')}`;
  return [{ path, message: `${hint}expected ${expected}; found ${describe(found)}${fix}${fix ? '' : indentedTooLittle(path, found, canvas)}` }];
}

/**
 * The canvas with the keys of the alternative chosen at `path` as the keys allowed there: `{ metric: rev, value: 3 }`
 * is a metric cell with a key too many, and a metric cell allows metric and show, not a number cell's value and decimals.
 * The mapping form that takes the keys written that the branch knows (one at least) and those it lacks, and none it does
 * not know; unchanged where no one form (or not a mapping) is.
 */
function choosing(canvas: WrittenCanvas, path: KeyPath, branch: Pick<Branch, 'missing' | 'unknown'>, found: unknown): WrittenCanvas {
  if (found === null || typeof found !== 'object' || Array.isArray(found)) return canvas;
  // Chosen by a key written, not as the nearest guess (a content item's "chrat" could be a chart or a table).
  const known = Object.keys(found).filter((k) => !branch.unknown.includes(k));
  if (known.length === 0) return canvas;
  const wanted = [...known, ...branch.missing];
  const forms = objectKeysAt(path, canvas.schema).filter((keys) => wanted.every((k) => keys.includes(k)) && !branch.unknown.some((k) => keys.includes(k)));
  if (forms.length !== 1) return canvas;
  return { ...canvas, chosenKeys: new Map([...(canvas.chosenKeys ?? []), [JSON.stringify(path), forms[0]!]]) };
}

/**
 * A key of an entry written where the entries' ids go (`caption:` two spaces left, under `charts:`): YAML reads it as
 * an entry of its own, holding text. Says whose key it evidently is: that of the entry written above it.
 */
function indentedTooLittle(path: KeyPath, found: unknown, canvas: WrittenCanvas): string {
  const key = path.at(-1);
  const collection = path.at(-2);
  if (typeof key !== 'string' || typeof collection !== 'string' || (found !== null && typeof found === 'object' && !Array.isArray(found))) return '';
  const parent = path.slice(0, -1);
  // Only in a mapping of ids (its keys are the author's), and only for a key its entries take.
  if (allowedKeysAt(parent, canvas.schema).length > 0 || !allowedKeysAt(path, canvas.schema).includes(key)) return '';
  const above = canvas.keyBefore?.(path);
  const entry = above === undefined ? undefined : valueAt(canvas.data, [...parent, above]);
  if (above === undefined || entry === null || typeof entry !== 'object' || Array.isArray(entry)) return '';
  const noun = collection.endsWith('s') ? collection.slice(0, -1) : `entry of ${collection}`;
  const first = Object.keys(entry)[0];
  const column = first === undefined ? undefined : canvas.locate?.([...parent, above, first], { key: true }).column;
  const spaces = column === undefined ? '' : ` (${column - 1} spaces)`;
  return `: ${quote(key)} is a key of each ${noun}, not a ${noun}'s id: if it belongs to ${quote(above)} above it, indent it like that ${noun}'s keys${spaces}`;
}

/**
 * When every alternative lacks a key: the mapping the author evidently meant, if one stands out. First one whose
 * every missing key was written misspelt ("lable" for label; of several such, the one lacking fewest): a metric
 * with "lable" is a single-value metric with a misspelt label, not one of several values with "value" to rename
 * too. Else the one needing the fewest keys added or taken out (a multi-value metric with "titel" lacks only its
 * label). With the keys it lacks that a key written is spelt like.
 */
function closestMapping(alternatives: Branch[], found: unknown): Branch & { misspelt: string[] } | undefined {
  if (found === null || typeof found !== 'object' || Array.isArray(found) || alternatives.length < 2) return undefined;
  // A key another alternative knows is no misspelling: "value" in a metric lacking its period is the single figure's
  // value, not "values" misspelt.
  const knownElsewhere = (b: Branch, w: string) => alternatives.some((other) => other !== b && !other.unknown.includes(w)
    // and taken there as written: "value" holding a list is "values" misspelt after all
    && !other.errs.some((e) => e.path.length >= 1 && e.path[0] === w));
  // An alternative none of whose keys was written, even misspelt, is not what the author meant: `Note: see below` in a
  // table's row is text with a colon, not a metric cell lacking its metric (nor a number lacking its value).
  const written = Object.keys(found);
  const read = alternatives.map((b) => ({ ...b, misspelt: b.missing.filter((k) => b.unknown.some((w) => similar(k, w) && !knownElsewhere(b, w))) }))
    .filter((r) => r.misspelt.length > 0 || written.some((w) => !r.unknown.includes(w)));
  if (read.length === 0) return undefined;
  const onlyFewest = <T>(items: T[], size: (item: T) => number): T | undefined => {
    const fewest = Math.min(...items.map(size));
    const best = items.filter((item) => size(item) === fewest);
    return best.length === 1 ? best[0] : undefined;
  };
  const allMisspelt = read.filter((r) => r.missing.length > 0 && r.misspelt.length === r.missing.length);
  // Fixes counted by key, each key missing or unknown one; what is wrong inside the values only breaks a tie (zod says
  // all unknown keys in one issue, and a typo in a nested mapping in two).
  return (allMisspelt.length > 0 ? onlyFewest(allMisspelt, (r) => r.missing.length) : undefined) ??
    onlyFewest(read, (r) => (r.missing.length + r.unknown.length) * 1000 + r.errs.length);
}

/** The mapping forms a union allows, unless the author's keys already list them. */
function mappingForms(path: KeyPath, keys: readonly string[], schema?: JsonSchema): string[] {
  if (keys.length > 0) return [];
  const forms = objectFormsAt(path, schema);
  return forms.length > 0 ? forms : [kindName('object')];
}

/** zod's names for kinds of value, in the words of someone editing YAML. */
const KIND_NAMES: Record<string, string> = {
  object: 'a mapping (key: value lines)',
  record: 'a mapping of ids to entries',
  map: 'a mapping (key: value lines)',
  array: 'a list (- items)',
  tuple: 'a list of a fixed length',
  set: 'a list (- items)',
  string: 'text',
  template_literal: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  nan: 'a number',
  boolean: 'true or false',
  date: 'a date written YYYY-MM-DD',
  enum: 'one of the listed words',
  literal: 'a fixed word',
  union: 'one of several forms',
  null: 'an empty value',
  undefined: 'nothing (leave the key out)',
  void: 'nothing (leave the key out)',
  never: 'nothing (leave the key out)',
  nonoptional: 'a value',
  any: 'a value',
  unknown: 'a value',
  symbol: 'a value',
  function: 'a value',
  file: 'a value',
};

function kindName(type: string): string {
  return KIND_NAMES[type] ?? 'a value of another kind';
}

/** How a found value reads in a message: quoted text, numbers as written, lists and mappings summarised. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (value instanceof Date) return 'a timestamp made by a !!timestamp tag (leave the tag out: a date is written YYYY-MM-DD, as plain text)';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return `a mapping with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}`;
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

/**
 * How to write a number given as text, for the European and spreadsheet habits a YAML
 * number does not allow: "438,1" -> "write 438.1 (decimal point, no thousands separators)".
 */
export function numberFix(written: string): string | undefined {
  let text = written.trim();
  if (text.length > 60) return undefined; // no number is written so long (and text that is, hostile or not, is not read over)
  const notes: string[] = [];
  // Full-width digits and signs (１２３０, －５), as a Japanese or Chinese keyboard types them.
  const narrow = text.normalize('NFKC');
  if (narrow !== text && /[\uff05\uff0b-\uff19]/.test(text)) {
    notes.push(/[\uff0b-\uff19]/.test(text) ? 'ASCII digits' : 'a half-width %');
    text = narrow;
  }
  // A minus sign another way: −, ‒, –, or ▲ and △ as Japanese reports mark a negative figure.
  if (/^[\u2212\u2012\u2013▲△]/.test(text)) {
    text = `-${text.slice(1)}`;
    notes.push('a plain minus sign');
  }
  // A negative figure in brackets, as accounts print one: (3.7), (1,173), (US$5.6), (1.5)% or (1.5%).
  const bracketed = /^\(\s*([^()-]+?)\s*\)(\s*[%％])?$/u.exec(text);
  if (bracketed) {
    text = `-${bracketed[1]}${bracketed[2]?.trim() ?? ''}`;
    notes.push('a minus sign, not brackets, for a negative figure');
  }
  // A currency or a CJK scale written with the number: ¥48, 58億円, 1.2兆, 3,450万元, 48円.
  const units: string[] = [];
  const currencies = (codes: readonly string[]) => (codes.length === 1 ? codes[0] : `${listOf(codes, 'or')}, whichever the report is in`);
  const symbol = new RegExp(`^([-+]?)(${SYMBOLS})\\s*(.+)$`, 'u').exec(text);
  if (symbol) {
    text = `${symbol[1]}${symbol[3]}`;
    units.push(`unit: ${symbol[2] === '¥' || symbol[2] === '￥' ? 'JPY (yen) or CNY (yuan)' : currencyCodeFor(symbol[2]) ?? 'the currency code'}`);
  }
  // A crore or lakh written with the number: 12,456 crore, 3.2 lakh, ₹1,245.6 Cr., 2.4 lakh crore (1e12).
  const indian = new RegExp(`^(.+?)((?:\\s*(?:${INDIAN_SCALE_WORDS.join('|')}|thousand)\\.?)*\\s*(?:${INDIAN_SCALE_WORDS.join('|')})\\.?)$`, 'iu').exec(text);
  if (indian) {
    const scaled = readNumber(indian[1]);
    if (!scaled) return undefined;
    const words = indian[2].trim().split(/\s+/);
    const scale = asCanvasScale(words.reduce((product, w) => product * scaleWordFactor(w)!, 1));
    const named = words.map(scaleName).join(' ');
    const why = [`a ${named} is ${formatNumber(scale.multiplier, 0)}`, ...notes, ...scaled.notes];
    return `write ${movedScale(Number(scaled.number), scale.times)} with ${[`scale: ${scale.scale}`, ...units].join(' and ')} (${why.join('; ')})`;
  }
  // Several scales in one amount, as Japanese and Chinese write a whole one: 2兆56億円, 2005億6000万円.
  const compound = new RegExp(`^([-+]?)((?:\\d[\\d,]*(?:\\.\\d+)?\\s*(?:${CJK_SCALE_WORDS.join('|')})\\s*){2,})(${[...CJK_CURRENCY_SIGNS.keys()].join('|')})?$`, 'u').exec(text);
  if (compound) {
    const parts = [...compound[2]!.matchAll(new RegExp(`(\\d[\\d,]*(?:\\.\\d+)?)\\s*(${CJK_SCALE_WORDS.join('|')})`, 'gu'))];
    const total = parts.reduce((sum, p) => sum + Number(p[1]!.replace(/,/g, '')) * cjkScale(p[2]!)!.multiplier, 0);
    const scale = total >= 1e9 ? 'billion' : total >= 1e6 ? 'million' : 'thousand';
    const value = `${compound[1] === '-' ? '-' : ''}${Number((total / { billion: 1e9, million: 1e6, thousand: 1e3 }[scale]).toFixed(6))}`;
    const what = [`scale: ${scale}`, ...(compound[3] ? [`unit: ${currencies(CJK_CURRENCY_SIGNS.get(compound[3])!)}`] : []), ...units];
    return `write ${value} with ${what.join(' and ')} (${compound[2]!.trim()} is ${formatNumber(total, 0)}${notes.length ? `; ${notes.join('; ')}` : ''})`;
  }
  const cjk = new RegExp(`^(.+?)\\s*(${CJK_SCALE_WORDS.join('|')})?(${[...CJK_CURRENCY_SIGNS.keys()].join('|')})?$`, 'u').exec(text);
  if (cjk && (cjk[2] || cjk[3])) {
    const scaled = readNumber(cjk[1]);
    if (!scaled) return undefined;
    const scale = cjk[2] === undefined ? undefined : cjkScale(cjk[2])!;
    const value = scale === undefined || scale.times === 1 ? scaled.number : movedScale(Number(scaled.number), scale.times);
    const what = [...(scale ? [`scale: ${scale.scale}`] : []), ...(cjk[3] ? [`unit: ${currencies(CJK_CURRENCY_SIGNS.get(cjk[3])!)}`] : []), ...units];
    const why = [...(scale ? [`${cjk[2]} is ${formatNumber(scale.multiplier, 0)}`] : []), ...notes, ...scaled.notes];
    return `write ${value} with ${what.join(' and ')}${why.length ? ` (${why.join('; ')})` : ''}`;
  }
  // A letter typed for a digit, as a hand or a scan slips: "30O13", "1l.5", "O.5", "1O.5bn" (beside a digit or a decimal
  // point, in a number that reads with the digit, a scale or % after it; "00" is no number anyone meant).
  const letters = /^([-+]?[\d.,OolI]+)(\s*(?:thousand|million|billion|trillion|k|m|mn|mm|bn|b|tn)\.?|\s*%)?$/i.exec(text);
  if (letters !== null && /\d[OolI]|[OolI][\d.]|\.[OolI]/.test(letters[1]!)) {
    const digits = letters[1]!.replace(/[Oo]/g, '0').replace(/[lI]/g, '1');
    if (readNumber(digits) && !/^[-+]?0{2,}$/.test(digits)) {
      text = `${digits}${letters[2] ?? ''}`;
      notes.push('digits, not the letters O, l or I');
    }
  }
  // A scale written with the number, as a source's table or a slide has it: 77.7bn, 1.2 billion, 3.5m, 450k.
  const latin = /^(.+?)\s*(thousand|million|billion|trillion|k|m|mn|mm|bn|b|tn)\.?$/i.exec(text);
  const scaled = latin === null ? undefined : readNumber(latin[1]!);
  if (latin !== null && scaled !== undefined) {
    const scale = LATIN_SCALES[latin[2]!.toLowerCase()]!;
    const why = [...notes, ...scaled.notes];
    return `write ${scaled.number} with ${[`scale: ${scale}`, ...units].join(' and ')}${why.length ? ` (${why.join('; ')})` : ''}${scaled.or ? `, or ${scaled.or} if the comma is a decimal point` : ''}`;
  }
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1).trim();
  const read = readNumber(text);
  if (!read) return undefined;
  if (read.number === written && !percent) return 'remove the quotes';
  notes.push(...read.notes);
  const why = notes.length > 0 ? ` (${notes.join(', ')})` : '';
  if (percent) units.unshift('unit: percent');
  return `write ${read.number}${why}${units.length ? ` with ${units.join(' and ')}` : ''}${read.or ? `, or ${read.or} if the comma is a decimal point` : ''}`;
}

/** Scales written after a number in English sources, as the canvas's `scale` names them. */
const LATIN_SCALES: Record<string, string> = { thousand: 'thousand', k: 'thousand', million: 'million', m: 'million', mn: 'million', mm: 'million', billion: 'billion', b: 'billion', bn: 'billion', trillion: 'trillion', tn: 'trillion' };

/** Currency signs and printed prefixes written before a number ("¥48", "US$5", "S$3"), longest first. */
const SYMBOLS = [...new Set([...CURRENCY_PREFIXES.map((p) => p.trim()).filter((p) => /\p{Sc}/u.test(p)), 'NT$', '¥', '￥', '$', '€', '£', '₩', '₹'])]
  .sort((a, b) => b.length - a.length).map((p) => p.replace(/[$]/g, '\\$')).join('|');

const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function readNumber(text: string): { number: string; notes: string[]; or?: string } | undefined {
  const sign = /^[-+]/.test(text) ? text[0] : '';
  const digits = text.slice(sign.length);
  const plain = (n: string) => `${sign === '-' ? '-' : ''}${n}`;
  if (PLAIN_NUMBER.test(text)) return { number: text, notes: [] };
  // 1,284.6 or 1,284,000: commas between groups of three are thousands separators (not after a lone 0: 0,500 is a decimal comma).
  if (/^(?!0,)\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) {
    const number = plain(digits.replace(/,/g, ''));
    // 1,284 may be a decimal comma. Its decimal is said without trailing zeros: a dot before three digits is itself
    // read as a thousands separator ("129.000", "2.140"), which check refuses in a count.
    const ambiguous = !digits.includes('.') && digits.split(',').length === 2;
    return { number, notes: ['no thousands separators'], or: ambiguous ? plain(digits.replace(',', '.').replace(/\.?0+$/, '')) : undefined };
  }
  // 1.284,6 or 1 284,6: dots or spaces between thousands, a comma before the decimals; 1'284.6, the Swiss way.
  const european = /^(\d{1,3}(?:[. \u00a0\u202f\u2009'\u2019]\d{3})+)(?:([.,])(\d+))?$/.exec(digits);
  if (european) {
    const separator = /\D/.exec(european[1])![0];
    if (european[2] === separator) return undefined;
    const whole = european[1].replace(/[^\d]/g, '');
    const decimals = european[3] ? `.${european[3]}` : '';
    const notes = european[2] === ',' ? ['decimal point', 'no thousands separators'] : ['no thousands separators'];
    return { number: plain(whole + decimals), notes };
  }
  // 1,23,456.7: Indian grouping (lakhs and crores), a group of three and groups of two before it.
  if (/^\d{1,2}(,\d{2})+,\d{3}(\.\d+)?$/.test(digits)) return { number: plain(digits.replace(/,/g, '')), notes: ['no separators: Indian grouping of lakhs and crores'] };
  // 438,1: a decimal comma.
  if (/^\d+,\d+$/.test(digits)) return { number: plain(digits.replace(',', '.')), notes: ['decimal point', 'no thousands separators'] };
  return undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DATE_FORMAT = 'a date is written YYYY-MM-DD';

/**
 * Why a date was rejected and what to write: a day the calendar lacks (2025-02-30), or
 * another way of writing dates (30/09/2025 -> 2025-09-30). Each reading of a date whose day and month could be
 * swapped is spelled as `language` (briefing.language) writes dates: "9 March", in en-US "March 9".
 */
export function dateFix(written: string, language?: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(written);
  if (iso) return isCalendarDate(written) ? undefined : notACalendarDay(written, +iso[1], +iso[2], +iso[3]);
  const readings = dateReadings(written.trim().normalize('NFKC'));
  if (readings.length === 0) return undefined;
  const options = readings.length === 1 ? readings[0] : `${readings.map((r) => `${r} (${spelledDate(r, language)})`).join(' or ')}, whichever the source means`;
  return `${DATE_FORMAT}, found ${describe(written)}: write ${options}`;
}

function notACalendarDay(written: string, year: number, month: number, day: number): string {
  const lead = `${written} is not a day in the calendar`;
  if (month < 1 || month > 12) {
    const swapped = `${year}-${pad(day)}-${pad(month)}`;
    return `${lead}: there is no month ${month}${isCalendarDate(swapped) ? `; ${DATE_FORMAT}, so did you mean ${swapped}?` : ''}`;
  }
  if (day < 1) return `${lead}: there is no day ${day}`;
  return `${lead}: ${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days`;
}

/** The YYYY-MM-DD dates a differently written date can mean (both, when day and month could be swapped). */
function dateReadings(text: string): string[] {
  const ymd = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(text);
  if (ymd) return validDates([[+ymd[1], +ymd[2], +ymd[3]]]);
  const withTime = /^(\d{4}-\d{2}-\d{2})[T ]\d/.exec(text);
  if (withTime) return validDates([[+withTime[1].slice(0, 4), +withTime[1].slice(5, 7), +withTime[1].slice(8, 10)]]);
  const numeric = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})$/.exec(text);
  if (numeric) {
    const [a, b, year] = [+numeric[1], +numeric[2], fullYear(numeric[3])];
    return validDates([[year, b, a], [year, a, b]]);
  }
  // 2026年2月13日 (Chinese, Japanese), 2026년 2월 13일 (Korean).
  const cjk = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]$/.exec(text);
  if (cjk) return validDates([[+cjk[1], +cjk[2], +cjk[3]]]);
  const dayFirst = /^(\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(text);
  if (dayFirst) return validDates([[+dayFirst[3], monthNumber(dayFirst[2]), +dayFirst[1]]]);
  const monthFirst = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (monthFirst) return validDates([[+monthFirst[3], monthNumber(monthFirst[1]), +monthFirst[2]]]);
  return [];
}

function validDates(candidates: Array<[number, number, number]>): string[] {
  const dates = candidates.map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`).filter(isCalendarDate);
  return [...new Set(dates)];
}

function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return !!m && +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= daysInMonth(+m[1], +m[2]);
}

function monthNumber(name: string): number {
  const i = MONTHS.findIndex((m) => name.length >= 3 && m.toLowerCase().startsWith(name.toLowerCase()));
  return i + 1; // 0 when unknown: no calendar date has month 0
}

function fullYear(year: string): number {
  return year.length === 2 ? 2000 + +year : +year;
}

function spelledDate(date: string, language: string | undefined): string {
  const [day, month] = [+date.slice(8, 10), MONTHS[+date.slice(5, 7) - 1]];
  return writesMonthFirst(language) ? `${month} ${day}` : `${day} ${month}`;
}

/** The canvas's briefing.language as written, where it is text: the schema may have rejected the rest of the canvas. */
function writtenLanguage(data: unknown): string | undefined {
  const language = (data as { briefing?: { language?: unknown } } | null)?.briefing?.language;
  return typeof language === 'string' ? language : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Abbreviations people write for a scale, and what the canvas calls it. */
const SCALE_ABBREVIATIONS: Record<string, string> = {
  k: 'thousand', thousands: 'thousand', m: 'million', mn: 'million', mm: 'million', mil: 'million', millions: 'million',
  b: 'billion', bn: 'billion', billions: 'billion', t: 'trillion', tn: 'trillion', trillions: 'trillion',
};

/**
 * "; did you mean ...?" for a value that abbreviates or misspells one of the choices; for a scale of another language
 * ("crore", "億"), the canvas's scale to write, and, given the metric's `value` beside it, the value that goes with it.
 */
function choiceHint(found: unknown, choices: string[], value?: unknown): string {
  if (typeof found !== 'string') return '';
  const v = found.trim().toLowerCase();
  const foreign = foreignScale(v);
  if (foreign !== undefined && choices.includes('billion')) {
    const moved = foreign.times === 1 ? '' : typeof value === 'number' ? `, and value: ${movedScale(value, foreign.times)} (${timesWords(foreign.times)} ${value})` : ` and ${timesWords(foreign.times)} the value`;
    return `; ${/^[a-z]/.test(v) ? `a ${scaleName(v)}` : v} is ${formatNumber(foreign.multiplier, 0)}: write scale: ${foreign.scale}${moved}`;
  }
  const meant = choices.find((c) => c === SCALE_ABBREVIATIONS[v]) ?? choices.find((c) => c === v || similar(c, v));
  return didYouMean(meant ? [meant] : []);
}
