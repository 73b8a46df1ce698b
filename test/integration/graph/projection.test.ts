/**
 * The projection against the real Neo4j: a small hand-made community created through the API, projected
 * as the full and the tie network, with windows, an as-of date, identity details that must never
 * show, and a second community that must never leak in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectNetwork } from '../../../src/graph/project.ts';
import type { NetworkSpec } from '../../../src/graph/spec.ts';
import { startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
const SECRET = `秘密-${uniqueId('identity')}`;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const PHONE = `139${digits(8)}`;
const ID_NUMBER = `110105${digits(11)}X`;
const ids = {
  r: [1, 2, 3, 4, 5].map((i) => uniqueId(`r${i}`)),
  org: uniqueId('org'),
  act1: uniqueId('act1'),
  act2: uniqueId('act2'),
  project: uniqueId('project'),
  rels: {} as Record<string, string>,
  other: { resident: uniqueId('other-r'), resident2: uniqueId('other-r2'), activity: uniqueId('other-act') },
};
const [r1, r2, r3, r4, r5] = ids.r as [string, string, string, string, string];

async function must(query: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, any>> {
  const result = await api.gql(query, variables, token);
  if (result.errors) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

const create = (type: string, field: string, input: Record<string, unknown>, token?: string) =>
  must(`mutation($input: Create${type}Input!) { ${field}(input: $input) { id } }`, { input }, token);

async function relate(mutation: string, type: string, key: string, input: Record<string, unknown>, token?: string) {
  const id = uniqueId(key);
  ids.rels[key] = id;
  await must(`mutation($input: Add${type}Input!) { ${mutation}(input: $input) { id } }`, { input: { id, ...input } }, token);
}

beforeAll(async () => {
  api = await startTestApi();
  const c = api.communityId;
  for (const [i, id] of ids.r.entries()) {
    await create('Resident', 'createResident', { id, communityId: c, displayName: `居民${i + 1}`, housingArea: i < 2 ? '梧桐院' : '银杏院', partyMember: i === 0 });
  }
  await must('mutation($id: ID!, $input: IdentityInput!) { setResidentIdentity(residentId: $id, input: $input) { realName } }',
    { id: r1, input: { realName: SECRET, phone: PHONE, idNumber: ID_NUMBER } });
  await create('Organization', 'createOrganization', { id: ids.org, communityId: c, name: '编织社', type: 'SELF_ORGANIZATION' });
  await create('Activity', 'createActivity', { id: ids.act1, communityId: c, name: '议事会', kind: 'MEETING', date: '2027-03-01T10:00:00Z' });
  await create('Activity', 'createActivity', { id: ids.act2, communityId: c, name: '手工课', kind: 'HOBBY', date: '2027-09-01T10:00:00Z' });
  await create('Project', 'createProject', { id: ids.project, communityId: c, name: '花园', leveragePoint: 'PUBLIC_SPACE' });

  await relate('addMembership', 'Membership', 'm1', { residentId: r1, organizationId: ids.org, since: '2027-01-01T00:00:00Z', role: 'LEADER' });
  await relate('addMembership', 'Membership', 'm2', { residentId: r2, organizationId: ids.org, since: '2027-02-01T00:00:00Z', role: 'MEMBER' });
  await relate('addAttendance', 'Attendance', 'x1', { residentId: r1, activityId: ids.act1, at: '2027-03-01T10:00:00Z', role: 'ORGANIZER' });
  await relate('addAttendance', 'Attendance', 'x2', { residentId: r2, activityId: ids.act1, at: '2027-03-01T10:00:00Z', role: 'PARTICIPANT' });
  await relate('addAttendance', 'Attendance', 'x3', { residentId: r3, activityId: ids.act1, at: '2027-03-01T10:00:00Z', role: 'VOLUNTEER' });
  await relate('addAttendance', 'Attendance', 'x4', { residentId: r1, activityId: ids.act2, at: '2027-09-01T10:00:00Z', role: 'PARTICIPANT' });
  await relate('addAttendance', 'Attendance', 'x5', { residentId: r4, activityId: ids.act2, at: '2027-09-01T10:00:00Z', role: 'PARTICIPANT' });
  await relate('addExchange', 'Exchange', 'e1', { providerId: r2, recipientId: r3, at: '2027-04-01T00:00:00Z', hours: 2 });
  await relate('addExchange', 'Exchange', 'e2', { providerId: r3, recipientId: r2, at: '2027-05-01T00:00:00Z', hours: 1 });
  await relate('addAcquaintance', 'Acquaintance', 'k1', { residentId: r1, acquaintanceId: r4, since: '2027-01-01T00:00:00Z' });
  await relate('addClaim', 'Claim', 'c1', { claimantId: r4, projectId: ids.project, at: '2027-03-15T00:00:00Z' });
  await relate('addActivityToProject', 'ActivityOfProject', 'p1', { activityId: ids.act1, projectId: ids.project });
  await must('mutation($input: ChangeResidentCultivationStageInput!) { changeResidentCultivationStage(input: $input) { id } }',
    { input: { id: r1, to: 'GOOD_PERSON', at: '2027-06-01T00:00:00Z' } });

  // Another community with its own residents and ties: none of it may show up.
  const o = api.otherCommunityId;
  const token = api.tokens.OTHER_ADMIN;
  await create('Resident', 'createResident', { id: ids.other.resident, communityId: o, displayName: '外人' }, token);
  await create('Resident', 'createResident', { id: ids.other.resident2, communityId: o, displayName: '外人2' }, token);
  await create('Activity', 'createActivity', { id: ids.other.activity, communityId: o, name: '外活动', kind: 'MEETING', date: '2027-03-01T10:00:00Z' }, token);
  await relate('addAcquaintance', 'Acquaintance', 'ok', { residentId: ids.other.resident, acquaintanceId: ids.other.resident2 }, token);
  await relate('addAttendance', 'Attendance', 'ox', { residentId: ids.other.resident, activityId: ids.other.activity, at: '2027-03-01T10:00:00Z', role: 'PARTICIPANT' }, token);
});
afterAll(async () => api?.close());

const ties = (extra: Partial<NetworkSpec> = {}) => projectNetwork(api.db, { communityId: api.communityId, network: 'TIES', ...extra });
const full = (extra: Partial<NetworkSpec> = {}) => projectNetwork(api.db, { communityId: api.communityId, network: 'FULL', ...extra });
const window = (from: string | null, to: string | null) => ({ window: { from: from ? new Date(from) : null, to: to ? new Date(to) : null } });

type Weights = Record<string, Record<string, number>>;
function edgesOf(g: Awaited<ReturnType<typeof ties>>): Weights {
  const out: Weights = {};
  const name = (id: string) => `r${ids.r.indexOf(id) + 1}`;
  g.forEachEdge((_, attrs, a, b) => {
    out[[name(a), name(b)].sort().join('-')] = attrs as Record<string, number>;
  });
  return out;
}

describe('FULL network', () => {
  it('has every node of the community and every relationship, keyed by id', async () => {
    let progress = 0;
    const g = await projectNetwork(api.db, { communityId: api.communityId, network: 'FULL' }, (rows) => { progress = rows; });
    expect(g.type).toBe('directed');
    expect(g.multi).toBe(true);
    expect(g.nodes().sort()).toEqual([api.communityId, ...ids.r, ids.org, ids.act1, ids.act2, ids.project].sort());
    expect(g.edges().sort()).toEqual(['m1', 'm2', 'x1', 'x2', 'x3', 'x4', 'x5', 'e1', 'e2', 'k1', 'c1', 'p1'].map((k) => ids.rels[k]).sort());
    expect(progress).toBeGreaterThanOrEqual(g.order + g.size);
    expect(g.getNodeAttributes(r1)).toMatchObject({ label: 'Resident', displayName: '居民1', housingArea: '梧桐院', partyMember: true, cultivationStage: 'GOOD_PERSON', communityId: api.communityId });
    // Created through the API: the start is not known, so the lifetime is open (not the record's date).
    expect(g.getNodeAttribute(r1, 'start')).toBeNull();
    expect(g.getEdgeAttributes(ids.rels.m1!)).toMatchObject({ kind: 'MEMBERSHIP', type: 'MEMBER_OF', role: 'LEADER', start: '2027-01-01T00:00:00.000Z', end: null });
    expect(g.getEdgeAttributes(ids.rels.e1!)).toMatchObject({ kind: 'EXCHANGE', type: 'EXCHANGED', hours: 2, start: '2027-04-01T00:00:00.000Z', end: '2027-04-01T00:00:00.000Z' });
    expect([g.source(ids.rels.e1!), g.target(ids.rels.e1!)]).toEqual([r2, r3]);
  });

  it('never shows identity details, state history or identity links', async () => {
    const g = await full();
    const text = JSON.stringify(g.export());
    for (const detail of [SECRET, PHONE, ID_NUMBER]) expect(text).not.toContain(detail);
    expect(g.someEdge((_, attrs) => attrs.type === 'IDENTIFIED_BY' || attrs.type === 'CHANGED')).toBe(false);
    expect(g.someNode((_, attrs) => attrs.label === 'Identity')).toBe(false);
  });

  it('never lets another community in', async () => {
    const g = await full();
    g.forEachNode((_, attrs) => expect(attrs.communityId).toBe(api.communityId));
    const other = await projectNetwork(api.db, { communityId: api.otherCommunityId, network: 'FULL' });
    expect(other.nodes().sort()).toEqual([api.otherCommunityId, ids.other.resident, ids.other.resident2, ids.other.activity].sort());
    expect(other.edges().sort()).toEqual([ids.rels.ok, ids.rels.ox].sort());
  });

  it('excludes what lies outside the window, and shows state as of its end', async () => {
    const g = await full(window('2027-01-01T00:00:00Z', '2027-04-01T00:00:00Z'));
    expect(g.hasEdge(ids.rels.x4!)).toBe(false); // September
    expect(g.hasEdge(ids.rels.e1!)).toBe(false); // at = to
    expect(g.hasEdge(ids.rels.x1!)).toBe(true);
    expect(g.hasEdge(ids.rels.k1!)).toBe(true);
    expect(g.getNodeAttribute(r1, 'cultivationStage')).toBe('UNIDENTIFIED');
  });
});

describe('TIES network', () => {
  it('has every resident, isolates included, and the expected weights', async () => {
    const g = await ties();
    expect(g.type).toBe('undirected');
    expect(g.multi).toBe(false);
    expect(g.nodes().sort()).toEqual([...ids.r].sort());
    expect(g.degree(r5)).toBe(0);
    expect(g.getNodeAttributes(r2)).toEqual({
      label: 'Resident', displayName: '居民2', housingArea: '梧桐院', housingType: null, building: null, partyMember: false,
      householdRegistered: null, buildingHead: null, cultivationStage: 'UNIDENTIFIED', start: null, end: null,
    });
    const e = edgesOf(g);
    expect(Object.keys(e).sort()).toEqual(['r1-r2', 'r1-r3', 'r1-r4', 'r2-r3', 'r3-r4']);
    expect(e['r1-r2']).toMatchObject({ comembership: 1, coattendance: 0.5, weight: 1.5 });
    expect(e['r1-r3']).toMatchObject({ coattendance: 0.5, cowork: 1, weight: 1.5 });
    expect(e['r2-r3']).toMatchObject({ coattendance: 0.5, exchange: 3, weight: 2 });
    expect(e['r1-r4']).toMatchObject({ acquaintance: 1, coattendance: 1, cowork: 1, weight: 3 });
    expect(e['r3-r4']).toEqual({ acquaintance: 0, comembership: 0, coattendance: 0, exchange: 0, cowork: 1, weight: 1 });
  });

  it('excludes what lies outside the window', async () => {
    const spring = edgesOf(await ties(window('2027-01-01T00:00:00Z', '2027-04-01T00:00:00Z')));
    expect(spring['r2-r3']).toMatchObject({ exchange: 0, weight: 0.5 });
    expect(spring['r1-r4']).toMatchObject({ acquaintance: 1, coattendance: 0, cowork: 1, weight: 2 });
    const autumn = edgesOf(await ties(window('2027-06-01T00:00:00Z', '2028-01-01T00:00:00Z')));
    expect(Object.keys(autumn).sort()).toEqual(['r1-r2', 'r1-r4']);
    expect(autumn['r1-r2']).toMatchObject({ comembership: 1, weight: 1 });
    expect(autumn['r1-r4']).toMatchObject({ acquaintance: 1, coattendance: 1, weight: 2 });
  });

  it('projects the state at an as-of date', async () => {
    const g = await ties({ asOf: new Date('2027-03-20T00:00:00Z') });
    const e = edgesOf(g);
    expect(e['r2-r3']).toMatchObject({ exchange: 0, coattendance: 0.5 });
    expect(e['r1-r4']).toMatchObject({ acquaintance: 1, coattendance: 0, cowork: 1 });
    expect(g.getNodeAttribute(r1, 'cultivationStage')).toBe('UNIDENTIFIED');
    // Before any tie: the residents (whose start is unknown) are there, with no ties yet.
    const early = await ties({ asOf: new Date('2000-01-01T00:00:00Z') });
    expect(early.nodes().sort()).toEqual([...ids.r].sort());
    expect(early.size).toBe(0);
  });

  it('applies source weights, and reads nothing of a source switched off', async () => {
    const before = api.db.roundTrips;
    const g = await ties({ sources: { coattendance: 0, cowork: 0, comembership: 0, exchange: 2 } });
    expect(api.db.roundTrips - before).toBe(3); // residents, acquaintances, exchanges
    const e = edgesOf(g);
    expect(Object.keys(e).sort()).toEqual(['r1-r4', 'r2-r3']);
    expect(e['r2-r3']).toMatchObject({ exchange: 3, weight: 6 });
  });

  it('rejects window and asOf together', async () => {
    await expect(ties({ ...window('2027-01-01T00:00:00Z', null), asOf: new Date() })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('never lets another community in', async () => {
    const g = await ties();
    expect(g.hasNode(ids.other.resident)).toBe(false);
    const other = await projectNetwork(api.db, { communityId: api.otherCommunityId, network: 'TIES' });
    expect(other.nodes().sort()).toEqual([ids.other.resident, ids.other.resident2].sort());
    expect(other.size).toBe(1);
  });
});
