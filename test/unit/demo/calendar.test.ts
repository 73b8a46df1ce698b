/** The demo's calendar (src/demo/calendar.ts): any end date, festivals on their dates, the intervention. */
import { describe, expect, it } from 'vitest';
import { DEMO_END_RANGE, DemoCalendar, demoEndFromFirstDay, isoDay, PINNED_DEMO_END } from '../../../src/demo/calendar.ts';
import { festivalDate } from '../../../src/demo/festivals.ts';

const days = (cal: DemoCalendar, list: readonly { day: number; name: string }[]) => list.map((f) => `${isoDay(cal.dateOf(f.day))} ${f.name}`);

describe('DemoCalendar', () => {
  it('is pinned by default to 2023-01-01 … 2025-12-31 with the intervention on 2024-07-01', () => {
    const cal = new DemoCalendar();
    expect(PINNED_DEMO_END).toBe('2025-12-31');
    expect(isoDay(cal.first)).toBe('2023-01-01');
    expect(isoDay(cal.last)).toBe('2025-12-31');
    expect(cal.lastDay).toBe(1095);
    expect(cal.interventionDay).toBe(547);
    expect(isoDay(cal.interventionDate)).toBe('2024-07-01');
    expect(cal.yearStarts).toEqual([0, 365, 731]);
    // Beijing time written as UTC: hour 8 is midnight UTC, hour 9.5 is 01:30 UTC.
    expect(cal.dateOf(0).toISOString()).toBe('2023-01-01T00:00:00.000Z');
    expect(cal.dateOf(1095, 19.5).toISOString()).toBe('2025-12-31T11:30:00.000Z');
    expect(cal.dateOf(5000)).toEqual(cal.dateOf(1095));
  });

  it.each(['2026-12-02', '2028-02-29', '2027-02-28', '2030-06-15', '2031-08-31', DEMO_END_RANGE.earliest, DEMO_END_RANGE.latest])(
    'ends on any given day (%s): the 1,096 days up to it, the intervention 18 months after the first day',
    (end) => {
      const cal = new DemoCalendar(end);
      expect(isoDay(cal.last)).toBe(end);
      expect(isoDay(cal.dateOf(cal.lastDay))).toBe(end);
      expect(cal.lastDay).toBe(1095);
      const first = cal.first;
      expect(cal.last.getTime() - first.getTime()).toBe(1095 * 86_400_000);
      // Three years back, or three years and a day when the span holds no 29 February.
      const threeYearsBack = Date.UTC(cal.last.getUTCFullYear() - 3, cal.last.getUTCMonth(), cal.last.getUTCDate());
      expect([0, 1, 2].map((d) => threeYearsBack + d * 86_400_000)).toContain(first.getTime());
      // A resumed load reads the end back from the first day.
      expect(demoEndFromFirstDay(first)).toBe(end);
      expect(demoEndFromFirstDay(cal.dateOf(0, 19.5))).toBe(end);
      const intervention = cal.interventionDate;
      const monthsAfter = (intervention.getUTCFullYear() - first.getUTCFullYear()) * 12 + intervention.getUTCMonth() - first.getUTCMonth();
      expect(monthsAfter).toBe(18);
      expect(cal.yearStarts).toHaveLength(3);
      expect(cal.festivals().every((f) => f.day >= 0 && f.day <= cal.lastDay)).toBe(true);
    },
  );

  it('clamps the intervention to the end of a shorter month', () => {
    // First day 2023-08-31; 18 months later there is no 2025-02-31.
    const cal = new DemoCalendar('2026-08-30');
    expect(isoDay(cal.first)).toBe('2023-08-31');
    expect(isoDay(cal.interventionDate)).toBe('2025-02-28');
  });

  it('puts the pinned festivals on their dates: Spring Festival, Dragon Boat, Mid-Autumn, then the neighbourhood festival', () => {
    const cal = new DemoCalendar();
    expect(days(cal, cal.festivals())).toEqual([
      '2023-01-22 春节团拜会', '2023-06-22 端午包粽子', '2023-09-29 中秋游园会',
      '2024-02-10 春节团拜会', '2024-06-10 端午包粽子', '2024-09-17 中秋游园会',
      '2025-01-29 春节团拜会', '2025-05-31 端午包粽子', '2025-10-06 中秋游园会',
      // The third Saturday of November, from the intervention (2024-07-01) on.
      '2024-11-16 跨小区邻里节', '2025-11-15 跨小区邻里节',
    ]);
  });

  it('moves the festivals with the calendar: a demo ending 2026-12-02 has 2026\'s and none before its first day', () => {
    const cal = new DemoCalendar('2026-12-02');
    expect(isoDay(cal.first)).toBe('2023-12-03');
    expect(isoDay(cal.interventionDate)).toBe('2025-06-03');
    expect(days(cal, cal.festivals())).toEqual([
      '2024-02-10 春节团拜会', '2024-06-10 端午包粽子', '2024-09-17 中秋游园会',
      '2025-01-29 春节团拜会', '2025-05-31 端午包粽子', '2025-10-06 中秋游园会',
      '2026-02-17 春节团拜会', '2026-06-19 端午包粽子', '2026-09-25 中秋游园会',
      '2025-11-15 跨小区邻里节', '2026-11-21 跨小区邻里节',
    ]);
  });

  it('has the published festival dates in its table (spot checks across the years it covers)', () => {
    const iso = (y: number, k: 'spring' | 'dragonBoat' | 'midAutumn') => isoDay(festivalDate(y, k));
    expect(iso(2015, 'spring')).toBe('2015-02-19');
    expect(iso(2020, 'spring')).toBe('2020-01-25');
    expect(iso(2020, 'midAutumn')).toBe('2020-10-01');
    expect(iso(2033, 'midAutumn')).toBe('2033-09-08');
    expect(iso(2040, 'dragonBoat')).toBe('2040-06-14');
    expect(() => festivalDate(2014, 'spring')).toThrow(/2015–2040 only .*not 2014/);
    expect(() => festivalDate(2041, 'midAutumn')).toThrow(/2015–2040 only .*not 2041/);
  });

  it('refuses an end that is not a calendar day, or whose years the festival table does not cover', () => {
    for (const bad of ['2025-02-30', '2025-1-5', 'today', '']) {
      expect(() => new DemoCalendar(bad)).toThrow(/is not a calendar day \(YYYY-MM-DD\)/);
    }
    expect(() => new DemoCalendar('2041-01-01')).toThrow(/would span 2038-01-02 – 2041-01-01, but the festival table covers 2015–2040 only: end it between 2017-12-31 and 2040-12-31/);
    expect(() => new DemoCalendar('2017-12-30')).toThrow(/festival table covers 2015–2040 only/);
  });
});
