/**
 * Admission of GraphQL requests, so many per turn of the event loop. Under a hundred busy
 * connections a turn used to run every request that had arrived — parse, validate, execute,
 * serialise — before the loop came back to its sockets: a turn took 40 ms (p50), and a /health
 * check, which needs a turn to accept its connection and another to read its request, waited
 * 170–500 ms behind them. Requests admitted here start in the loop's check phase; those left over
 * wait for the next turn, and between two turns the loop polls its sockets, so /health and new
 * connections wait for at most one turn of admitted work. Nothing is refused.
 *
 * How many start per turn adapts while a backlog lasts: the count is scaled by TURN_MS over the
 * last turn's length (at most doubled or halved at a time), so a turn stays near TURN_MS whether
 * requests cost 0.3 ms (a cached answer) or 3 ms. A fixed count would either cap throughput (8 per
 * turn halved the cached answer's requests/s) or let turns grow long again.
 */
const TURN_MS = 15;
const MIN_PER_TURN = 4;
const MAX_PER_TURN = 1024;

const waiting: (() => void)[] = [];
let scheduled = false;
let perTurn = 32;
/** When the last drain left a backlog (0: none), to measure the turn that followed. */
let backlogSince = 0;

function drain(): void {
  scheduled = false;
  const now = performance.now();
  if (backlogSince > 0) {
    const ratio = TURN_MS / Math.max(0.5, now - backlogSince);
    perTurn = Math.min(MAX_PER_TURN, Math.max(MIN_PER_TURN, Math.round(perTurn * Math.min(2, Math.max(0.5, ratio)))));
  }
  const start = Math.min(perTurn, waiting.length);
  const admitted = waiting.splice(0, start);
  for (const go of admitted) go();
  if (waiting.length > 0) {
    backlogSince = now;
    // Scheduled from within the check phase, this runs in the next turn, after the next poll.
    schedule();
  } else backlogSince = 0;
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(drain);
}

/** Resolves when the request may start. */
export function admit(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}
