/** The analytics resolvers: queries and their result types. */
import type { ResolverMap } from '../context.ts';
import { columnScalars } from './columns.ts';
import { analyticsQueries } from './queries.ts';
import { analyticsTypes } from './types.ts';

export function analyticsResolvers(): ResolverMap {
  return { Query: analyticsQueries, ...analyticsTypes, ...columnScalars } as unknown as ResolverMap;
}
