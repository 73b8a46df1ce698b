import { notFound } from '../../domain/errors.ts';
import type { NodeLabel } from '../../domain/model.ts';
import type { Tx } from '../../db/database.ts';
import { getNodes } from '../../db/repositories/nodes.ts';
import type { NodeRecord } from '../../db/repositories/records.ts';
import type { ServiceContext } from '../context.ts';
import { requireScope } from '../guard.ts';

/** Reads the node a mutation is about inside its transaction: NOT_FOUND or FORBIDDEN before any write. */
export async function loadForWrite(ctx: ServiceContext, tx: Tx, label: NodeLabel, id: string, path: (string | number)[]): Promise<NodeRecord> {
  const [node] = await getNodes(tx, label, [id]);
  if (!node) throw notFound(label, id, path);
  requireScope(ctx.principal, node.communityId);
  return node;
}
