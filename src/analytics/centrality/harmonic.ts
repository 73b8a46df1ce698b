/**
 * Harmonic centrality: the sum of inverse distances to every other node (0 for the unreachable), so
 * disconnected graphs need no correction.
 *
 * [References]:
 * Marchiori, Massimo & Latora, Vito (2000). "Harmony in the small-world". Physica A 285: 539–546.
 * Boldi, Paolo & Vigna, Sebastiano (2014). "Axioms for centrality". Internet Mathematics 10: 222–262.
 *
 * NetworkX's `harmonic_centrality(G, distance)`: unnormalised (divide by n − 1 for a share of the
 * maximum). One BFS (or Dijkstra, by `distance`) per node over a CSR copy.
 */
import { asCSR, lengths, toRecord, type CSR, type GraphLike } from '../graph-utils/csr.ts';
import { checkDistance, checkString, resolveOptions, type Distance } from '../graph-utils/options.ts';
import { ShortestPaths } from '../graph-utils/shortest-paths.ts';

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

export function harmonic(graph: GraphLike | CSR, options?: Partial<HarmonicOptions>): HarmonicResult {
  const o = resolveOptions(MODULE, DEFAULTS, options);
  const distance = checkDistance(MODULE, o.distance);
  checkString(MODULE, 'weightAttribute', o.weightAttribute);
  const csr = asCSR(graph, o.weightAttribute, MODULE);
  const search = new ShortestPaths(csr, distance === 'hops' ? null : lengths(csr, distance, MODULE));
  const { dist, order } = search;
  const values = new Float64Array(csr.order);
  for (let u = 0; u < csr.order; u += 1) {
    search.run(u);
    let total = 0;
    for (let j = 1; j < search.reached; j += 1) total += 1 / dist[order[j]!]!;
    values[u] = total;
  }
  return { values: toRecord(csr, values), distance };
}
