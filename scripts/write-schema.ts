/** Publishes the canvas, config and theme schemas as schema/*.schema.json, for editors (yaml-language-server). */
import { writeFileSync } from 'node:fs';
import { canvasJsonSchema, configJsonSchema, themeJsonSchema } from '../src/validate/json-schema.ts';

for (const [file, schema] of [['canvas.schema.json', canvasJsonSchema()], ['briefing-config.schema.json', configJsonSchema()], ['theme.schema.json', themeJsonSchema()]] as const) {
  const out = new URL(`../schema/${file}`, import.meta.url);
  writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${out.pathname}`);
}
