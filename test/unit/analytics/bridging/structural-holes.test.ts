import { DirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { constraint } from '../../../../src/analytics/bridging/constraint.ts';
import { effectiveSize } from '../../../../src/analytics/bridging/effective-size.ts';
import { DATASETS, reference, referenceGraph, twoCliques } from './reference.ts';

function close(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(Math.abs(actual! - expected)).toBeLessThan(1e-6);
}

describe('bridging/constraint and bridging/effective-size', () => {
  describe.each(DATASETS)('agree with NetworkX on %s', (dataset) => {
    const ref = reference(dataset);
    const g = referenceGraph(ref);
    it.each([['unweighted', false], ['weighted', true]] as const)('%s', (kind, weighted) => {
      const expected = ref.structuralHoles[kind];
      const c = constraint(g, { weighted });
      const e = effectiveSize(g, { weighted });
      for (const node of ref.nodes) {
        close(c[node]!.constraint, expected.constraint[node]!);
        close(c[node]!.hierarchy, expected.hierarchy[node]!);
        close(e[node]!.effectiveSize, expected.effectiveSize[node]!);
        close(e[node]!.efficiency, expected.efficiency[node]!);
      }
    });
  });

  it('the two nodes joining two cliques have the lowest constraint and the largest effective size', () => {
    const g = twoCliques();
    const c = constraint(g);
    const e = effectiveSize(g);
    const byConstraint = g.nodes().sort((u, v) => c[u]!.constraint! - c[v]!.constraint!);
    expect(byConstraint.slice(0, 2).sort()).toEqual(['a0', 'b0']);
    expect(c.a0!.constraint!).toBeLessThan(c.a1!.constraint!);
    // a0: 5 contacts, 6 ties among them (a1..a4 form a 4-clique) → 5 − 12/5 = 2.6.
    expect(e.a0!.effectiveSize).toBeCloseTo(2.6, 12);
    expect(e.a1!.effectiveSize).toBeCloseTo(1, 12);
    expect(e.a0!.efficiency).toBeCloseTo(2.6 / 5, 12);
  });

  it('a star: the centre has constraint 1/N and hierarchy 0; leaves have constraint 1, no hierarchy', () => {
    const g = new UndirectedGraph();
    for (const leaf of ['x', 'y', 'z', 'w']) g.mergeEdge('hub', leaf);
    const c = constraint(g);
    expect(c.hub!.constraint).toBeCloseTo(0.25, 12);
    expect(c.hub!.hierarchy).toBeCloseTo(0, 12);
    expect(c.x!).toEqual({ contacts: 1, constraint: 1, hierarchy: null });
    expect(effectiveSize(g).hub!.effectiveSize).toBeCloseTo(4, 12);
  });

  it('gives null for isolates', () => {
    const g = new UndirectedGraph();
    g.addNode('alone');
    expect(constraint(g).alone).toEqual({ contacts: 0, constraint: null, hierarchy: null });
    expect(effectiveSize(g).alone).toEqual({ contacts: 0, effectiveSize: null, efficiency: null });
  });

  it('reads directed ties both ways', () => {
    const g = new DirectedGraph();
    g.mergeEdge('a', 'b');
    g.mergeEdge('c', 'a');
    expect(constraint(g).a!.constraint).toBeCloseTo(0.5, 12);
  });

  it('throws when…', () => {
    const g = twoCliques();
    expect(() => constraint(g, { weighted: 0 as never })).toThrow('bridging/constraint: weighted must be true or false');
    expect(() => constraint(g, { weightAttribute: '' })).toThrow('bridging/constraint: weightAttribute must be a non-empty string');
    expect(() => constraint(g, { weight: 'weight' } as never)).toThrow('bridging/constraint: unknown option weight');
    expect(() => effectiveSize(g, { weights: 'w' } as never)).toThrow('bridging/effective-size: unknown option weights');
    g.setEdgeAttribute('joint', 'weight', Number.POSITIVE_INFINITY);
    expect(() => constraint(g)).toThrow(/bridging\/constraint: edge joint has weight = Infinity/);
  });
});
