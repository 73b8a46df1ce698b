/**
 * Admission of GraphQL requests: so many per turn of the event loop, and so many at work at once.
 *
 * Under a hundred busy connections a turn used to run every request that had arrived — parse,
 * validate, execute, serialise — and every answer Neo4j had sent for the requests in flight, before
 * the loop came back to its sockets: a turn took 40 ms (p50), and a /health check, which needs a
 * turn to accept its connection and another to read its request, waited 170–500 ms behind them.
 *
 * - Per turn: requests admitted here start in the loop's check phase, those left over in a later
 *   turn, and between two turns the loop polls its sockets. How many start adapts while a backlog
 *   lasts: the count is scaled by TURN_MS over the last turn's length (at most doubled or halved at
 *   a time), so a turn stays near TURN_MS whether a request costs 0.3 ms (a cached answer) or 5 ms
 *   (a page of 50 residents). A fixed count would cap throughput (8 per turn halved the cached
 *   answer's requests/s) or let turns grow long again.
 * - At once: at most IN_FLIGHT requests that started less than LEASE_MS ago, so that the answers
 *   Neo4j sends back in one turn belong to a bounded number of requests. A request older than
 *   LEASE_MS no longer counts (an analytics run or a large export that waits for seconds must not
 *   hold back the short reads behind it); the queue is looked at again when the oldest lease ends.
 *
 * Nothing is refused; a request only waits its turn. The price is paid by requests that spend their
 * time waiting rather than computing: a mutation waits about 100 ms on its two commits (its own and
 * its audit entry's), so 24 at once write about 230 per second. With 64 at once and a 250 ms lease
 * they wrote 317–389 per second, but /health under a hundred clients paging residents waited
 * 386 ms (p95) instead of 94 (docs/security.md, "Admission").
 */
const TURN_MS = 15;
const MIN_PER_TURN = 4;
const MAX_PER_TURN = 1024;
const IN_FLIGHT = 24;
const LEASE_MS = 1000;

const waiting: (() => void)[] = [];
/** Start times of the requests at work that still count, oldest first. */
const leases: number[] = [];
let scheduled = false;
let leaseTimer: NodeJS.Timeout | undefined;
let perTurn = 32;
/** When the last drain left a backlog (0: none), to measure the turn that followed. */
let backlogSince = 0;

function expire(now: number): void {
  while (leases.length > 0 && now - leases[0]! >= LEASE_MS) leases.shift();
}

function drain(): void {
  scheduled = false;
  const now = performance.now();
  if (backlogSince > 0) {
    const ratio = TURN_MS / Math.max(0.5, now - backlogSince);
    perTurn = Math.min(MAX_PER_TURN, Math.max(MIN_PER_TURN, Math.round(perTurn * Math.min(2, Math.max(0.5, ratio)))));
  }
  expire(now);
  const start = Math.min(perTurn, waiting.length, IN_FLIGHT - leases.length);
  for (let k = 0; k < start; k += 1) {
    leases.push(now);
    waiting.shift()!();
  }
  backlogSince = 0;
  if (waiting.length === 0) return;
  if (leases.length < IN_FLIGHT) {
    backlogSince = now;
    // Scheduled from within the check phase, this runs in the next turn, after the next poll.
    schedule();
  } else if (!leaseTimer) {
    // Full: a release schedules the next drain, and so does the end of the oldest lease.
    leaseTimer = setTimeout(() => { leaseTimer = undefined; schedule(); }, Math.max(1, LEASE_MS - (now - leases[0]!)));
  }
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(drain);
}

/** Resolves when the request may start, with the function to call once it is answered. */
export function admit(): Promise<() => void> {
  return new Promise((resolve) => {
    waiting.push(() => {
      const started = leases[leases.length - 1]!;
      let released = false;
      resolve(() => {
        if (released) return;
        released = true;
        // Its lease may have ended already; otherwise the earliest lease with its start time goes.
        const at = leases.indexOf(started);
        if (at >= 0) leases.splice(at, 1);
        if (waiting.length > 0) schedule();
      });
    });
    schedule();
  });
}
