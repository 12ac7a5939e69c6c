/** Publishes the canvas schema as schema/canvas.schema.json, for editors (yaml-language-server). */
import { writeFileSync } from 'node:fs';
import { canvasJsonSchema } from '../src/validate/json-schema.ts';

const out = new URL('../schema/canvas.schema.json', import.meta.url);
writeFileSync(out, JSON.stringify(canvasJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out.pathname}`);
