/**
 * Degree centrality: the number of ties of each node.
 *
 * [Reference]:
 * Freeman, Linton C. (1979). "Centrality in social networks: conceptual clarification". Social
 *   Networks 1(3): 215–239.
 *
 * Raw counts by default (NetworkX `G.degree()`); `normalized` divides by n − 1, NetworkX's
 * `degree_centrality` (1 for every node of a graph of one node, 0 for none, as NetworkX).
 */
import { asCSR, isCSR, toRecord, type CSR, keyedRecord } from '../graph-utils/csr.ts';
import type { AnyGraph } from '../graph-utils/graph.ts';
import { checkBoolean, resolveOptions } from '../graph-utils/options.ts';

const MODULE = 'centrality/degree';

export interface DegreeOptions {
  normalized: boolean;
}

export const DEFAULTS: DegreeOptions = Object.freeze({ normalized: false });

export interface DegreeResult {
  values: Record<string, number>;
  normalized: boolean;
}

export function degree(graph: AnyGraph | CSR, options?: Partial<DegreeOptions>): DegreeResult {
  const o = resolveOptions(MODULE, DEFAULTS, options);
  const normalized = checkBoolean(MODULE, 'normalized', o.normalized);
  if (!isCSR(graph)) {
    // Counting ties needs no CSR copy: graphology keeps each node's degree (measured at 1k nodes,
    // the copy alone made this slower than NetworkX's dictionary look-up).
    if (graph.type !== 'undirected' || graph.multi) asCSR(graph, 'weight', MODULE); // refuses with the CSR's own message
    const n = graph.order;
    const scale = normalized ? (n > 1 ? 1 / (n - 1) : 1) : 1;
    const values = keyedRecord<number>();
    graph.forEachNode((node) => {
      values[node] = graph.degreeWithoutSelfLoops(node) * scale;
    });
    return { values, normalized };
  }
  const csr = graph;
  const n = csr.order;
  const scale = normalized ? (n > 1 ? 1 / (n - 1) : 1) : 1;
  const values = new Float64Array(n);
  for (let v = 0; v < n; v += 1) values[v] = (csr.offsets[v + 1]! - csr.offsets[v]!) * scale;
  return { values: toRecord(csr, values), normalized };
}
