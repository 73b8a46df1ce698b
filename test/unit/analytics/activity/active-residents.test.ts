import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { activeResidents, positivePercentiles, type ParticipationValues } from '../../../../src/analytics/activity/active-residents.ts';
import { pagerank } from '../../../../src/analytics/centrality/index.ts';

function star(): UndirectedGraph {
  // a is the hub of b, c, d; e is isolated.
  const g = new UndirectedGraph();
  for (const n of ['a', 'b', 'c', 'd', 'e']) g.addNode(n);
  for (const n of ['b', 'c', 'd']) g.addEdge('a', n, { weight: 1 });
  return g;
}

describe('positivePercentiles', () => {
  it('gives mid-ranks among positive values and 0 to the rest', () => {
    expect([...positivePercentiles(Float64Array.from([0, 5, 1, 5, 3]))]).toEqual([0, 3.5 / 4, 1 / 4, 3.5 / 4, 2 / 4]);
    expect([...positivePercentiles(Float64Array.from([0, 0]))]).toEqual([0, 0]);
  });
});

describe('activeResidents', () => {
  const participation = new Map<string, ParticipationValues>([
    ['a', { attendance: 10, volunteering: 2, organising: 1, exchanges: 0 }],
    ['b', { attendance: 3, volunteering: 0, organising: 0, exchanges: 4 }],
    ['c', { attendance: 3 }],
    ['e', { attendance: 20, exchanges: 1 }],
  ]);

  it('scores by the weighted mean of percentile ranks and explains each score', () => {
    const { residents, weights } = activeResidents(star(), participation);
    expect(weights).toEqual({ attendance: 1, volunteering: 1, organising: 1, exchanges: 1, network: 1 });
    const a = residents.find((r) => r.id === 'a')!;
    const part = Object.fromEntries(a.components.map((c) => [c.component, c]));
    // attendance: a's 10 is 3rd of the positive values 3, 3, 10, 20 → 3/4.
    expect(part.attendance!.normalised).toBeCloseTo(3 / 4, 12);
    expect(part.volunteering!.normalised).toBe(1);
    expect(part.organising!.normalised).toBe(1);
    expect(part.exchanges!.normalised).toBe(0);
    // network: the hub has the highest PageRank of the four with ties; e has none and scores 0.
    expect(part.network!.value).toBeCloseTo(pagerank(star()).values.a!, 12);
    expect(part.network!.normalised).toBe(1);
    expect(a.score).toBeCloseTo((3 / 4 + 1 + 1 + 0 + 1) / 5, 12);
    expect(a.components.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(a.score, 12);
    const e = residents.find((r) => r.id === 'e')!;
    expect(e.components.find((c) => c.component === 'network')!.normalised).toBe(0);
    expect(residents[0]!.id).toBe('a');
    expect(residents[0]!.rank).toBe(1);
    expect(residents.map((r) => r.score)).toEqual(residents.map((r) => r.score).sort((x, y) => y - x));
  });

  it('follows the weights and shares ranks between equal scores', () => {
    const { residents } = activeResidents(star(), participation, { weights: { attendance: 1, volunteering: 0, organising: 0, exchanges: 0, network: 0 } });
    expect(residents.map((r) => r.id)).toEqual(['e', 'a', 'b', 'c', 'd']);
    expect(residents.map((r) => r.rank)).toEqual([1, 2, 3, 3, 5]);
    expect(residents.find((r) => r.id === 'd')!.score).toBe(0);
  });

  it('refuses bad weights and directed graphs', () => {
    expect(() => activeResidents(star(), participation, { weights: { attendance: -1 } })).toThrow(/attendance/);
    expect(() => activeResidents(star(), participation, { weights: { attendance: 0, volunteering: 0, organising: 0, exchanges: 0, network: 0 } })).toThrow(/at least one/);
    expect(() => activeResidents(star(), participation, { weights: { shoeSize: 1 } as never })).toThrow(/unknown/);
  });

  it('handles an empty graph', () => {
    expect(activeResidents(new UndirectedGraph(), new Map()).residents).toEqual([]);
  });
});
