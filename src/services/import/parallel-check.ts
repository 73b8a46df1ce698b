/**
 * The first pass of an offline import on two threads: every row checked (validate-dataset.ts) and
 * the valid ones staged as importer CSV (bulk-csv.ts). The node files are checked first, on this
 * thread, because every relationship file refers to them; then the relationship files are shared
 * between this thread and a worker (workers/stage-worker.ts), which gets the node ids.
 *
 * Why: the check is single-threaded JavaScript and was the longest part of a beizhan load after
 * Neo4j's importer (9.6-11 s of 36-46 s); the database is stopped during an offline load, so the
 * second core has nothing else to do. A small dataset is checked on one thread: starting a worker
 * (loading tsx and the modules) costs more than it saves there — the `small` demo (4.5 MB) took
 * 1.05-1.66 s on two threads and 0.77-1.03 s on one; beizhan (61 MB) 7.1-8.7 s on two and 10.0-10.8 s
 * on one. The 16 MB threshold lies between those two measured points; sizes in between were not measured.
 */
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { BulkCsvSink, OfflineUnsupported, type BulkCsv } from './bulk-csv.ts';
import type { OnProgress, RowError } from './report.ts';
import type { SourceFile } from './source.ts';
import { validateDataset, type FileCheck } from './validate-dataset.ts';
import type { FromStage, StageJob, StageStart } from './workers/protocol.ts';

const BOOTSTRAP = new URL('./workers/bootstrap.mjs', import.meta.url);

/** Below this much input everything is checked on one thread (see above). */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

export interface CheckAndStageOptions {
  /** The folder the importer CSV goes to. */
  dir: string;
  now: Date;
  /** null: decide by size (PARALLEL_MIN_BYTES); true/false: always/never use the worker. */
  parallel?: boolean | null;
  maxErrors?: number;
  onProgress?: OnProgress;
  onError?: (error: RowError) => void;
}

export interface StagedDataset {
  files: FileCheck[];
  errors: RowError[];
  errorCount: number;
  csv: BulkCsv;
}

const sizeOf = (file: SourceFile): number => {
  try {
    return statSync(file.display).size;
  } catch {
    return 0;
  }
};

/**
 * Which relationship files the worker checks: largest first, each to the side with less to do,
 * where this thread starts with the node files (it checks them before the worker can begin).
 */
export function workerShare(files: SourceFile[], size: (f: SourceFile) => number = sizeOf): Set<SourceFile> {
  let mine = files.filter((f) => f.spec.kind === 'node').reduce((n, f) => n + size(f), 0);
  let theirs = 0;
  const share = new Set<SourceFile>();
  const rels = files.filter((f) => f.spec.kind !== 'node').sort((a, b) => size(b) - size(a));
  for (const f of rels) {
    if (theirs < mine) {
      share.add(f);
      theirs += size(f);
    } else mine += size(f);
  }
  return share;
}

export async function checkAndStage(files: SourceFile[], options: CheckAndStageOptions): Promise<StagedDataset> {
  const maxErrors = options.maxErrors ?? 10_000;
  await mkdir(options.dir, { recursive: true });
  const parallel = options.parallel ?? files.reduce((n, f) => n + sizeOf(f), 0) >= PARALLEL_MIN_BYTES;
  const share = parallel ? workerShare(files) : new Set<SourceFile>();
  const sink = new BulkCsvSink(options.dir, { now: options.now });
  const callbacks = {
    maxErrors,
    onValidRows: sink.accept.bind(sink),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  };
  if (share.size === 0) {
    try {
      const check = await validateDataset(null, files, { allowedCommunities: null, ...callbacks });
      return { files: check.files, errors: check.errors, errorCount: check.errorCount, csv: await sink.finish(check.files) };
    } catch (error) {
      await sink.discard();
      throw error;
    }
  }

  const job: StageJob = { files: [...share].map((f) => ({ file: f.display, kind: f.spec.name, encoding: f.encoding ?? 'utf-8' })), dir: options.dir, now: options.now.getTime(), suffix: '-2', maxErrors };
  // Started before the node files are checked, so that loading it overlaps with that.
  const worker = new Worker(BOOTSTRAP, { execArgv: [], workerData: job });
  const workerErrors: RowError[] = [];
  const finished = new Promise<Extract<FromStage, { type: 'done' }>>((resolve, reject) => {
    worker.on('message', (message: FromStage) => {
      if (message.type === 'progress') options.onProgress?.(message.event);
      else if (message.type === 'error') {
        if (workerErrors.length < maxErrors) workerErrors.push(message.error);
        options.onError?.(message.error);
      } else if (message.type === 'done') resolve(message);
      else reject(message.offlineUnsupported ? new OfflineUnsupported(message.message) : new Error(message.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`import: the staging thread exited (code ${code}) before it finished`)));
  });
  finished.catch(() => {});
  try {
    const nodes = await validateDataset(null, files.filter((f) => f.spec.kind === 'node'), { allowedCommunities: null, ...callbacks });
    const start: StageStart = { known: nodes.index.knownIds() };
    worker.postMessage(start);
    const rest = await validateDataset(null, files.filter((f) => f.spec.kind !== 'node' && !share.has(f)), { allowedCommunities: null, index: nodes.index, ...callbacks });
    const theirs = await finished;
    const mineChecked = [...nodes.files, ...rest.files];
    const mineCsv = await sink.finish(mineChecked);
    const byFile = new Map<SourceFile, FileCheck>(mineChecked.map((c) => [c.source, c]));
    [...share].forEach((source, i) => byFile.set(source, { source, rows: theirs.files[i]!.rows, invalid: new Set(theirs.files[i]!.invalid) }));
    const order = new Map(files.map((f, i) => [f.display, i]));
    const errors = [...nodes.errors, ...rest.errors, ...workerErrors].sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line).slice(0, maxErrors);
    const csv: BulkCsv = {
      nodes: mineCsv.nodes,
      relationships: [...mineCsv.relationships, ...theirs.csv.relationships],
      multilineFiles: [...mineCsv.multilineFiles, ...theirs.csv.multilineFiles],
      summaries: [...mineCsv.summaries, ...theirs.csv.summaries].sort((a, b) => order.get(a.file)! - order.get(b.file)!),
    };
    return { files: files.map((f) => byFile.get(f)!), errors, errorCount: nodes.errorCount + rest.errorCount + theirs.errorCount, csv };
  } catch (error) {
    await sink.discard();
    throw error;
  } finally {
    await worker.terminate();
  }
}
