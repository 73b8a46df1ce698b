/**
 * bench/import: generates the `beizhan` demo (72,000 residents) as CSV, imports it with the import
 * CLI (a child process, so its peak RSS is the importer's own) into a fresh local Neo4j, then
 * imports it again (every row unchanged). Prints relationships/s, the importer's peak RSS and the
 * total time. Target (issue 3): ≥ 30,000 relationships/s and < 1 GB peak RSS on 2 cores.
 *
 *   npx tsx bench/import.ts [--preset beizhan|small] [--keep]      (NEO4J_URI to use another server)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoDataset, type DemoPreset } from '../src/demo/generate.ts';
import { startLocalNeo4j } from '../src/db/local/neo4j-local.ts';

const { values } = parseArgs({ options: { preset: { type: 'string', default: 'beizhan' }, keep: { type: 'boolean', default: false } } });
const preset = values.preset as DemoPreset;
const root = path.resolve(import.meta.dirname, '..');

interface Summary {
  totals: { rows: number; created: number; updated: number; unchanged: number; rejected: number };
  files: { name: string; kind: string; rows: number }[];
  seconds: number;
  relationshipsPerSecond: number;
  peakRssMb: number;
  errorCount: number;
}

function importOnce(dir: string, uri: string): Promise<Summary> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', dir, '--json'], {
      cwd: root,
      env: { ...process.env, NEO4J_URI: uri },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`import exited with ${code}`));
      resolve(JSON.parse(out) as Summary);
    });
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const began = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), `reweave-bench-${preset}-`));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reweave-bench-neo4j-'));
  console.log(`generating ${preset} into ${dir} …`);
  const genStart = performance.now();
  const counts = await writeDemoDataset({ preset }, dir, 'csv');
  const genSeconds = (performance.now() - genStart) / 1000;
  const rows = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`generated ${fmt(rows)} rows in ${genSeconds.toFixed(1)} s`);

  const external = process.env.NEO4J_URI;
  const neo4j = external ? null : await startLocalNeo4j({ dataDir, heapMb: 2048, pageCacheMb: 1024, log: (l) => console.log(`[neo4j] ${l}`) });
  const uri = external ?? neo4j!.uri;
  try {
    const first = await importOnce(dir, uri);
    const second = await importOnce(dir, uri);
    const rels = first.files.filter((f) => f.kind !== 'node').reduce((n, f) => n + f.rows, 0);
    const table = [
      ['preset', preset],
      ['rows (nodes + relationships + changes)', fmt(first.totals.rows)],
      ['relationships (incl. state changes)', fmt(rels)],
      ['generation', `${genSeconds.toFixed(1)} s`],
      ['import, empty database', `${first.seconds.toFixed(1)} s · ${fmt(first.relationshipsPerSecond)} relationships/s · peak RSS ${first.peakRssMb.toFixed(0)} MB`],
      ['import again (all unchanged)', `${second.seconds.toFixed(1)} s · ${fmt(second.relationshipsPerSecond)} relationships/s · peak RSS ${second.peakRssMb.toFixed(0)} MB · unchanged ${fmt(second.totals.unchanged)}`],
      ['rejected', String(first.errorCount)],
      ['total bench time', `${((performance.now() - began) / 1000).toFixed(1)} s`],
    ];
    const w = Math.max(...table.map((r) => r[0]!.length));
    console.log('\nbench/import');
    for (const [k, v] of table) console.log(`  ${k!.padEnd(w)}  ${v}`);
    console.log(`  target: ≥ 30,000 relationships/s and < 1,024 MB: ${first.relationshipsPerSecond >= 30_000 && first.peakRssMb < 1024 ? 'met' : 'NOT met'}`);
  } finally {
    await neo4j?.stop();
    if (!values.keep) {
      await rm(dir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
