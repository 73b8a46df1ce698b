import { mayUpdateNode } from '../../domain/permissions.ts';
import type { NodeLabel } from '../../domain/model.ts';
import { updateNode as save } from '../../db/repositories/nodes.ts';
import type { NodeRecord } from '../../db/repositories/records.ts';
import type { ServiceContext } from '../context.ts';
import { requireRole } from '../guard.ts';
import { loadForWrite } from './load-for-write.ts';
import { completeUpdate, propsForUpdate } from './props.ts';
import { shapeNode } from '../shape.ts';

export async function updateNode(ctx: ServiceContext, label: NodeLabel, id: string, input: Record<string, unknown>): Promise<NodeRecord> {
  requireRole(mayUpdateNode(ctx.principal, label), ctx.principal, `update ${label}`);
  const patch = propsForUpdate(label, input);
  const node = await ctx.db.write(async (tx) => {
    const stored = await loadForWrite(ctx, tx, label, id, ['id']);
    return (await save(tx, label, id, completeUpdate(label, stored, patch), ctx.now()))!;
  });
  return shapeNode(ctx, node);
}
