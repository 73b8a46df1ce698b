/**
 * projectNetwork — the projection of DESIGN.md: from Neo4j into a graphology graph, for a community and
 * a window or an as-of date. FULL keeps every node kind (a MultiDirectedGraph keyed by node and
 * relationship ids); TIES is the resident tie network (an undirected simple graph, weighted by the
 * sources of spec.sources over DEFAULT_TIE_SOURCES; see ties.ts for each source's definition).
 *
 * Rows stream in pages of anchor nodes (src/db/repositories/graph.ts) into a builder, so no result
 * set is larger than a page. The reads run concurrently (Neo4j works on each in its own thread while
 * the driver decodes another's pages): for TIES the residents and every tie source at once, tie rows
 * that arrive before the last resident waiting for it (a tie's weight depends on which residents are
 * present); for FULL a few labels at a time, their rows applied in the order of NODE_LABELS and
 * then of the relationship labels, so the graph is the one the sequential reads would build. Each
 * page is its own read transaction: a graph projected while data is being written may mix pages
 * from before and after a write, as any long read at READ COMMITTED would.
 */
import type { AbstractGraph } from 'graphology-types';
import { NODE_LABELS } from '../domain/model.ts';
import type { Database } from '../db/database.ts';
import {
  streamAcquaintances, streamAttendances, streamExchanges, streamMemberships, streamNodeFields, streamNodes, streamProjectWorkers, streamRels,
  type GroupRow, type NodeRow, type NodeTimeParams, type OnBatch, type RelRow, type TimeParams,
} from '../db/repositories/graph.ts';
import { timelineAcquaintances, timelineAttendances, timelineExchanges, timelineMemberships, timelineProjectWorkers, timelineResidents } from '../db/repositories/timeline.ts';
import { FullGraphBuilder, relTypesByStartLabel } from './full.ts';
import { resolveSpec, type NetworkSpec, type ResolvedSpec } from './spec.ts';
import { TieTimelineBuilder, type TieTimeline } from './timeline.ts';
import { RESIDENT_ATTRIBUTES, TieGraphBuilder, WORK_ROLES, type TieCsr, type TieSink } from './ties.ts';

/** How many reads of the full network run at once. */
const FULL_CONCURRENCY = 4;

/** graphology's Graph type (its default export is not a type under NodeNext resolution). */
export type Graph = AbstractGraph;

function timeParams(spec: ResolvedSpec): TimeParams {
  const date = (t: number | null) => (t === null ? null : new Date(t));
  return { from: date(spec.from), to: date(spec.to), asOf: date(spec.asOf) };
}

/** What one projection did, for benchmarks: rows read and the milliseconds spent building from them. */
export interface ProjectionStats {
  rows: number;
  /** Time inside the builders (mapping rows into the graph), the rest being Neo4j and the driver. */
  buildMs: number;
  /** The final graph assembly (builder.finish), included in buildMs. */
  finishMs: number;
}

type Stream<T> = (onBatch: OnBatch<T>) => Promise<void>;

/**
 * Runs the streams, at most `concurrency` at a time, and applies their batches in stream order: a
 * batch of stream i is applied once streams 0 … i−1 are done and applied, buffered until then.
 */
async function inOrder<T>(streams: readonly Stream<T>[], apply: OnBatch<T>, concurrency: number): Promise<void> {
  const buffers: T[][][] = streams.map(() => []);
  const done = streams.map(() => false);
  let head = 0;
  const drain = () => {
    while (head < streams.length) {
      for (const rows of buffers[head]!) apply(rows);
      buffers[head] = [];
      if (!done[head]) return;
      head += 1;
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < streams.length) {
      const i = next;
      next += 1;
      await streams[i]!((rows) => (i === head ? apply(rows) : buffers[i]!.push(rows)));
      done[i] = true;
      drain();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, streams.length) }, worker));
}

/**
 * Projects a community's network. Throws a BAD_USER_INPUT ReweaveError naming the option when the
 * spec is invalid (window and asOf both given, a negative weight, …). onProgress gets the running
 * total of rows read, after each page; stats (benchmarks) gets rows and build times.
 */
export async function projectNetwork(db: Database, spec: NetworkSpec, onProgress?: (rows: number) => void, stats?: ProjectionStats): Promise<Graph> {
  const resolved = resolveSpec(spec);
  const { communityId } = resolved;
  const time = timeParams(resolved);
  const counted = counter(stats, onProgress);
  const timed = <T>(work: () => T, finishing = false): T => measure(stats, finishing, work);

  if (resolved.network === 'FULL') {
    const builder = new FullGraphBuilder(resolved);
    const nodes: Stream<NodeRow>[] = NODE_LABELS.map((label) => (onBatch) => streamNodes(db, communityId, label, time, onBatch));
    await inOrder(nodes, counted((rows) => builder.addNodes(rows)), FULL_CONCURRENCY);
    const rels: Stream<RelRow>[] = [...relTypesByStartLabel()].map(([label, types]) => (onBatch) => streamRels(db, communityId, label, types, time, onBatch));
    await inOrder(rels, counted((rows) => builder.addRels(rows)), FULL_CONCURRENCY);
    return timed(() => builder.finish(), true);
  }

  const builder = new TieGraphBuilder(resolved);
  await readTies(db, [builder], communityId, time, counted);
  return timed(() => builder.finish(), true);
}

/**
 * The tie network as CSR arrays (TieGraphBuilder.finishCsr, the shape src/analytics' kernels accept
 * in place of a graph), read exactly as projectNetwork reads it but without building a graphology
 * graph — for analytics over large communities, where adding millions of edges to graphology would
 * take most of the time. spec.network is ignored (always TIES).
 */
export async function projectTieCsr(db: Database, spec: NetworkSpec, onProgress?: (rows: number) => void, stats?: ProjectionStats): Promise<TieCsr> {
  const resolved = resolveSpec({ ...spec, network: 'TIES' });
  const builder = new TieGraphBuilder(resolved);
  await readTies(db, [builder], resolved.communityId, timeParams(resolved), counter(stats, onProgress));
  return measure(stats, true, () => builder.finishCsr());
}

/**
 * The tie network's whole history (timeline.ts): every resident with their lifetime and every tie
 * with the spans in which it is in force, from one read of all the rows with no cut-off. The spec's
 * window and asOf are ignored; its sources and maxActivitySize apply.
 */
/**
 * The tie timeline reads the whole history with the flat statements of cypher/timeline/ (one per
 * source, run at once), not the paged reads of a window: see src/db/repositories/timeline.ts. The
 * residents go into the builder first (a tie counts only between residents it knows), then the
 * sources in a fixed order, so the answer does not depend on which read came back first.
 */
export async function projectTieTimeline(db: Database, spec: NetworkSpec, onProgress?: (rows: number) => void): Promise<TieTimeline> {
  const resolved = resolveSpec({ ...spec, network: 'TIES', window: null, asOf: null });
  const builder = new TieTimelineBuilder(resolved);
  const { communityId } = resolved;
  let read = 0;
  const counted = async <T>(rows: Promise<T[]>, size: (rows: T[]) => number = (r) => r.length): Promise<T[]> => {
    const got = await rows;
    read += size(got);
    onProgress?.(read);
    return got;
  };
  const members = (groups: GroupRow<unknown>[]) => groups.reduce((sum, g) => sum + g.members.length, 0);
  const none = Promise.resolve([]);
  const [residents, acquaintances, memberships, attendances, exchanges, work] = await Promise.all([
    counted(timelineResidents(db, communityId, RESIDENT_ATTRIBUTES)),
    builder.uses('acquaintance') ? counted(timelineAcquaintances(db, communityId)) : none,
    builder.uses('comembership') ? counted(timelineMemberships(db, communityId), members) : none,
    builder.uses('coattendance') ? counted(timelineAttendances(db, communityId), members) : none,
    builder.uses('exchange') ? counted(timelineExchanges(db, communityId)) : none,
    builder.uses('cowork') ? counted(timelineProjectWorkers(db, communityId, WORK_ROLES), members) : none,
  ]);
  builder.addResidents(residents);
  builder.addAcquaintances(acquaintances);
  builder.addMemberships(memberships);
  builder.addAttendances(attendances);
  builder.addExchanges(exchanges);
  builder.addProjectWork(work);
  return builder.finish();
}

type Counted = <T>(add: OnBatch<T>, defer?: (work: () => void) => void) => OnBatch<T>;

/** Counts a batch as read when it arrives (onProgress, stats); `add` builds from it — now, or later through `defer`. */
function counter(stats: ProjectionStats | undefined, onProgress: ((rows: number) => void) | undefined): Counted {
  let read = 0;
  return <T>(add: OnBatch<T>, defer: (work: () => void) => void = (work) => work()) => (rows: T[]) => {
    read += rows.length;
    if (stats) stats.rows = read;
    onProgress?.(read);
    defer(() => measure(stats, false, () => add(rows)));
  };
}

function measure<T>(stats: ProjectionStats | undefined, finishing: boolean, work: () => T): T {
  if (!stats) return work();
  const began = performance.now();
  const result = work();
  const took = performance.now() - began;
  stats.buildMs += took;
  if (finishing) stats.finishMs += took;
  return result;
}

/**
 * Several windows' tie networks of one community from ONE read: the rows of the union of the windows
 * (node state changes from the earliest window end on), each batch fed to every window's builder,
 * which keeps only what counts for its own window (the builders apply the time rules themselves; see
 * time.ts). For analyses that compare a few windows (yearly snapshots, t0 against t1), this reads
 * the database once instead of once per window. Windows only (an asOf spec is refused), all of the
 * same community. As CSR arrays (projectTieCsr's shape) or graphs (projectNetwork's).
 */
export async function projectTieCsrs(db: Database, specs: readonly NetworkSpec[], onProgress?: (rows: number) => void): Promise<TieCsr[]> {
  return (await readWindows(db, specs, onProgress)).map((b) => b.finishCsr());
}

export async function projectTieGraphs(db: Database, specs: readonly NetworkSpec[], onProgress?: (rows: number) => void): Promise<Graph[]> {
  return (await readWindows(db, specs, onProgress)).map((b) => b.finish());
}

async function readWindows(db: Database, specs: readonly NetworkSpec[], onProgress?: (rows: number) => void): Promise<TieGraphBuilder[]> {
  if (specs.length === 0) return [];
  const resolved = specs.map((spec) => resolveSpec({ ...spec, network: 'TIES' }));
  const communityId = resolved[0]!.communityId;
  if (resolved.some((r) => r.communityId !== communityId)) throw new Error('tie windows: every window must be of one community');
  if (resolved.some((r) => r.asOf !== null)) throw new Error('tie windows: windows only, not asOf');
  const bound = (values: (number | null)[], pick: (...xs: number[]) => number) => (values.some((v) => v === null) ? null : new Date(pick(...(values as number[]))));
  const tos = resolved.map((r) => r.to);
  const time = { from: bound(resolved.map((r) => r.from), Math.min), to: bound(tos, Math.max), asOf: null, changesFrom: bound(tos, Math.min) };
  const builders = resolved.map((r) => new TieGraphBuilder(r));
  await readTies(db, builders, communityId, time, counter(undefined, onProgress));
  return builders;
}

/**
 * Reads the residents and every tie source that a builder uses at once, each batch into every
 * builder; tie rows that arrive before the last resident wait for it (a tie's weight depends on
 * which residents are present).
 */

async function readTies(db: Database, builders: readonly TieSink[], communityId: string, time: NodeTimeParams, counted: Counted): Promise<void> {
  let waiting: (() => void)[] | null = [];
  const afterResidents = (work: () => void) => (waiting ? waiting.push(work) : work());
  const each = <T>(add: (b: TieSink, rows: T[]) => void): OnBatch<T> => (rows) => {
    for (const b of builders) add(b, rows);
  };
  const residents = streamNodeFields(db, communityId, 'Resident', RESIDENT_ATTRIBUTES, time, counted(each<NodeRow>((b, rows) => b.addResidents(rows)))).then(() => {
    const work = waiting ?? [];
    waiting = null;
    for (const w of work) w();
  });
  const reads: Promise<void>[] = [residents];
  const source = <T>(add: (b: TieSink, rows: T[]) => void) => counted(each(add), afterResidents);
  const uses = (name: Parameters<TieGraphBuilder['uses']>[0]) => builders.some((b) => b.uses(name));
  if (uses('acquaintance')) reads.push(streamAcquaintances(db, communityId, time, source((b, rows) => b.addAcquaintances(rows))));
  if (uses('comembership')) reads.push(streamMemberships(db, communityId, time, source((b, rows) => b.addMemberships(rows))));
  if (uses('coattendance')) reads.push(streamAttendances(db, communityId, time, source((b, rows) => b.addAttendances(rows))));
  if (uses('exchange')) reads.push(streamExchanges(db, communityId, time, source((b, rows) => b.addExchanges(rows))));
  if (uses('cowork')) reads.push(streamProjectWorkers(db, communityId, time, WORK_ROLES, source((b, rows) => b.addProjectWork(rows))));
  await Promise.all(reads);
}
