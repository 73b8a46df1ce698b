/**
 * /health's reuse policy, over a stand-in for the database that counts its checks and answers when
 * told to: a fresh success is reused, an older one is answered at once while one check runs behind
 * it, and a failure (seen by a check or by any statement) is never reused.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { health } from '../../../src/services/system/health.ts';

const ok = { status: 'ok', database: { reachable: true, schemaVersion: 1 } };

interface Pending {
  resolve(version: number): void;
  reject(error: Error): void;
}

function standIn() {
  const pending: Pending[] = [];
  const db = {
    failures: 0,
    checks: 0,
    read: (work: (tx: { run: () => Promise<unknown> }) => Promise<unknown>) => {
      db.checks += 1;
      return work({
        run: () => new Promise((resolve, reject) => pending.push({ resolve: (version) => resolve([{ version }]), reject })),
      });
    },
  };
  /** Answer the oldest check that is waiting. */
  const answer = async (version: number | Error) => {
    const next = pending.shift()!;
    if (version instanceof Error) next.reject(version);
    else next.resolve(version);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { db, asDb: db as unknown as Database, answer, waiting: () => pending.length };
}

/** A stand-in whose first check has answered schema version 1. */
async function afterOneCheck() {
  const stand = standIn();
  const first = health(stand.asDb);
  await stand.answer(1);
  expect(await first).toEqual(ok);
  return stand;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('health', () => {
  it('waits for the first check, then reuses it for a second without asking again', async () => {
    const { db, asDb } = await afterOneCheck();
    vi.advanceTimersByTime(999);
    expect(await health(asDb)).toEqual(ok);
    expect(db.checks).toBe(1);
  });

  it('after a second answers at once from the last success and runs one check behind it', async () => {
    const { db, asDb, answer, waiting } = await afterOneCheck();
    vi.advanceTimersByTime(1500);
    // The check behind has not answered, yet both calls have.
    expect(await health(asDb)).toEqual(ok);
    expect(await health(asDb)).toEqual(ok);
    expect(db.checks).toBe(2);
    expect(waiting()).toBe(1);
    await answer(2);
    expect((await health(asDb)).database.schemaVersion).toBe(2);
    expect(db.checks).toBe(2);
  });

  it('waits for a check of its own once the last success is ten seconds old', async () => {
    const { db, asDb, answer } = await afterOneCheck();
    vi.advanceTimersByTime(10_000);
    let settled = false;
    const late = health(asDb).then((report) => {
      settled = true;
      return report;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await answer(3);
    expect((await late).database.schemaVersion).toBe(3);
    expect(db.checks).toBe(2);
  });

  it('does not reuse a success once a statement has failed as unavailable since', async () => {
    const { db, asDb, answer } = await afterOneCheck();
    db.failures += 1;
    const next = health(asDb);
    await answer(new Error('connection refused'));
    expect(await next).toMatchObject({ status: 'unavailable', database: { reachable: false, error: 'connection refused' } });
    expect(db.checks).toBe(2);
  });

  it('never reuses a failed check, and reports a check that does not answer in time', async () => {
    const { db, asDb, answer } = standIn();
    const first = health(asDb);
    await answer(new Error('down'));
    expect((await first).status).toBe('unavailable');
    const second = health(asDb, 2000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await second).toMatchObject({ status: 'unavailable', database: { error: 'no answer within 2000 ms' } });
    expect(db.checks).toBe(2);
  });

  it('a check behind that fails makes the next call wait and say so', async () => {
    const { db, asDb, answer } = await afterOneCheck();
    vi.advanceTimersByTime(1500);
    expect(await health(asDb)).toEqual(ok);
    await answer(new Error('down'));
    const next = health(asDb);
    await answer(new Error('down'));
    expect((await next).status).toBe('unavailable');
    expect(db.checks).toBe(3);
  });
});
