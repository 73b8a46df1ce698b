/**
 * The graph type every analytics module accepts, the checks of it, and a dense numbering of its
 * nodes. No algorithm lives here.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';

/** Any graphology graph; the tie network (TieGraph) and the full network are both accepted. */
export type AnyGraph<N extends Attributes = Attributes, E extends Attributes = Attributes> = AbstractGraph<N, E, Attributes>;

export function checkGraph(module: string, graph: unknown): void {
  const g = graph as { order?: unknown; forEachNode?: unknown } | null;
  if (g === null || typeof g !== 'object' || typeof g.order !== 'number' || typeof g.forEachNode !== 'function') {
    throw new Error(`${module}: expected a graphology graph`);
  }
}

export function requireUndirected(module: string, graph: AnyGraph): void {
  if (graph.type !== 'undirected') throw new Error(`${module}: graph must be undirected (got ${graph.type})`);
}

/** Nodes numbered 0..n−1 in the graph's node order. */
export interface DenseIndex {
  nodes: string[];
  index: Map<string, number>;
}

export function denseIndex(graph: AnyGraph): DenseIndex {
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node, i));
  return { nodes, index };
}

/**
 * The nodes numbered as denseIndex numbers them and every edge as a pair of those numbers, in the
 * graph's edge order (ends[2e], ends[2e + 1]; self-loops included). Made in one walk of the graph, so
 * that several unweighted measures of one large graph (the reweaving report's components, clustering
 * and Louvain) share it instead of each walking graphology's edges and looking up both ends by id.
 */
export interface EdgeList extends DenseIndex {
  ends: Int32Array;
}

export function edgeList(graph: AnyGraph): EdgeList {
  const { nodes, index } = denseIndex(graph);
  const ends = new Int32Array(2 * graph.size);
  let k = 0;
  graph.forEachEdge((_e, _a, source, target) => {
    ends[k] = index.get(source)!;
    ends[k + 1] = index.get(target)!;
    k += 2;
  });
  return { nodes, index, ends: k === ends.length ? ends : ends.subarray(0, k) };
}
