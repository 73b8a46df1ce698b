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

/** "1 node", "2 nodes", "1,234 rows": counts in messages people read. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

/**
 * The rate of an import, or null when it is too short to have one that means anything: a
 * sub-second import of a few rows printed "0 relationships/s", which reads as a fault.
 */
export function rateText(relationshipsPerSecond: number, seconds: number): string | null {
  if (seconds < 1) return null;
  return `${Math.round(relationshipsPerSecond).toLocaleString('en-US')} relationships/s`;
}
