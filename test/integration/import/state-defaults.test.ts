/**
 * A node row without its state column, through the import CLI: a new node starts at the initial
 * state (so every read of it works), a stored node keeps the state it has reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';
import { datasetFolder as folder, importCli as cli } from '../../helpers/import-cli.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const PAGE = 'query($c: [ID!]) { residents(first: 500, filter: {communityIds: $c}) { edges { node { id cultivationStage } } } }';

describe('the import CLI and a Resident.csv without cultivationStage', () => {
  it('stores new residents at UNIDENTIFIED, readable in a page, and leaves a stored resident\'s stage alone', async () => {
    const [r1, r2] = [uniqueId(`${api.communityId}-r`), uniqueId(`${api.communityId}-r`)];
    const csv = `id,communityId,displayName\n${r1},${api.communityId},王阿姨\n${r2},${api.communityId},李师傅\n`;
    const first = await cli(folder({ 'Resident.csv': csv }));
    expect(first.code, first.out).toBe(0);
    const page = await api.gql(PAGE, { c: [api.communityId] });
    expect(page.errors).toBeUndefined();
    expect(page.data!.residents.edges).toEqual(expect.arrayContaining([{ node: { id: r1, cultivationStage: 'UNIDENTIFIED' } }, { node: { id: r2, cultivationStage: 'UNIDENTIFIED' } }]));

    const moved = await api.gql('mutation($id: ID!) { changeResidentCultivationStage(input: {id: $id, to: GOOD_PERSON}) { cultivationStage } }', { id: r1 });
    expect(moved.errors).toBeUndefined();
    const again = await cli(folder({ 'Resident.csv': csv }));
    expect(again.code, again.out).toBe(0);
    const one = await api.gql('query($id: ID!) { resident(id: $id) { cultivationStage } }', { id: r1 });
    expect(one.data!.resident.cultivationStage).toBe('GOOD_PERSON');
  }, 120_000);

  it('refuses a row whose displayName is blanks and a BOM, writing nothing', async () => {
    const before = await snapshot(api.db, api.communityId);
    const run = await cli(folder({ 'Resident.csv': `id,communityId,displayName\n${uniqueId('r')},${api.communityId}," \uFEFF "\n` }));
    expect(run.code).not.toBe(0);
    expect(run.out).toMatch(/displayName is required/);
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  }, 60_000);
});
