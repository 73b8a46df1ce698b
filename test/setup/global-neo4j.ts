/**
 * vitest globalSetup: one throwaway Neo4j for the whole run, unless NEO4J_URI already points at a
 * server. Tests read the URI from process.env.NEO4J_URI or `inject('neo4jUri')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { TestProject } from 'vitest/node';

import { Database } from '../../src/db/database.ts';
import { startLocalNeo4j } from '../../src/db/local/neo4j-local.ts';
import { migrate } from '../../src/db/migrate.ts';

/** Apply the schema once, before test files start in parallel (each would otherwise race to do it). */
async function migrateOnce(uri: string): Promise<void> {
  const db = new Database({ uri, username: process.env['NEO4J_USERNAME'] ?? 'neo4j', password: process.env['NEO4J_PASSWORD'] ?? 'neo4j' });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env['NEO4J_URI'];
  if (external) {
    // Nothing to start; providing the URI keeps inject('neo4jUri') working either way.
    project.provide('neo4jUri', external);
    await migrateOnce(external);
    return undefined;
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reweave-test-neo4j-'));
  const started = Date.now();
  let db;
  try {
    db = await startLocalNeo4j({
      dataDir,
      heapMb: 1024,
      log: (line) => console.error(`[neo4j] ${line}`),
    });
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  console.error(`[neo4j] test instance at ${db.uri} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const keys = ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'REWEAVE_TEST_NEO4J_DATA'] as const;
  const previous = new Map(keys.map((k) => [k, process.env[k]]));
  process.env['NEO4J_URI'] = db.uri;
  // Test files and the CLIs they start sign in to the test instance like to any NEO4J_URI server.
  process.env['NEO4J_USERNAME'] = db.username;
  process.env['NEO4J_PASSWORD'] = db.password;
  process.env['REWEAVE_TEST_NEO4J_DATA'] = dataDir;
  project.provide('neo4jUri', db.uri);
  await migrateOnce(db.uri);

  const instance = db;
  return async () => {
    await instance.stop();
    await rm(dataDir, { recursive: true, force: true });
    for (const [k, v] of previous) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
