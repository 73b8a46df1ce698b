/**
 * Eigenvector centrality by power iteration.
 *
 * [References]:
 * Bonacich, Phillip (1972). "Factoring and weighting approaches to status scores and clique
 *   identification". Journal of Mathematical Sociology 2(1): 113–120.
 * Bonacich, Phillip (1987). "Power and centrality: a family of measures". American Journal of
 *   Sociology 92(5): 1170–1182.
 *
 * The iteration of NetworkX's `eigenvector_centrality(G, max_iter, tol, weight)`, step for step, so
 * the values agree with NetworkX's to its tolerance: start from 1/n everywhere, multiply by A + I
 * (the identity shift keeps bipartite graphs from oscillating), divide by the Euclidean norm, stop
 * when the L1 change is below n · tolerance. DESIGN.md, "Performance notes": 100 iterations do not
 * converge on community-like graphs, and at the default tolerance thousands are needed (measured in
 * docs/analytics.md), hence a default of 10,000. The default tolerance is 1e-12, not
 * NetworkX's 1e-6, so that the values are the converged ones (within 1e-9; the fixtures check it);
 * `residual` reports the L1 change of the last step. Not converging throws, unless
 * `allowNonConvergence` asks for the last iterate flagged `converged: false`.
 */
import { asCSR, toRecord, type CSR } from '../graph-utils/csr.ts';
import type { AnyGraph } from '../graph-utils/graph.ts';
import { checkBoolean, checkNumber, checkString, resolveOptions } from '../graph-utils/options.ts';

const MODULE = 'centrality/eigenvector';

export interface EigenvectorOptions {
  /** use the edge weights (NetworkX `weight="weight"`); false = every tie counts 1 (NetworkX's default) */
  weighted: boolean;
  weightAttribute: string;
  maxIterations: number;
  /** per node: the iteration stops when Σ|x − x_last| < n · tolerance */
  tolerance: number;
  /** return the last iterate with `converged: false` instead of throwing */
  allowNonConvergence: boolean;
}

export const DEFAULTS: EigenvectorOptions = Object.freeze({
  weighted: false,
  weightAttribute: 'weight',
  maxIterations: 10_000,
  tolerance: 1e-12,
  allowNonConvergence: false,
});

export interface EigenvectorResult {
  values: Record<string, number>;
  iterations: number;
  converged: boolean;
  /** Σ|x − x_last| of the last step (0 for an empty graph) */
  residual: number;
}

export function eigenvector(graph: AnyGraph | CSR, options?: Partial<EigenvectorOptions>): EigenvectorResult {
  const o = resolveOptions(MODULE, DEFAULTS, options);
  const weighted = checkBoolean(MODULE, 'weighted', o.weighted);
  checkString(MODULE, 'weightAttribute', o.weightAttribute);
  const maxIterations = checkNumber(MODULE, 'maxIterations', o.maxIterations, { integer: true, min: 1 });
  const tolerance = checkNumber(MODULE, 'tolerance', o.tolerance, { min: 0, minExclusive: true });
  const allow = checkBoolean(MODULE, 'allowNonConvergence', o.allowNonConvergence);
  const csr = asCSR(graph, o.weightAttribute, MODULE);
  const n = csr.order;
  if (n === 0) return { values: toRecord(csr, []), iterations: 0, converged: true, residual: 0 };
  const { offsets, targets, weights } = csr;
  if (weighted) {
    for (const w of weights) if (!Number.isFinite(w)) throw new Error(`${MODULE}: edge weights must be finite numbers, got ${w}`);
  }

  let x = new Float64Array(n).fill(1 / n);
  let last = new Float64Array(n);
  let change = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration += 1) {
    [last, x] = [x, last];
    // x = (A + I) · last; A symmetric, so pulling from neighbours equals NetworkX's push.
    let squares = 0;
    for (let v = 0; v < n; v += 1) {
      let sum = last[v]!;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k += 1) sum += last[targets[k]!]! * (weighted ? weights[k]! : 1);
      x[v] = sum;
      squares += sum * sum;
    }
    const norm = Math.sqrt(squares) || 1;
    change = 0;
    for (let v = 0; v < n; v += 1) {
      x[v] = x[v]! / norm;
      change += Math.abs(x[v]! - last[v]!);
    }
    if (change < n * tolerance) return { values: toRecord(csr, x), iterations: iteration, converged: true, residual: change };
  }
  if (!allow) throw new Error(`${MODULE}: power iteration did not converge in ${maxIterations} iterations (raise maxIterations)`);
  return { values: toRecord(csr, x), iterations: maxIterations, converged: false, residual: change };
}
