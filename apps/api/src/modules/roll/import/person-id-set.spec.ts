import { describe, expect, it } from 'vitest';
import { PersonIdSet } from './person-id-set';

describe('PersonIdSet', () => {
  it('should return the first line of a repeated id and 0 for new ones, also after growing', () => {
    const set = new PersonIdSet();
    let hits = 0;
    for (let i = 0; i < 200_000; i++) if (set.add(`P${String(i).padStart(8, '0')}`, i + 2) !== 0) hits++;
    expect(hits).toBe(0);
    expect(set.add('P00000007', 999_999)).toBe(9);
    expect(set.add('P00199999', 1_000_000)).toBe(200_001);
    expect(set.add('P00200000', 1_000_001)).toBe(0);
  });
});
