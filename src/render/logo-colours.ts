/**
 * The colour an SVG logo is mostly drawn in, read from its markup without drawing it: what the cover's warning of a
 * logo that disappears on the band compares (theme-files.ts logoContrastWarning). Only what can be read for certain
 * counts: a fill given as a hex colour, rgb() or a few names, on the shape itself, by a rule of its <style> (a class,
 * an element's name) or on a group around it; a shape with no fill anywhere is black, as SVG draws it. A gradient,
 * currentColor or a colour given otherwise is unknown, and a logo with such a shape is not judged. A PNG is not read.
 */

/** The shapes that draw a fill. */
const SHAPES = new Set(['path', 'rect', 'circle', 'ellipse', 'polygon', 'text']);
/** Elements whose fill their children inherit. */
const GROUPS = new Set(['svg', 'g', 'a', 'switch', 'symbol']);
const NAMED: Record<string, string> = { black: '#000000', white: '#ffffff', red: '#ff0000', green: '#008000', blue: '#0000ff', navy: '#000080', gray: '#808080', grey: '#808080', silver: '#c0c0c0', yellow: '#ffff00', orange: '#ffa500' };

/** A colour as #rrggbb; 'none' for none; undefined for one this cannot read. */
function colourOf(value: string): string | undefined {
  const v = value.trim().replace(/\s*!important$/i, '').toLowerCase();
  if (v === 'none' || v === 'transparent') return 'none';
  if (NAMED[v]) return NAMED[v];
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(v)?.[1];
  if (hex) return `#${(hex.length <= 4 ? [...hex.slice(0, 3)].map((d) => d + d).join('') : hex.slice(0, 6))}`;
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,[^)]*)?\)$/.exec(v);
  if (rgb) return `#${rgb.slice(1, 4).map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0')).join('')}`;
  return undefined;
}

/** The fill a declaration list sets, if it sets one. */
const fillIn = (declarations: string) => /(?:^|;)\s*fill\s*:\s*([^;]+)/i.exec(declarations)?.[1];

/**
 * The colour most of an SVG's shapes are filled with (#rrggbb), counted shape by shape; undefined when it draws
 * nothing, or a shape's fill cannot be read. `plate`: the first shape drawn is a rect, in this colour: the logo's
 * background, not counted (a white name on a plate of the band's green shows), unless it is all the logo draws.
 */
export function dominantFill(svg: string): { colour: string; plate?: string } | undefined {
  const markup = svg.replace(/<!--[\s\S]*?-->/g, '');
  // <style> rules for a class or an element's name, in order: a later one wins.
  const rules: Array<{ selectors: string[]; fill: string }> = [];
  for (const sheet of markup.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    const css = sheet[1]!.replace(/<!\[CDATA\[|\]\]>/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const [, selector, body] of css.matchAll(/([^{}]*)\{([^}]*)\}/g)) {
      const fill = fillIn(body!);
      if (fill !== undefined) rules.push({ selectors: selector!.split(',').map((s) => s.trim()), fill });
    }
  }
  const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
  /** The fill an element sets itself: its style, then the last rule for it, then its attribute. */
  const ownFill = (name: string, tag: string) => {
    const style = attribute(tag, 'style');
    const classes = (attribute(tag, 'class') ?? '').split(/\s+/).filter(Boolean);
    const ruled = rules.filter((r) => r.selectors.some((s) => s === name || (s.startsWith('.') && classes.includes(s.slice(1))))).at(-1)?.fill;
    return (style === undefined ? undefined : fillIn(style)) ?? ruled ?? attribute(tag, 'fill');
  };
  const inherited: Array<string | undefined> = [];
  const counts = new Map<string, number>();
  let plate: string | undefined;
  let first = true;
  // Inside <defs>, <clipPath>, <mask> or <pattern> a shape is drawn only where it is used: not counted.
  let hidden = 0;
  for (const m of markup.matchAll(/<(\/?)(?:[\w-]+:)?([\w-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)) {
    const [tag, closing, rawName, , selfClosing] = m;
    const name = rawName!.toLowerCase();
    const invisible = ['defs', 'clippath', 'mask', 'pattern', 'symbol', 'lineargradient', 'radialgradient'].includes(name);
    if (closing) {
      if (invisible) hidden -= 1;
      if (GROUPS.has(name) || invisible) inherited.pop();
      continue;
    }
    const fill = ownFill(name, tag!) ?? inherited.at(-1);
    if (GROUPS.has(name) || invisible) {
      if (!selfClosing) {
        inherited.push(fill);
        if (invisible) hidden += 1;
      }
      continue;
    }
    if (!SHAPES.has(name) || hidden > 0) continue;
    const colour = fill === undefined ? '#000000' : colourOf(fill);
    if (colour === undefined) return undefined;
    if (first && name === 'rect' && colour !== 'none') plate = colour;
    else if (colour !== 'none') counts.set(colour, (counts.get(colour) ?? 0) + 1);
    first = false;
  }
  // The plate is the logo's background: what is drawn on it is the logo, unless nothing is.
  const [colour] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [plate];
  return colour === undefined ? undefined : { colour, ...(plate === undefined ? {} : { plate }) };
}
