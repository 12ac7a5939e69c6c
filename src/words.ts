/** Lists as a sentence writes them, for messages. */

/** "a", "a and b", "a, b and c" (or "... or c"). */
export function listOf(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}` : items.join('');
}
