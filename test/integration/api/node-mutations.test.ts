/**
 * Every node mutation (create, update, delete for each label of the model): success, bad input with
 * the database read back unchanged, not found, and forbidden for a wrong role or community.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_LABELS, type NodeLabel } from '../../../src/domain/model.ts';
import { gqlNames } from '../../../src/schema/sdl-names.ts';
import { codeOf, snapshot, startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';
import { minimalCreateInput, requiredStringProp, updatableProp } from '../../helpers/model-values.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const create = (label: NodeLabel) => `mutation($input: Create${label}Input!) { ${gqlNames.create(label)}(input: $input) { id communityId createdAt } }`;
const update = (label: NodeLabel, field: string) => `mutation($id: ID!, $input: Update${label}Input!) { ${gqlNames.update(label)}(id: $id, input: $input) { id ${field} updatedAt } }`;
const remove = (label: NodeLabel) => `mutation($id: ID!) { ${gqlNames.remove(label)}(id: $id) { id deleted } }`;
const read = (label: NodeLabel) => `query($id: ID!) { ${gqlNames.byId(label)}(id: $id) { id } }`;

const OTHER_LABELS = NODE_LABELS.filter((l) => l !== 'Community');

describe.each(OTHER_LABELS)('%s mutations', (label) => {
  it('creates, reads back, updates and deletes', async () => {
    const id = uniqueId(label.toLowerCase());
    const created = await api.gql(create(label), { input: minimalCreateInput(label, id, api.communityId) });
    expect(created.errors).toBeUndefined();
    expect(created.data![gqlNames.create(label)]).toMatchObject({ id, communityId: api.communityId });

    const [field, value] = updatableProp(label);
    const beforeUpdate = Date.now();
    const updated = await api.gql(update(label, field), { id, input: { [field]: value } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data![gqlNames.update(label)][field]).toBe(value);
    // The server's clock, read back as a DateTime: no earlier than the create and the call.
    const updatedAt = updated.data![gqlNames.update(label)].updatedAt as string;
    expect(updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(updatedAt)).toBeGreaterThanOrEqual(Math.max(Date.parse(created.data![gqlNames.create(label)].createdAt as string), beforeUpdate - 1000));

    const deleted = await api.gql(remove(label), { id });
    expect(deleted.data![gqlNames.remove(label)]).toEqual({ id, deleted: true });
    const gone = await api.gql(read(label), { id });
    expect(gone.data![gqlNames.byId(label)]).toBeNull();
  });

  it('rejects bad input with the field path and writes nothing', async () => {
    const before = await snapshot(api.db, api.communityId);
    const prop = requiredStringProp(label);
    const input = { ...minimalCreateInput(label, uniqueId('bad'), api.communityId), [prop]: '   ' };
    const result = await api.gql(create(label), { input });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.fieldPath).toEqual(['input', prop]);

    const id = uniqueId(label.toLowerCase());
    await api.gql(create(label), { input: minimalCreateInput(label, id, api.communityId) });
    const mid = await snapshot(api.db, api.communityId);
    const badUpdate = await api.gql(update(label, 'id'), { id, input: { [prop]: '' } });
    expect(codeOf(badUpdate)).toBe('BAD_USER_INPUT');
    expect(badUpdate.errors![0]!.extensions!.field).toBe(`input.${prop}`);
    const badDelete = await api.gql(remove(label), { id: '' });
    expect(codeOf(badDelete)).toBe('BAD_USER_INPUT');
    expect(await snapshot(api.db, api.communityId)).toBe(mid);

    const duplicate = await api.gql(create(label), { input: minimalCreateInput(label, id, api.communityId) });
    expect(codeOf(duplicate)).toBe('BAD_USER_INPUT');
    expect(await snapshot(api.db, api.communityId)).toBe(mid);
    await api.gql(remove(label), { id });
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('answers NOT_FOUND for an unknown id or community', async () => {
    const before = await snapshot(api.db, api.communityId);
    const noCommunity = await api.gql(create(label), { input: minimalCreateInput(label, uniqueId('x'), uniqueId('no-such-community')) }, api.tokens.GLOBAL_ADMIN);
    expect(codeOf(noCommunity)).toBe('NOT_FOUND');
    expect(noCommunity.errors![0]!.extensions!.field).toBe('input.communityId');
    const [field, value] = updatableProp(label);
    expect(codeOf(await api.gql(update(label, field), { id: 'no-such-id', input: { [field]: value } }))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(remove(label), { id: 'no-such-id' }))).toBe('NOT_FOUND');
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('is FORBIDDEN to a read-only role, NOT_FOUND (as a missing id) to another community, and writes nothing', async () => {
    const id = uniqueId(label.toLowerCase());
    await api.gql(create(label), { input: minimalCreateInput(label, id, api.communityId) });
    const before = await snapshot(api.db, api.communityId);
    const [field, value] = updatableProp(label);
    for (const [token, onExisting] of [[api.tokens.EVALUATOR, 'FORBIDDEN'], [api.tokens.OTHER_ADMIN, 'NOT_FOUND']] as const) {
      // Creating in a community outside the token is refused on the token alone (no lookup).
      expect(codeOf(await api.gql(create(label), { input: minimalCreateInput(label, uniqueId('f'), api.communityId) }, token))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(update(label, field), { id, input: { [field]: value } }, token))).toBe(onExisting);
      expect(codeOf(await api.gql(remove(label), { id }, token))).toBe(onExisting);
    }
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });
});

describe('Community mutations', () => {
  it('creates (global ADMIN only), updates (its ADMIN), and deletes only when empty', async () => {
    const id = uniqueId('community');
    expect(codeOf(await api.gql(create('Community'), { input: { id, name: '新社区' } }, api.tokens.ADMIN))).toBe('FORBIDDEN');
    const made = await api.gql(create('Community'), { input: { id, name: '新社区', population: 1200 } }, api.tokens.GLOBAL_ADMIN);
    expect(made.data!.createCommunity).toMatchObject({ id, communityId: id });
    expect(codeOf(await api.gql(create('Community'), { input: { name: '' } }, api.tokens.GLOBAL_ADMIN))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(update('Community', 'name'), { id, input: { population: -1 } }, api.tokens.GLOBAL_ADMIN))).toBe('BAD_USER_INPUT');
    // A community outside the token is answered as a missing one.
    expect(codeOf(await api.gql(update('Community', 'name'), { id, input: { name: 'x' } }, api.tokens.ADMIN))).toBe('NOT_FOUND');
    const renamed = await api.gql(update('Community', 'name'), { id, input: { name: '改名社区' } }, api.tokens.GLOBAL_ADMIN);
    expect(renamed.data!.updateCommunity.name).toBe('改名社区');

    await api.gql(create('Resident'), { input: minimalCreateInput('Resident', uniqueId('r'), api.communityId) });
    const refused = await api.gql(remove('Community'), { id: api.communityId }, api.tokens.GLOBAL_ADMIN);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(codeOf(await api.gql(remove('Community'), { id: 'no-such-community' }, api.tokens.GLOBAL_ADMIN))).toBe('NOT_FOUND');
    expect((await api.gql(remove('Community'), { id }, api.tokens.GLOBAL_ADMIN)).data!.deleteCommunity.deleted).toBe(true);
  });

  it('clears an optional field with null but refuses to clear a required one', async () => {
    const id = uniqueId('resident');
    await api.gql(create('Resident'), { input: { ...minimalCreateInput('Resident', id, api.communityId), building: '3栋' } });
    const cleared = await api.gql(update('Resident', 'building'), { id, input: { building: null } });
    expect(cleared.data!.updateResident.building).toBeNull();
    const refused = await api.gql(update('Resident', 'displayName'), { id, input: { displayName: null } });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
  });
});
