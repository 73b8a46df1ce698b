/**
 * bench/load: the service under concurrent clients, as users run it — `src/main.ts` in a process of
 * its own over the `small` demo — driven by autocannon from this process, for each of four requests
 * at 10, 50 and 100 connections:
 *   - a resident by id with its memberships and their organisations (nested fields), each request
 *     another of the demo's residents with memberships;
 *   - a page of 50 residents;
 *   - a cached analytics answer (PageRank, top 10; computed once before the runs);
 *   - a mutation (createResident, a new id each time, in a community of the bench's own).
 * Printed per run: requests/s, p50/p95/p99 latency (computed here from every response's time),
 * errors (non-2xx, GraphQL errors in a 200 answer, timeouts), and during the 100-connection runs the
 * latency of /health probed every 100 ms from a separate socket. The server's RSS is read before the
 * first run and after the last (and, with `--settle N`, again after N idle seconds). Targets (the hardening issue, 50 connections, 2 shared cores): by-id
 * ≥ 800 req/s with p95 ≤ 100 ms; cached analytics ≥ 1,500 req/s with p95 ≤ 50 ms; 0 errors;
 * /health < 100 ms during the 100-connection runs; RSS after ≤ 1.2 × before.
 *
 *   npm run bench:load -- [--duration 60] [--warmup 10] [--settle 0] [--connections 10,50,100] [--only by-id,page,cached,mutation] [--reuse] [--keep]
 *
 * Before each request's runs it is sent for `--warmup` seconds (default 10) at 50 connections, and
 * that run is not counted: the bench's Neo4j is started for the bench, and its JIT makes the first
 * seconds of a cold database several times slower than a service that has been up for a while (a
 * single-statement read ran at 273 transactions/s in the first 8 s, 989 in the next 8).
 *
 * The demo lives in a local Neo4j of the benches' own (bench/harness/demo-neo4j.ts). The service
 * runs with NODE_ENV=production, its audit log on and its per-token rate limit off.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Database } from '../src/db/database.ts';
import { ALL_COMMUNITIES } from '../src/domain/permissions.ts';
import { createToken } from '../src/services/auth/tokens.ts';
import { demoNeo4j, timedQuery } from './harness/demo-neo4j.ts';
import { startService, type BenchService } from './harness/service.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    settle: { type: 'string', default: '0' },
    connections: { type: 'string', default: '10,50,100' },
    only: { type: 'string', default: 'by-id,page,cached,mutation' },
    port: { type: 'string', default: '7709' },
    reuse: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const settle = Number(values.settle);
const levels = values.connections.split(',').map(Number);
const only = new Set(values.only.split(','));
const COMMUNITY = 'demo-small';
const LOAD_COMMUNITY = `bench-load-${Date.now().toString(36)}`;

const BY_ID = 'query($id: ID!) { resident(id: $id) { id displayName memberships { role organization { id name } } } }';
const PAGE = `{ residents(first: 50, filter: { communityIds: ["${COMMUNITY}"] }) { edges { node { id displayName housingArea } } } }`;
const CACHED = `{ centrality(network: { communityId: "${COMMUNITY}" }, measure: PAGERANK) { seconds scores(first: 10) { edges { node { rank score nodeId } } } } }`;
const CREATE = 'mutation($input: CreateResidentInput!) { createResident(input: $input) { id } }';

interface Scenario {
  name: string;
  token: string;
  body: () => string;
  target?: { rps: number; p95: number };
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * /health latency every 100 ms until stopped, from a process of its own (bench/harness/health-probe.ts):
 * in this one the load generator's own event loop would delay the probe's timings.
 */
function probeHealth(url: string): { stop: () => Promise<number[]> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'harness/health-probe.ts'), url], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    stop: async () => {
      child.stdin!.end();
      await exited;
      return (JSON.parse(out) as number[]).sort((a, b) => a - b);
    },
  };
}

async function run(url: string, s: Scenario, connections: number, seconds = duration): Promise<string> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  const health = connections >= 100 ? probeHealth(url) : null;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: `${url}/graphql`,
      connections,
      duration: seconds,
      timeout: 30,
      requests: [{
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
        setupRequest: (req) => ({ ...req, body: s.body() }),
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
        },
      }],
    }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const healthTimes = health ? await health.stop() : null;
  latencies.sort((a, b) => a - b);
  const rps = result.requests.total / seconds;
  const p95 = percentile(latencies, 95);
  const errors = result.non2xx + result.errors + result.timeouts + graphqlErrors;
  const target = s.target && connections === 50
    ? ` · target ≥ ${s.target.rps} req/s, p95 ≤ ${s.target.p95} ms: ${rps >= s.target.rps && p95 <= s.target.p95 ? 'met' : 'MISSED'}`
    : '';
  const healthText = healthTimes ? ` · /health p95 ${percentile(healthTimes, 95).toFixed(0)} ms, max ${healthTimes.at(-1)!.toFixed(0)} ms, slowest five ${healthTimes.slice(-5).map((t) => t.toFixed(0)).join(' ')} (${healthTimes.length} probes; target < 100 ms: ${healthTimes.at(-1)! < 100 ? 'met' : 'MISSED'})` : '';
  return `  ${s.name.padEnd(9)} ${String(connections).padStart(4)}  ${rps.toFixed(0).padStart(7)}  ${percentile(latencies, 50).toFixed(0).padStart(6)}  ${p95.toFixed(0).padStart(6)}  ${percentile(latencies, 99).toFixed(0).padStart(6)}  ${String(errors).padStart(6)} (non-2xx ${result.non2xx}, GraphQL ${graphqlErrors}, socket ${result.errors}, timeouts ${result.timeouts})${target}${healthText}`;
}

/**
 * The residents earlier runs' mutations wrote (--reuse keeps them: 70,000 after one full run), so
 * that every run meets the same database. Bench housekeeping, not a service statement.
 */
async function removeEarlierWrites(db: Database): Promise<void> {
  const session = db.driver.session();
  try {
    const match = `MATCH (n) WHERE n.communityId STARTS WITH 'bench-load-' OR (n:Community AND n.id STARTS WITH 'bench-load-')`;
    const found = (await session.run(`${match} RETURN count(n) AS n`)).records[0]!.get('n').toNumber();
    await session.run(`${match} CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`);
    if (found > 0) console.log(`removed ${found} nodes earlier runs wrote`);
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const neo4j = await demoNeo4j({ bench: 'demo', preset: 'small', port: 7707, reuse: values.reuse, keep: values.keep });
  let server: BenchService | null = null;
  try {
    const db = new Database({ uri: neo4j.uri, username: neo4j.auth.username, password: neo4j.auth.password, retrySeconds: 30 });
    await removeEarlierWrites(db);
    const analyst = (await createToken(db, { role: 'ANALYST', communities: [COMMUNITY], name: 'bench load' })).token;
    // Creating a community takes an ADMIN of every community.
    const admin = (await createToken(db, { role: 'ADMIN', communities: [ALL_COMMUNITIES], name: 'bench load writes' })).token;
    await db.close();

    // The service reads the demo's map history at start-up (src/services/analytics/warm-timelines.ts):
    // the runs start once it says it is done, so that they do not share the cores with it.
    let warmed: () => void = () => {};
    const warmedUp = new Promise<void>((resolve) => (warmed = resolve));
    server = await startService({ neo4j, port: Number(values.port), onLog: (line) => { if (line.includes(`map history of ${COMMUNITY}`)) warmed(); } });
    const url = server.url;
    await server.ready();
    await warmedUp;

    // The data the requests need: a resident with memberships, a community for the writes, the cached answer.
    // Every resident of the demo with memberships, asked for in turn: one id asked again and again
    // would let the service's and Neo4j's batching and caching answer from one read.
    const residents: string[] = [];
    for (let after: string | null = null; ;) {
      const got = await timedQuery(url, analyst, 'query($after: String) { residents(first: 200, after: $after, filter: { communityIds: ["' + COMMUNITY + '"] }) { edges { node { id memberships { id } } } pageInfo { hasNextPage endCursor } } }', { after });
      const { edges, pageInfo } = got.data.residents;
      for (const e of edges) if (e.node.memberships.length > 0) residents.push(e.node.id);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    if (residents.length === 0) throw new Error('no resident with memberships in the demo');
    console.log(`by-id asks for ${residents.length} residents with memberships in turn`);
    let next = 0;
    const resident = () => residents[next++ % residents.length]!;
    await timedQuery(url, admin, 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }', { input: { id: LOAD_COMMUNITY, name: '压测社区 load-test community' } });
    const first = await timedQuery(url, analyst, CACHED, {});
    console.log(`PageRank computed once in ${first.seconds.toFixed(2)} s; the runs read the cached answer`);

    let written = 0;
    const scenarios: Scenario[] = [
      { name: 'by-id', token: analyst, body: () => JSON.stringify({ query: BY_ID, variables: { id: resident() } }), target: { rps: 800, p95: 100 } },
      { name: 'page', token: analyst, body: () => JSON.stringify({ query: PAGE }) },
      { name: 'cached', token: analyst, body: () => JSON.stringify({ query: CACHED }), target: { rps: 1500, p95: 50 } },
      {
        name: 'mutation', token: admin,
        body: () => JSON.stringify({ query: CREATE, variables: { input: { id: `${LOAD_COMMUNITY}-r${(written += 1)}`, communityId: LOAD_COMMUNITY, displayName: `压测居民 ${written}` } } }),
      },
    ].filter((s) => only.has(s.name));

    const before = await rssMb(server.child.pid!);
    let warmedRss: number | undefined;
    const lines: string[] = [];
    for (const s of scenarios) {
      if (warmup > 0) {
        console.log(`  (warm-up, not counted) ${(await run(url, s, 50, warmup)).trim()}`);
        warmedRss ??= await rssMb(server.child.pid!);
      }
      for (const c of levels) {
        const line = `${await run(url, s, c)} · RSS ${(await rssMb(server.child.pid!)).toFixed(0)} MB`;
        console.log(line);
        lines.push(line);
      }
    }
    const after = await rssMb(server.child.pid!);
    // RSS right after a run says where V8's collection cycle stood; `--settle` reads it again after
    // some idle seconds, to show whether the service gives memory back while idle.
    if (settle > 0) await new Promise((r) => setTimeout(r, settle * 1000));
    const settled = await rssMb(server.child.pid!);

    console.log(`\nbench/load — small demo, ${os.cpus().length} cores shared by the service, Neo4j and the load generator, node ${process.version}, ${duration} s per run after a ${warmup} s warm-up, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log('  request  conns    req/s     p50     p95     p99  errors (ms)');
    for (const line of lines) console.log(line);
    console.log(`  server RSS: ${before.toFixed(0)} MB before the first request, ${after.toFixed(0)} MB after (× ${(after / before).toFixed(2)}; target ≤ × 1.2: ${after <= 1.2 * before ? 'met' : 'MISSED'})${warmedRss === undefined ? '' : `; ${warmedRss.toFixed(0)} MB after the first warm-up (after × ${(after / warmedRss).toFixed(2)} of it)`}`);
    if (settle > 0) console.log(`  server RSS ${settle} s after the last run, idle: ${settled.toFixed(0)} MB (× ${(settled / before).toFixed(2)})`);
  } finally {
    await server?.stop();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
