/**
 * The database goes away under a running server: requests get DATABASE_UNAVAILABLE, /health says
 * so, and once the database is back the same server answers normally, with nothing restarted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayNeo4j, type ThrowawayNeo4j } from '../../helpers/throwaway-neo4j.ts';
import { codeOf, post, startTestApi, testDatabase, type TestApi } from '../../helpers/api.ts';
import { migrationPlan } from '../../../src/db/migrate.ts';

let neo4j: ThrowawayNeo4j;
let api: TestApi;
beforeAll(async () => {
  neo4j = await startThrowawayNeo4j({ heapMb: 512, pageCacheMb: 64 });
  api = await startTestApi(testDatabase(neo4j.uri, neo4j));
}, 180_000);
afterAll(async () => {
  await api?.app.close();
  await api?.db.close();
  await neo4j?.cleanup();
});

const health = async () => {
  const res = await fetch(`${api.app.url}/health`);
  return { status: res.status, body: (await res.json()) as { status: string; database: { reachable: boolean; schemaVersion: number | null } } };
};

describe('database outage', () => {
  it('answers DATABASE_UNAVAILABLE while down and recovers by itself', async () => {
    const ok = await api.gql('{ me { role } }');
    expect(ok.data!.me.role).toBe('ADMIN');
    expect((await health()).body).toMatchObject({ status: 'ok', database: { reachable: true, schemaVersion: migrationPlan().at(-1)!.version } });

    await neo4j.stop();
    const down = await post(api.app.url, { query: '{ residents { totalCount } }' }, api.tokens.ADMIN);
    expect(codeOf(down.body)).toBe('DATABASE_UNAVAILABLE');
    expect(down.status).toBe(503);
    const h = await health();
    expect(h.status).toBe(503);
    expect(h.body.database.reachable).toBe(false);

    await neo4j.restart();
    let again = await api.gql('{ residents { totalCount } }');
    for (let i = 0; i < 20 && again.errors; i += 1) {
      await new Promise((r) => setTimeout(r, 500));
      again = await api.gql('{ residents { totalCount } }');
    }
    expect(again.errors).toBeUndefined();
    expect(typeof again.data!.residents.totalCount).toBe('number');
    expect((await health()).body.status).toBe('ok');
  }, 180_000);
});
