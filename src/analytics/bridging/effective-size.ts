/**
 * Burt's effective size and efficiency — Burt (1992), Structural Holes, ch. 2: the number of a
 * node's contacts less their redundancy, i.e. roughly the number of non-redundant contacts; a
 * resident whose contacts do not know each other has an effective size close to their degree.
 *
 *   ES_i = Σ_j (1 − Σ_q p_iq m_jq),   q ≠ i, j over i's contacts
 *   p_iq = (a_iq + a_qi) / Σ_k (a_ik + a_ki),   m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj)
 *   efficiency_i = ES_i / N_i,  N_i = number of contacts
 *
 * As NetworkX's `effective_size(G, weight=...)`; with weight null on an undirected graph this equals
 * Borgatti's (1997) n − 2t/n (t the ties among the contacts), which NetworkX uses there. Isolates get
 * null. Contacts are neighbours either way in a directed graph; self-loops are left out.
 */
import { checkGraph, checkWeightOption, mergeOptions, mutualWeights, type AnyGraph, type WeightOption } from './shared.ts';

const MODULE = 'bridging/effective-size';

export interface EffectiveSizeOptions {
  /** Edge attribute holding the tie strength (missing → 1), or null for all ties equal. */
  weight: WeightOption;
}

export const DEFAULTS: EffectiveSizeOptions = Object.freeze({ weight: 'weight' });

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
  const { weight } = mergeOptions(MODULE, DEFAULTS, options);
  checkWeightOption(MODULE, weight);
  const { nodes, mutual } = mutualWeights(graph, weight, MODULE);
  const sums = mutual.map((row) => { let s = 0; for (const w of row.values()) s += w; return s; });
  const maxima = mutual.map((row) => { let s = 0; for (const w of row.values()) s = Math.max(s, w); return s; });
  const result: Record<string, NodeEffectiveSize> = {};
  nodes.forEach((node, i) => {
    const contacts = mutual[i]!;
    const n = contacts.size;
    if (n === 0) {
      result[node] = { contacts: 0, effectiveSize: null, efficiency: null };
      return;
    }
    let size = 0;
    for (const j of contacts.keys()) {
      let redundancy = 0;
      for (const [q, aiq] of contacts) {
        const piq = sums[i] === 0 ? 0 : aiq / sums[i]!;
        const mjq = maxima[j] === 0 ? 0 : (mutual[j]!.get(q) ?? 0) / maxima[j]!;
        redundancy += piq * mjq;
      }
      size += 1 - redundancy;
    }
    result[node] = { contacts: n, effectiveSize: size, efficiency: size / n };
  });
  return result;
}
