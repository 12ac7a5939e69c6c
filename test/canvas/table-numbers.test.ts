/** A free table's cells as the table reads them: a metric's cell told from text and numbers by one test. */
import { describe, it, expect } from 'vitest';
import { isMetricCell, type Cell } from '../../src/canvas/table-numbers.ts';

describe('a free table\'s metric cell', () => {
  it('is told from text, a number and { value, decimals } by its metric key, whatever part it shows', () => {
    const cells: Cell[] = ['Q3', '1,234.5', 2024, { value: 1.2, decimals: 3 }, { metric: 'revenue' }, { metric: 'revenue', show: 'change' }];
    expect(cells.map(isMetricCell)).toEqual([false, false, false, false, true, true]);
    expect([null, undefined, { label: 'metric' }].map(isMetricCell)).toEqual([false, false, false]);
  });
});
