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
import { checkGraph, denseIndex, requireUndirected, type AnyGraph, type EdgeList } from '../graph-utils/graph.ts';
import { checkWeightOptions, resolveOptions, weightReader, type WeightOptions } from '../graph-utils/options.ts';
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

/**
 * One level's graph in compressed rows (node u's neighbours are targets[offsets[u] .. offsets[u+1]),
 * in the order they were first met, without self-loops), self-loop weights and weighted degrees.
 */
interface Level {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  loops: Float64Array;
  degree: Float64Array;
}

/** A level from one Map per node (neighbour → weight, in insertion order). */
function levelOf(rows: readonly Map<number, number>[], loops: Float64Array): Level {
  const n = loops.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) offsets[i + 1] = offsets[i]! + rows[i]!.size;
  const targets = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  const degree = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    let k = offsets[i]!;
    let d = 2 * loops[i]!;
    for (const [j, w] of rows[i]!) {
      targets[k] = j;
      weights[k] = w;
      d += w;
      k += 1;
    }
    degree[i] = d;
  }
  return { offsets, targets, weights, loops, degree };
}

/**
 * The first level from the edge list (ends[2e], ends[2e + 1], weight[e]), as levelOf would build it
 * from one Map per node — each node's neighbours in the order its edges come, parallel edges summed
 * into the first — without a Map per node.
 */
function levelFromEdges(ends: readonly number[], edgeWeights: readonly number[], loops: Float64Array): Level {
  const n = loops.length;
  const start = new Int32Array(n + 1);
  for (const u of ends) start[u + 1] = start[u + 1]! + 1;
  for (let u = 0; u < n; u += 1) start[u + 1] = start[u + 1]! + start[u]!;
  const fill = start.slice(0, n);
  const raw = new Int32Array(ends.length);
  const rawWeights = new Float64Array(ends.length);
  for (let e = 0; e < edgeWeights.length; e += 1) {
    const i = ends[2 * e]!;
    const j = ends[2 * e + 1]!;
    raw[fill[i]!] = j;
    rawWeights[fill[i]!] = edgeWeights[e]!;
    fill[i] = fill[i]! + 1;
    raw[fill[j]!] = i;
    rawWeights[fill[j]!] = edgeWeights[e]!;
    fill[j] = fill[j]! + 1;
  }
  // Merge parallel edges in place, keeping each neighbour where it was first met.
  const offsets = new Int32Array(n + 1);
  const seenIn = new Int32Array(n).fill(-1);
  const at = new Int32Array(n);
  let k = 0;
  for (let u = 0; u < n; u += 1) {
    offsets[u] = k;
    for (let r = start[u]!; r < start[u + 1]!; r += 1) {
      const v = raw[r]!;
      if (seenIn[v] === u) {
        rawWeights[at[v]!] = rawWeights[at[v]!]! + rawWeights[r]!;
      } else {
        seenIn[v] = u;
        at[v] = k;
        raw[k] = v;
        rawWeights[k] = rawWeights[r]!;
        k += 1;
      }
    }
  }
  offsets[n] = k;
  const degree = new Float64Array(n);
  for (let u = 0; u < n; u += 1) {
    let d = 2 * loops[u]!;
    for (let r = offsets[u]!; r < offsets[u + 1]!; r += 1) d += rawWeights[r]!;
    degree[u] = d;
  }
  return { offsets, targets: raw.slice(0, k), weights: rawWeights.slice(0, k), loops, degree };
}

/** Phase 1 over one level: node → community (dense 0..k−1), and whether any node moved. */
function oneLevel(level: Level, m: number, resolution: number, random: Random): { community: Int32Array; moved: boolean } {
  const n = level.loops.length;
  const community = new Int32Array(n);
  for (let i = 0; i < n; i += 1) community[i] = i;
  const totals = Float64Array.from(level.degree);
  const order = shuffle(Array.from({ length: n }, (_, i) => i), random);
  const scale = 2 * m * m;
  // Weight from u to each neighbouring community, kept in dense arrays reset by a stamp instead of a
  // Map per visit (the allocation dominated on large graphs); `found` holds the communities in the
  // order they are first met among u's neighbours, the order NetworkX's dict iterates.
  const { offsets, targets, weights } = level;
  const weightTo = new Float64Array(n);
  const stamp = new Float64Array(n).fill(-1);
  let maxDegree = 0;
  for (let u = 0; u < n; u += 1) maxDegree = Math.max(maxDegree, offsets[u + 1]! - offsets[u]!);
  const found = new Int32Array(maxDegree);
  let visit = 0;
  let moved = false;
  let moves = 1;
  while (moves > 0) {
    moves = 0;
    for (const u of order) {
      visit += 1;
      const own = community[u]!;
      const degree = level.degree[u]!;
      let count = 0;
      const end = offsets[u + 1]!;
      for (let k = offsets[u]!; k < end; k += 1) {
        const c = community[targets[k]!]!;
        if (stamp[c] !== visit) {
          stamp[c] = visit;
          weightTo[c] = 0;
          found[count] = c;
          count += 1;
        }
        weightTo[c] = weightTo[c]! + weights[k]!;
      }
      totals[own] = totals[own]! - degree;
      const removeCost = -(stamp[own] === visit ? weightTo[own]! : 0) / m + (resolution * totals[own]! * degree) / scale;
      let best = own;
      let bestGain = 0;
      for (let k = 0; k < count; k += 1) {
        const c = found[k]!;
        const gain = removeCost + weightTo[c]! / m - (resolution * totals[c]! * degree) / scale;
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

/** Communities in a dense numbering: the largest number + 1 (a loop: spreading 150k+ arguments into Math.max overflows the stack). */
function countOf(community: Int32Array): number {
  let count = 0;
  for (const c of community) if (c + 1 > count) count = c + 1;
  return count;
}

/** Phase 2: one node per community; edges between communities summed, edges inside become loops. */
function aggregate(level: Level, community: Int32Array, count: number): Level {
  const loops = new Float64Array(count);
  const rows = Array.from({ length: count }, () => new Map<number, number>());
  const { offsets, targets, weights } = level;
  for (let u = 0; u < community.length; u += 1) {
    const cu = community[u]!;
    loops[cu] = loops[cu]! + level.loops[u]!;
    for (let k = offsets[u]!; k < offsets[u + 1]!; k += 1) {
      const v = targets[k]!;
      const cv = community[v]!;
      if (cu === cv) {
        if (u < v) loops[cu] = loops[cu]! + weights[k]!;
      } else {
        rows[cu]!.set(cv, (rows[cu]!.get(cv) ?? 0) + weights[k]!);
      }
    }
  }
  return levelOf(rows, loops);
}

/** Modularity of a level partition, on the level's own graph (equal to that on the original graph). */
function levelModularity(level: Level, community: Int32Array, count: number, m: number, resolution: number): number {
  const inner = new Float64Array(count);
  const totals = new Float64Array(count);
  for (let u = 0; u < community.length; u += 1) {
    const c = community[u]!;
    totals[c] = totals[c]! + level.degree[u]!;
    inner[c] = inner[c]! + level.loops[u]!;
    for (let k = level.offsets[u]!; k < level.offsets[u + 1]!; k += 1) {
      const v = level.targets[k]!;
      if (u < v && community[v] === c) inner[c] = inner[c]! + level.weights[k]!;
    }
  }
  let q = 0;
  for (let c = 0; c < count; c += 1) q += inner[c]! / m - (resolution * totals[c]! * totals[c]!) / (4 * m * m);
  return q;
}

/** `list`: the graph's edgeList, when the caller has made it for several measures (used when unweighted). */
export function louvain(graph: AnyGraph, options?: Partial<LouvainOptions>, list?: EdgeList): LouvainResult {
  checkGraph(MODULE, graph);
  const o = resolveOptions(MODULE, DEFAULTS, options);
  const { resolution, seed, threshold } = o;
  checkWeightOptions(MODULE, o);
  if (typeof resolution !== 'number' || !Number.isFinite(resolution) || resolution <= 0) throw new Error(`${MODULE}: resolution must be > 0`);
  checkSeed(MODULE, seed);
  if (typeof threshold !== 'number' || !(threshold >= 0)) throw new Error(`${MODULE}: threshold must be ≥ 0`);
  requireUndirected(MODULE, graph);

  const shared = list && !o.weighted ? list : null;
  const { nodes, index } = shared ?? denseIndex(graph);
  const read = weightReader(o, MODULE);
  const loops = new Float64Array(nodes.length);
  const ends: number[] = [];
  const edgeWeights: number[] = [];
  let m = 0;
  const add = (i: number, j: number, w: number) => {
    m += w;
    if (i === j) {
      loops[i] = loops[i]! + w;
    } else {
      ends.push(i, j);
      edgeWeights.push(w);
    }
  };
  if (shared) {
    for (let e = 0; e < shared.ends.length; e += 2) add(shared.ends[e]!, shared.ends[e + 1]!, 1);
  } else {
    graph.forEachEdge((edge, attributes, source, target) => add(index.get(source)!, index.get(target)!, read(edge, attributes)));
  }

  // membership[original node] = its node in the current level.
  let membership = Int32Array.from(nodes, (_, i) => i);
  let levels = 0;
  let first: Level | null = null;
  if (m > 0) {
    const random = mulberry32(seed);
    let level = levelFromEdges(ends, edgeWeights, loops);
    first = level;
    let current = levelModularity(level, Int32Array.from(nodes, (_, i) => i), nodes.length, m, resolution);
    for (;;) {
      const { community, moved } = oneLevel(level, m, resolution, random);
      if (!moved) break;
      levels += 1;
      const count = countOf(community);
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
    // On the first level's arrays, the graph's own edges: the same sum as modularity.ts, without reading the graph again.
    modularity: first ? levelModularity(first, membership, countOf(membership), m, resolution) : null,
    levels,
  };
}
