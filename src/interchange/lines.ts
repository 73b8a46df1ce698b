/**
 * Splits a byte stream into physical lines and decodes each as strict UTF-8, so that an invalid
 * byte sequence is reported with its line number instead of silently becoming U+FFFD somewhere.
 */
import { createReadStream } from 'node:fs';

export interface Line {
  number: number;
  text: string;
  /** False when the line's bytes are not valid UTF-8 (text then holds a lossy decoding). */
  validUtf8: boolean;
}

/** Longest physical line accepted; longer ones are cut off and flagged, so memory stays bounded. */
export const MAX_LINE_BYTES = 1_000_000;

const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

function decode(bytes: Uint8Array, number: number): Line {
  try {
    return { number, text: strict.decode(bytes), validUtf8: true };
  } catch {
    return { number, text: lossy.decode(bytes), validUtf8: false };
  }
}

export async function* readLines(path: string): AsyncGenerator<Line & { tooLong?: boolean }> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let number = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let i = chunk.indexOf(10, start); i !== -1; i = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, i);
      const bytes = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
      number += 1;
      const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
      yield { ...decode(bytes.subarray(0, Math.min(end, MAX_LINE_BYTES)), number), ...(tooLong || end > MAX_LINE_BYTES ? { tooLong: true } : {}) };
      pending = [];
      pendingBytes = 0;
      tooLong = false;
      start = i + 1;
    }
    const rest = chunk.subarray(start);
    if (pendingBytes + rest.length > MAX_LINE_BYTES) {
      tooLong = true;
    } else if (rest.length > 0) {
      pending.push(Buffer.from(rest));
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0 || tooLong) {
    number += 1;
    const bytes = Buffer.concat(pending);
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
    yield { ...decode(bytes.subarray(0, end), number), ...(tooLong ? { tooLong: true } : {}) };
  }
}
