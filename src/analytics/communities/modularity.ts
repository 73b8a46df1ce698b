/**
 * Modularity of a partition — Newman & Girvan (2004), "Finding and evaluating community structure in
 * networks", Phys. Rev. E 69, 026113; weighted form Newman (2004), Phys. Rev. E 70, 056131; the
 * resolution γ of Reichardt & Bornholdt (2006), Phys. Rev. E 74, 016110.
 *
 *   undirected: Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]
 *   directed:   Q = Σ_c [ L_c / m − γ d⁺_c d⁻_c / m² ]      (Leicht & Newman 2008)
 *
 * m the total edge weight, L_c the weight of edges inside community c, d_c the summed (weighted)
 * degree of its nodes. This is NetworkX's `community.modularity` term for term, self-loops included
 * (a loop adds its weight to L_c once and twice to its node's degree).
 */
import { checkGraph, type AnyGraph } from '../graph-utils/graph.ts';
import { checkWeightOptions, resolveOptions, weightReader, type WeightOptions } from '../graph-utils/options.ts';

const MODULE = 'communities/modularity';

/** `weighted`: edge weights from `weightAttribute` (missing → 1); unweighted, edges counted. */
export interface ModularityOptions extends WeightOptions {
  /** γ > 0: above 1 favours smaller communities, below 1 larger ones. */
  resolution: number;
}

export const DEFAULTS: ModularityOptions = Object.freeze({ weighted: true, weightAttribute: 'weight', resolution: 1 });

/**
 * A partition: node → community label, or a list of communities (arrays of nodes). Every node of the
 * graph must be in exactly one community.
 */
export type Partition = Readonly<Record<string, string | number>> | ReadonlyMap<string, string | number> | readonly (readonly string[])[];

/** Node → community key; throws unless the partition covers every node exactly once. */
export function partitionLabels(graph: AnyGraph, partition: Partition, module: string): Map<string, string> {
  const labels = new Map<string, string>();
  const put = (node: string, community: string): void => {
    if (!graph.hasNode(node)) throw new Error(`${module}: partition names ${node}, which is not in the graph`);
    if (labels.has(node)) throw new Error(`${module}: partition puts ${node} in two communities`);
    labels.set(node, community);
  };
  if (Array.isArray(partition)) {
    (partition as readonly (readonly string[])[]).forEach((community, c) => {
      for (const node of community) put(String(node), String(c));
    });
  } else if (partition instanceof Map) {
    for (const [node, community] of partition) put(node, String(community));
  } else if (partition !== null && typeof partition === 'object') {
    for (const [node, community] of Object.entries(partition)) put(node, String(community));
  } else {
    throw new Error(`${module}: partition must be a node → community record, map, or a list of communities`);
  }
  graph.forEachNode((node) => {
    if (!labels.has(node)) throw new Error(`${module}: partition leaves out ${node}`);
  });
  return labels;
}

export function modularity(graph: AnyGraph, partition: Partition, options?: Partial<ModularityOptions>): number {
  checkGraph(MODULE, graph);
  const o = resolveOptions(MODULE, DEFAULTS, options);
  const { resolution } = o;
  checkWeightOptions(MODULE, o);
  if (typeof resolution !== 'number' || !Number.isFinite(resolution) || resolution <= 0) {
    throw new Error(`${MODULE}: resolution must be > 0`);
  }
  if (graph.type === 'mixed') throw new Error(`${MODULE}: graph must be directed or undirected, not mixed`);
  const directed = graph.type === 'directed';
  const labels = partitionLabels(graph, partition, MODULE);
  const read = weightReader(o, MODULE);
  const inner = new Map<string, number>();
  const outDegree = new Map<string, number>();
  const inDegree = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, w: number): void => { map.set(key, (map.get(key) ?? 0) + w); };
  let total = 0;
  graph.forEachEdge((edge, attributes, source, target) => {
    const w = read(edge, attributes);
    const cs = labels.get(source)!;
    const ct = labels.get(target)!;
    total += w;
    if (cs === ct) add(inner, cs, w);
    add(outDegree, cs, w);
    add(inDegree, ct, w);
  });
  if (!(total > 0)) throw new Error(`${MODULE}: the graph has no edge weight, so modularity is undefined`);
  let q = 0;
  if (directed) {
    for (const c of new Set(labels.values())) {
      q += (inner.get(c) ?? 0) / total - (resolution * (outDegree.get(c) ?? 0) * (inDegree.get(c) ?? 0)) / (total * total);
    }
  } else {
    const degreeSum = 2 * total;
    for (const c of new Set(labels.values())) {
      const d = (outDegree.get(c) ?? 0) + (inDegree.get(c) ?? 0);
      q += (inner.get(c) ?? 0) / total - (resolution * d * d) / (degreeSum * degreeSum);
    }
  }
  return q;
}
