/**
 * The settled options of a publicness evaluation, with their defaults (docs/analytics.md,
 * "Publicness"), and the windows it reads: the `lookbackDays` days up to (not including) each date.
 */
import type { Grouping } from '../analytics/mixing.ts';

export interface PublicnessOptions {
  lookbackDays: number;
  /** Component → weight ≥ 0, a component not named weighing 0; null: equal weights. */
  weights: Readonly<Record<string, number>> | null;
  /** Bootstrap replicates B. */
  replicates: number;
  permutations: number;
  /** Flat-Dirichlet weight vectors of the sensitivity range. */
  sensitivityDraws: number;
  seed: number;
  groupBy: Grouping;
  /** Partner contributions, yuan per 1,000 residents over the look-back, that score 1. */
  contributionReference: number;
}

export const DEFAULT_PUBLICNESS_OPTIONS: PublicnessOptions = Object.freeze({
  lookbackDays: 365,
  weights: null,
  replicates: 200,
  permutations: 1000,
  sensitivityDraws: 1000,
  seed: 1,
  groupBy: 'housingType',
  // Ten yuan per resident a year: the order of a neighbourhood festival's collection in the seeds'
  // community funds; an option, so an evaluator can set their own street's level.
  contributionReference: 10_000,
});

/** Activity kinds that are public whatever their host (a project's activities are public too). */
export const PUBLIC_ACTIVITY_KINDS = ['VOLUNTEER_SERVICE', 'CONSULTATION'] as const;

const DAY = 86_400_000;

export interface DatedWindow {
  from: Date;
  to: Date;
}

export function windowBefore(t: Date, days: number): DatedWindow {
  return { from: new Date(t.getTime() - days * DAY), to: t };
}

/** Equal weights, or the weights given (a component they do not name weighs 0). */
export function weightsFor(order: readonly string[], given: Readonly<Record<string, number>> | null): Record<string, number> {
  return Object.fromEntries(order.map((c) => [c, given === null ? 1 : (given[c] ?? 0)]));
}
