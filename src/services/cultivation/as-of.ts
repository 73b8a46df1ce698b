/**
 * The default instant of the cultivation analytics that look back a year from `asOf`: the end of the
 * UTC day of the last dated record of the community (cypher/graph/data-range), so a community whose
 * records stop (the demo ends on 2025-12-31) is judged as of its last records rather than a year of
 * nothing; a community without dated records, the end of today.
 */
import { dataRange } from '../../db/repositories/graph.ts';
import type { ServiceContext } from '../context.ts';
import { projectionCache } from './cache.ts';

const DAY_MS = 86_400_000;
export const YEAR_MS = 365 * DAY_MS;

const endOfDay = (t: number) => new Date(Math.floor(t / DAY_MS) * DAY_MS + DAY_MS);

const ranges = projectionCache<{ first: Date | null; last: Date | null }>();

/** The community's first and last dated record (a scan of its residents' relationships), cached per data version. */
export const communityRange = (ctx: ServiceContext, communityId: string) => ranges(ctx, communityId, () => dataRange(ctx.db, communityId));

export async function defaultAsOf(ctx: ServiceContext, communityId: string): Promise<Date> {
  const { last } = await communityRange(ctx, communityId);
  return endOfDay((last ?? ctx.now()).getTime());
}
