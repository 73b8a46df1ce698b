// Entry point of an analytics worker thread, in plain JavaScript so Node runs it with no loader.
//
// 1. Lower this thread's CPU priority (workerData.nice, +19 by default) before anything else, so even loading and compiling
//    the worker yields to the event loop. On a 2-core machine the pool's two threads would otherwise
//    share the cores evenly with the thread that answers /health and GraphQL (and with Neo4j); at a
//    lower priority the scheduler lets those preempt the kernels whenever they wake. Linux schedules
//    threads individually and exposes this thread's id at /proc/thread-self, so setpriority targets
//    this thread alone (threads it starts inherit it). Elsewhere, or if refused, nothing changes.
// 2. Register tsx's ESM hooks and load the TypeScript worker. A worker does not inherit the parent's
//    TypeScript loader reliably (tsx, vitest and `node --import tsx` each install theirs differently).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const nice = Number.isInteger(workerData?.nice) ? workerData.nice : 19;

try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0 && nice !== 0) setPriority(tid, nice);
} catch {
  // not Linux, or not permitted: run at the default priority
}

register();
await import('./worker.ts');
