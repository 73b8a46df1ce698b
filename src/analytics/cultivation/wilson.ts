/**
 * The Wilson score interval for a binomial proportion (Wilson 1927, "Probable inference, the law of
 * succession, and statistical inference", JASA 22: 209–212): unlike the normal ("Wald") interval it
 * stays inside [0, 1] and keeps close to its nominal coverage for small counts and rates near 0 or
 * 1, which is what conversion rates of a few dozen residents are. Equal to statsmodels'
 * proportion_confint(method="wilson").
 */

/** z for a two-sided 95% interval: Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

export interface Proportion {
  /** x / n; null when n = 0. */
  rate: number | null;
  low: number | null;
  high: number | null;
}

export function wilson(x: number, n: number, z = Z95): Proportion {
  if (!(Number.isInteger(x) && Number.isInteger(n) && x >= 0 && x <= n)) throw new Error(`cultivation/wilson: need integers 0 ≤ x ≤ n, got ${x} of ${n}`);
  if (n === 0) return { rate: null, low: null, high: null };
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
