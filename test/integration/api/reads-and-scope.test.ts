/** Reads: authentication, community scope, pseudonyms for researchers, filters and cursor pagination. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, post, startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
const ids: string[] = [];
beforeAll(async () => {
  api = await startTestApi();
  for (let i = 0; i < 7; i += 1) {
    const id = `${api.communityId}-r${i}`;
    ids.push(id);
    await api.gql('mutation($input: CreateResidentInput!) { createResident(input: $input) { id } }', {
      input: { id, communityId: api.communityId, displayName: `居民${i}`, partyMember: i % 2 === 0, housingType: i < 3 ? 'URBAN_VILLAGE' : 'GARDEN_ESTATE' },
    });
  }
  await api.gql('mutation($input: CreateResidentInput!) { createResident(input: $input) { id } }', {
    input: { id: uniqueId('outsider'), communityId: api.otherCommunityId, displayName: '外人' },
  }, api.tokens.GLOBAL_ADMIN);
});
afterAll(async () => api?.close());

const LIST = `query($first: Int, $after: String, $filter: ResidentFilter) {
  residents(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id displayName communityId } } } }`;

describe('authentication', () => {
  it('needs a valid token', async () => {
    const none = await post(api.app.url, { query: '{ me { role } }' }, null);
    expect(none.status).toBe(401);
    expect(codeOf(none.body)).toBe('UNAUTHENTICATED');
    const wrong = await post(api.app.url, { query: '{ me { role } }' }, 'rw_not-a-token');
    expect(codeOf(wrong.body)).toBe('UNAUTHENTICATED');
    const me = await api.gql('{ me { role communities } }', {}, api.tokens.ANALYST);
    expect(me.data!.me).toEqual({ role: 'ANALYST', communities: [api.communityId] });
  });
});

describe('scope', () => {
  it('lists only the communities a token may see', async () => {
    const r = await api.gql(LIST, { first: 100 }, api.tokens.EVALUATOR);
    expect(r.data!.residents.totalCount).toBe(7);
    expect(r.data!.residents.edges.every((e: { node: { communityId: string } }) => e.node.communityId === api.communityId)).toBe(true);
    const other = await api.gql(LIST, { filter: { communityIds: [api.otherCommunityId] } }, api.tokens.EVALUATOR);
    expect(codeOf(other)).toBe('FORBIDDEN');
  });

  it('answers a node of another community by id as a missing one (null, no error)', async () => {
    const r = await api.gql('query($id: ID!) { resident(id: $id) { id } }', { id: ids[0] }, api.tokens.OTHER_ADMIN);
    expect(r.errors).toBeUndefined();
    expect(r.data!.resident).toBeNull();
    const own = await api.gql('query($id: ID!) { resident(id: $id) { id } }', { id: ids[0] }, api.tokens.EVALUATOR);
    expect(own.data!.resident).toEqual({ id: ids[0] });
  });

  it('shows researchers pseudonyms, not display names', async () => {
    const r = await api.gql(LIST, { first: 100 }, api.tokens.RESEARCHER);
    const names = r.data!.residents.edges.map((e: { node: { displayName: string } }) => e.node.displayName);
    expect(names.every((n: string) => /^R-[0-9a-f]{10}$/.test(n))).toBe(true);
    expect(JSON.stringify(r)).not.toContain('居民');
  });
});

describe('lists', () => {
  it('pages with first/after until the end', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await api.gql(LIST, { first: 3, after, filter: { communityIds: [api.communityId] } });
      seen.push(...r.data.residents.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!r.data.residents.pageInfo.hasNextPage) break;
      after = r.data.residents.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].sort());
  });

  it('filters by enum, boolean and search', async () => {
    const r = await api.gql(LIST, { first: 100, filter: { housingType: ['URBAN_VILLAGE'], partyMember: true } });
    expect(r.data!.residents.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[0], ids[2]]);
    expect(r.data!.residents.totalCount).toBe(2);
    const s = await api.gql(LIST, { first: 100, filter: { search: '居民6' } });
    expect(s.data!.residents.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[6]]);
  });

  it('rejects bad paging and filters with the field named', async () => {
    const big = await api.gql(LIST, { first: 501 });
    expect(codeOf(big)).toBe('BAD_USER_INPUT');
    expect(big.errors![0]!.extensions!.field).toBe('first');
    expect(codeOf(await api.gql(LIST, { after: '@@@' }))).toBe('BAD_USER_INPUT');
    const date = await api.gql(LIST, { filter: { createdFrom: 'soon' } });
    expect(date.errors![0]!.extensions!.field).toBe('filter.createdFrom');
    expect(codeOf(await api.gql(LIST, { filter: { housingType: ['CASTLE'] } }))).toBe('BAD_USER_INPUT');
  });
});
