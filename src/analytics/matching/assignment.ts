/**
 * The assignment of resources to needs: a transportation problem (Hitchcock 1941, "The distribution
 * of a product from several sources to numerous localities", J. Math. Phys. 20) — maximise
 * Σ profit(i, j) · x(i, j) subject to Σ_j x(i, j) ≤ supply(i), Σ_i x(i, j) ≤ demand(j), x ≥ 0 —
 * solved exactly as a minimum-cost circulation by the primal network simplex method
 * (network-simplex.ts: Dantzig 1951, block-search pivots after Grigoriadis 1986, strongly feasible
 * trees after Cunningham 1976): source → resource (capacity supply, cost 0) → need (cost −profit) →
 * sink (capacity demand, cost 0) → source (uncapacitated, cost 0, the idle return). Integral
 * supplies and demands give an integral optimum (every basic solution of a network is integral).
 *
 * The duals come from the final residual network (Ahuja, Magnanti & Orlin 1993, "Network Flows",
 * §9.4, complementary slackness): with δ(v) the cheapest residual path from the sink to v (one
 * Dijkstra search on the simplex's reduced costs, which are ≥ 0 on every residual arc at the
 * optimum), the price of a resource's last unit is u(i) = max(0, δ(i)), a need's v(j) =
 * max(0, −δ(j)); Σ supply·u + Σ demand·v equals the optimum (a certificate the tests check), and for
 * a need that received nothing, δ(j) ≥ 0 is exactly how much one of its pairs' profit must rise
 * before an optimum gives it a unit. These are the largest shortest-path potentials, the same for
 * every optimal flow (every optimal dual is complementary to every optimal primal), so they do not
 * depend on which of several tied optima the simplex ends at.
 *
 * Deterministic: the same arrays give the same flow. Pairs are offered to the pivot rule in the
 * order given (callers index resources and needs in id order), and among equally good entering
 * pairs the first in that order wins, so ties are settled by id order.
 */

import { minCostCirculation } from './network-simplex.ts';

const MODULE = 'matching/assignment';
/** Gains below this are rounding noise of the scores, not a better assignment. */
const EPS = 1e-9;

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
  /** Simplex pivots used (for benchmarks). */
  readonly pivots: number;
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

/** Pairs priced first per resource and per need in a large problem. */
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

/** Network simplex on all the problem's pairs, with the distances from the sink. */
function simplex(problem: TransportProblem): CoreSolution {
  const m = problem.supply.length;
  const n = problem.demand.length;
  const pairs = problem.from.length;
  const V = m + n + 2;
  const S = 0;
  const T = m + n + 1;
  const R = (i: number) => 1 + i;
  const N = (j: number) => 1 + m + j;

  // Circulation arcs: the pairs first (in the caller's order, which the pivot rule scans), then the
  // supply arcs, the demand arcs and the return arc.
  const arcs = pairs + m + n + 1;
  const tail = new Int32Array(arcs);
  const head = new Int32Array(arcs);
  const cap = new Float64Array(arcs);
  const cost = new Float64Array(arcs);
  for (let a = 0; a < pairs; a += 1) {
    tail[a] = R(problem.from[a]!);
    head[a] = N(problem.to[a]!);
    // Uncapacitated: the supply and demand arcs bound it, and the duals need its forward arc to stay.
    cap[a] = Infinity;
    cost[a] = -problem.profit[a]!;
  }
  for (let i = 0; i < m; i += 1) {
    tail[pairs + i] = S;
    head[pairs + i] = R(i);
    cap[pairs + i] = problem.supply[i]!;
  }
  for (let j = 0; j < n; j += 1) {
    tail[pairs + m + j] = N(j);
    head[pairs + m + j] = T;
    cap[pairs + m + j] = problem.demand[j]!;
  }
  tail[arcs - 1] = T;
  head[arcs - 1] = S;
  cap[arcs - 1] = Infinity;
  // A large problem is priced first on each resource's and need's few most profitable pairs, whose
  // optimum is usually close to the whole problem's, then on all of them from that basis.
  let priced: number[] | undefined;
  if (pairs > 4 * CANDIDATES_PER_NODE * (m + n)) {
    const chosen = new Uint8Array(pairs);
    markTop(problem.from, m, problem.profit, CANDIDATES_PER_NODE, chosen);
    markTop(problem.to, n, problem.profit, CANDIDATES_PER_NODE, chosen);
    priced = [];
    for (let a = 0; a < pairs; a += 1) if (chosen[a]) priced.push(a);
    for (let a = pairs; a < arcs; a += 1) priced.push(a);
  }
  const solved = minCostCirculation({ nodes: V, tail, head, cap, cost }, { first: priced });

  const flow = solved.flow.slice(0, pairs);
  let total = 0;
  for (let a = 0; a < pairs; a += 1) total += flow[a]! * problem.profit[a]!;

  // The residual network of the optimum, searched from the sink on the simplex's reduced costs.
  const net = new Residual(V, arcs);
  for (let a = arcs - 1; a >= 0; a -= 1) {
    const f = solved.flow[a]!;
    const arc = net.add(tail[a]!, head[a]!, cap[a]! - f, cost[a]!);
    net.cap[arc ^ 1] = f;
  }
  const pot = solved.potential;
  const dist = new Float64Array(V).fill(Infinity);
  const done = new Uint8Array(V);
  const heap = new Heap(V);
  dist[T] = 0;
  heap.push(0, T);
  const { head: to, next, cap: room, cost: price, first } = net;
  while (heap.size > 0) {
    const u = heap.pop();
    if (done[u] || heap.lastKey > dist[u]!) continue;
    done[u] = 1;
    const du = dist[u]!;
    const pu = pot[u]!;
    for (let a = first[u]!; a !== -1; a = next[a]!) {
      if (room[a]! <= EPS) continue;
      const v = to[a]!;
      if (done[v]) continue;
      const rc = price[a]! + pu - pot[v]!;
      const dv = du + (rc < 0 ? 0 : rc);
      if (dv < dist[v]!) {
        dist[v] = dv;
        heap.push(dv, v);
      }
    }
  }
  const delta = (v: number) => (done[v] ? dist[v]! - pot[T]! + pot[v]! : Infinity);

  const resourceDistance = new Float64Array(m);
  for (let i = 0; i < m; i += 1) resourceDistance[i] = delta(R(i));
  const needDistance = new Float64Array(n);
  for (let j = 0; j < n; j += 1) needDistance[j] = delta(N(j));
  return { flow, total, resourceDistance, needDistance, pivots: solved.pivots };
}

interface CoreSolution {
  readonly flow: Float64Array;
  readonly total: number;
  /** δ of each resource and need node: the cheapest residual path from the sink (see the header). */
  readonly resourceDistance: Float64Array;
  readonly needDistance: Float64Array;
  readonly pivots: number;
}

/** Solves the transportation problem exactly (see the header). */
export function solveTransport(problem: TransportProblem): TransportSolution {
  check(problem);
  const m = problem.supply.length;
  const n = problem.demand.length;
  const pairs = problem.from.length;
  const core = simplex(problem);
  const flow = core.flow;

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
    // A raise within rounding noise of 0 is a tie.
    raiseNeeded[j] = received[j]! > EPS ? 0 : Number.isFinite(d) ? (d > EPS ? d : 0) : Infinity;
  }
  return { flow, total: core.total, resourcePrice, needPrice, raiseNeeded, pivots: core.pivots };
}
