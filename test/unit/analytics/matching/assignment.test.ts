import { describe, expect, it } from 'vitest';
import { solveTransport, type TransportProblem } from '../../../../src/analytics/matching/assignment.ts';
import { greedyTransport } from '../../../../src/analytics/matching/greedy.ts';
import { mulberry32 } from '../../../../src/analytics/graph-utils/prng.ts';

/**
 * The exact optimum over every integral assignment, by exhaustive search: needs one at a time, each
 * taking every split of at most its quantity over its eligible resources, memoised on the resources'
 * remaining capacities (so it is exhaustive, not a heuristic).
 */
function bruteForce(p: TransportProblem): number {
  const m = p.supply.length;
  const n = p.demand.length;
  const byNeed: { i: number; profit: number }[][] = Array.from({ length: n }, () => []);
  for (let a = 0; a < p.from.length; a += 1) byNeed[p.to[a]!]!.push({ i: p.from[a]!, profit: p.profit[a]! });
  const memo = new Map<string, number>();
  const best = (j: number, left: number[]): number => {
    if (j === n) return 0;
    const key = `${j}|${left.join(',')}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let top = -Infinity;
    const arcs = byNeed[j]!;
    const split = (k: number, room: number, gained: number) => {
      if (k === arcs.length) {
        top = Math.max(top, gained + best(j + 1, left));
        return;
      }
      const { i, profit } = arcs[k]!;
      const most = Math.min(room, left[i]!);
      for (let x = 0; x <= most; x += 1) {
        left[i] = left[i]! - x;
        split(k + 1, room - x, gained + x * profit);
        left[i] = left[i]! + x;
      }
    };
    split(0, p.demand[j]!, 0);
    memo.set(key, top);
    return top;
  };
  void m;
  return best(0, Array.from(p.supply));
}

function randomInstance(seed: number): TransportProblem {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const m = int(1, 8);
  const n = int(1, 8);
  const supply = Array.from({ length: m }, () => int(1, 3));
  const demand = Array.from({ length: n }, () => int(1, 3));
  const density = 0.2 + 0.8 * rnd();
  const from: number[] = [];
  const to: number[] = [];
  const profit: number[] = [];
  for (let i = 0; i < m; i += 1) {
    for (let j = 0; j < n; j += 1) {
      if (rnd() >= density) continue;
      from.push(i);
      to.push(j);
      // Coarse scores make ties (and so degenerate optima) common, as rounded scores do.
      profit.push(rnd() < 0.5 ? int(0, 4) / 4 : rnd());
    }
  }
  return { supply, demand, from, to, profit };
}

function feasible(p: TransportProblem, flow: Float64Array): void {
  const out = new Float64Array(p.supply.length);
  const inn = new Float64Array(p.demand.length);
  flow.forEach((f, a) => {
    expect(f).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(Math.round(f * 1e9) / 1e9)).toBe(true);
    out[p.from[a]!] = out[p.from[a]!]! + f;
    inn[p.to[a]!] = inn[p.to[a]!]! + f;
  });
  out.forEach((x, i) => expect(x).toBeLessThanOrEqual(p.supply[i]! + 1e-9));
  inn.forEach((x, j) => expect(x).toBeLessThanOrEqual(p.demand[j]! + 1e-9));
}

describe('matching/assignment (network simplex)', () => {
  it('equals the brute-force optimum on 200 seeded random instances up to 8 × 8, never below greedy, with duals that certify it', () => {
    let strictlyBetterThanGreedy = 0;
    for (let seed = 1; seed <= 200; seed += 1) {
      const p = randomInstance(seed);
      const solution = solveTransport(p);
      feasible(p, solution.flow);
      const exact = bruteForce(p);
      expect(solution.total, `seed ${seed}`).toBeCloseTo(exact, 9);
      const greedy = greedyTransport(p);
      feasible(p, greedy.flow);
      expect(solution.total).toBeGreaterThanOrEqual(greedy.total - 1e-9);
      if (solution.total > greedy.total + 1e-9) strictlyBetterThanGreedy += 1;
      // LP duality: prices are feasible (u + v ≥ profit on every pair) and their objective equals the optimum.
      let dual = 0;
      for (let i = 0; i < p.supply.length; i += 1) dual += p.supply[i]! * solution.resourcePrice[i]!;
      for (let j = 0; j < p.demand.length; j += 1) dual += p.demand[j]! * solution.needPrice[j]!;
      expect(dual, `seed ${seed}`).toBeCloseTo(exact, 9);
      for (let a = 0; a < p.from.length; a += 1) {
        expect(solution.resourcePrice[p.from[a]!]! + solution.needPrice[p.to[a]!]!).toBeGreaterThanOrEqual(p.profit[a]! - 1e-9);
      }
    }
    // The instances are not all easy: optimising beats greedy on some of them.
    expect(strictlyBetterThanGreedy).toBeGreaterThan(10);
  });

  it('is deterministic: the same instance gives the same flow', () => {
    const p = randomInstance(77);
    expect(Array.from(solveTransport(p).flow)).toEqual(Array.from(solveTransport(p).flow));
  });

  it('beats greedy where greedy takes the one resource two needs want', () => {
    // r0 serves n0 (0.9) or n1 (0.8); r1 serves only n0 (0.7). Greedy: r0→n0, r1 idle = 0.9.
    // Optimum: r0→n1, r1→n0 = 1.5.
    const p = { supply: [1, 1], demand: [1, 1], from: [0, 0, 1], to: [0, 1, 0], profit: [0.9, 0.8, 0.7] };
    expect(greedyTransport(p).total).toBeCloseTo(0.9);
    const s = solveTransport(p);
    expect(s.total).toBeCloseTo(1.5);
    expect(Array.from(s.flow)).toEqual([0, 1, 1]);
  });

  it('says how much higher an unmatched need’s pair would have to score', () => {
    // One unit, two needs: n0 scores 0.9, n1 0.6 → n1 unmatched; it needs +0.3 to tie.
    const p = { supply: [1], demand: [1, 1], from: [0, 0], to: [0, 1], profit: [0.9, 0.6] };
    const s = solveTransport(p);
    expect(Array.from(s.flow)).toEqual([1, 0]);
    expect(s.raiseNeeded[0]).toBe(0);
    expect(s.raiseNeeded[1]).toBeCloseTo(0.3, 12);
    expect(s.resourcePrice[0]).toBeCloseTo(0.9, 12);
    // Raising n1's pair by that much (and a little) moves the unit.
    const raised = solveTransport({ ...p, profit: [0.9, 0.6 + 0.3 + 1e-6] });
    expect(Array.from(raised.flow)).toEqual([0, 1]);
  });

  it('gives a need without pairs an infinite raise', () => {
    const s = solveTransport({ supply: [2], demand: [1, 1], from: [0], to: [0], profit: [0.5] });
    expect(s.raiseNeeded[1]).toBe(Infinity);
  });

  it('throws when a supply is not positive or a pair names no resource', () => {
    expect(() => solveTransport({ supply: [0], demand: [1], from: [0], to: [0], profit: [1] })).toThrow(/matching\/assignment: supply 0/);
    expect(() => solveTransport({ supply: [1], demand: [1], from: [1], to: [0], profit: [1] })).toThrow(/names no resource/);
    expect(() => solveTransport({ supply: [1], demand: [1], from: [0], to: [0], profit: [-1] })).toThrow(/profit/);
  });
});

/** A dense instance with coarse (tied) scores: degenerate pivots everywhere. */
function denseInstance(seed: number, m: number, n: number, density: number, steps: number): TransportProblem {
  const rnd = mulberry32(seed);
  const from: number[] = [];
  const to: number[] = [];
  const profit: number[] = [];
  for (let i = 0; i < m; i += 1) for (let j = 0; j < n; j += 1) if (rnd() < density) {
    from.push(i);
    to.push(j);
    profit.push(steps > 0 ? Math.round(rnd() * steps) / steps : rnd());
  }
  return { supply: Array.from({ length: m }, () => 1 + Math.floor(rnd() * 6)), demand: Array.from({ length: n }, () => 1 + Math.floor(rnd() * 6)), from, to, profit };
}

describe('matching/assignment on larger problems (network simplex)', () => {
  it('proves its own optimum: feasible flow, feasible duals, equal objectives (tied and continuous scores)', () => {
    for (const [seed, steps] of [[3, 20], [4, 20], [5, 0], [6, 4]] as const) {
      const p = denseInstance(seed, 90, 110, 0.9, steps);
      const s = solveTransport(p);
      feasible(p, s.flow);
      let dual = 0;
      Array.from(p.supply).forEach((x, i) => (dual += x * s.resourcePrice[i]!));
      Array.from(p.demand).forEach((d, j) => (dual += d * s.needPrice[j]!));
      // Weak duality makes any feasible dual an upper bound; equality proves the flow optimal.
      expect(dual, `seed ${seed}`).toBeCloseTo(s.total, 9);
      for (let a = 0; a < p.from.length; a += 1) expect(s.resourcePrice[p.from[a]!]! + s.needPrice[p.to[a]!]!).toBeGreaterThanOrEqual(p.profit[a]! - 1e-9);
      expect(s.total).toBeGreaterThanOrEqual(greedyTransport(p).total - 1e-9);
    }
  });

  it('names the exact raise: a need left out gets a unit once its nearest pair rises a little past raiseNeeded, and not before', () => {
    const p = denseInstance(11, 30, 60, 0.3, 0);
    const s = solveTransport(p);
    const received = new Float64Array(p.demand.length);
    for (let a = 0; a < p.from.length; a += 1) received[p.to[a]!] = received[p.to[a]!]! + s.flow[a]!;
    const left = Array.from(received.keys()).filter((j) => received[j] === 0 && Number.isFinite(s.raiseNeeded[j]!) && s.raiseNeeded[j]! > 1e-3);
    expect(left.length).toBeGreaterThan(2);
    for (const j of left.slice(0, 4)) {
      // The pair the raise is about: the one whose resource price minus profit is least.
      let best = -1;
      for (let a = 0; a < p.from.length; a += 1) {
        if (p.to[a] !== j) continue;
        if (best < 0 || s.resourcePrice[p.from[a]!]! - p.profit[a]! < s.resourcePrice[p.from[best]!]! - p.profit[best]!) best = a;
      }
      const raised = (by: number) => solveTransport({ ...p, profit: Array.from(p.profit, (x, a) => (a === best ? x + by : x)) });
      const above = raised(s.raiseNeeded[j]! + 1e-4);
      expect(above.flow[best]!, `need ${j}`).toBeGreaterThan(0);
      expect(above.total).toBeGreaterThan(s.total + 1e-9);
      // Just below the raise the optimum does not change.
      expect(raised(Math.max(0, s.raiseNeeded[j]! - 1e-4)).total).toBeCloseTo(s.total, 9);
    }
  });

  it('is deterministic on a large tied instance and gives the same optimum whatever the pair order', () => {
    const p = denseInstance(8, 60, 70, 0.8, 4);
    const a = solveTransport(p);
    expect(Array.from(solveTransport(p).flow)).toEqual(Array.from(a.flow));
    const order = Array.from(p.from, (_, k) => k).reverse();
    const reversed = { ...p, from: order.map((k) => p.from[k]!), to: order.map((k) => p.to[k]!), profit: order.map((k) => p.profit[k]!) };
    const b = solveTransport(reversed);
    expect(b.total).toBeCloseTo(a.total, 9);
    // The duals are the largest shortest-path potentials: the same for every optimal flow.
    Array.from(a.resourcePrice).forEach((u, i) => expect(b.resourcePrice[i]!).toBeCloseTo(u, 9));
    Array.from(a.raiseNeeded).forEach((r, j) => expect(b.raiseNeeded[j]!).toBeCloseTo(r, 9));
  });
});
