/**
 * Nested fields are batched: listing residents with their memberships and those organisations (and
 * the organisations' other members) costs the same number of Cypher round trips for 10 residents as
 * for 100.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  const c = api.communityId;
  for (let o = 0; o < 5; o += 1) {
    await api.gql('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
      input: { id: `${c}-org${o}`, communityId: c, name: `兴趣小组${o}`, type: 'SELF_ORGANIZATION', orientation: 'SELF_BENEFIT' },
    });
  }
  for (let r = 0; r < 100; r += 1) {
    const id = `${c}-r${String(r).padStart(3, '0')}`;
    await api.gql('mutation($input: CreateResidentInput!) { createResident(input: $input) { id } }', { input: { id, communityId: c, displayName: `居民${r}` } });
    for (const o of [r % 5, (r + 2) % 5]) {
      await api.gql('mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
        input: { residentId: id, organizationId: `${c}-org${o}`, role: 'MEMBER', since: '2024-01-01' },
      });
    }
  }
}, 240_000);
afterAll(async () => api?.close());

const QUERY = `query($first: Int) { residents(first: $first) { totalCount edges { node { id displayName
  memberships { role since organization { id name members { resident { id } } } } } } } }`;

async function roundTripsFor(first: number): Promise<{ trips: number; residents: number; memberships: number }> {
  const before = api.db.roundTrips;
  const r = await api.gql(QUERY, { first });
  expect(r.errors).toBeUndefined();
  const edges = r.data!.residents.edges as { node: { memberships: unknown[] } }[];
  return { trips: api.db.roundTrips - before, residents: edges.length, memberships: edges.reduce((n, e) => n + e.node.memberships.length, 0) };
}

describe('round trips', () => {
  it('are a fixed number whatever the page size', async () => {
    const ten = await roundTripsFor(10);
    const hundred = await roundTripsFor(100);
    expect(ten.residents).toBe(10);
    expect(hundred.residents).toBe(100);
    expect(hundred.memberships).toBe(200);
    // token lookup, page, count, memberships (with their organisations), organisations' members
    expect(hundred.trips).toBe(ten.trips);
    expect(hundred.trips).toBeLessThanOrEqual(5);
  });
});
