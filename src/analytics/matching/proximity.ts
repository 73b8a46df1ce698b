/**
 * What the scores need from the full network: hops between pool owners and the owners' Party
 * branches and housing areas. Hops by breadth-first search (Moore 1959, "The shortest path through
 * a maze") over the network read both ways, one search per distinct owner on the smaller side,
 * stopping once every owner on the other side is found. The searches run 32 at a time as one
 * level-synchronous traversal with a bit per search (multi-source BFS: Then, Kaufmann, Chirigati,
 * Hoang-Vu, Pham, Kemper, Neumann & Vo 2014, "The more the merrier: efficient multi-source graph
 * traversal", PVLDB 8(4)), so a node reached by many searches at one level is expanded once. Pool entries themselves (labels in `skip`,
 * by default Resource and Need) are not ties: two units offering into the same pool are not
 * acquainted because of it, and counting the pool would make every owner two or four hops from
 * every other.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { OwnerContext, OwnerGroups } from './proposals.ts';

export const DEFAULT_SKIPPED_LABELS: readonly string[] = ['Resource', 'Need'];

const NO_GROUPS: OwnerGroups = { branches: [], areas: [] };

export interface OwnerNetwork extends OwnerContext {
  /** Searches run (benchmarks). */
  readonly searches: number;
}

/**
 * Owner distances and groups from a graph whose nodes carry `label` (and `housingArea` for
 * residents) and whose affiliation edges carry `kind: 'BRANCH_AFFILIATION'`, as the full projection's do.
 */
export function ownerNetwork(graph: AbstractGraph<Attributes, Attributes>, sources: readonly string[], targets: readonly string[], skip: readonly string[] = DEFAULT_SKIPPED_LABELS): OwnerNetwork {
  const skipped = new Set(skip);
  const index = new Map<string, number>();
  const keys: string[] = [];
  graph.forEachNode((node, attrs) => {
    if (skipped.has(String(attrs.label))) return;
    index.set(node, keys.length);
    keys.push(node);
  });
  const n = keys.length;
  const degree = new Int32Array(n + 1);
  graph.forEachEdge((_e, _a, s, t) => {
    const i = index.get(s);
    const j = index.get(t);
    if (i === undefined || j === undefined || i === j) return;
    degree[i + 1] = degree[i + 1]! + 1;
    degree[j + 1] = degree[j + 1]! + 1;
  });
  for (let i = 0; i < n; i += 1) degree[i + 1] = degree[i + 1]! + degree[i]!;
  const offsets = degree;
  const fill = offsets.slice(0, n);
  const targetsOf = new Int32Array(offsets[n]!);
  graph.forEachEdge((_e, _a, s, t) => {
    const i = index.get(s);
    const j = index.get(t);
    if (i === undefined || j === undefined || i === j) return;
    targetsOf[fill[i]!++] = j;
    targetsOf[fill[j]!++] = i;
  });

  const uniq = (ids: readonly string[]) => [...new Set(ids)].filter((id) => index.has(id)).sort();
  const a = uniq(sources);
  const b = uniq(targets);
  const [from, to] = a.length <= b.length ? [a, b] : [b, a];
  const wanted = new Int32Array(n).fill(-1);
  to.forEach((id, k) => (wanted[index.get(id)!] = k));
  const distances = new Map<string, Map<string, number>>();
  // 32 searches at once, one bit each, level by level (see the header).
  const seen = new Int32Array(n);
  const frontier = new Int32Array(n);
  const reached = new Int32Array(n);
  for (let start = 0; start < from.length; start += 32) {
    const batch = from.slice(start, start + 32);
    seen.fill(0);
    const found = batch.map((id) => {
      const map = new Map<string, number>();
      distances.set(id, map);
      return map;
    });
    let left = batch.length * to.length;
    let current: number[] = [];
    batch.forEach((id, b) => {
      const root = index.get(id)!;
      if (frontier[root] === 0) current.push(root);
      frontier[root] = frontier[root]! | (1 << b);
      seen[root] = seen[root]! | (1 << b);
      if (wanted[root]! >= 0) {
        found[b]!.set(id, 0);
        left -= 1;
      }
    });
    let level = 0;
    while (current.length > 0 && left > 0) {
      const upcoming: number[] = [];
      for (const u of current) {
        const bits = frontier[u]!;
        for (let e = offsets[u]!; e < offsets[u + 1]!; e += 1) {
          const v = targetsOf[e]!;
          const add = bits & ~seen[v]! & ~reached[v]!;
          if (add === 0) continue;
          if (reached[v] === 0) upcoming.push(v);
          reached[v] = reached[v]! | add;
        }
      }
      for (const u of current) frontier[u] = 0;
      level += 1;
      for (const v of upcoming) {
        const bits = reached[v]!;
        reached[v] = 0;
        seen[v] = seen[v]! | bits;
        frontier[v] = bits;
        if (wanted[v]! < 0) continue;
        for (let x = bits; x !== 0; x &= x - 1) {
          found[31 - Math.clz32(x & -x)]!.set(keys[v]!, level);
          left -= 1;
        }
      }
      current = upcoming;
    }
    for (const u of current) frontier[u] = 0;
  }
  const hops = (x: string, y: string): number | null => {
    const d = distances.get(x)?.get(y) ?? distances.get(y)?.get(x);
    return d === undefined ? null : d;
  };

  const groups = new Map<string, OwnerGroups>();
  for (const id of new Set([...sources, ...targets])) {
    if (!graph.hasNode(id)) continue;
    const attrs = graph.getNodeAttributes(id);
    const branches = new Set<string>();
    if (attrs.label === 'PartyBranch') branches.add(id);
    graph.forEachOutEdge(id, (_e, edge, _s, t) => {
      if (edge.kind === 'BRANCH_AFFILIATION') branches.add(t);
    });
    const area = attrs.label === 'Resident' && typeof attrs.housingArea === 'string' ? [attrs.housingArea] : [];
    groups.set(id, { branches: [...branches].sort(), areas: area });
  }
  return { hops, groups: (id) => groups.get(id) ?? NO_GROUPS, searches: from.length };
}
