/**
 * The research checker off the event loop. Neo4j's grammar runs in JavaScript, and its parse time
 * grows steeply with some shapes of query (nested CASE expressions above all) that the length and
 * nesting limits of check.ts cannot all foresee; on the thread that answers /health and every other
 * request, one such query would stall them all. So each query is checked in a worker thread of its
 * own with a deadline: past it the thread is terminated (a fresh one starts for the next query) and
 * the query is refused by rule `complexity`.
 */
import { Worker } from 'node:worker_threads';
import type { CheckedQuery } from './columns.ts';
import { ResearchRefusal, type Refusal } from './rules.ts';

export interface CheckRequest { id: number; text: string }
export type CheckReply = { id: number } & ({ checked: CheckedQuery } | { refusal: Refusal } | { error: string });
/** The worker has loaded and warmed the grammar: deadlines start from here. */
interface Ready { ready: true }

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

/** How long one query may take to check, by default. */
export const CHECK_SECONDS = 3;

interface Pending { resolve(q: CheckedQuery): void; reject(e: Error): void; timer: NodeJS.Timeout }

export class ResearchChecker {
  private worker: Worker | null = null;
  private ready: Promise<void> = Promise.resolve();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly deadlineMs = CHECK_SECONDS * 1000) {}

  async check(text: string): Promise<CheckedQuery> {
    const worker = this.start();
    await this.ready;
    if (this.worker !== worker) return this.check(text);
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<CheckedQuery>((resolve, reject) => {
      const timer = setTimeout(() => this.expire(id), this.deadlineMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref();
      worker.postMessage({ id, text } satisfies CheckRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('research checker closed'));
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // execArgv: [] — the parent's loader flags are not meant for the worker; the bootstrap installs tsx.
    const worker = new Worker(BOOTSTRAP, { execArgv: [] });
    worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      worker.once('message', (m: Ready) => (m.ready ? resolve() : reject(new Error('research checker: no ready signal'))));
      worker.once('exit', () => reject(new Error('research checker: the worker exited while starting')));
    });
    // Nobody may be waiting yet; the rejection is seen by the next check.
    this.ready.catch(() => {});
    worker.on('message', (reply: CheckReply | Ready) => {
      if ('id' in reply) this.settle(reply);
    });
    // Only the current thread's failures fail the waiting queries: a thread terminated at a deadline
    // has already answered its own, and the queries now waiting are on its successor.
    worker.on('error', (error) => {
      if (this.worker === worker) this.failAll(error);
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new Error('research checker: the worker exited'));
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: CheckReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.done(reply.id, p);
    if ('checked' in reply) p.resolve(reply.checked);
    else if ('refusal' in reply) p.reject(new ResearchRefusal(reply.refusal));
    else p.reject(new Error(`research checker: ${reply.error}`));
  }

  /** Past the deadline: refuse this query, and every one queued behind it on the same thread. */
  private expire(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.done(id, p);
    p.reject(new ResearchRefusal({ rule: 'complexity', detail: `not checked within ${this.deadlineMs / 1000} s` }));
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    this.failAll(new ResearchRefusal({ rule: 'complexity', detail: 'queued behind a query that could not be checked in time; send it again' }));
  }

  private done(id: number, p: Pending): void {
    clearTimeout(p.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
  }

  private failAll(error: Error): void {
    for (const [id, p] of [...this.pending]) {
      this.done(id, p);
      p.reject(error);
    }
  }
}
