/**
 * A node whose start was never recorded — imported without createdAt, or created through the API —
 * is present in every window and as of every date until it ends, instead of vanishing from the past
 * because its createdAt holds the day the record was made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectNetwork } from '../../../src/graph/project.ts';
import { startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
const IMPORT = `mutation($input: ImportRowsInput!) { importRows(input: $input) { written created errors { row column reason } } }`;
const ids = { a: uniqueId('u-a'), b: uniqueId('u-b'), late: uniqueId('u-late'), api: uniqueId('u-api') };

beforeAll(async () => {
  api = await startTestApi();
  const c = api.communityId;
  const residents = await api.gql(IMPORT, { input: { file: 'Resident', rows: [
    { id: ids.a, communityId: c, displayName: '甲' },
    { id: ids.b, communityId: c, displayName: '乙' },
    // This one's start is recorded: it is not there before 2024.
    { id: ids.late, communityId: c, displayName: '丙', createdAt: '2024-01-01' },
  ] } });
  expect(residents.data!.importRows).toMatchObject({ written: true, created: 3 });
  const ties = await api.gql(IMPORT, { input: { file: 'ACQUAINTANCE', rows: [
    { id: uniqueId('k'), from: ids.a, to: ids.b, since: '2020-03-01' },
    { id: uniqueId('k'), from: ids.b, to: ids.late, since: '2024-02-01' },
  ] } });
  expect(ties.data!.importRows).toMatchObject({ written: true, created: 2 });
  await api.make('Resident').then((id) => (ids.api = id));
});
afterAll(async () => api?.close());

const residentsIn = async (spec: { window?: { from: Date | null; to: Date | null }; asOf?: Date }) => {
  const g = await projectNetwork(api.db, { communityId: api.communityId, network: 'TIES', ...spec });
  return { nodes: g.nodes().sort(), edges: g.size };
};

describe('nodes without a recorded start', () => {
  it('are in a 2020 window with the tie they had then; one whose start is recorded in 2024 is not', async () => {
    const y2020 = await residentsIn({ window: { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2021-01-01T00:00:00Z') } });
    expect(y2020.nodes).toEqual([ids.a, ids.api, ids.b].sort());
    expect(y2020.edges).toBe(1);
  });

  it('are there as of a past date, as the FULL network shows too', async () => {
    const asOf = await residentsIn({ asOf: new Date('2020-06-01T00:00:00Z') });
    expect(asOf.nodes).toEqual([ids.a, ids.api, ids.b].sort());
    const full = await projectNetwork(api.db, { communityId: api.communityId, network: 'FULL', asOf: new Date('2020-06-01T00:00:00Z') });
    expect(full.hasNode(ids.a)).toBe(true);
    expect(full.hasNode(ids.late)).toBe(false);
    // The unknown start is left open in the export's lifetime, not given as the record's date.
    expect(full.getNodeAttribute(ids.a, 'start') ?? null).toBeNull();
  });

  it('keep their record time as createdAt in the API', async () => {
    const r = await api.gql('query($id: ID!) { resident(id: $id) { createdAt } }', { id: ids.a });
    expect(Date.now() - new Date(r.data!.resident.createdAt).getTime()).toBeLessThan(10 * 60_000);
  });

  it('are all there in 2025, with both ties', async () => {
    const y2025 = await residentsIn({ window: { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') } });
    expect(y2025.nodes).toEqual([ids.a, ids.api, ids.b, ids.late].sort());
    expect(y2025.edges).toBe(2);
  });
});
