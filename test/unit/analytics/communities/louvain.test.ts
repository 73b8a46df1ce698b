import { DirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { louvain } from '../../../../src/analytics/communities/louvain.ts';
import { modularity } from '../../../../src/analytics/communities/modularity.ts';
import { DATASETS, reference, referenceGraph, twoCliques } from '../bridging/reference.ts';

describe('communities/louvain', () => {
  it('finds the two cliques joined by one edge', () => {
    const result = louvain(twoCliques());
    expect(result.count).toBe(2);
    const c = result.communities;
    for (let i = 1; i < 5; i += 1) {
      expect(c[`a${i}`]).toBe(c.a0);
      expect(c[`b${i}`]).toBe(c.b0);
    }
    expect(c.a0).not.toBe(c.b0);
    expect(result.modularity).toBeCloseTo(2 * (10 / 21 - 0.25), 12);
  });

  it.each(DATASETS)('reaches ≥ 0.95 × the best NetworkX modularity on %s, for several seeds', (dataset) => {
    const ref = reference(dataset);
    const g = referenceGraph(ref);
    for (const seed of [1, 2, 3, 42]) {
      const result = louvain(g, { seed });
      expect(result.modularity!).toBeGreaterThanOrEqual(0.95 * ref.louvain.best);
      expect(result.modularity!).toBeCloseTo(modularity(g, result.communities), 12);
    }
    // At resolution 2 modularity can be negative (davis), so allow 5 % of its size below NetworkX.
    const r2 = louvain(g, { resolution: 2 });
    const nx2 = ref.louvain.resolution2.modularity;
    expect(r2.modularity!).toBeGreaterThanOrEqual(nx2 - 0.05 * Math.abs(nx2));
  });

  it('gives more communities at a higher resolution', () => {
    const g = referenceGraph(reference('lesmis'));
    expect(louvain(g, { resolution: 2 }).count).toBeGreaterThan(louvain(g, { resolution: 0.5 }).count);
  });

  it('is deterministic: same seed, same output', () => {
    const g = referenceGraph(reference('lesmis'));
    expect(louvain(g, { seed: 7 })).toEqual(louvain(g, { seed: 7 }));
  });

  it('leaves an edgeless graph in singletons with no modularity', () => {
    const g = new UndirectedGraph();
    g.addNode('x');
    g.addNode('y');
    expect(louvain(g)).toEqual({ communities: { x: 0, y: 1 }, count: 2, modularity: null, levels: 0 });
  });

  it('throws when…', () => {
    const g = twoCliques();
    expect(() => louvain(g, { resolution: 0 })).toThrow('communities/louvain: resolution must be > 0');
    expect(() => louvain(g, { resolution: -1 })).toThrow('communities/louvain: resolution must be > 0');
    expect(() => louvain(g, { seed: 1.5 })).toThrow('communities/louvain: seed must be an integer');
    expect(() => louvain(g, { threshold: -1 })).toThrow('communities/louvain: threshold must be ≥ 0');
    expect(() => louvain(g, { weighted: 3 as never })).toThrow('communities/louvain: weighted must be true or false');
    expect(() => louvain(g, { seeds: 1 } as never)).toThrow('communities/louvain: unknown option seeds');
    expect(() => louvain(new DirectedGraph())).toThrow('communities/louvain: graph must be undirected');
  });
});
