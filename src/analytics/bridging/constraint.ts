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
import { checkGraph, checkWeightOption, mergeOptions, mutualWeights, type AnyGraph, type WeightOption } from './shared.ts';

const MODULE = 'bridging/constraint';

export interface ConstraintOptions {
  /** Edge attribute holding the tie strength (missing → 1), or null for all ties equal. */
  weight: WeightOption;
}

export const DEFAULTS: ConstraintOptions = Object.freeze({ weight: 'weight' });

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
  const { weight } = mergeOptions(MODULE, DEFAULTS, options);
  checkWeightOption(MODULE, weight);
  const { nodes, mutual } = mutualWeights(graph, weight, MODULE);
  // p[i] = proportional strengths of i's ties (Map j → p_ij).
  const p = mutual.map((row) => {
    let sum = 0;
    for (const w of row.values()) sum += w;
    const out = new Map<number, number>();
    for (const [j, w] of row) out.set(j, sum === 0 ? 0 : w / sum);
    return out;
  });
  const result: Record<string, NodeConstraint> = {};
  nodes.forEach((node, i) => {
    const contacts = p[i]!;
    const n = contacts.size;
    if (n === 0) {
      result[node] = { contacts: 0, constraint: null, hierarchy: null };
      return;
    }
    const local: number[] = [];
    let total = 0;
    for (const [j, pij] of contacts) {
      let indirect = 0;
      for (const [q, piq] of contacts) indirect += piq * (p[q]!.get(j) ?? 0);
      const c = (pij + indirect) ** 2;
      local.push(c);
      total += c;
    }
    let hierarchy: number | null = null;
    if (n > 1 && total > 0) {
      let h = 0;
      for (const c of local) {
        const r = (c / total) * n;
        if (r > 0) h += r * Math.log(r);
      }
      hierarchy = h / (n * Math.log(n));
    }
    result[node] = { contacts: n, constraint: total, hierarchy };
  });
  return result;
}
