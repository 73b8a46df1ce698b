import { notFound } from '../../domain/errors.ts';
import { mayWriteNode } from '../../domain/permissions.ts';
import type { NodeLabel } from '../../domain/model.ts';
import { createNode as insert, getNodes } from '../../db/repositories/nodes.ts';
import type { NodeRecord } from '../../db/repositories/records.ts';
import type { ServiceContext } from '../context.ts';
import { idTaken, requireRole, requireScope } from '../guard.ts';
import { newId } from '../ids.ts';
import { propsForCreate } from './props.ts';
import { shapeNode } from '../shape.ts';

export async function createNode(ctx: ServiceContext, label: NodeLabel, input: Record<string, unknown>): Promise<NodeRecord> {
  requireRole(mayWriteNode(ctx.principal, label), ctx.principal, `create ${label}`);
  const id = (input.id as string | undefined) ?? newId(label);
  const communityId = label === 'Community' ? id : String(input.communityId);
  requireScope(ctx.principal, communityId);
  const props = propsForCreate(label, input);
  const node = await ctx.db.write(async (tx) => {
    // Checked before the CREATE so that the answer is ours, not the unique constraint's (whose text
    // names the stored node), and the same whichever community holds the id.
    if ((await getNodes(tx, label, [id])).length > 0) throw idTaken(label, id);
    const created = await insert(tx, label, { id, communityId, props, now: ctx.now() });
    if (!created) throw notFound('Community', communityId, ['input', 'communityId']);
    return created;
  });
  return shapeNode(ctx, node);
}
