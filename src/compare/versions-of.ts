/**
 * Whether two canvases can be two versions of one briefing: the same company's, and the earlier one dated no later.
 * `build --since` and `briefing diff` ask it before they compare: a "Changes since" chapter computed against another
 * company's figures, or against a later version, is a wrong document that reads like a right one. Pure.
 *
 * A company is its listing: ticker and exchange (schema.ts requires both). A company that changed its name kept its
 * listing, so the same ticker on the same exchange is the same company whatever its name says. One whose listing
 * moved (another exchange, a new ticker, a share class) mostly kept its name: with another listing, the names decide,
 * compared as a reader would (case, spaces, punctuation, accents and the legal form aside: "Alibaba Group Holding
 * Ltd." is "Alibaba Group Holding Limited", "Kaffeewerk AG" is "Kaffeewerk SE"), and the move is said, as a warning.
 * Names that differ beyond that, under another listing, are another company: refused, not warned of, since a
 * warning scrolls past and the PDF it leaves is the wrong document. A company that changed both at once is refused
 * too (docs/diff.md says how to compare it all the same).
 */
import type { Canvas } from '../validate/schema.ts';
import { formatDate } from '../canvas/dates.ts';
import { namedPeriods, periodKeyKind, periodKeyOrder } from '../canvas/text-periods.ts';

type Company = Canvas['company'];

/** What stands for a ticker where a company has none (a private company's canvas): no listing to match. */
const NO_TICKER = /^(?:n\/?a|none|nil|private|unlisted|not listed|tbd|tba)$/i;

/**
 * Legal forms, as the last words of a name reads them (dots and slashes run together: "S.A." is "sa", "A/S" "as"):
 * left out of the comparison, and more than one of them ("GmbH & Co. KGaA", "S.A.B. de C.V.").
 */
const LEGAL_FORMS = new Set([
  'ag', 'se', 'sa', 'nv', 'bv', 'plc', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'lp',
  'gmbh', 'kgaa', 'kg', 'asa', 'as', 'ab', 'publ', 'oyj', 'oy', 'spa', 'sarl', 'sab', 'de', 'cv', 'kk', 'pte', 'pty', 'bhd', 'berhad', 'tbk',
]);

/** How two canvases stand as versions of one company's briefing. */
export interface VersionCheck {
  /** Set when they are two companies': "Alibaba Group Holding Limited (BABA, NYSE), not Kaffeewerk AG (KAF, Xetra)". */
  otherCompany?: { before: string; now: string };
  /** The same company by its name, under another listing: what each version says ("BABA, NYSE" and "9988, HKEX"). */
  listingMoved?: { before: string; now: string };
  /** The earlier version dated after this one: its date ("1 Dec 2025") or period ("Q3 2025"), and this one's. */
  later?: { what: 'dated' | 'for'; before: string; now: string };
}

/** Whether `before` can be an earlier version of `now`'s canvas (see the file's comment). */
export function checkVersions(before: Canvas, now: Canvas): VersionCheck {
  const [was, is] = [before.company, now.company];
  const later = laterVersion(before, now);
  const dates = later === undefined ? {} : { later };
  const [a, b] = [listing(was), listing(is)];
  if (a !== undefined && a === b) return dates;
  if (sameName(was, is)) return a === b ? dates : { listingMoved: { before: listingText(was), now: listingText(is) }, ...dates };
  return { otherCompany: { before: companyText(was), now: companyText(is) }, ...dates };
}

/** A company as messages name it: "Alibaba Group Holding Limited (BABA, NYSE)", or its name alone without a ticker. */
export function companyText(company: Company): string {
  return listing(company) === undefined ? company.name : `${company.name} (${listingText(company)})`;
}

function listingText(company: Company): string {
  return listing(company) === undefined ? 'no ticker' : `${company.ticker}, ${company.exchange}`;
}

/** Ticker and exchange as compared: case, spaces and how they are written aside; undefined for a company without a ticker. */
function listing(company: Company): string | undefined {
  const ticker = squash(company.ticker);
  if (!/[\p{L}\p{N}]/u.test(ticker) || NO_TICKER.test(ticker)) return undefined;
  return `${ticker.replace(TICKER_SUFFIX, '')}\0${exchangeKey(company.exchange)}`;
}

/**
 * The exchange a ticker's suffix names, as data vendors write it: Reuters' "9988.HK", "AAPL.O", "NWE.OL", Bloomberg's "BABA
 * US", "KAF GY", "… Equity". The same listing as the ticker without it (a share class, "BRK.B", is none of these).
 */
const TICKER_SUFFIX = /(?:\.(?:hk|o|oq|n|l|ol|de|f|pa|as|mi|t|ss|sz|ax|to|sw|st|co|he|ks|tw|si|bo|ns)|\s(?:us|hk|ln|gy|gr|fp|na|im|jp|jt|ch|au|cn|no|sw|ss|ks|tt|sp|in)(?:\s+equity)?|\s+equity)$/;

/**
 * An exchange as compared: its name as people write it differently for one exchange ("NYSE", "New York Stock Exchange";
 * "Oslo Børs", "Oslo Bors"; "HKEX", "Hong Kong Stock Exchange") is that exchange, not a move to another listing, which
 * would leave a canvas whose name was also tidied between two quarters refused as another company's.
 */
function exchangeKey(exchange: string): string {
  const key = squash(exchange).normalize('NFKD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/å/g, 'a')
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return EXCHANGES.get(key) ?? key;
}

/** Names written for one exchange, each under its usual code. */
const EXCHANGES = new Map(Object.entries({
  nyse: ['new york stock exchange', 'nyse inc'],
  nasdaq: ['nasdaq stock market', 'the nasdaq stock market', 'nasdaq global select market', 'nasdaq global select', 'nasdaq global market', 'nasdaq capital market', 'nasdaq gs', 'nasdaqgs', 'nasdaq ngs'],
  hkex: ['hong kong stock exchange', 'the stock exchange of hong kong', 'stock exchange of hong kong', 'sehk', 'hkse', 'hong kong exchanges and clearing', 'hkex main board'],
  lse: ['london stock exchange', 'lse main market'],
  xetra: ['frankfurt stock exchange', 'frankfurter wertpapierborse', 'fwb', 'deutsche borse', 'boerse frankfurt', 'borse frankfurt', 'xetra frankfurt'],
  'oslo bors': ['oslo stock exchange', 'euronext oslo', 'euronext oslo bors', 'ose'],
  tse: ['tokyo stock exchange', 'tyo', 'jpx'],
  asx: ['australian securities exchange'],
  tsx: ['toronto stock exchange'],
  six: ['six swiss exchange', 'swiss exchange'],
  sse: ['shanghai stock exchange'],
  szse: ['shenzhen stock exchange'],
}).flatMap(([code, names]) => [[code, code], ...names.map((n) => [n, code] as [string, string])]));

function squash(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The same name, legal form, case, spaces, punctuation and accents aside; in the company's own script too, where both give one. */
function sameName(a: Company, b: Company): boolean {
  const same = (x: string | undefined, y: string | undefined) => x !== undefined && y !== undefined && nameKey(x) !== '' && nameKey(x) === nameKey(y);
  return same(a.name, b.name) || same(a.native_name, b.native_name);
}

function nameKey(name: string): string {
  const words = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[.'’/]/g, '') // S.A. -> sa, A/S -> as
    .replace(/&/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  if (words[0] === 'the' && words.length > 1) words.shift();
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1)!)) words.pop();
  return words.join(' ');
}

/**
 * The earlier version dated after this one: its briefing.as_of later, or (the same date or earlier) the period it
 * covers, where both periods name one of a kind ("Q3 2025" and "Q2 2025", "FY2026" and "FY2025", "Q1 FY26" and
 * "Q4 FY25"). Words that name none ("Late 2025") are not compared.
 */
function laterVersion(before: Canvas, now: Canvas): VersionCheck['later'] {
  const [was, is] = [before.briefing, now.briefing];
  if (was.as_of > is.as_of) return { what: 'dated', before: formatDate(was.as_of), now: formatDate(is.as_of) };
  const [a, b] = [periodOrder(was.period), periodOrder(is.period)];
  for (const [kind, order] of a) {
    const other = b.get(kind);
    if (other !== undefined) return order > other ? { what: 'for', before: was.period, now: is.period } : undefined;
  }
  return undefined;
}

/**
 * The periods words name, by kind (periodKeyKind), each as a key that sorts by time within its kind (periodKeyOrder:
 * "q:2025-09-30" as it is, "fq1-fy2026" as "fq2026-1"); a kind named more than once (a span) is left out.
 */
function periodOrder(words: string): Map<string, string> {
  const found = new Map<string, string | undefined>();
  for (const { key } of namedPeriods(words)) {
    const kind = periodKeyKind(key);
    found.set(kind, found.has(kind) ? undefined : periodKeyOrder(key));
  }
  return new Map([...found].flatMap(([kind, order]) => (order === undefined ? [] : [[kind, order] as [string, string]])));
}
