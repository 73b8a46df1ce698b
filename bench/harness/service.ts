/**
 * The service as users run it — `src/main.ts --no-demo` in a process of its own, NODE_ENV=production,
 * audit log on — over a bench's database, with the per-token rate limit off (it would answer a load
 * generator with 429). For the benches that drive it from outside (load, faults). Flags in
 * REWEAVE_BENCH_NODE_FLAGS go to its node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p` to profile the service
 * under load; node refuses --cpu-prof in NODE_OPTIONS).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '../..');

export interface BenchService {
  url: string;
  child: ChildProcess;
  /** Resolves once /health answers 200 (the database reachable and migrated); fails if the process exits. */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGTERM and wait for the exit (or only the wait, if it is gone already). */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  neo4j: { uri: string; auth: { username: string; password: string } };
  port: number;
  /** The service's own folder (admin token, pseudonym key); a temporary one when absent, removed at stop. */
  dataDir?: string;
  /** Where the service's stderr goes; its stdout is dropped unless onLog takes its lines. */
  stderr?: 'inherit' | 'ignore';
  onLog?: (line: string) => void;
}

export async function startService(options: ServiceOptions): Promise<BenchService> {
  const own = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'reweave-bench-service-')));
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, [...(process.env.REWEAVE_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', 'src/main.ts', '--no-demo'], {
    cwd: root,
    env: {
      ...process.env, NODE_ENV: 'production', PORT: String(options.port), HOST: '127.0.0.1', REWEAVE_DATA_DIR: dataDir, REWEAVE_RATE_LIMIT_POINTS: '0',
      NEO4J_URI: options.neo4j.uri, NEO4J_USERNAME: options.neo4j.auth.username, NEO4J_PASSWORD: options.neo4j.auth.password,
    },
    stdio: ['ignore', options.onLog ? 'pipe' : 'ignore', options.stderr ?? 'inherit'],
  });
  if (options.onLog && child.stdout) {
    const onLog = options.onLog;
    createInterface({ input: child.stdout }).on('line', (line) => onLog(line));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    child,
    ready: async (timeoutMs = 180_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the service exited with ${child.signalCode ?? child.exitCode}`);
        const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
        if (ok) return;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`the service did not answer /health within ${timeoutMs / 1000} s`);
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      if (own) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
