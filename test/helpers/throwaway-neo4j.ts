import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { startLocalNeo4j } from '../../src/db/local/neo4j-local.ts';
import type { LocalNeo4j } from '../../src/db/local/neo4j-local.ts';

export interface ThrowawayNeo4j extends LocalNeo4j {
  /**
   * Starts the database again on the same port and data dir (stopping it first if it is still
   * running), so a test can take Neo4j away from a running server and bring it back.
   */
  restart(): Promise<void>;
  /** Stops the instance and deletes its data dir. */
  cleanup(): Promise<void>;
}

export interface ThrowawayOptions {
  heapMb?: number;
  pageCacheMb?: number;
  log?: (line: string) => void;
}

const live = new Set<ThrowawayNeo4j>();

/** A fresh Neo4j in its own temp dir on a free port; call cleanup() (or the module's) when done. */
export async function startThrowawayNeo4j(opts: ThrowawayOptions = {}): Promise<ThrowawayNeo4j> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reweave-neo4j-'));
  const startOpts = {
    dataDir,
    heapMb: opts.heapMb ?? 768,
    pageCacheMb: opts.pageCacheMb ?? 128,
    txLogMb: 64,
    log: opts.log ?? ((line: string) => console.error(`[throwaway-neo4j] ${line}`)),
  };
  let current: LocalNeo4j;
  try {
    current = await startLocalNeo4j(startOpts);
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  const port = current.port;
  let running = true;

  const handle: ThrowawayNeo4j = {
    get uri() {
      return current.uri;
    },
    get port() {
      return current.port;
    },
    get pid() {
      return current.pid;
    },
    get username() {
      return current.username;
    },
    get password() {
      return current.password;
    },
    dataDir,
    async stop() {
      running = false;
      await current.stop();
    },
    async restart() {
      if (running) await current.stop();
      current = await startLocalNeo4j({ ...startOpts, port });
      running = true;
    },
    async cleanup() {
      live.delete(handle);
      await current.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  live.add(handle);
  return handle;
}

/** Stops and deletes every throwaway instance this process started. */
export async function cleanup(): Promise<void> {
  await Promise.all([...live].map((db) => db.cleanup()));
}
