/**
 * PageRank by power iteration.
 *
 * [Reference]:
 * Page, Lawrence; Brin, Sergey; Motwani, Rajeev & Winograd, Terry (1999). "The PageRank citation
 *   ranking: bringing order to the Web". Stanford InfoLab technical report 1999-66.
 *
 * The iteration of NetworkX's `pagerank(G, alpha, weight, tol)`: an undirected tie is a pair of arcs,
 * each node spreads its rank over its ties in proportion to their weight, dangling nodes (no ties, or
 * ties of total weight 0) spread theirs uniformly, teleportation is uniform; start from 1/n, stop
 * when the L1 change is below n · tolerance. Like NetworkX the default is weighted. Unlike NetworkX the
 * default tolerance is 1e-12, not 1e-6: NetworkX's rule stops while the values are still up to ~1e-5
 * away from the fixed point (the error after a step is up to α/(1−α) ≈ 5.7 times that step's change),
 * and an analyst comparing two runs should see converged values (within 1e-9; the fixtures check it).
 * `residual` reports the L1 change of the last step, so a caller sees how close the answer is.
 * graphology-metrics' pagerank runs the same iteration but over graphology's index per call; this one
 * reads a CSR copy, which a caller computing several metrics can share.
 *
 * Speed (bench/analytics-centrality.ts): the iteration is a sparse matrix–vector product, O(m) per
 * step, and converges in a handful of steps on tie networks; what costs is the constant factor. So
 * every per-arc multiply by 1/out-strength is hoisted into one per-node "share" (computed in the same
 * pass that produces the node's new value, as is the dangling mass of the next step), the weighted and
 * unweighted products are separate loops (no branch per arc), and the node-keyed record is built once
 * at the end (`pagerankVector` returns the dense vector for callers that want to skip it).
 */
import { asCSR, toRecord, type CSR } from '../graph-utils/csr.ts';
import type { AnyGraph } from '../graph-utils/graph.ts';
import { checkBoolean, checkNumber, checkString, resolveOptions } from '../graph-utils/options.ts';

const MODULE = 'centrality/pagerank';

export interface PagerankOptions {
  /** damping factor: the probability of following a tie rather than teleporting */
  alpha: number;
  /** use the edge weights (NetworkX's default `weight="weight"`) */
  weighted: boolean;
  weightAttribute: string;
  maxIterations: number;
  /** per node: the iteration stops when Σ|x − x_last| < n · tolerance */
  tolerance: number;
  /** return the last iterate with `converged: false` instead of throwing */
  allowNonConvergence: boolean;
}

export const DEFAULTS: PagerankOptions = Object.freeze({
  alpha: 0.85,
  weighted: true,
  weightAttribute: 'weight',
  maxIterations: 1000,
  tolerance: 1e-12,
  allowNonConvergence: false,
});

export interface PagerankResult {
  values: Record<string, number>;
  iterations: number;
  converged: boolean;
  /** Σ|x − x_last| of the last step (0 for an empty graph) */
  residual: number;
}

export interface PagerankVector {
  /** rank by dense node index (the CSR's order) */
  x: Float64Array;
  iterations: number;
  converged: boolean;
  residual: number;
}

function checkPagerankOptions(options?: Partial<PagerankOptions>): PagerankOptions {
  const o = resolveOptions(MODULE, DEFAULTS, options);
  return {
    alpha: checkNumber(MODULE, 'alpha', o.alpha, { min: 0, max: 1, maxExclusive: true }),
    weighted: checkBoolean(MODULE, 'weighted', o.weighted),
    weightAttribute: checkString(MODULE, 'weightAttribute', o.weightAttribute),
    maxIterations: checkNumber(MODULE, 'maxIterations', o.maxIterations, { integer: true, min: 1 }),
    tolerance: checkNumber(MODULE, 'tolerance', o.tolerance, { min: 0, minExclusive: true }),
    allowNonConvergence: checkBoolean(MODULE, 'allowNonConvergence', o.allowNonConvergence),
  };
}

export function pagerank(graph: AnyGraph | CSR, options?: Partial<PagerankOptions>): PagerankResult {
  const o = checkPagerankOptions(options);
  const csr = asCSR(graph, o.weightAttribute, MODULE);
  const { x, iterations, converged, residual } = pagerankVector(csr, o);
  return { values: toRecord(csr, x), iterations, converged, residual };
}

/** The power iteration alone, over a CSR, with options already checked (see `pagerank`). */
export function pagerankVector(csr: Pick<CSR, 'order' | 'offsets' | 'targets' | 'weights'>, o: PagerankOptions): PagerankVector {
  const n = csr.order;
  if (n === 0) return { x: new Float64Array(0), iterations: 0, converged: true, residual: 0 };
  const { alpha, maxIterations, tolerance } = o;
  const weights = o.weighted ? csr.weights : null;
  const inverse = inverseStrength(csr, weights);

  const p = 1 / n;
  let x = new Float64Array(n);
  // share[v] = x[v] / out-strength(v): what v sends along each unit of weight in the next step.
  let share = new Float64Array(n);
  let next = new Float64Array(n);
  let nextShare = new Float64Array(n);
  const step: StepState = { change: 0, dangling: 0 };
  for (let v = 0; v < n; v += 1) {
    x[v] = p;
    share[v] = p * inverse[v]!;
    if (inverse[v] === 0) step.dangling += p;
  }
  for (let iteration = 1; iteration <= maxIterations; iteration += 1) {
    const base = (alpha * step.dangling + (1 - alpha)) * p;
    iterate(csr, weights, inverse, alpha, base, x, share, next, nextShare, step);
    [x, next] = [next, x];
    [share, nextShare] = [nextShare, share];
    if (step.change < n * tolerance) return { x, iterations: iteration, converged: true, residual: step.change };
  }
  if (!o.allowNonConvergence) throw new Error(`${MODULE}: power iteration did not converge in ${maxIterations} iterations (raise maxIterations)`);
  return { x, iterations: maxIterations, converged: false, residual: step.change };
}

/** 1 / out-strength; 0 marks a dangling node (no ties, or ties of total weight 0). */
function inverseStrength(csr: Pick<CSR, 'order' | 'offsets'>, weights: Float64Array | null): Float64Array {
  const { order: n, offsets } = csr;
  const inverse = new Float64Array(n);
  for (let v = 0; v < n; v += 1) {
    const start = offsets[v]!;
    const end = offsets[v + 1]!;
    let total = end - start;
    if (weights) {
      total = 0;
      for (let k = start; k < end; k += 1) {
        const w = weights[k]!;
        if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`${MODULE}: edge weights must be finite and ≥ 0, got ${w}`);
        total += w;
      }
    }
    if (total > 0) inverse[v] = 1 / total;
  }
  return inverse;
}

interface StepState {
  /** L1 change of the last step */
  change: number;
  /** rank held by dangling nodes after the last step */
  dangling: number;
}

/**
 * One step. Arcs come in symmetric pairs, so x[v] gathers from its neighbours what they scatter to
 * it. The per-node gather is its own small function on purpose: called once per node it is
 * optimised by V8 within the first step, where one big loop would run the first, cold call (the one
 * a request pays for) mostly in the interpreter — measured 3–4× slower at 10k nodes.
 */
function iterate(
  csr: Pick<CSR, 'order' | 'offsets' | 'targets'>, weights: Float64Array | null, inverse: Float64Array, alpha: number, base: number,
  x: Float64Array, share: Float64Array, next: Float64Array, nextShare: Float64Array, state: StepState,
): void {
  const { order: n, offsets, targets } = csr;
  let change = 0;
  let dangling = 0;
  for (let v = 0; v < n; v += 1) {
    const sum = weights ? gatherWeighted(offsets[v]!, offsets[v + 1]!, targets, weights, share) : gather(offsets[v]!, offsets[v + 1]!, targets, share);
    const value = alpha * sum + base;
    next[v] = value;
    const inv = inverse[v]!;
    nextShare[v] = value * inv;
    if (inv === 0) dangling += value;
    change += Math.abs(value - x[v]!);
  }
  state.change = change;
  state.dangling = dangling;
}

function gather(start: number, end: number, targets: Int32Array, share: Float64Array): number {
  let sum = 0;
  for (let k = start; k < end; k += 1) sum += share[targets[k]!]!;
  return sum;
}

function gatherWeighted(start: number, end: number, targets: Int32Array, weights: Float64Array, share: Float64Array): number {
  let sum = 0;
  for (let k = start; k < end; k += 1) sum += share[targets[k]!]! * weights[k]!;
  return sum;
}
