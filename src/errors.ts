/** Exit codes, one per failure class. Documented in README "Exit codes". */
export const EXIT = { ok: 0, internal: 1, usage: 2, invalidData: 3, template: 4, browserNotFound: 5, render: 6, output: 7, send: 8, queue: 9 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
/**
 * A failure the user can act on: message says what, where and what to try; exitCode classifies it.
 * Its message is held to readable lengths (shortened()): it quotes what a canvas holds, and that may
 * be a megabyte on one line.
 */
export class BriefingError extends Error {
  /** The same work may well succeed if tried again: the browser crashed under it. */
  readonly transient: boolean;
  /**
   * What happened, in a few words, where the exit code's class says less ("printing timed out", not "render failure"):
   * the closing line of a build names the failure with it (cli/ summarise).
   */
  readonly kind?: string;

  constructor(message: string, readonly exitCode: ExitCode, options?: { cause?: unknown; transient?: boolean; kind?: string }) {
    super(shortened(message), options);
    this.name = 'BriefingError';
    this.transient = options?.transient ?? false;
    if (options?.kind !== undefined) this.kind = options.kind;
  }
}

/** BriefingError.kind of what a queued build could not do for Redis out of reach at --max-wait (the closing line names it). */
export const REDIS_LOST_AT_MAX_WAIT = 'Redis out of reach at --max-wait';

/** Runs of text without a space longer than this are cut in messages: ids, units, keys, URLs and file paths are all shorter. */
const LONGEST_RUN = 1000;
/** Lines of a message longer than this are cut (25 problems of a few hundred characters each stay whole). */
const LONGEST_LINE = 2000;

/**
 * Text for a message, with what a canvas may hold in bulk cut down: every run of more than 1,000
 * characters without a space, and every line over 2,000 characters, keep their start and say how long
 * they were ("aaaa…(1048576 characters)"). Error output ends up in terminals and CI logs; a 1 MB id
 * quoted whole (three times, for a unit) would bury the message that names it.
 */
export function shortened(text: string): string {
  const cut = (part: string, keep: number) => {
    const chars = Array.from(part); // whole code points: never half of a surrogate pair
    return chars.length <= keep ? part : `${chars.slice(0, keep).join('')}…(${chars.length} characters)`;
  };
  return text
    .replace(new RegExp(`\\S{${LONGEST_RUN + 1},}`, 'g'), (run) => cut(run, 60))
    .split('\n')
    .map((line) => cut(line, LONGEST_LINE))
    .join('\n');
}

/** How much of a value a message quotes. */
const QUOTED = 80;

/**
 * A value as a message quotes it: in double quotes, and when it is long only its start, with its length
 * ("Revenue from the …" (1,204 characters)). What was found is named, not repeated.
 */
export function quote(value: string | number | undefined): string {
  const chars = Array.from(String(value));
  if (chars.length <= QUOTED) return `"${String(value)}"`;
  return `"${chars.slice(0, QUOTED - 3).join('')}…" (${chars.length.toLocaleString('en-US')} characters)`;
}

/** A message that must stay one line (a finding, a problem of a list): line breaks a quoted value holds become spaces, so no value can start a line of its own. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' '); // a lone CR is shown as \u000d by the terminal's escaping
}
