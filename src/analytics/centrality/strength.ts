/**
 * Strength (weighted degree): the sum of the weights of each node's ties.
 *
 * [Reference]:
 * Barrat, A., Barthélemy, M., Pastor-Satorras, R. & Vespignani, A. (2004). "The architecture of
 *   complex weighted networks". PNAS 101(11): 3747–3752.
 *
 * NetworkX's `G.degree(weight="weight")`; an edge without the attribute counts 1.
 */
import { asCSR, toRecord, type CSR } from '../graph-utils/csr.ts';
import type { AnyGraph } from '../graph-utils/graph.ts';
import { checkString, resolveOptions } from '../graph-utils/options.ts';

const MODULE = 'centrality/strength';

export interface StrengthOptions {
  weightAttribute: string;
}

export const DEFAULTS: StrengthOptions = Object.freeze({ weightAttribute: 'weight' });

export interface StrengthResult {
  values: Record<string, number>;
}

export function strength(graph: AnyGraph | CSR, options?: Partial<StrengthOptions>): StrengthResult {
  const o = resolveOptions(MODULE, DEFAULTS, options);
  checkString(MODULE, 'weightAttribute', o.weightAttribute);
  const csr = asCSR(graph, o.weightAttribute, MODULE);
  const values = new Float64Array(csr.order);
  for (let v = 0; v < csr.order; v += 1) {
    let total = 0;
    for (let k = csr.offsets[v]!, end = csr.offsets[v + 1]!; k < end; k += 1) total += csr.weights[k]!;
    values[v] = total;
  }
  return { values: toRecord(csr, values) };
}
