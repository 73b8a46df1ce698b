/**
 * stageFunnel: the funnel of one staged field over [from, to) (src/analytics/cultivation/funnel.ts,
 * definitions there), from the cached stage histories (./histories.ts), optionally per group of a
 * resident attribute or of the Louvain community detected in the tie network of the same window.
 */
import { stageFunnel, type FunnelResult } from '../../analytics/cultivation/funnel.ts';
import { badInput, notFound } from '../../domain/errors.ts';
import { getNodes } from '../../db/repositories/nodes.ts';
import { seesPseudonymsOnly } from '../../domain/permissions.ts';
import { collapseToUndirected } from '../../graph/collapse.ts';
import { computeTask } from '../../compute/dispatch.ts';
import { shareRun } from '../analytics/run.ts';
import { prepareNetwork } from '../analytics/network.ts';
import { numberBySize } from '../analytics/ranking.ts';
import type { ServiceContext } from '../context.ts';
import { requireScope } from '../guard.ts';
import { pseudonym } from '../shape.ts';
import { projectHistories, RESIDENT_GROUP_FIELDS, type ResidentGroupField } from './histories.ts';
import { SUBJECTS, type StageSubject } from './subjects.ts';

export type FunnelGrouping = ResidentGroupField | 'detectedCommunity';

export interface StageFunnelRequest {
  communityId: string;
  subject: StageSubject;
  from: Date;
  to: Date;
  groupBy?: FunnelGrouping | null;
}

export interface StageFunnelOutcome extends FunnelResult {
  communityId: string;
  subject: StageSubject;
  from: Date;
  to: Date;
  groupBy: FunnelGrouping | null;
  empty: boolean;
  message: string | null;
  seconds: number;
}

/** Scope first (FORBIDDEN says nothing of what exists), then the community (NOT_FOUND). */
export async function requireCommunity(ctx: ServiceContext, communityId: string): Promise<void> {
  requireScope(ctx.principal, communityId);
  const found = await ctx.db.read((tx) => getNodes(tx, 'Community', [communityId]));
  if (found.length === 0) throw notFound('Community', communityId, ['communityId']);
}

async function groupsOf(ctx: ServiceContext, request: StageFunnelRequest, ids: readonly string[], attributes: Partial<Record<ResidentGroupField, unknown[]>>) {
  const by = request.groupBy!;
  const names = new Map<string, number>();
  const of = new Int32Array(ids.length).fill(-1);
  const assign = (i: number, value: unknown) => {
    if (value === null || value === undefined || value === '') return;
    let key = String(value);
    // A researcher sees places only as keyed pseudonyms (src/services/shape.ts residentLabel).
    if ((by === 'housingArea' || by === 'building') && seesPseudonymsOnly(ctx.principal)) key = pseudonym(`${request.communityId}\u0000${key}`, ctx.pseudonymSecret, 'A-');
    let g = names.get(key);
    if (g === undefined) names.set(key, (g = names.size));
    of[i] = g;
  };
  if (by === 'detectedCommunity') {
    const network = { communityId: request.communityId, network: 'TIES' as const, from: request.from, to: request.to };
    const prepared = await prepareNetwork(ctx, network, []);
    const communities = await shareRun(ctx, 'cultivation-louvain', prepared, {}, async (run) => (await computeTask(ctx, 'louvain', collapseToUndirected(await run.graph()), { resolution: 1, seed: 1 })).communities);
    const bySize = numberBySize(communities);
    ids.forEach((id, i) => assign(i, communities[id] === undefined ? null : bySize.get(communities[id]!)));
  } else {
    const values = attributes[by] ?? [];
    ids.forEach((_, i) => assign(i, values[i]));
  }
  const sorted = [...names.keys()];
  return { of, names: sorted };
}

export async function stageFunnelOf(ctx: ServiceContext, request: StageFunnelRequest): Promise<StageFunnelOutcome> {
  const started = performance.now();
  const subject = SUBJECTS[request.subject];
  if (request.groupBy && subject.label !== 'Resident') {
    throw badInput(`groupBy groups residents; ${request.subject} is not a resident stage / 分组仅适用于居民阶段`, ['groupBy']);
  }
  if (request.groupBy && request.groupBy !== 'detectedCommunity' && !(RESIDENT_GROUP_FIELDS as readonly string[]).includes(request.groupBy)) {
    throw badInput(`groupBy ${request.groupBy} cannot group a funnel / 该属性不能用于分组`, ['groupBy']);
  }
  await requireCommunity(ctx, request.communityId);
  const { histories, attributes } = await projectHistories(ctx, request.communityId, request.subject);
  const groups = request.groupBy ? await groupsOf(ctx, request, histories.ids, attributes) : null;
  const result = stageFunnel(histories, subject.order, { from: request.from.getTime(), to: request.to.getTime(), groups });
  const message = histories.ids.length === 0
    ? `No ${subject.label} of this community has a stage history / 该社区没有阶段记录`
    : result.nodes === 0 ? 'No node was present in this window / 该时间范围内没有对象' : null;
  return {
    ...result, communityId: request.communityId, subject: request.subject, from: request.from, to: request.to, groupBy: request.groupBy ?? null,
    empty: result.nodes === 0, message, seconds: (performance.now() - started) / 1000,
  };
}
