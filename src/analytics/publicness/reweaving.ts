/**
 * The reweaving diff: two tie networks of one community (the 365 days up to t0 and up to t1) side by
 * side. Ties are matched by their pair of residents: added (at t1, not t0), lost (at t0, not t1) and
 * kept. A cross-group tie added is a new bridge between groups (Granovetter 1973's bridging ties, in
 * the grouping's sense), one lost a bridge lost; the groups are read at t1 for added ties and at t0
 * for lost ones. Each network is described by its isolates, connected components and the largest
 * one's share, density 2m / (n(n − 1)), average clustering (Watts & Strogatz 1998, clustering.ts),
 * Louvain modularity (Blondel et al. 2008, src/analytics/communities/louvain.ts) and Krackhardt &
 * Stern's (1988) E-I index by the grouping, for the network and per group.
 */
import { eiIndex } from '../bridging/ei-index.ts';
import { resolveGroups, type Grouping } from '../bridging/grouping.ts';
import { edgeList, type AnyGraph, type EdgeList } from '../graph-utils/graph.ts';
import { connectedComponents } from '../communities/components.ts';
import { louvain } from '../communities/louvain.ts';
import { averageClustering } from './clustering.ts';

export interface GroupFigures {
  group: string;
  residents: number;
  tiesInside: number;
  tiesOut: number;
  ei: number | null;
  isolates: number;
}

export interface NetworkFigures {
  residents: number;
  ties: number;
  isolates: number;
  components: number;
  largestComponentShare: number | null;
  density: number | null;
  averageClustering: number | null;
  modularity: number | null;
  louvainCommunities: number;
  ei: number | null;
  crossingTies: number;
  groups: GroupFigures[];
}

export interface ReweavingDiff {
  t0: NetworkFigures;
  t1: NetworkFigures;
  added: number;
  lost: number;
  kept: number;
  bridgesAdded: number;
  bridgesLost: number;
}

export interface ReweavingOptions {
  group: Grouping;
  /** Louvain's seed and resolution. */
  seed: number;
  resolution: number;
}

/**
 * The residents of both networks numbered once, and each network's ties as numbers lo·N + hi of
 * their ends' numbers (exact below 2^53, so up to about 94 million residents): matching half a
 * million ties by number instead of by a string of two ids takes a fraction of the time.
 */
interface PairIndex {
  ids: string[];
  index: Map<string, number>;
}

function pairIndex(graphs: readonly AnyGraph[]): PairIndex {
  const ids: string[] = [];
  const index = new Map<string, number>();
  for (const g of graphs) {
    g.forEachNode((node) => {
      if (!index.has(node)) {
        index.set(node, ids.length);
        ids.push(node);
      }
    });
  }
  return { ids, index };
}

/**
 * The network's distinct pairs as sorted numbers (typed, so half a million keys allocate nothing
 * each), from its edge list: each node is looked up in the shared numbering once, not once per edge.
 */
function pairs(list: EdgeList, { ids, index }: PairIndex): Float64Array {
  const n = ids.length;
  const shared = Int32Array.from(list.nodes, (node) => index.get(node)!);
  const keys = new Float64Array(list.ends.length / 2);
  let k = 0;
  for (let e = 0; e < list.ends.length; e += 2) {
    const i = shared[list.ends[e]!]!;
    const j = shared[list.ends[e + 1]!]!;
    if (i === j) continue;
    keys[k] = i < j ? i * n + j : j * n + i;
    k += 1;
  }
  const sorted = keys.subarray(0, k).sort();
  let unique = 0;
  for (let r = 0; r < sorted.length; r += 1) {
    if (r === 0 || sorted[r] !== sorted[r - 1]) {
      sorted[unique] = sorted[r]!;
      unique += 1;
    }
  }
  return sorted.subarray(0, unique);
}

/**
 * `counted`: the graph's edge list and number of distinct pairs, when the caller (reweavingDiff) has
 * made them already.
 */
export function networkFigures(graph: AnyGraph, options: ReweavingOptions, counted?: { list: EdgeList; ties: number }): NetworkFigures {
  const n = graph.order;
  const list = counted?.list ?? edgeList(graph);
  const ties = counted?.ties ?? pairs(list, pairIndex([graph])).length;
  const components = connectedComponents(graph, list);
  // Unweighted throughout: the diff counts ties, so modularity and E-I count them too.
  const communities = louvain(graph, { weighted: false, seed: options.seed, resolution: options.resolution }, list);
  const ei = eiIndex(graph, { group: options.group, weighted: false, permutations: 0 });
  const groups = resolveGroups(graph, options.group, 'publicness/reweaving');
  const isolatesOf = new Map<string, number>();
  graph.forEachNode((node) => {
    const g = groups.get(node);
    if (g !== undefined && graph.degree(node) === 0) isolatesOf.set(g, (isolatesOf.get(g) ?? 0) + 1);
  });
  const perGroup = Object.entries(ei.groups)
    .map(([group, c]) => ({ group, residents: c.size, tiesInside: c.internal / 2, tiesOut: c.external, ei: c.ei, isolates: isolatesOf.get(group) ?? 0 }))
    .sort((a, b) => b.residents - a.residents || (a.group < b.group ? -1 : 1));
  return {
    residents: n,
    ties,
    isolates: components.isolates,
    components: components.count,
    largestComponentShare: n > 0 ? components.largest / n : null,
    density: n > 1 ? (2 * ties) / (n * (n - 1)) : null,
    averageClustering: averageClustering(graph, list),
    modularity: communities.modularity,
    louvainCommunities: communities.count,
    ei: ei.network.ei,
    crossingTies: ei.network.external,
    groups: perGroup,
  };
}

/** `groupAtT1` when the grouping is read differently at t1 (a Louvain community found in each network). */
export function reweavingDiff(g0: AnyGraph, g1: AnyGraph, options: ReweavingOptions, groupAtT1: Grouping = options.group): ReweavingDiff {
  const index = pairIndex([g0, g1]);
  const n = index.ids.length;
  const l0 = edgeList(g0);
  const l1 = edgeList(g1);
  const p0 = pairs(l0, index);
  const p1 = pairs(l1, index);
  const groups0 = resolveGroups(g0, options.group, 'publicness/reweaving');
  const groups1 = resolveGroups(g1, groupAtT1, 'publicness/reweaving');
  const crosses = (groups: Map<string, string>, key: number) => {
    const x = groups.get(index.ids[Math.floor(key / n)]!);
    const y = groups.get(index.ids[key % n]!);
    return x !== undefined && y !== undefined && x !== y;
  };
  // One walk over both sorted key lists: a key in both is kept, in p1 only added, in p0 only lost.
  let added = 0;
  let kept = 0;
  let lost = 0;
  let bridgesAdded = 0;
  let bridgesLost = 0;
  let x = 0;
  let y = 0;
  while (x < p0.length || y < p1.length) {
    const a = x < p0.length ? p0[x]! : Infinity;
    const b = y < p1.length ? p1[y]! : Infinity;
    if (a === b) {
      kept += 1;
      x += 1;
      y += 1;
    } else if (b < a) {
      added += 1;
      if (crosses(groups1, b)) bridgesAdded += 1;
      y += 1;
    } else {
      lost += 1;
      if (crosses(groups0, a)) bridgesLost += 1;
      x += 1;
    }
  }
  return {
    t0: networkFigures(g0, options, { list: l0, ties: p0.length }), t1: networkFigures(g1, { ...options, group: groupAtT1 }, { list: l1, ties: p1.length }),
    added, lost, kept, bridgesAdded, bridgesLost,
  };
}
