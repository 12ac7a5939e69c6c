/**
 * The periods a sentence names, and the period a figure is for, in one key each: to tell a figure that its
 * sentence speaks of another period ("[[revenue]] in Q2 2025", the series rolled forward to Q3 underneath).
 * Read: calendar quarters ("Q2 2025", "2Q25", "Q2'25", "2025 Q2", "second quarter of 2025"), keyed by their last
 * day, which a fiscal quarter's figure shares (its period_end), as are quarters named by that day ("quarter ended
 * 30 September 2025", "three months ended September 30, 2025"); fiscal years (FY2025, FY 2025, FY25, fiscal 2025,
 * full year 2025; "FY2025-26", "FY 2025/26", the year it ends, as "FY26"); halves (H1 2025, 1H25, first half of 2025); and a fiscal year's quarters and halves ("Q2 FY26",
 * "Q2 FY2026", "Q2FY26", "FY26 Q2", "2QFY26", "second quarter of fiscal 2026": fq2-fy2026; "H1 FY26", "1HFY26",
 * "first half of FY2026": fh1-fy2026; "H1 2025/26", "Q2 2025-26", a span alone, as UK and Indian companies write them), which say nothing of a calendar: they are compared only with a figure whose
 * own period words name a fiscal quarter or half too. Also German quarters ("3. Quartal 2025") and French, Portuguese,
 * Spanish, Italian and Dutch ones ("T3 2025", "3T25", "3e trimestre 2025", "terceiro trimestre de 2025", "terzo trimestre
 * 2025", "K3 2025", "derde kwartaal van 2025"), keyed as the calendar's, and Italian and Dutch halves and years ("primo
 * semestre 2025", "eerste halfjaar 2025": h1-2025; "esercizio 2025", "boekjaar 2025": fy2025). Japanese, Chinese and Korean
 * ones are read rewritten as those (japaneseFiscalWords: "2026年3月期 第2四半期", "2025年第三季度", "2025년 3분기", "2025년 상반기",
 * "2025 회계연도 2분기"), and placed (`at`, `end`) in the sentence as it is written.
 */
import { setFlagsFromString } from 'node:v8';
import type { Metric } from '../validate/schema.ts';
import { daysInMonth, monthEnd, MONTH_WORDS } from './dates.ts';
import { CHINESE_QUARTER, chineseQuarterNumber, MONTHS, periodEndIn, periodKind, periodText, spanEndYear } from './conflicts.ts';

// V8 compiles a regular expression twice by default: to bytecode when it is first used, to machine code when it is used
// again. For the patterns of comparison below (case-insensitive Unicode, 13,000 to 17,000 characters once their parts
// are filled in) that took 0.9 s of the 1.9 s `check data/alibaba.yaml` takes, in every process that reads a period (a
// CLI run, a queue worker, each test file); compiled to machine code at once, they take a quarter of it. Process-wide:
// every pattern is compiled once, straight to machine code, which costs a small one nothing measurable.
setFlagsFromString('--no-regexp-tier-up');

/** A period named in a sentence: its key, as written, where, and whether the sentence compares with it ("up from Q2 2025"). */
export interface NamedPeriod {
  key: string;
  text: string;
  compared: boolean;
  /**
   * Compared only as what a word of position just after a reference sets its figure apart from ("[[revenue]], above EUR
   * 401.7 million in Q2 2025"): a comparison where the period is earlier than the figure's, but where it is later, what
   * the figure came to in it ("[[revenue@2025-06-30]], more than EUR 300 million in Q3 2025"). Told by period-findings.ts.
   */
  setApart?: boolean;
  /** Where it is in the sentence: from `at` to before `end`. */
  at: number;
  end: number;
  /**
   * The number its words give a fiscal year's quarter that is keyed by the calendar quarter it is (q:): "2026年3月期 第2四半期"
   * (q:2025-09-30) is its company's second quarter (quarterNumberOf).
   */
  quarter?: number;
}

/**
 * The kind of period a key is for: q (a quarter), fy (a fiscal year), h (a half), fq or fh (a fiscal year's quarter or
 * half); fye, fqe or fhe of a year named by the month it ends ("FY3/26"), compared only with one another; qm (a quarter
 * named by its month alone: "the September quarter").
 */
export const periodKeyKind = (key: string) => `${key.split(/[:\d]/)[0]}${/-fye\d{4}$/.test(key) ? 'e' : ''}`;

/** A period key in an order that sorts it in time within its kind: a quarter by its end, a fiscal year or half by its year (and half or quarter). */
export const periodKeyOrder = (key: string) => key.replace(/^(h|fq|fh)(\d)-(?:fye?)?(\d{4})$/, '$1$3-$2');

// A year of two digits only where it cannot be another number: after an apostrophe, or run together with the quarter
// or half ("3Q25", "1H25", "FY25"); "Q3 20% came from cloud", "Q1 20-F" and "H100 chips" name no period. Spaces are
// bounded ({0,3}), so a run of them is never read over and over.
const QUARTER = /\b(?:q[1-4](?:[ \t'’/-]{0,3}\d{4}|\s?['’]\d{2})|[1-4]q[ \t'’]{0,3}(?:\d{4}|\d{2})|\d{4}[ \t/-]{0,3}q[1-4]|(?:first|second|third|fourth) quarter(?: of)? \d{4})\b(?![%\-–—/])/gi;
const FISCAL_YEAR = /\b(?:fy|fiscal(?: year)?|financial year|full[- ]year)[ \t'-]{0,3}(?:\d{4}|\d{2})(?:[-–/](?:\d{4}|\d{2}))?\b(?![%\-–—/])/gi;
const HALF = /\b(?:hy?[12](?:[ \t]{0,3}\d{4}|\s?['’]\d{2})|[12]h[ \t']{0,3}(?:\d{4}|\d{2})|(?:first|second) half(?: of)? \d{4})\b(?![%\-–—/])/gi;
/** A fiscal year's words, its year (two digits or four) in a group of its own: "FY26", "FY 2026", "FY'26", "fiscal 2026", "fiscal year 2026". */
const FY = String.raw`(?:fy[\s'’-]{0,3}|fiscal(?:\syear)?\s{1,3}|financial\syear\s{1,3})(\d{4}|\d{2})(?:[-–/](?:\d{4}|\d{2}))?`;
/**
 * A fiscal year's words (FY), or a year written as the two it spans with no word of a fiscal year, as UK and Indian
 * companies write their halves and quarters ("H1 2025/26", "Q2 2025-26", "first half of 2025/26"): its first year (four
 * digits) in a group of its own. A span says a fiscal year, not the calendar's: "H1 2025/26" is not H1 2025.
 */
const FY_OR_SPAN = String.raw`(?:${FY}|(\d{4})[-–/](?:\d{4}|\d{2}))`;
/**
 * A quarter or a half of a fiscal year, its number and year in groups: "Q2 FY26", "Q2FY26", "Q2 of FY26", "2QFY26",
 * "FY2026 Q2", "FY2026 2Q", "second quarter of fiscal 2026"; "H1 FY26", "1HFY26", "FY26 H1", "first half of FY2026", and as
 * Indian releases write a half, "HY1 FY26", "HY1FY26", "FY26 HY1"; and
 * of a year written as the two it spans, "Q2 FY2025-26", "H1 FY2025/26", "H1 2025/26", "Q2 2025-26", "first half of
 * 2025/26" (FY26: fiscalPartKey). Not "Q2 FY26%". Spaces are bounded, as above.
 */
const fiscalPart = (part: string, digits: string, words: string) =>
  new RegExp(String.raw`\b(?:(?:${part})([${digits}])(?:\sof)?[\s'’/-]{0,3}${FY_OR_SPAN}|([${digits}])(?:${part})[\s-]{0,3}${FY_OR_SPAN}|${FY_OR_SPAN}[\s/-]{0,3}(?:(?:${part})([${digits}])|([${digits}])(?:${part}))|(${words})\s${part === 'q' ? 'quarter' : 'half'}(?:\sof)?\s{1,3}${FY_OR_SPAN})\b(?![%\-–—/])`, 'gi');
const FISCAL_QUARTER = fiscalPart('q', '1-4', 'first|second|third|fourth');
const FISCAL_HALF = fiscalPart('hy?', '12', 'first|second');
/**
 * A quarter named by its last day: "quarter ended 30 September 2025", "three months ended September 30, 2025", "quarter
 * ending 31 Dec 2025", "quarter ended June 2025", "quarter ended 2025-09-30". The date is read by periodEndIn.
 */
const ENDED_ON = String.raw`\s{1,3}end(?:ed|ing)\s{1,3}(?:on\s{1,3})?(\d{1,2}(?:st|nd|rd|th)?\s{1,3}(?:of\s{1,3})?[a-z]{3,9}\.?,?\s{1,3}\d{4}|[a-z]{3,9}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?\s{1,3}\d{4}|[a-z]{3,9}\.?,?\s{1,3}\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b`;
const QUARTER_ENDED = new RegExp(String.raw`\b(?:quarter|three months|3 months)${ENDED_ON}`, 'gi');
/**
 * A half named by its last day, as Indian and UK releases write it: "half year ended 30 September 2025", "half-year ended
 * 30 Sep 2025", "six months ended September 30, 2025" (keyed by that day: he:2025-09-30, a half-year figure's own day).
 */
const HALF_ENDED = new RegExp(String.raw`\b(?:half[- ]year|half|six months|6 months)${ENDED_ON}`, 'gi');
/**
 * A quarter named by the month it ends in, as Apple, Microsoft and Australian companies say it: "the September quarter",
 * "December quarter 2025", "the quarter to June", "three months to March 2026" (a date after the month is QUARTER_ENDED's).
 * With a year it is that quarter; without, any year's quarter ending in that month (qm:09), which tells the September
 * quarter from the December one, never one year's from another's.
 */
const MONTH_QUARTER = /\b(?:(march|june|september|december|mar|jun|sept?|dec)\.?\s{1,3}quarter(?:\s{1,3}(?:of\s{1,3})?(\d{4}))?|(?:quarter|three months|3 months)\s{1,3}(?:to|ended|ending)\s{1,3}(march|june|september|december|mar|jun|sept?|dec)\.?(?:,?\s{1,3}(\d{4}))?(?!\.?\s{0,3}\d))\b(?![%\-–—/])/gi;
const MONTH_NUMBER: Record<string, string> = { mar: '03', jun: '06', sep: '09', dec: '12' };
/**
 * A calendar quarter named by its months: "Jul-Sep 2024", "July–September 2024", "Oct.-Dec. 2025" (periodEndIn reads the
 * date), as Japanese writes it, "2024年7～9月期", and as German does, "3. Quartal 2024", "drittes Quartal 2024". Each names
 * the calendar's quarter beside a fiscal year's words too ("Q2 FY2025 (Jul-Sep 2025)"): calendarGlossEnd. (Korean too: "2024년 7~9월".)
 */
const MONTH_SPAN = /\b(?:jan|apr|jul|oct)[a-z]*\.?\s?[-–]\s?(?:mar|jun|sep|dec)[a-z]*\.?,?\s\d{4}\b(?![%\-–—/])/gi;
const JAPANESE_MONTHS = /(\d{4})\s?[年년]\s?(1|4|7|10)\s?[～~〜\-–－]\s?(3|6|9|12)\s?[月월](?:期)?/g;
const GERMAN_QUARTER = /(?<![\p{L}\p{N}])(?:([1-4])\.\s?|(erst|zweit|dritt|viert)(?:e[nsmr]?)?\s)Quartals?\s(?:des\s(?:Geschäfts)?[Jj]ahres\s)?(\d{4})\b(?![%\-–—/])/giu;
const GERMAN_ORDINAL = ['erst', 'zweit', 'dritt', 'viert'];
/**
 * French, Portuguese and Spanish quarters as their results write them: "T3 2025" (French), "3T25" and "3T2025"
 * (Brazilian, Portuguese and Spanish), the T in capitals and run together with its number; and in words, "3e trimestre
 * 2025", "troisième trimestre 2025", "3º trimestre de 2025", "terceiro trimestre de 2025", "tercer trimestre de 2025".
 */
const ROMANCE_QUARTER = /(?<![\p{L}\p{N}])(?:T([1-4])[ \t-]?(\d{4})|([1-4])T(\d{4}|\d{2}))(?![\p{L}\p{N}%\-–—/])/gu;
const ROMANCE_QUARTER_WORDS = /(?<![\p{L}\p{N}])(?:([1-4])\s?(?:er|e|ème|º|°|ª)|(premier|deuxième|troisième|quatrième|primeiro|segundo|terceiro|quarto|primer|tercer|cuarto|primo|secondo|terzo))\s+trimestre\s+(?:(?:de|del)\s+)?(\d{4})(?![\p{L}\p{N}%\-–—/])/giu;
const ROMANCE_ORDINAL = [['premier', 'primeiro', 'primer', 'primo'], ['deuxième', 'segundo', 'secondo'], ['troisième', 'terceiro', 'tercer', 'terzo'], ['quatrième', 'quarto', 'cuarto']];
/**
 * Dutch quarters as Dutch results write them: "K3 2025" (kwartaal, the K in capitals and run together with its number, as
 * "T3 2025" above), and in words, "3e kwartaal 2025", "derde kwartaal van 2025". (Italian ones are read above: "T3 2025",
 * "3° trimestre 2025", "terzo trimestre del 2025".)
 */
const DUTCH_QUARTER = /(?<![\p{L}\p{N}])K([1-4])[ \t-]?(\d{4})(?![\p{L}\p{N}%\-–—/])/gu;
const DUTCH_QUARTER_WORDS = /(?<![\p{L}\p{N}])(?:([1-4])\s?(?:e|de|ste)|(eerste|tweede|derde|vierde))\s+kwartaal\s+(?:van\s+)?(\d{4})(?![\p{L}\p{N}%\-–—/])/giu;
const DUTCH_ORDINAL = ['eerste', 'tweede', 'derde', 'vierde'];
/**
 * Halves and years in the other languages read: Italian and Dutch "primo semestre 2025", "1° semestre del 2025", "eerste
 * halfjaar 2025", "eerste helft van 2025"; German "im ersten Halbjahr 2025", "1. Halbjahr 2025", "des zweiten Halbjahres
 * 2025"; French "premier semestre 2025", "2e semestre 2025", "1er semestre 2025", "second semestre 2025"; Spanish and
 * Portuguese "primer semestre de 2025", "segundo semestre de 2025", "1º semestre de 2025", "primeiro semestre de 2025"
 * (H1 2025, H2 2025); and as French, Spanish and Portuguese results abbreviate them, the S in capitals: "S1 2025", "1S25",
 * "2S2025" (HALF_LETTERS: at a sentence's or clause's start or after a preposition or article, "au S1 2025", "no 1S25";
 * not "sales of S2 2025 models"). Years: "esercizio 2025", "boekjaar 2025" (FY2025). Read in text only: a figure's own words are
 * read as periodText reads them ("H1 2025", "FY2025").
 */
const HALF_WORDS = /(?<![\p{L}\p{N}])(?:([12])(?:\.|\s?(?:°|º|ª|er|ème|e|ste))|(primo|secondo|eerste|tweede|premier|deuxième|second|primer|primeiro|segundo|erste[nmrs]?|zweite[nmrs]?))\s+(?:semestre|halfjaar|helft|Halbjahr(?:es|s)?)\s+(?:(?:del|van|de|do)\s+)?(\d{4})(?![\p{L}\p{N}%\-–—/])/giu;
const HALF_LETTERS = new RegExp(String.raw`(?<=(?:^|[([,;:–—]\s{0,3}|(?<![\p{L}])(?:${['au', 'aux', 'du', 'le', 'ce', 'en', 'el', 'del', 'al', 'no', 'na', 'do', 'da', 'o', 'de', 'sur', 'pour', 'em', 'para', 'nel', 'il', 'dal', 'sul', 'in', 'im', 'for'].flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]).join('|')})\s{1,3}))(?:S([12])[ \t-]?(\d{4})|([12])S(\d{4}|\d{2}))(?![\p{L}\p{N}%\-–—/])`, 'gu');
/** The ordinal words of HALF_WORDS and YEARLESS_HALF that name the first half (the others name the second). */
const FIRST_HALF = /^(?:first|erst|premier|primer|primeiro|primo|eerste)/i;
const YEAR_WORDS = /(?<![\p{L}\p{N}])(?:esercizio|boekjaar)\s+(?:(?:del|van)\s+)?(\d{4})(?![\p{L}\p{N}%\-–—/])/giu;
/** What YEARLESS_QUARTER and YEARLESS_HALF share: a period's words standing alone, not part of a range or another word. */
const LONE = String.raw`(?<![\p{L}\p{N}\-–—/])`;
/** ...not after "a", "an", "another" ("a second quarter of growth", "a second half of growth"). */
const NO_ARTICLE = String.raw`(?<!(?<![\p{L}])(?:a|an|another|ein\p{L}{0,2}|un|une|um|uma|uno|una|een)\s{1,3})`;
/** ...not beside a year or a fiscal year's words ("Q2, 2025", "second-quarter 2025", "the second half 2025"). */
const NOT_BESIDE_A_YEAR = String.raw`(?![\p{L}\p{N}%\-–—/])(?!['’]?[\s,]*(?:['’]?\d|fy(?![\p{L}])|fiscal|financial))`;
/** ...nor where the ordinal counts ("the fourth quarter in a row", "das vierte Quartal in Folge"; of quarters, "in which" and "nach der" too). */
const notCounting = (ofQuarters: boolean) => String.raw`(?!\s+(?:in\s+a\s+row|running|straight|in\s+succession|ever|on\s+record|since|after|${ofQuarters ? String.raw`in\s+which|` : ''}in\s+Folge|hintereinander|seit|${ofQuarters ? String.raw`nach\s+(?:der|dem|den)|` : ''}consécuti\p{L}*|d['’]affilée|de\s+suite|consecutiv\p{L}*|seguido|di\s+fila|op\s+rij|sinds)(?![\p{L}]))`;
/**
 * A quarter named by its number alone, without a year, the commonest words left over when a quarter is rolled forward: "Q2",
 * "2Q" (the Q in capitals), "the second quarter", "2nd quarter", "second-quarter"; German "im 2. Quartal", "im zweiten
 * Quartal (des Jahres)"; French, Portuguese, Spanish and Italian "au deuxième trimestre", "au 2e trimestre", "no segundo
 * trimestre", "en el tercer trimestre", "nel terzo trimestre", and after an article or a preposition "au T2", "no 2T", "en el
 * 2T", "nel T2" (the T in capitals: "T2" alone is as often Tier 2 capital); Dutch "het tweede kwartaal", "in K2". Keyed by
 * its number (qn:2), compared as a quarter named by its month without a year is (qm:), never by its year: a figure's
 * numbers are periodKeysOf's. Read in sentences only (namedPeriods' `yearless`), where no pattern above reads the words,
 * and not beside a year or a fiscal year's words they do not read ("Q2, 2025", "second-quarter 2025", "the second quarter
 * of the 2026 fiscal year", "2025/Q2", "Q3 20% came from cloud"), nor as the middle of a range ("Q1-Q3"), nor where the
 * ordinal counts quarters ("the fourth quarter in a row", "a second quarter of growth", "the first quarter since the
 * merger", "das vierte Quartal in Folge", "le quatrième trimestre consécutif"). Never an ordinal without its noun: French
 * leaves "trimestre" out once it has named one ("du troisième trimestre 2025 ... contre 2 310 M€ au deuxième"), but "au
 * deuxième" is as often a rank, a half or a floor, and a quarter guessed for it (the second, or the one named before) could
 * only report sentences that are right: it names none. Spaces are bounded, as above. period-mismatch
 * reads one only where it dates its figure's own clause (period-findings.ts yearlessApart).
 */
const ORDINAL_NUMBER = new Map<string, number>([
  ...[['first', 'second', 'third', 'fourth'], GERMAN_ORDINAL, DUTCH_ORDINAL].flatMap((words) => words.map((word, i): [string, number] => [word, i + 1])),
  ...ROMANCE_ORDINAL.flatMap((words, i) => words.map((word): [string, number] => [word, i + 1])),
]);
const YEARLESS_QUARTER = new RegExp(String.raw`${LONE}(?:(?:Q([1-4])|([1-4])Q)|(?<=(?<![\p{L}])(?:au|aux|du|le|ce|el|del|al|ao|no|do|o|nel|il|sul|dal)\s{1,3})(?:T([1-4])|([1-4])T)|(?<=(?<![\p{L}])(?:in|het|van|over)\s{1,3})K([1-4])|${NO_ARTICLE}(?:([1-4])(?:st|nd|rd|th|\.|\s?(?:er|e|ème|de|ste|º|°|ª))|(${[...ORDINAL_NUMBER.keys()].join('|')})(?:e[nsmr]?)?)[\s-]{0,3}(?:quarter|Quartals?|trimestre|kwartaal))${NOT_BESIDE_A_YEAR}(?!\s+(?:of|des|de|del|van|du|da|do|di)\s+(?:(?:the|l['’]|het|el|o|il)\s*)?(?:\p{L}{1,20}\s+)?['’]?(?:\d|fy(?![\p{L}])|fiscal|financial|Geschäftsjahr|exercice|ejercicio|exercício|esercizio|boekjaar))${notCounting(true)}`, 'giu');
/**
 * A half named by its number alone, without a year, as a half-year briefing rolled forward leaves it: "in the second half",
 * "second-half", "2nd half", "in H2", "in 2H" (the H in capitals, after a preposition and before a clause's end only:
 * "green H2", "the H2 market", "revenue in H2 mobility" are hydrogen's); not "second-half weighted" (a year's skew); German "im zweiten Halbjahr", "im 2. Halbjahr", "des zweiten Halbjahres"; French "au second semestre",
 * "au 2e semestre"; Spanish, Portuguese and Italian "en el segundo semestre", "no segundo semestre", "nel secondo
 * semestre"; Dutch "het tweede halfjaar" (not "helft", as often a match's). Keyed by its number (hn:2) and read as
 * YEARLESS_QUARTER reads a quarter (namedPeriods' `yearless`, period-findings.ts yearlessApart): not beside a year or a
 * fiscal year's words, not "of" anything but the year ("the second half of the decade", "la seconda metà"), not after "a"
 * ("a second half of growth"), nor where the ordinal counts ("the second half in a row").
 */
const YEARLESS_HALF = new RegExp(String.raw`${LONE}(?:(?<=(?<![\p{L}])(?:in|for|during|throughout|through|over|by|im|au|en|no|nel|het|tijdens)\s{1,3})(?:H([12])|([12])H)(?=\s*(?:[,;:.)]|$))|${NO_ARTICLE}(?:([12])(?:st|nd|\.|\s?(?:er|e|de|ste|º|°|ª))|(first|second|erste[nmrs]?|zweite[nmrs]?|premier|deuxième|primer|primeiro|segundo|primo|secondo|eerste|tweede))[\s-]{0,3}(?:half|Halbjahr(?:es|s)?|semestre|halfjaar)(?![\s-]{0,3}(?:weighted|loaded|skewed|biased|heavy)(?![\p{L}])))${NOT_BESIDE_A_YEAR}(?!\s+(?:of|des|de|del|van|du|da|do|di)\s+(?!(?:the\s+|this\s+)?(?:year|Jahres)(?![\p{L}])))${notCounting(false)}`, 'giu');
/** The words a quarter named by its number alone ("Q2", "2Q") comes after: a preposition or article (YEARLESS_QUARTER). */
const QUARTER_LEAD = /(?<![\p{L}])(?:in|for|during|throughout|by|until|through|to|of|at|over|the|this|that|its|our|their|im|am|vom|zum|zur|bis|für|seit|das|dem|des)\s{1,3}$/iu;
/** Whether a year, a fiscal year's words or a range's dash ends `text` before blanks and commas (YEARLESS_QUARTER: "2025, Q2", "FY26 Q2", "Q1 - Q3"), read back from `at` over those blanks only. */
const yearBefore = (text: string, at: number) => {
  let i = at;
  while (i > 0 && /[\s,:'’]/.test(text[i - 1]!)) i--;
  return /[\p{N}\-–—/]/u.test(text[i - 1] ?? '');
};

/**
 * What may stand between a word of comparison and the period it governs ("up from EUR 401.7 million in Q2 2025",
 * "compared with the same quarter of FY25", "contre 401,7 M€ au T2 2025", "rispetto al T3 2024", "ten opzichte van het
 * tweede kwartaal van 2025"): articles and the words of a like period ("the", "last year's", "the same period of", "dem",
 * "la même période de", "het"); at once after the word a preposition ("higher than in Q2 2025"); and a figure (a number
 * with its currency, scale or percent sign, or a reference), one word and "of" before it ("a margin of [[margin_q2]]"),
 * and a preposition after it ("in", "im", "au", "no", "nel", "del", "in het"). Nothing else: a word of comparison that
 * another clause or another subject follows governs none of its periods ("Margin was above 20%, in Q3 2025 revenue
 * reached", "ahead of consensus in Q3 2025", "Revenue from cloud in Q3 2025", "gegenüber dem Vorjahr, im 3. Quartal
 * 2025", "Rispetto alle attese, nel T3 2025"). A year it compares with, and another base after "and" ("par rapport à la
 * même période de 2024 et au T2 2025"), go on as one comparison. Read on the 50 characters before the period, whose
 * runs of blanks (a figure typed-findings.ts blanked) are read as a figure.
 */
const PERIOD_NOUN = String.raw`(?:quarter|period|half|year|months|Vorquartal|Vorjahr\p{L}*|Quartal|Zeitraum|Halbjahr|Geschäftsjahr|trimestre|période|semestre|exercice|periodo|período|ejercicio|exercício|esercizio|kwartaal|periode|halfjaar|boekjaar|jaar)`;
/**
 * A word for a period's level or value, read as an article is: "above the level of Q2 2025", "the figure for Q2 2025", "über
 * dem Wert des 2. Quartals 2025", "au-dessus du niveau du T2 2025", "por encima del nivel del 2T25", "acima do nível do 2T25",
 * "rispetto al dato del T2 2025", "boven het niveau van K2 2025".
 */
const LEVEL = String.raw`(?:levels?|figures?|values?|Wert(?:e|es|s)?|Niveaus?|Stand(?:es)?|niveaux?|valeurs?|nivel(?:es)?|valor(?:es)?|cifras?|livell[oi]|valor[ei]|dat[oi]|waarden?|cijfers?|nível|níveis)`;
const ARTICLE = String.raw`(?:(?:the|a|an|its|our|their|this|that|those|both|same|first|second|third|fourth|start|beginning|end|close|un|une|um|uma|uno|una|ein|eine|einem|einen|eines|einer|een|Beginn|Anfang|Ende|début|fin|inicio|início|final|inizio|fine|begin|eind|corresponding|comparable|prior|previous|preceding|last|year['’]s|quarter['’]s|prior[- ]year|year[- ]ago|year[- ]earlier|fiscal|financial|full[- ]year|${PERIOD_NOUN}|of|${LEVEL}|dem|den|der|des|das|die|mit|zum|zur|vom|von|gleichen|selben|entsprechenden|vergleichbaren|au|aux|à|le|la|les|du|de|même|al|el|los|las|del|mismo|misma|con|ao|aos|o|os|as|do|da|dos|das|mesmo|mesma|com|allo|alla|ai|agli|alle|il|lo|i|gli|dello|della|dei|degli|delle|di|stesso|stessa|het|van|met|dezelfde|hetzelfde|vorig|vorige)\s+|(?:levels?|figures?|values?)\s+for\s+|(?:l|all|dell|d|nell|sull|dall)['’]\s*|\(\s*)`;
const PREPOSITION = String.raw`(?:(?:in|for|during|at|of|over|on|im|am|vom|au|aux|en|à|no|na|nos|nas|em|nel|nello|nella|nei|negli|nelle|del|dello|della|dei|degli|delle|di|de|du|des|van|per|pour|para|durante|während|dans|lors|sur|pendant|sul|sullo|sulla|op|tijdens|al|el)\s+|(?:nell|dell|sull|d|l|all)['’]\s*)`;
const CURRENCY = String.raw`(?:EUR|USD|GBP|CHF|JPY|CNY|RMB|HKD|INR|KRW|BRL|SEK|NOK|DKK|AUD|CAD|SGD|TWD|MXN|ZAR|PLN|Rs\.?|[A-Z]{0,2}[$€£¥₹₩])`;
const SCALE = String.raw`(?:%|[$€£¥₹₩]|million|millions|mn|mln|billion|billions|bn|trillion|tn|thousand|crores?|lakhs?|Mio\.?|Mrd\.?|Millionen|Milliarden|Md€|M€|Mds|Md|milliards?|millions?|milhões|milhão|bilhões|bilhão|mil|millones|millón|milioni|milione|miliardi|miliardo|miljoen|miljard|euros?|dollars?|percent|per\s+cent|procent|Prozent|pour\s+cent|por\s+cento|per\s+cento|por\s+ciento|(?:percentage\s+|basis\s+)?points?|pp|bps|Prozentpunkte|(?:di|de|d['’])\s*(?:euros?|dollari|dólares|reais|dollars))`;
const FIGURE = String.raw`(?:(?:just\s+)?(?:about|around|approx\.|approximately|some|nearly|almost|roughly|under|over|below|above|more\s+than|less\s+than|ca\.|circa|rund|etwa|knapp|über|mehr\s+als|environ|plus\s+de|près\s+de|cerca\s+de|más\s+de|mais\s+de|quase|quasi|oltre|ongeveer|bijna|ruim|meer\s+dan)\s+)?(?:${CURRENCY}\s?)?(?:[-+−~≈]?[$€£¥₹₩]?\d(?:[\d.,]*\d)?(?:[a-z]{1,3}\b)?|\[\[[^\]]*\]\])(?:\s*${SCALE}(?![\p{L}]))*\s*`;
/** After a figure: how it was reported ("reported", "recorded", "registrados") or dated ("a quarter earlier"), or what it is per ("a share"). */
const FIGURE_WORDS = String.raw`(?:(?:a|one|per|por|par|pro|each)\s+(?:quarter|year|month|share|trimestre|ano|año|anno|jaar|kwartaal|Quartal|Jahr|action|ação|acción|azione|aandeel|Aktie)(?:\s+(?:earlier|before|ago))?\s+|(?:\p{L}+ed|erzielt|erwirtschaftet|gemeldet|ausgewiesen|réalisés?|enregistrés?|publiés?|registrad[oa]s?|obtenid[oa]s?|obtid[oa]s?|apurad[oa]s?|alcanzad[oa]s?|registrat[ie]|realizzat[ie]|conseguit[ie]|gerealiseerd|geboekt|behaald|gerapporteerd)\s+)`;
/**
 * A word that says what a period was like, after an article, and a word that says how much: "a weak Q2 2025", "a seasonally
 * weak Q2 2025", "dem schwachen 2. Quartal 2025"; not a preposition or "and" ("the market in Q3 2025"), nor two words of
 * another kind ("Against a tough backdrop Q3 2025 revenue was").
 */
const DESCRIBED = String.raw`(?:(?<=(?<![\p{L}])(?:the|a|an|its|our|their|this|year['’]s|un|une|um|uma|uno|una|ein\p{L}*|een|dem|den|der|des|das|il|lo|la|le|les|el|los|las|o|os|as|het|de|al|ao|au|du|del|do|da|zum|zur|vom)\s+)(?:(?:\p{L}+ly|very|particularly|especially|relatively|unusually|sehr|besonders|très|particulièrement|muy|muito|molto|particolarmente|zeer|erg|bijzonder)\s+)?(?!${PREPOSITION}|(?:and|or|but|while|whereas|as|et|mais|und|aber|y|pero|e|mas|ma|en|maar)\s)\p{L}[\p{L}-]*\s+)`;
/**
 * A comparison's base: its articles; a figure (after an article and an adjective: "a record EUR 450m"), how it was reported
 * and the preposition that dates it; an adjective; or a word for a period put beside the period ("the year-ago quarter, Q3 2024").
 */
const BASE = String.raw`${ARTICLE}*(?:${DESCRIBED}?(?:\p{L}+\s+(?:of|von|de|di|van|du|da|do|del)\s+)?${FIGURE}${FIGURE_WORDS}{0,2}(?:${PREPOSITION}${ARTICLE}*|\(\s*))?${DESCRIBED}?(?:${PERIOD_NOUN},\s+)?`;
/** After the word of comparison: a colon ("Vorjahr: 3. Quartal 2024"), a preposition ("than in"), or a base and another after "and". */
const GOVERNED = String.raw`(?![\p{L}])\s*(?::\s*|${PREPOSITION}${ARTICLE}*|${BASE}(?:(?:[\p{L}.]*\d[\p{L}\d.]*\s+){1,3}(?:and|or|et|ou|und|oder|y|o|e|en|of)\s+${BASE})?)$`;
/**
 * A result's sign or kind, named without its figure, as the base of a comparison: "compared with a net loss in Q3 2024",
 * "versus a loss in Q3 2024", "against an operating profit in FY2024", "compared to net income for the first half of 2024".
 * After "compared with" or "to", "in comparison with", "versus", "vs." or "against", an article, two words at most (net,
 * operating, small, pre-tax), its figure after "of" if it is given ("net income of EUR 12.5 million in") and a preposition: the period is the base's, not the sentence's own. Only these nouns, which
 * stand for a figure of the measure at another time: another noun there is no base ("compared with peers in Q3 2025",
 * "against a tough market in Q3 2025", "ahead of consensus in Q3 2025" name the sentence's own period). English only.
 */
const RESULT_NOUN = String.raw`(?:loss(?:es)?|profits?|income|earnings|deficits?|surplus(?:es)?|gains?|outflows?|inflows?)`;
const COMPARED_RESULT = new RegExp(String.raw`(?<![\p{L}])(?:vs\.|(?:versus|vs|against|compared\s+(?:with|to)|comparison\s+(?:with|to))(?![\p{L}]))\s+${ARTICLE}*(?:(?!${PREPOSITION}|(?:and|or|but|while|whereas|as|than)\s)\p{L}[\p{L}-]*\s+){0,2}${RESULT_NOUN}\s+(?:of\s+${FIGURE}${FIGURE_WORDS}{0,2})?${PREPOSITION}${ARTICLE}*$`, 'iu');
/** Runs of blanks, where typed-findings.ts blanked a reference or a quote: read as a figure. */
const BLANKED = / {4,}/g;

/**
 * Words before a period that make it one the sentence compares with, in German, French, Portuguese, Spanish, Italian and
 * Dutch ("rispetto al T3 2024", "contro", "dopo", "a fronte di", "ten opzichte van", "t.o.v.", "vergeleken met",
 * "na 3,1% in K3 2024", "na € 401,7 miljoen"; "na" only before a figure):
 * "gegenüber dem 3. Quartal 2024", "im Vergleich zum Vorjahresquartal", "par rapport au T3 2024", "contre", "ante o 3T24",
 * "em relação ao 3T24", "frente al 3T24", and an earlier figure's "nach 3,1 % im 3. Quartal 2024", "nach 401,7 Mio. € im",
 * "après", "após"; when what stands between them is what GOVERNED allows.
 */
const COMPARED_OTHER = new RegExp(String.raw`(?<![\p{L}])(?:gegenüber|verglichen|vergleich\w*|vorjahr\w*|nach|par\s+rapport|contre|après|após|tras|compar(?:é|ée|és|ées|ado|ada|ados|adas|ativamente|ativement|ação|ações|ación|aison(?:\s+avec)?)|em\s+relação|ante|frente|respecto|rispetto|contro|dopo|a\s+fronte|confront\p{L}*|opzichte|t\.o\.v\.|vergeleken|vergelijking|tegenover|na(?=\s+(?:[-+−]|[€$£]\s?)?\d))${GOVERNED}`, 'iu');

/**
 * Words that say where a figure stands, above or below what follows them: "above", "below", "more than", "less than", "über
 * dem", "oberhalb", "au-dessus", "supérieur", "por encima", "acima", "sopra", "superiore", "boven". Before a period, its
 * level or a definite or reported figure, they compare with it ("above Q2 2025", "below the level of Q2 2025", "above the
 * EUR 401.7 million of Q2 2025", "über dem Wert des 2. Quartals 2025", "au-dessus du niveau du T2 2025"); before a bare
 * figure and a preposition that dates it they say where the sentence's own period stood ("Margin was above 20% in Q3 2025",
 * "more than 20% in Q3 2025", "au-dessus de 20 % au T3 2025", "por encima del 20 % en el 3T25", "sopra il 20% nel T3 2025":
 * STATE), unless a figure they set apart from that one goes just before them ("[[revenue]], above EUR 401.7 million in Q2
 * 2025", "9% above", "[[revenue]] über 401,7 Mio. € im": DEGREE). German "über" and "unter" are read so before "dem" or
 * "der" (not "über das 3. Quartal", about it), or after a figure (not "über 20 %", more than).
 */
const POSITION = String.raw`(?:above|below|more\s+than|less\s+than|fewer\s+than|(?:über|unter)(?=\s+(?:dem|der)\s)|oberhalb|unterhalb|au[- ]dessus|en[- ]dessous|en[- ]deçà|supérieure?s?|inférieure?s?|por\s+encima|por\s+debajo|superior(?:es|e|i)?|inferior(?:es|e|i)?|acima|abaixo|sopra|sotto|boven|onder)`;
/**
 * Just before a word of position, a figure (or a reference) it sets apart from the one after it, a comma and an adverb
 * between; not a year ("In Q3 2025 above 20% of revenue").
 */
const DEGREE_ADVERB = String.raw`(?:(?:\p{L}+ly|well|far|just|much|still|even|deutlich|klar|leicht|nettement|bien|muy|bem|ben|ruim|ver|iets)\s{1,3})?`;
const DEGREE = String.raw`(?<=(?:\]\]|(?<!(?<![\d.,])\d{3})\d[a-z]{0,3}\.?|${SCALE})\s{0,3},?\s{0,3}${DEGREE_ADVERB})`;
/** A preposition that dates a figure in its own period ("in", "during", "im", "au", "en", "no", "nel"); not "of", whose figure is that period's ("of Q2 2025", "del T2 2025"). */
const STATE_AT = String.raw`(?:(?:in|for|during|throughout|at|im|während|au|aux|en|à|dans|lors|pendant|durant|no|na|nos|nas|em|durante|nel|nello|nella|nei|negli|nelle|tijdens)\s+|nell['’]\s*)`;
/** Not a bare figure (after the preposition or article a word of position takes: "de", "à", "del", "al", "il") dated by STATE_AT. */
const NOT_STATE = String.raw`(?!\s*(?:(?:de|à|a|di|da|del|dal|al|il|el|lo|la|los|las|do|dos|das|des|du|ao|aos|ai)\s+|(?:d|l|dell|all)['’]\s*)?${FIGURE}${STATE_AT}${ARTICLE}*$)`;
const POSITION_AFTER_FIGURE = String.raw`(?:${POSITION}|(?:über|unter)(?!\s+(?:das|die|den)\s))`;
// At each place the word is looked for first, the figure behind it (DEGREE, a lookbehind over many words) only after: each
// match starts with one of the words (POSITION's are POSITION_AFTER_FIGURE's too).
const COMPARED_POSITION = new RegExp(String.raw`(?<![\p{L}])(?=${POSITION_AFTER_FIGURE})(?:${DEGREE}${POSITION_AFTER_FIGURE}|${POSITION}${NOT_STATE})${GOVERNED}`, 'iu');
/**
 * The word COMPARED_POSITION needs (each of its matches starts with one), looked for first: most text has none, and a list
 * of words is read a hundred times faster than COMPARED_POSITION, whose lookbehind for a figure is tried at every place.
 */
const POSITION_WORD = new RegExp(POSITION_AFTER_FIGURE, 'iu');
/** Such a word just after a reference ("[[revenue]], above", "[[revenue]] über"): NamedPeriod.setApart. */
const SET_APART = new RegExp(String.raw`\]\]\s{0,3},?\s{0,3}${DEGREE_ADVERB}(?<![\p{L}])${POSITION_AFTER_FIGURE}${GOVERNED}`, 'iu');

/**
 * German and French "than", after a comparative, as English's "higher than in Q2 2025": "höher als im 2. Quartal 2025",
 * "deutlich besser als im schwachen 2. Quartal 2025", "plus élevé qu'au T2 2025" ("qu'" read as "que "), "moins fort que le T2
 * 2025"; "mehr als" and "weniger als" as "more than" and "less than" (before a bare figure dated by a preposition they say
 * where the sentence's own period stood: "mehr als 20 % im 3. Quartal 2025"). Not a word in -er that is no comparative
 * ("aber als", "oder als", "wieder als": "when", "as").
 */
const COMPARED_THAN = new RegExp(String.raw`(?<![\p{L}])(?:\p{L}{2,}er(?<!(?<![\p{L}])(?:aber|oder|über|unter|wieder|immer|hier|der|jeder|weder|entweder|außer|euer|unser|ihrer|seiner|dieser|jener|welcher|einer|keiner|weniger))\s+als|(?:mehr|weniger)\s+als${NOT_STATE}|(?:plus|moins|mieux)\s+(?:\p{L}+\s+)?que)${GOVERNED}`, 'iu');
/** The word COMPARED_THAN needs, looked for first: most text has none, and COMPARED_THAN costs a fifth of check's time on a long canvas. */
const THAN_WORD = /(?<![\p{L}])(?:als|que|qu['’])/iu;
/** French "qu'" before a vowel, read as "que " for COMPARED_THAN. */
const QU = /(?<![\p{L}])qu['’]\s*/giu;

/**
 * A period just after Italian "sul", "sull'", "sui" or Dutch "op", shortly after a percentage or a word of change or of
 * none, as English's "up 8% on FY2024": "in crescita del 3,5% sul T3 2024", "stabili sul T3 2024", "+7,7% op Q3 2024".
 */
const COMPARED_ON = /(?:%|(?<!\p{L})(?:stabil|invariat|cresc|aument|cal|diminu|rialz|ribass|flession|stijg|steeg|stegen|groei|daal|dal)\p{L}*)(?:[^.;]|\.\d){0,30}?(?:\s(?:sul|sui|op)\s+|\ssull['’])$/iu;

/** The last day of the calendar quarter `n` (1-4) of `year`, as a q: key's date. */
const quarterEndOf = (year: number, n: number) => monthEnd(year, n * 3);
/** The last day of the calendar quarter ending in the month counted `months` (year * 12 + month, as monthsOf counts; a quarter's last month). */
const quarterEndOfMonths = (months: number) => quarterEndOf(Math.floor((months - 1) / 12), ((months - 1) % 12 + 1) / 3);

/** The last day of the calendar quarter `words` name by its months ("Jul-Sep 2024", "2024年7～9月", "3. Quartal 2024"), if they name one so. */
export function calendarGlossEnd(words: string): string | undefined {
  const ends = new Set(namedPeriods(words).filter((p) => p.key.startsWith('q:') && /[a-z]{3}\.?\s?[-–]\s?[a-z]{3}|[月월]|quartal|end(?:ed|ing)/i.test(p.text)).map((p) => p.key.slice(2)));
  return ends.size === 1 ? [...ends][0] : undefined;
}

/** The last day of the calendar quarter a fiscal year's quarter (`words` naming one: "Q2 FY2024") ends, by the canvas's `shift` (fiscalQuarterShift). */
export function fiscalQuarterEnd(words: string, shift: number): string | undefined {
  const keys = new Set(namedPeriods(words).map((p) => p.key).filter((key) => /^fq[1-4]-fy\d{4}$/.test(key)));
  if (keys.size !== 1) return undefined;
  const [, n, year] = /^fq([1-4])-fy(\d{4})$/.exec([...keys][0]!)!;
  return quarterEndOfMonths(Number(year) * 12 + Number(n) * 3 + shift);
}

/** A quarter or half of a fiscal year, around a fiscal year's words: "Q2 FY2026", "FY2026 Q2", "1H FY26" (tested on a few characters either side). */
const PART_BEFORE = /(?:\bq[1-4]|\b[1-4]q|\bh[12]|\b[12]h)\s{0,3}$/i;
const PART_AFTER = /^\s{0,3}(?:q[1-4]|h[12])\b/i;
/**
 * Words that make the period one the sentence compares with, before it and governing it (GOVERNED: "up 8% from Q2 2025", "vs. FY2024",
 * "up from EUR 401.7 million in Q2 2025", "up 8% on FY2024", "in the same quarter of FY25", "flat on Q2 2025", "in line with
 * Q2 2025", "on par with FY2024"), or a bracket that gives another figure for it ("(Q3 2024: EUR 390m)").
 */
const COMPARED = new RegExp(String.raw`(?:\bvs\.|\b(?:from|since|(?<!\b(?:more|less|fewer)\s{1,3})than|vs|versus|compared(?:\s+(?:with|to))?|comparison\s+(?:with|to)|against|(?:prior|previous|preceding)(?:[- ](?:year|quarter|period|half))?|a year earlier|year[- ](?:ago|earlier)|corresponding|same (?:quarter|half|period) of|ahead of|relative to)\b|(?:%|\b(?:up|down|rose|fell|grew|declined))(?:[^.;]|\.\d){0,20}\b(?:on|${DEGREE}over|over${NOT_STATE})\b)${GOVERNED}`, 'iu');
/** A word each match of COMPARED has (its word of comparison, or the percent sign or word of change before "on" or "over"), looked for first, as POSITION_WORD. */
const COMPARED_WORD = /vs|versus|from|since|than|compar|against|prior|previous|preceding|year|corresponding|same|ahead|relative|%|up|down|rose|fell|grew|declined/iu;
/**
 * Whether `before` (the 50 characters or so before a period or a figure) ends in words of comparison that govern what
 * follows, in English (COMPARED: "from", "vs.", "compared with", "prior year:") or the other languages (COMPARED_OTHER:
 * "gegenüber dem", "nach", "Vorjahr:", "contre", "par rapport aux"): what follows is the base compared with.
 */
export function comparesBefore(before: string): boolean {
  return (COMPARED_WORD.test(before) && COMPARED.test(before)) || COMPARED_OTHER.test(before);
}
/**
 * Words that say a figure is level with what follows them, a period only when it follows at once: "in line with Q2 2025",
 * "on par with FY2024", "flat on Q2 2025", "in linea con il T3 2024", "in lijn met Q3 2024", "vergelijkbaar met Q3 2024". Far more often
 * it is guidance, expectations or the market ("In line with guidance, revenue in Q2 2025 was"), and a period named
 * after them is the sentence's own ("Stable pricing on all lines: revenue in Q2 2025 was"); nor is "op vergelijkbare basis" (like-for-like) a comparison with a period.
 */
const COMPARED_LEVEL = /(?<!\p{L})(?:(?:in\s+line|level|on\s+(?:a\s+)?par|in\s+linea|in\s+lijn|vergelijkbaar)\s+(?:with|con|met)|(?:flat|stable|steady)\s+(?:on|over))\s+(?:the\s+|il\s+|lo\s+|la\s+|l['’]\s*|het\s+|de\s+)?$/iu;
// (Tested on the 50 characters before the period only: a sentence of thousands of periods is read in linear time.)
/**
 * Words just after the period that compare with it in Japanese, Chinese and Korean, whose particles follow what they
 * govern ("Q3 FY2024比で9%増加", "Q2から", "Q3 FY2024と比べ", "2024年第三季度相比", "전년 동기 대비", "2024년 3분기에 비해", "와 비교"), or
 * before it ("较2024年", "与…相比"); "since" after it ("2024年第四季度以来", "以降", "이후", "부터"), and the start of a range
 * ("2025年第一季度至第三季度", "2025년 1분기~3분기"), whose end is its period.
 */
const COMPARED_AFTER = /^\s{0,2}(?:[)）]\s{0,2})?(?:比|から|より|と比べ|に比べ|と比較|相比|对比|對比|대비|에\s?비해|보다|[와과]\s?비교|以来|以來|以降|이후|부터|(?:至|到|～|~|－|—|-)\s{0,2}(?:第\s?[1-4一二三四]\s?季|[1-4一二三四]\s?季度|[Qq][1-4]|\d{4}\s?[年년]|(?:제\s?)?[1-4]\s?(?:\/\s?4\s?)?분기))/;
/**
 * In Japanese, the period of a figure that is the base compared with, its particle after the figure: "2026年3月期 第1四半期の
 * [[op_margin@2025-06-30]]から改善", "第1四半期（2025年4～6月）の279億円から増加", "2025年3月期 第4四半期の27.4%と比べ", as English "up from
 * [[op_margin@2025-06-30]] in Q1" (the reference as written, or blanked to spaces as typed-findings reads it).
 */
const COMPARED_AFTER_FIGURE_JA = /^\s{0,2}(?:[(（][^()（）]{0,24}[)）]\s{0,2})?の\s{0,2}(?:\[\[[^\]]{0,60}\]\]| {4,}|[-−+]?[\d０-９][\d０-９,，.．]*(?:\s?[兆億万千][\d０-９,，.．]*)*\s?(?:円|ドル|ユーロ|元|%|％|ポイント)?)\s{0,2}(?:比|から|より|と比べ|に比べ|と比較)/;
// Not 与/與 ("and": "阿里云与淘天在Q2 2025..."), whose 相比 follows the period and is read there; and not across a comma ("收入同比增长12%，
// Q3 2025..."), after which the sentence goes on to another clause.
const COMPARED_BEFORE_CJK = /(?:较|較|同比|前年同期|前年|前期|去年同期|上年同期|전년)[^。！？，、,;；]{0,20}$/;

/**
 * Words that look ahead: a later period they govern, or share a clause with, is their outlook's ("guidance for Q4 2025 is
 * unchanged", "the company expects Q4 2025 revenue above", "For Q4 2025 management guides to", "We will report Q4 2025
 * results", "the FY2026 target", "Q4 2025 launches are scheduled", "the Q4 2025 budget", "Q4 2025 should be stronger"; not
 * "should have", the past's: "lower than it should have been"; "pledged to invest", "a commitment to invest", "due for
 * completion", "upcoming", "over the next three years", "in the coming quarters"). Forms that look ahead only: not
 * "plants", "projects" or "targeted" ("targeted marketing"), which a sentence of the past has as often; "projects" and
 * "targeted" look ahead where they govern the period (GOVERNED_AHEAD). "An estimated" figure is the past's as often.
 */
/**
 * The same in the other languages the reader supports, as their outlooks write them (the forms that look ahead, as
 * typed-findings.ts's words for plans): German "erwarten", "Prognose", "Ausblick", "geplant", "Ziel", "dürfte"; French
 * "anticipons", "prévoyons", "prévisions", "perspectives", "objectif", "nous attendons"; Spanish and Portuguese "prevemos",
 * "previsión", "esperamos", "objetivo", "meta", "presupuesto", "orçamento"; Italian "prevediamo", "previsioni",
 * "obiettivo", "attese", "prospettive"; Dutch "verwachten", "prognose", "streven", "raming", "vooruitzichten". Not German
 * "plant" nor French "attends", which are English words too ("Plant output, Q2 FY26").
 */
const OUTLOOK_OTHER = String.raw`erwart(?:e|en|est|et|ung|ungen)|prognos\p{L}*|ausblick|geplant|planen|planung|ziel(?:e|en|t)?|rechnen|dürften?|anticip\p{L}*|prévo(?:i[st]?|ient|yons|yez|yait)|prévision\p{L}*|prévu\p{L}*|perspectives?|objectifs?|vis(?:e|ons|ent)|attend(?:ons|ent|ez|u\p{L}*)|attentes?|previs\p{L}*|prev(?:é|emos|ên|ê)|preved\p{L}*|previst\p{L}*|objetivos?|metas?|esperamos|esperad\p{L}*|expectativas?|proje(?:ç|cç|cci)\p{L}*|presupuest\p{L}*|orçament\p{L}*|obiettiv\p{L}*|attes[oaie]|prospettiv\p{L}*|verwacht\p{L}*|streef\p{L}*|streven|raming\p{L}*|vooruitzicht\p{L}*`;
const OUTLOOK_WORD = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:guid(?:ance|es?|ed|ing)|outlooks?|expect(?:s|ed|ing|ations?)?|forecast(?:s|ed|ing)?|targets?|targeting|(?:is|are|was|were|be|been)\s{1,3}targeted|plan(?:s|ned|ning)?|will|shall|should(?!\s{1,3}(?:not\s{1,3})?have(?![\p{L}])|['’]ve)|aim(?:s|ed|ing)?|project(?:ed|ing|ions?)|estimat(?:es?|ing|ions?)|(?<!(?<![\p{L}])an?\s{1,3})estimated|anticipat(?:es?|ed|ing|ions?)|intend(?:s|ed|ing)?|scheduled|budget(?:s|ed)?|pledg(?:e|es|ed|ing)|commitments?|committed\s{1,3}to|due\s{1,3}(?:for|by)|upcoming|(?:next|coming)\s{1,3}(?:(?:two|three|four|five|few|\d{1,2})\s{1,3})?(?:years?|quarters?|months?|fiscal\s{1,3}years?)|${OUTLOOK_OTHER})(?![\p{L}\p{N}])`, 'giu');
/**
 * Words by which a figure's label or period says already that it is a forecast or target, and that mean nothing else in a
 * measure's name: "EPS guidance", "FY2026 outlook", "Consensus revenue", "FY2026E", "Umsatzprognose", "2026年度見通し".
 * Not words that name actuals as well ("Expected credit losses", "Pension plan assets", "Planned maintenance costs",
 * "Budget hotels", "Projected benefit obligation", "预期信用损失"): where in doubt the period is marked, since a
 * redundant "(forecast)" is harmless and an unmarked forecast is read as reported. German compounds count wherever the
 * word stands in them ("Umsatzprognose", "Ergebnisausblick").
 */
export const SAYS_FORECAST = /(?<![\p{L}])(?:guidance|outlooks?|forecast(?:s|ed)?|projected(?!\s+(?:benefit|unit)\b)|projections?|estimated?|estimates|consensus|prévisions?|previsi[oó]n(?:es)?|previsione|previsioni)(?![\p{L}])|prognose|ausblick|(?<![\p{L}\p{N}])(?:FY|CY|[12]H|H[12]|[1-4]Q|Q[1-4])?(?:19|20)?\d{2}[EF](?![\p{L}\p{N}])|指引|预测|見通し|予想|予測|전망|가이던스/iu;

/** Words that say a target's label is one ("Capex target", "Umsatzziel", "2030 ambition"): of a forecast's, "Target market share" names a measure. */
export const SAYS_TARGET = /(?<![\p{L}])(?:targets?|targeted|goals?|ambitions?|objectifs?|obiettiv[oi])(?![\p{L}])|ziel|目标|目標|計画|목표/iu;

/** Words of a plan, a forecast or a target in Japanese, Chinese and Korean text, whose words stand between no spaces ("売上高予想", "营收指引", "매출 전망"). */
export const CJK_PLANS = {
  ja: /予想|見通し|見込|計画|目標|予定|想定|ガイダンス/u,
  zh: /预计|預計|预期|預期|目标|目標|指引|计划|計劃|展望|预测|預測/u,
  ko: /전망|목표|계획|예상|예정|가이던스/u,
} as const;

/**
 * Whether a sentence says it looks ahead, in any of the languages the reader supports: a word that looks ahead
 * (OUTLOOK_WORD: "expects", "guidance", "will", "erwarten", "Prognose", "prévoyons", "objetivo", "verwachten"), measured
 * against or not ("beat guidance of"), a word by which a label says it is a forecast or target (SAYS_FORECAST, SAYS_TARGET:
 * "consensus", "FY2026E", "Umsatzprognose", "Umsatzziel"), or a Chinese, Japanese or Korean word of a plan (CJK_PLANS:
 * 予想, 見通し, 計画, 目標, 指引, 전망). A forecast printed in a sentence that says none of them reads as a reported result.
 */
export function speaksAhead(sentence: string): boolean {
  return sentence.search(OUTLOOK_WORD) >= 0 || SAYS_FORECAST.test(sentence) || SAYS_TARGET.test(sentence) || Object.values(CJK_PLANS).some((words) => words.test(sentence));
}

/**
 * Words before one of them that make it a measure of the past, not an outlook: "beat guidance", "ahead of expectations",
 * "above the consensus estimates", "as planned", "higher than expected", "better-than-expected", "in line with its plan",
 * a point of the range ("above the midpoint of guidance", "at the top of its guided range"), and an expectation said
 * in the past ("better than analysts had expected", "than had been expected", "than we originally expected").
 * Tested on the 60 characters before the word, within its clause.
 */
const MEASURED_AGAINST = /(?<![\p{L}])(?:ahead\s+of|above|below|beyond|beat|beats|beating|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped|ping)|outpac(?:es|ed|ing)|met|meet(?:s|ing)?|miss(?:es|ed|ing)?|short\s+of|in\s+line\s+with|than|as|against|versus|vs\.?|compared\s+(?:with|to)|within)[\s-]+(?:(?:the|its|our|their|we|they|management|analysts['’]?|company['’]s|management['’]s|consensus|market|street|own|initial|original|earlier|previous|prior|raised|revised|full[- ]year|(?:(?:upper|lower|top|high|low|bottom)\s+(?:end|half)|mid-?point|middle|top|bottom)\s+of|had|has|have|was|were|been|originally|initially|previously)\s+){0,4}$/iu;
/**
 * The same in the other languages: "höher als erwartet", "wie geplant", "über unseren Erwartungen", "comme prévu", "supérieur
 * aux attentes", "qu'anticipé", "como previsto", "acima das expectativas", "sopra le attese", "rispetto alle attese", "boven de
 * verwachtingen"; and as "in line with": "in linea con le attese", "en línea con las expectativas", "en ligne avec les
 * attentes", "em linha com as expectativas", "in lijn met de verwachtingen", "im Rahmen der Erwartungen", "entsprach den
 * Erwartungen", "por encima de lo esperado", "superó las expectativas".
 */
const MEASURED_AGAINST_OTHER = /(?<![\p{L}])(?:in\s+linea\s+con|en\s+l[ií]nea\s+con|en\s+ligne\s+avec|em\s+linha\s+com|in\s+lijn\s+met|im\s+rahmen|entspr\p{L}*|por\s+encima|super(?:ó|ou)|als|wie|gegenüber|vergleich|par\s+rapport|contre|rispetto|contro|frente|relação|ante|opzichte|vergeleken\s+met|que|qu['’]|comme|como|come|zoals|dan|quanto|über|unter|übertr\p{L}*|übertroffen|verfehlt\p{L}*|supérieure?s?|inférieure?s?|au[- ]dessus|en[- ]dessous|dépass\p{L}*|conformes?|superior(?:es|e|i)?|inferior(?:es|e|i)?|acima|abaixo|sopra|sotto|supera\p{L}*|boven|onder|overtr\p{L}*)[\s'’-]*(?:(?:à|a|aux|au|des|de|du|d['’]|les|la|le|l['’]|lo|as|os|nos|leurs|unsere[nmrs]?|den|der|die|dem|des|las|los|el|del|al|às|aos|do|da|dos|das|nossas?|nossos?|alle|delle|dei|di|nostre?|het|onze|ursprünglich\p{L}*|initiales?|iniciales?|iniciais|iniziali|oorspronkelijke?)(?:\s+|['’]\s*)){0,4}$/iu;
/** "projects" and "targeted" just before a period, governing it: "the company projects Q4 2025 revenue", "a launch targeted for Q4 2025". */
const GOVERNED_AHEAD = /(?<![\p{L}])(?:projects?|targeted(?:\s+(?:for|at))?)\s+(?:(?:the|its|our|their)\s+)?$/iu;
/**
 * Where a clause ends and another starts within a sentence: ";", a dash between blanks, ", and", ", yet", ", so", "but",
 * "while", "whereas", "although", "though" ("Revenue beat guidance; in Q3 2025 it was", "Revenue was ahead of expectations,
 * and in Q3 2025 it reached", "Shipments will rise, but in Q3 2025 revenue was"). Not a comma alone ("For Q4 2025,
 * management expects"), nor "and" without one ("Q4 2025 and FY2026 revenue is expected").
 */
const CLAUSE_BREAK = /[;!?]|\s[-–—]\s|,\s*(?:and|yet|so)(?![\p{L}])|(?<![\p{L}])(?:but|while|whereas|although|though)(?![\p{L}])/giu;

/**
 * Of the periods a sentence names (`named`, namedPeriods: in order), which are an outlook's: a word that looks ahead
 * (OUTLOOK_WORD, not a measure of the past) is in its clause, or "projects" or "targeted for" governs it. In linear time:
 * each clause is read once, and each word that looks ahead on the 60 characters before it.
 */
export function outlookPeriods(sentence: string, named: ReadonlyArray<Pick<NamedPeriod, 'at'>>): boolean[] {
  const starts = [0];
  for (const b of sentence.matchAll(CLAUSE_BREAK)) starts.push(b.index + b[0].length);
  const ahead = starts.map(() => false);
  let c = 0;
  for (const word of sentence.matchAll(OUTLOOK_WORD)) {
    while (c < starts.length - 1 && starts[c + 1]! <= word.index) c++;
    const before = sentence.slice(Math.max(starts[c]!, word.index - 60), word.index);
    if (!ahead[c] && !MEASURED_AGAINST.test(before) && !MEASURED_AGAINST_OTHER.test(before)) ahead[c] = true;
  }
  // A Chinese, Japanese or Korean word of a plan ("第3四半期も増収を見込んでいます", "预计", "전망"), not one measured against
  // ("予想を上回る", "計画比", "計画通り": the past against it).
  c = 0;
  for (const word of sentence.matchAll(CJK_PLAN_WORD)) {
    while (c < starts.length - 1 && starts[c + 1]! <= word.index) c++;
    if (!ahead[c] && !CJK_MEASURED_AGAINST.test(sentence.slice(word.index + word[0].length, word.index + word[0].length + 6))) ahead[c] = true;
  }
  c = 0;
  return named.map(({ at }) => {
    while (c < starts.length - 1 && starts[c + 1]! <= at) c++;
    return ahead[c]! || GOVERNED_AHEAD.test(sentence.slice(Math.max(starts[c]!, at - 30), at));
  });
}

/** Any of CJK_PLANS' words, to find them all in a sentence. */
const CJK_PLAN_WORD = new RegExp(Object.values(CJK_PLANS).map((words) => words.source).join('|'), 'gu');
/** After a word of a plan, words that measure the past against it: "予想を上回る", "計画を下回った", "計画比", "計画通り", "预期", "예상을 웃돌". */
const CJK_MEASURED_AGAINST = /^(?:\s?を?\s?(?:上回|下回|超え|超過|達成)|比|通り|どおり|に対し|に沿|に届か|超出|高于|低于|을\s?(?:웃돌|밑돌|상회|하회)|를\s?(?:웃돌|밑돌|상회|하회)|대비)/u;

/** A figure's kind of period, as periodKind reads it; a forecast's or target's is read from its words, as any other figure's. */
const kindOf = (m: Pick<Metric, 'period' | 'period_type' | 'period_end'>) => periodKind(m.period_type === 'forecast' || m.period_type === 'target' ? { period: m.period } : m);

/** The key of the period a figure of `kind` is for, when it is a quarter, a fiscal year or a half whose words or end say which. */
function periodKeyOf(m: Pick<Metric, 'period' | 'period_end'>, kind: string | undefined): string | undefined {
  if (kind === 'quarter') return m.period_end === undefined ? undefined : `q:${calendarQuarterEnd(m.period_end)}`;
  // A balance at a quarter's close (a CET1 ratio, deposits, loans at 30 September 2025) is that quarter's, as analysts
  // name it ("the CET1 ratio was 13.1% in Q3 2025"): a balance at another day names no quarter.
  if (kind === 'as_at' && m.period_end !== undefined) {
    const end = calendarQuarterEnd(m.period_end);
    return monthsOf(end) === undefined ? undefined : `q:${end}`;
  }
  if (kind === 'year') return fiscalYearKey(m.period);
  // A half in the words text is read in too ("1. Halbjahr 2025", "2025년 상반기", "S1 2025"), not only the English forms.
  if (kind === 'half_year') return halfKey(m.period) ?? namedPeriods(m.period).find((p) => /^h[12]-\d{4}$/.test(p.key))?.key;
  return undefined;
}

/**
 * The last day of the calendar quarter a quarter ending on `date` is, when it ends within two weeks of one: a 52/53-week
 * year's quarter ending 27 September 2025 (or 1 July 2023) is the calendar's Q3 2025 (Q2 2023), as its company and its
 * readers call it. Any other day stays as it is (a retailer's quarter ending 8 November is no calendar quarter).
 */
export function calendarQuarterEnd(date: string): string {
  const at = Date.parse(date);
  const year = Number(date.slice(0, 4));
  for (const y of [year - 1, year, year + 1]) {
    for (const month of [3, 6, 9, 12]) {
      const end = monthEnd(y, month);
      if (Math.abs(Date.parse(end) - at) <= 14 * 86_400_000) return end;
    }
  }
  return date;
}

/** The key of the fiscal year, or of the half, period words name ("FY25" is fy2025, "1H 2025" h1-2025), as periodText spells them. */
const fiscalYearKey = (words: string) => /\bfy\d{4}\b(?![-–/]\d)/.exec(periodText(words))?.[0];
// Not a half of a year written as the two it spans ("H1 2025/26", read "h1-2025/26"): a fiscal year's (fh1-fy2026), not the calendar's H1 2025.
const halfKey = (words: string) => /\bh[12]-\d{4}\b(?![-–/]\d)/.exec(periodText(words))?.[0];

/**
 * The key of a fiscal year's quarter or half from its match (FISCAL_QUARTER, FISCAL_HALF): fq2-fy2026, fh1-fy2026. Of its
 * groups two are set, whichever way it is written: the number (a digit, or first to fourth) and the year (two digits or four).
 */
function fiscalPartKey(part: 'fq' | 'fh', match: RegExpMatchArray): string | undefined {
  const [a, b] = match.slice(1).filter((g): g is string => g !== undefined);
  const [n, y] = /^\d{2}(?:\d{2})?$/.test(a) ? [b, a] : [a, b];
  const number = /^\d$/.test(n) ? n : String(['first', 'second', 'third', 'fourth'].indexOf(n.toLowerCase()) + 1);
  // A year written as the two it spans ("FY2025-26"): the one it ends, as "FY26" is; two years not in a row name no one year.
  const span = new RegExp(String.raw`${y}\s*[-–/]\s*(\d{4}|\d{2})\b`).exec(match[0]);
  const year = span === null ? Number(y.length === 2 ? `20${y}` : y) : spanEndYear(y, span[1]);
  return year === undefined ? undefined : `${part}${number}-fy${year}`;
}

/**
 * The keys a sentence may name a figure's period by: its own, and those its period's words give. A company whose
 * fiscal quarter ends 30 September may call it "Q2 2025" (period: "Q2 2025", period_end: 2025-09-30): text that says
 * "Q2 2025" then names that figure's quarter, whatever a calendar says. The figure's own key comes first. A quarter
 * or half whose end is not known has a key all the same where its words name a fiscal year's quarter or half ("Q3
 * FY26"): that key only.
 */
export function periodKeysOf(m: Pick<Metric, 'period' | 'period_type' | 'period_end'>, fiscalShift?: number): Set<string> {
  const kind = kindOf(m);
  const own = periodKeyOf(m, kind);
  const named = namedPeriods(m.period);
  const words = named.map((p) => p.key);
  // The fiscal quarter a calendar-named quarter is, where the canvas's own figures say how its fiscal quarters fall.
  const fiscal = own?.startsWith('q:') && fiscalShift !== undefined && !words.some((k) => k.startsWith('fq')) ? fiscalQuarterOf(own.slice(2), fiscalShift) : undefined;
  // A quarter is also the quarter of its month, whatever the year ("the September quarter": qm:09).
  const month = own?.startsWith('q:') ? `qm:${own.slice(7, 9)}` : undefined;
  // And the quarter of its number, whatever the year ("in Q2", "im zweiten Quartal": qn:2), as its company numbers it: by
  // the fiscal quarter its own words name ("Q2 FY26 (Jul-Sep 2025)", "2026年3月期 第2四半期": 2, not the calendar's 3); else
  // by the calendar quarters they name ("Q2 2025" for the quarter ending in September: 2) and the fiscal calendar the
  // canvas's figures show (fiscal, above); by the calendar where none of them says.
  const quarterly = own?.startsWith('q:') === true;
  const byFiscalWords = quarterly || kind === 'quarter' ? named.flatMap((p) => fiscalQuarterNumber(p) ?? []) : [];
  const byCalendar = quarterly ? [...words, ...(fiscal === undefined ? [own!] : [fiscal])].flatMap((k) => fiscalQuarterNumber({ key: k }) ?? calendarQuarterNumber(k) ?? []) : [];
  const numbered = (byFiscalWords.length > 0 ? byFiscalWords : byCalendar).map((n) => `qn:${n}`);
  // A half is also the half ended on its last day ("half year ended 30 September 2025": he:2025-09-30), and the half of its
  // number, whatever the year ("in the second half": hn:2), by the fiscal half its words name, else the calendar's.
  const ended = kind === 'half_year' && m.period_end !== undefined ? `he:${m.period_end}` : undefined;
  if (kind === 'half_year') {
    const halves = [...words, ...(own === undefined ? [] : [own])];
    const half = (halves.find((k) => /^fh[12]-/.test(k)) ?? halves.find((k) => /^h[12]-/.test(k)))?.match(/h([12])-/)?.[1];
    if (half !== undefined) numbered.push(`hn:${half}`);
  }
  if (own !== undefined) return new Set([own, ...words, ...(ended === undefined ? [] : [ended]), ...(fiscal === undefined ? [] : [fiscal]), ...(month === undefined ? [] : [month]), ...numbered]);
  const part = kind === 'quarter' ? 'fq' : kind === 'half_year' ? 'fh' : undefined;
  return new Set([...(part === undefined ? [] : words.filter((k) => k.startsWith(part))), ...(ended === undefined ? [] : [ended]), ...numbered]);
}

/** The number of the fiscal quarter a period of a figure's words is (fq2-fy2026, fq2-fye2026, "2026年3月期 第2四半期": 2), if it is one. */
function fiscalQuarterNumber(p: Pick<NamedPeriod, 'key' | 'quarter'>): number | undefined {
  const fq = /^fq([1-4])-/.exec(p.key);
  return p.quarter ?? (fq === null ? undefined : Number(fq[1]));
}

/** The number of the calendar quarter a q: key is (q:2025-09-30: 3), if it ends one. */
function calendarQuarterNumber(key: string): number | undefined {
  const q = /^q:(\d{4}-(\d{2})-\d{2})$/.exec(key);
  return q !== null && monthsOf(q[1]!) !== undefined ? Number(q[2]) / 3 : undefined;
}

/** A calendar quarter's end ("2025-09-30") as a count of months: 2025 * 12 + 9. Undefined for a day that ends no calendar quarter. */
function monthsOf(date: string): number | undefined {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return m % 3 === 0 && d === daysInMonth(y, m) ? y * 12 + m : undefined;
}

/**
 * How a canvas's fiscal quarters fall in the calendar, as its own figures show it: the months between a fiscal quarter's
 * number (fiscal year * 12 + quarter * 3) and the month it ends in. Microsoft's Q1 FY26 ends in September 2025: -6 (its
 * fiscal year ends in June); Apple's Q1 FY26 in December 2025: -3. Undefined where fewer than two figures name a fiscal
 * quarter whose end is a calendar quarter's, or where more than one in four of them say otherwise, or two of them agree
 * on another calendar.
 */
export function fiscalQuarterShift(metrics: Iterable<Pick<Metric, 'period' | 'period_end'>>): number | undefined {
  const shifts = new Map<number, number>();
  for (const m of metrics) {
    if (m.period_end === undefined) continue;
    const months = monthsOf(calendarQuarterEnd(m.period_end));
    if (months === undefined) continue;
    for (const { key } of namedPeriods(m.period)) {
      const fq = /^fq([1-4])-fy(\d{4})$/.exec(key);
      if (fq === null) continue;
      const shift = months - (Number(fq[2]) * 12 + Number(fq[1]) * 3);
      shifts.set(shift, (shifts.get(shift) ?? 0) + 1);
    }
  }
  // The calendar three in four of them follow, at least two: one slip (a value's words left from last quarter) does not
  // unlearn it, and two companies' calendars, or two slips in a few figures, teach none.
  // Another calendar two figures agree on is a second company's (Microsoft's beside Apple's), however many the first has.
  const [best, votes] = [...shifts].reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
  const all = [...shifts.values()].reduce((sum, n) => sum + n, 0);
  const rival = [...shifts].some(([shift, n]) => shift !== best && n >= 2);
  return votes >= 2 && votes * 4 >= all * 3 && !rival ? best : undefined;
}

/** The fiscal quarter (fq1-fy2026) that ends with the calendar quarter ending `end`, by the canvas's `shift` (fiscalQuarterShift). */
function fiscalQuarterOf(end: string, shift: number): string | undefined {
  const months = monthsOf(end);
  if (months === undefined) return undefined;
  const t = months - shift - 3;
  if (t % 3 !== 0) return undefined;
  const year = Math.floor(t / 12);
  return `fq${(t - year * 12) / 3 + 1}-fy${year}`;
}

/**
 * Japanese ways of naming a fiscal year and its parts (and Chinese and Korean quarters, halves and years, below), written as the patterns above read them, each in as many
 * characters as it had (so that places in the sentence stay): a year by the month it ends, as Toyota and brokers write
 * it ("FY3/26", "FY2026/3", "2026年3月期": FY2026, the year ending March 2026), and its quarters and halves ("第2四半期":
 * Q2, "上期": H1). Not "2025年度", the year that starts in 2025: Sony calls it FY2025, Toyota (by its end) FY2026, and
 * read either way it would be taken for the other year in half the canvases.
 */
function japaneseFiscalWords(text: string): { read: string; spans: Array<[number, number]>; ending: Array<[number, number, number]> } {
  const spans: Array<[number, number]> = [];
  /** Where a year named by the month it ends is written, and that month. */
  const ending: Array<[number, number, number]> = [];
  if (!/fy\s?\d|年|四半期|上|下|[\uff01-\uff5e]|분기|반기|연도|연간/i.test(text)) return { read: text, spans, ending };
  // Each rewritten word, where it was: a period read in part of one is quoted whole ("第2四半期", not "第2").
  const as = (to: (match: string, group: string) => string) => (match: string, group: string, offset: number) => {
    spans.push([offset, offset + match.length]);
    return to(match, group);
  };
  const fy = (match: string, year: string, offset: number, month: string) => {
    ending.push([offset, offset + match.length, Number(month)]);
    return as((m, y) => `FY${' '.repeat(m.length - 2 - y.length)}${y}`)(match, year, offset);
  };
  const read = text
    // Full-width letters and digits ("２０２６年３月期 第３四半期", "Ｑ３"), as a Japanese input method types them, one for one.
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(?:\b|(?<=[1-4]Q|Q[1-4]))FY\s?(0?[1-9]|1[0-2])\/(\d{2})\b/gi, (m, month: string, yy: string, at: number) => fy(m, `20${yy}`, at, month))
    // Not a year written as the two it spans ("FY2011/12" is FY2012, as "FY2025/26" is FY2026).
    .replace(/(?:\b|(?<=[1-4]Q|Q[1-4]))FY\s?(\d{4})\/(0?[1-9]|1[0-2])\b/gi, (m, yyyy: string, month: string, at: number) => ((Number(yyyy) + 1) % 100 === Number(month) ? m : fy(m, yyyy, at, month)))
    .replace(/(\d{4})年(0?[1-9]|1[0-2])月期/g, (m, yyyy: string, month: string, at: number) => fy(m, yyyy, at, month))
    // The quarters so far: to the 1st a quarter, to the 2nd a half, to the 3rd nine months (no period read), to the 4th the year.
    .replace(/第([1-4])四半期(?:連結)?(?:累計期間|累計|（累計）|\(累計\))/g, as((m, n) => ({ 1: 'Q1', 2: 'H1' }[n] ?? '').padEnd(m.length)))
    .replace(/第([1-4])四半期/g, as((m, n) => `Q${n}`.padEnd(m.length)))
    .replace(/(上半期|上期)/g, as((m) => 'H1'.padEnd(m.length)))
    .replace(/(下半期|下期)/g, as((m) => 'H2'.padEnd(m.length)))
    // Chinese quarters and halves, as Chinese results write them: "2025年第三季度", "2025年第3季度", "2025年三季度", "2025年Q3"
    // (Q3 2025), "2025年上半年" (H1 2025), and a fiscal year's quarter, "2026财年第二季度" (Q2 FY2026). Not "2025年度", as above.
    .replace(new RegExp(CHINESE_QUARTER, 'g'), (...match: Array<string | number | undefined>) => {
      const [m, year, unit] = match as [string, string, string];
      const at = match.at(-2) as number;
      const n = chineseQuarterNumber(match as Array<string | undefined>);
      spans.push([at, at + m.length]);
      // No longer than what it replaces ("2026财年Q2", 8 characters, is "Q2 FY26"), so that places in the sentence stay.
      return (unit === '年' ? `Q${n} ${year}` : `Q${n} FY${year.slice(2)}`).padEnd(m.length);
    })
    .replace(/(\d{4})\s?年\s?([上下])半年/g, (m: string, year: string, half: string, at: number) => {
      spans.push([at, at + m.length]);
      return `H${half === '上' ? 1 : 2} ${year}`.padEnd(m.length);
    })
    // Korean ones, each written shorter than it was ("2025년 3분기" is read "3Q2025"): KOREAN_PART, KOREAN_PART_AFTER, KOREAN_YEAR.
    .replace(KOREAN_PART, (m: string, yyyy: string | undefined, yy: string | undefined, fiscal: string | undefined, quarter: string | undefined, upTo: string | undefined, half: string | undefined, at: number) => {
      spans.push([at, at + m.length]);
      const year = `${fiscal === undefined ? '' : 'FY'}${yyyy ?? yy}`;
      // The quarters so far, as 累計 above: to the 1st a quarter, to the 2nd a half, to the 3rd or 4th no period read.
      const part = half !== undefined ? `${half === '상' ? 1 : 2}H` : upTo === undefined ? `${quarter}Q` : { 1: '1Q', 2: '1H' }[quarter!];
      return (part === undefined ? '' : `${part}${year}`).padEnd(m.length);
    })
    .replace(KOREAN_PART_AFTER, (m: string, quarter: string, year: string, at: number) => {
      spans.push([at, at + m.length]);
      return `${quarter}Q${year}`.padEnd(m.length);
    })
    .replace(KOREAN_YEAR, (m: string, ...years: Array<string | undefined>) => {
      const at = years.at(-2) as unknown as number;
      spans.push([at, at + m.length]);
      return `FY${years.slice(0, 3).find((y) => y !== undefined)}`.padEnd(m.length);
    });
  return { read, spans, ending };
}

/**
 * Korean quarters and halves as Korean results write them: "2025년 3분기", "2025년 제3분기", "2025년 3/4분기", "'25년 3분기"
 * (Q3 2025), "2025년 상반기" (H1 2025), "2025년 하반기"; a fiscal year's, "2025 회계연도 2분기", "2025년도 2분기" (Q2 FY2025, as
 * 年度 above: whether the year is named by its start or its end is the company's to say). The quarters so far, "2025년 2분기
 * 누적" (H1 2025), as 累計 above; not "2025년 1~3분기" (nine months). The year run together with its digits, or a space or 년
 * between. Groups: the year (four digits, or two after an apostrophe or before 년), the fiscal year's word, the quarter,
 * the words of the quarters so far, and the half.
 */
const KOREAN_PART = /(?<![\d.,])(?:(\d{4})(?=\s?(?:년|회계|사업)|\s)|['’]?(\d{2})(?=\s?년))\s?(?:년\s?)?(?:(회계\s?연도|사업\s?연도|도)\s?)?(?:(?:제\s?)?([1-4])\s?(?:\/\s?4\s?)?분기(\s?(?:누적|누계))?|([상하])\s?반기)/g;
/** A quarter before its year: "3분기 2025", "제3분기 2025년"; not "1~3분기 2025" (nine months), nor "3분기 2025억원" (an amount). Groups: the quarter, the year. */
const KOREAN_PART_AFTER = /(?<![\d.,/~～\-–])(?:제\s?)?([1-4])\s?(?:\/\s?4\s?)?분기\s?((?:19|20)\d{2})(?:년)?(?![\d.,]|\s?[억만조천백원%배])/g;
/** A fiscal year in Korean: "2025 회계연도", "2025년 회계연도", "회계연도 2025", "2025 사업연도", "2025년 연간" (full year 2025). Groups: the year, in one of three. */
const KOREAN_YEAR = /(?<![\d.,])(\d{4})\s?(?:년\s?)?(?:회계\s?연도|사업\s?연도)|(?:회계|사업)\s?연도\s?(\d{4})(?:년)?(?![\d.,]|\s?[억만조천백원%배])|(?<![\d.,])(\d{4})\s?년\s?연간/g;

/** `text` with the words of `periods` (namedPeriods of it) blanked, the same length, so that places in it stay: what it says besides them. */
export function withoutPeriods(text: string, periods: readonly Pick<NamedPeriod, 'at' | 'end'>[]): string {
  return periods.reduce((rest, p) => `${rest.slice(0, p.at)}${' '.repeat(p.end - p.at)}${rest.slice(p.end)}`, text);
}

/**
 * The quarters, fiscal years, halves and fiscal years' quarters and halves `sentence` names, in order; with `yearless`,
 * quarters named by their number alone too ("in Q2", "im zweiten Quartal": YEARLESS_QUARTER), as a sentence that gives a
 * figure names them (period-mismatch), not as a figure's own period words or a title do.
 */
export function namedPeriods(sentence: string, yearless = false): readonly Readonly<NamedPeriod>[] {
  const cache = yearless ? readPeriods.yearless : readPeriods.dated;
  let periods = cache.get(sentence);
  if (periods === undefined) {
    periods = Object.freeze(readNamedPeriods(sentence, yearless).map((p) => Object.freeze(p)));
    if (readPeriods.chars + sentence.length > READ_PERIODS_CHARS) {
      readPeriods.dated.clear();
      readPeriods.yearless.clear();
      readPeriods.chars = 0;
    }
    cache.set(sentence, periods);
    readPeriods.chars += sentence.length;
  }
  return periods;
}

/**
 * namedPeriods' readings by sentence, with `yearless` and without: the same sentence is read by most rules of a check,
 * and again by the next check of the same text (watch, a queue worker, the tests), each reading a score of patterns over
 * it. What it gives depends on nothing but the sentence, and is frozen: no reader can change another's. Bounded by the
 * characters kept: cleared when full.
 */
const readPeriods = { dated: new Map<string, readonly Readonly<NamedPeriod>[]>(), yearless: new Map<string, readonly Readonly<NamedPeriod>[]>(), chars: 0 };
const READ_PERIODS_CHARS = 1_000_000;

function readNamedPeriods(sentence: string, yearless: boolean): NamedPeriod[] {
  const found: NamedPeriod[] = [];
  const { read, spans, ending } = japaneseFiscalWords(sentence);
  // Where the words end in the sentence as written: a period read in part of a rewritten word ends where the word does
  // ("第1四半期", read "Q1" and three spaces), so that what follows it ("第1四半期比で", "第1四半期から") is read after the word.
  // (Looked up by place, each word's places set once: a sentence of thousands of such words is read in linear time.)
  const ends = spans.length === 0 ? undefined : new Int32Array(sentence.length + 1);
  for (const [s, e] of spans) for (let i = s + 1; i < e; i++) ends![i] = Math.max(ends![i]!, e);
  const wordEnd = (end: number) => Math.max(end, ends?.[end] ?? 0);
  // The places of the sentence the periods found so far take, marked as each is found: whether a match overlaps one is
  // asked of the match's own places (covered), not of every period found, in linear time.
  const taken = new Uint8Array(sentence.length + 1);
  const add = (pattern: RegExp, key: (match: RegExpMatchArray) => string | undefined, skip?: (at: number, end: number) => boolean) => {
    for (const match of read.matchAll(pattern)) {
      const at = match.index;
      // Where it ends as written: a period read in part of a rewritten word ("第2四半期", read "Q2" and three spaces) ends where the word does.
      const end = wordEnd(match.index + match[0].length);
      if (skip?.(at, end)) continue;
      const k = key(match);
      if (k === undefined) continue;
      found.push({ key: k, text: sentence.slice(at, end).trim(), at, end, ...comparedAt(sentence, at, end) });
      taken.fill(1, at, end);
    }
  };
  // A fiscal year's quarters and halves first: no calendar quarter, fiscal year or half is read inside one ("FY 2026 Q2" is
  // not the calendar's Q2 2026, nor "second quarter of FY26" the year FY2026).
  add(FISCAL_QUARTER, (m) => fiscalPartKey('fq', m));
  add(FISCAL_HALF, (m) => fiscalPartKey('fh', m));
  const parts = found.map(({ at, end }) => [at, end]).sort((x, y) => x[0] - y[0]);
  // Whether a match overlaps one of them, asked of one pattern's matches in order: each part is passed once.
  const inPart = () => {
    let i = 0;
    return (at: number, end: number) => {
      while (i < parts.length && parts[i][1] <= at) i++;
      return i < parts.length && parts[i][0] < end;
    };
  };
  const quarterEnd = (date: string) => {
    const end = periodEndIn(date);
    return end === undefined ? undefined : `q:${calendarQuarterEnd(end)}`;
  };
  add(QUARTER, (m) => quarterEnd(m[0]), inPart());
  add(QUARTER_ENDED, (m) => quarterEnd(m[1]), inPart());
  add(HALF_ENDED, (m) => {
    const end = periodEndIn(m[1]!);
    return end === undefined ? undefined : `he:${end}`;
  }, inPart());
  const covered = (at: number, end: number) => {
    for (let i = at; i < end; i++) if (taken[i] === 1) return true;
    return false;
  };
  add(MONTH_QUARTER, (m) => {
    const month = MONTH_NUMBER[(m[1] ?? m[3])!.slice(0, 3).toLowerCase()]!;
    const year = m[2] ?? m[4];
    return year === undefined ? `qm:${month}` : `q:${calendarQuarterEnd(`${year}-${month}-${month === '03' || month === '12' ? '31' : '30'}`)}`;
  }, covered);
  add(MONTH_SPAN, (m) => {
    // Three months of one quarter only: "Jul-Dec 2024" is a half, and names no quarter.
    const [from, to] = (m[0].toLowerCase().match(/[a-z]{3}/g) ?? []).map((name) => MONTHS.indexOf(name) + 1);
    return from !== undefined && to !== undefined && to - from === 2 && to % 3 === 0 ? `q:${quarterEndOf(Number(/\d{4}/.exec(m[0])![0]), to / 3)}` : undefined;
  }, covered);
  add(JAPANESE_MONTHS, (m) => (Number(m[3]) - Number(m[2]) === 2 ? `q:${quarterEndOf(Number(m[1]), Number(m[3]) / 3)}` : undefined), covered);
  add(GERMAN_QUARTER, (m) => `q:${quarterEndOf(Number(m[3]), m[1] !== undefined ? Number(m[1]) : GERMAN_ORDINAL.indexOf(m[2]!.toLowerCase()) + 1)}`, covered);
  add(ROMANCE_QUARTER, (m) => `q:${quarterEndOf(Number(m[2] ?? (m[4]!.length === 2 ? `20${m[4]}` : m[4])), Number(m[1] ?? m[3]))}`, covered);
  add(ROMANCE_QUARTER_WORDS, (m) => `q:${quarterEndOf(Number(m[3]), m[1] !== undefined ? Number(m[1]) : ROMANCE_ORDINAL.findIndex((words) => words.includes(m[2]!.toLowerCase())) + 1)}`, covered);
  add(DUTCH_QUARTER, (m) => `q:${quarterEndOf(Number(m[2]), Number(m[1]))}`, covered);
  add(DUTCH_QUARTER_WORDS, (m) => `q:${quarterEndOf(Number(m[3]), m[1] !== undefined ? Number(m[1]) : DUTCH_ORDINAL.indexOf(m[2]!.toLowerCase()) + 1)}`, covered);
  const inFiscalPart = inPart();
  add(FISCAL_YEAR, (m) => fiscalYearKey(m[0]), (at, end) => inFiscalPart(at, end) || PART_BEFORE.test(sentence.slice(Math.max(0, at - 8), at)) || PART_AFTER.test(sentence.slice(end, end + 8)));
  add(HALF, (m) => halfKey(m[0]), inPart());
  add(HALF_WORDS, (m) => `h${m[1] ?? (FIRST_HALF.test(m[2]!) ? 1 : 2)}-${m[3]}`, covered);
  add(HALF_LETTERS, (m) => `h${m[1] ?? m[3]}-${(m[2] ?? m[4])!.length === 2 ? `20${m[4]}` : m[2] ?? m[4]}`, covered);
  add(YEAR_WORDS, (m) => `fy${m[1]}`, covered);
  if (yearless) {
    add(YEARLESS_QUARTER, (m) => {
      const [q, qBefore, t, tBefore, k, digit, word] = m.slice(1);
      const token = q ?? qBefore ?? t ?? tBefore ?? k;
      // The Q, T or K in capitals: "q2" is no quarter's name. A bare "Q2" or "2Q" as written (not 第2四半期 read so) only
      // where a quarter is named: at the sentence's start or after a preposition or article ("in Q2", "Q2 revenue"), not
      // inside a name or an aside ("the Audi Q4 e-tron", "after a weak Q2", "; Q1 guidance is unchanged").
      if (q !== undefined || qBefore !== undefined) {
        const lead = sentence.slice(Math.max(0, m.index! - 16), m.index);
        if (sentence.startsWith(m[0], m.index) && !(m.index! <= 16 && /^[\s"'“‘(]*$/u.test(lead)) && !QUARTER_LEAD.test(lead)) return undefined;
        // Nor before a model's name in small letters and a hyphen: "Q4 e-tron deliveries" is a product's.
        if (/^\s{1,3}\p{Ll}{1,2}-/u.test(sentence.slice(m.index! + m[0].length, m.index! + m[0].length + 8))) return undefined;
      }
      if (token !== undefined) return /\p{Ll}/u.test(m[0]) ? undefined : `qn:${token}`;
      return `qn:${digit ?? ORDINAL_NUMBER.get(word!.toLowerCase())}`;
    }, (at, end) => covered(at, end) || yearBefore(read, at));
    add(YEARLESS_HALF, (m) => {
      const [h, hBefore, digit, word] = m.slice(1);
      const token = h ?? hBefore;
      if (token !== undefined) return /\p{Ll}/u.test(m[0]) ? undefined : `hn:${token}`;
      return `hn:${digit ?? (FIRST_HALF.test(word!) ? 1 : 2)}`;
    }, (at, end) => covered(at, end) || yearBefore(read, at));
  }
  // A year named by the month it ends ("FY3/26", "2026年3月期") is of a numbering of its own: a plain "FY2025" may be the
  // year ending March 2026 too (SoftBank's and Sony's, numbered by their start). Its keys (fye2026, fq2-fye2026) are
  // compared only with keys of the same numbering.
  // Its quarters, though, are the calendar's quarters their words date: "2026年3月期第2四半期" is July to September 2025,
  // whatever a figure beside it calls that quarter ("Q2 FY2025"), and is keyed so (by the quarter's last day).
  // (The first of them a period overlaps, looked up by place: each place holds the first that takes it.)
  const endingAt = ending.length === 0 ? undefined : new Int32Array(sentence.length + 1).fill(-1);
  ending.forEach(([s, e], n) => {
    for (let i = s; i < e; i++) if (endingAt![i] === -1) endingAt![i] = n;
  });
  for (const p of found) {
    let first = -1;
    for (let i = p.at; endingAt !== undefined && i < p.end; i++) if (endingAt[i]! !== -1 && (first === -1 || endingAt[i]! < first)) first = endingAt[i]!;
    const span = ending[first];
    if (span === undefined) continue;
    const fq = /^fq([1-4])-fy(\d{4})$/.exec(p.key);
    const endMonths = fq === null ? undefined : Number(fq[2]) * 12 + span[2] - (4 - Number(fq[1])) * 3;
    if (endMonths !== undefined && span[2] % 3 === 0) p.quarter = Number(fq![1]);
    p.key = endMonths !== undefined && span[2] % 3 === 0 ? `q:${quarterEndOfMonths(endMonths)}` : p.key.replace(/(^|-)fy(\d{4})$/, '$1fye$2');
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * Whether the period at [at, end) of `sentence` is one the sentence compares with: after words of comparison in any of
 * the languages read (50 characters before it, a blanked figure read as one), before Japanese, Chinese and Korean ones,
 * or in a bracket that gives another figure for it ("(Q3 2024: EUR 390m)", "（2026年3月期 第1四半期：1,100億円）"); and
 * whether it is only set apart from a figure (NamedPeriod.setApart).
 */
function comparedAt(sentence: string, at: number, end: number): Pick<NamedPeriod, 'compared' | 'setApart'> {
  const bracketed = /[(（]\s*$/.test(sentence.slice(Math.max(0, at - 3), at)) && /^\s*[:：]/.test(sentence.slice(end, end + 3));
  const before = sentence.slice(Math.max(0, at - 50), at).replace(BLANKED, ' [[]] ');
  const compared = comparesBefore(before) || (POSITION_WORD.test(before) && COMPARED_POSITION.test(before))
    || COMPARED_ON.test(before) || COMPARED_RESULT.test(before) || COMPARED_LEVEL.test(before) || (THAN_WORD.test(before) && COMPARED_THAN.test(before.replace(QU, 'que ')))
    || COMPARED_AFTER.test(sentence.slice(end, end + 8)) || COMPARED_AFTER_FIGURE_JA.test(sentence.slice(end, end + 100)) || COMPARED_BEFORE_CJK.test(sentence.slice(Math.max(0, at - 24), at)) || bracketed;
  return { compared, ...(compared && SET_APART.test(before) ? { setApart: true } : {}) };
}

/** The months by their names, January first, in the languages the checks read: full, and English's short ones. */
const MONTH_NAMES: ReadonlyMap<string, number> = new Map([
  ...Object.values(MONTH_WORDS).flatMap((months) => months.flatMap((names, i) => names.map((name) => [name, i + 1] as const))),
  ['jänner', 1] as const, // Austria's January
]);
const MONTH_WORD = [...MONTH_NAMES.keys()].sort((a, b) => b.length - a.length).join('|');
/**
 * A day: "30 June 2025", "30th of June 2025", "June 30, 2025", "Sept. 30, 2025", "30. Juni 2025", "30 juin 2025", "30 de
 * junho de 2025", "2025-06-30", "30.06.2025". Groups: day, month, year; month, day, year; year, month, day; day, month, year.
 */
const DAY = new RegExp(String.raw`(?<![@\p{L}\d.])(?:(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s{1,3}(?:of\s{1,3}|de\s{1,3})?(${MONTH_WORD})\.?,?\s{1,3}(?:de\s{1,3})?(\d{4})|(${MONTH_WORD})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})|(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\.(\d{1,2})\.(\d{4}))(?![\p{L}\d])`, 'giu');
/** Words just before a day that make it the end of a period, not a balance's day: "quarter ended", "three months to", "bis zum", "clos le". */
const PERIOD_ENDED = /(?<![\p{L}])(?:ended|ending|through|until|till|(?:months|quarter|half|year|period)\s+to|endend\p{L}*|bis(?:\s+zum)?|clos\p{L}*\s+le|clôtur\p{L}*\s+le|terminé\p{L}*\s+le)\s+(?:on\s+|the\s+)?$/iu;

/**
 * The days `sentence` names as a balance's ("at June 30, 2025", "as of 30 June 2025", "am 30. Juni 2025", "au 30 juin
 * 2025"), in order, keyed d:2025-06-30, each with whether the sentence compares with it, as namedPeriods tells ("compared
 * with $2,330 million at June 30, 2025", "up from [[cash@2025-06-30]] at June 30, 2025"). Not the last day of a period
 * ("the quarter ended September 30, 2025", "three months to 30 June 2025"), which namedPeriods reads, nor a day that is
 * none ("31 June 2025"). A balance (`period_type: as_at`) is that day's (dayKeyOf).
 */
export function namedDays(sentence: string): NamedPeriod[] {
  const found: NamedPeriod[] = [];
  for (const m of sentence.matchAll(DAY)) {
    if (PERIOD_ENDED.test(sentence.slice(Math.max(0, m.index - 30), m.index))) continue;
    const [day, month, year] = m[1] !== undefined ? [m[1], MONTH_NAMES.get(m[2]!.toLowerCase()), m[3]] : m[4] !== undefined ? [m[5], MONTH_NAMES.get(m[4].toLowerCase()), m[6]] : m[7] !== undefined ? [m[9], Number(m[8]), m[7]] : [m[10], Number(m[11]), m[12]];
    if (month === undefined || month < 1 || month > 12 || Number(day) < 1 || Number(day) > daysInMonth(Number(year), month)) continue;
    const end = m.index + m[0].length;
    found.push({ key: `d:${year}-${String(month).padStart(2, '0')}-${day!.padStart(2, '0')}`, text: m[0], at: m.index, end, ...comparedAt(sentence, m.index, end) });
  }
  return found;
}

/** The key of the day a balance (`period_type: as_at`) is taken, as namedDays keys a day named: d:2025-06-30. */
export function dayKeyOf(m: Pick<Metric, 'period_type' | 'period_end'>): string | undefined {
  return m.period_type === 'as_at' && m.period_end !== undefined ? `d:${m.period_end}` : undefined;
}

/** The keys a figure may be named by: its periods' (periodKeysOf, first and in their order) and, a balance's, its day's (dayKeyOf). */
export function periodAndDayKeysOf(m: Pick<Metric, 'period' | 'period_type' | 'period_end'>, fiscalShift?: number): Set<string> {
  const day = dayKeyOf(m);
  const keys = periodKeysOf(m, fiscalShift);
  return day === undefined ? keys : new Set([...keys, day]);
}

const GERMAN_ORDINAL_NOUN = /^\s+(?:Quartals?|Halbjahr(?:es)?|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/;
const ABBREVIATION = /(?:^|[\s(])(?:vs|approx|ca|cf|i\.e|e\.g|no|nos|fig|figs|incl|excl|est|avg|ggü|vgl|bzw|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i;

/**
 * The sentences of `text`, in order, each from where it starts to where it ends (after its full stop, or the ideographic
 * 。, ！ or ？ of Japanese and Chinese, with a closing bracket or quote after it: 「…。」). A sentence starts with a capital,
 * a digit, a quote or a bracket, or with a name written in camel case (iPhone, iPad, eBay, xAI), which keeps its small
 * first letter at the start of a sentence too.
 */
export function sentencesOf(text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?](?=\s+(?:[A-Z0-9"“([]|[a-z][A-Z]|$))|[。！？][」』）”’]*|\n\s*\n/g)) {
    // Not after an abbreviation: "vs. FY2024", "approx. 8%", "No. 1", "Sept. 2025", "ggü. Vorjahr".
    if (match[0] === '.' && ABBREVIATION.test(text.slice(Math.max(0, match.index - 8), match.index))) continue;
    // Nor after a German ordinal: "im 2. Quartal 2025", "am 30. September 2025" (a year before a capital ends a sentence).
    if (match[0] === '.' && /(?:^|[\s(])\d{1,2}$/.test(text.slice(Math.max(0, match.index - 3), match.index)) && GERMAN_ORDINAL_NOUN.test(text.slice(match.index + 1, match.index + 16))) continue;
    const end = match.index + match[0].length;
    found.push({ start, end });
    start = end;
  }
  found.push({ start, end: text.length });
  return found;
}
