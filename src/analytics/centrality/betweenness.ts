/**
 * Betweenness centrality — exact, or estimated from a sample of pivots.
 *
 * [References]:
 * Brandes, Ulrik (2001). "A faster algorithm for betweenness centrality". Journal of Mathematical
 *   Sociology 25(2): 163–177. — one shortest-path search per source, then dependencies accumulated
 *   back along the settle order: O(n·m) unweighted, O(n·m + n²·log n) weighted.
 * Brandes, Ulrik & Pich, Christian (2007). "Centrality estimation in large networks". International
 *   Journal of Bifurcation and Chaos 17(7): 2303–2318. — run the same accumulation from k pivots
 *   drawn uniformly and extrapolate.
 *
 * Conventions follow NetworkX's `betweenness_centrality(G, k, normalized, weight, endpoints=False)`
 * (3.x `_rescale`): endpoints excluded; normalised values are divided by (n−1)(n−2) (the ordered
 * pairs (s, t), s ≠ t ≠ v); unnormalised values of an undirected graph count each unordered pair
 * once. With pivots the pivots' own values are scaled by 1/((k−1)(n−2)) and the others' by
 * 1/(k(n−2)) (a pivot cannot be the source of a path through itself), so k = n gives the exact values;
 * with k = 1 the pivot's own value is NaN, as in NetworkX (0/0: no source could measure it).
 *
 * Runs over a CSR copy (graph-utils/csr.ts): predecessors are not stored, they are recognised while
 * accumulating by dist[v] + length(v, w) = dist[w], the same test the search used.
 *
 * Split by source (source-kernel.ts) so a worker pool can run blocks of sources in parallel: the
 * pivots are drawn from the seed here, before any split, so a parallel run searches the same sources
 * and — blocks being combined in order — returns the same numbers as `betweenness`.
 */
import { asCSR, lengths, toRecord, type CSR } from '../graph-utils/csr.ts';
import type { AnyGraph } from '../graph-utils/graph.ts';
import { checkBoolean, checkDistance, checkNumber, checkString, resolveOptions, type Distance } from '../graph-utils/options.ts';
import { mulberry32, sampleIndices } from '../graph-utils/prng.ts';
import { accumulateDependencies, betweennessWorkspace, type BetweennessWorkspace } from './betweenness-kernel.ts';
import { runAllSources, sumInto, type SourceKernel, type SourcePlan } from './source-kernel.ts';

const MODULE = 'centrality/betweenness';

export interface BetweennessOptions {
  /** 'hops' (BFS), 'weight' (the weight is the length, NetworkX `weight="weight"`) or 'inverse-weight' (length 1/weight) */
  distance: Distance;
  weightAttribute: string;
  /** divide by (n−1)(n−2), as NetworkX `normalized=True` */
  normalized: boolean;
  /** null: exact. A number k ≥ 1: estimate from k pivots (k ≥ n is exact). */
  pivots: number | null;
  /** seed of the pivot sample; the same seed gives the same pivots and values */
  seed: number;
}

export const DEFAULTS: BetweennessOptions = Object.freeze({
  distance: 'hops',
  weightAttribute: 'weight',
  normalized: true,
  pivots: null,
  seed: 0,
});

export interface BetweennessResult {
  values: Record<string, number>;
  method: 'exact' | 'sampled';
  /** the number of sources searched (n when exact) */
  pivots: number;
  /** the sample's seed; null when exact */
  seed: number | null;
  distance: Distance;
  normalized: boolean;
}

export interface BetweennessPlan extends SourcePlan {
  readonly exact: boolean;
  readonly seed: number;
  readonly distance: Distance;
  readonly normalized: boolean;
}

/** Checked options, before any graph is read (a bad option fails before the CSR is built). */
export function checkBetweennessOptions(options?: Partial<BetweennessOptions>): BetweennessOptions {
  const o = resolveOptions(MODULE, DEFAULTS, options);
  const distance = checkDistance(MODULE, o.distance);
  const normalized = checkBoolean(MODULE, 'normalized', o.normalized);
  checkString(MODULE, 'weightAttribute', o.weightAttribute);
  if (o.pivots !== null) {
    if (!(typeof o.pivots === 'number' && Number.isInteger(o.pivots) && o.pivots >= 1)) {
      throw new Error(`${MODULE}: pivots must be ≥ 1 (an integer), not ${String(o.pivots)}`);
    }
  }
  const seed = checkNumber(MODULE, 'seed', o.seed, { integer: true, min: 0, max: 2 ** 32 - 1 });
  return { ...o, distance, normalized, seed };
}

/** The CSR and the plan: which sources (pivots drawn from the seed here, once), which lengths. */
export function planBetweenness(graph: AnyGraph | CSR, options?: Partial<BetweennessOptions>): { csr: CSR; plan: BetweennessPlan } {
  const o = checkBetweennessOptions(options);
  const csr = asCSR(graph, o.weightAttribute, MODULE);
  const n = csr.order;
  const exact = o.pivots === null || o.pivots >= n;
  const sources = exact ? null : sampleIndices(n, o.pivots!, mulberry32(o.seed));
  const plan: BetweennessPlan = {
    sources,
    count: sources ? sources.length : n,
    lengths: o.distance === 'hops' ? null : lengths(csr, o.distance, MODULE),
    exact,
    seed: o.seed,
    distance: o.distance,
    normalized: o.normalized,
  };
  return { csr, plan };
}

export const betweennessKernel: SourceKernel<BetweennessPlan, BetweennessWorkspace, BetweennessResult> = {
  workspace: (csr, plan) => betweennessWorkspace(csr, plan.lengths),
  partial(csr, plan, from, to, workspace) {
    const into = new Float64Array(csr.order);
    accumulateDependencies(csr, plan.sources, from, to, into, workspace);
    return into;
  },
  accumulator: (csr) => new Float64Array(csr.order),
  combine: sumInto,
  finish(csr, plan, bc) {
    rescale(bc, csr.order, plan.normalized, plan.sources);
    return {
      values: toRecord(csr, bc),
      method: plan.exact ? 'exact' : 'sampled',
      pivots: plan.count,
      seed: plan.exact ? null : plan.seed,
      distance: plan.distance,
      normalized: plan.normalized,
    };
  },
};

export function betweenness(graph: AnyGraph | CSR, options?: Partial<BetweennessOptions>): BetweennessResult {
  const { csr, plan } = planBetweenness(graph, options);
  return runAllSources(betweennessKernel, csr, plan);
}

/** NetworkX 3.x `_rescale` for an undirected graph, endpoints excluded. */
function rescale(bc: Float64Array, n: number, normalized: boolean, sources: Int32Array | null): void {
  const N = n - 1;
  if (N < 2) return;
  if (sources === null) {
    const scale = normalized ? 1 / (N * (N - 1)) : 1 / 2;
    for (let v = 0; v < n; v += 1) bc[v] = bc[v]! * scale;
    return;
  }
  const k = sources.length;
  const scaleSource = k > 1 ? (normalized ? 1 / ((k - 1) * (N - 1)) : N / ((k - 1) * 2)) : NaN;
  const scaleOther = normalized ? 1 / (k * (N - 1)) : N / (k * 2);
  const isSource = new Uint8Array(n);
  for (const s of sources) isSource[s] = 1;
  for (let v = 0; v < n; v += 1) bc[v] = bc[v]! * (isSource[v] ? scaleSource : scaleOther);
}
