import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { bridges } from '../../../../src/analytics/bridging/bridges.ts';
import { connectedComponents } from '../../../../src/analytics/communities/components.ts';
import { DATASETS, reference, referenceGraph } from '../bridging/reference.ts';

describe('communities/components', () => {
  it('sizes, isolates and the share outside the largest component', () => {
    const g = new UndirectedGraph();
    for (const n of ['a', 'b', 'c', 'd', 'e', 'f']) g.addNode(n);
    g.addEdge('a', 'b');
    g.addEdge('b', 'c');
    g.addEdge('d', 'e');
    const result = connectedComponents(g);
    expect(result.sizes).toEqual([3, 2, 1]);
    expect(result.count).toBe(3);
    expect(result.largest).toBe(3);
    expect(result.isolates).toBe(1);
    expect(result.outsideLargestShare).toBeCloseTo(0.5, 12);
    expect(result.membership).toEqual({ a: 0, b: 0, c: 0, d: 1, e: 1, f: 2 });
  });

  it('is 0 for a connected graph and for the empty graph', () => {
    expect(connectedComponents(new UndirectedGraph()).outsideLargestShare).toBe(0);
    const g = new UndirectedGraph();
    g.mergeEdge('a', 'b');
    expect(connectedComponents(g)).toMatchObject({ count: 1, sizes: [2], outsideLargestShare: 0 });
  });

  it.each(DATASETS)('agrees with NetworkX on %s, before and after removing the bridges', (dataset) => {
    const ref = reference(dataset);
    const g = referenceGraph(ref);
    expect(connectedComponents(g).sizes).toEqual(ref.components);
    for (const { edge } of bridges(g)) g.dropEdge(edge);
    expect(connectedComponents(g).sizes).toEqual(ref.componentsWithoutBridges);
  });

  it('throws when not given a graph', () => {
    expect(() => connectedComponents({} as never)).toThrow(/communities\/components: expected a graphology graph/);
  });
});
