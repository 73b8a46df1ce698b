/**
 * The assignment of resources to needs: a transportation problem (Hitchcock 1941, "The distribution
 * of a product from several sources to numerous localities", J. Math. Phys. 20) — maximise
 * Σ profit(i, j) · x(i, j) subject to Σ_j x(i, j) ≤ supply(i), Σ_i x(i, j) ≤ demand(j), x ≥ 0 —
 * solved exactly as a min-cost flow by successive shortest paths with node potentials (Edmonds &
 * Karp 1972, "Theoretical improvements in algorithmic efficiency for network flow problems", JACM
 * 19(2); Tomizawa 1971): source → resource (capacity supply, cost 0) → need (cost −profit) → sink
 * (capacity demand, cost 0), augmenting along a cheapest path while one still gains. Dijkstra runs
 * on reduced costs, so every step is one O(E log V) search; integral supplies and demands give an
 * integral optimum.
 *
 * The duals come from the final residual network (Ahuja, Magnanti & Orlin 1993, "Network Flows",
 * §9.4, complementary slackness): with δ(v) the cheapest residual path from the sink to v, allowing
 * an idle return from the sink to the source, the price of a resource's last unit is
 * u(i) = max(0, δ(i)), a need's v(j) = max(0, −δ(j)); Σ supply·u + Σ demand·v equals the optimum (a
 * certificate the tests check), and for a need that received nothing, δ(j) ≥ 0 is exactly how much
 * one of its pairs' profit must rise before an optimum gives it a unit.
 *
 * Deterministic: the same arrays give the same flow; among equally cheap paths the one through
 * lower indices wins (callers index resources and needs in id order, so ties are broken by id).
 */

const MODULE = 'matching/assignment';
/** Gains below this are rounding noise of the scores, not a better assignment. */
const EPS = 1e-9;
/** Reduced costs this close to 0 count as 0 (admissible): scores are sums of a few numbers in [0, 1]. */
const TIE = 1e-12;

export interface TransportProblem {
  /** Units each resource can give (> 0). */
  readonly supply: ArrayLike<number>;
  /** Units each need asks for (> 0). */
  readonly demand: ArrayLike<number>;
  /** Eligible pairs: resource index, need index and the profit of one unit (≥ 0). */
  readonly from: ArrayLike<number>;
  readonly to: ArrayLike<number>;
  readonly profit: ArrayLike<number>;
}

export interface TransportSolution {
  /** Units on each pair, in the order of the problem's pairs. */
  readonly flow: Float64Array;
  /** Σ profit · flow. */
  readonly total: number;
  /** Dual price of a resource's capacity (0 when some is left). */
  readonly resourcePrice: Float64Array;
  /** Dual price of a need's quantity (0 when some is left unmet). */
  readonly needPrice: Float64Array;
  /**
   * For each need: how much one of its pairs' profit must rise before an optimal assignment gives it
   * a unit (0 when it already has some or is tied); Infinity for a need without pairs.
   */
  readonly raiseNeeded: Float64Array;
  /** Augmenting paths used (for benchmarks). */
  readonly augmentations: number;
}

/** A residual network in forward-star form; arc a's reverse is a ^ 1. */
class Residual {
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly cap: Float64Array;
  readonly cost: Float64Array;
  readonly first: Int32Array;
  private count = 0;

  constructor(nodes: number, arcs: number) {
    this.head = new Int32Array(2 * arcs);
    this.next = new Int32Array(2 * arcs);
    this.cap = new Float64Array(2 * arcs);
    this.cost = new Float64Array(2 * arcs);
    this.first = new Int32Array(nodes).fill(-1);
  }

  add(u: number, v: number, cap: number, cost: number): number {
    const a = this.count;
    this.put(a, u, v, cap, cost);
    this.put(a + 1, v, u, 0, -cost);
    this.count += 2;
    return a;
  }

  private put(a: number, u: number, v: number, cap: number, cost: number): void {
    this.head[a] = v;
    this.cap[a] = cap;
    this.cost[a] = cost;
    this.next[a] = this.first[u]!;
    this.first[u] = a;
  }
}

/** A binary min-heap of (key, node) with lazy deletion; equal keys pop the lower node first. */
class Heap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka < kb || (ka === kb && this.nodes[a]! < this.nodes[b]!);
  }

  private swap(a: number, b: number): void {
    const k = this.keys[a]!;
    this.keys[a] = this.keys[b]!;
    this.keys[b] = k;
    const n = this.nodes[a]!;
    this.nodes[a] = this.nodes[b]!;
    this.nodes[b] = n;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(2 * this.size);
      keys.set(this.keys);
      const nodes = new Int32Array(2 * this.size);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    let i = this.size++;
    this.keys[i] = key;
    this.nodes[i] = node;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Pops the smallest entry; its key is left in `lastKey`. */
  lastKey = 0;
  pop(): number {
    const node = this.nodes[0]!;
    this.lastKey = this.keys[0]!;
    this.size -= 1;
    if (this.size > 0) {
      this.keys[0] = this.keys[this.size]!;
      this.nodes[0] = this.nodes[this.size]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.size && this.less(l, m)) m = l;
        if (r < this.size && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return node;
  }
}

function check(problem: TransportProblem): void {
  const { supply, demand, from, to, profit } = problem;
  if (from.length !== to.length || from.length !== profit.length) throw new Error(`${MODULE}: from, to and profit must have one entry per pair`);
  for (let i = 0; i < supply.length; i += 1) if (!(supply[i]! > 0) || !Number.isFinite(supply[i]!)) throw new Error(`${MODULE}: supply ${i} must be a positive number`);
  for (let j = 0; j < demand.length; j += 1) if (!(demand[j]! > 0) || !Number.isFinite(demand[j]!)) throw new Error(`${MODULE}: demand ${j} must be a positive number`);
  for (let a = 0; a < from.length; a += 1) {
    const i = from[a]!;
    const j = to[a]!;
    if (!Number.isInteger(i) || i < 0 || i >= supply.length || !Number.isInteger(j) || j < 0 || j >= demand.length) throw new Error(`${MODULE}: pair ${a} names no resource or need`);
    if (!(profit[a]! >= 0) || !Number.isFinite(profit[a]!)) throw new Error(`${MODULE}: profit of pair ${a} must be a finite number ≥ 0`);
  }
}

/** Successive shortest paths on all the problem's pairs, with the distances from the sink. */
function shortestPaths(problem: TransportProblem): CoreSolution {
  const m = problem.supply.length;
  const n = problem.demand.length;
  const pairs = problem.from.length;
  const V = m + n + 2;
  const S = 0;
  const T = m + n + 1;
  const R = (i: number) => 1 + i;
  const N = (j: number) => 1 + m + j;
  const net = new Residual(V, m + n + pairs);

  // Arcs are prepended to each node's list, so add them in reverse index order: a node's arcs are
  // then scanned in index order and ties resolve towards lower ids.
  const pairArc = new Int32Array(pairs);
  for (let j = n - 1; j >= 0; j -= 1) net.add(N(j), T, problem.demand[j]!, 0);
  for (let a = pairs - 1; a >= 0; a -= 1) {
    const i = problem.from[a]!;
    const j = problem.to[a]!;
    // Uncapacitated: the supply and demand arcs bound it, and the duals need its forward arc to stay.
    pairArc[a] = net.add(R(i), N(j), Infinity, -problem.profit[a]!);
  }
  for (let i = m - 1; i >= 0; i -= 1) net.add(S, R(i), problem.supply[i]!, 0);

  // Feasible potentials for the initial (acyclic) network: every reduced cost ≥ 0.
  const pot = new Float64Array(V);
  for (let a = 0; a < pairs; a += 1) {
    const v = N(problem.to[a]!);
    pot[v] = Math.min(pot[v]!, -problem.profit[a]!);
  }
  for (let j = 0; j < n; j += 1) pot[T] = Math.min(pot[T]!, pot[N(j)]!);

  const dist = new Float64Array(V);
  const done = new Uint8Array(V);
  const pred = new Int32Array(V);
  const heap = new Heap(V);
  const { head, next, cap, cost, first } = net;

  /**
   * Dijkstra on reduced costs from `root`; stops once `stopAt` is settled (−1: never). `extra` is one
   * more arc (from, to, reduced cost) outside the residual network, or null.
   */
  const search = (root: number, stopAt: number, extra: readonly [number, number, number] | null = null): void => {
    dist.fill(Infinity);
    done.fill(0);
    pred.fill(-1);
    dist[root] = 0;
    heap.size = 0;
    heap.push(0, root);
    const relax = (v: number, dv: number, a: number) => {
      if (dv < dist[v]!) {
        dist[v] = dv;
        pred[v] = a;
        heap.push(dv, v);
      }
    };
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u] || heap.lastKey > dist[u]!) continue;
      done[u] = 1;
      if (u === stopAt) return;
      const du = dist[u]!;
      const pu = pot[u]!;
      if (extra !== null && u === extra[0] && !done[extra[1]]) relax(extra[1], du + extra[2], -1);
      for (let a = first[u]!; a !== -1; a = next[a]!) {
        if (cap[a]! <= EPS) continue;
        const v = head[a]!;
        if (done[v]) continue;
        const rc = cost[a]! + pu - pot[v]!;
        relax(v, du + (rc < 0 ? 0 : rc), a);
      }
    }
  };

  /**
   * Every augmenting path of the current length at once (the primal–dual method, Ford & Fulkerson
   * 1957): depth-first over the admissible arcs — residual, reduced cost 0 — with a current-arc
   * pointer per node and dead ends pruned for the phase, as in Dinic's blocking flow. Pushing along
   * zero-reduced-cost paths keeps the potentials valid, and each path is as cheap as the one the
   * search found, so the result is the same optimum with far fewer searches when scores tie.
   */
  const current = new Int32Array(V);
  const dead = new Uint8Array(V);
  const onPath = new Uint8Array(V);
  const blocking = (): number => {
    current.set(first);
    dead.fill(0);
    let paths = 0;
    const stack: number[] = [];
    const arcs: number[] = [];
    for (;;) {
      stack.length = 0;
      arcs.length = 0;
      stack.push(S);
      onPath[S] = 1;
      while (stack.length > 0 && stack[stack.length - 1] !== T) {
        const u = stack[stack.length - 1]!;
        let a = current[u]!;
        for (; a !== -1; a = next[a]!) {
          const v = head[a]!;
          if (cap[a]! > EPS && !dead[v] && !onPath[v] && Math.abs(cost[a]! + pot[u]! - pot[v]!) <= TIE) break;
        }
        current[u] = a;
        if (a === -1) {
          dead[u] = 1;
          onPath[u] = 0;
          stack.pop();
          arcs.pop();
        } else {
          const v = head[a]!;
          onPath[v] = 1;
          stack.push(v);
          arcs.push(a);
        }
      }
      for (const v of stack) onPath[v] = 0;
      if (stack.length === 0) return paths;
      let push = Infinity;
      for (const a of arcs) push = Math.min(push, cap[a]!);
      for (const a of arcs) {
        cap[a] = cap[a]! - push;
        cap[a ^ 1] = cap[a ^ 1]! + push;
      }
      paths += 1;
    }
  };

  let augmentations = 0;
  for (;;) {
    search(S, T);
    if (!done[T]) break;
    const gain = -(dist[T]! + pot[T]! - pot[S]!);
    if (gain <= EPS) break;
    const dt = dist[T]!;
    for (let v = 0; v < V; v += 1) pot[v] = pot[v]! + (done[v] ? dist[v]! : dt);
    augmentations += blocking();
  }

  const flow = new Float64Array(pairs);
  let total = 0;
  for (let a = 0; a < pairs; a += 1) {
    const f = cap[pairArc[a]! ^ 1]!;
    flow[a] = f;
    total += f * problem.profit[a]!;
  }

  // Potentials valid for the final network plus an idle return arc sink → source (cost 0): a full
  // search from the source, unreached nodes lifted by a constant large enough for that arc too.
  search(S, -1);
  let lift = pot[S]! - pot[T]!;
  for (let v = 0; v < V; v += 1) if (done[v]) lift = Math.max(lift, dist[v]!);
  for (let v = 0; v < V; v += 1) pot[v] = pot[v]! + (done[v] ? dist[v]! : lift);
  const returnCost = Math.max(0, pot[T]! - pot[S]!);

  // δ from the sink, over residual arcs and the return arc (the source → sink arc never shortens a
  // path that starts at the sink).
  search(T, -1, [T, S, returnCost]);
  const delta = (v: number) => (done[v] ? dist[v]! - pot[T]! + pot[v]! : Infinity);

  const resourceDistance = new Float64Array(m);
  for (let i = 0; i < m; i += 1) resourceDistance[i] = delta(R(i));
  const needDistance = new Float64Array(n);
  for (let j = 0; j < n; j += 1) needDistance[j] = delta(N(j));
  return { flow, total, resourceDistance, needDistance, augmentations };
}

interface CoreSolution {
  readonly flow: Float64Array;
  readonly total: number;
  /** δ of each resource and need node: the cheapest residual path from the sink (see the header). */
  readonly resourceDistance: Float64Array;
  readonly needDistance: Float64Array;
  readonly augmentations: number;
}

/** Pairs kept per resource and per need in the first round of a large problem. */
const CANDIDATES_PER_NODE = 8;

/** Marks each group's `k` most profitable pairs (ties by pair index). */
function markTop(group: ArrayLike<number>, groups: number, profit: ArrayLike<number>, k: number, chosen: Uint8Array): void {
  const start = new Int32Array(groups + 1);
  for (let a = 0; a < group.length; a += 1) start[group[a]! + 1] = start[group[a]! + 1]! + 1;
  for (let g = 0; g < groups; g += 1) start[g + 1] = start[g + 1]! + start[g]!;
  const fill = start.slice(0, groups);
  const order = new Int32Array(group.length);
  for (let a = 0; a < group.length; a += 1) order[fill[group[a]!]!++] = a;
  for (let g = 0; g < groups; g += 1) {
    const lo = start[g]!;
    const hi = start[g + 1]!;
    if (hi - lo <= k) {
      for (let x = lo; x < hi; x += 1) chosen[order[x]!] = 1;
      continue;
    }
    // The k-th largest profit by a numeric sort of the group's profits, then the pairs above it and,
    // in pair order, as many at it as fill k.
    const values = new Float64Array(hi - lo);
    for (let x = lo; x < hi; x += 1) values[x - lo] = profit[order[x]!]!;
    values.sort();
    const kth = values[values.length - k]!;
    let taken = 0;
    for (let x = lo; x < hi; x += 1) if (profit[order[x]!]! > kth) {
      chosen[order[x]!] = 1;
      taken += 1;
    }
    for (let x = lo; x < hi && taken < k; x += 1) if (profit[order[x]!]! === kth) {
      chosen[order[x]!] = 1;
      taken += 1;
    }
  }
}

/**
 * Solves the transportation problem exactly (see the header). A large problem is solved by pricing
 * (Dantzig & Wolfe 1960's column generation on a network): first on each node's few most profitable
 * pairs, then every left-out pair is priced against the distances of that solution; a pair that
 * would shorten a path from the sink joins, and the restricted problem is solved again, until none
 * does — the distances then hold for every pair, which proves the flow optimal for the whole problem.
 */
export function solveTransport(problem: TransportProblem, pricing = true): TransportSolution {
  check(problem);
  const m = problem.supply.length;
  const n = problem.demand.length;
  const pairs = problem.from.length;
  let core: CoreSolution;
  let kept: Int32Array;
  let augmentations = 0;
  if (!pricing || pairs <= 4 * CANDIDATES_PER_NODE * (m + n)) {
    kept = Int32Array.from({ length: pairs }, (_, a) => a);
    core = shortestPaths(problem);
    augmentations = core.augmentations;
  } else {
    const chosen = new Uint8Array(pairs);
    markTop(problem.from, m, problem.profit, CANDIDATES_PER_NODE, chosen);
    markTop(problem.to, n, problem.profit, CANDIDATES_PER_NODE, chosen);
    for (;;) {
      const list: number[] = [];
      for (let a = 0; a < pairs; a += 1) if (chosen[a]) list.push(a);
      kept = Int32Array.from(list);
      core = shortestPaths({
        supply: problem.supply, demand: problem.demand,
        from: Int32Array.from(kept, (a) => problem.from[a]!), to: Int32Array.from(kept, (a) => problem.to[a]!), profit: Float64Array.from(kept, (a) => problem.profit[a]!),
      });
      augmentations += core.augmentations;
      let added = 0;
      for (let a = 0; a < pairs; a += 1) {
        if (chosen[a]) continue;
        // The pair's arc costs −profit; it shortens a path when δ(need) > δ(resource) − profit.
        const dr = core.resourceDistance[problem.from[a]!]!;
        const dn = core.needDistance[problem.to[a]!]!;
        if (!(dn <= dr - problem.profit[a]! + EPS)) {
          chosen[a] = 1;
          added += 1;
        }
      }
      if (added === 0) break;
    }
  }
  const flow = new Float64Array(pairs);
  kept.forEach((a, k) => (flow[a] = core.flow[k]!));

  const resourcePrice = new Float64Array(m);
  for (let i = 0; i < m; i += 1) {
    const d = core.resourceDistance[i]!;
    resourcePrice[i] = Number.isFinite(d) && d > EPS ? d : 0;
  }
  const needPrice = new Float64Array(n);
  const raiseNeeded = new Float64Array(n);
  const received = new Float64Array(n);
  for (let a = 0; a < pairs; a += 1) received[problem.to[a]!] = received[problem.to[a]!]! + flow[a]!;
  for (let j = 0; j < n; j += 1) {
    const d = core.needDistance[j]!;
    needPrice[j] = Number.isFinite(d) && d < -EPS ? -d : 0;
    raiseNeeded[j] = received[j]! > EPS ? 0 : Number.isFinite(d) ? Math.max(0, d) : Infinity;
  }
  return { flow, total: core.total, resourcePrice, needPrice, raiseNeeded, augmentations };
}
