/**
 * Splits a byte stream into physical lines and decodes each as strict UTF-8, so that an invalid
 * byte sequence is reported with its line number instead of silently becoming U+FFFD somewhere.
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
  /** False when the line's bytes are not valid UTF-8 (text then holds a lossy decoding). */
  validUtf8: boolean;
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

const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

function decode(bytes: Uint8Array, number: number, end: LineBreak, length: number): Line {
  try {
    return { number, text: strict.decode(bytes), validUtf8: true, end, bytes: length };
  } catch {
    return { number, text: lossy.decode(bytes), validUtf8: false, end, bytes: length };
  }
}

/** The lines of a file, or of a stream of its bytes (tests feed generated data without a file). */
export async function* readLines(source: string | AsyncIterable<Buffer>): AsyncGenerator<Line & { tooLong?: boolean }> {
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
    return { ...decode(kept, number, end, cut ? MAX_LINE_BYTES + 1 : bytes.length), ...(cut ? { tooLong: true } : {}) };
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
