/**
 * Louvain community detection — Blondel, Guillaume, Lambiotte & Lefebvre (2008), "Fast unfolding of
 * communities in large networks", J. Stat. Mech. P10008 — maximising modularity with resolution γ
 * (Reichardt & Bornholdt 2006).
 *
 * Phase 1 moves each node, in a seeded random order, to the neighbouring community with the largest
 * positive modularity gain, repeating passes until no node moves; phase 2 collapses communities into
 * nodes (internal weight becomes a self-loop) and starts again. It stops when a level raises
 * modularity by no more than `threshold` or moves nothing. The steps follow NetworkX's
 * `louvain_partitions` (gain formula, one shuffle per level, first best community on ties), so the
 * result is comparable to `nx.community.louvain_communities`, but the random streams differ: the same
 * seed gives the same partition here, not NetworkX's.
 *
 * Undirected graphs only. Communities are numbered 0.. in order of their first node in the graph.
 */
import { checkGraph, denseIndex, requireUndirected, type AnyGraph } from '../graph-utils/graph.ts';
import { checkWeightOptions, resolveOptions, weightReader, type WeightOptions } from '../graph-utils/options.ts';
import { modularity } from './modularity.ts';
import { checkSeed, mulberry32, shuffle, type Random } from '../graph-utils/prng.ts';
import { keyedRecord } from '../graph-utils/csr.ts';

const MODULE = 'communities/louvain';

/** `weighted`: edge weights from `weightAttribute` (missing → 1); unweighted, edges counted. */
export interface LouvainOptions extends WeightOptions {
  /** γ > 0: above 1 gives more, smaller communities. */
  resolution: number;
  /** Seed of the node order; the same seed gives the same partition. */
  seed: number;
  /** A level must raise modularity by more than this for the next level to run (NetworkX: 1e-7). */
  threshold: number;
}

export const DEFAULTS: LouvainOptions = Object.freeze({ weighted: true, weightAttribute: 'weight', resolution: 1, seed: 1, threshold: 1e-7 });

export interface LouvainResult {
  /** Node → community number. */
  communities: Record<string, number>;
  /** Number of communities. */
  count: number;
  /** Modularity of the partition at `resolution`; null for a graph without edge weight. */
  modularity: number | null;
  /** Aggregation levels run. */
  levels: number;
}

/** One level's graph: neighbour lists without self-loops, self-loop weights, weighted degrees. */
interface Level {
  neighbours: number[][];
  weights: number[][];
  loops: Float64Array;
  degree: Float64Array;
}

function levelOf(neighbours: number[][], weights: number[][], loops: Float64Array): Level {
  const degree = new Float64Array(loops.length);
  for (let i = 0; i < loops.length; i += 1) {
    let d = 2 * loops[i]!;
    for (const w of weights[i]!) d += w;
    degree[i] = d;
  }
  return { neighbours, weights, loops, degree };
}

/** Phase 1 over one level: node → community (dense 0..k−1), and whether any node moved. */
function oneLevel(level: Level, m: number, resolution: number, random: Random): { community: Int32Array; moved: boolean } {
  const n = level.loops.length;
  const community = new Int32Array(n);
  for (let i = 0; i < n; i += 1) community[i] = i;
  const totals = Float64Array.from(level.degree);
  const order = shuffle(Array.from({ length: n }, (_, i) => i), random);
  const scale = 2 * m * m;
  let moved = false;
  let moves = 1;
  while (moves > 0) {
    moves = 0;
    for (const u of order) {
      const own = community[u]!;
      const degree = level.degree[u]!;
      // Weight from u to each neighbouring community, in neighbour order (NetworkX's dict order).
      const toCommunity = new Map<number, number>();
      const neighbours = level.neighbours[u]!;
      const weights = level.weights[u]!;
      for (let k = 0; k < neighbours.length; k += 1) {
        const c = community[neighbours[k]!]!;
        toCommunity.set(c, (toCommunity.get(c) ?? 0) + weights[k]!);
      }
      totals[own] = totals[own]! - degree;
      const removeCost = -(toCommunity.get(own) ?? 0) / m + (resolution * totals[own]! * degree) / scale;
      let best = own;
      let bestGain = 0;
      for (const [c, w] of toCommunity) {
        const gain = removeCost + w / m - (resolution * totals[c]! * degree) / scale;
        if (gain > bestGain) {
          bestGain = gain;
          best = c;
        }
      }
      totals[best] = totals[best]! + degree;
      if (best !== own) {
        community[u] = best;
        moves += 1;
        moved = true;
      }
    }
  }
  // Renumber the non-empty communities 0..k−1 in order of first appearance.
  const renumber = new Map<number, number>();
  for (let i = 0; i < n; i += 1) {
    const c = community[i]!;
    if (!renumber.has(c)) renumber.set(c, renumber.size);
    community[i] = renumber.get(c)!;
  }
  return { community, moved };
}

/** Phase 2: one node per community; edges between communities summed, edges inside become loops. */
function aggregate(level: Level, community: Int32Array, count: number): Level {
  const loops = new Float64Array(count);
  const rows = Array.from({ length: count }, () => new Map<number, number>());
  for (let u = 0; u < community.length; u += 1) {
    const cu = community[u]!;
    loops[cu] = loops[cu]! + level.loops[u]!;
    const neighbours = level.neighbours[u]!;
    const weights = level.weights[u]!;
    for (let k = 0; k < neighbours.length; k += 1) {
      const v = neighbours[k]!;
      const cv = community[v]!;
      if (cu === cv) {
        if (u < v) loops[cu] = loops[cu]! + weights[k]!;
      } else {
        rows[cu]!.set(cv, (rows[cu]!.get(cv) ?? 0) + weights[k]!);
      }
    }
  }
  return levelOf(rows.map((r) => [...r.keys()]), rows.map((r) => [...r.values()]), loops);
}

/** Modularity of a level partition, on the level's own graph (equal to that on the original graph). */
function levelModularity(level: Level, community: Int32Array, count: number, m: number, resolution: number): number {
  const inner = new Float64Array(count);
  const totals = new Float64Array(count);
  for (let u = 0; u < community.length; u += 1) {
    const c = community[u]!;
    totals[c] = totals[c]! + level.degree[u]!;
    inner[c] = inner[c]! + level.loops[u]!;
    const neighbours = level.neighbours[u]!;
    for (let k = 0; k < neighbours.length; k += 1) {
      if (u < neighbours[k]! && community[neighbours[k]!] === c) inner[c] = inner[c]! + level.weights[u]![k]!;
    }
  }
  let q = 0;
  for (let c = 0; c < count; c += 1) q += inner[c]! / m - (resolution * totals[c]! * totals[c]!) / (4 * m * m);
  return q;
}

export function louvain(graph: AnyGraph, options?: Partial<LouvainOptions>): LouvainResult {
  checkGraph(MODULE, graph);
  const o = resolveOptions(MODULE, DEFAULTS, options);
  const { weighted, weightAttribute, resolution, seed, threshold } = o;
  checkWeightOptions(MODULE, o);
  if (typeof resolution !== 'number' || !Number.isFinite(resolution) || resolution <= 0) throw new Error(`${MODULE}: resolution must be > 0`);
  checkSeed(MODULE, seed);
  if (typeof threshold !== 'number' || !(threshold >= 0)) throw new Error(`${MODULE}: threshold must be ≥ 0`);
  requireUndirected(MODULE, graph);

  const { nodes, index } = denseIndex(graph);
  const read = weightReader(o, MODULE);
  const rows = nodes.map(() => new Map<number, number>());
  const loops = new Float64Array(nodes.length);
  let m = 0;
  graph.forEachEdge((edge, attributes, source, target) => {
    const w = read(edge, attributes);
    m += w;
    const i = index.get(source)!;
    const j = index.get(target)!;
    if (i === j) {
      loops[i] = loops[i]! + w;
    } else {
      rows[i]!.set(j, (rows[i]!.get(j) ?? 0) + w);
      rows[j]!.set(i, (rows[j]!.get(i) ?? 0) + w);
    }
  });

  // membership[original node] = its node in the current level.
  let membership = Int32Array.from(nodes, (_, i) => i);
  let levels = 0;
  if (m > 0) {
    const random = mulberry32(seed);
    let level = levelOf(rows.map((r) => [...r.keys()]), rows.map((r) => [...r.values()]), loops);
    let current = levelModularity(level, Int32Array.from(nodes, (_, i) => i), nodes.length, m, resolution);
    for (;;) {
      const { community, moved } = oneLevel(level, m, resolution, random);
      if (!moved) break;
      levels += 1;
      // A loop, not Math.max(...community): spreading 150k+ arguments overflows the stack.
      let count = 0;
      for (const c of community) if (c + 1 > count) count = c + 1;
      membership = membership.map((u) => community[u]!);
      const next = levelModularity(level, community, count, m, resolution);
      if (next - current <= threshold) break;
      current = next;
      level = aggregate(level, community, count);
    }
  }

  // Number communities by their first node in graph order.
  const renumber = new Map<number, number>();
  const communities = keyedRecord<number>();
  nodes.forEach((node, i) => {
    const c = membership[i]!;
    if (!renumber.has(c)) renumber.set(c, renumber.size);
    communities[node] = renumber.get(c)!;
  });
  return {
    communities,
    count: renumber.size,
    modularity: m > 0 ? modularity(graph, communities, { weighted, weightAttribute, resolution }) : null,
    levels,
  };
}
