/**
 * The CSS that depends on the briefing: page size, the running heads, and the fonts (linked or embedded).
 * Chromium prints margin boxes but not string-set, so a running head can name the part a page
 * belongs to only through named pages, one per part, and a named page always starts a new page:
 * a theme that starts each part on a page of its own (chapter_breaks: page) gets the part's name
 * in the head; the default, parts that flow on, gets the briefing's period there instead.
 */
import { CJK_FAMILIES, cjkFamily, type FontFace } from '../fonts.ts';
import { letterWidth, textWidth } from './letter-width.ts';
import type { BriefingModel } from '../model/briefing-model.ts';
import type { PageSize } from '../config.ts';

const PAGE: Record<PageSize, { size: string; height: string; room: string }> = {
  // room: a third of the height between the margins (20 mm and 18 mm): less than that left on a page, the next part starts a new one.
  A4: { size: 'A4', height: '297mm', room: '86mm' },
  Letter: { size: 'letter', height: '11in', room: '80mm' },
};

/**
 * How much text each running head holds on one line, in widths of an average Latin letter at its size
 * (7.5pt Inter, about 1.45 mm): the two share the 176 mm between the margins of an A4 page (182 mm on
 * Letter), the briefing's name on the left, the chapter's on the right, with room between them.
 */
const LEFT_HEAD = 66;
const RIGHT_HEAD = 44;
/** The whole head, in letter widths: 176 mm between the margins of an A4 page (Letter has a little more). */
const HEAD = 121;
/**
 * The longest confidentiality marking printed on one line in the middle of the head. A longer one is never
 * cut (a reader of any page must see all of it): it wraps, smaller, in a box of at most WRAPPED_CENTRE
 * letter widths, on two lines or more, and the head beside it gets two lines as well.
 */
const CENTRE_HEAD = 48;
const WRAPPED_CENTRE = 60;
/** A letter width at the head's 7.5pt, in mm: the width of the box a wrapped marking is set in. */
const LETTER_MM = 1.45;
/** The widest logo at the start of the left part, 72 px (54 pt; theme-files.ts headLogo): about 17 letter widths with the space after it. */
const LOGO_WIDTH = 17;
/** The letter widths a logo `width` px wide takes, with the space after it. */
const logoLetters = (width: number) => Math.ceil((LOGO_WIDTH * width) / 72);

/**
 * A running head cut to one line: at most `room` letter widths, at a word end where there is one near,
 * with "…". The full title stays in the PDF's metadata and on the cover.
 */
export function fitHead(text: string, room: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' '));
  let width = 0;
  let fits = 0;
  for (const c of chars) {
    if (width + letterWidth(c) > room) break;
    width += letterWidth(c);
    fits += 1;
  }
  if (fits === chars.length) return text;
  const kept = chars.slice(0, Math.max(0, fits - 1)).join('');
  const wordEnd = kept.search(/\s+\S*$/);
  return `${(wordEnd > kept.length * 0.6 ? kept.slice(0, wordEnd) : kept).replace(/[\s·,:;–-]+$/, '')}…`;
}

/**
 * The left part of the head: the company, the briefing's title and the block set's, in `room` letter widths.
 * Where the company and title do not fit, the title is cut (keeping its first word whole) or left out, then the name
 * gives way to the ticker. Every page of a block set's briefing names its set: where the three do not fit, the briefing's title is
 * cut (keeping its first word whole) or left out, then the company's name gives way to its ticker, and the
 * set's title is cut last.
 */
export function leftHead(who: string, ticker: string, title: string, set: string | undefined, room: number): string {
  // The title cut, or left out: never the name cut short after it, "Harbour & Crown…", which reads as the name cut.
  const after = set === undefined ? '' : ` · ${set}`;
  const whole = `${who} · ${title}${after}`;
  if (textWidth(whole) <= room) return whole;
  const cut = fitHead(title, room - textWidth(`${who} · ${after}`));
  if (cut.startsWith(title.trim().split(/\s+/)[0]!)) return `${who} · ${cut}${after}`;
  if (set === undefined) return textWidth(who) <= room ? who : textWidth(ticker) <= room ? ticker : fitHead(ticker, room);
  const named = textWidth(`${who} · ${set}`) <= room ? who : ticker;
  return `${named} · ${fitHead(set, room - textWidth(`${named} · `))}`;
}

/** The built-in faces as a stylesheet names them: the variable pageCss sets to the briefing's font stack. */
export const BRIEFING_FONTS = /var\(\s*--briefing-fonts\s*\)/i;

/**
 * @page rules: size, margins, running header (briefing and chapter) and footer (page N of M, data date, edition), and the text they print.
 * The margin boxes take their colours from the stylesheet's variables (Chromium's page context inherits the root's), so that a theme's
 * --navy, --ink, --muted and --marking head every page as they do its headings; the fallbacks are the built-in colours. Head and foot
 * are set in the briefing's font stack, so that a name in Chinese, Japanese or Korean (an exchange's, 東証) is drawn in an embedded face;
 * after the theme's own font for the text (layout.fonts, theme-files.ts themeTextFonts), where it gives one, as the body is. The margin
 * boxes draw with the page's @font-face fonts, but inherit no font-family of the body's: it is set on them here.
 */
export function pageCss(model: BriefingModel, pageSize: PageSize, edition?: string, layout: { newPages: boolean; logo?: { url: string; width: number }; scripts?: readonly string[]; fonts?: string; revised?: boolean } = { newPages: false }): { css: string; marginText: string } {
  const { size, height, room } = PAGE[pageSize];
  // Chinese, Japanese or Korean text with no language of its own (a name in a paragraph, a chart label)
  // is drawn in the face of the company's language. Then the faces of other scripts the briefing embeds
  // (layout.scripts: Devanagari), last, as fonts.ts fontFacesFor chooses them. :where() gives the rules no
  // weight: a theme's own win.
  const own = cjkFamily(model.company.nativeLang);
  const stack = ['Inter', own, ...CJK_FAMILIES.filter((f) => f !== own), ...(layout.scripts ?? [])].map((f) => `'${f}'`).join(', ');
  // The running head and foot: the theme's font for the text, its var(--briefing-fonts) written out (the stack).
  const headFonts = layout.fonts === undefined ? stack : layout.fonts.split(BRIEFING_FONTS).join(stack);
  // A running head has one line (two beside a long marking); a long legal name gives way to the ticker. A confidentiality marking
  // takes the middle of the head, a logo the start of its left part: the briefing's name gets less room.
  const who = model.company.shortName.length <= 48 ? model.company.shortName : model.company.ticker;
  // The marking is printed whole on every page: a long one wraps in a box of its own width, and the parts
  // beside it may take as many lines (two), so that what a briefing's title or period says of its status
  // ("ungeprüft, vorläufig") is not cut to make room for it. With a marking in the middle, Chromium gives
  // the left and right parts equal room beside it.
  const marking = model.confidentiality?.replace(/\s+/g, ' ').trim();
  const wrapped = marking !== undefined && textWidth(marking) > CENTRE_HEAD;
  const centre = marking === undefined ? 0 : wrapped ? Math.min(WRAPPED_CENTRE, Math.ceil(textWidth(marking) / 2) + 4) : textWidth(marking);
  const side = marking === undefined ? Infinity : Math.floor((HEAD - centre) / 2) - 2;
  // Two lines hold a little less than twice one: a line breaks at a word's end.
  const lines = (room: number) => (wrapped ? 2 * room - 6 : room);
  const leftRoom = lines(Math.min(LEFT_HEAD, side) - (layout.logo === undefined ? 0 : logoLetters(layout.logo.width)));
  const rightRoom = lines(Math.min(RIGHT_HEAD, side));
  const left = leftHead(who, model.company.ticker, model.cover.title, model.setTitle, leftRoom);
  const footLeft = `${model.company.exchange}: ${model.company.ticker}`;
  // A revised edition says so on every page: a page printed or forwarded alone is not taken for the edition it replaces.
  const footRight = `Data as of ${model.cover.asOf}${edition ? ` · ${layout.revised ? 'Revised edition' : 'Edition'} ${edition}` : ''}`;
  const named: Array<[string, string]> = !layout.newPages ? [] : [
    ['key-figures', 'Key figures'],
    ['contents', 'Contents'],
    ...(model.changes ? [['changes', model.changes.title] as [string, string]] : []),
    ...model.chapters.map((c): [string, string] => [`chapter-${c.number}`, fitHead(`${c.number}  ${c.title}`, rightRoom)]),
    ['data-notes', 'Data notes'],
    ['notices', model.notices.title],
  ];
  // Everything the page margins print: the printer loads the faces it needs, as no text of the body may ask for them.
  const marginText = [left, marking ?? '', model.cover.period, footLeft, 'Page of 0123456789', footRight, ...named.map(([, head]) => head)].join('\n');
  const css = `
:root { --page-height: calc(${height} - 0.5mm); --part-room: ${room}; }
:root { --briefing-fonts: ${stack}; }
:where(html) { font-family: var(--briefing-fonts); }
:where(.chart-svg text) { font-family: ${stack}; }
@page {
  size: ${size};
  margin: 20mm 17mm 18mm 17mm;
  @top-left { content: ${layout.logo === undefined ? '' : `url(${layout.logo.url}) "  " `}${cssString(left)}; font: 500 7.5pt ${headFonts}; color: var(--muted, #5b6673); vertical-align: bottom; padding-bottom: 3mm; }
  @top-right {${layout.newPages ? '' : ` content: ${cssString(fitHead(model.cover.period, rightRoom))};`} font: 600 7.5pt ${headFonts}; color: var(--navy, #1f3a5f); vertical-align: bottom; padding-bottom: 3mm; }
${marking === undefined ? '' : `  @top-center { content: ${cssString(marking)};${wrapped ? ` width: ${(centre * LETTER_MM).toFixed(1)}mm;` : ''} font: 700 ${wrapped ? '6.5pt/1.25' : '7pt'} ${headFonts}; letter-spacing: 0.06em; color: var(--marking, #b42318); vertical-align: bottom; padding-bottom: 3mm; }\n`}  @bottom-left { content: ${cssString(footLeft)}; font: 400 7.5pt ${headFonts}; color: var(--muted, #5b6673); vertical-align: top; padding-top: 3mm; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 500 7.5pt ${headFonts}; color: var(--ink, #1f2933); vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: ${cssString(footRight)}; font: 400 7.5pt ${headFonts}; color: var(--muted, #5b6673); vertical-align: top; padding-top: 3mm; }
}
@page cover { margin: 0; @top-left { content: none; } @top-center { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-center { content: none; } @bottom-right { content: none; } }
${named.map(([name, head]) => `@page ${name} { @top-right { content: ${cssString(head)}; } }`).join('\n')}
`;
  return { css, marginText };
}

/** @font-face rules for the given faces, each loaded from the URL `source` gives it (a data: URL embeds it). */
export function fontCss(faces: FontFace[], source: (face: FontFace) => string): string {
  return faces
    .map((f) => `@font-face { font-family: '${f.family}'; font-style: ${f.style}; font-weight: ${f.weight}; font-display: block; src: url(${source(f)}) format('woff2'); unicode-range: ${f.unicodeRange}; }`)
    .join('\n');
}

/**
 * A CSS string literal of any text. Everything outside a small safe set (letters, digits, space and
 * punctuation that means nothing inside a CSS string) is written as a CSS escape, "\\HEX ": quotes,
 * backslashes, "<" (a "</style>" must not end the stylesheet) and every line ending CSS knows (LF, CR,
 * and the form feed U+000C, which also ends a string: left raw, the rest of the text would become live
 * stylesheet). Line breaks print as spaces: a running head is one line.
 */
export function cssString(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\f\u2028\u2029]+/g, ' ')) {
    out += /^[A-Za-z0-9 .,:;!?'()[\]{}+*=#%@$~|^_/-]$/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `"${out}"`;
}
