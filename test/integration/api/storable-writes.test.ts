/**
 * Writes the API could not read back are refused on every path — mutations with BAD_USER_INPUT at
 * the failing field, importRows with the row's column — and leave the database as it was; a row
 * without its state column is stored at the initial state, so it reads back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, snapshot, startTestApi, uniqueId, type GqlResult, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const IMPORT = `mutation($input: ImportRowsInput!) { importRows(input: $input) { written created errors { row column reason } } }`;

async function refusedImport(file: string, rows: Record<string, unknown>[], column: string) {
  const before = await snapshot(api.db, api.communityId);
  const result = await api.gql(IMPORT, { input: { file, rows } });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data!.importRows.written).toBe(false);
  expect(result.data!.importRows.errors).toEqual([expect.objectContaining({ row: 1, column })]);
  expect(await snapshot(api.db, api.communityId)).toBe(before);
}

async function refusedMutation(query: string, variables: Record<string, unknown>, field: string) {
  const before = await snapshot(api.db, api.communityId);
  const result: GqlResult = await api.gql(query, variables);
  expect(codeOf(result), JSON.stringify(result.errors)).toBe('BAD_USER_INPUT');
  expect(result.errors![0]!.extensions!.field).toBe(field);
  expect(await snapshot(api.db, api.communityId)).toBe(before);
}

const resident = (extra: Record<string, unknown> = {}) => ({ id: uniqueId(`${api.communityId}-r`), communityId: api.communityId, displayName: '王阿姨', ...extra });

describe('a Resident imported without cultivationStage', () => {
  it('is stored at UNIDENTIFIED and reads back, alone and in a page', async () => {
    const row = resident();
    const result = await api.gql(IMPORT, { input: { file: 'Resident', rows: [row] } });
    expect(result.data!.importRows).toMatchObject({ written: true, created: 1, errors: [] });
    const one = await api.gql('query($id: ID!) { resident(id: $id) { cultivationStage } }', { id: row.id });
    expect(one).toEqual({ data: { resident: { cultivationStage: 'UNIDENTIFIED' } } });
    const page = await api.gql('query($c: [ID!]) { residents(first: 500, filter: {communityIds: $c}) { edges { node { id cultivationStage } } } }', { c: [api.communityId] });
    expect(page.errors).toBeUndefined();
    expect(page.data!.residents.edges).toContainEqual({ node: { id: row.id, cultivationStage: 'UNIDENTIFIED' } });
  });
});

describe('enum values that are JavaScript prototype names', () => {
  it.each([
    ['housingType', 'constructor'],
    ['housingType', '__proto__'],
    ['cultivationStage', 'toString'],
  ])('refuses Resident %s "%s" in importRows', async (column, value) => {
    await refusedImport('Resident', [resident({ [column]: value })], column);
  });

  it('refuses Organization type "hasOwnProperty" in importRows', async () => {
    await refusedImport('Organization', [{ id: uniqueId('o'), communityId: api.communityId, name: '书画社', type: 'hasOwnProperty', orientation: 'SELF_BENEFIT' }], 'type');
  });

  it('refuses MEMBERSHIP role "isPrototypeOf" in importRows', async () => {
    const r = await api.make('Resident');
    const o = await api.make('Organization');
    await refusedImport('MEMBERSHIP', [{ id: uniqueId('m'), from: r, to: o, role: 'isPrototypeOf' }], 'role');
  });

  it('refuses a STATE_CHANGE of field "constructor" in importRows', async () => {
    const r = await api.make('Resident');
    await refusedImport('STATE_CHANGE', [{ id: uniqueId('s'), label: 'Resident', nodeId: r, field: 'constructor', to: 'GOOD_PERSON', at: '2025-01-01' }], 'field');
  });

  it('lets changeResidentCultivationStage move a row stored with "toString" on from the initial state', async () => {
    const id = await api.make('Resident');
    const session = api.db.driver.session();
    try {
      await session.run("MATCH (r:Resident {id: $id}) SET r.cultivationStage = 'toString'", { id });
    } finally {
      await session.close();
    }
    const result = await api.gql('mutation($id: ID!) { changeResidentCultivationStage(input: {id: $id, to: GOOD_PERSON}) { cultivationStage } }', { id });
    expect(result).toEqual({ data: { changeResidentCultivationStage: { cultivationStage: 'GOOD_PERSON' } } });
    const refused = await api.gql('mutation($id: ID!) { changeResidentCultivationStage(input: {id: $id, to: GROUP_LEADER}) { id } }', { id });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.field).toBe('input.to');
  });
});

describe('ids that are JavaScript prototype names', () => {
  it('refuses a Resident id "constructor" in createResident and "__proto__" in importRows', async () => {
    await refusedMutation('mutation($c: ID!) { createResident(input: {id: "constructor", communityId: $c, displayName: "甲"}) { id } }', { c: api.communityId }, 'input.id');
    await refusedImport('Resident', [resident({ id: '__proto__' })], 'id');
  });
});

describe('numbers outside the model bounds', () => {
  it('refuses Community population 3000000000 in importRows and 20000000 in updateCommunity', async () => {
    await refusedImport('Community', [{ id: api.communityId, name: '测试社区', population: 3_000_000_000 }], 'population');
    await refusedMutation('mutation($id: ID!) { updateCommunity(id: $id, input: {population: 20000000}) { id } }', { id: api.communityId }, 'input.population');
  });

  it('refuses hours of 1e308 and of 0 in addExchange and importRows', async () => {
    const a = await api.make('Resident');
    const b = await api.make('Resident');
    const add = 'mutation($a: ID!, $b: ID!, $h: Float!) { addExchange(input: {providerId: $a, recipientId: $b, at: "2025-03-01", hours: $h}) { id } }';
    await refusedMutation(add, { a, b, h: 1e308 }, 'input.hours');
    await refusedMutation(add, { a, b, h: 0 }, 'input.hours');
    await refusedImport('EXCHANGE', [{ id: uniqueId('x'), from: a, to: b, at: '2025-03-01', hours: '1e308' }], 'hours');
  });

  it('refuses a contribution amount of 1e308 in addContribution', async () => {
    const r = await api.make('Resident');
    const f = await api.make('Fund');
    await refusedMutation('mutation($r: ID!, $f: ID!) { addContribution(input: {contributorId: $r, fundId: $f, at: "2025-03-01", kind: MONEY, amount: 1e308}) { id } }', { r, f }, 'input.amount');
  });

  it('refuses a resource quantity of 1e308 in createResource and importRows', async () => {
    await refusedMutation('mutation($c: ID!) { createResource(input: {communityId: $c, name: "场地", category: VENUE, quantity: 1e308}) { id } }', { c: api.communityId }, 'input.quantity');
    await refusedImport('Resource', [{ id: uniqueId('res'), communityId: api.communityId, name: '场地', category: 'VENUE', quantity: '1e308' }], 'quantity');
  });
});

describe('a required displayName that is blank', () => {
  it.each([['spaces', '   '], ['a lone BOM', '\uFEFF'], ['zero-width characters', '\u200B\u2060']])('refuses %s in importRows', async (_, displayName) => {
    await refusedImport('Resident', [resident({ displayName })], 'displayName');
  });

  it('refuses zero-width characters in createResident and updateResident', async () => {
    await refusedMutation('mutation($c: ID!) { createResident(input: {communityId: $c, displayName: "\\u200B\\uFEFF"}) { id } }', { c: api.communityId }, 'input.displayName');
    const id = await api.make('Resident');
    await refusedMutation('mutation($id: ID!) { updateResident(id: $id, input: {displayName: " \\u200D "}) { id } }', { id }, 'input.displayName');
  });
});

describe('times that run backwards', () => {
  it('refuses createdAt after endedAt in importRows', async () => {
    await refusedImport('Resident', [resident({ createdAt: '2025-03-01', endedAt: '2024-03-01' })], 'endedAt');
  });

  it('refuses an endedAt before the stored createdAt in updateResident', async () => {
    const id = await api.make('Resident');
    await refusedMutation('mutation($id: ID!) { updateResident(id: $id, input: {endedAt: "2001-01-01"}) { id } }', { id }, 'input.endedAt');
  });

  it('refuses since after until in importRows', async () => {
    const r = await api.make('Resident');
    const o = await api.make('Organization');
    await refusedImport('MEMBERSHIP', [{ id: uniqueId('m'), from: r, to: o, role: 'MEMBER', since: '2025-03-01', until: '2024-03-01' }], 'until');
  });
});
