import { DirectedGraph, MultiUndirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { bridges } from '../../../../src/analytics/bridging/bridges.ts';
import { localBridges } from '../../../../src/analytics/bridging/local-bridges.ts';
import { DATASETS, pairKey, reference, referenceGraph, twoCliques } from './reference.ts';

describe('bridging/bridges', () => {
  it('finds the one edge joining two cliques', () => {
    expect(bridges(twoCliques())).toEqual([{ edge: 'joint', source: 'a0', target: 'b0' }]);
  });

  it('finds every edge of a tree and none of a cycle', () => {
    const path = new UndirectedGraph();
    path.mergeEdge('a', 'b');
    path.mergeEdge('b', 'c');
    path.mergeEdge('b', 'd');
    expect(bridges(path)).toHaveLength(3);
    path.mergeEdge('c', 'd');
    expect(bridges(path).map((b) => pairKey(b.source, b.target))).toEqual(['a|b']);
  });

  it('does not count parallel edges as bridges', () => {
    const g = new MultiUndirectedGraph();
    for (const n of ['a', 'b', 'c']) g.addNode(n);
    g.addEdge('a', 'b');
    g.addEdge('a', 'b');
    g.addEdge('b', 'c');
    expect(bridges(g).map((b) => pairKey(b.source, b.target))).toEqual(['b|c']);
  });

  it.each(DATASETS)('agrees with NetworkX on %s', (dataset) => {
    const ref = reference(dataset);
    const found = bridges(referenceGraph(ref)).map((b) => pairKey(b.source, b.target)).sort();
    expect(found).toEqual(ref.bridges.map(([u, v]) => pairKey(u, v)).sort());
  });

  it('throws when the graph is directed', () => {
    expect(() => bridges(new DirectedGraph())).toThrow('bridging/bridges: graph must be undirected');
  });
});

describe('bridging/local-bridges', () => {
  it('the joining edge of two cliques is a local bridge without span (it is a bridge)', () => {
    expect(localBridges(twoCliques())).toEqual([{ edge: 'joint', source: 'a0', target: 'b0', span: null }]);
  });

  it('a square has four local bridges of span 3', () => {
    const g = new UndirectedGraph();
    for (const [u, v] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'a']]) g.mergeEdge(u!, v!);
    expect(localBridges(g).map((b) => b.span)).toEqual([3, 3, 3, 3]);
    expect(localBridges(g, { withSpan: false }).map((b) => b.span)).toEqual([null, null, null, null]);
  });

  it.each(DATASETS)('agrees with NetworkX local_bridges(with_span=True) on %s', (dataset) => {
    const ref = reference(dataset);
    const found = localBridges(referenceGraph(ref)).map((b) => `${pairKey(b.source, b.target)}:${b.span}`).sort();
    expect(found).toEqual(ref.localBridges.map(([u, v, span]) => `${pairKey(u, v)}:${span}`).sort());
  });

  it('weighted span reads weights as distances', () => {
    const g = new UndirectedGraph();
    g.mergeEdge('a', 'b', { weight: 1 });
    g.mergeEdge('b', 'c', { weight: 2 });
    g.mergeEdge('c', 'd', { weight: 3 });
    g.mergeEdge('d', 'a', { weight: 4 });
    const spans = Object.fromEntries(localBridges(g, { weighted: true }).map((b) => [pairKey(b.source, b.target), b.span]));
    expect(spans).toEqual({ 'a|b': 9, 'b|c': 8, 'c|d': 7, 'a|d': 6 });
  });

  it('throws when…', () => {
    expect(() => localBridges(new DirectedGraph())).toThrow('bridging/local-bridges: graph must be undirected');
    expect(() => localBridges(new MultiUndirectedGraph())).toThrow('bridging/local-bridges: graph must be simple');
    expect(() => localBridges(twoCliques(), { withSpan: 'yes' as never })).toThrow('bridging/local-bridges: withSpan must be a boolean');
  });
});
