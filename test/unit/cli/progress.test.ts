import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progress } from '../../../src/cli/progress.ts';

/** A non-terminal stream (a log): plain lines, at most one every five seconds. */
function logStream() {
  const lines: string[] = [];
  const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
  return { lines, stream };
}

describe('CLI progress', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['performance'] }));
  afterEach(() => vi.useRealTimers());

  it('shows no rate for rows that were done before the first report', () => {
    const { lines, stream } = logStream();
    const bar = progress(stream);
    vi.advanceTimersByTime(6000);
    bar.update('writing Resident.csv', 5000, 72_000);
    expect(lines).toEqual(['writing Resident.csv: 5,000/72,000 rows\n']);
  });

  it('counts the rate from the first report on', () => {
    const { lines, stream } = logStream();
    const bar = progress(stream);
    vi.advanceTimersByTime(6000);
    bar.update('writing Resident.csv', 5000, 72_000);
    vi.advanceTimersByTime(5000);
    bar.update('writing Resident.csv', 40_000, 72_000);
    expect(lines[1]).toBe('writing Resident.csv: 40,000/72,000 rows · 7,000 rows/s\n');
    vi.advanceTimersByTime(5000);
    bar.finish('writing Resident.csv', 72_000);
    expect(lines[2]).toBe('writing Resident.csv: 72,000 rows in 10.0 s · 6,700 rows/s\n');
  });

  it('does not time a file that finished before its first report', () => {
    const { lines, stream } = logStream();
    const bar = progress(stream);
    bar.update('checking Resident.csv', 2000, null);
    vi.advanceTimersByTime(3000);
    bar.finish('checking Partner.csv', 56);
    expect(lines.at(-1)).toBe('checking Partner.csv: 56 rows\n');
  });

  it('says "1 row" for a file of one row', () => {
    const { lines, stream } = logStream();
    const bar = progress(stream);
    vi.advanceTimersByTime(6000);
    bar.update('checking Community.csv', 1, null);
    bar.finish('checking Community.csv', 1);
    expect(lines).toEqual(['checking Community.csv: 1 row\n', 'checking Community.csv: 1 row in 0.0 s\n']);
  });
});
