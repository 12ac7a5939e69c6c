/** Exit codes, one per failure class. Documented in README "Exit codes". */
export const EXIT = { ok: 0, internal: 1, usage: 2, invalidData: 3, template: 4, browserNotFound: 5, render: 6, output: 7, send: 8 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
/** A failure the user can act on: message says what, where and what to try; exitCode classifies it. */
export class BriefingError extends Error {
  /** The same work may well succeed if tried again: the browser crashed under it. */
  readonly transient: boolean;

  constructor(message: string, readonly exitCode: ExitCode, options?: { cause?: unknown; transient?: boolean }) {
    super(message, options);
    this.name = 'BriefingError';
    this.transient = options?.transient ?? false;
  }
}
