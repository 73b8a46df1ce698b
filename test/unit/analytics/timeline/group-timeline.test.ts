/**
 * groupTimeline against the brute force: the dashboard's collapse (web/src/collapse.ts) of the
 * network filtered at an instant, by the timeline's rule (resident present when start ≤ t < end, tie
 * in force when both are present and t is in one of its spans), on generated networks whose
 * lifetimes and spans are random — open bounds, overlapping and touching spans, residents without a
 * group — at many instants, the change points themselves among them.
 */
import { describe, expect, it } from 'vitest';
import { groupTimeline, stepValuesAt, type GroupedResident, type TieColumns } from '../../../../src/analytics/timeline/group-timeline.ts';
import { collapse } from '../../../../web/src/collapse.ts';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
}

interface Network {
  residents: GroupedResident[];
  ties: TieColumns & { spans: (number | null)[] };
}

function generate(seed: number, n: number, m: number, groups: number): Network {
  const next = prng(seed);
  const day = (max = 1000) => Math.floor(next() * max);
  const residents: GroupedResident[] = Array.from({ length: n }, () => {
    const start = next() < 0.2 ? null : day(600);
    const end = next() < 0.5 ? null : (start ?? 0) + day(500) - 50;
    return { start, end, group: next() < 0.05 ? null : `g${day(groups)}` };
  });
  const a: number[] = [];
  const b: number[] = [];
  const spanCounts: number[] = [];
  const spans: (number | null)[] = [];
  for (let k = 0; k < m; k += 1) {
    const i = day(n);
    let j = day(n);
    if (j === i) j = (i + 1) % n;
    a.push(i);
    b.push(j);
    const count = 1 + Math.floor(next() * next() * 4);
    spanCounts.push(count);
    for (let s = 0; s < count; s += 1) {
      const lo = next() < 0.15 ? null : day();
      const hi = next() < 0.3 ? null : (lo ?? 0) + day(300);
      spans.push(lo, hi);
    }
  }
  return { residents, ties: { a, b, spanCounts, spans } };
}

/** The network as of t, as the dashboard's Timeline.at filters it. */
function at(net: Network, t: number): { residents: number[]; ties: number[] } {
  const present = net.residents.map((r) => (r.start === null || r.start <= t) && (r.end === null || r.end > t));
  const ties: number[] = [];
  let first = 0;
  for (let k = 0; k < net.ties.a.length; k += 1) {
    const count = net.ties.spanCounts[k]!;
    let holds = false;
    for (let s = 0; s < count; s += 1) {
      const lo = net.ties.spans[first + 2 * s]!;
      const hi = net.ties.spans[first + 2 * s + 1]!;
      if ((lo === null || lo <= t) && (hi === null || hi > t)) holds = true;
    }
    first += 2 * count;
    if (holds && present[net.ties.a[k]!] && present[net.ties.b[k]!]) ties.push(k);
  }
  return { residents: present.flatMap((p, i) => (p ? [i] : [])), ties };
}

/** What the brute force and the step functions say at t, keyed by group name, zeros left out. */
function both(net: Network, result: ReturnType<typeof groupTimeline>, t: number) {
  const shown = at(net, t);
  const brute = collapse({ groupOf: (i) => net.residents[i]!.group, residents: shown.residents, a: net.ties.a, b: net.ties.b, ties: shown.ties });
  const pairKey = (x: string, y: string) => [x, y].sort().join('|');
  const expected = {
    residents: Object.fromEntries(brute.groups.map((g) => [g.key, g.residents])),
    between: Object.fromEntries(brute.edges.map((e) => [pairKey(brute.groups[e.source]!.key, brute.groups[e.target]!.key), e.ties])),
    inside: brute.inside,
  };
  const nonZero = (entries: [string, number][]) => Object.fromEntries(entries.filter(([, v]) => v !== 0));
  const between = stepValuesAt(result.between.ties, t);
  const actual = {
    residents: nonZero(stepValuesAt(result.residents, t).map((v, g) => [result.groups[g]!, v])),
    between: nonZero(between.map((v, k) => [pairKey(result.groups[result.between.a[k]!]!, result.groups[result.between.b[k]!]!), v])),
    inside: stepValuesAt(result.inside, t).reduce((s, v) => s + v, 0),
  };
  return { expected, actual, ties: shown.ties.length };
}

describe('groupTimeline', () => {
  it('equals the collapse of the network filtered at every instant tried, on generated networks', () => {
    for (const seed of [1, 2, 3]) {
      const net = generate(seed, 300, 3000, 12);
      const result = groupTimeline(net.residents, net.ties);
      // Every change point, a moment before it, and instants in between and outside the range.
      const changeTimes = [...result.residents.times, ...result.between.ties.times, ...result.inside.times].filter((v): v is number => v !== null);
      const instants = [...new Set([-10_000, 10_000, ...changeTimes.filter((_, i) => i % 7 === 0).flatMap((v) => [v, v - 0.5]), ...Array.from({ length: 40 }, (_, i) => i * 37.3 - 100)])];
      expect(instants.length).toBeGreaterThan(200);
      const sizes = new Set<number>();
      for (const t of instants) {
        const { expected, actual, ties } = both(net, result, t);
        expect(actual, `seed ${seed}, t = ${t}`).toEqual(expected);
        sizes.add(ties);
      }
      // The instants saw the network at many different sizes: the comparison is not of empty maps.
      expect(sizes.size).toBeGreaterThan(50);
    }
  });

  it('sends each series as ascending, distinct change points with no zero delta, null (from the beginning) first', () => {
    const net = generate(9, 200, 2000, 6);
    const result = groupTimeline(net.residents, net.ties);
    for (const fn of [result.residents, result.inside, result.between.ties]) {
      let at = 0;
      for (const count of fn.counts) {
        const times = fn.times.slice(at, at + count).map((v) => (v === null ? -Infinity : v));
        expect(times.every((v, i) => i === 0 || v > times[i - 1]!)).toBe(true);
        expect(fn.deltas.slice(at, at + count).every((d) => d !== 0)).toBe(true);
        at += count;
      }
      expect(at).toBe(fn.times.length);
    }
    expect(result.between.a.every((x, k) => x < result.between.b[k]!)).toBe(true);
    expect(result.groups.at(-1)).toBe('?');
  });

  it('counts a tie once where two of its spans overlap, and only while both residents are present', () => {
    const residents: GroupedResident[] = [{ start: 0, end: 100, group: 'A' }, { start: 50, end: null, group: 'B' }, { start: null, end: null, group: 'A' }];
    const ties = { a: [0, 0], b: [1, 2], spanCounts: [2, 1], spans: [10, 80, 60, 200, null, 30] };
    const result = groupTimeline(residents, ties);
    expect(result.groups).toEqual(['A', 'B']);
    expect(result.between).toEqual({ a: [0], b: [1], ties: { counts: [2], times: [50, 100], deltas: [1, -1] } });
    expect(result.inside).toEqual({ counts: [2, 0], times: [0, 30], deltas: [1, -1] });
    expect(result.residents).toEqual({ counts: [3, 1], times: [null, 0, 100, 50], deltas: [1, 1, -1, 1] });
  });

  it('throws, naming the module, on columns that do not fit together', () => {
    expect(() => groupTimeline([{ start: null, end: null, group: 'A' }], { a: [0], b: [], spanCounts: [1], spans: [null, null] })).toThrow(/groupTimeline/);
    expect(() => groupTimeline([{ start: null, end: null, group: 'A' }], { a: [0], b: [3], spanCounts: [1], spans: [null, null] })).toThrow(/groupTimeline: tie 0/);
  });
});
