/** Printers that print nothing real, for pipeline tests without a browser. */
import type { Printer, PrintJob, PrintResult } from '../../src/print/index.ts';
import { COVER_END } from '../../src/render/cover-end.ts';

/** A print or draft as the fake printer was asked for it. */
export interface FakePrint {
  html: string;
  job: Pick<PrintJob, 'pageSize'> & Partial<PrintJob>;
  draft: boolean;
}

/**
 * A printer whose every print and draft answers `answer(print, n)` (n counts prints and drafts from 1;
 * a draft keeps only the pages and anchors); it records what it was given, and in `calls` the order of
 * launch(), draft() and print() calls.
 */
export function fakePrinter(answer: (print: FakePrint, n: number) => PrintResult) {
  const printed: FakePrint[] = [];
  const calls: Array<'launch' | 'draft' | 'print'> = [];
  const record = (print: FakePrint) => {
    calls.push(print.draft ? 'draft' : 'print');
    printed.push(print);
    return answer(print, printed.length);
  };
  const printer: Printer = {
    async print(html, job) {
      return record({ html, job, draft: false });
    },
    async draft(html, job) {
      const { pages, anchors, blocked } = record({ html, job, draft: true });
      return { pages, anchors, blocked };
    },
    async launch() {
      calls.push('launch');
    },
    async executable() {
      return '/fake/chromium';
    },
    async close() {},
    async [Symbol.asyncDispose]() {},
    state: { launches: 0 },
  };
  return { printer, printed, calls };
}

/** A printer that prints nothing real: a PDF of a few bytes for each briefing, of three pages, every chapter on page 2. */
export function smallPdfPrinter(): Printer {
  return fakePrinter(({ html }) => ({ pdf: new TextEncoder().encode(`%PDF-1.7\n% ${html.length}\n%%EOF\n`), pages: 3, anchors: linkedAnchors(html, 2), blocked: [] })).printer;
}

/**
 * A printer whose "PDF" is the metadata it was asked to write (as JSON, its dates as ISO times) and the HTML it was given
 * (its fonts' URLs left out, which differ from run to run), three pages, every chapter on page 2: what a briefing says
 * can be read back from the PDF in the output folder, or attached.
 */
export function htmlPrinter(): Printer {
  return fakePrinter(({ html, job }) => ({ pdf: Buffer.from(`%PDF-1.7\n% ${JSON.stringify(job.metadata)}\n${html.replace(/<style>[\s\S]*?<\/style>/, (css) => css.replace(/url\([^)]*\)/g, ''))}\n%%EOF\n`), pages: 3, anchors: linkedAnchors(html, 2), blocked: [] })).printer;
}

/**
 * Where a print puts each anchor the HTML links to (every chapter, section and tracked table row): `pageOf(anchor)`, or
 * one page for all; the cover's end on page 1, as a cover that keeps to its page has it.
 */
export function linkedAnchors(html: string, pageOf: number | ((anchor: string) => number)): Record<string, number> {
  const page = (anchor: string) => (anchor === COVER_END ? 1 : typeof pageOf === 'number' ? pageOf : pageOf(anchor));
  return Object.fromEntries([...html.matchAll(/<a href="#([^"]+)">/g)].map((m) => [m[1]!, page(m[1]!)]));
}

/**
 * Chapters on page 2, and every tracked row from the 4th (index 3) of every long table on page 3: each table breaks there.
 * The contents stay on page 2 (a short list, kept on one page); `contents: true` breaks them there too, as a list longer than a page.
 */
export function breaksAtFourthRow(anchor: string, contents = false): number {
  const row = (contents ? /-r(\d+)$/ : /^tbl-\d+-r(\d+)$/).exec(anchor);
  return row !== null && Number(row[1]) >= 3 ? 3 : 2;
}

/**
 * Has `printer` run `act` once, as a build begins planning: a build looks for the browser then, after a queued build has
 * reached its Redis and before it queues anything. `acted()` says whether it has.
 */
export function whenPlanning(printer: Printer, act: () => unknown): { acted(): boolean } {
  const executable = printer.executable.bind(printer);
  let acted = false;
  printer.executable = async () => {
    if (!acted) {
      acted = true;
      await act();
    }
    return executable();
  };
  return { acted: () => acted };
}
