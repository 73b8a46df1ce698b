/**
 * Import use case: validate every file first; by default any bad row means nothing is written (the
 * database is left exactly as it was); with skipInvalid the good rows are written and the bad ones
 * reported. Used by the CLI (a dataset folder), by `npm start` (the demo) and by GraphQL (a batch).
 */
import type { Database } from '../../db/database.ts';
import { validateDataset } from './validate-dataset.ts';
import { writeFile } from './write-dataset.ts';
import type { FileSummary, ImportSummary, OnProgress, RowError } from './report.ts';
import type { SourceFile } from './source.ts';

export interface ImportOptions {
  skipInvalid?: boolean;
  batchSize?: number;
  allowedCommunities?: readonly string[] | null;
  onProgress?: OnProgress;
  onError?: (error: RowError) => void;
  now?: Date;
}


export async function importDataset(db: Database, files: SourceFile[], options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const check = await validateDataset(db, files, {
    allowedCommunities: options.allowedCommunities ?? null,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const write = check.errorCount === 0 || options.skipInvalid === true;
  const summaries: FileSummary[] = [];
  for (const file of check.files) {
    if (write) {
      summaries.push(await writeFile(db, check, file, { batchSize: options.batchSize ?? 5000, now: options.now ?? new Date(), ...(options.onProgress ? { onProgress: options.onProgress } : {}) }));
    } else {
      summaries.push({ file: file.source.display, name: file.source.spec.name, kind: file.source.spec.kind, rows: file.rows, created: 0, updated: 0, unchanged: 0, rejected: file.invalid.size });
    }
  }
  const totals = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const s of summaries) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s[k];
  const seconds = (performance.now() - started) / 1000;
  const relationships = summaries.filter((f) => f.kind !== 'node').reduce((n, s) => n + s.created + s.updated + s.unchanged, 0);
  return { files: summaries, totals, errors: check.errors, errorCount: check.errorCount, written: write, seconds, relationshipsPerSecond: seconds > 0 ? relationships / seconds : 0 };
}
