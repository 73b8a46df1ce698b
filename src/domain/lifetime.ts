/**
 * When a node's lifetime starts. A row that gives `createdAt` records it; one that does not (a
 * roster imported without the column, a node created through the API) marks the node
 * `startUnknown`, and every projection counts it as present from the beginning until its endedAt
 * (src/graph/time.ts). Its createdAt then only says when the record was made: counting from it
 * would make every resident of a roster imported today vanish from every past window. A community
 * is always present and needs no mark.
 */
import type { NodeLabel } from './model.ts';

export const START_UNKNOWN = 'startUnknown';

export function startUnknown(label: NodeLabel, values: { createdAt?: unknown }): boolean {
  return label !== 'Community' && !(values.createdAt instanceof Date);
}
