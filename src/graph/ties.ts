/**
 * The resident tie network of DESIGN.md: an undirected simple graph over the residents present in the
 * window (or at asOf), isolates included, with one edge per pair whose weighted sum of sources is > 0.
 *
 * Sources (raw contributions, before weighting):
 * - acquaintance: 1 if the pair has a declared KNOWS tie in force (either direction, counted once);
 * - comembership: 1 per organisation in which both were members at the same time within the window
 *   (their membership spans overlap each other inside it; at asOf, both hold at that instant);
 * - coattendance: Σ 1/(k−1) over the activities both attended, k being the activity's resident
 *   attendees in the window (Newman 2001, "Scientific collaboration networks. II");
 * - exchange: hours of time-bank service, both directions summed;
 * - cowork: 1 per project both worked on — claimed it, or attended one of its activities as a
 *   volunteer or organiser (WORK_ROLES). Mere participants are audience, already counted by
 *   co-attendance; work is the shared labour that turns a "good person" into a "capable person".
 *
 * Pairs are accumulated in a Map keyed by a packed pair index (lo · 2^26 + hi over dense resident
 * numbers) into one Float64Array, so a 300-person festival's 44,850 pairs cost no objects. Feed the
 * residents first: a tie to a resident not (yet) in the graph is dropped.
 */
import { UndirectedGraph } from 'graphology';
import type { AcquaintanceRow, EventRow, ExchangeRow, GroupRow, NodeRow, SpanRow } from '../db/repositories/graph.ts';
import { attrValue, graphAttributes, iso, propsAsOf, type AttrValue } from './attributes.ts';
import { resolveSpec, TIE_SOURCE_NAMES, type NetworkSpec, type ResolvedSpec, type TieSourceName } from './spec.ts';
import { eventCounts, ms, spanCounts, spansOverlap } from './time.ts';

/** Attendance roles that count as work on the activity's project. */
export const WORK_ROLES = ['VOLUNTEER', 'ORGANIZER'] as const;

export const RESIDENT_ATTRIBUTES = [
  'displayName', 'housingArea', 'housingType', 'building', 'partyMember', 'householdRegistered', 'buildingHead', 'cultivationStage',
] as const;

export type ResidentAttributes = { label: 'Resident'; start: string | null; end: string | null } & Record<(typeof RESIDENT_ATTRIBUTES)[number], AttrValue>;
export type TieEdgeAttributes = { weight: number } & Record<TieSourceName, number>;
export type TieGraph = UndirectedGraph<ResidentAttributes, TieEdgeAttributes>;

const STRIDE = TIE_SOURCE_NAMES.length;
const COLUMN = Object.fromEntries(TIE_SOURCE_NAMES.map((name, i) => [name, i])) as Record<TieSourceName, number>;
const PAIR_BASE = 2 ** 26;

export class TieGraphBuilder {
  private readonly index = new Map<string, number>();
  private readonly attributes: ResidentAttributes[] = [];
  private readonly ids: string[] = [];
  private readonly slots = new Map<number, number>();
  private values = new Float64Array(STRIDE * 4096);

  constructor(private readonly spec: ResolvedSpec) {}

  /** Is this source read at all (weight > 0)? */
  uses(source: TieSourceName): boolean {
    return this.spec.sources[source] > 0;
  }

  addResidents(rows: readonly NodeRow[]): void {
    for (const row of rows) {
      if (row.label !== 'Resident' || this.index.has(row.id)) continue;
      const { createdAt, endedAt } = row.props;
      if (!spanCounts(this.spec, ms(createdAt as Date | null), ms(endedAt as Date | null))) continue;
      if (this.ids.length >= PAIR_BASE) throw new Error(`projection: more than ${PAIR_BASE} residents`);
      const props = propsAsOf(row.props, row.changes, this.spec);
      const attributes = { label: 'Resident', start: iso(createdAt), end: iso(endedAt) } as ResidentAttributes;
      for (const name of RESIDENT_ATTRIBUTES) attributes[name] = attrValue(props[name]);
      this.index.set(row.id, this.ids.length);
      this.ids.push(row.id);
      this.attributes.push(attributes);
    }
  }

  private add(i: number, j: number, column: number, amount: number, replace = false): void {
    if (i === j) return;
    const key = i < j ? i * PAIR_BASE + j : j * PAIR_BASE + i;
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(key, slot);
      if ((slot + 1) * STRIDE > this.values.length) {
        const grown = new Float64Array(this.values.length * 2);
        grown.set(this.values);
        this.values = grown;
      }
    }
    const at = slot * STRIDE + column;
    this.values[at] = replace ? amount : this.values[at]! + amount;
  }

  addAcquaintances(rows: readonly AcquaintanceRow[]): void {
    if (!this.uses('acquaintance')) return;
    for (const row of rows) {
      const a = this.index.get(row.a);
      const b = this.index.get(row.b);
      if (a === undefined || b === undefined || !spanCounts(this.spec, row.since, row.until)) continue;
      this.add(a, b, COLUMN.acquaintance, 1, true);
    }
  }

  addExchanges(rows: readonly ExchangeRow[]): void {
    if (!this.uses('exchange')) return;
    for (const row of rows) {
      const a = this.index.get(row.from);
      const b = this.index.get(row.to);
      if (a === undefined || b === undefined || !(row.hours > 0) || !eventCounts(this.spec, row.at)) continue;
      this.add(a, b, COLUMN.exchange, row.hours);
    }
  }

  /** The distinct residents of a group whose event counts, as dense numbers. */
  private eventMembers(members: readonly EventRow[]): number[] {
    const seen = new Set<number>();
    for (const m of members) {
      const i = this.index.get(m.id);
      if (i !== undefined && eventCounts(this.spec, m.at)) seen.add(i);
    }
    return [...seen];
  }

  private clique(members: readonly number[], column: number, amount: number): void {
    for (let x = 0; x < members.length; x += 1) {
      for (let y = x + 1; y < members.length; y += 1) this.add(members[x]!, members[y]!, column, amount);
    }
  }

  addAttendances(rows: readonly GroupRow<EventRow>[]): void {
    if (!this.uses('coattendance')) return;
    for (const row of rows) {
      const attendees = this.eventMembers(row.members);
      if (attendees.length >= 2) this.clique(attendees, COLUMN.coattendance, 1 / (attendees.length - 1));
    }
  }

  addProjectWork(rows: readonly GroupRow<EventRow>[]): void {
    if (!this.uses('cowork')) return;
    for (const row of rows) this.clique(this.eventMembers(row.members), COLUMN.cowork, 1);
  }

  addMemberships(rows: readonly GroupRow<SpanRow>[]): void {
    if (!this.uses('comembership')) return;
    for (const row of rows) {
      const spans = new Map<number, { since: number | null; until: number | null }[]>();
      for (const m of row.members) {
        const i = this.index.get(m.id);
        const span = { since: m.since, until: m.until };
        if (i === undefined || !spanCounts(this.spec, span.since, span.until)) continue;
        const list = spans.get(i);
        if (list) list.push(span);
        else spans.set(i, [span]);
      }
      const members = [...spans.keys()];
      // At an instant every counted membership holds at that instant, so all of them overlap.
      if (this.spec.asOf !== null) {
        this.clique(members, COLUMN.comembership, 1);
        continue;
      }
      for (let x = 0; x < members.length; x += 1) {
        const a = spans.get(members[x]!)!;
        for (let y = x + 1; y < members.length; y += 1) {
          const b = spans.get(members[y]!)!;
          if (a.some((s) => b.some((t) => spansOverlap(this.spec, s, t)))) this.add(members[x]!, members[y]!, COLUMN.comembership, 1);
        }
      }
    }
  }

  finish(): TieGraph {
    const graph: TieGraph = new UndirectedGraph<ResidentAttributes, TieEdgeAttributes>();
    graph.replaceAttributes({ ...graphAttributes(this.spec), sources: JSON.stringify(this.spec.sources) });
    for (let i = 0; i < this.ids.length; i += 1) graph.addNode(this.ids[i]!, this.attributes[i]!);
    const weights = TIE_SOURCE_NAMES.map((name) => this.spec.sources[name]);
    for (const [key, slot] of this.slots) {
      const base = slot * STRIDE;
      let weight = 0;
      for (let c = 0; c < STRIDE; c += 1) weight += this.values[base + c]! * weights[c]!;
      if (!(weight > 0)) continue;
      const attributes = { weight } as TieEdgeAttributes;
      for (let c = 0; c < STRIDE; c += 1) attributes[TIE_SOURCE_NAMES[c]!] = this.values[base + c]!;
      const lo = Math.floor(key / PAIR_BASE);
      graph.addUndirectedEdge(this.ids[lo]!, this.ids[key - lo * PAIR_BASE]!, attributes);
    }
    return graph;
  }
}

export interface TieRows {
  residents: readonly NodeRow[];
  acquaintances?: readonly AcquaintanceRow[];
  memberships?: readonly GroupRow<SpanRow>[];
  attendances?: readonly GroupRow<EventRow>[];
  exchanges?: readonly ExchangeRow[];
  projectWork?: readonly GroupRow<EventRow>[];
}

/** The tie network from all its rows at once (tests; small data). */
export function buildTieGraph(rows: TieRows, spec: NetworkSpec): TieGraph {
  const builder = new TieGraphBuilder(resolveSpec({ ...spec, network: 'TIES' }));
  builder.addResidents(rows.residents);
  builder.addAcquaintances(rows.acquaintances ?? []);
  builder.addMemberships(rows.memberships ?? []);
  builder.addAttendances(rows.attendances ?? []);
  builder.addExchanges(rows.exchanges ?? []);
  builder.addProjectWork(rows.projectWork ?? []);
  return builder.finish();
}
