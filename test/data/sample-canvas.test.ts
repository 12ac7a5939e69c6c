/**
 * The sample canvas data/alibaba.yaml: valid against the schema, complete,
 * free of the seed page's noise, internally consistent (every id it uses
 * exists) and covering the seed's figures.
 */
import { plotted } from '../../src/canvas/plotted.ts';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CanvasSchema, type Canvas } from '../../src/validate/schema.ts';
import { BLOCK_KEYS } from '../../src/canvas/blocks.ts';
import { missingFigures, seedFigures } from '../support/seed-figures.ts';

const CANVAS_PATH = fileURLToPath(new URL('../../data/alibaba.yaml', import.meta.url));
const yamlText = readFileSync(CANVAS_PATH, 'utf8');
const parsed = CanvasSchema.safeParse(parse(yamlText));

function canvas(): Canvas {
  if (!parsed.success) throw new Error(`data/alibaba.yaml is not a valid canvas:\n${JSON.stringify(parsed.error.issues, null, 2)}`);
  return parsed.data;
}

/** Every string in a value, recursively (paragraphs, bullets, cells, captions, notes...). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const REF = /\[\[([^\]]*)\]\]/g;

describe('data/alibaba.yaml', () => {
  it('starts with the yaml-language-server modeline', () => {
    expect(yamlText.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/canvas.schema.json');
  });

  it('is a valid canvas', () => {
    if (!parsed.success) console.error(JSON.stringify(parsed.error.issues, null, 2));
    expect(parsed.success).toBe(true);
  });

  it('has all nine blocks, in canvas order, each with sections', () => {
    const c = canvas();
    const present = Object.keys(c.blocks).filter((k) => (BLOCK_KEYS as readonly string[]).includes(k));
    expect(present).toEqual([...BLOCK_KEYS]);
    for (const key of BLOCK_KEYS) expect(c.blocks[key]?.sections.length ?? 0, key).toBeGreaterThan(0);
  });

  it('keeps the seed page\'s noise out', () => {
    for (const noise of ['13-week cash', '$14.99', '$9.99', 'Disclaimer', 'Fully Editable', 'Investor-Approved', 'wait, checking']) {
      expect(yamlText.toLowerCase(), noise).not.toContain(noise.toLowerCase());
    }
  });

  it('only uses metric and chart ids that exist', () => {
    const c = canvas();
    const metrics = c.metrics;
    const charts = c.charts ?? {};
    const missing: string[] = [];
    const needMetric = (id: string, where: string) => {
      if (!(id in metrics)) missing.push(`${where}: metric ${id}`);
    };
    const needChart = (id: string, where: string) => {
      if (!(id in charts)) missing.push(`${where}: chart ${id}`);
    };

    // [[id]] and [[id.change]] anywhere in the text.
    for (const s of strings(c)) {
      for (const m of s.matchAll(REF)) {
        const ref = m[1] ?? '';
        const [id = '', part] = ref.split('.');
        needMetric(id, `[[${ref}]]`);
        if (part !== undefined && part !== 'change') missing.push(`[[${ref}]]: unknown part ${part}`);
        if (part === 'change' && metrics[id] && !metrics[id].change) missing.push(`[[${ref}]]: metric has no change`);
      }
    }
    for (const [id, chart] of Object.entries(charts)) for (const p of chart.points) needMetric(p.metric, `chart ${id}`);
    for (const key of BLOCK_KEYS) {
      for (const section of c.blocks[key]?.sections ?? []) {
        const where = `${key} / ${section.title}`;
        for (const item of section.content) {
          if ('chart' in item) needChart(item.chart, where);
          if ('table' in item) {
            for (const row of item.table.rows) {
              expect(row.length, `${where}: row width`).toBe(item.table.columns.length);
              for (const cell of row) if (typeof cell === 'object') needMetric(cell.metric, where);
            }
          }
          if ('metric_table' in item) {
            for (const row of item.metric_table.rows) needMetric(typeof row === 'string' ? row : row.metric, where);
          }
        }
      }
    }
    for (const id of c.key_figures ?? []) needMetric(id, 'key_figures');
    for (const id of c.key_charts ?? []) needChart(id, 'key_charts');
    for (const [name, set] of Object.entries(c.block_sets ?? {})) {
      for (const id of set.key_figures ?? []) needMetric(id, `block_sets.${name}.key_figures`);
      for (const id of set.key_charts ?? []) needChart(id, `block_sets.${name}.key_charts`);
    }
    for (const contradiction of c.data_notes?.contradictions ?? []) {
      for (const id of contradiction.metrics) needMetric(id, `contradiction ${contradiction.title}`);
    }
    expect(missing).toEqual([]);
  });

  it('uses every metric somewhere that renders', () => {
    const c = canvas();
    const used = new Set<string>();
    for (const s of strings(c.blocks)) for (const m of s.matchAll(REF)) used.add((m[1] ?? '').split('.')[0] ?? '');
    for (const key of BLOCK_KEYS) {
      for (const section of c.blocks[key]?.sections ?? []) {
        for (const item of section.content) {
          if ('table' in item) for (const row of item.table.rows) for (const cell of row) if (typeof cell === 'object') used.add(cell.metric);
          if ('metric_table' in item) for (const row of item.metric_table.rows) used.add(typeof row === 'string' ? row : row.metric);
          if ('chart' in item) for (const p of c.charts?.[item.chart]?.points ?? []) used.add(p.metric);
        }
      }
    }
    expect(Object.keys(c.metrics).filter((id) => !used.has(id))).toEqual([]);
  });

  it('draws at least six charts, each on one unit and scale', () => {
    const c = canvas();
    const charts = Object.entries(c.charts ?? {});
    expect(charts.length).toBeGreaterThanOrEqual(6);
    for (const [id, chart] of charts) {
      const units = new Set(chart.points.map((p) => plotted(c.metrics[p.metric], chart.plot)).map((m) => `${m?.unit}/${m?.scale ?? ''}`));
      expect(units.size, `chart ${id} units ${[...units].join(', ')}`).toBe(1);
      if (chart.type === 'line') {
        for (const p of chart.points) expect(c.metrics[p.metric]?.period_end, `line chart ${id}: ${p.metric} needs period_end`).toBeDefined();
      }
    }
  });

  it('gives every block set content in several blocks', () => {
    const c = canvas();
    const sets = Object.entries(c.block_sets ?? {});
    expect(sets.length).toBeGreaterThanOrEqual(2);
    for (const [name, set] of sets) {
      const blocks = BLOCK_KEYS.filter(
        (key) =>
          (!set.blocks || set.blocks.includes(key)) &&
          (c.blocks[key]?.sections ?? []).some((s) => !set.tags || (s.tags ?? []).some((t) => set.tags!.includes(t))),
      );
      expect(blocks.length, `block set ${name}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('covers the seed\'s figures (proxy: the YAML text, commas ignored)', () => {
    const figures = seedFigures();
    const missing = missingFigures(figures, yamlText);
    if (missing.length) console.warn(`figures missing from data/alibaba.yaml: ${missing.join(', ')}`);
    expect(figures.length).toBeGreaterThan(100);
    expect(missing.length / figures.length).toBeLessThanOrEqual(0.03);
  });
});

describe('seed figure helpers', () => {
  it('match whole numbers only, ignoring thousands separators', () => {
    expect(missingFigures(['12.3'], 'up 112.35 points')).toEqual(['12.3']);
    expect(missingFigures(['12.3'], 'over 12.3%.')).toEqual([]);
    expect(missingFigures(['585,663'], 'value: 585663')).toEqual([]);
    expect(missingFigures(['585663'], 'RMB 585,663 million')).toEqual([]);
    expect(missingFigures(['5'], 'US$5.6 billion and 15 brands')).toEqual(['5']);
    expect(missingFigures(['2025'], 'October 31, 2025.')).toEqual([]);
  });
});
