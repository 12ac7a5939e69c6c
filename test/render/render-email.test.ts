/** The e-mail message: styles inline as mail clients need, a subject from the pattern, a clean attachment name. */
import { describe, it, expect } from 'vitest';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentName, MAX_CHANGED_FIGURES, renderEmail, subjectLine } from '../../src/render/render-email.ts';
import type { ChangesModel } from '../../src/model/briefing-model.ts';
import { EXIT } from '../../src/errors.ts';
import { nordwindModel } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';

const input = { subject: '{company} ({ticker}): investor briefing{set}, {period}', edition: '0123abcd', attachment: { name: 'x.pdf', pages: 8, bytes: 120_000 } };

describe('the e-mail message', () => {
  it('keeps each amount of a key figure on one line: "(€1.29 billion)", not "(€1.29" over "billion)"', () => {
    const model = nordwindModel();
    model.keyFigures = [{ ...model.keyFigures[0]!, value: 'CHF 1.21 billion (€1.29 billion)' }];
    const nb = '<span class="nb" style="white-space: nowrap;">';
    expect(renderEmail(model, input).html).toMatch(new RegExp(`<td class="figure-value" style="[^"]*">${escape(`${nb}CHF 1.21 billion</span> ${nb}(€1.29 billion)</span>`)}</td>`));
  });

  it('opens a revised edition with what it replaces, and says "you" only when every recipient had it, "sent" only when it was e-mailed', () => {
    const model = nordwindModel();
    const line = (all: boolean, written: boolean) => renderEmail(model, { ...input, replaces: { edition: '3f2a1b4c', on: '2 Dec 2026', all, written } }).text.split('\n').find((l) => l.startsWith('Revised edition'));
    expect(line(true, false)).toBe('Revised edition: this briefing replaces edition 3f2a1b4c, sent to you on 2 Dec 2026; its figures or words have changed since. Please use this one.');
    expect(line(false, false)).toContain('replaces edition 3f2a1b4c, sent to some recipients of this message on 2 Dec 2026;');
    expect(line(true, true)).toContain('replaces edition 3f2a1b4c, prepared for you on 2 Dec 2026;');
    // None of them was sent the edition it names (they hold one that differed from this only in its chapter): no "to".
    expect(renderEmail(model, { ...input, replaces: { edition: '3f2a1b4c', on: '2 Dec 2026', all: false, none: true, written: false } }).text).toContain('replaces edition 3f2a1b4c, sent on 2 Dec 2026;');
    expect(renderEmail(model, input).text).not.toContain('Revised edition');
    expect(renderEmail(model, { ...input, replaces: { edition: '3f2a1b4c', on: '2 Dec 2026', all: true, written: false } }).html).toMatch(/<p class="revision" style="[^"]*">Revised edition: /);
  });

  it('lists at most MAX_CHANGED_FIGURES figures a revision changed, counting the rest, and where its words changed too', () => {
    const cell = (text: string) => ({ text: [{ text }] });
    const row = (i: number) => [cell(`Figure ${i}`), cell('FY2025'), cell(`€${i}.0\u00a0million`), cell(`€${i}.5\u00a0million`), cell('+€0.5 million'), cell('▲ revised up')];
    const changes: ChangesModel = {
      anchor: 'changes', title: 'Changes since the previous version', lead: '', empty: false, sectionsAdded: [], sectionsRemoved: [], textRemoved: [], tables: [], charts: [], alsoChanged: [],
      figures: { columns: [], rows: Array.from({ length: MAX_CHANGED_FIGURES + 4 }, (_, i) => row(i + 1)) },
      textAdded: [{ where: 'Summary', text: [{ text: 'New words.' }] }],
    };
    const { text, changes: lines } = renderEmail(nordwindModel(), { ...input, replaces: { edition: '3f2a1b4c', on: '2 Dec 2026', all: true, written: false, changes } });
    expect(lines).toEqual([
      'Changed since edition 3f2a1b4c:',
      ...Array.from({ length: MAX_CHANGED_FIGURES }, (_, i) => `- Figure ${i + 1}, FY2025: €${i + 1}.0\u00a0million → €${i + 1}.5\u00a0million`),
      '- and 4 more; see the briefing',
      'Wording was also revised in: Summary.',
    ]);
    expect(text).toContain(lines!.join('\n'));
    // A figure corrected in a free table alone: listed, not said to be wording ("No figure changed" would hide it).
    const table = { ...changes, figures: undefined, textAdded: [], tables: [{ where: '3.1 Operating costs (Cost Structure), table 1', changes: [[{ text: 'row Impairment (EUR million), value: 85.0 → 58.0' }]] }] };
    expect(renderEmail(nordwindModel(), { ...input, replaces: { edition: '3f2a1b4c', on: '2 Dec 2026', all: true, written: false, changes: table } }).changes).toEqual([
      'Changed since edition 3f2a1b4c:',
      '- 3.1 Operating costs (Cost Structure), table 1: row Impairment (EUR million), value: 85.0 → 58.0',
    ]);
    // Nothing this briefing prints changed (the comparison finds nothing): the generic line alone.
    expect(renderEmail(nordwindModel(), { ...input, replaces: { edition: '3f2a1b4c', on: '2 Dec 2026', all: true, written: false, changes: { ...changes, empty: true } } }).changes).toBeUndefined();
  });

  it('marks a revised edition in its subject and names its attachment with its edition; a first edition as the pattern and the model say', () => {
    const model = nordwindModel();
    const replaces = { edition: '3f2a1b4c', on: '2 Dec 2026', all: true, written: false };
    expect(renderEmail(model, input)).toMatchObject({ subject: 'Nordwind Energi ASA (NWE): investor briefing, FY2025', attachmentName: 'x.pdf' });
    const revised = renderEmail(model, { ...input, replaces });
    expect(revised).toMatchObject({ subject: 'Revised edition: Nordwind Energi ASA (NWE): investor briefing, FY2025', attachmentName: 'x-revised-0123abcd.pdf' });
    expect(revised.text).toContain('Attached: x-revised-0123abcd.pdf (8 pages');
    // A dry run's, not printed yet: no edition to name it by.
    expect(renderEmail(model, { ...input, edition: '', replaces }).attachmentName).toBe('x-revised.pdf');
  });

  it('carries the briefing\'s confidentiality marking at the top of both bodies, as on every page of the PDF, and none where it has none', () => {
    const model = nordwindModel();
    expect(renderEmail(model, input).text).not.toMatch(/Confidential/);
    model.confidentiality = 'Confidential: Investment Committee only';
    const { text, html } = renderEmail(model, input);
    expect(text.split('\n')[0]).toBe('Confidential: Investment Committee only');
    expect(html).toMatch(/<td class="marking" style="[^"]*font-weight: bold[^"]*">Confidential: Investment Committee only<\/td>/);
    expect(html.indexOf('Confidential: Investment Committee only')).toBeLessThan(html.indexOf('class="band"'));
  });

  it('puts every class rule in a style attribute, leaves no <style>, and escapes canvas text', () => {
    const model = nordwindModel();
    model.company.name = 'Nordwind <script>alert(1)</script> & Co';
    const { html, text } = renderEmail(model, input);
    expect(html).not.toMatch(/<style|<script|<link/i);
    expect(html).toContain('Nordwind &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(html).toMatch(/<td class="figure-value" style="padding: 8px; [^"]*text-align: right;/);
    expect(html).toMatch(/<td class="figure-change figure-(favourable|neutral|unfavourable)" style="[^"]*white-space: nowrap;[^"]*color: #/);
    expect(text).toContain('Nordwind <script>alert(1)</script> & Co'); // plain text is not HTML
    expect(text).toContain('Edition 0123abcd');
  });

  it('refuses a style it cannot inline, naming the file', () => {
    const root = tempDir();
    cpSync('templates', join(root, 'templates'), { recursive: true });
    cpSync('styles', join(root, 'styles'), { recursive: true });
    writeFileSync(join(root, 'styles', 'email.css'), 'td.value { color: red; }\n');
    expect(() => renderEmail(nordwindModel(), input, { root })).toThrow(expect.objectContaining({ exitCode: EXIT.template, message: expect.stringMatching(/email\.css: "td\.value": an e-mail style is one class/) }));
  });

  it('fills the subject pattern, one line whatever the canvas says, and names the attachment in plain words', () => {
    const model = nordwindModel();
    expect(subjectLine(model, input)).toBe('Nordwind Energi ASA (NWE): investor briefing, FY2025');
    model.setTitle = 'Power & Grid';
    model.company.shortName = 'Nordwind\r\nBcc: x@evil.example';
    expect(subjectLine(model, input)).toBe('Nordwind Bcc: x@evil.example (NWE): investor briefing (Power & Grid), FY2025');
    expect(attachmentName(model)).toBe('Nordwind-Bcc-x-evil-example-Investor-briefing-Power-and-Grid-FY2025.pdf');
    // Accents go (a letter of its own, ø, stays); other scripts stay, so that two halves of a Japanese fiscal year are two attachments, and the company is named.
    Object.assign(model, { setTitle: undefined, company: { ...model.company, shortName: 'Nørdwind Énergie' } });
    expect(attachmentName(model)).toBe('Nørdwind-Energie-Investor-briefing-FY2025.pdf');
    Object.assign(model, { company: { ...model.company, shortName: 'ソニーグループ' }, cover: { ...model.cover, period: '2025年度 上期' } });
    expect(attachmentName(model)).toBe('ソニーグループ-Investor-briefing-2025年度-上期.pdf');
    model.cover.period = '2025年度 下期';
    expect(attachmentName(model)).toBe('ソニーグループ-Investor-briefing-2025年度-下期.pdf');
    // A title that names the period already: once.
    Object.assign(model, { company: { ...model.company, shortName: 'Brénard & Zoon' }, cover: { ...model.cover, title: 'Briefing investisseurs – Q3 2025', period: 'Q3 2025' } });
    expect(attachmentName(model)).toBe('Brenard-and-Zoon-Briefing-investisseurs-Q3-2025.pdf');
    // ...and in the message's note: "…on Brénard & Zoon.", not "…on Brénard & Zoon, Q3 2025."
    expect(renderEmail(model, input).text).toMatch(/Please find attached the briefing investisseurs – Q3 2025 on Brénard & Zoon\./);
    // The title's own capitals kept (its first letter aside): an acronym, a name.
    model.cover.title = 'ESG briefing';
    expect(renderEmail(model, input).text).toMatch(/Please find attached the ESG briefing on Brénard & Zoon, Q3 2025\./);
    model.cover.title = 'Investor briefing';
    expect(renderEmail(model, input).text).toMatch(/Please find attached the investor briefing on Brénard & Zoon, Q3 2025\./);
    // A block set whose title names the period: the period once, in the note and in the attachment's name.
    model.setTitle = 'Sales Q3 2025';
    expect(renderEmail(model, input).text).toMatch(/Please find attached the investor briefing on Brénard & Zoon \(Sales Q3 2025\)\./);
    expect(attachmentName(model)).toBe('Brenard-and-Zoon-Investor-briefing-Sales-Q3-2025.pdf');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
