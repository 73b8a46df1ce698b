/**
 * `npm start` stopped the way supervisors, containers and scripts stop it: a signal to the one pid they
 * started, npm's, never to the process group. The service and the local Neo4j it started must go
 * with it, and the Neo4j also when the service itself dies without a word (SIGKILL).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { localNeo4jStatus } from '../../src/db/local/neo4j-local.ts';
import { findFreePort } from '../../src/db/local/proc.ts';
import { REPO_ROOT } from '../../src/db/local/paths.ts';
import { cmdlineOf, descendantsOf, msUntilGone, waitForPid } from '../helpers/processes.ts';

let dataRoot = '';
const leftovers: number[] = [];

beforeAll(async () => {
  dataRoot = await mkdtemp(path.join(os.tmpdir(), 'reweave-start-signals-'));
});

afterAll(async () => {
  for (const pid of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
  await rm(dataRoot, { recursive: true, force: true });
});

/** `npm start` until it serves: npm's pid, the service's, the local Neo4j's. */
async function npmStart(): Promise<{ npm: number; service: number; neo4j: number; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, REWEAVE_DATA_DIR: dataRoot, REWEAVE_NEO4J_PORT: String(await findFreePort()), PORT: String(await findFreePort()), REWEAVE_DEMO: 'off' };
  delete env.NEO4J_URI;
  const child = spawn('npm', ['start'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const npm = child.pid!;
  leftovers.push(npm);
  await waitForPid('a serving npm start', () => (out.includes('GraphQL at') ? npm : undefined), 180_000);
  const service = descendantsOf(npm).find((p) => cmdlineOf(p).includes('src/main.ts'));
  const neo4j = (await localNeo4jStatus(path.join(dataRoot, 'neo4j'))).pid;
  expect(service).toBeDefined();
  expect(neo4j).toBeDefined();
  leftovers.push(service!, neo4j!);
  return { npm, service: service!, neo4j: neo4j!, output: () => out };
}

describe('npm start, signalled at the pid a supervisor knows', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to npm stops the service and its Neo4j within 10 s`, async () => {
      const run = await npmStart();
      process.kill(run.npm, signal);
      const ms = await msUntilGone([run.npm, run.service, run.neo4j], 30_000);
      console.log(`${signal} to npm: npm, service and Neo4j gone after ${ms} ms`);
      expect(ms).toBeLessThan(10_000);
      expect(run.output()).toContain(`${signal}: stopping`);
    }, 300_000);
  }

  it('SIGKILL of the service stops its Neo4j within 10 s', async () => {
    const run = await npmStart();
    process.kill(run.service, 'SIGKILL');
    const ms = await msUntilGone([run.service, run.neo4j], 30_000);
    console.log(`SIGKILL of the service: Neo4j gone after ${ms} ms`);
    expect(ms).toBeLessThan(10_000);
  }, 300_000);
});
