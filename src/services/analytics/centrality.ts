/**
 * Centrality of every node of a network (DESIGN.md, "Centrality"): degree and weighted degree,
 * betweenness exact or sampled, closeness, harmonic, eigenvector, PageRank. The kernels and their
 * papers are in src/analytics/centrality; this use case settles the options, ranks the nodes and says
 * how the values were computed.
 */
import type { Distance } from '../../analytics/graph-utils/options.ts';
import { collapseToUndirected } from '../../graph/collapse.ts';
import type { ServiceContext } from '../context.ts';
import { computeCentrality, type CentralityMeasure, type CentralityValues } from '../../compute/dispatch.ts';
import { summarise, type NetworkRequest, type NetworkSummary } from './network.ts';
import { rankArray, rankValues, type Ranked } from './ranking.ts';
import { analyse, analyseTieArrays } from './run.ts';

export interface CentralityOptions {
  normalized?: boolean | null;
  distance?: Distance | null;
  /** Betweenness: estimate from this many pivots (≥ 1); null = exact. */
  pivots?: number | null;
  seed?: number | null;
  weighted?: boolean | null;
  alpha?: number | null;
  tolerance?: number | null;
  maxIterations?: number | null;
}

export interface CentralityOutcome {
  network: NetworkSummary;
  measure: CentralityMeasure;
  /** The options the kernel ran with, defaults filled in. */
  parameters: Record<string, unknown>;
  estimation: { method: 'exact' | 'sampled'; pivots: number; seed: number | null } | null;
  converged: boolean | null;
  iterations: number | null;
  residual: number | null;
  seconds: number;
  scores: Ranked[];
}

/** Which options each measure reads, and their defaults (NetworkX's where it has one). */
function settle(measure: CentralityMeasure, o: CentralityOptions): Record<string, unknown> {
  switch (measure) {
    case 'degree':
      return { normalized: o.normalized ?? false };
    case 'strength':
      return {};
    case 'betweenness':
      return { normalized: o.normalized ?? true, distance: o.distance ?? 'hops', pivots: o.pivots ?? null, seed: o.seed ?? 0 };
    case 'closeness':
    case 'harmonic':
      return { distance: o.distance ?? 'hops' };
    case 'eigenvector':
      return { weighted: o.weighted ?? false, ...iteration(o, 10_000), allowNonConvergence: true };
    case 'pagerank':
      return { weighted: o.weighted ?? true, alpha: o.alpha ?? 0.85, ...iteration(o, 1000), allowNonConvergence: true };
  }
}

/**
 * The power iterations' stopping rule: converged to within 1e-9 by default (docs/analytics.md).
 * Eigenvector centrality converges much more slowly than PageRank on community-like graphs
 * (thousands of steps against a few dozen; docs/analytics.md), hence its larger default budget.
 */
const iteration = (o: CentralityOptions, maxIterations: number) => ({ tolerance: o.tolerance ?? 1e-12, maxIterations: o.maxIterations ?? maxIterations });

export async function centralityOf(ctx: ServiceContext, request: NetworkRequest, measure: CentralityMeasure, options: CentralityOptions): Promise<CentralityOutcome> {
  const parameters = settle(measure, options);
  if (request.network === 'TIES') {
    // The kernels read CSR arrays; the tie network is projected straight into them.
    return analyseTieArrays(ctx, `centrality:${measure}`, request, parameters, async (csr, { prepared, report }) => {
      const started = performance.now();
      const network = summarise(prepared, csr);
      if (network.empty) return empty(network, measure, parameters);
      const result = await computeCentrality(ctx, measure, csr, parameters, (done, total) => report('computing', done, total));
      const seconds = (performance.now() - started) / 1000;
      return outcome(network, measure, parameters, result, csr.order, seconds, rankArray(csr.ids, Float64Array.from(csr.ids, (id) => result.values[id]!)));
    });
  }
  return analyse(ctx, `centrality:${measure}`, request, parameters, async (graph, { prepared, report }) => {
    const started = performance.now();
    const simple = collapseToUndirected(graph);
    const network = summarise(prepared, simple);
    if (network.empty) return empty(network, measure, parameters);
    const result = await computeCentrality(ctx, measure, simple, parameters, (done, total) => report('computing', done, total));
    const seconds = (performance.now() - started) / 1000;
    return outcome(network, measure, parameters, result, simple.order, seconds, rankValues(simple, result.values));
  });
}

function empty(network: NetworkSummary, measure: CentralityMeasure, parameters: Record<string, unknown>): CentralityOutcome {
  return { network, measure, parameters, estimation: null, converged: null, iterations: null, residual: null, seconds: 0, scores: [] };
}

/** The answer, whichever form (CSR arrays or a graph) the values were computed on; `seconds` leaves out the ranking. */
function outcome(network: NetworkSummary, measure: CentralityMeasure, parameters: Record<string, unknown>, result: CentralityValues, order: number, seconds: number, scores: Ranked[]): CentralityOutcome {
  return {
    network,
    measure,
    parameters,
    estimation: result.method ? { method: result.method, pivots: result.pivots ?? order, seed: result.seed ?? null } : null,
    converged: result.converged ?? null,
    iterations: result.iterations ?? null,
    residual: result.residual ?? null,
    seconds,
    scores,
  };
}
