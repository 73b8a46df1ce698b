/**
 * Matching, accepting a match, the claiming workflow and the time-bank ledger: parse the arguments
 * (zod, paths named), call the use case, page the lists and resolve nodes through the request's
 * loaders (batched; pseudonyms applied for researchers).
 */
import { z } from 'zod';
import { analyticsTerm } from '../domain/vocabulary.ts';
import { parse } from '../schema/parse.ts';
import { dateTime, id, propSchema } from '../schema/zod-props.ts';
import { NODE_SPECS } from '../domain/model.ts';
import { termsOf } from '../domain/vocabulary.ts';
import { acceptMatch } from '../services/matching/accept.ts';
import { claimingBoard, claimProject, evaluateProject } from '../services/projects/claiming.ts';
import { timeBankOf, type TimeBankOutcome } from '../services/timebank/ledger.ts';
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

const positive = z.number().finite().gt(0, 'quantity must be > 0 / 数量须大于 0').max(1_000_000, 'quantity is at most 1,000,000 / 数量不超过 1,000,000');

const acceptArgs = z.object({
  input: z.object({
    id,
    conferenceId: id,
    resourceId: id,
    needId: id,
    quantity: positive,
    name: propSchema(NODE_SPECS.Project.props.name.type).nullish(),
    leveragePoint: z.enum(termsOf('LeveragePoint')).nullish(),
    description: propSchema(NODE_SPECS.Project.props.description.type).nullish(),
    at: dateTime.nullish(),
  }),
});

const evaluateArgs = z.object({
  input: z.object({
    projectId: id,
    rating: z.number().int('rating must be an integer 1–5 / 评分须为 1–5 的整数').min(1, 'rating must be 1–5 / 评分须为 1–5').max(5, 'rating must be 1–5 / 评分须为 1–5'),
    beneficiaries: z.number().int('beneficiaries must be a whole number / 受益人数须为整数').min(0, 'beneficiaries must be ≥ 0 / 受益人数须 ≥ 0').max(10_000_000),
    notes: propSchema(NODE_SPECS.Project.props.evaluationNotes.type).nullish(),
    at: dateTime.nullish(),
  }),
});

const sentence = (s: { explanation: { en: string; zh: string } }) => s.explanation.en;
const sentenceZh = (s: { explanation: { en: string; zh: string } }) => s.explanation.zh;

export function matchingResolvers() {
  return {
    Query: {
      claimingBoard: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(z.object({ communityId: id, staleDays: z.number().int().min(1, 'staleDays must be 1–3650 / 天数须为 1–3650').max(3650, 'staleDays must be 1–3650 / 天数须为 1–3650').nullish(), asOf: dateTime.nullish() }), args);
        return claimingBoard(ctx.services, a);
      },
      timeBank: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(
          z.object({ communityId: id, from: dateTime.nullish(), to: dateTime.nullish() }).refine((v) => !(v.from && v.to && v.to <= v.from), {
            path: ['to'], message: 'the window is reversed: to is before from / 时间窗口颠倒：结束早于开始',
          }),
          args,
        );
        return timeBankOf(ctx.services, { communityId: a.communityId, from: a.from ?? null, to: a.to ?? null });
      },
      matchProposals: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(matchArgs, args);
        return matchProposals(ctx.services, {
          scope: a.scope, asOf: a.asOf ?? null, weights: definedWeights(a.options?.weights), favourNewBridges: a.options?.favourNewBridges ?? false,
        });
      },
    },
    Mutation: {
      claimProject: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(z.object({ input: z.object({ projectId: id, claimantId: id, at: dateTime.nullish() }) }), args);
        return claimProject(ctx.services, a.input);
      },
      evaluateProject: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(evaluateArgs, args);
        return evaluateProject(ctx.services, { ...a.input, notes: a.input.notes as string | null | undefined });
      },
      acceptMatch: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(acceptArgs, args);
        return acceptMatch(ctx.services, { ...a.input, name: a.input.name as string | null | undefined, description: a.input.description as string | null | undefined });
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
    TimeBankLedger: {
      members: (r: TimeBankOutcome, args: PageArgs) => page(r.members, args),
      rejected: (r: TimeBankOutcome) => ({ hours: r.rejected.HOURS, self: r.rejected.SELF, notMember: r.rejected.NOT_MEMBER }),
    },
    TimeBankMember: {
      residentId: (m: { id: string }) => m.id,
      resident: (m: { id: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.node('Resident', m.id),
    },
    ClaimingBoardEntry: {
      project: (e: { projectId: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.node('Project', e.projectId),
    },
    UnmetNeed: {
      need: (u: { needId: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.node('Need', u.needId),
      explanation: sentence,
      explanationZh: sentenceZh,
    },
  };
}
