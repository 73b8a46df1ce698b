/**
 * A seeded community-like tie network of the shape the speed targets are stated for: residents in neighbourhood groups of
 * about 50; about 6 ties per resident inside its group and 0.5 across (so about 3.25·n ties), each
 * with an integer weight 1–5 (tie strength, for the weighted measures) and each resident with its
 * group (for modularity, E-I and brokerage).
 *
 * Residents are assigned to groups in a shuffled order, so a group's members are not neighbours in
 * node order: real imports are not sorted by courtyard, and a contiguous layout would hand the CSR
 * kernels (and igraph) a memory locality that real data does not give.
 *
 * The edge list is written as plain text, read the same way by every library:
 *   nodes.tsv  one line per resident: `index<TAB>group` (index 0..n−1, in order)
 *   edges.tsv  one line per tie:      `u<TAB>v<TAB>weight` (u < v, no duplicates, no self-loops)
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mulberry32, shuffle } from '../../src/analytics/graph-utils/prng.ts';

export const GROUP_SIZE = 50;
const INSIDE_PER_RESIDENT = 3; // ties created per resident inside its group: 3·n ties = degree 6
const ACROSS_PER_RESIDENT = 0.25; // 0.25·n ties across groups = degree 0.5

export interface TieList {
  n: number;
  /** group of each resident */
  group: Int32Array;
  /** ties as parallel arrays (u < v) */
  u: Int32Array;
  v: Int32Array;
  weight: Float64Array;
}

export function generate(n: number, seed: number): TieList {
  if (n < 2 * GROUP_SIZE) throw new Error(`generate: at least ${2 * GROUP_SIZE} residents (two groups), not ${n}`);
  const random = mulberry32(seed);
  const groups = Math.round(n / GROUP_SIZE);
  // slot i of the shuffled order goes to group ⌊i·groups/n⌋: group sizes differ by at most one.
  const order = shuffle(Int32Array.from({ length: n }, (_, i) => i), random);
  const group = new Int32Array(n);
  const members: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < n; i += 1) {
    const g = Math.floor((i * groups) / n);
    group[order[i]!] = g;
    members[g]!.push(order[i]!);
  }

  const target = Math.round(INSIDE_PER_RESIDENT * n) + Math.round(ACROSS_PER_RESIDENT * n);
  const u = new Int32Array(target);
  const v = new Int32Array(target);
  const weight = new Float64Array(target);
  const seen = new Set<number>();
  let m = 0;
  const add = (a: number, b: number): boolean => {
    if (a === b) return false;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = lo * n + hi; // < 10^10 for n ≤ 10^5: exact in a double
    if (seen.has(key)) return false;
    seen.add(key);
    u[m] = lo;
    v[m] = hi;
    weight[m] = 1 + Math.floor(random() * 5);
    m += 1;
    return true;
  };
  const pick = (count: number): number => Math.floor(random() * count);

  for (let inside = 0; inside < Math.round(INSIDE_PER_RESIDENT * n);) {
    const a = pick(n);
    const own = members[group[a]!]!;
    if (add(a, own[pick(own.length)]!)) inside += 1;
  }
  for (let across = 0; across < Math.round(ACROSS_PER_RESIDENT * n);) {
    const a = pick(n);
    const b = pick(n);
    if (group[a] !== group[b] && add(a, b)) across += 1;
  }
  return { n, group, u, v, weight };
}

export interface TieFiles {
  nodes: string;
  edges: string;
}

export async function writeTieList(list: TieList, dir: string): Promise<TieFiles> {
  const files = { nodes: path.join(dir, 'nodes.tsv'), edges: path.join(dir, 'edges.tsv') };
  const nodeLines: string[] = [];
  for (let i = 0; i < list.n; i += 1) nodeLines.push(`${i}\t${list.group[i]}`);
  const edgeLines: string[] = [];
  for (let e = 0; e < list.u.length; e += 1) edgeLines.push(`${list.u[e]}\t${list.v[e]}\t${list.weight[e]}`);
  await writeFile(files.nodes, `${nodeLines.join('\n')}\n`);
  await writeFile(files.edges, `${edgeLines.join('\n')}\n`);
  return files;
}

export async function readTieList(files: TieFiles): Promise<TieList> {
  const nodeLines = (await readFile(files.nodes, 'utf8')).split('\n').filter(Boolean);
  const edgeLines = (await readFile(files.edges, 'utf8')).split('\n').filter(Boolean);
  const n = nodeLines.length;
  const group = new Int32Array(n);
  for (const line of nodeLines) {
    const [i, g] = line.split('\t');
    group[Number(i)] = Number(g);
  }
  const m = edgeLines.length;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const weight = new Float64Array(m);
  edgeLines.forEach((line, e) => {
    const [a, b, w] = line.split('\t');
    u[e] = Number(a);
    v[e] = Number(b);
    weight[e] = Number(w);
  });
  return { n, group, u, v, weight };
}
