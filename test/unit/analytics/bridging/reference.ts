/** Loads test/fixtures/reference/bridging-<dataset>.json (written by scripts/reference/bridging.py). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DirectedGraph, UndirectedGraph } from 'graphology';

type Values = Record<string, number | null>;
interface Holes { constraint: Values; effectiveSize: Values; efficiency: Values; hierarchy: Values }
interface Run { partition: string[][]; modularity: number }

export interface Reference {
  dataset: string;
  nodes: string[];
  edges: [string, string, number][];
  groups: Record<string, string> | null;
  components: number[];
  componentsWithoutBridges: number[];
  bridges: [string, string][];
  localBridges: [string, string, number | null][];
  structuralHoles: { unweighted: Holes; weighted: Holes };
  louvain: { runs: (Run & { seed: number })[]; best: number; resolution2: Run };
  grouping: null | {
    attribute: string;
    external: number;
    internal: number;
    crossingShare: number;
    ei: number;
    expectedEI: number;
    groups: Record<string, { external: number; internal: number; ei: number | null }>;
    nodes: Values;
    modularity: number;
    modularityWeighted: number;
    modularityWeightedResolution05: number;
  };
}

export const DATASETS = ['karate', 'florentine', 'lesmis', 'davis'] as const;

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/reference');

export function reference(dataset: string): Reference {
  return JSON.parse(fs.readFileSync(path.join(dir, `bridging-${dataset}.json`), 'utf8')) as Reference;
}

/** The fixture as an undirected graph: edge attribute weight, node attribute group (where given). */
export function referenceGraph(ref: Reference): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const node of ref.nodes) g.addNode(node, ref.groups ? { group: ref.groups[node] } : {});
  for (const [u, v, weight] of ref.edges) g.addEdge(u, v, { weight });
  return g;
}

/** Two 5-cliques a0..a4 and b0..b4 joined by the single edge a0–b0. */
export function twoCliques(): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const side of ['a', 'b']) {
    for (let i = 0; i < 5; i += 1) g.addNode(`${side}${i}`, { side });
    for (let i = 0; i < 5; i += 1) for (let j = i + 1; j < 5; j += 1) g.addEdge(`${side}${i}`, `${side}${j}`);
  }
  g.addEdgeWithKey('joint', 'a0', 'b0');
  return g;
}

export function directed(edges: [string, string][], groups: Record<string, string>): DirectedGraph {
  const g = new DirectedGraph();
  for (const [node, group] of Object.entries(groups)) g.addNode(node, { group });
  for (const [u, v] of edges) g.mergeEdge(u, v);
  return g;
}

export const pairKey = (u: string, v: string): string => (u < v ? `${u}|${v}` : `${v}|${u}`);
