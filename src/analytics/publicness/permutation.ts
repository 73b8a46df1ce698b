/**
 * Permutation test of "no change between the dates" for share components — Good (2005), Permutation,
 * Parametric and Bootstrap Tests of Hypotheses, §3.5 (matched pairs). Under the null the date label
 * of an observation is exchangeable: a unit present at both dates has its two observations swapped
 * with probability ½ (the matched-pairs sign flip), and the units seen at only one date are
 * relabelled among themselves (the two groups' sizes kept). The two-sided p-value counts the
 * relabellings whose |Δ| reaches the observed |Δ|, with the observed one included, so it is never 0
 * (Phipson & Smyth 2010, "Permutation p-values should never be zero").
 */
import { checkSeed, mulberry32, shuffle } from '../graph-utils/prng.ts';
import { strataOf, type UnitSet } from './units.ts';

const MODULE = 'publicness/permutation';

export interface PermutationOptions {
  permutations: number;
  seed: number;
}

/** Permuted deltas per component name (NaN where undefined), and the observed ones. */
export interface PermutedDeltas {
  observed: Record<string, number>;
  permuted: Record<string, Float64Array>;
}

/** Δ of a component when each unit's observations are read from date `from0[i]` at t0 and `from1[i]` at t1 (−1 = absent). */
function deltaOf(set: UnitSet, component: string, from0: Int8Array, from1: Int8Array): number {
  const c = set.components[component]!;
  let n0 = 0;
  let d0 = 0;
  let n1 = 0;
  let d1 = 0;
  for (let i = 0; i < from0.length; i += 1) {
    const a = from0[i]!;
    const b = from1[i]!;
    if (a === 0) {
      n0 += c.num0[i]!;
      d0 += c.den0[i]!;
    } else if (a === 1) {
      n0 += c.num1[i]!;
      d0 += c.den1[i]!;
    }
    if (b === 1) {
      n1 += c.num1[i]!;
      d1 += c.den1[i]!;
    } else if (b === 0) {
      n1 += c.num0[i]!;
      d1 += c.den0[i]!;
    }
  }
  return d0 > 0 && d1 > 0 ? n1 / d1 - n0 / d0 : Number.NaN;
}

export function permuteDates(sets: readonly UnitSet[], options: PermutationOptions): PermutedDeltas {
  const { permutations, seed } = options;
  if (!Number.isInteger(permutations) || permutations < 0) throw new Error(`${MODULE}: permutations must be an integer ≥ 0`);
  checkSeed(MODULE, seed);
  const random = mulberry32(seed);
  const observed: Record<string, number> = {};
  const permuted: Record<string, Float64Array> = {};
  for (const set of sets) {
    const n = set.present0.length;
    const identity0 = new Int8Array(n).fill(-1);
    const identity1 = new Int8Array(n).fill(-1);
    for (let i = 0; i < n; i += 1) {
      if (set.present0[i] === 1) identity0[i] = 0;
      if (set.present1[i] === 1) identity1[i] = 1;
    }
    for (const name of Object.keys(set.components)) {
      observed[name] = deltaOf(set, name, identity0, identity1);
      permuted[name] = new Float64Array(permutations);
    }
  }
  const strata = sets.map(strataOf);
  for (let p = 0; p < permutations; p += 1) {
    sets.forEach((set, s) => {
      const n = set.present0.length;
      const { both, only0, only1 } = strata[s]!;
      const from0 = new Int8Array(n).fill(-1);
      const from1 = new Int8Array(n).fill(-1);
      for (const i of both) {
        const swap = random() < 0.5;
        from0[i] = swap ? 1 : 0;
        from1[i] = swap ? 0 : 1;
      }
      // The singles: the first |only0| of a shuffle of them are read at t0, the rest at t1, each
      // with the observation it has.
      const singles = shuffle(Int32Array.from([...only0, ...only1]), random);
      singles.forEach((i, k) => {
        const own = set.present0[i] === 1 ? 0 : 1;
        if (k < only0.length) from0[i] = own;
        else from1[i] = own;
      });
      for (const name of Object.keys(set.components)) permuted[name]![p] = deltaOf(set, name, from0, from1);
    });
  }
  return { observed, permuted };
}

/** Two-sided p-value: (1 + #{|Δ*| ≥ |Δ|}) / (1 + P), over the finite Δ*; null without a finite Δ or permutations. */
export function twoSidedP(observed: number, permuted: ArrayLike<number>): number | null {
  if (!Number.isFinite(observed)) return null;
  // A relative tolerance, so that relabellings equal to the observed value up to rounding count as reaching it.
  const bar = Math.abs(observed) * (1 - 1e-9) - 1e-12;
  let count = 0;
  let total = 0;
  for (let i = 0; i < permuted.length; i += 1) {
    const d = permuted[i]!;
    if (!Number.isFinite(d)) continue;
    total += 1;
    if (Math.abs(d) >= bar) count += 1;
  }
  return total === 0 ? null : (1 + count) / (1 + total);
}
