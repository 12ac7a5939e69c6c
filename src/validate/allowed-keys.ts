/** What the schema says about a key path, read from the published JSON Schema (for hints in messages). */
import type { KeyPath } from '../canvas/key-path.ts';
import { canvasJsonSchema } from './json-schema.ts';

type JsonSchema = {
  type?: string;
  format?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};
let root: JsonSchema | undefined;

/** Keys allowed in the mapping at `path`, or [] where the schema does not fix them. */
export function allowedKeysAt(path: KeyPath): string[] {
  return [...new Set(alternativesAt(path).flatMap((n) => Object.keys(n.properties ?? {})))];
}

/** Each mapping form the value at `path` may take, by its required keys: `{metric: ...}`, `{paragraph: ...}`. */
export function objectFormsAt(path: KeyPath): string[] {
  return alternativesAt(path)
    .filter((n) => n.type === 'object' && n.properties)
    .map((n) => `{${(n.required?.length ? n.required : Object.keys(n.properties!).slice(0, 1)).map((k) => `${k}: ...`).join(', ')}}`);
}

/** True where the schema expects a date (YYYY-MM-DD). */
export function expectsDateAt(path: KeyPath): boolean {
  return alternativesAt(path).some((n) => n.format === 'date');
}

/** The schemas the value at `path` may match, unions spread out. */
function alternativesAt(path: KeyPath): JsonSchema[] {
  root ??= canvasJsonSchema() as JsonSchema;
  let nodes: JsonSchema[] = [root];
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
