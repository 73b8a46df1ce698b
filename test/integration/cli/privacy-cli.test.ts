/**
 * `npm run privacy` on the shared demo, as a user runs it (a child process against the run's Neo4j),
 * checked against the same counts made by Cypher's own grouping: residents, equivalence classes, the
 * smallest class, the unique residents and those below k, at the finest levels and at building → area
 * with skills → any. Reads only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { neo4jUri, testDatabase } from '../../helpers/api.ts';
import { runCli } from '../../helpers/cli.ts';
import { SHARED_DEMO } from '../../helpers/demo.ts';

let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await db.close();
});

const privacy = (...args: string[]) => runCli('src/cli/privacy.ts', args, { NEO4J_URI: neo4jUri() });

/** The figures by Cypher's grouping over the given key expression (of r). */
async function grouped(key: string, k: number) {
  const session = db.driver.session();
  try {
    const result = await session.run(
      `MATCH (r:Resident) WHERE r.communityId = $c WITH ${key} AS key, count(*) AS n
       RETURN sum(n) AS residents, count(*) AS classes, min(n) AS smallest, sum(CASE WHEN n = 1 THEN 1 ELSE 0 END) AS unique,
         sum(CASE WHEN n < $k THEN n ELSE 0 END) AS belowK`,
      { c: SHARED_DEMO, k },
    );
    const rec = result.records[0]!;
    return Object.fromEntries(['residents', 'classes', 'smallest', 'unique', 'belowK'].map((f) => [f, Number(rec.get(f))]));
  } finally {
    await session.close();
  }
}

describe('npm run privacy on the shared demo', () => {
  it('reports the finest figures as Cypher counts them, and the greedy walk ends k-anonymous', async () => {
    const run = await privacy('--community', SHARED_DEMO, '--coarsen', 'auto', '--json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    const expected = await grouped('[r.housingArea, r.building, r.partyMember, r.householdRegistered, r.buildingHead, r.cultivationStage, coalesce(r.skills, [])]', 5);
    expect(report.finest).toMatchObject(expected);
    expect(report.finest.unique).toBeGreaterThan(0);
    const last = report.steps[report.steps.length - 1];
    expect(report.reached).toBe(true);
    expect(last.figures.smallest).toBeGreaterThanOrEqual(5);
    expect(last.figures.belowK).toBe(0);
    // Each step raises one attribute by one level.
    for (let i = 1; i < report.steps.length; i += 1) {
      const raised = report.steps[i].raised;
      expect(report.steps[i].levels[raised]).toBe(report.steps[i - 1].levels[raised] + 1);
    }
  }, 120_000);

  it('measures fixed levels as Cypher does, and prints both languages', async () => {
    const run = await privacy('--community', SHARED_DEMO, '--k', '3', '--coarsen', 'building=area,skills=any');
    expect(run.code, run.stderr).toBe(0);
    const coarse = await grouped('[r.housingArea, r.partyMember, r.householdRegistered, r.buildingHead, r.cultivationStage, size(coalesce(r.skills, [])) > 0]', 3);
    expect(run.stdout).toContain(`k-anonymity of ${SHARED_DEMO} / 社区 ${SHARED_DEMO} 的 k-匿名性 (k = 3)`);
    expect(run.stdout).toContain('At the fixed levels / 固定泛化层级:');
    const line = run.stdout.split('\n').find((l) => l.includes('building=area, skills=any'))!;
    expect(line.trim().split(/\s+/).slice(1, 5).map(Number)).toEqual([coarse.classes, coarse.smallest, coarse.unique, coarse.belowK]);
  }, 120_000);

  it('exits 1 with a bilingual reason for a community without residents', async () => {
    const run = await privacy('--community', 'no-such-community-privacy');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Community no-such-community-privacy has no residents (or does not exist) / 社区 no-such-community-privacy 没有居民（或不存在）');
    expect(run.stdout).toBe('');
  }, 120_000);
});
