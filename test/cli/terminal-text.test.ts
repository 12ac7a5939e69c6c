/** What reaches the terminal: no control character from a canvas, a config or the command line. */
import { describe, it, expect } from 'vitest';
import { terminalSafe } from '../../src/cli/terminal-text.ts';
import { runCli } from '../support/cli.ts';
import { EXIT } from '../../src/errors.ts';

describe('terminal output', () => {
  it('shows control characters and bidirectional overrides as escapes, and keeps newlines, tabs and other text', () => {
    expect(terminalSafe('a\u001b]0;owned\u0007b\r\nc\td\u202ee 深圳 €')).toBe('a\\u001b]0;owned\\u0007b\\u000d\nc\td\\u202ee 深圳 €');
    // C1 controls (\u009b is a CSI of its own), line and paragraph separators, every bidirectional embedding, override and isolate.
    for (const c of ['\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202a', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(terminalSafe(`a${c}b`)).toBe(`a\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}b`);
    }
    expect(terminalSafe('\u00a0€\u200d\u2065\u206a')).toBe('\u00a0€\u200d\u2065\u206a');
  });

  it('applies to every line the command line prints, e.g. an argument echoed in an error', async () => {
    const result = await runCli(['send', '--to', 'you@example.com\r\nBcc: x@evil.example\u001b[2K']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.err).toContain('--to "you@example.com\\u000d\nBcc: x@evil.example\\u001b[2K"');
    expect(result.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});
