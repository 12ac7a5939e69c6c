/** canvas-briefing's public API. */
export { main } from './cli/main.ts';
export type { Io } from './cli/main.ts';
export { buildBriefings, buildBriefing, checkCanvas, startRun } from './pipeline.ts';
export type { BriefingOutcome, BuiltBriefing, BuildRun, SkippedCanvas, FailedBriefing } from './pipeline.ts';
export { resolveOptions } from './config.ts';
export type { BuildOptions, PageSize } from './config.ts';
export { BriefingError, EXIT } from './errors.ts';
export { loadCanvas, parseCanvas } from './load/load-canvas.ts';
export { validateCanvas } from './validate/validate-canvas.ts';
export { CanvasSchema } from './validate/schema.ts';
export { BLOCK_KEYS } from './canvas/blocks.ts';
export type { Canvas, Metric, Chart, Section, BlockSet } from './validate/schema.ts';
export { buildModel, blockSetKeys } from './model/build-model.ts';
export type { BriefingModel } from './model/briefing-model.ts';
export { createRenderer } from './render/render-html.ts';
export type { Renderer } from './render/render-html.ts';
export { createPrinter, findBrowser } from './print/index.ts';
