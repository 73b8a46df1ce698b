/**
 * Whether an import may take the offline (bulk-importer) path: only into reweave's own local
 * database (no NEO4J_URI), while no Neo4j has it open, and when it holds nothing — absent, or
 * started once but with no node besides the schema marker. Anything else is an incremental import
 * or a remote server, which only the Cypher path handles.
 */
import type { Config } from '../../config.ts';
import { Database } from '../../db/database.ts';
import { localStoreExists } from '../../db/local/bulk-import.ts';
import { localNeo4jStatus, startLocalNeo4j } from '../../db/local/neo4j-local.ts';
import { countDataNodes } from '../../db/repositories/import.ts';

export type ImportMode = 'auto' | 'online' | 'offline';
export const IMPORT_MODES: readonly ImportMode[] = ['auto', 'online', 'offline'];

export type OfflineTarget = { possible: true; dataDir: string; overwrite: boolean } | { possible: false; reason: string };

export async function offlineTarget(config: Config, dataDir: string, log: (line: string) => void): Promise<OfflineTarget> {
  if (config.NEO4J_URI) {
    return { possible: false, reason: `NEO4J_URI names a server (${config.NEO4J_URI}); offline loads only write reweave's local database / 已设置 NEO4J_URI，离线导入只能写入本地数据库` };
  }
  const status = await localNeo4jStatus(dataDir);
  if (status.pid !== undefined) {
    return { possible: false, reason: `a Neo4j (pid ${status.pid}) is running on ${dataDir}; stop it first (npm run db:stop) / 本地数据库正在运行，请先停止` };
  }
  if (!localStoreExists(dataDir)) return { possible: true, dataDir, overwrite: false };
  // The store exists: only a look inside tells an unused database from a loaded one. A free port,
  // so the look never collides with another instance on the configured one.
  const instance = await startLocalNeo4j({ dataDir, log });
  const db = new Database({ uri: instance.uri, username: instance.username, password: instance.password });
  let count: number;
  try {
    count = await db.read((tx) => countDataNodes(tx));
  } finally {
    await db.close();
    await instance.stop();
  }
  if (count > 0) {
    return { possible: false, reason: `the database in ${dataDir} already holds ${count} nodes; offline loads only into an empty database / 数据库非空，离线导入只能写入空数据库` };
  }
  return { possible: true, dataDir, overwrite: true };
}
