/** Amounts typed into text, read as the text's language writes numbers (briefing.language, through the CLDR). */
import { describe, expect, it } from 'vitest';
import { minorAmounts, notationOf, typedAmounts } from '../../src/canvas/typed-amounts.ts';

const read = (text: string, language?: string) => typedAmounts(text, notationOf(language)).map((a) => [a.token, a.value, a.otherwise]);

describe('typedAmounts in a notation', () => {
  it('knows each language\'s marks, English where it has none of its own or is not known', () => {
    expect(notationOf('de')).toEqual({ decimal: ',', groups: ['.'] });
    expect(notationOf('fr')).toEqual({ decimal: ',', groups: [' ', '\u00a0', '\u202f'] });
    expect(notationOf('de-CH')).toEqual({ decimal: '.', groups: ["'", '\u2019', ','] });
    for (const language of [undefined, 'en', 'ja', 'zh-Hans', 'en-IN', 'x-bogus-tag']) expect(notationOf(language), String(language)).toBe(notationOf('en'));
  });

  it('reads a group of three digits and no more: "12 500 2024" is 12,500 and a year', () => {
    expect(read('EUR 12 500 2024 et 34 176 M€', 'fr')).toEqual([['EUR 12 500', 12_500, undefined], ['34 176 M€', 34_176e6, undefined]]);
  });

  it('reads a number of two commas or more in a decimal-comma text whole, as English writes it; one comma either way', () => {
    expect(read('EUR 12,345,678 und EUR 1.234.567,5 Tsd.', 'de')).toEqual([['EUR 12,345,678', 12_345_678, undefined], ['EUR 1.234.567,5 Tsd.', 1_234_567_500, undefined]]);
    expect(read('EUR 9,076 Mio.', 'de')).toEqual([['EUR 9,076 Mio.', 9_076_000, 9_076e6]]);
    expect(read('EUR 12,345,678.5')).toEqual([['EUR 12,345,678.5', 12_345_678.5, undefined]]);
  });

  it('reads the short scales sources write: k, mn, bn, tn', () => {
    expect(read('US$450k, EUR 12.5mn, RMB 39.8bn and US$1.2tn')).toEqual([
      ['US$450k', 450e3, undefined], ['EUR 12.5mn', 12.5e6, undefined], ['RMB 39.8bn', 39.8e9, undefined], ['US$1.2tn', 1.2e12, undefined],
    ]);
  });

  it('reads Spanish scales: millones, mil millones, with the currency before or after', () => {
    expect(read('ventas de 35.200 millones de euros, 3,5 mil millones de dólares y US$ 1.200 millones', 'es')).toEqual([
      ['35.200 millones de euros', 35_200e6, 35.2e6], ['3,5 mil millones de dólares', 3.5e9, undefined], ['US$ 1.200 millones', 1.2e9, 1.2e6],
    ]);
  });

  it('reads Italian and Dutch scales: miliardi, milioni, mila, Mln, mld; miljard, miljoen, duizend, mln, mld; the currency before or after', () => {
    expect(notationOf('it')).toEqual({ decimal: ',', groups: ['.'] });
    expect(notationOf('nl')).toEqual({ decimal: ',', groups: ['.'] });
    expect(read('ricavi di 8,23 miliardi di euro, utile di 452 milioni di euro, 1.520 Mln €, 8,25 mld € e 500 mila euro; EUR 1,5 miliardo', 'it')).toEqual([
      ['8,23 miliardi di euro', 8.23e9, undefined], ['452 milioni di euro', 452e6, undefined], ['1.520 Mln €', 1.52e9, 1.52e6], ['8,25 mld €', 8.25e9, undefined], ['500 mila euro', 500e3, undefined], ['EUR 1,5 miliardo', 1.5e9, undefined],
    ]);
    expect(read('omzet van € 8,23 miljard, winst € 463 miljoen, € 1.302 mln, 7,64 mld euro en € 500 duizend', 'nl')).toEqual([
      ['€ 8,23 miljard', 8.23e9, undefined], ['€ 463 miljoen', 463e6, undefined], ['€ 1.302 mln', 1.302e9, 1.302e6], ['7,64 mld euro', 7.64e9, undefined], ['€ 500 duizend', 500e3, undefined],
    ]);
    // Not an Italian "di" before another word than a currency's.
    expect(read('8,23 miliardi di clienti', 'it')).toEqual([]);
  });
});

describe('minorAmounts', () => {
  const minor = (text: string, reporting?: string, language?: string) => minorAmounts(text, notationOf(language), reporting).map((a) => [a.token, a.value, a.currencies[0]]);

  it('reads pence as GBP, cents as the currency they name or the reporting one where it has cents, in the unit', () => {
    expect(minor('EPS of 45.2p, a dividend of 12.5 pence, 45.2p a share')).toEqual([['45.2p', 0.452, 'GBP'], ['12.5 pence', 0.125, 'GBP'], ['45.2p', 0.452, 'GBP']]);
    expect(minor('87 cents, 35c, 87¢, 35 euro cents, 35 US cents, EUR 35 cents', 'USD')).toEqual([
      ['87 cents', 0.87, 'USD'], ['35c', 0.35, 'USD'], ['87¢', 0.87, 'USD'], ['35 euro cents', 0.35, 'EUR'], ['35 US cents', 0.35, 'USD'], ['35 cents', 0.35, 'EUR'],
    ]);
    expect(minor('87 cents, 35c, 87¢, 35 euro cents', 'GBP')).toEqual([['35 euro cents', 0.35, 'EUR']]);
    expect(minor('35,5 Cent je Aktie', 'EUR', 'de')).toEqual([['35,5 Cent', 0.355, 'EUR']]);
    expect(minor('35 centimes par action', 'EUR', 'fr')).toEqual([['35 centimes', 0.35, 'EUR']]);
  });

  it('reads no pence or cents in a time of day, percentage points, circa, a year marked projected, a number after a currency or in another', () => {
    expect(minor('at 5p.m., up 10 pp or 10pp, c. 40%, c.45, 2025p, £45.2p, 1.5.2p, 35C, 12 per cent', 'USD')).toEqual([]);
  });

  it('leaves an amount in cents out of the amounts in the currency\'s unit', () => {
    expect(typedAmounts('EUR 35 cents, 35 euro cents, €0.35').map((a) => a.token)).toEqual(['€0.35']);
  });
});
