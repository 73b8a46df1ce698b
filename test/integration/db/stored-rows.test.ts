/**
 * The stored-row check of migration 002 over rows written directly with Cypher (as rows stored
 * before the write checks were): what the model can mend is mended, the rest is reported and left,
 * and a second run finds nothing more to mend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { checkStoredRows, type StoredProblem } from '../../../src/db/stored-rows.ts';
import { migrationPlan } from '../../../src/db/migrate.ts';
import { removeCommunityData, testDatabase, uniqueId } from '../../helpers/api.ts';

let db: Database;
const c = uniqueId('stored');
const id = (s: string) => `${c}-${s}`;

async function cypher(query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const session = db.driver.session();
  try {
    return (await session.run(query, { c, ...params })).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  db = testDatabase();
  await cypher(`
    CREATE (:Community {id: $c, communityId: $c, name: '存量社区', population: 3000000000, createdAt: datetime('2024-01-01T00:00:00Z')})
    CREATE (r1:Resident {id: $c + '-r1', communityId: $c, displayName: '甲', housingType: '__proto__', createdAt: datetime('2024-01-01T00:00:00Z')})
    CREATE (r2:Resident {id: $c + '-r2', communityId: $c, displayName: '乙', cultivationStage: 'toString', createdAt: datetime('2024-01-01T00:00:00Z')})
    CREATE (r3:Resident {id: $c + '-r3', communityId: $c, displayName: '丙', cultivationStage: 'GOOD_PERSON', createdAt: datetime('2024-06-01T00:00:00Z'), endedAt: datetime('2024-01-01T00:00:00Z')})
    CREATE (o:Organization {id: $c + '-o', communityId: $c, name: '书画社', type: 'hasOwnProperty', orientation: 'SELF_BENEFIT', createdAt: datetime('2024-01-01T00:00:00Z')})
    CREATE (:Resident {id: 'constructor', communityId: $c, displayName: '丁', cultivationStage: 'UNIDENTIFIED', createdAt: datetime('2024-01-01T00:00:00Z')})
    CREATE (r1)-[:MEMBER_OF {id: $c + '-m', role: 'isPrototypeOf', createdAt: datetime('2024-01-01T00:00:00Z')}]->(o)
    CREATE (r1)-[:KNOWS {id: $c + '-k', source: 'constructor', createdAt: datetime('2024-01-01T00:00:00Z')}]->(r2)
    CREATE (r1)-[:EXCHANGED {id: $c + '-x', at: datetime('2024-02-01T00:00:00Z'), hours: 1e308, createdAt: datetime('2024-01-01T00:00:00Z')}]->(r2)
    CREATE (r2)-[:EXCHANGED {id: $c + '-xs', at: datetime('2024-02-01T00:00:00Z'), hours: 1, createdAt: datetime('2024-01-01T00:00:00Z')}]->(r2)
  `);
});
afterAll(async () => {
  await removeCommunityData(db, [c]);
  await db.close();
});

const find = (problems: StoredProblem[], rowId: string, field: string) => problems.find((p) => p.id === rowId && p.field === field);

/** A problem found and left as it is. */
function left(problem: StoredProblem | undefined, value?: unknown): void {
  expect(problem).toBeDefined();
  expect(problem!.mendedTo).toBeUndefined();
  if (value !== undefined) expect(problem!.value).toEqual(value);
}

describe('the stored-row check (migration 002)', () => {
  it('is part of the migration plan, after the schema', () => {
    const plan = migrationPlan();
    expect(plan.map((s) => s.version)).toEqual(plan.map((_, i) => i + 1));
    expect(plan.find((s) => s.name === '002-mend-stored-rows')).toBeDefined();
  });

  it('mends missing and unknown states and unknown optional terms, and reports the rest', async () => {
    const lines: string[] = [];
    const summary = await checkStoredRows(db, { communityIds: [c], log: (l) => lines.push(l) });

    expect(find(summary.problems, id('r1'), 'cultivationStage')).toMatchObject({ value: null, mendedTo: 'UNIDENTIFIED' });
    expect(find(summary.problems, id('r1'), 'housingType')).toMatchObject({ value: '__proto__', mendedTo: null });
    expect(find(summary.problems, id('r2'), 'cultivationStage')).toMatchObject({ value: 'toString', mendedTo: 'UNIDENTIFIED' });
    expect(find(summary.problems, id('o'), 'developmentStage')).toMatchObject({ value: null, mendedTo: 'ACTIVITIES' });
    expect(find(summary.problems, id('k'), 'source')).toMatchObject({ value: 'constructor', mendedTo: null });
    // Left for a person: no value the model could choose.
    left(find(summary.problems, id('o'), 'type'), 'hasOwnProperty');
    left(find(summary.problems, id('m'), 'role'), 'isPrototypeOf');
    left(find(summary.problems, c, 'population'), 3_000_000_000);
    left(find(summary.problems, id('x'), 'hours'), 1e308);
    left(find(summary.problems, id('r3'), 'endedAt'));
    left(find(summary.problems, 'constructor', 'id'), 'constructor');
    left(find(summary.problems, id('xs'), 'to'), id('r2'));
    expect(find(summary.problems, id('xs'), 'to')!.reason).toBe('provider and recipient must be different residents / 服务提供者与接受者不能是同一人');
    expect(lines.some((l) => l.includes(`${id('r2')}.cultivationStage`) && l.includes('toString'))).toBe(true);

    const [stored] = await cypher(`
      MATCH (r1:Resident {id: $c + '-r1'}), (r2:Resident {id: $c + '-r2'}), (o:Organization {id: $c + '-o'}), (k:Community {id: $c})
      MATCH ()-[kn:KNOWS {id: $c + '-k'}]->(), ()-[m:MEMBER_OF {id: $c + '-m'}]->()
      RETURN r1.cultivationStage AS s1, r1.housingType AS h1, r2.cultivationStage AS s2, o.developmentStage AS d, o.type AS t,
        kn.source AS source, m.role AS role, k.population AS population`);
    expect({ ...stored, population: Number(stored!.population) }).toEqual({
      s1: 'UNIDENTIFIED', h1: null, s2: 'UNIDENTIFIED', d: 'ACTIVITIES', t: 'hasOwnProperty', source: null, role: 'isPrototypeOf', population: 3_000_000_000,
    });

    const again = await checkStoredRows(db, { communityIds: [c] });
    expect(again.mended).toBe(0);
    expect(again.problems.every((p) => p.mendedTo === undefined)).toBe(true);
    expect(again.found).toBe(summary.problems.filter((p) => p.mendedTo === undefined).length);
  });
});
