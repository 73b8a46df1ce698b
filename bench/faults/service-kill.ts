/**
 * (c) `kill -9` of the service in the middle of a burst of mutations: clients send createResident
 * as fast as it answers; after a while the service process is killed with SIGKILL, started again
 * over the same database, and every write it had acknowledged is looked for. Writes that had no
 * answer (in flight at the kill) may be present or absent; refused ones must be absent.
 */
import type { Database } from '../../src/db/database.ts';
import type { BenchNeo4j } from '../harness/demo-neo4j.ts';
import { startService } from '../harness/service.ts';
import { send, startClients, WRITE } from './clients.ts';
import { checkWrites } from './read-back.ts';
import { table, windowRow, WINDOW_HEAD, type Property } from './report.ts';

export interface ServiceKillOptions {
  neo4j: BenchNeo4j;
  db: Database;
  port: number;
  token: string;
  communityId: string;
  clients: number;
  killAfterSeconds: number;
}

export async function serviceKill(o: ServiceKillOptions): Promise<Property[]> {
  let service = await startService({ neo4j: o.neo4j, port: o.port });
  await service.ready();
  const clients = startClients({ url: service.url, token: o.token, communityId: o.communityId, clients: o.clients, pauseMs: 0, idPrefix: 'fault-c', writesOnly: true });
  const started = performance.now();
  await new Promise((r) => setTimeout(r, o.killAfterSeconds * 1000));
  const killedAt = performance.now();
  console.log(`(c) SIGKILL of the service (pid ${service.child.pid}) at ${((killedAt - started) / 1000).toFixed(1)} s`);
  service.child.kill('SIGKILL');
  await clients.stop();
  await service.stop();

  const restartBegan = performance.now();
  service = await startService({ neo4j: o.neo4j, port: o.port });
  let answerAgain = NaN;
  let after = null;
  try {
    await service.ready();
    answerAgain = (performance.now() - restartBegan) / 1000;
    after = await send(service.url, o.token, 'write', { query: WRITE, variables: { input: { id: 'fault-c-after', communityId: o.communityId, displayName: '故障后居民' } } }, 'fault-c-after');
  } finally {
    await service.stop();
  }
  const writes = clients.outcomes;
  const check = await checkWrites(o.db, o.communityId, [...writes, ...(after ? [after] : [])]);

  console.log(`\n(c) kill -9 of the service mid-burst — ${o.clients} clients sending createResident back to back, killed after ${o.killAfterSeconds} s`);
  console.log(table(WINDOW_HEAD, [windowRow('burst until the kill', writes.filter((w) => w.doneAt < killedAt)), windowRow('in flight at the kill', writes.filter((w) => w.doneAt >= killedAt))]));
  console.log('\n' + table(['writes', 'count', 'read back after the restart'], [
    ['acknowledged', check.acknowledged, `${check.acknowledgedPresent} present, ${check.acknowledgedAudited} in the audit log as OK`],
    ['refused (an error answered)', check.refused, `${check.refusedAbsent} absent`],
    ['no answer (in flight at the kill)', check.unanswered, `${check.unansweredPresent} present, ${check.unanswered - check.unansweredPresent} absent (either is allowed)`],
    ['duplicated ids', check.duplicates, '0 expected'],
  ]));
  console.log(`  restarted service healthy after ${answerAgain.toFixed(1)} s; a write after it: ${after?.ok ? 'ok' : `failed (${after?.codes.join(', ')})`}`);
  if (check.lost.length) console.log(`  lost: ${check.lost.slice(0, 10).join(', ')}`);
  return [
    {
      scenario: 'c', name: 'every acknowledged write is present after kill -9 and restart',
      pass: check.acknowledged > 0 && check.lost.length === 0 && check.phantoms.length === 0 && check.duplicates === 0,
      detail: `${check.acknowledgedPresent}/${check.acknowledged} acknowledged present; refused but written ${check.phantoms.length}; ${check.unanswered} in flight (${check.unansweredPresent} of them written)`,
    },
    {
      scenario: 'c', name: 'every acknowledged write is in the audit log',
      pass: check.acknowledgedAudited === check.acknowledged,
      detail: `${check.acknowledgedAudited}/${check.acknowledged}`,
    },
    {
      scenario: 'c', name: 'the restarted service serves writes',
      pass: after?.ok === true,
      detail: `healthy ${answerAgain.toFixed(1)} s after the start; the first write ${after?.ok ? 'acknowledged' : 'failed'}`,
    },
  ];
}
