/**
 * One option dialect across src/analytics: weights are `weighted` (whether) and `weightAttribute`
 * (which edge attribute), merged over the module's DEFAULTS, and an unknown key throws naming it.
 */
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { constraint } from '../../../../src/analytics/bridging/constraint.ts';
import { effectiveSize } from '../../../../src/analytics/bridging/effective-size.ts';
import { eiIndex } from '../../../../src/analytics/bridging/ei-index.ts';
import { localBridges } from '../../../../src/analytics/bridging/local-bridges.ts';
import { eigenvector, pagerank, strength } from '../../../../src/analytics/centrality/index.ts';
import { louvain } from '../../../../src/analytics/communities/louvain.ts';
import { modularity } from '../../../../src/analytics/communities/modularity.ts';
import { resolveOptions, weightReader } from '../../../../src/analytics/graph-utils/options.ts';

function square(): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const [u, v, w] of [['a', 'b', 1], ['b', 'c', 2], ['c', 'd', 3], ['d', 'a', 4]] as const) g.mergeEdge(u, v, { weight: w, strength: 10 * w });
  for (const [n, area] of [['a', 'x'], ['b', 'x'], ['c', 'y'], ['d', 'y']] as const) g.setNodeAttribute(n, 'area', area);
  return g;
}

const MODULES: [string, (g: UndirectedGraph, o: Record<string, unknown>) => unknown][] = [
  ['bridging/constraint', (g, o) => constraint(g, o)],
  ['bridging/effective-size', (g, o) => effectiveSize(g, o)],
  ['bridging/local-bridges', (g, o) => localBridges(g, o)],
  ['bridging/ei-index', (g, o) => eiIndex(g, { group: 'area', permutations: 0, ...o })],
  ['communities/louvain', (g, o) => louvain(g, o)],
  ['communities/modularity', (g, o) => modularity(g, { a: 0, b: 0, c: 1, d: 1 }, o)],
  ['centrality/eigenvector', (g, o) => eigenvector(g, o)],
  ['centrality/pagerank', (g, o) => pagerank(g, o)],
];

describe('the weight dialect', () => {
  it.each(MODULES)('%s takes weighted and weightAttribute, and refuses the other dialect by name', (module, run) => {
    const g = square();
    expect(() => run(g, { weighted: true, weightAttribute: 'strength' })).not.toThrow();
    expect(() => run(g, { weighted: false })).not.toThrow();
    expect(() => run(g, { weight: 'weight' })).toThrow(`${module}: unknown option weight`);
    expect(() => run(g, { weighted: 'yes' })).toThrow(`${module}: weighted must be true or false`);
    expect(() => run(g, { weightAttribute: '' })).toThrow(`${module}: weightAttribute must be a non-empty string`);
  });

  it('reads the named attribute when weighted, 1 for an edge without it, and 1 everywhere unweighted', () => {
    const g = square();
    const weighted = weightReader({ weighted: true, weightAttribute: 'strength' }, 'm');
    expect(g.mapEdges((e, a) => weighted(e, a)).sort((x, y) => x - y)).toEqual([10, 20, 30, 40]);
    expect(weighted('e', {})).toBe(1);
    expect(weightReader({ weighted: false, weightAttribute: 'strength' }, 'm')('e', { strength: 7 })).toBe(1);
    expect(() => weighted('e', { strength: -1 })).toThrow('m: edge e has strength = -1; weights must be finite numbers ≥ 0');
  });

  it('the weighted and unweighted answers differ where the weights matter', () => {
    const g = square();
    expect(strength(g, { weightAttribute: 'strength' }).values.a).toBe(50);
    const [w, u] = [constraint(g, { weighted: true }), constraint(g, { weighted: false })];
    expect(w.a!.constraint).not.toBeCloseTo(u.a!.constraint!, 6);
  });

  it('resolveOptions refuses Object.prototype names as options', () => {
    expect(() => resolveOptions('m', { a: 1 }, { constructor: 2 } as never)).toThrow('m: unknown option constructor');
    expect(resolveOptions('m', { a: 1 }, undefined)).toEqual({ a: 1 });
  });
});
