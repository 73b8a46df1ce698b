/**
 * One stray quote near the top of a large CSV file: the reader stops once the quoted field passes
 * the record limit, instead of holding the rest of the file in one string (it used to reach 3.2 GB
 * of memory on a 600 MB file). The input is generated as it is read, so no large file is written.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES } from '../../../src/interchange/lines.ts';
import { FileFormatError, readRecords } from '../../../src/interchange/readers.ts';

const TOTAL = 200 * 1024 * 1024;
// About 64 KiB of whole rows, given again and again.
const ROWS = Buffer.from('r1,c1,居民\n'.repeat(4681));

describe('CSV reader memory on an unclosed quote', () => {
  it('stops within the record limit of a 200 MB stream whose line 2 opens a quote, naming line 2, with RSS growth under 100 MB', async () => {
    let given = 0;
    let peakRss = 0;
    const baseline = process.memoryUsage().rss;
    async function* file(): AsyncGenerator<Buffer> {
      const head = Buffer.from('id,communityId,displayName\nr0,c1,"never closed\n');
      given += head.length;
      yield head;
      while (given < TOTAL) {
        given += ROWS.length;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        yield ROWS;
      }
    }
    let error: unknown = null;
    try {
      for await (const record of readRecords('Resident.csv', file())) expect.unreachable(`no record should be read, got line ${record.line}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileFormatError);
    expect(error).toMatchObject({ file: 'Resident.csv', line: 2 });
    expect((error as Error).message).toMatch(/^Resident\.csv: line 2: unclosed quote\? .*runs past 1 MB.* \/ 引号未闭合/);
    // Read no further than the limit and the chunk that crossed it.
    expect(given).toBeLessThanOrEqual(MAX_LINE_BYTES + 2 * ROWS.length);
    expect((peakRss - baseline) / 2 ** 20).toBeLessThan(100);
  });
});
