/**
 * The E-I index and the share of cross-group ties — Krackhardt & Stern (1988), "Informal networks
 * and organizational crises: an experimental simulation", Social Psychology Quarterly 51(2), 123–140.
 *
 *   EI = (E − I) / (E + I)
 *
 * E the external ties (between groups), I the internal ones: −1 when all ties stay inside groups
 * (reweaving has work to do), +1 when all cross. Computed at three levels:
 * - network: each tie counted once; crossingShare = E / (E + I);
 * - group: the ties of the group's members — an external tie counts for the member's group, an
 *   internal tie counts at both its ends (so Σ_g E_g = 2E and Σ_g I_g = 2I: the group index is that
 *   of its members' ties taken together, and the network index is that of all groups together);
 * - individual: a node's own ties to other groups versus its own group.
 * Weighted, the ties are summed by weight instead of counted. Direction is ignored; self-loops
 * and ties touching an unassigned node are left out.
 *
 * Significance by permutation: group labels are shuffled across the
 * assigned nodes (group sizes kept) `permutations` times with a seeded generator. The expected
 * network E-I under that null is exact: 2·P(cross) − 1 with P(cross) = 1 − Σ_g n_g(n_g − 1) / (n(n − 1)).
 * pTwoSided = (1 + #{|EI* − expected| ≥ |EI − expected|}) / (1 + permutations) (Phipson & Smyth
 * 2010: never 0); pLower / pUpper count EI* ≤ EI and EI* ≥ EI likewise.
 */
import { checkSeed, mulberry32, shuffle } from '../graph-utils/prng.ts';
import { resolveGroups, type Grouping } from './grouping.ts';
import { checkGraph, type AnyGraph } from '../graph-utils/graph.ts';
import { checkWeightOptions, resolveOptions, weightReader, type WeightOptions } from '../graph-utils/options.ts';
import type { Attributes } from 'graphology-types';
import { keyedRecord } from '../graph-utils/csr.ts';

const MODULE = 'bridging/ei-index';

/** `weighted`: ties summed by `weightAttribute` (missing → 1); unweighted, ties counted. */
export interface EIOptions<N extends Attributes = Attributes> extends WeightOptions {
  /** Node attribute name, or node → group function. Required. */
  group: Grouping<N> | null;
  /** Number of label permutations for the test; 0 skips it. */
  permutations: number;
  /** Seed of the permutations. */
  seed: number;
}

export const DEFAULTS: EIOptions = Object.freeze({ group: null, weighted: false, weightAttribute: 'weight', permutations: 1000, seed: 1 });

export interface EICounts {
  external: number;
  internal: number;
  /** (E − I) / (E + I); null without ties. */
  ei: number | null;
}

export interface EIPermutationTest {
  permutations: number;
  seed: number;
  /** E-I expected under random relabelling (exact). */
  expected: number;
  /** Mean and standard deviation of the permuted E-I values. */
  mean: number;
  sd: number;
  pTwoSided: number;
  pLower: number;
  pUpper: number;
}

export interface EIResult {
  network: EICounts & {
    /** E / (E + I); null without ties. */
    crossingShare: number | null;
    /** Null when skipped (permutations 0), or without ties or with fewer than two assigned nodes. */
    test: EIPermutationTest | null;
  };
  groups: Record<string, EICounts & { size: number }>;
  nodes: Record<string, EICounts>;
  /** Nodes without a group, left out. */
  unassigned: string[];
}

const ratio = (e: number, i: number): number | null => (e + i > 0 ? (e - i) / (e + i) : null);

export function eiIndex<N extends Attributes>(graph: AnyGraph<N>, options: Partial<EIOptions<N>>): EIResult {
  checkGraph(MODULE, graph);
  const o = resolveOptions<EIOptions<N>>(MODULE, DEFAULTS as EIOptions<N>, options);
  const { group, permutations, seed } = o;
  if (group === null) throw new Error(`${MODULE}: group is required (a node attribute name or a function)`);
  checkWeightOptions(MODULE, o);
  if (typeof permutations !== 'number' || !Number.isSafeInteger(permutations) || permutations < 0) {
    throw new Error(`${MODULE}: permutations must be an integer ≥ 0`);
  }
  checkSeed(MODULE, seed);
  const groups = resolveGroups(graph, group, MODULE);
  const read = weightReader(o, MODULE);

  // Dense labels over the assigned nodes, for the counts and the permutations.
  const assigned = [...groups.keys()];
  const position = new Map(assigned.map((node, i) => [node, i]));
  const groupNames = [...new Set(groups.values())].sort();
  const groupIndex = new Map(groupNames.map((g, k) => [g, k]));
  const labels = Int32Array.from(assigned, (node) => groupIndex.get(groups.get(node)!)!);
  const ends: number[] = [];
  const weights: number[] = [];

  const nodeCounts = assigned.map(() => ({ external: 0, internal: 0 }));
  graph.forEachEdge((edge, attributes, source, target) => {
    if (source === target) return;
    const i = position.get(source);
    const j = position.get(target);
    if (i === undefined || j === undefined) return;
    const w = read(edge, attributes);
    ends.push(i, j);
    weights.push(w);
    const key = labels[i] === labels[j] ? 'internal' : 'external';
    nodeCounts[i]![key] += w;
    nodeCounts[j]![key] += w;
  });

  const externalWeight = (l: Int32Array): number => {
    let e = 0;
    for (let k = 0; k < weights.length; k += 1) if (l[ends[2 * k]!] !== l[ends[2 * k + 1]!]) e += weights[k]!;
    return e;
  };
  let total = 0;
  for (const w of weights) total += w;
  const external = externalWeight(labels);
  const internal = total - external;
  const observed = ratio(external, internal);

  let test: EIPermutationTest | null = null;
  const n = assigned.length;
  if (permutations > 0 && observed !== null && n >= 2) {
    const sizes = new Array<number>(groupNames.length).fill(0);
    for (const l of labels) sizes[l] = sizes[l]! + 1;
    let same = 0;
    for (const s of sizes) same += s * (s - 1);
    const expected = 2 * (1 - same / (n * (n - 1))) - 1;
    const random = mulberry32(seed);
    const permuted = Int32Array.from(labels);
    const tolerance = 1e-12;
    let two = 0;
    let lower = 0;
    let upper = 0;
    let sum = 0;
    let sumSq = 0;
    for (let r = 0; r < permutations; r += 1) {
      shuffle<number, Int32Array>(permuted, random);
      const e = externalWeight(permuted);
      const value = (2 * e - total) / total;
      sum += value;
      sumSq += value * value;
      if (Math.abs(value - expected) >= Math.abs(observed - expected) - tolerance) two += 1;
      if (value <= observed + tolerance) lower += 1;
      if (value >= observed - tolerance) upper += 1;
    }
    const mean = sum / permutations;
    test = {
      permutations,
      seed,
      expected,
      mean,
      sd: Math.sqrt(Math.max(0, sumSq / permutations - mean * mean)),
      pTwoSided: (two + 1) / (permutations + 1),
      pLower: (lower + 1) / (permutations + 1),
      pUpper: (upper + 1) / (permutations + 1),
    };
  }

  const groupsOut = keyedRecord<EICounts & { size: number }>();
  for (const g of groupNames) groupsOut[g] = { size: 0, external: 0, internal: 0, ei: null };
  const nodesOut = keyedRecord<EICounts>();
  assigned.forEach((node, i) => {
    const { external: e, internal: inner } = nodeCounts[i]!;
    nodesOut[node] = { external: e, internal: inner, ei: ratio(e, inner) };
    const g = groupsOut[groupNames[labels[i]!]!]!;
    g.size += 1;
    g.external += e;
    g.internal += inner;
  });
  for (const g of Object.values(groupsOut)) g.ei = ratio(g.external, g.internal);

  return {
    network: { external, internal, ei: observed, crossingShare: total > 0 ? external / total : null, test },
    groups: groupsOut,
    nodes: nodesOut,
    unassigned: graph.filterNodes((node) => !groups.has(node)),
  };
}
