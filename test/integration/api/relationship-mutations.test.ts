/**
 * Every relationship mutation: add (one per kind of the model), end and remove — success, bad input
 * with the database unchanged, not found for either end, and forbidden.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_LABELS, REL_KINDS, REL_SPECS, type NodeLabel, type RelKind } from '../../../src/domain/model.ts';
import { gqlNames } from '../../../src/schema/sdl-names.ts';
import { codeOf, snapshot, startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';
import { relInput } from '../../helpers/model-values.ts';

let api: TestApi;
/** One node of every label in the test community (two residents, for resident–resident ties). */
const nodes = {} as Record<NodeLabel, string>;
let secondResident: string;

beforeAll(async () => {
  api = await startTestApi();
  for (const label of NODE_LABELS.filter((l) => l !== 'Community')) nodes[label] = await api.make(label);
  nodes.Community = api.communityId;
  secondResident = await api.make('Resident');
});
afterAll(async () => api?.close());

function ends(kind: RelKind): [string, string] {
  const spec = REL_SPECS[kind];
  const from = nodes[spec.from[0]!];
  const to = spec.to[0] === spec.from[0] ? secondResident : nodes[spec.to[0]!];
  return [from, to];
}

const add = (kind: RelKind) => {
  const g = REL_SPECS[kind].gql;
  return `mutation($input: Add${g.typeName}Input!) { ${g.add}(input: $input) { id createdAt ${g.fromField} { id } ${g.toField} { id } } }`;
};
const END = 'mutation($kind: RelationshipKind!, $id: ID!, $until: DateTime!) { endRelationship(kind: $kind, id: $id, until: $until) { id until removed } }';
const REMOVE = 'mutation($kind: RelationshipKind!, $id: ID!) { removeRelationship(kind: $kind, id: $id) { id removed } }';

describe.each(REL_KINDS)('%s', (kind) => {
  const spec = REL_SPECS[kind];

  it('adds, shows it from both ends, and removes', async () => {
    const [from, to] = ends(kind);
    const id = uniqueId('rel');
    const added = await api.gql(add(kind), { input: { ...relInput(kind, from, to), id } });
    expect(added.errors).toBeUndefined();
    const rel = added.data![spec.gql.add];
    expect(rel).toMatchObject({ id, [spec.gql.fromField]: { id: from }, [spec.gql.toField]: { id: to } });

    const fromLabel = spec.from[0]!;
    const seen = await api.gql(`query($id: ID!) { ${gqlNames.byId(fromLabel)}(id: $id) { ${spec.gql.outField} { id } } }`, { id: from });
    expect(seen.data![gqlNames.byId(fromLabel)][spec.gql.outField].map((r: { id: string }) => r.id)).toContain(id);
    const toLabel = spec.to[0]!;
    const back = await api.gql(`query($id: ID!) { ${gqlNames.byId(toLabel)}(id: $id) { ${spec.gql.inField} { id } } }`, { id: to });
    expect(back.data![gqlNames.byId(toLabel)][spec.gql.inField].map((r: { id: string }) => r.id)).toContain(id);

    if (spec.time === 'span') {
      const ended = await api.gql(END, { kind, id, until: '2025-06-30T00:00:00Z' });
      expect(ended.data!.endRelationship).toEqual({ id, until: '2025-06-30T00:00:00.000Z', removed: false });
      expect(codeOf(await api.gql(END, { kind, id, until: '2024-01-01T00:00:00Z' }))).toBe('BAD_USER_INPUT');
    } else {
      expect(codeOf(await api.gql(END, { kind, id, until: '2025-06-30T00:00:00Z' }))).toBe('BAD_USER_INPUT');
    }
    const removed = await api.gql(REMOVE, { kind, id });
    expect(removed.data!.removeRelationship).toEqual({ id, removed: true });
  });

  it('rejects bad input and writes nothing', async () => {
    const [from, to] = ends(kind);
    const before = await snapshot(api.db, api.communityId);
    const badDate = spec.time === 'event'
      ? { ...relInput(kind, from, to), at: 'yesterday' }
      : { ...relInput(kind, from, to), since: '2025-05-01', until: '2025-01-01' };
    const result = await api.gql(add(kind), { input: badDate });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.fieldPath).toEqual(['input', spec.time === 'event' ? 'at' : 'until']);
    expect(codeOf(await api.gql(add(kind), { input: { ...relInput(kind, from, to), [gqlNames.fromIdArg(kind)]: '' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(END, { kind, id: 'x', until: 'not a date' }))).toBe('BAD_USER_INPUT');
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('answers NOT_FOUND for an unknown end or relationship', async () => {
    const [from, to] = ends(kind);
    const before = await snapshot(api.db, api.communityId);
    const noFrom = await api.gql(add(kind), { input: relInput(kind, 'no-such-node', to) });
    expect(codeOf(noFrom)).toBe('NOT_FOUND');
    expect(noFrom.errors![0]!.extensions!.field).toBe(`input.${gqlNames.fromIdArg(kind)}`);
    const noTo = await api.gql(add(kind), { input: relInput(kind, from, 'no-such-node') });
    expect(noTo.errors![0]!.extensions!.field).toBe(`input.${gqlNames.toIdArg(kind)}`);
    // A dated event cannot be ended at all (BAD_USER_INPUT, tested above); a span can, if it exists.
    if (spec.time === 'span') expect(codeOf(await api.gql(END, { kind, id: 'no-such-rel', until: '2025-06-30T00:00:00Z' }))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(REMOVE, { kind, id: 'no-such-rel' }))).toBe('NOT_FOUND');
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('is FORBIDDEN to a read-only role and NOT_FOUND (as a missing id) to another community', async () => {
    const [from, to] = ends(kind);
    const id = uniqueId('rel');
    await api.gql(add(kind), { input: { ...relInput(kind, from, to), id } });
    const before = await snapshot(api.db, api.communityId);
    for (const [token, code] of [[api.tokens.RESEARCHER, 'FORBIDDEN'], [api.tokens.OTHER_ADMIN, 'NOT_FOUND']] as const) {
      expect(codeOf(await api.gql(add(kind), { input: relInput(kind, from, to) }, token))).toBe(code);
      expect(codeOf(await api.gql(REMOVE, { kind, id }, token))).toBe(code);
      if (spec.time === 'span') expect(codeOf(await api.gql(END, { kind, id, until: '2025-06-30T00:00:00Z' }, token))).toBe(code);
    }
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });
});

describe('coordinator scope', () => {
  it('lets a COORDINATOR keep the pools but not memberships', async () => {
    const pool = await api.gql(add('POOL_ENTRY'), { input: relInput('POOL_ENTRY', nodes.Resource, nodes.JointConference) }, api.tokens.COORDINATOR);
    expect(pool.errors).toBeUndefined();
    const member = await api.gql(add('MEMBERSHIP'), { input: relInput('MEMBERSHIP', nodes.Resident, nodes.Organization) }, api.tokens.COORDINATOR);
    expect(codeOf(member)).toBe('FORBIDDEN');
  });
});
