/** A window or as-of date against the community's data range: empty when outside, a note when partly covered. */
import { describe, expect, it } from 'vitest';
import { coverage } from '../../../src/services/analytics/coverage.ts';

const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const range = { first: new Date('2023-01-01T00:00:00Z'), last: new Date('2025-12-31T00:00:00Z') };
const win = (from: string | null, to: string | null) => ({ from: from ? t(from) : null, to: to ? t(to) : null, asOf: null });

describe('coverage', () => {
  it('answers a window after the last or before the first record as outside, naming the range', () => {
    const after = coverage(range, win('2030-01-01', '2031-01-01'));
    expect(after.outside).toBe(true);
    expect(after.message).toContain('starts after the community\'s last dated record (data: 2023-01-01 – 2025-12-31)');
    const before = coverage(range, win('2010-01-01', '2011-01-01'));
    expect(before.outside).toBe(true);
    expect(before.message).toMatch(/ends before the community's first dated record/);
    expect(coverage(range, win('2022-01-01', '2023-01-01')).outside).toBe(true);
  });

  it('analyses a partly covered window and says how many of its days have data', () => {
    const partial = coverage(range, win('2025-12-01', '2026-12-01'));
    expect(partial.outside).toBe(false);
    expect(partial.message).toMatch(/^Only 31 of this window's 365 days have data/);
    expect(coverage(range, win('2025-01-01', '2026-01-01'))).toEqual({ outside: false, message: null });
    expect(coverage(range, win(null, null))).toEqual({ outside: false, message: null });
  });

  it('holds an asOf against the range', () => {
    expect(coverage(range, { from: null, to: null, asOf: t('2020-06-01') }).outside).toBe(true);
    const late = coverage(range, { from: null, to: null, asOf: t('2027-01-01') });
    expect(late.outside).toBe(false);
    expect(late.message).toMatch(/data ends on 2025-12-31/);
    expect(coverage(range, { from: null, to: null, asOf: t('2024-06-01') }).message).toBeNull();
  });

  it('says when a community has no dated records at all', () => {
    const none = coverage({ first: null, last: null }, win('2025-01-01', '2026-01-01'));
    expect(none).toMatchObject({ outside: false });
    expect(none.message).toMatch(/no dated records/);
  });
});
