import { describe, expect, it } from 'vitest';
import { communityUnits, contributionScore, tiePositions, type CommunityObservation } from '../../../../src/analytics/publicness/components.ts';
import { evaluatePublicness } from '../../../../src/analytics/publicness/composite.ts';
import { shareAt } from '../../../../src/analytics/publicness/units.ts';
import { scopeUnits, tiesAmong, type ScopeObservation } from '../../../../src/analytics/publicness/scope.ts';
import { t0Graph, t1Graph, tieGraph } from './hand-made.ts';

function observe(graph: ReturnType<typeof t0Graph>, publicOnes: string[], partnerOnes: string[], organisations: [string, boolean][], contributions: number): CommunityObservation {
  const positions = tiePositions(graph, 'group');
  return {
    residents: graph.nodes().map((id) => ({ id, ...positions.get(id)!, publicActivity: publicOnes.includes(id), partnerActivity: partnerOnes.includes(id) })),
    organisations: organisations.map(([id, publicBenefit]) => ({ id, publicBenefit })),
    partnerContributions: contributions,
  };
}

// t0: A attended a public activity; nobody a partner's; O1 public-benefit, O2 self-benefit; no contributions.
// t1: A, B, E public; C at a partner's activity; O1, O2 public-benefit, O3 not; 20 yuan from partners.
const at0 = () => observe(t0Graph(), ['A'], [], [['O1', true], ['O2', false]], 0);
const at1 = () => observe(t1Graph(), ['A', 'B', 'E'], ['C'], [['O1', true], ['O2', true], ['O3', false]], 20);
const REFERENCE = 10_000;

describe('publicness components of a hand-made community', () => {
  it('reads each resident’s place in the tie network', () => {
    const p = tiePositions(t0Graph(), 'group');
    expect(p.get('A')).toEqual({ inLargestComponent: true, groupedTies: 1, crossingTies: 0 });
    expect(p.get('B')).toEqual({ inLargestComponent: true, groupedTies: 2, crossingTies: 1 });
    expect(p.get('D')).toEqual({ inLargestComponent: false, groupedTies: 0, crossingTies: 0 });
  });

  it('leaves ties touching a resident without a group out of the crossing share', () => {
    const p = tiePositions(tieGraph({ A: 'g1', B: null, C: 'g2' }, [['A', 'B'], ['A', 'C']]), 'group');
    expect(p.get('A')).toEqual({ inLargestComponent: true, groupedTies: 1, crossingTies: 1 });
    expect(p.get('B')!.groupedTies).toBe(0);
  });

  it('computes every component at t0 and t1 as worked out by hand', () => {
    const { sets, fixed } = communityUnits(at0(), at1(), REFERENCE);
    const [residents, organisations] = sets;
    // participation 1/4 → 3/4; crossing (B–C of A–B, B–C) 1/2 → (B–C, A–E, A–C of 5) 3/5;
    // connectedness 3/4 (D outside) → 4/4; partner involvement 0 → 1/4; organisations 1/2 → 2/3.
    expect(shareAt(residents!, 'participation', 0)).toBe(0.25);
    expect(shareAt(residents!, 'participation', 1)).toBe(0.75);
    expect(shareAt(residents!, 'crossing', 0)).toBe(0.5);
    expect(shareAt(residents!, 'crossing', 1)).toBeCloseTo(0.6, 12);
    expect(shareAt(residents!, 'connectedness', 0)).toBe(0.75);
    expect(shareAt(residents!, 'connectedness', 1)).toBe(1);
    expect(shareAt(residents!, 'partnerInvolvement', 0)).toBe(0);
    expect(shareAt(residents!, 'partnerInvolvement', 1)).toBe(0.25);
    expect(shareAt(organisations!, 'publicBenefitOrganisations', 0)).toBe(0.5);
    expect(shareAt(organisations!, 'publicBenefitOrganisations', 1)).toBeCloseTo(2 / 3, 12);
    // 20 yuan / 4 residents × 1,000 = 5,000 per 1,000 residents; / 10,000 = 0.5.
    expect(fixed.contributions).toEqual({ t0: 0, t1: 0.5 });
  });

  it('gives the index as the equal-weight mean, and each delta', () => {
    const u = communityUnits(at0(), at1(), REFERENCE);
    const weights = Object.fromEntries(u.order.map((c) => [c, 1]));
    const e = evaluatePublicness({ ...u, weights, replicates: 200, permutations: 200, draws: 100, seed: 7 });
    const by = Object.fromEntries(e.components.map((c) => [c.component, c]));
    expect(by.participation!.delta).toBe(0.5);
    expect(by.crossing!.delta).toBeCloseTo(0.1, 12);
    expect(by.connectedness!.delta).toBe(0.25);
    expect(by.partnerInvolvement!.delta).toBe(0.25);
    expect(by.publicBenefitOrganisations!.delta).toBeCloseTo(1 / 6, 12);
    expect(by.contributions!.delta).toBe(0.5);
    expect(by.contributions!.interval).toBeNull();
    expect(by.contributions!.pValue).toBeNull();
    // t0: (0.25 + 0.5 + 0.75 + 0.5 + 0 + 0) / 6 = 1/3; t1: (0.75 + 0.6 + 1 + 2/3 + 0.25 + 0.5) / 6.
    expect(e.index.t0).toBeCloseTo(1 / 3, 12);
    expect(e.index.t1).toBeCloseTo((0.75 + 0.6 + 1 + 2 / 3 + 0.25 + 0.5) / 6, 12);
    expect(e.index.delta).toBeCloseTo((0.75 + 0.6 + 1 + 2 / 3 + 0.25 + 0.5) / 6 - 1 / 3, 12);
    expect(e.components.every((c) => c.weight === 1 / 6)).toBe(true);
    expect(e.index.excluded).toEqual([]);
    // Under every weighting the index lies between the smallest and the largest component.
    expect(e.index.sensitivity!.t0.min).toBeGreaterThanOrEqual(0);
    expect(e.index.sensitivity!.t1.max).toBeLessThanOrEqual(1);
  });

  it('rescales the weights over the components it can use, and names those left out', () => {
    const u = communityUnits(at0(), { ...at1(), organisations: [] }, REFERENCE);
    const weights = { participation: 2, crossing: 1, connectedness: 1, publicBenefitOrganisations: 1, partnerInvolvement: 0, contributions: 0 };
    const e = evaluatePublicness({ ...u, weights, replicates: 50, permutations: 50, draws: 10, seed: 1 });
    expect(e.index.excluded).toEqual(['publicBenefitOrganisations', 'partnerInvolvement', 'contributions']);
    // (2 × 0.25 + 0.5 + 0.75) / 4 and (2 × 0.75 + 0.6 + 1) / 4.
    expect(e.index.t0).toBeCloseTo(1.75 / 4, 12);
    expect(e.index.t1).toBeCloseTo(3.1 / 4, 12);
    expect(e.components.find((c) => c.component === 'participation')!.weight).toBe(0.5);
  });

  it('refuses a negative weight, and caps contributions at 1', () => {
    const u = communityUnits(at0(), at1(), REFERENCE);
    expect(() => evaluatePublicness({ ...u, weights: { participation: -1 }, replicates: 1, permutations: 0, draws: 1, seed: 1 })).toThrow(/participation/);
    expect(contributionScore(1e9, 10, 10_000)).toBe(1);
    expect(contributionScore(5, 0, 10_000)).toBeNull();
    expect(() => contributionScore(5, 10, 0)).toThrow(/reference/);
  });
});

describe('publicness components of an organisation or partner', () => {
  // t0: it reached A (a member) and B; B volunteered; A–B cross groups. One project, addressing a need; 10 yuan.
  // t1: it reached B, C, D (none members), C volunteered; ties B–C (g1–g2), C–D (g2–g2); two projects, one addressing a need.
  const graph = tieGraph({ A: 'g1', B: 'g1', C: 'g2', D: 'g2', X: 'g1' }, [['A', 'B'], ['B', 'C'], ['C', 'D'], ['D', 'X']]);
  const observe = (reached: [string, boolean, boolean][], projects: [string, boolean][], contributions: number): ScopeObservation => {
    const ties = tiesAmong(graph, 'group', new Set(reached.map(([id]) => id)));
    return { reached: reached.map(([id, member, volunteered]) => ({ id, member, volunteered, ...ties.get(id)! })), projects: projects.map(([id, addresses]) => ({ id, addresses })), contributions, communityResidents: 5 };
  };

  it('computes outreach, crossing among the reached, volunteering, needs addressed and contributions by hand', () => {
    const u = scopeUnits(observe([['A', true, false], ['B', false, true]], [['p1', true]], 10), observe([['B', false, false], ['C', false, true], ['D', false, false]], [['p1', true], ['p2', false]], 0), 10_000);
    const e = evaluatePublicness({ ...u, weights: Object.fromEntries(u.order.map((c) => [c, 1])), replicates: 50, permutations: 50, draws: 10, seed: 1 });
    const by = Object.fromEntries(e.components.map((c) => [c.component, c]));
    // outreach 1/2 → 3/3; crossing A–B is inside g1: 0/1 → B–C crosses, C–D does not (D–X: X not reached): 1/2;
    // volunteering 1/2 → 1/3; needs 1/1 → 1/2; contributions 10 / 5 × 1,000 / 10,000 = 0.2 → 0.
    expect([by.outreach!.t0, by.outreach!.t1]).toEqual([0.5, 1]);
    expect([by.crossing!.t0, by.crossing!.t1]).toEqual([0, 0.5]);
    expect(by.volunteering!.t0).toBe(0.5);
    expect(by.volunteering!.t1).toBeCloseTo(1 / 3, 12);
    expect([by.needsAddressed!.t0, by.needsAddressed!.t1]).toEqual([1, 0.5]);
    expect([by.contributions!.t0, by.contributions!.t1]).toEqual([0.2, 0]);
    expect(e.index.t0).toBeCloseTo((0.5 + 0 + 0.5 + 1 + 0.2) / 5, 12);
  });

  it('has no data at a date when it reached no one, ran nothing and gave nothing', () => {
    const u = scopeUnits(observe([], [], 0), observe([['B', false, false]], [], 5), 10_000);
    expect(u.fixed.contributions!.t0).toBeNull();
    const e = evaluatePublicness({ ...u, weights: Object.fromEntries(u.order.map((c) => [c, 1])), replicates: 10, permutations: 0, draws: 0, seed: 1 });
    expect(e.index.t0).toBeNull();
  });
});
