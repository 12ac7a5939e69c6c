/**
 * A theme folder's files, over the built-in theme's, file by file (docs/themes.md): a template or
 * partial in the theme folder replaces the built-in one of the same name, styles/briefing.css
 * replaces the built-in stylesheet, styles/theme.css is added after it, and a logo is embedded.
 * Everything a theme's CSS refers to (fonts, images) must be a file inside the theme folder: it is
 * embedded as a data: URL, since the printed page may fetch nothing (print/serve-document.ts).
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BriefingError, EXIT, quote } from '../errors.ts';
import { didYouMean, nearest } from '../did-you-mean.ts';
import { EMBEDDED_FAMILIES } from '../fonts.ts';
import { THEME_ASSET_TYPES, themeMaterialFiles } from '../theme-material.ts';
import { imageProblem } from './image-check.ts';
import { dominantFill } from './logo-colours.ts';
import { BRIEFING_FONTS } from './page-css.ts';

/** A theme as the renderer uses it: its folder and what its theme.yaml says. */
export interface RenderTheme {
  dir: string;
  name?: string;
  chapterBreaks: 'flow' | 'page';
  /** An .svg or .png file in the folder, named relative to it. */
  logo?: string;
}

/** The largest file a theme embeds (a logo, a font): a briefing is sent by e-mail. */
const MAX_ASSET_BYTES = 5 * 1024 * 1024;

/** The file at `rel` in the theme folder, if there is one, refusing a path that leads out of it (a link included). */
export function themeFile(theme: RenderTheme | undefined, rel: string): string | undefined {
  if (theme === undefined) return undefined;
  const path = resolve(theme.dir, rel);
  if (!existsSync(path)) return undefined;
  const inside = relative(realpathSync(theme.dir), realpathSync(path));
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new BriefingError(`${join(theme.dir, rel)}: leads outside the theme folder; a theme uses only files inside its own folder`, EXIT.template);
  }
  return statSync(path).isFile() ? path : undefined;
}

/**
 * Whether the data-notes partial a theme prints with lists the notes on charts' and tables' periods under their own
 * heading (`parts.periodNotes`, `periodNotes`): the built-in one does; a theme's own written before there was one does
 * not, and would leave the contents' entry and the "See Data notes" links under charts and tables pointing at nothing.
 */
export function printsPeriodNotes(theme: RenderTheme | undefined): boolean {
  const own = themeFile(theme, join('templates', 'partials', 'data-notes.hbs'));
  return own === undefined || readFileSync(own, 'utf8').includes('periodNotes');
}

/** The note under a chart, as the built-in chart partial prints it (templates/partials/chart.hbs). */
const CHART_NOTE = '{{#if note}}<p class="chart-note">{{note}} <a href="#{{noteAnchor}}">See Data notes</a></p>{{/if}}';
/** The note under a table, as the built-in table partial prints it after its last row (templates/partials/table.hbs). */
const TABLE_NOTE = '{{#if periodNote}}<p class="table-period-note">{{periodNote}} <a href="#{{periodNoteAnchor}}">See Data notes</a></p>{{/if}}';

/**
 * What to print before and after a theme's own `chart` or `table` partial written before charts and tables had notes
 * on their periods: one that never names `note` (a chart's) or `periodNote` (a table's) would leave the chart or table
 * without the note a committee must read under it, and only its data note would say so. The note is printed after it,
 * as the built-in partial prints it; a table partial that never names `anchor` is wrapped, while it has a note, in an
 * element with its id, where its data note links back to. Nothing for a partial that prints them, or another partial.
 */
export function periodNoteAround(name: string, source: string): { before: string; after: string } | undefined {
  if (name === 'chart') return names(source, 'note') ? undefined : { before: '', after: CHART_NOTE };
  if (name !== 'table') return undefined;
  const note = !names(source, 'periodNote');
  const anchor = !names(source, 'anchor');
  if (!note && !anchor) return undefined;
  return {
    before: anchor ? '{{#if anchor}}<div class="table-noted" id="{{anchor}}">{{/if}}' : '',
    after: `${note ? TABLE_NOTE : ''}${anchor ? '{{#if anchor}}</div>{{/if}}' : ''}`,
  };
}

/**
 * Whether a theme's own partial `name` prints the figure register without its numbered sources: a `data-notes` partial
 * written before the register listed its sources once (it never names `register.sources`) would print "[1]" in the
 * Source column and nowhere say what [1] is. Such a partial is given the register with each source written out in its rows.
 */
export function registerSourcesUnprinted(name: string, source: string): boolean {
  return name === 'data-notes' && !names(source, 'register\\.sources');
}

/** Whether a template names the field `field` in a mustache ({{note}}, {{#if ../periodNote}}), its comments aside. */
function names(source: string, field: string): boolean {
  const code = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, '');
  return new RegExp(`\\{\\{[^}]*(?<![\\w$@-])${field}(?![\\w$-])`).test(code);
}

/** The template to use for `rel` (templates/briefing.hbs): the theme's, else the built-in one. */
export function templateFile(root: string, theme: RenderTheme | undefined, rel: string): string {
  return themeFile(theme, rel) ?? join(root, rel);
}

/** Partial name -> file: the built-in partials, each replaced by the theme's of the same name, and the theme's own. */
export function partialFiles(root: string, theme: RenderTheme | undefined): Map<string, string> {
  const files = new Map<string, string>();
  const partials = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.hbs') && !n.startsWith('.')).sort() : []);
  for (const f of partials(join(root, 'templates', 'partials'))) files.set(basename(f, '.hbs'), join(root, 'templates', 'partials', f));
  for (const f of partials(theme ? join(theme.dir, 'templates', 'partials') : '')) {
    const file = themeFile(theme, join('templates', 'partials', f));
    if (file) files.set(basename(f, '.hbs'), file);
  }
  return files;
}

/** The stylesheet: the theme's styles/briefing.css or the built-in one, then the theme's styles/theme.css, with their url()s embedded. */
export function stylesheet(root: string, theme: RenderTheme | undefined): string {
  const own = themeFile(theme, join('styles', 'briefing.css'));
  const base = own ? themeCss(own, theme!) : readFileSync(join(root, 'styles', 'briefing.css'), 'utf8');
  const extra = themeFile(theme, join('styles', 'theme.css'));
  return extra ? `${base}\n/* ${relative(theme!.dir, extra)} */\n${themeCss(extra, theme!)}` : base;
}

/** A theme stylesheet, its colours checked and its url()s embedded. */
function themeCss(file: string, theme: RenderTheme): string {
  const css = readFileSync(file, 'utf8');
  const problems = colourProblems(css);
  if (problems.length > 0) throw new BriefingError(problems.map((p) => `${file}:${p}`).join('\n'), EXIT.template);
  return embedUrls(css, file, theme);
}

/**
 * The built-in stylesheet's colour variables (styles/briefing.css) and the charts' (finish-svg.ts): a theme sets them to
 * colours. A custom property takes any value, so the browser keeps "--navy: 0b3d5c" (the # forgotten) and then drops
 * every declaration that uses it: the cover band lost its background, the company's name white on white.
 */
export const COLOUR_VARIABLES: readonly string[] = ['--ink', '--muted', '--navy', '--blue', '--accent', '--rule', '--zebra', '--positive', '--negative', '--marking', '--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6', '--chart-negative'];

/** Properties whose whole value is one colour. */
const COLOUR_PROPERTY = /^(?:color|background-color|border(?:-(?:top|right|bottom|left|block|inline|block-start|block-end|inline-start|inline-end))?-color|outline-color|text-decoration-color|column-rule-color|caret-color|accent-color|fill|stroke|stop-color|flood-color|lighting-color)$/i;

/** Properties whose value may hold a colour among other things (a shorthand): only a hex colour without its # is looked for. */
const WITH_COLOUR_PROPERTY = /^(?:background|border(?:-(?:top|right|bottom|left|block|inline))?|outline|column-rule|text-decoration|box-shadow|text-shadow)$/i;

/** CSS's named colours (CSS Color 4), and the keywords a colour property takes besides. */
const COLOUR_WORDS = new Set((
  'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral ' +
  'cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange ' +
  'darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey ' +
  'dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ' +
  'ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink ' +
  'lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine ' +
  'mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose ' +
  'moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru ' +
  'pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue ' +
  'slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen ' +
  'transparent currentcolor none inherit initial unset revert revert-layer'
).split(' '));

/** A colour as CSS writes one: #hex (its digits checked apart), a colour function, a var() or a colour's name. */
function isColour(value: string): boolean {
  return /^#/.test(value) || /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark|var|env)\(/i.test(value) || COLOUR_WORDS.has(value.toLowerCase());
}

/**
 * Each colour of a stylesheet that is none, as "line: what is wrong" (every one, not the first: a theme is fixed in one
 * go). A hex colour that is none ("#12345", "#1f3a5g"): the browser drops the whole declaration, and everything that
 * uses it loses its colour without a word (a brand colour set on --navy so mistyped left the cover band with no
 * background, the company's name white on white). So too a colour variable or colour property set to what is no colour
 * ("0b3d5c", its # forgotten; "navvy"), and a hex colour without its # in a shorthand ("background: 0b3d5c").
 */
function colourProblems(css: string): string[] {
  // Comments, strings and url()s blanked (a fragment url(#shadow), a data: URL's fill='#fff'), line breaks kept.
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  const text = css.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/url\(\s*(?:"[^"]*"|'[^']*'|[^)]*)\s*\)/gi, blank).replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, blank);
  const lineOf = (at: number) => text.slice(0, at).split('\n').length;
  const problems: Array<{ at: number; message: string }> = [];
  // Declarations only: the innermost blocks (a rule's, a @font-face's, one inside @media), never a selector's #id.
  for (const block of text.matchAll(/\{([^{}]*)\}/g)) {
    const start = block.index + 1;
    for (const hex of block[1]!.matchAll(/#([0-9a-z_-]*)/gi)) {
      if (/^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(hex[1]!)) continue;
      const declaration = /([-\w]+)\s*:[^:;]*$/.exec(block[1]!.slice(0, hex.index))?.[1];
      problems.push({ at: start + hex.index, message: `${declaration === undefined ? '' : `${declaration}: `}${quote(`#${hex[1]}`)} is not a colour: a hex colour has 3, 4, 6 or 8 hex digits (0-9, a-f), as #1f3a5f or #fff` });
    }
    for (const d of block[1]!.matchAll(/(?<![-\w])(--[-\w]+|[a-z][-a-z]*)\s*:([^;]*)/gi)) {
      const [name, raw] = [d[1]!, d[2]!];
      const value = raw.replace(/!\s*important\s*$/i, '').trim();
      const at = start + d.index + d[0].indexOf(':') + 1 + (raw.length - raw.trimStart().length);
      const bareHex = (word: string) => /^(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(word) && /[a-f]/i.test(word) && /\d/.test(word);
      if (COLOUR_VARIABLES.includes(name) || COLOUR_PROPERTY.test(name)) {
        if (value === '' || isColour(value)) continue;
        const how = ': write a hex colour (#1f3a5f), a colour function (rgb(31 58 95)) or a colour\'s name';
        const near = /^[a-z]+$/i.test(value) ? nearest(value.toLowerCase(), [...COLOUR_WORDS])[0] : undefined;
        const fix = bareHex(value) ? `: write it with its #, as #${value}` : near !== undefined ? `: write ${quote(near)} if that is the colour meant` : how;
        problems.push({ at, message: `${name}: ${quote(value)} is not a colour${fix}` });
      } else if (WITH_COLOUR_PROPERTY.test(name)) {
        const word = value.split(/[\s,]+/).find(bareHex);
        if (word !== undefined) problems.push({ at, message: `${name}: ${quote(word)} is not a colour: write it with its #, as #${word}` });
      }
    }
  }
  return problems.sort((a, b) => a.at - b.at).map((p) => `${lineOf(p.at)}: ${p.message}. As written the browser would ignore the declaration, and what uses it would lose its colour`);
}

/** The theme's logo as a data: URL, if it names one. */
export function logoUrl(theme: RenderTheme | undefined): string | undefined {
  if (theme?.logo === undefined) return undefined;
  const file = themeFile(theme, theme.logo);
  if (file === undefined) throw new BriefingError(`${join(theme.dir, 'theme.yaml')}: logo: no file ${quote(theme.logo)} in the theme folder ${theme.dir}`, EXIT.template);
  return dataUrl(file, `${join(theme.dir, 'theme.yaml')}: logo`, 'the logo');
}

/**
 * A warning when the theme's logo is an SVG that sets text (<text>) in a font it does not embed: drawn as an image,
 * it cannot use the fonts the briefing embeds, so each machine that prints it draws the text in a font of its own.
 * A font the SVG embeds itself (an @font-face whose source is a data: URL) is drawn, and embedded in the PDF: no
 * warning when every family the SVG names (font-family, the font shorthand) is one it embeds, and every text gets
 * one: set on the root <svg> (or by a rule for svg, text or *), or on each <text> itself.
 */
export function logoWarning(theme: RenderTheme | undefined): string | undefined {
  const file = theme?.logo === undefined ? undefined : themeFile(theme, theme.logo);
  if (file === undefined || extname(file).toLowerCase() !== '.svg') return undefined;
  const markup = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, ''); // a <text> in a comment draws nothing
  const texts = [...markup.matchAll(/<(?:svg:)?text(?=[\s>/])[^>]*>/g)].map((t) => t[0]);
  if (texts.length === 0) return undefined;
  const faces = [...markup.matchAll(/@font-face\s*\{([^}]*)\}/gi)].map((f) => f[1]!);
  const embedded = new Set(faces.filter((f) => /src\s*:\s*url\(\s*["']?data:/i.test(f)).flatMap((f) => /font-family\s*:\s*([^;]+)/i.exec(f)?.[1] ?? []).map(firstFamily));
  const rest = markup.replace(/@font-face\s*\{[^}]*\}/gi, '');
  const embeds = (families: string[]) => families.length > 0 && families.every((f) => embedded.has(firstFamily(f)));
  const tags = [...rest.matchAll(/<[a-z][^>]*>/gi)].map((t) => t[0]);
  const sheets = [...rest.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
  const rules = sheets.flatMap((sheet) => [...sheet.matchAll(/([^{}]*)\{([^}]*)\}/g)].map(([, selector, body]) => ({ selector: selector!.trim(), families: cssFamilies(body!) })));
  // Every family named anywhere is embedded; and every text gets one: from the root, a rule for every text, or its own tag.
  const named = [...tags.flatMap(tagFamilies), ...rules.flatMap((r) => r.families)];
  const root = tags.find((t) => /^<(?:svg:)?svg\b/.test(t)) ?? '';
  const forAll = rules.some((r) => /^(?:svg|text|\*)(?:\s*,\s*\S+)*$/.test(r.selector) && embeds(r.families));
  if (named.every((f) => embedded.has(firstFamily(f))) && (embeds(tagFamilies(root)) || forAll || texts.every((t) => embeds(tagFamilies(t))))) return undefined;
  return `the theme's logo ${theme!.logo} sets text (<text>), which as an image cannot use the briefing's fonts: it prints in whatever font the machine has; convert the text to outlines (paths), embed its font in the SVG (an @font-face with a data: URL), or use a PNG`;
}

/** The theme's own stylesheets, as written, each with its path in the theme folder: what the colour and font warnings read. */
function themeStylesheets(theme: RenderTheme | undefined): Array<{ rel: string; text: string }> {
  return [join('styles', 'briefing.css'), join('styles', 'theme.css')].flatMap((rel) => {
    const file = themeFile(theme, rel);
    return file === undefined ? [] : [{ rel, text: readFileSync(file, 'utf8') }];
  });
}

/** The built-in colours a theme sets that print text on white, or under white text, and what they colour. */
const TEXT_COLOURS: ReadonlyArray<{ name: string; colours: string }> = [
  { name: '--navy', colours: 'headings, table and chart titles and key figures, on white, and is the cover band under the company\'s white name' },
  { name: '--accent', colours: 'chapter and section numbers, a block set\'s title on the cover and the contents\' numbers, on white, and the background of white badges' },
  { name: '.cover-band background', colours: 'the cover band under the company\'s white name' },
];

/** What --navy colours where the theme gives the cover band a background of its own. */
const NAVY_OFF_COVER = 'headings, table and chart titles and key figures, on white';

/** The least contrast with white of a colour that text is printed in, or on: WCAG's for large text, which the headings are. */
const LEAST_CONTRAST = 3;

/** The colours a theme's stylesheets set that print text (the last hex each gets), each with the file and line that sets it. */
function themeTextColours(theme: RenderTheme | undefined): Map<string, { hex: string; at: string }> {
  const found = new Map<string, { hex: string; at: string }>();
  for (const { rel, text } of themeStylesheets(theme)) {
    const css = text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
    const at = (offset: number) => `${rel}:${css.slice(0, offset).split('\n').length}`;
    for (const m of css.matchAll(/(?:^|[;{\s])(--navy|--accent)\s*:\s*(#[0-9a-f]+)\s*(?:!important\s*)?(?=[;}]|$)/gim)) found.set(m[1]!, { hex: m[2]!, at: at(m.index) });
    for (const block of css.matchAll(/\.cover-band\s*\{([^}]*)\}/g)) {
      for (const m of block[1]!.matchAll(/(?:^|[;\s])background(?:-color)?\s*:\s*(#[0-9a-f]+)\s*(?:!important\s*)?(?=;|$)/gi)) found.set('.cover-band background', { hex: m[1]!, at: at(block.index) });
    }
  }
  return found;
}

/**
 * Warnings for the theme's colours that text is printed in on white, or printed on in white, with too little contrast to
 * read (a yellow --accent: chapter numbers and a set's title in yellow on white; a pale --navy: the company's name white
 * on it). Only hex colours are read (the last one a theme's stylesheets give each); a brand's light colour stays
 * free for what draws no text (the rules, card tops, chart bars). Then the logo's, drawn in the band's colour.
 */
export function colourWarnings(theme: RenderTheme | undefined): string[] {
  const found = themeTextColours(theme);
  const text = TEXT_COLOURS.flatMap(({ name, colours: all }) => {
    const set = found.get(name);
    // --navy is the cover band's colour only where the theme gives the band none of its own.
    const colours = name === '--navy' && found.has('.cover-band background') ? NAVY_OFF_COVER : all;
    const contrast = set === undefined ? undefined : contrastOf(set.hex);
    if (contrast === undefined || contrast >= LEAST_CONTRAST) return [];
    return [`the theme's ${name} ${set!.hex} (${set!.at}) has a contrast of ${contrast.toFixed(1)}:1 with white, too little to read in print (${LEAST_CONTRAST}:1 at least; 4.5:1 for small text): it colours ${colours}. Set ${name.startsWith('--') ? name : 'it'} to a darker shade of the brand colour; a light one can still draw what holds no text (h1 { border-bottom-color: ... }, .cover-body { border-top-color: ... }, the chart bars' --chart-1 ...)`];
  });
  const logo = logoContrastWarning(theme, found);
  return logo === undefined ? text : [...text, logo];
}

/** The least contrast a logo's colour needs with the cover band it sits on to be seen at all. */
const LOGO_CONTRAST = 1.5;

/**
 * A warning when the theme's SVG logo is drawn mostly in a colour too close to the cover band's (its own background,
 * else --navy) to be seen on it: a navy logo on a navy band. Not when the logo sits on a plate of its own that shows,
 * nor when the theme gives the cover's logo a look of its own (.cover-logo with content, a background or a filter).
 */
function logoContrastWarning(theme: RenderTheme | undefined, found: Map<string, { hex: string; at: string }>): string | undefined {
  const file = theme?.logo === undefined ? undefined : themeFile(theme, theme.logo);
  if (file === undefined || extname(file).toLowerCase() !== '.svg') return undefined;
  const own = themeStylesheets(theme).some(({ text }) => [...text.matchAll(/([^{}]*)\{([^}]*)\}/g)].some(([, selector, body]) => /\.cover-logo\b/.test(selector!) && /(?:^|[;\s])(?:content|background(?:-color|-image)?|filter)\s*:/i.test(body!)));
  if (own) return undefined;
  const fill = dominantFill(readFileSync(file, 'utf8'));
  const band = found.get('.cover-band background') ?? found.get('--navy');
  // A band coloured otherwise than in hex (var(--brand), rgb()): its colour is not known here.
  if (band === undefined && themeStylesheets(theme).some(({ text }) => /--navy\s*:|\.cover-band\s*\{[^}]*background/.test(text))) return undefined;
  const bandHex = band?.hex ?? BUILT_IN_NAVY;
  const contrast = fill === undefined ? undefined : contrastOf(fill.colour, bandHex);
  if (contrast === undefined || contrast >= LOGO_CONTRAST) return undefined;
  if (fill!.plate !== undefined && (contrastOf(fill!.plate, bandHex) ?? 0) >= LOGO_CONTRAST) return undefined;
  const bandName = band === undefined ? `the built-in --navy ${BUILT_IN_NAVY}` : `${found.has('.cover-band background') ? '.cover-band background' : '--navy'} ${band.hex} (${band.at})`;
  return `the theme's logo ${theme!.logo} is drawn mostly in ${fill!.colour}, which has a contrast of ${contrast!.toFixed(1)}:1 with the cover band it sits on, ${bandName}: on the cover the logo all but disappears (the running head, on white, shows it). Add a light or white version of the logo to the theme folder and show it on the cover: .cover-logo { content: url("../logo-white.svg"); } in styles/theme.css (see docs/themes.md)`;
}

/** The built-in cover band's colour (styles/briefing.css --navy). */
const BUILT_IN_NAVY = '#1f3a5f';

/** Families CSS resolves without a font file: the generic ones, and keywords a font-family may hold. */
const GENERIC_FAMILIES = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded', 'emoji', 'math', 'fangsong', 'inherit', 'initial', 'unset', 'revert', 'revert-layer']);

/**
 * Warnings for font families the theme's stylesheets name that no @font-face of theirs defines and the briefing does
 * not embed ("Barlow Condensd" for Barlow Condensed, "Arial"): the browser draws that text in the next family of the
 * list, or in a font of the machine that prints it (Arial where it is installed, not elsewhere): nothing says so.
 * Once per family, at its first line.
 */
export function fontWarnings(theme: RenderTheme | undefined): string[] {
  const sheets = blankedStylesheets(theme);
  // A family as CSS reads it: quoted, as written; unquoted, its words one space apart ("Noto  Sans JP" is Noto Sans JP).
  const unquote = (family: string) => {
    const name = family.trim();
    return /^(["']).*\1$/.test(name) ? name.slice(1, -1).trim() : name.replace(/\s+/g, ' ');
  };
  const faces = sheets.flatMap(({ css }) => [...css.matchAll(/@font-face\s*\{([^}]*)\}/gi)].filter((f) => /\burl\s/i.test(f[1]!)).flatMap((f) => /font-family\s*:\s*([^;}]+)/i.exec(f[1]!)?.[1] ?? []).map(unquote));
  // Each family once, in any case: a family's regular and bold faces are two @font-face rules, and a "did you mean"
  // named it twice ("CobaltSerif" or "CobaltSerif").
  const knownLower = new Set<string>();
  const known = [...faces, ...EMBEDDED_FAMILIES].filter((f) => !knownLower.has(f.toLowerCase()) && knownLower.add(f.toLowerCase()));
  const said = new Set<string>();
  const warnings: string[] = [];
  for (const { rel, css } of sheets) {
    const declarations = css.replace(/@font-face\s*\{[^}]*\}/gi, (m) => m.replace(/[^\n]/g, ' '));
    for (const block of declarations.matchAll(/\{([^{}]*)\}/g)) {
      // (A declaration's !important is no part of its last family: "font-family: Brand !important".)
      for (const list of cssFamilies(block[1]!).map((l) => l.replace(/\s*!\s*important\s*$/i, ''))) {
        for (const family of familiesOf(list)) {
          const name = unquote(family);
          if (name === '' || /^var\(/i.test(name) || GENERIC_FAMILIES.has(name.toLowerCase()) || knownLower.has(name.toLowerCase()) || said.has(name.toLowerCase())) continue;
          said.add(name.toLowerCase());
          const line = declarations.slice(0, block.index! + 1 + Math.max(0, block[1]!.indexOf(family.trim()))).split('\n').length;
          warnings.push(`the theme's ${rel}:${line} names the font ${quote(name)}, which no @font-face of the theme embeds (with a url() to its file) and the briefing does not either: that text prints in the next font of its list, or in a font of the machine that prints it, if it has one of that name${didYouMean(nearest(name, known)) || '.'} Correct the name, or add an @font-face with the font's file to the theme (see docs/themes.md)`);
        }
      }
    }
  }
  return warnings;
}

/**
 * The theme's stylesheets with comments and url()s blanked (a data: URL may hold anything), line breaks kept; a url()
 * leaves a mark: a face that has one embeds its file, one with local() sources only is whatever the printing machine has.
 */
function blankedStylesheets(theme: RenderTheme | undefined): Array<{ rel: string; css: string }> {
  return themeStylesheets(theme).map(({ rel, text }) => ({ rel, css: text.replace(/\/\*[\s\S]*?\*\/|url\(\s*(?:"[^"]*"|'[^']*'|[^)]*)\s*\)/gi, (m) => (m.startsWith('/*') ? '' : 'url') + m.replace(/[^\n]/g, ' ').slice(m.startsWith('/*') ? 0 : 3)) }));
}

/** The families of a font-family list, as written, split at commas outside quotes and brackets (var(--x, a, b)). */
function familiesOf(list: string): string[] {
  return list.match(/(?:[^,"'(]|"[^"]*"|'[^']*'|\([^)]*\))+/g) ?? [];
}

/**
 * How near the text an element a theme's rule gives a font is: a font for every element (*) is the text's, whatever
 * html's or body's; body's wins over the root's, which the body inherits.
 */
const TEXT_SELECTORS: Record<string, number> = { 'html': 1, ':root': 1, 'body': 2, '*': 3 };

/** CSS-wide keywords a font-family may be: the family of the element above (the root's, for body), not one of its own. */
const INHERITED = new Set(['inherit', 'unset', 'revert', 'revert-layer']);

/**
 * The font families a theme gives the briefing's text (a font-family, or the font shorthand's family, for html, :root,
 * body or *; the nearest the text, then the last), for the running head and foot (page-css.ts): the page's margins are
 * no element, and inherit no element's font but the root's, nor its custom properties: a var() in the list is written
 * out from those rules (nearest the text, then the last; its fallback where none sets it), and one none sets is left
 * out. Rules of an @media for another medium than print (screen, a width) are the preview's, not the PDF's. A list that
 * does not name the built-in faces (var(--briefing-fonts)) gets them at its end, in place of a generic family
 * (sans-serif), so that a character the theme's font lacks (a Japanese exchange's name) is drawn in an embedded face.
 * Undefined when the theme sets none, or only a generic family (body { font: 10pt sans-serif }): the built-in faces.
 */
export function themeTextFonts(theme: RenderTheme | undefined): string | undefined {
  let found: { rank: number; list: string } | undefined;
  const properties: Array<{ rank: number; name: string; value: string }> = [];
  for (const { css } of blankedStylesheets(theme)) {
    const rules = printedRules(css.replace(/@font-face\s*\{[^}]*\}/gi, ''));
    for (const [, selector, body] of rules.matchAll(/([^{};]*)\{([^{}]*)\}/g)) {
      const rank = Math.max(0, ...selector!.split(',').map((s) => TEXT_SELECTORS[s.trim().toLowerCase()] ?? 0));
      if (rank === 0) continue;
      for (const [, name, value] of body!.matchAll(/(?:^|[;{\s])(--[\w-]+)\s*:\s*((?:[^;}"']|"[^"]*"|'[^']*')*)/g)) properties.push({ rank, name: name!, value: value!.replace(/\s*!\s*important\s*$/i, '').trim() });
      const list = cssFamilies(body!).map((l) => l.replace(/\s*!\s*important\s*$/i, '').trim()).filter((l) => l !== '' && !INHERITED.has(l.toLowerCase())).at(-1);
      if (list !== undefined && rank >= (found?.rank ?? 0)) found = { rank, list };
    }
  }
  if (found === undefined) return undefined;
  // Custom properties as the element the list is for has them: its own, else the root's it inherits (body's are not the root's).
  const property = (name: string) => properties.filter((p) => p.name === name && p.rank <= found.rank).reduce<{ rank: number; value: string } | undefined>((a, p) => (a === undefined || p.rank >= a.rank ? p : a), undefined)?.value;
  const list = familiesOf(withVariables(found.list, property)).map((f) => f.trim()).filter((f) => f !== '').join(', ');
  if (BRIEFING_FONTS.test(list)) return list;
  const own = familiesOf(list).map((f) => f.trim()).filter((f) => !GENERIC_FAMILIES.has(f.toLowerCase()));
  return own.length === 0 ? undefined : [...own, 'var(--briefing-fonts)'].join(', ');
}

/**
 * A stylesheet with the rules of each @media that does not print (one whose media queries name neither print nor all:
 * screen, a width alone) blanked, line breaks kept; an @media print or all keeps its rules.
 */
function printedRules(css: string): string {
  let out = css;
  const media = /@media\b([^{;]*)\{/gi;
  for (let m = media.exec(out); m !== null; m = media.exec(out)) {
    if (m[1]!.split(',').some((q) => /^\s*(?:only\s+)?(?:print|all)\b/i.test(q))) continue;
    let end = media.lastIndex;
    for (let depth = 1; end < out.length && depth > 0; end++) depth += out[end] === '{' ? 1 : out[end] === '}' ? -1 : 0;
    // Blanked to the same length: what follows stays where the search goes on.
    out = out.slice(0, m.index) + out.slice(m.index, end).replace(/[^\n]/g, ' ') + out.slice(end);
    media.lastIndex = end;
  }
  return out;
}

/**
 * A font-family list with each var() written out: var(--briefing-fonts) kept (page-css.ts writes the built-in faces for
 * it, as the built-in stylesheet sets it), any other by `property`'s value for it, else its fallback, else nothing. A value
 * naming itself again is not followed.
 */
function withVariables(list: string, property: (name: string) => string | undefined, seen: ReadonlySet<string> = new Set()): string {
  let out = '';
  let rest = list;
  for (let at = rest.search(/var\(/i); at >= 0; at = rest.search(/var\(/i)) {
    let end = at + 4;
    for (let depth = 1; end < rest.length && depth > 0; end++) depth += rest[end] === '(' ? 1 : rest[end] === ')' ? -1 : 0;
    const call = rest.slice(at, end);
    const [, name, fallback] = /^var\(\s*(--[\w-]+)\s*(?:,([\s\S]*))?\)$/i.exec(call) ?? [];
    const value = name === undefined || seen.has(name) ? undefined : property(name);
    const written = name?.toLowerCase() === '--briefing-fonts'
      ? 'var(--briefing-fonts)'
      : value !== undefined ? withVariables(value, property, new Set([...seen, name!])) : fallback !== undefined ? withVariables(fallback, property, seen) : '';
    out += rest.slice(0, at) + written;
    rest = rest.slice(end);
  }
  return out + rest;
}

/** WCAG's contrast ratio of two hex colours (the second white unless given), or undefined for a hex that is no colour. */
function contrastOf(hex: string, other = '#fff'): number | undefined {
  const [a, b] = [hex, other].map(luminance);
  if (a === undefined || b === undefined) return undefined;
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** WCAG's relative luminance of a hex colour, or undefined for a hex that is no colour. */
function luminance(hex: string): number | undefined {
  const digits = hex.slice(1);
  if (!/^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(digits)) return undefined;
  const full = digits.length <= 4 ? [...digits].map((d) => d + d).join('') : digits;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The font families a start tag sets: its font-family attribute, and its style's. */
function tagFamilies(tag: string): string[] {
  const attribute = /\sfont-family\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  const style = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  return [...(attribute ? [attribute[1] ?? attribute[2]!] : []), ...(style ? cssFamilies(style[1] ?? style[2]!) : [])];
}

/** The font families CSS declarations set: font-family, and the family of the font shorthand ([style] [weight] size[/line-height] family), in their order. */
function cssFamilies(css: string): string[] {
  const value = String.raw`((?:[^;}"']|"[^"]*"|'[^']*')+)`;
  // In the order they are declared: the last one is the one that holds.
  return [...css.matchAll(new RegExp(String.raw`(?:^|[;{\s])(font-family|font)\s*:\s*${value}`, 'gi'))].map((m) =>
    m[1]!.toLowerCase() === 'font-family' ? m[2]!.trim() : /(?:^|\s)[\d.]+[a-z%]*(?:\s*\/\s*[\d.]+[a-z%]*)?\s+([^\d\s].*)$/i.exec(m[2]!.trim())?.[1] ?? '',
  );
}

/** The first family of a font-family list, unquoted and lower-cased. */
function firstFamily(list: string): string {
  return list.split(',')[0]!.trim().replace(/^["']|["']$/g, '').toLowerCase();
}

/**
 * The logo for a running head: an SVG of the head's height that draws the logo inside it, at the start of the head
 * (a margin box sizes an image by its own size, which a logo file may not state). The image is given the logo's own
 * proportions, 12 px high (9 pt; or 72 px wide, centred in the height, for a logo wider than that): an SVG logo is drawn by
 * its own preserveAspectRatio, not the <image>'s, and in a box of other proportions a square one floated in its
 * middle. A logo whose proportions cannot be read is given the whole 72 x 12 px box, as before. `width` (px) is what the
 * head's text beside it has not: a square logo leaves the briefing's name the room a wide one takes.
 */
export function headLogo(logo: string): { url: string; width: number } {
  const ratio = logoRatio(logo);
  const round = (n: number) => Math.round(n * 100) / 100;
  const [width, height] = ratio === undefined ? [72, 12] : ratio > 6 ? [72, round(72 / ratio)] : [round(12 * ratio), 12];
  const y = round((12 - height) / 2);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="12" viewBox="0 0 ${width} 12"><image href="${logo}"${y > 0 ? ` y="${y}"` : ''} width="${width}" height="${height}" preserveAspectRatio="xMinYMid meet"/></svg>`;
  return { url: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, width };
}

/** A length of an SVG's root, in px: a number with an absolute unit or none; undefined for a percentage or an em. */
const SVG_UNITS: Record<string, number> = { '': 1, px: 1, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4 };
function svgLength(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^\s*([\d.]+(?:e[-+]?\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? SVG_UNITS[m[2]!.toLowerCase()] : undefined;
  return m && unit !== undefined ? Number(m[1]) * unit : undefined;
}

/** A logo's width over its height, from its data: URL: a PNG's header, an SVG root's width and height or else its viewBox. */
function logoRatio(logo: string): number | undefined {
  const m = /^data:([^;,]+);base64,(.*)$/s.exec(logo);
  if (!m) return undefined;
  const bytes = Buffer.from(m[2]!, 'base64');
  let width: number | undefined;
  let height: number | undefined;
  if (m[1] === 'image/png' && bytes.length >= 24 && bytes.toString('latin1', 12, 16) === 'IHDR') {
    width = bytes.readUInt32BE(16);
    height = bytes.readUInt32BE(20);
  } else if (m[1] === 'image/svg+xml') {
    const root = /<(?:[\w-]+:)?svg\b[^>]*>/.exec(bytes.toString('utf8'))?.[0] ?? '';
    const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(["'])([^"']*)\\1`).exec(root)?.[2];
    width = svgLength(attribute('width'));
    height = svgLength(attribute('height'));
    if (width === undefined || height === undefined) {
      const box = attribute('viewBox')?.trim().split(/[\s,]+/).map(Number);
      [width, height] = box?.length === 4 ? [box[2], box[3]] : [undefined, undefined];
    }
  }
  return width !== undefined && height !== undefined && width > 0 && height > 0 && Number.isFinite(width / height) ? width / height : undefined;
}

/** The image types whose files are checked whole before they are embedded (image-check.ts), by MIME type. */
const CHECKED_IMAGES: Readonly<Record<string, 'png' | 'jpeg' | 'svg'>> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/svg+xml': 'svg' };

/**
 * `file` as a data: URL; `what` names it in the advice for an image that is not whole ("the logo", "the image"),
 * which is refused here: the browser would print it as its broken-image icon, or half of it, and say nothing.
 */
function dataUrl(file: string, where: string, what = 'the image'): string {
  const mime = THEME_ASSET_TYPES[extname(file).toLowerCase()];
  if (mime === undefined) throw new BriefingError(`${where}: ${file} is not a file a theme can embed (${Object.keys(THEME_ASSET_TYPES).join(', ')})`, EXIT.template);
  const size = statSync(file).size;
  if (size > MAX_ASSET_BYTES) throw new BriefingError(`${where}: ${file} is ${(size / 1024 / 1024).toFixed(1)} MB; a theme embeds files of at most 5 MB`, EXIT.template);
  const bytes = readFileSync(file);
  const kind = CHECKED_IMAGES[mime];
  const problem = kind === undefined ? undefined : imageProblem(bytes, kind);
  if (problem !== undefined) throw new BriefingError(`${where}: ${file} ${problem}; export ${what} again, or copy the whole file again`, EXIT.template);
  return `data:${mime};base64,${bytes.toString('base64')}`;
}

/** A theme stylesheet with each url(...) of a file in the theme folder embedded; any other url() is an error naming it. */
function embedUrls(css: string, file: string, theme: RenderTheme): string {
  // Comments go (a url() in one is no reference); an @import would fetch, and is refused like a URL.
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const imported = /@import\b/i.exec(text);
  if (imported) {
    throw new BriefingError(`${file}:${text.slice(0, imported.index).split('\n').length}: @import: a theme stylesheet cannot import another; put its rules in styles/theme.css`, EXIT.template);
  }
  return text.replace(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi, (all, double?: string, single?: string, bare?: string, offset?: number) => {
    const target = (double ?? single ?? bare ?? '').replace(/[?#].*$/, ''); // a font's ?#iefix is no part of the file name
    if (target === '' || (double ?? single ?? bare ?? '').startsWith('data:')) return all; // url(#id): a reference inside the page
    const at = `${file}:${text.slice(0, offset).split('\n').length}`;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/') || target.startsWith('\\')) {
      throw new BriefingError(`${at}: url(${quote(target)}): a theme embeds only files in its own folder, named relative to the stylesheet's (e.g. url("../fonts/brand.woff2")); the page fetches nothing`, EXIT.template);
    }
    const rel = relative(theme.dir, resolve(file, '..', target));
    const found = themeFile(theme, rel);
    if (found === undefined) throw new BriefingError(`${at}: url(${quote(target)}): no such file in the theme folder${missingFileHelp(file, rel, theme)}`, EXIT.template);
    return `url("${dataUrl(found, at)}")`;
  });
}

/**
 * What to do about a url() whose file the theme folder lacks (`rel`, its path in the folder): the files the folder
 * can embed that it may be a slip for, written as the url() must write them (relative to the stylesheet `file`);
 * else where the file must be. A font file named brand-black.ttf beside brand-bold.ttf was left for the reader to find.
 */
function missingFileHelp(file: string, rel: string, theme: RenderTheme): string {
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return ': it leads outside the folder, and a theme embeds only files inside its own folder';
  let files: string[];
  try {
    files = themeMaterialFiles(theme.dir).map((f) => f.rel).filter((f) => THEME_ASSET_TYPES[extname(f).toLowerCase()] !== undefined);
  } catch {
    files = []; // a folder of the theme that cannot be read: the message says what it can
  }
  const near = nearest(rel.split(sep).join('/'), files).slice(0, 3);
  const written = (f: string) => relative(dirname(file), join(theme.dir, f)).split(sep).join('/');
  if (near.length > 0) return didYouMean(near.map(written));
  const from = relative(theme.dir, dirname(file)).split(sep).join('/');
  return `: put the file at ${rel.split(sep).join('/')} in the theme folder ${theme.dir}, or correct the name (a url() is relative to the stylesheet${from === '' ? '' : `, in ${from}/`})`;
}
