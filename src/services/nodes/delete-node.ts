import { ReweaveError } from '../../domain/errors.ts';
import { mayWriteNode } from '../../domain/permissions.ts';
import type { NodeLabel } from '../../domain/model.ts';
import { countCommunityMembers, deleteNode as remove } from '../../db/repositories/nodes.ts';
import type { ServiceContext } from '../context.ts';
import { requireRole } from '../guard.ts';
import { loadForWrite } from './load-for-write.ts';

/** Deletes a node with its relationships (and a resident's identifying details). A community must be empty first. */
export async function deleteNode(ctx: ServiceContext, label: NodeLabel, id: string): Promise<{ id: string; deleted: boolean }> {
  requireRole(mayWriteNode(ctx.principal, label), ctx.principal, `delete ${label}`);
  return ctx.db.write(async (tx) => {
    await loadForWrite(ctx, tx, label, id, ['id']);
    if (label === 'Community') {
      const members = await countCommunityMembers(tx, id);
      if (members > 0) {
        throw new ReweaveError('CONFLICT', `Community ${id} still holds ${members} nodes; delete them first / 社区内仍有 ${members} 个节点`, { path: ['id'] });
      }
    }
    return { id, deleted: await remove(tx, label, id) };
  });
}
