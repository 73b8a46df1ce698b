/**
 * bench/publicness: publicness (the community, B = 200), reweavingReport and partnerPublicness
 * through GraphQL on a demo community, cold (a fresh server and Database, so every cache is empty)
 * and warm (the same query again), and the HTML report end to end (`npm run report` as a child
 * process, from its start to the file written), against the targets of docs/analytics.md
 * ("Publicness: performance"): on beizhan publicness ≤ 60 s cold and ≤ 1 s warm, reweavingReport
 * ≤ 20 s cold, the report ≤ 90 s.
 *
 *   npm run bench:publicness -- [--preset small|beizhan] [--reuse] [--keep] [--sample] [--port 7705]
 *
 * The demo (pinned calendar, ending 2025-12-31) lives in a local Neo4j of the benches' own
 * (bench/harness/demo-neo4j.ts: kept with --keep, reused with --reuse; shared with bench/cultivation and bench/load).
 * --sample prints the queries' results as JSON (the README's examples).
 */
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import type { DemoPreset } from '../src/demo/generate.ts';
import { startApp } from '../src/server/app.ts';
import { createToken } from '../src/services/auth/tokens.ts';
import { demoNeo4j, timedQuery } from './harness/demo-neo4j.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'small' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    sample: { type: 'boolean', default: false },
    // 0: any free port (two presets at once).
    port: { type: 'string', default: '7705' },
  },
});
const preset = values.preset as DemoPreset;
const root = path.resolve(import.meta.dirname, '..');
const communityId = `demo-${preset}`;
const T0 = '2024-06-30';
const T1 = '2025-12-31';

const PUBLICNESS = `query($c: ID!) { publicness(scope: {communityId: $c}, t0: "${T0}", t1: "${T1}", options: {replicates: 200}) {
  pairedUnits t0 { residents organisations } t1 { residents organisations }
  index { t0 t1 delta interval { lower upper } pValue sensitivity { risingShare t0 { min max } t1 { min max } delta { min max lower upper } } }
  components { component t0 t1 delta interval { lower upper } pValue } } }`;
const REWEAVING = `query($c: ID!) { reweavingReport(communityId: $c, t0: "${T0}", t1: "${T1}") {
  added lost kept bridgesAdded bridgesLost
  t0 { residents ties isolates components largestComponentShare density averageClustering modularity ei }
  t1 { residents ties isolates components largestComponentShare density averageClustering modularity ei } } }`;
const PARTNERS = `query($c: ID!) { partnerPublicness(communityId: $c, t0: "${T0}", t1: "${T1}") {
  lowestDecileT0 lowestDecileT1 partners { rank name status t0 t1 delta residentsReached exitFlag exitReasons } } }`;

/** Targets (seconds) on beizhan, from the issue; small is printed against the same. */
const QUERIES = [
  { name: 'publicness (B = 200)', query: PUBLICNESS, cold: 60, warm: 1 },
  { name: 'reweavingReport', query: REWEAVING, cold: 20, warm: null },
  { name: 'partnerPublicness', query: PARTNERS, cold: null, warm: null },
] as const;
const REPORT_TARGET = 90;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function child(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args[0]} exited with ${code}: ${out}`))));
  });
}


async function main(): Promise<void> {
  const neo4j = await demoNeo4j({ bench: 'demo', preset, port: Number(values.port), reuse: values.reuse, keep: values.keep });
  const { auth, dataDir } = neo4j;
  const env = { NEO4J_URI: neo4j.uri, NEO4J_USERNAME: auth.username, NEO4J_PASSWORD: auth.password };
  try {
    const rows: { name: string; cold: number; warm: number; coldTarget: number | null; warmTarget: number | null }[] = [];
    for (const q of QUERIES) {
      // A fresh Database object: every projection cache and kept run is keyed by it, so this run starts cold.
      const db = new Database({ uri: neo4j.uri, username: auth.username, password: auth.password, retrySeconds: 30 });
      await migrate(db);
      const app = await startApp(db, { port: 0, host: '127.0.0.1' });
      try {
        const token = (await createToken(db, { role: 'EVALUATOR', communities: [communityId], name: 'bench publicness' })).token;
        const cold = await timedQuery(app.url, token, q.query, { c: communityId });
        const warm = await timedQuery(app.url, token, q.query, { c: communityId });
        rows.push({ name: q.name, cold: cold.seconds, warm: warm.seconds, coldTarget: q.cold, warmTarget: q.warm });
        if (values.sample) console.log(`${q.name}:\n${JSON.stringify(cold.data, null, 1)}`);
      } finally {
        await app.close();
        await db.close();
      }
    }
    const out = path.join(os.tmpdir(), `reweave-bench-report-${preset}.html`);
    const began = performance.now();
    await child(['src/cli/report.ts', '--community', communityId, '--t0', T0, '--t1', T1, '--out', out], { ...env, REWEAVE_DATA_DIR: path.join(dataDir, 'report-data') });
    const reportSeconds = (performance.now() - began) / 1000;
    const bytes = (await stat(out)).size;

    const verdict = (t: number, target: number | null) => (target === null ? '' : t <= target ? `≤ ${target} s met` : `≤ ${target} s NOT met by ${(t - target).toFixed(2)} s`);
    console.log(`\nbench/publicness — ${preset}, ${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log('  query                  cold s   warm s   (through GraphQL; cold = fresh server and caches)');
    for (const r of rows) console.log(`  ${r.name.padEnd(21)}  ${r.cold.toFixed(2).padStart(6)}   ${r.warm.toFixed(3).padStart(6)}   cold ${verdict(r.cold, r.coldTarget) || '(no target)'}${r.warmTarget === null ? '' : `; warm ${verdict(r.warm, r.warmTarget)}`}`);
    console.log(`  report end to end      ${reportSeconds.toFixed(2).padStart(6)}            ${verdict(reportSeconds, REPORT_TARGET)} (npm run report as a child process, ${fmt(bytes)} bytes: ${out})`);
  } finally {
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
