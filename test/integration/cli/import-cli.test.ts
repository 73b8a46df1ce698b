/**
 * `npm run import` on files its reader must not take at face value, and on rosters as community
 * workers keep them (Chinese synonyms and dates, GBK, --skip-invalid), as a user runs it: a child
 * process against the run's real Neo4j (online, so the local database is never touched). The
 * communities this file imports are removed afterwards (tests own their data).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { neo4jUri, removeCommunityData, testDatabase, uniqueId } from '../../helpers/api.ts';
import { runCli } from '../../helpers/cli.ts';

let db: Database;
const communities: string[] = [];
beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await removeCommunityData(db, communities);
  await db.close();
});

function community(): string {
  const c = uniqueId('imp-cli');
  communities.push(c);
  return c;
}

/** How many nodes the community has in the database, itself included. */
async function stored(c: string): Promise<number> {
  const session = db.driver.session();
  try {
    const result = await session.run('MATCH (n) WHERE n.id = $c OR n.communityId = $c RETURN count(n) AS n', { c });
    return Number(result.records[0]!.get('n'));
  } finally {
    await session.close();
  }
}

function dataset(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reweave-import-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

const importCli = (dir: string) => runCli('src/cli/import.ts', [dir, '--mode', 'online', '--json'], { NEO4J_URI: neo4jUri() });

describe('npm run import (src/cli/import.ts) on awkward files', () => {
  it('imports the rows of CSV files whose lines end in a lone CR', async () => {
    const c = community();
    const dir = dataset({
      'Community.csv': `id,name\r${c},CR 社区\r`,
      'Resident.csv': `id,communityId,displayName\r${c}-r1,${c},王阿姨\r${c}-r2,${c},李师傅\r`,
    });
    const run = await importCli(dir);
    expect(run.stderr).not.toContain('warning:');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { totals: { rows: number; created: number }; errorCount: number };
    expect(summary).toMatchObject({ errorCount: 0, totals: { rows: 3, created: 3 } });
    expect(await stored(c)).toBe(3);
  });

  it('refuses a file with an unclosed quote: exit code 1, the file and the line of the quote named, nothing written', async () => {
    const c = community();
    const dir = dataset({
      'Community.csv': `id,name\n${c},引号社区\n`,
      'Resident.csv': `id,communityId,displayName\n${c}-r1,${c},"王阿姨\n${c}-r2,${c},李师傅\n`,
    });
    const run = await importCli(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, 'Resident.csv')}: line 2: unclosed quote: `);
    expect(run.stderr).toContain('引号未闭合');
    expect(run.stderr).not.toContain('required column');
    expect(await stored(c)).toBe(0);
  });

  it('warns about an empty file and a file with a header only, and still imports the others', async () => {
    const c = community();
    const dir = dataset({
      'Community.csv': `id,name\n${c},空文件社区\n`,
      'Resident.csv': 'id,communityId,displayName\n',
      'Organization.csv': '',
    });
    const run = await importCli(dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${path.join(dir, 'Resident.csv')}: no data rows (only a header?); nothing imported from it / 文件没有数据行`);
    expect(run.stderr).toContain(`warning: ${path.join(dir, 'Organization.csv')}: the file is empty; nothing imported from it / 文件为空`);
    expect(run.stderr).not.toMatch(/warning: .*Community\.csv/);
    expect(await stored(c)).toBe(1);
    const summary = JSON.parse(run.stdout) as { warnings: string[]; totals: { created: number } };
    expect(summary.warnings).toHaveLength(2);
    expect(summary.totals.created).toBe(1);
  });
});

/** The stored nodes of a community (itself included) and the relationships between them. */
async function storedGraph(c: string): Promise<{ nodes: number; rels: string[] }> {
  const session = db.driver.session();
  try {
    const nodes = await session.run('MATCH (n) WHERE n.id = $c OR n.communityId = $c RETURN count(n) AS n', { c });
    const rels = await session.run('MATCH (a {communityId: $c})-[r]->(b) WHERE type(r) <> "IN_COMMUNITY" RETURN type(r) + ":" + r.id AS r ORDER BY r', { c });
    return { nodes: Number(nodes.records[0]!.get('n')), rels: rels.records.map((r) => String(r.get('r'))) };
  } finally {
    await session.close();
  }
}

async function property(label: string, id: string, name: string): Promise<unknown> {
  const session = db.driver.session();
  try {
    const result = await session.run(`MATCH (n:${label} {id: $id}) RETURN n[$name] AS v`, { id, name });
    const v: unknown = result.records[0]?.get('v');
    return v && typeof v === 'object' && 'toString' in v ? String(v) : v;
  } finally {
    await session.close();
  }
}

const importWith = (dir: string, ...args: string[]) => runCli('src/cli/import.ts', [dir, ...args], { NEO4J_URI: neo4jUri() });

describe('npm run import on rosters as workers keep them', () => {
  it('accepts synonyms, year-first dates, 居民编号 / 组织编号 and KNOWS.csv', async () => {
    const c = community();
    const dir = dataset({
      'Community.csv': `id,name\n${c},花名册社区\n`,
      'Resident.csv': `编号,社区编号,显示名（化名）,住房类型,创建时间\n${c}-r1,${c},王阿姨,商品房,2024/05/20\n${c}-r2,${c},李师傅,花园小区(商品房),2024.06.01\n${c}-r3,${c},小赵,老旧小区,2024年5月20日\n`,
      'Organization.csv': `id,communityId,name,type\n${c}-o1,${c},剪纸兴趣小组,自组织\n`,
      'MEMBERSHIP.csv': `编号,居民编号,组织编号,角色,开始\n${c}-m1,${c}-r1,${c}-o1,骨干,2024/05/20\n${c}-m2,${c}-r2,${c}-o1,队长,2024年6月1日\n`,
      'KNOWS.csv': `id,from,to\n${c}-k1,${c}-r1,${c}-r2\n`,
    });
    const run = await importWith(dir, '--mode', 'online', '--json');
    expect(run.stderr).not.toContain('problem');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ errorCount: 0, totals: { rows: 8, created: 8, rejected: 0 } });
    expect(await storedGraph(c)).toEqual({ nodes: 5, rels: [`KNOWS:${c}-k1`, `MEMBER_OF:${c}-m1`, `MEMBER_OF:${c}-m2`] });
    expect(await property('Resident', `${c}-r2`, 'housingType')).toBe('GARDEN_ESTATE');
    expect(await property('Resident', `${c}-r3`, 'housingType')).toBe('OLD_ESTATE');
    expect(String(await property('Resident', `${c}-r3`, 'createdAt'))).toMatch(/^2024-05-20T00:00:00(\.000)?Z$/);
  });

  it('--skip-invalid writes the rejected rows with their cells beside the folder, and the folder imports again', async () => {
    const c = community();
    const dir = dataset({
      'Community.csv': `id,name\n${c},拒绝社区\n`,
      'Resident.csv': `id,communityId,displayName,housingType\n${c}-r1,${c},王阿姨,商品房\n${c}-r2,${c},李师傅,别墅\n`,
    });
    const rejectedFile = `${dir}.rejected.csv`;
    const run = await importWith(dir, '--mode', 'online', '--skip-invalid');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`1 row rejected; the rows and their reasons are in ${rejectedFile} / 1 行被拒绝`);
    expect(readdirSync(dir).sort()).toEqual(['Community.csv', 'Resident.csv']);
    const lines = readFileSync(rejectedFile, 'utf8').split('\n');
    expect(lines[0]).toBe('file,line,column,reason,id,communityId,displayName,housingType');
    expect(lines[1]).toMatch(new RegExp(`^Resident\\.csv,3,housingType,"?housingType: ""?别墅""? is not a HousingType; allowed: GARDEN_ESTATE .*,${c}-r2,${c},李师傅,别墅$`));
    expect(lines).toHaveLength(3);
    expect(await storedGraph(c)).toEqual({ nodes: 2, rels: [] });
    // A summary line without a meaningless rate for a sub-second import.
    expect(run.stdout).toMatch(/^online · \d+\.\d s · peak RSS \d+ MB$/m);
    expect(run.stdout).not.toContain('relationships/s');

    // Importing the folder again, even with a rejected file from an older version inside it.
    writeFileSync(path.join(dir, 'rejected.csv'), 'file,line,column,reason\n');
    const again = await importWith(dir, '--mode', 'online', '--skip-invalid', '--json');
    expect(again.stderr).not.toContain('文件名无法识别');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ totals: { rows: 3, unchanged: 2, rejected: 1 }, rejectedFile });
  });

  it('says what it imports into, and not to stop a database', async () => {
    const c = community();
    const run = await importWith(dataset({ 'Community.csv': `id,name\n${c},说明社区\n` }));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`importing through Cypher into ${neo4jUri()} (NEO4J_URI)`);
    expect(run.stderr).not.toMatch(/stop it first|db:stop|请先停止/);
  });
});

/** "编号,社区编号,displayName" and "王阿姨" in GB18030, as Excel saves a CSV on Chinese Windows. */
const GBK_HEADER = Buffer.from('b1e0bac52cc9e7c7f8b1e0bac52c646973706c61794e616d65', 'hex');
const GBK_WANG = Buffer.from('cdf5b0a2d2cc', 'hex');

describe('npm run import on a GBK file', () => {
  const files = (c: string) => ({
    'Community.csv': `id,name\n${c},编码社区\n`,
    'Resident.csv': Buffer.concat([GBK_HEADER, Buffer.from(`\n${c}-r1,${c},`), GBK_WANG, Buffer.from('\n')]),
  });

  it('refuses it by default, naming GB18030 and --encoding gb18030: exit 1, nothing written', async () => {
    const c = community();
    const dir = dataset(files(c));
    const run = await importWith(dir, '--mode', 'online');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, 'Resident.csv')}: line 1: the file is not UTF-8: it reads as GB18030/GBK`);
    expect(run.stderr).toContain('--encoding gb18030');
    expect(run.stderr).not.toContain('unknown column');
    expect(await storedGraph(c)).toEqual({ nodes: 0, rels: [] });
    expect(existsSync(`${dir}.rejected.csv`)).toBe(false);
  });

  it('reads it with --encoding gb18030', async () => {
    const c = community();
    // --encoding applies to every file of the folder: the community's name is ASCII, which reads alike in both.
    const dir = dataset({ ...files(c), 'Community.csv': `id,name\n${c},GBK\n` });
    const run = await importWith(dir, '--mode', 'online', '--encoding', 'gb18030', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ errorCount: 0, totals: { created: 2 } });
    expect(await property('Resident', `${c}-r1`, 'displayName')).toBe('王阿姨');
  });
});
