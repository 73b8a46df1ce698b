/** Loads the NetworkX reference fixtures written by scripts/reference/centrality.py. */
import { readFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';

export interface ReferenceFixture {
  dataset: string;
  source: string;
  networkx: string;
  nodes: string[];
  edges: [string, string, number][];
  calls: Record<string, string>;
  metrics: Record<string, Record<string, number>>;
}

export const DATASETS = ['karate', 'florentine', 'lesmis', 'davis', 'davis-coattendance'] as const;

export function loadReference(dataset: string): ReferenceFixture {
  const url = new URL(`../../../fixtures/reference/centrality-${dataset}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as ReferenceFixture;
}

/** The fixture's graph as the TIES network has it: undirected, weight on `weight`. */
export function referenceGraph(fixture: ReferenceFixture): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const node of fixture.nodes) graph.addNode(node);
  for (const [u, v, weight] of fixture.edges) graph.addEdge(u, v, { weight });
  return graph;
}

export function maxAbsDiff(a: Record<string, number>, b: Record<string, number>): number {
  let max = 0;
  for (const key of Object.keys(b)) max = Math.max(max, Math.abs((a[key] ?? NaN) - b[key]!));
  return Object.keys(a).length === Object.keys(b).length ? max : Infinity;
}
