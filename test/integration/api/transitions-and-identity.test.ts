/**
 * State mutations (cultivation stage, partner lifecycle and kind, orientation, development stage,
 * claiming status, space status) and identifying details: success, illegal transition, bad input,
 * not found, forbidden — with the database read back unchanged after each refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_LABELS, type NodeLabel } from '../../../src/domain/model.ts';
import { MACHINES } from '../../../src/domain/transitions.ts';
import { gqlNames } from '../../../src/schema/sdl-names.ts';
import { codeOf, snapshot, startTestApi, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const make = (label: NodeLabel, extra: Record<string, unknown> = {}) => api.make(label, extra);

const cases = NODE_LABELS.flatMap((label) => Object.keys(MACHINES[label] ?? {}).map((field) => [label, field] as const));

describe.each(cases)('%s.%s', (label, field) => {
  const name = gqlNames.change(label, field);
  const mutation = `mutation($input: ${name.charAt(0).toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { id ${field} history { field from to at evidence } } }`;
  const machine = MACHINES[label]![field]!;

  it('moves through an allowed transition and keeps the history', async () => {
    const id = await make(label);
    const node = await api.gql(`query($id: ID!) { ${gqlNames.byId(label)}(id: $id) { ${field} } }`, { id });
    const from = node.data![gqlNames.byId(label)][field] as string;
    const to = machine[from]![0]!;
    const r = await api.gql(mutation, { input: { id, to, at: '2025-05-04T08:00:00Z', evidence: '带头组织了楼栋议事会' } });
    expect(r.errors).toBeUndefined();
    expect(r.data![name][field]).toBe(to);
    expect(r.data![name].history).toEqual([{ field, from, to, at: '2025-05-04T08:00:00.000Z', evidence: '带头组织了楼栋议事会' }]);
  });

  it('refuses an illegal transition naming the allowed ones, and writes nothing', async () => {
    const id = await make(label);
    const node = await api.gql(`query($id: ID!) { ${gqlNames.byId(label)}(id: $id) { ${field} } }`, { id });
    const from = node.data![gqlNames.byId(label)][field] as string;
    const illegal = [from, ...Object.keys(machine)].find((s) => !machine[from]!.includes(s))!;
    const before = await snapshot(api.db, api.communityId);
    const r = await api.gql(mutation, { input: { id, to: illegal } });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.allowed).toEqual(machine[from]);
    expect(r.errors![0]!.extensions!.field).toBe('input.to');
    const bad = await api.gql(mutation, { input: { id, to: machine[from]![0], at: '2025-02-30T00:00:00Z' } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('answers NOT_FOUND (also for another community\'s node) and FORBIDDEN to other roles', async () => {
    const to = Object.values(machine)[0]![0]!;
    expect(codeOf(await api.gql(mutation, { input: { id: 'no-such-node', to } }))).toBe('NOT_FOUND');
    const id = await make(label);
    const before = await snapshot(api.db, api.communityId);
    expect(codeOf(await api.gql(mutation, { input: { id, to } }, api.tokens.ANALYST))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(mutation, { input: { id, to } }, api.tokens.OTHER_ADMIN))).toBe('NOT_FOUND');
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });
});

describe('cultivation path', () => {
  it('walks good → capable → leader one step at a time', async () => {
    const id = await make('Resident');
    const m = 'mutation($input: ChangeResidentCultivationStageInput!) { changeResidentCultivationStage(input: $input) { cultivationStage history { to } } }';
    for (const to of ['GOOD_PERSON', 'CAPABLE_PERSON', 'GROUP_LEADER']) {
      const r = await api.gql(m, { input: { id, to } });
      expect(r.data!.changeResidentCultivationStage.cultivationStage).toBe(to);
    }
    const r = await api.gql(`query($id: ID!) { resident(id: $id) { history { to } } }`, { id });
    expect(r.data!.resident.history.map((h: { to: string }) => h.to)).toEqual(['GOOD_PERSON', 'CAPABLE_PERSON', 'GROUP_LEADER']);
  });

  it('refuses to set a state field through a plain update, and writes nothing', async () => {
    const id = await make('Resident');
    const before = await snapshot(api.db, api.communityId);
    // The update input has no state fields at all: a stage moves only through its transition mutation.
    const literal = await api.gql('mutation($id: ID!) { updateResident(id: $id, input: {cultivationStage: GROUP_LEADER}) { id } }', { id });
    expect(codeOf(literal)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors![0]!.message).toContain('Field "cultivationStage" is not defined by type "UpdateResidentInput"');
    const variable = await api.gql('mutation($id: ID!, $input: UpdateResidentInput!) { updateResident(id: $id, input: $input) { id } }', { id, input: { displayName: '改名', cultivationStage: 'GROUP_LEADER' } });
    expect(codeOf(variable)).toBe('BAD_USER_INPUT');
    expect(variable.errors![0]!.extensions!.field).toBe('input');
    expect(variable.errors![0]!.message).toContain('Field "cultivationStage" is not defined by type "UpdateResidentInput"');
    expect(await snapshot(api.db, api.communityId)).toBe(before);
    const r = await api.gql('query($id: ID!) { resident(id: $id) { displayName cultivationStage history { to } } }', { id });
    expect(r.data!.resident).toMatchObject({ cultivationStage: 'UNIDENTIFIED', history: [] });
    expect(r.data!.resident.displayName).not.toBe('改名');
  });
});

describe('identifying details', () => {
  const SET = 'mutation($id: ID!, $input: IdentityInput!) { setResidentIdentity(residentId: $id, input: $input) { realName phone idNumber } }';
  const READ = 'query($id: ID!) { resident(id: $id) { displayName identity { realName phone } } }';

  it('are written by ADMIN and read only by ADMIN and ANALYST', async () => {
    const id = await make('Resident', { displayName: '张阿姨' });
    const set = await api.gql(SET, { id, input: { realName: '张秀英', phone: '138 0000 1234', idNumber: '44030419650101123X' } });
    expect(set.data!.setResidentIdentity).toEqual({ realName: '张秀英', phone: '138 0000 1234', idNumber: '44030419650101123X' });
    for (const role of ['ADMIN', 'ANALYST'] as const) {
      const r = await api.gql(READ, { id }, api.tokens[role]);
      expect(r.data!.resident.identity.realName).toBe('张秀英');
    }
    // A researcher knows the resident by its pseudonym only (the lists are in the order of the stored ids).
    const LIST = 'query($c: [ID!]) { residents(first: 500, filter: {communityIds: $c}) { edges { node { id } } } }';
    const ids = async (token: string) => (await api.gql(LIST, { c: [api.communityId] }, token)).data!.residents.edges.map((e: { node: { id: string } }) => e.node.id);
    const pseudonym = (await ids(api.tokens.RESEARCHER))[(await ids(api.tokens.ANALYST)).indexOf(id)];
    expect(pseudonym).toMatch(/^R-[0-9a-f]{10}$/);
    for (const role of ['COORDINATOR', 'EVALUATOR', 'RESEARCHER'] as const) {
      const r = await api.gql(READ, { id: role === 'RESEARCHER' ? pseudonym : id }, api.tokens[role]);
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(r.data!.resident.identity).toBeNull();
      expect(JSON.stringify(r)).not.toContain('张秀英');
    }
  });

  it('refuse bad input, unknown residents and other roles, writing nothing', async () => {
    const id = await make('Resident');
    const before = await snapshot(api.db, api.communityId);
    const bad = await api.gql(SET, { id, input: { phone: 'call me' } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.fieldPath).toEqual(['input', 'phone']);
    expect(codeOf(await api.gql(SET, { id: 'no-such-resident', input: { realName: '某' } }))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(SET, { id, input: { realName: '某' } }, api.tokens.ANALYST))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(SET, { id, input: { realName: '某' } }, api.tokens.OTHER_ADMIN))).toBe('NOT_FOUND');
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });
});
