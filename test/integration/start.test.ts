/**
 * `npm start` as a user runs it: with no NEO4J_URI it starts its own Neo4j in the data folder, serves
 * /graphql and /health, loads the demo into the empty database, prints the first admin token once, stops its Neo4j on Ctrl-C, and after a
 * restart the data written through the API is still there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, isPidAlive } from '../../src/db/local/proc.ts';
import { localNeo4jStatus } from '../../src/db/local/neo4j-local.ts';
import { migrationPlan } from '../../src/db/migrate.ts';
import { post } from '../helpers/api.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
let dataRoot = '';
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
});

async function start(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string; url: string; ms: number }> {
  const began = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /GraphQL at (http:\/\/\S+)\/graphql/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited with ${code}:\n${out}`));
    });
  });
  return { child, output: () => out, url, ms: Date.now() - began };
}

async function waitForOutput(output: () => string, text: string, timeoutMs: number): Promise<void> {
  const began = Date.now();
  while (!output().includes(text)) {
    if (Date.now() - began > timeoutMs) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

describe('npm start', () => {
  it('serves, stops its own Neo4j on exit, and keeps the data across a restart', async () => {
    dataRoot = await mkdtemp(path.join(os.tmpdir(), 'reweave-start-'));
    const env: NodeJS.ProcessEnv = { ...process.env, REWEAVE_DATA_DIR: dataRoot, REWEAVE_NEO4J_PORT: String(await findFreePort()), PORT: String(await findFreePort()) };
    delete env.NEO4J_URI;

    const first = await start(env);
    expect(first.ms).toBeLessThan(60_000);
    const token = (await readFile(path.join(dataRoot, 'admin-token'), 'utf8')).trim();
    expect(first.output()).toContain(token);
    // An empty database gets the synthetic `small` demo community, once, loaded while serving.
    await waitForOutput(first.output, 'Loaded the synthetic demo community "small"', 150_000);
    const demo = await post<{ residents: { totalCount: number } }>(first.url, { query: '{ residents(first: 1) { totalCount } }' }, token);
    expect(demo.body.data!.residents.totalCount).toBeGreaterThan(1900);
    const health = await fetch(`${first.url}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { reachable: true, schemaVersion: migrationPlan().at(-1)!.version } });
    const made = await post(first.url, { query: 'mutation { createCommunity(input: {id: "persist-c", name: "坚持社区"}) { id } }' }, token);
    expect(made.body.errors).toBeUndefined();

    const neo4jPid = (await localNeo4jStatus(path.join(dataRoot, 'neo4j'))).pid!;
    expect(await stop(first.child)).toBe(0);
    expect(isPidAlive(neo4jPid)).toBe(false);

    const second = await start(env);
    expect(second.output()).not.toContain(token);
    expect(second.output()).not.toContain('Loaded the synthetic demo community');
    const read = await post<{ community: { name: string } }>(second.url, { query: '{ community(id: "persist-c") { name } }' }, token);
    expect(read.body.data!.community.name).toBe('坚持社区');
    expect(await stop(second.child)).toBe(0);
  }, 300_000);
});
