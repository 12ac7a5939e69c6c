/** forecast-as-actual: a forecast or target printed in a sentence that does not say it looks ahead, which reads as a reported result. */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';

const head = (language = 'en') => `company: { name: Kaisha, ticker: KSH, exchange: TSE, country: Japan, sector: S, industry: I }\nbriefing: { period: Q3 FY2025, as_of: 2026-02-10, currency: JPY, language: ${language} }\n`;
const FORECAST = 'revenue_fc: { label: Revenue, value: 1330.0, unit: JPY, scale: billion, period: FY2025, period_type: forecast, period_end: 2026-03-31, source: Guidance }';
const TARGET = 'margin_target: { label: Operating margin, value: 15, unit: percent, period: FY2027, period_type: target, period_end: 2028-03-31, source: Mid-term plan }';
const SERIES = 'sales: { label: Sales, unit: JPY, scale: billion, source: Guidance, values: [{ value: 980, period: Q3 FY2025, period_end: 2025-12-31 }, { value: 1320, period: FY2025, period_end: 2026-03-31, period_type: forecast }] }';

/** A canvas whose one paragraph is `text`, with the forecast, the target and a series holding a forecast. */
function canvas(text: string, language = 'en', more = '') {
  return `${head(language)}metrics:\n  ${FORECAST}\n  ${TARGET}\n  ${SERIES}\nblocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: ${JSON.stringify(text)}\n${more}`;
}
const found = (text: string, language = 'en', more = '') => validateWithWarnings(parseCanvas(canvas(text, language, more), 'c.yaml'));
const rules = (text: string, language = 'en') => found(text, language).findings.filter((f) => f.rule === 'forecast-as-actual' || f.rule === 'typed-figure').map((f) => `${f.rule} ${(f.metrics ?? []).join(',')}`);

describe('forecast-as-actual', () => {
  it('reports a forecast printed in an English sentence that reads as a reported result, saying what it is and how to say so', () => {
    const checked = found('FY2025 revenue was [[revenue_fc]].');
    const f = checked.findings.filter((x) => x.rule === 'forecast-as-actual');
    expect(f.map((x) => `${x.line}:${x.column} ${x.path}: ${x.message}`)).toEqual([
      '12:44 blocks.revenue_streams.sections[0].content[0].paragraph: text [[revenue_fc]] prints Revenue for FY2025, a forecast (period_type: forecast), but its sentence does not say it looks ahead, and reads as a reported result: a reader takes the forecast for an actual figure. Say in the sentence that it is a forecast ("expects revenue of [[revenue_fc]]", "guidance of [[revenue_fc]]"); if the sentence is right as it is, acknowledge the finding',
    ]);
    // The data notes list it, as a figure the briefing prints otherwise than it is.
    expect(checked.periodDisagreements).toEqual([{ metric: 'revenue_fc', part: 'value', ahead: 'forecast', path: ['blocks', 'revenue_streams', 'sections', 0, 'content', 0, 'paragraph'] }]);
    // A series' forecast value, and a target.
    expect(rules('FY2025 sales were [[sales@2026-03-31]].')).toEqual(['forecast-as-actual sales@2026-03-31']);
    expect(found('The operating margin reached [[margin_target]].').findings.find((x) => x.rule === 'forecast-as-actual')?.message).toContain('a target (period_type: target), but its sentence does not say it looks ahead, and reads as a reported result: a reader takes the target for an actual figure. Say in the sentence that it is a target ("a target of [[margin_target]]"');
  });

  it('says nothing of a sentence that looks ahead, in English', () => {
    for (const text of [
      'For FY2025 the company expects revenue of [[revenue_fc]].',
      'FY2025 revenue guidance is [[revenue_fc]].',
      'Revenue beat guidance of [[revenue_fc]].',
      'The outlook for FY2025 revenue is unchanged at [[revenue_fc]].',
      'We will reach [[revenue_fc]] in FY2025.',
      'The company aims for an operating margin of [[margin_target]] by FY2027.',
      'Its FY2027 target operating margin is [[margin_target]].',
      'FY2025 sales are forecast at [[sales@2026-03-31]].',
      // Words by which a label says it is a forecast, in a sentence too.
      'Consensus revenue for FY2025 is [[revenue_fc]].',
    ]) expect(rules(text), text).toEqual([]);
    // Nor its period alone, nor an actual.
    expect(rules('The forecast is for [[revenue_fc.period]]; Q3 sales were [[sales]].')).toEqual([]);
    expect(rules('Q3 FY2025 sales were [[sales]], and FY2025 revenue was [[revenue_fc.period]].')).toEqual([]);
  });

  it('reads German sentences both ways', () => {
    expect(rules('Der Umsatz im Geschäftsjahr 2025 betrug [[revenue_fc]].', 'de')).toEqual(['forecast-as-actual revenue_fc']);
    expect(found('Der Umsatz im Geschäftsjahr 2025 betrug [[revenue_fc]].', 'de').findings.find((x) => x.rule === 'forecast-as-actual')?.message).toContain('("erwartet einen Umsatz von", "Prognose", "Ziel")');
    for (const text of ['Für das Geschäftsjahr 2025 erwarten wir einen Umsatz von [[revenue_fc]].', 'Die Umsatzprognose für 2025 liegt bei [[revenue_fc]].', 'Das Margenziel für 2027 ist [[margin_target]].']) {
      expect(rules(text, 'de'), text).toEqual([]);
    }
  });

  it('reads Japanese sentences both ways', () => {
    expect(rules('2026年3月期の売上高は[[revenue_fc]]となりました。', 'ja')).toEqual(['forecast-as-actual revenue_fc']);
    for (const text of ['2026年3月期の売上高予想は[[revenue_fc]]です。', '2026年3月期の売上高は[[revenue_fc]]となる見通しです。', '2028年3月期の営業利益率目標は[[margin_target]]です。']) {
      expect(rules(text, 'ja'), text).toEqual([]);
    }
  });

  it('is listed in the briefing\'s data notes, marked detected, unless acknowledged', () => {
    const notes = (more = '') => {
      const { canvas, periodDisagreements } = found('FY2025 revenue was [[revenue_fc]].', 'en', more);
      return buildModel(canvas, { name: 'c', setKey: 'full', misdated: periodDisagreements }).appendix.contradictions.filter((c) => c.detected).map((c) => `${c.title}: ${c.note}`);
    };
    expect(notes()).toEqual([
      'Revenue, FY2025: a forecast printed as a reported result: Found by canvas-briefing: section 1.1 (T) prints Revenue for FY2025 (JP¥1,330.0 billion), a forecast, in a sentence that does not say it looks ahead, and reads as a reported result. The canvas does not explain it; read it as the forecast it is, not as an actual figure.',
    ]);
    expect(notes('data_notes:\n  acknowledged:\n    - { rule: forecast-as-actual, metrics: [revenue_fc], reason: Quoted from the board minutes. }\n')).toEqual([]);
  });

  it('leaves a table alone, which marks a forecast\'s period, and can be acknowledged', () => {
    const table = '          - table: { columns: [Item, Value], rows: [[Revenue, "[[revenue_fc]]"]] }\n';
    expect(found('Sales grew.', 'en', table).findings.filter((x) => x.rule === 'forecast-as-actual')).toEqual([]);
    const ack = 'data_notes:\n  acknowledged:\n    - { rule: forecast-as-actual, metrics: [revenue_fc], reason: The sentence quotes the guidance the board approved. }\n';
    const checked = found('FY2025 revenue was [[revenue_fc]].', 'en', ack);
    expect(checked.findings.filter((x) => x.rule === 'forecast-as-actual').map((x) => x.acknowledged)).toEqual(['The sentence quotes the guidance the board approved.']);
    expect(checked.periodDisagreements).toEqual([]);
  });
});

describe('typed-figure of a forecast\'s value', () => {
  const typed = (text: string, language = 'en') => found(text, language).findings.filter((f) => f.rule === 'typed-figure').map((f) => f.message);

  it('says it is a forecast, where its sentence reads as a reported result', () => {
    expect(typed('FY2025 revenue was ¥1,330.0 billion.')).toEqual([
      '"¥1,330.0 billion" is typed into the text, and is the value of revenue_fc, a forecast (period_type: forecast) for FY2025, but its sentence does not say it looks ahead, and reads as a reported result: a reader takes the forecast for an actual figure. Write [[revenue_fc]] instead, so that the text changes when the metric is updated and is checked with it, and say in the sentence that it is a forecast ("expects revenue of [[revenue_fc]]", "guidance of [[revenue_fc]]")',
    ]);
    expect(typed('Der Umsatz im Geschäftsjahr 2025 betrug 1.330,0 Mrd. JPY.', 'de')[0]).toContain('a forecast (period_type: forecast) for FY2025, but its sentence does not say it looks ahead');
    expect(typed('2026年3月期の売上高は1兆3,300億円となりました。', 'ja')[0]).toContain('a forecast (period_type: forecast) for FY2025, but its sentence does not say it looks ahead, and reads as a reported result');
  });

  it('gives the usual advice where the sentence looks ahead', () => {
    expect(typed('For FY2025 the company expects revenue of ¥1,330.0 billion.')).toEqual([
      '"¥1,330.0 billion" is typed into the text, and is the value of revenue_fc: write [[revenue_fc]] instead, so that the text changes when the metric is updated and is checked with it',
    ]);
    expect(typed('Für 2025 erwarten wir einen Umsatz von 1.330,0 Mrd. JPY.', 'de')[0]).toMatch(/is the value of revenue_fc: write \[\[revenue_fc\]\] instead/);
    expect(typed('2026年3月期の売上高予想は1兆3,300億円です。', 'ja')[0]).toMatch(/is the value of revenue_fc: write \[\[revenue_fc\]\] instead/);
  });
});
