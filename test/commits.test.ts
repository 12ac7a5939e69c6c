import { describe, expect, it } from 'vitest';
import { isCommitHash, shortCommit } from '../src/commits.ts';

describe('commits as messages name them', () => {
  const sha1 = '3247ccc1f0a5b6c7d8e9f00112233445566778899'.slice(0, 40);
  const sha256 = 'ab'.repeat(32);

  it('knows a full commit hash (SHA-1 or SHA-256) from a path, a branch or a short hash', () => {
    expect([sha1, sha256].map(isCommitHash)).toEqual([true, true]);
    expect(['HEAD', 'sent/2025Q4', sha1.slice(0, 10), '/tmp/nordwind-q2.yaml', sha1.toUpperCase(), `${sha256}0`].map(isCommitHash)).toEqual([false, false, false, false, false, false]);
  });

  it('names a commit by its first 10 digits, and anything else as it is', () => {
    expect(shortCommit(sha1)).toBe('3247ccc1f0');
    expect(shortCommit(sha256)).toBe('ababababab');
    expect(shortCommit('HEAD~1')).toBe('HEAD~1');
    expect(shortCommit('/tmp/nordwind-q2.yaml')).toBe('/tmp/nordwind-q2.yaml');
  });
});
