/**
 * A split run: the blocks of sources of one O(n·m) centrality handed out to the workers on demand
 * (a worker asks for the next block when it finishes one, so a worker slowed by other load simply
 * does fewer), partials folded in block order — those that arrive early wait — so the result is the
 * one `runAllSources` gives in a single thread, bit for bit.
 */
import { sourceBlocks, type CSR, type SourcePlan } from '../../analytics/centrality/index.ts';
import type { SplitEntry, SplitMeasure } from './measures.ts';
import type { PoolWorker } from './pool-worker.ts';
import { sharedCSR, sharedPlan } from './shared-arrays.ts';

export interface RunHooks {
  /** sources done so far and in all, summed over the workers; called after each block */
  onProgress?(done: number, total: number): void;
  /** abort: the run rejects with the signal's reason; workers stop after their current block */
  signal?: AbortSignal;
}

let nextRun = 1;

export async function runSplit(
  workers: readonly PoolWorker[], measure: SplitMeasure, entry: SplitEntry, csr: CSR, plan: SourcePlan, hooks: RunHooks = {},
): Promise<unknown> {
  const { signal, onProgress } = hooks;
  signal?.throwIfAborted();
  const blocks = sourceBlocks(plan.count);
  const used = workers.slice(0, Math.max(1, Math.min(workers.length, blocks.length)));
  const run = nextRun;
  nextRun += 1;
  const shared = { csr: sharedCSR(csr), plan: sharedPlan(plan) };
  const accumulator = entry.accumulator(csr, plan);
  const early = new Map<number, Float64Array>();
  let nextBlock = 0;
  let nextFold = 0;
  let done = 0;
  let stopped = false;

  const feed = async (worker: PoolWorker): Promise<void> => {
    while (!stopped && nextBlock < blocks.length) {
      const block = blocks[nextBlock]!;
      nextBlock += 1;
      const partial = (await worker.request({ type: 'block', run, from: block.from, to: block.to })) as Float64Array;
      if (stopped) return;
      early.set(block.index, partial);
      for (let ready = early.get(nextFold); ready; ready = early.get(nextFold)) {
        early.delete(nextFold);
        entry.combine(accumulator, ready, blocks[nextFold]!.from);
        nextFold += 1;
      }
      done += block.to - block.from;
      onProgress?.(done, plan.count);
    }
  };

  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  for (const worker of used) worker.post({ type: 'open', run, measure, ...shared });
  try {
    await Promise.race([Promise.all(used.map(feed)), aborted]);
  } finally {
    stopped = true;
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    for (const worker of used) worker.post({ type: 'close', run });
  }
  return entry.finish(csr, plan, accumulator);
}
