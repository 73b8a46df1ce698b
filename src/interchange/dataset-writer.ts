/**
 * Writes a dataset folder in the interchange format (columns.ts): one file per node label,
 * relationship kind and STATE_CHANGE, as CSV, JSON Lines or a JSON array. Rows stream to disk with
 * back-pressure, so writing a 72,000-resident community does not hold it in memory. `open` may
 * redirect the files to other streams (the GraphQL export collects them in memory).
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { fileSpec, type FileSpec } from './columns.ts';
import { formatCell } from './cells.ts';
import { csvLine } from './csv.ts';

export type DatasetFormat = 'csv' | 'jsonl' | 'json';
export type DatasetRow = Record<string, unknown>;

export interface DatasetWriterOptions {
  /** Where a file's text goes (default: a file of that name in `dir`). */
  open?: (fileName: string) => Writable;
}

export class DatasetWriter {
  private readonly streams = new Map<string, { stream: Writable; spec: FileSpec }>();
  readonly counts = new Map<string, number>();

  constructor(readonly dir: string, readonly format: DatasetFormat = 'csv', private readonly options: DatasetWriterOptions = {}) {
    if (!options.open) mkdirSync(dir, { recursive: true });
  }

  private open(name: string) {
    let entry = this.streams.get(name);
    if (entry) return entry;
    const spec = fileSpec(name);
    if (!spec) throw new Error(`dataset: no file kind named ${name}`);
    const fileName = `${name}.${this.format}`;
    const stream = this.options.open ? this.options.open(fileName) : createWriteStream(path.join(this.dir, fileName), { encoding: 'utf8' });
    if (this.format === 'csv') stream.write(csvLine(spec.columns.map((c) => c.name)));
    if (this.format === 'json') stream.write('[');
    entry = { stream, spec };
    this.streams.set(name, entry);
    this.counts.set(name, this.counts.get(name) ?? 0);
    return entry;
  }

  /** Creates the named file (a header only, or an empty JSON array) even if no row follows. */
  touch(name: string): void {
    this.open(name);
  }

  /** Writes one row of the named file (a label, a relationship kind or STATE_CHANGE); awaits drain. */
  async write(name: string, row: DatasetRow): Promise<void> {
    const { stream, spec } = this.open(name);
    let text: string;
    if (this.format === 'csv') {
      text = csvLine(spec.columns.map((c) => formatCell(row[c.name])));
    } else {
      const out: Record<string, unknown> = {};
      for (const c of spec.columns) {
        const v = row[c.name];
        if (v !== undefined && v !== null) out[c.name] = v instanceof Date ? v.toISOString() : v;
      }
      text = this.format === 'json' ? `${this.counts.get(name) ? ',' : ''}\n${JSON.stringify(out)}` : `${JSON.stringify(out)}\n`;
    }
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (!stream.write(text)) await once(stream, 'drain');
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.streams.values()].map(({ stream }) => new Promise<void>((resolve, reject) => {
        const done = (e?: Error | null) => (e ? reject(e) : resolve());
        if (this.format === 'json') stream.end('\n]\n', done);
        else stream.end(done);
      })),
    );
  }
}
