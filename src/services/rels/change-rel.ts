/** Ends (sets `until`) or removes a relationship found by kind and id. */
import { badInput, notFound } from '../../domain/errors.ts';
import { inScope, mayWriteRel } from '../../domain/permissions.ts';
import { REL_SPECS, type RelKind } from '../../domain/model.ts';
import type { Tx } from '../../db/database.ts';
import { deleteRel, endRel as saveEnd, getRel, type RelWithEnds } from '../../db/repositories/rels.ts';
import type { ServiceContext } from '../context.ts';
import { requireRole } from '../guard.ts';

export interface RelRef {
  kind: RelKind;
  id: string;
  until: Date | null;
  removed: boolean;
}

async function loadRel(ctx: ServiceContext, tx: Tx, kind: RelKind, id: string): Promise<RelWithEnds> {
  const found = await getRel(tx, kind, id);
  // A relationship touching another community is answered as a missing one (no existence oracle).
  if (!found || !inScope(ctx.principal, found.from.communityId) || !inScope(ctx.principal, found.to.communityId)) {
    throw notFound(REL_SPECS[kind].gql.typeName, id, ['id']);
  }
  return found;
}

export async function endRel(ctx: ServiceContext, kind: RelKind, id: string, until: Date): Promise<RelRef> {
  const spec = REL_SPECS[kind];
  requireRole(mayWriteRel(ctx.principal, kind), ctx.principal, `end ${spec.gql.typeName}`);
  if (spec.time !== 'span') {
    throw badInput(`${spec.gql.typeName} is a dated event and cannot be ended; remove it instead / 事件类关系不能结束，只能删除`, ['kind']);
  }
  return ctx.db.write(async (tx) => {
    const { rel } = await loadRel(ctx, tx, kind, id);
    if (rel.since instanceof Date && until < rel.since) {
      throw badInput(`until is before since (${rel.since.toISOString()}) / 结束早于开始`, ['until']);
    }
    const ended = await saveEnd(tx, kind, id, until, ctx.now());
    return { kind, id, until: (ended?.until as Date | undefined) ?? until, removed: false };
  });
}

export async function removeRel(ctx: ServiceContext, kind: RelKind, id: string): Promise<RelRef> {
  requireRole(mayWriteRel(ctx.principal, kind), ctx.principal, `remove ${REL_SPECS[kind].gql.typeName}`);
  return ctx.db.write(async (tx) => {
    await loadRel(ctx, tx, kind, id);
    return { kind, id, until: null, removed: await deleteRel(tx, kind, id) };
  });
}
