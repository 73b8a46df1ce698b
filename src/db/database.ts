/**
 * The one driver boundary: every statement runs here, inside a managed transaction (executeRead /
 * executeWrite, which the driver retries on transient errors, so transaction functions must be
 * idempotent). Rows come back as plain objects. `roundTrips` counts statements sent, which the
 * tests use to prove that nested GraphQL fields are batched.
 */
import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { CypherRegistry, type Slots } from './cypher-registry.ts';
import { ReadCoalescer } from './coalesce.ts';
import type { QueryName } from './query-names.ts';
import { fromNeo4j, toNeo4j, type Plain } from './values.ts';
import { translateDbError } from './errors.ts';
import { databaseUnavailable, ReweaveError } from '../domain/errors.ts';

/** How much longer than the transaction timeout the client waits for a server that says nothing. */
const CLIENT_GRACE_MS = 2000;

export type Row = Record<string, Plain>;

/** The errors of work given up on at the client's deadline: it may still commit after the answer. */
const NO_ANSWER = new WeakSet<object>();

export interface Tx {
  run(name: QueryName, params?: Record<string, unknown>, slots?: Slots): Promise<Row[]>;
}

export interface DatabaseOptions {
  uri: string;
  username: string;
  password: string;
  database?: string | undefined;
  /** How long the driver keeps retrying a failing transaction; short, so callers learn fast. */
  retrySeconds?: number;
  /** How long a statement waits for a free pooled connection, in ms (default 5000). */
  acquireTimeoutMs?: number;
  /**
   * How long the server lets one transaction run, in ms: a frozen or overloaded
   * database answers DATABASE_UNAVAILABLE after it instead of holding the request forever.
   * Default 60 000: the longest single reads are the analytics' projections of a large community.
   */
  txTimeoutMs?: number;
}

export class Database {
  readonly driver: Driver;
  readonly cypher = new CypherRegistry();
  /** Reads by id of concurrent requests, sent together (src/db/coalesce.ts). */
  readonly coalesce = new ReadCoalescer();
  roundTrips = 0;
  /**
   * Bumped after every committed write transaction of this process: caches of data read from the
   * database (the analytics projections) key on it, so a write invalidates them.
   */
  dataVersion = 0;
  /** Bumped whenever a statement fails because the database is unavailable (health uses it). */
  failures = 0;
  private readonly database: string | undefined;
  private readonly txConfig: { timeout: number };

  constructor(options: DatabaseOptions) {
    this.database = options.database;
    this.txConfig = { timeout: options.txTimeoutMs ?? 60_000 };
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
      maxTransactionRetryTime: (options.retrySeconds ?? 3) * 1000,
      connectionAcquisitionTimeout: options.acquireTimeoutMs ?? 5000,
      connectionTimeout: 3000,
      disableLosslessIntegers: false,
      logging: { level: 'error', logger: () => {} },
    });
  }

  private wrap(tx: ManagedTransaction): Tx {
    return {
      run: async (name, params = {}, slots = {}) => {
        this.roundTrips += 1;
        const result = await tx.run(this.cypher.text(name, slots), toNeo4j(params) as Record<string, unknown>);
        return result.records.map((record) => {
          const row: Row = {};
          for (const key of record.keys) row[key as string] = fromNeo4j(record.get(key));
          return row;
        });
      },
    };
  }

  async read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await this.inTime(session.executeRead((tx) => work(this.wrap(tx)), this.txConfig), session);
    } catch (error) {
      throw this.translate(error);
    }
  }

  /**
   * A read transaction over the driver's own transaction, for text that is not a registry statement:
   * the researcher's query (src/db/research.ts), checked before it gets here. The server stops it at
   * `timeoutMs`; `fetchSize` bounds how many rows are pulled before the reader has looked at them.
   */
  async readRaw<T>(work: (tx: ManagedTransaction) => Promise<T>, config: { timeoutMs: number; fetchSize: number }): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, fetchSize: config.fetchSize });
    try {
      this.roundTrips += 1;
      return await session.executeRead(work, { timeout: config.timeoutMs });
    } catch (error) {
      throw this.translate(error, false);
    } finally {
      await session.close().catch(() => {});
    }
  }

  /**
   * A write the database could not answer says whether it may have been saved (`writeOutcome`):
   * UNKNOWN once some attempt ran its work to the end — its COMMIT was sent, and the server may
   * have committed before the connection was lost — or when the answer never came in time (the
   * work may still commit); NOT_WRITTEN otherwise, as no transaction got as far as its commit.
   */
  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    let commitSent = false;
    try {
      const result = await this.inTime(session.executeWrite(async (tx) => {
        const done = await work(this.wrap(tx));
        commitSent = true;
        return done;
      }, this.txConfig), session);
      this.dataVersion += 1;
      return result;
    } catch (error) {
      // A failed write may still have committed on the server (a lost connection): invalidate too.
      this.dataVersion += 1;
      const translated = this.translate(error);
      if (!(translated instanceof ReweaveError) || translated.code !== 'DATABASE_UNAVAILABLE') throw translated;
      throw databaseUnavailable(error, { writeOutcome: commitSent || NO_ANSWER.has(error as object) ? 'UNKNOWN' : 'NOT_WRITTEN' });
    }
  }

  /**
   * Runs one schema statement in its own auto-commit transaction (DDL cannot share a transaction
   * with writes). Two processes migrating at once can deadlock on the schema lock: that is a
   * transient error, so the statement (idempotent by IF NOT EXISTS) is tried again.
   */
  async runSchemaStatement(statement: string, attempts = 5): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const session = this.driver.session({ database: this.database });
      try {
        await session.run(statement);
        return;
      } catch (error) {
        const transient = error instanceof Neo4jError && (error.code.startsWith('Neo.TransientError') || error.retriable);
        if (!transient || attempt >= attempts) throw translateDbError(error);
        await new Promise((r) => setTimeout(r, 200 * attempt));
      } finally {
        await session.close().catch(() => {});
      }
    }
  }

  /**
   * The server enforces the transaction timeout, but a server that does not answer at all (frozen,
   * a half-open connection) enforces nothing: the caller stops waiting a little after the timeout
   * and is told the database is unavailable. The session is closed when the work settled, awaited
   * then as before; after the deadline it is closed in the background (closing waits on the server).
   */
  private async inTime<T>(work: Promise<T>, session: Session): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = databaseUnavailable(new Error(`no answer within ${this.txConfig.timeout + CLIENT_GRACE_MS} ms`));
        NO_ANSWER.add(error);
        reject(error);
      }, this.txConfig.timeout + CLIENT_GRACE_MS);
    });
    let settled = false;
    const done = work.finally(() => { settled = true; });
    try {
      return await Promise.race([done, deadline]);
    } finally {
      clearTimeout(timer);
      done.catch(() => {});
      const closing = session.close().catch(() => {});
      if (settled) await closing;
    }
  }

  private translate(error: unknown, timeouts = true): unknown {
    const translated = translateDbError(error, { timeouts });
    if (translated instanceof ReweaveError && translated.code === 'DATABASE_UNAVAILABLE') this.failures += 1;
    return translated;
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
