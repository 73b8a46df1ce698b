/**
 * The one place bench/analytics calls reweave's algorithms: `prepare` builds the graphs once,
 * `time(algorithm, graph)` times one algorithm on them. When the parallel kernels land, only this
 * file changes: the worker pool is already used for betweenness, closeness and harmonic when
 * src/compute/workers/index.ts exists and exports `runCentrality` (see `pool` below).
 *
 * What is timed: the algorithm on graphs already built, as on the Python side (graph loading is
 * reported separately). The centralities run on one shared CSR copy, as the service does; the
 * community and bridging modules take the graphology graph itself.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import {
  betweenness, closeness, degree, eigenvector, harmonic, pagerank, strength, toCSR, type CSR,
} from '../../src/analytics/centrality/index.ts';
import { connectedComponents } from '../../src/analytics/communities/components.ts';
import { louvain } from '../../src/analytics/communities/louvain.ts';
import { modularity } from '../../src/analytics/communities/modularity.ts';
import { bridges } from '../../src/analytics/bridging/bridges.ts';
import { brokerage } from '../../src/analytics/bridging/brokerage.ts';
import { constraint } from '../../src/analytics/bridging/constraint.ts';
import { effectiveSize } from '../../src/analytics/bridging/effective-size.ts';
import { eiIndex } from '../../src/analytics/bridging/ei-index.ts';
import { localBridges } from '../../src/analytics/bridging/local-bridges.ts';
import type { Measurement } from './algorithms.ts';
import type { TieList } from './generate.ts';
import { repeat } from './timing.ts';

export interface PreparedGraph {
  n: number;
  graph: UndirectedGraph;
  csr: CSR;
  /** both arcs of every tie: brokerage is defined on directed graphs only */
  directed: DirectedGraph;
  /** the generator's groups as a partition, for modularity */
  partition: Record<string, number>;
  pivots: number;
  seed: number;
}

/** Build the graphs; returns the time of the graphology graph + CSR copy (the directed copy is not counted). */
export function prepare(list: TieList, pivots: number, seed: number): { prepared: PreparedGraph; loadMs: number } {
  const start = performance.now();
  const graph = new UndirectedGraph();
  for (let i = 0; i < list.n; i += 1) graph.addNode(String(i), { group: list.group[i]! });
  for (let e = 0; e < list.u.length; e += 1) graph.addEdge(String(list.u[e]), String(list.v[e]), { weight: list.weight[e]! });
  const csr = toCSR(graph);
  const loadMs = performance.now() - start;
  const directed = new DirectedGraph();
  graph.forEachNode((node, attributes) => directed.addNode(node, attributes));
  graph.forEachEdge((_edge, attributes, s, t) => {
    directed.addEdge(s, t, attributes);
    directed.addEdge(t, s, attributes);
  });
  const partition: Record<string, number> = {};
  for (let i = 0; i < list.n; i += 1) partition[String(i)] = list.group[i]!;
  return { prepared: { n: list.n, graph, csr, directed, partition, pivots, seed }, loadMs };
}

// ─── the worker pool, when there is one ──────────────────────────────────────────────────────────

/**
 * The interface used of the pool (src/compute/workers/index.ts): `runCentrality(measure,
 * graph, options)` resolving to the pure function's result, and `closeAnalyticsPool()` (or `close()`)
 * to end its threads. If the module is missing, lacks `runCentrality`, or a call throws, the bench
 * says so and uses the pure functions, so a mismatch is visible rather than silently timed wrong.
 */
type RunCentrality = (metric: 'betweenness' | 'closeness' | 'harmonic', graph: CSR, options: Record<string, unknown>) => Promise<{ values: Record<string, number> }>;
interface Pool { runCentrality: RunCentrality; closeAnalyticsPool?: () => unknown; close?: () => unknown }

const POOL_MODULE = path.resolve(import.meta.dirname, '../../src/compute/workers/index.ts');
let pool: Pool | null = null;
let poolNote = 'pure functions (no src/compute/workers/index.ts)';

/**
 * Load the pool if it exists and warm it up; returns a line saying which path the centralities take.
 * The warm-up (thread start, module loading in each worker) is a service's one-off cost at its first
 * request, not part of any later analysis, so it is run on a tiny graph before anything is timed.
 */
export async function openPool(usePool: boolean): Promise<string> {
  if (!usePool) return (poolNote = 'pure functions (--pure)');
  if (!existsSync(POOL_MODULE)) return poolNote;
  try {
    const loaded = (await import(pathToFileURL(POOL_MODULE).href)) as Partial<Pool>;
    if (typeof loaded.runCentrality !== 'function') return (poolNote = 'pure functions (workers/index.ts exports no runCentrality)');
    pool = loaded as Pool;
    const start = performance.now();
    const tiny = new UndirectedGraph();
    for (const [a, b] of [['a', 'b'], ['b', 'c'], ['c', 'd']] as const) tiny.mergeEdge(a, b);
    const csr = toCSR(tiny);
    for (const metric of ['betweenness', 'closeness', 'harmonic'] as const) await pool.runCentrality(metric, csr, {});
    poolNote = `worker pool (runCentrality; warm-up ${(performance.now() - start).toFixed(0)} ms, not timed) for betweenness, closeness, harmonic; pure functions for the rest`;
  } catch (error) {
    pool = null;
    poolNote = `pure functions (the worker pool failed to start: ${(error as Error).message})`;
  }
  return poolNote;
}

export function pathUsed(): string {
  return poolNote;
}

export async function closePool(): Promise<void> {
  const closing = pool;
  pool = null;
  if (closing?.closeAnalyticsPool) await closing.closeAnalyticsPool();
  else if (closing?.close) await closing.close();
}

async function pathMetric(
  metric: 'betweenness' | 'closeness' | 'harmonic', g: PreparedGraph, options: Record<string, unknown>,
  pure: () => { values: Record<string, number> },
): Promise<{ values: Record<string, number> }> {
  if (!pool) return pure();
  try {
    return await pool.runCentrality(metric, g.csr, options);
  } catch (error) {
    // One failure disables the pool for the rest of the run: mixing paths would make the column meaningless.
    poolNote = `pure functions (the worker pool's runCentrality failed: ${(error as Error).message})`;
    await closePool();
    return pure();
  }
}

// ─── the algorithms ─────────────────────────────────────────────────────────────────────────────

type Outcome = Pick<Measurement, 'values' | 'summary'>;

const vector = (n: number, record: Record<string, number | null>): (number | null)[] => {
  const out = new Array<number | null>(n);
  for (let i = 0; i < n; i += 1) {
    const value = record[String(i)];
    out[i] = value === undefined || value === null || Number.isNaN(value) ? null : value;
  }
  return out;
};

const RUNS: Record<string, (g: PreparedGraph) => Outcome | Promise<Outcome>> = {
  'degree': (g) => ({ values: vector(g.n, degree(g.csr).values) }),
  'strength': (g) => ({ values: vector(g.n, strength(g.csr).values) }),
  'betweenness': async (g) => ({ values: vector(g.n, (await pathMetric('betweenness', g, {}, () => betweenness(g.csr))).values) }),
  'betweenness-sampled': async (g) => {
    const options = { pivots: g.pivots, seed: g.seed };
    return { values: vector(g.n, (await pathMetric('betweenness', g, options, () => betweenness(g.csr, options))).values) };
  },
  'closeness': async (g) => ({ values: vector(g.n, (await pathMetric('closeness', g, {}, () => closeness(g.csr))).values) }),
  'harmonic': async (g) => ({ values: vector(g.n, (await pathMetric('harmonic', g, {}, () => harmonic(g.csr))).values) }),
  // The NetworkX-convention rows run at NetworkX's own stopping rule (tol 1e-6, its max_iter); reweave's
  // defaults (converged, tolerance 1e-12) are the -tight row.
  'eigenvector': (g) => ({ values: vector(g.n, eigenvector(g.csr, { tolerance: 1e-6, maxIterations: 1000 }).values) }),
  'eigenvector-tight': (g) => ({ values: vector(g.n, eigenvector(g.csr).values) }),
  'pagerank': (g) => ({ values: vector(g.n, pagerank(g.csr, { weighted: false, tolerance: 1e-6, maxIterations: 100 }).values) }),
  'pagerank-tight': (g) => ({ values: vector(g.n, pagerank(g.csr, { weighted: false, tolerance: 1e-12, maxIterations: 1000 }).values) }),
  'pagerank-weighted': (g) => ({ values: vector(g.n, pagerank(g.csr, { weighted: true, tolerance: 1e-6, maxIterations: 100 }).values) }),
  'components': (g) => {
    const result = connectedComponents(g.graph);
    return { summary: { count: result.count, largest: result.largest } };
  },
  'louvain': (g) => {
    const result = louvain(g.graph, { seed: 1 });
    return { summary: { modularity: result.modularity, count: result.count } };
  },
  'modularity': (g) => ({ summary: { modularity: modularity(g.graph, g.partition) } }),
  'bridges': (g) => {
    const found = bridges(g.graph).map((b) => [Number(b.source), Number(b.target)].sort((a, c) => a - c).join('-')).sort();
    return { summary: { count: found.length, edges: found } };
  },
  'local-bridges': (g) => {
    const found = localBridges(g.graph, { withSpan: true, weighted: false });
    let spanSum = 0;
    let unbounded = 0;
    for (const bridge of found) {
      if (bridge.span === null) unbounded += 1;
      else spanSum += bridge.span;
    }
    return { summary: { count: found.length, spanSum, unbounded } };
  },
  'constraint': (g) => {
    const result = constraint(g.graph, { weighted: true });
    const out: Record<string, number | null> = {};
    for (const [node, value] of Object.entries(result)) out[node] = value.constraint;
    return { values: vector(g.n, out) };
  },
  'effective-size': (g) => {
    const result = effectiveSize(g.graph, { weighted: false });
    const out: Record<string, number | null> = {};
    for (const [node, value] of Object.entries(result)) out[node] = value.effectiveSize;
    return { values: vector(g.n, out) };
  },
  'ei-index': (g) => {
    const result = eiIndex(g.graph, { group: 'group', permutations: 1000, seed: 1 });
    return { summary: { ei: result.network.ei, p: result.network.test?.pTwoSided ?? null } };
  },
  'brokerage': (g) => ({ summary: { ...brokerage(g.directed, { group: 'group' }).totals } }),
};

/** Time one algorithm on the prepared graphs (median over repeats when it is fast). */
export async function time(algorithm: string, g: PreparedGraph): Promise<Measurement> {
  const run = RUNS[algorithm];
  if (!run) return { status: 'n/a', note: 'not a reweave algorithm' };
  try {
    const { ms, cpuMs, runs, result } = await repeat(() => run(g));
    return { status: 'ok', ms, cpuMs, runs, ...result };
  } catch (error) {
    return { status: 'error', note: (error as Error).message };
  }
}
