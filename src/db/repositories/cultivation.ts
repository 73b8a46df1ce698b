/**
 * Reads for the cultivation analytics (src/services/cultivation): the stage history of every node of
 * a community, a page of nodes at a time (key range on id, like ./graph.ts), as plain rows.
 */
import type { NodeLabel } from '../../domain/model.ts';
import type { Plain } from '../../domain/records.ts';
import type { Database } from '../database.ts';
import { paged, type OnBatch, type PageOptions } from './graph.ts';

export interface HistoryRow {
  id: string;
  /** ms since the epoch; null when the start is unknown. */
  createdAt: number | null;
  endedAt: number | null;
  current: Plain;
  /** The requested properties, in order. */
  values: Plain[];
  /** Changes of the field, oldest first (by at, then by when they were recorded). */
  changes: { from: Plain; to: Plain; at: number }[];
}

const millis = (value: Plain | undefined): number | null => (typeof value === 'number' ? value : null);

/**
 * Two reads instead of one per-node pattern comprehension: the field's changes, all at once from the
 * community's node (few: thousands for tens of thousands of nodes), then the nodes a page at a time.
 */
export async function streamHistories(
  db: Database, communityId: string, label: NodeLabel, field: string, fields: readonly string[], onBatch: OnBatch<HistoryRow>, options: PageOptions = {},
): Promise<void> {
  const rows = await db.read((tx) => tx.run('cultivation/list-changes', { communityId, field }, { label }));
  const byNode = new Map<string, { from: Plain; to: Plain; at: number; createdAt: number }[]>();
  for (const row of rows) {
    if (typeof row.at !== 'number') continue;
    const id = String(row.id);
    const list = byNode.get(id) ?? [];
    if (list.length === 0) byNode.set(id, list);
    list.push({ from: row.from ?? null, to: row.to ?? null, at: row.at, createdAt: millis(row.createdAt) ?? 0 });
  }
  await paged(db, 'cultivation/list-histories', { communityId, field, fields }, { label }, (row) => {
    const id = String(row.id);
    const changes = (byNode.get(id) ?? [])
      .sort((a, b) => a.at - b.at || a.createdAt - b.createdAt)
      .map((c) => ({ from: c.from, to: c.to, at: c.at }));
    return [{
      id, createdAt: millis(row.createdAt), endedAt: millis(row.endedAt), current: row.current ?? null,
      values: Array.isArray(row.values) ? row.values : [], changes,
    }];
  }, onBatch, options);
}

export interface OrganisationRow {
  id: string;
  name: string;
  /** Memberships in force at asOf: resident and role. */
  members: { residentId: string; role: string }[];
  /** Activities hosted in [from, asOf), with their resident attendees and roles. */
  activities: { id: string; attendees: { residentId: string; role: string }[] }[];
}

const pairs = (value: Plain | undefined): Plain[][] => (Array.isArray(value) ? (value.filter(Array.isArray) as Plain[][]) : []);

export async function streamOrganisations(db: Database, communityId: string, from: Date, asOf: Date, onBatch: OnBatch<OrganisationRow>, options: PageOptions = {}): Promise<void> {
  await paged(db, 'cultivation/list-organisations', { communityId, from, asOf }, {}, (row) => [{
    id: String(row.id),
    name: String(row.name ?? row.id),
    members: pairs(row.members).map((m) => ({ residentId: String(m[0]), role: String(m[1] ?? 'MEMBER') })),
    activities: pairs(row.activities).map((a) => ({ id: String(a[0]), attendees: pairs(a[1]).map((x) => ({ residentId: String(x[0]), role: String(x[1] ?? 'PARTICIPANT') })) })),
  }], onBatch, options);
}

export interface ParticipationRow {
  id: string;
  attended: { at: number | null; role: string }[];
  memberships: { since: number | null; until: number | null; role: string }[];
  claims: (number | null)[];
  given: { at: number | null; hours: number }[];
  received: { at: number | null; hours: number }[];
}

export async function streamParticipation(db: Database, communityId: string, onBatch: OnBatch<ParticipationRow>, options: PageOptions = {}): Promise<void> {
  const hours = (rows: Plain[][]) => rows.map((x) => ({ at: millis(x[0]), hours: typeof x[1] === 'number' && Number.isFinite(x[1]) ? x[1] : 0 }));
  await paged(db, 'cultivation/list-participation', { communityId }, {}, (row) => [{
    id: String(row.id),
    attended: pairs(row.attended).map((a) => ({ at: millis(a[0]), role: String(a[1] ?? 'PARTICIPANT') })),
    memberships: pairs(row.memberships).map((m) => ({ since: millis(m[0]), until: millis(m[1]), role: String(m[2] ?? 'MEMBER') })),
    claims: Array.isArray(row.claims) ? row.claims.map((c) => millis(c)) : [],
    given: hours(pairs(row.given)),
    received: hours(pairs(row.received)),
  }], onBatch, options);
}
