/**
 * (a) The database taken away under load: while clients keep sending reads and writes to the
 * running service, Neo4j is frozen (SIGSTOP for some seconds, then SIGCONT), stopped cleanly
 * (SIGTERM) and killed (SIGKILL), each time started again after an outage. Shown: the error codes
 * and HTTP statuses answered (the API's promise: DATABASE_UNAVAILABLE with 503, never an internal
 * error), the time from the database being back to the first successful read and write, and the
 * writes read back afterwards (acknowledged → present and in the audit log; refused → absent).
 */
import type { Database } from '../../src/db/database.ts';
import type { BenchNeo4j } from '../harness/demo-neo4j.ts';
import { startClients, type Outcome } from './clients.ts';
import { checkWrites } from './read-back.ts';
import { table, windowRow, WINDOW_HEAD, type Property } from './report.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface OutageOptions {
  neo4j: BenchNeo4j;
  db: Database;
  url: string;
  token: string;
  communityId: string;
  clients: number;
  pauseSeconds: number;
  outageSeconds: number;
  settleSeconds: number;
}

interface Fault {
  name: string;
  began: number;
  /** When the database answered again (SIGCONT sent; or the restarted JVM's Bolt answering). */
  back: number;
}

export async function databaseOutage(o: OutageOptions): Promise<Property[]> {
  const clients = startClients({ url: o.url, token: o.token, communityId: o.communityId, clients: o.clients, pauseMs: 20, idPrefix: 'fault-a' });
  const started = performance.now();
  const faults: Fault[] = [];
  // After a fault: until a write sent after the database came back is acknowledged (at most 60 s),
  // then the settle time, so that every window after a fault holds traffic of the recovered service.
  const recovered = async (back: number) => {
    const deadline = performance.now() + 60_000;
    while (performance.now() < deadline && !clients.outcomes.some((x) => x.kind === 'write' && x.ok && x.sentAt >= back)) await sleep(100);
    await sleep(o.settleSeconds * 1000);
  };
  const restart = async (name: string, takeAway: () => Promise<void>) => {
    const began = performance.now();
    console.log(`(a) ${name} at ${((began - started) / 1000).toFixed(1)} s`);
    await takeAway();
    await sleep(o.outageSeconds * 1000);
    await o.neo4j.resume();
    const back = performance.now();
    faults.push({ name, began, back });
    await recovered(back);
  };
  try {
    await sleep(o.settleSeconds * 1000);
    {
      const began = performance.now();
      console.log(`(a) SIGSTOP of Neo4j (pid ${o.neo4j.pid()}) for ${o.pauseSeconds} s`);
      process.kill(o.neo4j.pid(), 'SIGSTOP');
      await sleep(o.pauseSeconds * 1000);
      process.kill(o.neo4j.pid(), 'SIGCONT');
      const back = performance.now();
      faults.push({ name: `frozen ${o.pauseSeconds} s (SIGSTOP)`, began, back });
      await recovered(back);
    }
    await restart(`stopped (SIGTERM), ${o.outageSeconds} s down`, () => o.neo4j.halt());
    await restart(`killed (SIGKILL), ${o.outageSeconds} s down`, async () => {
      process.kill(o.neo4j.pid(), 'SIGKILL');
      await o.neo4j.halt();
    });
  } finally {
    await clients.stop();
  }
  const ended = performance.now();
  const all = clients.outcomes;
  const sentIn = (from: number, to: number) => all.filter((x) => x.sentAt >= from && x.sentAt < to);

  // During a fault: every request in flight at some moment of it; after: those sent once it was over.
  const during = (f: Fault) => all.filter((x) => x.sentAt < f.back && x.doneAt >= f.began);
  const rows: (string | number)[][] = [windowRow('before', all.filter((x) => x.doneAt < faults[0]!.began))];
  const recovery: (string | number)[][] = [];
  faults.forEach((f, i) => {
    rows.push(windowRow(`during: ${f.name}`, during(f)));
    rows.push(windowRow('  after it', sentIn(f.back, faults[i + 1]?.began ?? ended)));
    const firstOk = (kind: Outcome['kind']) => {
      const t = all.filter((x) => x.kind === kind && x.ok && x.doneAt >= f.back).map((x) => x.doneAt).sort((a, b) => a - b)[0];
      return t === undefined ? Infinity : (t - f.back) / 1000;
    };
    const seconds = (s: number) => (Number.isFinite(s) ? s.toFixed(2) : 'never');
    recovery.push([f.name, ((f.back - f.began) / 1000).toFixed(1), seconds(firstOk('read')), seconds(firstOk('write'))]);
  });
  const check = await checkWrites(o.db, o.communityId, all.filter((x) => x.kind === 'write'));

  console.log(`\n(a) database stopped and restarted under load — ${o.clients} clients (reads and createResident alternately, 20 ms apart), ${all.length} requests in ${((ended - started) / 1000).toFixed(0)} s`);
  console.log(table(WINDOW_HEAD.map((h, i) => (i === 0 ? 'window' : h)), rows));
  console.log('\n' + table(['fault', 'database away s', 'first ok read s', 'first ok write s'], recovery));
  console.log('  (during: requests in flight at some moment of the fault; after it: sent once it was over)');
  console.log('  (first ok: seconds from the database answering again to the first successful answer received)');
  console.log('\n' + table(['writes', 'count', 'as they should be'], [
    ['acknowledged', check.acknowledged, `${check.acknowledgedPresent} present, ${check.acknowledgedAudited} in the audit log as OK`],
    ['refused (NOT_WRITTEN, or no write begun)', check.refused, `${check.refusedAbsent} absent`],
    ['no answer, or writeOutcome UNKNOWN', check.unanswered, `${check.unansweredPresent} present (either is allowed)`],
    ['duplicated ids', check.duplicates, '0 expected'],
  ]));
  if (check.lost.length) console.log(`  lost: ${check.lost.slice(0, 10).join(', ')}`);
  if (check.phantoms.length) console.log(`  refused but written: ${check.phantoms.slice(0, 10).join('; ')}`);

  const faulty = all.filter((x) => x.doneAt >= faults[0]!.began);
  const failed = faulty.filter((x) => !x.ok);
  const otherCodes = failed.flatMap((x) => x.codes).filter((c) => c !== 'DATABASE_UNAVAILABLE');
  // A field's error comes in a 200 answer (GraphQL over HTTP); one found before execution (the token read) as 503.
  const otherStatus = failed.filter((x) => x.status !== 503 && x.status !== 200);
  const slowest = Math.max(...recovery.flatMap((r) => [Number(r[2]), Number(r[3])]).map((n) => (Number.isNaN(n) ? Infinity : n)));
  const tail = all.filter((x) => x.sentAt >= ended - 3000);
  return [
    {
      scenario: 'a', name: 'errors during the outages are DATABASE_UNAVAILABLE (HTTP 200 or 503), none internal',
      pass: failed.length > 0 && otherCodes.length === 0 && otherStatus.length === 0,
      detail: `${failed.length} failed answers; other codes: ${otherCodes.length ? [...new Set(otherCodes)].join(', ') : 'none'}; HTTP statuses other than 200/503: ${otherStatus.length}`,
    },
    {
      scenario: 'a', name: 'the service recovers by itself',
      pass: Number.isFinite(slowest) && slowest <= 30 && tail.length > 0 && tail.every((x) => x.ok),
      detail: `slowest first success after a fault ${Number.isFinite(slowest) ? `${slowest.toFixed(2)} s` : 'never'} (≤ 30 s asked); last 3 s: ${tail.filter((x) => x.ok).length}/${tail.length} ok`,
    },
    {
      scenario: 'a', name: 'nothing half-written',
      pass: check.lost.length === 0 && check.phantoms.length === 0 && check.duplicates === 0 && check.acknowledgedAudited === check.acknowledged,
      detail: `${check.acknowledged} acknowledged writes all present: ${check.lost.length === 0}; ${check.refused} refused, written anyway: ${check.phantoms.length}; acknowledged without an audit entry: ${check.acknowledged - check.acknowledgedAudited}`,
    },
  ];
}
