/**
 * `npm run db:start | db:stop | db:status` — manage the persistent local Neo4j that reweave uses
 * when NEO4J_URI is not set. Data lives in defaultDataDir() (`.reweave/neo4j`, or
 * `$REWEAVE_DATA_DIR/neo4j`); the port is 7687 unless REWEAVE_NEO4J_PORT says otherwise.
 */
import path from 'node:path';
import { loadConfig } from '../config.ts';
import {
  defaultDataDir,
  defaultPort,
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../db/local/neo4j-local.ts';

const USAGE = 'usage: tsx src/cli/db.ts start|stop|status';

function shown(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : dir;
}

async function main(argv: string[]): Promise<number> {
  const cmd = argv[0];
  const config = loadConfig();
  const dataDir = defaultDataDir(config);

  switch (cmd) {
    case 'start': {
      if (config.NEO4J_URI) {
        console.error(`Note: NEO4J_URI is set (${config.NEO4J_URI}), so reweave will use that server, not this local one.`);
      }
      const db = await startLocalNeo4j({
        dataDir,
        port: defaultPort(config),
        detached: true,
        log: (line) => console.error(line),
      });
      console.log(`Local Neo4j running at ${db.uri} (pid ${db.pid}, data ${shown(db.dataDir)})`);
      console.log(`Stop it with: npm run db:stop`);
      return 0;
    }
    case 'status': {
      const st = await localNeo4jStatus(dataDir);
      if (st.running) {
        console.log(`running: ${st.uri} (pid ${st.pid}, data ${shown(dataDir)})`);
        return 0;
      }
      if (st.pid !== undefined) {
        console.log(`not ready: process ${st.pid} is alive but ${st.uri} does not answer (still starting, or stuck)`);
      } else {
        console.log(`not running (data ${shown(dataDir)}); start it with: npm run db:start`);
      }
      return 1;
    }
    case 'stop': {
      const stopped = await stopLocalNeo4j(dataDir);
      console.log(stopped ? 'Local Neo4j stopped.' : 'Local Neo4j was not running.');
      return 0;
    }
    case '-h':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      console.error(cmd ? `unknown command "${cmd}"\n${USAGE}` : USAGE);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  // Explicit exit: nothing should linger, and a detached JVM must not tie up this process.
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
