/** zod schemas of the analytics arguments: every bad option is BAD_USER_INPUT naming its path. */
import { z } from 'zod';
import { windowRule } from '../../schema/window.ts';
import { dateTime, id } from '../../schema/zod-props.ts';
import type { NetworkRequest } from '../../services/analytics/network.ts';

/** 0 (off) or 1e-6 … 1e6: beyond that, weights or their inverses overflow the path and rank computations. */
export const boundedWeight = z
  .number()
  .finite()
  .min(0, 'a weight is ≥ 0 / 权重须为非负数')
  .max(1e6, 'a weight is at most 1,000,000 / 权重不超过 1,000,000')
  .refine((w) => w === 0 || w >= 1e-6, 'a weight is 0 or at least 0.000001 / 权重为 0 或不小于 0.000001')
  .nullish();
const weight = boundedWeight;

export const sources = z.object({ acquaintance: weight, comembership: weight, coattendance: weight, exchange: weight, cowork: weight }).nullish();

export const networkInput = z
  .object({
    communityId: id,
    network: z.enum(['FULL', 'TIES']).nullish(),
    from: dateTime.nullish(),
    to: dateTime.nullish(),
    asOf: dateTime.nullish(),
    sources,
    maxActivitySize: z.number().int().min(2, 'maxActivitySize must be 2–1,000,000 / 活动规模上限须为 2–1,000,000').max(1_000_000, 'maxActivitySize must be 2–1,000,000 / 活动规模上限须为 2–1,000,000').nullish(),
  })
  .superRefine(windowRule);

export const seed = z.number().int('seed must be an integer / 种子须为整数').min(0, 'seed must be ≥ 0 / 种子须为非负整数').max(2 ** 31 - 1);
export const resolution = z.number().finite().gt(0, 'resolution must be > 0 / 分辨率须大于 0').max(1000);

/** Drops unset weights, so an omitted weight keeps its default. */
export function definedWeights<K extends string>(w: Partial<Record<K, number | null | undefined>> | null | undefined): Partial<Record<K, number>> {
  return Object.fromEntries(Object.entries(w ?? {}).filter(([, v]) => typeof v === 'number')) as Partial<Record<K, number>>;
}

export function toNetworkRequest(input: z.output<typeof networkInput>): NetworkRequest {
  return {
    communityId: input.communityId,
    network: input.network ?? 'TIES',
    from: input.from ?? null,
    to: input.to ?? null,
    asOf: input.asOf ?? null,
    sources: definedWeights(input.sources),
    maxActivitySize: input.maxActivitySize ?? null,
  };
}
