/**
 * A stored DateTime reads as the instant its text names: the conversion from its fields gives what
 * Date's parser gives for the driver's toString(), for offsets east and west, leap days, the end of a
 * year and nanoseconds, and the named-zone and ancient cases take the text path.
 */
import neo4j from 'neo4j-driver';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTimeMs, fromNeo4j, toNeo4j } from '../../../src/db/values.ts';

const viaText = (dt: unknown) => new Date(String(dt).replace(/\[.*\]$/, '')).getTime();

describe('DateTime from the database', () => {
  it('reads the same instant from its fields as from its text, for any offset and nanosecond', () => {
    fc.assert(fc.property(
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }),
      // Whole minutes, the offsets in use on Earth (Date's parser reads no seconds in an offset).
      fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m * 60),
      fc.integer({ min: 0, max: 999_999_999 }),
      fc.boolean(),
      (ms, offset, nanos, lossless) => {
        const local = new Date(ms + offset * 1000);
        const int = (n: number) => (lossless ? neo4j.int(n) : n);
        const dt = new neo4j.types.DateTime(int(local.getUTCFullYear()), int(local.getUTCMonth() + 1), int(local.getUTCDate()),
          int(local.getUTCHours()), int(local.getUTCMinutes()), int(local.getUTCSeconds()), int(nanos), int(offset));
        const fields = dateTimeMs(dt as never);
        expect(fields).toBe(viaText(dt));
        expect((fromNeo4j(dt) as Date).getTime()).toBe(viaText(dt));
      },
    ), { numRuns: 2000, seed: 20261202 });
  });

  it('round-trips a Date through toNeo4j, and takes the text path for a named zone without an offset', () => {
    for (const iso of ['2024-02-29T23:59:59.999Z', '1999-12-31T16:00:00.001Z', '2026-12-02T00:00:00.000Z']) {
      expect((fromNeo4j(toNeo4j(new Date(iso))) as Date).toISOString()).toBe(iso);
    }
    const named = new neo4j.types.DateTime(2024, 6, 1, 12, 0, 0, 0, undefined, 'UTC');
    expect(dateTimeMs(named as never)).toBeNull();
    expect((fromNeo4j(named) as Date).toISOString()).toBe('2024-06-01T12:00:00.000Z');
    const ancient = new neo4j.types.DateTime(50, 1, 1, 0, 0, 0, 0, 0);
    expect(dateTimeMs(ancient as never)).toBeNull();
  });
});
