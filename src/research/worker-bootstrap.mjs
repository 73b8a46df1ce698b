// Entry point of the research checker's worker thread, in plain JavaScript so Node runs it with no
// loader. First lower this thread's CPU priority (as the analytics workers do,
// src/compute/workers/bootstrap.mjs): a slow parse then yields the cores to the thread that answers
// /health and GraphQL. Linux schedules threads individually and names this one at /proc/thread-self;
// elsewhere, or if refused, nothing changes. Then register tsx's ESM hooks (a worker does not inherit
// the parent's TypeScript loader reliably) and load the TypeScript worker.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { register } from 'tsx/esm/api';

// Lower than the request thread, but not the analytics workers' +19: a check has a wall-clock
// deadline, and at +19 a busy machine would starve it past that deadline.
const NICE = 5;

try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, NICE);
} catch {
  // not Linux, or not permitted: run at the default priority
}

register();
await import('./check-worker.ts');
