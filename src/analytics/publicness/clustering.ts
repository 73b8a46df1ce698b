/**
 * Average clustering coefficient of an undirected graph, unweighted — Watts & Strogatz (1998),
 * "Collective dynamics of 'small-world' networks", Nature 393: 440–442. A node's coefficient is the
 * share of pairs of its neighbours that are tied, 0 for a node of degree < 2; the average is over
 * every node, as NetworkX's `average_clustering` (count_zeros=True). Triangles are counted by merging
 * sorted neighbour lists, O(Σ_edges min-degree).
 */
import { checkGraph, denseIndex, requireUndirected, type AnyGraph } from '../graph-utils/graph.ts';

const MODULE = 'publicness/clustering';

export function averageClustering(graph: AnyGraph): number | null {
  checkGraph(MODULE, graph);
  requireUndirected(MODULE, graph);
  const { nodes, index } = denseIndex(graph);
  const n = nodes.length;
  if (n === 0) return null;
  const neighbours: number[][] = nodes.map(() => []);
  graph.forEachEdge((_, __, source, target) => {
    const i = index.get(source)!;
    const j = index.get(target)!;
    if (i === j) return;
    neighbours[i]!.push(j);
    neighbours[j]!.push(i);
  });
  const sorted = neighbours.map((list) => Int32Array.from(new Set(list)).sort());
  const triangles = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const a = sorted[i]!;
    for (const j of a) {
      if (j <= i) continue;
      const b = sorted[j]!;
      // Common neighbours k > j close a triangle i < j < k, counted once and credited to all three.
      let x = 0;
      let y = 0;
      while (x < a.length && y < b.length) {
        if (a[x]! < b[y]!) x += 1;
        else if (a[x]! > b[y]!) y += 1;
        else {
          const k = a[x]!;
          if (k > j) {
            triangles[i] = triangles[i]! + 1;
            triangles[j] = triangles[j]! + 1;
            triangles[k] = triangles[k]! + 1;
          }
          x += 1;
          y += 1;
        }
      }
    }
  }
  let sum = 0;
  for (let i = 0; i < n; i += 1) {
    const d = sorted[i]!.length;
    if (d >= 2) sum += (2 * triangles[i]!) / (d * (d - 1));
  }
  return sum / n;
}
