/**
 * Average clustering coefficient of an undirected graph, unweighted — Watts & Strogatz (1998),
 * "Collective dynamics of 'small-world' networks", Nature 393: 440–442. A node's coefficient is the
 * share of pairs of its neighbours that are tied, 0 for a node of degree < 2; the average is over
 * every node, as NetworkX's `average_clustering` (count_zeros=True). Triangles are counted by merging
 * sorted neighbour lists, O(Σ_edges min-degree).
 */
import { checkGraph, edgeList, requireUndirected, type AnyGraph, type EdgeList } from '../graph-utils/graph.ts';

const MODULE = 'publicness/clustering';

/** `list`: the graph's edgeList, when the caller has made it for several measures. */
export function averageClustering(graph: AnyGraph, list?: EdgeList): number | null {
  checkGraph(MODULE, graph);
  requireUndirected(MODULE, graph);
  const { nodes, ends } = list ?? edgeList(graph);
  const n = nodes.length;
  if (n === 0) return null;
  const neighbours: number[][] = nodes.map(() => []);
  for (let e = 0; e < ends.length; e += 2) {
    const i = ends[e]!;
    const j = ends[e + 1]!;
    if (i === j) continue;
    neighbours[i]!.push(j);
    neighbours[j]!.push(i);
  }
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
