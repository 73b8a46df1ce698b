import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Resolved from this file rather than process.cwd() so `npm run db:start`, vitest and scripts
// all agree on where the launcher lives, whatever directory they were started from.
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const NEO4J_PROJECT_DIR = path.join(REPO_ROOT, 'neo4j');
export const POM_PATH = path.join(NEO4J_PROJECT_DIR, 'pom.xml');
export const LAUNCHER_SOURCE = path.join(NEO4J_PROJECT_DIR, 'src', 'main', 'java', 'reweave', 'LocalNeo4j.java');
export const TARGET_DIR = path.join(NEO4J_PROJECT_DIR, 'target');
export const LIB_DIR = path.join(TARGET_DIR, 'lib');
export const CLASSES_DIR = path.join(TARGET_DIR, 'classes');
export const LAUNCHER_CLASS_FILE = path.join(CLASSES_DIR, 'reweave', 'LocalNeo4j.class');
export const BUILD_STAMP = path.join(TARGET_DIR, 'reweave-build.stamp');
export const LAUNCHER_MAIN_CLASS = 'reweave.LocalNeo4j';

/** File (inside the data dir) recording the instance that owns it. */
export const RECORD_FILE_NAME = 'reweave-neo4j.json';
/** Launcher stdout/stderr; kept with Neo4j's own logs so everything stays inside the data dir. */
export const LAUNCHER_OUTPUT_RELATIVE = path.join('logs', 'reweave-launcher.out');

export const DEFAULT_BOLT_PORT = 7687;

/** `<repo>/.reweave/neo4j`, or `$REWEAVE_DATA_DIR/neo4j` when that is set. */
export function defaultDataDir(): string {
  const base = process.env['REWEAVE_DATA_DIR'];
  return base ? path.resolve(base, 'neo4j') : path.join(REPO_ROOT, '.reweave', 'neo4j');
}

/** Port of the persistent instance: 7687 unless `REWEAVE_NEO4J_PORT` says otherwise. */
export function defaultPort(): number {
  const raw = process.env['REWEAVE_NEO4J_PORT'];
  if (raw === undefined || raw.trim() === '') return DEFAULT_BOLT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`REWEAVE_NEO4J_PORT must be a TCP port (1-65535), got "${raw}"`);
  }
  return port;
}
