/**
 * How a reweave process ends when told to. Terminals, npm, supervisors and container runtimes signal
 * the one pid they started (SIGINT, SIGTERM, SIGHUP), never the process group, so each process must
 * stop what it started itself. A parent that dies sends nothing at all: a process whose parent is
 * gone stops too, rather than run on orphaned (`npm start` killed with SIGKILL).
 */
export const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/** A stop that has not finished by then is cut short: whoever sent the signal expects an end. */
export const STOP_DEADLINE_MS = 8_000;
const PARENT_POLL_MS = 1_000;

/**
 * Calls `stop` once, on the first signal or when the parent process is gone, then exits: with 0 when
 * `stop` finished (a service asked to stop that stopped cleanly), with 1 at the deadline. A second
 * signal exits at once. Exiting runs the process's 'exit' hooks (src/db/local removes staging folders
 * and kills an importer JVM there); child JVMs also end by themselves when this process's pipe closes.
 */
export function stopOn(stop: (reason: string) => Promise<void>): void {
  let stopping = false;
  const begin = (reason: string, code: number) => {
    if (stopping) process.exit(code);
    stopping = true;
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
    stop(reason).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`${reason}: stopping failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  for (const [name, n] of Object.entries(SIGNALS)) process.on(name, () => begin(name, 128 + n));
  watchParent(() => begin('parent process exited', 129));
}

/** For a command that holds nothing worth an orderly stop: exit at once (128 + the signal's number). */
export function exitOnStopRequest(): void {
  for (const [name, n] of Object.entries(SIGNALS)) process.on(name, () => process.exit(128 + n));
  watchParent(() => process.exit(129));
}

/** Re-parenting (to init or a subreaper) is how a process learns that its parent died. */
export function watchParent(onGone: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onGone();
    }
  }, PARENT_POLL_MS);
  // Never the reason the process stays alive.
  timer.unref();
}
