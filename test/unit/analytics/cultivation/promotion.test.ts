/** Promotion candidates' parts by hand: training rows without look-ahead, the fallback, the backtest metrics, the features. */
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { constraint } from '../../../../src/analytics/bridging/constraint.ts';
import { precisionAt, rocAuc } from '../../../../src/analytics/cultivation/backtest.ts';
import { activityFeatures, csrConstraint, type ParticipationArrays } from '../../../../src/analytics/cultivation/features.ts';
import { packHistories } from '../../../../src/analytics/cultivation/histories.ts';
import { percentiles, promotedIn, residentsAt, scoreCandidates, trainingRows } from '../../../../src/analytics/cultivation/promotion.ts';
import { toCSR } from '../../../../src/analytics/graph-utils/csr.ts';

const DAY = 86_400_000;
const ORDER = { stages: ['UNIDENTIFIED', 'GOOD_PERSON', 'CAPABLE_PERSON', 'GROUP_LEADER'], path: 4 };
const h = packHistories([
  // promoted from GOOD_PERSON at day 100
  { id: 'up', createdAt: 0, endedAt: null, initial: 0, changes: [{ to: 1, at: 10 * DAY }, { to: 2, at: 100 * DAY }] },
  // stepped back at day 80: a good person at no cut-off
  { id: 'back', createdAt: 0, endedAt: null, initial: 0, changes: [{ to: 1, at: 20 * DAY }, { to: 0, at: 80 * DAY }] },
  // still a good person
  { id: 'stay', createdAt: 0, endedAt: null, initial: 0, changes: [{ to: 1, at: 30 * DAY }] },
  // promoted after the cut-off: a negative at the cut-off, its window ending at the cut-off
  { id: 'late', createdAt: 0, endedAt: null, initial: 0, changes: [{ to: 1, at: 40 * DAY }, { to: 2, at: 300 * DAY }] },
  { id: 'never', createdAt: 0, endedAt: null, initial: 0, changes: [] },
], ORDER);

describe('training rows', () => {
  it('are person-periods: everyone at the stage at each yearly cut-off, labelled by a move up within the year after it', () => {
    // Cut-off 250 days, horizon 100 days, first record at day 0: cuts at days 150 and 50.
    const t = trainingRows(h, ORDER, 1, 250 * DAY, 100 * DAY, 0);
    const rows = t.residents.map((i, k) => `${h.ids[i]}@${t.ends[k]! / DAY}:${t.labels[k]}`);
    // Day 150: stay and late are good people; late moves up at 300, after the year [150, 250): 0.
    // Day 50: up (moves up at 100, inside [50, 150)), back (steps back at 80: not a move up), stay, late.
    expect(rows).toEqual(['stay@150:0', 'late@150:0', 'up@50:1', 'back@50:0', 'stay@50:0', 'late@50:0']);
    expect(t.promotions).toBe(1);
  });

  it('never read past the cut-off, and stop at the first record', () => {
    // Cut-off 200: the cut at day 100 labels by [100, 200) — up's move at day 100 counts there, not
    // a later one; late's move at 300 is after the cut-off and is never a label.
    const t = trainingRows(h, ORDER, 1, 200 * DAY, 100 * DAY, 0);
    expect(t.ends.every((e) => e === 100 * DAY)).toBe(true);
    expect(t.residents.map((i, k) => `${h.ids[i]}:${t.labels[k]}`)).toEqual(['up:1', 'stay:0', 'late:0']);
    // First record at day 120: no cut-off after it with a year before the cut-off, so no rows.
    expect(trainingRows(h, ORDER, 1, 200 * DAY, 100 * DAY, 120 * DAY).residents).toEqual([]);
  });

  it('find who is at the stage and who moved up in a window', () => {
    const at = residentsAt(h, 1, 200 * DAY);
    expect(at.map((i) => h.ids[i])).toEqual(['stay', 'late']);
    expect([...promotedIn(h, ORDER, at, 1, 200 * DAY, 365 * DAY)]).toEqual([0, 1]);
  });
});

describe('scores', () => {
  it('fall back to mean percentiles under 20 promotions, constraint reversed', () => {
    const rows = [Float64Array.of(1, 0.9), Float64Array.of(3, 0.1), Float64Array.of(2, 0.5)];
    const s = scoreCandidates({ rows: [], labels: [], promotions: 3 }, rows, [false, true]);
    expect(s.method).toBe('PERCENTILE_FALLBACK');
    // Percentiles: first column 1/3, 1, 2/3; second reversed 1/3, 1, 2/3.
    expect([...s.scores]).toEqual([1 / 3, 1, 2 / 3].map((x) => x));
    expect([...percentiles([5, 5, 1])]).toEqual([2.5 / 3, 2.5 / 3, 1 / 3]);
  });

  it('precision@k and AUC by hand', () => {
    const scores = [0.9, 0.8, 0.7, 0.6, 0.5];
    const labels = [1, 0, 1, 0, 0];
    expect(precisionAt(scores, labels, 2)).toBe(0.5);
    expect(precisionAt(scores, labels, 10)).toBe(0.4);
    // Pairs (positive above negative): 0.9 beats 3, 0.7 beats 2 of the 3 negatives: 5 of 6.
    expect(rocAuc(scores, labels)).toBeCloseTo(5 / 6, 12);
    expect(rocAuc([1, 1], [1, 0])).toBe(0.5);
    expect(rocAuc([1, 2], [0, 0])).toBeNull();
  });
});

describe('features', () => {
  it('count participation inside [a, b) only', () => {
    const p: ParticipationArrays = {
      ids: ['x'],
      attended: { offsets: Int32Array.of(0, 4), at: Float64Array.of(1, 2, 3, 50), role: Int8Array.of(0, 2, 2, 2) },
      memberships: { offsets: Int32Array.of(0, 2), since: Float64Array.of(0, 60), until: Float64Array.of(Number.NaN, 70), role: Int8Array.of(2, 0) },
      claims: { offsets: Int32Array.of(0, 1), at: Float64Array.of(5) },
      given: { offsets: Int32Array.of(0, 2), at: Float64Array.of(4, 40), hours: Float64Array.of(2, 3) },
      received: { offsets: Int32Array.of(0, 1), at: Float64Array.of(9), hours: Float64Array.of(1.5) },
    };
    const out = new Float64Array(8);
    activityFeatures(p, 0, 0, 10, out);
    expect([...out]).toEqual([1, 0, 2, 1, 1, 1, 2, 1.5]);
  });

  it('Burt constraint on CSR equals the bridging module\'s on the same graph', () => {
    const g = new UndirectedGraph();
    for (const n of ['a', 'b', 'c', 'd', 'e']) g.addNode(n);
    for (const [u, v, w] of [['a', 'b', 1], ['a', 'c', 2], ['b', 'c', 1], ['c', 'd', 3], ['d', 'e', 1]] as const) g.addEdge(u, v, { weight: w });
    g.addNode('lonely');
    const reference = constraint(g);
    const values = csrConstraint(toCSR(g));
    g.nodes().forEach((node, i) => {
      const expected = reference[node]!.constraint;
      if (expected === null) expect(values[i]).toBe(1);
      else expect(values[i]).toBeCloseTo(expected, 12);
    });
  });
});
