import { createRequire } from 'node:module';
import type { GraphQLFormattedError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatError } from '../../../src/server/format-error.ts';
import { ReweaveError, badInput, databaseUnavailable, notFound } from '../../../src/domain/errors.ts';

// graphql ships both index.js and index.mjs. Under vitest a bare `import 'graphql'` in this file
// resolves to index.mjs while @apollo/server (loaded by Node) gets index.js, so unwrapResolverError's
// `instanceof GraphQLError` would fail on our error. Take the class from the copy Apollo uses.
const { GraphQLError } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
type GraphQLError = InstanceType<typeof GraphQLError>;

/** What Apollo hands formatError for an error thrown in a resolver: a located GraphQLError wrapping it. */
function asResolverError(original: Error): { formatted: GraphQLFormattedError; error: GraphQLError } {
  const error = new GraphQLError(original.message, {
    path: ['createResident'],
    originalError: original,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
  return { formatted: { ...error.toJSON(), locations: [{ line: 1, column: 12 }] }, error };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('formatError', () => {
  it('gives bad input its code, field and fieldPath', () => {
    const original = new ReweaveError('BAD_USER_INPUT', 'input.x: must not be empty', { path: ['input', 'x'] });
    const { formatted, error } = asResolverError(original);
    const out = formatError(formatted, error);
    expect(out.message).toBe('input.x: must not be empty');
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.x', fieldPath: ['input', 'x'] });
    expect(out.path).toEqual(['createResident']);
    expect(out.locations).toEqual([{ line: 1, column: 12 }]);
  });

  it('keeps array indices in fieldPath and passes other details through', () => {
    const { formatted, error } = asResolverError(badInput('bad tag', ['input', 'tags', 2], { allowed: ['A'] }));
    expect(formatError(formatted, error).extensions).toEqual({
      code: 'BAD_USER_INPUT', field: 'input.tags.2', fieldPath: ['input', 'tags', 2], allowed: ['A'],
    });
  });

  it('maps other domain errors to their code without a field', () => {
    const { formatted, error } = asResolverError(notFound('Resident', 'r1'));
    const out = formatError(formatted, error);
    expect(out.extensions).toEqual({ code: 'NOT_FOUND', id: 'r1' });
    expect(out.message).toContain('r1');
  });

  it('does not leak the cause of an unavailable database', () => {
    const { formatted, error } = asResolverError(databaseUnavailable(new Error('connect ECONNREFUSED 10.0.0.3:7687')));
    const out = formatError(formatted, error);
    expect(out.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
    expect(JSON.stringify(out)).not.toContain('10.0.0.3');
  });

  it('masks an unexpected error as INTERNAL_SERVER_ERROR and logs it', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { formatted, error } = asResolverError(new Error('secret table users_raw is corrupt'));
    const out = formatError(formatted, error);
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(out.message).not.toContain('secret');
    expect(out.message).toMatch(/Internal server error/);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[1])).toContain('secret table');
  });

  it('masks an error that carries no code at all', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const out = formatError({ message: 'TypeError: x is undefined' }, new TypeError('x is undefined'));
    expect(out).toMatchObject({ message: expect.not.stringContaining('undefined'), extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('leaves GraphQL errors that already have a code alone', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const formatted: GraphQLFormattedError = {
      message: 'Cannot query field "nope" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(formatError(formatted, new GraphQLError(formatted.message))).toBe(formatted);
    expect(log).not.toHaveBeenCalled();
  });
});
