import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../config.ts';

// Resolved from this file rather than process.cwd() so `npm run db:start`, vitest and scripts
// all agree on where the launcher lives, whatever directory they were started from.
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const NEO4J_PROJECT_DIR = path.join(REPO_ROOT, 'neo4j');
export const POM_PATH = path.join(NEO4J_PROJECT_DIR, 'pom.xml');
/** The launcher's Java sources (reweave.LocalNeo4j and reweave.WithParent). */
export const JAVA_SOURCE_DIR = path.join(NEO4J_PROJECT_DIR, 'src', 'main', 'java', 'reweave');
export const TARGET_DIR = path.join(NEO4J_PROJECT_DIR, 'target');
export const LIB_DIR = path.join(TARGET_DIR, 'lib');
export const CLASSES_DIR = path.join(TARGET_DIR, 'classes');
export const LAUNCHER_CLASS_FILES = ['LocalNeo4j', 'WithParent'].map((c) => path.join(CLASSES_DIR, 'reweave', `${c}.class`));
export const BUILD_STAMP = path.join(TARGET_DIR, 'reweave-build.stamp');
export const LAUNCHER_MAIN_CLASS = 'reweave.LocalNeo4j';
/** Neo4j's admin tool: the offline bulk importer runs as its `database import full`. */
export const IMPORTER_MAIN_CLASS = 'org.neo4j.cli.AdminTool';
/** Runs another main class and exits when its parent (this Node process) is gone. */
export const WITH_PARENT_MAIN_CLASS = 'reweave.WithParent';

/** The database LocalNeo4j serves (Neo4j's default name). */
export const LOCAL_DATABASE = 'neo4j';

/** File (inside the data dir) recording the instance that owns it. */
export const RECORD_FILE_NAME = 'reweave-neo4j.json';
/**
 * The password of the local database's `neo4j` user (mode 600), generated at its first start with
 * authentication. The launcher reads it from this file, so it never appears on a command line.
 */
export const PASSWORD_FILE_NAME = 'neo4j-password';
/** The user every reweave process signs in as on the local database (Neo4j's initial admin). */
export const LOCAL_USERNAME = 'neo4j';
/** Launcher stdout/stderr; kept with Neo4j's own logs so everything stays inside the data dir. */
export const LAUNCHER_OUTPUT_RELATIVE = path.join('logs', 'reweave-launcher.out');

export { DEFAULT_BOLT_PORT } from '../../config.ts';

// Both take the configuration the caller loaded (src/config.ts checks the environment); loading it
// here is only the fallback for a caller that has none.

/** `<repo>/.reweave/neo4j`, or `$REWEAVE_DATA_DIR/neo4j` when that is set. */
export function defaultDataDir(config: Pick<Config, 'REWEAVE_DATA_DIR'> = loadConfig()): string {
  const base = config.REWEAVE_DATA_DIR;
  return base ? path.resolve(base, 'neo4j') : path.join(REPO_ROOT, '.reweave', 'neo4j');
}

/** Port of the persistent instance: 7687 unless `REWEAVE_NEO4J_PORT` says otherwise. */
export function defaultPort(config: Pick<Config, 'REWEAVE_NEO4J_PORT'> = loadConfig()): number {
  return config.REWEAVE_NEO4J_PORT;
}
