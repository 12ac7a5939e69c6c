/**
 * A canvas in a regional English (briefing.language: en-US) prints as its readers write: the dollar as "$", dates month
 * first ("Sep 30, 2025"), on US Letter where no page size is given; English without a region (en, the sample's) as before.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBriefings, otherLooks, MANIFEST_FILE, type BuildEvent } from '../src/pipeline.ts';
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
