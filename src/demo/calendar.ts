/**
 * Days of the demo's three years. Internally every date is a day number (0 = 2023-01-01) so the
 * per-resident state fits in 16-bit arrays; rows get real Date objects only when they are emitted.
 * Times of day are Beijing time (UTC+8), written as UTC instants.
 */

const EPOCH = Date.UTC(2023, 0, 1);
const DAY_MS = 86_400_000;

/** 2023-01-01 */
export const FIRST_DAY = 0;
/** 2025-12-31 */
export const LAST_DAY = 1095;
/** 2024-07-01: the reweaving intervention starts; bridging ties and participation grow after it. */
export const INTERVENTION_DAY = 547;
export const INTERVENTION_DATE = new Date(EPOCH + INTERVENTION_DAY * DAY_MS);

/** The instant of `day` at `hour` Beijing time (hour 8 = midnight UTC, the default for record dates). */
export function dateOf(day: number, hour = 8): Date {
  const d = Math.max(FIRST_DAY, Math.min(LAST_DAY, Math.round(day)));
  return new Date(EPOCH + d * DAY_MS + (hour - 8) * 3_600_000);
}

/** The calendar year of a day number. */
export function yearOf(day: number): number {
  return dateOf(day).getUTCFullYear();
}
