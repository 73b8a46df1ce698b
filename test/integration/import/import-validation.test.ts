/**
 * Import validation: every class of bad row is reported with file, line, column and reason; a file
 * with a bad row imports nothing (the database is read back unchanged); --skip-invalid imports the
 * good rows; importing the same files twice changes nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { importDataset } from '../../../src/services/import/import-dataset.ts';
import { folderSource } from '../../../src/services/import/source.ts';
import { removeCommunityData, snapshot, testDatabase, uniqueId } from '../../helpers/api.ts';

let db: Database;
const c = uniqueId('imp');
beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await removeCommunityData(db, [c]);
  await db.close();
});

/** A dataset folder from file name → content (strings or raw bytes). */
function dataset(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reweave-import-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

const community = `id,name\n${c},导入测试社区\n`;
const residents = (rows: string[]) => `id,communityId,displayName,housingType,partyMember,createdAt\n${rows.join('\n')}\n`;
const good = [`${c}-r1,${c},王阿姨,URBAN_VILLAGE,true,2023-01-05`, `${c}-r2,${c},李师傅,GARDEN_ESTATE,false,2023-02-01`];

async function run(files: Record<string, string | Buffer>, skipInvalid = false) {
  return importDataset(db, folderSource(dataset(files)), { skipInvalid });
}

describe('a clean dataset', () => {
  it('imports once, then changes nothing on a second import', async () => {
    const files = {
      'Community.csv': community,
      'Resident.csv': residents(good),
      'Organization.jsonl': `{"id":"${c}-o1","communityId":"${c}","name":"广场舞队","type":"自组织","orientation":"SELF_BENEFIT"}\n`.replace('自组织', 'SELF_ORGANIZATION'),
      'MEMBERSHIP.json': JSON.stringify([{ id: `${c}-m1`, from: `${c}-r1`, to: `${c}-o1`, role: 'LEADER', since: '2023-05-01' }]),
      'STATE_CHANGE.csv': `id,label,nodeId,field,from,to,at,evidence\n${c}-s1,Resident,${c}-r1,cultivationStage,UNIDENTIFIED,GOOD_PERSON,2023-07-01,组织端午活动\n`,
    };
    const first = await run(files);
    expect(first.errorCount).toBe(0);
    expect(first.totals).toMatchObject({ rows: 6, created: 6, updated: 0, unchanged: 0, rejected: 0 });
    const before = await snapshot(db, c);
    const second = await run(files);
    expect(second.totals).toMatchObject({ rows: 6, created: 0, updated: 0, unchanged: 6 });
    expect(await snapshot(db, c)).toBe(before);

    const changed = await run({ ...files, 'Resident.csv': residents([good[0]!.replace('王阿姨', '王奶奶'), good[1]!]) });
    expect(changed.files.find((f) => f.name === 'Resident')).toMatchObject({ updated: 1, unchanged: 1 });
  });
});

describe('bad rows', () => {
  const cases: { name: string; files: Record<string, string | Buffer>; file: string; line: number; column: string | null; reason: RegExp }[] = [
    { name: 'unknown enum value', files: { 'Resident.csv': residents([...good, `${c}-r3,${c},张三,CASTLE,true,2023-01-01`]) }, file: 'Resident.csv', line: 4, column: 'housingType', reason: /not a HousingType; allowed: GARDEN_ESTATE/ },
    { name: 'bad date', files: { 'Resident.csv': residents([...good, `${c}-r3,${c},张三,URBAN_VILLAGE,true,2023-02-30`]) }, file: 'Resident.csv', line: 4, column: 'createdAt', reason: /"2023-02-30" is not a date; accepted: 2025-03-01, .*2025年3月1日 \(year first\)/ },
    { name: 'missing required field', files: { 'Resident.csv': residents([...good, `${c}-r3,${c},,URBAN_VILLAGE,true,2023-01-01`]) }, file: 'Resident.csv', line: 4, column: 'displayName', reason: /displayName is required/ },
    { name: 'dangling reference', files: { 'MEMBERSHIP.csv': `id,from,to,role\n${c}-m9,${c}-r1,no-such-org,MEMBER\n` }, file: 'MEMBERSHIP.csv', line: 2, column: 'to', reason: /not a Organization in this dataset or the database \(dangling reference\)/ },
    { name: 'duplicate id', files: { 'Resident.csv': residents([...good, good[0]!]) }, file: 'Resident.csv', line: 4, column: 'id', reason: /duplicate id/ },
    {
      name: 'invalid UTF-8',
      files: { 'Resident.csv': Buffer.concat([Buffer.from(residents(good)), Buffer.from(`${c}-r3,${c},`), Buffer.from([0xe7, 0x28, 0xa1]), Buffer.from(',URBAN_VILLAGE,true,2023-01-01\n')]) },
      file: 'Resident.csv', line: 4, column: null, reason: /invalid UTF-8/,
    },
    { name: 'oversized field', files: { 'Resident.csv': residents([...good, `${c}-r3,${c},${'长'.repeat(20_000)},URBAN_VILLAGE,true,2023-01-01`]) }, file: 'Resident.csv', line: 4, column: 'displayName', reason: /at most 10000/ },
    { name: 'unknown column', files: { 'Resident.csv': `id,communityId,displayName,shoeSize\n${c}-r3,${c},张三,42\n` }, file: 'Resident.csv', line: 1, column: null, reason: /unknown column "shoeSize"/ },
    { name: 'illegal state change', files: { 'STATE_CHANGE.csv': `id,label,nodeId,field,from,to,at\n${c}-s9,Resident,${c}-r1,cultivationStage,UNIDENTIFIED,GROUP_LEADER,2023-07-01\n` }, file: 'STATE_CHANGE.csv', line: 2, column: 'to', reason: /cannot go from UNIDENTIFIED to GROUP_LEADER/ },
    { name: 'malformed JSON', files: { 'Organization.jsonl': `{"id":"${c}-o2","communityId":"${c}",\n` }, file: 'Organization.jsonl', line: 1, column: null, reason: /invalid JSON/ },
  ];

  it.each(cases)('$name: reported with file, line, column and reason; nothing written', async ({ files, file, line, column, reason }) => {
    await run({ 'Community.csv': community, 'Resident.csv': residents(good) });
    const before = await snapshot(db, c);
    const summary = await run({ 'Community.csv': community, ...files });
    expect(summary.written).toBe(false);
    const error = summary.errors.find((e) => e.file.endsWith(file));
    expect(error, JSON.stringify(summary.errors)).toBeDefined();
    expect(error).toMatchObject({ line, column });
    expect(error!.reason).toMatch(reason);
    expect(await snapshot(db, c)).toBe(before);
  });

  it('--skip-invalid writes the good rows and reports the bad ones, cascading to rows that need them', async () => {
    const r4 = `${c}-r4`;
    const summary = await run({
      'Community.csv': community,
      'Resident.csv': residents([...good, `${r4},${c},赵老师,URBAN_VILLAGE,true,2023-01-01`, `${c}-r5,${c},钱,CASTLE,true,2023-01-01`]),
      'ACQUAINTANCE.csv': `id,from,to,since\n${c}-k1,${r4},${c}-r1,2024-01-01\n${c}-k2,${c}-r5,${c}-r1,2024-01-01\n`,
    }, true);
    expect(summary.written).toBe(true);
    expect(summary.errorCount).toBe(2);
    expect(summary.errors.map((e) => [path.basename(e.file), e.line, e.column])).toEqual([['Resident.csv', 5, 'housingType'], ['ACQUAINTANCE.csv', 3, 'from']]);
    expect(summary.files.find((f) => f.name === 'ACQUAINTANCE')).toMatchObject({ rows: 2, created: 1, rejected: 1 });
  });
});
