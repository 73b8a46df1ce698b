/**
 * Time-bank exchanges are checked on the way in by the importer as addExchange checks them: hours in
 * (0, 24], provider ≠ recipient (self-ties.test.ts), and provider and recipient residents of the same
 * community. A row that breaks one is reported at its column with the reason, and nothing is written
 * — neither by importRows nor staged by the offline import's check.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndStage } from '../../../src/services/import/parallel-check.ts';
import { folderSource } from '../../../src/services/import/source.ts';
import { codeOf, snapshot, startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';
import { datasetFolder } from '../../helpers/import-cli.ts';

const SAME_COMMUNITY = 'provider and recipient must be residents of the same community / 服务提供者与接受者须为同一社区居民';
const IMPORT = `mutation($input: ImportRowsInput!) { importRows(input: $input) { written errors { row column reason } } }`;

let api: TestApi;
let a: string;
let b: string;
let stranger: string;
beforeAll(async () => {
  api = await startTestApi();
  a = await api.make('Resident');
  b = await api.make('Resident');
  stranger = uniqueId('resident');
  const r = await api.gql('mutation($id: ID!, $c: ID!) { createResident(input: {id: $id, communityId: $c, displayName: "外社区居民"}) { id } }', { id: stranger, c: api.otherCommunityId }, api.tokens.GLOBAL_ADMIN);
  expect(r.errors).toBeUndefined();
});
afterAll(async () => api?.close());

const exchangesOf = async (id: string) => {
  const r = await api.gql('query($id: ID!) { resident(id: $id) { exchangesGiven { id } exchangesReceived { id } } }', { id }, api.tokens.GLOBAL_ADMIN);
  expect(r.errors).toBeUndefined();
  return r.data!.resident;
};

describe('time-bank exchanges on the way in', () => {
  it('refuses an exchange between residents of two communities at `to`, and writes nothing in either', async () => {
    const here = await snapshot(api.db, api.communityId);
    const there = await snapshot(api.db, api.otherCommunityId);
    const result = await api.gql(IMPORT, { input: { file: 'EXCHANGE', rows: [
      { id: uniqueId('x'), from: a, to: b, at: '2025-03-01', hours: '1' },
      { id: uniqueId('x'), from: a, to: stranger, at: '2025-03-02', hours: '2' },
    ] } }, api.tokens.GLOBAL_ADMIN);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.importRows).toEqual({ written: false, errors: [{ row: 2, column: 'to', reason: SAME_COMMUNITY }] });
    expect(await snapshot(api.db, api.communityId)).toBe(here);
    expect(await snapshot(api.db, api.otherCommunityId)).toBe(there);
    expect(await exchangesOf(a)).toEqual({ exchangesGiven: [], exchangesReceived: [] });
    expect(await exchangesOf(stranger)).toEqual({ exchangesGiven: [], exchangesReceived: [] });
  });

  it('addExchange refuses the same pair with BAD_USER_INPUT at input.recipientId', async () => {
    const before = await snapshot(api.db, api.otherCommunityId);
    const r = await api.gql('mutation($a: ID!, $s: ID!) { addExchange(input: {providerId: $a, recipientId: $s, at: "2025-03-01", hours: 2}) { id } }', { a, s: stranger }, api.tokens.GLOBAL_ADMIN);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe('input.recipientId');
    expect(r.errors![0]!.message).toBe(SAME_COMMUNITY);
    expect(await snapshot(api.db, api.otherCommunityId)).toBe(before);
  });

  it.each([['0'], ['-1'], ['24.5']])('refuses %s hours at the hours column, and writes nothing', async (hours) => {
    const before = await snapshot(api.db, api.communityId);
    const result = await api.gql(IMPORT, { input: { file: 'EXCHANGE', rows: [{ id: uniqueId('x'), from: a, to: b, at: '2025-03-01', hours }] } });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const report = result.data!.importRows as { written: boolean; errors: { row: number; column: string; reason: string }[] };
    expect(report.written).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[1, 'hours']]);
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('accepts 24 hours between two residents of one community', async () => {
    const result = await api.gql(IMPORT, { input: { file: 'EXCHANGE', rows: [{ id: uniqueId('x'), from: a, to: b, at: '2025-03-03', hours: '24' }] } });
    expect(result.data!.importRows).toEqual({ written: true, errors: [] });
    expect((await exchangesOf(a)).exchangesGiven).toHaveLength(1);
  });

  it("the offline import's check refuses a cross-community exchange and stages only the other rows", async () => {
    const c1 = uniqueId('offline-x1');
    const c2 = uniqueId('offline-x2');
    const dir = datasetFolder({
      'Community.csv': `id,name\n${c1},一社区\n${c2},二社区\n`,
      'Resident.csv': `id,communityId,displayName\n${c1}-a,${c1},王阿姨\n${c1}-b,${c1},李师傅\n${c2}-c,${c2},张老师\n`,
      'EXCHANGE.csv': `id,from,to,at,hours\n${c1}-x1,${c1}-a,${c1}-b,2025-03-01,1\n${c1}-x2,${c1}-a,${c2}-c,2025-03-02,2\n`,
    });
    const staging = await mkdtemp(path.join(os.tmpdir(), 'reweave-exchange-stage-'));
    const staged = await checkAndStage(folderSource(dir), { dir: staging, now: new Date('2026-01-01T00:00:00Z'), parallel: false });
    expect(staged.errors).toEqual([{ file: path.join(dir, 'EXCHANGE.csv'), line: 3, column: 'to', reason: SAME_COMMUNITY }]);
    const all = (await Promise.all((await readdir(staging)).map((f) => readFile(path.join(staging, f), 'utf8')))).join('');
    expect(all).toContain(`${c1}-x1`);
    expect(all).not.toContain(`${c1}-x2`);
  });
});
