/** zod schemas built once per label or kind (building them is not free and they never change). */
import type { z } from 'zod';
import { NODE_LABELS, REL_KINDS, type NodeLabel, type RelKind } from '../domain/model.ts';
import { addRelSchema, createNodeSchema, filterSchema, updateNodeSchema } from '../schema/inputs.ts';

function cache<K extends string, S>(keys: readonly K[], make: (k: K) => S): Record<K, S> {
  return Object.fromEntries(keys.map((k) => [k, make(k)])) as Record<K, S>;
}

export const createSchemas: Record<NodeLabel, z.ZodType> = cache(NODE_LABELS, createNodeSchema);
export const updateSchemas: Record<NodeLabel, z.ZodType> = cache(NODE_LABELS, updateNodeSchema);
export const filterSchemas: Record<NodeLabel, z.ZodType> = cache(NODE_LABELS, filterSchema);
export const addSchemas: Record<RelKind, z.ZodType> = cache(REL_KINDS, addRelSchema);
