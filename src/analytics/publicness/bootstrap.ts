/**
 * Paired bootstrap of the change of share components between two dates — Efron & Tibshirani (1993),
 * An Introduction to the Bootstrap, ch. 6 (bootstrap standard errors) and ch. 13 (the percentile
 * interval). The units (residents, organisations) present at both dates are resampled with
 * replacement as pairs, so a resident's two observations stay together and the interval reflects the
 * change within people, not the spread between them; units present at only one date (moved in, moved
 * away) are resampled within their own stratum, so every replicate has the observed numbers of each
 * kind and is centred on the observed change. One resample of a set serves all its components, so
 * the components of one replicate — and the index built from them — are coherent.
 */
import { checkSeed, mulberry32, type Random } from '../graph-utils/prng.ts';
import { strataOf, type Strata, type UnitSet } from './units.ts';

const MODULE = 'publicness/bootstrap';

export interface BootstrapOptions {
  replicates: number;
  seed: number;
}

/** Replicate deltas (t1 − t0) per component name; NaN where a replicate has no denominator. */
export type ReplicateDeltas = Record<string, Float64Array>;

function draw(weights: Uint32Array, stratum: Int32Array, random: Random): void {
  const k = stratum.length;
  for (let j = 0; j < k; j += 1) {
    const pick = stratum[Math.floor(random() * k)]!;
    weights[pick] = weights[pick]! + 1;
  }
}

/** Σ w·num / Σ w·den at both dates, over the units present, with multiplicities w. */
export function weightedDelta(set: UnitSet, component: string, weights: ArrayLike<number>): number {
  const c = set.components[component]!;
  let n0 = 0;
  let d0 = 0;
  let n1 = 0;
  let d1 = 0;
  for (let i = 0; i < weights.length; i += 1) {
    const w = weights[i]!;
    if (w === 0) continue;
    if (set.present0[i] === 1) {
      n0 += w * c.num0[i]!;
      d0 += w * c.den0[i]!;
    }
    if (set.present1[i] === 1) {
      n1 += w * c.num1[i]!;
      d1 += w * c.den1[i]!;
    }
  }
  return d0 > 0 && d1 > 0 ? n1 / d1 - n0 / d0 : Number.NaN;
}

/**
 * B replicate deltas of every component of every set. The sets are resampled independently of each
 * other (residents and organisations are different units), in the order given, from one seeded stream.
 */
export function pairedBootstrap(sets: readonly UnitSet[], options: BootstrapOptions): ReplicateDeltas {
  const { replicates, seed } = options;
  if (!Number.isInteger(replicates) || replicates < 1) throw new Error(`${MODULE}: replicates must be a positive integer`);
  checkSeed(MODULE, seed);
  const random = mulberry32(seed);
  const out: ReplicateDeltas = {};
  const strata: Strata[] = sets.map(strataOf);
  for (const set of sets) for (const name of Object.keys(set.components)) out[name] = new Float64Array(replicates);
  const weights = sets.map((set) => new Uint32Array(set.present0.length));
  for (let b = 0; b < replicates; b += 1) {
    sets.forEach((set, s) => {
      const w = weights[s]!;
      w.fill(0);
      draw(w, strata[s]!.both, random);
      draw(w, strata[s]!.only0, random);
      draw(w, strata[s]!.only1, random);
      for (const name of Object.keys(set.components)) out[name]![b] = weightedDelta(set, name, w);
    });
  }
  return out;
}

/**
 * Quantile of the finite values by linear interpolation between order statistics (Hyndman & Fan
 * 1996 type 7, numpy's default); null when there are none.
 */
export function quantile(values: ArrayLike<number>, q: number): number | null {
  const finite = Float64Array.from(Array.prototype.filter.call(values, Number.isFinite) as number[]).sort();
  if (finite.length === 0) return null;
  const h = (finite.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, finite.length - 1);
  return finite[lo]! + (h - lo) * (finite[hi]! - finite[lo]!);
}

/** The percentile interval at `level` (0.95: the 2.5 % and 97.5 % quantiles of the replicates). */
export function percentileInterval(values: ArrayLike<number>, level = 0.95): { lower: number; upper: number } | null {
  const lower = quantile(values, (1 - level) / 2);
  const upper = quantile(values, 1 - (1 - level) / 2);
  return lower === null || upper === null ? null : { lower, upper };
}
