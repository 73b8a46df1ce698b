/**
 * Centrality on a community-like tie network: reweave's CSR kernels against graphology-metrics.
 * A first step towards issue 4's full bench (DESIGN.md, "Performance notes" has the igraph and
 * NetworkX times on the same shape of graph).
 *
 * The graph: N residents in groups of 20; ~6 ties per resident inside the group and ~0.5 across
 * (so ~3.25·N ties), seeded. Run: `npx tsx bench/analytics-centrality.ts [N …]` (default 1000 10000).
 */
import { UndirectedGraph } from 'graphology';
import { betweenness as gmBetweenness, closeness as gmCloseness, pagerank as gmPagerank } from 'graphology-metrics/centrality/index.js';
import { betweenness, closeness, pagerank, toCSR } from '../src/analytics/centrality/index.ts';
import { mulberry32 } from '../src/analytics/graph-utils/prng.ts';

const GROUP = 20;

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

function time<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const rows: string[][] = [['N', 'ties', 'metric', 'reweave CSR (ms)', 'graphology-metrics (ms)', 'speed-up', 'max |Δ|']];

for (const n of sizes.length ? sizes : [1000, 10000]) {
  const graph = communityGraph(n, 42);
  const built = time(() => toCSR(graph));
  const csr = built.result;
  rows.push([String(n), String(graph.size), 'CSR copy', built.ms.toFixed(1), '', '', '']);
  const cases: [string, () => Record<string, number>, () => Record<string, number>][] = [
    ['betweenness (exact)', () => betweenness(csr).values, () => gmBetweenness(graph, { getEdgeWeight: null })],
    ['closeness (WF)', () => closeness(csr).values, () => gmCloseness(graph, { wassermanFaust: true })],
    ['pagerank', () => pagerank(csr, { weighted: false }).values, () => gmPagerank(graph, { getEdgeWeight: null })],
  ];
  for (const [name, ours, theirs] of cases) {
    const a = time(ours);
    const b = time(theirs);
    let diff = 0;
    for (const [key, value] of Object.entries(b.result)) diff = Math.max(diff, Math.abs(value - a.result[key]!));
    rows.push([String(n), String(graph.size), name, a.ms.toFixed(1), b.ms.toFixed(1), `${(b.ms / a.ms).toFixed(1)}×`, diff.toExponential(1)]);
  }
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
for (const row of rows) console.log(row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
console.log(`node ${process.version}; one process, reweave first then graphology-metrics per metric`);
