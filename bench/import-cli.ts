/**
 * Imports a generated dataset folder into a Neo4j through the import CLI (src/cli/import.ts) in a
 * child process, as an operator would, and prints what it wrote. For benches that need a loaded
 * demo community.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function importDataset(dir: string, uri: string, auth: { username: string; password: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', dir, '--json'], {
      cwd: root,
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USERNAME: auth.username, NEO4J_PASSWORD: auth.password },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`import exited with ${code}`));
      const summary = JSON.parse(out) as { totals: { rows: number }; seconds: number; errorCount: number };
      console.log(`imported ${fmt(summary.totals.rows)} rows in ${summary.seconds.toFixed(1)} s (${summary.errorCount} rejected)`);
      resolve();
    });
  });
}
