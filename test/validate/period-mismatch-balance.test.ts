/**
 * period-mismatch of a balance (period_type: as_at) referred to in a sentence that names another day: "Corvell held
 * [[cash]] at June 30, 2025" prints September's balance beside June's day. Named with the dated value the series has for
 * that day; not the balance's own day, nor a day the sentence compares with.
 */
import { describe, it, expect } from 'vitest';
import { checkedUsQuarter } from '../support/us-quarter.ts';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

const METRICS = [
  'cash: { label: Cash and cash equivalents, unit: USD, scale: million, period_type: as_at, source: 10-Q, values: [{ value: 2330, period: "As of Jun 30, 2025", period_end: 2025-06-30 }, { value: 2410, period: "As of Sep 30, 2025", period_end: 2025-09-30 }] }',
  'rpo: { label: Remaining performance obligations, value: 5.84, unit: USD, scale: billion, period: "As of Sep 30, 2025", period_type: as_at, period_end: 2025-09-30, source: 10-Q }',
];
const mismatches = (text: string) => checkedUsQuarter(METRICS, text, '[[rpo]]').findings.filter((f) => f.rule === 'period-mismatch').map((f) => f.message);

describe('period-mismatch of a balance under another day', () => {
  it('reports a balance referred to beside another day, naming the dated value the series has for it', () => {
    for (const [text, day] of [['Corvell held [[cash]] in cash and cash equivalents at June 30, 2025.', 'June 30, 2025'], ['As of 30 June 2025, Corvell held [[cash]] in cash.', '30 June 2025'], ['Cash and cash equivalents were [[cash]] on June 30, 2025.', 'June 30, 2025']]) {
      expect(mismatches(text), text).toEqual([`text [[cash]] shows Cash and cash equivalents for As of Sep 30, 2025, but its sentence speaks of "${day}", and would print the one beside the other: write [[cash@2025-06-30]] if it means the figure for As of Jun 30, 2025, or name the period with [[cash.period]], which follows the figure; if the sentence is right as it is, acknowledge the finding`]);
    }
    // The day written with the figure dates it, though the sentence compares with the same day later, after another
    // figure: each day counts at its own place, not by its key.
    const same = 'Corvell held [[cash]] at June 30, 2025, up from [[cash@2025-06-30]] at June 30, 2025.';
    expect(mismatches(same), same).toEqual([expect.stringContaining('text [[cash]] shows Cash and cash equivalents for As of Sep 30, 2025, but its sentence speaks of "June 30, 2025", and would print the one beside the other: write [[cash@2025-06-30]]')]);
    // A balance whose series has no value for that day: the sentence or the figure to correct.
    expect(mismatches('Remaining performance obligations were [[rpo]] at December 31, 2024.')).toEqual([expect.stringContaining('text [[rpo]] shows Remaining performance obligations for As of Sep 30, 2025, but its sentence speaks of "December 31, 2024", and would print the one beside the other: correct the sentence (or the figure)')]);
    // In German too: "am 30. Juni 2025".
    const german = `company: { name: Rheinwerk AG, ticker: RWA, exchange: X, country: Y, sector: S, industry: I }
briefing: { period: Q3 2025, as_of: 2025-11-05, currency: EUR, language: de }
metrics:
  liquiditaet: { label: Liquide Mittel, unit: EUR, scale: million, period_type: as_at, source: Bericht, values: [{ value: 830, period: "30.06.2025", period_end: 2025-06-30 }, { value: 910, period: "30.09.2025", period_end: 2025-09-30 }] }
blocks:
  revenue_streams:
    lead: "Rheinwerk verfügte am 30. Juni 2025 über liquide Mittel von [[liquiditaet]]."
`;
    expect(validateWithWarnings(parseCanvas(german, 'c.yaml')).findings.filter((f) => f.rule === 'period-mismatch').map((f) => f.message)).toEqual([expect.stringContaining('but its sentence speaks of "30. Juni 2025", and would print the one beside the other: write [[liquiditaet@2025-06-30]]')]);
    // ...but not "am" in a participle phrase before a noun: the acquisition's day.
    const participle = german.replace('Rheinwerk verfügte am 30. Juni 2025 über liquide Mittel von [[liquiditaet]].', 'Nach der am 30. Juni 2025 abgeschlossenen Übernahme verfügte Rheinwerk über [[liquiditaet]].');
    expect(participle).not.toEqual(german);
    expect(validateWithWarnings(parseCanvas(participle, 'c.yaml')).findings.filter((f) => f.rule === 'period-mismatch')).toEqual([]);
  });

  it('leaves alone the balance\'s own day, a day the sentence compares with, and another balance\'s day', () => {
    for (const text of [
      'Corvell held [[cash]] in cash and cash equivalents at September 30, 2025.', 'Corvell held [[cash]] in cash, compared with $2,330 million at June 30, 2025.',
      'Corvell held [[cash]] in cash, up from [[cash@2025-06-30]] at June 30.', 'Corvell held [[cash]] in cash, up from [[cash@2025-06-30]] at June 30, 2025.',
      'Cash was [[cash@2025-06-30]] at June 30, 2025.', 'Corvell held [[cash]] for the quarter ended September 30, 2025.',
      // An event's day, not the balance's: another clause, or no word that dates a balance before it.
      'On June 30, 2025, Corvell closed the acquisition of Voltline; it held [[cash]] in cash at quarter end.',
      'The acquisition of Voltline, completed on June 30, 2025, left Corvell with [[cash]] in cash.',
      'Since the refinancing of June 30, 2025, Corvell has held [[cash]] in cash.',
      // An event's or a covenant's day after the figure, or before it after such a word: not the figure's own.
      'Corvell ended the quarter with [[cash]], following the acquisition of Voltline on June 30, 2025.',
      'Corvell held [[cash]], well above the $500 million minimum liquidity covenant tested at June 30, 2025.',
      'Corvell held [[cash]] against notes maturing on June 30, 2025.',
      'Under the covenant tested at June 30, 2025 Corvell held [[cash]] in cash.',
    ]) {
      expect(mismatches(text), text).toEqual([]);
    }
  });
});
