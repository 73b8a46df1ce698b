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
import { loadDemo } from '../../src/services/demo/load-demo.ts';
import { SHARED_DEMO_END } from '../helpers/demo.ts';

/**
 * Apply the schema once, before test files start in parallel (each would otherwise race to do it),
 * and for the integration project load the small demo once: several files read it, and two imports
 * of the same rows at the same time collide on their ids.
 */
async function prepareOnce(uri: string, withDemo: boolean): Promise<void> {
  const db = new Database({ uri, username: process.env['NEO4J_USERNAME'] ?? 'neo4j', password: process.env['NEO4J_PASSWORD'] ?? 'neo4j' });
  try {
    await migrate(db);
    if (withDemo) {
      const started = Date.now();
      const summary = await loadDemo(db, 'small', { end: SHARED_DEMO_END });
      if (summary.errorCount > 0 || !summary.written) throw new Error(`the shared demo did not load: ${summary.errorCount} errors`);
      console.error(`[neo4j] shared small demo loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
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
    await prepareOnce(external, project.name === 'integration');
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
  await prepareOnce(db.uri, project.name === 'integration');

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
