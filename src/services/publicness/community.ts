/**
 * Publicness of a community between two dates (docs/analytics.md, "Publicness"): reads, for the
 * look-back window up to each date, the tie network (the analytics' cached projection), the
 * residents who took part in public and partners' activities, the organisations as they stood then
 * and the partners' contributions; shapes them into units (src/analytics/publicness/components.ts)
 * and evaluates the change with intervals, p-values and the weight sensitivity (composite.ts). The
 * finished evaluation is kept like any analysis run: the same request again, before a write, is
 * answered from it.
 */
import type { AbstractGraph } from 'graphology-types';
import { communityUnits, tiePositions, type CommunityObservation } from '../../analytics/publicness/components.ts';
import { evaluatePublicness, type Evaluation } from '../../analytics/publicness/composite.ts';
import type { Grouping as NodeGrouping } from '../../analytics/bridging/grouping.ts';
import { louvain } from '../../analytics/communities/louvain.ts';
import { streamNodes } from '../../db/repositories/graph.ts';
import { listAttenders, sumContributions } from '../../db/repositories/publicness.ts';
import { propsAsOf } from '../../graph/attributes.ts';
import { collapseToUndirected } from '../../graph/collapse.ts';
import type { ServiceContext } from '../context.ts';
import { prepareNetwork, summarise, type NetworkRequest, type NetworkSummary } from '../analytics/network.ts';
import { shareRun } from '../analytics/run.ts';
import { PUBLIC_ACTIVITY_KINDS, weightsFor, windowBefore, type DatedWindow, type PublicnessOptions } from './options.ts';

export interface PublicnessDate {
  at: Date;
  window: DatedWindow;
  network: NetworkSummary;
  residents: number;
  organisations: number;
}

export interface PublicnessOutcome extends Evaluation {
  scope: { kind: 'COMMUNITY' | 'ORGANIZATION' | 'PARTNER'; id: string; communityId: string };
  t0: PublicnessDate;
  t1: PublicnessDate;
  /** Residents present in both windows: the pairs of the bootstrap. */
  pairedUnits: number;
  options: PublicnessOptions;
  /** True when a date has no data to compute the index from; `message` says why. */
  empty: boolean;
  message: string | null;
  seconds: number;
}

const ORGANISATION_TYPES = new Set(['SELF_ORGANIZATION', 'SOCIAL_ORGANIZATION']);

/** The tie network's grouping: a resident attribute, or the Louvain community found in that network. */
export function groupingOf(graph: AbstractGraph, groupBy: PublicnessOptions['groupBy'], seed: number): NodeGrouping {
  if (groupBy !== 'detectedCommunity') return groupBy;
  const { communities } = louvain(collapseToUndirected(graph), { seed });
  return (node: string) => communities[node] ?? null;
}

/** Self-organisations and social organisations present at t, with their orientation as it was then. */
export async function organisationsAt(ctx: ServiceContext, communityId: string, t: Date): Promise<{ id: string; publicBenefit: boolean }[]> {
  const out: { id: string; publicBenefit: boolean }[] = [];
  const when = { from: null, to: null, asOf: t.getTime() };
  await streamNodes(ctx.db, communityId, 'Organization', { from: null, to: null, asOf: t }, (rows) => {
    for (const row of rows) {
      const props = propsAsOf(row.props, row.changes, when);
      if (ORGANISATION_TYPES.has(String(props.type))) out.push({ id: row.id, publicBenefit: props.orientation === 'PUBLIC_BENEFIT' });
    }
  });
  return out;
}

/** What was observed of the community in one window: its residents' participation and ties, organisations, contributions. */
async function observe(ctx: ServiceContext, communityId: string, graph: AbstractGraph, window: DatedWindow, options: PublicnessOptions): Promise<CommunityObservation> {
  const [attenders, organisations, contributions] = await Promise.all([
    listAttenders(ctx.db, communityId, window, PUBLIC_ACTIVITY_KINDS),
    organisationsAt(ctx, communityId, window.to),
    sumContributions(ctx.db, communityId, window),
  ]);
  const took = new Map(attenders.map((a) => [a.id, a]));
  const positions = tiePositions(graph, groupingOf(graph, options.groupBy, options.seed));
  const residents = graph.nodes().map((id) => ({ id, ...positions.get(id)!, publicActivity: took.get(id)?.public ?? false, partnerActivity: took.get(id)?.partner ?? false }));
  return { residents, organisations, partnerContributions: contributions.filter((c) => c.label === 'Partner').reduce((s, c) => s + c.amount, 0) };
}

const requestOf = (communityId: string, window: DatedWindow): NetworkRequest => ({ communityId, network: 'TIES', from: window.from, to: window.to });

/** Why a date has nothing to compute from, if it has not. */
function emptiness(t0: PublicnessDate, t1: PublicnessDate): string | null {
  const parts = ([['t0', t0], ['t1', t1]] as const)
    .filter(([, d]) => d.network.empty || d.residents === 0)
    .map(([name, d]) => `${name}: ${d.network.message ?? 'No residents in this window / 该时间范围内没有居民'}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

export async function communityPublicness(ctx: ServiceContext, communityId: string, t0: Date, t1: Date, options: PublicnessOptions): Promise<PublicnessOutcome> {
  const w0 = windowBefore(t0, options.lookbackDays);
  const w1 = windowBefore(t1, options.lookbackDays);
  const at = ['scope'];
  const prepared0 = await prepareNetwork(ctx, requestOf(communityId, w0), at);
  const prepared = await prepareNetwork(ctx, requestOf(communityId, w1), at);
  return shareRun(ctx, 'publicness', prepared, { t0: t0.toISOString(), options }, async (run) => {
    const started = performance.now();
    // Both windows in one read of the database (the t1 window and the t0 window before it).
    const [g1, g0] = await run.graphs(requestOf(communityId, w0));
    const [o0, o1] = await Promise.all([observe(ctx, communityId, g0, w0, options), observe(ctx, communityId, g1, w1, options)]);
    const units = communityUnits(o0, o1, options.contributionReference);
    const evaluation = evaluatePublicness({
      ...units, weights: weightsFor(units.order, options.weights), replicates: options.replicates, permutations: options.permutations, draws: options.sensitivityDraws, seed: options.seed,
    });
    const dated = (t: Date, window: DatedWindow, p: typeof prepared, g: AbstractGraph, o: CommunityObservation): PublicnessDate => ({
      at: t, window, network: summarise(p, g), residents: o.residents.length, organisations: o.organisations.length,
    });
    const d0 = dated(t0, w0, prepared0, g0, o0);
    const d1 = dated(t1, w1, prepared, g1, o1);
    const message = emptiness(d0, d1);
    return {
      ...evaluation, scope: { kind: 'COMMUNITY', id: communityId, communityId }, t0: d0, t1: d1, pairedUnits: units.counts.residentsBoth, options,
      empty: evaluation.index.t0 === null || evaluation.index.t1 === null, message, seconds: (performance.now() - started) / 1000,
    };
  });
}
