import { z } from 'zod';
import { CanvasSchema } from './schema.ts';
import { ConfigSchema } from './config-schema.ts';
import { ThemeSchema } from './theme-schema.ts';

/** A zod schema as published JSON Schema (draft 2020-12) for editors, under schema/<file>. */
function published(schema: z.ZodType, file: string, title: string): Record<string, unknown> {
  return {
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
    $id: `https://canvas-briefing.invalid/schema/${file}`,
    title,
  };
}

/** The canvas schema as JSON Schema, as published in schema/canvas.schema.json. */
export function canvasJsonSchema(): Record<string, unknown> {
  return published(CanvasSchema, 'canvas.schema.json', 'canvas-briefing canvas');
}

/** The project config's schema as JSON Schema, as published in schema/briefing-config.schema.json. */
export function configJsonSchema(): Record<string, unknown> {
  return published(ConfigSchema, 'briefing-config.schema.json', 'canvas-briefing project config (briefing.config.yaml)');
}

/** A theme's settings as JSON Schema, as published in schema/theme.schema.json. */
export function themeJsonSchema(): Record<string, unknown> {
  return published(ThemeSchema, 'theme.schema.json', 'canvas-briefing theme settings (theme.yaml)');
}
