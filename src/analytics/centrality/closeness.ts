/**
 * Closeness centrality, with the Wasserman–Faust correction for disconnected graphs.
 *
 * [References]:
 * Freeman, Linton C. (1979). "Centrality in social networks: conceptual clarification". Social
 *   Networks 1(3): 215–239.
 * Wasserman, Stanley & Faust, Katherine (1994). Social Network Analysis: Methods and Applications,
 *   Cambridge University Press, p. 201 — scale by the share of the graph a node reaches.
 *
 * NetworkX's `closeness_centrality(G, distance, wf_improved=True)`: for a node u reaching r − 1
 * others at total distance D, C(u) = ((r − 1) / D) · ((r − 1) / (n − 1)); 0 when u reaches nobody.
 * One BFS (or Dijkstra, by `distance`) per node over a CSR copy (path-totals-kernel.ts), split by
 * source (source-kernel.ts) so a worker pool can run blocks of nodes in parallel.
 */
import { asCSR, lengths, toRecord, type CSR } from '../graph-utils/csr.ts';
import type { AnyGraph } from '../graph-utils/graph.ts';
import { checkBoolean, checkDistance, checkString, resolveOptions, type Distance } from '../graph-utils/options.ts';
import { pathTotalsWorkspace, searchTotals, type PathTotalsWorkspace } from './path-totals-kernel.ts';
import { placeInto, runAllSources, type SourceKernel, type SourcePlan } from './source-kernel.ts';

const MODULE = 'centrality/closeness';

export interface ClosenessOptions {
  /** 'hops' (BFS), 'weight' (the weight is the length, NetworkX `distance="weight"`) or 'inverse-weight' (length 1/weight) */
  distance: Distance;
  weightAttribute: string;
  /** Wasserman–Faust scaling by the reached share (NetworkX `wf_improved`) */
  wfImproved: boolean;
}

export const DEFAULTS: ClosenessOptions = Object.freeze({ distance: 'hops', weightAttribute: 'weight', wfImproved: true });

export interface ClosenessResult {
  values: Record<string, number>;
  distance: Distance;
}

export interface ClosenessPlan extends SourcePlan {
  readonly distance: Distance;
  readonly wfImproved: boolean;
}

export function planCloseness(graph: AnyGraph | CSR, options?: Partial<ClosenessOptions>): { csr: CSR; plan: ClosenessPlan } {
  const o = resolveOptions(MODULE, DEFAULTS, options);
  const distance = checkDistance(MODULE, o.distance);
  const wfImproved = checkBoolean(MODULE, 'wfImproved', o.wfImproved);
  checkString(MODULE, 'weightAttribute', o.weightAttribute);
  const csr = asCSR(graph, o.weightAttribute, MODULE);
  const plan: ClosenessPlan = {
    sources: null,
    count: csr.order,
    lengths: distance === 'hops' ? null : lengths(csr, distance, MODULE),
    distance,
    wfImproved,
  };
  return { csr, plan };
}

export const closenessKernel: SourceKernel<ClosenessPlan, PathTotalsWorkspace, ClosenessResult> = {
  workspace: (csr, plan) => pathTotalsWorkspace(csr, plan.lengths),
  partial(csr, plan, from, to, ws) {
    const n = csr.order;
    const out = new Float64Array(to - from);
    for (let u = from; u < to; u += 1) {
      searchTotals(csr, u, ws);
      const others = ws.reached - 1;
      if (ws.total > 0 && n > 1) out[u - from] = plan.wfImproved ? (others / ws.total) * (others / (n - 1)) : others / ws.total;
    }
    return out;
  },
  accumulator: (_csr, plan) => new Float64Array(plan.count),
  combine: placeInto,
  finish: (csr, plan, values) => ({ values: toRecord(csr, values), distance: plan.distance }),
};

export function closeness(graph: AnyGraph | CSR, options?: Partial<ClosenessOptions>): ClosenessResult {
  const { csr, plan } = planCloseness(graph, options);
  return runAllSources(closenessKernel, csr, plan);
}
