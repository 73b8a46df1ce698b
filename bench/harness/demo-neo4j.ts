/**
 * A local Neo4j of a bench's own in a data folder under the system's temp folder, kept with `keep`
 * and reused with `reuse`; `demoNeo4j` fills it with the pinned demo (calendar ending 2025-12-31),
 * generated and imported by the import CLI (a reused folder skips the import). One harness for the
 * benches that need a database (cultivation, publicness, load, faults). `halt` and `resume` stop
 * and start the same database on the same port, for the benches that take it away under load.
 */
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/db/local/neo4j-local.ts';
import { writeDemoDataset, type DemoPreset } from '../../src/demo/generate.ts';
import { importDataset } from '../import-cli.ts';

export interface BenchNeo4j {
  uri: string;
  auth: { username: string; password: string };
  dataDir: string;
  /** The JVM's pid now (it changes with each resume). */
  pid(): number;
  /** Stops the JVM (SIGTERM, SIGKILL after 30 s) and keeps the data folder. */
  halt(): Promise<void>;
  /** Starts the JVM again on the same folder and port; resolves once Bolt answers. */
  resume(): Promise<void>;
  /** Stops the database; removes its folder unless kept. */
  stop(): Promise<void>;
}

export interface DemoNeo4j extends BenchNeo4j {
  communityId: string;
}

const HEAP_MB = 2048;
const PAGE_CACHE_MB = 1024;

export async function benchNeo4j(options: { name: string; port: number; reuse: boolean; keep: boolean }): Promise<BenchNeo4j & { reused: boolean }> {
  const dataDir = path.join(os.tmpdir(), `reweave-bench-${options.name}`);
  if (!options.reuse) await rm(dataDir, { recursive: true, force: true });
  const reused = options.reuse && (await access(dataDir).then(() => true, () => false));
  const start = () => startLocalNeo4j({ dataDir, port: options.port, heapMb: HEAP_MB, pageCacheMb: PAGE_CACHE_MB, log: (l) => console.log(`[neo4j] ${l}`) });
  let neo4j: LocalNeo4j | null = await start();
  const auth = { username: neo4j.username, password: neo4j.password };
  return {
    uri: neo4j.uri,
    auth,
    dataDir,
    reused,
    pid: () => neo4j?.pid ?? NaN,
    halt: async () => {
      await neo4j?.stop();
      neo4j = null;
    },
    resume: async () => {
      neo4j = await start();
    },
    stop: async () => {
      await neo4j?.stop();
      neo4j = null;
      if (!options.keep) await rm(dataDir, { recursive: true, force: true });
      else console.log(`data folder kept: ${dataDir} (rerun with --reuse --keep)`);
    },
  };
}

export async function demoNeo4j(options: { bench: string; preset: DemoPreset; port: number; reuse: boolean; keep: boolean }): Promise<DemoNeo4j> {
  const db = await benchNeo4j({ name: `${options.bench}-${options.preset}`, port: options.port, reuse: options.reuse, keep: options.keep });
  try {
    if (!db.reused) {
      const dir = await mkdtemp(path.join(os.tmpdir(), `reweave-bench-${options.bench}-${options.preset}-`));
      try {
        console.log(`generating ${options.preset} (calendar ending 2025-12-31) into ${dir} …`);
        await writeDemoDataset({ preset: options.preset, end: '2025-12-31' }, dir, 'csv');
        await importDataset(dir, db.uri, db.auth);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  } catch (error) {
    await db.stop();
    throw error;
  }
  return { ...db, communityId: `demo-${options.preset}` };
}

/** One GraphQL request, timed from the send to the parsed answer; errors in the answer throw. */
export async function timedQuery(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ seconds: number; data: any }> {
  const began = performance.now();
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  const seconds = (performance.now() - began) / 1000;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { seconds, data: body.data };
}
