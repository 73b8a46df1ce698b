/** A demo generated to end on another day than the pinned one: every date inside its three years, data up to the end. */
import { beforeAll, describe, expect, it } from 'vitest';
import { collectDemo, rowsOf, time, type Collected } from './collect.ts';

const END = '2026-12-02';
const FIRST = Date.UTC(2023, 11, 3);
const AFTER_END = Date.UTC(2026, 11, 3);
const INTERVENTION = Date.UTC(2025, 5, 3);
const DAY = 86_400_000;
let demo: Collected;

beforeAll(async () => {
  demo = await collectDemo({ preset: 'small', end: END });
});

const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : '');

describe(`small demo ending ${END}`, () => {
  it('keeps every date within 2023-12-03 … 2026-12-02', () => {
    const outside: string[] = [];
    for (const [file, rows] of demo.files) {
      for (const row of rows) {
        for (const [key, value] of Object.entries(row)) {
          if (value instanceof Date && !(value.getTime() >= FIRST && value.getTime() < AFTER_END)) outside.push(`${file} ${String(row.id)} ${key} ${value.toISOString()}`);
        }
      }
    }
    expect(outside.slice(0, 5)).toEqual([]);
    expect(day(rowsOf(demo, 'Community')[0]!.createdAt)).toBe('2023-12-03');
  });

  it('has activities, attendance, exchanges and new ties in every month of the 365 days up to its end', () => {
    const yearAgo = AFTER_END - 365 * DAY;
    const months = (file: string, column: string) =>
      new Set(rowsOf(demo, file).map((r) => time(r[column])).filter((t) => t >= yearAgo && t < AFTER_END).map((t) => new Date(t).toISOString().slice(0, 7)));
    for (const [file, column] of [['Activity', 'date'], ['ATTENDANCE', 'at'], ['EXCHANGE', 'at']] as const) {
      expect({ file, months: months(file, column).size }).toEqual({ file, months: 13 }); // 2025-12 … 2026-12
    }
    expect(months('ACQUAINTANCE', 'since').size).toBeGreaterThanOrEqual(12);
  });

  it('holds the festivals on their dates in its years and the neighbourhood festival only after the intervention', () => {
    const dates = (name: string) => rowsOf(demo, 'Activity').filter((a) => String(a.name).endsWith(name)).map((a) => day(a.date));
    expect(dates('社区春节团拜会')).toEqual(['2024-02-10', '2025-01-29', '2026-02-17']);
    expect(dates('社区端午包粽子')).toEqual(['2024-06-10', '2025-05-31', '2026-06-19']);
    expect(dates('社区中秋游园会')).toEqual(['2024-09-17', '2025-10-06', '2026-09-25']);
    expect(dates('社区跨小区邻里节')).toEqual(['2025-11-15', '2026-11-21']);
  });

  it('starts the intervention on 2025-06-03: cross-estate activities only from then on', () => {
    const cross = rowsOf(demo, 'Activity').filter((a) => /跨小区亲子运动会|结对共建|融合茶话会|技能集市/.test(String(a.name)));
    expect(cross.length).toBeGreaterThan(10);
    expect(Math.min(...cross.map((a) => time(a.date)))).toBeGreaterThanOrEqual(INTERVENTION);
  });
});
