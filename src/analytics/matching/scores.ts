/**
 * The score of an eligible (resource, need) pair: a weighted mean of components in [0, 1].
 *
 * - tags: Jaccard similarity of the two tag sets (Jaccard 1901); 0 when both are empty.
 * - quantity: the share of the need the resource can cover, min(1, available / asked).
 * - urgency: the need's urgency / 5 (an urgency not stated counts as 3, the middle).
 * - proximity: 1 / (1 + hops) between the nearest two owners in the full network, 0 when they are
 *   not connected — trust travels along ties (Granovetter 1985, "Economic action and social
 *   structure: the problem of embeddedness", AJS 91(3)).
 * - bridging: 1 when the owners belong to different Party branches or housing areas and have no tie
 *   yet, so that accepting the match adds a bridging tie (Burt 1992, "Structural Holes"); weighted
 *   only when asked for (`favourNewBridges`), so by default matching does not prefer strangers.
 * - reciprocity: 1 when the need's owner also offers something the resource's owner needs — "the
 *   station needs volunteers, the students need service hours" (seeds/003); exchange that runs both
 *   ways lasts (Gouldner 1960, "The norm of reciprocity", ASR 25(2)).
 */

export const COMPONENTS = ['tags', 'quantity', 'urgency', 'proximity', 'bridging', 'reciprocity'] as const;
export type Component = (typeof COMPONENTS)[number];
export type Weights = Record<Component, number>;

/** The documented defaults (docs/analytics.md, "Matching"). */
export const DEFAULT_WEIGHTS: Weights = { tags: 0.3, quantity: 0.2, urgency: 0.2, proximity: 0.15, bridging: 0, reciprocity: 0.15 };
/** bridging's weight when favourNewBridges is on and no weight is given for it. */
export const FAVOURED_BRIDGING_WEIGHT = 0.15;
export const DEFAULT_URGENCY = 3;

const MODULE = 'matching/scores';

export function resolveWeights(given: Partial<Weights>, favourNewBridges: boolean): Weights {
  const weights: Weights = { ...DEFAULT_WEIGHTS, ...(favourNewBridges ? { bridging: FAVOURED_BRIDGING_WEIGHT } : {}) };
  for (const [key, value] of Object.entries(given)) {
    if (!(COMPONENTS as readonly string[]).includes(key)) throw new Error(`${MODULE}: unknown weight ${key}`);
    if (value === undefined) continue;
    if (!(value >= 0) || !Number.isFinite(value)) throw new Error(`${MODULE}: weight ${key} must be a finite number ≥ 0`);
    weights[key as Component] = value;
  }
  if (COMPONENTS.every((c) => weights[c] === 0)) throw new Error(`${MODULE}: at least one weight must be > 0`);
  return weights;
}

/** Jaccard similarity of two sorted arrays of distinct tag numbers. */
export function jaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      common += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return common / (a.length + b.length - common);
}

export interface ComponentScore {
  readonly component: Component;
  readonly value: number;
  /** The weight as given (or defaulted). */
  readonly weight: number;
  /** value × weight / Σ weights: the components' contributions add up to the score. */
  readonly contribution: number;
}

/** The weighted mean and its parts, components in COMPONENTS order. */
export function weightedScore(values: Record<Component, number>, weights: Weights): { score: number; components: ComponentScore[] } {
  let sum = 0;
  for (const c of COMPONENTS) sum += weights[c];
  const components = COMPONENTS.map((c) => ({ component: c, value: values[c], weight: weights[c], contribution: (values[c] * weights[c]) / sum }));
  return { score: components.reduce((s, c) => s + c.contribution, 0), components };
}
