import { describe, expect, it } from 'vitest';
import { PairTable } from '../../../src/graph/pairs.ts';
import { toCSR } from '../../../src/analytics/graph-utils/csr.ts';
import { resolveSpec } from '../../../src/graph/spec.ts';
import { adjacencyAsDictionaries, buildTieGraph, TieGraphBuilder } from '../../../src/graph/ties.ts';
import { COMMUNITY, activity, exchange, knows, resident } from './rows.ts';

/** A reference: the Map keyed by a packed pair index the builder used before PairTable. */
function reference(pairs: [number, number, number][]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const [i, j, v] of pairs) {
    const key = Math.min(i, j) * 2 ** 26 + Math.max(i, j);
    sums.set(key, (sums.get(key) ?? 0) + v);
  }
  return sums;
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
}

describe('PairTable', () => {
  it('finds a pair whichever way round, and adds a new one with zero columns', () => {
    const table = new PairTable(3, 4);
    const r = table.row(7, 2);
    expect(table.row(2, 7)).toBe(r);
    expect([table.lo(r), table.hi(r)]).toEqual([2, 7]);
    expect([...table.values.subarray(r * 3, r * 3 + 3)]).toEqual([0, 0, 0]);
    expect(table.find(7, 2)).toBe(r);
    expect(table.find(1, 2)).toBe(-1);
    expect(table.size).toBe(1);
  });

  it('agrees with a Map over 200,000 random additions, through many doublings, rows in first-seen order', () => {
    const rnd = random(42);
    const pairs: [number, number, number][] = [];
    for (let k = 0; k < 200_000; k += 1) {
      const i = Math.floor(rnd() * 3_000);
      let j = Math.floor(rnd() * 3_000);
      if (j === i) j = (j + 1) % 3_000;
      pairs.push([i, j, Math.floor(rnd() * 8) / 4]);
    }
    const table = new PairTable(2, 16);
    for (const [i, j, v] of pairs) {
      const at = table.row(i, j) * 2 + 1;
      table.values[at] = table.values[at]! + v;
    }
    const expected = reference(pairs);
    expect(table.size).toBe(expected.size);
    let row = 0;
    for (const [key, sum] of expected) {
      const lo = Math.floor(key / 2 ** 26);
      expect([table.lo(row), table.hi(row)]).toEqual([lo, key - lo * 2 ** 26]);
      expect(table.values[row * 2 + 1]).toBe(sum);
      expect(table.values[row * 2]).toBe(0);
      row += 1;
    }
  });

  it('sorts its rows by (lo, hi)', () => {
    const table = new PairTable(1);
    for (const [i, j] of [[5, 1], [0, 9], [1, 3], [0, 2], [4, 1], [2, 3]] as const) table.row(i, j);
    const order = [...table.sortedRows(10)].map((r) => [table.lo(r), table.hi(r)]);
    expect(order).toEqual([[0, 2], [0, 9], [1, 3], [1, 4], [1, 5], [2, 3]]);
    expect(new PairTable(1).sortedRows(0)).toHaveLength(0);
  });
});

describe('the tie graph built through PairTable', () => {
  it('is the same graph whatever order the rows arrive in (edges ordered by resident)', () => {
    const residents = ['a', 'b', 'c', 'd', 'e'].map((id) => resident(id));
    const acquaintances = [knows('d', 'a'), knows('b', 'c'), knows('e', 'a')];
    const attendances = [activity('x', ['c', 'a', 'e']), activity('y', ['b', 'd'])];
    const one = buildTieGraph({ residents, acquaintances, attendances }, { communityId: COMMUNITY, network: 'TIES' });
    const two = buildTieGraph({ residents, acquaintances: [...acquaintances].reverse(), attendances: [...attendances].reverse() }, { communityId: COMMUNITY, network: 'TIES' });
    const edges = (g: typeof one) => g.mapEdges((key, attributes, source, target) => ({ key, source, target, ...attributes }));
    expect(edges(two)).toEqual(edges(one));
    expect(edges(one).map((e) => `${e.source}-${e.target}`)).toEqual(['a-c', 'a-d', 'a-e', 'b-c', 'b-d', 'c-e']);
  });

  it('adjacencyAsDictionaries changes nothing a reader of the graph can see', () => {
    const residents = ['a', 'b', 'c'].map((id) => resident(id));
    const g = buildTieGraph({ residents, acquaintances: [knows('a', 'b')] }, { communityId: COMMUNITY, network: 'TIES' });
    adjacencyAsDictionaries(g);
    expect(g.neighbors('a')).toEqual(['b']);
    expect(g.neighbors('c')).toEqual([]);
    g.addUndirectedEdge('a', 'c', { weight: 1, acquaintance: 1, comembership: 0, coattendance: 0, exchange: 0, cowork: 0 });
    expect(g.neighbors('a')).toEqual(['b', 'c']);
    expect(g.degree('a')).toBe(2);
  });
});

describe('TieGraphBuilder.finishCsr', () => {
  it('gives the CSR the analytics would copy out of the graph, field by field', () => {
    const residents = Array.from({ length: 40 }, (_, i) => resident(`r${String(i).padStart(2, '0')}`));
    const rnd = random(7);
    const pick = () => residents[Math.floor(rnd() * residents.length)]!.id;
    const acquaintances = Array.from({ length: 60 }, () => knows(pick(), pick()));
    const attendances = Array.from({ length: 8 }, (_, k) => activity(`act${k}`, Array.from({ length: 2 + Math.floor(rnd() * 12) }, pick)));
    const exchanges = Array.from({ length: 20 }, () => exchange(pick(), pick(), 1 + Math.floor(rnd() * 4)));
    const make = () => {
      const builder = new TieGraphBuilder(resolveSpec({ communityId: COMMUNITY, network: 'TIES', sources: { exchange: 0.25 } }));
      builder.addResidents(residents);
      builder.addAcquaintances(acquaintances);
      builder.addAttendances(attendances);
      builder.addExchanges(exchanges);
      return builder;
    };
    const graph = make().finish();
    const csr = make().finishCsr();
    const expected = toCSR(graph);
    expect(csr.size).toBeGreaterThan(50);
    expect({ kind: csr.kind, ids: csr.ids, order: csr.order, size: csr.size, offsets: csr.offsets, targets: csr.targets, weights: csr.weights }).toEqual(expected);
    expect(csr.nodeAttributes).toEqual(graph.mapNodes((_key, attributes) => attributes));
    expect(csr.attributes).toEqual(graph.getAttributes());
  });
});
