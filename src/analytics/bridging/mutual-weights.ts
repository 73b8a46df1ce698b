/**
 * Mutual tie weights between a node's contacts, which Burt's measures (constraint, effective size)
 * are built from, as NetworkX's `mutual_weight` reads them.
 */
import { denseIndex, type AnyGraph, type DenseIndex } from '../graph-utils/graph.ts';
import { weightReader, type WeightOptions } from '../graph-utils/options.ts';

/**
 * Mutual weights a_ij + a_ji between distinct neighbours (NetworkX's `mutual_weight`): an undirected
 * edge of weight w counts in both directions (2w), a directed edge i→j once for both ends; parallel
 * edges add up and self-loops are left out. Rows list neighbours in first-seen order.
 */
export function mutualWeights(graph: AnyGraph, weight: WeightOptions, module: string): DenseIndex & { mutual: Map<number, number>[] } {
  const { nodes, index } = denseIndex(graph);
  const read = weightReader(weight, module);
  const mutual = nodes.map(() => new Map<number, number>());
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    if (source === target) return;
    const w = read(edge, attributes) * (undirected ? 2 : 1);
    const i = index.get(source)!;
    const j = index.get(target)!;
    mutual[i]!.set(j, (mutual[i]!.get(j) ?? 0) + w);
    mutual[j]!.set(i, (mutual[j]!.get(i) ?? 0) + w);
  });
  return { nodes, index, mutual };
}

/** The mutual weights as flat arrays: the contacts of i are targets[offsets[i] .. offsets[i+1]). */
export interface MutualAdjacency {
  nodes: string[];
  offsets: Int32Array;
  targets: Int32Array;
  /** a_ij + a_ji for each entry of targets */
  weights: Float64Array;
}

/**
 * mutualWeights packed into typed arrays, so the O(Σ d²) loops of Burt's measures read contiguous
 * memory instead of a Map per look-up: with a Map per row, structuralHoles over the demo's dense
 * tie network did not finish within the integration test's time limit.
 */
export function mutualAdjacency(graph: AnyGraph, weight: WeightOptions, module: string): MutualAdjacency {
  const { nodes, mutual } = mutualWeights(graph, weight, module);
  const offsets = new Int32Array(nodes.length + 1);
  for (let i = 0; i < nodes.length; i += 1) offsets[i + 1] = offsets[i]! + mutual[i]!.size;
  const targets = new Int32Array(offsets[nodes.length]!);
  const weights = new Float64Array(offsets[nodes.length]!);
  for (let i = 0; i < nodes.length; i += 1) {
    let k = offsets[i]!;
    for (const [j, w] of mutual[i]!) {
      targets[k] = j;
      weights[k] = w;
      k += 1;
    }
  }
  return { nodes, offsets, targets, weights };
}
