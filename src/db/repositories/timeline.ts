/**
 * Reads for the tie timeline (src/graph/timeline.ts): the community's whole history, one flat
 * statement per tie source (cypher/timeline/), one row per relationship with only the columns the
 * timeline uses. Unlike the projection's paged reads (graph.ts) there is no window to filter by and
 * every row is kept anyway, so pages of anchor nodes, each collecting its relationships in a pattern
 * comprehension under the window's null checks, buy nothing here: one statement per source is one
 * round trip (beizhan's 72,000 residents were 15 pages per source) and a plan without those checks.
 * On a database just started most of the timeline's time is Neo4j planning and compiling its first
 * statements either way (docs/dashboard.md): the start-up warm-up (services/analytics/warm-timelines.ts)
 * takes that. Rows come back in the shapes the projection's reads give, so one builder serves both.
 */
import type { Props } from '../../domain/records.ts';
import type { Database, Row } from '../database.ts';
import type { QueryName } from '../query-names.ts';
import type { AcquaintanceRow, EventRow, ExchangeRow, GroupRow, NodeRow, SpanRow } from './graph.ts';

const millis = (value: unknown): number | null => (typeof value === 'number' ? value : null);

async function rows(db: Database, name: QueryName, params: Record<string, unknown>): Promise<Row[]> {
  return db.read((tx) => tx.run(name, params));
}

/** Rows of (group, member) into one GroupRow per group, groups in the order they first appear. */
function grouped<M>(list: readonly Row[], member: (row: Row) => M): GroupRow<M>[] {
  const groups = new Map<string, M[]>();
  for (const row of list) {
    const key = String(row.group);
    const members = groups.get(key);
    if (members) members.push(member(row));
    else groups.set(key, [member(row)]);
  }
  return [...groups].map(([group, members]) => ({ group, members }));
}

/** Every resident of the community with the named properties (and createdAt / endedAt), ordered by id. */
export async function timelineResidents(db: Database, communityId: string, fields: readonly string[]): Promise<NodeRow[]> {
  return (await rows(db, 'timeline/list-residents', { communityId, fields })).map((row) => {
    const props: Props = { createdAt: millis(row.createdAt) === null ? null : new Date(row.createdAt as number), endedAt: millis(row.endedAt) === null ? null : new Date(row.endedAt as number) };
    const values = Array.isArray(row.values) ? row.values : [];
    for (let i = 0; i < fields.length; i += 1) props[fields[i]!] = values[i] ?? null;
    return { label: 'Resident', id: String(row.id), props, changes: [] };
  });
}

export async function timelineAcquaintances(db: Database, communityId: string): Promise<AcquaintanceRow[]> {
  return (await rows(db, 'timeline/list-acquaintances', { communityId })).map((r) => ({ a: String(r.a), b: String(r.b), since: millis(r.since), until: millis(r.until) }));
}

export async function timelineExchanges(db: Database, communityId: string): Promise<ExchangeRow[]> {
  return (await rows(db, 'timeline/list-exchanges', { communityId })).map((r) => ({ from: String(r.from), to: String(r.to), hours: Number(r.hours ?? 0), at: millis(r.at) }));
}

export async function timelineMemberships(db: Database, communityId: string): Promise<GroupRow<SpanRow>[]> {
  return grouped(await rows(db, 'timeline/list-memberships', { communityId }), (r) => ({ id: String(r.id), since: millis(r.since), until: millis(r.until) }));
}

/** Attendances per activity, activities in id order (the order the projection's read sums their weights in). */
export async function timelineAttendances(db: Database, communityId: string): Promise<GroupRow<EventRow>[]> {
  return grouped(await rows(db, 'timeline/list-attendances', { communityId }), (r) => ({ id: String(r.id), at: millis(r.at) }));
}

export async function timelineProjectWorkers(db: Database, communityId: string, workRoles: readonly string[]): Promise<GroupRow<EventRow>[]> {
  return grouped(await rows(db, 'timeline/list-project-workers', { communityId, workRoles }), (r) => ({ id: String(r.id), at: millis(r.at) }));
}
