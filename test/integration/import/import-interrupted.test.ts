/**
 * An offline import that is stopped while Neo4j's importer JVM writes the store: a signal to the CLI's
 * pid (what a user, a script or a supervisor sends) ends the importer with it and removes the staging
 * folder, and a CLI killed outright (no chance to clean up) leaves nothing running either; what it
 * leaves on disk goes at the next run.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cleanLeftovers } from '../../../src/db/local/leftovers.ts';
import { REPO_ROOT } from '../../../src/db/local/paths.ts';
import { writeDemoDataset } from '../../../src/demo/generate.ts';
import { cmdlineOf, descendantsOf, msUntilGone, waitForPid } from '../../helpers/processes.ts';

let work: string;
const dataset = () => path.join(work, 'dataset');
const staging = (dataDir: string) => readdirSync(dataDir).filter((f) => f.startsWith('bulk-import-'));

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'reweave-interrupted-'));
  await writeDemoDataset({ preset: 'small' }, dataset(), 'csv');
}, 120_000);

afterAll(() => rm(work, { recursive: true, force: true }));

/** Starts `npm run import`'s command on a data dir of its own; resolves once the importer JVM runs. */
async function importUntilTheImporterRuns(name: string): Promise<{ cli: number; importer: number; dataDir: string; output: () => string }> {
  const dataRoot = path.join(work, name);
  const env: NodeJS.ProcessEnv = { ...process.env, REWEAVE_DATA_DIR: dataRoot };
  delete env.NEO4J_URI;
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'src/cli/import.ts', dataset(), '--mode', 'offline'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const cli = child.pid!;
  const importer = await waitForPid('importer JVM', () => descendantsOf(cli).find((p) => cmdlineOf(p).includes('org.neo4j.cli.AdminTool')), 120_000);
  // Let it get into writing nodes, as in the case this protects.
  await waitForPid('the node import', () => (out.includes('Node import') ? importer : undefined), 60_000);
  return { cli, importer, dataDir: path.join(dataRoot, 'neo4j'), output: () => out };
}

describe('an offline import stopped while the importer JVM writes', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to the CLI stops the importer within 10 s and removes the staging folder`, async () => {
      const run = await importUntilTheImporterRuns(signal);
      expect(staging(run.dataDir)).toHaveLength(1);
      process.kill(run.cli, signal);
      const ms = await msUntilGone([run.cli, run.importer], 30_000);
      console.log(`${signal}: CLI and importer gone after ${ms} ms`);
      expect(ms).toBeLessThan(10_000);
      expect(staging(run.dataDir)).toEqual([]);
    }, 300_000);
  }

  it('SIGKILL of the CLI stops the importer within 10 s; the next run removes the staging folder and the partial store', async () => {
    const run = await importUntilTheImporterRuns('SIGKILL');
    process.kill(run.cli, 'SIGKILL');
    const ms = await msUntilGone([run.cli, run.importer], 30_000);
    console.log(`SIGKILL: importer gone ${ms} ms after the CLI was killed`);
    expect(ms).toBeLessThan(10_000);

    expect(staging(run.dataDir)).toHaveLength(1);
    expect(existsSync(path.join(run.dataDir, 'bulk-importer.json'))).toBe(true);
    const lines: string[] = [];
    await cleanLeftovers(run.dataDir, (l) => lines.push(l));
    expect(staging(run.dataDir)).toEqual([]);
    expect(existsSync(path.join(run.dataDir, 'bulk-importer.json'))).toBe(false);
    expect(existsSync(path.join(run.dataDir, 'data', 'databases', 'neo4j'))).toBe(false);
    expect(lines.join('\n')).toContain('partial store');
  }, 300_000);
});
