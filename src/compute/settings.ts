/**
 * How much the analytics keep and where they run. main.ts reads them from the environment once
 * (src/config.ts, REWEAVE_ANALYTICS_*) and hands them to startApp, which puts them on every
 * ServiceContext; a context without them (tests, CLIs) gets these defaults.
 */
export interface AnalyticsSettings {
  /** How long a cached projection or finished result may serve, in seconds (writes invalidate at once). */
  cacheSeconds: number;
  /** Projections kept per database (graphs and CSR arrays each; data ranges four times as many). */
  networks: number;
  /** Finished analysis results kept per database. */
  results: number;
  /** Below this much estimated work (elementary steps) a computation runs on the request thread, not in the worker pool. */
  inlineBelow: number;
}

export const DEFAULT_ANALYTICS_SETTINGS: Readonly<AnalyticsSettings> = Object.freeze({
  cacheSeconds: 600,
  networks: 8,
  results: 16,
  inlineBelow: 1_000_000,
});

export const analyticsSettingsOf = (ctx: { analytics?: AnalyticsSettings | undefined }): AnalyticsSettings => ctx.analytics ?? DEFAULT_ANALYTICS_SETTINGS;
