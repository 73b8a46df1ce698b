/**
 * The one seeded pseudo-random generator of the analytics, so every randomised analytic (Louvain's
 * node order, the E-I permutation test, betweenness pivots) gives the same output for the same seed. mulberry32 (Tommy Ettinger, public
 * domain): 32-bit state, period 2^32, ample for shuffling a community's residents; not cryptographic.
 */

export type Random = () => number;

export function checkSeed(module: string, seed: unknown): void {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) throw new Error(`${module}: seed must be an integer`);
}

/** Uniform numbers in [0, 1) from an integer seed (taken modulo 2^32). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Anything indexable and writable: arrays and typed arrays. */
export interface Shufflable<T> {
  length: number;
  [index: number]: T;
}

/** Fisher–Yates shuffle in place (Knuth, TAOCP vol. 2, Algorithm P). */
export function shuffle<T, A extends Shufflable<T>>(items: A, random: Random): A {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/** k distinct integers of 0..n−1, uniformly, by a partial Fisher–Yates shuffle. */
export function sampleIndices(n: number, k: number, random: Random): Int32Array {
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i += 1) pool[i] = i;
  for (let i = 0; i < k; i += 1) {
    const j = i + Math.floor(random() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, k);
}
