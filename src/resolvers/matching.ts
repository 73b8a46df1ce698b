/**
 * Matching, accepting a match, the claiming workflow and the time-bank ledger: parse the arguments
 * (zod, paths named), call the use case, page the lists and resolve nodes through the request's
 * loaders (batched; pseudonyms applied for researchers).
 */
import { z } from 'zod';
import { analyticsTerm } from '../domain/vocabulary.ts';
import { parse } from '../schema/parse.ts';
import { dateTime, id } from '../schema/zod-props.ts';
import { matchProposals, type ComponentScore, type MatchOutcome } from '../services/matching/proposals.ts';
import { boundedWeight } from '../schema/analytics-inputs.ts';
import { definedWeights } from './analytics/requests.ts';
import { page } from './analytics/page.ts';
import type { GraphQLContext } from './context.ts';

type Args = Record<string, unknown>;
type PageArgs = { first?: number | null; after?: string | null };
const COMPONENT_KEYS = ['tags', 'quantity', 'urgency', 'proximity', 'bridging', 'reciprocity'] as const;

const scope = z
  .object({ conferenceId: id.nullish(), communityId: id.nullish() })
  .refine((s) => Boolean(s.conferenceId) !== Boolean(s.communityId), 'give exactly one of conferenceId and communityId / conferenceId 与 communityId 须且只能给出一个');

const matchArgs = z.object({
  scope,
  asOf: dateTime.nullish(),
  options: z
    .object({
      weights: z
        .object(Object.fromEntries(COMPONENT_KEYS.map((k) => [k, boundedWeight])) as Record<(typeof COMPONENT_KEYS)[number], typeof boundedWeight>)
        .nullish()
        .superRefine((w, c) => {
          if (w && Object.values(w).some((x) => typeof x === 'number') && COMPONENT_KEYS.every((k) => w[k] === 0)) {
            c.addIssue({ code: 'custom', message: 'at least one weight must be > 0 / 至少一个权重须大于 0' });
          }
        }),
      favourNewBridges: z.boolean().nullish(),
    })
    .nullish(),
});

const sentence = (s: { explanation: { en: string; zh: string } }) => s.explanation.en;
const sentenceZh = (s: { explanation: { en: string; zh: string } }) => s.explanation.zh;

export function matchingResolvers() {
  return {
    Query: {
      matchProposals: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(matchArgs, args);
        return matchProposals(ctx.services, {
          scope: a.scope, asOf: a.asOf ?? null, weights: definedWeights(a.options?.weights), favourNewBridges: a.options?.favourNewBridges ?? false,
        });
      },
    },
    MatchProposalsResult: {
      gain: (r: MatchOutcome) => (r.greedyTotal > 0 ? (r.total - r.greedyTotal) / r.greedyTotal : null),
      proposals: (r: MatchOutcome, args: PageArgs) => page(r.proposals, args),
      unmet: (r: MatchOutcome, args: PageArgs) => page(r.unmet, args),
    },
    MatchProposal: {
      resource: (p: { resourceId: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.node('Resource', p.resourceId),
      need: (p: { needId: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.node('Need', p.needId),
      components: (p: { components: readonly ComponentScore[] }) => p.components.map((c) => ({ ...c, component: analyticsTerm('MatchComponent', c.component) })),
      explanation: sentence,
      explanationZh: sentenceZh,
    },
    UnmetNeed: {
      need: (u: { needId: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.node('Need', u.needId),
      explanation: sentence,
      explanationZh: sentenceZh,
    },
  };
}
