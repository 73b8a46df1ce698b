/**
 * Where an export's files go: a folder (the CLI) or memory (the GraphQL API, with a size cap so a
 * large community is sent to the CLI rather than into one response).
 */
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { badInput } from '../../domain/errors.ts';

export interface ExportSink {
  /** A stream for one file of the export; the exporter writes and ends it. */
  open(name: string, mediaType: string): Writable;
  /** Aborted when the sink can take no more (its reason is the error to report). */
  readonly signal?: AbortSignal;
  /** Bytes written to a file so far (after it was ended: its size). */
  bytes(name: string): number;
  /** Throws the first stream error, if any. */
  check(): void;
}

export class FolderSink implements ExportSink {
  private error: unknown = null;

  /** `rename` maps the exporter's file name to the one written (e.g. the single file the user named). */
  constructor(readonly dir: string, private readonly rename: (name: string) => string = (n) => n) {
    mkdirSync(dir, { recursive: true });
  }

  path(name: string): string {
    return path.join(this.dir, this.rename(name));
  }

  open(name: string): Writable {
    const stream = createWriteStream(this.path(name), { encoding: 'utf8' });
    stream.on('error', (e) => {
      this.error ??= e;
    });
    return stream;
  }

  bytes(name: string): number {
    try {
      return statSync(this.path(name)).size;
    } catch {
      return 0;
    }
  }

  check(): void {
    if (this.error) throw this.error;
  }
}

export interface MemoryFile {
  name: string;
  mediaType: string;
  content: string;
  bytes: number;
}

export class MemorySink implements ExportSink {
  private readonly files = new Map<string, { mediaType: string; chunks: Buffer[]; bytes: number }>();
  private readonly controller = new AbortController();
  private total = 0;

  constructor(readonly limitBytes: number) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  open(name: string, mediaType: string): Writable {
    const file = { mediaType, chunks: [] as Buffer[], bytes: 0 };
    this.files.set(name, file);
    return new Writable({
      write: (chunk: Buffer | string, encoding: BufferEncoding, done: (error?: Error | null) => void) => {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
        this.total += buffer.length;
        if (this.total > this.limitBytes) {
          // Stop collecting and tell the exporter through the signal; the stream itself stays healthy.
          this.controller.abort(badInput(
            `The export is larger than ${Math.round(this.limitBytes / 1e6)} MB: use the command line instead (npm run export -- --help) / 导出超过 ${Math.round(this.limitBytes / 1e6)} MB，请使用命令行导出`,
            ['input'],
            { limitBytes: this.limitBytes },
          ));
        } else {
          file.chunks.push(buffer);
          file.bytes += buffer.length;
        }
        done();
      },
    });
  }

  bytes(name: string): number {
    return this.files.get(name)?.bytes ?? 0;
  }

  check(): void {
    this.signal.throwIfAborted();
  }

  contents(): MemoryFile[] {
    this.check();
    return [...this.files].map(([name, f]) => ({ name, mediaType: f.mediaType, content: Buffer.concat(f.chunks).toString('utf8'), bytes: f.bytes }));
  }
}
