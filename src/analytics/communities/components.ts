/**
 * Connected components and the atomisation measure.
 *
 * Components by breadth-first search (Hopcroft & Tarjan 1973, "Algorithm 447: efficient algorithms
 * for graph manipulation", CACM 16(6)); a directed graph's edges are followed both ways (weak
 * components). Atomisation, as DESIGN.md's publicness index uses it, is the share of nodes outside
 * the largest component: 0 when everyone is reachable from everyone, close to 1 when residents fall
 * apart into isolates and small cliques.
 */
import { checkGraph, denseIndex, type AnyGraph } from '../bridging/shared.ts';

const MODULE = 'communities/components';

export interface ComponentsResult {
  /** Number of components (an isolate is a component of size 1). */
  count: number;
  /** Component sizes, largest first. */
  sizes: number[];
  /** Size of the largest component (0 for an empty graph). */
  largest: number;
  /** Number of isolates (nodes without a neighbour). */
  isolates: number;
  /** Share of nodes outside the largest component: 1 − largest / order; 0 for an empty graph. */
  outsideLargestShare: number;
  /** Node → component number, 0 being the largest; ties in size keep the graph's node order. */
  membership: Record<string, number>;
}

export function connectedComponents(graph: AnyGraph): ComponentsResult {
  checkGraph(MODULE, graph);
  const { nodes, index } = denseIndex(graph);
  const label = new Int32Array(nodes.length).fill(-1);
  const members: number[][] = [];
  for (let start = 0; start < nodes.length; start += 1) {
    if (label[start] !== -1) continue;
    const component = members.length;
    const queue = [start];
    label[start] = component;
    for (let head = 0; head < queue.length; head += 1) {
      graph.forEachNeighbor(nodes[queue[head]!]!, (neighbour) => {
        const j = index.get(neighbour)!;
        if (label[j] === -1) {
          label[j] = component;
          queue.push(j);
        }
      });
    }
    members.push(queue);
  }
  // Stable sort: equal sizes stay in order of their first node.
  const order = members.map((_, c) => c).sort((a, b) => members[b]!.length - members[a]!.length);
  const rank = new Int32Array(members.length);
  order.forEach((c, r) => { rank[c] = r; });
  const membership: Record<string, number> = {};
  nodes.forEach((node, i) => { membership[node] = rank[label[i]!]!; });
  const sizes = order.map((c) => members[c]!.length);
  const largest = sizes[0] ?? 0;
  let isolates = 0;
  for (const node of nodes) if (graph.degreeWithoutSelfLoops(node) === 0) isolates += 1;
  return {
    count: sizes.length,
    sizes,
    largest,
    isolates,
    outsideLargestShare: nodes.length === 0 ? 0 : 1 - largest / nodes.length,
    membership,
  };
}
