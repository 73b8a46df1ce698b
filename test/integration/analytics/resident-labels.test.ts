/**
 * Two residents of one display name in different housing areas, ranked #2 and #3 by betweenness,
 * get different labels (Resident.label through the ranking's node); a RESEARCHER's labels hold
 * neither the real name nor the real area — a pseudonym and an area pseudonym, the same for every
 * resident of that area.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
const ids: Record<string, string> = {};
beforeAll(async () => {
  api = await startTestApi();
  // A path 甲 – 林(锦绣华庭) – 中 – 林(幸福里) – 乙, with 丁 beside the first 林 and 丙 (锦绣华庭) beside
  // 中: betweenness 中 11, 林(锦绣华庭) 9, 林(幸福里) 5, the others 0.
  const people: [string, Record<string, unknown>][] = [
    ['a', { displayName: '甲' }],
    ['e', { displayName: '丁' }],
    ['lin1', { displayName: '林师傅', housingArea: '锦绣华庭', building: '3栋' }],
    ['mid', { displayName: '中' }],
    ['lin2', { displayName: '林师傅', housingArea: '幸福里', building: '1栋' }],
    ['b', { displayName: '乙' }],
    ['c', { displayName: '丙', housingArea: '锦绣华庭' }],
  ];
  for (const [key, extra] of people) ids[key] = await api.make('Resident', extra);
  const ties: [string, string][] = [['a', 'lin1'], ['e', 'lin1'], ['lin1', 'mid'], ['mid', 'lin2'], ['lin2', 'b'], ['mid', 'c']];
  for (const [x, y] of ties) {
    const r = await api.gql('mutation($a: ID!, $b: ID!) { addAcquaintance(input: {residentId: $a, acquaintanceId: $b, since: "2024-01-01"}) { id } }', { a: ids[x], b: ids[y] });
    expect(r.errors).toBeUndefined();
  }
});
afterAll(async () => api?.close());

const BETWEENNESS = `query($n: NetworkInput!) { centrality(network: $n, measure: BETWEENNESS) {
  scores(first: 10) { edges { node { rank nodeId node { ... on Resident { displayName label } } } } } } }`;

async function ranking(token: string): Promise<{ rank: number; nodeId: string; node: { displayName: string; label: string } }[]> {
  const r = await api.gql(BETWEENNESS, { n: { communityId: api.communityId } }, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.centrality.scores.edges.map((e: { node: unknown }) => e.node);
}

describe('Resident.label in a ranking', () => {
  it('tells two 林师傅 apart by housing area and building', async () => {
    const rows = await ranking(api.tokens.ANALYST);
    const lin = rows.filter((r) => r.node.displayName === '林师傅');
    expect(rows[0]!.nodeId).toBe(ids.mid);
    expect(lin.map((r) => [r.rank, r.nodeId])).toEqual([[2, ids.lin1], [3, ids.lin2]]);
    const byId = new Map(lin.map((r) => [r.nodeId, r.node.label]));
    expect(byId.get(ids.lin1!)).toBe('林师傅 · 锦绣华庭 3栋');
    expect(byId.get(ids.lin2!)).toBe('林师傅 · 幸福里 1栋');
    expect(rows.find((r) => r.nodeId === ids.mid)!.node.label).toBe('中');
    expect(rows.find((r) => r.nodeId === ids.c)!.node.label).toBe('丙 · 锦绣华庭');
  });

  it('gives a RESEARCHER pseudonyms only: no real name, no real area, one area pseudonym per area', async () => {
    const rows = await ranking(api.tokens.RESEARCHER);
    // A researcher reads resident ids as pseudonyms; both lists are in the order of the stored ids.
    const list = async (token: string): Promise<string[]> => {
      const r = await api.gql('query($c: ID!) { residents(first: 100, filter: {communityIds: [$c]}) { edges { node { id } } } }', { c: api.communityId }, token);
      return r.data!.residents.edges.map((e: { node: { id: string } }) => e.node.id);
    };
    const mine = await list(api.tokens.RESEARCHER);
    const pseudonymOf = new Map((await list(api.tokens.ANALYST)).map((id, i) => [id, mine[i]!]));
    const label = (key: string) => rows.find((r) => r.nodeId === pseudonymOf.get(ids[key]!))!.node.label;
    for (const r of rows) {
      expect(r.node.label).not.toMatch(/林|甲|乙|丙|丁|中|锦绣华庭|幸福里|栋/);
      expect(r.node.label.startsWith(r.node.displayName)).toBe(true);
    }
    expect(label('lin1')).toMatch(/^R-[0-9a-f]{10} · A-[0-9a-f]{10}$/);
    expect(label('lin1')).not.toBe(label('lin2'));
    const area = (key: string) => label(key).split(' · ')[1];
    expect(area('lin1')).toBe(area('c'));
    expect(area('lin1')).not.toBe(area('lin2'));
    expect(label('mid')).toMatch(/^R-[0-9a-f]{10}$/);
  });
});
