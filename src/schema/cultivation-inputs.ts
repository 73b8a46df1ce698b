/**
 * zod schemas of the cultivation analytics' arguments (stageFunnel, promotionCandidates,
 * leaderDependence): every bad argument is BAD_USER_INPUT naming its path. Enum arguments come from
 * the analytics' vocabularies (src/domain/vocabulary.ts), so the SDL enums, these checks and the
 * use cases' values cannot drift apart.
 */
import { z } from 'zod';
import { ANALYTICS_VOCABULARIES, analyticsTermsOf, termsOf, type AnalyticsTermOf, type AnalyticsValueOf } from '../domain/vocabulary.ts';
import { dateTime, id } from './zod-props.ts';

type Grouping = AnalyticsTermOf<'GroupingAttribute'>;

/** Every grouping but CULTIVATION_STAGE, which would group the funnel's own stage by itself. */
export const FUNNEL_GROUPINGS = analyticsTermsOf('GroupingAttribute').filter((g) => g !== 'CULTIVATION_STAGE') as Exclude<Grouping, 'CULTIVATION_STAGE'>[];
export type FunnelGroupingTerm = (typeof FUNNEL_GROUPINGS)[number];
export type FunnelGroupingValue = Exclude<AnalyticsValueOf<'GroupingAttribute'>, 'cultivationStage'>;

const subjects = analyticsTermsOf('StageSubject');

export const funnelArgs = z
  .object({
    communityId: id,
    subject: z.enum(subjects, { error: `subject must be one of ${subjects.join(', ')} / 未知的阶段对象` }),
    from: dateTime,
    to: dateTime,
    groupBy: z
      .string()
      .nullish()
      .refine((g) => g === null || g === undefined || (FUNNEL_GROUPINGS as string[]).includes(g), {
        error: `groupBy must be one of ${FUNNEL_GROUPINGS.join(', ')} / 该属性不能用于漏斗分组`,
      })
      .transform((g) => (g ? (ANALYTICS_VOCABULARIES.GroupingAttribute.terms[g as FunnelGroupingTerm].value as FunnelGroupingValue) : null)),
  })
  // Stricter than the network window rule: a funnel over an empty window has no transitions to count.
  .superRefine((v, c) => {
    if (v.to.getTime() <= v.from.getTime()) c.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from / 结束时间须晚于开始时间' });
  });

const share = (name: string) => z.number().min(0, `${name} must be in [0, 1] / ${name} 须在 [0, 1]`).max(1, `${name} must be in [0, 1] / ${name} 须在 [0, 1]`).nullish();

export const dependenceArgs = z.object({
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

/** `maxPage` is the API's page cap (the resolvers' paging owns it). */
export function candidatesArgs(maxPage: number) {
  const firstMessage = `first must be an integer from 0 to ${maxPage} / first 须为 0–${maxPage} 的整数`;
  return z.object({
    communityId: id,
    stage: z.enum(termsOf('CultivationStage'), { error: `stage must be one of ${termsOf('CultivationStage').join(', ')} / 未知的培育阶段` }),
    asOf: dateTime.nullish(),
    first: z.number().int(firstMessage).min(0, firstMessage).max(maxPage, firstMessage).nullish(),
    after: z.string().nullish(),
  });
}
