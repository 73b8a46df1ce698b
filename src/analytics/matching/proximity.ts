/**
 * What the scores need from the full network: hops between pool owners and the owners' Party
 * branches and housing areas. Hops by breadth-first search (Moore 1959, "The shortest path through
 * a maze") over the network read both ways, one search per distinct owner on the smaller side,
 * stopping once every owner on the other side is found. Pool entries themselves (labels in `skip`,
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
  const seen = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  from.forEach((id, round) => {
    const found = new Map<string, number>();
    distances.set(id, found);
    const root = index.get(id)!;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    seen[root] = round;
    let left = to.length;
    if (wanted[root]! >= 0) {
      found.set(id, 0);
      left -= 1;
    }
    // Level by level, so the search can stop at the end of the level where the last owner was found.
    let level = 0;
    let levelEnd = tail;
    while (head < tail && left > 0) {
      const u = queue[head++]!;
      for (let e = offsets[u]!; e < offsets[u + 1]!; e += 1) {
        const v = targetsOf[e]!;
        if (seen[v] === round) continue;
        seen[v] = round;
        queue[tail++] = v;
        if (wanted[v]! >= 0) {
          found.set(keys[v]!, level + 1);
          left -= 1;
        }
      }
      if (head === levelEnd) {
        level += 1;
        levelEnd = tail;
      }
    }
  });
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
