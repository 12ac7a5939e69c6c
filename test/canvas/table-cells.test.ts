/**
 * A canvas's free tables walked cell by cell, each with its column's facts: the checks (references in cells,
 * rounded-cell, ambiguous-point) and the model read a column's decimals and notation from the one walk.
 */
import { describe, it, expect } from 'vitest';
import { freeTableCells, tableColumns } from '../../src/canvas/table-cells.ts';
import type { CanvasInput, Table } from '../../src/validate/schema.ts';

const TABLE: Table = {
  columns: ['Item', { title: 'Kurs', decimals: 1 }, 'Anteil'],
  rows: [['Q3', '1,234.5', { metric: 'revenue' }], ['Q4', { value: 1.2, decimals: 3 }, '12,5', 'extra']],
};

/** A German canvas holding TABLE in its second chapter's first section, after a metric table. */
const canvas = {
  briefing: { language: 'de' },
  blocks: {
    key_partnerships: { sections: [{ title: 'Partners', content: [{ paragraph: 'None.' }] }] },
    revenue_streams: { sections: [{ title: 'Sales', content: [{ metric_table: { rows: ['revenue'] } }, { table: TABLE }] }] },
  },
} as unknown as CanvasInput;

describe('a free table\'s cells', () => {
  it('come in print order, each at its key path, with its column\'s decimals and how its quoted numbers are typed', () => {
    const at = ['blocks', 'revenue_streams', 'sections', 0, 'content', 1, 'table'];
    const cells = freeTableCells(canvas);
    expect(cells.map((c) => [c.path.slice(at.length).join('.'), c.facts.path.slice(at.length).join('.'), c.facts.decimals, c.facts.notation])).toEqual([
      ['rows.0.0', 'columns.0', undefined, {}],
      ['rows.0.1', 'columns.1', 1, { english: '1,234.5' }],
      ['rows.0.2', 'columns.2', undefined, { own: '12,5' }], // a column's notation, whichever row says it
      ['rows.1.0', 'columns.0', undefined, {}],
      ['rows.1.1', 'columns.1', 1, { english: '1,234.5' }],
      ['rows.1.2', 'columns.2', undefined, { own: '12,5' }],
      ['rows.1.3', 'columns.3', undefined, {}], // past the last column: a row too long, which check refuses
    ]);
    expect(cells.every((c) => c.path.slice(0, at.length).join('.') === at.join('.'))).toBe(true);
    expect(cells[2]!.cell).toEqual({ metric: 'revenue' });
  });

  it('read no notation in a language that writes a decimal point, and the same columns for the model', () => {
    expect(tableColumns(TABLE, 'en').map((c) => [c.decimals, c.notation])).toEqual([[undefined, undefined], [1, undefined], [undefined, undefined], [undefined, undefined]]);
    expect(tableColumns(TABLE, 'de').map((c) => c.notation)).toEqual(freeTableCells(canvas).slice(3).map((c) => c.facts.notation));
  });
});
