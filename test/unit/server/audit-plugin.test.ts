/**
 * The audit log when the database goes away between a mutation and its entry: the writer tries the
 * batch again while the database is unavailable (merging on the ids, as the failed attempt may have
 * committed), and a request whose entry cannot be written is answered DATABASE_UNAVAILABLE with 503
 * — not a masked 500 INTERNAL_SERVER_ERROR, as when the plugin threw (found by bench/faults).
 */
import { HeaderMap } from '@apollo/server';
import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Database, Tx } from '../../../src/db/database.ts';
import { databaseUnavailable } from '../../../src/domain/errors.ts';
import { auditPlugin } from '../../../src/server/audit-plugin.ts';
import { AuditWriter } from '../../../src/services/audit/audit-log.ts';

/** A stand-in database whose statements fail DATABASE_UNAVAILABLE `downFor` times, then succeed. */
function flakyDatabase(downFor: number) {
  const statements: string[] = [];
  let failures = 0;
  const tx: Tx = {
    run: async (name, params) => {
      statements.push(name);
      if (failures < downFor) {
        failures += 1;
        throw databaseUnavailable(new Error('connection refused'));
      }
      return [{ written: (params as { rows: unknown[] }).rows.length }];
    },
  };
  const db = { write: async <T>(work: (t: Tx) => Promise<T>) => work(tx) } as unknown as Database;
  return { db, statements };
}

const entry = { at: new Date(), tokenId: 't1', role: 'ADMIN', tokenCommunities: ['*'], operationName: 'W', fields: ['createResident'], variables: '{}', outcome: 'OK' as const, errorCodes: [] };

describe('the audit writer when the database is unavailable', () => {
  it('tries the batch again until the database answers, merging on the ids', async () => {
    const { db, statements } = flakyDatabase(2);
    await expect(new AuditWriter(db, { retryMs: 5_000 }).record(entry)).resolves.toBeUndefined();
    expect(statements).toEqual(['audit/create-entries', 'audit/merge-entries', 'audit/merge-entries']);
  });

  it('gives up after its retry window with DATABASE_UNAVAILABLE', async () => {
    const { db, statements } = flakyDatabase(Infinity);
    await expect(new AuditWriter(db, { retryMs: 150 }).record(entry)).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(statements.length).toBeGreaterThan(1);
  });
});

describe('a mutation whose audit entry cannot be written', () => {
  it('is answered DATABASE_UNAVAILABLE with 503 and auditRecorded false, keeping what the mutation returned', async () => {
    const { db } = flakyDatabase(Infinity);
    const listener = await auditPlugin(db, { retryMs: 0 }).requestDidStart!({} as never);
    const operation = parse('mutation W { createResident(input: {}) { id } }').definitions[0] as OperationDefinitionNode;
    const singleResult: { data: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } = { data: { createResident: { id: 'r1' } } };
    const response = { body: { kind: 'single', singleResult }, http: { status: undefined as number | undefined, headers: new HeaderMap() } };
    await listener!.willSendResponse!({ operation, request: { variables: {} }, response, contextValue: {}, errors: undefined } as never);
    expect(response.http.status).toBe(503);
    expect(singleResult.errors).toHaveLength(1);
    expect(singleResult.errors![0]!.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', auditRecorded: false });
    expect(singleResult.data).toEqual({ createResident: { id: 'r1' } });
  });
});
