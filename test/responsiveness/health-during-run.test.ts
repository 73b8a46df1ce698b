/**
 * The service stays responsive under load: /health answers within 100 ms while an exact betweenness over 10k residents
 * runs. The run goes through the analytics worker pool, so the event loop that serves /health only
 * hands out blocks of sources and folds their partials; /health answers from its last database check
 * while the next one runs behind it (services/system/health.ts), so a slow Neo4j round trip on the
 * busy cores does not count against the event loop. What the hypervisor stole from the vCPUs during
 * a poll (helpers/steal.ts) is subtracted before judging: it stalls any code. The line printed tells
 * the causes apart: poll times beside the event-loop delay, the main thread's GC pauses and the steal.
 */
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { UndirectedGraph } from 'graphology';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mulberry32 } from '../../src/analytics/graph-utils/prng.ts';
import { closeAnalyticsPool, runCentrality } from '../../src/compute/workers/index.ts';
import { startTestApi, type TestApi } from '../helpers/api.ts';
import { stealPerCpu, stolenBetween } from '../helpers/steal.ts';

const RESIDENTS = 10_000;
const GROUP = 50;

/** Groups of 50, ~6 ties per resident inside the group and ~0.5 across (3.25·n ties), seeded. */
function communityGraph(n: number, seed: number): UndirectedGraph {
  const random = mulberry32(seed);
  const graph = new UndirectedGraph();
  for (let i = 0; i < n; i += 1) graph.addNode(`r${i}`);
  const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo));
  const tie = (u: number, v: number) => u !== v && graph.mergeEdge(`r${u}`, `r${v}`)[1];
  for (let inside = 0; inside < 3 * n;) {
    const u = pick(0, n);
    const start = u - (u % GROUP);
    if (tie(u, pick(start, Math.min(start + GROUP, n)))) inside += 1;
  }
  for (let across = 0; across < n / 4;) {
    const u = pick(0, n);
    const v = pick(0, n);
    if (Math.floor(u / GROUP) !== Math.floor(v / GROUP) && tie(u, v)) across += 1;
  }
  return graph;
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
}, 180_000);
afterAll(async () => {
  await closeAnalyticsPool();
  await api?.close();
});

interface Poll {
  status: number;
  ms: number;
  /** sources done when the answer came */
  done: number;
  /** ms since the run started, when the poll was sent */
  at: number;
  /** ms the hypervisor took the vCPUs away meanwhile (helpers/steal.ts): the machine's, not ours */
  stolen: number;
}

/** perf_hooks' GC kinds by name, for the printed line */
const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function health(): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  const res = await fetch(`${api.app.url}/health`);
  await res.json();
  return { status: res.status, ms: performance.now() - start };
}

it('/health answers within 100 ms while an exact betweenness over 10k nodes runs', async () => {
  const graph = communityGraph(RESIDENTS, 4);
  expect((await health()).status).toBe(200); // the connection and the route are warm, as in service
  // The same polling with nothing running: printed beside the run's numbers, so a slow machine
  // (other load, Neo4j pausing) is told apart from a blocked event loop.
  const idle: number[] = [];
  for (let i = 0; i < 40; i += 1) {
    idle.push((await health()).ms);
    await sleep(50);
  }

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const pauses: { at: number; ms: number; kind: number }[] = [];
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ at: e.startTime, ms: e.duration, kind: (e as unknown as { detail: { kind: number } }).detail.kind });
  });
  gc.observe({ entryTypes: ['gc'] });
  const t0 = performance.now();
  let done = 0;
  let total = 0;
  let running = true;
  const run = runCentrality('betweenness', graph, { pivots: null }, {
    onProgress: (d, t) => {
      done = d;
      total = t;
    },
  }).finally(() => {
    running = false;
  });

  const polls: Poll[] = [];
  while (running) {
    const at = performance.now() - t0;
    const before = stealPerCpu();
    const answer = await health();
    polls.push({ ...answer, done, at, stolen: stolenBetween(before, stealPerCpu()) });
    await sleep(50);
  }
  const result = await run;
  loop.disable();
  gc.disconnect();
  const longGc = [...pauses].sort((a, b) => b.ms - a.ms).slice(0, 3).map((p) => `${p.ms.toFixed(0)} ms (${GC_KINDS[p.kind] ?? `kind ${p.kind}`}) at ${(p.at - t0).toFixed(0)} ms`);

  const during = polls.filter((p) => p.done < RESIDENTS);
  // What the service kept a poll waiting: its time less what the hypervisor stole meanwhile.
  const ours = (p: Poll) => p.ms - p.stolen;
  const slowest = Math.max(...polls.map(ours));
  const worst = [...polls].sort((a, b) => b.ms - a.ms).slice(0, 5)
    .map((p) => `${p.ms.toFixed(0)} ms (sent at ${p.at.toFixed(0)} ms, ${p.done} done${p.stolen ? `, ${p.stolen} ms stolen` : ''})`);
  const stolen = polls.reduce((sum, p) => sum + p.stolen, 0);
  console.log(`health-during-run: idle slowest ${Math.max(...idle).toFixed(0)} ms; ${polls.length} polls during the run, slowest: ${worst.join(', ')}; event-loop delay max ${(loop.max / 1e6).toFixed(0)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms; main-thread GC: ${pauses.length} pauses, longest ${longGc.join(', ')}; stolen by the hypervisor during polls: ${stolen} ms`);
  expect(result.method).toBe('exact');
  expect(Object.keys(result.values)).toHaveLength(RESIDENTS);
  expect(total).toBe(RESIDENTS);
  expect(polls.every((p) => p.status === 200)).toBe(true);
  expect(slowest).toBeLessThan(100);
  // The run was still going for several polls, and they saw it advance.
  expect(during.length).toBeGreaterThanOrEqual(5);
  expect(polls.some((p) => p.done > 0 && p.done < RESIDENTS)).toBe(true);
  expect(new Set(during.map((p) => p.done)).size).toBeGreaterThanOrEqual(3);
}, 120_000);
