import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { BriefingError } from '../../src/errors.ts';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import { explainIssues } from '../../src/validate/explain-issues.ts';

const NORDWIND = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');

/** The problem lines for nordwind.yaml with `from` replaced by `to` (header and footer left out). */
function problemsAfter(from: string, to: string): string[] {
  expect(NORDWIND).toContain(from);
  try {
    validateCanvas(parseCanvas(NORDWIND.replace(from, to), 'nordwind.yaml'));
  } catch (error) {
    expect(error).toBeInstanceOf(BriefingError);
    return (error as Error).message.split('\n').slice(1, -1);
  }
  throw new Error('the canvas validated');
}

describe('keys typed with a Japanese or Chinese input method', () => {
  it('says a key starts with a full-width space, which YAML reads as part of it where it lines up with its neighbours, and leaves out the key it means as missing', () => {
    expect(problemsAfter('    period_type: fiscal_year', '    \u3000period_type: fiscal_year')).toEqual([
      'nordwind.yaml:22:5: metrics.revenue_fy25.\u3000period_type: unknown key "\u3000period_type": it starts with a full-width space (U+3000, as a Japanese or Chinese input method types it), which YAML reads as part of the key, not as indentation: indent "period_type" with half-width spaces',
    ]);
    expect(problemsAfter('    unit: EUR\n    scale: million\n    period: FY2025\n    period_type', '    \u3000unit: EUR\n    scale: million\n    period: FY2025\n    period_type')).toEqual([
      'nordwind.yaml:19:5: metrics.revenue_fy25.\u3000unit: unknown key "\u3000unit": it starts with a full-width space (U+3000, as a Japanese or Chinese input method types it), which YAML reads as part of the key, not as indentation: indent "unit" with half-width spaces',
    ]);
  });
});

describe('numbers written the European or spreadsheet way', () => {
  it('asks for a decimal point instead of a decimal comma', () => {
    expect(problemsAfter('value: 1234.5', 'value: 438,1')).toEqual([
      'nordwind.yaml:18:12: metrics.revenue_fy25.value: expected a number, found "438,1": write 438.1 (decimal point, no thousands separators)',
    ]);
  });

  it('asks to leave out thousands separators', () => {
    expect(problemsAfter('value: 1234.5', 'value: 1,284.6')).toEqual([
      'nordwind.yaml:18:12: metrics.revenue_fy25.value: expected a number, found "1,284.6": write 1284.6 (no thousands separators)',
    ]);
    expect(problemsAfter('value: 1234.5', 'value: 1.284,6')).toEqual([
      'nordwind.yaml:18:12: metrics.revenue_fy25.value: expected a number, found "1.284,6": write 1284.6 (decimal point, no thousands separators)',
    ]);
    // The Swiss way: apostrophes between thousands.
    expect(problemsAfter('value: 1234.5', "value: 1'284.6")).toEqual([
      'nordwind.yaml:18:12: metrics.revenue_fy25.value: expected a number, found "1\'284.6": write 1284.6 (no thousands separators)',
    ]);
  });

  it('asks for a minus sign where a negative figure is written in brackets, as accounts print it', () => {
    const at = 'nordwind.yaml:18:12: metrics.revenue_fy25.value: expected a number, found';
    const why = '(a minus sign, not brackets, for a negative figure)';
    expect(problemsAfter('value: 1234.5', 'value: (3.7)')).toEqual([`${at} "(3.7)": write -3.7 ${why}`]);
    expect(problemsAfter('value: 1234.5', 'value: "(1,173)"')).toEqual([`${at} "(1,173)": write -1173 (a minus sign, not brackets, for a negative figure, no thousands separators), or -1.173 if the comma is a decimal point`]);
    expect(problemsAfter('value: 1234.5', 'value: ($5.6)')).toEqual([`${at} "($5.6)": write -5.6 ${why} with unit: USD`]);
    expect(problemsAfter('value: 1234.5', 'value: (1.5%)')).toEqual([`${at} "(1.5%)": write -1.5 ${why} with unit: percent`]);
    // Not a bracketed number: said as before, with no fix guessed.
    expect(problemsAfter('value: 1234.5', 'value: (-3.7)')).toEqual([`${at} "(-3.7)"`]);
    // A change's % inside the brackets: the number alone, no unit to set.
    expect(problemsAfter('change: { percent: 8.2', 'change: { percent: "(18.6%)"')).toEqual([expect.stringMatching(/change\.percent: expected a number, found "\(18\.6%\)": write -18\.6 \(a minus sign, not brackets, for a negative figure\), without the % \(change\.percent is in percent\)$/)]);
  });

  it('moves a scale written with the number into scale ("77.7bn", "US$3.5m", "450k"), and reads a letter typed for a digit ("30O13")', () => {
    const at = 'nordwind.yaml:18:12: metrics.revenue_fy25.value: expected a number, found';
    expect(problemsAfter('value: 1234.5', 'value: 77.7bn')).toEqual([`${at} "77.7bn": write 77.7 with scale: billion`]);
    expect(problemsAfter('value: 1234.5', 'value: 1.2 billion')).toEqual([`${at} "1.2 billion": write 1.2 with scale: billion`]);
    expect(problemsAfter('value: 1234.5', 'value: US$3.5m')).toEqual([`${at} "US$3.5m": write 3.5 with scale: million and unit: USD`]);
    expect(problemsAfter('value: 1234.5', 'value: "1,450k"')).toEqual([`${at} "1,450k": write 1450 with scale: thousand (no thousands separators), or 1.45 if the comma is a decimal point`]);
    expect(problemsAfter('value: 1234.5', 'value: (2.1 Bn)')).toEqual([`${at} "(2.1 Bn)": write -2.1 with scale: billion (a minus sign, not brackets, for a negative figure)`]);
    // A letter typed for a digit.
    expect(problemsAfter('value: 1234.5', 'value: 30O13')).toEqual([`${at} "30O13": write 30013 (digits, not the letters O, l or I)`]);
    expect(problemsAfter('value: 1234.5', 'value: 1l.5')).toEqual([`${at} "1l.5": write 11.5 (digits, not the letters O, l or I)`]);
    expect(problemsAfter('value: 1234.5', 'value: Old')).toEqual([`${at} "Old"`]);
    expect(problemsAfter('value: 1234.5', 'value: O.5')).toEqual([`${at} "O.5": write 0.5 (digits, not the letters O, l or I)`]);
    expect(problemsAfter('value: 1234.5', 'value: 1O.5bn')).toEqual([`${at} "1O.5bn": write 10.5 with scale: billion (digits, not the letters O, l or I)`]);
    expect(problemsAfter('value: 1234.5', 'value: 0O')).toEqual([`${at} "0O"`]);
  });

  it('reads numbers as Chinese, Japanese and Korean reports write them: full-width digits, a yen sign, a scale after the number', () => {
    const at = 'nordwind.yaml:18:12: metrics.revenue_fy25.value: expected a number, found';
    expect(problemsAfter('value: 1234.5', 'value: １２３０')).toEqual([`${at} "１２３０": write 1230 (ASCII digits)`]);
    expect(problemsAfter('value: 1234.5', 'value: ¥48')).toEqual([`${at} "¥48": write 48 with unit: JPY (yen) or CNY (yuan)`]);
    expect(problemsAfter('value: 1234.5', 'value: 2345億')).toEqual([`${at} "2345億": write 234.5 with scale: billion (億 is 100,000,000)`]);
    expect(problemsAfter('value: 1234.5', 'value: 58億円')).toEqual([`${at} "58億円": write 5.8 with scale: billion and unit: JPY (億 is 100,000,000)`]);
    expect(problemsAfter('value: 1234.5', 'value: "3,450万元"')).toEqual([`${at} "3,450万元": write 34500 with scale: thousand and unit: CNY, TWD or HKD, whichever the report is in (万 is 10,000; no thousands separators)`]);
    expect(problemsAfter('value: 1234.5', 'value: 1.2兆')).toEqual([`${at} "1.2兆": write 1.2 with scale: trillion (兆 is 1,000,000,000,000)`]);
    expect(problemsAfter('value: 1234.5', 'value: −58億円')).toEqual([`${at} "−58億円": write -5.8 with scale: billion and unit: JPY (億 is 100,000,000; a plain minus sign)`]);
    expect(problemsAfter('value: 1234.5', 'value: "2,340億円"')).toEqual([`${at} "2,340億円": write 234.0 with scale: billion and unit: JPY (億 is 100,000,000; no thousands separators)`]); // its precision kept
    expect(problemsAfter('value: 1234.5', 'value: 58億ドル')).toEqual([`${at} "58億ドル": write 5.8 with scale: billion and unit: USD (億 is 100,000,000)`]);
    expect(problemsAfter('value: 1234.5', 'value: 48円')).toEqual([`${at} "48円": write 48 with unit: JPY`]);
    expect(problemsAfter('value: 1234.5', 'value: 5千万円')).toEqual([`${at} "5千万円": write 50 with scale: million and unit: JPY (千万 is 10,000,000)`]);
    expect(problemsAfter('value: 1234.5', 'value: ▲58億円')).toEqual([`${at} "▲58億円": write -5.8 with scale: billion and unit: JPY (億 is 100,000,000; a plain minus sign)`]); // ▲ marks a negative figure
    expect(problemsAfter('value: 1234.5', 'value: NT$3.5')).toEqual([`${at} "NT$3.5": write 3.5 with unit: TWD`]);
    // Several scales in one amount, as a whole amount is written in Japanese or Chinese.
    expect(problemsAfter('value: 1234.5', 'value: 2兆56億円')).toEqual([`${at} "2兆56億円": write 2005.6 with scale: billion and unit: JPY (2兆56億 is 2,005,600,000,000)`]);
    expect(problemsAfter('value: 1234.5', 'value: 2005億6000万円')).toEqual([`${at} "2005億6000万円": write 200.56 with scale: billion and unit: JPY (2005億6000万 is 200,560,000,000)`]);
    // A change with its % sign, full-width or not: the number alone, no unit to set.
    for (const pct of ['-18.6%', '-18.6％']) {
      expect(problemsAfter('change: { percent: 8.2', `change: { percent: "${pct}"`), pct).toEqual([expect.stringMatching(new RegExp(`change\\.percent: expected a number, found "${pct}": write -18\\.6, without the % \\(change\\.percent is in percent\\)$`))]);
    }
    expect(problemsAfter('value: 1234.5', 'value: S$3.5')).toEqual([`${at} "S$3.5": write 3.5 with unit: SGD`]);
    expect(problemsAfter('scale: million\n    period: FY2025', 'scale: 億\n    period: FY2025')).toEqual([
      'nordwind.yaml:20:12: metrics.revenue_fy25.scale: expected one of thousand, million, billion, trillion; found "億"; 億 is 100,000,000: write scale: billion, and value: 123.45 (a tenth of 1234.5)',
    ]);
    expect(problemsAfter('as_of: 2026-02-15', 'as_of: 2026年2月15日')).toEqual(['nordwind.yaml:13:10: briefing.as_of: a date is written YYYY-MM-DD, found "2026年2月15日": write 2026-02-15']);
  });

  it('reads numbers as Indian reports write them: lakh and crore grouping, a crore or lakh after the number', () => {
    const at = 'nordwind.yaml:18:12: metrics.revenue_fy25.value: expected a number, found';
    expect(problemsAfter('value: 1234.5', 'value: 1,23,456')).toEqual([`${at} "1,23,456": write 123456 (no separators: Indian grouping of lakhs and crores)`]);
    expect(problemsAfter('value: 1234.5', 'value: "12,34,567.8"')).toEqual([`${at} "12,34,567.8": write 1234567.8 (no separators: Indian grouping of lakhs and crores)`]);
    expect(problemsAfter('value: 1234.5', 'value: "₹12,456 crore"')).toEqual([`${at} "₹12,456 crore": write 124560 with scale: million and unit: INR (a crore is 10,000,000; no thousands separators)`]);
    expect(problemsAfter('value: 1234.5', 'value: 3.2 lakh')).toEqual([`${at} "3.2 lakh": write 320 with scale: thousand (a lakh is 100,000)`]);
    expect(problemsAfter('value: 1234.5', 'value: 1245.6 Cr.')).toEqual([`${at} "1245.6 Cr.": write 12456 with scale: million (a crore is 10,000,000)`]);
    expect(problemsAfter('value: 1234.5', 'value: "₹2.4 lakh crore"')).toEqual([`${at} "₹2.4 lakh crore": write 2.4 with scale: trillion and unit: INR (a lakh crore is 1,000,000,000,000)`]);
    expect(problemsAfter('scale: million\n    period: FY2025', 'scale: crore\n    period: FY2025')).toEqual([
      'nordwind.yaml:20:12: metrics.revenue_fy25.scale: expected one of thousand, million, billion, trillion; found "crore"; a crore is 10,000,000: write scale: million, and value: 12345 (ten times 1234.5)',
    ]);
    expect(problemsAfter('scale: million\n    period: FY2025', 'scale: lakh\n    period: FY2025')).toEqual([
      'nordwind.yaml:20:12: metrics.revenue_fy25.scale: expected one of thousand, million, billion, trillion; found "lakh"; a lakh is 100,000: write scale: thousand, and value: 123450 (a hundred times 1234.5)',
    ]);
    // A series' scale has no value beside it: the values to move, in words.
    expect(explainIssues([{ code: 'invalid_value', values: ['thousand', 'million', 'billion', 'trillion'], path: ['metrics', 'x', 'scale'], message: '' }] as never, { data: { metrics: { x: { scale: 'crore', values: [] } } } } as never)[0]!.message)
      .toBe('expected one of thousand, million, billion, trillion; found "crore"; a crore is 10,000,000: write scale: million and ten times the value');
  });

  it('offers both readings when a comma could separate thousands or decimals', () => {
    expect(problemsAfter('value: 1234.5', 'value: 1,284')).toEqual([
      'nordwind.yaml:18:12: metrics.revenue_fy25.value: expected a number, found "1,284": write 1284 (no thousands separators), or 1.284 if the comma is a decimal point',
    ]);
  });

  it('says the decimal reading of a comma without its trailing zeros, which would make a dot before three digits again', () => {
    const at = 'nordwind.yaml:18:12: metrics.revenue_fy25.value: expected a number, found';
    expect(problemsAfter('value: 1234.5', 'value: 129,000')).toEqual([`${at} "129,000": write 129000 (no thousands separators), or 129 if the comma is a decimal point`]);
    expect(problemsAfter('value: 1234.5', 'value: 2,140')).toEqual([`${at} "2,140": write 2140 (no thousands separators), or 2.14 if the comma is a decimal point`]);
    expect(problemsAfter('value: 1234.5', 'value: "-100,000"')).toEqual([`${at} "-100,000": write -100000 (no thousands separators), or -100 if the comma is a decimal point`]);
    // A lone 0 before the comma separates no thousands.
    expect(problemsAfter('value: 1234.5', 'value: 0,500')).toEqual([`${at} "0,500": write 0.500 (decimal point, no thousands separators)`]);
  });

  it('reads a decimal comma in flow style, which YAML splits into two keys', () => {
    expect(problemsAfter('change: { percent: 8.2 }', 'change: { percent: -4,2 }')).toEqual([
      'nordwind.yaml:24:27: metrics.revenue_fy25.change.2: unknown key "2"; a decimal comma? write -4.2',
    ]);
    // Digits after the comma that start with 0: YAML reads them as a number (76 for 076), and the fix written from that
    // number would be another figure (1.76 for 1,076; 9.8 for 9,08).
    expect(problemsAfter('change: { percent: 8.2 }', 'change: { percent: 9,08 }')).toEqual([
      'nordwind.yaml:24:26: metrics.revenue_fy25.change.08: unknown key "08"; a decimal comma? write 9.08',
    ]);
    expect(problemsAfter('change: { percent: 8.2 }', 'change: { percent: 8.2, decimals: 1,076 }').map((p) => p.slice(p.indexOf('unknown')))).toEqual([
      'unknown key "076": a comma inside { } ends a value; a thousands separator? write 1076 (no thousands separators), or 1.076 if the comma is a decimal point',
    ]);
    expect(problemsAfter('change: { percent: 8.2 }', 'change: { percent: 4,05,000 }').map((p) => p.slice(p.indexOf('unknown')))).toEqual([
      'unknown key "05": a comma inside { } ends a value, and 4,05,000 was read as 4 and keys of its other digits; write 405000 (no separators: Indian grouping of lakhs and crores)',
      'unknown key "000": a comma inside { } ends a value, and 4,05,000 was read as 4 and keys of its other digits; write 405000 (no separators: Indian grouping of lakhs and crores)',
    ]);
    // Three digits after the comma: thousands as often as decimals, and the decimal reading is a thousand times smaller.
    expect(problemsAfter('change: { percent: 8.2 }', 'change: { percent: 8.2, decimals: 1,466 }')).toEqual([
      'nordwind.yaml:24:41: metrics.revenue_fy25.change.466: unknown key "466": a comma inside { } ends a value; a thousands separator? write 1466 (no thousands separators), or 1.466 if the comma is a decimal point',
    ]);
  });

  it('reads a number with several separators in flow style as one number, not as a decimal comma', () => {
    // { value: 4,44,900 } is 4 and the keys "44" and "900": "4.44" would be a figure a hundred thousand times too small.
    const indian = 'unknown key "{key}": a comma inside { } ends a value, and 4,44,900 was read as 4 and keys of its other digits; write 444900 (no separators: Indian grouping of lakhs and crores)';
    expect(problemsAfter('change: { percent: 8.2 }', 'change: { percent: 4,44,900 }')).toEqual([
      `nordwind.yaml:24:26: metrics.revenue_fy25.change.44: ${indian.replace('{key}', '44')}`,
      `nordwind.yaml:24:29: metrics.revenue_fy25.change.900: ${indian.replace('{key}', '900')}`,
    ]);
    expect(problemsAfter('change: { percent: 8.2 }', 'change: { percent: -1,234,567 }').map((p) => p.slice(p.indexOf('and -1,')))).toEqual([
      'and -1,234,567 was read as -1 and keys of its other digits; write -1234567 (no thousands separators)',
      'and -1,234,567 was read as -1 and keys of its other digits; write -1234567 (no thousands separators)',
    ]);
  });

  it('reads a number with a thousands separator and decimals in flow style as one number, not as an unknown key', () => {
    // { value: 1,531.9 } is 1 and a key "531.9": the comma can only separate thousands, as the dot is the decimal point.
    expect(problemsAfter('change: { percent: 8.2 }', 'change: { percent: 1,531.9 }')).toEqual([
      'nordwind.yaml:24:26: metrics.revenue_fy25.change.531.9: unknown key "531.9": a comma inside { } ends a value, and 1,531.9 was read as 1 and keys of its other digits; write 1531.9 (no thousands separators)',
    ]);
    expect(problemsAfter('change: { percent: 8.2 }', 'change: { percent: -12,345,678.25 }').map((p) => p.slice(p.indexOf('and -12,')))).toEqual([
      'and -12,345,678.25 was read as -12 and keys of its other digits; write -12345678.25 (no thousands separators)',
      'and -12,345,678.25 was read as -12 and keys of its other digits; write -12345678.25 (no thousands separators)',
    ]);
  });

  it('reads text with a comma in flow style, which YAML splits into a key, and gives it quoted', () => {
    expect(problemsAfter('change: { percent: 8.2 }', 'change: { percent: 8.2, basis: Up on wind, Solar and storage }')).toEqual([
      'nordwind.yaml:24:48: metrics.revenue_fy25.change.Solar and storage: unknown key "Solar and storage": a comma inside { } ends a value, and what follows it is read as a key. If it belongs to the text before it, put that text in quotes: basis: "Up on wind, Solar and storage"',
    ]);
    // Two commas: each key they made is given the whole text.
    const fix = 'put that text in quotes: basis: "Up on wind, Solar, and Storage"';
    expect(problemsAfter('change: { percent: 8.2 }', 'change: { percent: 8.2, basis: Up on wind, Solar, and Storage }').map((p) => p.slice(p.indexOf('put that')))).toEqual([fix, fix]);
  });

  it('asks to remove quotes around a number, and to move a % sign into the unit', () => {
    expect(problemsAfter('value: 1234.5', 'value: "12.5"')).toEqual([
      'nordwind.yaml:18:12: metrics.revenue_fy25.value: expected a number, found "12.5": remove the quotes',
    ]);
    expect(problemsAfter('value: 1234.5', 'value: 12.5%')).toEqual([
      'nordwind.yaml:18:12: metrics.revenue_fy25.value: expected a number, found "12.5%": write 12.5 with unit: percent',
    ]);
  });
});

describe('lists typed with a Japanese or Chinese input method', () => {
  it('says a list item\'s dash is not YAML\'s: a katakana long mark, a full-width hyphen, a dash', () => {
    for (const dash of ['ー', '－', '–']) {
      expect(problemsAfter('          - paragraph: Long-term', `          ${dash} paragraph: Long-term`), dash).toEqual([
        `nordwind.yaml:72:11: blocks.key_partnerships.sections[0].content: expected a list (- items), found a mapping with keys ${dash} paragraph: "${dash}" before "paragraph" is not YAML's list dash: start each item with a half-width hyphen and a space (- paragraph: …)`,
      ]);
    }
  });
});

describe('dates', () => {
  it('says a well-written date that is not in the calendar is not a day, rather than repeating the format', () => {
    expect(problemsAfter('period_end: 2025-12-31\n    change', 'period_end: 2025-02-30\n    change')).toEqual([
      'nordwind.yaml:23:17: metrics.revenue_fy25.period_end: 2025-02-30 is not a day in the calendar: February 2025 has 28 days',
    ]);
  });

  it('names a date a !!timestamp tag turned into a timestamp, rather than "a mapping"', () => {
    expect(problemsAfter('  as_of: 2026-02-15', '  as_of: !!timestamp 2026-02-15')).toEqual([
      'nordwind.yaml:13:22: briefing.as_of: expected a date written YYYY-MM-DD, found a timestamp made by a !!timestamp tag (leave the tag out: a date is written YYYY-MM-DD, as plain text)',
    ]);
  });

  it('suggests the YYYY-MM-DD form of a date written day first', () => {
    expect(problemsAfter('period_end: 2025-12-31\n    change', 'period_end: 30/09/2025\n    change')).toEqual([
      'nordwind.yaml:23:17: metrics.revenue_fy25.period_end: a date is written YYYY-MM-DD, found "30/09/2025": write 2025-09-30',
    ]);
  });

  it('offers both readings when day and month could be swapped', () => {
    expect(problemsAfter('as_of: 2026-02-15', 'as_of: 03.09.2025')).toEqual([
      'nordwind.yaml:13:10: briefing.as_of: a date is written YYYY-MM-DD, found "03.09.2025": write 2025-09-03 (3 September) or 2025-03-09 (9 March), whichever the source means',
    ]);
  });

  it('spells each reading as the canvas\'s language writes dates: month first in en-US, as the briefing prints them', () => {
    expect(problemsAfter('as_of: 2026-02-15\n  currency: EUR', 'as_of: 03.09.2025\n  currency: EUR\n  language: en-US')).toEqual([
      'nordwind.yaml:13:10: briefing.as_of: a date is written YYYY-MM-DD, found "03.09.2025": write 2025-09-03 (September 3) or 2025-03-09 (March 9), whichever the source means',
    ]);
    expect(problemsAfter('as_of: 2026-02-15\n  currency: EUR', 'as_of: 03.09.2025\n  currency: EUR\n  language: en-GB')[0]).toContain('write 2025-09-03 (3 September) or 2025-03-09 (9 March)');
  });

  it('asks for a date, not "text", where a number was written', () => {
    expect(problemsAfter('as_of: 2026-02-15', 'as_of: 2026')).toEqual([
      'nordwind.yaml:13:10: briefing.as_of: expected a date written YYYY-MM-DD, found 2026',
    ]);
  });
});

describe('wording', () => {
  it('describes a missing mapping of ids in plain words', () => {
    expect(problemsAfter('metrics:\n  revenue_fy25:', 'numbers:\n  revenue_fy25:')[0]).toBe('nordwind.yaml:1:1: metrics: missing: add `metrics:` holding a mapping of ids to entries at the top level (required)');
    // A misspelt key alone: the mapping it means is not said to be missing as well.
    expect(problemsAfter('metrics:\n  revenue_fy25:', 'metricz:\n  revenue_fy25:')).toEqual([
      'nordwind.yaml:15:1: metricz: unknown key "metricz"; did you mean "metrics"? Allowed here: company, briefing, glossary, metrics, charts, key_figures, key_charts, blocks, chapters, block_sets, data_notes.',
    ]);
  });

  it('asks for a whole number, and for a usable id as a metric key', () => {
    expect(problemsAfter('    value: 812\n', '    value: 812\n    decimals: 1.5\n')).toEqual([
      'nordwind.yaml:56:15: metrics.turbines.decimals: expected a whole number, found 1.5',
    ]);
    expect(problemsAfter('  revenue_fy23:', '  Revenue-FY23:')).toEqual([
      'nordwind.yaml:32:3: metrics.Revenue-FY23: "Revenue-FY23" cannot be an id: an id is lower-case letters, digits and underscores, starting with a letter (e.g. cloud_revenue_q2); write revenue_fy23',
    ]);
  });

  it('lists the forms a content item may take by their keys', () => {
    expect(problemsAfter('          - chart: revenue_trend', '          - revenue_trend')).toEqual([
      'nordwind.yaml:85:13: blocks.revenue_streams.sections[0].content[1]: expected one of {paragraph: ...}, {bullets: ...}, {table: ...}, {metric_table: ...}, {chart: ...}; found "revenue_trend"',
    ]);
  });

  it('explains text that YAML read as a list or as a key and value', () => {
    expect(problemsAfter('paragraph: Long-term service agreements cover all [[turbines]].', 'paragraph: [[turbines]]')).toEqual([
      'nordwind.yaml:72:24: blocks.key_partnerships.sections[0].content[0].paragraph: expected text, found [[turbines]] without quotes, which YAML reads as a list: put the whole text in double quotes',
    ]);
    expect(problemsAfter('- Merchant exposure in the Nordic spot market.', '- Merchant exposure: Nordic spot market.')).toEqual([
      'nordwind.yaml:88:17: blocks.revenue_streams.sections[0].content[2].bullets[1]: expected text, found "Merchant exposure: Nordic spot market." without quotes, which YAML reads as a key and a value because of the colon and space: put the whole text in double quotes',
    ]);
  });

  it('explains a table cell of text with a colon, and a cell\'s unknown key with the keys of the form it was written as', () => {
    const row = '- [Net income, { metric: net_income_fy25 }, Impairment of an offshore project]';
    const cell = 'nordwind.yaml:96:{col}: blocks.cost_structure.sections[0].content[0].table.rows[0]';
    const at = (col: number) => cell.replace('{col}', String(col));
    // A cell is text, a number, a number with its decimals or a metric's: "Note: see below" none of the mappings.
    expect(problemsAfter(row, '- [Net income, "a", Note: see below]')).toEqual([
      `${at(37)}[2]: expected one of text, a number, {value: ..., decimals: ...}, {metric: ...}; found a mapping with keys Note: if "Note: see below" is text, YAML read it as a key and a value because of the colon and space; put the whole text in double quotes`,
    ]);
    expect(problemsAfter(row, '- [Net income, { metric: net_income_fy25, value: 3 }, x]')).toEqual([`${at(59)}[1].value: unknown key "value". Allowed here: metric, show.`]);
    expect(problemsAfter(row, '- [Net income, { valeu: 3, decimals: 1 }, x]')).toEqual([`${at(34)}[1].valeu: unknown key "valeu"; did you mean "value"? Allowed here: value, decimals.`]);
    // No key written that a form knows: the keys of every form.
    expect(problemsAfter(row, '- [Net income, { metrc: net_income_fy25 }, x]')).toEqual([`${at(34)}[1].metrc: unknown key "metrc"; did you mean "metric"? Allowed here: value, decimals, metric, show.`]);
  });

  it('asks for quotes around digits YAML read as a number where text belongs (a Tokyo ticker)', () => {
    expect(problemsAfter('ticker: NWE', 'ticker: 9147')).toEqual([
      'nordwind.yaml:6:11: company.ticker: expected text, found 9147: put it in double quotes, as you wrote it, to keep it as text (unquoted, YAML reads it as the number 9147, and a ticker such as 0700 as 700)',
    ]);
    // A period typed as a bare year, or a yes/no word: what YAML read is said, not a ticker's example.
    expect(problemsAfter('    period: FY2025\n', '    period: 2025\n')[0]).toMatch(/\.period: expected text, found 2025: put it in double quotes, as you wrote it, to keep it as text \(unquoted, YAML reads it as the number 2025\)$/);
    // Not where the text must be a code or an id anyway: quoted, 156 is still no currency.
    expect(problemsAfter('currency: EUR', 'currency: 156')[0]).toMatch(/briefing\.currency: expected text, found 156$/);
  });

  it('offers, for a metric named in another spelling, an id the canvas has, nearest first', () => {
    // A capital O for a zero: its lower-case spelling is no metric, so the nearest that is one is offered.
    const [slip] = problemsAfter('- { metric: revenue_fy23 }', '- { metric: revenue_fy2O23 }');
    expect(slip).toMatch(/; found "revenue_fy2O23"; did you mean "revenue_fy23"/);
    expect(problemsAfter('- { metric: revenue_fy23 }', '- { metric: Revenue_FY23 }')[0]).toMatch(/; found "Revenue_FY23": write revenue_fy23$/);
    // A dated value in capitals: its own id, not the snake_case spelling of the whole.
    const quarters = readFileSync('test/fixtures/valid/nordwind-quarters.yaml', 'utf8');
    const dated = (() => { try { validateCanvas(parseCanvas(quarters.replace('key_figures: [revenue, turbines]', 'key_figures: [Revenue@2025-06-30, turbines]'), 'q.yaml')); } catch (e) { return (e as Error).message; } return ''; })();
    expect(dated).toMatch(/key_figures\[0\]: .*; found "Revenue@2025-06-30": write revenue@2025-06-30$/m);
  });

  it('suggests the ISO code for a reporting currency in lower case or by name', () => {
    expect(problemsAfter('currency: EUR', 'currency: eur')).toEqual([
      'nordwind.yaml:14:13: briefing.currency: a currency is a three-letter ISO code, e.g. CNY; found "eur": write EUR',
    ]);
    expect(problemsAfter('currency: EUR', 'currency: RMB')).toEqual([
      'nordwind.yaml:14:13: briefing.currency: "RMB" is a currency: write the ISO currency code in capitals: CNY',
    ]);
    // The Brazilian real's sign (a Brazilian company's canvas): named, not "write the ISO currency code (USD, EUR, JPY, ...)".
    expect(problemsAfter('currency: EUR', 'currency: R$')).toEqual([
      'nordwind.yaml:14:13: briefing.currency: a currency is a three-letter ISO code, e.g. CNY; found "R$": write BRL',
    ]);
  });

  it('names every kind of value zod may expect in plain words', () => {
    // Every kind zod's invalid_type issue can name, and the words a canvas author reads for it.
    const words: Record<string, string> = {
      string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', bigint: 'a whole number',
      symbol: 'a value', undefined: 'nothing (leave the key out)', null: 'an empty value', never: 'nothing (leave the key out)',
      void: 'nothing (leave the key out)', date: 'a date written YYYY-MM-DD', array: 'a list (- items)',
      object: 'a mapping (key: value lines)', tuple: 'a list of a fixed length', record: 'a mapping of ids to entries',
      map: 'a mapping (key: value lines)', set: 'a list (- items)', file: 'a value', nonoptional: 'a value', nan: 'a number',
      function: 'a value', enum: 'one of the listed words', literal: 'a fixed word', union: 'one of several forms',
      any: 'a value', unknown: 'a value',
    };
    const plainWords = ['number', 'date'];
    for (const [expected, plain] of Object.entries(words)) {
      const [problem] = explainIssues([{ code: 'invalid_type', expected, path: ['x'], message: '' } as never], { data: { x: null } });
      expect(problem.message, expected).toBe(`expected ${plain}, found an empty value`);
      if (!plainWords.includes(expected)) expect(problem.message, expected).not.toMatch(new RegExp(`\\b${expected}\\b`));
    }
    const [record] = explainIssues([{ code: 'invalid_type', expected: 'record', path: ['metrics'], message: '' } as never], { data: {} });
    expect(record.message).toBe('missing: add `metrics:` holding a mapping of ids to entries at the top level (required)');
  });
});

describe('a misspelt key', () => {
  it('is the one problem said, not also the key it meant as missing (the fix of one is the fix of both)', () => {
    expect(problemsAfter('    value: 1234.5\n    unit: EUR\n', '    value: 1234.5\n    unti: EUR\n')).toEqual([
      expect.stringMatching(/^nordwind\.yaml:19:5: metrics\.revenue_fy25\.unti: unknown key "unti"; did you mean "unit"\? Allowed here: /),
    ]);
    // A key that means none of the allowed ones: the unit is missing, said as well.
    expect(problemsAfter('    value: 1234.5\n    unit: EUR\n', '    value: 1234.5\n    currency: EUR\n')).toEqual([
      expect.stringMatching(/^nordwind\.yaml:17:5: metrics\.revenue_fy25\.unit: a metric with a value needs a unit/),
      expect.stringMatching(/^nordwind\.yaml:19:5: metrics\.revenue_fy25\.currency: unknown key "currency"\. Allowed here: /),
    ]);
  });

  it('in a mapping of several forms is said of the form it is a slip of, not of every form it lacks keys of', () => {
    // A single-value metric with its label misspelt: not also a metric of several values whose "value" to rename.
    expect(problemsAfter('    label: Revenue\n    value: 1234.5\n', '    lable: Revenue\n    value: 1234.5\n')).toEqual([
      expect.stringMatching(/^nordwind\.yaml:17:5: metrics\.revenue_fy25\.lable: unknown key "lable"; did you mean "label"\? Allowed here: /),
    ]);
    // A key that is no slip of the label: the form needing the fewest fixes, its label missing (not "period_type: did you mean period?").
    expect(problemsAfter('    label: Revenue\n    value: 1234.5\n', '    title: Revenue\n    value: 1234.5\n')).toEqual([
      expect.stringMatching(/^nordwind\.yaml:16:3: metrics\.revenue_fy25\.label: missing: add `label: <text>` under metrics\.revenue_fy25 \(required\)$/),
      expect.stringMatching(/^nordwind\.yaml:17:5: metrics\.revenue_fy25\.title: unknown key "title"\. Allowed here: /),
    ]);
    // ...also with a slip inside a value, which zod counts as two issues: the slip is said, and no right key is called unknown.
    const metric = '    label: Revenue\n    value: 1234.5\n    unit: EUR\n    scale: million\n    period: FY2025\n    period_type: fiscal_year\n    period_end: 2025-12-31\n    change: { percent: 8.2 }\n';
    expect(problemsAfter(metric, metric.replace('label:', 'title:').replace('percent:', 'percnt:'))).toEqual([
      expect.stringMatching(/^nordwind\.yaml:16:3: metrics\.revenue_fy25\.label: missing: add `label: <text>` under metrics\.revenue_fy25 \(required\)$/),
      expect.stringMatching(/^nordwind\.yaml:17:5: metrics\.revenue_fy25\.title: unknown key "title"\. Allowed here: /),
      'nordwind.yaml:24:13: metrics.revenue_fy25.change: a change needs percent, points or text; found a mapping with keys percnt',
      expect.stringMatching(/^nordwind\.yaml:24:15: metrics\.revenue_fy25\.change\.percnt: unknown key "percnt"; did you mean "percent"\?/),
    ]);
    // A misspelt period: not also "value: did you mean values?".
    expect(problemsAfter('    period: FY2025\n', '    perod: FY2025\n')).toEqual([
      expect.stringMatching(/^nordwind\.yaml:21:5: metrics\.revenue_fy25\.perod: unknown key "perod"; did you mean "period"\? Allowed here: /),
    ]);
    // A content item: at the key, with the keys an item may have.
    expect(problemsAfter('          - chart: revenue_trend', '          - chrat: revenue_trend')).toEqual([
      'nordwind.yaml:85:13: blocks.revenue_streams.sections[0].content[1].chrat: unknown key "chrat"; did you mean "chart"? Allowed here: paragraph, bullets, table, metric_table, chart.',
    ]);
  });
});

describe('a stated change written bare', () => {
  it('says the mapping it means: percent for a number or %, points for pp, text for words', () => {
    const at = 'nordwind.yaml:24:13: metrics.revenue_fy25.change: expected a mapping (key: value lines), found';
    expect(problemsAfter('change: { percent: 8.2 }', 'change: 8.2')).toEqual([`${at} 8.2: a change is a mapping that says its kind, e.g. change: { percent: 8.2 }, or { points: 8.2 } for a change in percentage points (see docs/canvas.md)`]);
    expect(problemsAfter('change: { percent: 8.2 }', 'change: "+8.2% YoY"')).toEqual([`${at} "+8.2% YoY": a change is a mapping that says its kind, e.g. change: { percent: 8.2 } (see docs/canvas.md)`]);
    expect(problemsAfter('change: { percent: 8.2 }', 'change: \u22121.5 pp')).toEqual([`${at} "\u22121.5 pp": a change is a mapping that says its kind, e.g. change: { points: -1.5 } (see docs/canvas.md)`]);
    expect(problemsAfter('change: { percent: 8.2 }', 'change: double-digit')).toEqual([`${at} "double-digit": a change is a mapping that says its kind, e.g. change: { text: double-digit } for a change in words (see docs/canvas.md)`]);
  });
});

describe('a key written in another tool\'s word', () => {
  it('suggests the key it stands for, not the one it is spelt like', () => {
    expect(problemsAfter('          - metric_table:\n              rows: [capacity_gw, turbines]', '          - graph: revenue_trend')).toEqual([
      'nordwind.yaml:78:13: blocks.key_resources.sections[0].content[0].graph: unknown key "graph"; did you mean "chart"? Allowed here: paragraph, bullets, table, metric_table, chart.',
    ]);
    // Where the key it stands for is not allowed, spelling decides as before.
    expect(problemsAfter('    change: { percent: 8.2 }\n', '    change: { percent: 8.2 }\n    graph: x\n')).toEqual([
      'nordwind.yaml:25:5: metrics.revenue_fy25.graph: unknown key "graph". Allowed here: label, value, text, unit, scale, qualifier, decimals, period, period_type, period_end, as_of, change, equivalent, concept, source, note.', // a metric with one value: not values
    ]);
  });
});

describe('a metric missing a key', () => {
  it('is told "values" when its values are listed under "value"', () => {
    const quarters = readFileSync('test/fixtures/valid/nordwind-quarters.yaml', 'utf8').replace('    values:\n', '    value:\n');
    expect(() => validateCanvas(parseCanvas(quarters, 'q.yaml'))).toThrow(/q\.yaml:11:5: metrics\.revenue\.value: unknown key "value"; did you mean "values"\?/);
  });

  it('is told the key it lacks, not that its single value is "values" misspelt', () => {
    expect(problemsAfter('    period: FY2025\n    period_type: fiscal_year\n    period_end: 2025-12-31\n    change: { percent: 8.2 }', '    period_type: fiscal_year\n    period_end: 2025-12-31\n    change: { percent: 8.2 }')).toEqual([
      'nordwind.yaml:16:3: metrics.revenue_fy25.period: missing: add `period: <text>` under metrics.revenue_fy25 (required)',
    ]);
  });
});

describe('a required key not written', () => {
  it('is said at the line of the key it goes under, with the line to add there', () => {
    // The trial's c041.yaml: at company's own line, not at "name:", the first key inside it, and with the fix.
    expect(problemsAfter('  ticker: NWE\n', '')).toEqual(['nordwind.yaml:4:1: company.ticker: missing: add `ticker: <text>` under company (required)']);
    expect(NORDWIND.split('\n')[3]).toBe('company:');
    // A date says how it is written; a key of the top level says so.
    expect(problemsAfter('  as_of: 2026-02-15\n', '')).toEqual([expect.stringMatching(/^nordwind\.yaml:\d+:1: briefing\.as_of: missing: add `as_of: YYYY-MM-DD` under briefing \(required\)$/)]);
    expect(explainIssues([{ code: 'invalid_type', expected: 'object', path: ['briefing'], message: '' } as never], { data: {} })[0].message).toBe('missing: add `briefing:` holding a mapping (key: value lines) at the top level (required)');
  });

  it('in a list\'s item is said at the item', () => {
    const quarters = readFileSync('test/fixtures/valid/nordwind-quarters.yaml', 'utf8').replace('{ value: 311.2, period: Q2 2025, period_end: 2025-06-30,', '{ value: 311.2, period_end: 2025-06-30,');
    expect(() => validateCanvas(parseCanvas(quarters, 'q.yaml'))).toThrow(/^q\.yaml:13:9: metrics\.revenue\.values\[1\]\.period: missing: add `period: <text>` under metrics\.revenue\.values\[1\] \(required\)$/m);
  });
});

describe('a key of an entry indented too little', () => {
  it('says the key belongs to the entry above when it lines up with the ids of charts or metrics', () => {
    expect(problemsAfter('    caption: Company reports, EUR million.', '  caption: Company reports, EUR million.')).toEqual([
      'nordwind.yaml:66:12: charts.caption: expected a mapping (key: value lines), found "Company reports, EUR million.": "caption" is a key of each chart, not a chart\'s id: if it belongs to "revenue_trend" above it, indent it like that chart\'s keys (4 spaces)',
    ]);
    // A metric's forms are a union: said as such, and the key the entry above now lacks is said too.
    expect(problemsAfter('    period: 31 Dec 2025\ncharts:', '  period: 31 Dec 2025\ncharts:')).toEqual([
      'nordwind.yaml:53:3: metrics.turbines.period: missing: add `period: <text>` under metrics.turbines (required)',
      'nordwind.yaml:57:11: metrics.period: expected one of {label: ..., period: ...}, {label: ..., values: ...}; found "31 Dec 2025": "period" is a key of each metric, not a metric\'s id: if it belongs to "turbines" above it, indent it like that metric\'s keys (4 spaces)',
    ]);
  });

  it('says nothing of indenting for an id that is no key of an entry, or for a key of a mapping with fixed keys', () => {
    expect(problemsAfter('  turbines:\n    label: Turbines in operation\n    value: 812\n    unit: turbines\n    period: 31 Dec 2025\n', '  turbines: 812\n')).toEqual([
      'nordwind.yaml:53:13: metrics.turbines: expected one of {label: ..., period: ...}, {label: ..., values: ...}; found 812',
    ]);
    // briefing: has keys of its own; its period is no entry of a mapping of ids, whatever a metric also takes.
    expect(problemsAfter('briefing:\n  period: FY2025', 'briefing:\n  period: [FY2025]')).toEqual([
      'nordwind.yaml:12:11: briefing.period: expected text, found a list of 1',
    ]);
  });
});
