/**
 * The validated rows of a dataset as the CSV files Neo4j's bulk importer reads — the same graph the
 * Cypher path (write-dataset.ts, cypher/import/create-*.cypher) creates in an empty database: one
 * label per node, `id` and `communityId` on every node, `createdAt` defaulting to the import time,
 * relationship ids and times, and a state change as a CHANGED relationship to the node's community.
 *
 * Value types follow what the driver stores (src/db/values.ts): numbers are JS numbers, which the
 * driver always sends as Float, so int and float columns are `:double`; dates are DateTimes with
 * the offset `DateTime.fromStandardDate` gives them; lists are `:string[]`.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { START_UNKNOWN, startUnknown } from '../../domain/lifetime.ts';
import { REL_SPECS, type NodeLabel } from '../../domain/model.ts';
import { withInitialStates } from '../../domain/storable.ts';
import type { Column, FileSpec } from '../../interchange/columns.ts';
import type { Values } from '../../interchange/validate.ts';
import type { ReferenceIndex } from './references.ts';
import type { FileSummary } from './report.ts';
import type { FileCheck } from './validate-dataset.ts';

/** Between list items: a control character no validated text needs (checked per item). */
export const ARRAY_DELIMITER = '\u001f';

/** A value the bulk importer cannot store exactly as Cypher would; the caller falls back to online. */
export class OfflineUnsupported extends Error {}

export interface BulkCsv {
  nodes: { label: NodeLabel; file: string }[];
  relationships: { type: string; file: string }[];
  multilineFiles: string[];
  summaries: FileSummary[];
}

export interface BulkCsvOptions {
  now: Date;
  /** Appended to every file name, so that two sinks (two threads) can stage into one folder. */
  suffix?: string;
}

const TYPE_SUFFIX: Record<Column['type']['kind'], string> = {
  id: '', ref: '', label: '', string: '', enum: '',
  int: ':double', float: ':double', boolean: ':boolean', datetime: ':datetime', strings: ':string[]',
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// Datasets repeat a few thousand distinct instants hundreds of thousands of times (every row's
// createdAt is the import time): formatting each once took bulkDateTime from 1,032 ms to 123 ms of
// beizhan's 10.3 CPU-s staging profile.
const formatted = new Map<number, string>();

/** What `DateTime.fromStandardDate(d)` stores: local wall time, millisecond precision, the local offset. */
export function bulkDateTime(d: Date): string {
  const ms = d.getTime();
  let text = formatted.get(ms);
  if (text === undefined) {
    if (formatted.size > 100_000) formatted.clear();
    formatted.set(ms, (text = formatDateTime(d)));
  }
  return text;
}

function formatDateTime(d: Date): string {
  const offset = -d.getTimezoneOffset();
  const wall = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** One CSV file being written, with the line-break flag the importer needs to know about. */
class Out {
  private chunks: string[] = [];
  private size = 0;
  private readonly stream: WriteStream;
  multiline = false;

  /** A write that failed (no such folder, disk full): reported by the next flush or close, which would otherwise wait for a 'drain' that never comes. */
  private failure: Error | null = null;

  constructor(readonly file: string, header: string[]) {
    this.stream = createWriteStream(file);
    this.stream.on('error', (error) => (this.failure ??= error));
    this.chunks.push(`${header.join(',')}\n`);
  }

  /** Buffers a line; true when the buffer is full and the caller should await flush(). */
  line(cells: string[]): boolean {
    const text = `${cells.join(',')}\n`;
    this.chunks.push(text);
    this.size += text.length;
    return this.size > 1 << 20;
  }

  async flush(): Promise<void> {
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    if (this.failure) throw this.failure;
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          this.stream.off('drain', done).off('error', done);
          if (error) reject(error);
          else resolve();
        };
        this.stream.once('drain', done).once('error', done);
      });
    }
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
    if (this.failure) throw this.failure;
  }

  cell(value: unknown, where: () => string): string {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return bulkDateTime(value);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (Array.isArray(value)) {
      // The importer has no way to write an empty list, or a list item that is empty.
      if (value.length === 0 || value.some((v) => String(v) === '' || String(v).includes(ARRAY_DELIMITER))) {
        throw new OfflineUnsupported(`${where()}: an empty list or list item cannot be bulk-loaded / 空列表无法离线导入`);
      }
      return this.text(value.map(String).join(ARRAY_DELIMITER));
    }
    return this.text(String(value));
  }

  private text(s: string): string {
    if (s.includes('\n') || s.includes('\r')) this.multiline = true;
    // Always quoted: an unquoted empty field means "no property", a quoted one the empty string.
    return quote(s);
  }
}

const NODE_SKIP = new Set(['id', 'communityId']);

const REL_SKIP = new Set(['id', 'from', 'to']);
const CHANGE_SKIP = new Set(['id', 'nodeId', 'label']);

/** Property columns (name, typed header) written after the fixed ones, in the file spec's order. */
function propColumns(spec: FileSpec, skip: Set<string>): Column[] {
  return spec.columns.filter((c) => !skip.has(c.name));
}
const headerOf = (columns: Column[]) => columns.map((c) => `${c.name}${TYPE_SUFFIX[c.type.kind]}`);

/**
 * Collects the valid rows chunk by chunk while the dataset is checked (validate-dataset's
 * onValidRows), so the files are read and parsed once; finish() closes the files and names them.
 */
export class BulkCsvSink {
  private readonly outs = new Map<string, { out: Out; label?: NodeLabel; type?: string }>();
  private readonly written = new Map<FileCheck, number>();

  constructor(private readonly dir: string, private readonly options: BulkCsvOptions) {}

  private open(key: string, header: string[], entry: { label?: NodeLabel; type?: string }): Out {
    let found = this.outs.get(key);
    if (!found) this.outs.set(key, (found = { ...entry, out: new Out(path.join(this.dir, `${key}${this.options.suffix ?? ''}.csv`), header) }));
    return found.out;
  }

  async accept(file: FileCheck, rows: Values[], index: ReferenceIndex): Promise<void> {
    const spec = file.source.spec;
    const now = this.options.now;
    let done = this.written.get(file) ?? 0;
    const where = () => `${file.source.display} (row ${done + 1})`;
    if (spec.kind === 'node') {
      const columns = propColumns(spec, NODE_SKIP);
      const out = this.open(`node-${spec.label}`, [`id:ID(${spec.label})`, 'communityId', ...headerOf(columns), `${START_UNKNOWN}:boolean`], { label: spec.label });
      for (const given of rows) {
        // The database is empty: every node is new, so each state its row leaves empty starts at its initial value.
        const v = withInitialStates(spec.label, given);
        const communityId = spec.label === 'Community' ? v.id : v.communityId;
        const cells = [out.cell(v.id, where), out.cell(communityId, where), ...columns.map((c) => out.cell(c.name === 'createdAt' ? (v.createdAt ?? now) : v[c.name], where))];
        // As the Cypher path does (mergeNodes): a node without a recorded start is present from the beginning.
        cells.push(startUnknown(spec.label, v) ? 'true' : '');
        if (out.line(cells)) await out.flush();
        done += 1;
      }
    } else {
      const columns = propColumns(spec, spec.kind === 'rel' ? REL_SKIP : CHANGE_SKIP);
      const type = spec.kind === 'rel' ? REL_SPECS[spec.rel].type : 'CHANGED';
      for (const v of rows) {
        let from: NodeLabel;
        let to: NodeLabel;
        let start: string;
        let end: string;
        if (spec.kind === 'rel') {
          const r = REL_SPECS[spec.rel];
          const a = index.resolve(r.from, String(v.from));
          const b = index.resolve(r.to, String(v.to));
          if (!a.ok || !b.ok) throw new Error(`import: reference resolved in validation is missing now (${String(v.id)})`);
          [from, to, start, end] = [a.ref.label, b.ref.label, String(v.from), String(v.to)];
        } else {
          // cypher/import/create-changes: (node)-[:CHANGED]->(the node's own community).
          const n = index.resolve([v.label as NodeLabel], String(v.nodeId));
          if (!n.ok) throw new Error(`import: node of state change ${String(v.id)} is missing now`);
          [from, to, start, end] = [n.ref.label, 'Community', String(v.nodeId), n.ref.communityId];
        }
        const out = this.open(`rel-${spec.name}-${from}-${to}`, [`:START_ID(${from})`, `:END_ID(${to})`, 'id', ...headerOf(columns)], { type });
        if (out.line([out.cell(start, where), out.cell(end, where), out.cell(v.id, where), ...columns.map((c) => out.cell(c.name === 'createdAt' ? (v.createdAt ?? now) : v[c.name], where))])) await out.flush();
        done += 1;
      }
    }
    this.written.set(file, done);
  }

  /** Closes the files; the counts per dataset file become the import's summary (all created). */
  async finish(files: FileCheck[]): Promise<BulkCsv> {
    await Promise.all([...this.outs.values()].map((o) => o.out.close()));
    const result: BulkCsv = { nodes: [], relationships: [], multilineFiles: [], summaries: [] };
    for (const { out, label, type } of this.outs.values()) {
      if (label) result.nodes.push({ label, file: out.file });
      else result.relationships.push({ type: type!, file: out.file });
      if (out.multiline) result.multilineFiles.push(out.file);
    }
    result.summaries = files.map((f) => ({ file: f.source.display, name: f.source.spec.name, kind: f.source.spec.kind, rows: f.rows, created: this.written.get(f) ?? 0, updated: 0, unchanged: 0, rejected: f.invalid.size }));
    return result;
  }

  /** Closes the files without naming them (the load was abandoned). */
  async discard(): Promise<void> {
    await Promise.all([...this.outs.values()].map((o) => o.out.close().catch(() => {})));
  }
}
