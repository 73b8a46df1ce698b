/**
 * bench/faults: what the service and the import do when something dies under them, each scenario
 * printed as a table and every property as a PASS/FAIL line at the end:
 *   (a) the database frozen (SIGSTOP), stopped and killed under load, each time started again
 *       (database-outage.ts);
 *   (b) `kill -9` of the import CLI mid-import, then the same import again (import-kill.ts);
 *   (c) `kill -9` of the service mid-mutation burst, then a restart (service-kill.ts).
 *
 *   npm run bench:faults -- [--only a,b,c] [--preset beizhan|small] [--clients 8] [--pause 10] [--outage 10]
 *                           [--settle 8] [--kill-at 0.5] [--burst 8] [--reuse] [--keep]
 *
 * (a) and (c) share one empty local Neo4j of the bench's own (bench/harness/demo-neo4j.ts) and the
 * service as a child process (bench/harness/service.ts); (b) uses two more, one after the other.
 * Exits 1 when a property fails.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Database } from '../../src/db/database.ts';
import type { DemoPreset } from '../../src/demo/generate.ts';
import { ALL_COMMUNITIES } from '../../src/domain/permissions.ts';
import { createToken } from '../../src/services/auth/tokens.ts';
import { benchNeo4j, timedQuery } from '../harness/demo-neo4j.ts';
import { startService } from '../harness/service.ts';
import { databaseOutage } from './database-outage.ts';
import { importKill } from './import-kill.ts';
import { verdicts, type Property } from './report.ts';
import { serviceKill } from './service-kill.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'a,b,c' },
    preset: { type: 'string', default: 'beizhan' },
    clients: { type: 'string', default: '8' },
    pause: { type: 'string', default: '10' },
    outage: { type: 'string', default: '10' },
    settle: { type: 'string', default: '8' },
    'kill-at': { type: 'string', default: '0.5' },
    burst: { type: 'string', default: '8' },
    port: { type: 'string', default: '7711' },
    'bolt-port': { type: 'string', default: '7712' },
    reuse: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const only = new Set(values.only.split(','));
const stamp = Date.now().toString(36);

async function serviceScenarios(properties: Property[]): Promise<void> {
  const neo4j = await benchNeo4j({ name: 'faults', port: Number(values['bolt-port']), reuse: values.reuse, keep: values.keep });
  const db = new Database({ uri: neo4j.uri, username: neo4j.auth.username, password: neo4j.auth.password, retrySeconds: 30 });
  try {
    // Creating a community takes an ADMIN of every community; the same token writes and reads.
    const admin = (await createToken(db, { role: 'ADMIN', communities: [ALL_COMMUNITIES], name: 'bench faults' })).token;
    const communities = { a: `fault-a-${stamp}`, c: `fault-c-${stamp}` };
    if (only.has('a')) {
      const service = await startService({ neo4j, port: Number(values.port) });
      try {
        await service.ready();
        await timedQuery(service.url, admin, 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }', { input: { id: communities.a, name: '故障社区 faults (a)' } });
        properties.push(...(await databaseOutage({
          neo4j, db, url: service.url, token: admin, communityId: communities.a,
          clients: Number(values.clients), pauseSeconds: Number(values.pause), outageSeconds: Number(values.outage), settleSeconds: Number(values.settle),
        })));
      } finally {
        await service.stop();
      }
    }
    if (only.has('c')) {
      const setup = await startService({ neo4j, port: Number(values.port) });
      try {
        await setup.ready();
        await timedQuery(setup.url, admin, 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }', { input: { id: communities.c, name: '故障社区 faults (c)' } });
      } finally {
        await setup.stop();
      }
      properties.push(...(await serviceKill({ neo4j, db, port: Number(values.port), token: admin, communityId: communities.c, clients: Number(values.clients), killAfterSeconds: Number(values.burst) })));
    }
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

async function main(): Promise<void> {
  const properties: Property[] = [];
  console.log(`bench/faults — ${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (only.has('a') || only.has('c')) await serviceScenarios(properties);
  if (only.has('b')) properties.push(...(await importKill({ preset: values.preset as DemoPreset, port: Number(values['bolt-port']), killAt: Number(values['kill-at']) })));
  console.log(`\n${verdicts(properties)}`);
  if (properties.some((p) => !p.pass)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
