/**
 * acceptMatch against the real Neo4j: the project and its relationships, idempotency on the caller's
 * id, two concurrent accepts of the last unit (exactly one CONFLICT), and bad input with nothing
 * written. The data are this file's own, in its own community.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, snapshot, startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
let conference: string;
let school: string;
let station: string;
let partner: string;

const ACCEPT = `mutation($input: AcceptMatchInput!) { acceptMatch(input: $input) {
  created project { id communityId name status leveragePoint
    pools { conference { id } } addressedNeeds { quantity need { id } } uses { quantity resource { id } }
    claimants { claimant { id } } runBy { partner { id } } history { field from to } } } }`;

async function rel(mutation: string, type: string, input: Record<string, unknown>) {
  const r = await api.gql(`mutation($input: Add${type}Input!) { ${mutation}(input: $input) { id } }`, { input });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
}

/** A resource of `quantity` offered by `owner` and a need of `needQuantity`, both in the conference's pool. */
async function pair(quantity: number, needQuantity: number, owner = school, needOwner = station, categories: [string, string] = ['VOLUNTEERS', 'VOLUNTEERS']) {
  const resource = await api.make('Resource', { name: '学生志愿者', category: categories[0], quantity, tags: ['志愿者'] });
  const need = await api.make('Need', { name: '文明引导志愿者', category: categories[1], quantity: needQuantity, urgency: 5, tags: ['志愿者'] });
  const since = '2025-01-01T00:00:00Z';
  await rel('addOffer', 'Offer', { ownerId: owner, offeredId: resource, since });
  await rel('addNeedOwner', 'NeedOwnership', { ownerId: needOwner, needId: need, since });
  await rel('addPoolEntry', 'PoolEntry', { entryId: resource, conferenceId: conference, since });
  await rel('addPoolEntry', 'PoolEntry', { entryId: need, conferenceId: conference, since });
  return { resource, need };
}

beforeAll(async () => {
  api = await startTestApi();
  conference = await api.make('JointConference', { name: '测试联席会' });
  school = await api.make('Organization', { name: '测试小学', type: 'RESIDENT_UNIT', orientation: 'PUBLIC_BENEFIT' });
  station = await api.make('Organization', { name: '测试车站', type: 'RESIDENT_UNIT', orientation: 'PUBLIC_BENEFIT' });
  partner = await api.make('Partner', { name: '测试合伙人', kind: 'BUSINESS' });
}, 120_000);

afterAll(async () => {
  await api?.close();
});

const at = '2025-06-01T00:00:00Z';

describe('acceptMatch', () => {
  it('makes the project in one go: pool, need, resource with the quantity, claims by the owners, CLAIMED with history; the same accept again returns it', async () => {
    const { resource, need } = await pair(10, 4, school, partner);
    const id = uniqueId('project');
    const input = { id, conferenceId: conference, resourceId: resource, needId: need, quantity: 4, at };
    const r = await api.gql<any>(ACCEPT, { input }, api.tokens.COORDINATOR);
    expect(r.errors).toBeUndefined();
    const { project, created } = r.data!.acceptMatch;
    expect(created).toBe(true);
    expect(project).toMatchObject({ id, communityId: api.communityId, name: '文明引导志愿者', status: 'CLAIMED', leveragePoint: 'SERVICE_NEEDS' });
    expect(project.pools.map((p: any) => p.conference.id)).toEqual([conference]);
    expect(project.addressedNeeds).toEqual([{ quantity: 4, need: { id: need } }]);
    expect(project.uses).toEqual([{ quantity: 4, resource: { id: resource } }]);
    expect(project.claimants.map((c: any) => c.claimant.id)).toEqual([school]);
    expect(project.runBy.map((x: any) => x.partner.id)).toEqual([partner]);
    expect(project.history).toEqual([{ field: 'status', from: 'COLLECTED', to: 'CLAIMED' }]);
    const before = await snapshot(api.db, api.communityId);
    const again = await api.gql<any>(ACCEPT, { input }, api.tokens.ADMIN);
    expect(again.data!.acceptMatch.created).toBe(false);
    expect(again.data!.acceptMatch.project.id).toBe(id);
    expect(await snapshot(api.db, api.communityId)).toBe(before);
    // The capacity left is what the first accept did not take: 4 of the need are met, none left.
    const more = await api.gql(ACCEPT, { input: { ...input, id: uniqueId('project'), quantity: 1 } }, api.tokens.COORDINATOR);
    expect(codeOf(more)).toBe('CONFLICT');
    expect(more.errors![0]!.extensions!.fieldPath).toEqual(['input', 'quantity']);
  });

  it('two concurrent accepts of the last unit: exactly one succeeds, the other is CONFLICT, one project is written', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { resource, need } = await pair(1, 1);
      const other = await pair(1, 1);
      const ids = [uniqueId('project'), uniqueId('project')];
      const results = await Promise.all([
        api.gql<any>(ACCEPT, { input: { id: ids[0], conferenceId: conference, resourceId: resource, needId: need, quantity: 1, at } }, api.tokens.COORDINATOR),
        api.gql<any>(ACCEPT, { input: { id: ids[1], conferenceId: conference, resourceId: resource, needId: other.need, quantity: 1, at } }, api.tokens.ADMIN),
      ]);
      const codes = results.map((r) => (r.errors ? codeOf(r) : 'OK')).sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      const session = api.db.driver.session();
      try {
        const count = await session.run('MATCH (p:Project)-[:USES]->(:Resource {id: $resource}) RETURN count(p) AS n', { resource });
        expect(count.records[0]!.get('n').toNumber()).toBe(1);
      } finally {
        await session.close();
      }
    }
  });

  it('refuses bad input naming the field, with nothing written; FORBIDDEN outside the token or for other roles', async () => {
    const { resource, need } = await pair(2, 2);
    const own = await pair(2, 2, school, school);
    const mismatch = await pair(2, 2, school, station, ['VENUE', 'FUNDING']);
    const base = { conferenceId: conference, resourceId: resource, needId: need, quantity: 1, at };
    const before = await snapshot(api.db, api.communityId);
    const cases: [Record<string, unknown>, string, (string | number)[]][] = [
      [{ ...base, quantity: 0 }, 'BAD_USER_INPUT', ['input', 'quantity']],
      [{ ...base, quantity: -2 }, 'BAD_USER_INPUT', ['input', 'quantity']],
      [{ ...base, quantity: 3 }, 'CONFLICT', ['input', 'quantity']],
      [{ ...base, at: 'soon' }, 'BAD_USER_INPUT', ['input', 'at']],
      [{ ...base, conferenceId: 'no-such-conference' }, 'BAD_USER_INPUT', ['input', 'conferenceId']],
      [{ ...base, resourceId: 'no-such-resource' }, 'BAD_USER_INPUT', ['input', 'resourceId']],
      [{ ...base, resourceId: own.resource, needId: own.need }, 'BAD_USER_INPUT', ['input', 'needId']],
      [{ ...base, resourceId: mismatch.resource, needId: mismatch.need }, 'BAD_USER_INPUT', ['input', 'needId']],
      [{ ...base, at: '2024-01-01T00:00:00Z' }, 'BAD_USER_INPUT', ['input', 'resourceId']],
    ];
    for (const [input, code, path] of cases) {
      const r = await api.gql(ACCEPT, { input: { id: uniqueId('project'), ...input } }, api.tokens.COORDINATOR);
      expect(codeOf(r), JSON.stringify(input)).toBe(code);
      expect(r.errors![0]!.extensions!.fieldPath, JSON.stringify(input)).toEqual(path);
    }
    for (const token of [api.tokens.ANALYST, api.tokens.RESEARCHER, api.tokens.EVALUATOR, api.tokens.OTHER_ADMIN]) {
      const r = await api.gql(ACCEPT, { input: { id: uniqueId('project'), ...base } }, token);
      expect(codeOf(r)).toBe('FORBIDDEN');
    }
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });
});
