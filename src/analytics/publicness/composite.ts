/**
 * The publicness index and the evaluation of its change — a composite indicator built as the
 * OECD/JRC Handbook (Nardo et al. 2008) asks: visible components on one scale (shares in [0, 1], so
 * no further normalisation is needed, Step 5), weights stated (equal by default, Step 6), the index a
 * weighted arithmetic mean (linear aggregation, Step 6), and its uncertainty and weight sensitivity
 * shown beside it (Step 7).
 *
 * Each component gets its value at t0 and t1, the change, a 95 % paired-bootstrap interval of the
 * change (bootstrap.ts) and a two-sided permutation p-value (permutation.ts). A component that is a
 * total rather than a share of units (partner contributions) is `fixed`: it has no sampling units, so
 * no interval or p-value of its own, and it enters the index's replicates at its observed change.
 * The index reads the components defined at both dates with a weight > 0, weights rescaled to sum to
 * 1 over them; the ones left out are named.
 */
import { pairedBootstrap, percentileInterval } from './bootstrap.ts';
import { dirichletSensitivity, type Sensitivity } from './dirichlet.ts';
import { permuteDates, twoSidedP } from './permutation.ts';
import { shareAt, type UnitSet } from './units.ts';

const MODULE = 'publicness/composite';

export interface EvaluationInput {
  /** Resampled components, grouped by the units they are shares of. */
  sets: readonly UnitSet[];
  /** Components that are totals, not shares of units (already in [0, 1]). */
  fixed: Readonly<Record<string, { t0: number | null; t1: number | null }>>;
  /** Component names in the order to report them. */
  order: readonly string[];
  /** Weight ≥ 0 per component name; a missing name weighs 0. */
  weights: Readonly<Record<string, number>>;
  replicates: number;
  permutations: number;
  /** Dirichlet weight vectors for the sensitivity range. */
  draws: number;
  /** The bootstrap uses seed, the permutations seed + 1, the Dirichlet draws seed + 2. */
  seed: number;
  /** Interval level (0.95). */
  level?: number;
}

export interface Interval {
  lower: number;
  upper: number;
}

export interface ComponentEvaluation {
  component: string;
  t0: number | null;
  t1: number | null;
  delta: number | null;
  interval: Interval | null;
  pValue: number | null;
  /** false for a total (no sampling units): no interval or p-value. */
  resampled: boolean;
  /** The normalised weight it has in the index (0 when left out). */
  weight: number;
}

export interface IndexEvaluation {
  t0: number | null;
  t1: number | null;
  delta: number | null;
  interval: Interval | null;
  pValue: number | null;
  /** Components in the index, and those left out (no data at a date, or weight 0). */
  included: string[];
  excluded: string[];
  sensitivity: Sensitivity | null;
}

export interface Evaluation {
  components: ComponentEvaluation[];
  index: IndexEvaluation;
  replicates: number;
  permutations: number;
  seed: number;
}

/** The index at one date: Σ w·c over the included components (weights already normalised). */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += weights[i]! * values[i]!;
  return sum;
}

export function evaluatePublicness(input: EvaluationInput): Evaluation {
  const { sets, fixed, order, replicates, permutations, draws, seed } = input;
  const level = input.level ?? 0.95;
  for (const [name, w] of Object.entries(input.weights)) {
    if (!Number.isFinite(w) || w < 0) throw new Error(`${MODULE}: the weight of ${name} must be a finite number ≥ 0`);
  }
  const setOf = new Map<string, UnitSet>();
  for (const set of sets) for (const name of Object.keys(set.components)) setOf.set(name, set);
  const values = new Map<string, { t0: number | null; t1: number | null }>();
  for (const name of order) {
    const set = setOf.get(name);
    if (set) values.set(name, { t0: shareAt(set, name, 0), t1: shareAt(set, name, 1) });
    else if (fixed[name]) values.set(name, fixed[name]!);
    else throw new Error(`${MODULE}: no data for component ${name}`);
  }

  const included = order.filter((name) => (input.weights[name] ?? 0) > 0 && values.get(name)!.t0 !== null && values.get(name)!.t1 !== null);
  const excluded = order.filter((name) => !included.includes(name));
  const total = included.reduce((s, name) => s + input.weights[name]!, 0);
  const weightOf = (name: string) => (included.includes(name) ? input.weights[name]! / total : 0);

  const boot = replicates > 0 ? pairedBootstrap(sets, { replicates, seed }) : {};
  const perm = permutations > 0 ? permuteDates(sets, { permutations, seed: seed + 1 }) : null;

  const components: ComponentEvaluation[] = order.map((name) => {
    const { t0, t1 } = values.get(name)!;
    const delta = t0 !== null && t1 !== null ? t1 - t0 : null;
    const resampled = setOf.has(name);
    const interval = resampled && delta !== null && boot[name] ? percentileInterval(boot[name]!, level) : null;
    const pValue = resampled && delta !== null && perm ? twoSidedP(perm.observed[name]!, perm.permuted[name]!) : null;
    return { component: name, t0, t1, delta, interval, pValue, resampled, weight: weightOf(name) };
  });

  const index: IndexEvaluation = { t0: null, t1: null, delta: null, interval: null, pValue: null, included, excluded, sensitivity: null };
  if (included.length > 0) {
    const w = included.map(weightOf);
    const c0 = included.map((name) => values.get(name)!.t0!);
    const c1 = included.map((name) => values.get(name)!.t1!);
    index.t0 = weightedMean(c0, w);
    index.t1 = weightedMean(c1, w);
    index.delta = index.t1 - index.t0;
    const sampled = included.filter((name) => setOf.has(name));
    const fixedPart = included.filter((name) => !setOf.has(name)).reduce((s, name) => s + weightOf(name) * (values.get(name)!.t1! - values.get(name)!.t0!), 0);
    if (replicates > 0) {
      const reps = new Float64Array(replicates);
      for (let b = 0; b < replicates; b += 1) reps[b] = fixedPart + sampled.reduce((s, name) => s + weightOf(name) * boot[name]![b]!, 0);
      index.interval = percentileInterval(reps, level);
    }
    if (perm && sampled.length > 0) {
      // The test is of the part of the change that sampled components carry; a total has no sampling noise to test against.
      const observed = sampled.reduce((s, name) => s + weightOf(name) * perm.observed[name]!, 0);
      const permuted = new Float64Array(permutations);
      for (let p = 0; p < permutations; p += 1) permuted[p] = sampled.reduce((s, name) => s + weightOf(name) * perm.permuted[name]![p]!, 0);
      index.pValue = twoSidedP(observed, permuted);
    }
    index.sensitivity = draws > 0 ? dirichletSensitivity(c0, c1, { draws, seed: seed + 2 }) : null;
  }
  return { components, index, replicates, permutations, seed };
}
