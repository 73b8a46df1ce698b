/**
 * Single-source shortest paths over a CSR, with path counts, for the path-based centralities.
 *
 * - BFS for unweighted graphs; Dijkstra (1959) with a binary heap and lazy deletion for positive
 *   lengths. Both record σ (the number of shortest paths from the source, as in Brandes 2001, "A
 *   faster algorithm for betweenness centrality", J. Math. Sociol. 25(2)) and the nodes in the order
 *   they were settled (non-decreasing distance), which is what Brandes' accumulation walks back.
 * - Equal-length paths are recognised by exact equality of the summed lengths, as NetworkX does
 *   (`vw_dist == seen[w]`), so ties break the same way on the same weights.
 * - All arrays are allocated once per instance and reset only where the last search touched them,
 *   so a run over every source allocates nothing per source.
 */
import type { CSR } from './csr.ts';

export class ShortestPaths {
  /** distance from the last source; Infinity where unreached */
  readonly dist: Float64Array;
  /** number of shortest paths from the last source */
  readonly sigma: Float64Array;
  /** settled nodes in order of non-decreasing distance; the first `reached` entries are valid */
  readonly order: Int32Array;
  reached = 0;
  private readonly done: Uint8Array;
  private readonly heapKeys: Float64Array;
  private readonly heapNodes: Int32Array;

  constructor(private readonly csr: Pick<CSR, 'order' | 'offsets' | 'targets'>, private readonly lengths: Float64Array | null) {
    const n = csr.order;
    this.dist = new Float64Array(n).fill(Infinity);
    this.sigma = new Float64Array(n);
    this.order = new Int32Array(n);
    this.done = new Uint8Array(lengths ? n : 0);
    // Each successful relaxation pushes once: at most one entry per stored arc, plus the source.
    const capacity = lengths ? csr.targets.length + 1 : 0;
    this.heapKeys = new Float64Array(capacity);
    this.heapNodes = new Int32Array(capacity);
  }

  /** Search from `source` (BFS or Dijkstra, as the instance was built). */
  run(source: number): void {
    this.reset();
    if (this.lengths) this.dijkstra(source, this.lengths);
    else this.bfs(source);
  }

  /** Is v the predecessor of w on a shortest path from the last source? (v a neighbour of w via arc k) */
  isPredecessor(v: number, w: number, k: number): boolean {
    return this.lengths ? this.dist[v]! + this.lengths[k]! === this.dist[w]! : this.dist[v]! === this.dist[w]! - 1;
  }

  private reset(): void {
    const { dist, sigma, order, done } = this;
    for (let i = 0; i < this.reached; i += 1) {
      const v = order[i]!;
      dist[v] = Infinity;
      sigma[v] = 0;
      if (done.length > 0) done[v] = 0;
    }
    this.reached = 0;
  }

  private bfs(source: number): void {
    const { offsets, targets } = this.csr;
    const { dist, sigma, order } = this;
    dist[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    let head = 0;
    let tail = 1;
    // The settle order doubles as the BFS queue.
    while (head < tail) {
      const v = order[head]!;
      head += 1;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k += 1) {
        const w = targets[k]!;
        const dw = dist[w]!;
        if (dw === Infinity) {
          dist[w] = next;
          sigma[w] = sv;
          order[tail] = w;
          tail += 1;
        } else if (dw === next) {
          sigma[w] = sigma[w]! + sv;
        }
      }
    }
    this.reached = tail;
  }

  private dijkstra(source: number, lengths: Float64Array): void {
    const { offsets, targets } = this.csr;
    const { dist, sigma, order, done, heapKeys, heapNodes } = this;
    let size = 0;
    const push = (key: number, node: number): void => {
      let i = size;
      size += 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heapKeys[parent]! <= key) break;
        heapKeys[i] = heapKeys[parent]!;
        heapNodes[i] = heapNodes[parent]!;
        i = parent;
      }
      heapKeys[i] = key;
      heapNodes[i] = node;
    };
    const pop = (): number => {
      const top = heapNodes[0]!;
      size -= 1;
      if (size > 0) {
        const key = heapKeys[size]!;
        const node = heapNodes[size]!;
        let i = 0;
        for (;;) {
          let child = 2 * i + 1;
          if (child >= size) break;
          if (child + 1 < size && heapKeys[child + 1]! < heapKeys[child]!) child += 1;
          if (heapKeys[child]! >= key) break;
          heapKeys[i] = heapKeys[child]!;
          heapNodes[i] = heapNodes[child]!;
          i = child;
        }
        heapKeys[i] = key;
        heapNodes[i] = node;
      }
      return top;
    };

    dist[source] = 0;
    sigma[source] = 1;
    push(0, source);
    let settled = 0;
    // The heap is drained, so every node given a distance is settled and listed in `order`:
    // reset() clears exactly what this search touched.
    while (size > 0) {
      const v = pop();
      if (done[v] === 1) continue;
      done[v] = 1;
      order[settled] = v;
      settled += 1;
      const dv = dist[v]!;
      const sv = sigma[v]!;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k += 1) {
        const w = targets[k]!;
        if (done[w] === 1) continue;
        const d = dv + lengths[k]!;
        const dw = dist[w]!;
        if (d < dw) {
          dist[w] = d;
          sigma[w] = sv;
          push(d, w);
        } else if (d === dw) {
          sigma[w] = sigma[w]! + sv;
        }
      }
    }
    this.reached = settled;
  }
}
