/**
 * bench/analytics: every analytics algorithm timed in reweave and, on the same edge list, in
 * NetworkX and python-igraph, printed as one table with the ratios, whether the answers agree, and
 * which speed targets are met (every algorithm faster than NetworkX; the path metrics and PageRank
 * no slower than igraph).
 *
 *   npx tsx bench/analytics.ts [--sizes 1000,10000,100000] [--only betweenness,pagerank]
 *                              [--budget 120] [--pivots 200] [--seed 42] [--python-threads 1]
 *                              [--reweave-only] [--pure] [--keep]
 *
 * - Graphs: bench/analytics/generate.ts (groups of 50, ~6 ties inside and 0.5 across per resident).
 * - One fresh process per library and size (reweave: bench/analytics/run-reweave.ts; NetworkX and
 *   igraph: bench/python/analytics_bench.py in a venv this script makes), run one after another so
 *   they never share the cores; graph loading is timed apart from the algorithms.
 * - Budgets: sizes run smallest first; an algorithm whose time, extrapolated from the previous size
 *   by its cost (n·m for exact path metrics, k·m for k pivots, m otherwise), exceeds --budget seconds
 *   is skipped and its estimate printed (and used, marked "~", in the ratios).
 * - Exact betweenness is O(n·m), hours in NetworkX at 100k: the sampled row (--pivots, same seed)
 *   is the one that runs at every size.
 * - Python runs with OMP_NUM_THREADS=1 (--python-threads): igraph's PageRank (PRPACK) is OpenMP,
 *   and on this shared 2-core machine its spinning threads took 0.3–1.7 s for what takes 15 ms of
 *   CPU with one thread (measured here at 10k); that measures the neighbours' load, not igraph.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mulberry32, sampleIndices } from '../src/analytics/graph-utils/prng.ts';
import { ALGORITHMS, ALGORITHM_NAMES, algorithm, workUnits, type Measurement, type RunReport } from './analytics/algorithms.ts';
import { generate, writeTieList, type TieFiles } from './analytics/generate.ts';
import { PYTHON_SCRIPT, ROOT, runChild, setUpPython, type PythonSide } from './analytics/python.ts';
import type { ReweaveJob } from './analytics/run-reweave.ts';
import { formatMs, table, targets, type Library, type Reports } from './analytics/table.ts';

const USAGE = 'usage: npx tsx bench/analytics.ts [--sizes 1000,10000,100000] [--only a,b] [--budget SECONDS] [--pivots K] [--seed S] [--python-threads N] [--reweave-only] [--pure] [--keep]';
const { values: args } = parseArgs({
  options: {
    'sizes': { type: 'string', default: '1000,10000,100000' },
    'only': { type: 'string' },
    'budget': { type: 'string', default: '120' },
    'pivots': { type: 'string', default: '200' },
    'seed': { type: 'string', default: '42' },
    'python-threads': { type: 'string', default: '1' },
    'reweave-only': { type: 'boolean', default: false },
    'pure': { type: 'boolean', default: false },
    'keep': { type: 'boolean', default: false },
    'help': { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`${USAGE}\nalgorithms: ${ALGORITHM_NAMES.join(', ')}`);
  process.exit(0);
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name}: expected a positive integer, got ${text}\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

const sizes = [...new Set(args.sizes.split(',').map((s) => positiveInteger('sizes', s.trim())))].sort((a, b) => a - b);
const only = args.only ? args.only.split(',').map((s) => s.trim()) : ALGORITHM_NAMES;
// An unknown name fails here, before any work.
const unknown = only.filter((name) => !ALGORITHM_NAMES.includes(name));
if (unknown.length > 0) {
  console.error(`--only: unknown ${unknown.join(', ')}; known: ${ALGORITHM_NAMES.join(', ')}`);
  process.exit(2);
}
const ordered = ALGORITHMS.map((a) => a.name).filter((name) => only.includes(name));
const budgetMs = positiveInteger('budget', args.budget) * 1000;
const pivots = positiveInteger('pivots', args.pivots);
const seed = positiveInteger('seed', args.seed);
const pythonThreads = String(positiveInteger('python-threads', args['python-threads']));
const PYTHON_ENV = { OMP_NUM_THREADS: pythonThreads, OPENBLAS_NUM_THREADS: pythonThreads, MKL_NUM_THREADS: pythonThreads };
// Budgets extrapolate from a smaller size; without one, 1000 runs first to measure from.
if (sizes[0]! > 1000) sizes.unshift(1000);

const log = (line: string): void => console.log(line);
const began = performance.now();
const loadBefore = os.loadavg();

// ─── budgets ────────────────────────────────────────────────────────────────────────────────────

interface Seen { n: number; m: number; ms: number }
/** library → algorithm → the last size's time (measured, or the estimate if it was skipped) */
const last = new Map<Library, Map<string, Seen>>();

function plan(library: Library, n: number, m: number): { run: string[]; skip: Record<string, Measurement>; expectedMs: number | null } {
  const run: string[] = [];
  const skip: Record<string, Measurement> = {};
  let expectedMs: number | null = 0;
  for (const name of ordered) {
    const seen = last.get(library)?.get(name);
    if (!seen) {
      run.push(name);
      expectedMs = null;
      continue;
    }
    const { cost } = algorithm(name);
    const estimateMs = seen.ms * (workUnits(cost, n, m, pivots) / workUnits(cost, seen.n, seen.m, pivots));
    if (estimateMs > budgetMs) skip[name] = { status: 'skipped', estimateMs };
    else {
      run.push(name);
      if (expectedMs !== null) expectedMs += estimateMs;
    }
  }
  return { run, skip, expectedMs };
}

function remember(library: Library, report: RunReport): void {
  const seen = last.get(library) ?? new Map<string, Seen>();
  for (const [name, m] of Object.entries(report.results)) {
    const ms = m.status === 'ok' ? m.ms : m.status === 'skipped' ? m.estimateMs : undefined;
    if (ms !== undefined) seen.set(name, { n: report.n, m: report.m, ms });
  }
  last.set(library, seen);
}

// ─── running one library on one size ────────────────────────────────────────────────────────────

async function runLibrary(library: Library, files: TieFiles, dir: string, n: number, m: number, pivotList: number[], python: PythonSide): Promise<RunReport | null> {
  const { run, skip, expectedMs } = plan(library, n, m);
  const out = path.join(dir, `${library}-${n}.json`);
  const jobFile = path.join(dir, `${library}-${n}.job.json`);
  // The limit guards against a wrong estimate, not a slow machine: three times the estimate, and
  // at least five minutes; thirty when nothing is known yet.
  const limitMs = expectedMs === null ? 30 * 60_000 : Math.max(5 * 60_000, 3 * expectedMs + 60_000);
  let exit: { code: number | null; timedOut: boolean };
  if (library === 'reweave') {
    const job: ReweaveJob = { ...files, run, skip, pivots, seed, usePool: !args.pure, out };
    await writeFile(jobFile, JSON.stringify(job));
    exit = await runChild(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', path.join(ROOT, 'bench/analytics/run-reweave.ts'), jobFile], limitMs);
  } else {
    const job = { ...files, run, skip, pivots: pivotList, seed, checkSubset: n <= 10_000, out };
    await writeFile(jobFile, JSON.stringify(job));
    exit = await runChild(python.python!, [PYTHON_SCRIPT, '--library', library, jobFile], limitMs, PYTHON_ENV);
  }
  let report: RunReport;
  try {
    report = JSON.parse(await readFile(out, 'utf8')) as RunReport;
  } catch {
    log(`    ${library}: no report (exit code ${exit.code}${exit.timedOut ? ', killed at the time limit' : ''})`);
    return null;
  }
  const why = exit.timedOut ? `killed at the process time limit (${formatMs(limitMs)})` : exit.code !== 0 ? `the process exited with code ${exit.code}` : null;
  for (const name of run) {
    if (!report.results[name]) report.results[name] = { status: 'error', note: why ?? 'no result reported' };
  }
  remember(library, report);
  return report;
}

// ─── main ───────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  log(`bench/analytics: sizes ${sizes.join(', ')}; ${ordered.length} algorithms; budget ${budgetMs / 1000} s per library, algorithm and size; ${pivots} pivots, seed ${seed}`);
  const python: PythonSide = args['reweave-only']
    ? { python: null, libraries: [], note: 'no Python columns (--reweave-only)' }
    : setUpPython(log);
  log(`python: ${python.note}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reweave-bench-analytics-'));
  const reports: Reports = new Map();
  let poolPath = '';
  const versions = new Map<string, string>();
  try {
    for (const n of sizes) {
      const list = generate(n, seed);
      const files = await writeTieList(list, dir);
      const m = list.u.length;
      const pivotList = Array.from(sampleIndices(n, Math.min(pivots, n), mulberry32(seed)));
      log(`\n== ${n} residents, ${m} ties (edge list in ${dir}) — ${formatMs(performance.now() - began)} elapsed`);
      const by: Partial<Record<Library, RunReport>> = {};
      for (const library of ['reweave', ...python.libraries] as Library[]) {
        const report = await runLibrary(library, files, dir, n, m, pivotList, python);
        if (report) {
          by[library] = report;
          versions.set(library, report.version);
          if (report.path) poolPath = report.path;
        }
      }
      reports.set(n, by);
    }
  } finally {
    if (!args.keep) await rm(dir, { recursive: true, force: true });
  }

  const { text, notes } = table(reports, ordered);
  log('\n' + text);
  notes.forEach((note, i) => log(`  [${i + 1}] ${note}`));
  log('\ntargets (ratio = reweave time / other time):');
  for (const line of targets(reports, ordered)) log(line);
  log('\nconventions (the same call in every library; see bench/analytics/algorithms.ts):');
  for (const a of ALGORITHMS.filter((x) => ordered.includes(x.name))) log(`  ${a.name.padEnd(20)} ${a.convention}`);
  log('\nhow it was run:');
  log(`  reweave: ${versions.get('reweave') ?? '?'}; centralities via ${poolPath || '?'}`);
  log(`  NetworkX ${versions.get('networkx') ?? '–'}, igraph ${versions.get('igraph') ?? '–'}; ${python.note}; OMP_NUM_THREADS=${pythonThreads}`);
  log('  a fresh process per library and size, one at a time; times are the algorithm alone, graph loading apart: one run from 1 s up,');
  log('  else the median of ≥ 3 runs over ≥ 1 s; "cpu" ratios compare process CPU time (all threads: the worker pool\'s two count twice)');
  log(`  ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}); load average ${loadBefore.map((x) => x.toFixed(1)).join('/')} at the start, ${os.loadavg().map((x) => x.toFixed(1)).join('/')} at the end — other work on the machine makes times noisy`);
  log(`  total ${formatMs(performance.now() - began)}`);
}

await main();
