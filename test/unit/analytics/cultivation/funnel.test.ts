/** The funnel, Kaplan–Meier and Wilson on histories small enough to compute by hand. */
import { describe, expect, it } from 'vitest';
import { DAY_MS, stageFunnel } from '../../../../src/analytics/cultivation/funnel.ts';
import { packHistories, spellsOf, stageBefore } from '../../../../src/analytics/cultivation/histories.ts';
import { kaplanMeier } from '../../../../src/analytics/cultivation/kaplan-meier.ts';
import { wilson } from '../../../../src/analytics/cultivation/wilson.ts';

const EPOCH = Date.UTC(2024, 0, 1);
const day = (d: number) => EPOCH + d * DAY_MS;
const ORDER = { stages: ['UNIDENTIFIED', 'GOOD_PERSON', 'CAPABLE_PERSON', 'GROUP_LEADER'], path: 4 };

// r1 moves up twice in the window; r2 was a good person before it and steps back; r3 is created in it.
const histories = packHistories([
  { id: 'r1', createdAt: day(-10), endedAt: null, initial: 0, changes: [{ to: 1, at: day(10) }, { to: 2, at: day(50) }] },
  { id: 'r2', createdAt: day(-10), endedAt: null, initial: 0, changes: [{ to: 1, at: day(-5) }, { to: 0, at: day(30) }] },
  { id: 'r3', createdAt: day(20), endedAt: null, initial: 0, changes: [] },
], ORDER);
const window = { from: day(0), to: day(100) };

describe('stage histories', () => {
  it('reads the stage as of an instant, a change at that instant not yet applied', () => {
    expect(stageBefore(histories, 0, day(10))).toBe(0);
    expect(stageBefore(histories, 0, day(10) + 1)).toBe(1);
    expect(stageBefore(histories, 2, day(20))).toBe(-1);
  });

  it('cuts a history into spells, the first from its creation', () => {
    expect(spellsOf(histories, 1, ORDER)).toEqual([
      { stage: 0, start: day(-10), end: day(-5), exit: 'up' },
      { stage: 1, start: day(-5), end: day(30), exit: 'down' },
      { stage: 0, start: day(30), end: Number.NaN, exit: 'open' },
    ]);
  });
});

describe('stageFunnel', () => {
  const f = stageFunnel(histories, ORDER, window);

  it('counts each stage at the start, at the end, entered and left', () => {
    expect(f.stages).toEqual([
      { stage: 'UNIDENTIFIED', atStart: 1, atEnd: 2, entered: 1, left: 1 },
      { stage: 'GOOD_PERSON', atStart: 1, atEnd: 0, entered: 1, left: 2 },
      { stage: 'CAPABLE_PERSON', atStart: 0, atEnd: 1, entered: 1, left: 0 },
      { stage: 'GROUP_LEADER', atStart: 0, atEnd: 0, entered: 0, left: 0 },
    ]);
    expect(f.transitions).toEqual([
      { from: 'UNIDENTIFIED', to: 'GOOD_PERSON', count: 1, forward: true },
      { from: 'GOOD_PERSON', to: 'UNIDENTIFIED', count: 1, forward: false },
      { from: 'GOOD_PERSON', to: 'CAPABLE_PERSON', count: 1, forward: true },
    ]);
  });

  it('converts 1 of 3, 1 of 2 and 0 of 1, with Wilson bounds', () => {
    expect(f.conversions.map((c) => [c.eligible, c.converted])).toEqual([[3, 1], [2, 1], [1, 0]]);
    expect(f.conversions[1]!.rate).toBe(0.5);
    // 0 of 1: centre z²/2 / (1 + z²) and the same half-width, so [0, z²/(1+z²)].
    const z2 = 1.959963984540054 ** 2;
    expect(f.conversions[2]!.low).toBe(0);
    expect(f.conversions[2]!.high).toBeCloseTo(z2 / (1 + z2), 12);
  });

  it('follows the spells that began in the window: unidentified censored twice, good person up after 40 days', () => {
    const [u, g, c] = f.timeInStage;
    expect([u!.spells, u!.events, u!.censored, u!.median]).toEqual([2, 0, 2, null]);
    expect(u!.reason).toMatch(/not reached/);
    expect([g!.spells, g!.events, g!.median, g!.low, g!.high]).toEqual([1, 1, 40, 40, 40]);
    expect([c!.spells, c!.events, c!.censored]).toEqual([1, 0, 1]);
  });

  it('puts r1 in the 2024 cohort, a capable person within 365 days but not yet followed that long', () => {
    expect(f.cohorts).toEqual([{ year: 2024, size: 1, followed365: 0, followed730: 0, reached: [{ stage: 'CAPABLE_PERSON', within365: 1, within730: 1 }, { stage: 'GROUP_LEADER', within365: 0, within730: 0 }] }]);
  });

  it('gives each group its own conversions', () => {
    const g = stageFunnel(histories, ORDER, { ...window, groups: { of: Int32Array.from([0, 1, 0]), names: ['east', 'west'] } });
    expect(g.groups!.map((x) => [x.group, x.nodes, x.conversions[0]!.eligible, x.conversions[0]!.converted])).toEqual([['east', 2, 2, 1], ['west', 1, 1, 0]]);
  });

  it('throws when to is not after from', () => {
    expect(() => stageFunnel(histories, ORDER, { from: day(5), to: day(5) })).toThrow(/to must be after from/);
  });
});

describe('Kaplan–Meier and Wilson by hand', () => {
  it('S = 3/4 after the first event, 3/8 after the third: median 3', () => {
    const s = kaplanMeier([1, 2, 3, 4], [1, 0, 1, 1]);
    expect([s.spells, s.events, s.censored, s.median]).toEqual([4, 3, 1, 3]);
  });

  it('5 of 10: [0.2366, 0.7634]', () => {
    const p = wilson(5, 10);
    expect(p.low).toBeCloseTo(0.236593, 5);
    expect(p.high).toBeCloseTo(0.763407, 5);
    expect(wilson(0, 0)).toEqual({ rate: null, low: null, high: null });
  });
});
