/**
 * A canvas nobody wrote by hand: long titles, a table that spans pages, CJK text,
 * many charts, all nine blocks, a block set. It must build, and the PDF must keep its promises.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { main } from '../../src/cli.ts';
import { BLOCK_KEYS } from '../../src/canvas/blocks.ts';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { flattenOutline, headingsWithoutContentBelow, LOWEST_HEADING_TOP } from '../support/briefing-layout.ts';
import { fileTempDir } from '../support/temp.ts';

const LONG_NAME = 'Compañía Internacional de Logística, Energía y Servicios Digitales del Pacífico Sur — Sociedad Anónima Bursátil de Capital Variable';

function stressCanvas() {
  const metrics: Record<string, unknown> = {};
  for (let i = 1; i <= 120; i++) {
    metrics[`site_${i}`] = { label: `Distribution site ${i} — throughput`, value: i * 1234.5, unit: 'parcels', scale: 'thousand', period: `Week ${i}`, change: { percent: (i % 7) - 3 } };
  }
  for (let q = 1; q <= 8; q++) {
    metrics[`rev_q${q}`] = { label: 'Revenue', value: 100 + q * 7.25, unit: 'MXN', scale: 'million', period: `Q${q}`, period_end: `202${4 + Math.floor((q - 1) / 4)}-${String(((q - 1) % 4) * 3 + 3).padStart(2, '0')}-28` };
  }
  const blocks: Record<string, unknown> = {};
  for (const key of BLOCK_KEYS) {
    blocks[key] = {
      lead: `Lead paragraph for ${key} with a very long sentence that keeps going to test how the chapter lead wraps across the width of the page and beyond.`,
      sections: [
        { title: `A deliberately long section title for ${key} that goes on and on to test wrapping in headings, the contents and the bookmarks`, tags: ['ops'], content: [{ paragraph: 'Revenue in the last quarter was [[rev_q8]] ([[rev_q8.period]]).' }, { chart: 'revenue' }] },
        { title: '中文章节：淘宝与天猫的物流网络', content: [{ paragraph: '菜鸟网络覆盖全球二百多个国家和地区。Cainiao (菜鸟) covers 200+ countries.' }, { bullets: ['淘宝 (Taobao)', '天猫 (Tmall)'] }] },
      ],
    };
  }
  (blocks.channels as { sections: unknown[] }).sections.push({
    title: 'Every distribution site',
    content: [{ metric_table: { title: 'Weekly throughput by site', rows: Object.keys(metrics).filter((k) => k.startsWith('site_')) } }],
  });
  return {
    company: { name: LONG_NAME, native_name: '南太平洋物流能源数字服务公司', ticker: 'CILES', exchange: 'BMV', country: 'Mexico', sector: 'Industrials', industry: 'Integrated Freight & Logistics' },
    briefing: { period: 'FY2025', as_of: '2025-12-31', currency: 'MXN' },
    metrics,
    charts: {
      revenue: { title: 'Quarterly revenue', type: 'line', points: Object.keys(metrics).filter((k) => k.startsWith('rev_')).map((metric) => ({ metric })) },
      sites: { title: 'Throughput of the first twelve sites', type: 'bar', points: Array.from({ length: 12 }, (_, i) => ({ metric: `site_${i + 1}` })) },
    },
    key_figures: ['rev_q8', 'site_1', 'site_120'],
    key_charts: ['sites'],
    blocks,
    block_sets: { operations: { title: 'Operations', tags: ['ops'], blocks: ['key_activities', 'channels'] } },
  };
}

const dir = fileTempDir('briefing-stress-');
let pdf: PdfReadBack;
let result: { code: number; out: string[]; err: string[] };

beforeAll(async () => {
  writeFileSync(join(dir, 'stress.yaml'), stringify(stressCanvas()));
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['build', join(dir, 'stress.yaml'), '--out', dir], { out: (l) => out.push(l), err: (l) => err.push(l), env: process.env, cwd: process.cwd() });
  result = { code, out, err };
  pdf = await readPdf(new Uint8Array(readFileSync(join(dir, 'stress.pdf'))));
});

describe('a canvas with long tables, long titles and Chinese text', () => {
  it('builds the full briefing and the block set without warnings', () => {
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(2);
    expect(result.out[1]).toMatch(/stress--operations\.pdf/);
  });

  it('repeats the table header on every page the long table spans', () => {
    const pages = pdf.text.map((t, i) => [i, t] as const).filter(([, t]) => /Distribution site \d+ — throughput/.test(t))
      .filter(([i]) => i + 1 >= pdf.outline.find((o) => o.title.endsWith('Channels'))!.page! && i + 1 < pdf.outline.find((o) => o.title.endsWith('Customer Segments'))!.page!); // the channels table only
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, t] of pages) expect(t, `page ${i + 1}`).toMatch(/Metric\s+Value\s+Change\s+Period/);
    const listed = pages.flatMap(([, t]) => [...t.matchAll(/Distribution site (\d+) — throughput/g)].map((m) => Number(m[1])));
    expect(new Set(listed).size).toBe(120); // no row lost at a page break
  });

  it('keeps Chinese text searchable in an embedded CJK font', () => {
    const all = pdf.text.join('\n');
    expect(all).toContain('淘宝与天猫的物流网络');
    expect(all).toContain('菜鸟网络覆盖全球');
    expect(pdf.fonts.some((f) => /NotoSansSC/.test(f.name) && f.embedded && f.type !== 'Type3')).toBe(true);
    expect(pdf.fonts.every((f) => f.type !== 'Type3' && f.embedded)).toBe(true);
  });

  it('never leaves a heading alone: every bookmarked heading has content below it on its page, and none sits at the foot', () => {
    const headings = flattenOutline(pdf.outline);
    expect(headings.length).toBeGreaterThan(18);
    expect(headingsWithoutContentBelow(pdf)).toEqual([]);
    for (const h of headings) expect(h.top, `${h.title} (page ${h.page})`).toBeGreaterThan(LOWEST_HEADING_TOP);
  });
});
