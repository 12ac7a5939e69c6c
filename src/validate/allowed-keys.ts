/** What the schema says about a key path, read from the published JSON Schema (for hints in messages). */
import type { KeyPath } from '../canvas/key-path.ts';
import { canvasJsonSchema } from './json-schema.ts';

export type JsonSchema = {
  type?: string;
  format?: string;
  pattern?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};
let root: JsonSchema | undefined;

/** Keys allowed in the mapping at `path`, or [] where the schema does not fix them. `schema`: the document's, default the canvas's. */
export function allowedKeysAt(path: KeyPath, schema?: JsonSchema): string[] {
  return [...new Set(alternativesAt(path, schema).flatMap((n) => Object.keys(n.properties ?? {})))];
}

/** Each mapping form the value at `path` may take, by its required keys: `{metric: ...}`, `{paragraph: ...}`. */
export function objectFormsAt(path: KeyPath, schema?: JsonSchema): string[] {
  return alternativesAt(path, schema)
    .filter((n) => n.type === 'object' && n.properties)
    .map((n) => `{${(n.required?.length ? n.required : Object.keys(n.properties!).slice(0, 1)).map((k) => `${k}: ...`).join(', ')}}`);
}

/** The keys of each mapping form the value at `path` may take, form by form (a table cell: [value, decimals], [metric, show]). */
export function objectKeysAt(path: KeyPath, schema?: JsonSchema): string[][] {
  return alternativesAt(path, schema).filter((n) => n.type === 'object' && n.properties).map((n) => Object.keys(n.properties!));
}

/** True where the schema expects a date (YYYY-MM-DD). */
export function expectsDateAt(path: KeyPath, schema?: JsonSchema): boolean {
  return alternativesAt(path, schema).some((n) => n.format === 'date');
}

/** Whether the text at `path` must also match a pattern (an id, a currency code): quoting a number there is no fix. */
export function textPatternAt(path: KeyPath, schema?: JsonSchema): boolean {
  return alternativesAt(path, schema).some((n) => typeof n.pattern === 'string');
}

/** The schemas the value at `path` may match, unions spread out. */
function alternativesAt(path: KeyPath, schema?: JsonSchema): JsonSchema[] {
  let nodes: JsonSchema[] = [schema ?? (root ??= canvasJsonSchema() as JsonSchema)];
  for (const seg of path) {
    nodes = nodes.flatMap(alternatives).flatMap((n) => {
      if (typeof seg === 'number') return n.items ? [n.items] : [];
      if (n.properties?.[seg]) return [n.properties[seg]];
      return typeof n.additionalProperties === 'object' ? [n.additionalProperties] : [];
    });
  }
  return nodes.flatMap(alternatives);
}

function alternatives(n: JsonSchema): JsonSchema[] {
  const alts = n.anyOf ?? n.oneOf;
  return alts ? alts.flatMap(alternatives) : [n];
}
