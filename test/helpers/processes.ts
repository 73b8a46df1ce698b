/** The processes a test started, as a user would look at them (Linux /proc), and how long they take to go. */
import { readdirSync, readFileSync } from 'node:fs';

import { isPidAlive, sleep } from '../../src/db/local/proc.ts';

const read = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

export const cmdlineOf = (pid: number): string => read(`/proc/${pid}/cmdline`).replaceAll('\0', ' ');

/** Every live process under `pid` (children, their children, …). */
export function descendantsOf(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    // Field 4 (ppid) follows the command name, which is in parentheses and may hold spaces.
    if (stat) parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  return tree.slice(1);
}

/** Polls until `find` returns a pid (e.g. a child JVM has appeared); fails after `timeoutMs`. */
export async function waitForPid(what: string, find: () => number | undefined, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pid = find();
    if (pid !== undefined) return pid;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Milliseconds until none of `pids` is alive (zombies count as gone), or Infinity after `timeoutMs`. */
export async function msUntilGone(pids: number[], timeoutMs: number): Promise<number> {
  const began = Date.now();
  while (pids.some(isPidAlive)) {
    if (Date.now() - began > timeoutMs) return Infinity;
    await sleep(50);
  }
  return Date.now() - began;
}
