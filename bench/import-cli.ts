/**
 * Imports a generated dataset folder into a Neo4j through the import CLI (src/cli/import.ts) in a
 * child process, as an operator would, and prints what it wrote. For benches that need a loaded
 * demo community; `startImport` hands back the process too, for the bench that kills it midway.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export interface ImportSummaryLine {
  totals: { rows: number; created: number; updated: number; unchanged: number };
  seconds: number;
  errorCount: number;
}

export interface RunningImport {
  child: ChildProcess;
  /** The CLI's --json summary; rejects when it exits otherwise than with 0 (a kill included). */
  done: Promise<ImportSummaryLine>;
}

/** `quiet`: the CLI's progress and log lines (stderr) are dropped. */
export function startImport(dir: string, uri: string, auth: { username: string; password: string }, quiet = false): RunningImport {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', dir, '--json'], {
    cwd: root,
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USERNAME: auth.username, NEO4J_PASSWORD: auth.password },
    stdio: ['ignore', 'pipe', quiet ? 'ignore' : 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<ImportSummaryLine>((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`import exited with ${signal ?? code}`));
      resolve(JSON.parse(out) as ImportSummaryLine);
    });
  });
  return { child, done };
}

export async function importDataset(dir: string, uri: string, auth: { username: string; password: string }): Promise<void> {
  const summary = await startImport(dir, uri, auth).done;
  console.log(`imported ${fmt(summary.totals.rows)} rows in ${summary.seconds.toFixed(1)} s (${summary.errorCount} rejected)`);
}
