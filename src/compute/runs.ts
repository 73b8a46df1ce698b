/**
 * Analysis runs in flight: identical requests (same analysis, network, options and data version)
 * share one run instead of computing twice, a finished result is kept for the next identical request,
 * and every run reports its progress, which `analysisRuns` shows while it goes on.
 */
import { LruCache } from './lru.ts';
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
}

export class RunRegistry {
  private readonly running = new Map<string, Entry>();
  private readonly results: LruCache<unknown>;

  /** Finished results kept: a handful, for a while (writes change the key anyway). */
  constructor(settings: Pick<AnalyticsSettings, 'results' | 'cacheSeconds'> = DEFAULT_ANALYTICS_SETTINGS) {
    this.results = new LruCache<unknown>(settings.results, settings.cacheSeconds * 1000);
  }

  /** The result of `work` for this key: cached, shared with a run in flight, or computed now. */
  share<T>(key: string, describe: { analysis: string; communityId: string }, work: (report: ReportProgress) => Promise<T>): { promise: Promise<T>; shared: boolean; cached: boolean } {
    const done = this.results.get(key);
    if (done !== undefined) return { promise: Promise.resolve(done as T), shared: false, cached: true };
    const existing = this.running.get(key);
    if (existing) {
      existing.info.waiting += 1;
      return { promise: existing.promise as Promise<T>, shared: true, cached: false };
    }
    const info: RunInfo = { key, ...describe, startedAt: new Date(), waiting: 1, progress: { phase: 'starting', done: 0, total: 0 } };
    const report: ReportProgress = (phase, d, total) => {
      info.progress = { phase, done: d, total };
    };
    const promise = work(report).then(
      (value) => {
        this.results.set(key, value);
        return value;
      },
    ).finally(() => this.running.delete(key));
    this.running.set(key, { info, promise });
    return { promise, shared: false, cached: false };
  }

  list(): RunInfo[] {
    return [...this.running.values()].map((e) => ({ ...e.info, progress: { ...e.info.progress } }));
  }

  clear(): void {
    this.results.clear();
  }
}
