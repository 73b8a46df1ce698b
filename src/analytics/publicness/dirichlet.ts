/**
 * Weight sensitivity of a composite index — Nardo, Saisana, Saltelli, Tarantola, Hoffman & Giovannini
 * (2008), OECD/JRC Handbook on Constructing Composite Indicators, §1.7 and Step 7 (uncertainty and
 * sensitivity analysis): the index is recomputed under many weight vectors drawn uniformly from the
 * simplex — the flat Dirichlet(1, …, 1), drawn as normalised standard exponentials (Devroye 1986,
 * Non-Uniform Random Variate Generation, §XI.4) — and the spread of the results is reported beside
 * the index at the chosen weights. A change whose sign holds under every weighting does not depend on
 * the weights; one whose range straddles 0 does.
 */
import { checkSeed, mulberry32, type Random } from '../graph-utils/prng.ts';
import { quantile } from './bootstrap.ts';

const MODULE = 'publicness/dirichlet';

export interface Range {
  min: number;
  max: number;
  /** 2.5 % and 97.5 % quantiles of the draws. */
  lower: number;
  upper: number;
}

export interface Sensitivity {
  draws: number;
  seed: number;
  t0: Range;
  t1: Range;
  delta: Range;
  /** Share of the draws under which the index rose (Δ > 0). */
  risingShare: number;
}

/** One weight vector from the flat Dirichlet over k components. */
export function flatDirichlet(k: number, random: Random): Float64Array {
  const w = new Float64Array(k);
  let sum = 0;
  for (let i = 0; i < k; i += 1) {
    // 1 − U is in (0, 1]: the logarithm stays finite.
    w[i] = -Math.log(1 - random());
    sum += w[i]!;
  }
  for (let i = 0; i < k; i += 1) w[i] = w[i]! / sum;
  return w;
}

function rangeOf(values: Float64Array): Range {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max, lower: quantile(values, 0.025)!, upper: quantile(values, 0.975)! };
}

/** The index Σ w·c at both dates under `draws` flat-Dirichlet weightings of the components given. */
export function dirichletSensitivity(c0: readonly number[], c1: readonly number[], options: { draws: number; seed: number }): Sensitivity | null {
  const { draws, seed } = options;
  if (c0.length !== c1.length) throw new Error(`${MODULE}: the two dates need the same components`);
  if (!Number.isInteger(draws) || draws < 1) throw new Error(`${MODULE}: draws must be a positive integer`);
  checkSeed(MODULE, seed);
  const k = c0.length;
  if (k === 0) return null;
  const random = mulberry32(seed);
  const i0 = new Float64Array(draws);
  const i1 = new Float64Array(draws);
  const d = new Float64Array(draws);
  let rising = 0;
  for (let b = 0; b < draws; b += 1) {
    const w = flatDirichlet(k, random);
    let a = 0;
    let z = 0;
    for (let i = 0; i < k; i += 1) {
      a += w[i]! * c0[i]!;
      z += w[i]! * c1[i]!;
    }
    i0[b] = a;
    i1[b] = z;
    d[b] = z - a;
    if (z - a > 0) rising += 1;
  }
  return { draws, seed, t0: rangeOf(i0), t1: rangeOf(i1), delta: rangeOf(d), risingShare: rising / draws };
}
