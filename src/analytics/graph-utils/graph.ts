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
