/**
 * One worker thread of the pool and its outstanding requests. The thread is unref'd whenever no
 * request is outstanding, so an idle pool never keeps the process (a test run, the server after
 * shutdown) alive; it is ref'd while a caller waits on it.
 */
import { Worker } from 'node:worker_threads';
import { deserializeError } from './errors.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const BOOTSTRAP = new URL('./bootstrap.mjs', import.meta.url);

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

type Request = Extract<ToWorker, { id: number }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class PoolWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited = false;

  constructor(nice: number, onExit: (worker: PoolWorker) => void) {
    // execArgv: [] — the parent's loader flags (tsx's --require/--import, vitest's) are not meant
    // for a worker; bootstrap.mjs installs the one loader the worker needs, after lowering its priority.
    this.worker = new Worker(BOOTSTRAP, { execArgv: [], workerData: { nice } });
    this.worker.unref();
    this.worker.on('message', (reply: FromWorker) => this.settle(reply));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => {
      this.exited = true;
      this.failAll(new Error(`compute/workers: an analytics worker exited (code ${code})`));
      onExit(this);
    });
  }

  get outstanding(): number {
    return this.pending.size;
  }

  /** Fire and forget (open / close a run): no reply comes. */
  post(message: Exclude<ToWorker, Request>): void {
    if (!this.exited) this.worker.postMessage(message);
  }

  request(message: DistributiveOmit<Request, 'id'>): Promise<unknown> {
    if (this.exited) return Promise.reject(new Error('compute/workers: the worker has exited'));
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      try {
        this.worker.postMessage({ ...message, id });
      } catch (error) {
        // Not cloneable (DataCloneError): nothing was sent, so nothing will answer.
        this.pending.delete(id);
        if (this.pending.size === 0) this.worker.unref();
        reject(error);
      }
    });
  }

  async terminate(): Promise<void> {
    this.failAll(new Error('compute/workers: the analytics pool was closed'));
    await this.worker.terminate();
  }

  private settle(reply: FromWorker): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(deserializeError(reply.error));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.worker.unref();
  }
}
