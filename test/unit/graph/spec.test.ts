import { describe, expect, it } from 'vitest';
import { ReweaveError } from '../../../src/domain/errors.ts';
import type { Database } from '../../../src/db/database.ts';
import { projectNetwork } from '../../../src/graph/project.ts';
import { DEFAULT_TIE_SOURCES, resolveSpec, type NetworkSpec, DEFAULT_MAX_ACTIVITY_SIZE } from '../../../src/graph/spec.ts';
import { d } from './rows.ts';

const base: NetworkSpec = { communityId: 'c1', network: 'TIES' };

function failure(spec: NetworkSpec): ReweaveError {
  try {
    resolveSpec(spec);
  } catch (error) {
    return error as ReweaveError;
  }
  throw new Error('expected resolveSpec to throw');
}

describe('resolveSpec', () => {
  it('fills the default weights and leaves everything open without window or asOf', () => {
    expect(resolveSpec(base)).toEqual({ ...base, from: null, to: null, asOf: null, sources: DEFAULT_TIE_SOURCES, maxActivitySize: DEFAULT_MAX_ACTIVITY_SIZE });
  });

  it('merges partial weights over the defaults', () => {
    expect(resolveSpec({ ...base, sources: { exchange: 2, cowork: 0 } }).sources).toEqual({ ...DEFAULT_TIE_SOURCES, exchange: 2, cowork: 0 });
  });

  it('throws BAD_USER_INPUT naming the option when both window and asOf are given', () => {
    const error = failure({ ...base, window: { from: d('2024-01-01'), to: null }, asOf: d('2024-02-01') });
    expect(error).toBeInstanceOf(ReweaveError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/window/);
    expect(error.message).toMatch(/asOf/);
    expect(error.details.path).toEqual(['asOf']);
  });

  it('accepts a null window or a null asOf beside the other', () => {
    expect(resolveSpec({ ...base, window: null, asOf: d('2024-02-01') }).asOf).toBe(d('2024-02-01').getTime());
    expect(resolveSpec({ ...base, window: { from: d('2024-01-01'), to: null }, asOf: null }).from).toBe(d('2024-01-01').getTime());
  });

  it.each([
    [{ sources: { exchange: -1 } }, ['sources', 'exchange']],
    [{ sources: { cowork: Number.NaN } }, ['sources', 'cowork']],
    [{ window: { from: d('2025-01-01'), to: d('2024-01-01') } }, ['window', 'from']],
    [{ asOf: new Date('nonsense') }, ['asOf']],
    [{ network: 'NONE' as never }, ['network']],
  ])('refuses %j', (patch, path) => {
    expect(failure({ ...base, ...patch }).details.path).toEqual(path);
  });

  it('makes projectNetwork reject before touching the database', async () => {
    const db = {} as Database;
    await expect(projectNetwork(db, { ...base, window: { from: null, to: null }, asOf: d('2024-01-01') })).rejects.toThrow(/either window or asOf/);
  });
});
