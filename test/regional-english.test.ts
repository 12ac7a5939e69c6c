/**
 * A canvas in a regional English (briefing.language: en-US) prints as its readers write: the dollar as "$", dates month
 * first ("Sep 30, 2025"), on US Letter where no page size is given; English without a region (en, the sample's) as before.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBriefings, diffCanvases, otherLooks, MANIFEST_FILE, type BuildEvent } from '../src/pipeline.ts';
import { moveLine } from '../src/model/changes.ts';
import { languagePageSize, type BuildOptions } from '../src/config.ts';
import { parseCanvas } from '../src/load/load-canvas.ts';
import { validateWithWarnings } from '../src/validate/validate-canvas.ts';
import { fakePrinter, linkedAnchors, type FakePrint } from './support/fake-printer.ts';
import { tempDir } from './support/temp.ts';

const SAMPLE = readFileSync('data/alibaba.yaml', 'utf8');

/** The sample canvas with `language` as its briefing.language, in a folder of its own. */
function sampleIn(language: string): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'alibaba.yaml');
  writeFileSync(file, SAMPLE.replace(/^ {2}language: en$/m, `  language: ${language}`));
  return { dir, file };
}

/** Builds the full briefing of `file` with the fake printer: what it was asked to print, the run's events. */
async function build(file: string, dir: string, pageSize?: BuildOptions['pageSize']): Promise<{ printed: FakePrint[]; events: BuildEvent[] }> {
  const { printer, printed } = fakePrinter(({ html }) => ({ pdf: new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), pages: 9, anchors: linkedAnchors(html, 3), blocked: [] }));
  const events: BuildEvent[] = [];
  await buildBriefings([file], { outDir: join(dir, 'out'), ...(pageSize === undefined ? {} : { pageSize }), set: 'full', html: false, timeoutMs: 10_000, jobs: 1 }, printer, (e) => events.push(e));
  return { printed: printed.filter((p) => !p.draft), events };
}

/** The text a reader sees of the HTML: tags out, entities and no-break spaces read. */
const textOf = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\u00a0/g, ' ');

describe('briefing.language: en-US', () => {
  it('prints USD as "$", dates month first, on Letter', async () => {
    const { dir, file } = sampleIn('en-US');
    const { printed } = await build(file, dir);
    expect(printed).toHaveLength(1);
    const text = textOf(printed[0]!.html);
    expect(text).toContain('RMB 39.8 billion ($5.6 billion)');
    expect(text).toContain('RMB 30,127 million ($4,152 million)');
    expect(text).toContain('Sep 30, 2025'); // the figures' dates (data notes)
    expect(text).toContain('Dec 1, 2025'); // briefing.as_of: cover, margin
    expect(text).toContain('Figures by the date they are current to (briefing as of Dec 1, 2025)');
    expect(printed[0]!.html).toContain('Data as of Dec 1, 2025'); // the margin
    expect(text).not.toMatch(/(?:as of|[Aa]ccessed) \d{1,2} [A-Z][a-z]{2} 20\d\d/); // (the canvas's own period words may write "31 Mar 2025")
    expect(printed[0]!.job.pageSize).toBe('Letter');
    expect(printed[0]!.html).toMatch(/size: letter/i);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', MANIFEST_FILE), 'utf8'));
    expect(manifest.briefings.alibaba.builtWith).toEqual({ pageSize: 'Letter', languagePageSize: 'Letter' });
  });

  it('prints on the page size given over its language\'s, and reprints when the page size it prints on changes', async () => {
    const { dir, file } = sampleIn('en-US');
    expect((await build(file, dir, 'A4')).printed.map((p) => p.job.pageSize)).toEqual(['A4']);
    // send, given no page size, would print the A4 PDF again on Letter: it says so rather than do it under the same edition.
    expect(await otherLooks(join(dir, 'out'), [file], {})).toEqual({ name: 'alibaba', option: 'page-size', built: 'A4', now: 'Letter', byLanguage: true });
    expect(await otherLooks(join(dir, 'out'), [file], { pageSize: 'A4' })).toBeUndefined();
    expect((await build(file, dir)).printed.map((p) => p.job.pageSize)).toEqual(['Letter']);
    expect(await otherLooks(join(dir, 'out'), [file], {})).toBeUndefined();
    // Up to date on its language's paper: not printed again.
    expect((await build(file, dir)).events.map((e) => e.kind)).not.toContain('built');
    // Nor when given the very size it prints on: the same PDF, the same edition, however the size was chosen.
    const editionOf = (events: BuildEvent[]) => events.flatMap((e) => (e.kind === 'built' || e.kind === 'current' ? [e.edition] : []));
    const [byLanguage] = editionOf((await build(file, dir)).events);
    const given = await build(file, dir, 'Letter');
    expect(given.printed).toEqual([]);
    expect(editionOf(given.events)).toEqual([byLanguage]);
  });

  it('leaves English without a region, and other regions, as they were', async () => {
    const { dir, file } = sampleIn('en');
    const { printed } = await build(file, dir);
    const text = textOf(printed[0]!.html);
    expect(text).toContain('RMB 39.8 billion (US$5.6 billion)');
    expect(text).toContain('30 Sep 2025');
    expect(printed[0]!.job.pageSize).toBe('A4');
    expect([undefined, 'en', 'en-GB', 'de', 'zh-Hans', 'en-US', 'en-CA', 'es-MX', 'en-PH', 'fr-CA', 'x-bad'].map(languagePageSize))
      .toEqual(['A4', 'A4', 'A4', 'A4', 'A4', 'Letter', 'Letter', 'Letter', 'Letter', 'Letter', 'A4']);
  });
});

describe('typed amounts in an en-US canvas', () => {
  const HEAD = 'company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: Q1 FY26, as_of: 2025-10-30, currency: USD, language: en-US }\n';
  const quarterly = (id: string, label: string, q1: number, q2: number) =>
    `${id}: { label: ${label}, unit: USD, scale: billion, period_type: quarter, source: 10-Q, values: [{ value: ${q1}, period: Q1 FY25, period_end: 2024-09-30 }, { value: ${q2}, period: Q1 FY26, period_end: 2025-09-30 }] }`;
  const findingsOf = (text: string) => validateWithWarnings(parseCanvas(`${HEAD}metrics:\n  ${quarterly('revenue', 'Revenue', 65.6, 77.7)}\n  ${quarterly('cloud', 'Intelligent Cloud revenue', 24.1, 30.9)}\nblocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: '${text} Both: [[revenue]], [[cloud]].'\n`, 'c.yaml')).findings.map((f) => `${f.rule}: ${f.message}`);

  it('reads "$" as the dollar, and quote the figure as [[id]] prints it: "$30.9 billion"', () => {
    expect(findingsOf('Intelligent Cloud revenue was $30.9 billion in Q1 FY26.')).toEqual([expect.stringMatching(/^typed-figure: "\$30\.9 billion" is typed into the text, and is the value of cloud@2025-09-30: write \[\[cloud\]\] instead/)]);
    expect(findingsOf('Intelligent Cloud revenue was $31.9 billion in Q1 FY26.')).toEqual([
      expect.stringMatching(/^typed-mismatch: "\$31\.9 billion" is typed into the text as Intelligent Cloud revenue for "Q1 FY26", but cloud@2025-09-30 is \$30\.9 billion \(Q1 FY26\)/),
    ]);
  });
});

describe('findings in an en-US canvas', () => {
  // Revenue typed twice (the 10-Q's and the press release's), a euro note's equivalent at another rate than the other's,
  // a figure's period words a quarter off its period_end.
  const canvasIn = (language: string, more = '') => `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }
briefing: { period: Q3 2025, as_of: 2025-10-30, currency: USD, language: ${language} }
metrics:
  revenue: { label: Revenue, value: 1193, unit: USD, scale: million, period: Q3 2025, period_end: 2025-09-30, source: 10-Q }
  revenue_press: { label: Revenue, value: 1195, unit: USD, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Press release }
  eur_notes1: { label: Euro notes, value: 500, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, equivalent: { value: 580, unit: USD, scale: million }, source: 10-Q }
  eur_notes2: { label: Euro notes due 2030, value: 300, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, equivalent: { value: 400, unit: USD, scale: million }, source: 10-Q }
  fx_loss: { label: FX loss, value: -12.5, unit: USD, scale: million, period: Q2 2025, period_end: 2025-09-30, equivalent: { value: 11, unit: EUR, scale: million }, source: 10-Q }
blocks:
  revenue_streams:
    sections:
      - title: T
        content:
          - paragraph: 'Revenue was [[revenue]] ([[revenue_press]] in the press release). [[eur_notes1]] [[eur_notes2]] [[fx_loss]]'
${more}`;
  const findingsIn = (language: string, more = '') => validateWithWarnings(parseCanvas(canvasIn(language, more), 'c.yaml')).findings;
  const acknowledging = (...entries: Array<[string, string]>) => `data_notes:\n  acknowledged:\n${entries.map(([id, figure]) => `    - { rule: exchange-rate, metrics: [${id}], figure: "${figure}", reason: The source converts at an average rate. }\n`).join('')}`;

  it('quotes figures as [[id]] prints them ("$1,195 million") and dates month first, in messages and in the figure to acknowledge', () => {
    const found = findingsIn('en-US');
    const said = (rule: string) => found.filter((f) => f.rule === rule).map((f) => f.message);
    expect(said('contradiction')[1]).toMatch(/^revenue_press \(\$1,195 million, Q3 2025\) and revenue \(\$1,193 million, Q3 2025\) measure Revenue/);
    expect(said('exchange-rate')).toEqual([
      expect.stringMatching(/^eur_notes2 \(€300 million = \$400 million\) converts at .* but eur_notes1 \(€500 million = \$580 million\) .* €300 million is about \$348 million:/),
      expect.stringMatching(/^fx_loss \(-\$12\.5 million = €11 million\) states an equivalent of the other sign/),
    ]);
    expect(found.filter((f) => f.rule === 'exchange-rate').map((f) => f.figure)).toEqual(['$400 million against €300 million', '€11 million against -$12.5 million']);
    expect(said('period-end-mismatch')).toEqual([expect.stringMatching(/^"Q2 2025" names the quarter ending Jun 30, 2025, .* beside the figure for the period ending Sep 30, 2025\./)]);
    expect(found.map((f) => f.message).join('\n')).not.toMatch(/US\$|\b\d{1,2} (?:Jun|Sep) 2025/);
  });

  it('accepts an acknowledgement naming the figure as check now quotes it, or as it did before ("US$", a hyphen or a true minus)', () => {
    for (const [notes, loss] of [['$400 million against €300 million', '€11 million against −$12.5 million'], ['US$400 million against €300 million', '€11 million against -US$12.5 million']] as const) {
      const found = findingsIn('en-US', acknowledging(['eur_notes2', notes], ['fx_loss', loss]));
      expect(found.filter((f) => f.rule === 'exchange-rate').map((f) => f.acknowledged), notes).toEqual(['The source converts at an average rate.', 'The source converts at an average rate.']);
      expect(found.map((f) => f.rule)).not.toContain('unmatched-acknowledgement');
    }
    // Another figure is still another: said, with the figure as check quotes it now.
    const moved = findingsIn('en-US', acknowledging(['eur_notes2', 'US$410 million against €300 million'])).filter((f) => f.rule === 'unmatched-acknowledgement');
    expect(moved.map((f) => f.message)).toEqual([expect.stringContaining('write its figure here (figure: "$400 million against €300 million")')]);
  });

  it('writes no "US$" and no day-first date of its own in any finding of the canvas that has every rule', () => {
    const fixture = readFileSync('test/fixtures/valid/every-finding.yaml', 'utf8');
    const findings = (language: string) => validateWithWarnings(parseCanvas(fixture.replace(/^briefing: \{ (.*) \}$/m, `briefing: { $1, language: ${language} }`), 'c.yaml')).findings;
    const us = findings('en-US');
    expect(us.map((f) => f.rule)).toEqual(findings('en').map((f) => f.rule));
    // What the canvas's text says, quoted, stays as typed ("US$310 million" is typed into the text).
    const own = us.flatMap((f) => [f.message, f.figure ?? '']).map((m) => m.replace(/"[^"]*"/g, '""')).join('\n');
    expect(own).toMatch(/\$188 million = €171 million/);
    expect(own).toMatch(/the quarter ending Sep 30, 2025/);
    expect(own).not.toMatch(/US\$|\b\d{1,2} [A-Z][a-z]{2} \d{4}/);
  });

  it('leaves the messages of a canvas in English without a region as they were: "US$", day first', () => {
    const found = findingsIn('en');
    expect(found.find((f) => f.rule === 'contradiction')!.message).toMatch(/^revenue \(US\$1,193 million, Q3 2025\) and revenue_press \(US\$1,195 million, Q3 2025\)/);
    expect(found.filter((f) => f.rule === 'exchange-rate').map((f) => f.figure)).toEqual(['US$400 million against €300 million', '€11 million against -US$12.5 million']);
    expect(found.find((f) => f.rule === 'period-end-mismatch')!.message).toMatch(/names the quarter ending 30 Jun 2025, .* period ending 30 Sep 2025\./);
  });
});

describe('diff of en-US canvases', () => {
  it('writes the figures as the changes chapter does, "$" for the dollar; "US$" in English, and German\'s own notation in German', async () => {
    const version = (file: string, language?: string) => {
      const text = readFileSync(file, 'utf8').replace('  currency: USD\n', `  currency: USD\n${language === undefined ? '' : `  language: ${language}\n`}`);
      return { name: file, text, sha256: file };
    };
    const lines = async (language?: string) => (await diffCanvases(version('test/fixtures/diff/meridian-q4-fy25.yaml', language), version('test/fixtures/diff/meridian-q1-fy26.yaml', language))).figures.map(moveLine);
    const us = await lines('en-US');
    expect(us).toContain('Net revenue (latest value, Q4 FY2025 → Q1 FY2026): $1,486.3 million (revised to $1,484.9 million) → $1,531.9 million (+$47.0 million, ▲ up 3.2%)');
    expect(us.join('\n')).not.toContain('US$');
    expect(await lines()).toContain('Net revenue (latest value, Q4 FY2025 → Q1 FY2026): US$1,486.3 million (revised to US$1,484.9 million) → US$1,531.9 million (+US$47.0 million, ▲ up 3.2%)');
    expect((await lines('de')).map((l) => l.replace(/\u00a0/g, ' '))).toContain('Net revenue (latest value, Q4 FY2025 → Q1 FY2026): 1.486,3 Mio. US$ (revised to 1.484,9 Mio. US$) → 1.531,9 Mio. US$ (+47,0 Mio. US$, ▲ up 3,2 %)');
  });
});
