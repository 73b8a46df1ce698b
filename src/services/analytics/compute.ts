/**
 * Where analytics run: in the worker pool (./workers), off the event loop, so that /health and simple
 * queries keep answering while a betweenness over 10k residents runs. Small graphs run inline: for
 * them, copying the graph to a worker costs more than the work (and the first use of the pool pays
 * ~1 s to start its threads).
 */
import type { AbstractGraph } from 'graphology-types';
import * as pure from '../../analytics/centrality/index.ts';
import { TASKS } from './workers/tasks.ts';
import { runCentrality, runTask, type Measure, type TaskName, type TaskOptions, type TaskResult } from './workers/index.ts';

export type CentralityMeasure = Measure;

export interface CentralityValues {
  values: Record<string, number>;
  method?: 'exact' | 'sampled';
  pivots?: number;
  seed?: number | null;
  iterations?: number;
  converged?: boolean;
}

export type Progress = (done: number, total: number) => void;

/** Below this many nodes + edges a computation runs on the calling thread. */
const INLINE_BELOW = Number(process.env.REWEAVE_ANALYTICS_INLINE_BELOW ?? 5000);

const small = (graph: AbstractGraph) => graph.order + graph.size < INLINE_BELOW;

const KERNELS = {
  degree: pure.degree, strength: pure.strength, betweenness: pure.betweenness, closeness: pure.closeness,
  harmonic: pure.harmonic, eigenvector: pure.eigenvector, pagerank: pure.pagerank,
} as const;

export async function computeCentrality(measure: Measure, graph: AbstractGraph, options: Record<string, unknown>, onProgress: Progress): Promise<CentralityValues> {
  if (small(graph)) {
    onProgress(0, graph.order);
    const result = (KERNELS[measure] as (g: AbstractGraph, o: Record<string, unknown>) => CentralityValues)(graph, options);
    onProgress(graph.order, graph.order);
    return result;
  }
  return (await runCentrality(measure, graph, options as never, { onProgress })) as CentralityValues;
}

/** A named analytic of ./workers/tasks.ts over the graphology graph itself. */
export async function computeTask<N extends TaskName>(name: N, graph: AbstractGraph, options: TaskOptions<N>): Promise<TaskResult<N>> {
  if (small(graph)) {
    const task = TASKS[name];
    return task.run(graph, task.options.parse(options) as never) as TaskResult<N>;
  }
  return runTask(name, graph.export(), options);
}
