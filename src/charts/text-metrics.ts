/**
 * Exact text measurement for vega, with @napi-rs/canvas and the briefing's own fonts.
 *
 * Vega lays out text (axis label space, label truncation, autosize "fit") by measuring it
 * with `textMetrics.width` from vega-scenegraph. Out of the box, in Node:
 *   - vega-scenegraph creates its measuring context once, at import, with `canvas(1, 1)` from
 *     vega-canvas; the Node build of vega-canvas only tries `await import('canvas')` (node-canvas),
 *     never @napi-rs/canvas. The context is module-private, so it cannot be swapped afterwards.
 *   - Without it, `textMetrics.width` is `estimateWidth`: `~~(0.8 * text.length * fontSize)`,
 *     which makes "Alibaba Cloud Intelligence Group" 256px at 10px Inter (really 155px) and
 *     truncates or misplaces labels.
 * vega-scenegraph supports a user-defined `textMetrics.width` (its `widthGetter` has a branch
 * "User defined textMetrics.width function in use (e.g. vl-convert)", which is how vl-convert
 * gets exact metrics), so we assign our own function, backed by @napi-rs/canvas (Skia) with the
 * same woff2 faces the HTML embeds (fonts.ts). Its widths equal Chromium's to the 1/1000 px.
 */
import { createRequire } from 'node:module';
import { CJK_FAMILIES, FONT_STACK, fontFaces, SCRIPT_FAMILIES } from '../fonts.ts';
import { CHART_FONT } from './theme.ts';

// @napi-rs/canvas is a CommonJS native addon; require keeps its types and avoids ESM interop quirks.
const require = createRequire(import.meta.url);
type NapiCanvas = typeof import('@napi-rs/canvas');

interface MeasureContext {
  font: string;
  measureText(text: string): { width: number };
}

let context: MeasureContext | undefined;
const cache = new Map<string, number>();
const CACHE_LIMIT = 20_000;

/** The measuring context, with every briefing face registered; created once per process. */
function measureContext(): MeasureContext {
  if (context) return context;
  const { GlobalFonts, createCanvas } = require('@napi-rs/canvas') as NapiCanvas;
  const failed: string[] = [];
  for (const face of fontFaces().filter((f) => (FONT_STACK as readonly string[]).includes(f.family))) { // the charts' own stack: the other CJK faces are loaded when needed
    // Skia reads the @fontsource woff2 files directly (no woff/ttf conversion needed).
    if (!GlobalFonts.registerFromPath(face.file, face.family)) failed.push(face.file);
  }
  if (failed.length || !GlobalFonts.has(CHART_FONT)) {
    throw new Error(`could not load the chart fonts into @napi-rs/canvas: ${failed.slice(0, 3).join(', ') || CHART_FONT}`);
  }
  context = createCanvas(1, 1).getContext('2d') as unknown as MeasureContext;
  return context;
}

/** Families registered beyond the charts' own stack (the Traditional Chinese, Japanese and Korean faces), on first use: each costs a few hundred files. */
const registered = new Set<string>();

function registerFamiliesOf(font: string): void {
  for (const family of CJK_FAMILIES) {
    if (registered.has(family) || (FONT_STACK as readonly string[]).includes(family) || !font.includes(family)) continue;
    const { GlobalFonts } = require('@napi-rs/canvas') as NapiCanvas;
    for (const face of fontFaces().filter((f) => f.family === family)) GlobalFonts.registerFromPath(face.file, face.family);
    registered.add(family);
  }
}

/**
 * The script families (Devanagari) text in their script is measured with, registered on first use: the page draws
 * such text in them, the last of its stack (render/page-css.ts), and Skia falls back to no face it is not named.
 */
function scriptFamiliesOf(text: string): string[] {
  const families: string[] = [];
  for (const { family, script } of SCRIPT_FAMILIES) {
    if (!script.test(text)) continue;
    if (!registered.has(family)) {
      const { GlobalFonts } = require('@napi-rs/canvas') as NapiCanvas;
      for (const face of fontFaces().filter((f) => f.family === family)) GlobalFonts.registerFromPath(face.file, face.family);
      registered.add(family);
    }
    families.push(family);
  }
  return families;
}

/** Han, kana and hangul, and their full-width forms: text the CJK faces draw. */
export const CJK_TEXT = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** The advance width of `text` in px, for a CSS font shorthand such as "600 10px Inter". */
export function measureTextWidth(text: string, font: string): number {
  const key = `${font}\u0000${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    const ctx = measureContext();
    if (CJK_TEXT.test(text)) registerFamiliesOf(font); // only CJK text needs them
    const scripts = scriptFamiliesOf(text).filter((family) => !font.includes(family));
    ctx.font = scripts.length === 0 ? font : `${font}, ${scripts.map((f) => `'${f}'`).join(', ')}`;
    width = ctx.measureText(text).width;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, width);
  }
  return width;
}

/** The shape of vega-scenegraph's `textMetrics` (untyped in vega-typings). */
interface VegaTextMetrics {
  width: (item: VegaTextItem, text: unknown) => number;
  estimateWidth: (item: VegaTextItem, text: unknown) => number;
}
interface VegaTextItem {
  fontSize?: number | string;
  limit?: number;
}
type FontOf = (item: VegaTextItem, quote?: boolean) => string;

/**
 * Makes vega measure text with @napi-rs/canvas. Idempotent.
 *
 * vega calls `textMetrics.width(item, text)` from two places with the raw text: text bounds
 * (layout), where the built-in measurer returns the width after truncation to `item.limit`,
 * and `truncate()`, which binary-searches the longest prefix whose width is below the limit.
 * Returning min(width, limit) serves both: bounds of a truncated label are the limit (its
 * truncated text plus ellipsis is at most that), and truncate() still sees every prefix that
 * does not fit as not fitting, so it cuts at the same character as vega's own measurer.
 */
export function installTextMetrics(vega: { textMetrics: unknown; font: unknown }): void {
  const metrics = vega.textMetrics as VegaTextMetrics & { __briefing?: boolean };
  if (metrics.__briefing) return;
  measureContext();
  const font = vega.font as FontOf;
  const width = (item: VegaTextItem, text: unknown): number => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const str = text == null ? '' : String(text).trim();
    if (size <= 0 || !str) return 0;
    const w = measureTextWidth(str, font(item));
    const limit = Number(item.limit);
    return limit > 0 ? Math.min(w, limit) : w;
  };
  metrics.width = width;
  metrics.__briefing = true;
}
