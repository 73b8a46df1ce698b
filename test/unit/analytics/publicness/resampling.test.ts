import { describe, expect, it } from 'vitest';
import { pairedBootstrap, percentileInterval, quantile } from '../../../../src/analytics/publicness/bootstrap.ts';
import { dirichletSensitivity, flatDirichlet } from '../../../../src/analytics/publicness/dirichlet.ts';
import { permuteDates, twoSidedP } from '../../../../src/analytics/publicness/permutation.ts';
import { unitSetOf } from '../../../../src/analytics/publicness/units.ts';
import { mulberry32 } from '../../../../src/analytics/graph-utils/prng.ts';
import fixture from '../../../fixtures/reference/publicness-quantiles.json' with { type: 'json' };

type Row = { id: string; yes: boolean };
const flagged = (rows0: Row[], rows1: Row[]) => unitSetOf(rows0, rows1, { share: (r) => ({ num: r.yes ? 1 : 0, den: 1 }) });

/** n residents at both dates, each taking part with probability p at each date, independently: no change. */
function nullCase(n: number, p: number, seed: number) {
  const random = mulberry32(seed);
  const rows0: Row[] = [];
  const rows1: Row[] = [];
  for (let i = 0; i < n; i += 1) {
    rows0.push({ id: `r${i}`, yes: random() < p });
    rows1.push({ id: `r${i}`, yes: random() < p });
  }
  return flagged(rows0, rows1);
}

describe('paired bootstrap', () => {
  it('is deterministic under a seed, and another seed gives other replicates', () => {
    const set = nullCase(300, 0.4, 3);
    const a = pairedBootstrap([set], { replicates: 200, seed: 11 }).share!;
    const b = pairedBootstrap([set], { replicates: 200, seed: 11 }).share!;
    const c = pairedBootstrap([set], { replicates: 200, seed: 12 }).share!;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('covers the true change (0) in about 95 % of 200 seeded null cases', () => {
    let covered = 0;
    for (let s = 0; s < 200; s += 1) {
      const set = nullCase(200, 0.3, 1000 + s);
      const interval = percentileInterval(pairedBootstrap([set], { replicates: 200, seed: s }).share!)!;
      if (interval.lower <= 0 && 0 <= interval.upper) covered += 1;
    }
    // Binomial(200, 0.95) lies in [181, 199] with probability > 0.999; the percentile interval of a
    // mean of 0/1 changes runs slightly narrow, hence the lower bound's allowance.
    expect(covered).toBeGreaterThanOrEqual(179);
    expect(covered).toBeLessThanOrEqual(199);
  });

  it('keeps a resident’s two observations together: a change everyone made has no spread', () => {
    const rows0 = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, yes: false }));
    const rows1 = rows0.map((r) => ({ ...r, yes: true }));
    const d = pairedBootstrap([flagged(rows0, rows1)], { replicates: 100, seed: 1 }).share!;
    expect(new Set(d)).toEqual(new Set([1]));
  });

  it('keeps the numbers of residents present at one date only', () => {
    // t0: a (yes), b (no); t1: a (yes), c (yes). Each replicate draws a from the paired stratum, b
    // from the t0-only one and c from the t1-only one: Δ = (1 + 1)/2 − (1 + 0)/2 = 0.5, every time.
    const set = flagged([{ id: 'a', yes: true }, { id: 'b', yes: false }], [{ id: 'a', yes: true }, { id: 'c', yes: true }]);
    const d = pairedBootstrap([set], { replicates: 50, seed: 2 }).share!;
    expect(new Set(d)).toEqual(new Set([0.5]));
  });

  it('takes quantiles as numpy does (linear interpolation)', () => {
    fixture.q.forEach((q, i) => expect(quantile(fixture.values, q)).toBeCloseTo(fixture.quantiles[i]!, 12));
    expect(quantile([Number.NaN], 0.5)).toBeNull();
  });

  it('throws on a bad replicate count', () => {
    expect(() => pairedBootstrap([nullCase(5, 0.5, 1)], { replicates: 0, seed: 1 })).toThrow(/replicates/);
  });
});

describe('permutation test', () => {
  it('is deterministic under a seed', () => {
    const set = nullCase(100, 0.5, 9);
    expect(Array.from(permuteDates([set], { permutations: 100, seed: 4 }).permuted.share!)).toEqual(Array.from(permuteDates([set], { permutations: 100, seed: 4 }).permuted.share!));
  });

  it('finds a change everyone made significant, and gives p ≥ 1/(1 + P) never 0', () => {
    const rows0 = Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, yes: false }));
    const rows1 = rows0.map((r) => ({ ...r, yes: true }));
    const { observed, permuted } = permuteDates([flagged(rows0, rows1)], { permutations: 999, seed: 1 });
    expect(observed.share).toBe(1);
    expect(twoSidedP(observed.share!, permuted.share!)).toBe(1 / 1000);
  });

  it('gives p = 1 when every relabelling reaches the observed |Δ| (two residents, one changed)', () => {
    // Swapping r0 flips Δ's sign, swapping r1 changes nothing: |Δ*| = 0.5 always.
    const set = flagged([{ id: 'r0', yes: false }, { id: 'r1', yes: false }], [{ id: 'r0', yes: true }, { id: 'r1', yes: false }]);
    const { observed, permuted } = permuteDates([set], { permutations: 200, seed: 3 });
    expect(observed.share).toBe(0.5);
    expect(twoSidedP(observed.share!, permuted.share!)).toBe(1);
  });

  it('rejects a true null at about the 5 % rate', () => {
    let rejected = 0;
    for (let s = 0; s < 200; s += 1) {
      const { observed, permuted } = permuteDates([nullCase(150, 0.3, 5000 + s)], { permutations: 199, seed: s });
      if (twoSidedP(observed.share!, permuted.share!)! <= 0.05) rejected += 1;
    }
    expect(rejected).toBeLessThanOrEqual(22);
  });
});

describe('flat-Dirichlet weight sensitivity', () => {
  it('draws weights on the simplex', () => {
    const w = flatDirichlet(5, mulberry32(1));
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(Math.min(...w)).toBeGreaterThan(0);
  });

  it('shows no spread of the change when every component moved by the same amount', () => {
    const s = dirichletSensitivity([0.1, 0.5, 0.9], [0.2, 0.6, 1.0], { draws: 1000, seed: 1 })!;
    expect(s.delta.min).toBeCloseTo(0.1, 12);
    expect(s.delta.max).toBeCloseTo(0.1, 12);
    expect(s.risingShare).toBe(1);
    expect(s.t0.min).toBeGreaterThanOrEqual(0.1);
    expect(s.t0.max).toBeLessThanOrEqual(0.9);
  });

  it('straddles 0 when components moved in opposite directions, and is seeded', () => {
    const a = dirichletSensitivity([0.2, 0.8], [0.6, 0.4], { draws: 1000, seed: 5 })!;
    expect(a.delta.min).toBeLessThan(0);
    expect(a.delta.max).toBeGreaterThan(0);
    expect(a.risingShare).toBeGreaterThan(0.3);
    expect(a.risingShare).toBeLessThan(0.7);
    expect(dirichletSensitivity([0.2, 0.8], [0.6, 0.4], { draws: 1000, seed: 5 })).toEqual(a);
  });
});
