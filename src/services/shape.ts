/**
 * What a caller may see of a node. Researchers get a pseudonym instead of the display name: an
 * HMAC of the id under the deployment's secret, so it is stable for one deployment but cannot be
 * recomputed from an id without the secret.
 */
import { createHmac } from 'node:crypto';
import { seesPseudonymsOnly } from '../domain/permissions.ts';
import type { NodeRecord } from '../domain/records.ts';
import type { ServiceContext } from './context.ts';

export function pseudonym(id: string, secret: string, prefix = 'R-'): string {
  return `${prefix}${createHmac('sha256', secret).update(id).digest('hex').slice(0, 10)}`;
}

export function shapeNode(ctx: Pick<ServiceContext, 'principal' | 'pseudonymSecret'>, node: NodeRecord): NodeRecord {
  if (node._label === 'Resident' && seesPseudonymsOnly(ctx.principal)) return { ...node, displayName: pseudonym(node.id, ctx.pseudonymSecret) };
  return node;
}
