/** Node reads and writes for every label of the model, through the generic cypher/nodes/* templates. */
import { NODE_LABELS, REL_SPECS, type EdgeField, type NodeLabel } from '../../domain/model.ts';
import type { Plain } from '../../domain/records.ts';
import type { Tx } from '../database.ts';
import { asNode, asNodeOf, asRel, type NodeRecord, type Props, type RelRecord } from './records.ts';

export interface ListQuery {
  communityIds: string[] | null;
  in: { key: string; values: unknown[] }[];
  eq: { key: string; value: unknown }[];
  ranges: { key: string; from: Date | null; to: Date | null }[];
  searchKey: string;
  search: string | null;
  after: string | null;
  limit: number;
}

const slot = (label: NodeLabel) => ({ label });

export async function createNode(tx: Tx, label: NodeLabel, args: { id: string; communityId: string; props: Props; now: Date }): Promise<NodeRecord | null> {
  const rows = label === 'Community'
    ? await tx.run('nodes/create-community', { id: args.id, props: args.props, now: args.now })
    : await tx.run('nodes/create-node', args, slot(label));
  return rows[0] ? asNodeOf(label, rows[0].node) : null;
}

export async function updateNode(tx: Tx, label: NodeLabel, id: string, props: Props, now: Date): Promise<NodeRecord | null> {
  const rows = await tx.run('nodes/update-node', { id, props, now }, slot(label));
  return rows[0] ? asNodeOf(label, rows[0].node) : null;
}

export async function deleteNode(tx: Tx, label: NodeLabel, id: string): Promise<boolean> {
  const rows = await tx.run('nodes/delete-node', { id }, slot(label));
  return Number(rows[0]?.deleted ?? 0) > 0;
}

export async function countCommunityMembers(tx: Tx, communityId: string): Promise<number> {
  const labels = NODE_LABELS.filter((l) => l !== 'Community').join('|');
  const rows = await tx.run('nodes/count-community-members', { communityId }, { labels });
  return Number(rows[0]?.total ?? 0);
}

export async function getNodes(tx: Tx, label: NodeLabel, ids: readonly string[]): Promise<NodeRecord[]> {
  const rows = await tx.run('nodes/get-nodes', { ids }, slot(label));
  return rows.map((r) => asNodeOf(label, r.node));
}

export interface NodeWithEdges {
  node: NodeRecord;
  /** Per field, in the order asked, the relationships and the nodes at their other ends. */
  edges: { rel: RelRecord; node: NodeRecord }[][];
}

/**
 * Nodes by id with the relationships of `fields`, in one statement. The fields must differ in type
 * or direction (the returned type tells them apart); a relationship whose other end carries none of
 * the field's labels is not the field's (MEMBER_OF joins residents to organisations and
 * organisations to joint conferences), as rels/list-out and list-in would not return it either.
 */
export async function getNodesWithEdges(tx: Tx, label: NodeLabel, ids: readonly string[], fields: readonly EdgeField[]): Promise<NodeWithEdges[]> {
  const typesOf = (direction: 'out' | 'in') => fields.filter((f) => f.direction === direction).map((f) => REL_SPECS[f.kind].type);
  const rows = await tx.run('nodes/get-nodes-with-edges', { ids, outTypes: typesOf('out'), inTypes: typesOf('in') }, slot(label));
  return rows.map((row) => ({
    node: asNodeOf(label, row.node),
    edges: fields.map((field) => {
      const spec = REL_SPECS[field.kind];
      const others: readonly string[] = field.direction === 'out' ? spec.to : spec.from;
      const found = (field.direction === 'out' ? row.outEdges : row.inEdges) as { type: string; rel: Plain; node: Plain; labels: Plain }[];
      return found.flatMap((e) => {
        if (e.type !== spec.type) return [];
        const node = asNode(e.node, e.labels);
        return node && others.includes(node._label) ? [{ rel: asRel(field.kind, e.rel), node }] : [];
      });
    }),
  }));
}

export async function listNodes(tx: Tx, label: NodeLabel, query: ListQuery): Promise<NodeRecord[]> {
  const rows = await tx.run(query.communityIds === null ? 'nodes/list-nodes' : 'nodes/list-nodes-in-communities', { ...query }, slot(label));
  return rows.map((r) => asNodeOf(label, r.node));
}

export async function countNodes(tx: Tx, label: NodeLabel, query: ListQuery): Promise<number> {
  const { after: _after, limit: _limit, ...rest } = query;
  const rows = await tx.run(rest.communityIds === null ? 'nodes/count-nodes' : 'nodes/count-nodes-in-communities', rest, slot(label));
  return Number(rows[0]?.total ?? 0);
}

export interface StateChange {
  id: string;
  field: string;
  from: string | null;
  to: string;
  at: Date;
  evidence: string | null;
}

export async function changeState(tx: Tx, label: NodeLabel, nodeId: string, change: StateChange, now: Date): Promise<NodeRecord | null> {
  const rows = await tx.run(
    'nodes/change-state',
    { id: nodeId, patch: { [change.field]: change.to }, changeId: change.id, field: change.field, from: change.from, to: change.to, at: change.at, evidence: change.evidence, now },
    slot(label),
  );
  return rows[0] ? asNodeOf(label, rows[0].node) : null;
}

export async function getHistory(tx: Tx, label: NodeLabel, ids: readonly string[]): Promise<{ key: string; change: StateChange }[]> {
  const rows = await tx.run('nodes/get-history', { ids }, slot(label));
  return rows.map((r) => ({ key: String(r.key), change: r.change as unknown as StateChange }));
}
