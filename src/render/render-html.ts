/**
 * render/: BriefingModel + chart SVGs + templates/ + styles/ -> one HTML document ready to print: charts
 * inline, fonts linked where the printer serves them (RenderInput.fontsAt) or embedded, self-contained.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from '../files.ts';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { BriefingError, EXIT } from '../errors.ts';
import { escapeRegExp } from '../words.ts';
import { didYouMean, nearest } from '../did-you-mean.ts';
import { isCjkLanguage } from '../canvas/local-figures.ts';
import { allowingFontsFrom, cjkFamily, fontAssetName, fontFacesFor, missingGlyphsWarning, SCRIPT_FAMILIES, themeFonts, uncoveredCharacters, type CjkFamily, type FontFace, type ThemeFont } from '../fonts.ts';
import { sha256 } from '../hash.ts';
import { CURRENCY_PREFIXES } from '../canvas/currencies.ts';
import { saysTotal } from '../canvas/figure-sets.ts';
import type { BriefingModel, ChangesModel, RegisterModel, RichText, TableCell, TableModel, TocEntry } from '../model/briefing-model.ts';
import { changedList } from './changed-list.ts';
import type { PageSize } from '../config.ts';
import { fontCss, pageCss } from './page-css.ts';
import { CJK_SCRIPT, textWidth } from './letter-width.ts';
import { COVER_END } from './cover-end.ts';
import { colourWarnings, fontWarnings, headLogo, logoUrl, logoWarning, partialFiles, periodNoteAround, registerSourcesUnprinted, stylesheet, templateFile, themeTextFonts, type RenderTheme } from './theme-files.ts';

export interface RenderInput {
  /** SVG markup for each of model.charts, same order. */
  svgs: string[];
  /** Page of each anchor, from a previous print; the contents page shows them. */
  pages?: Record<string, number>;
  /** Where each table broke across pages in a previous print: table id -> the rows that began a page (tableBreaks). */
  breaks?: TableBreaks;
  /**
   * The contents list is longer than a page: it broke across pages in a print that kept it on one (pipeline.ts
   * buildBriefing). Then it flows on from where it starts, in parts (contentsParts); otherwise it is kept whole on
   * one page (the one-page class), and moves to the next page rather than break.
   */
  longContents?: boolean;
  pageSize: PageSize;
  /** The edition stamp (plan/inputs.ts editionOf), printed in the footer and on the cover. */
  edition?: string;
  /** Of a revised edition: the edition it replaces, said on its cover, in its footers and at the start of its data notes. */
  revision?: Revision;
  /**
   * Where the printer serves fonts from (a URL the asset name is appended to): the HTML then links its fonts
   * there (RenderedHtml.fonts) instead of embedding them, and its Content-Security-Policy allows that URL.
   * Only a document with the built-in template's policy, or none, links them; any other keeps them embedded.
   */
  fontsAt?: string;
}

/**
 * A revised edition: an edition of its period was sent before with other figures or words (pipeline.ts reads it from the
 * send journal). Plain data, as a queue's job carries it.
 */
export interface Revision {
  /** The edition it replaces, that edition's content hash, and when it first went (ISO time, as the send journal has it). */
  edition: string;
  content: string;
  at: string;
  /**
   * The SHA-256 of the canvas that edition was made from, where the send journal kept it (what `changes` compares with):
   * part of the edition stamp, as what the data notes list depends on it.
   */
  canvas?: string;
  /** `at`'s day, in the briefing's notation ("2 Dec 2026"). No day of this one's printing: the same inputs print the same bytes on any day. */
  sentOn: string;
  /**
   * What changed since the edition it replaces: the "Changes since" chapter built against the canvas that edition was made
   * from. Absent where the send journal kept no canvas for it (sent before it kept them), or that canvas no longer reads.
   */
  changes?: ChangesModel;
}

/** What a revised edition's pages say of it: one line for its cover (and its PDF's /Revision), and what was corrected. */
export function revisionText(r: Revision): { edition: string; line: string; changed?: ReturnType<typeof changedList>; generic?: string } {
  const changed = r.changes && changedList(r.changes, r.edition, true);
  return {
    edition: r.edition,
    line: `Revised edition: replaces edition ${r.edition}, sent ${r.sentOn}.`,
    ...(changed ? { changed } : { generic: `Its figures or words have changed since edition ${r.edition}.` }),
  };
}

/** Table id -> indexes of the rows that begin a new page. */
export type TableBreaks = Record<string, number[]>;

/** A table as laid out for printing: its id, and the rows whose page the print reports (anchors `${id}-r${row}`). */
export interface TrackedTable {
  id: string;
  rows: number[];
}

export interface RenderedHtml {
  html: string;
  /** The tables long enough to break across pages, with the rows whose anchors say where they did. */
  tables: TrackedTable[];
  /** Text of every h1-h6, whitespace collapsed: what the PDF's bookmarks should say. */
  headings: Heading[];
  /** What the page margins print (running heads, footers): the printer loads the faces it needs. */
  marginText: string;
  /** Problems a reader would see but the build survives (characters no embedded font covers). */
  warnings: string[];
  /** The font files `html` links to (asset name -> bytes) when RenderInput.fontsAt was given; none when it embeds them. The renderer's own: not to be changed. */
  fonts: Record<string, Uint8Array>;
  /** The same document with every font embedded as a data: URL: self-contained, as --html writes it. */
  standalone(): string;
}

/** Renders briefings from one project's templates/ and styles/; holds what it read for its own lifetime. */
export interface Renderer {
  /** Renders one briefing's HTML. Template mistakes become BriefingError(EXIT.template) naming the template. */
  render(model: BriefingModel, input: RenderInput): RenderedHtml;
}

/**
 * A renderer for the project folder `root` (holding templates/ and styles/; default the package's
 * own). It reads the templates, styles and font files once, on first use, and keeps them as long as
 * it lives: create one per build run, so files edited between two runs in one process (a watch mode)
 * are read again by the next. Compiled templates outlive it, shared by renderers reading the same
 * text (compiledSets).
 */
export function createRenderer(options: { root?: string; theme?: RenderTheme } = {}): Renderer {
  const root = options.root ?? PACKAGE_ROOT;
  const { theme } = options;
  let template: HandlebarsTemplateDelegate | undefined;
  let styles: string | undefined;
  let ownFonts: ThemeFont[] | undefined; // the fonts the stylesheet (a theme's) embeds, read when a character ours lack asks for them
  let logo: { url?: string; warning?: string } | undefined;
  let colours: string[] | undefined; // the theme's colours too light for the text they print
  let textFonts: { list: string | undefined } | undefined; // the theme's font for the text, for the running head and foot
  // Each font file read once for the renderer's lifetime; its base64 (for embedding) and its asset name (from its
  // hash, for linking) made when first needed.
  const files = new Map<string, { body: Buffer; base64?: string; name?: string }>();
  const fontFile = (face: FontFace) => {
    let file = files.get(face.file);
    if (file === undefined) files.set(face.file, (file = { body: readFileSync(face.file) }));
    return file;
  };
  const dataUrl = (face: FontFace) => {
    const file = fontFile(face);
    return `data:font/woff2;base64,${(file.base64 ??= file.body.toString('base64'))}`;
  };
  const asset = (face: FontFace) => {
    const file = fontFile(face);
    return { name: (file.name ??= fontAssetName(file.body)), body: file.body };
  };
  return {
    render(model, input) {
      const compiled = (template ??= compileTemplates(root, theme));
      styles ??= stylesheet(root, theme);
      logo ??= { url: logoUrl(theme), warning: logoWarning(theme) };
      const newPages = theme?.chapterBreaks === 'page';
      const themeData = { newPages, logo: logo.url, name: theme?.name };
      // Rendered once, with a stand-in for the stylesheet, which depends on the text (the font files its
      // characters need): the stand-in is then replaced wherever the template put it, as the template put it
      // ({{{css}}} raw, {{css}} escaped: its "=" tell the two apart). It is made afresh for each render from 128
      // random bits, so no text of a canvas, theme or template can contain it.
      const tables: TrackedTable[] = [];
      const stand = `briefing=css=${randomUUID()}`;
      const withCss = (html: string, css: string) => {
        const raw = html.split(stand).join(css);
        return raw.includes(esc(stand)) ? raw.split(esc(stand)).join(esc(css)) : raw;
      };
      let body: string;
      try {
        body = withRowAnchors(compiled({ ...model, edition: input.edition, revision: input.revision && revisionText(input.revision), theme: themeData, css: stand }, { helpers: helpers(model, input, tables) }), tables, model.keyCharts.map((c) => c.anchor));
      } catch (cause) {
        throw cause instanceof BriefingError ? cause : new BriefingError(`templates/: ${(cause as Error).message}`, EXIT.template, { cause });
      }
      const text = visibleText(body);
      const warnings: string[] = [...(logo.warning === undefined ? [] : [logo.warning]), ...(colours ??= [...colourWarnings(theme), ...fontWarnings(theme)])];
      // Characters none of our faces has, nor one the theme embeds (and uses): the warning says what prints instead.
      let missing = uncoveredCharacters(text);
      if (missing.length > 0) missing = uncoveredCharacters(missing.join(''), (ownFonts ??= themeFonts(styles)));
      if (missing.length > 0) warnings.push(missingGlyphsWarning(missing));
      const head = { newPages, logo: logo.url === undefined ? undefined : headLogo(logo.url), fonts: (textFonts ??= { list: themeTextFonts(theme) }).list, revised: input.revision !== undefined };
      let page = pageCss(model, input.pageSize, input.edition, head);
      const faces = fontFacesFor(`${text}\n${page.marginText}`, cjkFamilies(model));
      // A script's face (Devanagari) is named in the font stacks only when the briefing embeds it: a briefing without
      // such text has the stylesheet it had before there was one.
      const scripts = SCRIPT_FAMILIES.map((s) => s.family).filter((family) => faces.some((f) => f.family === family));
      if (scripts.length > 0) page = pageCss(model, input.pageSize, input.edition, { ...head, scripts });
      const styled = (fontsCss: string) => [fontsCss, styles, page.css].join('\n');
      const standalone = () => withCss(body, styled(fontCss(faces, dataUrl)));
      const result = { tables, headings: headingsOf(body), marginText: page.marginText, warnings, standalone };
      const linking = input.fontsAt === undefined ? undefined : allowingFontsFrom(body, input.fontsAt);
      if (linking === undefined) return { ...result, html: standalone(), fonts: {} };
      const fonts = Object.fromEntries(faces.map((f) => asset(f)).map((f) => [f.name, f.body]));
      return { ...result, html: withCss(linking, styled(fontCss(faces, (f) => `${input.fontsAt}${asset(f).name}`))), fonts };
    },
  };
}

/**
 * Reads a theme's templates, stylesheets and logo as a build would, without rendering: what `check`
 * (and a build, before it prints anything) says about a theme. Throws BriefingError naming the file; returns
 * the warnings a build gives each briefing printed with the theme (a logo that sets text in the machine's font, a colour too
 * light for the text it prints).
 */
export function checkThemeFiles(theme: RenderTheme, root = PACKAGE_ROOT): string[] {
  compileTemplates(root, theme); // parses every template: a syntax error names its file
  stylesheet(root, theme); // embeds what the stylesheets refer to: a missing or outside file names its line
  logoUrl(theme);
  const warning = logoWarning(theme);
  return [...(warning === undefined ? [] : [warning]), ...colourWarnings(theme), ...fontWarnings(theme)];
}

/**
 * The innermost {{#block}} of a template that no {{/block}} closes, with its line. Comments and escaped
 * mustaches (\{{...}}) are text to Handlebars, and blanked here (their lines kept); {{#*inline "x"}}
 * closes with {{/inline}}.
 */
function unclosedBlock(template: string): { name: string; line: number } | undefined {
  const source = template.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\\\{\{[\s\S]*?\}\}/g, (text) => text.replace(/[^\n]/g, ' '));
  const open: Array<{ name: string; line: number }> = [];
  for (const m of source.matchAll(/\{\{~?\s*([#/])\s*>?\s*\*?([^\s}~]+)/g)) {
    const [, kind, name] = m;
    if (kind === '#') open.push({ name: name!, line: source.slice(0, m.index).split('\n').length });
    else {
      const at = open.map((o) => o.name).lastIndexOf(name!);
      if (at >= 0) open.length = at;
    }
  }
  return open.at(-1);
}

/**
 * Compiled template sets, by their files' paths and text: compiling costs more than rendering a briefing, and every
 * build run (every watch rebuild, every worker job's run) makes a renderer of its own. Keyed by the text, an edited
 * file is compiled again; a set is shared only by renderers reading the very same files.
 */
const compiledSets = new Map<string, HandlebarsTemplateDelegate>();
const COMPILED_SETS = 16;

/** Reads and compiles templates/briefing.hbs and its partials (the theme's over the built-in ones), in a Handlebars environment of their own. */
function compileTemplates(root: string, theme: RenderTheme | undefined): HandlebarsTemplateDelegate {
  const read = (file: string) => ({ file, source: readFileSync(file, 'utf8') });
  const partials = [...partialFiles(root, theme)].map(([name, file]) => ({ name, ...read(file) }));
  const main = read(templateFile(root, theme, join('templates', 'briefing.hbs')));
  const key = sha256(JSON.stringify([partials, main]));
  const cached = compiledSets.get(key);
  if (cached !== undefined) return cached;
  const env = Handlebars.create(); // one environment per set, so partials never mix
  const compile = ({ file, source }: { file: string; source: string }) => {
    let ast: ReturnType<typeof Handlebars.parseWithoutProcessing>;
    try {
      ast = Handlebars.parseWithoutProcessing(source); // compile() is lazy; parse now so a syntax error names its file
    } catch (cause) {
      const message = (cause as Error).message;
      // An unclosed {{#if}} or {{#each}} is noticed only at the end of the file, and Handlebars gives that line.
      const open = /Expecting [^\n]*'OPEN_ENDBLOCK'[^\n]*got 'EOF'/.test(message) ? unclosedBlock(source) : undefined;
      const unclosed = open ? `\n${file}:${open.line}: {{#${open.name}}} is never closed with {{/${open.name}}} (the parser notices only where the file ends)` : '';
      throw new BriefingError(`${file}: template error: ${message}${unclosed}`, EXIT.template, { cause });
    }
    asts.push({ file, ast });
    return inTemplate(file, env.compile(ast, { preventIndent: true }));
  };
  /** Partial blocks already running as the template that wrote them. */
  const asCaller = new WeakSet<object>();
  /** `template` (a file's, or an inline partial's) rendering as `file`'s. */
  const inTemplate = (file: string, template: (context: unknown, options?: Handlebars.RuntimeOptions) => string) =>
    (context: unknown, options?: Handlebars.RuntimeOptions) => {
      // A partial block's content (`{{#> frame}}content{{/frame}}`) is the calling template's, though the partial runs it.
      const data = options?.data as Record<string, unknown> | undefined;
      const block = data?.['partial-block'];
      const caller = running.at(-1);
      // Once: a block handed on to the partials it calls is already its writer's (wrapped again at each call in an {{#each}},
      // it nested once per item).
      if (typeof block === 'function' && caller !== undefined && !asCaller.has(block)) {
        const wrapped = (c: unknown, o: unknown) => inFile(caller, () => block(c, o));
        asCaller.add(wrapped);
        data!['partial-block'] = wrapped;
      }
      return inFile(file, () => template(context, options));
    };
  // An inline partial ({{#*inline "badge"}}) is the template's that defines it, not that of a partial it is passed down
  // to and called from: Handlebars' own decorator, its partial kept as rendering in the template that runs the decorator.
  const inline = env.decorators.inline as (fn: unknown, props: { partials: Record<string, never> }, container: unknown, options: { args: string[] }) => unknown;
  env.registerDecorator('inline', ((fn: unknown, props: { partials: Record<string, never> }, container: unknown, options: { args: string[] }) => {
    const made = inline(fn, props, container, options);
    const file = running.at(-1);
    const name = options.args[0]!;
    if (file !== undefined) props.partials[name] = inTemplate(file, props.partials[name]) as never;
    return made;
  }) as unknown as Handlebars.HelperDelegate);
  // An error while rendering (a helper given nothing, a property of nothing) names the template it happened in, the
  // innermost: Handlebars says only what went wrong, and every template of the set is a suspect. `running` is the
  // templates being rendered, innermost last (rendering is synchronous: one render at a time).
  const running: string[] = [];
  const inFile = <T>(file: string, render: () => T): T => {
    running.push(file);
    try {
      return render();
    } catch (cause) {
      if (cause instanceof BriefingError) throw cause;
      throw new BriefingError(`${file}: template error: ${(cause as Error).message}`, EXIT.template, { cause });
    } finally {
      running.pop();
    }
  };
  const asts: Array<{ file: string; ast: hbs.AST.Program }> = [];
  for (const partial of partials) {
    const own = partial.file !== join(root, 'templates', 'partials', `${partial.name}.hbs`);
    const made = compile(partial);
    // A theme's own data-notes partial written before the register numbered its sources: given them written out in its rows.
    const compiled = own && registerSourcesUnprinted(partial.name, partial.source)
      ? (context: unknown, options?: Handlebars.RuntimeOptions) => made(withSourcesWrittenOut(context), options)
      : made;
    // A theme's own chart or table partial written before there were notes on their periods: the note printed after it.
    const around = own ? periodNoteAround(partial.name, partial.source) : undefined;
    if (around === undefined) {
      env.registerPartial(partial.name, compiled);
      continue;
    }
    const [before, after] = [around.before, around.after].map((source) => compile({ file: partial.file, source }));
    env.registerPartial(partial.name, ((context: unknown, options?: Handlebars.RuntimeOptions) => before!(context, options) + compiled(context, options) + after!(context, options)) as Handlebars.Template);
  }
  const template = compile(main);
  missingPartials(asts, partials.map((p) => p.name));
  if (compiledSets.size >= COMPILED_SETS) compiledSets.delete(compiledSets.keys().next().value!);
  compiledSets.set(key, template);
  return template;
}

/**
 * The data notes (the `data-notes` partial's context) with the register's sources written out in its rows, as before
 * they were numbered ("[1]" back to its title): for a theme's own partial that never prints `register.sources`.
 */
function withSourcesWrittenOut(context: unknown): unknown {
  const register = (context as { register?: RegisterModel } | undefined)?.register;
  if (register?.sources === undefined) return context;
  const titles = new Map(register.sources.map((s) => [s.mark, s.title]));
  const source = register.columns.findIndex((c) => c.label === 'Source');
  const { sources: _, ...table } = register;
  const rows = table.rows.map((row) => row.map((cell, ci) => {
    const title = ci === source ? titles.get(cellText(cell)) : undefined;
    return title === undefined ? cell : { ...cell, text: [{ text: title }], nowrap: undefined };
  }));
  return { ...(context as object), register: { ...table, rows } };
}

/**
 * Refuses a template that calls a partial no file provides (`{{> badge}}` without templates/partials/badge.hbs, nor a
 * `{{#*inline "badge"}}`): Handlebars says so only while rendering, once per briefing, without naming the template.
 * Named at its file and line, with the partials there are. A partial block (`{{#> badge}}fallback{{/badge}}`) renders
 * its own content when the partial is missing, and a partial named by an expression is known only when rendered: neither
 * is refused.
 */
function missingPartials(templates: Array<{ file: string; ast: hbs.AST.Program }>, partials: string[]): void {
  const calls: Array<{ file: string; name: string; line: number }> = [];
  const inline = new Set<string>();
  const walk = (file: string, node: unknown): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(file, n));
    if (node === null || typeof node !== 'object') return;
    const n = node as { type?: string; name?: { type?: string; original?: unknown }; path?: { original?: unknown }; params?: Array<{ original?: unknown }>; loc?: { start: { line: number } } };
    if (n.type === 'PartialStatement' && (n.name?.type === 'PathExpression' || n.name?.type === 'StringLiteral') && typeof n.name.original === 'string') {
      calls.push({ file, name: n.name.original, line: n.loc?.start.line ?? 1 });
    }
    if (n.type === 'DecoratorBlock' && n.path?.original === 'inline' && typeof n.params?.[0]?.original === 'string') inline.add(n.params[0].original);
    for (const [key, value] of Object.entries(n)) if (key !== 'loc') walk(file, value);
  };
  for (const { file, ast } of templates) walk(file, ast);
  const known = [...partials, ...inline];
  const missing = calls.find((c) => !known.includes(c.name) && c.name !== '@partial-block');
  if (missing === undefined) return;
  // As the template must write it: a name that is no identifier ("my badge") is quoted.
  const call = /^[\w-]+$/.test(missing.name) ? missing.name : JSON.stringify(missing.name);
  throw new BriefingError(`${missing.file}:${missing.line}: template error: {{> ${call}}} calls a partial no file provides (templates/partials/${missing.name}.hbs)${didYouMean(nearest(missing.name, known))}`, EXIT.template);
}

function helpers(model: BriefingModel, input: RenderInput, tables: TrackedTable[]): Record<string, Handlebars.HelperDelegate> {
  const markNames = nameMarker(nativeNames(model));
  return {
    tableParts: (table: TableModel) => tableParts(table, input.breaks, tables),
    contentsParts: (toc: TocEntry[]) => contentsParts(toc, input.breaks, tables),
    /** Whether the contents list is kept on one page: unless a print showed it longer than one (RenderInput.longContents). */
    contentsOnOnePage: () => input.longContents !== true && (input.breaks?.[CONTENTS] ?? []).length === 0,
    // The glossary as a table like the others (so it too goes on under "(continued)"), each native name in its language;
    // a glossary of names without native ones (a company's terms, abbreviations) has no column of empty cells for them.
    glossaryTable: (glossary: BriefingModel['appendix']['glossary']): TableModel => {
      const native = glossary.some((g) => g.native);
      return {
        columns: [{ label: 'Name' }, ...(native ? [{ label: 'Native name' }] : []), { label: 'Description' }],
        rows: glossary.map((g) => [{ text: [{ text: g.term }] }, ...(native ? [{ text: [{ text: g.native ?? '' }], lang: glossaryLang(model, g) }] : []), { text: [{ text: g.description }] }]),
      };
    },
    rich: (text: RichText) => new Handlebars.SafeString(markNames(richHtml(text))),
    // A column's heading with its unit kept on one line: "Floor area (thousand sq ft)", never "(thousand sq" over "ft)".
    columnLabel: (label: string) => new Handlebars.SafeString(columnLabelHtml(label)),
    // A figure given as a string (a key figure's value): each amount kept on one line, "(€1.29 billion)" not "(€1.29" over "billion)".
    figure: (text: string) => new Handlebars.SafeString(figureHtml(text)),
    eq: (a: unknown, b: unknown) => a === b,
    join: (list: string[], sep: string) => (list ?? []).join(typeof sep === 'string' ? sep : ', '),
    pageOf: (anchor: string) => (input.pages?.[anchor] !== undefined ? String(input.pages[anchor]) : ''),
    chartSvg: (index: number) => new Handlebars.SafeString(input.svgs[index] ?? ''),
    // A class by how long a display text is, so that the cover sets a long name or title smaller and still fits its page.
    // Rows a page break may not come before: the 2nd and 3rd and the last two, so that a table splits only
    // where at least 3 rows stay on each side (a short table moves whole to the next page).
    keepRow: (index: number, count: number) => index > 0 && (index < 3 || index >= count - 2),
    lengthClass: (text: string | undefined, long: number, veryLong: number) => {
      const n = Array.from(text ?? '').length;
      return n > veryLong ? 'very-long' : n > long ? 'long' : '';
    },
  };
}

/** The CJK faces a briefing draws with: its own language's (a briefing in Japanese), its company's language's, and that of each glossary name. */
function cjkFamilies(model: BriefingModel): CjkFamily[] {
  const own = isCjkLanguage(model.meta.language) ? [model.meta.language] : [];
  return [...new Set([...own, model.company.nativeLang, ...model.appendix.glossary.map((g) => g.lang)].map(cjkFamily))];
}

/** The fewest rows a table splits into parts of: 3 on each side of a break (the keep class). */
const MIN_PART = 3;

/**
 * A table's parts, from where it broke in the last print: each part after the first starts a new page
 * with "(continued)" in its header. Rows that may begin a page (the first, and any with 3 rows before
 * and after it) carry an id, and the table is added to `tables`, so the next print says where it broke.
 */
function tableParts(table: TableModel & { totals?: boolean }, breaks: TableBreaks | undefined, tables: TrackedTable[]) {
  const n = table.rows.length;
  const id = `tbl-${tables.filter((t) => t.id !== CONTENTS).length + 1}`;
  const tracked = n >= 2 * MIN_PART ? [0, ...Array.from({ length: n - 2 * MIN_PART + 1 }, (_, i) => i + MIN_PART)] : [];
  if (tracked.length > 0) tables.push({ id, rows: tracked });
  const starts = [0, ...(breaks?.[id] ?? []).filter((k) => Number.isInteger(k) && k >= MIN_PART && k <= n - MIN_PART).sort((a, b) => a - b)];
  const cuts = starts.filter((k, i) => i === 0 || k - starts[i - 1]! >= MIN_PART);
  // An untracked (short) table is laid out by the browser, but its unbreakable cells may have to wrap all the same.
  const { widths, squeezed, scale } = columnWidths(table);
  const { wholeWords, wholeColumns } = wholeWordsClass(table, scale);
  // In a column of figures where some are in parentheses (negatives, as a theme may print them), the others
  // stand a bracket's width in from the edge, so that the decimal points line up.
  const bracketed = table.columns.map((_, ci) => hasBracketed(table, ci));
  const align = (cells: TableCell[]) => cells.map((cell, ci) => ({ ...cell, ...(bracketed[ci] && cell.numeric && !/\)$/.test(cellText(cell)) ? { bracketPad: true } : {}), ...(wholeColumns[ci] ? { whole: true } : {}) }));
  return cuts.map((start, p) => {
    const end = cuts[p + 1] ?? n;
    const rows = table.rows.slice(start, end).map((cells, i) => ({
      cells: align(cells),
      id: tracked.includes(start + i) ? `${id}-r${start + i}` : undefined,
      // Within a part, a page may break only with 3 rows on each side (a short part moves whole).
      keep: i > 0 && (i < MIN_PART || i >= end - start - (MIN_PART - 1)),
      // A chapter's table (item.hbs passes `totals`) sets its totals apart, as a committee's packs do: a row under others
      // whose label says it is a total or subtotal ("Total loans and advances to customers", "Umsatz gesamt", "合計").
      total: table.totals === true && start + i > 0 && cells[0] !== undefined && saysTotal(cellText(cells[0])),
    }));
    return { rows, first: p === 0, last: p === cuts.length - 1, continued: p > 0, captioned: tracked.length > 0, widths: tracked.length > 0 ? widths : [], wholeWords, squeezed };
  });
}

/** The contents' id among the tracked tables (its rows' anchors `toc-r${row}`); the tables' are `tbl-1`, `tbl-2` ... */
export const CONTENTS = 'toc';

/**
 * The contents' parts, from where the list broke in the last print, as tableParts cuts a table: each part after the first
 * starts a new page under "Contents (continued)". Every line carries an id (the print says where each landed) and the
 * list is added to `tables`. A line a page may not begin with is marked keep: the 2nd, 3rd and last two (a page holds
 * at least 3 lines), the first section of a chapter (it stays with its chapter's line) and a chapter's last section,
 * unless it is the first line of its part.
 */
function contentsParts(toc: TocEntry[], breaks: TableBreaks | undefined, tables: TrackedTable[]) {
  const n = toc.length;
  const tracked = n > 1;
  if (tracked) tables.push({ id: CONTENTS, rows: [...toc.keys()] });
  const cuts = [0, ...new Set((breaks?.[CONTENTS] ?? []).filter((k) => Number.isInteger(k) && k > 0 && k < n).sort((a, b) => a - b))];
  const keep = (i: number) => i === 1 || i === 2 || i >= n - 2 || toc[i - 1]?.level === 1 || (toc[i]!.level === 2 && toc[i + 1]?.level === 1);
  return cuts.map((start, p) => ({
    continued: p > 0,
    rows: toc.slice(start, cuts[p + 1] ?? n).map((entry, i) => ({ ...entry, id: tracked ? `${CONTENTS}-r${start + i}` : undefined, keep: i > 0 && keep(start + i) })),
  }));
}

/**
 * About the letter widths (letter-width.ts, at a table's 8.5 pt) a table has across a page, less some room: A4's
 * 176 mm between the margins, less a data note's bar and indent. Each column takes about 2.5 more for its padding.
 */
const TABLE_ROOM = 95;
const CELL_PADDING = 2.5;
/**
 * The whole width of the narrowest table, in the same letter widths: 172 mm (A4's 176 mm between the margins,
 * page-css.ts, less a data note's 3 px bar and 3 mm indent; Letter has 182 mm) at about 1.64 mm a letter
 * (page-css.ts's 1.45 mm at 7.5 pt, at the 8.5 pt of a table).
 */
const TABLE_WIDTH = 104;

/**
 * How much of the table can keep its words whole, as its class says: every cell ('whole-words': "9 consecutive
 * quarters" wraps between words, not inside "consecutive", and a short column beside long ones keeps "Revenue" whole
 * instead of giving it four letters a line), when the narrowest the columns could then be, each its longest amount
 * (never broken) or word, header included, fits across the page (TABLE_ROOM, or TABLE_WIDTH with its figures measured
 * bold); else the columns of figures only ('whole-figures'),
 * when they fit so beside the text cells' amounts, with the column headings' words too where they fit as well
 * ('whole-headings': a narrow column of empty cells headed "Source" is not printed "Sourc/e"); else none. A table of
 * many columns, or one with a long unbroken run (a pasted URL), lets those words break anywhere rather than run off the page.
 * Short of every cell, the text columns whose words fit beside the others' least widths keep theirs whole as well
 * (`wholeColumns`, their cells' class "whole"), the narrowest first: a long compound in a column of commentary does not
 * break "Logistics & Warehousing" into "Warehousi / ng" in the column of segments beside it.
 */
function wholeWordsClass(table: TableModel, scale = 1): { wholeWords: 'whole-words' | 'whole-figures whole-headings' | 'whole-figures' | ''; wholeColumns: boolean[] } {
  // Each column's narrowest width with its cells' words whole (every word, or the figures' only), read once each way.
  // (A figure's cell measured `bold`, as it prints, where no room is left for the estimate to be short: BOLD.)
  const cellsWidths = (everyCell: boolean, bold = 1) => table.columns.map((_, ci) => Math.max(1, ...table.rows.map((row) => {
    const cell = row[ci];
    const text = cellText(cell);
    const weight = cell?.text.some((p) => p.figure) ? bold : 1;
    if (cell?.nowrap || cell?.lang) return textWidth(text) * weight;
    const rest = everyCell || cell?.numeric ? cellWords(cell && { ...cell, text: cell.text.map((p) => ({ ...p, text: p.text.replace(AMOUNT, ' ') })) }) : [];
    return Math.max(0, ...(text.match(AMOUNT) ?? []).map(textWidth), ...rest) * weight;
  })));
  // In a compact table (columnWidths' scale) the room holds more of its smaller letters, and its padding is more of them.
  const fits = (widths: number[], headings: boolean, room = TABLE_ROOM) => widths.map((w, ci) => Math.max(w, ...(headings ? labelWords(table.columns[ci]!.label) : []))).reduce((sum, w) => sum + w + CELL_PADDING / scale, 0) <= room / scale;
  const every = cellsWidths(true);
  // Every word whole within the room left for the estimate's errors, or across the table's whole width (as columnWidths
  // takes it where its least widths need it) with its figures measured bold: the "Figures that moved" of a quarter's
  // update, its amounts and changes on one line, printed "Cloud Intelligen / ce Group revenue" where a column of long
  // periods beside it had the room to wrap between its words instead (the browser shares out what the least widths
  // leave by the columns' longest lines, and a column that may break anywhere has almost no least width).
  if (fits(every, true) || fits(cellsWidths(true, BOLD), true, TABLE_WIDTH)) return { wholeWords: 'whole-words', wholeColumns: [] };
  const figures = cellsWidths(false);
  const headings = fits(figures, true);
  const wholeWords = headings ? 'whole-figures whole-headings' : fits(figures, false) ? 'whole-figures' : '';
  const wholeColumns = table.columns.map(() => false);
  if (wholeWords === '') return { wholeWords, wholeColumns };
  const widths = [...figures];
  for (const ci of [...table.columns.keys()].sort((a, b) => every[a]! - every[b]!)) {
    const tried = widths.map((w, i) => (i === ci ? every[ci]! : w));
    if (every[ci]! <= figures[ci]! || !fits(tried, headings)) continue;
    widths[ci] = every[ci]!;
    wholeColumns[ci] = true;
  }
  return { wholeWords, wholeColumns };
}

/**
 * A unit in parentheses in a column's heading, "(thousand sq ft)", "(RMB bn)", "(% YoY)": kept on one line. A longer
 * aside in parentheses ("(excluding one-off items and discontinued operations)") still wraps between its words.
 */
const HEADING_UNIT = /\([^()\s][^()]{0,21}\)/g; // at most 24 characters, brackets included

/** A column's heading as HTML: its units each in a span that does not wrap (.nb). */
function columnLabelHtml(label: string): string {
  let html = '';
  let at = 0;
  for (const m of label.matchAll(HEADING_UNIT)) {
    html += `${esc(label.slice(at, m.index))}${/\s/.test(m[0]) ? `<span class="nb">${esc(m[0])}</span>` : esc(m[0])}`;
    at = m.index + m[0].length;
  }
  return html + esc(label.slice(at));
}

/** The widths of a column heading's words, as it breaks between them: a unit in parentheses is one (columnLabelHtml). */
function labelWords(label: string): number[] {
  return words(label.replace(HEADING_UNIT, (unit) => unit.replace(/\s+/g, '\u00a0')));
}

/**
 * The widths of the words of `text`, as the line breaks between them. A no-break space breaks no line: "1.234,5 Mio. €",
 * as a German briefing prints it, is one word. Chinese, Japanese and Korean break between any two characters (a table
 * cell's, not a name kept whole: those are measured whole), but not before a closing mark or after an opening one.
 */
function words(text: string): number[] {
  return text.split(/[^\S\u00a0\u202f]+/).flatMap((word) => (CJK_SCRIPT.test(word) ? word.match(CJK_UNITS)! : [word])).map(textWidth);
}

/** What a line may not be broken inside: one CJK character with the marks that hold to it, or a run of anything else. */
const CJK_UNITS = new RegExp(`[（「『【〈《“‘(]*${CJK_SCRIPT.source}[，。、；：！？）」』】〉》”’),.;:!?]*|(?:(?!${CJK_SCRIPT.source})[^（「『【〈《])+|[（「『【〈《]+`, 'gu');

/** The widths of the words of a cell, as the line breaks between them: a part kept whole (RichText) is one. */
function cellWords(cell: TableCell | undefined): number[] {
  // A name in its own script (lang) is kept whole between its spaces (keep-all): "阿里巴巴集团" is one word.
  return (cell?.text ?? []).flatMap((p) => (p.whole ? [textWidth(p.text)] : cell!.lang ? p.text.split(/\s+/).map(textWidth) : words(p.text)));
}

/**
 * How much wider a bold figure sets than the estimate's regular letters: where a table's amounts wrap (columnWidths),
 * no slack is left for it, and "unchanged" was cut to "unchange / d".
 */
const BOLD = 1.08;

/** The padding that stands a figure a bracket's width in, beside figures in parentheses (.bracket-pad's 0.37em), in letter widths. */
const BRACKET = 0.7;

/** Whether column `ci` has figures in parentheses (negatives, as a theme may print them): its other figures stand a bracket's width in (bracket-pad). */
function hasBracketed(table: TableModel, ci: number): boolean {
  return table.rows.some((row) => row[ci]?.numeric && /\)$/.test(cellText(row[ci])));
}

/** A cell's text, without its markup. */
function cellText(cell: TableCell | undefined): string {
  return (cell?.text ?? []).map((p) => p.text).join('');
}

/**
 * Column widths in percent, from what the columns hold, the same for every part of a table (each part
 * its own <table>, the browser would otherwise size each part's columns to its own rows, and the rows'
 * heights, and so where the table breaks, would change when it is cut).
 *
 * Each column is weighed by what it holds (figures and unbreakable cells their longest content, text columns
 * something between their average and longest cell), and has a least width, as the fixed layout never widens a
 * column for a cell that does not fit (its text would run over the next cell's, and off the page): an unbreakable
 * column ('nowrap', or with such a cell) its longest cell, whole, and its header too where the column is 'nowrap' (a
 * column of such cells under a heading of a few words, "Change from Before", wraps the heading between them); a column of figures its longest amount
 * or word, or its longest cell where there is room for that and the table, by lineCount, is no longer for it; a text
 * column its longest word (a run of Chinese, Japanese or Korean characters, a name kept whole, is one word). The
 * columns share the room by their weights, none below its least: a column the weights give less gets its least, the
 * others share the rest. The room is TABLE_ROOM where the least widths fit it, else TABLE_WIDTH. Where they fit
 * neither, the unbreakable columns are let wrap between words (`squeezed`: the table's class says so, or their cells
 * would run off the page, "▲ up 19.5%" cut to "▲ up 1") where the table then fits; failing that, the same in smaller
 * type (`compact`, `scale` the share of the size); failing that, the amounts too ("RMB 21,567.8 / thousand", class
 * `compact squeezed amounts-wrap`), rather than print one over the next column's, where the table then fits; failing
 * that, the weights alone give the widths, the unbreakable columns kept whole.
 */
function columnWidths(table: TableModel): { widths: string[]; squeezed: string; scale: number } {
  const whole = fittedWidths(table, 'none');
  if (whole !== undefined) return { widths: whole, squeezed: '', scale: 1 };
  // Squeezed only where that makes the table fit: one too wide for other reasons (a pasted URL) keeps its dates whole.
  const unbreakable = table.columns.some((column, ci) => column.nowrap || table.rows.some((row) => row[ci]?.nowrap));
  const relaxed = unbreakable ? fittedWidths(table, 'unbreakable') : undefined;
  if (relaxed !== undefined) return { widths: relaxed, squeezed: 'squeezed', scale: 1 };
  // Then in smaller type (class compact), its figures whole: seven columns of "100,234.5" beside a long German word broke
  // each figure at its decimal point, "100,234." over "5", a figure a reader could take for another.
  const compact = fittedWidths(table, 'none', false, COMPACT);
  if (compact !== undefined) return { widths: compact, squeezed: 'compact', scale: COMPACT };
  const compactSqueezed = unbreakable ? fittedWidths(table, 'unbreakable', false, COMPACT) : undefined;
  if (compactSqueezed !== undefined) return { widths: compactSqueezed, squeezed: 'compact squeezed', scale: COMPACT };
  const amounts = table.columns.some((column) => column.numeric) || unbreakable ? fittedWidths(table, 'amounts', false, COMPACT) : undefined;
  return amounts !== undefined ? { widths: amounts, squeezed: 'compact squeezed amounts-wrap', scale: COMPACT } : { widths: fittedWidths(table, 'none', true)!, squeezed: '', scale: 1 };
}

/** The type size of a compact table, as a share of a table's own (styles/briefing.css table.compact). */
const COMPACT = 0.85;

/**
 * columnWidths with unbreakable columns and amounts kept whole ('none'), unbreakable columns let wrap between words, or
 * amounts as well; undefined if their least widths fit no room, unless `anyway`.
 */
function fittedWidths(table: TableModel, relax: 'none' | 'unbreakable' | 'amounts', anyway = false, scale = 1): string[] | undefined {
  // Letter widths are those of the table's type; in smaller type (scale) the page holds more of them, the padding too.
  const padding = CELL_PADDING / scale;
  const columns = table.columns.map((column, ci) => {
    const cells = table.rows.map((row) => row[ci]);
    const texts = cells.map(cellText);
    const longest = Math.max(1, ...texts.map(textWidth));
    const word = Math.max(1, ...labelWords(column.label), ...cells.flatMap((cell) => cellWords(cell).map((w) => (relax === 'amounts' && cell?.text.some((p) => p.figure) ? w * BOLD : w))));
    const nowrap = relax === 'none' && Boolean(column.nowrap || cells.some((cell) => cell?.nowrap));
    if (nowrap || column.numeric) {
      // In a column with figures in parentheses the others stand a bracket's width in (bracket-pad): room they need too.
      const padded = hasBracketed(table, ci);
      const pad = (text: string) => (padded && !/\)$/.test(text) ? BRACKET : 0);
      const whole = Math.max(longest, word, nowrap && column.nowrap ? textWidth(column.label) : 0, ...texts.map((t) => textWidth(t) + pad(t)));
      const amount = Math.max(word, ...texts.flatMap((t) => (t.match(AMOUNT) ?? []).map((a) => textWidth(a) + pad(t))));
      const least = nowrap ? whole : relax === 'amounts' ? word : amount;
      return { weight: Math.max(longest, word) + 2, least, whole, nowrap, amount };
    }
    const lengths = texts.map(textWidth);
    const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
    return { weight: Math.min(60, Math.max(word + 1, (average + longest) / 2)), least: word, whole: word, nowrap, amount: word };
  });
  const weights = columns.map((c) => c.weight);
  const across = (widths: number[]) => widths.reduce((a, b) => a + b, 0);
  const percent = (widths: number[], total = across(widths)) => widths.map((w) => ((100 * w) / total).toFixed(2));
  // The weights' shares of `room`, a column they give less than its least held at that and the others sharing the rest.
  const spread = (least: number[], room: number): number[] => {
    const widths = [...least];
    const free = new Set(columns.keys());
    for (;;) {
      const left = room - across(widths.filter((_, i) => !free.has(i)));
      const shared = across([...free].map((i) => weights[i]!));
      const short = [...free].filter((i) => (left * weights[i]!) / shared < least[i]!);
      if (short.length === 0) {
        for (const i of free) widths[i] = (left * weights[i]!) / shared;
        return widths;
      }
      for (const i of short) free.delete(i);
    }
  };
  // About how many lines the table's rows take with these widths.
  const height = (widths: number[]) => table.rows.reduce((sum, row) => sum + Math.max(1, ...row.map((cell, ci) => (columns[ci]?.nowrap ? 1 : lineCount(cellText(cell), widths[ci]! - padding)))), 0);
  const fitted = (room: number): string[] | undefined => {
    const least = columns.map((c) => c.least + padding);
    if (across(least) > room) return undefined;
    // Amounts let wrap: as many columns as the room allows keep theirs whole all the same, from the left (Before, Now...).
    if (relax === 'amounts') {
      for (const ci of columns.keys()) {
        const raised = columns[ci]!.amount + padding;
        if (raised > least[ci]! && across(least) - least[ci]! + raised <= room) least[ci] = raised;
      }
    }
    let widths = spread(least, room);
    // Columns of figures on one line where there is room and the table is no longer for it, those needing least more first.
    const more = (ci: number) => columns[ci]!.whole - columns[ci]!.least;
    for (const ci of [...columns.keys()].filter((i) => more(i) > 0).sort((a, b) => more(a) - more(b))) {
      const wider = least.map((w, i) => (i === ci ? w + more(ci) : w));
      if (across(wider) > room) continue;
      const tried = spread(wider, room);
      if (height(tried) > height(widths)) continue;
      least[ci] = wider[ci]!;
      widths = tried;
    }
    return percent(widths);
  };
  // With amounts let wrap, the whole width keeps the most of them whole.
  if (relax === 'amounts') return fitted(TABLE_WIDTH / scale);
  return fitted(TABLE_ROOM / scale) ?? fitted(TABLE_WIDTH / scale) ?? (anyway ? percent(weights) : undefined);
}

/** About how many lines `text` takes in `width` letter widths, broken between words. */
function lineCount(text: string, width: number): number {
  let lines = 1;
  let line = 0;
  for (const w of words(text)) {
    if (line > 0 && line + 0.6 + w > width) {
      lines += 1;
      line = w;
    } else line += (line > 0 ? 0.6 : 0) + w;
  }
  return lines;
}

/**
 * The document with a link to each tracked row, to the cover's end (COVER_END) and to each key chart, out of sight and
 * out of the flow (and so of the layout): Chromium writes a named destination only for an element something links to,
 * and this makes the print say where each row, the cover's last line and the key charts landed (pipeline.ts keyChartFit).
 * The links are off the page, so the PDF has no link annotations for them.
 */
function withRowAnchors(html: string, tables: TrackedTable[], keyCharts: string[]): string {
  const targets = [COVER_END, ...tables.flatMap((t) => t.rows.map((r) => `${t.id}-r${r}`)), ...keyCharts];
  const links = targets.map((id) => `<a href="#${id}"></a>`).join('');
  const nav = `<nav class="row-anchors" aria-hidden="true" style="position: absolute; left: -10000px; top: 0; width: 1px; height: 1px; overflow: hidden">${links}</nav>`;
  const end = html.lastIndexOf('</body>');
  return end < 0 ? html + nav : html.slice(0, end) + nav + html.slice(end);
}

/**
 * The names in a script of their own the canvas gives (company, glossary), each with its language, longest first:
 * those in Chinese, Japanese or Korean script, and those in another script but Latin whose language the canvas
 * names (native_name_lang: hi, a glossary entry's lang), so that the browser shapes them as that language's text.
 */
function nativeNames(model: BriefingModel): Array<{ html: string; lang: string }> {
  const all = [
    ...(model.company.nativeName ? [{ text: model.company.nativeName, lang: model.company.nameLang ?? model.company.nativeLang, named: model.company.nameLang !== undefined }] : []),
    ...model.appendix.glossary.flatMap((g) => (g.native ? [{ text: g.native, lang: glossaryLang(model, g) ?? model.company.nativeLang, named: glossaryLang(model, g) !== undefined }] : [])),
  ];
  const seen = new Map<string, string>();
  for (const { text, lang, named } of all) {
    if (Array.from(text).length >= 2 && (CJK_SCRIPT.test(text) || (named && OWN_SCRIPT.test(text))) && !seen.has(text)) seen.set(text, lang);
  }
  return [...seen].map(([text, lang]) => ({ html: esc(text), lang })).sort((a, b) => b.html.length - a.html.length);
}

/** A letter of a script other than Latin (Devanagari, Greek, Arabic...): a name in it is marked with its language. */
const OWN_SCRIPT = /[^\P{L}\p{Script=Latin}]/u;

/** Scripts a name in a script of its own may be in (not Latin, nor Chinese, Japanese or Korean), to tell whether two names share one. */
const SCRIPTS = ['Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Khmer', 'Arabic', 'Hebrew', 'Syriac', 'Thaana', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Ethiopic']
  .map((name) => ({ name, letter: new RegExp(`\\p{Script=${name}}`, 'u') }));

function scriptOf(text: string): string | undefined {
  return SCRIPTS.find((s) => s.letter.test(text))?.name;
}

/**
 * The language of a glossary entry's native name: its own, else, for a name in the script of the company's native
 * name when that is not Latin nor Chinese, Japanese or Korean (Devanagari), company.native_name_lang, as the canvas
 * format says (a name in Chinese script without one has its language from build-model.ts already).
 */
function glossaryLang(model: BriefingModel, g: BriefingModel['appendix']['glossary'][number]): string | undefined {
  const { nameLang, nativeName } = model.company;
  if (g.lang !== undefined || g.native === undefined || nameLang === undefined || nativeName === undefined) return g.lang;
  const script = scriptOf(g.native);
  return script !== undefined && script === scriptOf(nativeName) && !CJK_SCRIPT.test(g.native) ? nameLang : undefined;
}

/**
 * A function that marks each of `names` where it occurs in HTML text as a name in its language: drawn
 * in that language's face and never broken inside at a line end (.native-name), so a search finds it
 * whole. Only text between tags is looked at. Built once per render: it runs on every text of the briefing.
 */
function nameMarker(names: Array<{ html: string; lang: string }>): (html: string) => string {
  if (names.length === 0) return (html) => html;
  const pattern = new RegExp(names.map((n) => escapeRegExp(n.html)).join('|'), 'g');
  const langOf = new Map(names.map((n) => [n.html, n.lang]));
  return (html) => html.replace(/(^|>)([^<]*)/g, (_all, open: string, text: string) =>
    open + text.replace(pattern, (name) => `<span class="native-name" lang="${esc(langOf.get(name)!)}">${name}</span>`));
}

/** Text with figures marked, as HTML: escaped, each figure in <span class="fig">, an amount never split across lines. Shared with the e-mail. */
export function richHtml(text: RichText | undefined): string {
  return (text ?? []).map((p) => {
    const html = p.figure ? `<span class="fig">${keepAmountsTogether(esc(p.text))}</span>` : esc(p.text);
    if (p.aside) return `<span class="aside">${html}</span>`;
    return p.whole && /\s/.test(p.text) ? `<span class="nb">${html}</span>` : html;
  }).join('');
}

/** A figure as text, as HTML: escaped, each amount never split across lines. Shared with the e-mail. */
export function figureHtml(text: string | undefined): string {
  return keepAmountsTogether(esc(text ?? ''));
}

function esc(text: string): string {
  return Handlebars.escapeExpression(text);
}

/** The characters a reader sees: markup, entities aside. Over-approximates (attribute text counts), which is safe for font choice. */
function visibleText(html: string): string {
  return html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, ' ');
}

/** A heading as written (its title, which the outline must show) and as drawn (with a badge such as "detected", which Chromium's bookmark takes in). */
export interface Heading {
  title: string;
  shown: string;
}

function headingsOf(html: string): Heading[] {
  const text = (inner: string) => decodeEntities(inner.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
  return [...html.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => ({
    title: text(m[1].replace(/<span class="badge[^"]*">[\s\S]*?<\/span>/g, '')),
    shown: text(m[1]),
  }));
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", '#x60': '`', '#x3D': '=' };
  return text.replace(/&(#?[a-z0-9]+);/gi, (all, name: string) => named[name] ?? all);
}

/**
 * An amount as model/format.ts writes it: its sign (a minus, or the plus or ± of a difference: "+US$45.6 million" must
 * not break after its "+"), a currency prefix (the table's, or an ISO
 * code and a space), the number, "%", the scale; with the brackets around it, where it has them (an equivalent,
 * "(US$1,087 million)"): a column is made as wide as the amount, and a bracket left outside wrapped alone.
 */
const PREFIX = [...CURRENCY_PREFIXES.map(escapeRegExp), '[A-Z]{3} '].join('|');
const AMOUNT = new RegExp(`\\(?[-+\u2212\u00b1]?(?:${PREFIX})?[-\u2212]?\\d[\\d,.]*%?(?: (?:thousand|million|billion|trillion))?\\)?(?:[,;:](?=\\s))?`, 'g');

/**
 * Lets a figure wrap between words, but never inside an amount ("-RMB 39.8 billion" and "+US$45.6 million" stay on one line), nor between an
 * amount and the comma after it (a line starting ", +21% YoY"), nor between a direction's mark and its word ("▲ up").
 */
function keepAmountsTogether(html: string): string {
  return html.replace(AMOUNT, (amount) => (amount.includes(' ') ? `<span class="nb">${amount}</span>` : amount))
    .replace(DIRECTION_MARK, (mark) => `<span class="nb">${mark}</span>`);
}

/** A direction's mark with the word after it ("▲ up", "▼ revised"): a mark alone at a line's end says nothing. */
const DIRECTION_MARK = /[\u25b2\u25bc] [^\s<]+/g;
