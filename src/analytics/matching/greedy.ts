/**
 * The greedy assignment a coordinator would make by hand — best-scoring pair first, as much as it
 * can take, then the next (ties by resource then need index, i.e. by id) — reported beside the
 * optimum so the gain of optimising is visible. Greedy is a ½-approximation of the optimum for
 * b-matchings (Avis 1983, "A survey of heuristics for the weighted matching problem", Networks 13).
 */
import type { TransportProblem } from './assignment.ts';

export interface GreedySolution {
  readonly flow: Float64Array;
  readonly total: number;
}

export function greedyTransport(problem: TransportProblem): GreedySolution {
  const pairs = problem.from.length;
  const order = Array.from({ length: pairs }, (_, a) => a).sort(
    (a, b) => problem.profit[b]! - problem.profit[a]! || problem.from[a]! - problem.from[b]! || problem.to[a]! - problem.to[b]!,
  );
  const supply = Float64Array.from(problem.supply);
  const demand = Float64Array.from(problem.demand);
  const flow = new Float64Array(pairs);
  let total = 0;
  for (const a of order) {
    if (!(problem.profit[a]! > 0)) break;
    const i = problem.from[a]!;
    const j = problem.to[a]!;
    const x = Math.min(supply[i]!, demand[j]!);
    if (x <= 0) continue;
    flow[a] = x;
    supply[i] = supply[i]! - x;
    demand[j] = demand[j]! - x;
    total += x * problem.profit[a]!;
  }
  return { flow, total };
}
