/**
 * A long confidentiality marking, printed: every page after the cover carries all of it, and what the
 * briefing's title and period say of its status ("ungeprüft, vorläufig"), as the cover does. Investor
 * material whose marking is cut to "Streng vertraulich: nur für den internen Gebrauch…" on its pages no
 * longer says whom it is for, nor, its status cut, that its figures are unaudited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build-model.ts';
import { createRenderer } from '../../src/render/render-html.ts';
import { createPrinter, findBrowser, type Printer } from '../../src/print/index.ts';
import { nordwindCanvas } from '../support/fixtures.ts';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { runningHead, TOP_MARGIN } from '../support/briefing-layout.ts';

const MARKING = 'Streng vertraulich: nur für den internen Gebrauch des Aufsichtsrats und der beauftragten Berater';

describe('a briefing with a long confidentiality marking, printed', { timeout: 60_000 }, () => {
  let printer: Printer;
  const printed: Record<'flowing' | 'newPages', PdfReadBack> = {} as never;

  beforeAll(async () => {
    await findBrowser({});
    const canvas = nordwindCanvas();
    canvas.briefing = { ...canvas.briefing, language: 'de', title: 'Investorenbriefing (ungeprüft, vorläufig)', period: 'GJ 2025 – ungeprüft, vorläufig', confidentiality: MARKING };
    const model = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
    printer = createPrinter({ timeoutMs: 30_000 });
    for (const layout of ['flowing', 'newPages'] as const) {
      const renderer = createRenderer(layout === 'flowing' ? {} : { theme: { dir: 'test/fixtures', chapterBreaks: 'page' } });
      const rendered = renderer.render(model, { svgs: [], pageSize: 'A4' });
      const pdf = await printer.print(rendered.html, { pageSize: 'A4', metadata: { ...model.meta, date: new Date('2026-02-15T00:00:00Z') }, headings: rendered.headings, marginText: rendered.marginText });
      printed[layout] = await readPdf(pdf.pdf);
    }
  }, 60_000);

  afterAll(async () => {
    await printer?.close();
  });

  it('prints the whole marking, and the status the title and period give, in the head of every page after the cover', () => {
    for (const layout of ['flowing', 'newPages'] as const) {
      const pdf = printed[layout];
      expect(pdf.pages).toBeGreaterThan(2);
      for (let page = 2; page <= pdf.pages; page++) {
        const head = runningHead(pdf, page);
        expect(head, `${layout}, page ${page}`).toContain(MARKING);
        expect(head, `${layout}, page ${page}`).toContain('Investorenbriefing (ungeprüft, vorläufig)');
        // A part's page names the part, not the period (page-css.ts): the period's status is in the flowing layout's head.
        if (layout === 'flowing') expect(head, `page ${page}`).toContain('GJ 2025 – ungeprüft, vorläufig');
        expect(head, `${layout}, page ${page}`).not.toContain('…');
        // Two lines at most (the boxes' baselines differ by a point, their sizes differing): 9 pt apart at 7.5pt.
        const ys = pdf.positions[page - 1]!.filter((i) => i.y >= pdf.pageSizes[page - 1]![1] - TOP_MARGIN && i.str.trim() !== '').map((i) => i.y);
        expect(Math.max(...ys) - Math.min(...ys), `${layout}, page ${page}`).toBeLessThan(12);
      }
    }
  });
});
