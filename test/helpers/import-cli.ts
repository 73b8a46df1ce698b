/** The import CLI as a user runs it (online, against the test Neo4j), over a dataset folder made for the test. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { neo4jUri } from './api.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export function importCli(folder: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', folder, '--mode', 'online'], { cwd: REPO, env: { ...process.env, NEO4J_URI: neo4jUri() } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** A dataset folder from file name → content. */
export function datasetFolder(files: Record<string, string>, prefix = 'reweave-dataset-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}
