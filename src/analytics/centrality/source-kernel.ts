/**
 * The shape shared by the centralities that run one shortest-path search per source (betweenness,
 * closeness, harmonic), so they can be split by source: a plan (validated options and the source
 * list — plain data a worker can receive), a partial over a block of sources, and a combine step.
 *
 * The single-thread functions are `runAllSources` over the same blocks (graph-utils/source-chunks.ts)
 * as a parallel run, so both give bit-identical numbers. Kernels read only the arrays of the CSR
 * (`CSRArrays`): a worker gets those, never the node ids, which stay with the caller for `combine`.
 */
import type { CSR } from '../graph-utils/csr.ts';
import { sourceBlocks } from '../graph-utils/source-chunks.ts';

export type CSRArrays = Pick<CSR, 'order' | 'offsets' | 'targets'>;

export interface SourcePlan {
  /** the sources searched, by position; null means every node, source i = node i */
  readonly sources: Int32Array | null;
  /** how many sources (the length of `sources`, or the order of the graph) */
  readonly count: number;
  /** arc lengths for Dijkstra; null for BFS (distance 'hops') */
  readonly lengths: Float64Array | null;
}

export interface SourceKernel<Plan extends SourcePlan, Workspace, Result> {
  /** scratch arrays for one thread, reused across blocks so no search allocates */
  workspace(csr: CSRArrays, plan: Plan): Workspace;
  /** the partial of the sources at positions [from, to) of the plan */
  partial(csr: CSRArrays, plan: Plan, from: number, to: number, workspace: Workspace): Float64Array;
  /** where partials are combined */
  accumulator(csr: CSRArrays, plan: Plan): Float64Array;
  /**
   * Fold the partial of the block starting at source position `from` into the accumulator. Called
   * in block order (a parallel run holds back partials that arrive early), so sums are bit-identical.
   */
  combine(accumulator: Float64Array, partial: Float64Array, from: number): void;
  /** normalise and key by node id */
  finish(csr: CSR, plan: Plan, accumulator: Float64Array): Result;
}

export function runAllSources<Plan extends SourcePlan, Workspace, Result>(
  kernel: SourceKernel<Plan, Workspace, Result>, csr: CSR, plan: Plan,
): Result {
  const workspace = kernel.workspace(csr, plan);
  const accumulator = kernel.accumulator(csr, plan);
  for (const block of sourceBlocks(plan.count)) {
    kernel.combine(accumulator, kernel.partial(csr, plan, block.from, block.to, workspace), block.from);
  }
  return kernel.finish(csr, plan, accumulator);
}

/** Accumulator by node: partials hold a value per node, summed. */
export function sumInto(accumulator: Float64Array, partial: Float64Array): void {
  for (let v = 0; v < accumulator.length; v += 1) accumulator[v] = accumulator[v]! + partial[v]!;
}

/** Accumulator by source: partials hold one value per source of the block, placed at its position. */
export function placeInto(accumulator: Float64Array, partial: Float64Array, from: number): void {
  accumulator.set(partial, from);
}
