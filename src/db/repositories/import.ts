/** Batched, idempotent writes for the importer (cypher/import/*): MERGE on stable ids, counts back. */
import { REL_SPECS, type NodeLabel, type RelKind } from '../../domain/model.ts';
import type { Tx } from '../database.ts';
import type { Props } from './records.ts';

export interface MergeCounts {
  created: number;
  updated: number;
  unchanged: number;
}

const counts = (rows: Record<string, unknown>[]): MergeCounts => ({
  created: Number(rows[0]?.created ?? 0),
  updated: Number(rows[0]?.updated ?? 0),
  unchanged: Number(rows[0]?.unchanged ?? 0),
});

export async function mergeNodes(tx: Tx, label: NodeLabel, rows: { id: string; communityId: string; props: Props }[], now: Date): Promise<MergeCounts> {
  return counts(await tx.run('import/merge-nodes', { rows, now }, { label }));
}

export async function mergeRels(tx: Tx, kind: RelKind, from: NodeLabel, to: NodeLabel, rows: { id: string; from: string; to: string; props: Props }[], now: Date): Promise<MergeCounts> {
  return counts(await tx.run('import/merge-rels', { rows, now }, { from, to, type: REL_SPECS[kind].type }));
}

export async function mergeChanges(tx: Tx, label: NodeLabel, rows: { id: string; nodeId: string; props: Props }[], now: Date): Promise<MergeCounts> {
  return counts(await tx.run('import/merge-changes', { rows, now }, { label }));
}

/** Which of these ids exist as nodes of the label, with their community. */
export async function findIds(tx: Tx, label: NodeLabel, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx.run('import/find-ids', { ids }, { label });
  return new Map(rows.map((r) => [String(r.id), String(r.communityId)]));
}
