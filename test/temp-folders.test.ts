/** The test suite's temporary folders (test/support/temp.ts): each helper refuses the place where it would leak its folder. */
import { describe, expect, it } from 'vitest';
import { fileTempDir, tempDir } from './support/temp.ts';

describe('temporary folders for tests', () => {
  it('refuses fileTempDir() inside a test, where the afterAll that removes it would never run', () => {
    expect(() => fileTempDir()).toThrow('fileTempDir() is for the top level of a file; inside a test use tempDir()');
  });

  it('gives tempDir() inside a test', () => {
    expect(tempDir()).toMatch(/briefing-test-/);
  });
});
