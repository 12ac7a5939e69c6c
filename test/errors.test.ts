/** Failures the user can act on (src/errors.ts): which are worth trying again. */
import { describe, expect, it } from 'vitest';
import { BriefingError, EXIT } from '../src/errors.ts';

describe('a BriefingError', () => {
  it('is not worth trying again unless it says so: only a crashed browser is, so a bad canvas is not printed twice', () => {
    expect(new BriefingError('acme.yaml: invalid canvas', EXIT.invalidData).transient).toBe(false);
    expect(new BriefingError('the browser crashed', EXIT.render, { cause: new Error('x') }).transient).toBe(false);
    expect(new BriefingError('the browser crashed', EXIT.render, { transient: true }).transient).toBe(true);
  });
});
