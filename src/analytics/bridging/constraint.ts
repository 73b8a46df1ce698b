/**
 * Burt's constraint and hierarchy — Burt (1992), Structural Holes: The Social Structure of
 * Competition, Harvard UP, ch. 2 (eq. 2.4 and the hierarchy measure of the same chapter). A broker —
 * someone bridging otherwise separate groups of residents — has low constraint.
 *
 *   p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki)            proportional tie strength of i to j
 *   c_ij = (p_ij + Σ_q p_iq p_qj)²                      j's constraint on i (q over i's contacts)
 *   C_i  = Σ_j c_ij                                     constraint
 *   H_i  = Σ_j r_j ln r_j / (N ln N),  r_j = c_ij / (C_i / N)   hierarchy, N = number of contacts
 *
 * Constraint is NetworkX's `constraint(G, weight=...)` term for term (tests compare on published
 * data); hierarchy is Burt's coefficient: 0 when every contact constrains i equally, 1 when one
 * contact holds all of it. Undefined values are null: both for an isolate, hierarchy also for a
 * node with one contact (N ln N = 0) or zero constraint. Contacts are neighbours either way in a
 * directed graph (NetworkX's all_neighbors); self-loops are left out.
 */
import { checkGraph, type AnyGraph } from '../graph-utils/graph.ts';
import { checkWeightOptions, resolveOptions, type WeightOptions } from '../graph-utils/options.ts';
import { mutualAdjacency } from './mutual-weights.ts';
import { keyedRecord } from '../graph-utils/csr.ts';

const MODULE = 'bridging/constraint';

/** `weighted`: tie strength from `weightAttribute` (missing → 1); unweighted, all ties equal. */
export type ConstraintOptions = WeightOptions;

export const DEFAULTS: ConstraintOptions = Object.freeze({ weighted: true, weightAttribute: 'weight' });

export interface NodeConstraint {
  /** Number of distinct contacts (neighbours). */
  contacts: number;
  /** Burt's aggregate constraint C_i; null for an isolate. */
  constraint: number | null;
  /** Burt's hierarchy H_i; null when fewer than two contacts or no constraint. */
  hierarchy: number | null;
}

export function constraint(graph: AnyGraph, options?: Partial<ConstraintOptions>): Record<string, NodeConstraint> {
  checkGraph(MODULE, graph);
  const o = resolveOptions(MODULE, DEFAULTS, options);
  checkWeightOptions(MODULE, o);
  const { nodes, offsets, targets, weights } = mutualAdjacency(graph, o, MODULE);
  const n = nodes.length;
  // p[k] = p_ij for the entry k = (i, j): i's tie to j over i's total.
  const p = new Float64Array(weights.length);
  for (let i = 0; i < n; i += 1) {
    let sum = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k += 1) sum += weights[k]!;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k += 1) p[k] = sum === 0 ? 0 : weights[k]! / sum;
  }
  // Per node i: direct[j] = p_ij for i's contacts (NaN elsewhere marks "not a contact"), and
  // indirect[j] = Σ_q p_iq p_qj accumulated by walking each contact q's own contacts: the same sum as
  // Burt's, visiting Σ_q d_q entries instead of d_i² look-ups.
  const direct = new Float64Array(n).fill(Number.NaN);
  const indirect = new Float64Array(n);
  const result = keyedRecord<NodeConstraint>();
  for (let i = 0; i < n; i += 1) {
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    const contacts = to - from;
    if (contacts === 0) {
      result[nodes[i]!] = { contacts: 0, constraint: null, hierarchy: null };
      continue;
    }
    for (let k = from; k < to; k += 1) direct[targets[k]!] = p[k]!;
    for (let k = from; k < to; k += 1) {
      const piq = p[k]!;
      const q = targets[k]!;
      for (let l = offsets[q]!; l < offsets[q + 1]!; l += 1) {
        const j = targets[l]!;
        if (j !== i && !Number.isNaN(direct[j]!)) indirect[j] = indirect[j]! + piq * p[l]!;
      }
    }
    const local = new Float64Array(contacts);
    let total = 0;
    for (let k = from; k < to; k += 1) {
      const j = targets[k]!;
      const c = (direct[j]! + indirect[j]!) ** 2;
      local[k - from] = c;
      total += c;
    }
    for (let k = from; k < to; k += 1) {
      direct[targets[k]!] = Number.NaN;
      indirect[targets[k]!] = 0;
    }
    let hierarchy: number | null = null;
    if (contacts > 1 && total > 0) {
      let h = 0;
      for (const c of local) {
        const r = (c / total) * contacts;
        if (r > 0) h += r * Math.log(r);
      }
      hierarchy = h / (contacts * Math.log(contacts));
    }
    result[nodes[i]!] = { contacts, constraint: total, hierarchy };
  }
  return result;
}
