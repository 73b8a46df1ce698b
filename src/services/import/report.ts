/** What an import tells its caller: per-file counts, the rejected rows with reasons, progress events. */
export interface RowError {
  file: string;
  line: number;
  column: string | null;
  reason: string;
}

export interface FileSummary {
  file: string;
  name: string;
  /** Node rows, or rows that become relationships (relationship kinds and state changes). */
  kind: 'node' | 'rel' | 'change';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportSummary {
  files: FileSummary[];
  totals: Omit<FileSummary, 'file' | 'name' | 'kind'>;
  /** The first rejected rows (up to the cap); errorCount counts them all. */
  errors: RowError[];
  errorCount: number;
  /** False when bad rows stopped the import (nothing was written). */
  written: boolean;
  seconds: number;
  relationshipsPerSecond: number;
}

export type ProgressEvent =
  | { phase: 'validate' | 'write'; file: string; done: number; total: number | null }
  | { phase: 'done'; file: string; done: number; total: number | null };

export type OnProgress = (event: ProgressEvent) => void;
