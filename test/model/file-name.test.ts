/** briefing.file_name: the PDF's name from a pattern ({stem}, {period}, {as_of}, {ticker}), always one plain file name. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileName } from '../../src/model/build-model.ts';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import { BriefingError } from '../../src/errors.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';

const canvas = (file_name: string | undefined, period = 'Q3 2025 / H1 FY26') => ({
  briefing: { period, as_of: '2025-10-31', currency: 'EUR', file_name },
  company: { name: 'Nordwind', ticker: 'NWE.OL', exchange: 'Oslo', country: 'Norway', sector: 'Utilities', industry: 'Wind' },
});

describe('briefing.file_name', () => {
  it('fills in the placeholders, each made fit for a file name, and defaults to the canvas file name', () => {
    expect(fileName(canvas(undefined), 'nordwind')).toBe('nordwind');
    expect(fileName(canvas('{stem}-{period}'), 'nordwind')).toBe('nordwind-Q3-2025-H1-FY26');
    expect(fileName(canvas('{ticker} {as_of}'), 'nordwind')).toBe('NWE.OL-2025-10-31');
    // Period words in any script keep their letters: two halves of one Japanese fiscal year are two names.
    expect(fileName(canvas('{stem}-{period}', '2025年度 上期'), 'toyota')).toBe('toyota-2025年度-上期');
    expect(fileName(canvas('{stem}-{period}', '2025年度 下期'), 'toyota')).toBe('toyota-2025年度-下期');
    expect(fileName(canvas('{stem}-{period}', '2026年3月期 第2四半期（7～9月）'), 'toyota')).toBe('toyota-2026年3月期-第2四半期-7-9月');
    // An ordinal's dot ("3. Quartal") or an abbreviation's at a word's end is punctuation, as the space is: "3-Quartal-2025",
    // as "Q3 2025" gives "Q3-2025"; a dot between letters or digits stays (the ticker's "NWE.OL").
    expect(fileName(canvas('{stem}-{period}', '3. Quartal 2025'), 'beispiel')).toBe('beispiel-3-Quartal-2025');
    expect(fileName(canvas('{stem}-{period}', '1.–3. Quartal 2025'), 'beispiel')).toBe('beispiel-1-3-Quartal-2025');
    expect(fileName(canvas('{stem}_{period}', 'Geschäftsjahr 2025.'), 'beispiel')).toBe('beispiel_Geschäftsjahr-2025');
    expect(fileName(canvas('{stem}-{period}', 'H1 FY2025.5'), 'x')).toBe('x-H1-FY2025.5');
    // "--" separates a block set's name: it never appears inside the name itself.
    expect(fileName(canvas('{stem}--{period}', '--'), 'nordwind')).toBe('nordwind');
  });

  it('is refused at its line when it could name a file elsewhere or holds an unknown placeholder', () => {
    for (const bad of ['../{stem}', '{stem}/x', '{quarter}', '---', '.briefing-manifest']) {
      const text = readFileSync(NORDWIND, 'utf8').replace('  as_of: 2026-02-15\n', `  as_of: 2026-02-15\n  file_name: "${bad}"\n`);
      expect(() => validateCanvas(parseCanvas(text, 'n.yaml')), bad).toThrow(BriefingError);
      try {
        validateCanvas(parseCanvas(text, 'n.yaml'));
      } catch (error) {
        expect((error as Error).message, bad).toMatch(/^n\.yaml:14:\d+: briefing\.file_name: a file name pattern/m);
      }
    }
  });

  it('is refused by check, as by build, when the names it makes are too long for a file name (exit 3, at the pattern)', async () => {
    const text = readFileSync(NORDWIND, 'utf8').replace('  as_of: 2026-02-15\n', `  as_of: 2026-02-15\n  file_name: "{stem}${'x'.repeat(240)}"\n`);
    const { checkCanvas } = await import('../../src/pipeline.ts');
    await expect(checkCanvas('n.yaml', {}, text)).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/^n\.yaml:14:\d+: briefing\.file_name: its output name "nx{39}\.\.\." is 241 bytes long, too long for a file name .*: shorten the pattern$/),
    });
  });
});

describe('a German period\'s file name', () => {
  it('drops the ordinal dot, and an edition sent under the name it had before is still the one its recipients hold', async () => {
    const text = readFileSync(NORDWIND, 'utf8').replace('  period: FY2025\n', '  period: "4. Quartal 2025"\n  file_name: "{stem}-{period}"\n');
    const { checkCanvas } = await import('../../src/pipeline.ts');
    const { journalKey } = await import('../../src/plan/inputs.ts');
    const { openJournal } = await import('../../src/send/journal.ts');
    const model = (await checkCanvas('nordwind.yaml', {}, text)).models[0]!;
    expect(model.name).toBe('nordwind-4-Quartal-2025');
    // Sent before under "nordwind-4.-Quartal-2025": the journal knows the briefing by its route and content, which the
    // name leaves alone, so the same figures are not sent again as new, and a correction replaces that edition.
    const known = journalKey(model);
    expect([known.route, known.period]).toEqual(['nordwind', '4. Quartal 2025']);
    const journal = await openJournal(tempDir(), { resend: false });
    const copy = { briefing: 'nordwind-4.-Quartal-2025', route: 'nordwind', content: known.content, pdf: 'p', edition: 'e0f563eb', period: known.period, list: 'ic', recipient: 'anna@fund.test', channel: 'smtp' as const, via: 'smtp://x', at: '2026-02-16T00:00:00Z' };
    await journal.record([copy]);
    const asked = { briefing: model.name, route: known.route, content: known.content, contentBefore: known.contentBefore, period: known.period, recipient: 'anna@fund.test', channel: 'smtp' as const };
    expect(journal.held(asked)).toMatchObject({ briefing: 'nordwind-4.-Quartal-2025' });
    const corrected = { ...asked, content: 'corrected', contentBefore: [] };
    expect(journal.held(corrected)).toBeUndefined();
    expect(journal.replaced(corrected)).toMatchObject({ briefing: 'nordwind-4.-Quartal-2025', edition: 'e0f563eb' });
    expect(await journal.revisedBy({ briefing: model.name, route: known.route, content: 'corrected', contentBefore: [], period: known.period })).toMatchObject({ edition: 'e0f563eb' });
  });
});
