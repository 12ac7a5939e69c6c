import { describe, expect, it } from 'vitest';
import { RecentMap } from '../src/recent-map.ts';

describe('RecentMap', () => {
  it('forgets the least recently used entry beyond its limit, a read counting as a use', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect(map.get('a')).toBe(1); // a is now more recent than b
    map.set('c', 3);
    expect([...map.keys()]).toEqual(['a', 'c']);
    map.set('a', 10); // a write counts too
    map.set('d', 4);
    expect([...map.entries()]).toEqual([['a', 10], ['d', 4]]);
    expect(map.get('b')).toBeUndefined();
    expect(map.size).toBe(2);
  });
});
