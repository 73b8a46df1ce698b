/**
 * zod schemas of the analytics' arguments, one per query field: every bad option is BAD_USER_INPUT
 * naming its path. Enum arguments come from the analytics' vocabularies (src/domain/vocabulary.ts);
 * the window is the one window rule (./window.ts). Rules that weigh one argument against the data or
 * against the use case's defaults (e.g. that not every component weight may be 0) are the use case's.
 */
import { z } from 'zod';
import { analyticsTermsOf, analyticsValuesOf, type AnalyticsValueOf } from '../domain/vocabulary.ts';
import { windowRule } from './window.ts';
import { dateTime, id } from './zod-props.ts';

/** 0 (off) or 1e-6 … 1e6: beyond that, weights or their inverses overflow the path and rank computations. */
export const boundedWeight = z
  .number()
  .finite()
  .min(0, 'a weight is ≥ 0 / 权重须为非负数')
  .max(1e6, 'a weight is at most 1,000,000 / 权重不超过 1,000,000')
  .refine((w) => w === 0 || w >= 1e-6, 'a weight is 0 or at least 0.000001 / 权重为 0 或不小于 0.000001')
  .nullish();

/** TieSourcesInput: the weight of each tie source. */
export const sources = z.object({ acquaintance: boundedWeight, comembership: boundedWeight, coattendance: boundedWeight, exchange: boundedWeight, cowork: boundedWeight }).nullish();

const maxActivitySizeMessage = 'maxActivitySize must be 2–1,000,000 / 活动规模上限须为 2–1,000,000';

export const networkInput = z
  .object({
    communityId: id,
    network: z.enum(['FULL', 'TIES']).nullish(),
    from: dateTime.nullish(),
    to: dateTime.nullish(),
    asOf: dateTime.nullish(),
    sources,
    maxActivitySize: z.number().int().min(2, maxActivitySizeMessage).max(1_000_000, maxActivitySizeMessage).nullish(),
  })
  .superRefine(windowRule);

export const seed = z.number().int('seed must be an integer / 种子须为整数').min(0, 'seed must be ≥ 0 / 种子须为非负整数').max(2 ** 31 - 1);
export const resolution = z.number().finite().gt(0, 'resolution must be > 0 / 分辨率须大于 0').max(1000);

/** Each pivot is one single-source shortest-path search (Brandes 2008); beyond this, ask for the exact value. */
export const MAX_PIVOTS = 10_000;
const pivotsMessage = `pivots must be 1–${MAX_PIVOTS.toLocaleString('en-US')} / 抽样数须为 1–${MAX_PIVOTS.toLocaleString('en-US')}`;
const alphaMessage = 'alpha must be in [0, 1) / 阻尼系数须在 [0, 1)';
const toleranceMessage = 'tolerance must be in [1e-15, 1e-3] / 收敛阈值须在 [1e-15, 1e-3]';
const iterationsMessage = 'maxIterations must be 1–10000 / 最大迭代次数须为 1–10000';

export const centralityArgs = z.object({
  network: networkInput,
  measure: z.enum(analyticsTermsOf('CentralityMeasure')),
  options: z
    .object({
      normalized: z.boolean().nullish(),
      distance: z.enum(analyticsTermsOf('PathDistance')).nullish(),
      pivots: z.number().int('pivots must be an integer / 抽样数须为整数').min(1, pivotsMessage).max(MAX_PIVOTS, pivotsMessage).nullish(),
      seed: seed.nullish(),
      weighted: z.boolean().nullish(),
      alpha: z.number().min(0, alphaMessage).lt(1, alphaMessage).nullish(),
      tolerance: z.number().min(1e-15, toleranceMessage).max(1e-3, toleranceMessage).nullish(),
      maxIterations: z.number().int().min(1, iterationsMessage).max(10_000, iterationsMessage).nullish(),
    })
    .nullish(),
});

export const communityDetectionArgs = z.object({ network: networkInput, resolution: resolution.nullish(), seed: seed.nullish() });

/** components and bridgingTies read the network alone. */
export const networkArgs = z.object({ network: networkInput });

/** Query.tieTimeline: the community and the tie spec; no window (it is the whole history). */
const housingArea = z.string().min(1, 'housingArea is a non-empty name / 院落或小区名不能为空').max(200, 'housingArea is at most 200 characters / 院落或小区名不超过 200 个字符').nullish();

export const tieTimelineArgs = z.object({
  communityId: id,
  sources,
  maxActivitySize: z.number().int().min(2, maxActivitySizeMessage).max(1_000_000, maxActivitySizeMessage).nullish(),
  housingArea,
});

const mapGroupings = analyticsTermsOf('MapGrouping');

/** Query.groupTimeline: the timeline's arguments and how to group it. */
export const groupTimelineArgs = tieTimelineArgs.extend({
  groupBy: z.enum(mapGroupings, { error: `groupBy must be one of ${mapGroupings.join(', ')} / 未知的地图分组` }).nullish(),
});

export const structuralHolesArgs = z.object({ network: networkInput, orderBy: z.enum(analyticsTermsOf('StructuralHoleOrder')).nullish(), weighted: z.boolean().nullish() });

const groupings = analyticsTermsOf('GroupingAttribute');
export const groupBy = z.enum(groupings, { error: `groupBy must be one of ${groupings.join(', ')} / 未知的分组属性` });

export const MAX_PERMUTATIONS = 100_000;
const permutationsMessage = 'permutations must be 0–100000 / 置换次数须为 0–100000';

export const groupMixingArgs = z.object({
  network: networkInput,
  groupBy,
  permutations: z.number().int().min(0, permutationsMessage).max(MAX_PERMUTATIONS, permutationsMessage).nullish(),
  seed: seed.nullish(),
  weighted: z.boolean().nullish(),
  resolution: resolution.nullish(),
});

export const brokerageArgs = z.object({ network: networkInput, groupBy, seed: seed.nullish(), resolution: resolution.nullish() });

/** ActivityWeightsInput: one bounded weight per component of the vocabulary. */
const activityWeights = z.object(Object.fromEntries(analyticsValuesOf('ActivityComponent').map((c) => [c, boundedWeight])) as Record<AnalyticsValueOf<'ActivityComponent'>, typeof boundedWeight>);

export const activeResidentsArgs = z
  .object({ communityId: id, from: dateTime.nullish(), to: dateTime.nullish(), weights: activityWeights.nullish(), sources })
  .superRefine(windowRule);
