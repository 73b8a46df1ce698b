/**
 * bench/cultivation: the cultivation queries through GraphQL on a demo community, cold (a fresh
 * server and Database, so every cache is empty) and warm (the same query again), against the
 * targets of docs/analytics.md ("Cultivation: performance"), plus the backtest's figures.
 *
 *   npm run bench:cultivation -- [--preset small|beizhan] [--runs 1] [--reuse] [--keep] [--sample]
 *
 * The demo (pinned calendar, ending 2025-12-31) lives in a local Neo4j of the benches' own
 * (bench/harness/demo-neo4j.ts: kept with --keep, reused with --reuse; shared with bench/publicness and bench/load).
 * --sample prints each query's first rows as JSON (the README's examples).
 */
import os from 'node:os';
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
    runs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    sample: { type: 'boolean', default: false },
  },
});
const preset = values.preset as DemoPreset;
const runs = Math.max(1, Number(values.runs));
const communityId = `demo-${preset}`;

const FUNNEL = `query($c: ID!) { stageFunnel(communityId: $c, subject: RESIDENT_CULTIVATION, from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z", groupBy: HOUSING_TYPE) {
  nodes stages { stage atStart atEnd entered left } conversions { from to eligible converted rate low high }
  timeInStage { stage spells events censored median low high reason } cohorts { year size reached { stage within365 } } groups { group nodes conversions { from rate } } } }`;
const CANDIDATES = `query($c: ID!) { promotionCandidates(communityId: $c, stage: GOOD_PERSON, first: 3) {
  asOf model { method promotions trainingRows backtest { trainedBefore ranked promoted trainingPromotions method
    model { precisionAt10 precisionAt50 auc } activeResidentScore { precisionAt10 precisionAt50 auc } chance { precisionAt10 precisionAt50 auc } } }
  candidates { totalCount edges { node { rank residentId resident { label } score logit reasons { en zh } } } } } }`;
const DEPENDENCE = `query($c: ID!) { leaderDependence(communityId: $c) { asOf atRisk organisations(first: 3) { totalCount edges { node {
  rank organization { name } criteria reasons { en zh } coreTeam activities topOrganiserShare connectedShareWithoutLeader } } } } }`;

/** Targets (seconds) on beizhan, from the issue; small is printed against the same. */
const QUERIES = [
  { name: 'stageFunnel', query: FUNNEL, cold: 5, warm: 1 },
  { name: 'promotionCandidates', query: CANDIDATES, cold: 15, warm: 1 },
  { name: 'leaderDependence', query: DEPENDENCE, cold: 5, warm: null },
] as const;



async function main(): Promise<void> {
  const neo4j = await demoNeo4j({ bench: 'demo', preset, port: 7703, reuse: values.reuse, keep: values.keep });
  const { auth } = neo4j;
  try {
    const rows: string[][] = [];
    let backtest: any = null;
    for (const q of QUERIES) {
      for (let run = 1; run <= runs; run += 1) {
        // A fresh Database object: every projection cache is keyed by it, so this run starts cold.
        const db = new Database({ uri: neo4j.uri, username: auth.username, password: auth.password, retrySeconds: 30 });
        await migrate(db);
        const app = await startApp(db, { port: 0, host: '127.0.0.1' });
        try {
          const token = (await createToken(db, { role: 'ANALYST', communities: [communityId], name: 'bench cultivation' })).token;
          const cold = await timedQuery(app.url, token, q.query, { c: communityId });
          const warm = await timedQuery(app.url, token, q.query, { c: communityId });
          rows.push([q.name, String(run), cold.seconds.toFixed(2), String(q.cold), warm.seconds.toFixed(3), q.warm === null ? '–' : String(q.warm)]);
          if (q.name === 'promotionCandidates') backtest = cold.data.promotionCandidates.model;
          if (values.sample && run === 1) console.log(`${q.name}:\n${JSON.stringify(cold.data, null, 1)}`);
        } finally {
          await app.close();
          await db.close();
        }
      }
    }
    console.log(`\nbench/cultivation — ${preset}, ${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log('  query                 run  cold s  target  warm s  target  (through GraphQL; cold = fresh server and caches)');
    for (const r of rows) console.log(`  ${r[0]!.padEnd(20)}  ${r[1]!.padStart(3)}  ${r[2]!.padStart(6)}  ${('≤ ' + r[3]).padStart(6)}  ${r[4]!.padStart(6)}  ${(r[5] === '–' ? '–' : '≤ ' + r[5]).padStart(6)}`);
    for (const q of QUERIES) {
      const mine = rows.filter((r) => r[0] === q.name);
      const worstCold = Math.max(...mine.map((r) => Number(r[2])));
      const worstWarm = Math.max(...mine.map((r) => Number(r[4])));
      const verdict = (t: number, target: number) => (t <= target ? 'met' : `NOT met by ${(t - target).toFixed(2)} s`);
      console.log(`  target ${q.name}: cold ${worstCold.toFixed(2)} s ≤ ${q.cold} s ${verdict(worstCold, q.cold)}${q.warm === null ? '' : `; warm ${worstWarm.toFixed(3)} s ≤ ${q.warm} s ${verdict(worstWarm, q.warm)}`}`);
    }
    if (backtest) {
      const b = backtest.backtest;
      const f = (x: number | null) => (x === null ? '–' : x.toFixed(3));
      console.log(`\n  promotionCandidates(GOOD_PERSON): ${backtest.method} — ${backtest.promotions} past promotions, ${backtest.trainingRows} training rows`);
      console.log(`  backtest: trained before ${b.trainedBefore} on ${b.trainingPromotions} promotions (${b.method}); ${b.ranked} good people ranked, ${b.promoted} promoted within the year`);
      console.log('                          precision@10  precision@50  ROC AUC');
      for (const [name, q] of [['model', b.model], ['active-resident score', b.activeResidentScore], ['chance', b.chance]] as const) {
        console.log(`  ${name.padEnd(22)}  ${f(q.precisionAt10).padStart(12)}  ${f(q.precisionAt50).padStart(12)}  ${f(q.auc).padStart(7)}`);
      }
    }
  } finally {
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
