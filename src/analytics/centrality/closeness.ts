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
 * One BFS (or Dijkstra, by `distance`) per node over a CSR copy.
 */
import { asCSR, lengths, toRecord, type CSR, type GraphLike } from '../graph-utils/csr.ts';
import { checkBoolean, checkDistance, checkString, resolveOptions, type Distance } from '../graph-utils/options.ts';
import { ShortestPaths } from '../graph-utils/shortest-paths.ts';

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

export function closeness(graph: GraphLike | CSR, options?: Partial<ClosenessOptions>): ClosenessResult {
  const o = resolveOptions(MODULE, DEFAULTS, options);
  const distance = checkDistance(MODULE, o.distance);
  const wfImproved = checkBoolean(MODULE, 'wfImproved', o.wfImproved);
  checkString(MODULE, 'weightAttribute', o.weightAttribute);
  const csr = asCSR(graph, o.weightAttribute, MODULE);
  const n = csr.order;
  const search = new ShortestPaths(csr, distance === 'hops' ? null : lengths(csr, distance, MODULE));
  const { dist, order } = search;
  const values = new Float64Array(n);
  for (let u = 0; u < n; u += 1) {
    search.run(u);
    let total = 0;
    for (let j = 1; j < search.reached; j += 1) total += dist[order[j]!]!;
    const others = search.reached - 1;
    if (total > 0 && n > 1) values[u] = wfImproved ? (others / total) * (others / (n - 1)) : others / total;
  }
  return { values: toRecord(csr, values), distance };
}
