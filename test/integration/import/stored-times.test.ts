/**
 * An import row that updates a stored node or relationship is judged with the stored times it leaves
 * in place: an endedAt before the stored createdAt, or an until before the stored since when the row
 * gives no since, is refused at that column (importRows, the import CLI with file and line), and
 * nothing is written; the writing transaction refuses it too. A node whose start was never recorded
 * (startUnknown) is not held to the time its record was made.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeNodes } from '../../../src/db/repositories/import.ts';
import { neo4jUri, snapshot, startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';
import { runCli } from '../../helpers/cli.ts';
import { datasetFolder } from '../../helpers/import-cli.ts';

const IMPORT = `mutation($input: ImportRowsInput!) { importRows(input: $input) { written created updated unchanged errors { row column reason } } }`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const importRows = async (file: string, rows: Record<string, unknown>[]) => {
  const result = await api.gql(IMPORT, { input: { file, rows } });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.importRows;
};

async function resident(extra: Record<string, unknown> = {}) {
  const id = uniqueId(`${api.communityId}-r`);
  expect(await importRows('Resident', [{ id, communityId: api.communityId, displayName: '王阿姨', ...extra }])).toMatchObject({ written: true, created: 1 });
  return id;
}

const endedAt = async (id: string) => (await api.gql('query($id: ID!) { resident(id: $id) { endedAt } }', { id })).data!.resident.endedAt;

describe('an import row against the stored times', () => {
  it('refuses an endedAt before the stored createdAt at endedAt, and writes nothing', async () => {
    const id = await resident({ createdAt: '2024-01-01' });
    const before = await snapshot(api.db, api.communityId);
    expect(await importRows('Resident', [{ id, communityId: api.communityId, displayName: '王阿姨', endedAt: '2023-06-01' }])).toMatchObject({
      written: false,
      errors: [{ row: 1, column: 'endedAt', reason: 'endedAt is before createdAt (the stored createdAt is 2024-01-01T00:00:00.000Z) / endedAt 早于 createdAt（已存的 createdAt 为 2024-01-01T00:00:00.000Z）' }],
    });
    expect(await snapshot(api.db, api.communityId)).toBe(before);
    expect(await endedAt(id)).toBeNull();
  });

  it('refuses a createdAt after the stored endedAt at createdAt', async () => {
    const id = await resident({ createdAt: '2024-01-01', endedAt: '2024-06-01' });
    const before = await snapshot(api.db, api.communityId);
    expect(await importRows('Resident', [{ id, communityId: api.communityId, displayName: '王阿姨', createdAt: '2025-01-01' }])).toMatchObject({
      written: false,
      errors: [{ row: 1, column: 'createdAt', reason: 'endedAt is before createdAt (the stored endedAt is 2024-06-01T00:00:00.000Z) / endedAt 早于 createdAt（已存的 endedAt 为 2024-06-01T00:00:00.000Z）' }],
    });
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('refuses a membership\'s until before its stored since when the row gives no since', async () => {
    const r = await api.make('Resident');
    const o = await api.make('Organization');
    const m = uniqueId('m');
    expect(await importRows('MEMBERSHIP', [{ id: m, from: r, to: o, role: 'MEMBER', since: '2024-03-01' }])).toMatchObject({ written: true, created: 1 });
    const before = await snapshot(api.db, api.communityId);
    expect(await importRows('MEMBERSHIP', [{ id: m, from: r, to: o, role: 'MEMBER', until: '2024-01-01' }])).toMatchObject({
      written: false,
      errors: [{ row: 1, column: 'until', reason: 'until is before since (the stored since is 2024-03-01T00:00:00.000Z) / until 早于 since（已存的 since 为 2024-03-01T00:00:00.000Z）' }],
    });
    expect(await snapshot(api.db, api.communityId)).toBe(before);
    const read = await api.gql('query($id: ID!) { resident(id: $id) { memberships { id until } } }', { id: r });
    expect(read.data!.resident.memberships).toEqual([{ id: m, until: null }]);
  });

  it('accepts, and on a second import leaves unchanged, an endedAt for a node whose start was never recorded', async () => {
    const id = await resident();
    const row = { id, communityId: api.communityId, displayName: '王阿姨', endedAt: '2023-06-01' };
    expect(await importRows('Resident', [row])).toMatchObject({ written: true, updated: 1, errors: [] });
    expect(await importRows('Resident', [row])).toMatchObject({ written: true, unchanged: 1, errors: [] });
    expect(await endedAt(id)).toBe('2023-06-01T00:00:00.000Z');
  });

  it('is refused by the import CLI with file, line and column, and nothing is written', async () => {
    const id = await resident({ createdAt: '2024-01-01' });
    const other = await resident({ createdAt: '2024-01-01' });
    const before = await snapshot(api.db, api.communityId);
    const dir = datasetFolder({ 'Resident.csv': `id,communityId,displayName,endedAt\n${other},${api.communityId},李师傅,2025-01-01\n${id},${api.communityId},王阿姨,2023-06-01\n` });
    const run = await runCli('src/cli/import.ts', [dir, '--mode', 'online', '--json'], { NEO4J_URI: neo4jUri() });
    expect(run.code, run.stderr).toBe(1);
    const summary = JSON.parse(run.stdout) as { written: boolean; errors: unknown[] };
    expect(summary).toMatchObject({
      written: false,
      errors: [{ file: path.join(dir, 'Resident.csv'), line: 3, column: 'endedAt', reason: expect.stringContaining('the stored createdAt is 2024-01-01T00:00:00.000Z') }],
    });
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('is refused inside the writing transaction too (a node changed after the check)', async () => {
    const id = await resident({ createdAt: '2024-01-01' });
    const before = await snapshot(api.db, api.communityId);
    const write = api.db.write((tx) => mergeNodes(tx, 'Resident', [{ id, communityId: api.communityId, props: { displayName: '王阿姨', endedAt: new Date('2023-06-01') } }], new Date()));
    await expect(write).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('endedAt is before createdAt') });
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });
});
