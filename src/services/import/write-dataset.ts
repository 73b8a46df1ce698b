/**
 * Pass 2 of an import: the rows that passed validation are written in batches, one managed
 * transaction per batch, each an UNWIND … MERGE on stable ids (idempotent: the driver may retry a
 * batch, and importing the same files again changes nothing).
 */
import type { Database } from '../../db/database.ts';
import { mergeChanges, mergeNodes, mergeRels, type MergeCounts } from '../../db/repositories/import.ts';
import type { Props } from '../../domain/records.ts';
import { REL_SPECS, type NodeLabel } from '../../domain/model.ts';
import { checkHeader, parseRecord, type Values } from '../../interchange/validate.ts';
import type { RawRecord } from '../../interchange/readers.ts';
import type { DatasetCheck, FileCheck } from './validate-dataset.ts';
import type { FileSummary, OnProgress } from './report.ts';

export interface WriteOptions {
  batchSize: number;
  now: Date;
  onProgress?: OnProgress;
}

const OMIT = new Set(['id', 'communityId', 'from', 'to', 'nodeId', 'label']);

function propsOf(values: Values, keep: (name: string) => boolean = (n) => !OMIT.has(n)): Props {
  const props: Props = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && keep(k)) props[k] = v;
  return props;
}

type Batch = { key: string; write: (db: Database) => Promise<MergeCounts>; size: number };

/** Groups a batch of parsed rows into statements: one per label (pair) — labels are template slots. */
function statements(file: FileCheck, check: DatasetCheck, rows: Values[], now: Date): Batch[] {
  const spec = file.source.spec;
  if (spec.kind === 'node') {
    const payload = rows.map((v) => ({ id: String(v.id), communityId: spec.label === 'Community' ? String(v.id) : String(v.communityId), props: propsOf(v) }));
    return [{ key: spec.label, size: payload.length, write: (db) => db.write((tx) => mergeNodes(tx, spec.label, payload, now)) }];
  }
  const groups = new Map<string, { from: NodeLabel; to: NodeLabel; rows: Values[] }>();
  for (const v of rows) {
    let from: NodeLabel;
    let to: NodeLabel;
    if (spec.kind === 'rel') {
      const r = REL_SPECS[spec.rel];
      const a = check.index.resolve(r.from, String(v.from));
      const b = check.index.resolve(r.to, String(v.to));
      if (!a.ok || !b.ok) throw new Error(`import: reference resolved in validation is missing now (${String(v.id)})`);
      from = a.ref.label;
      to = b.ref.label;
    } else {
      from = to = v.label as NodeLabel;
    }
    const key = `${from}>${to}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { from, to, rows: [] }));
    group.rows.push(v);
  }
  return [...groups.entries()].map(([key, g]) => {
    if (spec.kind === 'rel') {
      const payload = g.rows.map((v) => ({ id: String(v.id), from: String(v.from), to: String(v.to), props: propsOf(v) }));
      return { key, size: payload.length, write: (db: Database) => db.write((tx) => mergeRels(tx, spec.rel, g.from, g.to, payload, now)) };
    }
    const payload = g.rows.map((v) => ({ id: String(v.id), nodeId: String(v.nodeId), props: propsOf(v, (n) => n !== 'id' && n !== 'nodeId' && n !== 'label') }));
    return { key, size: payload.length, write: (db: Database) => db.write((tx) => mergeChanges(tx, g.from, payload, now)) };
  });
}

export async function writeFile(db: Database, check: DatasetCheck, file: FileCheck, options: WriteOptions): Promise<FileSummary> {
  const { source } = file;
  const summary: FileSummary = { file: source.display, name: source.spec.name, kind: source.spec.kind, rows: file.rows, created: 0, updated: 0, unchanged: 0, rejected: file.invalid.size };
  let headerCheck: ReturnType<typeof checkHeader> | undefined;
  let buffer: Values[] = [];
  let done = 0;
  // Two batches in flight: Node parses the next batch while Neo4j writes the current one.
  const inflight: Promise<void>[] = [];
  const flush = async (rows: Values[]) => {
    for (const statement of statements(file, check, rows, options.now)) {
      const counts = await statement.write(db);
      summary.created += counts.created;
      summary.updated += counts.updated;
      summary.unchanged += counts.unchanged;
      done += statement.size;
    }
    options.onProgress?.({ phase: 'write', file: source.display, done, total: file.rows - file.invalid.size });
  };
  const submit = async () => {
    const rows = buffer;
    buffer = [];
    const task = flush(rows);
    task.catch(() => {});
    inflight.push(task);
    if (inflight.length >= 2) await inflight.shift();
  };
  for await (const record of source.records() as AsyncIterable<RawRecord>) {
    // CSV records share the header: resolve it once. JSON records are resolved one by one.
    if (source.sharedHeader && !headerCheck) headerCheck = checkHeader(source.spec, Object.keys(record.cells));
    if (file.invalid.has(record.line)) continue;
    buffer.push(parseRecord(source.spec, record.cells, headerCheck).values);
    if (buffer.length >= options.batchSize) await submit();
  }
  if (buffer.length > 0) await submit();
  await Promise.all(inflight);
  options.onProgress?.({ phase: 'done', file: source.display, done, total: done });
  return summary;
}
