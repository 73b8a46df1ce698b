import { describe, expect, it } from 'vitest';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { averageClustering } from '../../../../src/analytics/publicness/clustering.ts';
import { networkFigures, reweavingDiff } from '../../../../src/analytics/publicness/reweaving.ts';
import { tieGraph } from './hand-made.ts';
import karate from '../../../fixtures/reference/publicness-karate.json' with { type: 'json' };
import florentine from '../../../fixtures/reference/publicness-florentine.json' with { type: 'json' };
import lesmis from '../../../fixtures/reference/publicness-lesmis.json' with { type: 'json' };
import snapshots from '../../../fixtures/reference/publicness-snapshots.json' with { type: 'json' };

interface FixtureGraph { nodes: string[]; edges: string[][]; groups: Record<string, string | number> | null }
function build(g: FixtureGraph): UndirectedGraph {
  const out = new UndirectedGraph();
  for (const n of g.nodes) out.addNode(n, { group: g.groups ? g.groups[n] : null });
  for (const [a, b] of g.edges) out.addEdge(a!, b!);
  return out;
}

// t0: A, B, F (g1), C, D (g2); ties A–B, B–C, D–A; F isolated.
// t1: D moved away, E (g2) moved in; ties A–B, B–C, C–E, A–E, A–C; F still isolated.
const g0 = () => tieGraph({ A: 'g1', B: 'g1', C: 'g2', D: 'g2', F: 'g1' }, [['A', 'B'], ['B', 'C'], ['D', 'A']]);
const g1 = () => tieGraph({ A: 'g1', B: 'g1', C: 'g2', E: 'g2', F: 'g1' }, [['A', 'B'], ['B', 'C'], ['C', 'E'], ['A', 'E'], ['A', 'C']]);
const options = { group: 'group', seed: 1, resolution: 1 };

describe('reweaving diff of a hand-made community', () => {
  it('counts ties added, lost and kept, and the bridges among them', () => {
    const d = reweavingDiff(g0(), g1(), options);
    // added C–E, A–E, A–C; lost D–A; kept A–B, B–C. Bridges: A–E and A–C added (g1–g2), D–A lost.
    expect({ added: d.added, lost: d.lost, kept: d.kept, bridgesAdded: d.bridgesAdded, bridgesLost: d.bridgesLost }).toEqual({ added: 3, lost: 1, kept: 2, bridgesAdded: 2, bridgesLost: 1 });
  });

  it('describes each network as worked out by hand', () => {
    const d = reweavingDiff(g0(), g1(), options);
    expect(d.t0).toMatchObject({ residents: 5, ties: 3, isolates: 1, components: 2, largestComponentShare: 0.8, density: 0.3, averageClustering: 0, crossingTies: 2 });
    // E-I t0: E = 2 (B–C, D–A), I = 1 → 1/3; t1: E = 3, I = 2 → 1/5.
    expect(d.t0.ei).toBeCloseTo(1 / 3, 12);
    expect(d.t1.ei).toBeCloseTo(0.2, 12);
    // Clustering t1: A 2/3, B 1, C 2/3, E 1, F 0 → 2/3; density 5 / 10.
    expect(d.t1.averageClustering).toBeCloseTo(2 / 3, 12);
    expect(d.t1.density).toBe(0.5);
    // Per group at t0: g1 = A, B, F with A–B inside and A–D, B–C out, E-I (2 − 2)/4 = 0 (internal ties count at both ends); g2 = C, D, E-I 1.
    expect(d.t0.groups).toEqual([
      { group: 'g1', residents: 3, tiesInside: 1, tiesOut: 2, ei: 0, isolates: 1 },
      { group: 'g2', residents: 2, tiesInside: 0, tiesOut: 2, ei: 1, isolates: 0 },
    ]);
  });

  it('answers an empty network with nulls, not NaN', () => {
    const f = networkFigures(new UndirectedGraph(), options);
    expect(f).toMatchObject({ residents: 0, ties: 0, largestComponentShare: null, density: null, averageClustering: null, modularity: null, ei: null });
  });
});

describe('against NetworkX (scripts/reference/publicness.py)', () => {
  for (const ref of [karate, florentine, lesmis]) {
    it(`${ref.case}: clustering, density, components and modularity`, () => {
      const f = networkFigures(build(ref.graph as FixtureGraph), options);
      expect(f.averageClustering).toBeCloseTo(ref.figures.averageClustering, 12);
      expect(f.density).toBeCloseTo(ref.figures.density, 12);
      expect(f.components).toBe(ref.figures.components);
      expect(f.isolates).toBe(ref.figures.isolates);
      expect(f.largestComponentShare).toBeCloseTo(ref.figures.largestComponentShare, 12);
      expect(f.modularity!).toBeGreaterThanOrEqual(0.95 * ref.figures.bestModularity);
      if (ref.figures.ei) expect(f.ei).toBeCloseTo(ref.figures.ei.ei!, 12);
    });
  }

  it('snapshots: the diff and both networks’ figures', () => {
    const d = reweavingDiff(build(snapshots.t0.graph as FixtureGraph), build(snapshots.t1.graph as FixtureGraph), options);
    expect({ added: d.added, lost: d.lost, kept: d.kept, bridgesAdded: d.bridgesAdded, bridgesLost: d.bridgesLost }).toEqual(snapshots.diff);
    for (const at of ['t0', 't1'] as const) {
      const ref = snapshots[at].figures;
      expect(d[at].averageClustering).toBeCloseTo(ref.averageClustering, 12);
      expect(d[at].density).toBeCloseTo(ref.density, 12);
      expect(d[at].components).toBe(ref.components);
      expect(d[at].isolates).toBe(ref.isolates);
      expect(d[at].ei).toBeCloseTo(ref.ei.ei!, 12);
      expect(d[at].crossingTies).toBe(ref.ei.external);
      expect(d[at].modularity!).toBeGreaterThanOrEqual(0.95 * ref.bestModularity);
    }
  });

  it('clustering throws on a directed graph', () => {
    const g = new DirectedGraph();
    g.mergeEdge('a', 'b');
    expect(() => averageClustering(g)).toThrow(/undirected/);
  });
});
