/**
 * projectNetwork — the projection of DESIGN.md: from Neo4j into a graphology graph, for a community and
 * a window or an as-of date. FULL keeps every node kind (a MultiDirectedGraph keyed by node and
 * relationship ids); TIES is the resident tie network (an undirected simple graph, weighted by the
 * sources of spec.sources over DEFAULT_TIE_SOURCES; see ties.ts for each source's definition).
 *
 * Rows stream in pages of anchor nodes (src/db/repositories/graph.ts) straight into a builder, so no
 * result set is larger than a page; nodes are read first, then the relationships, and the tie sources
 * concurrently (their contributions are sums, so order does not matter). Each page is its own read
 * transaction: a graph projected while data is being written may mix pages from before and after a
 * write, as any long read at READ COMMITTED would.
 */
import type { AbstractGraph } from 'graphology-types';
import { NODE_LABELS } from '../domain/model.ts';
import type { Database } from '../db/database.ts';
import {
  streamAcquaintances, streamAttendances, streamExchanges, streamMemberships, streamNodes, streamProjectWorkers, streamRels,
  type TimeParams,
} from '../db/repositories/graph.ts';
import { FullGraphBuilder, relTypesByStartLabel } from './full.ts';
import { resolveSpec, type NetworkSpec, type ResolvedSpec } from './spec.ts';
import { TieGraphBuilder, WORK_ROLES } from './ties.ts';

/** graphology's Graph type (its default export is not a type under NodeNext resolution). */
export type Graph = AbstractGraph;

function timeParams(spec: ResolvedSpec): TimeParams {
  const date = (t: number | null) => (t === null ? null : new Date(t));
  return { from: date(spec.from), to: date(spec.to), asOf: date(spec.asOf) };
}

/**
 * Projects a community's network. Throws a BAD_USER_INPUT ReweaveError naming the option when the
 * spec is invalid (window and asOf both given, a negative weight, …). onProgress gets the running
 * total of rows read, after each page.
 */
export async function projectNetwork(db: Database, spec: NetworkSpec, onProgress?: (rows: number) => void): Promise<Graph> {
  const resolved = resolveSpec(spec);
  const { communityId } = resolved;
  const time = timeParams(resolved);
  let read = 0;
  const counted = <T>(add: (rows: T[]) => void) => (rows: T[]) => {
    add(rows);
    read += rows.length;
    onProgress?.(read);
  };

  if (resolved.network === 'FULL') {
    const builder = new FullGraphBuilder(resolved);
    for (const label of NODE_LABELS) await streamNodes(db, communityId, label, time, counted((rows) => builder.addNodes(rows)));
    for (const [label, types] of relTypesByStartLabel()) {
      await streamRels(db, communityId, label, types, time, counted((rows) => builder.addRels(rows)));
    }
    return builder.finish();
  }

  const builder = new TieGraphBuilder(resolved);
  await streamNodes(db, communityId, 'Resident', time, counted((rows) => builder.addResidents(rows)));
  const reads: Promise<void>[] = [];
  if (builder.uses('acquaintance')) reads.push(streamAcquaintances(db, communityId, time, counted((rows) => builder.addAcquaintances(rows))));
  if (builder.uses('comembership')) reads.push(streamMemberships(db, communityId, time, counted((rows) => builder.addMemberships(rows))));
  if (builder.uses('coattendance')) reads.push(streamAttendances(db, communityId, time, counted((rows) => builder.addAttendances(rows))));
  if (builder.uses('exchange')) reads.push(streamExchanges(db, communityId, time, counted((rows) => builder.addExchanges(rows))));
  if (builder.uses('cowork')) reads.push(streamProjectWorkers(db, communityId, time, WORK_ROLES, counted((rows) => builder.addProjectWork(rows))));
  await Promise.all(reads);
  return builder.finish();
}
