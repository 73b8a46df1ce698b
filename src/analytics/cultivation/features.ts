/**
 * What promotionCandidates measures a resident's year by: participation over a window [a, b) read
 * off per-resident event arrays, and network position in a tie network (CSR arrays). Features:
 *
 * - participant, volunteer, organiser: activities attended in each role;
 * - memberships, coreRoles: memberships in force at some time in the window, and those held as
 *   LEADER or CORE_TEAM;
 * - claims: projects claimed (公益认领);
 * - hoursGiven, hoursReceived: time-bank hours (共享会);
 * - degree: residents tied to; pagerank: weighted PageRank (Page, Brin, Motwani & Winograd 1999,
 *   damping 0.85); constraint: Burt's aggregate constraint (Burt 1992, "Structural Holes", ch. 2;
 *   lower = more brokerage; an isolate counts 1, as constrained as one with a single contact);
 *   crossGroupShare: the share of its ties that reach another housing area (Krackhardt & Stern 1988's
 *   external ties, per resident; 0 without ties).
 */
import { pagerank } from '../centrality/pagerank.ts';
import type { CSR } from '../graph-utils/csr.ts';

export const FEATURES = [
  'participant', 'volunteer', 'organiser', 'memberships', 'coreRoles', 'claims', 'hoursGiven', 'hoursReceived',
  'degree', 'pagerank', 'constraint', 'crossGroupShare',
] as const;
export type Feature = (typeof FEATURES)[number];
export const ACTIVITY_FEATURE_COUNT = 8;

/** Attendance and membership roles as numbers. */
export const ATTENDANCE_ROLE = { PARTICIPANT: 0, VOLUNTEER: 1, ORGANIZER: 2 } as const;
export const MEMBERSHIP_ROLE = { MEMBER: 0, CORE_TEAM: 1, LEADER: 2 } as const;

/** Events of each resident i at [offsets[i], offsets[i+1]) of each list; times in ms (NaN = not recorded). */
export interface ParticipationArrays {
  readonly ids: readonly string[];
  readonly attended: { offsets: Int32Array; at: Float64Array; role: Int8Array };
  readonly memberships: { offsets: Int32Array; since: Float64Array; until: Float64Array; role: Int8Array };
  readonly claims: { offsets: Int32Array; at: Float64Array };
  readonly given: { offsets: Int32Array; at: Float64Array; hours: Float64Array };
  readonly received: { offsets: Int32Array; at: Float64Array; hours: Float64Array };
}

const inWindow = (t: number, a: number, b: number) => t >= a && t < b;

/** The participation features of resident i over [a, b), into out[0 … 7]. */
export function activityFeatures(p: ParticipationArrays, i: number, a: number, b: number, out: Float64Array): void {
  out.fill(0, 0, ACTIVITY_FEATURE_COUNT);
  const { attended, memberships, claims, given, received } = p;
  for (let k = attended.offsets[i]!; k < attended.offsets[i + 1]!; k += 1) {
    if (inWindow(attended.at[k]!, a, b)) out[attended.role[k]!] = out[attended.role[k]!]! + 1;
  }
  for (let k = memberships.offsets[i]!; k < memberships.offsets[i + 1]!; k += 1) {
    const since = memberships.since[k]!;
    const until = memberships.until[k]!;
    if ((Number.isNaN(since) || since < b) && (Number.isNaN(until) || until > a)) {
      out[3] = out[3]! + 1;
      if (memberships.role[k]! > 0) out[4] = out[4]! + 1;
    }
  }
  for (let k = claims.offsets[i]!; k < claims.offsets[i + 1]!; k += 1) if (inWindow(claims.at[k]!, a, b)) out[5] = out[5]! + 1;
  for (let k = given.offsets[i]!; k < given.offsets[i + 1]!; k += 1) if (inWindow(given.at[k]!, a, b)) out[6] = out[6]! + given.hours[k]!;
  for (let k = received.offsets[i]!; k < received.offsets[i + 1]!; k += 1) if (inWindow(received.at[k]!, a, b)) out[7] = out[7]! + received.hours[k]!;
}

export interface NetworkFeatures {
  degree: Float64Array;
  pagerank: Float64Array;
  constraint: Float64Array;
  crossGroupShare: Float64Array;
}

/**
 * Burt's constraint on a simple undirected CSR: pᵢⱼ = wᵢⱼ / Σₖ wᵢₖ, cᵢ = Σⱼ (pᵢⱼ + Σ_q pᵢ_q p_qⱼ)²
 * over i's contacts j (q ≠ i, j). The same values as ../bridging/constraint.ts on the graphology
 * graph (a unit test holds them together), without building one.
 */
export function csrConstraint(csr: Pick<CSR, 'order' | 'offsets' | 'targets' | 'weights'>): Float64Array {
  const { order: n, offsets, targets, weights } = csr;
  const p = new Float64Array(weights.length);
  for (let i = 0; i < n; i += 1) {
    let sum = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k += 1) sum += weights[k]!;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k += 1) p[k] = sum > 0 ? weights[k]! / sum : 0;
  }
  const out = new Float64Array(n).fill(1);
  // direct[j] is p_ij while stamp[j] = i + 1 (j a neighbour of the current i); a stamp instead of a
  // sentinel value keeps the two-step loop, which dominates, to one integer comparison per step.
  const direct = new Float64Array(n);
  const indirect = new Float64Array(n);
  const stamp = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const lo = offsets[i]!;
    const hi = offsets[i + 1]!;
    if (hi === lo) continue;
    const mark = i + 1;
    for (let k = lo; k < hi; k += 1) {
      const j = targets[k]!;
      direct[j] = p[k]!;
      indirect[j] = 0;
      stamp[j] = mark;
    }
    stamp[i] = 0;
    for (let k = lo; k < hi; k += 1) {
      const q = targets[k]!;
      const pq = p[k]!;
      const qEnd = offsets[q + 1]!;
      for (let m = offsets[q]!; m < qEnd; m += 1) {
        const j = targets[m]!;
        if (stamp[j] === mark) indirect[j] = indirect[j]! + pq * p[m]!;
      }
    }
    let c = 0;
    for (let k = lo; k < hi; k += 1) {
      const j = targets[k]!;
      c += (direct[j]! + indirect[j]!) ** 2;
    }
    out[i] = c;
  }
  return out;
}

/** Network features of every node of a tie network; groupOf: housing-area number per node (−1 unknown). */
export function networkFeatures(csr: CSR, groupOf: Int32Array): NetworkFeatures {
  const n = csr.order;
  const degree = new Float64Array(n);
  const crossGroupShare = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    degree[i] = csr.offsets[i + 1]! - csr.offsets[i]!;
    let known = 0;
    let crossing = 0;
    for (let k = csr.offsets[i]!; k < csr.offsets[i + 1]!; k += 1) {
      const g = groupOf[csr.targets[k]!]!;
      if (g < 0 || groupOf[i]! < 0) continue;
      known += 1;
      if (g !== groupOf[i]) crossing += 1;
    }
    crossGroupShare[i] = known > 0 ? crossing / known : 0;
  }
  const pr = new Float64Array(n);
  if (n > 0) {
    const values = pagerank(csr, { alpha: 0.85, weighted: true, maxIterations: 1000, allowNonConvergence: true }).values;
    // Without ties a resident has no network position, only PageRank's teleport share: count it as 0.
    for (let i = 0; i < n; i += 1) pr[i] = degree[i]! > 0 ? values[csr.ids[i]!]! : 0;
  }
  return { degree, pagerank: pr, constraint: csrConstraint(csr), crossGroupShare };
}
