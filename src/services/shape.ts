/** What a caller may see of a node: researchers get a stable pseudonym instead of the display name. */
import { createHash } from 'node:crypto';
import { seesPseudonymsOnly, type Principal } from '../domain/permissions.ts';
import type { NodeRecord } from '../db/repositories/records.ts';

export function pseudonym(id: string, salt = ''): string {
  return `R-${createHash('sha256').update(`${salt}${id}`).digest('hex').slice(0, 10)}`;
}

export function shapeNode(p: Principal, node: NodeRecord): NodeRecord {
  if (node._label === 'Resident' && seesPseudonymsOnly(p)) return { ...node, displayName: pseudonym(node.id) };
  return node;
}
