/** All resolvers, merged per root type. */
import { GraphQLScalarType } from 'graphql';
import { analyticsResolvers } from './analytics/index.ts';
import { auditResolvers } from './audit.ts';
import { cultivationResolvers } from './cultivation.ts';
import { exportResolvers } from './export.ts';
import { importResolvers } from './import.ts';
import { matchingResolvers } from './matching.ts';
import { identityResolvers } from './identity.ts';
import { nodeResolvers } from './nodes.ts';
import { publicnessResolvers } from './publicness.ts';
import { relationshipResolvers } from './relationships.ts';
import { researchResolvers } from './research.ts';
import { systemResolvers } from './system.ts';
import { transitionResolvers } from './transitions.ts';
import type { ResolverMap } from './context.ts';

export function resolvers(): ResolverMap {
  const merged: ResolverMap = {};
  for (const part of [systemResolvers(), nodeResolvers(), relationshipResolvers(), transitionResolvers(), identityResolvers(), exportResolvers(), importResolvers(), analyticsResolvers(), matchingResolvers(), cultivationResolvers(), researchResolvers(), publicnessResolvers(), auditResolvers()]) {
    for (const [type, fields] of Object.entries(part)) {
      // A scalar is a class instance: keep it whole rather than spreading it into a field map.
      merged[type] = fields instanceof GraphQLScalarType ? fields : { ...(merged[type] ?? {}), ...fields };
    }
  }
  return merged;
}
