/**
 * What checking a researcher's Cypher costs before it reaches the database (src/research/check.ts):
 * the first check in a process (the grammar's tables are built and its prediction caches empty), then
 * repeated checks of the accepted queries of docs/research-query.md and of every escape attempt of
 * test/helpers/research-escapes.ts, as median and p95 per query. No database is involved.
 * docs/research-query.md quotes the figures.
 *
 * Run: npx tsx bench/research-check.ts [rounds]   (default 50 rounds)
 */
import { performance } from 'node:perf_hooks';
import { checkResearchQuery } from '../src/research/check.ts';
import { ESCAPES } from '../test/helpers/research-escapes.ts';

const s = (v: string) => `${v}.communityId IN $__communities`;
const ACCEPTED = [
  `MATCH (r:Resident)-[m:MEMBER_OF]->(o:Organization) WHERE ${s('r')} AND ${s('o')} AND m.role = $role RETURN o.name AS organisation, r.displayName AS leader, r.cultivationStage AS stage ORDER BY organisation LIMIT 3`,
  `MATCH (r:Resident) WHERE ${s('r')} RETURN r.partyMember AS partyMember, r.cultivationStage AS stage, count(*) AS residents ORDER BY partyMember, stage`,
  `MATCH (a:Resident)-[e:EXCHANGED]->(b:Resident) WHERE ${s('a')} AND ${s('b')} AND e.at >= datetime('2025-01-01') WITH a, b, sum(e.hours) AS hours WHERE hours > 2 RETURN a.id AS provider, b.id AS recipient, hours ORDER BY hours DESC LIMIT 20`,
];

function check(q: string): void {
  try {
    checkResearchQuery(q);
  } catch {
    // a refusal costs what an acceptance does: both are the point of the measurement
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function measure(name: string, queries: readonly string[], rounds: number): void {
  const times: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const q of queries) {
      const t0 = performance.now();
      check(q);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(28)} ${String(queries.length).padStart(3)} queries × ${rounds}  median ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  max ${times.at(-1)!.toFixed(2)} ms`);
}

const rounds = Number(process.argv[2] ?? 50);
const t0 = performance.now();
check(ACCEPTED[0]!);
console.log(`first check in the process       ${(performance.now() - t0).toFixed(1)} ms`);
measure('accepted queries', ACCEPTED, rounds);
measure('escape attempts', ESCAPES.map((e) => e.cypher), rounds);
