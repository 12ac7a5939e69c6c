/**
 * Reading a printed briefing as a reader sees it, from readPdf()'s text items and outline: what lies in
 * the page margins (running head, "Page N of M" footer) is page furniture, the contents pages only repeat
 * titles, and each bookmark starts a section that runs to the next bookmark at its level or above.
 */
import type { PdfOutlineItem, PdfReadBack } from './read-pdf.ts';

type TextItem = PdfReadBack['positions'][number][number];

const mm = (n: number) => (n / 25.4) * 72;
/** The briefing's @page margins (src/render/page-css.ts): the running head sits above the top one, the footer below the bottom one. */
export const TOP_MARGIN = mm(20);
export const BOTTOM_MARGIN = mm(18);
/** Bottom margin (18 mm) plus room for two lines of text: a heading above this has room for content below it on its page. */
export const LOWEST_HEADING_TOP = 51 + 40;

/** An outline entry with its depth: 0 for Key figures, Contents, the chapters and Data notes. */
export interface OutlineEntry {
  title: string;
  page: number | undefined;
  top: number | undefined;
  depth: number;
}

/** Every outline entry, depth first. */
export function flattenOutline(outline: PdfOutlineItem[], depth = 0): OutlineEntry[] {
  return outline.flatMap((o) => [{ title: o.title, page: o.page, top: o.top, depth }, ...flattenOutline(o.children, depth + 1)]);
}

/** Items as text, lines ended where pdfjs ends them (as in readPdf's `text`). */
export function textOf(items: TextItem[]): string {
  return items.map((i) => i.str + (i.eol ? '\n' : '')).join('');
}

/** The items of a 1-based page inside its margins: no running head, no footer (the cover, before the first bookmark, has neither). */
export function bodyItems(pdf: PdfReadBack, page: number): TextItem[] {
  const items = pdf.positions[page - 1]!;
  if (page < (pdf.outline[0]?.page ?? 1)) return items;
  const height = pdf.pageSizes[page - 1]![1];
  return items.filter((i) => i.y > BOTTOM_MARGIN && i.y < height - TOP_MARGIN);
}

/** Each page's text inside its margins (bodyItems), whitespace collapsed: what a reader finds on it. */
export function bodyPages(pdf: PdfReadBack): string[] {
  return Array.from({ length: pdf.pages }, (_, i) => squash(textOf(bodyItems(pdf, i + 1))));
}

/** The running head of a 1-based page (the text in its top margin), whitespace collapsed. */
export function runningHead(pdf: PdfReadBack, page: number): string {
  const height = pdf.pageSizes[page - 1]![1];
  return squash(textOf(pdf.positions[page - 1]!.filter((i) => i.y >= height - TOP_MARGIN)));
}

/**
 * How full a 1-based page is: from the top margin down to the lowest text inside the margins, as a share
 * of the height between them (0 for a page with no text in its body, 1 for text down to the footer).
 */
export function pageFill(pdf: PdfReadBack, page: number): number {
  const height = pdf.pageSizes[page - 1]![1];
  const lowest = Math.min(...bodyItems(pdf, page).filter((i) => i.str.trim() !== '').map((i) => i.y));
  return Number.isFinite(lowest) ? (height - TOP_MARGIN - lowest) / (height - TOP_MARGIN - BOTTOM_MARGIN) : 0;
}

/** How many lines the running head of a page (1-based) takes: text items in the top margin at distinct heights. */
export function runningHeadLines(pdf: PdfReadBack, page: number): number {
  const height = pdf.pageSizes[page - 1]![1];
  return new Set(pdf.positions[page - 1]!.filter((i) => i.y >= height - TOP_MARGIN && i.str.trim() !== '').map((i) => Math.round(i.y))).size;
}

/**
 * Whether a text item lies in the stretch of the briefing from one bookmark to the next one (parts flow
 * on: a part may end and the next begin on one page). An item belongs below the first and above the second.
 */
function between(start: OutlineEntry | PdfOutlineItem, end: OutlineEntry | PdfOutlineItem | undefined, page: number, item: TextItem): boolean {
  const afterStart = page > start.page! || (page === start.page && item.y <= start.top! + 1);
  return afterStart && (!end || page < end.page! || (page === end.page && item.y > end.top! + 1));
}

/** The contents: from its bookmark to the next top-level one. */
function contentsStretch(pdf: PdfReadBack): { start: PdfOutlineItem; end: PdfOutlineItem } {
  const i = pdf.outline.findIndex((o) => o.title === 'Contents');
  if (i < 0 || !pdf.outline[i + 1]) throw new Error('no Contents bookmark followed by another one');
  return { start: pdf.outline[i]!, end: pdf.outline[i + 1]! };
}

/** The contents' text without page furniture, whitespace collapsed (a wrapped title and its page number read "… plan) 21"). */
export function contentsText(pdf: PdfReadBack): string {
  const { start, end } = contentsStretch(pdf);
  const pages: string[] = [];
  for (let page = start.page!; page <= end.page!; page++) pages.push(textOf(bodyItems(pdf, page).filter((i) => between(start, end, page, i))));
  return squash(pages.join('\n'));
}

/**
 * The numbers of the contents' entries ("1", "1.1", …), page by page: each a text item of its own at the
 * start of its line, left of the titles (page numbers sit at the right margin).
 */
export function contentsNumbersByPage(pdf: PdfReadBack): string[][] {
  const { start, end } = contentsStretch(pdf);
  const pages: string[][] = [];
  for (let page = start.page!; page <= end.page!; page++) {
    const items = bodyItems(pdf, page).filter((i) => between(start, end, page, i));
    const left = Math.min(...items.map((i) => i.x));
    pages.push(items.filter((i) => /^\d+(\.\d+)?$/.test(i.str) && i.x < left + 40).map((i) => i.str));
  }
  return pages;
}

/**
 * The text of every page but the contents, without page furniture: no running heads or footers
 * ("Page N of M", "Data as of …"), no heading numbers ("3.1") and no "Figure N." labels.
 */
export function bodyText(pdf: PdfReadBack): string {
  const { start, end } = contentsStretch(pdf);
  const numbers = headingNumberItems(pdf);
  const pages: string[] = [];
  for (let page = 1; page <= pdf.pages; page++) {
    const items = bodyItems(pdf, page)
      .filter((i) => !numbers.has(i) && !between(start, end, page, i))
      .map((i) => ({ ...i, str: i.str.replace(/^Figure \d+\. /, '') }));
    pages.push(textOf(items));
  }
  return pages.join('\n');
}

/** The printed number of each numbered heading ("1", "3.1"): a text item of its own on the heading's first line. */
function headingNumberItems(pdf: PdfReadBack): Set<TextItem> {
  const found = new Set<TextItem>();
  for (const entry of flattenOutline(pdf.outline)) {
    const number = /^(\d+(?:\.\d+)*) /.exec(entry.title)?.[1];
    if (!number || entry.page === undefined || entry.top === undefined) continue;
    const item = bodyItems(pdf, entry.page).find((i) => i.str === number && i.y <= entry.top! && i.y > entry.top! - 25);
    if (item) found.add(item);
  }
  return found;
}

/** The text of the outline section titled `title`: from its heading to the next heading at its level or above (or the end). */
export function sectionText(pdf: PdfReadBack, title: string): string {
  const entries = flattenOutline(pdf.outline);
  const at = entries.findIndex((e) => e.title === title);
  if (at < 0) throw new Error(`no bookmark "${title}"`);
  const start = entries[at]!;
  const end = entries.slice(at + 1).find((e) => e.depth <= start.depth);
  const last = end ? end.page! : pdf.pages;
  const pages: string[] = [];
  for (let page = start.page!; page <= last; page++) pages.push(textOf(bodyItems(pdf, page).filter((i) => between(start, end, page, i))));
  return pages.join('\n');
}

/**
 * Headings with nothing of their section below them on their page: "title (page N)". A heading's
 * text must be found at its bookmark, and some other text must sit more than 12 pt below the
 * bookmark's top and above the footer.
 */
export function headingsWithoutContentBelow(pdf: PdfReadBack): string[] {
  const alone: string[] = [];
  for (const entry of flattenOutline(pdf.outline)) {
    const where = `${entry.title} (page ${entry.page})`;
    if (entry.page === undefined || entry.top === undefined) {
      alone.push(`${where}: no /XYZ destination`);
      continue;
    }
    // Below the bookmark's top, in reading order: the heading's own lines come first.
    const below = bodyItems(pdf, entry.page)
      .filter((i) => i.y <= entry.top! + 1 && i.str.trim() !== '')
      .sort((a, b) => (Math.abs(b.y - a.y) > 1 ? b.y - a.y : a.x - b.x));
    const heading = squash(entry.title).replace(/ /g, '');
    let read = '';
    let n = 0;
    while (n < below.length && read !== heading && heading.startsWith(read + below[n]!.str.replace(/\s/g, ''))) {
      read += below[n]!.str.replace(/\s/g, '');
      n += 1;
    }
    if (read !== heading) alone.push(`${where}: heading not printed at its bookmark`);
    else if (!below.slice(n).some((i) => i.y < entry.top! - 12)) alone.push(where);
  }
  return alone;
}

/** Whitespace runs as single spaces, trimmed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
