/**
 * The staging thread of an offline import (parallel-check.ts): checks its share of the relationship
 * files against the node ids the main thread found, and stages the valid rows as importer CSV, in
 * the same folder under its own file names.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fileSpec } from '../../../interchange/columns.ts';
import { BulkCsvSink, OfflineUnsupported } from '../bulk-csv.ts';
import { ReferenceIndex } from '../references.ts';
import { fileSource } from '../source.ts';
import { validateDataset } from '../validate-dataset.ts';
import type { FromStage, StageJob, StageStart } from './protocol.ts';

const job = workerData as StageJob;
const port = parentPort!;
const post = (message: FromStage) => port.postMessage(message);

port.once('message', (start: StageStart) => {
  void stage(start).finally(() => port.close());
});

async function stage(start: StageStart): Promise<void> {
  const sink = new BulkCsvSink(job.dir, { now: new Date(job.now), suffix: job.suffix });
  try {
    const sources = job.files.map(({ file, kind, encoding }) => {
      const spec = fileSpec(kind);
      if (!spec) throw new Error(`import: unknown file kind ${kind}`);
      return fileSource(file, spec, encoding);
    });
    const check = await validateDataset(null, sources, {
      allowedCommunities: null,
      index: ReferenceIndex.ofKnownIds(start.known),
      maxErrors: job.maxErrors,
      onValidRows: (file, rows, index) => sink.accept(file, rows, index),
      onProgress: (event) => post({ type: 'progress', event }),
      onError: (error) => post({ type: 'error', error }),
    });
    const csv = await sink.finish(check.files);
    post({ type: 'done', csv, files: check.files.map((f) => ({ rows: f.rows, invalid: [...f.invalid] })), errorCount: check.errorCount });
  } catch (error) {
    await sink.discard();
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error), offlineUnsupported: error instanceof OfflineUnsupported });
  }
}
