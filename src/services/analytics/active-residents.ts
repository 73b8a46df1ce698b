/**
 * Active residents (积极行动者) over a window: participation read off the FULL projection, network
 * position off the tie network, combined by src/analytics/activity/active-residents.ts (method and
 * papers there). "Recent" defaults to the 365 days up to the end of today (UTC).
 */
import { ACTIVITY_COMPONENTS, activeResidents as score, type ActiveResident, type ActivityComponent } from '../../analytics/activity/active-residents.ts';
import { badInput } from '../../domain/errors.ts';
import { participationOf } from '../../graph/participation.ts';
import type { TieSources } from '../../graph/spec.ts';
import type { ServiceContext } from '../context.ts';
import { computeTask } from '../../compute/dispatch.ts';
import { prepareNetwork, summarise, type NetworkSummary } from './network.ts';
import { shareRun } from './run.ts';

export interface ActiveResidentsRequest {
  communityId: string;
  from?: Date | null;
  to?: Date | null;
  weights?: Partial<Record<ActivityComponent, number>>;
  sources?: Partial<TieSources>;
}

export interface ActiveResidentsOutcome {
  network: NetworkSummary;
  weights: Record<ActivityComponent, number>;
  residents: (ActiveResident & { nodeId: string; label: 'Resident' })[];
  seconds: number;
}

const DAY_MS = 24 * 3600 * 1000;
const YEAR_MS = 365 * DAY_MS;

/** The end of today (UTC): a default window that stays the same all day, so repeated requests share results. */
const endOfToday = (now: Date) => new Date(Math.ceil(now.getTime() / DAY_MS) * DAY_MS);

/** A score needs something to weigh: an omitted weight keeps its default 1, so all five must have been set to 0. */
function checkWeights(weights: Partial<Record<ActivityComponent, number>>): void {
  if (ACTIVITY_COMPONENTS.every((c) => (weights[c] ?? 1) === 0)) throw badInput('at least one weight must be > 0 / 至少一个权重须大于 0', ['weights']);
}

export async function activeResidentsOf(ctx: ServiceContext, request: ActiveResidentsRequest): Promise<ActiveResidentsOutcome> {
  checkWeights(request.weights ?? {});
  const to = request.to ?? (request.from ? null : endOfToday(ctx.now()));
  const from = request.from ?? (request.to ? null : new Date(to!.getTime() - YEAR_MS));
  const network = { communityId: request.communityId, network: 'TIES' as const, from, to, sources: request.sources ?? {} };
  // Its fields are top-level arguments (communityId, from, to), not under `network`.
  const prepared = await prepareNetwork(ctx, network, []);
  return shareRun(ctx, 'active-residents', prepared, { weights: request.weights ?? {} }, async (run) => {
    const started = performance.now();
    const ties = await run.graph();
    const summary = summarise(prepared, ties);
    if (summary.empty) return { network: summary, weights: score(ties, new Map(), { weights: request.weights ?? {} }).weights, residents: [], seconds: 0 };
    const full = await run.also({ network: 'FULL', sources: {} });
    const participation = Object.fromEntries(participationOf(full)) as unknown as Record<string, Record<string, number>>;
    const result = await computeTask(ctx, 'activeResidents', ties, { participation, weights: request.weights ?? {} });
    return {
      network: summary,
      weights: result.weights,
      residents: result.residents.map((r) => ({ ...r, nodeId: r.id, label: 'Resident' as const })),
      seconds: (performance.now() - started) / 1000,
    };
  });
}
