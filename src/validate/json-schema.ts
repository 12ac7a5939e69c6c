import { z } from 'zod';
import { CanvasSchema } from './schema.ts';
import { ConfigSchema } from './config-schema.ts';

/** The canvas schema as JSON Schema (draft 2020-12), as published in schema/canvas.schema.json. */
export function canvasJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CanvasSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://canvas-briefing.invalid/schema/canvas.schema.json',
    title: 'canvas-briefing canvas',
  };
}

/** The project config's schema as JSON Schema, as published in schema/briefing-config.schema.json. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://canvas-briefing.invalid/schema/briefing-config.schema.json',
    title: 'canvas-briefing project config (briefing.config.yaml)',
  };
}
