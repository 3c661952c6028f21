import { describe, expect, it } from 'vitest';
import { createRng, createWeightedSampler, hashSeed } from './prng';

describe('createRng', () => {
  it('should repeat the same sequence when given the same seed', () => {
    const a = createRng('demo');
    const b = createRng('demo');
    const first = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(first);
  });

  it('should give a different sequence when the seed differs', () => {
    const a = Array.from({ length: 10 }, createRng('demo').next);
    const b = Array.from({ length: 10 }, createRng('demo2').next);
    expect(a).not.toEqual(b);
  });

  it('should keep integers within both bounds and reach each of them', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(3, 6);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('should hash text seeds to fixed 32-bit values', () => {
    expect(hashSeed('demo')).toBe(hashSeed('demo'));
    expect(hashSeed('demo')).not.toBe(hashSeed('Demo'));
    expect(hashSeed('demo')).toBeLessThan(2 ** 32);
  });
});

describe('createWeightedSampler', () => {
  it('should draw indices in proportion to their weights', () => {
    const draw = createWeightedSampler([1, 3, 0, 6]);
    const rng = createRng('weights');
    const counts = [0, 0, 0, 0];
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[draw(rng)]! += 1;
    expect(counts[2]).toBe(0);
    expect(counts[0]! / n).toBeCloseTo(0.1, 2);
    expect(counts[1]! / n).toBeCloseTo(0.3, 2);
    expect(counts[3]! / n).toBeCloseTo(0.6, 2);
  });

  it('should reject an empty or zero weight list', () => {
    expect(() => createWeightedSampler([])).toThrow();
    expect(() => createWeightedSampler([0, 0])).toThrow();
  });
});
