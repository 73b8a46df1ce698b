/**
 * Streams the records of one dataset file — CSV (RFC 4180, quoted newlines allowed), JSON Lines, or
 * a JSON array — as { line, cells } with the line where the record starts, plus per-record problems
 * that no column owns (invalid UTF-8, malformed JSON, wrong number of CSV fields). Memory does not
 * grow with the file: one record at a time.
 */
import { newRecordState, parseCsvLine } from './csv.ts';
import { MAX_LINE_BYTES, readLines, type Encoding, type Line } from './lines.ts';

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

/** A line whose bytes are not valid in the encoding the file is read in (UTF-8 unless told). */
const invalidBytes = (encoding: Encoding): string => {
  const name = encoding === 'utf-8' ? 'UTF-8' : 'GB18030';
  return `invalid ${name} byte sequence / 非法的 ${name} 编码`;
};
const GB18030 =
  'the file is not UTF-8: it reads as GB18030/GBK, as Excel saves CSV on Chinese Windows. Import it with --encoding gb18030, or save it again as "CSV UTF-8"; nothing is imported / 文件不是 UTF-8 编码，看来是 GB18030/GBK（中文 Windows 上 Excel 的默认编码）：请加 --encoding gb18030 导入，或另存为“CSV UTF-8”；未导入任何数据';

/**
 * A file in GB18030 read as UTF-8 would give columns and values of "���": the whole file is in
 * the wrong encoding, not one row, so the import stops at the first such line and says which
 * encoding it is in.
 */
function checkEncoding(path: string, line: Line): void {
  if (line.gb18030) throw new FileFormatError(path, line.number, GB18030);
}
const TOO_LONG = 'line longer than 1 MB / 行过长';
const NOT_AN_OBJECT = 'not a JSON object / 不是 JSON 对象';

/**
 * The file cannot be read as records: an unclosed quote, a header that cannot be read. Nothing
 * after the fault can be trusted (an open quote swallows every later line), so the whole import
 * stops instead of rejecting one row.
 */
export class FileFormatError extends Error {
  constructor(readonly file: string, readonly line: number, reason: string) {
    super(`${file}: line ${line}: ${reason}`);
    this.name = 'FileFormatError';
  }
}

const UNCLOSED_AT_END =
  'unclosed quote: the quoted field that starts on this line is not closed before the end of the file; nothing is imported / 引号未闭合：从该行开始的引号字段到文件末尾仍未闭合，未导入任何数据';
const UNCLOSED_TOO_LONG =
  `unclosed quote? the quoted field that starts on this line runs past 1 MB (${MAX_LINE_BYTES.toLocaleString('en-US')} bytes, the most a record may hold); nothing is imported / 引号未闭合？从该行开始的引号字段超过 1 MB（一条记录的上限），未导入任何数据`;

/**
 * CSV records. A quoted field may span lines, but the record holding it may not grow past
 * MAX_LINE_BYTES: without a bound one stray quote near the top of a large file made the reader
 * hold the rest of the file in one string (3.2 GB of memory for a 600 MB file).
 */
async function* csvRecords(path: string, source: string | AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<RawRecord> {
  let header: string[] | null = null;
  let state = newRecordState();
  let startLine = 0;
  let recordBytes = 0;
  let breakBefore: '\n' | '\r' = '\n';
  let problems: string[] = [];
  for await (const line of readLines(source, encoding)) {
    checkEncoding(path, line);
    if (!state.quoted) {
      if (line.text === '') continue;
      startLine = line.number;
      recordBytes = 0;
      problems = [];
    }
    if (!line.validUtf8) problems.push(`line ${line.number}: ${invalidBytes(encoding)}`);
    if (line.tooLong) problems.push(`line ${line.number}: ${TOO_LONG}`);
    const text = header === null && line.number === 1 ? line.text.replace(/^\uFEFF/, '') : line.text;
    const complete = parseCsvLine(text, state, line.number, breakBefore);
    breakBefore = line.end === '\r' ? '\r' : '\n';
    recordBytes += line.bytes + line.end.length;
    if (!complete) {
      if (recordBytes > MAX_LINE_BYTES) throw new FileFormatError(path, state.quoteLine, UNCLOSED_TOO_LONG);
      continue;
    }
    const fields = state.fields;
    state = newRecordState();
    if (!header) {
      // The header is not a record: its problems would otherwise be lost with it.
      if (problems.length > 0) throw new FileFormatError(path, startLine, `the header cannot be read: ${problems.join('; ')} / 表头无法读取`);
      header = fields.map((h) => h.trim());
      continue;
    }
    if (fields.length !== header.length) problems.push(`${fields.length} fields where the header has ${header.length} / 字段数与表头不符`);
    const cells: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i += 1) cells[header[i]!] = fields[i];
    yield { line: startLine, cells, problems };
  }
  if (state.quoted) throw new FileFormatError(path, state.quoteLine, UNCLOSED_AT_END);
}

async function* jsonLinesRecords(path: string, source: string | AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<RawRecord> {
  for await (const line of readLines(source, encoding)) {
    checkEncoding(path, line);
    if (line.text.trim() === '') continue;
    const problems: string[] = [];
    if (!line.validUtf8) problems.push(invalidBytes(encoding));
    if (line.tooLong) problems.push(TOO_LONG);
    let cells: Record<string, unknown> = {};
    try {
      const value: unknown = JSON.parse(line.text);
      if (value && typeof value === 'object' && !Array.isArray(value)) cells = value as Record<string, unknown>;
      else problems.push(NOT_AN_OBJECT);
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
async function* jsonArrayRecords(path: string, source: string | AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<RawRecord> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let buffer = '';
  let startLine = 0;
  let bad = false;
  let seenArray = false;
  // The line where an element that is not an object (5, "text", null, [..]) started, until its end.
  let strayLine: number | null = null;
  for await (const line of readLines(source, encoding)) {
    checkEncoding(path, line);
    const text = `${line.text}\n`;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i]!;
      if (depth === 1 && seenArray && !inString) {
        // An element of the array that is not an object is a rejected row, as a JSON line that is not
        // one: skipping it would import the file without one of its rows and without a word.
        if (ch === ',' || ch === ']') {
          if (strayLine !== null) yield { line: strayLine, cells: {}, problems: [NOT_AN_OBJECT] };
          strayLine = null;
        } else if (strayLine === null && ch !== '{' && !/\s/.test(ch)) strayLine = line.number;
      }
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
          const problems: string[] = bad ? [invalidBytes(encoding)] : [];
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

/**
 * `source`: the file's bytes as a stream instead of reading `path` (tests generate large inputs so).
 * `encoding`: how the bytes are decoded (the import CLI's --encoding).
 */
export function readRecords(path: string, source: string | AsyncIterable<Buffer> = path, encoding: Encoding = 'utf-8'): AsyncGenerator<RawRecord> {
  const format = formatOf(path);
  if (format === 'csv') return csvRecords(path, source, encoding);
  if (format === 'jsonl') return jsonLinesRecords(path, source, encoding);
  if (format === 'json') return jsonArrayRecords(path, source, encoding);
  throw new Error(`${path}: unknown file type; use .csv, .jsonl or .json`);
}
