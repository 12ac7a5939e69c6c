/**
 * Canvas text that tries to become stylesheet or markup: a form feed that would end a CSS string, a
 * placeholder the renderer once used to splice in the styles. It stays text.
 */
import { describe, it, expect } from 'vitest';
import { createRenderer } from '../../src/render/render-html.ts';
import { cssString } from '../../src/render/page-css.ts';
import { nordwindModel } from '../support/fixtures.ts';

/** The stylesheet of a rendered document. */
const styleOf = (html: string) => /<style>([\s\S]*)<\/style>/.exec(html)![1];

/** CSS with its strings taken out, as a CSS tokenizer ends them: at the closing quote, or at a line break or form feed. */
const outsideStrings = (css: string) => css.replace(/"(?:\\[\s\S]|[^"\\\n\r\f])*(?:"|[\n\r\f])/g, '""');

describe('text in CSS', () => {
  it('is one CSS string whatever it holds: quotes, backslashes, "</style>", and every line ending CSS knows', () => {
    expect(cssString('A "quoted" \\ back</style>')).toBe('"A \\22 quoted\\22  \\5c  back\\3c /style\\3e "');
    for (const end of ['\n', '\r', '\f', '\u2028']) expect(cssString(`a${end}b`)).toBe('"a b"');
    expect(cssString('深圳 · €')).toBe('"\\6df1 \\5733  \\b7  \\20ac "');
    // Nothing but the safe set is left raw: no character can end the string or the style element.
    const all = String.fromCodePoint(...Array.from({ length: 0x3000 }, (_, i) => i));
    expect(cssString(all).slice(1, -1)).toMatch(/^[A-Za-z0-9 .,:;!?'()[\]{}+*=#%@$~|^_/\\-]*$/);
  });

  it('keeps a running head with a form feed in it a string: no rule of its own reaches the stylesheet', () => {
    const model = nordwindModel();
    // Short enough to print whole (a longer running head is cut to one line, which would cut the payload too).
    model.company.shortName = 'N';
    model.cover.title = '\f}@page{@bottom-center{content:"RMB 9"}}body{display:none}';
    const css = styleOf(createRenderer().render(model, { svgs: [], pageSize: 'A4' }).html);
    expect(css).not.toContain('\f');
    expect(css).toContain('body{display:none}'); // as text, inside a string...
    expect(outsideStrings(css)).not.toContain('display:none'); // ...and nowhere else
    expect(outsideStrings(css)).not.toContain('RMB 9');
  });
});

describe('assembling the document', () => {
  it('splices no placeholder: "@@CSS@@" in a company name stays text, and the styles stay in <style>', () => {
    const model = nordwindModel();
    model.company.name = 'Evil @@CSS@@ Corp';
    model.meta.title = 'Evil @@CSS@@ Corp: Investor briefing';
    const { html } = createRenderer().render(model, { svgs: [], pageSize: 'A4' });
    expect(/<title>(.*)<\/title>/.exec(html)![1]).toBe('Evil @@CSS@@ Corp: Investor briefing');
    expect(styleOf(html)).toContain('@font-face');
  });

  it('gives the HTML copy a policy that loads nothing from anywhere: only its own inline styles, data: fonts and images', () => {
    const { html } = createRenderer().render(nordwindModel(), { svgs: [], pageSize: 'A4' });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });
});
