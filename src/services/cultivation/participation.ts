/**
 * Every resident's dated participation (attendances by role, memberships, claims, time-bank hours),
 * read once per (community, data version) into typed arrays (src/analytics/cultivation/features.ts)
 * and cached like the stage histories (./histories.ts), so every stage, asOf and backtest of
 * promotionCandidates reads the same arrays.
 */
import { ATTENDANCE_ROLE, MEMBERSHIP_ROLE, type ParticipationArrays } from '../../analytics/cultivation/features.ts';
import { streamParticipation, type ParticipationRow } from '../../db/repositories/cultivation.ts';
import type { ServiceContext } from '../context.ts';
import { projectionCache } from './cache.ts';

const time = (t: number | null) => (t === null ? Number.NaN : t);

function pack(rows: readonly ParticipationRow[]): ParticipationArrays {
  const n = rows.length;
  const offsets = (count: (r: ParticipationRow) => number) => {
    const o = new Int32Array(n + 1);
    rows.forEach((r, i) => (o[i + 1] = o[i]! + count(r)));
    return o;
  };
  const attended = { offsets: offsets((r) => r.attended.length), at: new Float64Array(0), role: new Int8Array(0) };
  attended.at = Float64Array.from(rows.flatMap((r) => r.attended.map((a) => time(a.at))));
  attended.role = Int8Array.from(rows.flatMap((r) => r.attended.map((a) => ATTENDANCE_ROLE[a.role as keyof typeof ATTENDANCE_ROLE] ?? 0)));
  const memberships = {
    offsets: offsets((r) => r.memberships.length),
    since: Float64Array.from(rows.flatMap((r) => r.memberships.map((m) => time(m.since)))),
    until: Float64Array.from(rows.flatMap((r) => r.memberships.map((m) => time(m.until)))),
    role: Int8Array.from(rows.flatMap((r) => r.memberships.map((m) => MEMBERSHIP_ROLE[m.role as keyof typeof MEMBERSHIP_ROLE] ?? 0))),
  };
  const claims = { offsets: offsets((r) => r.claims.length), at: Float64Array.from(rows.flatMap((r) => r.claims.map(time))) };
  const hours = (pick: (r: ParticipationRow) => { at: number | null; hours: number }[]) => ({
    offsets: offsets((r) => pick(r).length),
    at: Float64Array.from(rows.flatMap((r) => pick(r).map((x) => time(x.at)))),
    hours: Float64Array.from(rows.flatMap((r) => pick(r).map((x) => x.hours))),
  });
  return { ids: rows.map((r) => r.id), attended, memberships, claims, given: hours((r) => r.given), received: hours((r) => r.received) };
}

const cached = projectionCache<ParticipationArrays>();

export function projectParticipation(ctx: ServiceContext, communityId: string): Promise<ParticipationArrays> {
  return cached(ctx, communityId, async () => {
    const rows: ParticipationRow[] = [];
    await streamParticipation(ctx.db, communityId, (batch) => rows.push(...batch));
    return pack(rows);
  });
}
