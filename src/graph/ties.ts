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
 * Pairs are accumulated in a PairTable (pairs.ts: open addressing over typed arrays, keyed by the
 * dense resident numbers), one row of source columns per pair, so a 300-person festival's 44,850
 * pairs cost no objects and the millions of pairs of a 100,000-resident community no Map entries.
 * Each edge is added to the graph once, in finish(). Feed the residents first: a tie to a resident
 * not (yet) in the graph is dropped.
 */
import { UndirectedGraph } from 'graphology';
import { assembleCsr, type CSR } from '../analytics/graph-utils/csr.ts';
import type { AcquaintanceRow, EventRow, ExchangeRow, GroupRow, NodeRow, SpanRow } from '../db/repositories/graph.ts';
import { attrValue, graphAttributes, iso, propsAsOf, type AttrValue } from './attributes.ts';
import { PairTable } from './pairs.ts';
import { resolveSpec, TIE_SOURCE_NAMES, type NetworkSpec, type ResolvedSpec, type TieSourceName } from './spec.ts';
import { eventCounts, ms, nodeStart, spanCounts, spansOverlap } from './time.ts';

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
const MAX_RESIDENTS = 2 ** 31 - 1;

export class TieGraphBuilder {
  private readonly index = new Map<string, number>();
  private readonly attributes: ResidentAttributes[] = [];
  private readonly ids: string[] = [];
  private readonly pairs = new PairTable(STRIDE);

  constructor(private readonly spec: ResolvedSpec) {}

  /** Is this source read at all (weight > 0)? */
  uses(source: TieSourceName): boolean {
    return this.spec.sources[source] > 0;
  }

  addResidents(rows: readonly NodeRow[]): void {
    for (const row of rows) {
      if (row.label !== 'Resident' || this.index.has(row.id)) continue;
      const createdAt = nodeStart(row.props);
      const { endedAt } = row.props;
      if (!spanCounts(this.spec, ms(createdAt), ms(endedAt as Date | null))) continue;
      if (this.ids.length >= MAX_RESIDENTS) throw new Error(`projection: more than ${MAX_RESIDENTS} residents`);
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
    const at = this.pairs.row(i, j) * STRIDE + column;
    const values = this.pairs.values;
    values[at] = replace ? amount : values[at]! + amount;
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
    const pairs = this.pairs;
    for (let x = 0; x < members.length; x += 1) {
      const a = members[x]!;
      for (let y = x + 1; y < members.length; y += 1) {
        const b = members[y]!;
        if (a === b) continue;
        const at = pairs.row(a, b) * STRIDE + column;
        pairs.values[at] = pairs.values[at]! + amount;
      }
    }
  }

  addAttendances(rows: readonly GroupRow<EventRow>[]): void {
    if (!this.uses('coattendance')) return;
    for (const row of rows) {
      const attendees = this.eventMembers(row.members);
      // Crowds add no tie (spec.ts, DEFAULT_MAX_ACTIVITY_SIZE); k counts the attendees in the window.
      if (attendees.length >= 2 && attendees.length <= this.spec.maxActivitySize) this.clique(attendees, COLUMN.coattendance, 1 / (attendees.length - 1));
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

  /**
   * Calls visit(lo, hi, weight, base) for each pair whose weighted sum is > 0, in (lo, hi) order — the same
   * edges whatever order the concurrent reads delivered the pairs in; base is the pair's first
   * column in the PairTable's values.
   */
  private forEachEdge(visit: (lo: number, hi: number, weight: number, base: number) => void): void {
    const [wA, wM, wT, wE, wC] = TIE_SOURCE_NAMES.map((name) => this.spec.sources[name]) as [number, number, number, number, number];
    const { pairs } = this;
    const values = pairs.values;
    const order = pairs.sortedRows(this.ids.length);
    for (let k = 0; k < order.length; k += 1) {
      const row = order[k]!;
      const base = row * STRIDE;
      // Columns in TIE_SOURCE_NAMES order, summed left to right.
      const weight = values[base]! * wA + values[base + 1]! * wM + values[base + 2]! * wT + values[base + 3]! * wE + values[base + 4]! * wC;
      if (weight > 0) visit(pairs.lo(row), pairs.hi(row), weight, base);
    }
  }

  finish(): TieGraph {
    const graph: TieGraph = new UndirectedGraph<ResidentAttributes, TieEdgeAttributes>();
    graph.replaceAttributes({ ...graphAttributes(this.spec), sources: JSON.stringify(this.spec.sources) });
    for (let i = 0; i < this.ids.length; i += 1) graph.addNode(this.ids[i]!, this.attributes[i]!);
    adjacencyAsDictionaries(graph);
    const { ids } = this;
    const values = this.pairs.values;
    let key = 0;
    this.forEachEdge((lo, hi, weight, base) => {
      // Keyed by its position (a flat string): graphology's generated keys are concatenations it
      // must flatten before checking them against every key so far, a second per million edges.
      // One object literal per edge, so all of them share one shape.
      graph.addUndirectedEdgeWithKey(String(key), ids[lo]!, ids[hi]!, {
        weight, acquaintance: values[base]!, comembership: values[base + 1]!, coattendance: values[base + 2]!, exchange: values[base + 3]!, cowork: values[base + 4]!,
      });
      key += 1;
    });
    return graph;
  }

  /**
   * The same network without graphology, as the CSR (compressed sparse row) arrays the analytics
   * kernels read (src/analytics/graph-utils/csr.ts; equal to toCSR(finish()), field by field):
   * residents numbered in the graph's node order, each undirected edge stored in both directions
   * with its weight. Adding millions of edges to graphology costs seconds per million; these arrays
   * cost milliseconds.
   */
  finishCsr(): TieCsr {
    const n = this.ids.length;
    const los = new Int32Array(this.pairs.size);
    const his = new Int32Array(this.pairs.size);
    const ws = new Float64Array(this.pairs.size);
    const degree = new Int32Array(n + 1);
    let m = 0;
    this.forEachEdge((lo, hi, weight) => {
      los[m] = lo;
      his[m] = hi;
      ws[m] = weight;
      m += 1;
      degree[lo] = degree[lo]! + 1;
      degree[hi] = degree[hi]! + 1;
    });
    return {
      ...assembleCsr(this.ids, los, his, ws, degree, m), nodeAttributes: this.attributes,
      attributes: { ...graphAttributes(this.spec), sources: JSON.stringify(this.spec.sources) },
    };
  }
}

/**
 * The tie network as CSR arrays (TieGraphBuilder.finishCsr): src/analytics' CSR, which the kernels
 * accept in place of a graph, plus the residents' attributes and the graph's.
 */
export interface TieCsr extends CSR {
  readonly nodeAttributes: readonly ResidentAttributes[];
  readonly attributes: Record<string, AttrValue>;
}

/**
 * A speed hint for V8, not a change to the graph. graphology keeps each node's neighbours in a plain
 * object keyed by neighbour id; an empty object that receives many distinct keys first goes through
 * a new hidden class per key (and the shared empty-object class collects a transition per first
 * key: 100,000 of them for 100,000 residents) before V8 gives up and makes it a dictionary. Making
 * each adjacency object a dictionary up front (adding two keys and deleting the first — deleting a
 * property that is not the last one turns an object into a dictionary) halves the time to add
 * millions of edges. Reaches into graphology's internals (`_nodes`, `undirected`), so it checks
 * the shape it expects and does nothing otherwise.
 */
export function adjacencyAsDictionaries(graph: TieGraph): void {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return;
  for (const data of nodes.values() as IterableIterator<{ undirected?: unknown }>) {
    const adjacency = data?.undirected as Record<string, unknown> | undefined;
    if (adjacency === null || typeof adjacency !== 'object') continue;
    let empty = true;
    for (const _ in adjacency) {
      empty = false;
      break;
    }
    if (!empty) continue;
    adjacency['\u0000first'] = null;
    adjacency['\u0000second'] = null;
    delete adjacency['\u0000first'];
    delete adjacency['\u0000second'];
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
  return feedTieRows(new TieGraphBuilder(resolveSpec({ ...spec, network: 'TIES' })), rows).finish();
}

/** What takes tie rows: the projection's builder, or the timeline's (timeline.ts). */
export type TieSink = Pick<TieGraphBuilder, 'uses' | 'addResidents' | 'addAcquaintances' | 'addMemberships' | 'addAttendances' | 'addExchanges' | 'addProjectWork'>;

/** Gives a builder every row, residents first. */
export function feedTieRows<B extends TieSink>(builder: B, rows: TieRows): B {
  builder.addResidents(rows.residents);
  builder.addAcquaintances(rows.acquaintances ?? []);
  builder.addMemberships(rows.memberships ?? []);
  builder.addAttendances(rows.attendances ?? []);
  builder.addExchanges(rows.exchanges ?? []);
  builder.addProjectWork(rows.projectWork ?? []);
  return builder;
}
