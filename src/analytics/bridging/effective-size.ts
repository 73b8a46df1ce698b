/**
 * Burt's effective size and efficiency — Burt (1992), Structural Holes, ch. 2: the number of a
 * node's contacts less their redundancy, i.e. roughly the number of non-redundant contacts; a
 * resident whose contacts do not know each other has an effective size close to their degree.
 *
 *   ES_i = Σ_j (1 − Σ_q p_iq m_jq),   q ≠ i, j over i's contacts
 *   p_iq = (a_iq + a_qi) / Σ_k (a_ik + a_ki),   m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj)
 *   efficiency_i = ES_i / N_i,  N_i = number of contacts
 *
 * As NetworkX's `effective_size(G, weight=...)`; unweighted on an undirected graph this equals
 * Borgatti's (1997) n − 2t/n (t the ties among the contacts), which NetworkX uses there. Isolates get
 * null. Contacts are neighbours either way in a directed graph; self-loops are left out.
 */
import { checkGraph, type AnyGraph } from '../graph-utils/graph.ts';
import { checkWeightOptions, resolveOptions, type WeightOptions } from '../graph-utils/options.ts';
import { mutualAdjacency } from './mutual-weights.ts';
import { keyedRecord } from '../graph-utils/csr.ts';

const MODULE = 'bridging/effective-size';

/** `weighted`: tie strength from `weightAttribute` (missing → 1); unweighted, all ties equal. */
export type EffectiveSizeOptions = WeightOptions;

export const DEFAULTS: EffectiveSizeOptions = Object.freeze({ weighted: true, weightAttribute: 'weight' });

export interface NodeEffectiveSize {
  /** Number of distinct contacts (neighbours). */
  contacts: number;
  /** Burt's effective size; null for an isolate. */
  effectiveSize: number | null;
  /** Effective size / contacts; null for an isolate. */
  efficiency: number | null;
}

export function effectiveSize(graph: AnyGraph, options?: Partial<EffectiveSizeOptions>): Record<string, NodeEffectiveSize> {
  checkGraph(MODULE, graph);
  const o = resolveOptions(MODULE, DEFAULTS, options);
  checkWeightOptions(MODULE, o);
  const { nodes, offsets, targets, weights } = mutualAdjacency(graph, o, MODULE);
  const n = nodes.length;
  const sums = new Float64Array(n);
  const maxima = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    for (let k = offsets[i]!; k < offsets[i + 1]!; k += 1) {
      sums[i] = sums[i]! + weights[k]!;
      maxima[i] = Math.max(maxima[i]!, weights[k]!);
    }
  }
  // p[q] = p_iq for i's contacts (NaN elsewhere marks "not a contact"); the redundancy of contact j,
  // Σ_q p_iq m_jq, walks j's own contacts q and keeps those that are i's contacts too.
  const p = new Float64Array(n).fill(Number.NaN);
  const result = keyedRecord<NodeEffectiveSize>();
  for (let i = 0; i < n; i += 1) {
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    const contacts = to - from;
    if (contacts === 0) {
      result[nodes[i]!] = { contacts: 0, effectiveSize: null, efficiency: null };
      continue;
    }
    for (let k = from; k < to; k += 1) p[targets[k]!] = sums[i] === 0 ? 0 : weights[k]! / sums[i]!;
    let size = 0;
    for (let k = from; k < to; k += 1) {
      const j = targets[k]!;
      let redundancy = 0;
      if (maxima[j]! > 0) {
        for (let l = offsets[j]!; l < offsets[j + 1]!; l += 1) {
          const piq = p[targets[l]!]!;
          if (!Number.isNaN(piq)) redundancy += (piq * weights[l]!) / maxima[j]!;
        }
      }
      size += 1 - redundancy;
    }
    for (let k = from; k < to; k += 1) p[targets[k]!] = Number.NaN;
    result[nodes[i]!] = { contacts, effectiveSize: size, efficiency: size / contacts };
  }
  return result;
}
