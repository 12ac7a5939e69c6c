/** The small, valid canvas most tests use, as a path and as the model of its full briefing. */
import { readFileSync } from 'node:fs';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';
import type { Canvas } from '../../src/validate/schema.ts';
import type { BriefingModel } from '../../src/model/briefing-model.ts';

/** Nordwind Energi ASA: four blocks, six metrics, one chart, a contradiction to find. */
export const NORDWIND = 'test/fixtures/valid/nordwind.yaml';

/** The canvas, loaded and validated afresh (tests may change it). */
export function nordwindCanvas(): Canvas {
  return validateCanvas(parseCanvas(readFileSync(NORDWIND, 'utf8'), 'nordwind.yaml'));
}

/** The model of its full briefing, built afresh. */
export function nordwindModel(): BriefingModel {
  return buildModel(nordwindCanvas(), { name: 'nordwind', setKey: 'full' });
}
