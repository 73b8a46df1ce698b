/** Tiny hand-built graphs with values worked out by hand, and the errors. */
import { DirectedGraph, MultiUndirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { betweenness, closeness, degree, eigenvector, harmonic, pagerank, strength } from '../../../../src/analytics/centrality/index.ts';

function build(edges: [string, string, number?][], isolates: string[] = []): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const [u, v, weight] of edges) graph.mergeEdge(u, v, weight === undefined ? {} : { weight });
  for (const node of isolates) graph.addNode(node);
  return graph;
}

function close(actual: Record<string, number>, expected: Record<string, number>, digits = 10): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) expect(actual[key], key).toBeCloseTo(value, digits);
}

const path = build([['a', 'b'], ['b', 'c'], ['c', 'd']]);
const star = build([['c', 'l1'], ['c', 'l2'], ['c', 'l3'], ['c', 'l4']]);
// two triangles a-b-c and d-e-f joined by the bridge c–d
const bridged = build([['a', 'b'], ['b', 'c'], ['a', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['d', 'f']]);

describe('path a–b–c–d', () => {
  it('degree and strength', () => {
    close(degree(path).values, { a: 1, b: 2, c: 2, d: 1 });
    close(degree(path, { normalized: true }).values, { a: 1 / 3, b: 2 / 3, c: 2 / 3, d: 1 / 3 });
    close(strength(build([['a', 'b', 2], ['b', 'c', 0.5]])).values, { a: 2, b: 2.5, c: 0.5 });
  });
  it('betweenness: b lies on a–c and a–d', () => {
    const result = betweenness(path);
    expect(result).toMatchObject({ method: 'exact', pivots: 4, seed: null });
    close(result.values, { a: 0, b: 2 / 3, c: 2 / 3, d: 0 });
    close(betweenness(path, { normalized: false }).values, { a: 0, b: 2, c: 2, d: 0 });
  });
  it('closeness and harmonic', () => {
    close(closeness(path).values, { a: 3 / 6, b: 3 / 4, c: 3 / 4, d: 3 / 6 });
    close(harmonic(path).values, { a: 1 + 1 / 2 + 1 / 3, b: 2.5, c: 2.5, d: 1 + 1 / 2 + 1 / 3 });
  });
  it('weighted distances: the weight as a length, or its inverse', () => {
    const weighted = build([['a', 'b', 2], ['b', 'c', 4]]);
    close(harmonic(weighted, { distance: 'weight' }).values, { a: 1 / 2 + 1 / 6, b: 1 / 2 + 1 / 4, c: 1 / 4 + 1 / 6 });
    close(harmonic(weighted, { distance: 'inverse-weight' }).values, { a: 2 + 1 / 0.75, b: 6, c: 4 + 1 / 0.75 });
  });
});

describe('star with centre c and 4 leaves', () => {
  it('the centre has all the betweenness and closeness', () => {
    close(betweenness(star).values, { c: 1, l1: 0, l2: 0, l3: 0, l4: 0 });
    close(closeness(star).values, { c: 1, l1: 4 / 7, l2: 4 / 7, l3: 4 / 7, l4: 4 / 7 });
    close(harmonic(star).values, { c: 4, l1: 2.5, l2: 2.5, l3: 2.5, l4: 2.5 });
  });
  it('eigenvector: centre 1/√2, leaves 1/√8', () => {
    const result = eigenvector(star);
    expect(result.converged).toBe(true);
    close(result.values, { c: Math.SQRT1_2, l1: 1 / Math.sqrt(8), l2: 1 / Math.sqrt(8), l3: 1 / Math.sqrt(8), l4: 1 / Math.sqrt(8) }, 5);
  });
  it('pagerank: centre (1 + α(n−1)) / (n(1 + α))', () => {
    const alpha = 0.85;
    const centre = (1 + alpha * 4) / (5 * (1 + alpha));
    const leaf = (1 - centre) / 4;
    close(pagerank(star).values, { c: centre, l1: leaf, l2: leaf, l3: leaf, l4: leaf }, 5);
  });
});

describe('two triangles joined by a bridge', () => {
  it('the bridge ends carry the 6 cross pairs', () => {
    close(betweenness(bridged).values, { a: 0, b: 0, c: 0.6, d: 0.6, e: 0, f: 0 });
  });
  it('closeness and harmonic', () => {
    close(closeness(bridged).values, { a: 0.5, b: 0.5, c: 5 / 7, d: 5 / 7, e: 0.5, f: 0.5 });
    const far = 1 + 1 + 1 / 2 + 1 / 3 + 1 / 3;
    close(harmonic(bridged).values, { a: far, b: far, c: 4, d: 4, e: far, f: far });
  });
  it('pagerank sums to 1 and is symmetric', () => {
    const { values } = pagerank(bridged);
    expect(Object.values(values).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    expect(values.a).toBeCloseTo(values.f!, 12);
  });
});

describe('disconnected graphs and isolates', () => {
  const graph = build([['a', 'b']], ['z']);
  it('closeness is scaled by the reached share (Wasserman–Faust); an isolate scores 0', () => {
    close(closeness(graph).values, { a: 0.5, b: 0.5, z: 0 });
    close(closeness(graph, { wfImproved: false }).values, { a: 1, b: 1, z: 0 });
  });
  it('pagerank spreads a dangling isolate uniformly', () => {
    const { values } = pagerank(graph);
    expect(values.a! + values.b! + values.z!).toBeCloseTo(1, 6);
    expect(values.z).toBeLessThan(values.a!);
  });
  it('an empty graph gives empty results', () => {
    const empty = new UndirectedGraph();
    expect(betweenness(empty).values).toEqual({});
    expect(Object.keys(pagerank(empty).values)).toEqual([]);
    expect(Object.keys(eigenvector(empty).values)).toEqual([]);
  });
});

describe('throws when…', () => {
  it('pivots are not a positive integer', () => {
    expect(() => betweenness(path, { pivots: 0 })).toThrow('centrality/betweenness: pivots must be ≥ 1');
    expect(() => betweenness(path, { pivots: 2.5 })).toThrow('centrality/betweenness: pivots must be ≥ 1');
  });
  it('the seed is not a 32-bit integer', () => {
    expect(() => betweenness(path, { pivots: 2, seed: -1 })).toThrow(/^centrality\/betweenness: seed/);
  });
  it('an option is unknown or of the wrong kind', () => {
    expect(() => closeness(path, { weighted: true } as never)).toThrow('centrality/closeness: unknown option weighted');
    expect(() => harmonic(path, { distance: 'miles' as never })).toThrow(/^centrality\/harmonic: distance must be one of/);
    expect(() => pagerank(path, { alpha: 1 })).toThrow(/^centrality\/pagerank: alpha/);
    expect(() => eigenvector(path, { maxIterations: 0 })).toThrow(/^centrality\/eigenvector: maxIterations/);
  });
  it('a weight cannot be a length', () => {
    const bad = build([['a', 'b', 0], ['b', 'c', 1]]);
    expect(() => betweenness(bad, { distance: 'weight' })).toThrow(/^centrality\/betweenness: with distance 'weight' every edge weight must be a positive/);
    expect(() => closeness(build([['a', 'b', -1]]), { distance: 'inverse-weight' })).toThrow(/^centrality\/closeness:/);
    expect(() => pagerank(build([['a', 'b', -1]]))).toThrow(/^centrality\/pagerank: edge weights/);
  });
  it('the graph is directed or multi', () => {
    const directed = new DirectedGraph();
    directed.mergeEdge('a', 'b');
    expect(() => betweenness(directed)).toThrow(/^centrality\/betweenness: expects a simple undirected graph/);
    expect(() => degree(new MultiUndirectedGraph())).toThrow(/^centrality\/degree: expects a simple undirected graph/);
  });
  it('the power iteration does not converge, unless the caller accepts it', () => {
    expect(() => eigenvector(path, { maxIterations: 2 })).toThrow('centrality/eigenvector: power iteration did not converge in 2 iterations');
    expect(() => pagerank(path, { maxIterations: 1 })).toThrow(/^centrality\/pagerank: power iteration did not converge/);
    const flagged = eigenvector(path, { maxIterations: 2, allowNonConvergence: true });
    expect(flagged).toMatchObject({ converged: false, iterations: 2 });
  });
});
