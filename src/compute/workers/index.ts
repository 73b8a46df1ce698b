/**
 * Analytics off the event loop, so /health and other requests keep answering during a long run: a pool of worker threads shared by the process. The
 * functions below use one default pool, started on first use; `closeAnalyticsPool()` terminates its
 * threads (tests, server shutdown). `new AnalyticsPool({ size })` makes a separate one.
 */
import type { SerializedGraph } from 'graphology-types';
import type { CSR, AnyGraph } from '../../analytics/centrality/index.ts';
import type { Measure, Measures } from './measures.ts';
import { AnalyticsPool } from './pool.ts';
import type { RunHooks } from './split-run.ts';
import type { TaskName, TaskOptions, TaskResult } from './tasks.ts';

export { AnalyticsPool, type PoolOptions } from './pool.ts';
export type { Measure, Measures } from './measures.ts';
export type { RunHooks } from './split-run.ts';
export type { TaskName, TaskOptions, TaskResult } from './tasks.ts';

let shared: AnalyticsPool | null = null;

export function analyticsPool(): AnalyticsPool {
  shared ??= new AnalyticsPool();
  return shared;
}

export function runCentrality<M extends Measure>(
  measure: M, graph: CSR | AnyGraph, options?: Partial<Measures[M]['options']>, hooks?: RunHooks,
): Promise<Measures[M]['result']> {
  return analyticsPool().runCentrality(measure, graph, options, hooks);
}

export function runTask<N extends TaskName>(name: N, graph: SerializedGraph, options?: TaskOptions<N>, hooks?: RunHooks): Promise<TaskResult<N>> {
  return analyticsPool().runTask(name, graph, options, hooks);
}

export async function closeAnalyticsPool(): Promise<void> {
  await shared?.close();
}
