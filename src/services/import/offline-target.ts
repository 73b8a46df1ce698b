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
import { count as countOf } from './report.ts';

export type ImportMode = 'auto' | 'online' | 'offline';
export const IMPORT_MODES: readonly ImportMode[] = ['auto', 'online', 'offline'];

/**
 * Not possible: `reason` is why, for `--mode offline`, which fails with it; `online` is what `auto`
 * says as it imports through Cypher instead. They differ: advice to stop the database is true only
 * for someone who wants a bulk load, and a worker who followed it in auto mode stopped the server's
 * database for nothing.
 */
export type OfflineTarget = { possible: true; dataDir: string; overwrite: boolean } | { possible: false; reason: string; online: string };

export async function offlineTarget(config: Config, dataDir: string, log: (line: string) => void): Promise<OfflineTarget> {
  if (config.NEO4J_URI) {
    return {
      possible: false,
      reason: `NEO4J_URI names a server (${config.NEO4J_URI}); offline loads only write reweave's local database / 已设置 NEO4J_URI，离线导入只能写入本地数据库`,
      online: `importing through Cypher into ${config.NEO4J_URI} (NEO4J_URI) / 通过 Cypher 导入 NEO4J_URI 指定的服务器`,
    };
  }
  const status = await localNeo4jStatus(dataDir);
  if (status.pid !== undefined) {
    return {
      possible: false,
      reason: `a Neo4j (pid ${status.pid}) is running on ${dataDir}; a bulk load needs it stopped (npm run db:stop) / 本地数据库正在运行，离线导入需先停止它`,
      online: `importing through the local Neo4j already running (pid ${status.pid}) / 通过正在运行的本地数据库导入`,
    };
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
    return {
      possible: false,
      reason: `the database in ${dataDir} already holds ${countOf(count, 'node')}; offline loads only into an empty database / 数据库已有 ${count} 个节点，离线导入只能写入空数据库`,
      online: `importing through Cypher into the local database, which already holds ${countOf(count, 'node')} / 本地数据库已有 ${count} 个节点，通过 Cypher 导入`,
    };
  }
  return { possible: true, dataDir, overwrite: true };
}
