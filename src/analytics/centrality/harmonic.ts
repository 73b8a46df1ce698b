/**
 * Harmonic centrality: the sum of inverse distances to every other node (0 for the unreachable), so
 * disconnected graphs need no correction.
 *
 * [References]:
 * Marchiori, Massimo & Latora, Vito (2000). "Harmony in the small-world". Physica A 285: 539–546.
 * Boldi, Paolo & Vigna, Sebastiano (2014). "Axioms for centrality". Internet Mathematics 10: 222–262.
 *
 * NetworkX's `harmonic_centrality(G, distance)`: unnormalised (divide by n − 1 for a share of the
 * maximum). One BFS (or Dijkstra, by `distance`) per node over a CSR copy (path-totals-kernel.ts),
 * split by source (source-kernel.ts) so a worker pool can run blocks of nodes in parallel.
 */
import { asCSR, lengths, toRecord, type CSR } from '../graph-utils/csr.ts';
import type { AnyGraph } from '../graph-utils/graph.ts';
import { checkDistance, checkString, resolveOptions, type Distance } from '../graph-utils/options.ts';
import { pathTotalsWorkspace, searchTotals, type PathTotalsWorkspace } from './path-totals-kernel.ts';
import { placeInto, runAllSources, type SourceKernel, type SourcePlan } from './source-kernel.ts';

const MODULE = 'centrality/harmonic';

export interface HarmonicOptions {
  /** 'hops' (BFS), 'weight' (the weight is the length, NetworkX `distance="weight"`) or 'inverse-weight' (length 1/weight) */
  distance: Distance;
  weightAttribute: string;
}

export const DEFAULTS: HarmonicOptions = Object.freeze({ distance: 'hops', weightAttribute: 'weight' });

export interface HarmonicResult {
  values: Record<string, number>;
  distance: Distance;
}

export interface HarmonicPlan extends SourcePlan {
  readonly distance: Distance;
}

export function planHarmonic(graph: AnyGraph | CSR, options?: Partial<HarmonicOptions>): { csr: CSR; plan: HarmonicPlan } {
  const o = resolveOptions(MODULE, DEFAULTS, options);
  const distance = checkDistance(MODULE, o.distance);
  checkString(MODULE, 'weightAttribute', o.weightAttribute);
  const csr = asCSR(graph, o.weightAttribute, MODULE);
  const plan: HarmonicPlan = {
    sources: null,
    count: csr.order,
    lengths: distance === 'hops' ? null : lengths(csr, distance, MODULE),
    distance,
  };
  return { csr, plan };
}

export const harmonicKernel: SourceKernel<HarmonicPlan, PathTotalsWorkspace, HarmonicResult> = {
  workspace: (csr, plan) => pathTotalsWorkspace(csr, plan.lengths),
  partial(csr, _plan, from, to, ws) {
    const out = new Float64Array(to - from);
    for (let u = from; u < to; u += 1) {
      searchTotals(csr, u, ws);
      out[u - from] = ws.inverse;
    }
    return out;
  },
  accumulator: (_csr, plan) => new Float64Array(plan.count),
  combine: placeInto,
  finish: (csr, plan, values) => ({ values: toRecord(csr, values), distance: plan.distance }),
};

export function harmonic(graph: AnyGraph | CSR, options?: Partial<HarmonicOptions>): HarmonicResult {
  const { csr, plan } = planHarmonic(graph, options);
  return runAllSources(harmonicKernel, csr, plan);
}
