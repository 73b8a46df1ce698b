/**
 * Reads a request body up to a limit. A body announced larger (content-length) is refused before a
 * byte is read; one that grows past the limit while streaming is refused as soon as it does. Either
 * way the caller answers 413 and the rest of the body is discarded, not read into memory, so that
 * the client gets the answer instead of a reset connection.
 */
import type { IncomingMessage } from 'node:http';

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const announced = Number(req.headers['content-length']);
    if (Number.isFinite(announced) && announced > limit) {
      req.resume();
      return reject(new BodyTooLarge(limit));
    }
    let size = 0;
    let over = false;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(new BodyTooLarge(limit));
      } else chunks.push(chunk);
    });
    req.on('end', () => { if (!over) resolve(Buffer.concat(chunks).toString('utf8')); });
    req.on('error', reject);
  });
}

export const tooLargeBody = (limit: number) => ({
  errors: [{
    message: `The request body is larger than ${limit.toLocaleString('en-US')} bytes / 请求体超过 ${limit.toLocaleString('en-US')} 字节`,
    extensions: { code: 'PAYLOAD_TOO_LARGE', limit },
  }],
});
