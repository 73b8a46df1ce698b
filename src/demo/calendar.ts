/**
 * The demo's calendar: the 1,096 days up to a given last day, included — three years (exactly, when
 * they hold a 29 February; else three years and a day) — so a demo made today has data up to today.
 * A fixed length keeps the planners' day numbers (offsets into the span) meaning the same for every
 * end, and lets the end be read back from the first day (a resumed load must regenerate the same
 * demo). Internally every date is a day number (0 = the first day) so the per-resident state fits
 * in 16-bit arrays; rows get real Date objects only when they are emitted. Times of day are Beijing
 * time (UTC+8), written as UTC instants.
 *
 * The reweaving intervention starts 18 months after the first day, the middle of the span, so that
 * every demo has a year and a half before it and after it to compare. The pinned end (2025-12-31)
 * gives the calendar every test, bench and README example was made with: 2023-01-01 … 2025-12-31,
 * intervention 2024-07-01.
 */
import { FESTIVAL_YEARS, festivalDate, type FestivalKey } from './festivals.ts';

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS_BEFORE_INTERVENTION = 18;
/** The day number of the last day: the span is LAST_DAY + 1 days. */
const LAST_DAY = 1095;

/** The end of the demo's calendar in tests, benches and the generator's API. */
export const PINNED_DEMO_END = '2025-12-31';

/** The ends whose three years the festival table covers. */
export const DEMO_END_RANGE = { earliest: `${FESTIVAL_YEARS.first + 2}-12-31`, latest: `${FESTIVAL_YEARS.last}-12-31` } as const;

/** The end (YYYY-MM-DD) of the calendar that starts on `first`'s UTC day: the inverse of DemoCalendar.first. */
export function demoEndFromFirstDay(first: Date): string {
  const day = Math.floor(first.getTime() / DAY_MS) * DAY_MS;
  return isoDay(new Date(day + LAST_DAY * DAY_MS));
}

/** A YYYY-MM-DD day as its UTC midnight, or null when it is not a real calendar day. */
export function parseDay(text: string): Date | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** The UTC day (YYYY-MM-DD) of an instant. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** `months` calendar months after a UTC midnight; a day past the month's end becomes its last day. */
function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastOfMonth)));
}

/** The third Saturday of November: the cross-estate neighbourhood festival (邻里节) the intervention started. */
function neighbourhoodFestival(year: number): Date {
  const first = new Date(Date.UTC(year, 10, 1));
  return new Date(Date.UTC(year, 10, 1 + ((6 - first.getUTCDay() + 7) % 7) + 14));
}

const TRADITIONAL: readonly [FestivalKey, string][] = [['spring', '春节团拜会'], ['dragonBoat', '端午包粽子'], ['midAutumn', '中秋游园会']];

export interface Festival {
  readonly day: number;
  readonly name: string;
}

export class DemoCalendar {
  /** The first day (day 0) and the last day, at UTC midnight. */
  readonly first: Date;
  readonly last: Date;
  /** The day number of the last day. */
  readonly lastDay: number;
  /** The day the reweaving intervention starts: bridging ties and participation grow after it. */
  readonly interventionDay: number;
  /** The first day of each of the span's three years (0, then its anniversaries). */
  readonly yearStarts: readonly number[];

  /** `end` is the last day, YYYY-MM-DD; throws when it is not a day or the festival table does not cover the span. */
  constructor(end: string = PINNED_DEMO_END) {
    const last = parseDay(end);
    if (!last) throw new RangeError(`demo: calendar end "${end}" is not a calendar day (YYYY-MM-DD)`);
    const first = new Date(last.getTime() - LAST_DAY * DAY_MS);
    if (end < DEMO_END_RANGE.earliest || end > DEMO_END_RANGE.latest) {
      throw new RangeError(`demo: a calendar ending ${end} would span ${isoDay(first)} – ${end}, but the festival table covers ${FESTIVAL_YEARS.first}–${FESTIVAL_YEARS.last} only: end it between ${DEMO_END_RANGE.earliest} and ${DEMO_END_RANGE.latest}`);
    }
    this.first = first;
    this.last = last;
    this.lastDay = LAST_DAY;
    this.interventionDay = this.dayOf(addMonths(first, MONTHS_BEFORE_INTERVENTION));
    this.yearStarts = [0, 12, 24].map((m) => this.dayOf(addMonths(first, m)));
  }

  get interventionDate(): Date {
    return this.dateOf(this.interventionDay);
  }

  /** The day number of a UTC instant's day (not clamped). */
  dayOf(date: Date): number {
    return Math.floor((date.getTime() - this.first.getTime()) / DAY_MS);
  }

  /** The instant of `day` at `hour` Beijing time (hour 8 = midnight UTC, the default for record dates). */
  dateOf(day: number, hour = 8): Date {
    const d = Math.max(0, Math.min(this.lastDay, Math.round(day)));
    return new Date(this.first.getTime() + d * DAY_MS + (hour - 8) * 3_600_000);
  }

  /** The calendar year of a day number. */
  yearOf(day: number): number {
    return this.dateOf(day).getUTCFullYear();
  }

  /**
   * The community's festival days inside the span: Spring Festival, Dragon Boat and Mid-Autumn of
   * each year (src/demo/festivals.ts), then the neighbourhood festival of each year from the
   * intervention on.
   */
  festivals(): Festival[] {
    const inSpan = (day: number) => day >= 0 && day <= this.lastDay;
    const years: number[] = [];
    for (let y = this.first.getUTCFullYear(); y <= this.last.getUTCFullYear(); y++) years.push(y);
    const list: Festival[] = [];
    for (const y of years) {
      for (const [key, name] of TRADITIONAL) {
        const day = this.dayOf(festivalDate(y, key));
        if (inSpan(day)) list.push({ day, name });
      }
    }
    for (const y of years) {
      const day = this.dayOf(neighbourhoodFestival(y));
      if (inSpan(day) && day >= this.interventionDay) list.push({ day, name: '跨小区邻里节' });
    }
    return list;
  }
}
