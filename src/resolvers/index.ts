/** All resolvers, merged per root type. */
import { identityResolvers } from './identity.ts';
import { nodeResolvers } from './nodes.ts';
import { relationshipResolvers } from './relationships.ts';
import { systemResolvers } from './system.ts';
import { transitionResolvers } from './transitions.ts';
import type { ResolverMap } from './context.ts';

export function resolvers(): ResolverMap {
  const merged: ResolverMap = {};
  for (const part of [systemResolvers(), nodeResolvers(), relationshipResolvers(), transitionResolvers(), identityResolvers()]) {
    for (const [type, fields] of Object.entries(part)) {
      merged[type] = type === 'DateTime' ? fields : { ...(merged[type] ?? {}), ...fields };
    }
  }
  return merged;
}
