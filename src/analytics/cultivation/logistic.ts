/**
 * L2-regularised logistic regression on standardised features, fitted by Newton–Raphson (iteratively
 * reweighted least squares; McCullagh & Nelder 1989, "Generalized Linear Models", §4.4), and the
 * exact decomposition of a score into per-feature contributions.
 *
 * Features are standardised to z = (x − mean) / sd with the population sd (scikit-learn's
 * StandardScaler); a feature with sd 0 carries no information and gets z = 0. The fit minimises
 *   Σᵢ [log(1 + e^ηᵢ) − yᵢηᵢ] + (λ/2) Σⱼ βⱼ²,   ηᵢ = β₀ + Σⱼ βⱼ zᵢⱼ,
 * the intercept β₀ unpenalised: scikit-learn's LogisticRegression(C = 1/λ) with lbfgs, to which the
 * reference fixtures hold it (scripts/reference/cultivation.py). The penalty (ridge: le Cessie & van
 * Houwelingen 1992, "Ridge estimators in logistic regression", Applied Statistics 41: 191–201)
 * keeps the coefficients finite when a feature separates the classes, as one often does with a few
 * dozen promotions. Because η is linear in z, η = β₀ + Σⱼ βⱼzⱼ is an exact sum: each βⱼzⱼ is that
 * feature's contribution to the logit, and the contributions with the intercept add up to it.
 */

const MODULE = 'cultivation/logistic';

export interface LogisticOptions {
  /** Penalty λ > 0 on the standardised coefficients (scikit-learn's C = 1/λ). */
  lambda: number;
  tolerance: number;
  maxIterations: number;
}

export const DEFAULTS: LogisticOptions = Object.freeze({ lambda: 1, tolerance: 1e-10, maxIterations: 100 });

export interface LogisticModel {
  intercept: number;
  /** On the standardised features. */
  coefficients: number[];
  means: number[];
  sds: number[];
  iterations: number;
  converged: boolean;
}

/** Standardised value of feature j (0 for a constant feature). */
export const standardise = (model: Pick<LogisticModel, 'means' | 'sds'>, j: number, x: number) => (model.sds[j]! > 0 ? (x - model.means[j]!) / model.sds[j]! : 0);

/** Solves A x = b in place (A symmetric positive definite, row-major k×k) by Cholesky. */
function solve(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = a[i * k + j]!;
      for (let m = 0; m < j; m += 1) sum -= l[i * k + m]! * l[j * k + m]!;
      if (i === j) {
        if (!(sum > 0)) throw new Error(`${MODULE}: the Hessian is not positive definite`);
        l[i * k + i] = Math.sqrt(sum);
      } else l[i * k + j] = sum / l[j * k + j]!;
    }
  }
  const y = new Float64Array(k);
  for (let i = 0; i < k; i += 1) {
    let sum = b[i]!;
    for (let m = 0; m < i; m += 1) sum -= l[i * k + m]! * y[m]!;
    y[i] = sum / l[i * k + i]!;
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i -= 1) {
    let sum = y[i]!;
    for (let m = i + 1; m < k; m += 1) sum -= l[m * k + i]! * x[m]!;
    x[i] = sum / l[i * k + i]!;
  }
  return x;
}

/** Fits the model to rows of raw features (each of length p) and 0/1 labels. */
export function fitLogistic(rows: readonly ArrayLike<number>[], labels: ArrayLike<number>, options?: Partial<LogisticOptions>): LogisticModel {
  const o = { ...DEFAULTS, ...options };
  if (!(o.lambda > 0 && Number.isFinite(o.lambda))) throw new Error(`${MODULE}: lambda must be a finite number > 0`);
  const n = rows.length;
  if (labels.length !== n) throw new Error(`${MODULE}: ${n} rows but ${labels.length} labels`);
  if (n === 0) throw new Error(`${MODULE}: no rows to fit`);
  const p = rows[0]!.length;
  const means = new Array<number>(p).fill(0);
  const sds = new Array<number>(p).fill(0);
  for (const row of rows) for (let j = 0; j < p; j += 1) means[j] = means[j]! + row[j]! / n;
  for (const row of rows) for (let j = 0; j < p; j += 1) sds[j] = sds[j]! + (row[j]! - means[j]!) ** 2 / n;
  for (let j = 0; j < p; j += 1) sds[j] = Math.sqrt(sds[j]!);
  const k = p + 1;
  // Design matrix [1, z₁ … z_p], row-major.
  const z = new Float64Array(n * k);
  rows.forEach((row, i) => {
    z[i * k] = 1;
    for (let j = 0; j < p; j += 1) z[i * k + j + 1] = standardise({ means, sds }, j, row[j]!);
  });
  const beta = new Float64Array(k);
  let iterations = 0;
  let converged = false;
  while (iterations < o.maxIterations && !converged) {
    iterations += 1;
    const gradient = new Float64Array(k);
    const hessian = new Float64Array(k * k);
    for (let i = 0; i < n; i += 1) {
      let eta = 0;
      for (let j = 0; j < k; j += 1) eta += beta[j]! * z[i * k + j]!;
      const mu = 1 / (1 + Math.exp(-eta));
      const w = mu * (1 - mu);
      const r = mu - labels[i]!;
      for (let a = 0; a < k; a += 1) {
        const za = z[i * k + a]!;
        gradient[a] = gradient[a]! + r * za;
        for (let b = 0; b <= a; b += 1) hessian[a * k + b] = hessian[a * k + b]! + w * za * z[i * k + b]!;
      }
    }
    for (let a = 0; a < k; a += 1) for (let b = 0; b < a; b += 1) hessian[b * k + a] = hessian[a * k + b]!;
    for (let j = 1; j < k; j += 1) {
      gradient[j] = gradient[j]! + o.lambda * beta[j]!;
      hessian[j * k + j] = hessian[j * k + j]! + o.lambda;
    }
    // An all-one or all-zero label set leaves only the intercept's curvature to vanish: keep it solvable.
    if (hessian[0]! < 1e-12) hessian[0] = 1e-12;
    const step = solve(hessian, gradient, k);
    let largest = 0;
    for (let j = 0; j < k; j += 1) {
      beta[j] = beta[j]! - step[j]!;
      largest = Math.max(largest, Math.abs(step[j]!));
    }
    converged = largest < o.tolerance;
  }
  return { intercept: beta[0]!, coefficients: Array.from(beta.subarray(1)), means, sds, iterations, converged };
}

/** The logit of a row and each feature's share of it: intercept + Σ contributions = logit, exactly. */
export function contributions(model: LogisticModel, row: ArrayLike<number>): { logit: number; probability: number; contributions: number[] } {
  const parts = model.coefficients.map((b, j) => b * standardise(model, j, row[j]!));
  const logit = parts.reduce((s, c) => s + c, model.intercept);
  return { logit, probability: 1 / (1 + Math.exp(-logit)), contributions: parts };
}
