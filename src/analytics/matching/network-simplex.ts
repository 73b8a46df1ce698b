/**
 * Minimum-cost circulation by the primal network simplex method (Dantzig 1951, "Application of the
 * simplex method to a transportation problem", in Koopmans (ed.), Activity Analysis of Production
 * and Allocation; the tree form of Ahuja, Magnanti & Orlin 1993, "Network Flows", ch. 11).
 *
 * The basis is a spanning tree rooted at an artificial node joined to every node by an arc of cost 0
 * that starts with no flow (every supply is 0 in a circulation), so the first tree is feasible. A
 * pivot brings in a non-tree arc whose reduced cost cost + π(tail) − π(head) has the wrong sign for
 * its bound, pushes flow round the cycle it closes with the tree, and drops the cycle's blocking arc.
 *
 * - Entering arc: block search (Grigoriadis 1986, "An efficient implementation of the network
 *   simplex method", Math. Programming Study 26; the default pivot rule of LEMON's NetworkSimplex,
 *   Kovács 2015, "Minimum-cost flow algorithms: an experimental evaluation", Optim. Methods Softw.
 *   30(1)): arcs are scanned in blocks of about √arcs from where the last search stopped, and the
 *   most violating arc of the first block that has one enters. Within a block the first of equally
 *   violating arcs wins, so the result depends only on the arc order.
 * - Leaving arc: of the blocking arcs, the last one met going round the cycle in the direction of
 *   the flow from the apex, which keeps the tree strongly feasible and so prevents cycling on the
 *   degenerate pivots a transportation problem is full of (Cunningham 1976, "A network simplex
 *   method", Math. Programming 11).
 * - Tree update: the subtree cut off by the leaving arc is hung from the entering arc and walked once
 *   to set its parents, depths and potentials (each potential from its tree arc, so rounding does not
 *   accumulate along pivots).
 *
 * At the end every tree arc has reduced cost 0, arcs without flow have it ≥ 0 and full arcs ≤ 0: the
 * potentials are optimal duals, and every residual arc has a reduced cost ≥ 0.
 */

const MODULE = 'matching/network-simplex';
/** Reduced costs above −TOLERANCE are not violations: costs are sums of a few numbers in [0, 1]. */
const TOLERANCE = 1e-11;

const LOWER = 1;
const TREE = 0;
const UPPER = -1;

export interface Circulation {
  readonly nodes: number;
  readonly tail: ArrayLike<number>;
  readonly head: ArrayLike<number>;
  /** Upper bounds (lower bounds are 0); Infinity for an uncapacitated arc. */
  readonly cap: ArrayLike<number>;
  readonly cost: ArrayLike<number>;
}

export interface CirculationSolution {
  readonly flow: Float64Array;
  /** Node potentials π with reduced costs cost + π(tail) − π(head) as above. */
  readonly potential: Float64Array;
  readonly pivots: number;
}

/** The tree arcs at each node, removable in O(1): each arc knows its slot at both ends. */
class TreeArcs {
  private readonly lists: number[][];
  private readonly slotAtTail: Int32Array;
  private readonly slotAtHead: Int32Array;

  constructor(nodes: number, arcs: number, private readonly tail: Int32Array, private readonly head: Int32Array) {
    this.lists = Array.from({ length: nodes }, () => []);
    this.slotAtTail = new Int32Array(arcs);
    this.slotAtHead = new Int32Array(arcs);
  }

  at(node: number): readonly number[] {
    return this.lists[node]!;
  }

  add(a: number): void {
    const t = this.lists[this.tail[a]!]!;
    this.slotAtTail[a] = t.length;
    t.push(a);
    const h = this.lists[this.head[a]!]!;
    this.slotAtHead[a] = h.length;
    h.push(a);
  }

  remove(a: number): void {
    this.take(this.tail[a]!, this.slotAtTail[a]!);
    this.take(this.head[a]!, this.slotAtHead[a]!);
  }

  private take(node: number, slot: number): void {
    const list = this.lists[node]!;
    const last = list.pop()!;
    if (slot === list.length) return;
    list[slot] = last;
    if (this.tail[last] === node) this.slotAtTail[last] = slot;
    else this.slotAtHead[last] = slot;
  }
}

export interface CirculationOptions {
  /**
   * Arcs to price first: the simplex runs on these alone until none violates its bound, then on
   * every arc from that tree (a primal basis stays feasible when columns are added, so this is
   * column generation without restarting: Dantzig & Wolfe 1960; Bixby et al. 1992's sifting).
   */
  readonly first?: ArrayLike<number>;
}

export function minCostCirculation(problem: Circulation, options: CirculationOptions = {}): CirculationSolution {
  const n = problem.nodes;
  const m = problem.tail.length;
  if (problem.head.length !== m || problem.cap.length !== m || problem.cost.length !== m) throw new Error(`${MODULE}: tail, head, cap and cost must have one entry per arc`);
  const root = n;
  const arcs = m + n;
  const tail = new Int32Array(arcs);
  const head = new Int32Array(arcs);
  const cap = new Float64Array(arcs);
  const cost = new Float64Array(arcs);
  for (let a = 0; a < m; a += 1) {
    tail[a] = problem.tail[a]!;
    head[a] = problem.head[a]!;
    cap[a] = problem.cap[a]!;
    cost[a] = problem.cost[a]!;
    if (tail[a]! < 0 || tail[a]! >= n || head[a]! < 0 || head[a]! >= n || tail[a] === head[a]) throw new Error(`${MODULE}: arc ${a} must join two different nodes`);
    if (!(cap[a]! >= 0)) throw new Error(`${MODULE}: capacity of arc ${a} must be ≥ 0`);
  }
  const flow = new Float64Array(arcs);
  const state = new Int8Array(arcs).fill(LOWER);
  const parent = new Int32Array(n + 1).fill(-1);
  const pred = new Int32Array(n + 1).fill(-1);
  /** +1: the tree arc runs from the node up to its parent; −1: from the parent down to the node. */
  const up = new Int8Array(n + 1);
  const depth = new Int32Array(n + 1);
  const pi = new Float64Array(n + 1);
  const tree = new TreeArcs(n + 1, arcs, tail, head);
  for (let u = 0; u < n; u += 1) {
    const a = m + u;
    tail[a] = u;
    head[a] = root;
    cap[a] = Infinity;
    state[a] = TREE;
    parent[u] = root;
    pred[u] = a;
    up[u] = 1;
    depth[u] = 1;
    tree.add(a);
  }

  /**
   * The entering arc by block search over `order` (arc numbers), or −1 when none of them violates
   * its bound. `next` is where the last search in this order stopped.
   */
  let next = 0;
  const entering = (order: Int32Array, block: number): number => {
    const count = order.length;
    let best = -1;
    let min = -TOLERANCE;
    let k = next;
    let inBlock = 0;
    for (let seen = 0; seen < count; seen += 1) {
      const a = order[k]!;
      const s = state[a]!;
      if (s !== TREE) {
        const rc = s * (cost[a]! + pi[tail[a]!]! - pi[head[a]!]!);
        if (rc < min) {
          min = rc;
          best = a;
        }
      }
      k += 1;
      if (k === count) k = 0;
      inBlock += 1;
      if (inBlock === block) {
        if (best >= 0) break;
        inBlock = 0;
      }
    }
    next = k;
    return best;
  };

  const stack: number[] = [];
  /** Hangs the subtree of `u` from `v` by tree arc `a` and walks it to set parents, depths and π. */
  const hang = (u: number, v: number, a: number): void => {
    const place = (x: number, p: number, arc: number) => {
      parent[x] = p;
      pred[x] = arc;
      depth[x] = depth[p]! + 1;
      if (tail[arc] === x) {
        up[x] = 1;
        pi[x] = pi[p]! - cost[arc]!;
      } else {
        up[x] = -1;
        pi[x] = pi[p]! + cost[arc]!;
      }
    };
    place(u, v, a);
    stack.length = 0;
    stack.push(u);
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (const b of tree.at(x)) {
        const y = tail[b] === x ? head[b]! : tail[b]!;
        if (y === parent[x]) continue;
        place(y, x, b);
        stack.push(y);
      }
    }
  };

  /** One pivot on entering arc e. */
  const pivot = (e: number): void => {
    // Flow goes round the cycle from `first` over e to `second`, up to the apex, down to `first`.
    const forward = state[e] === LOWER;
    const first = forward ? tail[e]! : head[e]!;
    const second = forward ? head[e]! : tail[e]!;
    let x = first;
    let y = second;
    while (x !== y) {
      if (depth[x]! >= depth[y]!) x = parent[x]!;
      else y = parent[y]!;
    }
    const apex = x;

    let delta = cap[e]!;
    let out = -1;
    let outEmpties = !forward;
    let side = 0;
    // first's side is traversed downwards (parent → node): strict <, the last met is nearest `first`.
    for (let u = first; u !== apex; u = parent[u]!) {
      const a = pred[u]!;
      const room = up[u] === 1 ? flow[a]! : cap[a]! - flow[a]!;
      if (room < delta) {
        delta = room;
        out = u;
        outEmpties = up[u] === 1;
        side = 1;
      }
    }
    // second's side upwards (node → parent): ≤, so the last met nearest the apex wins ties.
    for (let u = second; u !== apex; u = parent[u]!) {
      const a = pred[u]!;
      const room = up[u] === 1 ? cap[a]! - flow[a]! : flow[a]!;
      if (room <= delta) {
        delta = room;
        out = u;
        outEmpties = up[u] !== 1;
        side = 2;
      }
    }
    if (!Number.isFinite(delta)) throw new Error(`${MODULE}: unbounded (a negative cycle of uncapacitated arcs)`);

    if (delta > 0) {
      const value = (forward ? 1 : -1) * delta;
      flow[e] = flow[e]! + value;
      for (let u = tail[e]!; u !== apex; u = parent[u]!) flow[pred[u]!] = flow[pred[u]!]! - up[u]! * value;
      for (let u = head[e]!; u !== apex; u = parent[u]!) flow[pred[u]!] = flow[pred[u]!]! + up[u]! * value;
    }
    if (out < 0) {
      // The entering arc blocks itself: it moves to its other bound, the tree stays.
      state[e] = forward ? UPPER : LOWER;
      flow[e] = forward ? cap[e]! : 0;
      return;
    }
    const leaving = pred[out]!;
    state[leaving] = outEmpties ? LOWER : UPPER;
    flow[leaving] = outEmpties ? 0 : cap[leaving]!;
    state[e] = TREE;
    tree.remove(leaving);
    tree.add(e);
    const uIn = side === 1 ? first : second;
    const vIn = side === 1 ? second : first;
    hang(uIn, vIn, e);
  };

  const all = Int32Array.from({ length: m }, (_, a) => a);
  const phases = options.first !== undefined && options.first.length < m ? [Int32Array.from(options.first), all] : [all];
  let pivots = 0;
  for (const order of phases) {
    next = 0;
    const block = Math.max(10, Math.ceil(Math.sqrt(order.length)));
    for (;;) {
      const e = entering(order, block);
      if (e < 0) break;
      pivots += 1;
      pivot(e);
    }
  }

  for (let u = 0; u < n; u += 1) if (flow[m + u]! > 0) throw new Error(`${MODULE}: flow left on an artificial arc`);
  return { flow: flow.slice(0, m), potential: pi.slice(0, n), pivots };
}
