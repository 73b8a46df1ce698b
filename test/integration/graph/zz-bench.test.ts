import { afterAll, beforeAll, it } from 'vitest';
import { projectNetwork } from '../../../src/graph/project.ts';
import { removeCommunityData, testDatabase, uniqueId } from '../../helpers/api.ts';
import { migrate } from '../../../src/db/migrate.ts';

const db = testDatabase();
const c = uniqueId('bench');
const N = Number(process.env.BENCH_N ?? 20000);
beforeAll(async () => {
  await migrate(db);
  const s = db.driver.session();
  const t0 = Date.now();
  await s.run(`UNWIND range(0, $n - 1) AS i CALL { WITH i CREATE (:Resident {id: $c + '-r' + i, communityId: $c, createdAt: datetime('2020-01-01T00:00:00Z'), displayName: 'r' + i, housingArea: 'a' + (i % 20)}) } IN TRANSACTIONS OF 10000 ROWS`, { n: N, c });
  await s.run(`UNWIND range(0, $n * 3 - 1) AS j CALL { WITH j MATCH (a:Resident {id: $c + '-r' + (j % toInteger($n))}), (b:Resident {id: $c + '-r' + toInteger(rand() * $n)}) CREATE (a)-[:KNOWS {id: $c + '-k' + j, since: datetime('2021-01-01T00:00:00Z')}]->(b) } IN TRANSACTIONS OF 10000 ROWS`, { n: N, c });
  await s.run(`UNWIND range(0, $n / 10 - 1) AS j CREATE (:Activity {id: $c + '-act' + j, communityId: $c, createdAt: datetime('2020-01-01T00:00:00Z'), name: 'a', kind: 'MEETING'})`, { n: N, c });
  await s.run(`UNWIND range(0, $n * 2 - 1) AS j CALL { WITH j MATCH (a:Resident {id: $c + '-r' + (j % toInteger($n))}), (x:Activity {id: $c + '-act' + toInteger(rand() * $n / 10)}) CREATE (a)-[:ATTENDED {id: $c + '-x' + j, at: datetime('2024-01-01T00:00:00Z'), role: 'VOLUNTEER'}]->(x) } IN TRANSACTIONS OF 10000 ROWS`, { n: N, c });
  await s.run(`UNWIND range(0, $n / 50 - 1) AS j CREATE (:Organization {id: $c + '-o' + j, communityId: $c, createdAt: datetime('2020-01-01T00:00:00Z'), name: 'o', type: 'SELF_ORGANIZATION'})`, { n: N, c });
  await s.run(`UNWIND range(0, $n - 1) AS j CALL { WITH j MATCH (a:Resident {id: $c + '-r' + j}), (o:Organization {id: $c + '-o' + toInteger(rand() * $n / 50)}) CREATE (a)-[:MEMBER_OF {id: $c + '-m' + j, since: datetime('2022-01-01T00:00:00Z'), role: 'MEMBER'}]->(o) } IN TRANSACTIONS OF 10000 ROWS`, { n: N, c });
  await s.run(`UNWIND range(0, $n - 1) AS j CALL { WITH j MATCH (a:Resident {id: $c + '-r' + j}), (b:Resident {id: $c + '-r' + toInteger(rand() * $n)}) CREATE (a)-[:EXCHANGED {id: $c + '-e' + j, at: datetime('2024-01-01T00:00:00Z'), hours: 1.5}]->(b) } IN TRANSACTIONS OF 10000 ROWS`, { n: N, c });
  const counts = await s.run('MATCH (a {communityId: $c})-[r]->() RETURN type(r) AS t, count(*) AS n', { c });
  console.log(counts.records.map((r) => `${r.get('t')}=${r.get('n')}`).join(' '));
  await s.close();
  console.log(`seeded ${N} in ${Date.now() - t0} ms`);
}, 600_000);
afterAll(async () => { await removeCommunityData(db, [c]); await db.close(); });

import * as repo from '../../../src/db/repositories/graph.ts';
it('times the queries', async () => {
  const time = { from: null, to: null, asOf: null };
  const noop = () => {};
  for (const [name, run] of [
    ['nodes', () => repo.streamNodes(db, c, 'Resident', time, noop)],
    ['nodes', () => repo.streamNodes(db, c, 'Resident', time, noop)],
    ['rels', () => repo.streamRels(db, c, 'Resident', ['KNOWS', 'MEMBER_OF', 'ATTENDED', 'EXCHANGED'], time, noop)],
    ['rels', () => repo.streamRels(db, c, 'Resident', ['KNOWS', 'MEMBER_OF', 'ATTENDED', 'EXCHANGED'], time, noop)],
    ['acq', () => repo.streamAcquaintances(db, c, time, noop)],
    ['mem', () => repo.streamMemberships(db, c, time, noop)],
    ['att', () => repo.streamAttendances(db, c, time, noop)],
    ['exc', () => repo.streamExchanges(db, c, time, noop)],
    ['work', () => repo.streamProjectWorkers(db, c, time, ['VOLUNTEER'], noop)],
  ] as const) {
    const t = Date.now();
    await run();
    console.log(`Q ${name} ${Date.now() - t} ms`);
  }
}, 600_000);

it('times the projection', async () => {
  for (const network of ['TIES', 'TIES', 'FULL', 'FULL'] as const) {
    const t = Date.now();
    let rows = 0;
    const g = await projectNetwork(db, { communityId: c, network }, (r) => { rows = r; });
    if (network === 'FULL') { const k: Record<string, number> = {}; g.forEachEdge((_, a) => { k[a.kind] = (k[a.kind] ?? 0) + 1; }); console.log(JSON.stringify(k)); }
    console.log(`${network}: ${g.order} nodes, ${g.size} edges, ${rows} rows in ${Date.now() - t} ms; heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
  }
}, 600_000);
