/**
 * How wide text sets, in letter widths: the estimate the render stage lays out with where no browser
 * has measured yet (a running head cut to one line, a table's column widths). Chinese, Japanese and
 * Korean characters and full-width forms take about two letters; capitals and figures a little more
 * than one; spaces, stops and thin letters a little more than half.
 */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** Chinese, Japanese or Korean script (not the punctuation and full-width forms around it). */
export const CJK_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function letterWidth(char: string): number {
  if (WIDE.test(char)) return 1.9;
  return /[A-Z0-9]/.test(char) ? 1.15 : /[ .,:;'il|·]/.test(char) ? 0.6 : 1;
}

export function textWidth(text: string): number {
  return Array.from(text).reduce((w, c) => w + letterWidth(c), 0);
}
