/** Dates as the briefing prints them, and as messages about a canvas quote them; a date some months on or back. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** How many days month `month` (1-12) of `year` has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of month `month` (1-12) of `year`, as an ISO date: (2024, 2) -> "2024-02-29". */
export function monthEnd(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** An ISO date as a reader writes it: 2025-09-30 -> "30 Sep 2025". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
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
