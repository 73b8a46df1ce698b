/**
 * A by-id read fetches the relationship fields its query asks for with the node, in one statement:
 * the answer equals the one the per-field loaders give (through the residents list), fields asked in
 * inline or named fragments count, and the round trips do not grow with the number of fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
let resident: string;
const FIELDS = `id displayName
  memberships { id role since organization { id name } }
  acquaintances { id since acquaintance { id displayName } }
  acquaintedBy { id resident { id displayName } }`;

beforeAll(async () => {
  api = await startTestApi();
  const c = api.communityId;
  resident = await api.make('Resident', { displayName: '王阿姨' });
  const friends = [await api.make('Resident', { displayName: '李叔' }), await api.make('Resident', { displayName: '小张' })];
  for (const [i, o] of ['合唱队', '巡逻队', '读书会'].entries()) {
    const org = await api.make('Organization', { name: o, type: 'SELF_ORGANIZATION', orientation: 'SELF_BENEFIT' });
    const r = await api.gql('mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
      input: { residentId: resident, organizationId: org, role: i === 0 ? 'LEADER' : 'MEMBER', since: `202${i}-03-01` },
    });
    expect(r.errors).toBeUndefined();
  }
  for (const [a, b] of [[resident, friends[0]], [friends[1], resident]] as const) {
    const r = await api.gql('mutation($input: AddAcquaintanceInput!) { addAcquaintance(input: $input) { id } }', {
      input: { residentId: a, acquaintanceId: b, since: '2024-05-01' },
    });
    expect(r.errors).toBeUndefined();
  }
  expect(c).toBeTruthy();
}, 120_000);
afterAll(async () => api?.close());

async function trips(query: string, variables: Record<string, unknown>): Promise<{ trips: number; data: any }> {
  const before = api.db.roundTrips;
  const r = await api.gql(query, variables, api.tokens.ANALYST);
  expect(r.errors).toBeUndefined();
  return { trips: api.db.roundTrips - before, data: r.data };
}

describe('resident by id with relationship fields', () => {
  it('answers as the per-field loaders do', async () => {
    const byId = await trips(`query($id: ID!) { resident(id: $id) { ${FIELDS} } }`, { id: resident });
    const listed = await trips(`{ residents(first: 10) { edges { node { ${FIELDS} } } } }`, {});
    const fromList = listed.data.residents.edges.map((e: any) => e.node).find((n: any) => n.id === resident);
    expect(byId.data.resident.memberships).toHaveLength(3);
    expect(byId.data.resident.memberships.map((m: any) => m.organization.name)).toEqual(['合唱队', '巡逻队', '读书会']);
    expect(byId.data.resident.acquaintances).toHaveLength(1);
    expect(byId.data.resident.acquaintedBy.map((a: any) => a.resident.displayName)).toEqual(['小张']);
    expect(byId.data.resident).toEqual(fromList);
  });

  it('costs the same round trips with three relationship fields as with none', async () => {
    // Warm the token cache so both reads count only their own statements.
    await trips(`query($id: ID!) { resident(id: $id) { id } }`, { id: resident });
    const none = await trips(`query($id: ID!) { resident(id: $id) { id displayName } }`, { id: resident });
    const three = await trips(`query($id: ID!) { resident(id: $id) { ${FIELDS} } }`, { id: resident });
    expect(none.trips).toBe(1);
    expect(three.trips).toBe(1);
  });

  it('reads fields asked in inline and named fragments with the node', async () => {
    const query = `query($id: ID!) { resident(id: $id) { id ... on Resident { memberships { id } } ...Ties } }
      fragment Ties on Resident { acquaintances { id } m2: memberships { role } }`;
    const r = await trips(query, { id: resident });
    expect(r.trips).toBe(1);
    expect(r.data.resident.memberships).toHaveLength(3);
    expect(r.data.resident.m2.map((m: any) => m.role)).toEqual(['LEADER', 'MEMBER', 'MEMBER']);
    expect(r.data.resident.acquaintances).toHaveLength(1);
  });

  it('answers null for an unknown id, as before', async () => {
    const r = await trips(`query($id: ID!) { resident(id: $id) { ${FIELDS} } }`, { id: `${resident}-nobody` });
    expect(r.data.resident).toBeNull();
    expect(r.trips).toBe(1);
  });
});
