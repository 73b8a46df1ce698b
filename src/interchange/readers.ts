/**
 * Streams the records of one dataset file — CSV (RFC 4180, quoted newlines allowed), JSON Lines, or
 * a JSON array — as { line, cells } with the line where the record starts, plus per-record problems
 * that no column owns (invalid UTF-8, malformed JSON, wrong number of CSV fields). Memory does not
 * grow with the file: one record at a time.
 */
import { parseCsvLine, type CsvRecordState } from './csv.ts';
import { readLines } from './lines.ts';

export interface RawRecord {
  line: number;
  /** Header name → cell: strings for CSV; any JSON value for JSON. */
  cells: Record<string, unknown>;
  problems: string[];
}

export type FileFormat = 'csv' | 'jsonl' | 'json';

export function formatOf(path: string): FileFormat | null {
  if (path.endsWith('.csv')) return 'csv';
  if (path.endsWith('.jsonl') || path.endsWith('.ndjson')) return 'jsonl';
  if (path.endsWith('.json')) return 'json';
  return null;
}

const UTF8 = 'invalid UTF-8 byte sequence / 非法的 UTF-8 编码';
const TOO_LONG = 'line longer than 1 MB / 行过长';

async function* csvRecords(path: string): AsyncGenerator<RawRecord> {
  let header: string[] | null = null;
  let state: CsvRecordState = { fields: [], field: '', quoted: false };
  let startLine = 0;
  let problems: string[] = [];
  for await (const line of readLines(path)) {
    if (!state.quoted) {
      if (line.text === '' ) continue;
      startLine = line.number;
      problems = [];
    }
    if (!line.validUtf8) problems.push(`line ${line.number}: ${UTF8}`);
    if (line.tooLong) problems.push(`line ${line.number}: ${TOO_LONG}`);
    const text = header === null && line.number === 1 ? line.text.replace(/^\uFEFF/, '') : line.text;
    if (!parseCsvLine(text, state)) continue;
    const fields = state.fields;
    state = { fields: [], field: '', quoted: false };
    if (!header) {
      header = fields.map((h) => h.trim());
      continue;
    }
    if (fields.length !== header.length) problems.push(`${fields.length} fields where the header has ${header.length} / 字段数与表头不符`);
    const cells: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i += 1) cells[header[i]!] = fields[i];
    yield { line: startLine, cells, problems };
  }
  if (state.quoted) {
    yield { line: startLine, cells: {}, problems: [...problems, 'a quoted field is not closed before the end of the file / 引号未闭合'] };
  }
}

async function* jsonLinesRecords(path: string): AsyncGenerator<RawRecord> {
  for await (const line of readLines(path)) {
    if (line.text.trim() === '') continue;
    const problems: string[] = [];
    if (!line.validUtf8) problems.push(UTF8);
    if (line.tooLong) problems.push(TOO_LONG);
    let cells: Record<string, unknown> = {};
    try {
      const value: unknown = JSON.parse(line.text);
      if (value && typeof value === 'object' && !Array.isArray(value)) cells = value as Record<string, unknown>;
      else problems.push('not a JSON object / 不是 JSON 对象');
    } catch (error) {
      if (problems.length === 0) problems.push(`invalid JSON: ${(error as Error).message}`);
    }
    yield { line: line.number, cells, problems };
  }
}

/**
 * A JSON array of objects, split into top-level elements by a small scanner (depth and string
 * state), so each object is parsed alone and the array is never held whole.
 */
async function* jsonArrayRecords(path: string): AsyncGenerator<RawRecord> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let buffer = '';
  let startLine = 0;
  let bad = false;
  let seenArray = false;
  for await (const line of readLines(path)) {
    const text = `${line.text}\n`;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i]!;
      if (depth >= 2 || (depth === 1 && ch === '{')) {
        if (depth === 1) {
          startLine = line.number;
          buffer = '';
          bad = false;
        }
        buffer += ch;
        if (!line.validUtf8) bad = true;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '[' || ch === '{') {
        if (depth === 0) seenArray = ch === '[';
        depth += 1;
      } else if (ch === ']' || ch === '}') {
        depth -= 1;
        if (depth === 1 && ch === '}') {
          const problems: string[] = bad ? [UTF8] : [];
          let cells: Record<string, unknown> = {};
          try {
            cells = JSON.parse(buffer) as Record<string, unknown>;
          } catch (error) {
            problems.push(`invalid JSON: ${(error as Error).message}`);
          }
          yield { line: startLine, cells, problems };
          buffer = '';
        }
      }
      if (buffer.length > 1_000_000) throw new Error(`${path}: a JSON element starting on line ${startLine} is larger than 1 MB`);
    }
  }
  if (!seenArray) throw new Error(`${path}: a .json dataset file must hold one JSON array of objects / .json 文件必须是对象数组`);
  if (depth !== 0 || inString) throw new Error(`${path}: the JSON array is not closed (truncated file?) / JSON 数组不完整`);
}

export function readRecords(path: string): AsyncGenerator<RawRecord> {
  const format = formatOf(path);
  if (format === 'csv') return csvRecords(path);
  if (format === 'jsonl') return jsonLinesRecords(path);
  if (format === 'json') return jsonArrayRecords(path);
  throw new Error(`${path}: unknown file type; use .csv, .jsonl or .json`);
}

/** The header of a CSV file, or the keys of the first JSON record (for column checks up front). */
export async function readHeader(path: string): Promise<string[]> {
  for await (const record of readRecords(path)) return Object.keys(record.cells);
  return [];
}
