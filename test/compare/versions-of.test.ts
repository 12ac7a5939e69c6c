import { describe, expect, it } from 'vitest';
import { checkVersions, companyText } from '../../src/compare/versions-of.ts';
import type { Canvas } from '../../src/validate/schema.ts';

// Whether two canvases can be two versions of one briefing: checkVersions reads only company and briefing.

type Company = Canvas['company'];
const KAFFEEWERK: Company = { name: 'Kaffeewerk AG', ticker: 'KAF', exchange: 'Xetra', country: 'Germany', sector: 'Consumer Defensive', industry: 'Packaged Foods' };
const ALIBABA: Company = { name: 'Alibaba Group Holding Limited', native_name: '阿里巴巴集团控股有限公司', ticker: 'BABA', exchange: 'NYSE', country: 'China', sector: 'Consumer Cyclical', industry: 'Specialty Retail' };

/** A canvas of `company` with `briefing` (period, as_of) as given. */
const canvas = (company: Partial<Company>, briefing: { period?: string; as_of?: string } = {}): Canvas =>
  ({ company: { ...KAFFEEWERK, ...company }, briefing: { period: 'Q3 2025', as_of: '2025-11-14', currency: 'EUR', ...briefing }, metrics: {}, blocks: {} }) as unknown as Canvas;

describe('checkVersions: the same company', () => {
  it('refuses another company\'s canvas, naming both by name, ticker and exchange', () => {
    expect(checkVersions(canvas(ALIBABA), canvas({}))).toEqual({
      otherCompany: { before: 'Alibaba Group Holding Limited (BABA, NYSE)', now: 'Kaffeewerk AG (KAF, Xetra)' },
    });
  });

  it('takes a company renamed under the same ticker and exchange (their case and spaces aside) for the same company, silently', () => {
    expect(checkVersions(canvas({ name: 'Kaffeerösterei Nord AG' }), canvas({}))).toEqual({});
    expect(checkVersions(canvas({ name: 'Kaffeerösterei Nord AG', ticker: ' kaf', exchange: 'XETRA ' }), canvas({}))).toEqual({});
  });

  it('takes another listing under the same name for the same company, legal form, case, punctuation and accents aside, and says the listing moved', () => {
    for (const name of ['Kaffeewerk AG', 'KAFFEEWERK  AG', 'Kaffeewerk SE', 'Kaffeewerk', 'Kaffeewerk GmbH & Co. KGaA', 'Kaffeewérk A.G.']) {
      expect(checkVersions(canvas({ name, ticker: 'KFW', exchange: 'Frankfurt' }), canvas({})), name).toEqual({ listingMoved: { before: 'KFW, Frankfurt', now: 'KAF, Xetra' } });
    }
    expect(checkVersions(canvas({ ...ALIBABA, name: 'Alibaba Group Holding Ltd.' }), canvas({ ...ALIBABA, ticker: '9988', exchange: 'HKEX' })).listingMoved).toEqual({ before: 'BABA, NYSE', now: '9988, HKEX' });
    // The name in the company's own script, where both give one.
    expect(checkVersions(canvas({ ...ALIBABA, name: 'Alibaba Group' }), canvas({ ...ALIBABA, name: 'Alibaba Holdings', ticker: '9988', exchange: 'HKEX' })).otherCompany).toBeUndefined();
  });

  it('takes one exchange or ticker written another way for the same listing, not a move that leaves the names to decide', () => {
    // Each was refused as another company's (exit 2, the quarterly build blocked): the exchange spelled out or without its
    // accent, or the ticker with a vendor's suffix, read as another listing, and the name tidied in the same edit.
    expect(checkVersions(canvas({ ...ALIBABA }), canvas({ ...ALIBABA, name: 'Alibaba Group', exchange: 'New York Stock Exchange' }))).toEqual({});
    expect(checkVersions(canvas({ ...ALIBABA, ticker: '9988.HK', exchange: 'HKEX' }), canvas({ ...ALIBABA, name: 'Alibaba Group', ticker: '9988', exchange: 'Hong Kong Stock Exchange' }))).toEqual({});
    expect(checkVersions(canvas({ ...ALIBABA }), canvas({ ...ALIBABA, name: 'Alibaba Group', ticker: 'BABA US Equity' }))).toEqual({});
    expect(checkVersions(canvas({ name: 'Nordwind Energi ASA', ticker: 'NWE', exchange: 'Oslo Børs' }), canvas({ name: 'Nordwind Energi', ticker: 'NWE.OL', exchange: 'Oslo Bors' }))).toEqual({});
    expect(checkVersions(canvas({ name: 'Apple Inc.', ticker: 'AAPL', exchange: 'NASDAQ' }), canvas({ name: 'Apple', ticker: 'AAPL', exchange: 'Nasdaq Global Select Market' }))).toEqual({});
    // A share class is no suffix, and another exchange is still another listing.
    expect(checkVersions(canvas({ name: 'Berkshire Hathaway Inc.', ticker: 'BRK.B', exchange: 'NYSE' }), canvas({ name: 'Other Inc.', ticker: 'BRK', exchange: 'NYSE' })).otherCompany).toBeDefined();
    expect(checkVersions(canvas({ ...ALIBABA, native_name: undefined }), canvas({ ...ALIBABA, native_name: undefined, name: 'Alibaba Group', exchange: 'HKEX' })).otherCompany).toBeDefined();
  });

  it('refuses a company whose name and listing both differ, and names that share only a legal form or all but a word', () => {
    expect(checkVersions(canvas({ name: 'Kaffeerösterei Nord AG', ticker: 'KRN' }), canvas({})).otherCompany).toEqual({ before: 'Kaffeerösterei Nord AG (KRN, Xetra)', now: 'Kaffeewerk AG (KAF, Xetra)' });
    // The same ticker on another exchange is another listing, maybe another company's: the names decide.
    expect(checkVersions(canvas({ name: 'Kaffee Holding AG', exchange: 'NYSE' }), canvas({})).otherCompany).toBeDefined();
    expect(checkVersions(canvas({ name: 'AG', ticker: 'X' }), canvas({ name: 'SE' })).otherCompany).toBeDefined();
    // A word beside the legal form is part of the name: a holding company and its subsidiary are two issuers.
    expect(checkVersions(canvas({ name: 'Kaffeewerk Holding AG', ticker: 'X' }), canvas({})).otherCompany).toBeDefined();
  });

  it('matches companies without a ticker (a placeholder such as n/a or a dash) by name alone: the same placeholder is no listing', () => {
    expect(checkVersions(canvas({ name: 'Rösterei Süd GmbH', ticker: 'n/a', exchange: 'none' }), canvas({ ticker: 'n/a', exchange: 'none' })).otherCompany).toEqual({ before: 'Rösterei Süd GmbH', now: 'Kaffeewerk AG' });
    expect(checkVersions(canvas({ ticker: '—', exchange: '—' }), canvas({ name: 'Kaffeewerk GmbH', ticker: '—', exchange: '—' }))).toEqual({});
    // Listed since: the same company by its name, and the listing said.
    expect(checkVersions(canvas({ ticker: 'private', exchange: '-' }), canvas({}))).toEqual({ listingMoved: { before: 'no ticker', now: 'KAF, Xetra' } });
    expect(companyText(canvas({ ticker: 'N/A' }).company)).toBe('Kaffeewerk AG');
  });
});

describe('checkVersions: an earlier version dated after this one', () => {
  it('says an earlier version of a later as_of, whatever its period', () => {
    expect(checkVersions(canvas({}, { as_of: '2025-12-01', period: 'Late 2025' }), canvas({}, { period: 'Late 2025' }))).toEqual({ later: { what: 'dated', before: '1 Dec 2025', now: '14 Nov 2025' } });
    expect(checkVersions(canvas({}, { as_of: '2025-11-14' }), canvas({})).later).toBeUndefined();
    expect(checkVersions(canvas({}, { as_of: '2025-08-14', period: 'Q2 2025' }), canvas({})).later).toBeUndefined();
  });

  it('says an earlier version of a later period where both name one of a kind; not words that name none, or periods of two kinds', () => {
    const later = (before: string, now: string) => checkVersions(canvas({}, { period: before }), canvas({}, { period: now })).later;
    expect(later('Q4 2025', 'Q3 2025')).toEqual({ what: 'for', before: 'Q4 2025', now: 'Q3 2025' });
    expect(later('FY2026', 'FY2025')).toEqual({ what: 'for', before: 'FY2026', now: 'FY2025' });
    expect(later('Q1 FY26', 'Q4 FY2025')).toEqual({ what: 'for', before: 'Q1 FY26', now: 'Q4 FY2025' });
    expect(later('H2 2025', 'H1 2025')).toEqual({ what: 'for', before: 'H2 2025', now: 'H1 2025' });
    for (const [before, now] of [['Q2 2025', 'Q3 2025'], ['Q3 2025', 'Q3 2025'], ['Q4 FY2025', 'Q1 FY26'], ['Late 2025', 'Early 2025'], ['FY2026', 'Q3 2025']]) {
      expect(later(before, now), `${before} → ${now}`).toBeUndefined();
    }
  });

  it('says the date with the company\'s listing moved, and refuses another company whatever the dates', () => {
    expect(checkVersions(canvas({ ticker: 'KFW' }, { as_of: '2025-12-01' }), canvas({}))).toEqual({ listingMoved: { before: 'KFW, Xetra', now: 'KAF, Xetra' }, later: { what: 'dated', before: '1 Dec 2025', now: '14 Nov 2025' } });
    expect(checkVersions(canvas(ALIBABA, { as_of: '2025-12-01' }), canvas({})).otherCompany).toBeDefined();
  });
});
