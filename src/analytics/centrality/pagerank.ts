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
 * when the L1 change is below n · tolerance. Like NetworkX the default is weighted.
 * graphology-metrics' pagerank runs the same iteration but over graphology's index per call; this one
 * reads a CSR copy, which a caller computing several metrics can share.
 */
import { asCSR, toRecord, type CSR, type GraphLike } from '../graph-utils/csr.ts';
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
  maxIterations: 100,
  tolerance: 1e-6,
  allowNonConvergence: false,
});

export interface PagerankResult {
  values: Record<string, number>;
  iterations: number;
  converged: boolean;
}

export function pagerank(graph: GraphLike | CSR, options?: Partial<PagerankOptions>): PagerankResult {
  const o = resolveOptions(MODULE, DEFAULTS, options);
  const alpha = checkNumber(MODULE, 'alpha', o.alpha, { min: 0, max: 1, maxExclusive: true });
  const weighted = checkBoolean(MODULE, 'weighted', o.weighted);
  checkString(MODULE, 'weightAttribute', o.weightAttribute);
  const maxIterations = checkNumber(MODULE, 'maxIterations', o.maxIterations, { integer: true, min: 1 });
  const tolerance = checkNumber(MODULE, 'tolerance', o.tolerance, { min: 0, minExclusive: true });
  const allow = checkBoolean(MODULE, 'allowNonConvergence', o.allowNonConvergence);
  const csr = asCSR(graph, o.weightAttribute, MODULE);
  const n = csr.order;
  if (n === 0) return { values: toRecord(csr, []), iterations: 0, converged: true };
  const { offsets, targets, weights } = csr;

  // 1 / out-strength, 0 for dangling nodes.
  const inverse = new Float64Array(n);
  const dangling: number[] = [];
  for (let v = 0; v < n; v += 1) {
    let total = 0;
    for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k += 1) {
      const w = weighted ? weights[k]! : 1;
      if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`${MODULE}: edge weights must be finite and ≥ 0, got ${w}`);
      total += w;
    }
    if (total > 0) inverse[v] = 1 / total;
    else dangling.push(v);
  }

  const p = 1 / n;
  let x = new Float64Array(n).fill(p);
  let last = new Float64Array(n);
  const share = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration += 1) {
    [last, x] = [x, last];
    let danglingSum = 0;
    for (const v of dangling) danglingSum += last[v]!;
    for (let v = 0; v < n; v += 1) share[v] = last[v]! * inverse[v]!;
    const base = alpha * danglingSum * p + (1 - alpha) * p;
    let change = 0;
    // Arcs come in symmetric pairs, so x[v] gathers from its neighbours what they scatter to it.
    for (let v = 0; v < n; v += 1) {
      let sum = 0;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k += 1) sum += share[targets[k]!]! * (weighted ? weights[k]! : 1);
      const value = alpha * sum + base;
      x[v] = value;
      change += Math.abs(value - last[v]!);
    }
    if (change < n * tolerance) return { values: toRecord(csr, x), iterations: iteration, converged: true };
  }
  if (!allow) throw new Error(`${MODULE}: power iteration did not converge in ${maxIterations} iterations (raise maxIterations)`);
  return { values: toRecord(csr, x), iterations: maxIterations, converged: false };
}
