/**
 * Writes a dataset folder in the interchange format (columns.ts): one file per node label,
 * relationship kind and STATE_CHANGE, as CSV or JSON Lines. Rows stream to disk with back-pressure,
 * so writing a 72,000-resident community does not hold it in memory.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileSpec, type FileSpec } from './columns.ts';
import { formatCell } from './cells.ts';
import { csvLine } from './csv.ts';

export type DatasetFormat = 'csv' | 'jsonl';
export type DatasetRow = Record<string, unknown>;

export class DatasetWriter {
  private readonly streams = new Map<string, { stream: WriteStream; spec: FileSpec }>();
  readonly counts = new Map<string, number>();

  constructor(readonly dir: string, readonly format: DatasetFormat = 'csv') {
    mkdirSync(dir, { recursive: true });
  }

  private open(name: string) {
    let entry = this.streams.get(name);
    if (entry) return entry;
    const spec = fileSpec(name);
    if (!spec) throw new Error(`dataset: no file kind named ${name}`);
    const stream = createWriteStream(path.join(this.dir, `${name}.${this.format}`), { encoding: 'utf8' });
    if (this.format === 'csv') stream.write(csvLine(spec.columns.map((c) => c.name)));
    entry = { stream, spec };
    this.streams.set(name, entry);
    return entry;
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
      text = `${JSON.stringify(out)}\n`;
    }
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (!stream.write(text)) await once(stream, 'drain');
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.streams.values()].map(({ stream }) => new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())))),
    );
  }
}
