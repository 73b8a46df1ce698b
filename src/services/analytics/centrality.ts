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
import { prepareNetwork, summarise, type NetworkRequest, type NetworkSummary } from './network.ts';
import { rankValues, type Ranked } from './ranking.ts';
import { shareRun } from './run.ts';

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
  const prepared = await prepareNetwork(ctx, request);
  return shareRun(ctx, `centrality:${measure}`, prepared, parameters, async (run) => {
    const started = performance.now();
    // The kernels read CSR arrays: the tie network is projected straight into them; FULL is collapsed first.
    const network = prepared.spec.network === 'TIES' ? await run.arrays() : collapseToUndirected(await run.graph());
    const summary = summarise(prepared, network);
    if (summary.empty) return empty(summary, measure, parameters);
    const result = await computeCentrality(ctx, measure, network, parameters, (done, total) => run.report('computing', done, total));
    const seconds = (performance.now() - started) / 1000;
    return outcome(summary, measure, parameters, result, network.order, seconds, rankValues(network, result.values));
  });
}

function empty(network: NetworkSummary, measure: CentralityMeasure, parameters: Record<string, unknown>): CentralityOutcome {
  return { network, measure, parameters, estimation: null, converged: null, iterations: null, residual: null, seconds: 0, scores: [] };
}

/** The answer; `seconds` leaves out the ranking. */
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
