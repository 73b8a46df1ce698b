/**
 * Centrality on a community-like tie network: reweave's CSR kernels in one thread and split over the
 * analytics worker pool, against graphology-metrics, with PageRank's time taken apart (CSR build,
 * iteration cold and warm, the node-keyed record). DESIGN.md, "Performance notes" has the igraph and
 * NetworkX times on the same shape of graph; at N = 10,000 the igraph column repeats them.
 *
 * The graph: N residents in groups of 20; ~6 ties per resident inside the group and ~0.5 across
 * (so ~3.25·N ties), seeded. Run: `npx tsx bench/analytics-centrality.ts [N …] [--no-graphology] [--nice K]`
 * (default 1000 10000; --no-graphology skips graphology-metrics, the slow column; --nice sets the
 * pool threads' priority, +10 by default as in the server — on a machine busy with other work, 0
 * measures the kernels rather than how much CPU the busy machine leaves to a low-priority thread).
 */
import { UndirectedGraph } from 'graphology';
import { betweenness as gmBetweenness, closeness as gmCloseness, pagerank as gmPagerank } from 'graphology-metrics/centrality/index.js';
import { availableParallelism, loadavg } from 'node:os';
import { betweenness, closeness, harmonic, pagerank, pagerankVector, toCSR, type CSR } from '../src/analytics/centrality/index.ts';
import { DEFAULTS as PAGERANK_DEFAULTS } from '../src/analytics/centrality/pagerank.ts';
import { toRecord } from '../src/analytics/graph-utils/csr.ts';
import { mulberry32 } from '../src/analytics/graph-utils/prng.ts';
import { AnalyticsPool } from '../src/compute/workers/index.ts';

const GROUP = 20;
/** python-igraph on the same machine and graph shape at N = 10,000 (DESIGN.md, "Performance notes"). */
const IGRAPH_10K: Record<string, number> = { betweenness: 11_000, closeness: 4_400, pagerank: 9.5 };

function communityGraph(n: number, seed: number): UndirectedGraph {
  const random = mulberry32(seed);
  const graph = new UndirectedGraph();
  for (let i = 0; i < n; i += 1) graph.addNode(`r${i}`);
  const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo));
  let inside = 0;
  while (inside < 3 * n) {
    const u = pick(0, n);
    const start = u - (u % GROUP);
    const v = pick(start, Math.min(start + GROUP, n));
    if (u !== v && !graph.hasEdge(`r${u}`, `r${v}`)) {
      graph.addEdge(`r${u}`, `r${v}`);
      inside += 1;
    }
  }
  let across = 0;
  while (across < n / 4) {
    const u = pick(0, n);
    const v = pick(0, n);
    if (Math.floor(u / GROUP) !== Math.floor(v / GROUP) && !graph.hasEdge(`r${u}`, `r${v}`)) {
      graph.addEdge(`r${u}`, `r${v}`);
      across += 1;
    }
  }
  return graph;
}

/** Wall time, and the CPU time of the whole process (all threads): on a shared machine the wall time
 * says how long a caller waited, the CPU time how much work the kernel was. */
async function time<T>(run: () => T | Promise<T>): Promise<{ ms: number; cpu: number; result: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpu: (used.user + used.system) / 1000, result };
}

function maxDiff(a: Record<string, number>, b: Record<string, number>): number {
  let diff = 0;
  for (const [key, value] of Object.entries(b)) diff = Math.max(diff, Math.abs(value - a[key]!));
  return diff;
}

const args = process.argv.slice(2);
const withGraphology = !args.includes('--no-graphology');
const niceAt = args.indexOf('--nice');
const nice = niceAt >= 0 ? Number(args[niceAt + 1]) : 10;
const sizes = args.filter((_, i) => niceAt < 0 || (i !== niceAt && i !== niceAt + 1)).map(Number).filter((n) => n > 0);
const header = ['N', 'ties', 'metric', '1 thread (ms)', '1 thread cpu', 'pool (ms)', 'pool cpu', 'graphology-metrics (ms)', 'igraph (ms)', 'pool / igraph', 'max |Δ|'];
const rows: string[][] = [header];
const row = (cells: Partial<Record<(typeof header)[number], string>>) => rows.push(header.map((h) => cells[h] ?? ''));
const ms = (value: number) => value.toFixed(value < 100 ? 1 : 0);

const pool = new AnalyticsPool({ nice });
const warm = await time(() => pool.runCentrality('closeness', toCSR(communityGraph(200, 1))));
row({ metric: `pool start (${pool.size} threads at nice ${nice}, first run)`, 'pool (ms)': ms(warm.ms) });

for (const n of sizes.length ? sizes : [1000, 10000]) {
  const graph = communityGraph(n, 42);
  const common = { N: String(n), ties: String(graph.size) };
  const built = await time(() => toCSR(graph));
  const csr: CSR = built.result;
  row({ ...common, metric: 'CSR copy', '1 thread (ms)': ms(built.ms), '1 thread cpu': ms(built.cpu) });

  const cases = [
    { name: 'betweenness', label: 'betweenness (exact)', one: () => betweenness(csr).values, inPool: () => pool.runCentrality('betweenness', csr), gm: () => gmBetweenness(graph, { getEdgeWeight: null }) },
    { name: 'closeness', label: 'closeness (WF)', one: () => closeness(csr).values, inPool: () => pool.runCentrality('closeness', csr), gm: () => gmCloseness(graph, { wassermanFaust: true }) },
    { name: 'harmonic', label: 'harmonic', one: () => harmonic(csr).values, inPool: () => pool.runCentrality('harmonic', csr), gm: null },
  ];
  for (const c of cases) {
    const one = await time(c.one);
    const parallel = await time(c.inPool);
    const igraph = n === 10_000 ? IGRAPH_10K[c.name] : undefined;
    let diff = maxDiff(parallel.result.values, one.result);
    const cells: Record<string, string> = {
      ...common, metric: c.label, '1 thread (ms)': ms(one.ms), '1 thread cpu': ms(one.cpu), 'pool (ms)': ms(parallel.ms), 'pool cpu': ms(parallel.cpu),
    };
    if (withGraphology && c.gm) {
      const theirs = await time(c.gm);
      cells['graphology-metrics (ms)'] = ms(theirs.ms);
      diff = Math.max(diff, maxDiff(one.result, theirs.result));
    }
    if (igraph) Object.assign(cells, { 'igraph (ms)': ms(igraph), 'pool / igraph': (parallel.ms / igraph).toFixed(2) });
    row({ ...cells, 'max |Δ|': diff.toExponential(1) });
  }

  // PageRank taken apart, in this order: the first call is the one a request pays for (cold code).
  const options = { ...PAGERANK_DEFAULTS, weighted: false };
  const cold = await time(() => pagerankVector(csr, options));
  const record = await time(() => toRecord(csr, cold.result.x));
  const warmRuns: number[] = [];
  for (let i = 0; i < 20; i += 1) warmRuns.push((await time(() => pagerankVector(csr, options))).ms);
  warmRuns.sort((a, b) => a - b);
  const full = await time(() => pagerank(graph, { weighted: false }));
  const igraph = n === 10_000 ? IGRAPH_10K.pagerank! : undefined;
  const iterations = `${cold.result.iterations} iterations`;
  row({ ...common, metric: `pagerank: iterate, first call (${iterations})`, '1 thread (ms)': ms(cold.ms), '1 thread cpu': ms(cold.cpu), ...(igraph ? { 'igraph (ms)': ms(igraph) } : {}) });
  row({ ...common, metric: 'pagerank: iterate, warm (median of 20)', '1 thread (ms)': ms(warmRuns[10]!) });
  row({ ...common, metric: 'pagerank: node-keyed record', '1 thread (ms)': ms(record.ms) });
  const gm = withGraphology ? await time(() => gmPagerank(graph, { getEdgeWeight: null })) : null;
  row({
    ...common, metric: 'pagerank: graph in, all included', '1 thread (ms)': ms(full.ms),
    ...(gm ? { 'graphology-metrics (ms)': ms(gm.ms), 'max |Δ|': maxDiff(full.result.values, gm.result).toExponential(1) } : {}),
  });
}
await pool.close();

const widths = header.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
console.log(`node ${process.version}; ${availableParallelism()} cores; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end;`
  + ' one process; per metric: one thread, then the pool, then graphology-metrics; cpu = the process\'s CPU ms, all threads');
