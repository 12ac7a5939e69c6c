/** period-mismatch: a figure in text whose sentence names another quarter, fiscal year or half than the figure's own. */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

const HEAD = 'company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: Q3 2025, as_of: 2025-11-15, currency: EUR }\n';
/** A quarterly revenue series, its values given as [period words, period_end, value]. */
const series = (values: Array<[string, string, number]>) =>
  `  revenue:\n    label: Revenue\n    unit: EUR\n    scale: million\n    source: Reports\n    values:\n${values.map(([p, e, v]) => `      - { value: ${v}, period: ${p}, period_end: ${e} }\n`).join('')}`;
const Q2: [string, string, number] = ['Q2 2025', '2025-06-30', 401.7];
const Q3: [string, string, number] = ['Q3 2025', '2025-09-30', 436.9];

/** A company whose fiscal year ends 31 March and names each quarter by it ("Q3 FY26" is October to December 2025). */
const INDIA = 'company: { name: Acme India, ticker: ACMI, exchange: NSE, country: India, sector: S, industry: I }\nbriefing: { period: Q3 FY26, as_of: 2026-02-15, currency: INR }\n';
/** A quarterly series `id` in INR, its values given as [period words, period_end, value]. */
const inr = (id: string, values: Array<[string, string, number]>) =>
  `  ${id}:\n    label: ${id === 'revenue' ? 'Revenue' : id}\n    unit: INR\n    scale: billion\n    source: Reports\n    values:\n${values.map(([p, e, v]) => `      - { value: ${v}, period: '${p}', period_end: ${e} }\n`).join('')}`;
const FQ1: [string, string, number] = ['Q1 FY26 (Apr-Jun 2025)', '2025-06-30', 1001];
const FQ2: [string, string, number] = ['Q2 FY26 (Jul-Sep 2025)', '2025-09-30', 1102];
const FQ3: [string, string, number] = ['Q3 FY26 (Oct-Dec 2025)', '2025-12-31', 1203];

/** The finding for the Q2 2025 figure printed in a sentence that speaks of Q3 2025, however a language writes the quarter. */
const Q2_UNDER_Q3 = expect.stringMatching(/text \[\[revenue@2025-06-30\]\] shows Revenue for Q2 2025, but its sentence speaks of "(?:Q3 2025|3\. Quartal 2025|T3 2025|3T25|K3 2025)"/);

/** The period-mismatch findings of a canvas with `metrics` and one paragraph: "line:column message". */
function mismatches(metrics: string, paragraph: string, head = HEAD): string[] {
  const text = `${head}metrics:\n${metrics}blocks:\n  revenue_streams:\n    lead: ${JSON.stringify(paragraph)}\n`;
  return validateWithWarnings(parseCanvas(text, 'c.yaml')).findings.filter((f) => f.rule === 'period-mismatch').map((f) => `${f.line}:${f.column} ${f.message}`);
}

describe('period-mismatch', () => {
  it('finds a series rolled forward under a sentence that still names the old quarter, at the reference, naming the dated value it may have meant', () => {
    const found = mismatches(series([Q2, Q3]), 'Demand held up. Revenue was [[revenue]] in Q2 2025, a record.');
    expect(found).toEqual([
      `14:40 text [[revenue]] shows Revenue for Q3 2025, but its sentence speaks of "Q2 2025", and would print the one beside the other: write [[revenue@2025-06-30]] if it means the figure for Q2 2025, or name the period with [[revenue.period]], which follows the figure; if the sentence is right as it is, acknowledge the finding`,
    ]);
  });

  it('names, of two other periods as near the figure, the first the sentence names: the finding is stable, whichever side each stands', () => {
    const Q1: [string, string, number] = ['Q1 2025', '2025-03-31', 380.1];
    for (const [text, named] of [['Revenue, Q1 2025: [[revenue]]; Q2 2025: higher.', 'Q1 2025'], ['Revenue, Q2 2025: [[revenue]]; Q1 2025: higher.', 'Q2 2025']]) {
      expect(mismatches(series([Q1, Q2, Q3]), text!), text).toEqual([
        `15:${text!.indexOf('[[revenue]]') + '    lead: "'.length + 1} text [[revenue]] shows Revenue for Q3 2025, but its sentence speaks of "${named}", and would print the one beside the other: write [[revenue@${named === 'Q1 2025' ? '2025-03-31' : '2025-06-30'}]] if it means the figure for ${named}, or name the period with [[revenue.period]], which follows the figure; if the sentence is right as it is, acknowledge the finding`,
      ]);
    }
  });

  it('reads a quarter named by its months, and as German and Japanese name it: "Jul-Sep 2025", "im 2. Quartal 2025", "2025年4～6月期"', () => {
    for (const text of ['Revenue in Apr-Jun 2025 was [[revenue]].', 'Im 2. Quartal 2025 lag der Umsatz bei [[revenue]].', 'Im zweiten Quartal 2025 lag der Umsatz bei [[revenue]].', '2025年4～6月期の売上高は[[revenue]]でした。']) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([expect.stringMatching(/text \[\[revenue\]\] shows Revenue for Q3 2025, but its sentence speaks of "(?:Apr-Jun 2025|2\. Quartal 2025|zweiten Quartal 2025|2025年4～6月期)"/)]);
    }
    // A German ordinal ends no sentence ("2." before "Quartal"); a year before a capital does.
    expect(mismatches(series([Q2, Q3]), 'Im 3. Quartal 2025 lag der Umsatz bei [[revenue]].')).toEqual([]);
    expect(mismatches(series([Q2, Q3]), 'Demand was weak in Q2 2025. Revenue was [[revenue]].')).toEqual([]);
  });

  it('takes "in line with" for a comparison only with the period just after it, not with guidance before the sentence\'s own period', () => {
    const IT = HEAD.replace('currency: EUR', 'currency: EUR, language: it'), NL = HEAD.replace('currency: EUR', 'currency: EUR, language: nl');
    for (const [text, head] of [
      ['In line with guidance, revenue in Q2 2025 was [[revenue]].', HEAD], ['On par with peers, Q2 2025 revenue was [[revenue]].', HEAD], ['Stable pricing on all lines: revenue in Q2 2025 was [[revenue]].', HEAD],
      ['In linea con le attese, nel T2 2025 i ricavi sono stati pari a [[revenue]].', IT],
      ['In lijn met de verwachtingen bedroeg de omzet in K2 2025 [[revenue]].', NL], ['Op vergelijkbare basis bedroeg de omzet in K2 2025 [[revenue]].', NL],
    ]) {
      expect(mismatches(series([Q2, Q3]), text!, head), text).toEqual([expect.stringMatching(/shows Revenue for Q3 2025, but its sentence speaks of "(?:Q2 2025|T2 2025|K2 2025)"/)]);
    }
    for (const [text, head] of [['Revenue was [[revenue]], in line with the Q2 2025 figure.', HEAD], ['I ricavi sono stati pari a [[revenue]], in linea con il T2 2025.', IT], ['De omzet bedroeg [[revenue]], vergelijkbaar met K2 2025.', NL]]) {
      expect(mismatches(series([Q2, Q3]), text!, head), text).toEqual([]);
    }
  });

  it('takes a word of comparison for one only with the period it governs, not with one after another clause, subject or base of its own', () => {
    // The sentence's own period, after words of comparison that end where a clause break, "and", or a base that is no
    // figure or period ("consensus", "peers", "cloud") comes: each hid the quarter's figure left from Q2 2025.
    for (const text of [
      'Margin was above 20%, in Q3 2025 revenue reached [[revenue@2025-06-30]].', 'Orders were above average and in Q3 2025 revenue reached [[revenue@2025-06-30]].',
      'Costs fell compared with last year, and in Q3 2025 revenue was [[revenue@2025-06-30]].', 'Revenue was ahead of consensus in Q3 2025 at [[revenue@2025-06-30]].',
      'Compared with peers, revenue in Q3 2025 was [[revenue@2025-06-30]].', 'Revenue grew faster than the market in Q3 2025, reaching [[revenue@2025-06-30]].',
      'Revenue from cloud in Q3 2025 was [[revenue@2025-06-30]].', 'Debt-free since 2019, in Q3 2025 revenue reached [[revenue@2025-06-30]].',
      'Revenue grew 8% on strong demand, and in Q3 2025 it was [[revenue@2025-06-30]].', 'Costs fell versus the prior year while Q3 2025 revenue was [[revenue@2025-06-30]].',
      'Der Umsatz stieg gegenüber dem Vorjahr, im 3. Quartal 2025 lag er bei [[revenue@2025-06-30]].', 'Nach dem Umbau lag der Umsatz im 3. Quartal 2025 bei [[revenue@2025-06-30]].',
      'Après un début difficile, au T3 2025 le chiffre d\'affaires s\'élève à [[revenue@2025-06-30]].', 'Par rapport au marché, au T3 2025 le chiffre d\'affaires s\'élève à [[revenue@2025-06-30]].',
      'Frente a la competencia, en el 3T25 los ingresos fueron [[revenue@2025-06-30]].', 'Em relação aos pares, no 3T25 a receita foi de [[revenue@2025-06-30]].',
      'Rispetto alle attese, nel T3 2025 i ricavi sono stati pari a [[revenue@2025-06-30]].', 'Dopo un avvio debole, nel T3 2025 i ricavi sono stati pari a [[revenue@2025-06-30]].',
      'Ten opzichte van vorig jaar groeide de marge, en in K3 2025 bedroeg de omzet [[revenue@2025-06-30]].', 'Vergeleken met de markt groeide de omzet in K3 2025 tot [[revenue@2025-06-30]].',
      'Against a tough backdrop Q3 2025 revenue was [[revenue@2025-06-30]].',
      'Die Kosten waren niedriger als geplant, der Umsatz lag im 3. Quartal 2025 bei [[revenue@2025-06-30]].',
      'Les coûts sont plus bas que prévu, et au T3 2025 le chiffre d\'affaires s\'élève à [[revenue@2025-06-30]].',
    ]) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([Q2_UNDER_Q3]);
    }
    // A period a word of comparison governs, after an article, a like period's words, an adjective, a figure and how it
    // was reported, a preposition, or another base it is compared with, is still the comparison's.
    for (const text of [
      'Revenue was [[revenue]], 9% higher than in Q2 2025.', 'Revenue was [[revenue]], up from EUR 401.7 million reported in Q2 2025.', 'Revenue was [[revenue]], down from a record EUR 450m in Q2 2025.',
      'Revenue was [[revenue]], up 9% from the seasonally weak Q2 2025.', 'Revenue was [[revenue]], compared with the same quarter of 2024 (Q3 2024).', 'Revenue was [[revenue]], up 8% on the prior-year quarter, Q3 2024.',
      'Revenue was [[revenue]], versus both Q2 2025 and Q3 2024.', 'Revenue was [[revenue]], up from EUR 401.7 million a quarter earlier (Q2 2025).', 'Revenue has grown since the start of Q2 2025 to [[revenue]].',
      'Revenue was [[revenue]], up from approx. EUR 400m in Q2 2025.',
      'Der Umsatz lag bei [[revenue]], gegenüber dem schwachen 2. Quartal 2025.', 'Der Umsatz lag bei [[revenue]], verglichen mit 401,7 Mio. € im Vorquartal (2. Quartal 2025).',
      'Le chiffre d\'affaires s\'élève à [[revenue]], en hausse par rapport à la même période de 2024 et au T2 2025.', 'Le chiffre d\'affaires s\'élève à [[revenue]], contre 401,7 M€ lors du T2 2025.',
      'Los ingresos fueron [[revenue]], frente a 401,7 millones de euros en el 2T25.', 'A receita foi de [[revenue]], ante R$ 401,7 milhões registrados no 2T25.',
      'I ricavi sono stati pari a [[revenue]], rispetto ai 401,7 milioni di euro del T2 2025.', 'I ricavi sono stati pari a [[revenue]], rispetto al debole T2 2025.',
      'De omzet bedroeg [[revenue]], ten opzichte van € 401,7 miljoen in het tweede kwartaal van 2025.', 'De omzet bedroeg [[revenue]], ten opzichte van het zwakke K2 2025.', 'Revenue was [[revenue]], compared with a very strong Q2 2025.',
      // German and French "than", after a comparative: "höher als im", "plus élevé qu'au".
      'Der Umsatz lag bei [[revenue]], höher als im 2. Quartal 2025.', 'Der Umsatz lag bei [[revenue]], deutlich besser als das 2. Quartal 2025.',
      'Le chiffre d\'affaires s\'élève à [[revenue]], plus élevé qu\'au T2 2025.', 'Le chiffre d\'affaires s\'élève à [[revenue]], moins fort que le T2 2025.',
    ]) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([]);
    }
    // "In comparison with", in each language that writes it so, is a word of comparison too.
    for (const text of [
      'Revenue was [[revenue]], in comparison with Q2 2025.', 'A receita foi de [[revenue]], em comparação com o 2T25.', 'Los ingresos fueron [[revenue]], en comparación con el 2T25.',
      'Le chiffre d\'affaires s\'élève à [[revenue]], en comparaison avec le T2 2025.',
    ]) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([]);
    }
  });

  it('takes "above", "below", "more than" or "over" before a bare figure for where the sentence\'s own period stood, and before a period, or its level, for a comparison with it, in each language', () => {
    // "above 20% in Q3 2025" says where the quarter stood: Q3 2025 is the sentence's own period, and the figure left from
    // Q2 2025 is found (each was silent, "above" read as comparing with Q3 2025); so in each language that reads such words.
    for (const text of [
      'Margin was above 20% in Q3 2025 and revenue reached [[revenue@2025-06-30]].', 'Churn stayed below 2% during Q3 2025, and revenue reached [[revenue@2025-06-30]].',
      'Margin was more than 20% in Q3 2025 and revenue reached [[revenue@2025-06-30]].', 'Revenue grew by less than 5% in Q3 2025 to [[revenue@2025-06-30]].',
      'Revenue rose over 20% in Q3 2025 to [[revenue@2025-06-30]].', 'Revenue was up over 20% in Q3 2025 at [[revenue@2025-06-30]].',
      'Revenue was above EUR 400 million in Q3 2025 at [[revenue@2025-06-30]].', 'Revenue of [[revenue@2025-06-30]] was above EUR 400 million in Q3 2025.',
      'Die Marge lag über 20 % im 3. Quartal 2025 und der Umsatz erreichte [[revenue@2025-06-30]].', 'Die Marge blieb unter 20 % im 3. Quartal 2025, der Umsatz lag bei [[revenue@2025-06-30]].',
      'La marge est restée au-dessus de 20 % au T3 2025 et le chiffre d\'affaires a atteint [[revenue@2025-06-30]].', 'La marge est supérieure à 20 % au T3 2025 et le chiffre d\'affaires atteint [[revenue@2025-06-30]].',
      'El margen se mantuvo por encima del 20 % en el 3T25 y los ingresos alcanzaron [[revenue@2025-06-30]].', 'A margem ficou acima de 20% no 3T25 e a receita atingiu [[revenue@2025-06-30]].',
      'Il margine è rimasto sopra il 20% nel T3 2025 e i ricavi hanno raggiunto [[revenue@2025-06-30]].', 'Il margine è superiore al 20% nel T3 2025 e i ricavi sono pari a [[revenue@2025-06-30]].',
      'De marge bleef boven 20% in K3 2025 en de omzet bereikte [[revenue@2025-06-30]].', 'Der Bericht über das 3. Quartal 2025 nennt einen Umsatz von [[revenue@2025-06-30]].',
      // A word of position just after the figure, before a later period than the figure's: no comparison with that period (a
      // figure is set apart from an earlier period's), but what the figure came to in it, the sentence's own.
      'Revenue was [[revenue@2025-06-30]], more than EUR 300 million in Q3 2025.', '[[revenue@2025-06-30]], more than EUR 300 million in Q3 2025, was a record.',
      'Revenue was [[revenue@2025-06-30]], well above EUR 400 million in Q3 2025.', 'Der Umsatz lag mit [[revenue@2025-06-30]] über 400 Mio. € im 3. Quartal 2025.',
    ]) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([Q2_UNDER_Q3]);
    }
    // A past figure with its period ("from/than/versus 18% in Q2 2025"), a figure put beside the one compared ("[[revenue]],
    // above", "9% above"), a definite or reported one ("above the EUR 401.7 million of"), and a period or its level after
    // such a word ("above Q2 2025", "über dem Wert des 2. Quartals 2025", "au-dessus du niveau du T2 2025") are compared with.
    for (const text of [
      'Revenue in Q3 was [[revenue@2025-09-30]], up from 18% in Q2 2025.', 'Revenue was [[revenue]], higher than EUR 401.7 million in Q2 2025.',
      'Revenue was [[revenue]], versus more than EUR 400 million in Q2 2025.', 'Revenue was [[revenue]], above EUR 401.7 million in Q2 2025.',
      'Revenue was [[revenue]], well above EUR 401.7 million in Q2 2025.', 'Revenue grew 9%, more than 6% in Q2 2025, to [[revenue]].',
      'Revenue was [[revenue]], up 8% over EUR 401.7 million in Q2 2025.', 'Revenue was [[revenue]], above EUR 401.7 million reported in Q2 2025.',
      'Revenue was [[revenue]], above the EUR 401.7 million of Q2 2025.', 'Revenue was [[revenue]], more than in Q2 2025.',
      'Revenue was [[revenue]], above Q2 2025.', 'Revenue was [[revenue]], above the level of Q2 2025.', 'Revenue was [[revenue]], above the figure for Q2 2025.',
      'Revenue was [[revenue]], compared with the value of Q2 2025.',
      'Der Umsatz lag mit [[revenue]] über dem Wert des 2. Quartals 2025.', 'Der Umsatz lag mit [[revenue]] über dem des 2. Quartals 2025.',
      'Der Umsatz lag mit [[revenue]] über dem Niveau des 2. Quartals 2025.', 'Der Umsatz lag mit [[revenue]] über dem 2. Quartal 2025.',
      'Der Umsatz lag mit [[revenue]] unter dem Wert des 2. Quartals 2025.', 'Der Umsatz lag mit [[revenue]] oberhalb des Niveaus des 2. Quartals 2025.',
      'Der Umsatz lag mit [[revenue]] über dem Vorjahreswert von Q3 2024.', 'Der Umsatz lag mit [[revenue]] über 401,7 Mio. € im 2. Quartal 2025.',
      'Der Umsatz lag bei [[revenue]], gegenüber dem Wert des 2. Quartals 2025.',
      'Le chiffre d\'affaires s\'élève à [[revenue]], au-dessus du niveau du T2 2025.', 'Le chiffre d\'affaires s\'élève à [[revenue]], au-dessus du T2 2025.',
      'Le chiffre d\'affaires s\'élève à [[revenue]], par rapport au niveau du T2 2025.',
      'Los ingresos fueron [[revenue]], por encima del nivel del 2T25.', 'Los ingresos fueron [[revenue]], frente al nivel del 2T25.',
      'A receita foi de [[revenue]], acima do nível do 2T25.', 'A receita foi de [[revenue]], em relação ao nível do 2T25.',
      'I ricavi sono stati pari a [[revenue]], sopra il livello del T2 2025.', 'I ricavi sono stati pari a [[revenue]], rispetto al dato del T2 2025.',
      'De omzet bedroeg [[revenue]], boven het niveau van K2 2025.', 'De omzet bedroeg [[revenue]], ten opzichte van het niveau van K2 2025.',
    ]) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([]);
    }
  });

  it('takes a later period after a word of position for what only the figure just before it came to, not an earlier figure of the sentence', () => {
    const costs = series([Q2, Q3]).replace('  revenue:\n    label: Revenue', '  cost:\n    label: Costs');
    const text = 'Revenue was [[revenue@2025-06-30]] and costs [[cost@2025-06-30]], more than EUR 300 million in Q3 2025.';
    expect(mismatches(`${series([Q2, Q3])}${costs}`, text)).toEqual([
      expect.stringMatching(new RegExp(`^22:${text.indexOf('[[cost@') + '    lead: "'.length + 1} text \\[\\[cost@2025-06-30\\]\\] shows Costs for Q2 2025, but its sentence speaks of "Q3 2025"`)),
    ]);
  });

  it('reads quarters as French, Portuguese and Spanish results name them: "T2 2025", "2T25", "2e trimestre 2025", "segundo trimestre de 2025"', () => {
    const words = ['T2 2025', 'T2-2025', '2T25', '2T2025', '2e trimestre 2025', '2ème trimestre 2025', 'deuxième trimestre 2025', '2º trimestre de 2025', 'segundo trimestre de 2025'];
    for (const w of words) {
      const text = `Au ${w}, le chiffre d'affaires s'élève à [[revenue]].`;
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([expect.stringContaining(`but its sentence speaks of "${w}"`)]);
      // The figure's own quarter so named is no other.
      expect(mismatches(series([Q2, Q3]), text.replace(w, w.replace(/2(?=\D|$)/, '3').replace('deuxième', 'troisième').replace('segundo', 'terceiro'))), text).toEqual([]);
    }
    // Compared with, in those languages as in German: "contre", "par rapport au", "ante", "em relação ao", "gegenüber dem".
    for (const text of ['Le chiffre d\'affaires s\'élève à [[revenue]], contre 401,7 M€ au T2 2025.', 'Le chiffre d\'affaires progresse de 9 % par rapport au T2 2025, à [[revenue]].', 'A receita foi de [[revenue]], ante o 2T25.', 'A receita cresceu 9% em relação ao 2T25, para [[revenue]].', 'Der Umsatz lag bei [[revenue]], gegenüber dem 2. Quartal 2025.', 'Der Umsatz lag bei [[revenue]] nach 401,7 Mio. € im 2. Quartal 2025.', 'A receita foi de [[revenue]], após R$ 401,7 milhões no 2T25.']) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([]);
    }
    // Not a T that is no quarter's, nor a quarter run into other letters or digits.
    for (const text of ['Revenue was [[revenue]] on T2 2025 terms.'.replace('T2 2025', 't2 2025'), 'Revenue was [[revenue]]; the 2T250 model sold well.', 'Revenue was [[revenue]] at XT2 2025.']) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([]);
    }
  });

  it('reads no quarter in a French ordinal without "trimestre" ("contre 2 310 M€ au deuxième"): the noun left out is not guessed, a quarter written in full is read', () => {
    const FR = HEAD.replace('currency: EUR', 'currency: EUR, language: fr');
    // The elliptical ordinal names no quarter: not the second quarter, nor the year before it, nor the figure's own.
    for (const text of [
      'Le chiffre d\'affaires du troisième trimestre 2025 s\'élève à [[revenue]], contre 2 310 M€ au deuxième.',
      'Au troisième trimestre, le chiffre d\'affaires s\'élève à [[revenue]], contre 2 310 M€ au deuxième.',
      'Le chiffre d\'affaires s\'élève à [[revenue]], au deuxième rang du secteur.', 'Le chiffre d\'affaires s\'élève à [[revenue]] au deuxième.',
    ]) {
      expect(mismatches(series([Q2, Q3]), text, FR), text).toEqual([]);
    }
    // The same sentences with the quarter written in full, or left from last quarter, are read as before.
    expect(mismatches(series([Q2, Q3]), 'Le chiffre d\'affaires du deuxième trimestre 2025 s\'élève à [[revenue]], contre 2 200 M€ au premier.', FR)).toEqual([expect.stringContaining('but its sentence speaks of "deuxième trimestre 2025"')]);
    expect(mismatches(series([Q2, Q3]), 'Le chiffre d\'affaires s\'élève à [[revenue]] au deuxième trimestre.', FR)).toEqual([expect.stringContaining('but its sentence speaks of "deuxième trimestre"')]);
  });

  it('reads quarters as Italian and Dutch results name them: "2° trimestre 2025", "secondo trimestre 2025", "K2 2025", "tweede kwartaal van 2025"', () => {
    const words: Array<[string, string, string]> = [
      ['T2 2025', 'T3 2025', 'Nel {} i ricavi sono stati pari a [[revenue]].'], ['2° trimestre 2025', '3° trimestre 2025', 'Nel {} i ricavi sono stati pari a [[revenue]].'],
      ['secondo trimestre 2025', 'terzo trimestre 2025', 'Nel {} i ricavi sono stati pari a [[revenue]].'], ['primo trimestre del 2025', 'terzo trimestre del 2025', 'Nel {} i ricavi sono stati pari a [[revenue]].'],
      ['K2 2025', 'K3 2025', 'In {} bedroeg de omzet [[revenue]].'], ['Q2 2025', 'Q3 2025', 'In {} bedroeg de omzet [[revenue]].'],
      ['tweede kwartaal van 2025', 'derde kwartaal van 2025', 'In het {} bedroeg de omzet [[revenue]].'], ['2e kwartaal 2025', '3e kwartaal 2025', 'In het {} bedroeg de omzet [[revenue]].'],
    ];
    for (const [other, own, sentence] of words) {
      expect(mismatches(series([Q2, Q3]), sentence.replace('{}', other)), other).toEqual([expect.stringContaining(`but its sentence speaks of "${other}"`)]);
      expect(mismatches(series([Q2, Q3]), sentence.replace('{}', own)), own).toEqual([]);
    }
    // Compared with: "rispetto al", "contro", "dopo", "a fronte di", "ten opzichte van", "t.o.v.", "vergeleken met", "na" before a figure.
    for (const text of [
      'I ricavi sono stati pari a [[revenue]], rispetto al 2° trimestre 2025.', 'I ricavi sono stati pari a [[revenue]], contro 401,7 milioni di euro nel T2 2025.',
      'I ricavi sono cresciuti a [[revenue]] dopo 401,7 milioni di euro nel T2 2025.', 'I ricavi sono stati pari a [[revenue]], a fronte di 401,7 milioni di euro nel T2 2025.',
      'De omzet bedroeg [[revenue]], ten opzichte van het tweede kwartaal van 2025.', 'De omzet bedroeg [[revenue]], t.o.v. € 401,7 miljoen in K2 2025.',
      'De omzet steeg 9% vergeleken met Q2 2025, tot [[revenue]].', 'De omzet bedroeg [[revenue]], na € 401,7 miljoen in Q2 2025.',
    ]) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([]);
    }
    // Not a K that is no quarter's ("k2 2025", "K2 20255"), nor "secondo" that is no ordinal.
    for (const text of ['De omzet bedroeg [[revenue]] (k2 2025).', 'De omzet bedroeg [[revenue]]; K2 20255.', 'Secondo il trimestre 2025 i ricavi sono stati [[revenue]].']) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([]);
    }
  });

  it('ends a sentence before one that starts with a name in camel case (iPhone, eBay): the period of the sentence before is not its own', () => {
    const iphone = series([Q2, Q3]).replace('Revenue', 'iPhone revenue');
    expect(mismatches(iphone, 'Mac sales fell in Q2 2025. iPhone revenue reached [[revenue]], a record.')).toEqual([]);
    expect(mismatches(iphone, 'Demand held up. iPhone revenue was [[revenue]] in Q2 2025.')).toHaveLength(1);
  });

  it('reads Japanese and Chinese sentences: 。 ends one, and 比, から or 较 compare with the period they go with', () => {
    // The earlier quarter in the sentence before, ended by 。; and compared with, by a particle after it or a word before it.
    for (const text of ['前四半期（Q2 2025）は減益だった。当四半期の売上高は[[revenue]]に回復した。', '売上高は[[revenue]]となり、Q2 2025比で9%増加した。', '売上高は[[revenue]]で、Q2 2025から増加した。', '收入为[[revenue]]，较Q2 2025增长9%。']) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([]);
    }
    // In the same sentence, not compared with: last quarter's words left beside the new figure.
    expect(mismatches(series([Q2, Q3]), '前四半期は減益だった。Q2 2025の売上高は[[revenue]]に回復した。')).toHaveLength(1);
    // 与 ("and") compares nothing, nor does 同比 in a clause before the comma; 与…相比 is read at 相比.
    expect(mismatches(series([Q2, Q3]), '云智能集团与国际数字商业集团在Q2 2025的收入为[[revenue]]。')).toHaveLength(1);
    expect(mismatches(series([Q2, Q3]), '利润同比增长12%，Q2 2025的收入为[[revenue]]。')).toHaveLength(1);
    expect(mismatches(series([Q2, Q3]), '收入为[[revenue]]，与Q2 2025相比增长9%。')).toEqual([]);
  });

  it('reads Chinese quarters and halves: "2025年第二季度", "2025年第2季度", "2025年二季度", "2025年Q2", "2026财年第二季度"', () => {
    for (const text of ['2025年第二季度营收为[[revenue]]。', '2025年第2季度營收為[[revenue]]。', '2025年二季度营收为[[revenue]]。', '2025年Q2营收为[[revenue]]。']) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([expect.stringMatching(/^\d+:\d+ text \[\[revenue\]\] shows Revenue for Q3 2025, but its sentence speaks of "2025年(第二季度|第2季度|二季度|Q2)".*write \[\[revenue@2025-06-30\]\]/)]);
    }
    // The figure's own quarter, a quarter compared with (较, 相比), and a quarter another figure in the sentence is for: no finding.
    for (const text of ['2025年第三季度营收为[[revenue]]。', '营收为[[revenue]]，较2025年第二季度增长9%。', '营收为[[revenue]]，与2025年第二季度相比增长9%。', '2025年第三季度营收为[[revenue]]，2025年第二季度为[[revenue@2025-06-30]]。']) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([]);
    }
    // A half, as "H1 2025" is read; and a fiscal year's quarter, compared with a figure whose words name one.
    expect(mismatches(series([['H1 2025', '2025-06-30', 800], ['H2 2025', '2025-12-31', 900]]), '2025年上半年营收为[[revenue]]。', HEAD.replace('2025-11-15', '2026-01-31'))).toEqual([expect.stringMatching(/speaks of "2025年上半年"/)]);
    expect(mismatches(inr('rev', [FQ2, FQ3]), '2026财年第二季度收入为[[rev]]。', INDIA)).toEqual([expect.stringMatching(/speaks of "2026财年第二季度".*write \[\[rev@2025-09-30\]\]/)]);
    // "Since" a quarter, and the start of a range, are not the figure's period.
    for (const text of ['营收为[[revenue]]，为2024年第四季度以来最高。', '自2024年第四季度以来营收持续增长，本季度为[[revenue]]。', '2025年第一季度至第三季度，营收逐季增长，第三季度营收为[[revenue]]。', '売上高は[[revenue]]で、2024年第四季度以降で最高だった。']) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([]);
    }
    // Read as a shorter word than it is ("Q2 FY26" for "2026财年Q2"): the places after it stay, and the reference is found where it is.
    expect(mismatches(inr('rev', [FQ2, FQ3]), '2026财年Q2收入为[[rev]]。', INDIA)).toEqual([expect.stringMatching(/^14:23 text \[\[rev\]\] shows rev for Q3 FY26 \(Oct-Dec 2025\), but its sentence speaks of "2026财年Q2"/)]);
  });

  it('reads Korean quarters, halves and years: "2025년 2분기", "2025년 2/4분기", "2분기 2025", "2025년 상반기", "2025 회계연도 2분기"', () => {
    const KO = HEAD.replace('currency: EUR }', 'currency: EUR, language: ko }');
    for (const text of ['2025년 2분기 매출은 [[revenue]]이었다.', '2025년 2/4분기 매출은 [[revenue]]이었다.', '2025년 제2분기 매출은 [[revenue]]이었다.', '2분기 2025 매출은 [[revenue]]이었다.', "'25년 2분기 매출은 [[revenue]]이었다.", '２０２５년 ２분기 매출은 [[revenue]]이었다.', '2025년 4~6월 매출은 [[revenue]]이었다.']) {
      const found = mismatches(series([Q2, Q3]), text, KO);
      expect(found, text).toEqual([expect.stringMatching(/^\d+:\d+ text \[\[revenue\]\] shows Revenue for Q3 2025, but its sentence speaks of ".+".*write \[\[revenue@2025-06-30\]\]/)]);
      // Quoted as written, the whole word.
      expect(found[0], text).toContain(`speaks of "${text.split(' 매출')[0]}"`);
    }
    // The figure's own quarter; a quarter compared with (대비, 에 비해, 보다, 와 비교), since (이후, 부터) or a range's start; another
    // figure's; the quarters so far (누적: nine months); an amount after a quarter ("3분기 2025억원"); and a plain year.
    for (const text of [
      '2025년 3분기 매출은 [[revenue]]이었다.', '2025년 3/4분기 매출은 [[revenue]]이었다.', '3분기 2025 매출은 [[revenue]]이었다.', '매출은 [[revenue]]로 2025년 2분기 대비 9% 증가했다.',
      '매출은 [[revenue]]로 2025년 2분기에 비해 9% 증가했다.', '매출은 [[revenue]]로 2025년 2분기보다 9% 늘었다.', '매출은 [[revenue]]로 2025년 2분기와 비교해 늘었다.',
      '매출은 [[revenue]]로 2024년 4분기 이후 최고였다.', '2025년 1분기부터 매출이 늘어 3분기에는 [[revenue]]이었다.', '2025년 1분기~3분기 매출이 늘었고 3분기 매출은 [[revenue]]이었다.',
      '2025년 3분기 매출은 [[revenue]], 2025년 2분기는 [[revenue@2025-06-30]]이었다.', '2025년 2분기 누적 매출은 800, 2025년 3분기 매출은 [[revenue]]이었다.',
      '2025년 3분기 누적 매출 증가에도 매출은 [[revenue]]이었다.', '2분기 2025억원에서 매출은 [[revenue]]로 늘었다.', '2025년 매출은 [[revenue]]이었다.',
    ]) {
      expect(mismatches(series([Q2, Q3]), text, KO), text).toEqual([]);
    }
    // A half, as "H1 2025" is read; a fiscal year's quarter, compared with a figure whose words name one; a fiscal year.
    const halves = series([['H1 2025', '2025-06-30', 800], ['H2 2025', '2025-12-31', 900]]);
    const later = KO.replace('2025-11-15', '2026-01-31');
    expect(mismatches(halves, '2025년 상반기 매출은 [[revenue]]이었다.', later)).toEqual([expect.stringMatching(/speaks of "2025년 상반기"/)]);
    expect(mismatches(halves, '2025년 하반기 매출은 [[revenue]]이었다.', later)).toEqual([]);
    expect(mismatches(inr('rev', [FQ2, FQ3]), '2026 회계연도 2분기 매출은 [[rev]]이었다.', INDIA)).toEqual([expect.stringMatching(/speaks of "2026 회계연도 2분기".*write \[\[rev@2025-09-30\]\]/)]);
    expect(mismatches(inr('rev', [FQ2, FQ3]), '2026 회계연도 3분기 매출은 [[rev]]이었다.', INDIA)).toEqual([]);
    const years = inr('rev', [['FY2024', '2024-03-31', 4000], ['FY2025', '2025-03-31', 4400]]).replace(/scale: billion/, 'scale: billion\n    period_type: fiscal_year');
    for (const text of ['2024 회계연도 매출은 [[rev]]이었다.', '회계연도 2024 매출은 [[rev]]이었다.', '2024년 연간 매출은 [[rev]]이었다.']) expect(mismatches(years, text, INDIA), text).toEqual([expect.stringMatching(/speaks of "(?:2024 회계연도|회계연도 2024|2024년 연간)"/)]);
    expect(mismatches(years, '2025 회계연도 매출은 [[rev]]이었다.', INDIA)).toEqual([]);
  });

  it('reads "FY2011/12" as the two years it spans, FY2012, not as the year ending in month 12 of 2011', () => {
    expect(mismatches(inr('rev', [['FY2011-12', '2012-03-31', 900], ['FY2012-13', '2013-03-31', 1000]]), 'In FY2011/12 revenue was [[rev]].', INDIA)[0]).toMatch(/speaks of "FY2011\/12".*write \[\[rev@2012-03-31\]\]/);
  });

  it('reads a fiscal year named by the month it ends, as Toyota and brokers write it: "2Q FY3/26", "FY2026/3 Q2", "2026年3月期 第2四半期"', () => {
    const toyota = inr('op', [['2Q FY3/26', '2025-09-30', 1100], ['3Q FY3/26', '2025-12-31', 1200]]);
    for (const text of ['Operating income in 2Q FY3/26 was [[op]].', 'FY2026/3 Q2 operating income: [[op]].', '2026年3月期 第2四半期の営業利益は[[op]]となった。']) {
      expect(mismatches(toyota, text, INDIA), text).toEqual([expect.stringMatching(/shows op for 3Q FY3\/26, but its sentence speaks of "(2Q FY3\/26|FY2026\/3 Q2|2026年3月期 第2四半期)".*write \[\[op@2025-09-30\]\]/)]);
    }
    for (const text of ['Operating income in 3Q FY3/26 was [[op]].', '2026年3月期 第3四半期の営業利益は[[op]]。', 'Operating income was [[op]], up from 2Q FY3/26.']) {
      expect(mismatches(toyota, text, INDIA), text).toEqual([]);
    }
    // Full-width digits, and no space before FY, as typed in Japan; the quarters so far to the 2nd are a half, not Q2.
    expect(mismatches(toyota, '２０２６年３月期 第２四半期の営業利益は[[op]]。', INDIA)).toHaveLength(1);
    expect(mismatches(toyota, 'Operating income in 2QFY3/26 was [[op]].', INDIA)).toHaveLength(1);
    expect(mismatches(toyota, '2026年3月期 第2四半期累計の営業利益は2,300億円、当第3四半期は[[op]]。', INDIA)).toEqual([]);
    // A plain "FY2025 Q2" may be numbered by the year's start (SoftBank, Sony): never compared with "2026年3月期 第2四半期".
    const softbank = inr('op', [['2026年3月期 第1四半期', '2025-06-30', 1100], ['2026年3月期 第2四半期', '2025-09-30', 1200]]);
    expect(mismatches(softbank, 'In FY2025 Q2 (July-September 2025), operating income was [[op]].', INDIA)).toEqual([]);
    const head = INDIA.replace('period: Q3 FY26', 'period: "FY2025 Q2"').replace('as_of: 2026-02-15', 'as_of: 2025-11-20');
    const text = `${head}metrics:\n${softbank}blocks:\n  revenue_streams:\n    lead: "[[op]]"\n`;
    expect(validateWithWarnings(parseCanvas(text, 'c.yaml')).findings.map((f) => f.rule)).toEqual([]);
    // Its quarters are the calendar's quarters their words date, whatever the figures call them: beside Sony's "Q2
    // FY2025" (July to September 2025), "2025年3月期第2四半期" is a year earlier, "2026年3月期第2四半期" the same quarter.
    const sony = inr('op', [['Q1 FY2025', '2025-06-30', 1100], ['Q2 FY2025', '2025-09-30', 1200]]);
    expect(mismatches(sony, '2025年3月期第2四半期の営業利益は[[op]]となった。', INDIA)).toEqual([expect.stringMatching(/shows op for Q2 FY2025, but its sentence speaks of "2025年3月期第2四半期"/)]);
    expect(mismatches(sony, '2026年3月期第2四半期の営業利益は[[op]]となった。', INDIA)).toEqual([]);
  });

  it('reads a later quarter in a Japanese, Chinese or Korean sentence with a word of a plan as an outlook\'s, as English "expects": "第3四半期も増収を見込んでいます"', () => {
    const toyota = inr('op', [['2026年3月期 第1四半期', '2025-06-30', 1100], ['2026年3月期 第2四半期', '2025-09-30', 1200]]);
    for (const text of ['当第2四半期の営業利益は[[op]]となり、2026年3月期 第3四半期も増益を見込んでいます。', '営業利益は[[op]]となり、2026年3月期 第3四半期の見通しは据え置きました。', '営業利益は[[op]]となり、2026年3月期 第4四半期には増益を計画しています。']) {
      expect(mismatches(toyota, text, INDIA), text).toEqual([]);
    }
    // A later quarter measured against its plan ("予想を上回り"), a later quarter with no plan, and an earlier one beside a plan: reported.
    for (const text of ['2026年3月期 第3四半期の営業利益は[[op]]となり、予想を上回りました。', '2026年3月期 第3四半期の営業利益は[[op]]となりました。', '2026年3月期 第1四半期の営業利益は[[op]]となり、第3四半期も増益を見込んでいます。']) {
      expect(mismatches(toyota, text, INDIA), text).toHaveLength(1);
    }
  });

  it('reads the particle after a Japanese quarter word where the word ends: "第1四半期比で", "第1四半期から", "（…第1四半期：…）" compare with it', () => {
    const toyota = inr('op', [['2026年3月期 第1四半期', '2025-06-30', 1100], ['2026年3月期 第2四半期', '2025-09-30', 1200]]);
    for (const text of [
      '営業利益は[[op]]となり、2026年3月期 第1四半期比で9%増加した。',
      '営業利益は[[op]]となり、2026年3月期 第1四半期から9%増加した。',
      '営業利益は[[op]]となり、前四半期（2026年3月期 第1四半期）から増加した。',
      '営業利益は[[op]]（2026年3月期 第1四半期：1,100億円）。',
    ]) {
      expect(mismatches(toyota, text, INDIA), text).toEqual([]);
    }
    // Not compared with: last quarter's words left beside the new figure.
    expect(mismatches(toyota, '2026年3月期 第1四半期の営業利益は[[op]]となった。', INDIA)).toHaveLength(1);
  });

  it('reads a Japanese quarter before "の" and a figure that a particle makes the base ("第1四半期の[[op@2025-06-30]]から") as compared, and still as that figure\'s', () => {
    const toyota = inr('op', [['2026年3月期 第1四半期', '2025-06-30', 1100], ['2026年3月期 第2四半期', '2025-09-30', 1200]]);
    const english = inr('op', [['Q1 FY26 (Apr-Jun 2025)', '2025-06-30', 1100], ['Q2 FY26 (Jul-Sep 2025)', '2025-09-30', 1200]]);
    // The quarter of the base, nearer [[op]] than the sentence's own, is no period [[op]] is said to be for: as "up from [[op@2025-06-30]] in Q1 FY26".
    for (const text of [
      '2026年3月期 第2四半期の営業利益は前年同期比で改善し、[[op]]となり、2026年3月期 第1四半期の[[op@2025-06-30]]から増加した。',
      '2026年3月期 第2四半期の営業利益は前年同期比で改善し、[[op]]となり、2026年3月期 第1四半期（2025年4～6月）の[[op@2025-06-30]]と比べ増加した。',
    ]) {
      expect(mismatches(toyota, text, INDIA), text).toEqual([]);
    }
    expect(mismatches(english, 'In Q2 FY26 operating profit improved year on year, to [[op]], up from [[op@2025-06-30]] in Q1 FY26.', INDIA)).toEqual([]);
    // ...while that quarter, tied to the base's figure, names the figure's period: another quarter's there is reported, in Japanese as in English.
    expect(mismatches(toyota, '2026年3月期 第2四半期の営業利益は[[op]]となり、2026年3月期 第2四半期の[[op@2025-06-30]]から増加した。', INDIA)).toEqual([
      expect.stringContaining('text [[op@2025-06-30]] shows op for 2026年3月期 第1四半期, but its sentence speaks of "2026年3月期 第2四半期"'),
    ]);
    expect(mismatches(english, 'Operating profit was [[op]] in Q2 FY26, up from [[op@2025-06-30]] in Q2 FY26.', INDIA)).toEqual([
      expect.stringContaining('text [[op@2025-06-30]] shows op for Q1 FY26 (Apr-Jun 2025), but its sentence speaks of "Q2 FY26"'),
    ]);
  });

  it('finds a single figure updated in place to another quarter, fiscal year or half, and its change too', () => {
    const one = (period: string, type: string, end = '2025-09-30') => `  rev: { label: Revenue, value: 436.9, unit: EUR, scale: million, period: ${period}, period_type: ${type}, period_end: ${end}, source: R, change: { percent: 8.8 } }\n`;
    expect(mismatches(one('Q3 2025', 'quarter'), 'In the second quarter of 2025 revenue grew [[rev.change]] to [[rev]].')).toHaveLength(2);
    expect(mismatches(one('FY2025', 'fiscal_year', '2025-03-31'), 'FY24 revenue was [[rev]].')[0]).toMatch(/shows Revenue for FY2025, but its sentence speaks of "FY24".*correct the sentence \(or the figure\), or name the period with \[\[rev\.period\]\]/);
    expect(mismatches(one('H1 2025', 'half_year', '2025-06-30'), 'Revenue in 2H24: [[rev]].')).toHaveLength(1);
  });

  it('reads Italian and Dutch halves and years: "secondo semestre 2024", "1° semestre del 2025", "eerste helft van 2025", "esercizio 2024", "boekjaar 2024"', () => {
    const one = (period: string, type: string, end: string) => `  rev: { label: Ricavi, value: 436.9, unit: EUR, scale: million, period: ${period}, period_type: ${type}, period_end: ${end}, source: R }\n`;
    const half = one('H1 2025', 'half_year', '2025-06-30');
    const year = one('FY2025', 'fiscal_year', '2025-03-31');
    for (const [metric, other, own, sentence] of [
      [half, 'secondo semestre 2024', 'primo semestre 2025', 'Nel {} i ricavi sono stati pari a [[rev]].'], [half, '2° semestre del 2024', '1° semestre del 2025', 'Nel {} i ricavi sono stati pari a [[rev]].'],
      [half, 'tweede halfjaar 2024', 'eerste halfjaar 2025', 'In het {} bedroeg de omzet [[rev]].'], [half, 'tweede helft van 2024', 'eerste helft van 2025', 'In de {} bedroeg de omzet [[rev]].'],
      [year, 'esercizio 2024', 'esercizio 2025', 'Nell\'{} i ricavi sono stati pari a [[rev]].'], [year, 'boekjaar 2024', 'boekjaar 2025', 'In {} bedroeg de omzet [[rev]].'],
    ]) {
      expect(mismatches(metric!, sentence!.replace('{}', other!)), other).toEqual([expect.stringContaining(`but its sentence speaks of "${other}"`)]);
      expect(mismatches(metric!, sentence!.replace('{}', own!)), own).toEqual([]);
    }
    // Not "secondo" that is no ordinal, nor a half named beside a quarter's figure.
    expect(mismatches(half, 'Secondo il semestre 2024 i ricavi sono stati [[rev]].')).toEqual([]);
    expect(mismatches(series([Q2, Q3]), 'Nel T3 2025 i ricavi sono stati pari a [[revenue]], portando il primo semestre 2025 in crescita.')).toEqual([]);
  });

  it('reads German, French, Spanish and Portuguese halves: "im zweiten Halbjahr 2024", "1. Halbjahr 2025", "second semestre 2024", "S2 2024", "segundo semestre de 2024", "2S24"', () => {
    // Read as none before: an H1 2025 figure under last year's second half went unreported in these languages.
    const half = `  rev: { label: Umsatz, value: 436.9, unit: EUR, scale: million, period: H1 2025, period_type: half_year, period_end: 2025-06-30, source: R }\n`;
    for (const [other, own, sentence] of [
      ['zweiten Halbjahr 2024', 'ersten Halbjahr 2025', 'Im {} lag der Umsatz bei [[rev]].'], ['2. Halbjahres 2024', '1. Halbjahres 2025', 'Der Umsatz des {} lag bei [[rev]].'],
      ['zweites Halbjahr 2024', 'erstes Halbjahr 2025', 'Umsatz, {}: [[rev]].'],
      ['second semestre 2024', 'premier semestre 2025', 'Au {}, le chiffre d\'affaires s\'élève à [[rev]].'], ['2e semestre 2024', '1er semestre 2025', 'Au {}, le chiffre d\'affaires s\'élève à [[rev]].'],
      ['deuxième semestre 2024', '1er semestre 2025', 'Au {}, le chiffre d\'affaires s\'élève à [[rev]].'], ['S2 2024', 'S1 2025', 'Au {}, le chiffre d\'affaires s\'élève à [[rev]].'],
      ['segundo semestre de 2024', 'primer semestre de 2025', 'En el {} los ingresos fueron [[rev]].'], ['2º semestre de 2024', '1º semestre de 2025', 'En el {} los ingresos fueron [[rev]].'],
      ['segundo semestre de 2024', 'primeiro semestre de 2025', 'No {}, a receita foi de [[rev]].'], ['2S24', '1S25', 'No {}, a receita foi de [[rev]].'], ['2S2024', '1S2025', 'No {}, a receita foi de [[rev]].'],
    ]) {
      expect(mismatches(half, sentence!.replace('{}', other!)), other).toEqual([expect.stringContaining(`but its sentence speaks of "${other}"`)]);
      expect(mismatches(half, sentence!.replace('{}', own!)), own).toEqual([]);
    }
    // A figure's own words in those languages, and in Korean and Chinese, name its half as "H1 2025" does: compared too
    // (they gave it no key of a half, and it was compared with nothing).
    for (const [own, other, sentence] of [['1. Halbjahr 2025', 'zweiten Halbjahr 2024', 'Im {} lag der Umsatz bei [[rev]].'], ['S1 2025', 'S2 2024', 'Au {}, le chiffre d\'affaires s\'élève à [[rev]].'],
      ['2025년 상반기', '2024년 하반기', '{} 매출은 [[rev]]이다.'], ['2025年上半年', '2024年下半年', '{}营收为[[rev]]。']]) {
      const worded = half.replace('period: H1 2025', `period: '${own}'`);
      expect(mismatches(worded, sentence!.replace('{}', other!)), own).toEqual([expect.stringContaining(`but its sentence speaks of "${other}"`)]);
      expect(mismatches(worded, sentence!.replace('{}', own!)), own).toEqual([]);
    }
    // The S and its number as written: not in small letters, not run into a word or a form's name ("S-1"), not a half without its year.
    for (const text of ['Au s2 2024, le chiffre d\'affaires s\'élève à [[rev]].', 'Le formulaire S-1 2024 indique un chiffre d\'affaires de [[rev]].', 'La série XS2 2024 a rapporté [[rev]].',
      'Revenue was [[rev]] as sales of S2 2024 models began.']) {
      expect(mismatches(half, text), text).toEqual([]);
    }
    // Hostile text around the new words, read in linear time.
    for (const run of [`Im ${'zweiten '.repeat(20_000)}Halbjahr 2024 lag der Umsatz bei [[rev]].`, `Im 2.${' '.repeat(100_000)}Halbjahr 2024: [[rev]].`, `${'S2 '.repeat(30_000)}2024 [[rev]].`,
      `Au ${'2S'.repeat(40_000)}24 [[rev]].`, `Au second${' '.repeat(100_000)}semestre de${' '.repeat(100_000)}2024 [[rev]].`]) {
      expect(() => mismatches(half, run)).not.toThrow();
    }
    // Nor a half named beside a quarter's figure.
    expect(mismatches(series([Q2, Q3]), 'Im dritten Quartal 2025 lag der Umsatz bei [[revenue]], nach einem schwachen ersten Halbjahr 2025.')).toEqual([]);
  });

  it('reads a half named by its number alone, as a half-year briefing rolled forward leaves it: "in the second half", "in H2", "im zweiten Halbjahr", "au second semestre"', () => {
    // An H1 2025 figure, its series with last year's second half: a sentence left from the H2 2024 briefing went unreported.
    const rev = `  rev:\n    label: Revenue\n    unit: EUR\n    scale: million\n    source: R\n    values:\n      - { value: 401.7, period: H2 2024, period_end: 2024-12-31 }\n      - { value: 436.9, period: H1 2025, period_end: 2025-06-30 }\n`;
    const HALF_HEAD = HEAD.replace('period: Q3 2025, as_of: 2025-11-15', 'period: H1 2025, as_of: 2025-08-15');
    for (const [text, said] of [
      ['Revenue was [[rev]] in the second half.', 'second half'], ['In the second half, revenue was [[rev]].', 'second half'],
      ['Revenue was [[rev]] in 2H.', '2H'], ['In H2, revenue was [[rev]].', 'H2'], ['Second-half revenue was [[rev]].', 'Second-half'], ['Revenue was [[rev]] in the 2nd half of the year.', '2nd half'],
      ['Im zweiten Halbjahr lag der Umsatz bei [[rev]].', 'zweiten Halbjahr'], ['Der Umsatz lag im 2. Halbjahr bei [[rev]].', '2. Halbjahr'],
      ['Au second semestre, le chiffre d\'affaires s\'élève à [[rev]].', 'second semestre'], ['En el segundo semestre los ingresos fueron [[rev]].', 'segundo semestre'],
      ['Nel secondo semestre i ricavi sono stati pari a [[rev]].', 'secondo semestre'], ['In het tweede halfjaar bedroeg de omzet [[rev]].', 'tweede halfjaar'],
    ]) {
      expect(mismatches(rev, text!, HALF_HEAD), text).toEqual([expect.stringContaining(`but its sentence speaks of "${said}", and would print the one beside the other: write [[rev@2024-12-31]] if it means the figure for H2 2024`)]);
      // Its own half, so named, is its own.
      expect(mismatches(rev, text!.replace(/second|zweiten|2\.|segundo|secondo|tweede|2nd/i, (w) => ({ second: 'first', Second: 'First', zweiten: 'ersten', '2.': '1.', segundo: 'primer', secondo: 'primo', tweede: 'eerste', '2nd': '1st' })[w]!).replace(/\bH2\b/, 'H1').replace(/\b2H\b/, '1H'), HALF_HEAD), text).toEqual([]);
    }
    // Not hydrogen's "H2", nor a half of something else, an ordinal that counts, a half likened to, one apart from the
    // figure's clause, one compared with, an outlook's, Dutch "helft" (as often a match's), or an H in small letters.
    for (const text of ['Revenue from green H2 was [[rev]].', 'The H2 market grew, and revenue was [[rev]].', 'Revenue in H2 mobility was [[rev]].', 'Revenue for H2 electrolysers was [[rev]].',
      'Sales of electrolysers for H2 reached [[rev]].', 'Revenue was [[rev]] (second-half weighted).', 'Revenue was [[rev]] in the second half of the decade.',
      'Revenue was [[rev]], a second half of growth.', 'Revenue was [[rev]], the second half in a row above plan.', 'As in the second half, revenue was [[rev]].',
      'The plant, which reopened in the second half, lifted revenue to [[rev]].', 'Revenue was [[rev]], up from [[rev@2024-12-31]] in the second half.',
      'Revenue was [[rev]], and we expect growth in the second half.', 'In de tweede helft bedroeg de omzet [[rev]].', 'Revenue in h2 was [[rev]].']) {
      expect(mismatches(rev, text, HALF_HEAD), text).toEqual([]);
    }
    // Nor beside a quarter's figure: "the first half" is no quarter.
    expect(mismatches(series([Q2, Q3]), 'Revenue was [[revenue]] in Q3 2025, after a first half of steady growth.')).toEqual([]);
    expect(mismatches(series([Q2, Q3]), 'In the first half, revenue grew; it was [[revenue]] in Q3 2025.')).toEqual([]);
    // Hostile text around the new words, read in linear time.
    for (const run of [`Revenue was [[rev]] in the ${'second '.repeat(20_000)}half.`, `Revenue was [[rev]] in the second${' '.repeat(100_000)}half.`, `Revenue was [[rev]] in${' H2'.repeat(30_000)}.`,
      `Revenue was [[rev]] in the second half${' of'.repeat(30_000)} the year.`, `Im ${'zweiten '.repeat(20_000)}Halbjahr lag der Umsatz bei [[rev]].`, `Revenue was [[rev]] in ${'2nd-'.repeat(25_000)}half.`]) {
      expect(() => mismatches(rev, run, HALF_HEAD)).not.toThrow();
    }
  });

  it('takes a 52/53-week quarter for the calendar quarter it ends within two weeks of: 27 Sep 2025 is Q3 2025, 1 Jul 2023 Q2 2023', () => {
    const apple = (period: string, end: string) => `  sales: { label: Services net sales, value: 28750, unit: USD, scale: million, period: '${period}', period_type: quarter, period_end: ${end}, source: 10-K }\n`;
    expect(mismatches(apple('Q4 FY25 (quarter ended 27 Sep 2025)', '2025-09-27'), 'In calendar Q3 2025, Services net sales were [[sales]].')).toEqual([]);
    expect(mismatches(apple('Quarter ended 27 Sep 2025', '2025-09-27'), 'In the quarter ended September 27, 2025, Services net sales were [[sales]].')).toEqual([]);
    expect(mismatches(apple('Three months ended July 1, 2023', '2023-07-01'), 'In Q2 2023 Services net sales were [[sales]].')).toEqual([]);
    expect(mismatches(apple('Q4 FY25 (quarter ended 27 Sep 2025)', '2025-09-27'), 'In Q2 2025 Services net sales were [[sales]].')).toHaveLength(1);
    // A retailer's quarter ending 8 November is no calendar quarter: only its own words name it.
    expect(mismatches(apple('Q3 2025', '2025-11-08'), 'In Q3 2025 sales were [[sales]].')).toEqual([]);
  });

  it('says the figure\'s own words are in doubt when they repeat an earlier value\'s, rather than advise printing them', () => {
    const copied = `  rev:\n    label: Revenue\n    unit: USD\n    scale: million\n    source: 10-K\n    period_type: quarter\n    values:\n      - { value: 94930, period: Q4 FY24, period_end: 2024-09-28 }\n      - { value: 102466, period: Q4 FY24, period_end: 2025-09-27 }\n`;
    expect(mismatches(copied, 'In the fourth quarter of fiscal 2025 revenue was [[rev]].', INDIA)).toEqual([
      expect.stringMatching(/shows Revenue for Q4 FY24, but its sentence speaks of "fourth quarter of fiscal 2025", and would print the one beside the other: the figure's own period words are in doubt too \(see the period-end-mismatch finding at them\): correct those first;/),
    ]);
  });

  it('reads a fiscal year written as the two years it spans as the year it ends: "FY2024-25" is FY25', () => {
    const year = (period: string) => `  rev: { label: Revenue, value: 4369, unit: INR, scale: billion, period: '${period}', period_type: fiscal_year, period_end: 2025-03-31, source: R }\n`;
    for (const [period, sentence] of [['FY2024-25', 'FY25 revenue was [[rev]].'], ['FY25', 'In FY2024-25 revenue was [[rev]].'], ['FY 2024/25', 'Revenue for fiscal 2024–2025 was [[rev]].']]) {
      expect(mismatches(year(period), sentence, INDIA), `${period}: ${sentence}`).toEqual([]);
    }
    expect(mismatches(year('FY2024-25'), 'In FY2023-24 revenue was [[rev]].', INDIA)).toEqual([
      expect.stringMatching(/shows Revenue for FY2024-25, but its sentence speaks of "FY2023-24"/),
    ]);
    expect(mismatches(year('FY2024-25'), 'FY24 revenue was [[rev]].', INDIA)).toHaveLength(1);
    // Not one year: a span of several is read as none.
    expect(mismatches(year('FY2024-25'), 'Over FY2020-25 revenue grew to [[rev]].', INDIA)).toEqual([]);
    // A quarter of such a year, as Indian results write it: "Q2 FY2025-26" is Q2 FY26.
    const quarterly = inr('revenue', [['Q1 FY2025-26', '2025-06-30', 1001], ['Q2 FY2025-26', '2025-09-30', 1102]]);
    expect(mismatches(quarterly, 'In Q2 FY26 revenue was [[revenue]].', INDIA)).toEqual([]);
    expect(mismatches(inr('revenue', [FQ1, FQ2]), 'In Q2 FY2025-26 revenue was [[revenue]].', INDIA)).toEqual([]);
    expect(mismatches(quarterly, 'In Q1 FY2025-26 revenue was [[revenue]].', INDIA)).toEqual([expect.stringMatching(/shows Revenue for Q2 FY2025-26, but its sentence speaks of "Q1 FY2025-26"/)]);
  });

  it('reads a half or a quarter written with the two years its fiscal year spans as that year\'s, as UK and Indian results write it: "H1 2025/26" is H1 FY26, not the calendar\'s H1 2025', () => {
    const UK = 'company: { name: Grocer, ticker: GRO, exchange: LSE, country: United Kingdom, sector: S, industry: I }\nbriefing: { period: H1 2025/26, as_of: 2025-10-08, currency: GBP }\n';
    const halves = `  sales:\n    label: Group sales\n    unit: GBP\n    scale: million\n    period_type: half_year\n    source: Interims\n    values:\n${[['H1 2024/25 (26 weeks to 24 August 2024)', '2024-08-24', 30640], ['H2 2024/25', '2025-02-22', 31880], ['H1 2025/26 (26 weeks to 23 August 2025)', '2025-08-23', 31985]].map(([p, e, v]) => `      - { value: ${v}, period: ${p}, period_end: ${e} }\n`).join('')}`;
    for (const fine of ['Group sales were [[sales]] in H1 2025/26.', 'Group sales were [[sales]] in H1 FY2025/26.', 'Group sales were [[sales]] in the first half of 2025/26.', 'Group sales were [[sales]] in H1 2025-26, up from H1 2024/25.', 'In H1 2024/25 group sales were [[sales@2024-08-24]].']) {
      expect(mismatches(halves, fine, UK), fine).toEqual([]);
    }
    for (const written of ['H1 2024/25', 'H1 2024-25', 'the first half of 2024/25', '2024/25 H1', 'H1 FY2024/25']) {
      expect(mismatches(halves, `Group sales were [[sales]] in ${written}.`, UK), written).toEqual([
        expect.stringContaining(`shows Group sales for H1 2025/26 (26 weeks to 23 August 2025), but its sentence speaks of "${written.replace('the ', '')}"`),
      ]);
    }
    // A calendar half stays the calendar's: "H1 2025" is January to June 2025, beside its own figure and another's.
    const calendar = series([['H2 2024', '2024-12-31', 800.1], ['H1 2025', '2025-06-30', 850.2]]).replace('    values:', '    period_type: half_year\n    values:');
    expect(mismatches(calendar, 'Revenue was [[revenue]] in H1 2025.')).toEqual([]);
    expect(mismatches(calendar, 'Revenue was [[revenue@2024-12-31]] in H1 2025.')).toEqual([expect.stringContaining('shows Revenue for H2 2024, but its sentence speaks of "H1 2025"')]);
    // Quarters so written: "Q2 2025-26" is Q2 FY26; two years not in a row name no one year.
    const quarters = inr('revenue', [['Q1 2025/26', '2025-06-30', 1001], ['Q2 2025/26', '2025-09-30', 1102]]);
    for (const fine of ['Revenue was [[revenue]] in Q2 2025-26.', 'Revenue was [[revenue]] in Q2 FY26.', 'Revenue was [[revenue]] in the second quarter of 2025/26.', 'Revenue was [[revenue]] in Q1 2025/27.']) {
      expect(mismatches(quarters, fine, INDIA), fine).toEqual([]);
    }
    expect(mismatches(quarters, 'Revenue was [[revenue]] in Q1 2025/26.', INDIA)).toEqual([expect.stringContaining('shows Revenue for Q2 2025/26, but its sentence speaks of "Q1 2025/26"')]);
  });

  it('says nothing when the sentence names the figure\'s own period however spelt, compares with the other, or names it for another figure', () => {
    const both = series([Q2, Q3]);
    for (const fine of [
      'Revenue was [[revenue]] in Q3 2025.', // its own
      'Revenue was [[revenue]] in 3Q25.', // another spelling
      'Revenue was [[revenue]] in the third quarter of 2025, up from Q2 2025.', // its own named too
      'Revenue rose to [[revenue]], up 8% from Q2 2025.', // compared with
      'Revenue was [[revenue]], against [[revenue@2025-06-30]] in Q2 2025.', // the other figure's period
      'Revenue was [[revenue]]. In Q2 2025 the plant was shut.', // another sentence
      'Revenue was [[revenue]] for the year to date, FY2025.', // another kind of period than a quarter
      'Revenue ([[revenue.period]]): [[revenue.label]].', // parts that are not the figure
      'Revenue rose to [[revenue]], up from EUR 401.7 million in Q2 2025.', // compared with, past a decimal point
      'Revenue was [[revenue]] (Q3 2024: EUR 390m).', // a prior period in brackets
      'Revenue was [[revenue]]; in Q3 20% came from cloud, in Q3 12 new stores opened, H100 chips shipped.', // numbers, not periods
      'Revenue of [[revenue]] was up 5% on Q2 2025.', // "up ... on": compared with
      'Revenue was [[revenue]], flat on Q2 2025.', // no change from it: compared with too
      'Revenue was [[revenue]], broadly in line with Q2 2025.',
      'Revenue was [[revenue]], level with Q2 2025.',
      'Revenue was [[revenue]], on par with Q2 2025.',
      'Revenue held stable over Q2 2025 at [[revenue]].',
      'In Q3 2025 revenue, approx. 8% above Q2 2025, was [[revenue]].', // no sentence ends at "approx."
      'Revenue rose 8% vs. Q2 2025 to [[revenue]].', // nor at "vs."
      'Revenue was [[revenue]] (Q2 2025: EUR 401.7m).', // another figure for the period in brackets
      'Sales fell in Q2 2025. 3 plants reopened and revenue is now [[revenue]].', // a sentence that starts with a digit
    ]) expect(mismatches(both, fine), fine).toEqual([]);
    const guide = `${both}  guide_q2: { label: Guidance, value: 450, unit: EUR, scale: million, period: Q2 2025, period_type: forecast, period_end: 2025-06-30, source: R }\n`;
    expect(mismatches(guide, 'Revenue was [[revenue]]; for Q2 2025 the company had guided [[guide_q2]].')).toEqual([]); // a forecast's own period
    // A later period: an outlook where the sentence looks ahead; elsewhere text updated before its figure.
    expect(mismatches(both, 'Revenue was [[revenue]]; guidance for Q4 2025 is unchanged.')).toEqual([]);
    expect(mismatches(both, 'In Q4 2025 revenue was [[revenue]].')).toHaveLength(1);
    expect(mismatches(both, 'Revenue was [[revenue]] (Q2 2025).')).toHaveLength(1); // the period it is labelled with, in brackets
    expect(mismatches(both, 'Revenue was [[revenue]] on strong demand in Q2 2025.')).toHaveLength(1); // "on" compares nothing
  });

  it('takes a later period for an outlook\'s only where a word that looks ahead shares its clause, not for any such word in the sentence', () => {
    const both = series([Q2, Q3]);
    // The Q2 figure under Q3: the word that looks ahead is in another clause, measures the past ("beat guidance", "ahead of
    // expectations", "as planned", "than expected"), or does not look ahead at all ("plants", "projects", "targeted marketing").
    for (const hidden of [
      'Revenue beat guidance; in Q3 2025 it was [[revenue@2025-06-30]].',
      'Revenue was ahead of expectations, and in Q3 2025 it reached [[revenue@2025-06-30]].',
      'Shipments will rise, but in Q3 2025 revenue was [[revenue@2025-06-30]].',
      'Margins should widen as planned while Q3 2025 revenue was [[revenue@2025-06-30]].',
      'Revenue beat the plan - in Q3 2025 it reached [[revenue@2025-06-30]].',
      'Its plants in Q3 2025 produced revenue of [[revenue@2025-06-30]].',
      'Targeted marketing lifted revenue in Q3 2025 to [[revenue@2025-06-30]].',
      'New projects in Q3 2025 brought revenue of [[revenue@2025-06-30]].',
      'As planned, revenue in Q3 2025 reached [[revenue@2025-06-30]].',
      'As expected, in Q3 2025 revenue was [[revenue@2025-06-30]].',
      'In Q3 2025 revenue was higher than expected at [[revenue@2025-06-30]].',
      // An expectation of the past, said of the sentence's own period: "than analysts had expected", "than had been expected".
      'Revenue was better than analysts had expected in Q3 2025: [[revenue@2025-06-30]].',
      'Revenue was better than we had originally expected in Q3 2025 at [[revenue@2025-06-30]].',
      'Revenue was higher than had been expected in Q3 2025 at [[revenue@2025-06-30]].',
      'Revenue came in above guidance in Q3 2025 at [[revenue@2025-06-30]].',
      // A point of the guided range: "above the midpoint of guidance", "at the top of its guidance".
      'Revenue came in above the midpoint of guidance in Q3 2025 at [[revenue@2025-06-30]].',
      'Revenue was above the mid-point of its guidance in Q3 2025: [[revenue@2025-06-30]].',
      'Revenue was in line with the top of the guided range in Q3 2025 at [[revenue@2025-06-30]].',
      'Revenue was below budget in Q3 2025 at [[revenue@2025-06-30]].',
      'Beating consensus estimates, Q3 2025 revenue reached [[revenue@2025-06-30]].',
      'In Q3 2025 revenue was an estimated [[revenue@2025-06-30]].',
      // "should have": the past's ("lower than it should have been"), not an outlook.
      'In Q3 2025 revenue was lower than it should have been at [[revenue@2025-06-30]].',
    ]) expect(mismatches(both, hidden), hidden).toEqual([expect.stringMatching(/shows Revenue for Q2 2025, but its sentence speaks of "Q3 2025"/)]);
    // A later period a word that looks ahead governs, or shares a clause with: the outlook's.
    for (const outlook of [
      'Guidance for Q4 2025 is unchanged at [[revenue]].',
      'The company expects Q4 2025 revenue above [[revenue]].',
      'For Q4 2025 management guides to growth on [[revenue]].',
      'We will report Q4 2025 results in February; revenue was [[revenue]].',
      'Q4 2025 revenue is expected to exceed [[revenue]].',
      'Revenue was [[revenue]], and management plans to open 12 stores in Q4 2025.',
      'Revenue was [[revenue]]; the company projects Q4 2025 revenue above it.',
      'Revenue was [[revenue]], with a launch targeted for Q4 2025.',
      'Revenue of [[revenue]] sets the base for the Q4 2025 outlook.',
      'Revenue was [[revenue]]; management aims for growth in Q4 2025.',
      'Revenue was [[revenue]], but analysts anticipate a stronger Q4 2025.',
      'Revenue was [[revenue]]; estimated Q4 2025 revenue is higher.',
      'Revenue was [[revenue]], ahead of expectations; the forecast for Q4 2025 is higher.',
      'Revenue reached [[revenue]] as planned; Q4 2025 launches are scheduled.',
      'The Q4 2025 budget assumes revenue above [[revenue]].',
      'Revenue came in ahead of guidance at [[revenue]]; Q4 2025 should be stronger.', 'Revenue was [[revenue]]; margins should widen in Q4 2025.',
    ]) expect(mismatches(both, outlook), outlook).toEqual([]);
    const yearly = `  revenue_fy: { label: Revenue, value: 1600, unit: EUR, scale: million, period: FY2024, period_end: 2024-12-31, source: R }\n`;
    expect(mismatches(yearly, 'The FY2025 target builds on [[revenue_fy]].')).toEqual([]);
    expect(mismatches(yearly, 'Its plants made FY2025 revenue of [[revenue_fy]].')).toHaveLength(1);
    // An earlier period is found in a sentence that looks ahead as anywhere.
    expect(mismatches(both, 'We expect growth on Q2 2025 revenue of [[revenue]].')).toHaveLength(1);
  });

  it('takes a period named beside a figure for that figure\'s, though another figure of the sentence is for it: a roll-forward leaves such sentences', () => {
    // The margin stayed Q2's; revenue was rolled forward to Q3 under "in Q2 2025", which stands beside it.
    const margin = `${series([Q2, Q3])}  margin_q2: { label: Margin, value: 7.1, unit: percent, period: Q2 2025, period_end: 2025-06-30, source: R }\n`;
    const found = mismatches(margin, 'Revenue was [[revenue]] in Q2 2025, a margin of [[margin_q2]] on it.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^\d+:\d+ text \[\[revenue\]\] shows Revenue for Q3 2025, but its sentence speaks of "Q2 2025"/);
    // ...but not where the period is written with the other figure: just after it, or before it.
    for (const fine of [
      'Revenue was [[revenue]], against a margin of [[margin_q2]] in Q2 2025.',
      'Revenue was [[revenue]]; in Q2 2025 the margin was [[margin_q2]].',
      'Revenue was [[revenue]], and in Q2 2025 the margin was [[margin_q2]].',
      'Revenue was [[revenue]]; in Q2 2025 sales of 1,200 units brought a margin of [[margin_q2]].',
      'Revenue was [[revenue]] (Q2 2025 margin: [[margin_q2]]).',
      'Revenue was [[revenue]] and the Q2 2025 margin, at [[margin_q2]], held.',
      'Revenue was [[revenue]] - in Q2 2025 the margin was [[margin_q2]].',
    ]) expect(mismatches(margin, fine), fine).toEqual([]);
    // Of a range of periods, the one nearest the figure is what its fix names ("Q3 2024 to Q2 2025; latest [[revenue]]").
    const range = mismatches(series([['Q3 2024', '2024-09-30', 390], Q2, Q3]), 'Quarterly revenue, Q3 2024 to Q2 2025; latest [[revenue]].');
    expect(range).toHaveLength(1);
    expect(range[0]).toMatch(/speaks of "Q2 2025".*write \[\[revenue@2025-06-30\]\] if it means the figure for Q2 2025/);
  });

  it('offers the dated value only where it has the part the text shows', () => {
    const q2 = series([Q2, Q3]).replace('value: 436.9, period: Q3 2025, period_end: 2025-09-30 }', 'value: 436.9, period: Q3 2025, period_end: 2025-09-30, change: { percent: 8 } }');
    const [found] = mismatches(q2, 'In Q2 2025 revenue grew [[revenue.change]].');
    expect(found).toMatch(/correct the sentence \(or the figure\), or name the period with \[\[revenue\.period\]\]/);
  });

  it('takes a later period for an outlook\'s in each language the reader supports: "nous anticipons", "erwarten wir", "prevemos", "prevediamo", "verwachten"', () => {
    const both = series([Q2, Q3]);
    const as = (language: string) => HEAD.replace('currency: EUR', `currency: EUR, language: ${language}`);
    for (const [text, language] of [
      ['Pour le T4 2025, nous anticipons un chiffre d\'affaires supérieur à [[revenue]].', 'fr'], ['Pour le T4 2025, nous prévoyons un chiffre d\'affaires supérieur à [[revenue]].', 'fr'],
      ['Au T4 2025, nous nous attendons à un chiffre d\'affaires supérieur à [[revenue]].', 'fr'], ['Pour le quatrième trimestre, nous anticipons un chiffre d\'affaires supérieur à [[revenue]].', 'fr'],
      ['Au quatrième trimestre, nous nous attendons à un chiffre d\'affaires supérieur à [[revenue]].', 'fr'],
      ['Für das 4. Quartal 2025 erwarten wir einen Umsatz über [[revenue]].', 'de'], ['Im 4. Quartal 2025 dürfte der Umsatz [[revenue]] übersteigen.', 'de'], ['Die Prognose für das 4. Quartal 2025 liegt über [[revenue]].', 'de'],
      ['Para el 4T25 prevemos unos ingresos superiores a [[revenue]].', 'es'], ['Per il T4 2025 prevediamo ricavi superiori a [[revenue]].', 'it'],
      ['Para o 4T25 esperamos receita acima de [[revenue]].', 'pt'], ['Voor K4 2025 verwachten wij een omzet boven [[revenue]].', 'nl'],
    ]) expect(mismatches(both, text!, as(language!)), text).toEqual([]);
    // Measured against them, the later period is the sentence's own, and the figure in it is reported.
    for (const [text, language] of [
      ['Im 4. Quartal 2025 lag der Umsatz mit [[revenue]] über den Erwartungen.', 'de'], ['Im 4. Quartal 2025 stieg der Umsatz stärker als erwartet auf [[revenue]].', 'de'], ['Im 4. Quartal 2025 lag der Umsatz wie geplant bei [[revenue]].', 'de'],
      ['Au T4 2025, le chiffre d\'affaires de [[revenue]] est supérieur aux attentes.', 'fr'], ['Au T4 2025, le chiffre d\'affaires atteint [[revenue]], comme prévu.', 'fr'], ['Au T4 2025, le chiffre d\'affaires atteint [[revenue]], plus qu\'anticipé.', 'fr'],
      ['Nel T4 2025 i ricavi, pari a [[revenue]], sono sopra le attese.', 'it'], ['No 4T25 a receita foi de [[revenue]], acima das expectativas.', 'pt'], ['En el 4T25 los ingresos fueron [[revenue]], como previsto.', 'es'],
      ['In K4 2025 bedroeg de omzet [[revenue]], boven de verwachtingen.', 'nl'],
      // And as "in line with" is, in each language.
      ['Nel T4 2025 i ricavi sono stati pari a [[revenue]], in linea con le attese.', 'it'], ['In linea con le attese, nel T4 2025 i ricavi sono stati pari a [[revenue]].', 'it'],
      ['En el 4T25 los ingresos fueron [[revenue]], en línea con las expectativas.', 'es'], ['En el 4T25 los ingresos fueron [[revenue]], por encima de lo esperado.', 'es'],
      ['En el 4T25 los ingresos de [[revenue]] superó las expectativas.', 'es'], ['Au T4 2025, le chiffre d\'affaires a atteint [[revenue]], en ligne avec les attentes.', 'fr'],
      ['No 4T25 a receita foi de [[revenue]], em linha com as expectativas.', 'pt'], ['In K4 2025 bedroeg de omzet [[revenue]], in lijn met de verwachtingen.', 'nl'],
      ['Im 4. Quartal 2025 lag der Umsatz mit [[revenue]] im Rahmen der Erwartungen.', 'de'], ['Im 4. Quartal 2025 lag der Umsatz bei [[revenue]] und entsprach den Erwartungen.', 'de'],
    ]) expect(mismatches(both, text!, as(language!)), text).toHaveLength(1);
  });

  it('takes each English word of comparison for one, with its period: "versus Q2 2025", "since", "ahead of", "relative to", "grew on", "a year earlier than"', () => {
    const both = series([Q2, Q3]);
    expect(mismatches(both, 'Revenue was [[revenue]], in Q2 2025.')).toHaveLength(1);
    for (const words of ['from', 'versus', 'vs.', 'since', 'higher than', 'compared with', 'in comparison with', 'against', 'ahead of', 'relative to', 'up on', 'down on', 'rose on', 'fell on', 'grew on', 'declined on', '8% on', 'prior quarter,', 'previous quarter,', 'preceding quarter,', 'a year earlier than', 'year-ago quarter,', 'the corresponding', 'the same quarter of']) {
      expect(mismatches(both, `Revenue was [[revenue]], ${words} Q2 2025.`), words).toEqual([]);
    }
  });

  it('takes a period after "compared with", "versus" or "against" and a result named without its figure ("a net loss") for the comparison\'s, not after another noun', () => {
    const netIncome = '  net_income:\n    label: Net income\n    unit: EUR\n    scale: million\n    source: Reports\n    values:\n      - { value: 40.2, period: Q3 2025, period_end: 2025-09-30 }\n';
    // Q3 2024 is the base a result of the other sign or kind stands for: each was reported at [[net_income]] (Q3 2025).
    for (const text of [
      'Net income was [[net_income]] in the quarter, compared with a net loss in Q3 2024.', 'Net income was [[net_income]], versus a loss in Q3 2024.',
      'Net income was [[net_income]], against a loss in Q3 2024.', 'Net income was [[net_income]], vs. a small operating loss in Q3 2024.',
      'Net income was [[net_income]], compared to a loss for the third quarter of 2024.', 'Net income was [[net_income]], compared with net income of EUR 12.5 million in Q3 2024.',
      'Net income was [[net_income]], in comparison with a loss in Q3 2024.',
    ]) {
      expect(mismatches(netIncome, text), text).toEqual([]);
    }
    // Another noun after the word of comparison is no base: the period after it is the sentence's own, and the figure is not its.
    for (const text of [
      'Net income rose compared with peers in Q3 2024 to [[net_income]].', 'Net income held up against a weak market in Q3 2024 at [[net_income]].',
      'Net income grew versus the sector in Q3 2024, reaching [[net_income]].', 'Net income was [[net_income]] versus a loss and in Q3 2024 margins fell.',
    ]) {
      expect(mismatches(netIncome, text), text).toEqual([expect.stringMatching(/text \[\[net_income\]\] shows Net income for Q3 2025, but its sentence speaks of "Q3 2024"/)]);
    }
  });

  it('reads hostile text in linear time: a run of spaces, thousands of fiscal years in one sentence', () => {
    expect(mismatches(series([Q2, Q3]), `[[revenue]] FY${' '.repeat(100_000)}x.`)).toEqual([]);
    expect(mismatches(series([Q2, Q3]), `[[revenue]] ${'FY2024 '.repeat(30_000)}`)).toEqual([]);
  });

  it('reads hostile text of words that look ahead and clause breaks in linear time', () => {
    const both = series([Q2, Q3]);
    expect(mismatches(both, `[[revenue]] ${'will Q4 2025 '.repeat(20_000)}`)).toEqual([]);
    expect(mismatches(both, `[[revenue]] ${'beat the consensus guidance; Q4 2025 '.repeat(5_000)}`)).toHaveLength(1);
    expect(mismatches(both, `[[revenue]] ${'as expected, and Q4 2025 but '.repeat(5_000)}`)).toHaveLength(1);
    for (const run of [`is${' '.repeat(100_000)}targeted Q4 2025`, `beat${' '.repeat(100_000)}guidance Q4 2025`, `an${' '.repeat(100_000)}estimated Q4 2025`, `than ${'the '.repeat(30_000)}expected Q4 2025`]) {
      expect(mismatches(both, `[[revenue]] ${run}.`), run.slice(0, 12)).toEqual([]);
    }
    expect(mismatches(both, `[[revenue]] will,${' '.repeat(100_000)}and Q4 2025.`)).toHaveLength(1);
    expect(mismatches(both, `[[revenue]] ${'au T4 2025 nous anticipons; '.repeat(5_000)}`)).toEqual([]);
    expect(mismatches(both, `[[revenue]] comme ${'les '.repeat(30_000)}prévu au T4 2025.`)).toEqual([]);
    expect(mismatches(both, `[[revenue]] ${'wie im zweiten Quartal, '.repeat(10_000)}`)).toEqual([]);
    expect(mismatches(both, `${'As in Q2 the '.repeat(10_000)}[[revenue]].`)).toEqual([]);
  });

  it('reads hostile text of words of position, figures and levels in linear time', () => {
    const both = series([Q2, Q3]);
    expect(mismatches(both, `[[revenue]] ${'above 20% in Q2 2025 '.repeat(10_000)}`)).toHaveLength(1);
    expect(mismatches(both, `[[revenue]] ${'au-dessus de 20 % au T2 2025 '.repeat(5_000)}`)).toHaveLength(1);
    expect(mismatches(both, `[[revenue]] ${'9 points, well above 20 in Q2 2025 '.repeat(10_000)}`)).toEqual([]);
    expect(mismatches(both, `[[revenue]] ${'über dem Wert des 2. Quartals 2025 '.repeat(5_000)}`)).toEqual([]);
    for (const run of [`above${' '.repeat(100_000)}20% in Q2 2025`, `über${' '.repeat(100_000)}dem 2. Quartal 2025`, `above ${'the level of '.repeat(20_000)}Q2 2025`]) {
      expect(mismatches(both, `[[revenue]] ${run}.`), run.slice(0, 12)).toHaveLength(1);
    }
    // A run of blanks is read as a figure (BLANKED): "9%, [[]] above", "more [[]] than" compare as a figure beside them would.
    for (const run of [`9%,${' '.repeat(100_000)}above Q2 2025`, `more${' '.repeat(100_000)}than 20% in Q2 2025`, `${'20 '.repeat(30_000)}above Q2 2025`]) {
      expect(mismatches(both, `[[revenue]] ${run}.`), run.slice(0, 12)).toEqual([]);
    }
  });

  it('reads hostile text of Japanese, Chinese and Korean period words in linear time', () => {
    const both = series([Q2, Q3]);
    for (const words of ['2025년 2분기 ', '2분기 2025 ', '2025年第二季度 ', '2025年4～6月期 ']) {
      expect(mismatches(both, `[[revenue]] ${words.repeat(10_000)}`), words).toHaveLength(1);
    }
    // (Fiscal quarters and halves, compared with none of a calendar's figures.)
    for (const words of ['2025 회계연도 2분기 ', '2025년 상반기 ', '2026年3月期 第2四半期 ']) expect(mismatches(both, `[[revenue]] ${words.repeat(10_000)}`), words).toEqual([]);
    for (const run of [`2025${' '.repeat(100_000)}2분기`, `2025년${' '.repeat(100_000)}2분기`, `회계연도${' '.repeat(100_000)}2025`, `2분기${' '.repeat(100_000)}2025`, `${'2025 '.repeat(30_000)}년`]) {
      expect(mismatches(both, `[[revenue]] ${run}.`), run.slice(0, 8)).toEqual([]);
    }
  });

  it('reads hostile text of fiscal quarters and halves and quarters ended in linear time', () => {
    const india = inr('revenue', [FQ2, FQ3]);
    expect(mismatches(india, `[[revenue]] ${'Q2 FY26 '.repeat(30_000)}`, INDIA)).toHaveLength(1);
    expect(mismatches(india, `[[revenue]] ${'2QFY26 1HFY26 FY26 Q2 FY2026 H1 '.repeat(10_000)}`, INDIA)).toHaveLength(1);
    expect(mismatches(india, `[[revenue]] ${'second quarter of '.repeat(20_000)}FY26.`, INDIA)).toHaveLength(1);
    expect(mismatches(india, `[[revenue]] ${'quarter ended 30 September 2025 '.repeat(10_000)}`, INDIA)).toHaveLength(1);
    for (const run of [`Q2${' '.repeat(100_000)}FY26`, `FY26${' '.repeat(100_000)}Q2`, `quarter ended${' '.repeat(100_000)}30 Sep 2025`, `quarter ended 30${' '.repeat(100_000)}Sep 2025`, `second quarter of${' '.repeat(100_000)}FY26`]) {
      expect(mismatches(india, `[[revenue]] ${run}.`, INDIA)).toEqual([]);
    }
  });

  it('reads hostile text of quarters named by their number alone in linear time', () => {
    const both = series([Q2, Q3]);
    expect(mismatches(both, `[[revenue]] ${'in Q2 '.repeat(20_000)}`)).toHaveLength(1);
    expect(mismatches(both, `[[revenue]] ${'im zweiten Quartal des Jahres '.repeat(5_000)}`)).toHaveLength(1);
    expect(mismatches(both, `[[revenue]] ${'the fourth quarter in a row, '.repeat(5_000)}`)).toEqual([]);
    for (const run of [`Q2${' '.repeat(100_000)}2025`, `2025${' ,'.repeat(50_000)}Q2`, `second quarter of${' '.repeat(100_000)}FY26`, `second quarter of the${' '.repeat(100_000)}2025`, `au${' '.repeat(100_000)}T2`, `second${' '.repeat(100_000)}quarter in a row`]) {
      expect(mismatches(both, `[[revenue]] ${run}.`), run.slice(0, 12)).toEqual([]);
    }
    // A word of 100,000 letters between is no word: the quarter before it is read.
    expect(mismatches(both, `[[revenue]] second quarter of the ${'a'.repeat(100_000)} 2025.`)).toHaveLength(1);
  });

  it('finds a fiscal quarter rolled forward: "Q2 FY26" beside a figure for Q3 FY26, however the quarter is written, naming the value it may have meant', () => {
    const india = inr('revenue', [FQ1, FQ2, FQ3]);
    expect(mismatches(india, 'Demand held up. Acme grew revenue to [[revenue]] in Q2 FY26.', INDIA)).toEqual([
      `15:49 text [[revenue]] shows Revenue for Q3 FY26 (Oct-Dec 2025), but its sentence speaks of "Q2 FY26", and would print the one beside the other: write [[revenue@2025-09-30]] if it means the figure for Q2 FY26 (Jul-Sep 2025), or name the period with [[revenue.period]], which follows the figure; if the sentence is right as it is, acknowledge the finding`,
    ]);
    for (const written of ['Q2 FY2026', 'Q2FY26', 'Q2 FY 2026', "Q2 FY'26", 'Q2-FY26', 'FY26 Q2', 'FY2026 Q2', 'FY 2026 Q2', 'FY2026 2Q', '2QFY26', '2Q FY26', 'the second quarter of FY26', 'the second quarter of fiscal 2026', 'Q2 fiscal year 2026', 'Q2 of FY26']) {
      const found = mismatches(india, `Revenue was [[revenue]] in ${written}.`, INDIA);
      expect(found, written).toHaveLength(1);
      expect(found[0], written).toContain(`its sentence speaks of "${written.replace('the ', '')}"`);
      expect(found[0], written).toContain('write [[revenue@2025-09-30]]');
    }
    // A later fiscal quarter too, unless the sentence looks ahead.
    expect(mismatches(india, 'In Q4 FY26 revenue was [[revenue]].', INDIA)).toHaveLength(1);
    expect(mismatches(india, 'Revenue was [[revenue]]; guidance for Q4 FY26 is unchanged.', INDIA)).toEqual([]);
  });

  it('finds a headcount and a margin of the last fiscal quarter beside the one before, and leaves the quarter they are compared with alone', () => {
    const metrics = `  headcount: { label: Headcount, value: 52000, unit: employees, period: End of Q3 FY26, period_end: 2025-12-31, source: R }\n${inr('op_margin', [FQ1, FQ2, FQ3]).replace('unit: INR\n    scale: billion', 'unit: percent')}`;
    expect(mismatches(metrics, 'Headcount reached [[headcount]] at the end of Q2 FY26.', INDIA)).toEqual([
      expect.stringMatching(/^15:30 text \[\[headcount\]\] shows Headcount for End of Q3 FY26, but its sentence speaks of "Q2 FY26".*correct the sentence/),
    ]);
    const margin = mismatches(metrics, 'The operating margin was [[op_margin]] in Q2 FY26, up from [[op_margin@2025-06-30]] in Q1 FY26.', INDIA);
    expect(margin).toEqual([expect.stringMatching(/^15:37 text \[\[op_margin\]\] shows op_margin for Q3 FY26 \(Oct-Dec 2025\), but its sentence speaks of "Q2 FY26"/)]);
  });

  it('finds a fiscal half rolled forward however it is written, the half known by its words alone', () => {
    const half = `  rev_h: { label: Revenue, value: 2100, unit: INR, scale: billion, period: H1 FY26 (Apr-Sep 2025), period_type: half_year, source: R }\n`;
    for (const written of ['H2 FY25', 'H2FY25', '2HFY25', '2H FY25', 'H2 FY2025', 'FY25 H2', 'FY2025 2H', 'the second half of FY2025', 'the second half of fiscal 2025']) {
      expect(mismatches(half, `Revenue was [[rev_h]] in ${written}.`, INDIA), written).toEqual([expect.stringContaining(`speaks of "${written.replace('the ', '')}"`)]);
    }
    for (const fine of ['Revenue was [[rev_h]] in H1 FY26.', 'Revenue was [[rev_h]] in 1HFY26.', 'Revenue was [[rev_h]] in the first half of FY2026, up from H1 FY25.', 'Revenue was [[rev_h]] (H1 FY25: INR 1,900 billion).']) {
      expect(mismatches(half, fine, INDIA), fine).toEqual([]);
    }
  });

  it('reads a half as Indian releases write it: "HY1 FY26", "HY1FY26", "H1FY26", "half year ended 30 September 2025", in text and in the figure\'s words', () => {
    const half = `  rev_h: { label: Revenue, value: 2100, unit: INR, scale: billion, period: HY1 FY26 (half year ended 30 Sep 2025), period_type: half_year, period_end: 2025-09-30, source: R }\n`;
    for (const written of ['HY2 FY25', 'HY2FY25', 'FY25 HY2', 'H2FY25', 'half year ended 31 March 2025', 'six months ended March 31, 2025']) {
      expect(mismatches(half, `Revenue was [[rev_h]] in the ${written}.`, INDIA), written).toEqual([expect.stringContaining(`speaks of "${written}"`)]);
    }
    for (const fine of ['HY1 FY26', 'HY1FY26', 'H1FY26', 'H1 FY26', '1HFY26', 'FY26 HY1', 'half year ended 30 September 2025', 'half-year ended 30 Sep 2025', 'six months ended September 30, 2025']) {
      expect(mismatches(half, `Revenue was [[rev_h]] in the ${fine}.`, INDIA), fine).toEqual([]);
    }
  });

  it('says nothing when the sentence names the fiscal quarter of its figure however written, compares with another, or names it for another figure', () => {
    const india = inr('revenue', [FQ1, FQ2, FQ3]);
    const guide = `${india}  guide: { label: Guidance, value: 1150, unit: INR, scale: billion, period: Q2 FY26, period_type: forecast, period_end: 2025-09-30, source: R }\n`;
    for (const fine of [
      'Revenue was [[revenue]] in Q3 FY26.',
      'Revenue was [[revenue]] in 3QFY26.',
      'Revenue was [[revenue]] in FY26 Q3.',
      'Revenue was [[revenue]] in the third quarter of fiscal 2026.',
      'Revenue was [[revenue]] in the quarter ended 31 December 2025.',
      'Revenue was [[revenue]] in Q3 FY26 (quarter ended 31 Dec 2025), taking FY26 revenue so far to INR 3,300 billion.',
      'Revenue was [[revenue]] in Q3 FY26, up from Q2 FY26.', // compared with
      'Revenue rose to [[revenue]], up 9% from Q2 FY26.',
      'Revenue rose 20% vs. Q3 FY25 to [[revenue]].',
      'Revenue was [[revenue]] (Q3 FY25: INR 1,000 billion).', // another figure for it in brackets
      'Revenue was [[revenue]], against [[revenue@2025-09-30]] in Q2 FY26.', // the other figure's
      'Revenue was [[revenue]]; for Q2 FY26 the company had guided [[guide]].', // a forecast's own period
      'Revenue was [[revenue]] in Q3 FY2025-26.', // a fiscal year written as the two it spans: FY26
      'Revenue was [[revenue]] in Q3 FY2025–26.', // with an en dash or a slash too
      'Revenue was [[revenue]] in Q3 FY2025/26, in Q3 FY 2025–26 and in FY2025/26.',
      'Revenue was [[revenue]] in Q2 FY2025—26.', // an em dash joins no years
    ]) expect(mismatches(guide, fine, INDIA), fine).toEqual([]);
    // Another quarter of such a year is reported, as "Q2 FY26" would be.
    expect(mismatches(guide, 'Revenue was [[revenue]] in Q2 FY2025-26.', INDIA)).toEqual([expect.stringContaining('but its sentence speaks of "Q2 FY2025-26"')]);
    // Q3 FY26 beside the figure for Q1 FY26 is reported.
    expect(mismatches(guide, 'Revenue was [[revenue@2025-06-30]] in Q3 FY26.', INDIA)).toEqual([expect.stringContaining('shows Revenue for Q1 FY26 (Apr-Jun 2025), but its sentence speaks of "Q3 FY26"')]);
  });

  it('compares "Q2 FY26" only with a figure whose own period words name a fiscal quarter: not with a calendar quarter', () => {
    // Q3 2025 (period_end 2025-09-30) may be any fiscal year's quarter: "Q2 FY26" cannot be told from it.
    for (const written of ['Q2 FY26', 'Q2 FY2026', '2QFY26', 'FY26 Q2', 'H1 FY26']) {
      expect(mismatches(series([Q2, Q3]), `Revenue was [[revenue]] in ${written}.`), written).toEqual([]);
    }
    // Where the figure's words say Q3 FY26, the same sentence is reported.
    expect(mismatches(series([Q2, ["'Q3 FY26 (Jul-Sep 2025)'", '2025-09-30', 436.9]]), 'Revenue was [[revenue]] in Q2 FY26.')).toHaveLength(1);
  });

  it('learns how the canvas\'s fiscal quarters fall from its own figures, and compares "Q2 FY26" with a quarter its words name by the calendar', () => {
    // Q1 and Q2 FY26 end in June and September 2025: Q3 FY26 is the quarter ending in December, however its own words name it.
    const calendarWords: [string, string, number] = ['quarter ended 31 Dec 2025', '2025-12-31', 1203];
    expect(mismatches(inr('revenue', [FQ1, FQ2, calendarWords]), 'Revenue was [[revenue]] in Q2 FY26.', INDIA)).toEqual([
      '15:24 text [[revenue]] shows Revenue for quarter ended 31 Dec 2025, but its sentence speaks of "Q2 FY26", and would print the one beside the other: write [[revenue@2025-09-30]] if it means the figure for Q2 FY26 (Jul-Sep 2025), or name the period with [[revenue.period]], which follows the figure; if the sentence is right as it is, acknowledge the finding',
    ]);
    for (const written of ['Q3 FY26', 'the third quarter of fiscal 2026', 'FY2026 Q3']) {
      expect(mismatches(inr('revenue', [FQ1, FQ2, calendarWords]), `Revenue was [[revenue]] in ${written}.`, INDIA), written).toEqual([]);
    }
    // Figures that disagree on it (two companies, or a slip) teach nothing: "Q2 FY26" is then not compared with a calendar quarter.
    const other = `  other:\n    label: Other\n    unit: INR\n    scale: billion\n    source: Reports\n    values:\n      - { value: 5, period: Q2 FY26, period_end: 2025-12-31 }\n`;
    expect(mismatches(inr('revenue', [FQ1, FQ2, calendarWords]) + other, 'Revenue was [[revenue]] in Q2 FY26. Other was [[other]].', INDIA)).toEqual([]);
    // One slip among many figures does not unlearn it (three in four figures say how the quarters fall).
    const costs = inr('costs', [FQ1, FQ2]);
    expect(mismatches(inr('revenue', [FQ1, FQ2, calendarWords]) + costs + other, 'Revenue was [[revenue]] in Q2 FY26. Costs were [[costs]], other [[other]].', INDIA)).toHaveLength(1);
    // ...but two figures on another calendar are a second company's, however many the first has (Microsoft's Q2 FY26 ends in
    // December, beside an Indian company's Q2 FY26 ending in September): nothing is learnt, as where the two are even.
    const peer = `  peer:\n    label: Peer revenue\n    unit: INR\n    scale: billion\n    source: Reports\n    values:\n      - { value: 5, period: Q1 FY26, period_end: 2025-09-30 }\n      - { value: 6, period: Q2 FY26, period_end: 2025-12-31 }\n`;
    const many = inr('revenue', [FQ1, FQ2, calendarWords]) + costs + inr('capex', [FQ1, FQ2]);
    expect(mismatches(many + peer, 'Revenue was [[revenue]] in Q2 FY26. Costs were [[costs]], capex [[capex]], peer revenue [[peer]].', INDIA)).toEqual([]);
  });

  it('finds a quarter named by the month it ends in ("the June quarter"), with a year or without', () => {
    expect(mismatches(series([Q2, Q3]), 'Revenue was [[revenue]] in the June quarter.')).toEqual([
      '14:24 text [[revenue]] shows Revenue for Q3 2025, but its sentence speaks of "June quarter", and would print the one beside the other: write [[revenue@2025-06-30]] if it means the figure for Q2 2025, or name the period with [[revenue.period]], which follows the figure; if the sentence is right as it is, acknowledge the finding',
    ]);
    for (const written of ['the quarter to June 2025', 'the three months to Jun 2025', 'the December quarter', 'the March quarter of 2025']) {
      expect(mismatches(series([Q2, Q3]), `Revenue was [[revenue]] in ${written}.`), written).toHaveLength(1);
    }
    for (const written of ['the September quarter', 'the Sept. quarter of 2025', 'the quarter to September', 'the quarter ended September 30, 2025']) {
      expect(mismatches(series([Q2, Q3]), `Revenue was [[revenue]] in ${written}.`), written).toEqual([]);
    }
    // Compared with, or named for another figure: as any period.
    expect(mismatches(series([Q2, Q3]), 'Revenue was [[revenue]] in the September quarter, up from [[revenue@2025-06-30]] in the June quarter.')).toEqual([]);
    // A sentence that names the figure's own period one way (Q3 FY26) and another period another way is about two.
    expect(mismatches(inr('revenue', [FQ2, FQ3]), 'Revenue was [[revenue]] in Q3 FY26, and exports set a record in the June quarter.', INDIA)).toEqual([]);
    expect(mismatches(inr('revenue', [FQ2, FQ3]), 'Revenue was [[revenue]] in the December quarter; Q2 FY26 was weaker.', INDIA)).toEqual([]);
  });

  it('finds a quarter named by its number without a year ("in Q2", "im zweiten Quartal"), compared by that number as "the June quarter" is by its month', () => {
    // The commonest words left over when a quarter is rolled forward: the German margin printed as Q2's under Q3's figure.
    const DE = HEAD.replace('currency: EUR', 'currency: EUR, language: de');
    const marge = `  ebit_marge:\n    label: EBIT-Marge\n    unit: percent\n    source: Berichte\n    values:\n      - { value: 8.1, change: { points: 0.3 }, period: Q2 2025, period_end: 2025-06-30 }\n      - { value: 8.7, change: { points: 0.6 }, period: Q3 2025, period_end: 2025-09-30 }\n`;
    expect(mismatches(marge, 'Die EBIT-Marge erreichte im zweiten Quartal [[ebit_marge]], [[ebit_marge.change]].', DE)).toEqual([
      '13:56 text [[ebit_marge]] shows EBIT-Marge for Q3 2025, but its sentence speaks of "zweiten Quartal", and would print the one beside the other: write [[ebit_marge@2025-06-30]] if it means the figure for Q2 2025, or name the period with [[ebit_marge.period]], which follows the figure; if the sentence is right as it is, acknowledge the finding',
      '13:72 text [[ebit_marge.change]] shows EBIT-Marge for Q3 2025, but its sentence speaks of "zweiten Quartal", and would print the one beside the other: write [[ebit_marge@2025-06-30.change]] if it means the figure for Q2 2025, or name the period with [[ebit_marge.period]], which follows the figure; if the sentence is right as it is, acknowledge the finding',
    ]);
    expect(mismatches(series([Q2, Q3]), 'Revenue was [[revenue]] in the second quarter.')).toEqual([
      '14:24 text [[revenue]] shows Revenue for Q3 2025, but its sentence speaks of "second quarter", and would print the one beside the other: write [[revenue@2025-06-30]] if it means the figure for Q2 2025, or name the period with [[revenue.period]], which follows the figure; if the sentence is right as it is, acknowledge the finding',
    ]);
    for (const [text, said] of [
      ['Revenue was [[revenue]] in Q2.', 'Q2'], ['Revenue in the second quarter rose 8% year on year to [[revenue]].', 'second quarter'], ['Q2 revenue was [[revenue]].', 'Q2'], ['For Q2 we report [[revenue]].', 'Q2'], ['Revenue in 2Q was [[revenue]].', '2Q'], ['Revenue was [[revenue]] in the 2nd quarter.', '2nd quarter'], ['Second-quarter revenue was [[revenue]].', 'Second-quarter'],
      ['Der Umsatz lag im 2. Quartal bei [[revenue]].', '2. Quartal'], ['Der Umsatz lag im zweiten Quartal des Jahres bei [[revenue]].', 'zweiten Quartal'],
      ['Le chiffre d\'affaires s\'élève à [[revenue]] au deuxième trimestre.', 'deuxième trimestre'], ['Le chiffre d\'affaires s\'élève à [[revenue]] au T2.', 'T2'],
      ['Los ingresos fueron [[revenue]] en el 2T.', '2T'], ['A receita foi de [[revenue]] no segundo trimestre.', 'segundo trimestre'], ['I ricavi sono stati pari a [[revenue]] nel T2.', 'T2'],
      ['De omzet bedroeg [[revenue]] in het tweede kwartaal.', 'tweede kwartaal'], ['De omzet bedroeg [[revenue]] in K2.', 'K2'],
    ]) {
      expect(mismatches(series([Q2, Q3]), text!), text).toEqual([expect.stringContaining(`speaks of "${said}", and would print the one beside the other: write [[revenue@2025-06-30]] if it means the figure for Q2 2025`)]);
    }
    // The figure's own quarter, however numbered; a quarter the sentence compares with; an ordinal that counts quarters; a
    // quarter written with another figure; a year beside it that no pattern reads; "q2", "T2" and "K2" alone.
    for (const text of [
      'Revenue was [[revenue]] in Q3.', 'Revenue was [[revenue]] in the third quarter.', 'Der Umsatz lag im 3. Quartal bei [[revenue]].', 'Der Umsatz lag im dritten Quartal des Jahres bei [[revenue]].',
      'Le chiffre d\'affaires s\'élève à [[revenue]] au T3.', 'De omzet bedroeg [[revenue]] in het derde kwartaal.',
      'Revenue was [[revenue]], up from Q2.', 'Revenue was [[revenue]] vs. Q2.', 'Revenue was [[revenue]], compared with the second quarter.', 'Der Umsatz lag bei [[revenue]], gegenüber dem zweiten Quartal.',
      'Le chiffre d\'affaires s\'élève à [[revenue]], contre 401,7 M€ au T2.', 'Revenue was [[revenue]], up from [[revenue@2025-06-30]] in Q2.',
      'Revenue grew for the second quarter in a row, to [[revenue]].', 'Revenue was [[revenue]], a second quarter of growth.', 'Der Umsatz stieg das vierte Quartal in Folge, auf [[revenue]].',
      'Revenue was [[revenue]] in Q2, 2024.', 'Revenue was [[revenue]] in the second quarter of the 2026 financial year.', 'In 2025, Q2 revenue was [[revenue]].',
      'Revenue was [[revenue]] in q2.', 'Revenue was [[revenue]], T2 capital unchanged.',
      // A bare "Q4" inside a name or an aside, after no preposition or article: a product, a plan, a quarter in passing.
      'Sales of the Audi Q4 e-tron brought [[revenue]].', 'Demand in the second quarter lifted sales to a record [[revenue]].', 'Revenue was [[revenue]]; Q1 guidance is unchanged.', 'Revenue was [[revenue]] as Q2 orders shipped.',
    ]) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([]);
    }
    // A fiscal year's quarter is numbered by its fiscal year: "Q2" is the Indian company's July to September quarter, and
    // its figure for it is found under "Q2" only once rolled forward to Q3 FY26 (October to December, the calendar's Q4).
    expect(mismatches(inr('revenue', [FQ1, FQ2]), 'Revenue was [[revenue]] in Q2.', INDIA)).toEqual([]);
    expect(mismatches(inr('revenue', [FQ1, FQ2]), 'Revenue was [[revenue]] in the second quarter.', INDIA)).toEqual([]);
    expect(mismatches(inr('revenue', [FQ1, FQ2, FQ3]), 'Revenue was [[revenue]] in Q2.', INDIA)).toEqual([expect.stringContaining('speaks of "Q2", and would print the one beside the other: write [[revenue@2025-09-30]] if it means the figure for Q2 FY26 (Jul-Sep 2025)')]);
    // ...and so where the canvas's figures say how its fiscal quarters fall, the quarter's own words naming it by its end.
    const calendarWords: [string, string, number] = ['quarter ended 30 Sep 2025', '2025-09-30', 1102];
    expect(mismatches(inr('revenue', [FQ1, calendarWords]) + inr('costs', [FQ1, FQ2]), 'Revenue was [[revenue]] in Q2.', INDIA)).toEqual([]);
    expect(mismatches(inr('revenue', [FQ1, calendarWords]) + inr('costs', [FQ1, FQ2]), 'Revenue was [[revenue]] in Q1.', INDIA)).toEqual([expect.stringContaining('speaks of "Q1", and would print the one beside the other: write [[revenue@2025-06-30]]')]);
    // As a Japanese company numbers its quarters by the year ending in March: "第2四半期" is July to September.
    const JP = HEAD.replace('currency: EUR', 'currency: JPY, language: ja');
    const jp = series([['2026年3月期 第1四半期', '2025-06-30', 401.7], ['2026年3月期 第2四半期', '2025-09-30', 436.9]]);
    expect(mismatches(jp, '第2四半期の売上高は[[revenue]]でした。', JP)).toEqual([]);
    expect(mismatches(jp, '第1四半期の売上高は[[revenue]]でした。', JP)).toHaveLength(1);
  });

  it('reads a quarter named without a year only where it dates its figure\'s own clause: not beside a comparison with it, an event in it, or another clause', () => {
    const DE = HEAD.replace('currency: EUR', 'currency: EUR, language: de'), FR = HEAD.replace('currency: EUR', 'currency: EUR, language: fr');
    for (const [text, head] of [
      // Sameness with the quarter ("as in Q2"), not the figure's period.
      ['As in Q2, the Energy segment contributed [[revenue]].', HEAD], ['As in the second quarter, operating margin improved, to [[revenue]].', HEAD],
      ['Wie im zweiten Quartal stieg das EBIT, auf [[revenue]].', DE], ['Comme au deuxième trimestre, la marge opérationnelle progresse, à [[revenue]].', FR],
      // An event the quarter dates, in a clause or phrase of its own.
      ['The acquisition of Voltline, which closed in Q2, contributed to Energy revenue of [[revenue]].', HEAD],
      ['Die im zweiten Quartal abgeschlossene Übernahme von Voltline trug zum Umsatz von [[revenue]] bei.', DE],
      ['L\'acquisition de Voltline, finalisée au deuxième trimestre, contribue au chiffre d\'affaires de [[revenue]].', FR],
      ['As announced in the second quarter, we sold the trailer business; revenue was [[revenue]].', HEAD],
      ['Free cash flow was [[revenue]], after the one-off pension payment made in the first quarter.', HEAD],
      ['Following the Q2 plant shutdown, deliveries rose to [[revenue]].', HEAD],
      ['Revenue rose to [[revenue]] as the plant that reopened in Q2 returned to full output.', HEAD],
      ['Deliveries were [[revenue]], including cars held back at the end of Q2.', HEAD],
      ['Net income was [[revenue]], reversing a loss in the second quarter.', HEAD],
      ['The second quarter\'s restructuring charge did not recur, and net income was [[revenue]].', HEAD],
      ['After a soft first quarter, revenue recovered to [[revenue]].', HEAD],
      ['Das vierte Quartal ist saisonal das stärkste; im dritten Quartal erreichte der Umsatz [[revenue]].', DE], ['Das vierte Quartal ist saisonal das stärkste; der Umsatz erreichte [[revenue]].', DE],
      // A product's name at the sentence's start.
      ['Q4 e-tron deliveries reached [[revenue]].', HEAD],
    ]) {
      expect(mismatches(series([Q2, Q3]), text!, head), text).toEqual([]);
    }
    // Where it dates the figure's own clause, at its start or a few words from the figure, it is read, a comma after it at the start too.
    for (const text of ['In the second quarter, revenue was [[revenue]].', 'In Q2, the Energy segment contributed [[revenue]].', 'Revenue rose to [[revenue]] in Q2 as the plant returned to full output.']) {
      expect(mismatches(series([Q2, Q3]), text), text).toEqual([expect.stringContaining('speaks of')]);
    }
    // Opening the sentence after a preposition, it dates its whole clause, the figure more than four words on too.
    for (const [text, head] of [
      ['Im zweiten Quartal erzielte Rheinwerk einen Umsatz von [[revenue]].', DE], ['In Q2 the group generated total revenue of [[revenue]].', HEAD],
      ['Au deuxième trimestre, le chiffre d\'affaires du groupe s\'est établi à [[revenue]].', FR], ['Au deuxième trimestre, le groupe a réalisé un chiffre d\'affaires de [[revenue]].', FR],
    ]) {
      expect(mismatches(series([Q2, Q3]), text!, head), text).toEqual([expect.stringContaining('speaks of')]);
    }
  });

  it('finds a quarter named by its last day ("quarter ended 30 June 2025"), compared by that day as any calendar quarter', () => {
    const both = series([Q2, Q3]);
    expect(mismatches(both, 'Revenue was [[revenue]] in the quarter ended 30 June 2025.')).toEqual([
      expect.stringMatching(/speaks of "quarter ended 30 June 2025".*write \[\[revenue@2025-06-30\]\] if it means the figure for Q2 2025/),
    ]);
    for (const written of ['three months ended June 30, 2025', 'quarter ending 30 Jun 2025', 'quarter ended 2025-06-30', 'quarter ended 30.06.2025', 'quarter ended June 2025', '3 months ended 30th June 2025']) {
      expect(mismatches(both, `Revenue was [[revenue]] in the ${written}.`), written).toEqual([expect.stringContaining(`speaks of "${written}"`)]);
    }
    for (const fine of [
      'Revenue was [[revenue]] in the quarter ended 30 September 2025.',
      'Revenue was [[revenue]] in the three months ended September 30, 2025.',
      'Revenue was [[revenue]], up from EUR 401.7 million in the quarter ended 30 June 2025.',
      'Revenue was [[revenue]] (quarter ended 30 June 2025: EUR 401.7m).',
      'Revenue was [[revenue]], against [[revenue@2025-06-30]] in the quarter ended 30 June 2025.',
      'Revenue was [[revenue]]; the six months ended 30 June 2025 were weaker.', // a half, not read
      'Revenue was [[revenue]] in the quarter ended 30 February 2025.', // no such day
    ]) expect(mismatches(both, fine), fine).toEqual([]);
    // A fiscal quarter's figure, by its period_end: "the quarter ended 30 September 2025" is Q2 FY26, not Q3 FY26.
    expect(mismatches(inr('revenue', [FQ2, FQ3]), 'Revenue was [[revenue]] in the quarter ended 30 September 2025.', INDIA)).toEqual([
      expect.stringMatching(/speaks of "quarter ended 30 September 2025".*write \[\[revenue@2025-09-30\]\] if it means the figure for Q2 FY26/),
    ]);
  });

  it('says nothing of a fiscal year beside a fiscal quarter\'s figure: a sentence names a year for many reasons besides the figure\'s period', () => {
    const india = inr('revenue', [FQ2, FQ3]);
    for (const fine of [
      'Revenue recovered to [[revenue]] in the quarter, after a weak FY25.',
      'Revenue was [[revenue]]; FY25 comparatives are restated.',
      'Revenue was [[revenue]]; the FY25 annual report had set a three-year plan.',
      'Q3 revenue in FY26 was [[revenue]].', // its fiscal year
      'Revenue in Q3 FY26 was [[revenue]], and FY25 revenue was INR 4,000 billion.', // its quarter, the year of it
      'Revenue was [[revenue]] in the quarter ended 31 December 2025; in FY25 it was INR 4,000 billion.', // its quarter by its last day
      'Revenue was [[revenue]], up from INR 980 billion a quarter in FY25.', // compared with
      'Revenue was [[revenue]], against INR 1,000 billion in the same quarter of FY25.',
      'Revenue was [[revenue]]; in the same quarter of FY25 it was INR 1,000 billion.',
      'Revenue was [[revenue]]; FY27 revenue is to reach INR 6,000 billion.', // a later fiscal year beside a quarter
      'Revenue was [[revenue]], bringing full-year 2025 revenue to INR 4,300 billion.', // "full year": maybe the calendar's
    ]) expect(mismatches(india, fine, INDIA), fine).toEqual([]);
    // A calendar quarter's figure neither.
    expect(mismatches(series([Q2, Q3]), 'Revenue was [[revenue]] in FY24.')).toEqual([]);
  });

  it('takes a fiscal quarter\'s own words as its own: a company whose "Q2 2025" ends on 30 September', () => {
    const fiscal = series([["'Q2 2025 (quarter ended 30 Sep 2025)'", '2025-09-30', 436.9]]);
    expect(mismatches(fiscal, 'Revenue was [[revenue]] in Q2 2025.')).toEqual([]);
    expect(mismatches(fiscal, 'Revenue was [[revenue]] in Q1 2025.')).toHaveLength(1);
    // "Q2 FY2026" is a fiscal quarter, not the fiscal year FY2026
    expect(mismatches(`  fy: { label: Revenue, value: 1, unit: EUR, period: FY2025, period_type: fiscal_year, source: R }\n`, 'In Q2 FY2026 revenue was [[fy]].')).toEqual([]);
  });

  it('reports each of thousands of references in one sentence at its own place', () => {
    const found = mismatches(series([Q2, Q3]), `In Q2 2025: ${'[[revenue]], '.repeat(5000)}in all.`);
    expect(found).toHaveLength(5000);
    expect(found.at(-1)).toMatch(new RegExp(`^14:${11 + 'In Q2 2025: '.length + 4999 * '[[revenue]], '.length + 1} `));
  });

  it('can be acknowledged, and then explains the figure in the data notes', () => {
    const text = `${HEAD}metrics:\n${series([Q2, Q3])}blocks:\n  revenue_streams:\n    lead: "Revenue was [[revenue]] in Q2 2025."\ndata_notes:\n  acknowledged:\n    - { rule: period-mismatch, metrics: [revenue@2025-09-30], reason: The Q2 call discussed the Q3 figure. }\n`;
    const [finding] = validateWithWarnings(parseCanvas(text, 'c.yaml')).findings.filter((f) => f.rule === 'period-mismatch');
    expect(finding?.acknowledged).toBe('The Q2 call discussed the Q3 figure.');
  });
  it('reads words that date a figure from a later one of its measure beside it ("last quarter", "a year earlier", 上季度), and a period tied to a figure in a comparison', () => {
    const Q1: [string, string, number] = ['Q1 2025', '2025-03-31', 390.2];
    const Q3_24: [string, string, number] = ['Q3 2024', '2024-09-30', 377.4];
    const values = series([Q3_24, Q1, Q2, Q3]);
    // Two quarters back, called the last one: the reference would print Q1's figure as Q2's.
    expect(mismatches(values, 'Revenue was [[revenue]], up from [[revenue@2025-03-31]] last quarter.')).toEqual([
      `16:45 text [[revenue@2025-03-31]] shows Revenue for Q1 2025, but its sentence says "last quarter", which from Revenue for Q3 2025 beside it is the period ending 30 Jun 2025: write [[revenue@2025-06-30]] if it means the figure for Q2 2025, or correct the words; if the sentence is right as it is, acknowledge the finding`,
    ]);
    for (const text of ['Revenue was [[revenue]], against last quarter\u2019s [[revenue@2025-03-31]].', '收入为[[revenue]]，上季度为[[revenue@2025-03-31]]。', 'Revenue was [[revenue]], up from [[revenue@2025-06-30]] a year earlier.']) {
      expect(mismatches(values, text), text).toHaveLength(1);
    }
    // Right, or dated from today rather than from the later figure: nothing.
    for (const text of [
      'Revenue was [[revenue]], up from [[revenue@2025-06-30]] last quarter.', 'Revenue was [[revenue]], up from [[revenue@2024-09-30]] a year earlier.',
      'Revenue was [[revenue]], up from [[revenue@2024-09-30]] in the same quarter last year.', '收入为[[revenue]]，去年同期为[[revenue@2024-09-30]]。',
      'Revenue was [[revenue]] last quarter, up from [[revenue@2025-06-30]].', 'Revenue was [[revenue]], up from [[revenue@2025-03-31]] two quarters earlier.',
    ]) {
      expect(mismatches(values, text), text).toEqual([]);
    }
    // A period written with the figure it is for, in a comparison: Q1's figure given as Q2's.
    expect(mismatches(values, 'Revenue was [[revenue]], up from [[revenue@2025-03-31]] in Q2 2025.')).toEqual([
      `16:45 text [[revenue@2025-03-31]] shows Revenue for Q1 2025, but its sentence speaks of "Q2 2025", and would print the one beside the other: write [[revenue@2025-06-30]] if it means the figure for Q2 2025, or name the period with [[revenue@2025-03-31.period]], which follows the figure; if the sentence is right as it is, acknowledge the finding`,
    ]);
    expect(mismatches(values, 'Revenue was [[revenue]], up from [[revenue@2025-06-30]] in Q2 2025.')).toEqual([]);
    // Typed: the reference typed-figure would advise keeps the wrong quarter; it says which the words mean.
    const typed = (paragraph: string) => validateWithWarnings(parseCanvas(`${HEAD}metrics:\n${values}blocks:\n  revenue_streams:\n    lead: ${JSON.stringify(paragraph)}\n`, 'c.yaml')).findings.filter((f) => f.rule === 'typed-figure').map((f) => f.message);
    expect(typed('Revenue was [[revenue]], up from EUR 390.2 million last quarter.')).toEqual([
      '"EUR 390.2 million" is typed into the text, and is the value of revenue@2025-03-31 (Q1 2025), but its sentence says "last quarter", which from Revenue for Q3 2025 beside it is the period ending 30 Jun 2025, for which revenue is €401.7 million: check which figure the text means. Write [[revenue@2025-06-30]] for the Q2 2025 figure, or [[revenue@2025-03-31]] if the Q1 2025 figure is meant (and correct the words)',
    ]);
    expect(typed('Revenue was [[revenue]], up from EUR 401.7 million last quarter.')).toEqual([
      '"EUR 401.7 million" is typed into the text, and is the value of revenue@2025-06-30: write [[revenue@2025-06-30]] instead, so that the text changes when the metric is updated and is checked with it',
    ]);
  });
  it('dates a figure only from a later one of as long a period, and from any such figure in the sentence', () => {
    const Q1: [string, string, number] = ['Q1 2025', '2025-03-31', 390.2];
    const Q3_24: [string, string, number] = ['Q3 2024', '2024-09-30', 377.4];
    const year = (id: string, period: string, end: string, value: number) =>
      `  ${id}:\n    label: Revenue\n    value: ${value}\n    unit: EUR\n    scale: million\n    period: ${period}\n    period_end: ${end}\n    source: Reports\n`;
    const values = series([Q3_24, Q1, Q2, Q3]) + year('revenue_fy24', 'FY2024', '2024-12-31', 1512.3) + year('revenue_h1_24', 'H1 2024', '2024-06-30', 741.2) + year('revenue_h1', 'H1 2025', '2025-06-30', 791.9);
    for (const text of [
      // Last year's annual (or half-year) figure beside this quarter's: last year, not the quarter a year before.
      'Revenue of [[revenue]] in the quarter is already over a quarter of last year\u2019s [[revenue_fy24]].',
      'Quarterly revenue was [[revenue]], against full-year revenue of [[revenue_fy24]] last year.',
      'First-half revenue was [[revenue_h1]], up from [[revenue_h1_24]] a year earlier, and third-quarter revenue [[revenue]].',
      // Counted from the figure just before it, not from the latest in the sentence.
      'Revenue was [[revenue]], up from [[revenue@2025-06-30]] in Q2, itself up from [[revenue@2025-03-31]] the quarter before.',
    ]) {
      expect(mismatches(values, text), text).toEqual([]);
    }
    expect(mismatches(values, 'Revenue was [[revenue]], up from [[revenue@2025-03-31]] last quarter.')).toHaveLength(1);
  });

  it('reads a balance at a quarter\'s close (period_type: as_at) as that quarter\'s: last year\'s CET1 ratio under "Q3 2025" is found', () => {
    // A bank's CET1 ratio and loans, balances at 30 September: "in Q3 2025" names the quarter they close.
    const balances = `  cet1:\n    label: CET1 ratio\n    unit: percent\n    period_type: as_at\n    source: Reports\n    values:\n      - { value: 12.8, period: 30 Sep 2024, period_end: 2024-09-30 }\n      - { value: 13.1, period: 30 Sep 2025, period_end: 2025-09-30 }\n`;
    expect(mismatches(balances, 'The CET1 ratio was [[cet1@2024-09-30]] in Q3 2025.')).toEqual([
      expect.stringMatching(/text \[\[cet1@2024-09-30\]\] shows CET1 ratio for 30 Sep 2024, but its sentence speaks of "Q3 2025".*write \[\[cet1@2025-09-30\]\]/),
    ]);
    expect(mismatches(balances, 'The CET1 ratio was [[cet1]] at the end of Q3 2025, up from [[cet1@2024-09-30]] in Q3 2024.')).toEqual([]);
    expect(mismatches(balances, 'The CET1 ratio was [[cet1]] in FY2025.')).toEqual([]);
    // A balance at a day that closes no quarter names none.
    const midQuarter = balances.replace('period: 30 Sep 2024, period_end: 2024-09-30', 'period: 15 Aug 2024, period_end: 2024-08-15');
    expect(mismatches(midQuarter, 'The CET1 ratio was [[cet1@2024-08-15]] in Q3 2025.')).toEqual([]);
  });

  it('leaves a figure that words beside it date back from the sentence\'s period to its own: "In Q3 2025 revenue rose from [[revenue@2024-09-30]] a year earlier"', () => {
    const values = series([['Q3 2024', '2024-09-30', 390.2], Q2, Q3]);
    for (const text of ['In Q3 2025 revenue rose from [[revenue@2024-09-30]] a year earlier.', 'Revenue kept growing in Q3 2025, against [[revenue@2024-09-30]] in the same quarter last year.', 'In Q3 2025 revenue grew from [[revenue@2025-06-30]] the previous quarter.']) {
      expect(mismatches(values, text), text).toEqual([]);
    }
    // Words that date it to another period than its own: the value they mean.
    expect(mismatches(values, 'In Q3 2025 revenue rose from [[revenue@2024-09-30]] a quarter earlier.')).toEqual([
      expect.stringMatching(/its sentence speaks of "Q3 2025" and puts the figure "a quarter earlier", which it is not, .*write \[\[revenue@2025-06-30\]\] if it means the figure for Q2 2025/),
    ]);
  });

  it('leaves the earlier figure a sentence compares its period\'s with: "In Q3 2025 revenue was €430.5 million, up from [[revenue@2024-09-30]]"', () => {
    const values = series([['Q3 2024', '2024-09-30', 390.2], Q2, Q3]);
    for (const text of ['In Q3 2025 revenue was €430.5 million, up from [[revenue@2024-09-30]].', 'In Q3 2025 revenue rose 10% from [[revenue@2024-09-30]].', 'Revenue was €430.5 million in Q3 2025, compared with [[revenue@2025-06-30]].', 'In Q3 2025 revenue of €430.5 million was well ahead of last year (vs. [[revenue@2024-09-30]]).']) {
      expect(mismatches(values, text), text).toEqual([]);
    }
    // Not a later figure, nor one of two years before (last year's text, its reference left as it was), nor one written
    // with a period of its own that is not its own.
    expect(mismatches(values, 'In Q2 2025 revenue was €401.0 million, up from [[revenue]].')).toHaveLength(1);
    const older = series([['Q3 2023', '2023-09-30', 350.4], ['Q3 2024', '2024-09-30', 390.2], Q2, Q3]);
    expect(mismatches(older, 'In Q3 2025 revenue was €430.5 million, up from [[revenue@2023-09-30]].')).toHaveLength(1);
    expect(mismatches(older, 'In Q3 2025 revenue was €430.5 million, up from [[revenue@2024-09-30]].')).toEqual([]);
    expect(mismatches(values, 'In Q3 2025 revenue was €430.5 million, up from [[revenue@2024-09-30]] in Q2 2025.')).toHaveLength(1);
  });

  it('ties a period to the figure just before it by "during" too, in a comparison: "up from [[revenue@2025-03-31]] during Q2 2025" gives Q1\'s figure as Q2\'s', () => {
    const values = series([['Q1 2025', '2025-03-31', 390.2], Q2, Q3]);
    expect(mismatches(values, 'Revenue was [[revenue]], up from [[revenue@2025-03-31]] during Q2 2025.')).toEqual([
      `15:45 text [[revenue@2025-03-31]] shows Revenue for Q1 2025, but its sentence speaks of "Q2 2025", and would print the one beside the other: write [[revenue@2025-06-30]] if it means the figure for Q2 2025, or name the period with [[revenue@2025-03-31.period]], which follows the figure; if the sentence is right as it is, acknowledge the finding`,
    ]);
  });

  it('takes a figure two quarters before the sentence\'s period, or one set "against" it, for the base of its comparison', () => {
    const values = series([['Q3 2024', '2024-09-30', 390.2], ['Q1 2025', '2025-03-31', 395.1], Q2, Q3]);
    for (const text of ['In Q3 2025 revenue was €430.5 million, up from [[revenue@2025-03-31]].', 'In Q3 2025 revenue was €430.5 million, against [[revenue@2024-09-30]].']) {
      expect(mismatches(values, text), text).toEqual([]);
    }
  });

  it('dates a figure a year back within a 52/53-week calendar\'s slack: "a year earlier" from the quarter ending 3 Feb 2024 is the one ending 28 Jan 2023', () => {
    const retail = series([['Q4 FY22', '2023-01-28', 401.7], ['Q4 FY23', '2024-02-03', 436.9]]);
    expect(mismatches(retail, 'Revenue was [[revenue]], up from [[revenue@2023-01-28]] a year earlier.', HEAD.replace('as_of: 2025-11-15', 'as_of: 2024-03-15').replace('Q3 2025', 'Q4 FY23'))).toEqual([]);
  });
});
