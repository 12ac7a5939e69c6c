import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { canvasJsonSchema } from '../../src/validate/json-schema.ts';

describe('schema/canvas.schema.json', () => {
  it('is the published form of the zod schema (run `npm run schema` after changing src/validate/schema.ts)', () => {
    expect(JSON.parse(readFileSync('schema/canvas.schema.json', 'utf8'))).toEqual(canvasJsonSchema());
  });

  it('describes the fields an editor completes, and rejects unknown keys', () => {
    const schema = canvasJsonSchema() as { properties: Record<string, { additionalProperties?: unknown; properties?: Record<string, { description?: string }> }>; additionalProperties: unknown };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['company', 'briefing', 'metrics', 'charts', 'blocks', 'block_sets', 'data_notes']));
    expect(Object.keys(schema.properties.blocks.properties!)).toHaveLength(9);
    expect(schema.properties.briefing.properties!.as_of.description).toMatch(/date/);
  });

  it('is referenced by the sample canvas for editors', () => {
    expect(readFileSync('data/alibaba.yaml', 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/canvas.schema.json');
  });
});
