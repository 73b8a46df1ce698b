/**
 * A local Neo4j of a bench's own, holding the pinned demo (calendar ending 2025-12-31): generated
 * and imported by the import CLI into a data folder under the system's temp folder, kept with
 * `keep` and reused with `reuse` (a second run skips the import). One harness for the benches that
 * need a loaded demo community (cultivation, publicness, load).
 */
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLocalNeo4j } from '../../src/db/local/neo4j-local.ts';
import { writeDemoDataset, type DemoPreset } from '../../src/demo/generate.ts';
import { importDataset } from '../import-cli.ts';

export interface DemoNeo4j {
  uri: string;
  auth: { username: string; password: string };
  dataDir: string;
  communityId: string;
  /** Stops the database; removes its folder unless kept. */
  stop(): Promise<void>;
}

export async function demoNeo4j(options: { bench: string; preset: DemoPreset; port: number; reuse: boolean; keep: boolean }): Promise<DemoNeo4j> {
  const dataDir = path.join(os.tmpdir(), `reweave-bench-${options.bench}-${options.preset}`);
  if (!options.reuse) await rm(dataDir, { recursive: true, force: true });
  const reusing = options.reuse && (await access(dataDir).then(() => true, () => false));
  const neo4j = await startLocalNeo4j({ dataDir, port: options.port, heapMb: 2048, pageCacheMb: 1024, log: (l) => console.log(`[neo4j] ${l}`) });
  const auth = { username: neo4j.username, password: neo4j.password };
  const stop = async () => {
    await neo4j.stop();
    if (!options.keep) await rm(dataDir, { recursive: true, force: true });
    else console.log(`data folder kept: ${dataDir} (rerun with --reuse --keep)`);
  };
  try {
    if (!reusing) {
      const dir = await mkdtemp(path.join(os.tmpdir(), `reweave-bench-${options.bench}-${options.preset}-`));
      try {
        console.log(`generating ${options.preset} (calendar ending 2025-12-31) into ${dir} …`);
        await writeDemoDataset({ preset: options.preset, end: '2025-12-31' }, dir, 'csv');
        await importDataset(dir, neo4j.uri, auth);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { uri: neo4j.uri, auth, dataDir, communityId: `demo-${options.preset}`, stop };
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
