/** Adds a relationship of one kind between two existing nodes, both in the caller's communities. */
import { badInput, notFound } from '../../domain/errors.ts';
import { inScope, mayWriteRel } from '../../domain/permissions.ts';
import { REL_SPECS, type PropSpec, type RelKind, type RelSpec } from '../../domain/model.ts';
import { endsProblem } from '../../domain/storable.ts';
import { createRel, getEndpoints, relExists } from '../../db/repositories/rels.ts';
import type { NodeRecord, Props, RelRecord } from '../../db/repositories/records.ts';
import type { ServiceContext } from '../context.ts';
import { idTaken, requireRole } from '../guard.ts';
import { newId } from '../ids.ts';
import { shapeNode } from '../shape.ts';

export type RelWithNodes = RelRecord & { _from: NodeRecord; _to: NodeRecord };

export async function addRel(
  ctx: ServiceContext,
  kind: RelKind,
  ends: { fromId: string; toId: string; fromPath: string; toPath: string },
  input: Record<string, unknown>,
): Promise<RelWithNodes> {
  const spec = REL_SPECS[kind];
  requireRole(mayWriteRel(ctx.principal, kind), ctx.principal, `add ${spec.gql.typeName}`);
  // Judged on the ids alone, before any lookup: the answer says nothing about what is stored.
  const loop = endsProblem(kind, ends.fromId, ends.toId);
  if (loop) throw badInput(loop.reason, ['input', ends.toPath]);
  const props: Props = {};
  const names = [...(spec.time === 'span' ? ['since', 'until'] : ['at']), ...Object.keys(spec.props as Record<string, PropSpec>)];
  for (const name of names) {
    const v = input[name];
    if (v !== undefined && v !== null) props[name] = v as Props[string];
  }
  const id = (input.id as string | undefined) ?? newId(spec.type);
  return ctx.db.write(async (tx) => {
    const { from, to } = await getEndpoints(tx, kind, ends.fromId, ends.toId);
    // An end outside the caller's communities is answered as a missing one (no existence oracle).
    if (!from || !inScope(ctx.principal, from.communityId)) throw notFound(spec.from.join('/'), ends.fromId, ['input', ends.fromPath]);
    if (!to || !inScope(ctx.principal, to.communityId)) throw notFound(spec.to.join('/'), ends.toId, ['input', ends.toPath]);
    const same: RelSpec['sameCommunity'] = (spec as RelSpec).sameCommunity;
    if (same && from.communityId !== to.communityId) throw badInput(`${same.en} / ${same.zh}`, ['input', ends.toPath]);
    if (await relExists(tx, kind, id)) throw idTaken(spec.gql.typeName, id);
    const rel = (await createRel(tx, kind, { id, fromId: ends.fromId, toId: ends.toId, props, now: ctx.now() }))!;
    return { ...rel, _from: shapeNode(ctx, from), _to: shapeNode(ctx, to) };
  });
}
