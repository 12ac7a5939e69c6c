/**
 * A canvas nobody wrote by hand: long titles, a table that spans pages, CJK text, many
 * charts, all nine blocks, a block set. test/support/setup-builds.ts builds it once a run;
 * test/cli/stress.test.ts reads the PDFs back.
 */
import { BLOCK_KEYS } from '../../src/canvas/blocks.ts';

/** A name in Chinese script too long for its table column. */
export const CJK_NAME = '深圳市大疆创新科技有限公司与菜鸟网络科技有限公司';
/** A Japanese name (kana and kanji) and a Korean one (hangul), in the glossary with their lang. */
export const JA_NAME = 'ヤマト運輸株式会社';
export const KO_NAME = '씨제이대한통운';
export const TC_NAME = '統一速達股份有限公司';
const LONG_NAME = 'Compañía Internacional de Logística, Energía y Servicios Digitales del Pacífico Sur — Sociedad Anónima Bursátil de Capital Variable';

/** A table's rows: a short figure name, the long period and source texts that squeeze its column. */
const SOURCES_ROWS = [
  ['Revenue', 'Third quarter ended 30 September 2025, as reported in the interim statement to shareholders', 'Interim statement, page 4, consolidated income statement and the notes to it'],
  ['Margin', 'Nine months ended 30 September 2025, as restated for the disposal of the ferry business', 'Letter to shareholders, page 2, the highlights box and the segment table beside it'],
];
/** Words of that table that must never be broken inside. */
export const SOURCES_WORDS = ['Figure', 'Revenue', 'Margin', 'September', 'consolidated', 'shareholders'];

/** The canvas, as data to write out as YAML. */
export function stressCanvas() {
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
  // A column of short words beside columns of long text: its words stay whole (SOURCES_WORDS), not "Reve/nue".
  (blocks.channels as { sections: unknown[] }).sections.push({
    title: 'Where the figures come from',
    content: [{ table: { columns: ['Figure', 'Period', 'Source'], rows: SOURCES_ROWS } }],
  });
  return {
    company: { name: LONG_NAME, native_name: '南太平洋物流能源数字服务公司', ticker: 'CILES', exchange: 'BMV', country: 'Mexico', sector: 'Industrials', industry: 'Integrated Freight & Logistics' },
    // A title of 200 characters: the running head shortens it to one line.
    briefing: {
      period: 'FY2025', as_of: '2025-12-31', currency: 'MXN', title: 'Investor briefing on the integrated freight, logistics, energy and digital services group, its markets, its strategy, its financing, its risks and its outlook for 2026',
      prepared_for: 'Prepared for the Investment Committee, 12 January 2026',
      confidentiality: 'Strictly confidential',
      disclaimer: 'Prepared by the strategy team from public filings only; not an offer of securities.',
    },
    metrics,
    charts: {
      revenue: { title: 'Quarterly revenue', type: 'line', points: Object.keys(metrics).filter((k) => k.startsWith('rev_')).map((metric) => ({ metric })) },
      sites: { title: 'Throughput of the first twelve sites', type: 'bar', points: Array.from({ length: 12 }, (_, i) => ({ metric: `site_${i + 1}` })) },
    },
    key_figures: ['rev_q8', 'site_1', 'site_120'],
    key_charts: ['sites'],
    blocks,
    // Chapters beyond the nine blocks: numbered on after them, and chosen by a block set like a block.
    chapters: {
      outlook: { title: 'Outlook', lead: 'Guidance for 2026 as management gave it.', sections: [{ title: 'Volume guidance', tags: ['ops'], content: [{ paragraph: 'Volumes are guided to grow with the market.' }] }] },
      risks: { title: 'Risks', sections: [{ title: 'Fuel prices', content: [{ bullets: ['Diesel is a third of operating costs.'] }] }] },
    },
    // The set shows the canvas's headline on purpose: it lists it (borrowed-headline warns of a set that borrows it unsaid).
    block_sets: { operations: { title: 'Operations', tags: ['ops'], blocks: ['key_activities', 'channels', 'outlook'], key_figures: ['rev_q8', 'site_1', 'site_120'], key_charts: ['sites'] } },
    data_notes: { sources: [{ title: 'Company filings 2024-2025' }] }, // the one source of every figure
    // A native name longer than its column is wide: it must wrap at no point inside (CJK_NAME).
    glossary: [
      { term: 'Cainiao and partners', native: CJK_NAME, description: 'The logistics network and its partner carriers, a description long enough to leave the native-name column narrow on the page.' },
      // Names in Japanese and Korean, each drawn in its own language's face.
      { term: 'Yamato Transport', native: JA_NAME, lang: 'ja', description: 'Partner carrier in Japan.' },
      { term: 'CJ Logistics', native: KO_NAME, lang: 'ko', description: 'Partner carrier in Korea.' },
      { term: 'T-Cat', native: TC_NAME, lang: 'zh-Hant', description: 'Partner carrier in Taiwan.' },
    ],
  };
}
