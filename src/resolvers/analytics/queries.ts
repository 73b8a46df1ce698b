/**
 * Query fields of the analytics: parse the arguments (zod, paths named), call the use case, hand the
 * outcome to the result types, whose list fields page it (./types.ts).
 */
import { z } from 'zod';
import { analyticsTermsOf, analyticsValue } from '../../domain/vocabulary.ts';
import { parse } from '../../schema/parse.ts';
import { windowRule } from '../../schema/window.ts';
import { id, dateTime } from '../../schema/zod-props.ts';
import { activeResidentsOf } from '../../services/analytics/active-residents.ts';
import { bridgingTies, structuralHoles } from '../../services/analytics/bridging.ts';
import { centralityOf } from '../../services/analytics/centrality.ts';
import { componentsOf, detectCommunities } from '../../services/analytics/communities.ts';
import { brokerageRoles, groupMixing } from '../../services/analytics/mixing.ts';
import { listRuns } from '../../services/analytics/run.ts';
import type { GraphQLContext } from '../context.ts';
import { boundedWeight, definedWeights, networkInput, resolution, seed, sources, toNetworkRequest } from './inputs.ts';

type Args = Record<string, unknown>;

const centralityArgs = z.object({
  network: networkInput,
  measure: z.enum(analyticsTermsOf('CentralityMeasure')),
  options: z
    .object({
      normalized: z.boolean().nullish(),
      distance: z.enum(analyticsTermsOf('PathDistance')).nullish(),
      pivots: z.number().int('pivots must be an integer / 抽样数须为整数').min(1, 'pivots must be ≥ 1 / 抽样数须 ≥ 1').nullish(),
      seed: seed.nullish(),
      weighted: z.boolean().nullish(),
      alpha: z.number().min(0, 'alpha must be in [0, 1) / 阻尼系数须在 [0, 1)').lt(1, 'alpha must be in [0, 1) / 阻尼系数须在 [0, 1)').nullish(),
      tolerance: z.number().min(1e-15, 'tolerance must be in [1e-15, 1e-3] / 收敛阈值须在 [1e-15, 1e-3]').max(1e-3, 'tolerance must be in [1e-15, 1e-3] / 收敛阈值须在 [1e-15, 1e-3]').nullish(),
      maxIterations: z.number().int().min(1, 'maxIterations must be 1–10000 / 最大迭代次数须为 1–10000').max(10_000, 'maxIterations must be 1–10000 / 最大迭代次数须为 1–10000').nullish(),
    })
    .nullish(),
});

const groupings = analyticsTermsOf('GroupingAttribute');
const groupBy = z.enum(groupings, { error: `groupBy must be one of ${groupings.join(', ')} / 未知的分组属性` });

const componentWeight = boundedWeight;

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
    const a = parse(z.object({ network: networkInput, resolution: resolution.nullish(), seed: seed.nullish() }), args);
    return detectCommunities(ctx.services, toNetworkRequest(a.network), { resolution: a.resolution ?? 1, seed: a.seed ?? 1 });
  },

  components: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(z.object({ network: networkInput }), args);
    return componentsOf(ctx.services, toNetworkRequest(a.network));
  },

  bridgingTies: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(z.object({ network: networkInput }), args);
    return bridgingTies(ctx.services, toNetworkRequest(a.network));
  },

  structuralHoles: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(z.object({ network: networkInput, orderBy: z.enum(analyticsTermsOf('StructuralHoleOrder')).nullish(), weighted: z.boolean().nullish() }), args);
    const orderBy = analyticsValue('StructuralHoleOrder', a.orderBy ?? 'CONSTRAINT');
    return structuralHoles(ctx.services, toNetworkRequest(a.network), { orderBy, weighted: a.weighted ?? true });
  },

  groupMixing: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(
      z.object({
        network: networkInput,
        groupBy,
        permutations: z.number().int().min(0, 'permutations must be 0–100000 / 置换次数须为 0–100000').max(100_000, 'permutations must be 0–100000 / 置换次数须为 0–100000').nullish(),
        seed: seed.nullish(),
        weighted: z.boolean().nullish(),
        resolution: resolution.nullish(),
      }),
      args,
    );
    return groupMixing(ctx.services, toNetworkRequest(a.network), {
      groupBy: analyticsValue('GroupingAttribute', a.groupBy), permutations: a.permutations ?? 1000, seed: a.seed ?? 1, weighted: a.weighted ?? false, resolution: a.resolution ?? 1,
    });
  },

  brokerage: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(z.object({ network: networkInput, groupBy, seed: seed.nullish(), resolution: resolution.nullish() }), args);
    return brokerageRoles(ctx.services, toNetworkRequest(a.network), { groupBy: analyticsValue('GroupingAttribute', a.groupBy), seed: a.seed ?? 1, resolution: a.resolution ?? 1 });
  },

  activeResidents: (_: unknown, args: Args, ctx: GraphQLContext) => {
    const a = parse(
      z
        .object({
          communityId: id,
          from: dateTime.nullish(),
          to: dateTime.nullish(),
          weights: z.object({ attendance: componentWeight, volunteering: componentWeight, organising: componentWeight, exchanges: componentWeight, network: componentWeight }).nullish(),
          sources,
        })
        .superRefine((v, c) => {
          windowRule(v, c);
          const w = v.weights;
          if (w && Object.values(w).some((x) => typeof x === 'number') && ['attendance', 'volunteering', 'organising', 'exchanges', 'network'].every((k) => (w as Record<string, number | null | undefined>)[k] === 0)) {
            c.addIssue({ code: 'custom', path: ['weights'], message: 'at least one weight must be > 0 / 至少一个权重须大于 0' });
          }
        }),
      args,
    );
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
