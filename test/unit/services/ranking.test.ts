/** One ranking for both projections: the tie network's CSR arrays and a graph rank the same values alike. */
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { toCSR } from '../../../src/analytics/graph-utils/csr.ts';
import { rankValues } from '../../../src/services/analytics/ranking.ts';

describe('rankValues', () => {
  const g = new UndirectedGraph();
  for (const [u, v] of [['r-a', 'r-b'], ['r-b', 'r-c'], ['r-c', 'r-d']]) g.mergeEdge(u!, v!);
  for (const n of g.nodes()) g.setNodeAttribute(n, 'label', 'Resident');
  const values = { 'r-a': 1, 'r-b': 3, 'r-c': 3, 'r-d': 0.5 };

  it('gives competition ranks, ties broken by id, highest first', () => {
    expect(rankValues(g, values)).toEqual([
      { nodeId: 'r-b', label: 'Resident', score: 3, rank: 1 },
      { nodeId: 'r-c', label: 'Resident', score: 3, rank: 1 },
      { nodeId: 'r-a', label: 'Resident', score: 1, rank: 3 },
      { nodeId: 'r-d', label: 'Resident', score: 0.5, rank: 4 },
    ]);
  });

  it('ranks CSR arrays exactly as the graph they were built from', () => {
    expect(rankValues(toCSR(g), values)).toEqual(rankValues(g, values));
    expect(rankValues(toCSR(g), values, true).map((r) => r.nodeId)).toEqual(['r-d', 'r-a', 'r-b', 'r-c']);
  });
});
