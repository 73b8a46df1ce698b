/**
 * Import use case, offline: a first load into the empty, stopped local database. The same validation
 * as online (all-or-nothing unless skipInvalid, with nothing in the database to refer to) stages the
 * valid rows as bulk-importer CSV (bulk-csv.ts); only when the whole dataset may be written does
 * Neo4j's bulk importer write the store. Then the database is started and migrated; the migrations
 * and index population are timed with the rest, since the load is not usable before they are done.
 */
import { mkdir } from 'node:fs/promises';
import type { Database } from '../../db/database.ts';
import { bulkImport } from '../../db/local/bulk-import.ts';
import { makeStagingDir } from '../../db/local/leftovers.ts';
import { migrate } from '../../db/migrate.ts';
import { awaitIndexes } from '../../db/repositories/import.ts';
import { ARRAY_DELIMITER } from './bulk-csv.ts';
import type { ImportOptions } from './import-dataset.ts';
import type { FileSummary, ImportSummary } from './report.ts';
import type { SourceFile } from './source.ts';
import { checkAndStage } from './parallel-check.ts';

export interface OfflineOptions extends Omit<ImportOptions, 'batchSize' | 'allowedCommunities'> {
  dataDir: string;
  /** The store exists but was found empty: replace it. */
  overwrite: boolean;
  log: (line: string) => void;
  /** Starts the loaded database (as the online path connects before it imports). */
  startDatabase: () => Promise<Database>;
  /** Check on two threads: null or absent decides by size (parallel-check.ts). */
  parallelCheck?: boolean | null;
}

export interface OfflineSummary extends ImportSummary {
  /**
   * Starting Neo4j on the loaded store, not counted in `seconds`: the online path's `seconds` also
   * begins with a running database. The migrations (index and constraint population) are counted.
   */
  databaseStartSeconds: number;
  /** Peak memory of the importer JVM, a child process (the caller measures its own). */
  bulkPeakRssMb: number | null;
  /** Where `seconds` went: checking and staging the rows, Neo4j's importer, schema and indexes. */
  phases: { checkSeconds: number; storeSeconds: number; schemaSeconds: number };
}

export async function importOffline(files: SourceFile[], options: OfflineOptions): Promise<OfflineSummary> {
  const started = performance.now();
  const phases = { checkSeconds: 0, storeSeconds: 0, schemaSeconds: 0 };
  const lap = (what: string, since: number, phase: keyof typeof phases) => {
    phases[phase] = (performance.now() - since) / 1000;
    options.log(`bulk import: ${what} in ${phases[phase].toFixed(1)} s`);
  };
  await mkdir(options.dataDir, { recursive: true });
  const staging = await makeStagingDir(options.dataDir, options.log);
  try {
    // The valid rows are staged as importer CSV while they are checked: one read of the files.
    const check = await checkAndStage(files, {
      dir: staging.dir,
      now: options.now ?? new Date(),
      ...(options.parallelCheck !== undefined ? { parallel: options.parallelCheck } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onError ? { onError: options.onError } : {}),
    });
    const csv = check.csv;
    lap('checked every row and staged the valid ones', started, 'checkSeconds');
    const write = check.errorCount === 0 || options.skipInvalid === true;
    if (write) collectGarbage();
    let bulkPeakRssMb: number | null = null;
    let databaseStartSeconds = 0;
    let summaries: FileSummary[] = csv.summaries;
    if (write) {
      let since = performance.now();
      options.log('bulk import: loading the store with the Neo4j importer / 离线批量写入数据库文件');
      const bulk = await bulkImport({ dataDir: options.dataDir, nodes: csv.nodes, relationships: csv.relationships, multilineFiles: csv.multilineFiles, arrayDelimiter: ARRAY_DELIMITER, overwrite: options.overwrite, log: options.log });
      bulkPeakRssMb = bulk.peakRssMb;
      lap('loaded the store with the importer', since, 'storeSeconds');
      since = performance.now();
      options.log('bulk import: starting the database / 启动数据库');
      const db = await options.startDatabase();
      databaseStartSeconds = (performance.now() - since) / 1000;
      since = performance.now();
      options.log('bulk import: creating constraints and indexes over the loaded data / 建立约束与索引');
      // Every row just loaded passed the importer's checks: the stored-row check has nothing to find.
      await migrate(db, options.log, { rowsChecked: true });
      const migrated = (performance.now() - since) / 1000;
      await db.read((tx) => awaitIndexes(tx));
      lap(`applied the schema (${migrated.toFixed(1)} s, constraints populated) and populated the other indexes`, since, 'schemaSeconds');
    } else {
      summaries = summaries.map((s) => ({ ...s, created: 0 }));
    }
    const totals = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const s of summaries) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s[k];
    const seconds = (performance.now() - started) / 1000 - databaseStartSeconds;
    const relationships = summaries.filter((f) => f.kind !== 'node').reduce((n, s) => n + s.created, 0);
    return { files: summaries, totals, errors: check.errors, errorCount: check.errorCount, written: write, seconds, relationshipsPerSecond: seconds > 0 ? relationships / seconds : 0, bulkPeakRssMb, databaseStartSeconds, phases };
  } finally {
    await staging.remove();
  }
}

/**
 * One full collection before the importer JVM starts, where the process was started with
 * --expose-gc (`npm run import` and bench/import are): the check leaves garbage on this thread's heap
 * that V8 would otherwise keep, in memory that the JVM then needs, while the CLI only waits (the
 * measurements are in docs/import-performance.md). Without the flag nothing happens.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
