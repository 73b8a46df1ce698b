/**
 * Reads by id from concurrent requests, sent as one statement. Each GraphQL request batches its own
 * reads (src/services/loaders.ts); under many clients, a turn of the event loop starts many
 * requests, each of which would send its own statement for the same query with other ids. Neo4j
 * spends most of a small read on the transaction around it (a resident with its memberships: about
 * 1,000 one-statement transactions per second on the bench's two cores), so the reads of one key
 * that arrive within one turn go out together, with the union of their ids, and every caller gets
 * the rows of the whole batch to pick its own from.
 *
 * A key names the statement and every parameter but the ids, so two reads of one key differ only in
 * which ids they ask for. Rows are shared between callers as they came from the database: each
 * caller scopes and shapes them for its own principal (src/services/shape.ts copies, never mutates).
 * A batch that fails fails every caller in it, as each one's own statement would have.
 */
export type BatchRead<R> = (ids: readonly string[]) => Promise<ReadonlyMap<string, R>>;

interface Pending {
  ids: Set<string>;
  read: BatchRead<unknown>;
  waiters: { resolve: (rows: ReadonlyMap<string, unknown>) => void; reject: (error: unknown) => void }[];
}

/** Once a batch holds this many ids it is sent at once, and the next caller begins a new one. */
export const MAX_COALESCED_IDS = 1000;

export class ReadCoalescer {
  private readonly pending = new Map<string, Pending>();
  /** Statements sent and callers served, for the tests and the bench. */
  batches = 0;
  callers = 0;

  read<R>(key: string, ids: readonly string[], read: BatchRead<R>): Promise<ReadonlyMap<string, R>> {
    return new Promise<ReadonlyMap<string, R>>((resolve, reject) => {
      let batch = this.pending.get(key);
      if (!batch) {
        batch = { ids: new Set(), read: read as BatchRead<unknown>, waiters: [] };
        this.pending.set(key, batch);
        const opened = batch;
        // setImmediate, not a microtask: the requests a turn started issue their reads over several
        // promise hops, and all of them have by the loop's next check phase.
        setImmediate(() => this.send(key, opened));
      }
      for (const id of ids) batch.ids.add(id);
      batch.waiters.push({ resolve: resolve as (rows: ReadonlyMap<string, unknown>) => void, reject });
      if (batch.ids.size >= MAX_COALESCED_IDS) this.send(key, batch);
    });
  }

  private send(key: string, batch: Pending): void {
    if (this.pending.get(key) !== batch) return;
    this.pending.delete(key);
    this.batches += 1;
    this.callers += batch.waiters.length;
    batch.read([...batch.ids]).then(
      (rows) => { for (const w of batch.waiters) w.resolve(rows); },
      (error: unknown) => { for (const w of batch.waiters) w.reject(error); },
    );
  }
}
