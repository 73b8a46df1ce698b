/** Moves a state property (cultivation stage, partner status, …) through an allowed transition, keeping history. */
import { badInput, ReweaveError } from '../../domain/errors.ts';
import { mayWriteNode } from '../../domain/permissions.ts';
import { allowedNext } from '../../domain/transitions.ts';
import type { NodeLabel } from '../../domain/model.ts';
import { changeState as record } from '../../db/repositories/nodes.ts';
import type { NodeRecord } from '../../db/repositories/records.ts';
import type { ServiceContext } from '../context.ts';
import { requireRole } from '../guard.ts';
import { newId } from '../ids.ts';
import { loadForWrite } from './load-for-write.ts';
import { readableNode, shapeNode } from '../shape.ts';

export interface TransitionInput {
  id: string;
  to: string;
  at?: Date | null;
  evidence?: string | null;
}

const mayChange = (label: NodeLabel, field: string) =>
  // Coordinators move projects through the claiming workflow and activate spaces; the rest is ADMIN's.
  (p: ServiceContext['principal']) => p.role === 'ADMIN' || (mayWriteNode(p, label) && (label === 'Project' || label === 'Space') && field === 'status');

export async function changeState(ctx: ServiceContext, label: NodeLabel, field: string, input: TransitionInput): Promise<NodeRecord> {
  requireRole(mayChange(label, field)(ctx.principal), ctx.principal, `change ${label}.${field}`);
  const node = await ctx.db.write(async (tx) => {
    // A stored state that is missing or not a term reads as the initial state (as every read shows
    // it), so the row can still move on and the change mends it.
    const current = readableNode(await loadForWrite(ctx, tx, label, input.id, ['input', 'id']));
    const from = String(current[field]);
    const allowed = allowedNext(label, field, from);
    if (!allowed.includes(input.to)) {
      const options = allowed.length > 0 ? allowed.join(', ') : 'none (final state / 终态)';
      throw badInput(`${label}.${field} cannot go from ${from} to ${input.to}; allowed: ${options} / 不允许的转换，可转为：${options}`, ['input', 'to'], { allowed });
    }
    const now = ctx.now();
    const changed = await record(tx, label, input.id, { id: newId('change'), field, from, to: input.to, at: input.at ?? now, evidence: input.evidence ?? null }, now);
    if (!changed) throw new ReweaveError('CONFLICT', `Community of ${label} ${input.id} is missing / 所属社区不存在`);
    return changed;
  });
  return shapeNode(ctx, node);
}
