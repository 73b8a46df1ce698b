/**
 * Query fields of the publicness evaluation: parse the arguments (zod, paths named), call the use
 * case, hand the outcome to the result types (enum names back to GraphQL's).
 */
import { z } from 'zod';
import { analyticsTerm, analyticsTermsOf, analyticsValue } from '../domain/vocabulary.ts';
import { parse } from '../schema/parse.ts';
import { dateTime, id } from '../schema/zod-props.ts';
import { communityPublicness, type PublicnessOutcome } from '../services/publicness/community.ts';
import { DEFAULT_PUBLICNESS_OPTIONS, type PublicnessOptions } from '../services/publicness/options.ts';
import { reweavingReport, type ReweavingOutcome } from '../services/publicness/reweaving.ts';
import { partnerPublicness, scopePublicness } from '../services/publicness/scope.ts';
import type { Grouping } from '../services/analytics/mixing.ts';
import type { GraphQLContext, ResolverMap } from './context.ts';
import { seed } from '../schema/analytics-inputs.ts';

type Args = Record<string, unknown>;

/** GraphQL's component names and the use cases'. */
export const COMPONENT_TERMS = {
  PARTICIPATION: 'participation', CROSSING: 'crossing', CONNECTEDNESS: 'connectedness', PUBLIC_BENEFIT_ORGANISATIONS: 'publicBenefitOrganisations',
  PARTNER_INVOLVEMENT: 'partnerInvolvement', CONTRIBUTIONS: 'contributions', OUTREACH: 'outreach', VOLUNTEERING: 'volunteering', NEEDS_ADDRESSED: 'needsAddressed',
} as const;
const TERM_OF = Object.fromEntries(Object.entries(COMPONENT_TERMS).map(([term, value]) => [value, term])) as Record<string, string>;
const componentTerm = (value: string) => TERM_OF[value] ?? value;

const groupBy = z.enum(analyticsTermsOf('GroupingAttribute'), { error: 'groupBy must be a GroupingAttribute / 未知的分组属性' });
const range = (name: string, lo: number, hi: number, zh: string) => {
  const message = `${name} must be an integer from ${lo.toLocaleString('en')} to ${hi.toLocaleString('en')} / ${zh}须为 ${lo}–${hi} 的整数`;
  return z.number().int(message).min(lo, message).max(hi, message);
};

const scope = z
  .object({ communityId: id.nullish(), organizationId: id.nullish(), partnerId: id.nullish() })
  .superRefine((v, c) => {
    const given = [v.communityId, v.organizationId, v.partnerId].filter((x) => x !== null && x !== undefined).length;
    if (given !== 1) c.addIssue({ code: 'custom', path: [], message: 'give exactly one of communityId, organizationId, partnerId / 须且只能给出社区、组织或合伙人之一' });
  });

/** The largest replicates and permutations a publicness evaluation takes (the query cost reads them too). */
export const PUBLICNESS_BOUNDS = { replicates: 10_000, permutations: 10_000 } as const;

const options = z
  .object({
    lookbackDays: range('lookbackDays', 30, 1095, '回溯天数').nullish(),
    weights: z
      .array(z.object({
        component: z.enum(Object.keys(COMPONENT_TERMS) as [keyof typeof COMPONENT_TERMS, ...(keyof typeof COMPONENT_TERMS)[]]),
        weight: z.number().finite().min(0, 'a weight must be ≥ 0 / 权重须为非负数').max(1e6, 'a weight is at most 1,000,000 / 权重不超过 1,000,000'),
      }))
      .max(20)
      .nullish(),
    replicates: range('replicates (B)', 50, PUBLICNESS_BOUNDS.replicates, '自助法重抽样次数').nullish(),
    permutations: range('permutations', 0, PUBLICNESS_BOUNDS.permutations, '置换次数').nullish(),
    seed: seed.nullish(),
    groupBy: groupBy.nullish(),
    contributionReference: z.number().finite().gt(0, 'contributionReference must be > 0 / 捐赠参考水平须大于 0').max(1e12).nullish(),
  })
  .superRefine((v, c) => {
    if (v.weights && v.weights.every((w) => w.weight === 0)) c.addIssue({ code: 'custom', path: ['weights'], message: 'at least one weight must be > 0 / 至少一个权重须大于 0' });
  })
  .nullish();

/** t1 must come after t0: the change is measured from t0 to t1. */
const datesRule = (v: { t0: Date; t1: Date }, c: z.RefinementCtx) => {
  if (v.t1.getTime() <= v.t0.getTime()) c.addIssue({ code: 'custom', path: ['t1'], message: 't1 must be after t0 / t1 须晚于 t0' });
};
const dates = <S extends z.ZodRawShape>(shape: S) => z.object({ ...shape, t0: dateTime, t1: dateTime }).superRefine((v, c) => datesRule(v as { t0: Date; t1: Date }, c));

function settle(o: z.output<typeof options>): PublicnessOptions {
  const d = DEFAULT_PUBLICNESS_OPTIONS;
  return {
    lookbackDays: o?.lookbackDays ?? d.lookbackDays,
    weights: o?.weights ? Object.fromEntries(o.weights.map((w) => [COMPONENT_TERMS[w.component], w.weight])) : null,
    replicates: o?.replicates ?? d.replicates,
    permutations: o?.permutations ?? d.permutations,
    sensitivityDraws: d.sensitivityDraws,
    seed: o?.seed ?? d.seed,
    groupBy: o?.groupBy ? analyticsValue('GroupingAttribute', o.groupBy) : d.groupBy,
    contributionReference: o?.contributionReference ?? d.contributionReference,
  };
}

export function publicnessResolvers(): ResolverMap {
  return {
    Query: {
      publicness: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(dates({ scope, options }), args);
        const o = settle(a.options);
        if (a.scope.communityId) return communityPublicness(ctx.services, a.scope.communityId, a.t0, a.t1, o);
        if (a.scope.organizationId) return scopePublicness(ctx.services, 'Organization', a.scope.organizationId, a.t0, a.t1, o);
        return scopePublicness(ctx.services, 'Partner', a.scope.partnerId!, a.t0, a.t1, o);
      },
      partnerPublicness: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(dates({ communityId: id }), args);
        return partnerPublicness(ctx.services, a.communityId, a.t0, a.t1);
      },
      reweavingReport: (_: unknown, args: Args, ctx: GraphQLContext) => {
        const a = parse(dates({ communityId: id, groupBy: groupBy.nullish() }), args);
        return reweavingReport(ctx.services, a.communityId, a.t0, a.t1, a.groupBy ? analyticsValue('GroupingAttribute', a.groupBy) : DEFAULT_PUBLICNESS_OPTIONS.groupBy);
      },
    },
    PublicnessResult: {
      scopeKind: (r: PublicnessOutcome) => r.scope.kind,
      scopeId: (r: PublicnessOutcome) => r.scope.id,
      communityId: (r: PublicnessOutcome) => r.scope.communityId,
      scopeName: (r: PublicnessOutcome & { scopeName?: string }) => r.scopeName ?? null,
      parameters: (r: PublicnessOutcome) => ({ ...r.options, groupBy: analyticsTerm('GroupingAttribute', r.options.groupBy), replicates: r.replicates, permutations: r.permutations }),
      components: (r: PublicnessOutcome) => r.components.map((c) => ({ ...c, component: componentTerm(c.component) })),
      index: (r: PublicnessOutcome) => ({ ...r.index, included: r.index.included.map(componentTerm), excluded: r.index.excluded.map(componentTerm) }),
    },
    PublicnessDate: {
      from: (d: { window: { from: Date } }) => d.window.from,
      to: (d: { window: { to: Date } }) => d.window.to,
    },
    ReweavingReport: {
      groupBy: (r: ReweavingOutcome) => analyticsTerm('GroupingAttribute', r.groupBy as Grouping),
    },
    ReweavingNetwork: {
      from: (d: { window: { from: Date } }) => d.window.from,
      to: (d: { window: { to: Date } }) => d.window.to,
    },
  };
}
