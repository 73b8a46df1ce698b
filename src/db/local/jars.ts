import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import {
  BUILD_STAMP,
  JAVA_SOURCE_DIR,
  LAUNCHER_CLASS_FILES,
  LIB_DIR,
  POM_PATH,
  REPO_ROOT,
  TARGET_DIR,
} from './paths.ts';
import { checkPrerequisites, mavenExecutable } from './prerequisites.ts';
import { isPidAlive, sleep, tail } from './proc.ts';

const LOCK_FILE = path.join(TARGET_DIR, 'reweave-build.lock');
const LOCK_WAIT_MS = 20 * 60_000;

let inFlight: Promise<void> | undefined;

/**
 * Makes sure neo4j/target/{classes,lib} match neo4j/pom.xml, running Maven only when they are
 * missing or stale. Afterwards starting Neo4j needs only `java`: no Maven, no network.
 */
export function ensureNeo4jJars(log: (line: string) => void = defaultLog): Promise<void> {
  // Concurrent callers in one process (e.g. several test helpers) share a single build.
  inFlight ??= ensureJars(log).finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

function defaultLog(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * The stamp covers the launcher sources as well as the pom, because a changed launcher needs
 * recompiling just as a changed Neo4j version needs new jars.
 */
async function buildInputsHash(): Promise<string> {
  const h = createHash('sha256');
  h.update(await fs.readFile(POM_PATH));
  for (const name of (await fs.readdir(JAVA_SOURCE_DIR)).filter((f) => f.endsWith('.java')).sort()) {
    h.update(`\0${name}\0`);
    h.update(await fs.readFile(path.join(JAVA_SOURCE_DIR, name)));
  }
  return h.digest('hex');
}

async function isUpToDate(hash: string): Promise<boolean> {
  try {
    const [stamp, libs] = await Promise.all([fs.readFile(BUILD_STAMP, 'utf8'), fs.readdir(LIB_DIR)]);
    await Promise.all(LAUNCHER_CLASS_FILES.map((f) => fs.access(f)));
    return stamp.trim() === hash && libs.some((f) => f.endsWith('.jar'));
  } catch {
    return false;
  }
}

async function ensureJars(log: (line: string) => void): Promise<void> {
  const hash = await buildInputsHash();
  if (await isUpToDate(hash)) return;

  const release = await acquireBuildLock(log);
  try {
    // Another process may have finished the same build while we waited for the lock.
    if (await isUpToDate(hash)) return;
    await checkPrerequisites({ maven: true });

    const firstRun = !(await exists(LIB_DIR));
    log(
      firstRun
        ? 'Fetching Neo4j 5.26 jars through Maven (first run only)…'
        : 'Rebuilding the local Neo4j launcher (neo4j/pom.xml or the launcher sources changed)…',
    );
    // copy-dependencies never deletes, so a version bump would otherwise leave two Neo4j
    // versions side by side on the launcher's classpath.
    await fs.rm(LIB_DIR, { recursive: true, force: true });
    await fs.rm(BUILD_STAMP, { force: true });

    const started = Date.now();
    await runMaven(['-q', '-B', '-f', POM_PATH, 'package', '-DskipTests']);
    await fs.writeFile(BUILD_STAMP, `${hash}\n`);
    log(`Neo4j jars ready in ${((Date.now() - started) / 1000).toFixed(1)} s (neo4j/target/lib).`);
  } finally {
    await release();
  }
}

function runMaven(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(mavenExecutable(), args, {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      // Only the end matters for the error message; keep memory bounded on chatty failures.
      output = (output + chunk.toString('utf8')).slice(-64_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (err) => reject(new Error(`could not run Maven (${mavenExecutable()}): ${err.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve();
        return;
      }
      reject(
        new Error(
          `Maven failed to build neo4j/pom.xml (exit ${code ?? signal}). It needs https://repo.maven.apache.org ` +
            `(or the mirror in ~/.m2/settings.xml) on the first run; or set NEO4J_URI to use an existing ` +
            `Neo4j 5 server.\n${tail(output, 40)}`,
        ),
      );
    });
  });
}

/** A pid-stamped lock file, so a `db:start` and a test run on a fresh checkout don't both build. */
async function acquireBuildLock(log: (line: string) => void): Promise<() => Promise<void>> {
  await fs.mkdir(TARGET_DIR, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  let announced = false;
  for (;;) {
    try {
      await fs.writeFile(LOCK_FILE, String(process.pid), { flag: 'wx' });
      return () => fs.rm(LOCK_FILE, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number((await fs.readFile(LOCK_FILE, 'utf8').catch(() => '')).trim());
    if (!Number.isInteger(owner) || owner <= 0 || !isPidAlive(owner)) {
      await fs.rm(LOCK_FILE, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for another Neo4j jar build (pid ${owner}, lock ${LOCK_FILE})`);
    }
    if (!announced) {
      log(`Waiting for another process (pid ${owner}) that is building the Neo4j jars…`);
      announced = true;
    }
    await sleep(500);
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}
