/**
 * The analytics worker pool: min(2, available cores) threads by default (DESIGN.md, "Performance
 * notes": the machine has 2 cores, and more threads than cores only adds switching), started on
 * first use, reused across runs, closed with `close()` (which a later run undoes by starting afresh).
 *
 * The O(n·m) centralities (betweenness, closeness, harmonic) are split by source over every worker
 * (split-run.ts); the cheaper ones and the graphology tasks (tasks.ts) run whole in the least busy
 * worker. Either way the event loop only copies the graph (in slices, build-csr.ts), plans and
 * combines, so the server keeps answering.
 *
 * Fairness: a split run takes one block of sources per thread at a time, so other calls queue behind
 * a block, not behind the run. An indivisible call cannot be interleaved: when every thread is busy
 * with one (a permutation test of 100,000 draws runs for minutes), a new whole call gets a thread of
 * its own, up to EXTRA_THREADS beyond the pool's size, instead of waiting behind them; the operating
 * system shares the cores between them, and an extra thread ends when its call is done.
 */
import { availableParallelism } from 'node:os';
import type { SerializedGraph } from 'graphology-types';
import type { CSR, AnyGraph } from '../../analytics/centrality/index.ts';
import { badInput } from '../../domain/errors.ts';
import { buildCSR } from './build-csr.ts';
import { checkMeasureOptions } from './measure-options.ts';
import { MEASURES, SPLIT_MEASURES, isSplitMeasure, type Measure, type Measures, type WholeMeasure } from './measures.ts';
import { PoolWorker } from './pool-worker.ts';
import { runSplit, type RunHooks } from './split-run.ts';
import type { TaskName, TaskOptions, TaskResult } from './tasks.ts';

export interface PoolOptions {
  /** number of worker threads; default min(2, os.availableParallelism()) */
  size: number;
  /**
   * CPU priority of the threads (Linux nice, −20..19), +19 by default so that the event loop and
   * Neo4j preempt the kernels (bootstrap.mjs): at +10 a /health poll during a 10k betweenness still
   * took 109 ms once in 110 polls on 2 cores; 0 runs them as the rest of the process. Lowering it
   * below the process's own priority needs privileges and is silently refused.
   */
  nice: number;
}

/** Threads beyond the pool's size that indivisible calls may get when every thread runs one. */
export const EXTRA_THREADS = 2;

export class AnalyticsPool {
  readonly size: number;
  readonly nice: number;
  private workers: PoolWorker[] = [];
  /** Indivisible calls outstanding per thread. */
  private readonly wholeCalls = new Map<PoolWorker, number>();

  constructor(options: Partial<PoolOptions> = {}) {
    const size = options.size ?? Math.min(2, availableParallelism());
    if (!Number.isInteger(size) || size < 1) throw new Error(`compute/workers: pool size must be a positive integer, not ${size}`);
    this.size = size;
    const nice = options.nice ?? 19;
    if (!Number.isInteger(nice) || nice < -20 || nice > 19) throw new Error(`compute/workers: nice must be an integer in −20..19, not ${nice}`);
    this.nice = nice;
  }

  /** Threads running now (0 before the first run and after close). */
  get started(): number {
    return this.workers.length;
  }

  async runCentrality<M extends Measure>(
    measure: M, graph: CSR | AnyGraph, options?: Partial<Measures[M]['options']>, hooks: RunHooks = {},
  ): Promise<Measures[M]['result']> {
    if (!MEASURES.includes(measure)) throw badInput(`unknown centrality measure ${String(measure)}`, ['measure']);
    checkMeasureOptions(measure, options);
    hooks.signal?.throwIfAborted();
    const weightAttribute = (options as { weightAttribute?: string } | undefined)?.weightAttribute ?? 'weight';
    const copy = await buildCSR(graph, weightAttribute, `centrality/${measure}`);
    hooks.signal?.throwIfAborted();
    if (isSplitMeasure(measure)) {
      const entry = SPLIT_MEASURES[measure];
      const { csr, plan } = entry.plan(copy, options ?? {});
      if (plan.count === 0) return entry.finish(csr, plan, entry.accumulator(csr, plan)) as Measures[M]['result'];
      return (await runSplit(this.all(), measure, entry, csr, plan, hooks)) as Measures[M]['result'];
    }
    const result = await this.whole(hooks, { type: 'measure', measure: measure as WholeMeasure, csr: copy, options: options ?? {} });
    return nullPrototypeValues(result) as Measures[M]['result'];
  }

  async runTask<N extends TaskName>(name: N, graph: SerializedGraph, options?: TaskOptions<N>, hooks: RunHooks = {}): Promise<TaskResult<N>> {
    hooks.signal?.throwIfAborted();
    return (await this.whole(hooks, { type: 'task', name, graph, options: options ?? {} })) as TaskResult<N>;
  }

  /** Terminate every thread; outstanding runs reject. The pool starts again on its next run. */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  /** One request to the least busy worker; progress is 0 then 1 (the call is indivisible). */
  private async whole(hooks: RunHooks, message: Parameters<PoolWorker['request']>[0]): Promise<unknown> {
    hooks.onProgress?.(0, 1);
    const worker = this.forWholeCall();
    this.wholeCalls.set(worker, (this.wholeCalls.get(worker) ?? 0) + 1);
    const request = worker.request(message).finally(() => this.wholeCallDone(worker));
    const { signal } = hooks;
    // An indivisible call cannot be stopped midway: abort rejects at once, and the thread is ended
    // (the pool starts another on its next run) when this call is all it was doing, so that a
    // cancelled run stops taking a core; a thread shared with another run's call is left to finish.
    const value = signal
      ? await new Promise<unknown>((resolve, reject) => {
        const onAbort = () => {
          reject(signal.reason);
          if (worker.outstanding === 1) void worker.terminate();
        };
        signal.addEventListener('abort', onAbort, { once: true });
        request.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      })
      : await request;
    hooks.onProgress?.(1, 1);
    return value;
  }

  private all(): PoolWorker[] {
    while (this.workers.length < this.size) this.spawn();
    return this.workers.slice(0, this.size);
  }

  /** The thread for an indivisible call: an idle one, a new one, or an extra one when every thread runs an indivisible call. */
  private forWholeCall(): PoolWorker {
    const idle = this.workers.find((worker) => worker.outstanding === 0);
    if (idle) return idle;
    if (this.workers.length < this.size) return this.spawn();
    const allIndivisible = this.workers.every((worker) => (this.wholeCalls.get(worker) ?? 0) > 0);
    if (allIndivisible && this.workers.length < this.size + EXTRA_THREADS) return this.spawn();
    return this.leastBusy();
  }

  private wholeCallDone(worker: PoolWorker): void {
    const left = (this.wholeCalls.get(worker) ?? 1) - 1;
    if (left > 0) return void this.wholeCalls.set(worker, left);
    this.wholeCalls.delete(worker);
    // An extra thread (beyond the pool's size) ends when it has nothing left to do.
    const index = this.workers.indexOf(worker);
    if (index >= this.size && worker.outstanding === 0) {
      this.workers.splice(index, 1);
      void worker.terminate();
    }
  }

  private leastBusy(): PoolWorker {
    const idle = this.workers.find((worker) => worker.outstanding === 0);
    if (idle) return idle;
    if (this.workers.length < this.size) return this.spawn();
    return this.workers.reduce((best, worker) => (worker.outstanding < best.outstanding ? worker : best));
  }

  private spawn(): PoolWorker {
    const worker = new PoolWorker(this.nice, (gone) => {
      this.workers = this.workers.filter((w) => w !== gone);
      this.wholeCalls.delete(gone);
    });
    this.workers.push(worker);
    return worker;
  }
}

/** Structured clone gives `values` Object.prototype back; the analytics key by node id on a null prototype. */
function nullPrototypeValues(result: unknown): unknown {
  const values = (result as { values?: Record<string, number> }).values;
  if (values) (result as { values: Record<string, number> }).values = Object.assign(Object.create(null) as Record<string, number>, values);
  return result;
}
