/**
 * The FULL network as a simple undirected graph, for analytics defined on such graphs (centrality,
 * communities, bridges, structural holes): every pair of nodes joined by any relationship, in either
 * direction, becomes one edge whose weight is the number of those relationships. Node attributes are
 * kept. Self-loops are dropped (no path uses one). This is the usual reading of a multiplex network
 * as one weighted graph (Wasserman & Faust 1994, "Social Network Analysis", §4.3 on multirelational
 * networks, aggregated by summing).
 */
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';

export function collapseToUndirected(graph: AbstractGraph): AbstractGraph {
  if (graph.type === 'undirected' && !graph.multi) return graph;
  const simple = new UndirectedGraph();
  graph.forEachNode((node, attrs) => simple.addNode(node, { ...attrs }));
  graph.forEachEdge((_, __, source, target) => {
    if (source === target) return;
    simple.updateEdge(source, target, (a: { weight?: number }) => ({ weight: (a.weight ?? 0) + 1 }));
  });
  return simple;
}
