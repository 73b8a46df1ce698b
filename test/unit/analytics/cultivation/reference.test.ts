/**
 * The cultivation analytics against lifelines, statsmodels and scikit-learn on the fixtures written by
 * scripts/reference/cultivation.py: Kaplan–Meier medians and intervals, Wilson bounds, a funnel's
 * conversions and medians on hand-made histories (within 1e-6), and the regression's coefficients
 * with the same penalty (within 1e-4).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stageFunnel } from '../../../../src/analytics/cultivation/funnel.ts';
import { packHistories } from '../../../../src/analytics/cultivation/histories.ts';
import { kaplanMeier } from '../../../../src/analytics/cultivation/kaplan-meier.ts';
import { contributions, fitLogistic } from '../../../../src/analytics/cultivation/logistic.ts';
import { wilson } from '../../../../src/analytics/cultivation/wilson.ts';

const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/reference/cultivation.json', import.meta.url), 'utf8'));

const close = (actual: number | null, expected: number | null, tolerance = 1e-6) => {
  if (expected === null) expect(actual).toBeNull();
  else expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tolerance);
};

describe('Kaplan–Meier against lifelines', () => {
  it.each(fixture.kaplanMeier.map((k: any) => [k.name, k]) as [string, any][])('%s', (_, k: any) => {
    const s = kaplanMeier(k.durations, k.events);
    close(s.median, k.median);
    close(s.low, k.low);
    close(s.high, k.high);
    if (k.median === null || k.high === null) expect(s.reason).toMatch(/not reached/);
  });
});

describe('Wilson against statsmodels', () => {
  it.each(fixture.wilson.map((w: any) => [`${w.x} of ${w.n}`, w]) as [string, any][])('%s', (_, w: any) => {
    const p = wilson(w.x, w.n);
    close(p.low, w.low);
    close(p.high, w.high);
  });
});

describe('a funnel on hand-made histories', () => {
  const f = fixture.funnel;
  const order = { stages: f.stages, path: f.stages.length };
  const result = stageFunnel(packHistories(f.histories, order), order, { from: f.window.from, to: f.window.to });

  it('counts the nodes of the window and converts as the reference does', () => {
    expect(result.nodes).toBe(f.nodes);
    result.conversions.forEach((c, s) => {
      const r = f.conversions[s];
      expect([c.from, c.to, c.eligible, c.converted]).toEqual([r.from, r.to, r.eligible, r.converted]);
      close(c.rate, r.rate);
      close(c.low, r.low);
      close(c.high, r.high);
    });
  });

  it('follows the same spells and gets lifelines\' medians and intervals', () => {
    result.timeInStage.forEach((t, s) => {
      const r = f.timeInStage[s];
      expect([t.stage, t.spells, t.events]).toEqual([r.stage, r.spells, r.events]);
      close(t.median, r.median);
      close(t.low, r.low);
      close(t.high, r.high);
    });
  });
});

describe('logistic regression against scikit-learn', () => {
  const l = fixture.logistic;
  it.each(l.fits.map((fit: any) => [fit.lambda, fit]) as [number, any][])('lambda %s', (lambda, fit: any) => {
    const model = fitLogistic(l.X, l.y, { lambda: lambda as number });
    expect(model.converged).toBe(true);
    close(model.intercept, fit.intercept, 1e-4);
    model.coefficients.forEach((b, j) => close(b, fit.coefficients[j], 1e-4));
    model.means.forEach((m, j) => close(m, l.means[j]));
    model.sds.forEach((s, j) => close(s, l.sds[j]));
  });

  it('decomposes every score exactly: intercept + contributions = logit', () => {
    const model = fitLogistic(l.X, l.y, { lambda: 1 });
    for (const row of l.X) {
      const c = contributions(model, row);
      const sum = c.contributions.reduce((s: number, x: number) => s + x, model.intercept);
      expect(sum).toBe(c.logit);
      let eta = model.intercept;
      row.forEach((x: number, j: number) => (eta += model.coefficients[j]! * ((x - model.means[j]!) / model.sds[j]!)));
      close(c.logit, eta, 1e-12);
    }
  });
});
