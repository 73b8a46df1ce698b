/**
 * One timing rule for reweave, mirrored in bench/python/analytics_bench.py: a run of 1 s or more is
 * timed once; a faster one is repeated (at least 3 runs, until 1 s has passed, at most 30) and the
 * median is reported. On a shared 2-core machine one call can be preempted for 100× its time (igraph's
 * 2 ms PageRank measured 213 ms once here), and a first run pays for JIT or lazy set-up: the median of
 * several is what a warm service sees.
 */
const ONCE_MS = 1000;
const MIN_RUNS = 3;
const REPEAT_FOR_MS = 1000;
const MAX_RUNS = 30;

declare const gc: (() => void) | undefined;

/**
 * Wall time is what the targets are about; CPU time (the whole process, worker threads
 * included) is reported beside it because it hardly moves when other work shares the cores, so the
 * two together tell a real difference from a noisy one.
 */
export async function repeat<T>(run: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; runs: number; result: T }> {
  // A collection before (not during) the timing: one algorithm's garbage should not be billed to the next.
  if (typeof gc === 'function') gc();
  const times: number[] = [];
  const cpu: number[] = [];
  let result: T;
  let total = 0;
  do {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    result = await run();
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    times.push(ms);
    cpu.push((used.user + used.system) / 1000);
    total += ms;
  } while (times[0]! < ONCE_MS && (total < REPEAT_FOR_MS || times.length < MIN_RUNS) && times.length < MAX_RUNS);
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { ms: median(times), cpuMs: median(cpu), runs: times.length, result };
}
