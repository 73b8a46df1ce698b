/**
 * Runs commands one after another, stopping at the first failure, as a shell's `a && b && c` does,
 * but passes SIGINT, SIGTERM and SIGHUP on to the command that runs. npm signals only the process it
 * started; a shell in between neither passes the signal on nor stops what it started, so vitest and
 * the Neo4j it started would run on orphaned. Used by scripts/test.ts (`npm test`).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

import { SIGNALS, STOP_DEADLINE_MS, watchParent } from '../src/cli/stop-signals.ts';

export type Step = readonly [command: string, ...args: string[]];

export async function runSteps(steps: readonly Step[]): Promise<number> {
  let current: ChildProcess | undefined;
  let stopping: number | undefined;
  const stop = (signal: NodeJS.Signals, code: number) => {
    if (stopping !== undefined) process.exit(code);
    stopping = code;
    current?.kill(signal);
    // A step that ignores the signal is killed; its own children then see their pipes close.
    setTimeout(() => {
      current?.kill('SIGKILL');
      process.exit(code);
    }, STOP_DEADLINE_MS).unref();
  };
  for (const [name, n] of Object.entries(SIGNALS)) process.on(name, () => stop(name as NodeJS.Signals, 128 + n));
  watchParent(() => stop('SIGTERM', 129));

  for (const [command, ...args] of steps) {
    if (stopping !== undefined) return stopping;
    const child = spawn(command, args, { stdio: 'inherit' });
    current = child;
    const code = await new Promise<number>((resolve) => {
      child.once('error', () => resolve(127));
      child.once('exit', (c, signal) => resolve(c ?? 128 + (signal && signal in SIGNALS ? SIGNALS[signal as keyof typeof SIGNALS] : 9)));
    });
    current = undefined;
    if (stopping !== undefined) return stopping;
    if (code !== 0) return code;
  }
  return 0;
}
