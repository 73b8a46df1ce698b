/** Hand-made rows, as src/db/repositories/graph.ts returns them. */
import type { AcquaintanceRow, EventRow, ExchangeRow, GroupRow, NodeRow, RelRow, SpanRow, StateChangeRow } from '../../../src/db/repositories/graph.ts';
import type { NodeLabel } from '../../../src/domain/model.ts';
import type { Props } from '../../../src/domain/records.ts';

export const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
/** Tie rows carry times in ms since the epoch. */
export const t = (s: string) => d(s).getTime();
export const COMMUNITY = 'c1';

export function node(label: NodeLabel, id: string, props: Props = {}, changes: StateChangeRow[] = []): NodeRow {
  return { label, id, props: { id, communityId: COMMUNITY, createdAt: d('2020-01-01'), ...props }, changes };
}

export const resident = (id: string, props: Props = {}, changes: StateChangeRow[] = []) => node('Resident', id, { displayName: id, ...props }, changes);

export const knows = (a: string, b: string, since: string | null = null, until: string | null = null): AcquaintanceRow =>
  ({ a, b, since: since ? t(since) : null, until: until ? t(until) : null });

export const exchange = (from: string, to: string, hours: number, at = '2024-06-01'): ExchangeRow => ({ from, to, hours, at: t(at) });

export const activity = (group: string, ids: string[], at = '2024-06-01'): GroupRow<EventRow> => ({ group, members: ids.map((id) => ({ id, at: t(at) })) });

export const organisation = (group: string, members: [string, string | null, string | null][]): GroupRow<SpanRow> =>
  ({ group, members: members.map(([id, since, until]) => ({ id, since: since ? t(since) : null, until: until ? t(until) : null })) });

export function rel(type: string, from: [NodeLabel, string], to: [NodeLabel, string], props: Props): RelRow {
  return { type, fromLabel: from[0], fromId: from[1], toLabels: [to[0]], toId: to[1], props };
}
