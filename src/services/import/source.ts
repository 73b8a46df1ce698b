/** Where the records of an import come from: a dataset folder on disk, or rows sent through GraphQL. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { FILE_SPECS, fileSpec, type FileSpec } from '../../interchange/columns.ts';
import { isRejectedFile, resolveFileName } from '../../interchange/file-names.ts';
import type { Encoding } from '../../interchange/lines.ts';
import { formatOf, readRecords, type RawRecord } from '../../interchange/readers.ts';
import type { FileSummary } from './report.ts';

export interface SourceFile {
  /** What reports call the file: its path, or "rows" for a GraphQL batch. */
  display: string;
  spec: FileSpec;
  /** CSV: every record has the header's columns, so the header is checked once, up front. */
  sharedHeader: boolean;
  records: () => AsyncIterable<RawRecord>;
  /** How a file on disk is decoded (a worker thread that reads it again needs to know). */
  encoding?: Encoding;
}

const ORDER = new Map(FILE_SPECS.map((f, i) => [f.name, f.name === 'Community' ? -1 : i]));

/** Files in dependency order: communities, other nodes, relationships, state changes. */
export function sortFiles(files: SourceFile[]): SourceFile[] {
  return [...files].sort((a, b) => ORDER.get(a.spec.name)! - ORDER.get(b.spec.name)!);
}

export function folderSource(dir: string, encoding: Encoding = 'utf-8'): SourceFile[] {
  const files: SourceFile[] = [];
  const seen = new Map<string, string>();
  const unknown: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const format = formatOf(entry);
    // The rejected rows of an earlier run are not data: importing them again would fail on them.
    if (!format || isRejectedFile(entry)) continue;
    const stem = entry.slice(0, entry.lastIndexOf('.'));
    const name = resolveFileName(stem);
    if (!name.ok) {
      unknown.push(`${entry}: ${name.reason}`);
      continue;
    }
    const { spec } = name;
    if (seen.has(spec.name)) throw new Error(`${dir}: both ${seen.get(spec.name)} and ${entry} describe ${spec.name}; keep one / 同一类型有两个文件`);
    seen.set(spec.name, entry);
    files.push(fileSource(path.join(dir, entry), spec, encoding));
  }
  if (unknown.length > 0) {
    throw new Error(`${dir}: unknown file names (${unknown.join('; ')}). Expected names like Resident.csv, MEMBERSHIP.csv, STATE_CHANGE.csv — see docs/import.md / 文件名无法识别`);
  }
  if (files.length === 0) throw new Error(`${dir}: no dataset files (.csv, .jsonl, .json) found / 未找到数据文件`);
  return sortFiles(files);
}

/** One dataset file on disk, of a known kind (a worker thread rebuilds its files from path and kind). */
export function fileSource(file: string, spec: FileSpec, encoding: Encoding = 'utf-8'): SourceFile {
  return { display: file, spec, sharedHeader: formatOf(file) === 'csv', encoding, records: () => readRecords(file, file, encoding) };
}

export function rowsSource(name: string, rows: readonly Record<string, unknown>[]): SourceFile[] {
  const spec = fileSpec(name);
  if (!spec) throw new Error(`unknown file kind ${name}`);
  return [{
    display: 'rows',
    spec,
    sharedHeader: false,
    records: async function* () {
      for (const [i, cells] of rows.entries()) yield { line: i + 1, cells, problems: [] };
    },
  }];
}

/**
 * A warning for each file that gave no rows: an empty file, or a header alone, imports nothing
 * without being wrong, but is more often a failed export than an intended one, so it is said aloud.
 */
export function noRowWarnings(files: readonly Pick<FileSummary, 'file' | 'rows'>[]): string[] {
  return files.filter((f) => f.rows === 0).map((f) => {
    let empty = false;
    try {
      empty = statSync(f.file).size === 0;
    } catch {
      // Not a file on disk (a GraphQL batch): "no rows" is all that can be said.
    }
    return empty
      ? `${f.file}: the file is empty; nothing imported from it / 文件为空，未导入任何数据`
      : `${f.file}: no data rows (only a header?); nothing imported from it / 文件没有数据行（只有表头？），未导入任何数据`;
  });
}
