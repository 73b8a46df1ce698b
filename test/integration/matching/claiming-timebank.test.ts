/**
 * The claiming workflow (claimProject, evaluateProject, claimingBoard) and the time-bank ledger
 * through GraphQL against the real Neo4j, on this file's own community: status moves with their
 * history, several claimants, refusals with nothing written, roles, flags, and a ledger that
 * conserves on hand-made exchanges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, snapshot, startTestApi, type TestApi } from '../../helpers/api.ts';

let api: TestApi;

async function cypher(text: string, params: Record<string, unknown> = {}) {
  const session = api.db.driver.session();
  try {
    return (await session.run(text, params)).records;
  } finally {
    await session.close();
  }
}

async function project(status: string, extra: Record<string, unknown> = {}) {
  const id = await api.make('Project', { name: `项目 ${status}`, leveragePoint: 'SERVICE_NEEDS', ...extra });
  await cypher('MATCH (p:Project {id: $id}) SET p.status = $status', { id, status });
  return id;
}

const CLAIM = `mutation($input: ClaimProjectInput!) { claimProject(input: $input) { id status claimants { claimant { id } } history { from to } } }`;
const EVALUATE = `mutation($input: EvaluateProjectInput!) { evaluateProject(input: $input) { id status rating beneficiaries evaluationNotes history { from to } } }`;

beforeAll(async () => {
  api = await startTestApi();
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('claiming workflow', () => {
  it('claims a published project (PUBLISHED → CLAIMED with history), lets a second claimant join, refuses a repeat', async () => {
    const id = await project('PUBLISHED');
    const school = await api.make('Organization', { name: '认领小学', type: 'RESIDENT_UNIT', orientation: 'PUBLIC_BENEFIT' });
    const resident = await api.make('Resident', { displayName: '王阿姨' });
    const first = await api.gql<any>(CLAIM, { input: { projectId: id, claimantId: school, at: '2025-05-01T00:00:00Z' } }, api.tokens.COORDINATOR);
    expect(first.errors).toBeUndefined();
    expect(first.data!.claimProject).toMatchObject({ status: 'CLAIMED', claimants: [{ claimant: { id: school } }], history: [{ from: 'PUBLISHED', to: 'CLAIMED' }] });
    const second = await api.gql<any>(CLAIM, { input: { projectId: id, claimantId: resident } }, api.tokens.ADMIN);
    expect(second.data!.claimProject.status).toBe('CLAIMED');
    expect(second.data!.claimProject.claimants).toHaveLength(2);
    expect(second.data!.claimProject.history).toHaveLength(1);
    const before = await snapshot(api.db, api.communityId);
    const again = await api.gql(CLAIM, { input: { projectId: id, claimantId: school } }, api.tokens.COORDINATOR);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0]!.extensions!.fieldPath).toEqual(['input', 'claimantId']);
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('refuses a project that is not published, an unknown claimant and other roles, writing nothing', async () => {
    const collected = await project('COLLECTED');
    const published = await project('PUBLISHED');
    const school = await api.make('Organization', { name: '认领中学', type: 'RESIDENT_UNIT', orientation: 'PUBLIC_BENEFIT' });
    const before = await snapshot(api.db, api.communityId);
    const cases: [Record<string, unknown>, string, string, (string | number)[] | null][] = [
      [{ projectId: collected, claimantId: school }, api.tokens.COORDINATOR, 'BAD_USER_INPUT', ['input', 'projectId']],
      [{ projectId: published, claimantId: 'nobody' }, api.tokens.COORDINATOR, 'BAD_USER_INPUT', ['input', 'claimantId']],
      [{ projectId: 'no-such-project', claimantId: school }, api.tokens.COORDINATOR, 'NOT_FOUND', ['input', 'projectId']],
      [{ projectId: published, claimantId: school }, api.tokens.OTHER_ADMIN, 'NOT_FOUND', ['input', 'projectId']],
      [{ projectId: published, claimantId: school }, api.tokens.ANALYST, 'FORBIDDEN', null],
      [{ projectId: published, claimantId: school }, api.tokens.RESEARCHER, 'FORBIDDEN', null],
    ];
    for (const [input, token, code, path] of cases) {
      const r = await api.gql(CLAIM, { input }, token);
      expect(codeOf(r), JSON.stringify(input)).toBe(code);
      if (path) expect(r.errors![0]!.extensions!.fieldPath).toEqual(path);
    }
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('evaluates a project in progress (IN_PROGRESS → EVALUATED with rating, beneficiaries, notes) and refuses bad ratings and other statuses', async () => {
    const running = await project('IN_PROGRESS');
    const claimed = await project('CLAIMED');
    const bad = await api.gql(EVALUATE, { input: { projectId: running, rating: 6, beneficiaries: 10 } }, api.tokens.EVALUATOR);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.fieldPath).toEqual(['input', 'rating']);
    const early = await api.gql(EVALUATE, { input: { projectId: claimed, rating: 4, beneficiaries: 10 } }, api.tokens.EVALUATOR);
    expect(codeOf(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0]!.extensions!.fieldPath).toEqual(['input', 'projectId']);
    const r = await api.gql<any>(EVALUATE, { input: { projectId: running, rating: 4, beneficiaries: 120, notes: '居民满意度高' } }, api.tokens.EVALUATOR);
    expect(r.errors).toBeUndefined();
    expect(r.data!.evaluateProject).toMatchObject({ status: 'EVALUATED', rating: 4, beneficiaries: 120, evaluationNotes: '居民满意度高', history: [{ from: 'IN_PROGRESS', to: 'EVALUATED' }] });
    expect(codeOf(await api.gql(EVALUATE, { input: { projectId: running, rating: 4, beneficiaries: 1 } }, api.tokens.RESEARCHER))).toBe('FORBIDDEN');
  });

  it('shows the board by status with days in status and flags', async () => {
    const stale = await project('PUBLISHED');
    await cypher('MATCH (p:Project {id: $id}) SET p.createdAt = datetime("2025-01-01T00:00:00Z")', { id: stale });
    const overdue = await project('IN_PROGRESS', { endsAt: '2025-03-01T00:00:00Z' });
    const r = await api.gql<any>(`query($c: ID!, $asOf: DateTime) { claimingBoard(communityId: $c, asOf: $asOf) { staleDays columns { status projects { projectId daysInStatus claimants flags project { id } } } } }`,
      { c: api.communityId, asOf: '2025-06-01T00:00:00Z' }, api.tokens.RESEARCHER);
    expect(r.errors).toBeUndefined();
    const board = r.data!.claimingBoard;
    expect(board.columns.map((c: any) => c.status)).toEqual(['COLLECTED', 'PUBLISHED', 'CLAIMED', 'IN_PROGRESS', 'EVALUATED']);
    const entry = (id: string) => board.columns.flatMap((c: any) => c.projects).find((p: any) => p.projectId === id);
    expect(entry(stale)).toMatchObject({ daysInStatus: 151, claimants: 0, flags: ['UNCLAIMED'] });
    expect(entry(overdue).flags).toEqual(['OVERDUE']);
    expect(codeOf(await api.gql(`{ claimingBoard(communityId: "${api.otherCommunityId}") { staleDays } }`, {}, api.tokens.COORDINATOR))).toBe('FORBIDDEN');
  });
});

describe('timeBank', () => {
  it('a ledger that conserves on hand-made exchanges; pseudonyms for researchers; an exchange across communities is refused', async () => {
    const a = await api.make('Resident', { displayName: '甲', housingType: 'GARDEN_ESTATE' });
    const b = await api.make('Resident', { displayName: '乙', housingType: 'URBAN_VILLAGE' });
    const add = async (from: string, to: string, at: string, hours: number) =>
      api.gql(`mutation($input: AddExchangeInput!) { addExchange(input: $input) { id } }`, { input: { providerId: from, recipientId: to, at, hours, points: hours * 10, service: '陪诊' } });
    expect((await add(a, b, '2025-02-01T10:00:00Z', 2)).errors).toBeUndefined();
    expect((await add(b, a, '2025-02-15T10:00:00Z', 1.5)).errors).toBeUndefined();
    expect((await add(a, b, '2025-03-15T10:00:00Z', 1)).errors).toBeUndefined();
    const zero = await add(a, b, '2025-03-15T10:00:00Z', 0);
    expect(codeOf(zero)).toBe('BAD_USER_INPUT');
    const outsider = (await api.gql<any>(`mutation { createResident(input: {communityId: "${api.otherCommunityId}", displayName: "丙"}) { id } }`, {}, api.tokens.GLOBAL_ADMIN)).data!.createResident.id;
    const across = await api.gql(`mutation($input: AddExchangeInput!) { addExchange(input: $input) { id } }`, { input: { providerId: a, recipientId: outsider, at: '2025-03-01T00:00:00Z', hours: 1 } }, api.tokens.GLOBAL_ADMIN);
    expect(codeOf(across)).toBe('BAD_USER_INPUT');
    expect(across.errors![0]!.extensions!.fieldPath).toEqual(['input', 'recipientId']);

    const LEDGER = `query($c: ID!) { timeBank(communityId: $c, from: "2025-01-01", to: "2025-04-01") {
      totals { hoursGiven hoursReceived pointsGiven pointsReceived exchanges imbalance conserved }
      monthly { month hours exchanges activeMembers newMembers inactiveMembers }
      byService { service hours exchanges providers } reciprocityShare crossHousingShare rejected { hours self notMember }
      members(first: 10) { totalCount edges { node { residentId balance hoursGiven hoursReceived resident { displayName } } } } } }`;
    const r = await api.gql<any>(LEDGER, { c: api.communityId }, api.tokens.ANALYST);
    expect(r.errors).toBeUndefined();
    const t = r.data!.timeBank;
    expect(t.totals).toEqual({ hoursGiven: 4.5, hoursReceived: 4.5, pointsGiven: 45, pointsReceived: 45, exchanges: 3, imbalance: 0, conserved: true });
    expect(t.monthly).toEqual([
      { month: '2025-01', hours: 0, exchanges: 0, activeMembers: 0, newMembers: 0, inactiveMembers: 0 },
      { month: '2025-02', hours: 3.5, exchanges: 2, activeMembers: 2, newMembers: 2, inactiveMembers: 0 },
      { month: '2025-03', hours: 1, exchanges: 1, activeMembers: 2, newMembers: 0, inactiveMembers: 0 },
    ]);
    expect(t.byService).toEqual([{ service: '陪诊', hours: 4.5, exchanges: 3, providers: 2 }]);
    expect(t.reciprocityShare).toBe(1);
    expect(t.crossHousingShare).toBe(1);
    expect(t.rejected).toEqual({ hours: 0, self: 0, notMember: 0 });
    expect(t.members.edges.map((e: any) => [e.node.residentId, e.node.balance, e.node.resident.displayName])).toEqual([[a, 1.5, '甲'], [b, -1.5, '乙']]);
    const researcher = await api.gql<any>(LEDGER, { c: api.communityId }, api.tokens.RESEARCHER);
    expect(researcher.errors).toBeUndefined();
    for (const e of researcher.data!.timeBank.members.edges) expect(['甲', '乙']).not.toContain(e.node.resident.displayName);
    // Service texts are free text: withheld from researchers, one line for all services.
    expect(researcher.data!.timeBank.byService).toEqual([{ service: null, hours: 4.5, exchanges: 3, providers: 2 }]);
    expect(codeOf(await api.gql(LEDGER, { c: api.otherCommunityId }, api.tokens.ANALYST))).toBe('FORBIDDEN');
    const reversed = await api.gql(`{ timeBank(communityId: "${api.communityId}", from: "2025-04-01", to: "2025-01-01") { seconds } }`, {}, api.tokens.ANALYST);
    expect(codeOf(reversed)).toBe('BAD_USER_INPUT');
    expect(reversed.errors![0]!.extensions!.fieldPath).toEqual(['to']);
  });
});
