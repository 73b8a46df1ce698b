/** Node and edge attributes from database rows: dates as ISO strings, state fields as of the cut-off. */
import type { Plain, Props } from '../domain/records.ts';
import type { StateChangeRow } from '../db/repositories/graph.ts';
import type { ResolvedSpec } from './spec.ts';
import { changeUndone, ms, type When } from './time.ts';

export type AttrValue = null | string | number | boolean | AttrValue[];

export function attrValue(value: Plain | undefined): AttrValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(attrValue);
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

export const iso = (value: Plain | undefined): string | null => (value instanceof Date ? value.toISOString() : null);

/**
 * A node's properties as they were at the cut-off: for each state field changed after it, the `from`
 * of the earliest such change (history is a chain, so that is the value in force at the cut-off).
 */
export function propsAsOf(props: Props, changes: readonly StateChangeRow[], when: When): Props {
  const earliest = new Map<string, StateChangeRow>();
  for (const change of changes) {
    if (!changeUndone(when, ms(change.at))) continue;
    const seen = earliest.get(change.field);
    if (!seen || (change.at !== null && seen.at !== null && change.at.getTime() < seen.at.getTime())) earliest.set(change.field, change);
  }
  if (earliest.size === 0) return props;
  const out: Props = { ...props };
  for (const [field, change] of earliest) out[field] = change.from;
  return out;
}

/** What the graph is: the community, network and time it was projected for. */
export function graphAttributes(spec: ResolvedSpec): Record<string, AttrValue> {
  const date = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return { communityId: spec.communityId, network: spec.network, from: date(spec.from), to: date(spec.to), asOf: date(spec.asOf) };
}
