import { describe, expect, it } from 'vitest';
import { groupTimeline, stepValuesAt } from '../../../src/analytics/timeline/group-timeline.ts';
import { Series } from '../../../web/src/groups.ts';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
}

describe('Series (the page reading the collapsed timeline)', () => {
  it('reads every series at any instant as the sum of its deltas up to then, and finds the peak of their sum', () => {
    const next = prng(5);
    const day = (max: number) => Math.floor(next() * max);
    const residents = Array.from({ length: 400 }, () => {
      const start = next() < 0.2 ? null : day(500);
      return { start, end: next() < 0.5 ? null : (start ?? 0) + day(400), group: `g${day(7)}` };
    });
    const a = Array.from({ length: 2000 }, () => day(400));
    const b = a.map((x) => (x + 1 + day(399)) % 400);
    const spans = a.flatMap(() => {
      const lo = next() < 0.2 ? null : day(800);
      return [lo, next() < 0.3 ? null : (lo ?? 0) + day(200)];
    });
    const steps = groupTimeline(residents, { a, b, spanCounts: a.map(() => 1), spans });
    for (const fn of [steps.residents, steps.inside, steps.between.ties]) {
      const series = new Series(fn);
      expect(series.length).toBe(fn.counts.length);
      for (const t of [-1e9, 0, 0.5, 17, 250, 399.5, 400, 799, 1e9]) {
        const expected = stepValuesAt(fn, t);
        expect(expected.map((_, k) => series.at(k, t)), `t = ${t}`).toEqual(expected);
      }
    }
    // The peak of the residents present: the largest total at any change time.
    const totals = [-Infinity, ...steps.residents.times.filter((v): v is number => v !== null)].map((t) => stepValuesAt(steps.residents, t).reduce((s, v) => s + v, 0));
    expect(new Series(steps.residents).peakOfSum()).toBe(Math.max(...totals));
    expect(Math.max(...totals)).toBeGreaterThan(100);
  });

  it('takes changes at one instant together: a resident leaving as another arrives is no peak', () => {
    const series = new Series({ counts: [2, 2], times: [null, 10, null, 10], deltas: [1, -1, 1, 1] });
    expect(series.peakOfSum()).toBe(2);
    expect([series.at(0, 9), series.at(0, 10), series.at(1, 10)]).toEqual([1, 0, 2]);
  });
});
