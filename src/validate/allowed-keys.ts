/** Which keys the schema allows at a key path, read from the published JSON Schema (for "did you mean" hints). */
import type { KeyPath } from '../load/load-canvas.ts';
import { canvasJsonSchema } from './json-schema.ts';

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; additionalProperties?: JsonSchema | boolean; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] };
let root: JsonSchema | undefined;

/** Keys allowed in the mapping at `path`, or [] where the schema does not fix them. */
export function allowedKeysAt(path: KeyPath): string[] {
  root ??= canvasJsonSchema() as JsonSchema;
  let nodes: JsonSchema[] = [root];
  for (const seg of path) {
    nodes = nodes.flatMap(alternatives).flatMap((n) => {
      if (typeof seg === 'number') return n.items ? [n.items] : [];
      if (n.properties?.[seg]) return [n.properties[seg]];
      return typeof n.additionalProperties === 'object' ? [n.additionalProperties] : [];
    });
  }
  return [...new Set(nodes.flatMap(alternatives).flatMap((n) => Object.keys(n.properties ?? {})))];
}

function alternatives(n: JsonSchema): JsonSchema[] {
  const alts = n.anyOf ?? n.oneOf;
  return alts ? alts.flatMap(alternatives) : [n];
}
