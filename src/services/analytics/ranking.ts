/** Ranked lists of nodes: competition ranks ("1224"), ties broken by id so pages are stable. */
import type { AbstractGraph } from 'graphology-types';
import { isCSR, type CSR } from '../../analytics/graph-utils/csr.ts';

export interface NodeRef {
  /** The node's id (the projection's key). */
  nodeId: string;
  /** Its label, so the API can resolve the node. */
  label: string;
}

export interface Ranked extends NodeRef {
  rank: number;
  score: number;
}

export function nodeRef(graph: AbstractGraph, key: string): NodeRef {
  const attrs = graph.getNodeAttributes(key);
  const label = typeof attrs.label === 'string' ? attrs.label : 'Resident';
  // FULL renames a key that two labels share to `Label:id`; the node's own id is what the API resolves.
  const nodeId = typeof attrs.id === 'string' ? attrs.id : key;
  return { nodeId, label };
}

/** Group numbers renumbered by group size, largest = 0 (equal sizes: smaller old number first). */
export function numberBySize(membership: Record<string, number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const g of Object.values(membership)) counts.set(g, (counts.get(g) ?? 0) + 1);
  const order = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return new Map(order.map(([g], i) => [g, i]));
}

const byId = (a: { nodeId: string }, b: { nodeId: string }) => (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0);

/** Sorts by score (descending unless `ascending`), nulls last, and numbers the ranks. */
export function rankBy<T extends NodeRef>(items: T[], score: (item: T) => number | null, ascending = false): (T & { rank: number })[] {
  const sign = ascending ? 1 : -1;
  const sorted = [...items].sort((a, b) => {
    const x = score(a);
    const y = score(b);
    if (x === null || y === null) return x === y ? byId(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byId(a, b);
  });
  const out: (T & { rank: number })[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const same = i > 0 && score(sorted[i]!) === score(sorted[i - 1]!);
    out.push({ ...sorted[i]!, rank: same ? out[i - 1]!.rank : i + 1 });
  }
  return out;
}

/**
 * Ranks per-node values of a projection: a graph (each node's id and label from its attributes) or
 * the tie network's CSR arrays (every node a resident, keyed by its id).
 */
export function rankValues(network: AbstractGraph | CSR, values: Record<string, number>, ascending = false): Ranked[] {
  const items = isCSR(network)
    ? network.ids.map((nodeId) => ({ nodeId, label: 'Resident', score: values[nodeId]! }))
    : Object.entries(values).map(([key, score]) => ({ ...nodeRef(network, key), score }));
  return rankBy(items, (i) => i.score, ascending);
}
