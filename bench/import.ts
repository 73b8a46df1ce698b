/**
 * bench/import: generates the `beizhan` demo (72,000 residents) as CSV and imports it with the
 * import CLI (a child process, so its peak RSS is the importer's own) in its default mode (auto)
 * into an empty local database in a temp data dir — which takes the offline path, Neo4j's bulk
 * importer — then imports it again (every row unchanged; online, since the database now holds data),
 * and, for the record, imports it once more into another empty database with --mode online (the
 * Cypher path). Prints relationships/s, the offline load's phases, peak RSS (of the CLI and its bulk
 * importer JVM together, sampled at one instant: bench/process-tree.ts; each one's own peak beside it)
 * and the total time. Target: ≥ 30,000 relationships/s and < 1 GB peak RSS on 2 cores.
 *
 *   npx tsx bench/import.ts [--preset beizhan|small] [--keep] [--no-online]
 *   (with NEO4J_URI set, every import goes online to that server)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoDataset, type DemoPreset } from '../src/demo/generate.ts';
import { findFreePort } from '../src/db/local/proc.ts';
import { LAUNCHER_MAIN_CLASS } from '../src/db/local/paths.ts';
import { watchTree } from './process-tree.ts';

const { values } = parseArgs({ options: { preset: { type: 'string', default: 'beizhan' }, keep: { type: 'boolean', default: false }, 'no-online': { type: 'boolean', default: false } } });
const preset = values.preset as DemoPreset;
const root = path.resolve(import.meta.dirname, '..');

interface Summary {
  mode: 'online' | 'offline';
  totals: { rows: number; created: number; updated: number; unchanged: number; rejected: number };
  files: { name: string; kind: string; rows: number }[];
  seconds: number;
  relationshipsPerSecond: number;
  peakRssMb: number;
  bulkPeakRssMb?: number | null;
  databaseStartSeconds?: number;
  phases?: { checkSeconds: number; storeSeconds: number; schemaSeconds: number };
  errorCount: number;
  /** Sampled by the bench: the CLI and its children (the bulk importer JVM) together, at one instant. */
  treePeakMb: number;
}

/** The CLI against a data dir of its own (REWEAVE_DATA_DIR, a free port) or the server in NEO4J_URI. */
function importOnce(dir: string, target: { dataRoot: string; port: number }, mode: 'auto' | 'online'): Promise<Summary> {
  // The database the CLI starts (LocalNeo4j, for the online path and the migrations after a bulk
  // load) is the server, not the importer: it is left out, so the CLI and the bulk importer JVM count.
  // The same memory as the bench's Neo4j had before the CLI started its own (2 GB heap, 1 GB page cache).
  const env: NodeJS.ProcessEnv = {
    REWEAVE_NEO4J_HEAP_MB: '2048', REWEAVE_NEO4J_PAGE_CACHE_MB: '1024',
    ...process.env, REWEAVE_DATA_DIR: target.dataRoot, REWEAVE_NEO4J_PORT: String(target.port),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'src/cli/import.ts', dir, '--json', '--mode', mode], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const memory = watchTree(child.pid!, (cmdline) => cmdline.includes(LAUNCHER_MAIN_CLASS));
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      const { peakTreeMb } = memory.stop();
      if (code !== 0) return reject(new Error(`import exited with ${code}`));
      resolve({ ...(JSON.parse(out) as Omit<Summary, 'treePeakMb'>), treePeakMb: peakTreeMb });
    });
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function line(s: Summary): string {
  const jvm = s.bulkPeakRssMb ? `, bulk importer JVM ${s.bulkPeakRssMb.toFixed(0)} MB` : '';
  const start = s.databaseStartSeconds ? ` · + ${s.databaseStartSeconds.toFixed(1)} s database start` : '';
  return `${s.mode} · ${s.seconds.toFixed(1)} s · ${fmt(s.relationshipsPerSecond)} relationships/s · peak RSS ${s.treePeakMb.toFixed(0)} MB (own peaks: CLI ${s.peakRssMb.toFixed(0)} MB${jvm})${start}`;
}

/** The offline load's phases, and the rate the importer alone would allow if the rest took no time. */
function phaseLine(p: NonNullable<Summary['phases']>, rels: number): string {
  return `checking and staging ${p.checkSeconds.toFixed(1)} s · Neo4j importer ${p.storeSeconds.toFixed(1)} s (alone: ${fmt(rels / p.storeSeconds)} relationships/s) · schema and indexes ${p.schemaSeconds.toFixed(1)} s`;
}

async function main(): Promise<void> {
  const began = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), `reweave-bench-${preset}-`));
  const dataRoots = [await mkdtemp(path.join(os.tmpdir(), 'reweave-bench-data-')), await mkdtemp(path.join(os.tmpdir(), 'reweave-bench-data-'))];
  console.log(`generating ${preset} into ${dir} …`);
  const genStart = performance.now();
  const counts = await writeDemoDataset({ preset }, dir, 'csv');
  const genSeconds = (performance.now() - genStart) / 1000;
  const rows = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`generated ${fmt(rows)} rows in ${genSeconds.toFixed(1)} s`);

  try {
    const main = { dataRoot: dataRoots[0]!, port: await findFreePort() };
    const first = await importOnce(dir, main, 'auto');
    const second = await importOnce(dir, main, 'auto');
    const online = values['no-online'] ? null : await importOnce(dir, { dataRoot: dataRoots[1]!, port: await findFreePort() }, 'online');
    const rels = first.files.filter((f) => f.kind !== 'node').reduce((n, f) => n + f.rows, 0);
    const peakMb = first.treePeakMb;
    const table = [
      ['preset', preset],
      ['rows (nodes + relationships + changes)', fmt(first.totals.rows)],
      ['relationships (incl. state changes)', fmt(rels)],
      ['generation', `${genSeconds.toFixed(1)} s`],
      ['import, empty database (auto)', line(first)],
      ...(first.phases ? [['  of which', phaseLine(first.phases, rels)]] : []),
      ['import again (all unchanged)', `${line(second)} · unchanged ${fmt(second.totals.unchanged)}`],
      ...(online ? [['import, empty database, --mode online', line(online)]] : []),
      ['rejected', String(first.errorCount)],
      ['total bench time', `${((performance.now() - began) / 1000).toFixed(1)} s`],
    ];
    const w = Math.max(...table.map((r) => r[0]!.length));
    console.log('\nbench/import');
    for (const [k, v] of table) console.log(`  ${k!.padEnd(w)}  ${v}`);
    console.log(`  target: ≥ 30,000 relationships/s and < 1,024 MB (CLI and importer JVM together: ${peakMb.toFixed(0)} MB): ${first.relationshipsPerSecond >= 30_000 && peakMb < 1024 ? 'met' : 'NOT met'}`);
  } finally {
    if (!values.keep) {
      await rm(dir, { recursive: true, force: true });
      for (const d of dataRoots) await rm(d, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
