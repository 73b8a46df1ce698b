/**
 * The default instant of the cultivation analytics that look back a year from `asOf`: the end of the
 * UTC day of the last dated record of the community (cypher/graph/data-range), so a community whose
 * records stop (the demo ends on 2025-12-31) is judged as of its last records rather than a year of
 * nothing; a community without dated records, the end of today.
 */
import { dataRange } from '../../db/repositories/graph.ts';
import type { ServiceContext } from '../context.ts';

const DAY_MS = 86_400_000;
export const YEAR_MS = 365 * DAY_MS;

const endOfDay = (t: number) => new Date(Math.floor(t / DAY_MS) * DAY_MS + DAY_MS);

export async function defaultAsOf(ctx: ServiceContext, communityId: string): Promise<Date> {
  const { last } = await dataRange(ctx.db, communityId);
  return endOfDay((last ?? ctx.now()).getTime());
}
