/**
 * The reweaving report: the community's tie network over the 365 days up to t0 and up to t1, side by
 * side (src/analytics/publicness/reweaving.ts). Both projections come from the analytics' cache and
 * the finished report is kept like any analysis run.
 */
import { reweavingDiff, type NetworkFigures, type ReweavingDiff } from '../../analytics/publicness/reweaving.ts';
import type { Grouping } from '../analytics/mixing.ts';
import { prepareNetwork, summarise, type NetworkSummary } from '../analytics/network.ts';
import { shareRun } from '../analytics/run.ts';
import type { ServiceContext } from '../context.ts';
import { groupingOf } from './community.ts';
import { windowBefore, type DatedWindow } from './options.ts';

export interface ReweavingSide extends NetworkFigures {
  at: Date;
  window: DatedWindow;
  network: NetworkSummary;
}

export interface ReweavingOutcome extends Omit<ReweavingDiff, 't0' | 't1'> {
  communityId: string;
  groupBy: Grouping;
  t0: ReweavingSide;
  t1: ReweavingSide;
  seconds: number;
}

export const REWEAVING_LOOKBACK_DAYS = 365;

export async function reweavingReport(ctx: ServiceContext, communityId: string, t0: Date, t1: Date, groupBy: Grouping, seed = 1): Promise<ReweavingOutcome> {
  const w0 = windowBefore(t0, REWEAVING_LOOKBACK_DAYS);
  const w1 = windowBefore(t1, REWEAVING_LOOKBACK_DAYS);
  const request = (w: DatedWindow) => ({ communityId, network: 'TIES' as const, from: w.from, to: w.to });
  const prepared0 = await prepareNetwork(ctx, request(w0), []);
  const prepared = await prepareNetwork(ctx, request(w1), []);
  return shareRun(ctx, 'reweaving', prepared, { t0: t0.toISOString(), groupBy, seed }, async (run) => {
    const started = performance.now();
    // Both windows in one read of the database (the t1 window and the t0 window before it).
    const [g1, g0] = await run.graphs(request(w0));
    // For DETECTED_COMMUNITY each network is grouped by its own Louvain communities.
    const diff = reweavingDiff(g0, g1, { group: groupingOf(g0, groupBy, seed), seed, resolution: 1 }, groupingOf(g1, groupBy, seed));
    return {
      ...diff, communityId, groupBy,
      t0: { ...diff.t0, at: t0, window: w0, network: summarise(prepared0, g0) },
      t1: { ...diff.t1, at: t1, window: w1, network: summarise(prepared, g1) },
      seconds: (performance.now() - started) / 1000,
    };
  });
}
