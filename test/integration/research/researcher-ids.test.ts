/**
 * Resident ids through the API for a RESEARCHER token (src/server/pseudonym-plugin.ts), over HTTP on
 * the real server and Neo4j, on the shared small demo and this file's own community: no real resident
 * id anywhere in the answers (nodes, relationships, analytics rows, the tie timeline, cursors), while
 * an ANALYST reading the same queries gets the stored ids; the researcher pages and looks residents up
 * by pseudonym; a real id sent by a researcher answers as an unknown id does; the pseudonyms are
 * researchQuery's; an individual partner's name is replaced inside other texts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../../src/services/auth/tokens.ts';
import { codeOf, startTestApi, type GqlResult, type TestApi } from '../../helpers/api.ts';
import { SHARED_DEMO } from '../../helpers/demo.ts';

let api: TestApi;
let analyst: string;
let researcher: string;
let everywhere: string;
/** The demo's resident ids as stored. */
let stored: Set<string>;
const demo = SHARED_DEMO;
const year = { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' };
const PSEUDONYM = /^R-[0-9a-f]{10}$/;

async function cypher(text: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const session = api.db.driver.session();
  try {
    return (await session.run(text, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const r = await api.gql<T>(query, variables, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

/** Every run of id characters in an answer, and the ids its list cursors hold. */
function idsIn(answer: unknown): Set<string> {
  const out = new Set<string>();
  const visit = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      for (const run of value.match(/[\p{L}\p{N}_.:-]+/gu) ?? []) out.add(run);
      if (key === 'cursor' || key === 'endCursor') out.add(Buffer.from(value, 'base64url').toString('utf8'));
    } else if (Array.isArray(value)) value.forEach((v) => visit(v));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(answer);
  return out;
}

const realIdsIn = (answer: unknown) => [...idsIn(answer)].filter((run) => stored.has(run));

const RESIDENTS = `query($c: ID!, $first: Int, $after: String) { residents(first: $first, after: $after, filter: {communityIds: [$c]}) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id displayName label cultivationStage createdAt
    memberships { id resident { id } organization { id name } }
    acquaintances { id resident { id } acquaintance { id displayName } } } } } }`;

/** A broad walk: lists, nested relationships, analytics rows of residents, the timeline. */
const WALK: [string, string, Record<string, unknown>][] = [
  ['centrality', `query($n: NetworkInput!) { centrality(network: $n, measure: PAGERANK) { scores(first: 30) { edges { cursor node { nodeId node { id ... on Resident { displayName } } } } pageInfo { endCursor } } } }`, { n: { communityId: demo, ...year } }],
  ['full-network centrality', `query($n: NetworkInput!) { centrality(network: $n, measure: DEGREE) { scores(first: 60) { edges { node { nodeId node { __typename id } } } } } }`, { n: { communityId: demo, network: 'FULL', ...year } }],
  ['active residents', `query($c: ID!) { activeResidents(communityId: $c, from: "${year.from}", to: "${year.to}") { residents(first: 30) { edges { cursor node { residentId resident { id label } } } } } }`, { c: demo }],
  ['promotion candidates', `query($c: ID!) { promotionCandidates(communityId: $c, stage: GOOD_PERSON, asOf: "${year.to}", first: 20) { candidates { edges { node { residentId resident { id displayName } } } } } }`, { c: demo }],
  ['brokers', `query($n: NetworkInput!) { structuralHoles(network: $n) { scores(first: 30) { edges { node { nodeId node { id } } } } } }`, { n: { communityId: demo, ...year } }],
  ['bridging ties', `query($n: NetworkInput!) { bridgingTies(network: $n) { ties(first: 30) { edges { node { sourceId targetId source { id } target { id } } } } } }`, { n: { communityId: demo, ...year } }],
  ['groups', `query($n: NetworkInput!) { communityDetection(network: $n) { assignments(first: 50) { edges { node { nodeId group } } } } }`, { n: { communityId: demo, ...year } }],
  ['tie timeline', `query($c: ID!) { tieTimeline(communityId: $c) { residents { id label } ties { a b } } }`, { c: demo }],
  ['time bank', `query($c: ID!) { timeBank(communityId: $c, from: "${year.from}", to: "${year.to}") { members(first: 30) { edges { cursor node { residentId resident { id } } } } } }`, { c: demo }],
];

beforeAll(async () => {
  api = await startTestApi();
  analyst = (await createToken(api.db, { role: 'ANALYST', communities: [demo, api.communityId], name: 'researcher ids analyst' })).token;
  researcher = (await createToken(api.db, { role: 'RESEARCHER', communities: [demo, api.communityId], name: 'researcher ids' })).token;
  everywhere = (await createToken(api.db, { role: 'RESEARCHER', communities: ['*'], name: 'researcher ids everywhere' })).token;
  stored = new Set((await cypher('MATCH (r:Resident {communityId: $c}) RETURN r.id AS id', { c: demo })).map((r) => String(r.id)));
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('a researcher never reads a real resident id', () => {
  it('pages the residents by cursor: every id and cursor a pseudonym, the same residents in the same order as the analyst reads', async () => {
    const read = async (token: string) => {
      const pages: any[] = [];
      let after: string | null = null;
      do {
        const page: any = (await ok(RESIDENTS, { c: demo, first: 40, after }, token)).residents;
        pages.push(page);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return pages;
    };
    const mine = await read(researcher);
    const theirs = await read(analyst);
    expect(mine.length).toBeGreaterThan(1);
    const ids = mine.flatMap((p) => p.edges.map((e: any) => e.node.id));
    const real = theirs.flatMap((p) => p.edges.map((e: any) => e.node.id));
    expect(new Set(real)).toEqual(stored);
    expect(ids).toHaveLength(real.length);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [i, id] of ids.entries()) {
      expect(id).toMatch(PSEUDONYM);
      expect(stored.has(id)).toBe(false);
      expect(id).not.toBe(real[i]);
    }
    // A resident's id and display name read as one pseudonym; its cursor is the pseudonym's.
    for (const e of mine.flatMap((p) => p.edges)) {
      expect(e.node.displayName).toBe(e.node.id);
      expect(Buffer.from(e.cursor, 'base64url').toString('utf8')).toBe(e.node.id);
      expect(e.node.label.startsWith(e.node.id)).toBe(true);
    }
    const stages = (pages: any[]) => pages.flatMap((p) => p.edges.map((e: any) => [e.node.cultivationStage, e.node.createdAt, e.node.memberships.length]));
    expect(stages(mine)).toEqual(stages(theirs));
    expect(realIdsIn(mine)).toEqual([]);
    expect(realIdsIn(theirs).length).toBeGreaterThan(stored.size / 2);
  }, 120_000);

  it.each(WALK)('answers %s with pseudonyms where the analyst reads stored ids', async (_name, query, variables) => {
    const mine = await ok(query, variables, researcher);
    const theirs = await ok(query, variables, analyst);
    expect(realIdsIn(mine)).toEqual([]);
    expect(realIdsIn(theirs).length).toBeGreaterThan(0);
    expect([...idsIn(mine)].filter((run) => PSEUDONYM.test(run)).length).toBeGreaterThan(0);
  }, 120_000);
});

describe("the dashboard's collapsed map for a researcher", () => {
  const GROUPS = `query($c: ID!, $by: MapGrouping, $area: String) { groupTimeline(communityId: $c, groupBy: $by, housingArea: $area) { housingArea groups { key label } between { a b } } }`;
  const AREA = `query($c: ID!, $area: String) { tieTimeline(communityId: $c, housingArea: $area) { housingArea residents { id label housingArea building } ties { a b } } }`;

  it('reads no real resident id in groupTimeline or an area\'s tieTimeline, and labels groups and residents by codes, never by place names', async () => {
    const places = await cypher('MATCH (r:Resident {communityId: $c}) RETURN collect(DISTINCT r.housingArea) AS areas, collect(DISTINCT r.building) AS buildings', { c: demo });
    const names = [...(places[0]!.areas as string[]), ...(places[0]!.buildings as string[])].filter((n) => n !== '');
    expect(names.length).toBeGreaterThan(3);
    const mine = (await ok(GROUPS, { c: demo }, researcher)).groupTimeline;
    const theirs = (await ok(GROUPS, { c: demo }, analyst)).groupTimeline;
    const area = mine.groups.find((g: any) => g.key !== '?');
    expect(area).toBeDefined();
    const drilled = (await ok(AREA, { c: demo, area: area.key }, researcher)).tieTimeline;
    const buildings = (await ok(GROUPS, { c: demo, by: 'BUILDING', area: area.key }, researcher)).groupTimeline;
    expect(drilled.residents.length).toBeGreaterThan(0);
    expect(buildings.groups.length).toBeGreaterThan(0);
    for (const answer of [mine, drilled, buildings]) expect(realIdsIn(answer)).toEqual([]);
    // Areas and buildings are fields researchers read as stored (src/domain/pseudonymise-policy.ts),
    // but the labels on the map, of groups and residents alike, carry their codes, never their names.
    const labels = JSON.stringify([...mine.groups, ...buildings.groups, ...drilled.residents].map((x: any) => x.label));
    expect(names.filter((n) => labels.includes(n))).toEqual([]);
    for (const r of drilled.residents) expect(r.id).toMatch(PSEUDONYM);
    // The analyst reads the same map by the stored names, and the same area's residents by their stored ids.
    const i = mine.groups.indexOf(area);
    const real = theirs.groups[i];
    expect(names).toContain(real.label);
    const theirArea = (await ok(AREA, { c: demo, area: real.key }, analyst)).tieTimeline;
    expect(theirArea.residents).toHaveLength(drilled.residents.length);
    expect(realIdsIn(theirArea).length).toBeGreaterThan(0);
  }, 120_000);
});

describe('a researcher uses the pseudonyms', () => {
  it('looks a resident up by its pseudonym and gets the resident the list showed, with its relationships', async () => {
    const page = (await ok(RESIDENTS, { c: demo, first: 40 }, researcher)).residents;
    const real = (await ok(RESIDENTS, { c: demo, first: 40 }, analyst)).residents;
    const i = page.edges.findIndex((e: any) => e.node.memberships.length > 0);
    expect(i).toBeGreaterThanOrEqual(0);
    const listed = page.edges[i].node;
    const one = await ok(`query($id: ID!) { resident(id: $id) { id displayName label cultivationStage memberships { id resident { id } organization { id } } } }`, { id: listed.id }, researcher);
    expect(one.resident).toEqual({ id: listed.id, displayName: listed.displayName, label: listed.label, cultivationStage: listed.cultivationStage,
      memberships: listed.memberships.map((m: any) => ({ id: m.id, resident: { id: listed.id }, organization: { id: m.organization.id } })) });
    const truth = await ok(`query($id: ID!) { resident(id: $id) { cultivationStage memberships { id } } }`, { id: real.edges[i].node.id }, analyst);
    expect(truth.resident.memberships.map((m: any) => m.id)).toEqual(listed.memberships.map((m: any) => m.id));
    // A literal works as a variable does.
    const literal = await ok(`{ resident(id: "${listed.id}") { id } }`, {}, researcher);
    expect(literal.resident).toEqual({ id: listed.id });
  });

  it("reads the pseudonyms researchQuery returns for the same residents", async () => {
    const listed = new Set<string>();
    let after: string | null = null;
    do {
      const page: any = (await ok(RESIDENTS, { c: demo, first: 100, after }, researcher)).residents;
      for (const e of page.edges) listed.add(e.node.id);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const answer = await ok(`query($q: String!) { researchQuery(cypher: $q, options: {maxRows: 10000}) { rows } }`,
      { q: `MATCH (r:Resident) WHERE r.communityId IN $__communities AND r.communityId = '${demo}' RETURN r.id AS id` }, researcher);
    expect(new Set(answer.researchQuery.rows.map((r: any) => r.id))).toEqual(listed);
    const centrality = await ok(WALK[0]![1], WALK[0]![2], researcher);
    for (const e of centrality.centrality.scores.edges) expect(listed.has(e.node.nodeId)).toBe(true);
  });

  it('pages the analytics with cursors too (positions, unchanged)', async () => {
    const query = `query($n: NetworkInput!, $after: String) { centrality(network: $n, measure: PAGERANK) { scores(first: 5, after: $after) { edges { node { nodeId } } pageInfo { endCursor } } } }`;
    const first = await ok(query, { n: { communityId: demo, ...year } }, researcher);
    const next = await ok(query, { n: { communityId: demo, ...year }, after: first.centrality.scores.pageInfo.endCursor }, researcher);
    const all = await ok(query.replace('first: 5', 'first: 10'), { n: { communityId: demo, ...year } }, researcher);
    expect([...first.centrality.scores.edges, ...next.centrality.scores.edges]).toEqual(all.centrality.scores.edges);
  });
});

describe('a real resident id sent by a researcher answers as an unknown id', () => {
  const unknownLike = (id: string) => `${'z'.repeat(Math.max(0, id.length - 8))}nosuchid`.slice(-id.length);

  it('finds no resident by a real id, as by an unknown one; the analyst finds it', async () => {
    const id = [...stored][0]!;
    const query = `query($id: ID!) { resident(id: $id) { id } }`;
    expect(await api.gql(query, { id }, researcher)).toEqual({ data: { resident: null } });
    expect(await api.gql(query, { id: unknownLike(id) }, researcher)).toEqual({ data: { resident: null } });
    expect(await api.gql(`{ resident(id: "${id}") { id } }`, {}, researcher)).toEqual({ data: { resident: null } });
    expect(await api.gql(query, { id: ` ${id} ` }, researcher)).toEqual({ data: { resident: null } });
    expect((await ok(query, { id }, analyst)).resident).toEqual({ id });
  });

  it('answers NOT_FOUND with the same message, path and extensions, echoing the id as sent', async () => {
    const id = [...stored][0]!;
    const other = unknownLike(id);
    const query = `query($s: PublicnessScope!) { publicness(scope: $s, t0: "2025-01-01", t1: "2025-06-01") { scopeName } }`;
    const real: GqlResult = await api.gql(query, { s: { organizationId: id } }, everywhere);
    const unknown: GqlResult = await api.gql(query, { s: { organizationId: other } }, everywhere);
    expect(codeOf(real)).toBe('NOT_FOUND');
    expect(JSON.stringify(real).replaceAll(id, '<id>')).toBe(JSON.stringify(unknown).replaceAll(other, '<id>'));
    expect(real.errors![0]!.message).toContain(id);
    // A pseudonym that names no resident is an unknown id too, and echoed as sent; one that does is echoed as the pseudonym.
    const pseudo = (await ok(RESIDENTS, { c: demo, first: 1 }, researcher)).residents.edges[0].node.id as string;
    const viaPseudonym: GqlResult = await api.gql(query, { s: { organizationId: pseudo } }, everywhere);
    expect(viaPseudonym.errors![0]!.message).toContain(pseudo);
    expect(realIdsIn(viaPseudonym)).toEqual([]);
  });

  it("refuses a cursor that is not a pseudonym's, real or not, with the one invalid-cursor answer", async () => {
    const id = [...stored].sort()[3]!;
    const query = `query($c: ID!, $after: String) { residents(first: 2, after: $after, filter: {communityIds: [$c]}) { edges { node { id } } } }`;
    const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    const real = await api.gql(query, { c: demo, after: cursor(id) }, researcher);
    const made = await api.gql(query, { c: demo, after: cursor('m') }, researcher);
    expect(codeOf(real)).toBe('BAD_USER_INPUT');
    expect(real).toEqual(made);
    expect((await ok(query, { c: demo, after: cursor(id) }, analyst)).residents.edges).toHaveLength(2);
  });
});

describe('names and other roles', () => {
  it("replaces an individual partner's name inside other texts with the partner's pseudonym", async () => {
    const guo = await api.make('Partner', { name: '郭老师心理沙龙' });
    const activity = await api.make('Activity', { name: '郭老师心理沙龙公益沙龙' });
    const query = `query($p: ID!, $a: ID!) { partner(id: $p) { kind name } activity(id: $a) { name } }`;
    const mine = await ok(query, { p: guo, a: activity }, researcher);
    expect(mine.partner.kind).toBe('INDIVIDUAL');
    expect(mine.partner.name).toMatch(/^P-[0-9a-f]{10}$/);
    expect(mine.activity.name).toBe(`${mine.partner.name}公益沙龙`);
    expect((await ok(query, { p: guo, a: activity }, analyst)).activity.name).toBe('郭老师心理沙龙公益沙龙');
    // A name the researcher wrote is echoed as written, a partner's or not: replacing it would say which it is.
    const echo = `query($a: ID!, $s: String!) { organizations(filter: {search: $s}) { totalCount } activity(id: $a) { name } }`;
    expect((await ok(echo, { a: activity, s: '郭老师心理沙龙' }, researcher)).activity.name).toBe('郭老师心理沙龙公益沙龙');
    expect((await ok(echo, { a: activity, s: '王老师心理沙龙' }, researcher)).activity.name).toBe(`${mine.partner.name}公益沙龙`);
  });

  it('leaves ANALYST and ADMIN answers as stored', async () => {
    const resident = await api.make('Resident', { displayName: '甲' });
    const query = `query($id: ID!, $c: ID!) { resident(id: $id) { id displayName } residents(filter: {communityIds: [$c]}) { edges { cursor node { id } } } }`;
    for (const token of [analyst, api.tokens.ADMIN]) {
      const r = await ok(query, { id: resident, c: api.communityId }, token);
      expect(r.resident).toEqual({ id: resident, displayName: '甲' });
      expect(r.residents.edges).toContainEqual({ cursor: Buffer.from(resident).toString('base64url'), node: { id: resident } });
    }
    const mine = await ok(query.replace('$id: ID!, ', '').replace('resident(id: $id) { id displayName } ', ''), { c: api.communityId }, researcher);
    expect(mine.residents.edges.map((e: any) => e.node.id)).not.toContain(resident);
    expect(mine.residents.edges.every((e: any) => PSEUDONYM.test(e.node.id))).toBe(true);
  });
});
