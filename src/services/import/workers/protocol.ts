/** Messages between the offline import and its staging thread (stage-worker.ts). */
import type { NodeLabel } from '../../../domain/model.ts';
import type { Encoding } from '../../../interchange/lines.ts';
import type { BulkCsv } from '../bulk-csv.ts';
import type { ProgressEvent, RowError } from '../report.ts';

/** workerData: what to check and where to stage it. */
export interface StageJob {
  files: { file: string; kind: string; encoding: Encoding }[];
  dir: string;
  /** The import time (ms): createdAt of rows that give none, the same on both threads. */
  now: number;
  suffix: string;
  maxErrors: number;
}

/** Sent once the node files are checked: the ids the relationship files may refer to. */
export interface StageStart {
  known: Map<NodeLabel, Map<string, string>>;
}

export type FromStage =
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'error'; error: RowError }
  | { type: 'done'; csv: BulkCsv; files: { rows: number; invalid: number[] }[]; errorCount: number }
  | { type: 'failed'; message: string; offlineUnsupported: boolean };
