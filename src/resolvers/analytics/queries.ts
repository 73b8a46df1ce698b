/**
 * Query fields of the analytics: parse the arguments (src/schema/analytics-inputs.ts, paths named),
 * call the use case, hand the outcome to the result types, whose list fields page it (./types.ts).
 */
import { analyticsValue } from '../../domain/vocabulary.ts';
import {
  activeResidentsArgs, brokerageArgs, centralityArgs, communityDetectionArgs, groupMixingArgs, groupTimelineArgs, networkArgs, structuralHolesArgs, tieTimelineArgs,
} from '../../schema/analytics-inputs.ts';
import { parse } from '../../schema/parse.ts';
import { activeResidentsOf } from '../../services/analytics/active-residents.ts';
import { bridgingTies, structuralHoles } from '../../services/analytics/bridging.ts';
import { centralityOf } from '../../services/analytics/centrality.ts';
import { componentsOf, detectCommunities } from '../../services/analytics/communities.ts';
import { brokerageRoles, groupMixing } from '../../services/analytics/mixing.ts';
import { groupTimelineOf } from '../../services/analytics/group-timeline.ts';
import { listRuns } from '../../services/analytics/run.ts';
import { tieTimeline } from '../../services/analytics/tie-timeline.ts';
import type { GraphQLContext } from '../context.ts';
import { definedWeights, toNetworkRequest } from './requests.ts';

type Args = Record<string, unknown>;

export const analyticsQueries = {
  centrality: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(centralityArgs, args);
    const o = a.options ?? {};
    return centralityOf(ctx.services, toNetworkRequest(a.network), analyticsValue('CentralityMeasure', a.measure), {
      normalized: o.normalized ?? null,
      distance: o.distance ? analyticsValue('PathDistance', o.distance) : null,
      pivots: o.pivots ?? null,
      seed: o.seed ?? null,
      weighted: o.weighted ?? null,
      alpha: o.alpha ?? null,
      tolerance: o.tolerance ?? null,
      maxIterations: o.maxIterations ?? null,
    });
  },

  communityDetection: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(communityDetectionArgs, args);
    return detectCommunities(ctx.services, toNetworkRequest(a.network), { resolution: a.resolution ?? 1, seed: a.seed ?? 1 });
  },

  tieTimeline: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(tieTimelineArgs, args);
    return tieTimeline(ctx.services, { communityId: a.communityId, sources: definedWeights(a.sources), maxActivitySize: a.maxActivitySize ?? null, housingArea: a.housingArea ?? null });
  },

  groupTimeline: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(groupTimelineArgs, args);
    return groupTimelineOf(ctx.services, {
      communityId: a.communityId, sources: definedWeights(a.sources), maxActivitySize: a.maxActivitySize ?? null,
      groupBy: analyticsValue('MapGrouping', a.groupBy ?? 'HOUSING_AREA'), housingArea: a.housingArea ?? null,
    });
  },

  components: (_: unknown, args: Args, ctx: GraphQLContext) => componentsOf(ctx.services, toNetworkRequest(parse(networkArgs, args).network)),

  bridgingTies: (_: unknown, args: Args, ctx: GraphQLContext) => bridgingTies(ctx.services, toNetworkRequest(parse(networkArgs, args).network)),

  structuralHoles: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(structuralHolesArgs, args);
    return structuralHoles(ctx.services, toNetworkRequest(a.network), { orderBy: analyticsValue('StructuralHoleOrder', a.orderBy ?? 'CONSTRAINT'), weighted: a.weighted ?? true });
  },

  groupMixing: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(groupMixingArgs, args);
    return groupMixing(ctx.services, toNetworkRequest(a.network), {
      groupBy: analyticsValue('GroupingAttribute', a.groupBy), permutations: a.permutations ?? 1000, seed: a.seed ?? 1, weighted: a.weighted ?? false, resolution: a.resolution ?? 1,
    });
  },

  brokerage: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(brokerageArgs, args);
    return brokerageRoles(ctx.services, toNetworkRequest(a.network), { groupBy: analyticsValue('GroupingAttribute', a.groupBy), seed: a.seed ?? 1, resolution: a.resolution ?? 1 });
  },

  activeResidents: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(activeResidentsArgs, args);
    return activeResidentsOf(ctx.services, {
      communityId: a.communityId, from: a.from ?? null, to: a.to ?? null, weights: definedWeights(a.weights), sources: definedWeights(a.sources),
    });
  },

  analysisRuns: (_: unknown, __: Args, ctx: GraphQLContext) =>
    listRuns(ctx.services).map((run) => ({
      key: run.key, analysis: run.analysis, communityId: run.communityId, startedAt: run.startedAt, waiting: run.waiting,
      phase: run.progress.phase, done: run.progress.done, total: run.progress.total,
      fraction: run.progress.total > 0 ? run.progress.done / run.progress.total : null,
    })),
};
