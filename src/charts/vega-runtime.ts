/** What every vega run gets: no network or file access, messages collected rather than printed, the briefing's number format. */
import * as vega from 'vega';

/** Number formatting for axis ticks as in model/format.ts: "1,000", a true minus sign "−12" (U+2212). */
const NUMBER_LOCALE = { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '\u2212' };

/**
 * The view's locale option. vega-view reads options.locale as {number, time} definitions
 * (not formatters), but vega-typings declare it as LocaleFormatters: hence the cast.
 */
export const VIEW_LOCALE = { number: NUMBER_LOCALE } as unknown as vega.LocaleFormatters;

/**
 * The view's locale for a chart whose numbers follow another notation (ChartModel.numbers, from briefing.language):
 * its decimal mark and thousands separator ("1.000,5" in German, "1 000,5" in French), the true minus sign kept.
 */
export function viewLocale(numbers: { decimal: string; group: string } | undefined): vega.LocaleFormatters {
  if (!numbers) return VIEW_LOCALE;
  return { number: { ...NUMBER_LOCALE, decimal: numbers.decimal, thousands: numbers.group } } as unknown as vega.LocaleFormatters;
}

/** A loader that refuses every URL: charts carry their data inline and must render offline. */
export function offlineLoader(): vega.Loader {
  const refuse = (uri: string) => Promise.reject(new Error(`charts render offline; refusing to load ${JSON.stringify(uri)}`));
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

/** Collects warnings and errors instead of printing them (vega reports async failures, e.g. loading, only here). */
export function collectingLogger(warnings: string[], errors: string[] = []): vega.LoggerInterface {
  return vega.logger(vega.Warn, undefined, (_method, level, args) => {
    if (level === 'ERROR') errors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
    else if (level === 'WARN') warnings.push(args.map(String).join(' '));
  });
}
