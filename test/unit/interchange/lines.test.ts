import { describe, expect, it } from 'vitest';
import { readLines } from '../../../src/interchange/lines.ts';

async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield Buffer.from(p);
}

const lines = async (...parts: string[]) => {
  const out = [];
  for await (const l of readLines(chunks(...parts))) out.push([l.number, l.text, l.end]);
  return out;
};

describe('readLines', () => {
  it('ends a line at LF, CRLF or a lone CR', async () => {
    expect(await lines('a\nb\r\nc\rd')).toEqual([[1, 'a', '\n'], [2, 'b', '\r\n'], [3, 'c', '\r'], [4, 'd', '']]);
  });

  it('reads a CRLF split between two chunks as one break, and a lone CR at a chunk end as a break', async () => {
    expect(await lines('a\r', '\nb\r', 'c\r', '\r', '\n')).toEqual([[1, 'a', '\r\n'], [2, 'b', '\r'], [3, 'c', '\r'], [4, '', '\r\n']]);
    expect(await lines('a\r')).toEqual([[1, 'a', '\r']]);
  });

  it('keeps empty lines between breaks, so line numbers match an editor\'s', async () => {
    expect(await lines('a\r\rb\n\nc\r\n\r\n')).toEqual([[1, 'a', '\r'], [2, '', '\r'], [3, 'b', '\n'], [4, '', '\n'], [5, 'c', '\r\n'], [6, '', '\r\n']]);
  });

  it('counts a line\'s bytes without its break', async () => {
    const out = [];
    for await (const l of readLines(chunks('居民\r\nab'))) out.push(l.bytes);
    expect(out).toEqual([6, 2]);
  });
});
