/**
 * The rejected rows of an import with --skip-invalid, written as the rows themselves: a worker
 * fixes them in place and imports them again, instead of finding each one by file and line.
 *
 * The file holds one block per dataset file: a header row `file,line,column,reason` followed by
 * that file's own header, then each rejected row once — its problems joined with "; " and its
 * original cells as they were read. The reasons are kept while the import runs (only file, line
 * and reason: a row's cells would hold every rejected row in memory); the cells are read again
 * from the dataset file afterwards, for the files that had rejected rows only.
 *
 * It goes beside the dataset folder (`<folder>.rejected.csv`), not into it: inside, the next import
 * of the folder read it as a dataset file and failed on it. The importer also skips any file named
 * `rejected.csv` or `*.rejected.csv` (src/interchange/file-names.ts).
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { csvLine } from '../../interchange/csv.ts';
import type { RowError } from './report.ts';
import type { SourceFile } from './source.ts';

interface Rejection {
  columns: string[];
  reasons: string[];
}

/** Where the rejected rows of `folder` go unless told otherwise: beside it. */
export function defaultRejectedPath(folder: string): string {
  return `${path.resolve(folder)}.rejected.csv`;
}

const cellText = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

export class RejectedRows {
  private readonly byFile = new Map<string, Map<number, Rejection>>();

  add(error: RowError): void {
    let lines = this.byFile.get(error.file);
    if (!lines) this.byFile.set(error.file, (lines = new Map()));
    let rejection = lines.get(error.line);
    if (!rejection) lines.set(error.line, (rejection = { columns: [], reasons: [] }));
    if (error.column && !rejection.columns.includes(error.column)) rejection.columns.push(error.column);
    rejection.reasons.push(error.reason);
  }

  get empty(): boolean {
    return this.byFile.size === 0;
  }

  /** Writes the rejected rows of `files` to `out`; returns how many rows were written. */
  async write(out: string, files: readonly SourceFile[]): Promise<number> {
    // A file handle, not a stream: a folder that does not exist fails here, as an error the CLI
    // reports, instead of as an unhandled stream event.
    const handle = await open(out, 'w');
    let buffer = '';
    const put = async (line: string) => {
      buffer += line;
      if (buffer.length > 65_536) {
        await handle.write(buffer);
        buffer = '';
      }
    };
    let written = 0;
    try {
      for (const source of files) {
        const lines = this.byFile.get(source.display);
        if (!lines) continue;
        // A CSV header's problems (an unknown column, a required one missing) are reported at line
        // 1 and reject every row of the file: each row carries them.
        const whole = source.sharedHeader ? lines.get(1) : undefined;
        let header: string[] | null = null;
        for await (const record of source.records()) {
          const own = lines.get(record.line);
          const rejection = whole && own !== whole ? merge(whole, own) : own;
          if (!rejection) continue;
          if (!header) {
            header = Object.keys(record.cells);
            await put(csvLine(['file', 'line', 'column', 'reason', ...header]));
          }
          const cells = header.map((h) => cellText(record.cells[h]));
          await put(csvLine([path.basename(source.display), String(record.line), rejection.columns.join('; '), rejection.reasons.join('; '), ...cells]));
          written += 1;
        }
      }
      await handle.write(buffer);
    } finally {
      await handle.close();
    }
    return written;
  }
}

function merge(a: Rejection, b: Rejection | undefined): Rejection {
  return b ? { columns: [...a.columns, ...b.columns], reasons: [...a.reasons, ...b.reasons] } : a;
}
