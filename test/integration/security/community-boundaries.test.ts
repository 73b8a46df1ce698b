/**
 * A community's data belongs to it. An ADMIN of community B tries to take over, rewrite or probe
 * community A's nodes and relationships through every write path — importRows, the import CLI and
 * the mutations — and must neither change anything of A nor learn which of A's ids exist: a foreign
 * id is answered exactly as a missing one. Both communities are read back after every attempt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, snapshot, startTestApi, uniqueId, type GqlResult, type TestApi } from '../../helpers/api.ts';
import { datasetFolder, importCli } from '../../helpers/import-cli.ts';

const IMPORT = `mutation($input: ImportRowsInput!) { importRows(input: $input) { written created updated unchanged rejected errors { row column reason } } }`;

let api: TestApi;
let A: string; // the victim community
let B: string; // the attacker's community (api.tokens.ADMIN)
const a = { r1: uniqueId('a-r1'), r2: uniqueId('a-r2'), org: uniqueId('a-org'), membership: uniqueId('a-mem'), knows: uniqueId('a-knows'), change: '' };
const b = { r1: uniqueId('b-r1'), r2: uniqueId('b-r2'), org: uniqueId('b-org'), membership: uniqueId('b-mem') };

async function ok<T>(r: Promise<GqlResult<T>>): Promise<T> {
  const result = await r;
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

async function both(): Promise<string> {
  return `${await snapshot(api.db, A)}|${await snapshot(api.db, B)}`;
}

beforeAll(async () => {
  api = await startTestApi();
  A = api.otherCommunityId;
  B = api.communityId;
  const g = api.tokens.GLOBAL_ADMIN;
  for (const [id, c, name] of [[a.r1, A, '甲'], [a.r2, A, '乙'], [b.r1, B, '丙'], [b.r2, B, '丁']] as const) {
    await ok(api.gql('mutation($i: CreateResidentInput!) { createResident(input: $i) { id } }', { i: { id, communityId: c, displayName: name } }, g));
  }
  for (const [id, c] of [[a.org, A], [b.org, B]] as const) {
    await ok(api.gql('mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', { i: { id, communityId: c, name: '组织', type: 'SELF_ORGANIZATION' } }, g));
  }
  await ok(api.gql('mutation($i: AddMembershipInput!) { addMembership(input: $i) { id } }', { i: { id: a.membership, residentId: a.r1, organizationId: a.org, role: 'LEADER', since: '2024-01-01' } }, g));
  await ok(api.gql('mutation($i: AddMembershipInput!) { addMembership(input: $i) { id } }', { i: { id: b.membership, residentId: b.r1, organizationId: b.org, role: 'MEMBER', since: '2024-01-01' } }, g));
  await ok(api.gql('mutation($i: AddAcquaintanceInput!) { addAcquaintance(input: $i) { id } }', { i: { id: a.knows, residentId: a.r1, acquaintanceId: a.r2, since: '2024-01-01' } }, g));
  await ok(api.gql('mutation($i: ChangeResidentCultivationStageInput!) { changeResidentCultivationStage(input: $i) { id } }', { i: { id: a.r1, to: 'GOOD_PERSON', at: '2024-02-01', evidence: '甲的依据' } }, g));
  await ok(api.gql('mutation($id: ID!, $i: IdentityInput!) { setResidentIdentity(residentId: $id, input: $i) { realName } }', { id: a.r1, i: { realName: '真名甲', phone: '13800000000' } }, g));
  const session = api.db.driver.session();
  try {
    const r = await session.run('MATCH (:Resident {id: $id})-[c:CHANGED]->() RETURN c.id AS id', { id: a.r1 });
    a.change = String(r.records[0]!.get('id'));
  } finally {
    await session.close();
  }
});
afterAll(async () => api?.close());

describe('importRows cannot take over another community', () => {
  const cases = () => [
    { name: 'a Resident row reusing a resident id of A', file: 'Resident', row: { id: a.r1, communityId: B, displayName: '冒名' } },
    { name: 'an Organization row reusing an organisation id of A', file: 'Organization', row: { id: a.org, communityId: B, name: '冒名组织', type: 'SELF_ORGANIZATION' } },
    { name: 'a MEMBERSHIP row reusing a membership id of A', file: 'MEMBERSHIP', row: { id: a.membership, from: b.r1, to: b.org, role: 'MEMBER', since: '2024-03-01' } },
    { name: 'an ACQUAINTANCE row reusing a tie id of A', file: 'ACQUAINTANCE', row: { id: a.knows, from: b.r1, to: b.r2, since: '2024-03-01' } },
    { name: 'a STATE_CHANGE row reusing a change id of A', file: 'STATE_CHANGE', row: { id: a.change, label: 'Resident', nodeId: b.r1, field: 'cultivationStage', from: 'UNIDENTIFIED', to: 'GOOD_PERSON', at: '2024-03-01', evidence: '改写' } },
  ];

  for (const index of [0, 1, 2, 3, 4]) {
    it(`refuses ${['Resident', 'Organization', 'MEMBERSHIP', 'ACQUAINTANCE', 'STATE_CHANGE'][index]} rows whose id belongs to another community, writing nothing`, async () => {
      const c = cases()[index]!;
      const before = await both();
      const result = await ok(api.gql<{ importRows: { written: boolean; updated: number; errors: { row: number; column: string; reason: string }[] } }>(IMPORT, { input: { file: c.file, rows: [c.row] } }));
      expect(result.importRows.written).toBe(false);
      expect(result.importRows.updated).toBe(0);
      expect(result.importRows.errors).toHaveLength(1);
      expect(result.importRows.errors[0]).toMatchObject({ row: 1, column: 'id' });
      expect(result.importRows.errors[0]!.reason).toMatch(/already in use/);
      // Nothing about A is told: not its id, not what is stored there.
      expect(result.importRows.errors[0]!.reason).not.toContain(A);
      expect(await both()).toBe(before);
    });
  }

  it('keeps the victim resident readable by its own analyst and unreadable by the attacker', async () => {
    const analystA = (await import('../../../src/services/auth/tokens.ts')).createToken;
    const token = (await analystA(api.db, { role: 'ANALYST', communities: [A], name: 'analyst of A' })).token;
    const own = await api.gql('query($id: ID!) { resident(id: $id) { displayName identity { realName } } }', { id: a.r1 }, token);
    expect(own.errors).toBeUndefined();
    expect(own.data!.resident).toEqual({ displayName: '甲', identity: { realName: '真名甲' } });
    const foreign = await api.gql('query($id: ID!) { resident(id: $id) { displayName identity { realName } } }', { id: a.r1 });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data!.resident).toBeNull();
  });

  it('answers a reference to another community exactly as a dangling one', async () => {
    const before = await both();
    const refer = (from: string) => ok(api.gql<{ importRows: { errors: { column: string; reason: string }[] } }>(IMPORT, { input: { file: 'MEMBERSHIP', rows: [{ id: uniqueId('m'), from, to: b.org, role: 'MEMBER' }] } }));
    const foreign = (await refer(a.r1)).importRows.errors;
    const missing = (await refer('no-such-resident')).importRows.errors;
    expect(foreign).toHaveLength(1);
    expect(foreign[0]!.column).toBe('from');
    expect(foreign[0]!.reason.replace(a.r1, 'ID')).toBe(missing[0]!.reason.replace('no-such-resident', 'ID'));
    expect(foreign[0]!.reason).not.toContain(A);
    expect(await both()).toBe(before);
  });

  it('never moves a node between communities, even for an all-community ADMIN', async () => {
    const before = await both();
    const result = await ok(api.gql<{ importRows: { written: boolean; errors: { column: string; reason: string }[] } }>(IMPORT, { input: { file: 'Resident', rows: [{ id: a.r1, communityId: B, displayName: '甲' }] } }, api.tokens.GLOBAL_ADMIN));
    expect(result.importRows.written).toBe(false);
    expect(result.importRows.errors[0]).toMatchObject({ column: 'communityId' });
    expect(result.importRows.errors[0]!.reason).toMatch(/does not move nodes between communities/);
    expect(await both()).toBe(before);
  });

  it('never moves a relationship to other ends', async () => {
    const before = await both();
    const result = await ok(api.gql<{ importRows: { written: boolean; errors: { column: string; reason: string }[] } }>(IMPORT, { input: { file: 'MEMBERSHIP', rows: [{ id: b.membership, from: b.r2, to: b.org, role: 'LEADER' }] } }));
    expect(result.importRows.written).toBe(false);
    expect(result.importRows.errors[0]).toMatchObject({ column: 'id' });
    expect(result.importRows.errors[0]!.reason).toMatch(/does not move a relationship to other ends/);
    expect(await both()).toBe(before);
  });

  it('still updates a row of its own community in place', async () => {
    const result = await ok(api.gql<{ importRows: { written: boolean; updated: number } }>(IMPORT, { input: { file: 'MEMBERSHIP', rows: [{ id: b.membership, from: b.r1, to: b.org, role: 'CORE_TEAM', since: '2024-01-01' }] } }));
    expect(result.importRows).toMatchObject({ written: true, updated: 1 });
  });
});

describe('mutations answer a foreign id exactly as a missing one', () => {
  /** The error with the id replaced, so that a foreign and a missing id can be compared whole. */
  const answer = (r: GqlResult, id: string) => {
    expect(r.errors).toHaveLength(1);
    const e = r.errors![0]!;
    return JSON.stringify({ message: e.message, extensions: { ...e.extensions, stacktrace: undefined } }).replaceAll(id, 'ID');
  };

  const probes: { name: string; query: string; vars: (id: string) => Record<string, unknown> }[] = [
    { name: 'updateResident', query: 'mutation($id: ID!) { updateResident(id: $id, input: {building: "1栋"}) { id } }', vars: (id) => ({ id }) },
    { name: 'deleteResident', query: 'mutation($id: ID!) { deleteResident(id: $id) { deleted } }', vars: (id) => ({ id }) },
    { name: 'changeResidentCultivationStage', query: 'mutation($id: ID!) { changeResidentCultivationStage(input: {id: $id, to: CAPABLE_PERSON}) { id } }', vars: (id) => ({ id }) },
    { name: 'setResidentIdentity', query: 'mutation($id: ID!) { setResidentIdentity(residentId: $id, input: {realName: "x"}) { realName } }', vars: (id) => ({ id }) },
    { name: 'addMembership', query: 'mutation($id: ID!, $org: ID!) { addMembership(input: {residentId: $id, organizationId: $org, role: MEMBER}) { id } }', vars: (id) => ({ id, org: b.org }) },
  ];

  for (const probe of probes) {
    it(`${probe.name}: NOT_FOUND for a resident of another community, as for a missing one, writing nothing`, async () => {
      const before = await both();
      const foreign = await api.gql(probe.query, probe.vars(a.r1));
      const missing = await api.gql(probe.query, probe.vars('no-such-resident'));
      expect(codeOf(foreign), JSON.stringify(foreign.errors)).toBe('NOT_FOUND');
      expect(answer(foreign, a.r1)).toBe(answer(missing, 'no-such-resident'));
      expect(await both()).toBe(before);
    });
  }

  for (const [name, query] of [
    ['endRelationship', 'mutation($id: ID!) { endRelationship(kind: MEMBERSHIP, id: $id, until: "2025-01-01") { id } }'],
    ['removeRelationship', 'mutation($id: ID!) { removeRelationship(kind: MEMBERSHIP, id: $id) { id } }'],
  ] as const) {
    it(`${name}: NOT_FOUND for a relationship of another community, as for a missing one`, async () => {
      const before = await both();
      const foreign = await api.gql(query, { id: a.membership });
      const missing = await api.gql(query, { id: 'no-such-rel' });
      expect(codeOf(foreign)).toBe('NOT_FOUND');
      expect(answer(foreign, a.membership)).toBe(answer(missing, 'no-such-rel'));
      expect(await both()).toBe(before);
    });
  }

  it('createResident with an id taken in another community gives our message, not the database\'s', async () => {
    const before = await both();
    const create = (id: string) => api.gql('mutation($i: CreateResidentInput!) { createResident(input: $i) { id } }', { i: { id, communityId: B, displayName: '新' } });
    const foreign = await create(a.r1);
    const own = await create(b.r1);
    expect(codeOf(foreign)).toBe('BAD_USER_INPUT');
    expect(foreign.errors![0]!.extensions!.field).toBe('input.id');
    expect(foreign.errors![0]!.message).not.toMatch(/Node\(|already exists with label|communityId/);
    expect(foreign.errors![0]!.message).not.toContain(A);
    // The same answer whichever community holds the id.
    expect(answer(foreign, a.r1)).toBe(answer(own, b.r1));
    expect(await both()).toBe(before);
  });

  it('addMembership with a relationship id taken in another community is refused the same way', async () => {
    const before = await both();
    const r = await api.gql('mutation($i: AddMembershipInput!) { addMembership(input: $i) { id } }', { i: { id: a.membership, residentId: b.r2, organizationId: b.org, role: 'MEMBER' } });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe('input.id');
    expect(r.errors![0]!.message).toMatch(/already in use/);
    expect(await both()).toBe(before);
  });
});

describe('the import CLI', () => {
  const cli = importCli;
  const folder = (files: Record<string, string>) => datasetFolder(files, 'reweave-boundaries-');

  it('refuses a Resident row that would move a resident into another community, writing nothing', async () => {
    const before = await both();
    const run = await cli(folder({ 'Resident.csv': `id,communityId,displayName\n${a.r1},${B},冒名\n` }));
    expect(run.code).not.toBe(0);
    expect(run.out).toMatch(/does not move nodes between communities/);
    expect(await both()).toBe(before);
  }, 60_000);

  it('refuses MEMBERSHIP and STATE_CHANGE rows that would rewrite a relationship between other nodes', async () => {
    const before = await both();
    const run = await cli(folder({
      'MEMBERSHIP.csv': `id,from,to,role\n${a.membership},${b.r1},${b.org},MEMBER\n`,
      'STATE_CHANGE.csv': `id,label,nodeId,field,from,to,at\n${a.change},Resident,${b.r1},cultivationStage,UNIDENTIFIED,GOOD_PERSON,2024-03-01\n`,
    }));
    expect(run.code).not.toBe(0);
    expect(run.out).toMatch(/does not move a relationship to other ends/);
    expect(run.out).toMatch(/does not move a change to another node/);
    expect(await both()).toBe(before);
  }, 60_000);
});
