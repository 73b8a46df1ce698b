/**
 * Match proposals for a scope: a joint conference's resource and need pools, or a community's time
 * bank (SERVICE and SKILL entries owned by residents). Reads the entries as of a date with the
 * capacity projects leave them, the owners' distances and groups from the FULL network as of that
 * date, and hands both to the pure matching (src/analytics/matching, method and papers there).
 */
import type { PoolEntryInput, NeedInput } from '../../analytics/matching/eligibility.ts';
import type { MatchResult } from '../../analytics/matching/proposals.ts';
import { computeTask } from '../../compute/dispatch.ts';
import type { ComponentScore, Weights } from '../../analytics/matching/scores.ts';
import { getConference, listCommunityOffers, listConferencePool, type PoolRow } from '../../db/repositories/matching.ts';
import { badInput } from '../../domain/errors.ts';
import { getNodes } from '../../db/repositories/nodes.ts';
import type { TermOf } from '../../domain/vocabulary.ts';
import { networkGraph, prepareNetwork } from '../analytics/network.ts';
import type { ServiceContext } from '../context.ts';
import { requireScope } from '../guard.ts';

export type { ComponentScore };

export interface MatchScope {
  conferenceId?: string | null;
  communityId?: string | null;
}

export interface MatchRequest {
  scope: MatchScope;
  asOf?: Date | null;
  weights?: Partial<Weights>;
  favourNewBridges?: boolean;
}

export interface MatchOutcome extends MatchResult {
  conferenceId: string | null;
  communityId: string;
  asOf: Date;
  seconds: number;
}

/** The time bank's categories: members give services and skills (seeds/003's 共享会). */
export const TIMEBANK_CATEGORIES: readonly TermOf<'PoolCategory'>[] = ['SERVICE', 'SKILL'];

/** The scope's community (checked against the caller) and its entries as of the date. */
export async function readScope(ctx: ServiceContext, scope: MatchScope, asOf: Date): Promise<{ communityId: string; conferenceId: string | null; rows: PoolRow[] }> {
  if (scope.conferenceId) {
    const conferenceId = scope.conferenceId;
    const conference = await ctx.db.read((tx) => getConference(tx, conferenceId));
    if (!conference) throw badInput(`unknown joint conference ${conferenceId} / 未知的党组织联席会 ${conferenceId}`, ['scope', 'conferenceId']);
    requireScope(ctx.principal, conference.communityId);
    const rows = await ctx.db.read((tx) => listConferencePool(tx, conferenceId, asOf));
    return { communityId: conference.communityId, conferenceId, rows };
  }
  const communityId = scope.communityId!;
  requireScope(ctx.principal, communityId);
  const community = await ctx.db.read((tx) => getNodes(tx, 'Community', [communityId]));
  if (community.length === 0) throw badInput(`unknown community ${communityId} / 未知的社区 ${communityId}`, ['scope', 'communityId']);
  const rows = await ctx.db.read((tx) => listCommunityOffers(tx, communityId, asOf, TIMEBANK_CATEGORIES));
  return { communityId, conferenceId: null, rows };
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());

/** What is left of an entry: its quantity (1 when not stated) less what projects take. */
export function entryOf(row: PoolRow): NeedInput {
  const quantity = row.quantity ?? 1;
  const used = row.used.reduce((s, x) => s + x, 0);
  return {
    id: row.id, name: row.name, category: row.category, tags: row.tags, quantity: Math.max(0, quantity - used), unit: row.unit,
    validFrom: ms(row.validFrom), validUntil: ms(row.validUntil), owners: row.owners, urgency: row.urgency,
  };
}

export async function matchProposals(ctx: ServiceContext, request: MatchRequest): Promise<MatchOutcome> {
  const asOf = request.asOf ?? ctx.now();
  const { communityId, conferenceId, rows } = await readScope(ctx, request.scope, asOf);
  const started = performance.now();
  const resources: PoolEntryInput[] = rows.filter((r) => r.kind === 'Resource').map(entryOf);
  const needs: NeedInput[] = rows.filter((r) => r.kind === 'Need').map(entryOf);
  const prepared = await prepareNetwork(ctx, { communityId, network: 'FULL', asOf }, ['scope']);
  const graph = await networkGraph(ctx, prepared);
  // A large pool runs in the analytics worker pool, so /health and other requests keep answering.
  const result = await computeTask(ctx, 'matchPools', graph, { resources, needs, weights: request.weights ?? {}, favourNewBridges: request.favourNewBridges ?? false });
  return { ...result, conferenceId, communityId, asOf, seconds: (performance.now() - started) / 1000 };
}
