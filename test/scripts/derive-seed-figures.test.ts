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
  it('lists each distinct figure of the canvas content once, with its context, and none of the noise, and hashes the raw seed', () => {
    const derived = deriveSeedFigures(SEED, 'acme.txt');
    expect(derived.figures.map((f) => f.figure)).toEqual(['1,234.5', '12.3', '585,663']);
    expect(derived.figures[0].context).toContain('Revenue was 1,234.5 million');
    expect(derived.source).toBe('acme.txt');
    // `sha256sum` of SEED as a file: the hash is of the raw seed, noise included, so any edit to it is noticed.
    expect(derived.sha256).toBe('b8216fe3a9db068a09ec23ff03ae5e7b3342b252a1cd2e5c910996e249b024fd');
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
