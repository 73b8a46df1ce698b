/**
 * bench/projection: generates the `city100k` demo (100,000 residents) as CSV, imports it with the
 * import CLI into a local Neo4j of its own (a data folder under the system temp folder), then times
 * projectNetwork (src/graph/project.ts) for the tie network over the whole history, a one-year
 * window and an as-of date, the whole-history tie network as CSR arrays (projectTieCsr: the same
 * reads without graphology), and for the full network — several runs each, the first cold. Prints
 * rows streamed, nodes and edges, seconds, the split between waiting for Neo4j and the driver and
 * building the graph, and the CPU seconds of this process and of the Neo4j JVM (on a shared machine
 * the wall-clock seconds vary with the load; the CPU seconds much less). Target: the whole-history tie network of 100k residents ≤ 15 s.
 *
 *   npx tsx bench/projection.ts [--preset city100k|beizhan|small] [--runs 3] [--keep] [--reuse]
 *                               [--data-dir DIR] [--only TIES|FULL|ties-all|csr]
 *   (node --expose-gc --import tsx bench/projection.ts … collects garbage between runs)
 *
 * --keep leaves the Neo4j data folder (and stops the server); --reuse skips generation and import
 * and opens the kept folder again. NEO4J_URI uses another server (already imported with --reuse).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../src/db/database.ts';
import { startLocalNeo4j } from '../src/db/local/neo4j-local.ts';
import { writeDemoDataset, type DemoPreset } from '../src/demo/generate.ts';
import { projectNetwork, projectTieCsr, type ProjectionStats } from '../src/graph/project.ts';
import type { NetworkSpec } from '../src/graph/spec.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'city100k' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    only: { type: 'string' },
  },
});
const preset = values.preset as DemoPreset;
const runs = Math.max(1, Number(values.runs));
const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.resolve(values['data-dir'] ?? path.join(os.tmpdir(), `reweave-bench-projection-${preset}`));
const communityId = `demo-${preset}`;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
function processCpu(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (ms: number) => (ms / 1000).toFixed(2);

function importDataset(dir: string, uri: string, auth: { username: string; password: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', dir, '--json'], {
      cwd: root,
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USERNAME: auth.username, NEO4J_PASSWORD: auth.password },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`import exited with ${code}`));
      const summary = JSON.parse(out) as { totals: { rows: number }; seconds: number; errorCount: number };
      console.log(`imported ${fmt(summary.totals.rows)} rows in ${summary.seconds.toFixed(1)} s (${summary.errorCount} rejected)`);
      resolve();
    });
  });
}

interface Case {
  name: string;
  spec: NetworkSpec;
  /** CSR arrays (projectTieCsr) instead of a graphology graph. */
  csr?: boolean;
}

const CASES: Case[] = [
  { name: 'TIES, whole history', spec: { communityId, network: 'TIES' } },
  { name: 'TIES, whole history → CSR arrays', spec: { communityId, network: 'TIES' }, csr: true },
  { name: 'TIES, window 2024-07-01 … 2025-07-01', spec: { communityId, network: 'TIES', window: { from: new Date('2024-07-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z') } } },
  { name: 'TIES, asOf 2025-06-30', spec: { communityId, network: 'TIES', asOf: new Date('2025-06-30T00:00:00Z') } },
  { name: 'FULL, whole history', spec: { communityId, network: 'FULL' } },
];

async function main(): Promise<void> {
  const external = process.env.NEO4J_URI;
  let made = false;
  if (!values.reuse && !external) {
    const exists = await access(dataDir).then(() => true, () => false);
    if (exists) await rm(dataDir, { recursive: true, force: true });
    made = true;
  }
  const neo4j = external ? null : await startLocalNeo4j({ dataDir, heapMb: 2048, pageCacheMb: 1024, log: (l) => console.log(`[neo4j] ${l}`) });
  const uri = external ?? neo4j!.uri;
  const auth = neo4j ?? { username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'neo4j' };
  try {
    if (!values.reuse) {
      const dir = await mkdtemp(path.join(os.tmpdir(), `reweave-bench-${preset}-`));
      try {
        console.log(`generating ${preset} into ${dir} …`);
        const began = performance.now();
        const counts = await writeDemoDataset({ preset }, dir, 'csv');
        console.log(`generated ${fmt([...counts.values()].reduce((a, b) => a + b, 0))} rows in ${secs(performance.now() - began)} s`);
        await importDataset(dir, uri, auth);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    const db = new Database({ uri, username: auth.username, password: auth.password, retrySeconds: 30 });
    const results: string[][] = [];
    try {
      const only = values.only;
      const cases = only === 'ties-all' ? CASES.slice(0, 2) : only === 'csr' ? CASES.filter((c) => c.csr) : only ? CASES.filter((c) => c.spec.network === only) : CASES;
      for (const c of cases) {
        for (let run = 1; run <= runs; run += 1) {
          const stats: ProjectionStats = { rows: 0, buildMs: 0, finishMs: 0 };
          // Collect the previous run's graph first (run with node --expose-gc), so each run pays for its own garbage only.
          (globalThis as { gc?: () => void }).gc?.();
          const dbCpu = processCpu(neo4j?.pid);
          const cpu = process.cpuUsage();
          const began = performance.now();
          const graph = c.csr ? await projectTieCsr(db, c.spec, undefined, stats) : await projectNetwork(db, c.spec, undefined, stats);
          const total = performance.now() - began;
          const used = process.cpuUsage(cpu);
          const dbUsed = dbCpu === null ? null : processCpu(neo4j?.pid)! - dbCpu;
          const row = [
            c.name, run === 1 ? '1 (first)' : String(run), fmt(stats.rows), fmt(graph.order), fmt(graph.size), secs(total), secs(total - stats.buildMs), secs(stats.buildMs),
            secs(stats.finishMs), ((used.user + used.system) / 1e6).toFixed(2), dbUsed === null ? '–' : dbUsed.toFixed(2),
          ];
          results.push(row);
          console.log(row.join(' · '));
        }
      }
    } finally {
      await db.close();
    }
    const head = ['projection', 'run', 'rows', 'nodes', 'edges', 'total s', 'waiting s', 'build s', '(finish s)', 'node cpu s', 'neo4j cpu s'];
    const widths = head.map((h, i) => Math.max(h.length, ...results.map((r) => r[i]!.length)));
    console.log(`\nbench/projection — ${preset}, ${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log('  waiting = total − build: Neo4j and the driver, not overlapped with building; cpu = user + system seconds of this process / of the Neo4j JVM');
    console.log(`  ${head.map((h, i) => h.padEnd(widths[i]!)).join('  ')}`);
    for (const r of results) console.log(`  ${r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ')}`);
    for (const c of CASES.slice(0, 2)) {
      const whole = results.filter((r) => r[0] === c.name).map((r) => Number(r[5]));
      if (whole.length > 0) console.log(`  target: ${c.name} ≤ 15 s: best ${Math.min(...whole).toFixed(2)} s, worst ${Math.max(...whole).toFixed(2)} s — ${Math.max(...whole) <= 15 ? 'met' : 'NOT met'}`);
    }
  } finally {
    await neo4j?.stop();
    if (made && !values.keep) await rm(dataDir, { recursive: true, force: true });
    if (values.keep || values.reuse) console.log(`data folder kept: ${dataDir} (rerun with --reuse)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
