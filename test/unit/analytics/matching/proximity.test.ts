import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { ownerNetwork } from '../../../../src/analytics/matching/proximity.ts';
import { mulberry32 } from '../../../../src/analytics/graph-utils/prng.ts';

/** Hops by a plain one-source breadth-first search over the graph read both ways, pool entries skipped. */
function plainHops(graph: MultiDirectedGraph, a: string, b: string): number | null {
  const skip = (n: string) => ['Resource', 'Need'].includes(String(graph.getNodeAttribute(n, 'label')));
  // A pool entry is no owner in the network: nothing is near it.
  if (skip(a) || skip(b)) return null;
  const dist = new Map([[a, 0]]);
  const queue = [a];
  while (queue.length > 0) {
    const u = queue.shift()!;
    if (u === b) return dist.get(u)!;
    for (const v of graph.neighbors(u)) {
      if (skip(v) || dist.has(v)) continue;
      dist.set(v, dist.get(u)! + 1);
      queue.push(v);
    }
  }
  return null;
}

describe('matching/proximity', () => {
  it('gives the hops of a plain breadth-first search for every owner pair, with more than 32 owners per side (several batches)', () => {
    const rnd = mulberry32(9);
    const graph = new MultiDirectedGraph();
    for (let i = 0; i < 300; i += 1) graph.addNode(`p${i}`, { label: i % 50 === 0 ? 'Resource' : 'Organization' });
    for (let k = 0; k < 420; k += 1) {
      const a = Math.floor(rnd() * 300);
      const b = Math.floor(rnd() * 300);
      if (a !== b) graph.addDirectedEdge(`p${a}`, `p${b}`, { kind: 'ACQUAINTANCE' });
    }
    const sources = Array.from({ length: 80 }, (_, i) => `p${1 + 3 * i}`);
    const targets = Array.from({ length: 90 }, (_, i) => `p${2 + 3 * i}`).concat(['p1']);
    const network = ownerNetwork(graph, sources, targets);
    let connected = 0;
    let apart = 0;
    for (const a of sources) for (const b of targets) {
      const expected = plainHops(graph, a, b);
      expect(network.hops(a, b), `${a} ${b}`).toBe(expected);
      expect(network.hops(b, a)).toBe(expected);
      if (expected === null) apart += 1;
      else connected += 1;
    }
    expect(network.hops('p1', 'p1')).toBe(0);
    // The graph is neither all connected nor all apart, so both answers were checked.
    expect(connected).toBeGreaterThan(100);
    expect(apart).toBeGreaterThan(100);
  });
});
