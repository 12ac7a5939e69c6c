/** Dates as the briefing prints them, and as messages about a canvas quote them; a date some months on or back. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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
  const monthEnd = (yy: number, mm: number) => new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  const total = y * 12 + (m - 1) + months;
  const [ny, nm] = [Math.floor(total / 12), (total % 12) + 1];
  const day = d === monthEnd(y, m) ? monthEnd(ny, nm) : Math.min(d, monthEnd(ny, nm));
  return `${ny}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
