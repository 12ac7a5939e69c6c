/**
 * A second theme, from a folder of the user's (test/fixtures/themes/nordic): its cover partial, colours,
 * logo and chapter breaks replace the built-in ones with no file of the tool edited.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { runningHead, squash, TOP_MARGIN } from '../support/briefing-layout.ts';
import { sharedBuild } from '../support/shared-builds.ts';

const themed = await sharedBuild('themed');
const plain = await sharedBuild('nordwind');
let pdf: PdfReadBack;
let html: string;

beforeAll(async () => {
  pdf = await readPdf(new Uint8Array(readFileSync(join(themed.dir, 'nordwind.pdf'))));
  html = readFileSync(join(themed.dir, 'nordwind.html'), 'utf8');
});

describe('a briefing built with --theme', () => {
  it('builds with one warning, about its logo\'s text (which the test theme keeps, so that the PDF shows whose logo it is)', () => {
    expect(themed.code).toBe(0);
    expect(themed.err).toEqual(["warning: nordwind: the theme's logo logo.svg sets text (<text>), which as an image cannot use the briefing's fonts: it prints in whatever font the machine has; convert the text to outlines (paths), embed its font in the SVG (an @font-face with a data: URL), or use a PNG"]);
  });

  it('has the theme\'s cover and logo (embedded, nothing fetched), not the built-in ones', () => {
    const cover = squash(pdf.text[0]!);
    expect(cover).toContain('Nordic Research · Company note');
    expect(cover).toContain('NORDIC RESEARCH'); // the logo's own text, drawn from the embedded SVG
    expect(cover).not.toContain('Business Model Canvas briefing');
    expect(html).toMatch(/<img class="cover-logo" src="data:image\/svg\+xml;base64,(?:[A-Za-z0-9+/]|&#x3D;)+" alt="Nordic Research">/);
    const builtIn = readFileSync(join(plain.dir, 'nordwind.html'), 'utf8');
    expect(builtIn).not.toContain('<img class="cover-logo"');
  });

  it('prints negative figures in parentheses, as its negative_numbers says, in text, key figures and tables', () => {
    const text = pdf.text.join('\n');
    expect(text).toContain('(€42.7 million)');
    expect(text).toContain('(140%) YoY');
    expect(text).not.toContain('\u2212');
    expect(readFileSync(join(plain.dir, 'nordwind.html'), 'utf8')).toContain('\u2212€42.7 million'); // the built-in theme: a minus sign
  });

  it('takes the theme\'s colours, in the page and in the charts', () => {
    expect(html).toContain(':root { --navy: #0b6e4f;');
    expect(html.indexOf('--navy: #0b6e4f')).toBeGreaterThan(html.indexOf('--navy: #1f3a5f')); // after the built-in stylesheet, so it wins
    expect(html).toMatch(/<path [^>]*fill="#1f3a5f" style="fill: var\(--chart-1, #1f3a5f\)"/);
  });

  it('starts every part on a page of its own with its name and the logo in the running head, as chapter_breaks: page asks', () => {
    for (const part of pdf.outline) {
      expect(part.top! > pdf.pageSizes[part.page! - 1]![1] - TOP_MARGIN - 40, `${part.title} starts at the top of page ${part.page}`).toBe(true);
      expect(runningHead(pdf, part.page!), part.title).toMatch(new RegExp(`NORDIC RESEARCH.*${part.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    }
  });
});
