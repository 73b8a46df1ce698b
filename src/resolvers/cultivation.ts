/**
 * Cultivation analytics (stageFunnel, promotionCandidates, leaderDependence): parse the arguments
 * (zod, paths named), call the use case, page the ordered lists. Like the analytics resolvers
 * (./analytics), nodes resolve through the request's loaders, so researchers see pseudonyms.
 */
import { z } from 'zod';
import { parse } from '../schema/parse.ts';
import { dateTime, id } from '../schema/zod-props.ts';
import { stageFunnelOf, type FunnelGrouping } from '../services/cultivation/funnel.ts';
import { PROMOTION_FEATURES, promotionCandidatesOf } from '../services/cultivation/candidates.ts';
import { leaderDependenceOf } from '../services/cultivation/leader-dependence.ts';
import { STAGE_SUBJECTS } from '../services/cultivation/subjects.ts';
import { MAX_PAGE, page } from './analytics/page.ts';
import { termsOf } from '../domain/vocabulary.ts';
import type { GraphQLContext, ResolverMap } from './context.ts';

type Args = Record<string, unknown>;

/** GroupingAttribute terms the funnel can group by (CULTIVATION_STAGE would group the stage by itself). */
const FUNNEL_GROUPINGS: Record<string, FunnelGrouping> = {
  HOUSING_AREA: 'housingArea',
  HOUSING_TYPE: 'housingType',
  BUILDING: 'building',
  HOUSEHOLD_REGISTRATION: 'householdRegistered',
  PARTY_MEMBERSHIP: 'partyMember',
  DETECTED_COMMUNITY: 'detectedCommunity',
};
const GROUPING_TERMS = Object.fromEntries(Object.entries(FUNNEL_GROUPINGS).map(([term, value]) => [value, term]));

const funnelArgs = z
  .object({
    communityId: id,
    subject: z.enum(STAGE_SUBJECTS, { error: `subject must be one of ${STAGE_SUBJECTS.join(', ')} / 未知的阶段对象` }),
    from: dateTime,
    to: dateTime,
    groupBy: z.string().nullish().refine((g) => g === null || g === undefined || Object.hasOwn(FUNNEL_GROUPINGS, g), {
      error: `groupBy must be one of ${Object.keys(FUNNEL_GROUPINGS).join(', ')} / 该属性不能用于漏斗分组`,
    }),
  })
  .superRefine((v, c) => {
    if (v.to.getTime() <= v.from.getTime()) c.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from / 结束时间须晚于开始时间' });
  });

const share = (name: string) => z.number().min(0, `${name} must be in [0, 1] / ${name} 须在 [0, 1]`).max(1, `${name} must be in [0, 1] / ${name} 须在 [0, 1]`).nullish();

const dependenceArgs = z.object({
  communityId: id,
  asOf: dateTime.nullish(),
  options: z
    .object({
      minCoreTeam: z.number().int().min(1, 'minCoreTeam must be 1–1000 / minCoreTeam 须为 1–1000').max(1000, 'minCoreTeam must be 1–1000 / minCoreTeam 须为 1–1000').nullish(),
      maxOrganiserShare: share('maxOrganiserShare'),
      minConnectedShare: share('minConnectedShare'),
    })
    .nullish(),
});

const candidatesArgs = z.object({
  communityId: id,
  stage: z.enum(termsOf('CultivationStage'), { error: `stage must be one of ${termsOf('CultivationStage').join(', ')} / 未知的培育阶段` }),
  asOf: dateTime.nullish(),
  first: z.number().int().min(0, `first must be an integer from 0 to ${MAX_PAGE} / first 须为 0–${MAX_PAGE} 的整数`).max(MAX_PAGE, `first must be an integer from 0 to ${MAX_PAGE} / first 须为 0–${MAX_PAGE} 的整数`).nullish(),
  after: z.string().nullish(),
});

const FEATURE_TERMS: Record<string, string> = Object.fromEntries(PROMOTION_FEATURES.map((f) => [f, f.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()]));

type PageArgs = { first?: number | null; after?: string | null };
const defined = <T extends object>(o: T | null | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== null && v !== undefined));

export function cultivationResolvers(): ResolverMap {
  return {
    Query: {
      stageFunnel: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(funnelArgs, args);
        return stageFunnelOf(ctx.services, { communityId: a.communityId, subject: a.subject, from: a.from, to: a.to, groupBy: a.groupBy ? FUNNEL_GROUPINGS[a.groupBy]! : null });
      },
      promotionCandidates: async (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(candidatesArgs, args);
        const outcome = await promotionCandidatesOf(ctx.services, { communityId: a.communityId, stage: a.stage, asOf: a.asOf ?? null });
        return { ...outcome, page: { first: a.first ?? 20, after: a.after ?? null } };
      },
      leaderDependence: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(dependenceArgs, args);
        return leaderDependenceOf(ctx.services, { communityId: a.communityId, asOf: a.asOf ?? null, options: defined(a.options) });
      },
    },
    PromotionCandidatesResult: {
      // first and after are the query's own arguments (the issue's signature), not the field's.
      candidates: (r: { candidates: unknown[]; page: PageArgs }) => page(r.candidates, r.page),
    },
    PromotionCandidate: {
      residentId: (c: { nodeId: string }) => c.nodeId,
      resident: (c: { nodeId: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.node('Resident', c.nodeId),
    },
    FeatureContribution: { feature: (c: { feature: string }) => FEATURE_TERMS[c.feature] },
    PromotionReason: { feature: (c: { feature: string }) => FEATURE_TERMS[c.feature] },
    PromotionCoefficient: { feature: (c: { feature: string }) => FEATURE_TERMS[c.feature] },
    LeaderDependenceResult: {
      organisations: (r: { organisations: unknown[] }, args: PageArgs) => page(r.organisations, args),
    },
    OrganisationDependence: {
      organizationId: (o: { id: string }) => o.id,
      organization: (o: { id: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.node('Organization', o.id),
      leader: (o: { leaderId: string | null }, _: unknown, ctx: GraphQLContext) => (o.leaderId ? ctx.loaders.node('Resident', o.leaderId) : null),
    },
    StageFunnelResult: {
      groupBy: (r: { groupBy: FunnelGrouping | null }) => (r.groupBy ? GROUPING_TERMS[r.groupBy] : null),
    },
  };
}
