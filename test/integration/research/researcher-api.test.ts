/**
 * The GraphQL API reads the same pseudonymisation policy as researchQuery for RESEARCHER tokens: an
 * individual partner's name is its pseudonym, free text (descriptions, a time-bank service text, the
 * evidence of a stage change) is null, and a pseudonymised name cannot be searched. ANALYST tokens
 * read everything as stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
let guo: string;
let shop: string;
let project: string;
let xu: string;

beforeAll(async () => {
  api = await startTestApi();
  guo = await api.make('Partner', { name: '郭老师心理沙龙', description: '郭老师（退休教师）牵头' });
  shop = await api.make('Partner', { name: '邻里咖啡馆', description: '咖啡馆提供场地' });
  const session = api.db.driver.session();
  try {
    await session.run('MATCH (p:Partner {id: $id}) SET p.kind = "BUSINESS"', { id: shop });
  } finally {
    await session.close();
  }
  project = await api.make('Project', { name: '楼道微更新', description: '徐姐发起' });
  xu = await api.make('Resident', { displayName: '徐姐' });
  const lin = await api.make('Resident', { displayName: '林师傅' });
  const ex = await api.gql('mutation($i: AddExchangeInput!) { addExchange(input: $i) { id } }', { i: { providerId: xu, recipientId: lin, at: '2025-03-01T00:00:00Z', hours: 2, service: '徐姐帮林师傅买药' } });
  expect(ex.errors).toBeUndefined();
  const st = await api.gql('mutation($i: ChangeResidentCultivationStageInput!) { changeResidentCultivationStage(input: $i) { id } }', { i: { id: xu, to: 'GOOD_PERSON', evidence: '徐姐组织楼道清扫' } });
  expect(st.errors).toBeUndefined();
}, 60_000);

afterAll(async () => {
  await api?.close();
});

/** A resident's pseudonym: the researcher's list and the analyst's are both in the order of the stored ids. */
async function pseudonymOf(id: string): Promise<string> {
  const LIST = '{ residents(first: 100) { edges { node { id } } } }';
  const stored = (await api.gql(LIST, {}, api.tokens.ANALYST)).data!.residents.edges.map((e: { node: { id: string } }) => e.node.id);
  const mine = (await api.gql(LIST, {}, api.tokens.RESEARCHER)).data!.residents.edges.map((e: { node: { id: string } }) => e.node.id);
  expect(mine).toHaveLength(stored.length);
  return mine[stored.indexOf(id)]!;
}

const READ = `query($guo: ID!, $shop: ID!, $project: ID!, $xu: ID!) {
  guo: partner(id: $guo) { name kind description }
  shop: partner(id: $shop) { name kind description }
  project(id: $project) { name description }
  resident(id: $xu) { displayName exchangesGiven { service hours } history { to evidence } }
}`;

describe('the API read by a researcher, by the pseudonymisation policy', () => {
  it("shows an individual partner's name as its pseudonym, a business's as it is, and no free text", async () => {
    // A researcher knows 徐姐 by the pseudonym only; by her stored id the API finds no one.
    const byStoredId = await api.gql(READ, { guo, shop, project, xu }, api.tokens.RESEARCHER);
    expect(byStoredId.data!.resident).toBeNull();
    const r = await api.gql(READ, { guo, shop, project, xu: await pseudonymOf(xu) }, api.tokens.RESEARCHER);
    expect(r.errors).toBeUndefined();
    expect(r.data!.guo.name).toMatch(/^P-[0-9a-f]{10}$/);
    expect(r.data!.guo).toMatchObject({ kind: 'INDIVIDUAL', description: null });
    expect(r.data!.shop).toEqual({ name: '邻里咖啡馆', kind: 'BUSINESS', description: null });
    expect(r.data!.project).toEqual({ name: '楼道微更新', description: null });
    expect(r.data!.resident.displayName).toMatch(/^R-/);
    expect(r.data!.resident.exchangesGiven).toEqual([{ service: null, hours: 2 }]);
    expect(r.data!.resident.history).toEqual([{ to: 'GOOD_PERSON', evidence: null }]);
    expect(JSON.stringify(r.data)).not.toMatch(/郭老师|徐姐|林师傅|牵头|发起|买药|清扫/);
  });

  it('gives the same partner pseudonym as researchQuery', async () => {
    const api1 = await api.gql(READ, { guo, shop, project, xu: await pseudonymOf(xu) }, api.tokens.RESEARCHER);
    const q = await api.gql('query($c: String!) { researchQuery(cypher: $c) { rows } }', { c: 'MATCH (p:Partner) WHERE p.communityId IN $__communities AND p.kind = "INDIVIDUAL" RETURN p.name AS name' }, api.tokens.RESEARCHER);
    expect(q.data!.researchQuery.rows).toEqual([{ name: api1.data!.guo.name }]);
  });

  it("refuses a researcher's search of partners by name, which would link the pseudonym back", async () => {
    const r = await api.gql('{ partners(filter: {search: "郭"}) { totalCount } }', {}, api.tokens.RESEARCHER);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.errors?.[0]?.message).toMatch(/partners by name .*按名称搜索社区合伙人/);
  });

  it('leaves everything as stored for an analyst', async () => {
    const r = await api.gql(READ, { guo, shop, project, xu }, api.tokens.ANALYST);
    expect(r.data!.guo).toEqual({ name: '郭老师心理沙龙', kind: 'INDIVIDUAL', description: '郭老师（退休教师）牵头' });
    expect(r.data!.project.description).toBe('徐姐发起');
    expect(r.data!.resident.exchangesGiven).toEqual([{ service: '徐姐帮林师傅买药', hours: 2 }]);
    expect(r.data!.resident.history).toEqual([{ to: 'GOOD_PERSON', evidence: '徐姐组织楼道清扫' }]);
    const search = await api.gql('{ partners(filter: {search: "郭"}) { totalCount } }', {}, api.tokens.ANALYST);
    expect(search.data!.partners.totalCount).toBeGreaterThanOrEqual(1);
  });
});
