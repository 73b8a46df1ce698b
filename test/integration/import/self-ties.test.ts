/**
 * A time-bank exchange or an acquaintance joins two different residents: one with the same resident
 * at both ends is refused on every write path — addExchange / addAcquaintance with BAD_USER_INPUT at
 * the second end, importRows and the import CLI (online) at the row's `to` column, the offline
 * import's first pass likewise, staging nothing — and nothing is written.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndStage } from '../../../src/services/import/parallel-check.ts';
import { folderSource } from '../../../src/services/import/source.ts';
import { codeOf, neo4jUri, snapshot, startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';
import { runCli } from '../../helpers/cli.ts';
import { datasetFolder } from '../../helpers/import-cli.ts';

const EXCHANGE_REASON = 'provider and recipient must be different residents / 服务提供者与接受者不能是同一人';
const ACQUAINTANCE_REASON = 'resident and acquaintance must be different residents / 居民与相识者不能是同一人';
const IMPORT = `mutation($input: ImportRowsInput!) { importRows(input: $input) { written errors { row column reason } } }`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

/** Exchanges and acquaintances of the resident, read back through the API. */
async function ties(id: string) {
  const r = await api.gql('query($id: ID!) { resident(id: $id) { exchangesGiven { id } exchangesReceived { id } acquaintances { id } acquaintedBy { id } } }', { id });
  expect(r.errors).toBeUndefined();
  return r.data!.resident;
}
const none = { exchangesGiven: [], exchangesReceived: [], acquaintances: [], acquaintedBy: [] };

describe('a tie from a resident to themselves', () => {
  it.each([
    ['addExchange', '{providerId: $r, recipientId: $r, at: "2025-03-01", hours: 2}', 'input.recipientId', EXCHANGE_REASON],
    ['addAcquaintance', '{residentId: $r, acquaintanceId: $r}', 'input.acquaintanceId', ACQUAINTANCE_REASON],
  ])('is refused by %s at its second end, and nothing is written', async (mutation, input, field, reason) => {
    const r = await api.make('Resident');
    const before = await snapshot(api.db, api.communityId);
    const result = await api.gql(`mutation($r: ID!) { ${mutation}(input: ${input}) { id } }`, { r });
    expect(codeOf(result), JSON.stringify(result.errors)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(result.errors![0]!.message).toBe(reason);
    expect(await snapshot(api.db, api.communityId)).toBe(before);
    expect(await ties(r)).toEqual(none);
  });

  it('still lets two different residents exchange and know each other', async () => {
    const a = await api.make('Resident');
    const b = await api.make('Resident');
    const x = await api.gql('mutation($a: ID!, $b: ID!) { addExchange(input: {providerId: $a, recipientId: $b, at: "2025-03-01", hours: 2}) { id } }', { a, b });
    const k = await api.gql('mutation($a: ID!, $b: ID!) { addAcquaintance(input: {residentId: $a, acquaintanceId: $b}) { id } }', { a, b });
    expect([x.errors, k.errors]).toEqual([undefined, undefined]);
  });

  it.each([
    ['EXCHANGE', { at: '2025-03-01', hours: '2' }, EXCHANGE_REASON],
    ['ACQUAINTANCE', { since: '2024-01-01' }, ACQUAINTANCE_REASON],
  ])('is refused by importRows (%s) at the row\'s to column, and nothing is written', async (file, extra, reason) => {
    const r = await api.make('Resident');
    const before = await snapshot(api.db, api.communityId);
    const result = await api.gql(IMPORT, { input: { file, rows: [{ id: uniqueId('self'), from: r, to: r, ...extra }] } });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.importRows).toEqual({ written: false, errors: [{ row: 1, column: 'to', reason }] });
    expect(await snapshot(api.db, api.communityId)).toBe(before);
    expect(await ties(r)).toEqual(none);
  });

  it('is refused by the import CLI (online) with file, line and column, and nothing is written', async () => {
    const r = await api.make('Resident');
    const other = await api.make('Resident');
    const before = await snapshot(api.db, api.communityId);
    const dir = datasetFolder({
      'EXCHANGE.csv': `id,from,to,at,hours\n${uniqueId('x')},${r},${other},2025-03-01,1\n${uniqueId('x')},${r},${r},2025-03-02,2\n`,
      'ACQUAINTANCE.csv': `id,from,to\n${uniqueId('k')},${other},${other}\n`,
    });
    const run = await runCli('src/cli/import.ts', [dir, '--mode', 'online', '--json'], { NEO4J_URI: neo4jUri() });
    expect(run.code, run.stderr).toBe(1);
    const summary = JSON.parse(run.stdout) as { written: boolean; errors: { file: string; line: number; column: string; reason: string }[] };
    expect(summary.written).toBe(false);
    expect(summary.errors).toEqual(expect.arrayContaining([
      { file: path.join(dir, 'EXCHANGE.csv'), line: 3, column: 'to', reason: EXCHANGE_REASON },
      { file: path.join(dir, 'ACQUAINTANCE.csv'), line: 2, column: 'to', reason: ACQUAINTANCE_REASON },
    ]));
    expect(summary.errors).toHaveLength(2);
    expect(await snapshot(api.db, api.communityId)).toBe(before);
    expect(await ties(r)).toEqual(none);
  });

  it('is refused by the offline import\'s check, which stages only the other rows', async () => {
    const c = uniqueId('offline-self');
    const dir = datasetFolder({
      'Community.csv': `id,name\n${c},离线社区\n`,
      'Resident.csv': `id,communityId,displayName\n${c}-a,${c},王阿姨\n${c}-b,${c},李师傅\n`,
      'EXCHANGE.csv': `id,from,to,at,hours\n${c}-x1,${c}-a,${c}-b,2025-03-01,1\n${c}-x2,${c}-a,${c}-a,2025-03-02,2\n`,
    });
    const staging = await mkdtemp(path.join(os.tmpdir(), 'reweave-self-stage-'));
    const staged = await checkAndStage(folderSource(dir), { dir: staging, now: new Date('2026-01-01T00:00:00Z'), parallel: false });
    expect(staged.errors).toEqual([{ file: path.join(dir, 'EXCHANGE.csv'), line: 3, column: 'to', reason: EXCHANGE_REASON }]);
    const all = (await Promise.all((await readdir(staging)).map((f) => readFile(path.join(staging, f), 'utf8')))).join('');
    expect(all).toContain(`${c}-x1`);
    expect(all).not.toContain(`${c}-x2`);
  });
});
