/**
 * Opens the database the configuration names: NEO4J_URI when set, otherwise the local Neo4j in the
 * data folder, started when it is not already running. Whoever started it stops it on close; an
 * instance started earlier by `npm run db:start` is left running.
 */
import path from 'node:path';
import type { Config } from '../config.ts';
import { Database } from './database.ts';
import { defaultDataDir, defaultPort, localNeo4jStatus, startLocalNeo4j } from './local/neo4j-local.ts';

export interface Connection {
  db: Database;
  /** Where reweave keeps its own files (the admin token, the local database). */
  dataRoot: string;
  local: boolean;
  close(): Promise<void>;
}

/** `for: 'cli'` gives the command-line tools' longer transaction timeout (REWEAVE_CLI_TX_TIMEOUT_MS). */
export async function connect(config: Config, log: (line: string) => void, use: { for: 'service' | 'cli' } = { for: 'service' }): Promise<Connection> {
  const dataDir = defaultDataDir(config);
  const dataRoot = path.dirname(dataDir);
  const txTimeoutMs = use.for === 'cli' ? config.REWEAVE_CLI_TX_TIMEOUT_MS : config.REWEAVE_DB_TX_TIMEOUT_MS;
  const options = { username: config.NEO4J_USERNAME, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE, retrySeconds: config.REWEAVE_DB_RETRY_SECONDS, acquireTimeoutMs: config.REWEAVE_DB_ACQUIRE_TIMEOUT_MS, txTimeoutMs };
  if (config.NEO4J_URI) {
    const db = new Database({ uri: config.NEO4J_URI, ...options });
    return { db, dataRoot, local: false, close: () => db.close() };
  }
  const before = await localNeo4jStatus(dataDir);
  if (!before.running) log(`NEO4J_URI is not set: starting the local Neo4j in ${dataDir} / 启动本地 Neo4j`);
  const memory = {
    ...(config.REWEAVE_NEO4J_HEAP_MB ? { heapMb: config.REWEAVE_NEO4J_HEAP_MB } : {}),
    ...(config.REWEAVE_NEO4J_PAGE_CACHE_MB ? { pageCacheMb: config.REWEAVE_NEO4J_PAGE_CACHE_MB } : {}),
  };
  const instance = await startLocalNeo4j({ dataDir, port: defaultPort(config), log, ...memory });
  // The local database's own password (kept in its data dir), not NEO4J_USERNAME/NEO4J_PASSWORD,
  // which describe the server NEO4J_URI names.
  const db = new Database({ uri: instance.uri, ...options, username: instance.username, password: instance.password });
  return {
    db,
    dataRoot,
    local: true,
    close: async () => {
      await db.close();
      // Another pid than before: the one found running was an orphan, replaced by ours.
      if (!before.running || instance.pid !== before.pid) await instance.stop();
    },
  };
}
