/**
 * Analysis runs in flight: identical requests (same analysis, network, options and data version)
 * share one run instead of computing twice, a finished result is kept for the next identical request,
 * and every run reports its progress, which `analysisRuns` shows while it goes on.
 *
 * A request that waits with a signal (the HTTP request's, aborted when its client disconnects) stops
 * waiting when it is aborted; when no request waits for a run any more, the run is cancelled: its
 * signal aborts (the computations read it through currentRunSignal, ./dispatch.ts) and it leaves the
 * list, so the next identical request starts afresh. Waiters without a signal (the CLIs) keep a run
 * to its end.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { LruCache } from './lru.ts';

const runSignal = new AsyncLocalStorage<AbortSignal>();

/** The signal of the run the caller is part of (undefined outside one): aborted when it is cancelled. */
export const currentRunSignal = (): AbortSignal | undefined => runSignal.getStore();
import { DEFAULT_ANALYTICS_SETTINGS, type AnalyticsSettings } from './settings.ts';

export interface RunProgress {
  /** projecting | computing */
  phase: string;
  done: number;
  total: number;
}

export interface RunInfo {
  key: string;
  analysis: string;
  communityId: string;
  startedAt: Date;
  /** Requests waiting on this run, the first included. */
  waiting: number;
  progress: RunProgress;
}

export type ReportProgress = (phase: string, done: number, total: number) => void;

interface Entry {
  info: RunInfo;
  promise: Promise<unknown>;
  controller: AbortController;
}

export class RunRegistry {
  private readonly running = new Map<string, Entry>();
  private readonly results: LruCache<unknown>;

  /** Finished results kept: a handful, for a while (writes change the key anyway). */
  constructor(settings: Pick<AnalyticsSettings, 'results' | 'cacheSeconds'> = DEFAULT_ANALYTICS_SETTINGS) {
    this.results = new LruCache<unknown>(settings.results, settings.cacheSeconds * 1000);
  }

  /** The result of `work` for this key: cached, shared with a run in flight, or computed now. */
  share<T>(key: string, describe: { analysis: string; communityId: string }, work: (report: ReportProgress) => Promise<T>, waiter?: AbortSignal): { promise: Promise<T>; shared: boolean; cached: boolean } {
    const done = this.results.get(key);
    if (done !== undefined) return { promise: Promise.resolve(done as T), shared: false, cached: true };
    const existing = this.running.get(key);
    if (existing) {
      existing.info.waiting += 1;
      return { promise: this.follow(existing, waiter) as Promise<T>, shared: true, cached: false };
    }
    const info: RunInfo = { key, ...describe, startedAt: new Date(), waiting: 1, progress: { phase: 'starting', done: 0, total: 0 } };
    const report: ReportProgress = (phase, d, total) => {
      info.progress = { phase, done: d, total };
    };
    const controller = new AbortController();
    const entry: Entry = { info, controller, promise: Promise.resolve() };
    entry.promise = runSignal.run(controller.signal, () => work(report)).then(
      (value) => {
        if (!controller.signal.aborted) this.results.set(key, value);
        return value;
      },
    ).finally(() => {
      if (this.running.get(key) === entry) this.running.delete(key);
    });
    // A cancelled run's rejection has no one left to hear it.
    entry.promise.catch(() => {});
    this.running.set(key, entry);
    return { promise: this.follow(entry, waiter) as Promise<T>, shared: false, cached: false };
  }

  /** The run's outcome for one waiter, who may stop waiting (its signal aborted) before the run ends. */
  private follow(entry: Entry, waiter: AbortSignal | undefined): Promise<unknown> {
    if (!waiter) return entry.promise;
    if (waiter.aborted) {
      this.leave(entry);
      return Promise.reject(waiter.reason);
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.leave(entry);
        reject(waiter.reason);
      };
      waiter.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(resolve, reject).finally(() => waiter.removeEventListener('abort', onAbort));
    });
  }

  private leave(entry: Entry): void {
    entry.info.waiting -= 1;
    if (entry.info.waiting > 0) return;
    entry.controller.abort(new Error(`${entry.info.analysis}: cancelled, no request waits for it any more / 已取消：没有请求在等待该分析`));
    if (this.running.get(entry.info.key) === entry) this.running.delete(entry.info.key);
  }

  list(): RunInfo[] {
    return [...this.running.values()].map((e) => ({ ...e.info, progress: { ...e.info.progress } }));
  }

  clear(): void {
    this.results.clear();
  }
}
