/**
 * Reads for the projection (src/graph): rows of a community, a page of anchor nodes at a time, as
 * plain objects. Each statement returns one row per anchor node (a resident, an organisation, an
 * activity, a project, or any node for the full network) with the anchor's relationships collected,
 * ordered by id; the next page starts after the last id (a key range, never SKIP), so no result set
 * is larger than a page and each page is its own short, idempotent read transaction. Time filtering
 * here is only to send less: src/graph/time.ts defines what counts and applies it again.
 */
import type { NodeLabel } from '../../domain/model.ts';
import type { Plain, Props } from '../../domain/records.ts';
import type { Database, Row } from '../database.ts';
import type { QueryName } from '../query-names.ts';

export interface TimeParams {
  from: Date | null;
  to: Date | null;
  asOf: Date | null;
}

/** A window read that serves several windows: node state changes are returned from `changesFrom` on. */
export interface NodeTimeParams extends TimeParams {
  changesFrom?: Date | null;
}

export interface PageOptions {
  /** Anchor nodes per page (default 5,000). */
  pageSize?: number;
}

export interface StateChangeRow {
  field: string;
  from: Plain;
  at: Date | null;
}

export interface NodeRow {
  label: NodeLabel;
  id: string;
  /** Every property of the node, dates as Dates. */
  props: Props;
  /** State changes after the cut-off, to be undone to show the state as it was. */
  changes: StateChangeRow[];
}

export interface RelRow {
  type: string;
  fromLabel: NodeLabel;
  fromId: string;
  toLabels: string[];
  toId: string;
  props: Props;
}

/*
 * Tie rows carry their times as milliseconds since the epoch (Cypher's epochMillis, sent as floats so
 * the driver hands over plain numbers, not Integer objects), and the statements send each
 * relationship as a short list, not a map: there are hundreds of thousands of them, and a number
 * costs far less to send and decode than a DateTime, a list less than a map with its keys.
 */
export interface SpanRow {
  id: string;
  since: number | null;
  until: number | null;
}

export interface EventRow {
  id: string;
  at: number | null;
}

/** Declared acquaintance a → b. */
export interface AcquaintanceRow {
  a: string;
  b: string;
  since: number | null;
  until: number | null;
}

/** Time-bank service given by `from` to `to`. */
export interface ExchangeRow {
  from: string;
  to: string;
  hours: number;
  at: number | null;
}

/** The residents around one organisation, activity or project, with when each took part. */
export interface GroupRow<M> {
  group: string;
  members: M[];
}

export type OnBatch<T> = (rows: T[]) => void;

const DEFAULT_PAGE = 5_000;

const date = (value: Plain | undefined): Date | null => (value instanceof Date ? value : null);
const millis = (value: Plain | undefined): number | null => (typeof value === 'number' ? value : null);
const list = (value: Plain | undefined): { [key: string]: Plain }[] =>
  Array.isArray(value) ? (value.filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) as { [key: string]: Plain }[]) : [];
/** A list of lists (the compact tie rows: one short list per relationship, fields by position). */
const tuples = (value: Plain | undefined): Plain[][] => (Array.isArray(value) ? (value.filter(Array.isArray) as Plain[][]) : []);
const dateOfMillis = (value: Plain | undefined): Date | null => (typeof value === 'number' ? new Date(value) : null);

/** The first and last date on the community's dated records (cypher/graph/data-range); nulls when it has none. */
export async function dataRange(db: Database, communityId: string): Promise<{ first: Date | null; last: Date | null }> {
  const [row] = await db.read((tx) => tx.run('graph/data-range', { communityId }));
  return { first: date(row?.first), last: date(row?.last) };
}

/** Runs a paged statement until a short page, handing each page's mapped rows to onBatch. */
export async function paged<T>(
  db: Database,
  name: QueryName,
  params: Record<string, unknown>,
  slots: Record<string, string>,
  map: (row: Row) => T[],
  onBatch: OnBatch<T>,
  options: PageOptions,
): Promise<void> {
  const limit = options.pageSize ?? DEFAULT_PAGE;
  let after = '';
  for (;;) {
    const rows = await db.read((tx) => tx.run(name, { ...params, after, limit }, slots));
    const mapped: T[] = [];
    for (const row of rows) for (const item of map(row)) mapped.push(item);
    if (mapped.length > 0) onBatch(mapped);
    if (rows.length < limit) return;
    after = String(rows[rows.length - 1]!.id);
  }
}

export async function streamNodes(db: Database, communityId: string, label: NodeLabel, time: TimeParams, onBatch: OnBatch<NodeRow>, options: PageOptions = {}): Promise<void> {
  await paged(db, 'graph/list-nodes', { communityId, ...time }, { label }, (row) => {
    const props = (row.node ?? {}) as Props;
    const changes = list(row.changes).map((c) => ({ field: String(c.field), from: c.from ?? null, at: date(c.at) }));
    return [{ label, id: String(row.id), props, changes }];
  }, onBatch, options);
}

/**
 * Like streamNodes, but only the named properties (and createdAt / endedAt, always): props holds
 * exactly those, a missing one as null; changes only those of the named fields. The tie network
 * reads residents this way.
 */
export async function streamNodeFields(
  db: Database, communityId: string, label: NodeLabel, fields: readonly string[], time: NodeTimeParams, onBatch: OnBatch<NodeRow>, options: PageOptions = {},
): Promise<void> {
  await paged(db, 'graph/list-node-fields', { communityId, from: time.from, to: time.to, asOf: time.asOf, changesFrom: time.changesFrom ?? null, fields }, { label }, (row) => {
    const props: Props = { createdAt: dateOfMillis(row.createdAt), endedAt: dateOfMillis(row.endedAt) };
    const values = Array.isArray(row.values) ? row.values : [];
    for (let i = 0; i < fields.length; i += 1) props[fields[i]!] = values[i] ?? null;
    const changes = list(row.changes).map((c) => ({ field: String(c.field), from: c.from ?? null, at: date(c.at) }));
    return [{ label, id: String(row.id), props, changes }];
  }, onBatch, options);
}

/** Outgoing relationships of the given types from every node of one label. */
export async function streamRels(db: Database, communityId: string, label: NodeLabel, types: readonly string[], time: TimeParams, onBatch: OnBatch<RelRow>, options: PageOptions = {}): Promise<void> {
  await paged(db, 'graph/list-rels', { communityId, ...time }, { label, types: types.join('|') }, (row) => {
    const fromId = String(row.id);
    return list(row.rels).map((r) => ({
      type: String(r.type),
      fromLabel: label,
      fromId,
      toLabels: Array.isArray(r.toLabels) ? r.toLabels.map(String) : [],
      toId: String(r.to),
      props: (r.rel ?? {}) as Props,
    }));
  }, onBatch, options);
}

export async function streamAcquaintances(db: Database, communityId: string, time: TimeParams, onBatch: OnBatch<AcquaintanceRow>, options: PageOptions = {}): Promise<void> {
  await paged(db, 'graph/list-acquaintances', { communityId, ...time }, {}, (row) => {
    const a = String(row.id);
    return tuples(row.ties).map((t) => ({ a, b: String(t[0]), since: millis(t[1]), until: millis(t[2]) }));
  }, onBatch, options);
}

export async function streamExchanges(db: Database, communityId: string, time: TimeParams, onBatch: OnBatch<ExchangeRow>, options: PageOptions = {}): Promise<void> {
  await paged(db, 'graph/list-exchanges', { communityId, ...time }, {}, (row) => {
    const from = String(row.id);
    return tuples(row.exchanges).map((e) => ({ from, to: String(e[0]), hours: Number(e[1] ?? 0), at: millis(e[2]) }));
  }, onBatch, options);
}

function groups<M>(key: string, member: (m: Plain[]) => M) {
  return (row: Row): GroupRow<M>[] => {
    const members = tuples(row[key]).map(member);
    return members.length > 0 ? [{ group: String(row.id), members }] : [];
  };
}

/** Resident memberships, one row per organisation. */
export async function streamMemberships(db: Database, communityId: string, time: TimeParams, onBatch: OnBatch<GroupRow<SpanRow>>, options: PageOptions = {}): Promise<void> {
  await paged(db, 'graph/list-memberships', { communityId, ...time }, {},
    groups('members', (m) => ({ id: String(m[0]), since: millis(m[1]), until: millis(m[2]) })), onBatch, options);
}

/** Resident attendances, one row per activity. */
export async function streamAttendances(db: Database, communityId: string, time: TimeParams, onBatch: OnBatch<GroupRow<EventRow>>, options: PageOptions = {}): Promise<void> {
  await paged(db, 'graph/list-attendances', { communityId, ...time }, {},
    groups('attendees', (m) => ({ id: String(m[0]), at: millis(m[1]) })), onBatch, options);
}

/** Residents who worked on a project (claimed it, or attended its activities in one of workRoles), one row per project. */
export async function streamProjectWorkers(db: Database, communityId: string, time: TimeParams, workRoles: readonly string[], onBatch: OnBatch<GroupRow<EventRow>>, options: PageOptions = {}): Promise<void> {
  await paged(db, 'graph/list-project-workers', { communityId, ...time, workRoles }, {},
    groups('workers', (m) => ({ id: String(m[0]), at: millis(m[1]) })), onBatch, options);
}
