/**
 * Splits a byte stream into physical lines and decodes each strictly (UTF-8 unless the file is
 * declared GB18030), so that an invalid byte sequence is reported with its line number instead of
 * silently becoming U+FFFD somewhere.
 *
 * A line ends at "\n", "\r\n" or a lone "\r", as in RFC 4180 readers such as Python's csv module:
 * spreadsheet programs on old Macs (and some Excel exports) separate lines with "\r" only, and
 * splitting on "\n" alone read such a file as one line — a header and no rows.
 */
import { createReadStream } from 'node:fs';

/** How a line ended: the last line of a file may end without a break. */
export type LineBreak = '\n' | '\r\n' | '\r' | '';

export interface Line {
  number: number;
  text: string;
  /** False when the line's bytes are not valid in the file's encoding (text then holds a lossy decoding). */
  validUtf8: boolean;
  /** Set on a line that is not UTF-8 but is valid GB18030 (the encoding Excel saves on Chinese Windows). */
  gb18030?: boolean;
  end: LineBreak;
  /** The line's length in bytes, without its break (at most MAX_LINE_BYTES + 1 for a line cut off). */
  bytes: number;
}

/**
 * Longest physical line accepted, and the most a CSV record may hold (readers.ts): longer lines
 * are cut off and flagged, so memory stays bounded whatever the file.
 */
export const MAX_LINE_BYTES = 1_000_000;

const CR = 13;
const LF = 10;
const EMPTY = Buffer.alloc(0);

/**
 * The encodings a dataset file may be read in: UTF-8, or GB18030 (a superset of GBK and GB2312)
 * when asked for. Splitting lines on bytes is safe in both: no byte of a multi-byte GB18030
 * character is CR or LF.
 */
export const ENCODINGS = ['utf-8', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const decoders = (encoding: Encoding) => ({ strict: new TextDecoder(encoding, { fatal: true }), lossy: new TextDecoder(encoding) });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

function isGb18030(bytes: Uint8Array): boolean {
  try {
    gb18030.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decode(d: ReturnType<typeof decoders>, encoding: Encoding, bytes: Uint8Array, number: number, end: LineBreak, length: number): Line {
  try {
    return { number, text: d.strict.decode(bytes), validUtf8: true, end, bytes: length };
  } catch {
    // Only for lines that fail: a GBK file is named as such instead of read as "���".
    const gb = encoding === 'utf-8' && isGb18030(bytes) ? { gb18030: true } : {};
    return { number, text: d.lossy.decode(bytes), validUtf8: false, end, bytes: length, ...gb };
  }
}

/** The lines of a file, or of a stream of its bytes (tests feed generated data without a file). */
export async function* readLines(source: string | AsyncIterable<Buffer>, encoding: Encoding = 'utf-8'): AsyncGenerator<Line & { tooLong?: boolean }> {
  const d = decoders(encoding);
  const chunks = typeof source === 'string' ? (createReadStream(source) as AsyncIterable<Buffer>) : source;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let number = 0;
  // A "\r" that ended the previous chunk: a "\n" opening this one belongs to the same break.
  let crAtChunkEnd = false;
  const line = (piece: Buffer, end: LineBreak): Line & { tooLong?: boolean } => {
    const bytes = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
    number += 1;
    const cut = tooLong || bytes.length > MAX_LINE_BYTES;
    pending = [];
    pendingBytes = 0;
    tooLong = false;
    const kept = bytes.subarray(0, Math.min(bytes.length, MAX_LINE_BYTES));
    return { ...decode(d, encoding, kept, number, end, cut ? MAX_LINE_BYTES + 1 : bytes.length), ...(cut ? { tooLong: true } : {}) };
  };
  for await (const chunk of chunks) {
    let start = 0;
    if (crAtChunkEnd) {
      crAtChunkEnd = false;
      const crlf = chunk[0] === LF;
      yield line(EMPTY, crlf ? '\r\n' : '\r');
      if (crlf) start = 1;
    }
    // Both searches are native; each is repeated only once its hit has been passed.
    let cr = chunk.indexOf(CR, start);
    let lf = chunk.indexOf(LF, start);
    while (cr !== -1 || lf !== -1) {
      const atLf = lf !== -1 && (cr === -1 || lf < cr);
      const stop = atLf ? lf : cr;
      if (!atLf && stop === chunk.length - 1) {
        // Whether a "\n" follows is known with the next chunk.
        crAtChunkEnd = true;
        break;
      }
      const crlf = !atLf && chunk[stop + 1] === LF;
      yield line(chunk.subarray(start, stop), atLf ? '\n' : crlf ? '\r\n' : '\r');
      start = crlf ? stop + 2 : stop + 1;
      if (cr !== -1 && cr < start) cr = chunk.indexOf(CR, start);
      if (lf !== -1 && lf < start) lf = chunk.indexOf(LF, start);
    }
    const rest = chunk.subarray(start, crAtChunkEnd ? chunk.length - 1 : chunk.length);
    if (pendingBytes + rest.length > MAX_LINE_BYTES) {
      tooLong = true;
    } else if (rest.length > 0) {
      pending.push(Buffer.from(rest));
      pendingBytes += rest.length;
    }
  }
  if (crAtChunkEnd) yield line(EMPTY, '\r');
  else if (pendingBytes > 0 || tooLong) yield line(EMPTY, '');
}
