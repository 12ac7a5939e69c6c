/** Why build --verbose says a briefing is printed again (printReason): the canvas, or only its "Changes since" chapter. */
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/hash.ts';
import { printReason, type ManifestEntry } from '../../src/plan/plan-build.ts';

const canvas = sha256('the canvas');
const earlier = sha256('last quarter');
const withSince = (bytes: string, since: string) => sha256(`${bytes}\0since\0${since}`);
/** A manifest entry of the canvas as built, without a chapter or with one against `since`. */
const entry = (since?: { since: string; at?: string; sha256?: string }, bytes = canvas) => ({
  canvas: 'nordwind.yaml', content: 'old', context: 'c', canvasSha256: since?.sha256 === undefined ? (since === undefined ? bytes : sha256('older manifest')) : withSince(bytes, since.sha256),
  ...(since === undefined ? {} : { since: since.since, ...(since.at === undefined ? {} : { sinceAt: since.at }), ...(since.sha256 === undefined ? {} : { sinceSha256: since.sha256 }) }),
}) as unknown as ManifestEntry;
const head = 'a'.repeat(40);
const want = (since?: { since: string; at?: string }, bytes = canvas, sinceSha = earlier) => ({
  canvas: 'nordwind.yaml', canvasBytes: bytes, canvasSha256: since === undefined ? bytes : withSince(bytes, sinceSha), content: 'new', context: 'c', force: false, ...(since === undefined ? {} : { since }),
});

describe('printReason', () => {
  it('says the canvas is as it was where only the "Changes since" chapter was added, left out or moved', () => {
    expect(printReason(entry(), want({ since: 'HEAD', at: head }))).toBe(`its canvas is as it was; a "Changes since" chapter is added (--since HEAD (${head.slice(0, 10)}))`);
    expect(printReason(entry({ since: 'HEAD', at: head, sha256: earlier }), want())).toBe(`its canvas is as it was; its "Changes since" chapter is left out (it was built --since HEAD (${head.slice(0, 10)}))`);
    expect(printReason(entry({ since: 'v1', sha256: earlier }), want({ since: 'HEAD', at: head }, canvas, sha256('sent')))).toBe(`its canvas is as it was; its "Changes since" chapter compares with another version (--since HEAD (${head.slice(0, 10)}), where it compared with v1)`);
  });

  it('says its figures or text changed where the canvas did, or where an older manifest cannot tell', () => {
    expect(printReason(entry(), want({ since: 'HEAD' }, sha256('edited')))).toBe('its figures or text changed');
    expect(printReason(entry({ since: 'HEAD', sha256: earlier }), want(undefined, sha256('edited')))).toBe('its figures or text changed');
    expect(printReason(entry({ since: 'HEAD' }), want())).toBe('its figures or text changed');
  });
});
