/**
 * The tie network's history in one read: every tie with the spans of time in which it is in force,
 * so that a client can show the network as of any date (TieGraphBuilder at asOf t) by filtering,
 * without a projection per date. It reads the same rows as the projection with no cut-off and keeps,
 * per pair, when each source counts at an instant t (time.ts):
 *
 * - acquaintance: the KNOWS tie's [since, until);
 * - comembership: each overlap [max(since), min(until)) of the two members' spans in one organisation;
 * - coattendance: from the later of the two's first attendance, until the activity's attendees
 *   outgrow maxActivitySize (from then on it is a crowd and adds no tie);
 * - exchange: from the first service between them with hours > 0, on;
 * - cowork: from the later of the two's first work on a project, on.
 *
 * A tie is in force at t when t is in one of its spans and both residents are present at t
 * (start ≤ t < end). One simplification against the projection: an activity's attendee count k is
 * taken over every attendee up to t, where the projection counts only the residents present at t —
 * they differ only for an activity near the crowd limit some of whose attendees later left. The
 * weight is the tie's weight over the whole history (a tie's thickness, not its state at t), and the
 * residents' attributes are their current ones.
 */
import type { AcquaintanceRow, EventRow, ExchangeRow, GroupRow, NodeRow, SpanRow } from '../db/repositories/graph.ts';
import { attrValue, type AttrValue } from './attributes.ts';
import { TIE_SOURCE_NAMES, type ResolvedSpec, type TieSourceName } from './spec.ts';
import { RESIDENT_ATTRIBUTES } from './ties.ts';
import { ms, nodeStart } from './time.ts';
import { mergeSpans } from '../analytics/timeline/spans.ts';

export { mergeSpans };

export interface TimelineResident {
  id: string;
  /** Present from (null: always) until (null: still). */
  start: number | null;
  end: number | null;
  attributes: Record<(typeof RESIDENT_ATTRIBUTES)[number], AttrValue>;
}

/** Ties as columns: ends as indices into residents, weight, and each tie's spans in order. */
export interface TimelineTies {
  a: number[];
  b: number[];
  weight: number[];
  /** How many spans each tie has; its spans follow the previous ties' in `spans`. */
  spanCounts: number[];
  /** start, end of each span in epoch milliseconds; null is an open bound. */
  spans: (number | null)[];
}

export interface TieTimeline {
  residents: TimelineResident[];
  ties: TimelineTies;
}

interface Pair {
  /** Flat [start, end) bounds; −∞ and +∞ stand for open. */
  bounds: number[];
  raw: number[];
}

const COLUMN = Object.fromEntries(TIE_SOURCE_NAMES.map((name, i) => [name, i])) as Record<TieSourceName, number>;
const lower = (t: number | null) => (t === null ? -Infinity : t);
const upper = (t: number | null) => (t === null ? Infinity : t);

export class TieTimelineBuilder {
  private readonly index = new Map<string, number>();
  private readonly residents: TimelineResident[] = [];
  private readonly pairs = new Map<number, Pair>();

  constructor(private readonly spec: ResolvedSpec) {}

  uses(source: TieSourceName): boolean {
    return this.spec.sources[source] > 0;
  }

  addResidents(rows: readonly NodeRow[]): void {
    for (const row of rows) {
      if (row.label !== 'Resident' || this.index.has(row.id)) continue;
      const attributes = {} as TimelineResident['attributes'];
      for (const name of RESIDENT_ATTRIBUTES) attributes[name] = attrValue(row.props[name]);
      this.index.set(row.id, this.residents.length);
      this.residents.push({ id: row.id, start: ms(nodeStart(row.props)), end: ms(row.props.endedAt as Date | null), attributes });
    }
  }

  private pair(i: number, j: number): Pair {
    const [lo, hi] = i < j ? [i, j] : [j, i];
    // lo·2^26 + hi is exact in a double for up to 2^26 residents.
    const key = lo * 67_108_864 + hi;
    let p = this.pairs.get(key);
    if (!p) {
      p = { bounds: [], raw: [0, 0, 0, 0, 0] };
      this.pairs.set(key, p);
    }
    return p;
  }

  private add(i: number, j: number, source: TieSourceName, start: number, end: number, amount: number, replace = false): void {
    if (i === j || !(start < end)) return;
    const p = this.pair(i, j);
    p.bounds.push(start, end);
    const c = COLUMN[source];
    p.raw[c] = replace ? amount : p.raw[c]! + amount;
  }

  addAcquaintances(rows: readonly AcquaintanceRow[]): void {
    if (!this.uses('acquaintance')) return;
    for (const row of rows) {
      const a = this.index.get(row.a);
      const b = this.index.get(row.b);
      if (a !== undefined && b !== undefined) this.add(a, b, 'acquaintance', lower(row.since), upper(row.until), 1, true);
    }
  }

  addExchanges(rows: readonly ExchangeRow[]): void {
    if (!this.uses('exchange')) return;
    for (const row of rows) {
      const a = this.index.get(row.from);
      const b = this.index.get(row.to);
      // An event without a date never counts at an instant.
      if (a !== undefined && b !== undefined && row.hours > 0 && row.at !== null) this.add(a, b, 'exchange', row.at, Infinity, row.hours);
    }
  }

  /** Each resident's first dated event in the group, earliest first. */
  private firsts(members: readonly EventRow[]): { i: number; at: number }[] {
    const first = new Map<number, number>();
    for (const m of members) {
      const i = this.index.get(m.id);
      if (i === undefined || m.at === null) continue;
      const seen = first.get(i);
      if (seen === undefined || m.at < seen) first.set(i, m.at);
    }
    return [...first].map(([i, at]) => ({ i, at })).sort((x, y) => x.at - y.at);
  }

  addAttendances(rows: readonly GroupRow<EventRow>[]): void {
    if (!this.uses('coattendance')) return;
    const max = this.spec.maxActivitySize;
    for (const row of rows) {
      const people = this.firsts(row.members);
      // From the (max + 1)-th attendee on the activity is a crowd.
      const crowd = people.length > max ? people[max]!.at : Infinity;
      const k = Math.min(people.length, max);
      if (k < 2) continue;
      for (let x = 0; x < people.length; x += 1) {
        for (let y = x + 1; y < people.length; y += 1) this.add(people[x]!.i, people[y]!.i, 'coattendance', people[y]!.at, crowd, 1 / (k - 1));
      }
    }
  }

  addProjectWork(rows: readonly GroupRow<EventRow>[]): void {
    if (!this.uses('cowork')) return;
    for (const row of rows) {
      const people = this.firsts(row.members);
      for (let x = 0; x < people.length; x += 1) {
        for (let y = x + 1; y < people.length; y += 1) this.add(people[x]!.i, people[y]!.i, 'cowork', people[y]!.at, Infinity, 1);
      }
    }
  }

  addMemberships(rows: readonly GroupRow<SpanRow>[]): void {
    if (!this.uses('comembership')) return;
    for (const row of rows) {
      const spans = new Map<number, SpanRow[]>();
      for (const m of row.members) {
        const i = this.index.get(m.id);
        if (i === undefined) continue;
        const list = spans.get(i);
        if (list) list.push(m);
        else spans.set(i, [m]);
      }
      const members = [...spans];
      for (let x = 0; x < members.length; x += 1) {
        for (let y = x + 1; y < members.length; y += 1) {
          let shared = false;
          for (const s of members[x]![1]) {
            for (const t of members[y]![1]) {
              const start = Math.max(lower(s.since), lower(t.since));
              const end = Math.min(upper(s.until), upper(t.until));
              if (start < end) {
                this.add(members[x]![0], members[y]![0], 'comembership', start, end, 0);
                shared = true;
              }
            }
          }
          // One per organisation, however many spans overlap.
          if (shared) this.pair(members[x]![0], members[y]![0]).raw[COLUMN.comembership]! += 1;
        }
      }
    }
  }

  finish(): TieTimeline {
    const ties: TimelineTies = { a: [], b: [], weight: [], spanCounts: [], spans: [] };
    const weights = TIE_SOURCE_NAMES.map((name) => this.spec.sources[name]);
    const keys = [...this.pairs.keys()].sort((x, y) => x - y);
    for (const key of keys) {
      const p = this.pairs.get(key)!;
      // Only sources with a weight count, as in the projection (a source of weight 0 is not read).
      const weight = p.raw.reduce((sum, v, c) => sum + v * weights[c]!, 0);
      const merged = mergeSpans(p.bounds);
      if (merged.length === 0) continue;
      ties.a.push(Math.floor(key / 67_108_864));
      ties.b.push(key % 67_108_864);
      ties.weight.push(weight);
      ties.spanCounts.push(merged.length / 2);
      for (const t of merged) ties.spans.push(Number.isFinite(t) ? t : null);
    }
    return { residents: this.residents, ties };
  }
}

/** Whether a tie of the timeline is in force at t (its spans only; the residents' presence aside). */
export function spanHolds(spans: readonly (number | null)[], first: number, count: number, t: number): boolean {
  for (let k = 0; k < count; k += 1) {
    const s = spans[first + 2 * k];
    const e = spans[first + 2 * k + 1];
    if ((s === null || s === undefined || s <= t) && (e === null || e === undefined || e > t)) return true;
  }
  return false;
}

/**
 * The timeline of some of its residents (`keep(i)`), in their order, and of the ties among them: a
 * drill-down's history, read from the whole community's timeline already held instead of again.
 */
export function keepResidents(timeline: TieTimeline, keep: (resident: TimelineResident, index: number) => boolean): TieTimeline {
  const renumber = new Int32Array(timeline.residents.length).fill(-1);
  const residents: TimelineResident[] = [];
  timeline.residents.forEach((r, i) => {
    if (!keep(r, i)) return;
    renumber[i] = residents.length;
    residents.push(r);
  });
  const from = timeline.ties;
  const ties: TimelineTies = { a: [], b: [], weight: [], spanCounts: [], spans: [] };
  let first = 0;
  for (let k = 0; k < from.a.length; k += 1) {
    const count = from.spanCounts[k]!;
    const a = renumber[from.a[k]!]!;
    const b = renumber[from.b[k]!]!;
    if (a >= 0 && b >= 0) {
      ties.a.push(a);
      ties.b.push(b);
      ties.weight.push(from.weight[k]!);
      ties.spanCounts.push(count);
      for (let s = first; s < first + 2 * count; s += 1) ties.spans.push(from.spans[s]!);
    }
    first += 2 * count;
  }
  return { residents, ties };
}
