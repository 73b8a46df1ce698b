import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { REPO_ROOT } from '../../../src/db/local/paths.ts';
import { descendantsOf, msUntilGone, waitForPid } from '../../helpers/processes.ts';

/** A process running runSteps over `steps` (as npm test's runner does), with its output. */
function runner(steps: string[][]) {
  const module = path.join(REPO_ROOT, 'scripts', 'run-steps.ts');
  const script = `import { runSteps } from ${JSON.stringify(module)}; process.exit(await runSteps(${JSON.stringify(steps)}));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { pid: child.pid!, output: () => out, exited };
}

const node = process.execPath;
const waitingStep = [node, '-e', 'for (const s of ["SIGINT", "SIGTERM"]) process.on(s, () => { console.log("step got " + s); process.exit(0); }); console.log("step running"); setInterval(() => {}, 1000);'];
const nextStep = [node, '-e', 'console.log("next step ran")'];

describe('run-steps (npm test runs its steps through it)', () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`passes ${signal} on to the running step, runs no further step and exits ${code}`, async () => {
      const run = runner([waitingStep, nextStep]);
      const step = await waitForPid('the running step', () => (run.output().includes('step running') ? descendantsOf(run.pid)[0] : undefined), 20_000);
      process.kill(run.pid, signal);
      expect(await run.exited).toBe(code);
      expect(await msUntilGone([step], 10_000)).toBeLessThan(10_000);
      expect(run.output()).toContain(`step got ${signal}`);
      expect(run.output()).not.toContain('next step ran');
    }, 30_000);
  }

  it('stops at the first step that fails, with its exit code', async () => {
    const run = runner([[node, '-e', 'process.exit(3)'], nextStep]);
    expect(await run.exited).toBe(3);
    expect(run.output()).not.toContain('next step ran');
  }, 30_000);

  it('runs every step in order when they succeed', async () => {
    const run = runner([[node, '-e', 'console.log("first step ran")'], nextStep]);
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/first step ran[\s\S]*next step ran/);
  }, 30_000);
});
