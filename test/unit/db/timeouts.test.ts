/** Timeouts of the database are DATABASE_UNAVAILABLE for the API's statements (src/db/errors.ts). */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { isTimeout, translateDbError } from '../../../src/db/errors.ts';
import { ReweaveError } from '../../../src/domain/errors.ts';

const codeOf = (error: unknown) => (error instanceof ReweaveError ? error.code : null);

describe('translateDbError and timeouts', () => {
  const serverTimeout = new Neo4jError('The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. The transaction has not completed within the timeout specified at its start by the client.', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'N/A', 'N/A');
  const acquisition = new Neo4jError('Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 100, Idle conn count = 0.', 'N/A', 'N/A', 'N/A');

  it('maps a transaction stopped at its timeout and a pool that gave no connection in time', () => {
    expect(isTimeout(serverTimeout)).toBe(true);
    expect(isTimeout(new Neo4jError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOut', 'N/A', 'N/A'))).toBe(true);
    expect(isTimeout(acquisition)).toBe(true);
    expect(codeOf(translateDbError(serverTimeout))).toBe('DATABASE_UNAVAILABLE');
    expect(codeOf(translateDbError(acquisition))).toBe('DATABASE_UNAVAILABLE');
    expect((translateDbError(acquisition) as ReweaveError).message).toMatch(/数据库暂不可用/);
  });

  it('leaves a timeout alone where the caller owns it (the researcher\'s query), and other errors as they are', () => {
    expect(translateDbError(serverTimeout, { timeouts: false })).toBe(serverTimeout);
    const syntax = new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', 'N/A', 'N/A');
    expect(isTimeout(syntax)).toBe(false);
    expect(translateDbError(syntax)).toBe(syntax);
  });
});
