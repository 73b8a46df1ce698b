/**
 * Group names come from stored text (a housing area, an organisation's name): one that is
 * "__proto__" or "constructor" is an ordinary group of the E-I index, not Object.prototype's.
 */
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { eiIndex } from '../../../src/analytics/bridging/ei-index.ts';

describe('bridging/ei-index with groups named like Object.prototype members', () => {
  it('counts "__proto__" and "constructor" as groups of their own', () => {
    const g = new UndirectedGraph();
    for (const [n, area] of [['a', '__proto__'], ['b', '__proto__'], ['c', 'constructor'], ['d', 'constructor']]) g.addNode(n!, { area });
    for (const [u, v] of [['a', 'b'], ['b', 'c'], ['c', 'd']]) g.addEdge(u!, v!);
    const ei = eiIndex(g, { group: 'area', permutations: 0 });
    expect(Object.keys(ei.groups).sort()).toEqual(['__proto__', 'constructor']);
    expect(ei.groups['__proto__']).toEqual({ size: 2, external: 1, internal: 2, ei: -1 / 3 });
    expect(ei.groups['constructor']).toEqual({ size: 2, external: 1, internal: 2, ei: -1 / 3 });
  });
});
