import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { cleanLeftovers, makeStagingDir } from '../../../src/db/local/leftovers.ts';

/** A pid that has just exited (and was reaped), so nothing answers to it. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

let dataDir = '';
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('leftovers of interrupted runs in the data dir', () => {
  it('removes staging folders whose owner is gone or unknown, and keeps those of live owners', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'reweave-leftovers-'));
    const owned = async (name: string, owner?: number) => {
      await mkdir(path.join(dataDir, name));
      if (owner !== undefined) await writeFile(path.join(dataDir, name, 'owner.pid'), `${owner}\n`);
      return path.join(dataDir, name);
    };
    const dead = await owned('bulk-import-dead', deadPid());
    const unknown = await owned('bulk-import-old');
    const live = await owned('bulk-import-live', process.ppid);
    const other = await owned('not-staging', deadPid());
    const lines: string[] = [];
    await cleanLeftovers(dataDir, (l) => lines.push(l));
    expect([dead, unknown, live, other].map(existsSync)).toEqual([false, false, true, true]);
    expect(lines).toHaveLength(2);
  });

  it('a staging folder is removed when this process exits, without its caller cleaning up', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'reweave-leftovers-'));
    // A child process makes one and then exits through process.exit (as on a signal): no finally runs.
    const script = `
      const { makeStagingDir } = await import(${JSON.stringify(path.resolve('src/db/local/leftovers.ts'))});
      const s = await makeStagingDir(${JSON.stringify(dataDir)}, () => {});
      console.log(s.dir);
      process.exit(143);`;
    const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(res.status).toBe(143);
    const dir = res.stdout.trim();
    expect(path.basename(dir)).toMatch(/^bulk-import-/);
    expect(existsSync(dir)).toBe(false);
    // This process's own staging folder stays while it runs.
    const mine = await makeStagingDir(dataDir, () => {});
    await cleanLeftovers(dataDir, () => {});
    expect(existsSync(mine.dir)).toBe(true);
    await mine.remove();
    expect(existsSync(mine.dir)).toBe(false);
  });
});
