// Deterministic pseudo-random numbers for generators: the same seed always yields the same sequence,
// independent of platform and Node version (no Math.random).

/** A 32-bit hash of a seed text (cyrb53, folded), so that `--seed demo` and `--seed 42` both work. */
export function hashSeed(seed: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < seed.length; i++) {
    const ch = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

export type Rng = {
  /** Uniform in [0, 1). */
  readonly next: () => number;
  /** Uniform integer in [min, max] (both included). */
  readonly int: (min: number, max: number) => number;
  /** True with the given probability. */
  readonly chance: (probability: number) => boolean;
  /** One element, uniformly. */
  readonly pick: <T>(items: readonly T[]) => T;
  /** A new, independent generator derived from this one and a label. */
  readonly fork: (label: string) => Rng;
};

/** sfc32 seeded through splitmix32: small, fast and statistically good enough for test data. */
export function createRng(seed: string | number): Rng {
  let state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const nextUint = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 mixes its state during the first rounds.
  for (let i = 0; i < 12; i++) nextUint();
  const next = (): number => nextUint() / 4294967296;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    fork: (label) => createRng((nextUint() ^ hashSeed(label)) >>> 0),
  };
}

/**
 * Draws indices proportionally to weights in O(1) per draw (Walker/Vose alias method); used for
 * addresses, ages and names where one run draws millions of times.
 */
export function createWeightedSampler(weights: readonly number[]): (rng: Rng) => number {
  const n = weights.length;
  if (n === 0) throw new Error('weighted sampler needs at least one weight');
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (!(total > 0)) throw new Error('weighted sampler needs a positive total weight');
  const probability = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = weights.map((w) => (w * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    probability[s] = scaled[s] as number;
    alias[s] = l;
    scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
    if ((scaled[l] as number) < 1) small.push(l);
    else large.push(l);
  }
  for (const i of [...small, ...large]) probability[i] = 1;
  return (rng) => {
    const u = rng.next() * n;
    const i = Math.floor(u);
    return u - i < (probability[i] as number) ? i : (alias[i] as number);
  };
}
