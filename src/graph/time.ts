/**
 * When something counts, in one place. The Cypher under cypher/graph/ applies the same predicates so
 * that less travels; the builders apply them again, so the builders alone define the semantics and
 * the unit tests can check them without a database.
 *
 * - window [from, to): a span counts if since < to and (until is null or until ≥ from); an event if
 *   from ≤ at < to. A null since means "since always"; a null bound is open.
 * - asOf t: a span counts if since ≤ t < until; an event if at ≤ t.
 * - nodes are spans from createdAt to endedAt — except a node whose start was not recorded (imported
 *   without createdAt, or created through the API, marked `startUnknown`): it is present from the
 *   beginning, since null, until its endedAt. Its createdAt is only the time the record was made; had
 *   it counted, every resident of a roster imported today would vanish from every past window.
 * - neither: everything counts.
 */
import type { ResolvedSpec } from './spec.ts';

export type When = Pick<ResolvedSpec, 'from' | 'to' | 'asOf'>;

export const ms = (value: Date | null | undefined): number | null => (value instanceof Date ? value.getTime() : null);

/** When a node's lifetime starts: its createdAt, or null (always) when the start is unknown. */
export function nodeStart(props: { createdAt?: unknown; startUnknown?: unknown }): Date | null {
  return props.startUnknown === true || !(props.createdAt instanceof Date) ? null : props.createdAt;
}

export function spanCounts(when: When, since: number | null, until: number | null): boolean {
  if (when.asOf !== null) return (since === null || since <= when.asOf) && (until === null || until > when.asOf);
  if (when.to !== null && since !== null && since >= when.to) return false;
  if (when.from !== null && until !== null && until < when.from) return false;
  return true;
}

export function eventCounts(when: When, at: number | null): boolean {
  if (at === null) return when.asOf === null && when.from === null && when.to === null;
  if (when.asOf !== null) return at <= when.asOf;
  if (when.to !== null && at >= when.to) return false;
  if (when.from !== null && at < when.from) return false;
  return true;
}

/**
 * Two spans count together if the part they share, [max(since), min(until)), is not empty and itself
 * counts (at asOf t: both hold at t; in a window: they were in force together inside it).
 */
export function spansOverlap(when: When, a: { since: number | null; until: number | null }, b: { since: number | null; until: number | null }): boolean {
  const since = a.since === null ? b.since : b.since === null ? a.since : Math.max(a.since, b.since);
  const until = a.until === null ? b.until : b.until === null ? a.until : Math.min(a.until, b.until);
  if (since !== null && until !== null && since >= until) return false;
  return spanCounts(when, since, until);
}

/**
 * State fields (changed only through transitions, kept as CHANGED history) are shown as they were at
 * the cut-off: at asOf t, changes after t are undone; in a window, changes at or after its end.
 */
export function changeUndone(when: When, at: number | null): boolean {
  if (at === null) return false;
  if (when.asOf !== null) return at > when.asOf;
  if (when.to !== null) return at >= when.to;
  return false;
}
