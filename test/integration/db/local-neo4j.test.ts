import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';

import { localNeo4jStatus, startLocalNeo4j } from '../../../src/db/local/neo4j-local.ts';
import { isPidAlive } from '../../../src/db/local/proc.ts';
import { cleanup, startThrowawayNeo4j } from '../../helpers/throwaway-neo4j.ts';

async function withSession<T>(uri: string, auth: { username: string; password: string }, fn: (s: neo4j.Session) => Promise<T>): Promise<T> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(auth.username, auth.password));
  const session = driver.session();
  try {
    return await fn(session);
  } finally {
    await session.close();
    await driver.close();
  }
}

describe('local Neo4j (Maven Central jars + embedded launcher)', () => {
  afterAll(() => cleanup(), 60_000);

  it('answers Bolt, and keeps data across a stop/restart on the same port and data dir', async () => {
    const db = await startThrowawayNeo4j();
    expect(db.uri).toBe(`bolt://127.0.0.1:${db.port}`);

    const one = await withSession(db.uri, db, (s) => s.run('RETURN 1 AS one'));
    expect(neo4j.integer.toNumber(one.records[0]?.get('one'))).toBe(1);

    const marker = `restart-${Date.now()}`;
    await withSession(db.uri, db, (s) => s.executeWrite((tx) => tx.run('CREATE (:ReweaveSmoke {marker: $marker})', { marker })));

    // A second start for the same data dir attaches to the running JVM instead of racing it.
    const again = await startLocalNeo4j({ dataDir: db.dataDir, log: () => {} });
    expect(again.pid).toBe(db.pid);

    const { port, dataDir, pid: firstPid } = db;
    await db.stop();
    expect(await localNeo4jStatus(dataDir)).toEqual({ running: false });

    await db.restart();
    expect(db.port).toBe(port);
    expect(db.dataDir).toBe(dataDir);
    expect(db.pid).not.toBe(firstPid);
    expect((await localNeo4jStatus(dataDir)).running).toBe(true);

    const back = await withSession(db.uri, db, (s) =>
      s.run('MATCH (n:ReweaveSmoke {marker: $marker}) RETURN count(n) AS c', { marker }),
    );
    expect(neo4j.integer.toNumber(back.records[0]?.get('c'))).toBe(1);
  }, 300_000);
});

describe('a local Neo4j left behind by a process that has exited', () => {
  afterAll(() => cleanup(), 60_000);

  it('is stopped and replaced by the next start instead of being shared forever', async () => {
    const db = await startThrowawayNeo4j({ heapMb: 512, pageCacheMb: 64 });
    const orphan = db.pid;
    // What a launcher that did not follow its owner leaves: a live JVM recorded for a dead owner.
    const deadOwner = spawnSync(process.execPath, ['-e', '']).pid!;
    const rec = JSON.parse(await readFile(path.join(db.dataDir, 'reweave-neo4j.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(db.dataDir, 'reweave-neo4j.json'), JSON.stringify({ ...rec, ownerPid: deadOwner }));

    const lines: string[] = [];
    const next = await startLocalNeo4j({ dataDir: db.dataDir, heapMb: 512, pageCacheMb: 64, log: (l) => lines.push(l) });
    try {
      expect(next.pid).not.toBe(orphan);
      expect(isPidAlive(orphan)).toBe(false);
      expect(lines.join('\n')).toContain(`left running by process ${deadOwner}`);
      const one = await withSession(next.uri, next, (s) => s.run('RETURN 1 AS one'));
      expect(neo4j.integer.toNumber(one.records[0]?.get('one'))).toBe(1);
    } finally {
      await next.stop();
    }
  }, 300_000);
});
