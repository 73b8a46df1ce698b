import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { NeedInput, PoolEntryInput } from '../../../../src/analytics/matching/eligibility.ts';
import { matchPools, type OwnerContext } from '../../../../src/analytics/matching/proposals.ts';
import { ownerNetwork } from '../../../../src/analytics/matching/proximity.ts';
import { jaccard, resolveWeights } from '../../../../src/analytics/matching/scores.ts';

const res = (id: string, category: string, owner: string, quantity: number, tags: string[] = [], extra: Partial<PoolEntryInput> = {}): PoolEntryInput => ({
  id, name: `R ${id}`, category, tags, quantity, unit: null, validFrom: null, validUntil: null, owners: [owner], ...extra,
});
const need = (id: string, category: string, owner: string, quantity: number, tags: string[] = [], extra: Partial<NeedInput> = {}): NeedInput => ({
  id, name: `N ${id}`, category, tags, quantity, unit: null, validFrom: null, validUntil: null, owners: [owner], urgency: 5, ...extra,
});

// school —1— station; police unconnected.
const owners: OwnerContext = {
  hops: (a, b) => (a === b ? 0 : [a, b].sort().join() === 'school,station' ? 1 : null),
  groups: (id) => ({ branches: [`branch-${id}`], areas: [] }),
};

describe('matching/proposals', () => {
  it('scores, assigns and explains: components add up to the score; reciprocity when both sides need each other', () => {
    const resources = [
      res('r1', 'VOLUNTEERS', 'school', 10, ['志愿者', '学生']),
      res('r2', 'SERVICE', 'station', 20, ['志愿服务时长']),
      res('r3', 'TRAINING', 'police', 2, ['交通安全']),
    ];
    const needs = [
      need('n1', 'VOLUNTEERS', 'station', 10, ['志愿者']),
      need('n2', 'SERVICE', 'school', 40, ['志愿服务时长'], { urgency: 3 }),
      need('n3', 'FUNDING', 'school', 1000),
      need('n4', 'TRAINING', 'police', 1),
    ];
    const result = matchPools(resources, needs, owners);
    const byNeed = new Map(result.proposals.map((p) => [p.needId, p]));
    expect(byNeed.get('n1')).toMatchObject({ resourceId: 'r1', quantity: 10, hops: 1 });
    expect(byNeed.get('n2')).toMatchObject({ resourceId: 'r2', quantity: 20 });
    for (const p of result.proposals) {
      expect(p.components.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(p.score, 12);
      expect(p.components.find((c) => c.component === 'reciprocity')!.value).toBe(1);
      expect(p.explanation.en).toContain('each offers something the other needs');
      expect(p.explanation.zh).toContain('双方互有所需');
    }
    // n1: tags 1/2, quantity 1, urgency 1, proximity 1/2, reciprocity 1 → (0.3·0.5 + 0.2 + 0.2 + 0.15·0.5 + 0.15) / 1
    expect(byNeed.get('n1')!.score).toBeCloseTo(0.15 + 0.2 + 0.2 + 0.075 + 0.15, 12);
    const unmet = new Map(result.unmet.map((u) => [u.needId, u]));
    expect(unmet.get('n2')).toMatchObject({ reason: 'PARTLY_MET', unmet: 20 });
    expect(unmet.get('n3')).toMatchObject({ reason: 'NO_ELIGIBLE_RESOURCE', ineligibility: 'CATEGORY' });
    expect(unmet.get('n4')).toMatchObject({ reason: 'NO_ELIGIBLE_RESOURCE', ineligibility: 'SAME_OWNER' });
    expect(unmet.get('n4')!.explanation.en).toContain('own owner');
    expect(result.total).toBeCloseTo(10 * byNeed.get('n1')!.score + 20 * byNeed.get('n2')!.score, 9);
    expect(result.total).toBeGreaterThanOrEqual(result.greedyTotal - 1e-9);
  });

  it('says how much higher an outscored need would have to score, and that raise wins it', () => {
    const resources = [res('r1', 'VENUE', 'a', 1, ['场地'])];
    const needs = [need('n1', 'VENUE', 'b', 1, ['场地']), need('n2', 'VENUE', 'c', 1, ['场地'], { urgency: 1 })];
    const result = matchPools(resources, needs, owners);
    expect(result.proposals.map((p) => p.needId)).toEqual(['n1']);
    const u = result.unmet.find((x) => x.needId === 'n2')!;
    expect(u.reason).toBe('OUTSCORED');
    expect(u.nearestResourceId).toBe('r1');
    // Urgency 5/5 against 1/5 at weight 0.2 (of 1): 0.16 apart.
    expect(u.raiseNeeded).toBeCloseTo(0.16, 12);
    expect(u.explanation.en).toContain('would need to score 0.160 higher');
    expect(u.explanation.zh).toContain('得分还需高 0.160');
  });

  it('refuses pairs whose validity does not overlap, and says so', () => {
    const result = matchPools([res('r1', 'VENUE', 'a', 1, [], { validUntil: 1000 })], [need('n1', 'VENUE', 'b', 1, [], { validFrom: 2000 })], owners);
    expect(result.eligiblePairs).toBe(0);
    expect(result.unmet[0]).toMatchObject({ reason: 'NO_ELIGIBLE_RESOURCE', ineligibility: 'VALIDITY' });
  });

  it('matches related categories from the table, and only those', () => {
    const r = [res('r1', 'SKILL', 'a', 1)];
    const n = [need('n1', 'SERVICE', 'b', 1)];
    expect(matchPools(r, n, owners).proposals).toHaveLength(1);
    expect(matchPools(r, n, owners, { relatedCategories: [] }).proposals).toHaveLength(0);
  });

  it('counts a resource used up by projects as the reason a need is unmatched', () => {
    const result = matchPools([res('r1', 'VENUE', 'a', 0)], [need('n1', 'VENUE', 'b', 1)], owners);
    expect(result.unmet[0]!.reason).toBe('NO_CAPACITY_LEFT');
  });

  it('weighs bridging only with favourNewBridges, and only between groups without a tie', () => {
    const r = [res('r1', 'VENUE', 'police', 1), res('r2', 'VENUE', 'school', 1)];
    const n = [need('n1', 'VENUE', 'station', 1), need('n2', 'VENUE', 'x', 1)];
    const plain = matchPools(r, n, owners);
    expect(plain.weights.bridging).toBe(0);
    const favoured = matchPools(r, n, owners, { favourNewBridges: true });
    expect(favoured.weights.bridging).toBeGreaterThan(0);
    const bridging = (resourceId: string, needId: string) =>
      favoured.proposals.find((p) => p.resourceId === resourceId && p.needId === needId)?.components.find((c) => c.component === 'bridging')?.value;
    // school and station already have a tie: no new bridge; police and station have none.
    const pairs = favoured.proposals.map((p) => [p.resourceId, p.needId].join());
    if (pairs.includes('r2,n1')) expect(bridging('r2', 'n1')).toBe(0);
    if (pairs.includes('r1,n1')) expect(bridging('r1', 'n1')).toBe(1);
    expect(favoured.proposals.some((p) => p.components.find((c) => c.component === 'bridging')!.value === 1)).toBe(true);
  });

  it('throws on negative or all-zero weights and unknown components', () => {
    expect(() => resolveWeights({ tags: -1 }, false)).toThrow(/matching\/scores: weight tags/);
    expect(() => resolveWeights({ tags: 0, quantity: 0, urgency: 0, proximity: 0, reciprocity: 0 }, false)).toThrow(/at least one weight/);
    expect(() => resolveWeights({ colour: 1 } as never, false)).toThrow(/unknown weight colour/);
  });

  it('Jaccard of tag sets', () => {
    expect(jaccard(Int32Array.of(1, 2, 3), Int32Array.of(2, 3, 4))).toBeCloseTo(0.5);
    expect(jaccard(new Int32Array(), new Int32Array())).toBe(0);
  });
});

describe('matching/proximity', () => {
  it('counts hops both ways, skips pool entries, and reads branches and housing areas', () => {
    const g = new MultiDirectedGraph();
    for (const [id, label, extra] of [
      ['a', 'Resident', { housingArea: '东坑村' }], ['b', 'Resident', { housingArea: '锦绣华庭' }], ['c', 'Organization', {}],
      ['x', 'Resident', {}], ['br', 'PartyBranch', {}], ['res', 'Resource', {}],
    ] as const) g.addNode(id, { label, ...extra });
    g.addEdge('a', 'b', { kind: 'ACQUAINTANCE' });
    g.addEdge('c', 'b', { kind: 'MEMBERSHIP' });
    g.addEdge('a', 'br', { kind: 'BRANCH_AFFILIATION' });
    g.addEdge('x', 'res', { kind: 'OFFER' });
    g.addEdge('c', 'res', { kind: 'OFFER' });
    const net = ownerNetwork(g, ['a', 'x'], ['c', 'b']);
    expect(net.hops('a', 'c')).toBe(2);
    expect(net.hops('c', 'a')).toBe(2);
    expect(net.hops('a', 'b')).toBe(1);
    // Only through the resource they both offer: not a tie.
    expect(net.hops('x', 'c')).toBeNull();
    expect(net.groups('a')).toEqual({ branches: ['br'], areas: ['东坑村'] });
    expect(net.groups('c')).toEqual({ branches: [], areas: [] });
  });
});
