/**
 * Where analytics run: in the worker pool (./workers), off the event loop, so that /health and simple
 * queries keep answering while a betweenness over 10k residents runs (test/responsiveness). Cheap
 * computations run inline: copying the graph to a worker would cost more than the work, and the
 * pool's first use pays for starting its threads.
 */
import type { AbstractGraph } from 'graphology-types';
import * as pure from '../analytics/centrality/index.ts';
import type { CSR } from '../analytics/centrality/index.ts';
import { TASKS } from './workers/tasks.ts';
import { runCentrality, runTask, type Measure, type TaskName, type TaskOptions, type TaskResult } from './workers/index.ts';
import { analyticsSettingsOf, type AnalyticsSettings } from './settings.ts';
import { currentRunSignal } from './runs.ts';

/** Where the settings come from: a ServiceContext (its `analytics`, or the defaults). */
export type ComputeContext = { analytics?: AnalyticsSettings | undefined };

export type CentralityMeasure = Measure;

export interface CentralityValues {
  values: Record<string, number>;
  method?: 'exact' | 'sampled';
  pivots?: number;
  seed?: number | null;
  iterations?: number;
  converged?: boolean;
  residual?: number;
}

export type Progress = (done: number, total: number) => void;

/** Rough work of a computation: O(n·m) for the path metrics, (n+m)·(1+permutations) for E-I, else O(n+m)·10. */
function work(name: string, graph: { order: number; size: number }, options: Record<string, unknown>): number {
  const n = graph.order;
  const m = graph.size;
  switch (name) {
    case 'betweenness':
      return (typeof options.pivots === 'number' ? Math.min(options.pivots, n) : n) * (n + m);
    case 'closeness':
    case 'harmonic':
    case 'localBridges':
      return n * (n + m);
    case 'constraint':
    case 'effectiveSize':
      return 2 * m * (1 + (2 * m) / Math.max(n, 1));
    case 'matchPools': {
      // Every (resource, need) pair is looked at, and one search of the network per owner.
      const pools = (key: string) => (Array.isArray(options[key]) ? (options[key] as unknown[]).length : 0);
      return pools('resources') * pools('needs') + Math.min(pools('resources'), pools('needs')) * (n + m);
    }
    case 'eiIndex':
      return (n + m) * (1 + (typeof options.permutations === 'number' ? options.permutations : 1000));
    default:
      return 10 * (n + m);
  }
}

/** Below `inlineBelow` estimated work (elementary steps, see `work`) a computation runs on the calling thread. */
const small = (ctx: ComputeContext, name: string, graph: { order: number; size: number }, options: Record<string, unknown>) => work(name, graph, options) < analyticsSettingsOf(ctx).inlineBelow;

const KERNELS = {
  degree: pure.degree, strength: pure.strength, betweenness: pure.betweenness, closeness: pure.closeness,
  harmonic: pure.harmonic, eigenvector: pure.eigenvector, pagerank: pure.pagerank,
} as const;

export async function computeCentrality(ctx: ComputeContext, measure: Measure, graph: AbstractGraph | CSR, options: Record<string, unknown>, onProgress: Progress): Promise<CentralityValues> {
  if (small(ctx, measure, graph, options)) {
    onProgress(0, graph.order);
    const result = (KERNELS[measure] as (g: AbstractGraph | CSR, o: Record<string, unknown>) => CentralityValues)(graph, options);
    onProgress(graph.order, graph.order);
    return result;
  }
  // In a shared run, its signal: a run nobody waits for any more stops between blocks of sources.
  const signal = currentRunSignal();
  return (await runCentrality(measure, graph, options as never, { onProgress, ...(signal ? { signal } : {}) })) as CentralityValues;
}

/** A named analytic of ./workers/tasks.ts over the graphology graph itself. */
export async function computeTask<N extends TaskName>(ctx: ComputeContext, name: N, graph: AbstractGraph, options: TaskOptions<N>, onProgress?: Progress): Promise<TaskResult<N>> {
  if (small(ctx, name, graph, options as Record<string, unknown>)) {
    const task = TASKS[name];
    return task.run(graph, task.options.parse(options) as never) as TaskResult<N>;
  }
  const signal = currentRunSignal();
  return runTask(name, graph.export(), options, { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) });
}
