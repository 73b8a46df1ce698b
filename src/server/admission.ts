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
 * Mutations have a lane of their own, with WRITES_IN_FLIGHT places: a mutation spends its time
 * waiting on two commits (its own and its audit entry's, about 90 ms) and little on the loop, and
 * its answer is a few bytes. In the readers' lane, 24 at once held writes to about 230 per second;
 * giving every request 64 places let writes reach 317–389 per second but made /health wait 386 ms
 * (p95) under a hundred clients paging residents (docs/security.md, "Admission"). Each turn starts
 * requests from the two lanes in turn, so neither waits behind the other's backlog.
 *
 * Nothing is refused; a request only waits its turn.
 */
const TURN_MS = 15;
const MIN_PER_TURN = 4;
const MAX_PER_TURN = 1024;
const LEASE_MS = 1000;
/** Places at once in each lane: reads (every query) and writes (mutations). */
export const IN_FLIGHT = 24;
export const WRITES_IN_FLIGHT = 96;

export type Lane = 'read' | 'write';

interface LaneState {
  limit: number;
  waiting: (() => void)[];
  /** Start times of the requests at work that still count, oldest first. */
  leases: number[];
}

const lanes: Record<Lane, LaneState> = {
  read: { limit: IN_FLIGHT, waiting: [], leases: [] },
  write: { limit: WRITES_IN_FLIGHT, waiting: [], leases: [] },
};
const order: LaneState[] = [lanes.read, lanes.write];
let scheduled = false;
let leaseTimer: NodeJS.Timeout | undefined;
let perTurn = 32;
/** When the last drain left a backlog (0: none), to measure the turn that followed. */
let backlogSince = 0;

function expire(lane: LaneState, now: number): void {
  while (lane.leases.length > 0 && now - lane.leases[0]! >= LEASE_MS) lane.leases.shift();
}

const room = (lane: LaneState) => lane.waiting.length > 0 && lane.leases.length < lane.limit;

function drain(): void {
  scheduled = false;
  const now = performance.now();
  if (backlogSince > 0) {
    const ratio = TURN_MS / Math.max(0.5, now - backlogSince);
    perTurn = Math.min(MAX_PER_TURN, Math.max(MIN_PER_TURN, Math.round(perTurn * Math.min(2, Math.max(0.5, ratio)))));
  }
  for (const lane of order) expire(lane, now);
  // One from each lane with room, in turn, until the turn's count is reached.
  for (let started = 0; started < perTurn;) {
    let any = false;
    for (const lane of order) {
      if (started >= perTurn || !room(lane)) continue;
      lane.leases.push(now);
      lane.waiting.shift()!();
      started += 1;
      any = true;
    }
    if (!any) break;
  }
  backlogSince = 0;
  if (order.every((lane) => lane.waiting.length === 0)) return;
  if (order.some(room)) {
    backlogSince = now;
    // Scheduled from within the check phase, this runs in the next turn, after the next poll.
    schedule();
  } else if (!leaseTimer) {
    // Full: a release schedules the next drain, and so does the end of the oldest lease.
    const oldest = Math.min(...order.filter((lane) => lane.waiting.length > 0).map((lane) => lane.leases[0]!));
    leaseTimer = setTimeout(() => { leaseTimer = undefined; schedule(); }, Math.max(1, LEASE_MS - (now - oldest)));
  }
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(drain);
}

/** Resolves when the request may start, with the function to call once it is answered. */
export function admit(kind: Lane = 'read'): Promise<() => void> {
  const lane = lanes[kind];
  return new Promise((resolve) => {
    lane.waiting.push(() => {
      const started = lane.leases[lane.leases.length - 1]!;
      let released = false;
      resolve(() => {
        if (released) return;
        released = true;
        // Its lease may have ended already; otherwise the earliest lease with its start time goes.
        const at = lane.leases.indexOf(started);
        if (at >= 0) lane.leases.splice(at, 1);
        if (order.some((l) => l.waiting.length > 0)) schedule();
      });
    });
    schedule();
  });
}
