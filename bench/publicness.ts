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
 * The demo is generated with its pinned calendar (ending 2025-12-31) and imported by the import CLI
 * into a local Neo4j of its own (a temporary data folder, kept with --keep and reused with --reuse).
 * --sample prints the queries' results as JSON (the README's examples).
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../src/db/database.ts';
import { startLocalNeo4j } from '../src/db/local/neo4j-local.ts';
import { migrate } from '../src/db/migrate.ts';
import { writeDemoDataset, type DemoPreset } from '../src/demo/generate.ts';
import { startApp } from '../src/server/app.ts';
import { createToken } from '../src/services/auth/tokens.ts';

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
const dataDir = path.join(os.tmpdir(), `reweave-bench-publicness-${preset}`);
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

function child(args: string[], env: Record<string, string>, json: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args[0]} exited with ${code}${json ? '' : `: ${out}`}`))));
  });
}

async function timed(url: string, token: string, query: string): Promise<{ seconds: number; data: any }> {
  const began = performance.now();
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables: { c: communityId } }) });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  const seconds = (performance.now() - began) / 1000;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { seconds, data: body.data };
}

async function main(): Promise<void> {
  if (!values.reuse) await rm(dataDir, { recursive: true, force: true });
  const reusing = values.reuse && (await access(dataDir).then(() => true, () => false));
  const neo4j = await startLocalNeo4j({ dataDir, port: Number(values.port), heapMb: 2048, pageCacheMb: 1024, log: (l) => console.log(`[neo4j] ${l}`) });
  const auth = { username: neo4j.username, password: neo4j.password };
  const env = { NEO4J_URI: neo4j.uri, NEO4J_USERNAME: auth.username, NEO4J_PASSWORD: auth.password };
  try {
    if (!reusing) {
      const dir = await mkdtemp(path.join(os.tmpdir(), `reweave-bench-publicness-${preset}-`));
      try {
        console.log(`generating ${preset} (calendar ending 2025-12-31) into ${dir} …`);
        await writeDemoDataset({ preset, end: '2025-12-31' }, dir, 'csv');
        const summary = JSON.parse(await child(['src/cli/import.ts', dir, '--json'], env, true)) as { totals: { rows: number }; seconds: number; errorCount: number };
        console.log(`imported ${fmt(summary.totals.rows)} rows in ${summary.seconds.toFixed(1)} s (${summary.errorCount} rejected)`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    const rows: { name: string; cold: number; warm: number; coldTarget: number | null; warmTarget: number | null }[] = [];
    for (const q of QUERIES) {
      // A fresh Database object: every projection cache and kept run is keyed by it, so this run starts cold.
      const db = new Database({ uri: neo4j.uri, username: auth.username, password: auth.password, retrySeconds: 30 });
      await migrate(db);
      const app = await startApp(db, { port: 0, host: '127.0.0.1' });
      try {
        const token = (await createToken(db, { role: 'EVALUATOR', communities: [communityId], name: 'bench publicness' })).token;
        const cold = await timed(app.url, token, q.query);
        const warm = await timed(app.url, token, q.query);
        rows.push({ name: q.name, cold: cold.seconds, warm: warm.seconds, coldTarget: q.cold, warmTarget: q.warm });
        if (values.sample) console.log(`${q.name}:\n${JSON.stringify(cold.data, null, 1)}`);
      } finally {
        await app.close();
        await db.close();
      }
    }
    const out = path.join(os.tmpdir(), `reweave-bench-report-${preset}.html`);
    const began = performance.now();
    await child(['src/cli/report.ts', '--community', communityId, '--t0', T0, '--t1', T1, '--out', out], { ...env, REWEAVE_DATA_DIR: path.join(dataDir, 'report-data') }, false);
    const reportSeconds = (performance.now() - began) / 1000;
    const bytes = (await stat(out)).size;

    const verdict = (t: number, target: number | null) => (target === null ? '' : t <= target ? `≤ ${target} s met` : `≤ ${target} s NOT met by ${(t - target).toFixed(2)} s`);
    console.log(`\nbench/publicness — ${preset}, ${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log('  query                  cold s   warm s   (through GraphQL; cold = fresh server and caches)');
    for (const r of rows) console.log(`  ${r.name.padEnd(21)}  ${r.cold.toFixed(2).padStart(6)}   ${r.warm.toFixed(3).padStart(6)}   cold ${verdict(r.cold, r.coldTarget) || '(no target)'}${r.warmTarget === null ? '' : `; warm ${verdict(r.warm, r.warmTarget)}`}`);
    console.log(`  report end to end      ${reportSeconds.toFixed(2).padStart(6)}            ${verdict(reportSeconds, REPORT_TARGET)} (npm run report as a child process, ${fmt(bytes)} bytes: ${out})`);
  } finally {
    await neo4j.stop();
    if (!values.keep) await rm(dataDir, { recursive: true, force: true });
    else console.log(`data folder kept: ${dataDir} (rerun with --reuse)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
