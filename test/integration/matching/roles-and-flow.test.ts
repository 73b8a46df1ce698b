/**
 * The matching queries through GraphQL on the shared small demo, read only — every role with the
 * demo in its scope, FORBIDDEN outside it, UNAUTHENTICATED without a token — and the writing path end
 * to end on this file's own rows: proposals for its own conference, acceptMatch of the proposal, the
 * next proposals seeing the capacity used, the project on the claiming board, claimed again by a
 * second unit and evaluated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../../src/services/auth/tokens.ts';
import type { Role } from '../../../src/domain/vocabulary.ts';
import { SHARED_DEMO } from '../../helpers/demo.ts';
import { codeOf, post, snapshot, startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
const demo = SHARED_DEMO;
const conference = `${demo}:conference:1`;
const asOf = '2025-06-30T00:00:00Z';
const ROLES: Role[] = ['ADMIN', 'ANALYST', 'COORDINATOR', 'EVALUATOR', 'RESEARCHER'];
const demoTokens = {} as Record<Role, string>;

const MATCH = `query($scope: MatchScope!, $asOf: DateTime) { matchProposals(scope: $scope, asOf: $asOf) {
  communityId resources needs eligiblePairs total greedyTotal
  proposals(first: 1000) { totalCount edges { node { resourceId needId quantity score resource { category } need { category } } } }
  unmet(first: 1000) { totalCount edges { node { needId reason } } } } }`;

async function cypher(text: string, params: Record<string, unknown> = {}) {
  const session = api.db.driver.session();
  try {
    return (await session.run(text, params)).records;
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  api = await startTestApi();
  for (const role of ROLES) demoTokens[role] = (await createToken(api.db, { role, communities: [demo], name: `matching roles ${role}` })).token;
}, 240_000);

afterAll(async () => {
  await api?.close();
});

describe('on the shared demo (read only)', () => {
  it('every role in scope gets the same proposals for the conference; outside the scope FORBIDDEN; no token UNAUTHENTICATED', async () => {
    const before = await snapshot(api.db, demo);
    const answers = [];
    for (const role of ROLES) {
      const r = await api.gql<any>(MATCH, { scope: { conferenceId: conference }, asOf }, demoTokens[role]);
      expect(r.errors, role).toBeUndefined();
      answers.push(r.data!.matchProposals);
    }
    expect(answers[0].proposals.totalCount).toBeGreaterThan(0);
    expect(answers[0].total).toBeGreaterThanOrEqual(answers[0].greedyTotal - 1e-9);
    for (const a of answers) expect(a).toEqual(answers[0]);
    for (const token of [api.tokens.ADMIN, api.tokens.COORDINATOR, api.tokens.OTHER_ADMIN]) {
      expect(codeOf(await api.gql(MATCH, { scope: { conferenceId: conference }, asOf }, token))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(MATCH, { scope: { communityId: demo }, asOf }, token))).toBe('FORBIDDEN');
    }
    const none = await post(api.app.url, { query: MATCH, variables: { scope: { conferenceId: conference } } }, null);
    expect(codeOf(none.body)).toBe('UNAUTHENTICATED');
    expect(await snapshot(api.db, demo)).toBe(before);
  });

  it('the community scope matches the time bank only: SERVICE and SKILL entries', async () => {
    const r = await api.gql<any>(MATCH, { scope: { communityId: demo }, asOf }, demoTokens.ANALYST);
    expect(r.errors).toBeUndefined();
    const m = r.data!.matchProposals;
    expect(m.communityId).toBe(demo);
    for (const { node: p } of m.proposals.edges) {
      expect(['SERVICE', 'SKILL']).toContain(p.resource.category);
      expect(['SERVICE', 'SKILL']).toContain(p.need.category);
    }
    expect(m.total).toBeGreaterThanOrEqual(m.greedyTotal - 1e-9);
  });

  it('timeBank and claimingBoard read the demo for every role in scope and are FORBIDDEN outside it', async () => {
    const LEDGER = `query($c: ID!) { timeBank(communityId: $c, from: "2025-01-01", to: "2026-01-01") { totals { hoursGiven hoursReceived exchanges imbalance conserved } monthly { hours exchanges } } }`;
    const BOARD = `query($c: ID!) { claimingBoard(communityId: $c, asOf: "2025-12-31T00:00:00Z") { columns { status projects { projectId } } } }`;
    for (const role of ROLES) {
      const ledger = await api.gql<any>(LEDGER, { c: demo }, demoTokens[role]);
      expect(ledger.errors, role).toBeUndefined();
      const t = ledger.data!.timeBank;
      expect(t.totals.exchanges).toBeGreaterThan(0);
      expect(t.totals.conserved).toBe(true);
      expect(t.totals.hoursGiven).toBeCloseTo(t.totals.hoursReceived, 9);
      expect(t.monthly.reduce((s: number, x: { hours: number }) => s + x.hours, 0)).toBeCloseTo(t.totals.hoursGiven, 6);
      expect(t.monthly.reduce((s: number, x: { exchanges: number }) => s + x.exchanges, 0)).toBe(t.totals.exchanges);
      const board = await api.gql<any>(BOARD, { c: demo }, demoTokens[role]);
      expect(board.errors, role).toBeUndefined();
      expect(board.data!.claimingBoard.columns.map((c: { status: string }) => c.status)).toEqual(['COLLECTED', 'PUBLISHED', 'CLAIMED', 'IN_PROGRESS', 'EVALUATED']);
    }
    expect(codeOf(await api.gql(LEDGER, { c: demo }, api.tokens.ANALYST))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(BOARD, { c: demo }, api.tokens.COORDINATOR))).toBe('FORBIDDEN');
  });
});

describe('from proposal to evaluated project, on this file\'s own rows', () => {
  it('proposes, accepts (COORDINATOR only), sees the capacity used, claims again, evaluates', async () => {
    const own = await api.make('JointConference', { name: '流程联席会' });
    const school = await api.make('Organization', { name: '流程小学', type: 'RESIDENT_UNIT', orientation: 'PUBLIC_BENEFIT' });
    const station = await api.make('Organization', { name: '流程车站', type: 'RESIDENT_UNIT', orientation: 'PUBLIC_BENEFIT' });
    const police = await api.make('Organization', { name: '流程派出所', type: 'RESIDENT_UNIT', orientation: 'PUBLIC_BENEFIT' });
    const resource = await api.make('Resource', { name: '学生志愿者', category: 'VOLUNTEERS', quantity: 3, tags: ['志愿者'] });
    const need = await api.make('Need', { name: '文明引导', category: 'VOLUNTEERS', quantity: 3, urgency: 4, tags: ['志愿者'] });
    const since = '2025-01-01T00:00:00Z';
    for (const [mutation, type, input] of [
      ['addOffer', 'Offer', { ownerId: school, offeredId: resource, since }],
      ['addNeedOwner', 'NeedOwnership', { ownerId: station, needId: need, since }],
      ['addPoolEntry', 'PoolEntry', { entryId: resource, conferenceId: own, since }],
      ['addPoolEntry', 'PoolEntry', { entryId: need, conferenceId: own, since }],
    ] as const) {
      const r = await api.gql(`mutation($input: Add${type}Input!) { ${mutation}(input: $input) { id } }`, { input });
      expect(r.errors).toBeUndefined();
    }
    // Entries made through the API have no recorded start (startUnknown): they count from the
    // beginning, so a board read at a past date after the offers and pool entries began shows them.
    const past = await api.gql<any>(MATCH, { scope: { conferenceId: own }, asOf: '2025-06-30T00:00:00Z' }, api.tokens.COORDINATOR);
    expect(past.errors).toBeUndefined();
    expect(past.data!.matchProposals.proposals.edges.map((e: any) => [e.node.resourceId, e.node.needId])).toEqual([[resource, need]]);
    const first = await api.gql<any>(MATCH, { scope: { conferenceId: own } }, api.tokens.COORDINATOR);
    expect(first.errors).toBeUndefined();
    expect(first.data!.matchProposals.proposals.edges.map((e: any) => [e.node.resourceId, e.node.needId, e.node.quantity])).toEqual([[resource, need, 3]]);

    const ACCEPT = `mutation($input: AcceptMatchInput!) { acceptMatch(input: $input) { created project { id status } } }`;
    const input = { id: uniqueId('project'), conferenceId: own, resourceId: resource, needId: need, quantity: 3 };
    const before = await snapshot(api.db, api.communityId);
    expect(codeOf(await api.gql(ACCEPT, { input }, api.tokens.ANALYST))).toBe('FORBIDDEN');
    expect(await snapshot(api.db, api.communityId)).toBe(before);
    const accepted = await api.gql<any>(ACCEPT, { input }, api.tokens.COORDINATOR);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptMatch).toEqual({ created: true, project: { id: input.id, status: 'CLAIMED' } });

    // The resource is used up and the need met after the accept: nothing left to propose.
    const after = await api.gql<any>(MATCH, { scope: { conferenceId: own } }, api.tokens.COORDINATOR);
    expect(after.errors).toBeUndefined();
    expect(after.data!.matchProposals).toMatchObject({ resources: 0, needs: 0, proposals: { totalCount: 0 } });

    const board = await api.gql<any>(`query($c: ID!) { claimingBoard(communityId: $c) { columns { status projects { projectId claimants } } } }`, { c: api.communityId }, api.tokens.COORDINATOR);
    const claimed = board.data!.claimingBoard.columns.find((c: any) => c.status === 'CLAIMED');
    // Claimed by both owning units at the accept.
    expect(claimed.projects).toEqual(expect.arrayContaining([{ projectId: input.id, claimants: 2 }]));

    const joined = await api.gql<any>(`mutation($input: ClaimProjectInput!) { claimProject(input: $input) { status claimants { claimant { id } } } }`,
      { input: { projectId: input.id, claimantId: police } }, api.tokens.COORDINATOR);
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.claimProject.claimants.map((c: any) => c.claimant.id).sort()).toEqual([police, school, station].sort());

    // Delivery starts outside these mutations (the project's own status update); then it is evaluated.
    await cypher('MATCH (p:Project {id: $id}) SET p.status = "IN_PROGRESS"', { id: input.id });
    const EVALUATE = `mutation($input: EvaluateProjectInput!) { evaluateProject(input: $input) { status rating beneficiaries } }`;
    const evaluation = { projectId: input.id, rating: 5, beneficiaries: 300 };
    expect(codeOf(await api.gql(EVALUATE, { input: evaluation }, api.tokens.ANALYST))).toBe('FORBIDDEN');
    const evaluated = await api.gql<any>(EVALUATE, { input: evaluation }, api.tokens.EVALUATOR);
    expect(evaluated.errors).toBeUndefined();
    expect(evaluated.data!.evaluateProject).toEqual({ status: 'EVALUATED', rating: 5, beneficiaries: 300 });
  });
});
