/** vega's SVG made fit to be one of many inline SVGs in an HTML page. */
import type { ChartModel } from '../model/chart-model.ts';
import { CHART_COLORS, CHART_PALETTE } from './style.ts';

/**
 * The prefix of a chart's SVG ids: its id and which drawing of that id in the list it is (0 for
 * the first), so the charts of one page never share an id and a chart gets the same ids in every
 * briefing it appears in.
 */
export function svgIdPrefix(chart: Pick<ChartModel, 'id'>, occurrence: number): string {
  const base = (chart.id ?? 'chart').toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
  return `${/^[a-z]/.test(base) ? base : `c-${base}`}-${occurrence + 1}-`;
}

/**
 * Makes vega's SVG fit to be one of many inline SVGs in an HTML page:
 * - drops width/height on the root so it scales to its container (the viewBox stays), and
 *   labels the root role="img" with the chart's alt text;
 * - prefixes every id (vega numbers clip paths and gradients "clip1", "gradient_0"... from
 *   counters render-charts.ts resets for each chart) and the url(#...)/href="#..." references to them;
 * - lets a theme's stylesheet recolour the data: a palette colour drawn as fill or stroke also reads
 *   a CSS variable (--chart-1 to --chart-6, --chart-negative for the accent), whose fallback is
 *   the colour itself, so that without a theme nothing changes;
 * - refuses raster content, which would not be searchable or sharp in the PDF.
 */
export function finishSvg(svg: string, prefix: string, alt?: string): string {
  const label = alt ? ` role="img" aria-label="${escapeAttribute(alt)}"` : '';
  let out = svg.replace(/^<svg\b[^>]*>/, (root) =>
    root
      .replace(/\s(width|height|role|aria-label|aria-roledescription)="[^"]*"/g, '')
      .replace(/^<svg/, `<svg${label} preserveAspectRatio="xMidYMid meet"`),
  );
  const ids = new Set([...out.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  if (ids.size) {
    out = out
      .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}${id}"`)
      .replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${prefix}${id})` : m))
      .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, (m, attr: string, id: string) => (ids.has(id) ? `${attr}="#${prefix}${id}"` : m));
  }
  if (hasRaster(out)) throw new Error('the chart SVG contains raster content');
  return themable(out);
}

/** CSS variable of each data colour (charts/style.ts): the palette in order, then the accent. */
const DATA_COLOURS = new Map<string, string>([
  ...CHART_PALETTE.map((c, i): [string, string] => [c.toLowerCase(), `--chart-${i + 1}`]),
  [CHART_COLORS.accent.toLowerCase(), '--chart-negative'],
]);

/** Each element drawn in a data colour also reads that colour's CSS variable (style wins over the attribute). */
function themable(svg: string): string {
  return svg.replace(/<(path|rect|line|circle|symbol|g)\b([^>]*?)(\/?)>/g, (tag, name: string, attrs: string, close: string) => {
    if (/\sstyle=/.test(attrs)) return tag;
    const styles: string[] = [];
    for (const [, prop, value] of attrs.matchAll(/\s(fill|stroke)="(#[0-9a-fA-F]{6})"/g)) {
      const variable = DATA_COLOURS.get(value.toLowerCase());
      if (variable) styles.push(`${prop}: var(${variable}, ${value})`);
    }
    return styles.length === 0 ? tag : `<${name}${attrs} style="${styles.join('; ')}"${close}>`;
  });
}

/**
 * Whether the SVG draws a raster: an <image> (or foreignObject) element, or a data: URL where markup loads
 * one (href, src, url() in a style). Only the markup counts: text such as a label reading "data:image/png"
 * is escaped character data, drawn as text.
 */
function hasRaster(svg: string): boolean {
  for (const [tag] of svg.matchAll(/<[^>]*>/g)) {
    if (/^<(image|foreignObject)\b/i.test(tag)) return true;
    for (const [, name, value] of tag.matchAll(/\s([\w:-]+)\s*=\s*"([^"]*)"/g)) {
      if (/^(?:xlink:)?(?:href|src)$/i.test(name) && /^\s*data:/i.test(value)) return true;
      if (/^style$/i.test(name) && /url\(\s*(?:&quot;|['"])?\s*data:/i.test(value)) return true;
    }
  }
  return false;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
