/** RFC 4180 quoting for one CSV line. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((c) => (/[",\r\n]/.test(c) || /^\s|\s$/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\n`;
}

export interface CsvRecordState {
  fields: string[];
  field: string;
  /** Inside a quoted field that continues on the next line. */
  quoted: boolean;
  /** The line where the open quoted field began, so that an unclosed quote is reported where it is. */
  quoteLine: number;
}

export function newRecordState(): CsvRecordState {
  return { fields: [], field: '', quoted: false, quoteLine: 0 };
}

/**
 * Parses one physical line into fields (RFC 4180: quotes double to escape, a quoted field may span
 * lines). Returns true when the record is complete; false when a quoted field goes on, in which
 * case the caller passes the next line with the same state. `number` is the line's number;
 * `breakBefore` the break that ended the previous line, which a quoted field spanning it keeps:
 * "\r" for a lone "\r", else "\n" ("\r\n" is read as "\n").
 */
export function parseCsvLine(line: string, state: CsvRecordState, number = 0, breakBefore: '\n' | '\r' = '\n'): boolean {
  let i = 0;
  const n = line.length;
  if (state.quoted) state.field += breakBefore;
  while (i <= n) {
    if (state.quoted) {
      const q = line.indexOf('"', i);
      if (q === -1) {
        state.field += line.slice(i);
        return false;
      }
      state.field += line.slice(i, q);
      if (line.charCodeAt(q + 1) === 34) {
        state.field += '"';
        i = q + 2;
      } else {
        state.quoted = false;
        i = q + 1;
      }
      continue;
    }
    if (line.charCodeAt(i) === 34 && state.field === '') {
      state.quoted = true;
      state.quoteLine = number;
      i += 1;
      continue;
    }
    // Outside quotes a '"' is an ordinary character (lenient, like most spreadsheet exports).
    const comma = line.indexOf(',', i);
    const end = comma === -1 ? n : comma;
    state.field += line.slice(i, end);
    state.fields.push(state.field);
    state.field = '';
    if (comma === -1) return true;
    i = comma + 1;
    if (i === n) {
      state.fields.push('');
      return true;
    }
  }
  return true;
}
