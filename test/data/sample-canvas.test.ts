/**
 * The sample canvas data/alibaba.yaml: valid as `briefing check` validates it (the schema,
 * then every id, reference, chart unit and table row), complete, free of the seed page's
 * noise and covering the seed's figures.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCanvas, parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas, validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import type { Canvas } from '../../src/validate/schema.ts';
import { BLOCK_KEYS } from '../../src/canvas/blocks.ts';
import { parseReferences } from '../../src/canvas/references.ts';
import { figureInWords, missingFigures, seedFigures, withContext } from '../support/seed-figures.ts';

const CANVAS_PATH = fileURLToPath(new URL('../../data/alibaba.yaml', import.meta.url));
const yamlText = readFileSync(CANVAS_PATH, 'utf8');
const validated: { canvas?: Canvas; error?: Error } = await loadCanvas(CANVAS_PATH)
  .then(validateCanvas)
  .then((canvas) => ({ canvas }), (error: Error) => ({ error }));

function canvas(): Canvas {
  if (!validated.canvas) throw validated.error;
  return validated.canvas;
}

/** Every string in a value, recursively (paragraphs, bullets, cells, captions, notes...). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * The canvas text without what only looks like a seed figure: [[references]] and snake_case ids
 * (vip88_members_mar_2025), ISO dates (2025-09-30), `decimals: N` settings and comments.
 */
function writtenFigures(yaml: string): string {
  return yaml
    .replace(/^\s*#.*$/gm, ' ')
    .replace(/\[\[[^\]]*\]\]/g, ' ')
    .replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, ' ')
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ')
    .replace(/\bdecimals: \d+/g, ' ');
}

describe('data/alibaba.yaml', () => {
  it('starts with the yaml-language-server modeline', () => {
    expect(yamlText.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/canvas.schema.json');
  });

  it('is a valid canvas: the schema, and every metric, chart and block id, [[reference]], chart unit and table row', () => {
    expect(validated.error?.message).toBeUndefined();
    expect(validated.canvas).toBeDefined();
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

  it('only refers to metrics that exist, even in text that prints references as written', () => {
    // validateCanvas checks every reference the briefing resolves; this looks at every other string too.
    const c = canvas();
    const broken = strings(c).flatMap(parseReferences).filter((r) => r.error !== undefined || !(r.id in c.metrics));
    expect(broken.map((r) => r.token)).toEqual([]);
  });

  it('uses every metric somewhere that renders', () => {
    const c = canvas();
    const used = new Set<string>();
    for (const ref of strings(c.blocks).flatMap(parseReferences)) if (ref.id !== undefined) used.add(ref.id);
    for (const key of BLOCK_KEYS) {
      for (const section of c.blocks[key]?.sections ?? []) {
        for (const item of section.content) {
          if ('table' in item) for (const row of item.table.rows) for (const cell of row) if (typeof cell === 'object' && 'metric' in cell) used.add(cell.metric);
          if ('metric_table' in item) for (const row of item.metric_table.rows) used.add(typeof row === 'string' ? row : row.metric);
          if ('chart' in item) for (const p of c.charts?.[item.chart]?.points ?? []) used.add(p.metric);
        }
      }
    }
    expect(Object.keys(c.metrics).filter((id) => !used.has(id))).toEqual([]);
  });

  it('draws at least six charts (each on one unit and scale, line points dated: validateCanvas checks both)', () => {
    expect(Object.keys(canvas().charts ?? {}).length).toBeGreaterThanOrEqual(6);
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

  it('has no findings: every contradiction of the seed it keeps is declared, with a note', () => {
    expect(validateWithWarnings(parseCanvas(yamlText, CANVAS_PATH)).findings.map((f) => `${f.line} ${f.rule}`)).toEqual([]);
  });

  it('has each quarter\'s equivalents at one exchange rate, so that an amount updated without its US$ equivalent is found', () => {
    // Cloud revenue for the March quarter, RMB 30,127 million (US$4,152 million), misread as 31,127 million.
    const edited = yamlText.replace(/^(\s+- value: )30127$/m, '$131127');
    expect(edited).not.toBe(yamlText);
    const found = validateWithWarnings(parseCanvas(edited, CANVAS_PATH)).findings;
    expect(found.map((f) => f.rule)).toEqual(['exchange-rate']);
    expect(found[0].message).toMatch(/^cloud_revenue@2025-03-31 \(RMB 31,127 million = US\$4,152 million\) converts at 7\.496 to 7\.498 CNY per USD, but aidc_quarterly_revenue@2025-03-31 \(RMB 33,579 million = US\$4,627 million\) converts at 7\.256 to 7\.258 \(4 other equivalents of that date agree with it .*\. At that rate, RMB 31,127 million is about US\$4,289 million: /);
  });

  it('covers every one of the seed\'s figures in its values and text, not in ids or dates (commas ignored)', () => {
    const figures = seedFigures();
    const missing = missingFigures(figures, writtenFigures(yamlText));
    expect(figures.length).toBeGreaterThan(150);
    expect(missing, `missing from data/alibaba.yaml: ${withContext(missing)}`).toEqual([]);
  });
});

describe('seed figure helpers', () => {
  it('leave ids, references, dates and decimals settings out of the canvas text they search', () => {
    const text = writtenFigures('id: vip88_members_mar_2025\nlead: "[[capex_plan_380]] by 2025-09-30"\ndecimals: 3\n# 41 in a comment\nvalue: 41.5');
    expect(missingFigures(['88', '380', '2025', '30', '3', '41', '41.5'], text)).toEqual(['88', '380', '2025', '30', '3', '41']);
    expect(missingFigures(['88', '2025'], writtenFigures('label: Paid members (88VIP), 2025'))).toEqual([]);
  });

  it('pair a figure with the seed\'s word after it, else before it, as the briefing would print it', () => {
    expect(figureInWords('41', '…a war chest that includes about $41 billion in net cash…')).toBe('41 billion');
    expect(figureInWords('12.3', '…it captured over 12.3% of the global market…')).toBe('12.3%');
    expect(figureInWords('5.1', '…resulting in a 5.1 percent net reduction…')).toBe('5.1%');
    expect(figureInWords('8.511', '…expenses totaled $8.511B, an increase…')).toBe('8.511 billion');
    expect(figureInWords('2025', '…net cash as of late 2025. So, let\'s break down…')).toBe('late 2025');
    expect(figureInWords('12', '…it captured over 12.3% of the global market…')).toBeUndefined();
  });

  it('match whole numbers only, ignoring thousands separators', () => {
    expect(missingFigures(['12.3'], 'up 112.35 points')).toEqual(['12.3']);
    expect(missingFigures(['12.3'], 'over 12.3%.')).toEqual([]);
    expect(missingFigures(['585,663'], 'value: 585663')).toEqual([]);
    expect(missingFigures(['585663'], 'RMB 585,663 million')).toEqual([]);
    expect(missingFigures(['5'], 'US$5.6 billion and 15 brands')).toEqual(['5']);
    expect(missingFigures(['2025'], 'October 31, 2025.')).toEqual([]);
  });
});
