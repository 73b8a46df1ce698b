/**
 * The options of the analytics modules, in one dialect: a flat object merged over the module's
 * DEFAULTS (an unknown key is a typo and throws), weights as `weighted` (whether) and
 * `weightAttribute` (which edge attribute), shortest paths as `distance`. Each error names the
 * module, so a message read in a log says where it came from (`centrality/betweenness: pivots must
 * be ≥ 1`).
 */
import type { Attributes } from 'graphology-types';

/** How a shortest-path metric measures a path. */
export type Distance = 'hops' | 'weight' | 'inverse-weight';
export const DISTANCES: readonly Distance[] = ['hops', 'weight', 'inverse-weight'];

/** Merge `options` over `defaults`, refusing keys the module does not know (a typo is not ignored). */
export function resolveOptions<T extends object>(module: string, defaults: T, options: Partial<T> | undefined): T {
  if (options === undefined || options === null) return { ...defaults };
  if (typeof options !== 'object') throw new Error(`${module}: options must be an object`);
  for (const key of Object.keys(options)) {
    // Own keys only: `in` would also accept "constructor", "__proto__" and the rest of Object.prototype.
    if (!Object.hasOwn(defaults, key)) throw new Error(`${module}: unknown option ${key}`);
  }
  const merged = { ...defaults };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

export function checkDistance(module: string, distance: unknown): Distance {
  if (!DISTANCES.includes(distance as Distance)) {
    throw new Error(`${module}: distance must be one of ${DISTANCES.join(', ')}, not ${String(distance)}`);
  }
  return distance as Distance;
}

export function checkBoolean(module: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new Error(`${module}: ${name} must be true or false`);
  return value;
}

export function checkString(module: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${module}: ${name} must be a non-empty string`);
  return value;
}

/** A finite number in [min, max] (bounds inclusive unless said otherwise). */
export function checkNumber(
  module: string, name: string, value: unknown,
  { min = -Infinity, max = Infinity, integer = false, minExclusive = false, maxExclusive = false } = {},
): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (!integer || Number.isInteger(value))
    && (minExclusive ? value > min : value >= min) && (maxExclusive ? value < max : value <= max);
  if (!ok) {
    const low = min === -Infinity ? '' : `${minExclusive ? '>' : '≥'} ${min}`;
    const high = max === Infinity ? '' : `${maxExclusive ? '<' : '≤'} ${max}`;
    const range = [low, high].filter(Boolean).join(' and ');
    throw new Error(`${module}: ${name} must be ${integer ? 'an integer' : 'a finite number'}${range ? ` ${range}` : ''}, not ${String(value)}`);
  }
  return value as number;
}

/**
 * Whether a module reads edge weights, and from which attribute. An edge without the attribute
 * weighs 1, as in NetworkX's `d.get(weight, 1)`; unweighted, every edge weighs 1.
 */
export interface WeightOptions {
  weighted: boolean;
  weightAttribute: string;
}

export function checkWeightOptions(module: string, o: WeightOptions): void {
  checkBoolean(module, 'weighted', o.weighted);
  checkString(module, 'weightAttribute', o.weightAttribute);
}

export type EdgeWeight = (edge: string, attributes: Attributes) => number;

/** Reads an edge's weight per WeightOptions; a weight that is not a finite number ≥ 0 throws, naming the edge. */
export function weightReader(o: WeightOptions, module: string): EdgeWeight {
  if (!o.weighted) return () => 1;
  const name = o.weightAttribute;
  return (edge, attributes) => {
    const value: unknown = attributes[name];
    if (value === undefined || value === null) return 1;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`${module}: edge ${edge} has ${name} = ${String(value)}; weights must be finite numbers ≥ 0`);
    }
    return value;
  };
}
