/**
 * Zero-setup local Neo4j Community 5.26 for development and tests: the jars come from Maven
 * Central (see neo4j/pom.xml) and neo4j/src/main/java/reweave/LocalNeo4j.java runs an embedded
 * database with only Bolt on 127.0.0.1, for user `neo4j` with the password kept in the data dir
 * (credentials.ts). Used when NEO4J_URI is not set.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { ensureLocalCredentials, readLocalCredentials } from './credentials.ts';
import type { LocalCredentials } from './credentials.ts';
import { ensureNeo4jJars } from './jars.ts';
import { jvmArgs } from './jvm-args.ts';
import { cleanLeftovers } from './leftovers.ts';
import { LAUNCHER_OUTPUT_RELATIVE, LOCAL_USERNAME } from './paths.ts';
import { checkPrerequisites, javaExecutable } from './prerequisites.ts';
import { BoltAuthRefused, boltAnswers, findFreePort, isLauncherProcess, isPidAlive, isPortFree, sleep, tail, terminatePid } from './proc.ts';
import { readRecord, removeRecord, writeRecord } from './record.ts';
import type { InstanceRecord } from './record.ts';

export type { LocalCredentials } from './credentials.ts';
export { ensureNeo4jJars } from './jars.ts';
export { DEFAULT_BOLT_PORT, defaultDataDir, defaultPort } from './paths.ts';
export { checkPrerequisites, parseJavaMajorVersion, parseMavenVersion } from './prerequisites.ts';

/** The credentials are the data dir's (credentials.ts): what every client of this instance signs in with. */
export interface LocalNeo4j extends LocalCredentials {
  uri: string;
  port: number;
  pid: number;
  dataDir: string;
  /**
   * Stops the JVM (SIGTERM, up to 30 s for a clean shutdown, then SIGKILL). This also applies to
   * a handle obtained by attaching to an instance that was already running for the data dir
   * (e.g. one started by `npm run db:start`): stopping that handle stops that instance.
   */
  stop(): Promise<void>;
}

export interface StartLocalNeo4jOptions {
  dataDir: string;
  /** 0 or undefined: pick a free port. */
  port?: number;
  heapMb?: number;
  pageCacheMb?: number;
  /** Upper bound for retained transaction logs per database. */
  txLogMb?: number;
  /** The JVM outlives this Node process (used by `npm run db:start`). */
  detached?: boolean;
  log?: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface LocalNeo4jStatus {
  running: boolean;
  pid?: number;
  port?: number;
  uri?: string;
}

const defaultLog = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/**
 * Starts (or attaches to) the local Neo4j that owns `dataDir` and resolves once Bolt answers.
 * A data dir can only be opened by one JVM, so if a live instance is recorded for it, a handle to
 * that instance is returned instead of starting a second one (whatever `port` asked for).
 */
export async function startLocalNeo4j(opts: StartLocalNeo4jOptions): Promise<LocalNeo4j> {
  const dataDir = path.resolve(opts.dataDir);
  const log = opts.log ?? defaultLog;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 120_000;
  await fs.mkdir(dataDir, { recursive: true });
  const auth = await ensureLocalCredentials(dataDir);

  const existing = await attachToExisting(dataDir, opts.port, readyTimeoutMs, auth, log);
  if (existing) return existing;

  // Only now: the instance attached to above may be the one that an import is using.
  await cleanLeftovers(dataDir, log);
  // Maven is checked by ensureNeo4jJars only when a build is actually needed.
  await checkPrerequisites({ maven: false });
  await ensureNeo4jJars(log);

  let port = opts.port ?? 0;
  if (port === 0) {
    port = await findFreePort();
  } else if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is already in use by another program (not the reweave Neo4j for ${dataDir}). ` +
        `If it is a Neo4j 5 server you want to use, set NEO4J_URI=bolt://127.0.0.1:${port}; otherwise stop it ` +
        `or choose another port with REWEAVE_NEO4J_PORT.`,
    );
  }
  const uri = `bolt://127.0.0.1:${port}`;

  const outputPath = path.join(dataDir, LAUNCHER_OUTPUT_RELATIVE);
  await fs.mkdir(path.dirname(outputPath), { recursive: true });
  // A file rather than pipes: a detached JVM must not hold pipes to a Node process that exits.
  const out = await fs.open(outputPath, 'w');
  let child: ChildProcess;
  try {
    child = spawn(javaExecutable(), jvmArgs(dataDir, port, opts), {
      cwd: dataDir,
      detached: opts.detached ?? false,
      stdio: [opts.detached ? 'ignore' : 'pipe', out.fd, out.fd],
    });
  } finally {
    await out.close();
  }

  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exit code ${code}`));
    child.once('error', (err) => resolve(`could not start ${javaExecutable()}: ${err.message}`));
  });
  let exitReason: string | undefined;
  void exited.then((r) => {
    exitReason = r;
  });
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`Local Neo4j failed to start: ${await exited}`);
  }

  const record: InstanceRecord = { pid, port, uri, startedAt: new Date().toISOString(), ...(opts.detached ? {} : { ownerPid: process.pid }) };
  await writeRecord(dataDir, record);

  const outputTail = async (): Promise<string> =>
    tail(await fs.readFile(outputPath, 'utf8').catch(() => ''), 30) || '(no output)';

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exitReason !== undefined) {
      await removeRecord(dataDir, pid);
      throw new Error(
        `Local Neo4j exited during start-up (${exitReason}). Last output (${outputPath}, ` +
          `more in ${path.join(dataDir, 'logs', 'debug.log')}):\n${await outputTail()}`,
      );
    }
    try {
      // Bolt may open before the launcher has set the password (when the file was replaced): a
      // probe then would fail, and three failures lock the user for a while. READY comes after it.
      const ready = (await fs.readFile(outputPath, 'utf8').catch(() => '')).includes('READY bolt://');
      if (ready && (await boltAnswers(uri, auth, 2_000))) break;
    } catch (err) {
      if (!(err instanceof BoltAuthRefused)) throw err;
      await terminatePid(pid);
      await removeRecord(dataDir, pid);
      throw new Error(`Local Neo4j started but refused the password in the data dir (${err.message}). Last output:\n${await outputTail()}`);
    }
    if (Date.now() >= deadline) {
      await terminatePid(pid);
      await removeRecord(dataDir, pid);
      throw new Error(
        `Local Neo4j did not answer on ${uri} within ${Math.round(readyTimeoutMs / 1000)} s. ` +
          `Last output:\n${await outputTail()}`,
      );
    }
    await Promise.race([sleep(250), exited]);
  }

  // Neither kind of instance keeps this Node process alive: a detached one is on its own, and a
  // non-detached one exits (cleanly) when its stdin pipe closes because this process ended.
  child.unref();
  const stdin = child.stdin as (NodeJS.WritableStream & { unref?: () => void }) | null;
  stdin?.unref?.();

  return makeHandle(dataDir, record, auth);
}

async function attachToExisting(
  dataDir: string,
  requestedPort: number | undefined,
  readyTimeoutMs: number,
  auth: LocalCredentials,
  log: (line: string) => void,
): Promise<LocalNeo4j | undefined> {
  const rec = await readRecord(dataDir);
  if (!rec) return undefined;
  if (!isLauncherProcess(rec.pid)) {
    await removeRecord(dataDir, rec.pid);
    return undefined;
  }
  // Its owner died without stopping it and it did not follow (a launcher that does not watch its
  // parent, or one stuck in shutdown): nobody would ever stop it, so it is not one to share.
  if (rec.ownerPid !== undefined && !isPidAlive(rec.ownerPid)) {
    log(`Stopping the local Neo4j (pid ${rec.pid}) left running by process ${rec.ownerPid}, which has exited / 停止遗留的本地 Neo4j`);
    await terminatePid(rec.pid);
    await removeRecord(dataDir, rec.pid);
    return undefined;
  }
  // Alive but maybe still starting (launched a moment ago by another process): give it time.
  const deadline = Date.now() + readyTimeoutMs;
  while (!(await boltAnswers(rec.uri, auth, 2_000))) {
    if (!isLauncherProcess(rec.pid)) {
      await removeRecord(dataDir, rec.pid);
      return undefined;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `A local Neo4j (pid ${rec.pid}) already owns ${dataDir} but ${rec.uri} does not answer. ` +
          `Stop it (npm run db:stop, or kill ${rec.pid}) and try again.`,
      );
    }
    await sleep(500);
  }
  if (requestedPort && requestedPort !== rec.port) {
    log(`Note: ${dataDir} is already served on port ${rec.port} (asked for ${requestedPort}); using that.`);
  }
  log(`Using the local Neo4j already running at ${rec.uri} (pid ${rec.pid}).`);
  return makeHandle(dataDir, rec, auth);
}

function makeHandle(dataDir: string, rec: InstanceRecord, auth: LocalCredentials): LocalNeo4j {
  let stopping: Promise<void> | undefined;
  return {
    ...auth,
    uri: rec.uri,
    port: rec.port,
    pid: rec.pid,
    dataDir,
    stop() {
      stopping ??= (async () => {
        if (isLauncherProcess(rec.pid)) await terminatePid(rec.pid);
        await removeRecord(dataDir, rec.pid);
      })();
      return stopping;
    },
  };
}

/** Whether the instance recorded for `dataDir` is alive and answering on Bolt. */
export async function localNeo4jStatus(dataDir: string): Promise<LocalNeo4jStatus> {
  const dir = path.resolve(dataDir);
  const rec = await readRecord(dir);
  if (!rec || !isLauncherProcess(rec.pid)) return { running: false };
  // A launcher from before passwords has no password file, and ignores what it is sent.
  const auth = await readLocalCredentials(dir).catch(() => ({ username: LOCAL_USERNAME, password: '' }));
  // pid/port/uri are reported even while Bolt is not up yet, so callers can say "starting".
  const running = await boltAnswers(rec.uri, auth, 2_000).catch((err: unknown) => {
    if (err instanceof BoltAuthRefused) return false;
    throw err;
  });
  return { running, pid: rec.pid, port: rec.port, uri: rec.uri };
}

/** Stops the instance recorded for `dataDir`; false if none was running. */
export async function stopLocalNeo4j(dataDir: string): Promise<boolean> {
  const dir = path.resolve(dataDir);
  const rec = await readRecord(dir);
  if (!rec) return false;
  const alive = isLauncherProcess(rec.pid);
  if (alive) await terminatePid(rec.pid);
  await removeRecord(dir, rec.pid);
  return alive;
}
