import { readFileSync } from 'node:fs';
import net from 'node:net';

import neo4j from 'neo4j-driver';

import type { LocalCredentials } from './credentials.ts';
import { LAUNCHER_MAIN_CLASS } from './paths.ts';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A detached JVM whose starter has exited is re-parented to pid 1, which in many containers never
 * reaps children: after exiting it lingers as a zombie that kill(pid, 0) still reports as alive.
 */
function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/**
 * Guards against pid reuse (e.g. after a reboot) before we signal a recorded pid: on Linux the
 * command line must name the Java main class we started. Elsewhere there is no cheap check, so we
 * trust the record.
 */
export function runsMainClass(pid: number, mainClass: string): boolean {
  if (!isPidAlive(pid)) return false;
  if (process.platform !== 'linux') return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(mainClass);
  } catch {
    return false;
  }
}

export const isLauncherProcess = (pid: number): boolean => runsMainClass(pid, LAUNCHER_MAIN_CLASS);

/** True when nothing listens on 127.0.0.1:port (checked by binding it briefly). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/**
 * Lets the OS pick a free loopback port. There is a small window before Neo4j binds it; the
 * launcher then fails fast with "address in use" and the caller sees that in the error.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error('could not allocate a free port'))));
    });
  });
}

/** Bolt refused the credentials: waiting will not help, unlike a database that is still starting. */
export class BoltAuthRefused extends Error {}

/** One Bolt handshake + authentication round trip, with the credentials the app will use. */
export async function boltAnswers(uri: string, auth: LocalCredentials, timeoutMs = 3_000): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(auth.username, auth.password), {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    maxConnectionPoolSize: 1,
    // Keep refused connections during start-up out of the console.
    logging: { level: 'error', logger: () => {} },
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('Neo.ClientError.Security.')) throw new BoltAuthRefused(`${uri} refused user ${auth.username}: ${(err as Error).message}`);
    return false;
  } finally {
    await driver.close().catch(() => {});
  }
}

/** Polls until the pid is gone; true if it exited within the timeout. */
export async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isPidAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
  return true;
}

export const STOP_GRACE_MS = 30_000;

/**
 * SIGTERM (the launcher's shutdown hook checkpoints and closes the store), then SIGKILL if it is
 * still alive after the grace period. Works for children and for detached instances we only know
 * by pid.
 */
export async function terminatePid(pid: number, graceMs = STOP_GRACE_MS): Promise<void> {
  if (!isPidAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  if (await waitForPidExit(pid, graceMs)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  await waitForPidExit(pid, 5_000);
}
