/** Dates as the briefing prints them, and as messages about a canvas quote them; a date some months on or back. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The months' names, January first, in each language the checks read: each month's full name and, in English, its short
 * ones ("jan", "sep", "sept"), lower-cased. Both readers of a month in text take them from here: a day named
 * (text-periods.ts namedDays) and a word of another time (validate/current-period.ts).
 */
export const MONTH_WORDS: Readonly<Record<'en' | 'de' | 'fr' | 'pt' | 'es' | 'it' | 'nl', ReadonlyArray<readonly string[]>>> = {
  en: [['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'], ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec']],
  de: [['januar'], ['februar'], ['märz'], ['april'], ['mai'], ['juni'], ['juli'], ['august'], ['september'], ['oktober'], ['november'], ['dezember']],
  fr: [['janvier'], ['février'], ['mars'], ['avril'], ['mai'], ['juin'], ['juillet'], ['août'], ['septembre'], ['octobre'], ['novembre'], ['décembre']],
  pt: [['janeiro'], ['fevereiro'], ['março'], ['abril'], ['maio'], ['junho'], ['julho'], ['agosto'], ['setembro'], ['outubro'], ['novembro'], ['dezembro']],
  es: [['enero'], ['febrero'], ['marzo'], ['abril'], ['mayo'], ['junio'], ['julio'], ['agosto'], ['septiembre', 'setiembre'], ['octubre'], ['noviembre'], ['diciembre']],
  it: [['gennaio'], ['febbraio'], ['marzo'], ['aprile'], ['maggio'], ['giugno'], ['luglio'], ['agosto'], ['settembre'], ['ottobre'], ['novembre'], ['dicembre']],
  nl: [['januari'], ['februari'], ['maart'], ['april'], ['mei'], ['juni'], ['juli'], ['augustus'], ['september'], ['oktober'], ['november'], ['december']],
};

/** How many days month `month` (1-12) of `year` has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of month `month` (1-12) of `year`, as an ISO date: (2024, 2) -> "2024-02-29". */
export function monthEnd(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/**
 * An ISO date as a reader writes it: 2025-09-30 -> "30 Sep 2025"; in a regional English that writes the month first
 * (briefing.language en-US, en-CA, en-PH ...) as CLDR writes it there: "Sep 30, 2025". English without a region (en,
 * the default) and every other language: day first.
 */
export function formatDate(iso: string, language?: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const monthFirst = language === undefined ? undefined : monthFirstFormat(language);
  return monthFirst ? monthFirst.format(new Date(Date.UTC(y!, m! - 1, d))) : `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** Whether `language` (briefing.language) writes the month before the day, as formatDate does: en-US, en-CA, en-PH. */
export function writesMonthFirst(language: string | undefined): boolean {
  return language !== undefined && monthFirstFormat(language) !== undefined;
}

const MONTH_FIRST = new Map<string, Intl.DateTimeFormat | undefined>();

/** CLDR's medium date of `language` where it is a regional English that writes the month before the day; else undefined. */
function monthFirstFormat(language: string): Intl.DateTimeFormat | undefined {
  if (!MONTH_FIRST.has(language)) {
    let format: Intl.DateTimeFormat | undefined;
    try {
      const locale = new Intl.Locale(language);
      if (locale.language === 'en' && locale.region !== undefined) {
        const candidate = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC', numberingSystem: 'latn', calendar: 'gregory' });
        const order = candidate.formatToParts(new Date(Date.UTC(2025, 8, 30))).map((p) => p.type);
        if (order.indexOf('month') < order.indexOf('day')) format = candidate;
      }
    } catch {
      format = undefined; // a tag ICU does not take writes dates as English without a region
    }
    MONTH_FIRST.set(language, format);
  }
  return MONTH_FIRST.get(language);
}

/**
 * The date `months` on from an ISO date (YYYY-MM-DD; back, for a negative number): at the end of that month where the
 * date is a month's end ("2024-09-30" three months on is "2024-12-31"), else the same day, or the month's last if it has
 * fewer days.
 */
export function monthsOn(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const [ny, nm] = [Math.floor(total / 12), (total % 12) + 1];
  const day = d === daysInMonth(y, m) ? daysInMonth(ny, nm) : Math.min(d, daysInMonth(ny, nm));
  return `${ny}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
