/**
 * A chart or table check finds showing other than its reader would take it to (bars or rows of two quarters, a title,
 * caption or column heading left from the quarter before) is no broken canvas: the briefing is printed, and says so under
 * the chart or table and in its data notes, worded as the disagreements it finds are; unless the canvas acknowledges it,
 * when its notes on the figures say why.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCanvas } from '../../src/pipeline.ts';
import { createRenderer } from '../../src/render/render-html.ts';
import { periodNoteAround } from '../../src/render/theme-files.ts';
import type { BriefingModel, TableModel } from '../../src/model/briefing-model.ts';
import { contentHash } from '../../src/plan/inputs.ts';
import { tempDir } from '../support/temp.ts';

/** A German IR team's canvas rolled from Q3 to Q4 2025: Service's bar left on Q3, the segment chart's title and the trend's caption too. */
const canvas = (options: { title?: string; caption?: string; service?: string; acknowledged?: string } = {}) => `company: { name: Beispiel AG, ticker: BSP, exchange: XETRA, country: Germany, sector: Industrials, industry: Machinery }
briefing: { period: Q4 2025, as_of: 2026-02-20, currency: EUR, language: de }
metrics:
  umsatz:
    label: Umsatz
    unit: EUR
    scale: million
    period_type: quarter
    source: Quartalsmitteilung
    values:
      - { value: 410.2, period: Q3 2024, period_end: 2024-09-30 }
      - { value: 415.0, period: Q4 2024, period_end: 2024-12-31 }
      - { value: 420.4, period: Q1 2025, period_end: 2025-03-31 }
      - { value: 431.9, period: Q2 2025, period_end: 2025-06-30 }
      - { value: 440.3, period: Q3 2025, period_end: 2025-09-30 }
      - { value: 452.8, period: Q4 2025, period_end: 2025-12-31 }
  seg_maschinen: { label: Maschinen, value: 250.1, unit: EUR, scale: million, period: Q4 2025, period_end: 2025-12-31, source: Quartalsmitteilung }
  seg_anlagen: { label: Anlagen, value: 120.4, unit: EUR, scale: million, period: Q4 2025, period_end: 2025-12-31, source: Quartalsmitteilung }
  seg_service: { label: Service, value: 80.2, unit: EUR, scale: million, ${options.service ?? 'period: Q3 2025, period_end: 2025-09-30'}, source: Quartalsmitteilung }
charts:
  segmente:
    title: ${options.title ?? 'Umsatz nach Segmenten, Q3 2025'}
    type: bar
    points: [{ metric: seg_maschinen }, { metric: seg_anlagen }, { metric: seg_service }]
  umsatz_verlauf:
    title: Umsatzentwicklung
    type: line
    series: umsatz
    caption: ${options.caption ?? 'Q3 2024 bis Q3 2025'}
key_charts: []
blocks:
  revenue_streams:
    sections:
      - title: Umsatz
        content:
          - paragraph: Der Umsatz betrug [[umsatz]].
          - chart: segmente
          - chart: umsatz_verlauf
data_notes:
  sources:
    - title: Quartalsmitteilung Q4 2025
${options.acknowledged ?? ''}`;

/** The full briefing's model, as build and check make it, and the text of its HTML. */
async function built(yaml: string, theme?: string): Promise<{ model: BriefingModel; text: string; findings: string[]; html: string }> {
  const file = join(tempDir(), 'ir.yaml');
  writeFileSync(file, yaml);
  const checked = await checkCanvas(file, { theme });
  const model = checked.models[0]!;
  const { html } = createRenderer(theme === undefined ? {} : { theme: { dir: theme, chapterBreaks: 'flow' } }).render(model, { svgs: model.charts.map(() => '<svg></svg>'), pageSize: 'A4' });
  const body = html.slice(html.indexOf('<body'));
  const text = body.replace(/<(p|h\d|li|tr|figcaption)\b/g, '\n<$1').replace(/<[^>]+>/g, '').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '').join('\n').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
  return { model, text, html, findings: checked.findings.map((f) => `${f.rule} ${f.path}${f.acknowledged ? ' (acknowledged)' : ''}`) };
}

describe('a chart check finds mixing periods', () => {
  it('is noted under the chart and listed in the data notes, detected, with its figures', async () => {
    const { model, text, findings } = await built(canvas());
    expect(findings).toEqual(['mixed-periods charts.segmente', 'period-mismatch charts.segmente', 'period-mismatch charts.umsatz_verlauf.caption']);
    const segments = 'the title names Q3 2025; the bars are of Q4 2025 except Service (Q3 2025)';
    const trend = 'the caption names Q3 2025 as the end of its range, but the chart plots Umsatz up to Q4 2025';
    // Under each chart, as the committee reads it.
    expect(text).toContain(`Figure 1. Umsatz nach Segmenten, Q3 2025\nNote: ${segments}. See Data notes`);
    expect(text).toContain(`Figure 2. Umsatzentwicklung\nQ3 2024 bis Q3 2025\nNote: ${trend}. See Data notes`);
    // In the data notes, under a heading of its own (no sources disagree), worded as a detected disagreement.
    const notes = model.appendix.periodNotes!;
    expect(model.appendix.parts.periodNotes).toMatchObject({ title: 'Where periods disagree in charts and tables', present: true });
    expect(notes.map((n) => [n.title, n.note, n.detected])).toEqual([
      ['Figure 1. Umsatz nach Segmenten, Q3 2025', `Found by canvas-briefing: ${segments}. The canvas does not explain it; check which period each figure is for before relying on the chart.`, true],
      ['Figure 2. Umsatzentwicklung', `Found by canvas-briefing: ${trend}. The canvas does not explain it; check which period each figure is for before relying on the chart.`, true],
    ]);
    // The figures, each with its period: Service's Q3 beside the others' Q4.
    expect(notes[0]!.table.rows.map((r) => r.map((c) => c.text.map((t) => t.text).join('').replace(/\s/g, ' ')).join(' | '))).toEqual([
      'Maschinen | 250,1 Mio. € | Q4 2025 | Quartalsmitteilung',
      'Anlagen | 120,4 Mio. € | Q4 2025 | Quartalsmitteilung',
      'Service | 80,2 Mio. € | Q3 2025 | Quartalsmitteilung',
    ]);
    expect(text).toMatch(/\nWhere periods disagree in charts and tables\nFigure 1\. Umsatz nach Segmenten, Q3 2025 detected\nFound by canvas-briefing: the title names Q3 2025; the bars are of Q4 2025 except Service \(Q3 2025\)/);
    expect(text).toContain('\nWhere periods disagree in charts and tables\n'); // in the contents too
    // The note links to its entry; no key figure is marked disputed by it.
    expect(model.chapters[0]!.sections[0]!.items.flatMap((i) => (i.kind === 'chart' ? [i.chart.noteAnchor] : []))).toEqual(notes.map((n) => n.anchor));
    // And each entry back to its figure.
    expect(notes.map((n) => n.place)).toEqual(model.chapters[0]!.sections[0]!.items.flatMap((i) => (i.kind === 'chart' ? [i.chart.anchor] : [])));
    expect(notes.map((n) => n.place)).toEqual(['fig-1', 'fig-2']);
    expect(model.keyFigures.filter((k) => k.disputed !== undefined)).toEqual([]);
  });

  it('in a theme whose own data-notes partial was written before, is listed among the disagreements, where its links lead', async () => {
    // A house theme's data notes as the built-in partial printed them before: the disagreements, each with its anchor; no part of their own.
    const theme = tempDir();
    mkdirSync(join(theme, 'templates', 'partials'), { recursive: true });
    writeFileSync(join(theme, 'templates', 'partials', 'data-notes.hbs'), `<section class="data-notes" id="{{anchor}}"><h1>Data notes</h1>
  <h2 id="{{parts.contradictions.anchor}}">{{parts.contradictions.title}}</h2>
  {{#each contradictions}}<div class="contradiction" id="{{anchor}}"><h3>{{title}}</h3><p>{{note}}</p></div>{{/each}}
  <h2 id="{{parts.sources.anchor}}">{{parts.sources.title}}</h2>
  <h2 id="{{parts.dates.anchor}}">{{parts.dates.title}}</h2>
  {{#if parts.glossary.present}}<h2 id="{{parts.glossary.anchor}}">{{parts.glossary.title}}</h2>{{/if}}
  <h2 id="{{parts.register.anchor}}">{{parts.register.title}}</h2>
</section>`);
    const { model, text, html } = await built(canvas(), theme);
    // Every entry of the contents, and every link (the charts' "See Data notes"), has its place: a PDF printed without
    // one is refused ("the printed PDF has no page for notes-periods").
    const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    expect(model.toc.map((e) => e.anchor).filter((a) => !ids.has(a))).toEqual([]);
    expect([...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]).filter((a) => !ids.has(a))).toEqual([]);
    expect(model.chapters[0]!.sections[0]!.items.flatMap((i) => (i.kind === 'chart' ? [i.chart.noteAnchor] : []))).toEqual(['period-note-1', 'period-note-2']);
    expect(text).toMatch(/\nWhere sources disagree\nFigure 1\. Umsatz nach Segmenten, Q3 2025\nFound by canvas-briefing: the title names Q3 2025; the bars are of Q4 2025 except Service \(Q3 2025\)/);
    expect(text).not.toContain('Where periods disagree');
    // The built-in partial keeps them apart.
    expect((await built(canvas())).text).toMatch(/\nWhere periods disagree in charts and tables\nFigure 1\./);
  });

  it('says only what is wrong: bars of two periods under a title that names none', async () => {
    const { model, text } = await built(canvas({ title: 'Umsatz nach Segmenten', caption: 'Q3 2024 bis Q4 2025' }));
    expect(text).toContain('Note: the bars are of Q4 2025 except Service (Q3 2025), and the chart does not say so. See Data notes');
    expect(model.appendix.periodNotes!.map((n) => n.title)).toEqual(['Figure 1. Umsatz nach Segmenten']);
  });

  it('acknowledged, is explained in the notes on the figures, as other acknowledged findings are, and not noted under the chart', async () => {
    const acknowledged = `  acknowledged:
    - { rule: mixed-periods, metrics: [seg_maschinen, seg_anlagen, seg_service], reason: Service reports a quarter late. }
    - { rule: period-mismatch, metrics: [seg_maschinen, seg_anlagen], reason: The title names the service quarter. }
    - { rule: period-mismatch, metrics: [umsatz@2025-12-31], reason: The range of the comparison. }
`;
    const { model, text, findings } = await built(canvas({ acknowledged }));
    expect(findings.every((f) => f.endsWith('(acknowledged)')), findings.join('\n')).toBe(true);
    expect(model.appendix.periodNotes).toBeUndefined();
    expect(model.appendix.parts.periodNotes).toBeUndefined();
    expect(text).not.toContain('Note: the');
    expect(text).not.toContain('Where periods disagree');
    expect(text).toContain('Figures of different periods are set side by side (Maschinen, Q4 2025; Anlagen, Q4 2025; Service, Q3 2025): Service reports a quarter late.');
    expect(text).toContain('A figure is for another period than the sentence around it, or its chart\'s or table\'s title or caption, names (Maschinen, Q4 2025; Anlagen, Q4 2025): The title names the service quarter.');
  });

  it('a clean chart shows nothing new: no note, no heading, the model as before', async () => {
    const { model, text, findings } = await built(canvas({ title: 'Umsatz nach Segmenten, Q4 2025', caption: 'Q3 2024 bis Q4 2025', service: 'period: Q4 2025, period_end: 2025-12-31' }));
    expect(findings).toEqual([]);
    expect('periodNotes' in model.appendix).toBe(false);
    expect(Object.keys(model.appendix.parts)).toEqual(['contradictions', 'sources', 'dates', 'glossary', 'register']);
    expect(model.chapters[0]!.sections[0]!.items.some((i) => i.kind === 'chart' && 'note' in i.chart)).toBe(false);
    expect(text).not.toContain('See Data notes');
    expect(text).not.toContain('Where periods disagree');
  });
});

/** A chart of three segments' Q3 2025 revenue, under `caption`. */
const eventCanvas = (caption: string) => `company: { name: Meridian Tools plc, ticker: MRT, exchange: LSE, country: United Kingdom, sector: Industrials, industry: Tools }
briefing: { period: Q3 2025, as_of: 2025-11-14, currency: GBP }
metrics:
  seg_tools: { label: Tools, value: 250.1, unit: GBP, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Q3 trading statement }
  seg_drives: { label: Drives, value: 120.4, unit: GBP, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Q3 trading statement }
  seg_service: { label: Service, value: 80.2, unit: GBP, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Q3 trading statement }
charts:
  segments: { title: Revenue by segment, type: bar, points: [{ metric: seg_tools }, { metric: seg_drives }, { metric: seg_service }], caption: "${caption}" }
key_charts: []
blocks:
  revenue_streams:
    sections:
      - title: Segments
        content:
          - paragraph: Tools made [[seg_tools]].
          - chart: segments
data_notes:
  sources:
    - title: Q3 2025 trading statement
`;

describe('a chart caption naming an event\'s quarter', () => {
  it('is no caption left from last quarter: no note under the chart, nothing under "Where periods disagree"', async () => {
    for (const caption of ['Revenue by segment after the retooling in the second quarter of 2025.', 'Revenue by segment since the Q2 2025 strike.']) {
      const { model, text, findings } = await built(eventCanvas(caption));
      expect(findings, caption).toEqual([]);
      expect(text).toContain(`Figure 1. Revenue by segment\n${caption}\n`);
      expect(text).not.toContain('See Data notes');
      expect(text).not.toContain('Where periods disagree');
      expect('periodNotes' in model.appendix).toBe(false);
    }
    // A caption that names the figures' period as last quarter's is still noted.
    const stale = await built(eventCanvas('Segment revenue, Q2 2025.'));
    expect(stale.findings).toEqual(['period-mismatch charts.segments.caption']);
    expect(stale.text).toContain('Segment revenue, Q2 2025.\nNote: the caption names Q2 2025, but the bars are of Q3 2025. See Data notes');
    expect(stale.text).toMatch(/\nWhere periods disagree in charts and tables\nFigure 1\. Revenue by segment detected\n/);
  });
});

/** An IR team's canvas rolled from Q2 to Q3 2025: Service's row left on Q2 in the segment table (or its title, or a column's heading, left on Q2). */
const tableCanvas = (options: { table?: string; service?: string; acknowledged?: string } = {}) => `company: { name: Meridian Tools plc, ticker: MRT, exchange: LSE, country: United Kingdom, sector: Industrials, industry: Tools }
briefing: { period: Q3 2025, as_of: 2025-11-14, currency: GBP }
metrics:
  seg_tools: { label: Tools, value: 250.1, unit: GBP, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Q3 trading statement }
  seg_drives: { label: Drives, value: 120.4, unit: GBP, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Q3 trading statement }
  seg_service: { label: Service, value: 80.2, unit: GBP, scale: million, ${options.service ?? 'period: Q2 2025, period_end: 2025-06-30'}, source: Q3 trading statement }
blocks:
  revenue_streams:
    sections:
      - title: Segments
        content:
          - paragraph: Tools made [[seg_tools]], Drives [[seg_drives]] and Service [[seg_service]].
          - ${options.table ?? 'metric_table: { title: "Revenue by segment, Q3 2025", columns: [label, value], rows: [seg_tools, seg_drives, seg_service] }'}
data_notes:
  sources:
    - title: Q3 2025 trading statement
${options.acknowledged ?? ''}`;

/** The clean table canvas's content hash before tables' findings were noted (and after). */
const CLEAN_HASH = '88c3b03998d78e31ff053a24975dce6c1dbfa5e1b09ff0d12e8c9fd172166772';

/** Every table of the briefing's sections. */
const tablesOf = (model: BriefingModel): TableModel[] => model.chapters.flatMap((c) => c.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'table' ? [i.table] : []))));

describe('a table check finds mixing periods', () => {
  const rows = 'the rows are of Q3 2025 except Service (Q2 2025)';

  it('a row of another quarter under a title naming the quarter: noted under the table and listed in the data notes, detected, with its figures', async () => {
    const { model, text, findings } = await built(tableCanvas());
    expect(findings).toEqual(['mixed-periods blocks.revenue_streams.sections[0].content[1].metric_table', 'period-mismatch blocks.revenue_streams.sections[0].content[1].metric_table']);
    const said = `the title names Q3 2025; ${rows}`;
    // Under the table, as the committee reads it: after its last row.
    expect(text).toContain(`Revenue by segment, Q3 2025\nMetricValue\nTools£250.1 million\nDrives£120.4 million\nService£80.2 million\nNote: ${said}. See Data notes`);
    // In the data notes, under the heading charts' findings are listed under, named by the section it is in.
    const notes = model.appendix.periodNotes!;
    expect(model.appendix.parts.periodNotes).toMatchObject({ title: 'Where periods disagree in charts and tables', present: true });
    expect(notes.map((n) => [n.title, n.note, n.detected])).toEqual([
      ['Table in section 1.1: Revenue by segment, Q3 2025', `Found by canvas-briefing: ${said}. The canvas does not explain it; check which period each figure is for before relying on the table.`, true],
    ]);
    expect(notes[0]!.table.rows.map((r) => r.map((c) => c.text.map((t) => t.text).join('').replace(/\s/g, ' ')).join(' | '))).toEqual([
      'Tools | £250.1 million | Q3 2025 | Q3 trading statement',
      'Drives | £120.4 million | Q3 2025 | Q3 trading statement',
      'Service | £80.2 million | Q2 2025 | Q3 trading statement',
    ]);
    expect(text).toMatch(/\nWhere periods disagree in charts and tables\nTable in section 1\.1: Revenue by segment, Q3 2025 detected\nFound by canvas-briefing: the title names Q3 2025; the rows/);
    expect(text.match(/\nWhere periods disagree in charts and tables\n/g)).toHaveLength(2); // in the contents too
    // The note links to its entry; no key figure is marked disputed by it.
    expect(tablesOf(model).map((t) => t.periodNoteAnchor)).toEqual([notes[0]!.anchor]);
    expect(model.keyFigures.filter((k) => k.disputed !== undefined)).toEqual([]);
  });

  it('a row of another quarter under a title naming none: says the table does not say so', async () => {
    const { model, text } = await built(tableCanvas({ table: 'metric_table: { title: Revenue by segment, columns: [label, value], rows: [seg_tools, seg_drives, seg_service] }' }));
    expect(text).toContain(`Service£80.2 million\nNote: ${rows}, and the table does not say so. See Data notes`);
    expect(model.appendix.periodNotes!.map((n) => n.title)).toEqual(['Table in section 1.1: Revenue by segment']);
  });

  it('a title naming another period than all its rows', async () => {
    const { model, text, findings } = await built(tableCanvas({ service: 'period: Q3 2025, period_end: 2025-09-30', table: 'metric_table: { title: "Revenue by segment, Q2 2025", columns: [label, value], rows: [seg_tools, seg_drives, seg_service] }' }));
    expect(findings).toEqual(['period-mismatch blocks.revenue_streams.sections[0].content[1].metric_table']);
    expect(text).toContain('Service£80.2 million\nNote: the title names Q2 2025, but the rows are of Q3 2025. See Data notes');
    expect(model.appendix.periodNotes!.map((n) => n.title)).toEqual(['Table in section 1.1: Revenue by segment, Q2 2025']);
  });

  it('a free table\'s column heading naming another period than its figures; an untitled table is named by its section', async () => {
    const table = 'table: { columns: [Segment, "Revenue Q2 2025"], rows: [[Tools, { metric: seg_tools }], [Drives, { metric: seg_drives }], [Service, { metric: seg_service }]] }';
    const { model, text, findings } = await built(tableCanvas({ service: 'period: Q3 2025, period_end: 2025-09-30', table }));
    expect(findings).toEqual(['period-mismatch blocks.revenue_streams.sections[0].content[1].table']);
    expect(text).toContain('Note: the column heading names Q2 2025, but the figures are of Q3 2025. See Data notes');
    expect(model.appendix.periodNotes!.map((n) => n.title)).toEqual(['Table in section 1.1 (Segments)']);
  });

  it('two untitled tables of one section: each entry named apart, and linked to its own table', async () => {
    const segments = 'table: { columns: [Segment, "Revenue Q2 2025"], rows: [[Tools, { metric: seg_tools }], [Drives, { metric: seg_drives }]] }';
    const service = 'table: { columns: [Line, "Sales Q2 2025"], rows: [[Service, { metric: seg_service }]] }';
    const { model, html } = await built(tableCanvas({ service: 'period: Q3 2025, period_end: 2025-09-30', table: `${segments}\n          - ${service}` }));
    const notes = model.appendix.periodNotes!;
    expect(notes.map((n) => n.title)).toEqual(['Table 1 in section 1.1 (Segments)', 'Table 2 in section 1.1 (Segments)']);
    // Each entry's title links to its own table, where the table's note links to its own entry.
    const entry = (n: (typeof notes)[number]) => new RegExp(`id="${n.anchor}">\\s*<h3><a href="#([^"]+)">${n.title.replace(/[()]/g, '\\$&')}</a>`).exec(html)?.[1];
    expect(notes.map(entry)).toEqual(['table-1-1-1', 'table-1-1-2']);
    const tableAt = (id: string) => html.slice(html.indexOf(`id="${id}"`) + id.length + 6).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(tableAt('table-1-1-1')).toMatch(/^ ?Segment Revenue Q2 2025 Tools .* Drives .*? Note: the column heading names Q2 2025, but the figures are of Q3 2025\. See Data notes Line Sales/);
    expect(tableAt('table-1-1-2')).toMatch(/^ ?Line Sales Q2 2025 Service £80\.2 million Note: the column heading names Q2 2025/);
    expect(tablesOf(model).map((t) => [t.anchor, t.periodNoteAnchor])).toEqual([['table-1-1-1', notes[0]!.anchor], ['table-1-1-2', notes[1]!.anchor]]);
    expect(new Set(notes.map((n) => n.anchor)).size).toBe(2);
  });

  it('acknowledged, is explained in the notes on the figures, and not noted under the table', async () => {
    const acknowledged = `  acknowledged:
    - { rule: mixed-periods, metrics: [seg_tools, seg_drives, seg_service], reason: Service reports a quarter late. }
    - { rule: period-mismatch, metrics: [seg_service], reason: Service reports a quarter late. }
`;
    const { model, text, findings } = await built(tableCanvas({ acknowledged }));
    expect(findings).toHaveLength(2);
    expect(findings.every((f) => f.endsWith('(acknowledged)')), findings.join('\n')).toBe(true);
    expect('periodNotes' in model.appendix).toBe(false);
    expect(model.appendix.parts.periodNotes).toBeUndefined();
    expect(tablesOf(model).some((t) => 'periodNote' in t)).toBe(false);
    expect(text).not.toContain('See Data notes');
    expect(text).not.toContain('Where periods disagree');
    expect(text).toContain('Figures of different periods are set side by side (Tools, Q3 2025; Drives, Q3 2025; Service, Q2 2025): Service reports a quarter late.');
  });

  it('a clean table shows nothing new: no note, no heading, the model and its content hash as before', async () => {
    const clean = tableCanvas({ service: 'period: Q3 2025, period_end: 2025-09-30' });
    const { model, text, findings } = await built(clean);
    expect(findings).toEqual([]);
    expect('periodNotes' in model.appendix).toBe(false);
    expect(Object.keys(model.appendix.parts)).toEqual(['contradictions', 'sources', 'dates', 'glossary', 'register']);
    expect(tablesOf(model).some((t) => 'periodNote' in t || 'periodNoteAnchor' in t)).toBe(false);
    expect(text).not.toContain('See Data notes');
    // As the briefing hashed before tables were noted: the send journal finds it the edition it sent.
    expect(contentHash(model)).toBe(CLEAN_HASH);
  });
});

describe('a theme whose own chart and table partials were written before the notes under them', () => {
  /** A house theme's chart and table partials as themes wrote them before: no `note`, `periodNote` nor `anchor`. */
  const oldTheme = () => {
    const theme = tempDir();
    mkdirSync(join(theme, 'templates', 'partials'), { recursive: true });
    writeFileSync(join(theme, 'templates', 'partials', 'chart.hbs'), `<figure class="chart" id="{{anchor}}"><figcaption>Figure {{number}}. {{title}}</figcaption>
  <div class="chart-svg">{{{chartSvg index}}}</div>{{#if richCaption}}<p class="chart-caption">{{rich richCaption}}</p>{{/if}}</figure>`);
    writeFileSync(join(theme, 'templates', 'partials', 'table.hbs'), `{{!-- The house table: title, then rows; the note (periodNote) is for later. --}}
{{#if title}}<p class="table-title">{{title}}</p>{{/if}}<table><tr>{{#each columns}}<th>{{label}}</th>{{/each}}</tr>
{{#each rows}}<tr>{{#each this}}<td>{{rich text}}</td>{{/each}}</tr>{{/each}}</table>{{#if note}}<p class="table-note">{{note}}</p>{{/if}}`);
    return theme;
  };
  /** Every link of the HTML that leads nowhere. */
  const deadLinks = (html: string) => {
    const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    return [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]).filter((a) => !ids.has(a));
  };

  it('still prints the note under each chart, after the theme\'s partial, where it links to its data note', async () => {
    const { text, html } = await built(canvas(), oldTheme());
    expect(text).toContain('Figure 1. Umsatz nach Segmenten, Q3 2025\nNote: the title names Q3 2025; the bars are of Q4 2025 except Service (Q3 2025). See Data notes');
    expect(text).toContain('Q3 2024 bis Q3 2025\nNote: the caption names Q3 2025 as the end of its range, but the chart plots Umsatz up to Q4 2025. See Data notes');
    expect(deadLinks(html)).toEqual([]);
  });

  it('still prints the note under each table, and its data note links back to it', async () => {
    const segments = 'table: { columns: [Segment, "Revenue Q2 2025"], rows: [[Tools, { metric: seg_tools }], [Drives, { metric: seg_drives }]] }';
    const service = 'table: { columns: [Line, "Sales Q2 2025"], rows: [[Service, { metric: seg_service }]] }';
    const { text, html } = await built(tableCanvas({ service: 'period: Q3 2025, period_end: 2025-09-30', table: `${segments}\n          - ${service}` }), oldTheme());
    const note = 'Note: the column heading names Q2 2025, but the figures are of Q3 2025. See Data notes';
    expect(text).toContain(`Drives£120.4 million\n${note}\nLineSales Q2 2025\nService£80.2 million\n${note}\n`);
    // Its data note's title leads to the start of the table, its heading row.
    expect(html).toMatch(/<a href="#table-1-1-2">Table 2 in section 1\.1 \(Segments\)<\/a>/);
    expect(html).toContain('<div class="table-noted" id="table-1-1-2"><table><tr><th>Line</th>');
    expect(deadLinks(html)).toEqual([]);
  });

  it('a partial that prints the note itself is left as it is; one that names it only in a comment is not', () => {
    expect(periodNoteAround('chart', '<figure id="{{anchor}}">{{title}}{{#if note}}<p>{{note}} <a href="#{{noteAnchor}}">See</a></p>{{/if}}</figure>')).toBeUndefined();
    expect(periodNoteAround('table', '<div{{#if anchor}} id="{{anchor}}"{{/if}}>...{{#if ../periodNote}}<p>{{../periodNote}}</p>{{/if}}</div>')).toBeUndefined();
    expect(periodNoteAround('chart', '{{!-- note: later --}}<figure>{{title}}{{#if noteAnchor}}{{/if}}</figure>')?.after).toContain('{{note}}');
    expect(periodNoteAround('cover', '<section class="cover"></section>')).toBeUndefined();
  });

  it('a clean briefing prints as the theme\'s partials print it, nothing added', async () => {
    const { html } = await built(tableCanvas({ service: 'period: Q3 2025, period_end: 2025-09-30' }), oldTheme());
    expect(html).not.toContain('class="table-noted"');
    expect(html).not.toContain('Note:');
  });
});
