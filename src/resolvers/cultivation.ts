/**
 * Cultivation analytics (stageFunnel, promotionCandidates, leaderDependence): parse the arguments
 * (zod, paths named), call the use case, page the ordered lists. Like the analytics resolvers
 * (./analytics), nodes resolve through the request's loaders, so researchers see pseudonyms.
 */
import { parse } from '../schema/parse.ts';
import { candidatesArgs as candidatesSchema, dependenceArgs, funnelArgs, type FunnelGroupingValue } from '../schema/cultivation-inputs.ts';
import { stageFunnelOf } from '../services/cultivation/funnel.ts';
import { promotionCandidatesOf } from '../services/cultivation/candidates.ts';
import { leaderDependenceOf } from '../services/cultivation/leader-dependence.ts';
import { MAX_PAGE, page } from './analytics/page.ts';
import { analyticsTerm, type AnalyticsValueOf } from '../domain/vocabulary.ts';
import type { GraphQLContext, ResolverMap } from './context.ts';

type Args = Record<string, unknown>;

const candidatesArgs = candidatesSchema(MAX_PAGE);
const featureTerm = (c: { feature: AnalyticsValueOf<'PromotionFeature'> }) => analyticsTerm('PromotionFeature', c.feature);

type PageArgs = { first?: number | null; after?: string | null };
const defined = <T extends object>(o: T | null | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== null && v !== undefined));

export function cultivationResolvers(): ResolverMap {
  return {
    Query: {
      stageFunnel: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(funnelArgs, args);
        return stageFunnelOf(ctx.services, { communityId: a.communityId, subject: a.subject, from: a.from, to: a.to, groupBy: a.groupBy });
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
      // first and after are the query's own arguments (the signature), not the field's.
      candidates: (r: { candidates: unknown[]; page: PageArgs }) => page(r.candidates, r.page),
    },
    PromotionCandidate: {
      residentId: (c: { nodeId: string }) => c.nodeId,
      resident: (c: { nodeId: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.node('Resident', c.nodeId),
    },
    FeatureContribution: { feature: featureTerm },
    PromotionReason: { feature: featureTerm },
    PromotionCoefficient: { feature: featureTerm },
    LeaderDependenceResult: {
      organisations: (r: { organisations: unknown[] }, args: PageArgs) => page(r.organisations, args),
    },
    OrganisationDependence: {
      organizationId: (o: { id: string }) => o.id,
      organization: (o: { id: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.node('Organization', o.id),
      leader: (o: { leaderId: string | null }, _: unknown, ctx: GraphQLContext) => (o.leaderId ? ctx.loaders.node('Resident', o.leaderId) : null),
    },
    StageFunnelResult: {
      groupBy: (r: { groupBy: FunnelGroupingValue | null }) => (r.groupBy ? analyticsTerm('GroupingAttribute', r.groupBy) : null),
    },
  };
}
