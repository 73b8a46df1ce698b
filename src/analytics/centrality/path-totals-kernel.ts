/**
 * Per-source distance totals for closeness and harmonic centrality: how many nodes a source reaches,
 * the sum of their distances (Freeman 1979 closeness) and the sum of their inverse distances
 * (Marchiori & Latora 2000 harmonic centrality).
 *
 * Unweighted ('hops'): a level-by-level BFS. Nodes found at level ℓ all lie at distance ℓ, so the
 * totals need one multiply-add per level, not per node, and no distance array at all: a node is
 * "seen" when its stamp equals the current search's, so nothing is reset between sources.
 * Weighted: Dijkstra (graph-utils/shortest-paths.ts), summed per node as NetworkX does.
 */
import { ShortestPaths } from '../graph-utils/shortest-paths.ts';
import type { CSRArrays } from './source-kernel.ts';

export interface PathTotalsWorkspace {
  readonly seen: Int32Array;
  readonly queue: Int32Array;
  stamp: number;
  readonly search: ShortestPaths | null;
  /** results of the last `searchTotals` */
  reached: number;
  total: number;
  inverse: number;
}

export function pathTotalsWorkspace(csr: CSRArrays, lengths: Float64Array | null): PathTotalsWorkspace {
  return {
    seen: new Int32Array(csr.order),
    queue: new Int32Array(csr.order),
    stamp: 0,
    search: lengths ? new ShortestPaths(csr, lengths) : null,
    reached: 0,
    total: 0,
    inverse: 0,
  };
}

/** Search from `source`; leaves reached (source included), total and inverse in the workspace. */
export function searchTotals(csr: CSRArrays, source: number, ws: PathTotalsWorkspace): void {
  if (ws.search) weightedTotals(source, ws, ws.search);
  else hopTotals(csr, source, ws);
}

function hopTotals(csr: CSRArrays, source: number, ws: PathTotalsWorkspace): void {
  const { offsets, targets } = csr;
  const { seen, queue } = ws;
  if (ws.stamp === 0x7fffffff) {
    seen.fill(0);
    ws.stamp = 0;
  }
  const stamp = (ws.stamp += 1);
  seen[source] = stamp;
  queue[0] = source;
  let head = 0;
  let tail = 1;
  let level = 0;
  let total = 0;
  let inverse = 0;
  while (head < tail) {
    const levelEnd = tail;
    level += 1;
    while (head < levelEnd) {
      const v = queue[head]!;
      head += 1;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k += 1) {
        const w = targets[k]!;
        if (seen[w] !== stamp) {
          seen[w] = stamp;
          queue[tail] = w;
          tail += 1;
        }
      }
    }
    const found = tail - levelEnd;
    total += found * level;
    inverse += found / level;
  }
  ws.reached = tail;
  ws.total = total;
  ws.inverse = inverse;
}

function weightedTotals(source: number, ws: PathTotalsWorkspace, search: ShortestPaths): void {
  search.run(source);
  const { dist, order } = search;
  let total = 0;
  let inverse = 0;
  for (let j = 1; j < search.reached; j += 1) {
    const d = dist[order[j]!]!;
    total += d;
    inverse += 1 / d;
  }
  ws.reached = search.reached;
  ws.total = total;
  ws.inverse = inverse;
}
