/**
 * Bridges (cut edges): edges whose removal disconnects their endpoints — Tarjan (1974), "A note on
 * finding the bridges of a graph", Information Processing Letters 2(6), 160–161. One depth-first
 * search with low-links: tree edge (p, c) is a bridge iff low(c) > pre(p). Iterative, so a long
 * chain of residents cannot overflow the stack. The parent edge is skipped by its key, not by the
 * parent node, so of two parallel edges neither is a bridge (as in NetworkX's `bridges`).
 *
 * Undirected graphs only. Output is in order of discovery; NetworkX's order differs.
 */
import { checkGraph, denseIndex, requireUndirected, type AnyGraph } from '../graph-utils/graph.ts';

const MODULE = 'bridging/bridges';

export interface Bridge {
  edge: string;
  source: string;
  target: string;
}

export function bridges(graph: AnyGraph): Bridge[] {
  checkGraph(MODULE, graph);
  requireUndirected(MODULE, graph);
  const { nodes, index } = denseIndex(graph);
  const n = nodes.length;
  // Adjacency with edge keys; self-loops never matter for bridges.
  const adjacency: { to: number; edge: string }[][] = nodes.map(() => []);
  graph.forEachEdge((edge, _a, source, target) => {
    if (source === target) return;
    const i = index.get(source)!;
    const j = index.get(target)!;
    adjacency[i]!.push({ to: j, edge });
    adjacency[j]!.push({ to: i, edge });
  });
  const pre = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parentEdge: (string | null)[] = new Array<string | null>(n).fill(null);
  const cursor = new Int32Array(n);
  const found: Bridge[] = [];
  let clock = 0;
  for (let root = 0; root < n; root += 1) {
    if (pre[root] !== -1) continue;
    const stack = [root];
    pre[root] = low[root] = clock++;
    while (stack.length > 0) {
      const u = stack[stack.length - 1]!;
      const arcs = adjacency[u]!;
      if (cursor[u]! < arcs.length) {
        const { to, edge } = arcs[cursor[u]!]!;
        cursor[u] = cursor[u]! + 1;
        if (edge === parentEdge[u]) continue;
        if (pre[to] === -1) {
          parentEdge[to] = edge;
          pre[to] = low[to] = clock++;
          stack.push(to);
        } else if (pre[to]! < low[u]!) {
          low[u] = pre[to]!;
        }
      } else {
        stack.pop();
        const p = stack[stack.length - 1];
        if (p === undefined) continue;
        if (low[u]! < low[p]!) low[p] = low[u]!;
        if (low[u]! > pre[p]!) found.push({ edge: parentEdge[u]!, source: graph.source(parentEdge[u]!), target: graph.target(parentEdge[u]!) });
      }
    }
  }
  return found;
}
