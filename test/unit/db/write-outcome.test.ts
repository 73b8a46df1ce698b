/**
 * A write the database could not answer says whether it may have been saved: UNKNOWN when its
 * work ran to the end (the COMMIT was sent; the server may have committed before the connection
 * went), NOT_WRITTEN when it failed before. bench/faults found createResident answered plain
 * DATABASE_UNAVAILABLE while the resident was saved, as Neo4j stopped between the commit and its answer.
 */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../src/db/database.ts';
import { ReweaveError } from '../../../src/domain/errors.ts';

const lost = () => new Neo4jError('connection lost', 'ServiceUnavailable', 'N/A', 'N/A');

/** A Database whose driver's executeWrite runs the work (or not) and then fails as the connection goes. */
function failingDatabase(runsWork: boolean): Database {
  const db = new Database({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'x', retrySeconds: 0 });
  const tx = { run: async () => ({ records: [] }) };
  const session = {
    executeWrite: async (work: (t: unknown) => Promise<unknown>) => {
      if (runsWork) await work(tx);
      throw lost();
    },
    close: async () => {},
  };
  void db.driver.close();
  (db as unknown as { driver: unknown }).driver = { session: () => session, close: async () => {} };
  return db;
}

async function failure(db: Database): Promise<ReweaveError> {
  const error = await db.write(async (tx) => tx.run('audit/create-entries', { rows: [] })).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ReweaveError);
  return error as ReweaveError;
}

describe('a write the database could not answer', () => {
  it('is DATABASE_UNAVAILABLE with writeOutcome UNKNOWN once its commit was sent', async () => {
    const error = await failure(failingDatabase(true));
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.details).toEqual({ writeOutcome: 'UNKNOWN' });
  });

  it('is DATABASE_UNAVAILABLE with writeOutcome NOT_WRITTEN when it failed before the commit', async () => {
    const error = await failure(failingDatabase(false));
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.details).toEqual({ writeOutcome: 'NOT_WRITTEN' });
  });
});
