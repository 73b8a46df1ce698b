/**
 * matchProposals through GraphQL on the small demo (loaded as `npm start` does): a proposal for the
 * conference's pools, reasons for every unmet need, the time-bank scope, bad input with its field
 * path and the scope of a token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../../src/services/auth/tokens.ts';
import { SHARED_DEMO } from '../../helpers/demo.ts';
import { codeOf, startTestApi, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
let coordinator: string;
let researcher: string;
let outsider: string;
const demo = SHARED_DEMO;
const conference = `${demo}:conference:1`;
const asOf = '2025-06-30T00:00:00Z';

beforeAll(async () => {
  api = await startTestApi();
  coordinator = (await createToken(api.db, { role: 'COORDINATOR', communities: [demo], name: 'matching test' })).token;
  researcher = (await createToken(api.db, { role: 'RESEARCHER', communities: [demo], name: 'matching test' })).token;
  outsider = (await createToken(api.db, { role: 'COORDINATOR', communities: [api.communityId], name: 'matching test' })).token;
}, 240_000);

afterAll(async () => {
  await api?.close();
});

export const MATCH = `query($scope: MatchScope!, $asOf: DateTime, $options: MatchOptions, $first: Int) {
  matchProposals(scope: $scope, asOf: $asOf, options: $options) {
    communityId conferenceId asOf resources needs eligiblePairs total greedyTotal gain seconds
    weights { tags quantity urgency proximity bridging reciprocity }
    proposals(first: $first) { totalCount edges { node {
      resourceId needId quantity score hops explanation explanationZh
      resource { id name } need { id name quantity }
      components { component value weight contribution } } } }
    unmet(first: $first) { totalCount edges { node { needId asked unmet reason nearestResourceId nearestScore raiseNeeded explanation explanationZh need { id } } } }
  }
}`;

describe('matchProposals', () => {
  it('proposes an optimal assignment for the demo conference: never below greedy, components adding up, every unmet need with a reason', async () => {
    const r = await api.gql<any>(MATCH, { scope: { conferenceId: conference }, asOf, first: 1000 }, coordinator);
    expect(r.errors).toBeUndefined();
    const m = r.data!.matchProposals;
    expect(m.communityId).toBe(demo);
    expect(m.conferenceId).toBe(conference);
    expect(m.resources).toBeGreaterThan(0);
    expect(m.needs).toBeGreaterThan(0);
    expect(m.proposals.totalCount).toBeGreaterThan(0);
    expect(m.total).toBeGreaterThanOrEqual(m.greedyTotal - 1e-9);
    let total = 0;
    for (const { node: p } of m.proposals.edges) {
      expect(p.resource.id).toBe(p.resourceId);
      expect(p.need.id).toBe(p.needId);
      expect(p.quantity).toBeGreaterThan(0);
      const sum = p.components.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
      expect(sum).toBeCloseTo(p.score, 9);
      expect(p.components.map((c: { component: string }) => c.component)).toEqual(['TAGS', 'QUANTITY', 'URGENCY', 'PROXIMITY', 'BRIDGING', 'RECIPROCITY']);
      expect(p.explanation).toContain(p.resource.name);
      expect(p.explanationZh).toContain('得分');
      total += p.score * p.quantity;
    }
    expect(total).toBeCloseTo(m.total, 6);
    for (const { node: u } of m.unmet.edges) {
      expect(['NO_ELIGIBLE_RESOURCE', 'NO_CAPACITY_LEFT', 'OUTSCORED', 'PARTLY_MET']).toContain(u.reason);
      expect(u.explanation.length).toBeGreaterThan(10);
      expect(u.explanationZh.length).toBeGreaterThan(5);
      if (u.reason === 'OUTSCORED') expect(u.raiseNeeded).toBeGreaterThanOrEqual(0);
    }
    // The same input gives the same proposals.
    const again = await api.gql<any>(MATCH, { scope: { conferenceId: conference }, asOf, first: 1000 }, coordinator);
    expect(again.data!.matchProposals.proposals).toEqual(m.proposals);
  });

  it('matches the time bank of a community: SERVICE and SKILL entries owned by residents', async () => {
    const r = await api.gql<any>(MATCH, { scope: { communityId: demo }, asOf, first: 5 }, researcher);
    expect(r.errors).toBeUndefined();
    expect(r.data!.matchProposals.conferenceId).toBeNull();
  });

  it('refuses bad input naming the field, and a scope outside the token', async () => {
    const cases: [Record<string, unknown>, string, (string | number)[], string?][] = [
      [{ scope: { conferenceId: 'no-such-conference' } }, 'BAD_USER_INPUT', ['scope', 'conferenceId']],
      [{ scope: { communityId: 'no-such-community' } }, 'BAD_USER_INPUT', ['scope', 'communityId'], api.tokens.GLOBAL_ADMIN],
      [{ scope: {} }, 'BAD_USER_INPUT', ['scope']],
      [{ scope: { conferenceId: conference, communityId: demo } }, 'BAD_USER_INPUT', ['scope']],
      [{ scope: { conferenceId: conference }, options: { weights: { tags: -1 } } }, 'BAD_USER_INPUT', ['options', 'weights', 'tags']],
      [{ scope: { conferenceId: conference }, options: { weights: { tags: 0, quantity: 0, urgency: 0, proximity: 0, bridging: 0, reciprocity: 0 } } }, 'BAD_USER_INPUT', ['options', 'weights']],
      [{ scope: { conferenceId: conference }, asOf: 'yesterday' }, 'BAD_USER_INPUT', ['asOf']],
    ];
    for (const [variables, code, path, token] of cases) {
      const r = await api.gql(MATCH, variables, token ?? coordinator);
      expect(codeOf(r), JSON.stringify(variables)).toBe(code);
      expect(r.errors![0]!.extensions!.fieldPath, JSON.stringify(variables)).toEqual(path);
    }
    const forbidden = await api.gql(MATCH, { scope: { conferenceId: conference } }, outsider);
    expect(codeOf(forbidden)).toBe('FORBIDDEN');
    const forbiddenCommunity = await api.gql(MATCH, { scope: { communityId: demo } }, outsider);
    expect(codeOf(forbiddenCommunity)).toBe('FORBIDDEN');
  });
});
