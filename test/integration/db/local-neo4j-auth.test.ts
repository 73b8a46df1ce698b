/**
 * The local Neo4j admits only the holder of the data dir's password: every user of the machine can
 * reach 127.0.0.1, and the store holds residents' identifying details.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import neo4j from 'neo4j-driver';
import type { AuthToken } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';

import { passwordFile } from '../../../src/db/local/credentials.ts';
import { startLocalNeo4j } from '../../../src/db/local/neo4j-local.ts';
import type { LocalNeo4j } from '../../../src/db/local/neo4j-local.ts';
import { LIB_DIR, REPO_ROOT } from '../../../src/db/local/paths.ts';
import { cleanup, startThrowawayNeo4j } from '../../helpers/throwaway-neo4j.ts';

async function countSmoke(uri: string, auth: AuthToken | undefined, marker: string): Promise<number> {
  const driver = neo4j.driver(uri, auth);
  const session = driver.session();
  try {
    const res = await session.run('MATCH (n:ReweaveSmoke {marker: $marker}) RETURN count(n) AS c', { marker });
    return neo4j.integer.toNumber(res.records[0]?.get('c'));
  } finally {
    await session.close();
    await driver.close();
  }
}

/** The Neo4j error code a session with these credentials (none: undefined) gets, or 'accepted'. */
async function outcome(uri: string, auth: AuthToken | undefined): Promise<string> {
  try {
    await countSmoke(uri, auth, 'none');
    return 'accepted';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

const modeOf = async (p: string) => (await stat(p)).mode & 0o777;

describe('local Neo4j authentication', () => {
  const dirs: string[] = [];
  const started: LocalNeo4j[] = [];
  afterAll(async () => {
    await Promise.all(started.map((db) => db.stop()));
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    await cleanup();
  }, 120_000);

  it('refuses sessions without the password kept in the data dir (mode 600) and serves the holder', async () => {
    const db = await startThrowawayNeo4j({ heapMb: 512, pageCacheMb: 64 });
    const file = passwordFile(db.dataDir);
    expect((await readFile(file, 'utf8')).trim()).toBe(db.password);
    expect(db.password.length).toBeGreaterThanOrEqual(24);
    expect(await modeOf(file)).toBe(0o600);
    expect(await modeOf(db.dataDir)).toBe(0o700);
    // Command lines are readable by every local user: the password must not be on one.
    expect(await readFile(`/proc/${db.pid}/cmdline`, 'utf8')).not.toContain(db.password);

    // The right password first: two failures in a row are fine, a third would lock the user briefly.
    expect(await outcome(db.uri, neo4j.auth.basic(db.username, db.password))).toBe('accepted');
    expect(await outcome(db.uri, neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await outcome(db.uri, undefined)).toBe('Neo.ClientError.Security.Unauthorized');
  }, 300_000);

  it('gives a data dir made without a password one before Bolt opens, keeping its data', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'reweave-preauth-'));
    dirs.push(root);
    const dataDir = path.join(root, 'neo4j');
    const marker = `preauth-${Date.now()}`;
    const fixture = path.join(REPO_ROOT, 'test', 'fixtures', 'neo4j', 'PreAuthStore.java');
    // The jars are there: the global test instance was started from them.
    await promisify(execFile)('java', ['-cp', path.join(LIB_DIR, '*'), fixture, dataDir, marker], { timeout: 180_000 });

    const db = await startLocalNeo4j({ dataDir, heapMb: 512, pageCacheMb: 64, txLogMb: 64, log: () => {} });
    started.push(db);
    expect(await countSmoke(db.uri, neo4j.auth.basic(db.username, db.password), marker)).toBe(1);
    expect(await outcome(db.uri, neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
    // Neo4j took the password from auth.ini while the system database started, so the launcher never
    // had to change it after Bolt was open (when, for a moment, the default would have been accepted).
    const launcherOut = await readFile(path.join(dataDir, 'logs', 'reweave-launcher.out'), 'utf8');
    expect(launcherOut).not.toContain('now has the password of the password file');
  }, 400_000);

  it('follows a replaced password file at the next start', async () => {
    const db = await startThrowawayNeo4j({ heapMb: 512, pageCacheMb: 64 });
    const old = db.password;
    await db.stop();
    const replaced = 'a-new-password-of-the-operator';
    await writeFile(passwordFile(db.dataDir), `${replaced}\n`);
    await db.restart();
    expect(db.password).toBe(replaced);
    expect(await outcome(db.uri, neo4j.auth.basic('neo4j', replaced))).toBe('accepted');
    expect(await outcome(db.uri, neo4j.auth.basic('neo4j', old))).toBe('Neo.ClientError.Security.Unauthorized');
  }, 300_000);
});
