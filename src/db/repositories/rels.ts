/** Relationship reads and writes for every kind of the model, through cypher/rels/* templates. */
import { REL_SPECS, type NodeLabel, type RelKind } from '../../domain/model.ts';
import type { Tx } from '../database.ts';
import type { EdgeRow } from '../../domain/records.ts';
import { asNode, asRel, type NodeRecord, type Props, type RelRecord } from './records.ts';

export type { EdgeRow };

const labels = (list: readonly NodeLabel[]) => list.join('|');

function slots(kind: RelKind, from?: NodeLabel, to?: NodeLabel) {
  const spec = REL_SPECS[kind];
  return { from: from ?? labels(spec.from), to: to ?? labels(spec.to), type: spec.type };
}

export async function getEndpoints(tx: Tx, kind: RelKind, fromId: string, toId: string): Promise<{ from: NodeRecord | null; to: NodeRecord | null }> {
  const rows = await tx.run('rels/get-endpoints', { fromId, toId }, slots(kind));
  const row = rows[0];
  return { from: row ? asNode(row.from, row.fromLabels) : null, to: row ? asNode(row.to, row.toLabels) : null };
}

export async function createRel(tx: Tx, kind: RelKind, args: { id: string; fromId: string; toId: string; props: Props; now: Date }): Promise<RelRecord | null> {
  const rows = await tx.run('rels/create-rel', args, slots(kind));
  return rows[0] ? asRel(kind, rows[0].rel) : null;
}

/** Whether a relationship of the kind's type already has this id (anywhere: ids are unique per type). */
export async function relExists(tx: Tx, kind: RelKind, id: string): Promise<boolean> {
  const rows = await tx.run('rels/rel-exists', { id }, { type: REL_SPECS[kind].type });
  return Number(rows[0]?.found ?? 0) > 0;
}

export interface RelWithEnds {
  rel: RelRecord;
  from: NodeRecord;
  to: NodeRecord;
}

export async function getRel(tx: Tx, kind: RelKind, id: string): Promise<RelWithEnds | null> {
  const rows = await tx.run('rels/get-rel', { id }, slots(kind));
  const row = rows[0];
  if (!row) return null;
  const from = asNode(row.from, row.fromLabels);
  const to = asNode(row.to, row.toLabels);
  return from && to ? { rel: asRel(kind, row.rel), from, to } : null;
}

export async function endRel(tx: Tx, kind: RelKind, id: string, until: Date, now: Date): Promise<RelRecord | null> {
  const rows = await tx.run('rels/end-rel', { id, until, now }, slots(kind));
  return rows[0] ? asRel(kind, rows[0].rel) : null;
}

export async function deleteRel(tx: Tx, kind: RelKind, id: string): Promise<boolean> {
  const rows = await tx.run('rels/delete-rel', { id }, slots(kind));
  return Number(rows[0]?.removed ?? 0) > 0;
}


/** The relationships of one kind at a page of nodes of one label, in one statement. */
export async function listEdges(tx: Tx, kind: RelKind, direction: 'out' | 'in', at: NodeLabel, ids: readonly string[]): Promise<EdgeRow[]> {
  const rows = direction === 'out'
    ? await tx.run('rels/list-out', { ids }, slots(kind, at))
    : await tx.run('rels/list-in', { ids }, slots(kind, undefined, at));
  return rows.flatMap((r) => {
    const node = asNode(r.node, r.labels);
    return node ? [{ key: String(r.key), rel: asRel(kind, r.rel), node }] : [];
  });
}
