/**
 * Child process of bench/analytics.ts: times reweave's algorithms on one size's edge list and writes
 * a RunReport as JSON. A fresh process per size, so a size's timings do not inherit the heap the
 * previous size left behind (DESIGN.md, "Performance notes": exact betweenness took 24 s in a fresh
 * process and 47 s after other algorithms had run).
 *
 *   node --expose-gc --import tsx bench/analytics/run-reweave.ts JOB.json
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Measurement, RunReport } from './algorithms.ts';
import { readTieList } from './generate.ts';
import { closePool, openPool, pathUsed, prepare, time } from './reweave.ts';

export interface ReweaveJob {
  nodes: string;
  edges: string;
  /** algorithms to time, in order */
  run: string[];
  /** algorithms not to run, with what to report instead (skipped by budget) */
  skip: Record<string, Measurement>;
  pivots: number;
  seed: number;
  usePool: boolean;
  out: string;
}

const seconds = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);

async function main(): Promise<void> {
  const job = JSON.parse(await readFile(process.argv[2]!, 'utf8')) as ReweaveJob;
  const list = await readTieList({ nodes: job.nodes, edges: job.edges });
  const { prepared, loadMs } = prepare(list, job.pivots, job.seed);
  console.error(`    reweave: graph + CSR built in ${seconds(loadMs)}; ${await openPool(job.usePool)}`);
  const results: Record<string, Measurement> = { ...job.skip };
  // Written after every algorithm: if the parent kills this process at its time limit, what
  // finished is still reported.
  const save = (): Promise<void> => {
    const report: RunReport = {
      library: 'reweave', version: `node ${process.version}`, path: pathUsed(), n: list.n, m: list.u.length, loadMs, results,
    };
    return writeFile(job.out, JSON.stringify(report));
  };
  try {
    for (const name of job.run) {
      const measured = await time(name, prepared);
      results[name] = measured;
      const said = measured.status === 'ok' ? seconds(measured.ms!) : `${measured.status}: ${measured.note}`;
      console.error(`    reweave  ${name.padEnd(20)} ${said}`);
      await save();
    }
  } finally {
    await closePool();
  }
  await save();
}

await main();
