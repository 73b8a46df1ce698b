/**
 * The full network as a dataset in the interchange format (src/interchange/columns.ts) — one file
 * per node label, per relationship kind and STATE_CHANGE, CSV or a JSON array — streamed from Neo4j
 * page by page through DatasetWriter, never held as a graph: the files the importer reads.
 *
 * What is in it, with the projection's time semantics (src/graph/time.ts):
 * - nodes of the community present in the window [from, to) or at asOf (a node is the span
 *   createdAt → endedAt); the Community node always. Identity, ApiToken and SchemaMigration are not
 *   model labels and are never read. State fields show their value at the cut-off (asOf, or the
 *   window's end): changes after it are undone.
 * - relationships of every kind whose two ends are such nodes of the same community and which count
 *   themselves (spans by since/until, events by at).
 * - STATE_CHANGE: the state changes of those nodes up to the cut-off.
 * Without window or asOf: everything, so export → import gives the same community again.
 */
import { NODE_LABELS, REL_KINDS, REL_SPECS, stateProps, type NodeLabel } from '../../domain/model.ts';
import type { Props } from '../../domain/records.ts';
import { exportNodePages, exportRelPages, type ExportTime } from '../../db/repositories/export.ts';
import type { Database } from '../../db/database.ts';
import { START_UNKNOWN } from '../../domain/lifetime.ts';
import { propsAsOf } from '../../graph/attributes.ts';
import { changeUndone, ms, type When } from '../../graph/time.ts';
import type { StateChangeRow } from '../../db/repositories/graph.ts';
import { CHANGE_FILE } from '../../interchange/columns.ts';
import { DatasetWriter } from '../../interchange/dataset-writer.ts';
import { IDENTIFYING, MEDIA_TYPES } from './options.ts';
import type { ExportPolicy } from './policy.ts';
import type { ExportSink } from './sink.ts';

export interface DatasetExportArgs {
  communityId: string;
  format: 'csv' | 'json';
  time: ExportTime;
  /** What of each row is written (./policy.ts): as stored, or by the researchers' pseudonymisation policy. */
  policy: ExportPolicy;
  pageSize?: number;
  onProgress?: ((line: string) => void) | undefined;
}

export interface DatasetExportResult {
  nodes: number;
  edges: number;
  stateChanges: number;
  files: { name: string; rows: number }[];
}

const clean = (props: Props): Props => Object.fromEntries(Object.entries(props).filter(([k]) => !IDENTIFYING.has(k)));

export async function exportDataset(db: Database, sink: ExportSink, args: DatasetExportArgs): Promise<DatasetExportResult> {
  const pageSize = args.pageSize ?? 5000;
  const when: When = { from: ms(args.time.from), to: ms(args.time.to), asOf: ms(args.time.asOf) };
  const writer = new DatasetWriter('.', args.format, { open: (fileName) => sink.open(fileName, MEDIA_TYPES[args.format]) });
  const progress = args.onProgress ?? (() => {});
  const fileName = (name: string) => `${name}.${args.format}`;
  let nodes = 0;
  let edges = 0;
  try {
    for (const label of NODE_LABELS) writer.touch(label);
    for (const kind of REL_KINDS) writer.touch(kind);
    writer.touch(CHANGE_FILE);

    for (const label of NODE_LABELS) {
      const hasState = stateProps(label).length > 0;
      for await (const page of exportNodePages(db, label, args.communityId, args.time, pageSize)) {
        for (const row of page) {
          const props = clean(hasState ? propsAsOf(row.props, row.changes as unknown as StateChangeRow[], when) : row.props);
          // A node without a recorded start is exported without createdAt (its record time), so that
          // importing the file marks its start unknown again (domain/lifetime.ts) instead of recording one.
          if (props[START_UNKNOWN] === true) delete props.createdAt;
          delete props[START_UNKNOWN];
          await writer.write(label, args.policy.node(label, row.id, props, [props.kind ?? null, row.props.kind ?? null]));
          const nodeId = args.policy.ref(label, row.id);
          for (const change of row.changes) {
            if (changeUndone(when, ms(change.at as Date | null))) continue;
            await writer.write(CHANGE_FILE, { ...args.policy.rel('CHANGED', change), label, nodeId });
          }
        }
        nodes += page.length;
        sink.check();
        progress(`${label}: ${writer.counts.get(label) ?? 0} rows`);
      }
    }

    for (const kind of REL_KINDS) {
      const spec = REL_SPECS[kind];
      for (const from of spec.from as readonly NodeLabel[]) {
        for await (const page of exportRelPages(db, { type: spec.type, from, to: spec.to }, args.communityId, args.time, pageSize)) {
          for (const rel of page) {
            const toLabel = (spec.to as readonly NodeLabel[]).find((l) => rel.toLabels.includes(l)) ?? spec.to[0]!;
            await writer.write(kind, { ...args.policy.rel(spec.type, clean(rel.props)), from: args.policy.ref(from, rel.fromId), to: args.policy.ref(toLabel, rel.toId) });
          }
          edges += page.length;
          sink.check();
        }
      }
      progress(`${kind}: ${writer.counts.get(kind) ?? 0} rows`);
    }
  } finally {
    await writer.close();
  }
  sink.check();
  const files = [...NODE_LABELS, ...REL_KINDS, CHANGE_FILE].map((name) => ({ name: fileName(name), rows: writer.counts.get(name) ?? 0 }));
  return { nodes, edges, stateChanges: writer.counts.get(CHANGE_FILE) ?? 0, files };
}
