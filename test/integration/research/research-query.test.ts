/**
 * researchQuery through GraphQL against the real Neo4j: every escape attempt of
 * test/helpers/research-escapes.ts is refused with its rule named (BAD_USER_INPUT at `cypher`), and
 * the harmless ones answer with nothing they must not hold: no other community's data, no real name,
 * no identifying detail, no resident id, no free text. Nothing is written by any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCAPES } from '../../helpers/research-escapes.ts';
import { snapshot, startTestApi, type GqlResult, type TestApi } from '../../helpers/api.ts';
import { createToken } from '../../../src/services/auth/tokens.ts';

const QUERY = `query($c: String!, $p: JSON, $o: ResearchQueryOptions) {
  researchQuery(cypher: $c, parameters: $p, options: $o) { columns rows rowCount truncated pseudonymisedColumns communityIds }
}`;

interface Answer { columns: string[]; rows: Record<string, unknown>[]; rowCount: number; truncated: boolean; pseudonymisedColumns: string[]; communityIds: string[] }

let api: TestApi;
let xu: string;
let guo: string;
let shop: string;
let stranger: string;
let otherOrg: string;
let before: string;
let beforeOther: string;
const s = (v: string) => `${v}.communityId IN $__communities`;

async function raw(cypher: string, params: Record<string, unknown>): Promise<void> {
  const session = api.db.driver.session();
  try {
    await session.run(cypher, params);
  } finally {
    await session.close();
  }
}

async function research(cypher: string, parameters?: unknown, options?: unknown, token = api.tokens.RESEARCHER): Promise<GqlResult<{ researchQuery: Answer }>> {
  return api.gql(QUERY, { c: cypher, p: parameters ?? null, o: options ?? null }, token);
}

async function rows(cypher: string, parameters?: unknown, token?: string): Promise<Answer> {
  const r = await research(cypher, parameters, undefined, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.researchQuery;
}

beforeAll(async () => {
  api = await startTestApi();
  xu = await api.make('Resident', { displayName: '徐姐', building: '1栋', partyMember: true });
  const lin = await api.make('Resident', { displayName: '林师傅', building: '2栋' });
  const org = await api.make('Organization', { name: '银龄志愿服务队' });
  await api.gql('mutation($i: AddMembershipInput!) { addMembership(input: $i) { id } }', { i: { residentId: xu, organizationId: org, role: 'LEADER' } });
  await api.gql('mutation($i: AddMembershipInput!) { addMembership(input: $i) { id } }', { i: { residentId: lin, organizationId: org, role: 'MEMBER' } });
  await api.gql('mutation($i: AddExchangeInput!) { addExchange(input: $i) { id } }', { i: { providerId: xu, recipientId: lin, at: '2025-03-01T00:00:00Z', hours: 2, service: '徐姐帮林师傅买药' } });
  const id = await api.gql('mutation($r: ID!) { setResidentIdentity(residentId: $r, input: {realName: "徐秀英", phone: "13800000000"}) { realName } }', { r: xu });
  expect(id.errors).toBeUndefined();
  guo = await api.make('Partner', { name: '郭老师心理沙龙', description: '郭老师（退休教师）牵头' });
  shop = await api.make('Partner', { name: '邻里咖啡馆' });
  await raw('MATCH (p:Partner {id: $id}) SET p.kind = "BUSINESS"', { id: shop });
  await api.make('Project', { name: '楼道微更新', description: '徐姐发起，林师傅参与' });
  // A resident of another community, tied to ours by an acquaintance written around the API.
  stranger = 'research-stranger-' + api.otherCommunityId;
  await raw('CREATE (s:Resident {id: $id, communityId: $c, displayName: "外社区王伯", building: "9栋", createdAt: datetime()})', { id: stranger, c: api.otherCommunityId });
  await raw('MATCH (a:Resident {id: $a}), (b:Resident {id: $b}) CREATE (a)-[:KNOWS {id: $k, createdAt: datetime()}]->(b)', { a: xu, b: stranger, k: `knows-${stranger}` });
  otherOrg = 'research-org-' + api.otherCommunityId;
  await raw('CREATE (o:Organization {id: $id, communityId: $c, name: "外社区舞蹈队", type: "SELF_ORGANIZATION", orientation: "SELF_BENEFIT", createdAt: datetime()})', { id: otherOrg, c: api.otherCommunityId });
  before = await snapshot(api.db, api.communityId);
  beforeOther = await snapshot(api.db, api.otherCommunityId);
}, 60_000);

afterAll(async () => {
  await api?.close();
});

/** Nothing of what a researcher must not see, anywhere in an answer. */
function expectClean(answer: Answer): void {
  const text = JSON.stringify(answer.rows);
  for (const secret of ['徐姐', '林师傅', '徐秀英', '13800000000', '郭老师心理沙龙', '外社区王伯', '9栋', '外社区舞蹈队', '帮林师傅', '牵头', xu, stranger, api.otherCommunityId]) {
    expect(text, `answer holds ${secret}`).not.toContain(secret);
  }
}

describe('researchQuery: escape attempts, through GraphQL', () => {
  it(`runs ${ESCAPES.length} attempts, at least 40`, () => {
    expect(ESCAPES.length).toBeGreaterThanOrEqual(40);
  });
  for (const escape of ESCAPES) {
    it(`refuses ${escape.name} by rule ${escape.rule}`, async () => {
      const r = await research(escape.cypher, escape.parameters, escape.options);
      expect(r.data ?? null).toBeNull();
      const error = r.errors?.[0];
      expect(error?.extensions?.code, JSON.stringify(r.errors)).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.rule).toBe(escape.rule);
      const path = escape.by === 'service' ? ['parameters', Object.keys(escape.parameters ?? {})[0]] : ['cypher'];
      expect(error?.extensions?.fieldPath).toEqual(path);
      expect(error?.message).toMatch(new RegExp(`^Refused by rule ${escape.rule}.* / 按规则 ${escape.rule} 拒绝`));
    }, 30_000);
  }
  it('wrote nothing, in either community', async () => {
    expect(await snapshot(api.db, api.communityId)).toBe(before);
    expect(await snapshot(api.db, api.otherCommunityId)).toBe(beforeOther);
  });
});

describe('researchQuery: what it answers', () => {
  it('reads resident ids and display names as the pseudonyms the API shows the researcher', async () => {
    const answer = await rows(`MATCH (r:Resident) WHERE ${s('r')} RETURN r.id AS id, r.displayName AS name, r.building AS building ORDER BY building`);
    // The API takes the pseudonym as the resident's id and shows it as both id and display name.
    const api1 = await api.gql<{ resident: { id: string; displayName: string; building: string } }>('query($id: ID!) { resident(id: $id) { id displayName building } }', { id: answer.rows[0]!.id }, api.tokens.RESEARCHER);
    const named = await api.gql<{ resident: { building: string } }>('query($id: ID!) { resident(id: $id) { building } }', { id: xu }, api.tokens.ANALYST);
    expect(api1.data!.resident).toEqual({ id: answer.rows[0]!.id, displayName: answer.rows[0]!.id, building: named.data!.resident.building });
    expect(answer.rows[0]).toEqual({ id: api1.data!.resident.displayName, name: api1.data!.resident.displayName, building: '1栋' });
    expect(answer.rows[0]!.id).toMatch(/^R-[0-9a-f]{10}$/);
    expect(answer.pseudonymisedColumns).toEqual(['id', 'name']);
    expectClean(answer);
  });

  it("reads an individual partner's name as a pseudonym and a business's as it is", async () => {
    const answer = await rows(`MATCH (p:Partner) WHERE ${s('p')} RETURN p.name AS name, p.kind AS kind ORDER BY kind`);
    expect(answer.rows).toHaveLength(2);
    expect(answer.rows[0]).toEqual({ name: '邻里咖啡馆', kind: 'BUSINESS' });
    expect(String(answer.rows[1]!.name)).toMatch(/^P-[0-9a-f]{10}$/);
    expectClean(answer);
  });

  it('does not cross a tie into another community, and reaches only its own community node', async () => {
    const ties = await rows(`MATCH (r:Resident)-[:KNOWS]-(t:Resident) WHERE ${s('r')} AND ${s('t')} RETURN count(*) AS n`);
    expect(ties.rows).toEqual([{ n: 0 }]);
    const byId = await rows(`MATCH (o:Organization {id: $id}) WHERE ${s('o')} RETURN o.name AS name`, { id: otherOrg });
    expect(byId.rows).toEqual([]);
    // A resident's id is pseudonymised, so it cannot even be looked up by.
    const resident = await research(`MATCH (r:Resident {id: $id}) WHERE ${s('r')} RETURN r.building AS b`, { id: stranger });
    expect(resident.errors?.[0]?.extensions?.rule).toBe('pseudonymised-property');
    const communities = await rows(`MATCH (c:Community) WHERE ${s('c')} RETURN c.id AS id`);
    expect(communities.rows).toEqual([{ id: api.communityId }]);
    expect(communities.communityIds).toEqual([api.communityId]);
  });

  it('answers aggregates over memberships with roles, relationship types and labels', async () => {
    const answer = await rows(`MATCH (r:Resident)-[m:MEMBER_OF]->(o:Organization) WHERE ${s('r')} AND ${s('o')} RETURN o.name AS organisation, type(m) AS t, labels(r) AS l, collect(m.role) AS roles, count(DISTINCT r) AS members`);
    expect(answer.rows).toHaveLength(1);
    expect(answer.rows[0]).toMatchObject({ organisation: '银龄志愿服务队', t: 'MEMBER_OF', l: ['Resident'], members: 2 });
    expect([...(answer.rows[0]!.roles as string[])].sort()).toEqual(['LEADER', 'MEMBER']);
  });

  it('returns the string that looks like a write as a string, and writes nothing', async () => {
    const answer = await rows(`MATCH (r:Resident) WHERE ${s('r')} RETURN count(r) AS n, 'x\\') CREATE (:Resident {id: 1}) //' AS text // ; CREATE (:Resident)`);
    expect(answer.rows).toEqual([{ n: 2, text: "x') CREATE (:Resident {id: 1}) //" }]);
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('cuts a large answer at maxRows and says so', async () => {
    const r = await research(`MATCH (a:Resident), (b:Resident) WHERE ${s('a')} AND ${s('b')} UNWIND range(1, 1) AS x RETURN a.building AS x`, null, { maxRows: 3 });
    expect(r.errors?.[0]?.extensions?.rule).toBe('function');
    const cut = await research(`UNWIND [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] AS x RETURN x`, null, { maxRows: 3 });
    expect(cut.data!.researchQuery).toMatchObject({ rowCount: 3, truncated: true, rows: [{ x: 1 }, { x: 2 }, { x: 3 }] });
  });

  it('refuses options past their documented maxima, naming the option', async () => {
    for (const [options, field] of [[{ maxRows: 10_001 }, 'options.maxRows'], [{ timeoutSeconds: 61 }, 'options.timeoutSeconds'], [{ timeoutSeconds: 0 }, 'options.timeoutSeconds']] as const) {
      const r = await research(`MATCH (r:Resident) WHERE ${s('r')} RETURN count(r) AS n`, null, options);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.extensions?.field).toBe(field);
    }
  });

  it('is for RESEARCHER and ANALYST tokens only; an analyst reads names where the API shows them', async () => {
    for (const role of ['ADMIN', 'COORDINATOR', 'EVALUATOR'] as const) {
      const r = await research(`MATCH (r:Resident) WHERE ${s('r')} RETURN count(r) AS n`, null, null, api.tokens[role]);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const analyst = await rows(`MATCH (r:Resident) WHERE ${s('r')} AND r.partyMember RETURN r.displayName AS name`, null, api.tokens.ANALYST);
    expect(analyst.rows).toEqual([{ name: '徐姐' }]);
    expect(analyst.pseudonymisedColumns).toEqual([]);
    const anonymous = await research('RETURN 1 AS x', null, null, null as unknown as string);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("binds $__communities to every community for a '*' token, and to the token's own list otherwise", async () => {
    const everywhere = (await createToken(api.db, { role: 'RESEARCHER', communities: ['*'], name: 'research everywhere' })).token;
    const all = await rows(`MATCH (c:Community) WHERE ${s('c')} RETURN c.id AS id`, null, everywhere);
    expect(all.communityIds).toEqual(expect.arrayContaining([api.communityId, api.otherCommunityId]));
    expect(all.rows.map((r) => r.id)).toEqual(expect.arrayContaining([api.communityId, api.otherCommunityId]));
    const mine = await rows(`MATCH (r:Resident) WHERE ${s('r')} RETURN count(r) AS n`);
    expect(mine).toMatchObject({ communityIds: [api.communityId], rows: [{ n: 2 }] });
  });
});
