import { notFound } from '../../domain/errors.ts';
import { inScope } from '../../domain/permissions.ts';
import type { NodeLabel } from '../../domain/model.ts';
import type { Tx } from '../../db/database.ts';
import { getNodes } from '../../db/repositories/nodes.ts';
import type { NodeRecord } from '../../db/repositories/records.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Reads the node a mutation is about inside its transaction: NOT_FOUND before any write. A node of
 * a community outside the caller's scope is answered exactly as a missing one, so that a mutation
 * cannot be used to learn which ids exist elsewhere.
 */
export async function loadForWrite(ctx: ServiceContext, tx: Tx, label: NodeLabel, id: string, path: (string | number)[]): Promise<NodeRecord> {
  const [node] = await getNodes(tx, label, [id]);
  if (!node || !inScope(ctx.principal, node.communityId)) throw notFound(label, id, path);
  return node;
}
