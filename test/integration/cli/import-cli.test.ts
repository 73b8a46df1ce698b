/**
 * `npm run import` on files its reader must not take at face value, as a user runs it: a child
 * process against the run's real Neo4j (online, so the local database is never touched). The
 * communities this file imports are removed afterwards (tests own their data).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
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

function dataset(files: Record<string, string>): string {
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
