/**
 * Sampled betweenness (Brandes & Pich 2007) and the exact kernel against graphology-metrics.
 */
import { UndirectedGraph } from 'graphology';
import { betweenness as graphologyBetweenness } from 'graphology-metrics/centrality/index.js';
import { describe, expect, it } from 'vitest';
import { betweenness, toCSR } from '../../../../src/analytics/centrality/index.ts';
import { mulberry32 } from '../../../../src/analytics/graph-utils/prng.ts';
import { loadReference, maxAbsDiff, referenceGraph } from './reference.ts';

const lesmis = toCSR(referenceGraph(loadReference('lesmis')));
const exact = betweenness(lesmis).values;

function meanAbsError(values: Record<string, number>): number {
  const keys = Object.keys(exact);
  return keys.reduce((sum, key) => sum + Math.abs(values[key]! - exact[key]!), 0) / keys.length;
}

describe('sampled betweenness on Les Misérables', () => {
  it('the error shrinks as the pivots grow, and pivots = n is exact', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const error = (pivots: number) => seeds.reduce((sum, seed) => sum + meanAbsError(betweenness(lesmis, { pivots, seed }).values), 0) / seeds.length;
    const [e4, e16, e40, eN] = [error(4), error(16), error(40), error(lesmis.order)];
    expect(e16).toBeLessThan(e4);
    expect(e40).toBeLessThan(e16);
    expect(eN).toBeLessThan(1e-12);
  });

  it('reports how it was estimated', () => {
    expect(betweenness(lesmis, { pivots: 16, seed: 42 })).toMatchObject({ method: 'sampled', pivots: 16, seed: 42 });
    expect(betweenness(lesmis, { pivots: 500 })).toMatchObject({ method: 'exact', pivots: lesmis.order, seed: null });
  });

  it('pivots = n gives the exact values', () => {
    expect(maxAbsDiff(betweenness(lesmis, { pivots: lesmis.order, seed: 3 }).values, exact)).toBeLessThan(1e-12);
  });

  it('the same seed gives identical results; another seed another sample', () => {
    const a = betweenness(lesmis, { pivots: 10, seed: 7, distance: 'weight' });
    const b = betweenness(lesmis, { pivots: 10, seed: 7, distance: 'weight' });
    expect(a.values).toEqual(b.values);
    expect(betweenness(lesmis, { pivots: 10, seed: 8, distance: 'weight' }).values).not.toEqual(a.values);
  });
});

describe('exact betweenness against graphology-metrics', () => {
  // A seeded random graph of 300 nodes and ~900 edges with small integer weights (ties in lengths).
  const random = mulberry32(2024);
  const graph = new UndirectedGraph();
  for (let i = 0; i < 300; i += 1) graph.addNode(`n${i}`);
  for (let e = 0; e < 900; e += 1) {
    const u = Math.floor(random() * 300);
    const v = Math.floor(random() * 300);
    if (u !== v) graph.mergeEdge(`n${u}`, `n${v}`, { weight: 1 + Math.floor(random() * 3) });
  }

  it('unweighted, normalised and raw', () => {
    expect(maxAbsDiff(betweenness(graph).values, graphologyBetweenness(graph, { getEdgeWeight: null }))).toBeLessThan(1e-9);
    expect(maxAbsDiff(betweenness(graph, { normalized: false }).values, graphologyBetweenness(graph, { getEdgeWeight: null, normalized: false }))).toBeLessThan(1e-9);
  });

  it('weighted (Dijkstra)', () => {
    expect(maxAbsDiff(betweenness(graph, { distance: 'weight' }).values, graphologyBetweenness(graph, { getEdgeWeight: 'weight' }))).toBeLessThan(1e-9);
  });
});
