/**
 * Text bound for a terminal, made safe: canvas text, config values and file names reach error
 * messages and warnings, and a control character there could retitle the terminal, erase lines (to
 * fake "all checks passed") or write the clipboard. Every control character but newline and tab,
 * and the bidirectional overrides that reorder what is shown, is written as a visible \u escape.
 */

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
