/**
 * Reads by id of concurrent requests go out as one statement (src/db/coalesce.ts), and each request
 * still sees only what its own token may: a resident of another community reads as null, and a
 * researcher gets the pseudonym, even when their reads shared a statement with an ADMIN's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';
import { minimalCreateInput } from '../../helpers/model-values.ts';

let api: TestApi;
let ours: string;
let theirs: string;
/** `ours` as researchers address it: by its keyed pseudonym. */
let oursForResearchers: string;
const QUERY = 'query($id: ID!) { resident(id: $id) { id displayName memberships { role organization { name } } } }';

beforeAll(async () => {
  api = await startTestApi();
  ours = await api.make('Resident', { displayName: '王阿姨' });
  const org = await api.make('Organization', { name: '合唱队', type: 'SELF_ORGANIZATION', orientation: 'SELF_BENEFIT' });
  const joined = await api.gql('mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
    input: { residentId: ours, organizationId: org, role: 'LEADER', since: '2024-03-01' },
  });
  expect(joined.errors).toBeUndefined();
  theirs = uniqueId('resident');
  const made = await api.gql('mutation($input: CreateResidentInput!) { createResident(input: $input) { id } }', {
    input: { ...minimalCreateInput('Resident', theirs, api.otherCommunityId), displayName: '李叔' },
  }, api.tokens.OTHER_ADMIN);
  expect(made.errors).toBeUndefined();
  // Every token once, so that the rounds below read residents only (a token is read once, then cached).
  for (const token of [api.tokens.ANALYST, api.tokens.RESEARCHER, api.tokens.OTHER_ADMIN, api.tokens.GLOBAL_ADMIN]) {
    expect((await api.gql('{ me { role } }', {}, token)).errors).toBeUndefined();
  }
  const listed = await api.gql<{ residents: { edges: { node: { id: string } }[] } }>('{ residents(first: 5) { edges { node { id } } } }', {}, api.tokens.RESEARCHER);
  expect(listed.data!.residents.edges).toHaveLength(1);
  oursForResearchers = listed.data!.residents.edges[0]!.node.id;
  expect(oursForResearchers).not.toBe(ours);
}, 120_000);
afterAll(async () => api?.close());

describe('reads by id from concurrent requests', () => {
  it('share a statement while each answer keeps its own token scope and shape', async () => {
    let shared = false;
    for (let round = 0; round < 5 && !shared; round += 1) {
      const batches = api.db.coalesce.batches;
      const callers = api.db.coalesce.callers;
      const [analystOurs, analystTheirs, researcherOurs, otherTheirs, otherOurs, globalOurs] = await Promise.all([
        api.gql(QUERY, { id: ours }, api.tokens.ANALYST),
        api.gql(QUERY, { id: theirs }, api.tokens.ANALYST),
        api.gql(QUERY, { id: oursForResearchers }, api.tokens.RESEARCHER),
        api.gql(QUERY, { id: theirs }, api.tokens.OTHER_ADMIN),
        api.gql(QUERY, { id: ours }, api.tokens.OTHER_ADMIN),
        api.gql(QUERY, { id: ours }, api.tokens.GLOBAL_ADMIN),
      ]);
      for (const r of [analystOurs, analystTheirs, researcherOurs, otherTheirs, otherOurs, globalOurs]) expect(r.errors).toBeUndefined();
      expect(analystOurs.data!.resident).toEqual({ id: ours, displayName: '王阿姨', memberships: [{ role: 'LEADER', organization: { name: '合唱队' } }] });
      expect(globalOurs.data!.resident).toEqual(analystOurs.data!.resident);
      // Outside a token's communities a resident is null, whoever else asked for it in the same statement.
      expect(analystTheirs.data!.resident).toBeNull();
      expect(otherOurs.data!.resident).toBeNull();
      expect(otherTheirs.data!.resident).toMatchObject({ id: theirs, displayName: '李叔', memberships: [] });
      // The researcher's copy is shaped for researchers: a pseudonym, never the name the analyst got.
      const seen = researcherOurs.data!.resident as { id: string; displayName: string; memberships: unknown[] };
      expect(seen.id).toBe(oursForResearchers);
      expect(seen.displayName).toMatch(/^R-[0-9a-f]{10}$/);
      expect(seen.memberships).toEqual([{ role: 'LEADER', organization: { name: '合唱队' } }]);
      expect(JSON.stringify(seen)).not.toContain('王阿姨');
      const sent = api.db.coalesce.batches - batches;
      const served = api.db.coalesce.callers - callers;
      expect(sent).toBeGreaterThan(0);
      shared = served > sent;
    }
    // Six requests from one client arrive within a turn or two; in five rounds some of them shared.
    expect(shared).toBe(true);
  });
});
