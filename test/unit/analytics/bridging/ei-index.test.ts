import { DirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { eiIndex } from '../../../../src/analytics/bridging/ei-index.ts';
import { louvain } from '../../../../src/analytics/communities/louvain.ts';
import { mulberry32 } from '../../../../src/analytics/graph-utils/prng.ts';
import { reference, referenceGraph, twoCliques } from './reference.ts';

describe('bridging/ei-index', () => {
  it('is −1 with only in-group ties and +1 with only cross ties', () => {
    const g = twoCliques();
    g.dropEdge('joint');
    const inside = eiIndex(g, { group: 'side', permutations: 0 });
    expect(inside.network).toMatchObject({ external: 0, internal: 20, ei: -1, crossingShare: 0, test: null });
    expect(inside.groups.a).toEqual({ size: 5, external: 0, internal: 20, ei: -1 });

    const bipartite = new UndirectedGraph();
    for (const [n, side] of [['a', 'x'], ['b', 'x'], ['c', 'y'], ['d', 'y']]) bipartite.addNode(n!, { side });
    for (const [u, v] of [['a', 'c'], ['a', 'd'], ['b', 'c']]) bipartite.addEdge(u!, v!);
    const cross = eiIndex(bipartite, { group: 'side', permutations: 0 });
    expect(cross.network).toMatchObject({ external: 3, internal: 0, ei: 1, crossingShare: 1 });
    expect(cross.nodes.a).toEqual({ external: 2, internal: 0, ei: 1 });
  });

  it('matches the reference values on the karate club split (network, group, individual)', () => {
    const ref = reference('karate');
    const expected = ref.grouping!;
    const result = eiIndex(referenceGraph(ref), { group: 'group', permutations: 200 });
    expect(result.network.external).toBe(expected.external);
    expect(result.network.internal).toBe(expected.internal);
    expect(result.network.ei!).toBeCloseTo(expected.ei, 12);
    expect(result.network.crossingShare!).toBeCloseTo(expected.crossingShare, 12);
    expect(result.network.test!.expected).toBeCloseTo(expected.expectedEI, 12);
    for (const [g, counts] of Object.entries(expected.groups)) {
      expect(result.groups[g]).toMatchObject({ external: counts.external, internal: counts.internal });
      expect(result.groups[g]!.ei!).toBeCloseTo(counts.ei!, 12);
    }
    for (const node of ref.nodes) expect(result.nodes[node]!.ei!).toBeCloseTo(expected.nodes[node]!, 12);
    expect(result.unassigned).toEqual([]);
  });

  it('permutation test: small p for the club split, large p for a random labelling', () => {
    const ref = reference('karate');
    const g = referenceGraph(ref);
    const club = eiIndex(g, { group: 'group', permutations: 999, seed: 3 });
    expect(club.network.test!.pTwoSided).toBeLessThan(0.01);
    expect(club.network.test!.pLower).toBeLessThan(0.01);
    expect(Math.abs(club.network.test!.mean - club.network.test!.expected)).toBeLessThan(0.02);

    const random = mulberry32(2024);
    const labels = new Map(g.nodes().map((n) => [n, random() < 0.5 ? 'x' : 'y']));
    const noise = eiIndex(g, { group: (node) => labels.get(node), permutations: 999, seed: 3 });
    expect(noise.network.test!.pTwoSided).toBeGreaterThan(0.1);
  });

  it('same seed, same output; a different seed may differ only in the test', () => {
    const g = referenceGraph(reference('lesmis'));
    const { communities } = louvain(g);
    const options = { group: (node: string) => communities[node], permutations: 300, seed: 11 };
    expect(eiIndex(g, options)).toEqual(eiIndex(g, options));
    const other = eiIndex(g, { ...options, seed: 12 });
    expect(other.network.ei).toBe(eiIndex(g, options).network.ei);
  });

  it('sums weights when asked, and leaves unassigned nodes out', () => {
    const g = new UndirectedGraph();
    g.addNode('a', { area: 'north' });
    g.addNode('b', { area: 'north' });
    g.addNode('c', { area: 'south' });
    g.addNode('d', { area: null });
    g.addEdge('a', 'b', { weight: 3 });
    g.addEdge('a', 'c', { weight: 1 });
    g.addEdge('c', 'd', { weight: 5 });
    const result = eiIndex(g, { group: 'area', weighted: true, permutations: 0 });
    expect(result.network).toMatchObject({ external: 1, internal: 3, ei: -0.5, crossingShare: 0.25 });
    expect(result.unassigned).toEqual(['d']);
    expect(Object.keys(result.nodes)).toEqual(['a', 'b', 'c']);
  });

  it('works with boolean attributes and directed graphs', () => {
    const g = new DirectedGraph();
    g.addNode('a', { partyMember: true });
    g.addNode('b', { partyMember: false });
    g.addEdge('a', 'b');
    expect(eiIndex(g, { group: 'partyMember', permutations: 0 }).groups).toEqual({
      false: { size: 1, external: 1, internal: 0, ei: 1 },
      true: { size: 1, external: 1, internal: 0, ei: 1 },
    });
  });

  it('throws when…', () => {
    const g = twoCliques();
    expect(() => eiIndex(g, {})).toThrow('bridging/ei-index: group is required');
    expect(() => eiIndex(g, { group: 'side', permutations: -1 })).toThrow('bridging/ei-index: permutations must be an integer ≥ 0');
    expect(() => eiIndex(g, { group: 'side', permutations: 2.5 })).toThrow('bridging/ei-index: permutations must be an integer ≥ 0');
    expect(() => eiIndex(g, { group: 'side', seed: Number.NaN })).toThrow('bridging/ei-index: seed must be an integer');
    expect(() => eiIndex(g, { group: '' })).toThrow(/bridging\/ei-index: group must be/);
    expect(() => eiIndex(g, { group: () => ({}) as never })).toThrow(/bridging\/ei-index: the group of a0 is a object/);
  });
});
