import { DirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { modularity } from '../../../../src/analytics/communities/modularity.ts';
import { DATASETS, reference, referenceGraph, twoCliques } from '../bridging/reference.ts';

describe('communities/modularity', () => {
  it('matches the closed form on two cliques joined by one edge', () => {
    const g = twoCliques();
    // m = 21; each side: L = 10, degree sum = 21 → Q = 2 (10/21 − (21/42)²).
    const split = Object.fromEntries(g.nodes().map((n) => [n, n[0]!]));
    expect(modularity(g, split)).toBeCloseTo(2 * (10 / 21 - 0.25), 12);
    expect(modularity(g, [g.nodes()])).toBeCloseTo(0, 12);
  });

  it('matches NetworkX on the karate club split (unweighted, weighted, resolution 0.5)', () => {
    const ref = reference('karate');
    const g = referenceGraph(ref);
    const split = ref.groups!;
    expect(modularity(g, split, { weighted: false })).toBeCloseTo(ref.grouping!.modularity, 9);
    expect(modularity(g, split)).toBeCloseTo(ref.grouping!.modularityWeighted, 9);
    expect(modularity(g, split, { resolution: 0.5 })).toBeCloseTo(ref.grouping!.modularityWeightedResolution05, 9);
  });

  it.each(DATASETS)('reproduces NetworkX modularity of NetworkX Louvain partitions on %s within 1e-9', (dataset) => {
    const ref = reference(dataset);
    const g = referenceGraph(ref);
    for (const run of ref.louvain.runs) expect(Math.abs(modularity(g, run.partition) - run.modularity)).toBeLessThan(1e-9);
    const r2 = ref.louvain.resolution2;
    expect(Math.abs(modularity(g, r2.partition, { resolution: 2 }) - r2.modularity)).toBeLessThan(1e-9);
  });

  it('handles directed graphs (Leicht & Newman)', () => {
    const g = new DirectedGraph();
    g.mergeEdge('a', 'b');
    g.mergeEdge('b', 'a');
    g.mergeEdge('c', 'd');
    // m = 3; {a,b}: L = 2, out = in = 2; {c,d}: L = 1, out = in = 1.
    expect(modularity(g, { a: 0, b: 0, c: 1, d: 1 })).toBeCloseTo(2 / 3 - 4 / 9 + 1 / 3 - 1 / 9, 12);
  });

  it('throws when…', () => {
    const g = twoCliques();
    const all = [g.nodes()];
    expect(() => modularity(g, all, { resolution: 0 })).toThrow('communities/modularity: resolution must be > 0');
    expect(() => modularity(g, all, { resolution: Number.NaN })).toThrow(/resolution must be > 0/);
    expect(() => modularity(g, all, { weightAttribute: '' })).toThrow('communities/modularity: weightAttribute must be a non-empty string');
    expect(() => modularity(g, all, { gamma: 1 } as never)).toThrow(/communities\/modularity: unknown option gamma/);
    expect(() => modularity(g, [['a0']])).toThrow(/partition leaves out/);
    expect(() => modularity(g, [g.nodes(), ['a0']])).toThrow(/in two communities/);
    expect(() => modularity(g, { zz: 1 })).toThrow(/not in the graph/);
    const empty = new UndirectedGraph();
    empty.addNode('x');
    expect(() => modularity(empty, { x: 0 })).toThrow(/communities\/modularity: the graph has no edge weight/);
    g.setEdgeAttribute('joint', 'weight', -1);
    expect(() => modularity(g, all)).toThrow(/communities\/modularity: edge joint has weight = -1/);
  });
});
