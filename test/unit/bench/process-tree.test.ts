/**
 * bench/process-tree.ts, which bench/import's peak RSS rests on: a child's memory counts with its
 * parent's at the same instant, and an excluded child (the database server) does not count.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { watchTree } from '../../../bench/process-tree.ts';

/** A parent Node process whose child holds 200 MB for a second; resolves with the sampled peak. */
async function peakOfParentWithChild(exclude?: (cmdline: string) => boolean): Promise<number> {
  const child = `const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => b.length, 1000); // reweave-tree-test`;
  const parent = spawn(process.execPath, ['-e', `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' }).on('exit', (c) => process.exit(c))`], { stdio: 'inherit' });
  const memory = watchTree(parent.pid!, exclude, 50);
  await new Promise((resolve) => parent.on('exit', resolve));
  return memory.stop().peakTreeMb;
}

describe.runIf(process.platform === 'linux')('process tree memory', () => {
  it('counts a child with its parent', async () => {
    expect(await peakOfParentWithChild()).toBeGreaterThan(200);
  });

  it('leaves out an excluded child', async () => {
    expect(await peakOfParentWithChild((cmdline) => cmdline.includes('reweave-tree-test'))).toBeLessThan(150);
  });
});
