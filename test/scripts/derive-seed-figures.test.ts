import { describe, expect, it } from 'vitest';
import { deriveSeedFigures } from '../../scripts/derive-seed-figures.ts';
import { seedFixture } from '../support/seed-figures.ts';

const SEED = `Acme (ACME) Business Model Canvas
Get Full Bundle:
$14.99 $9.99

You're looking to cut through the noise at Acme. Revenue was 1,234.5 million, up 12.3%.
Finance: draft 13-week cash view by Friday.
Margins reached 12.3% again, and 585,663 parcels shipped.
Disclaimer
All 99 rights reserved.
`;

describe('deriveSeedFigures', () => {
  it('lists each distinct figure of the canvas content once, with its context, and none of the noise', () => {
    const derived = deriveSeedFigures(SEED, 'acme.txt');
    expect(derived.figures.map((f) => f.figure)).toEqual(['1,234.5', '12.3', '585,663']);
    expect(derived.figures[0].context).toContain('Revenue was 1,234.5 million');
    expect(derived.source).toBe('acme.txt');
    expect(derived.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a document without the opening paragraph', () => {
    expect(() => deriveSeedFigures('Some other page with 12 figures', 'x.txt')).toThrow(/opening paragraph/);
  });
});

describe('the committed seed fixture', () => {
  it('holds the seed\'s figures, each with the words around it', () => {
    const fixture = seedFixture();
    expect(fixture.source).toBe('000_f4a6ef6a9328b2be.txt');
    expect(fixture.figures.length).toBeGreaterThan(150);
    for (const { figure, context } of fixture.figures) expect(context, figure).toContain(figure);
    for (const exact of ['101.272', '585,663', '21,573', '8.511']) expect(fixture.figures.map((f) => f.figure)).toContain(exact);
  });
});
