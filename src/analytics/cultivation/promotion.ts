/**
 * Promotion candidates: who now at a stage looks, over the last year, like those who moved up from
 * it soon after looked over the year before (no look-ahead: every row's features end at its
 * cut-off, and its label is read after it).
 *
 * Training rows: the person-period design of discrete-time event-history analysis (Allison 1982,
 * "Discrete-time methods for the analysis of event histories", Sociological Methodology 13; Singer &
 * Willett 1993, "It's about time", J. Educational Statistics 18(2)). At each cut-off
 * c = C − k·period (k = 1, 2, … while c is after the first record), one row per resident at the
 * stage as of c, features over the year before c, label 1 when they moved up from it in
 * [c, c + period). The periods do not overlap, so each promotion is one positive row. Promoted and
 * not promoted are measured at the same dates — comparing a promoted resident's year before the
 * promotion with others' year before C would confound the promotion with the calendar (a community
 * that grew more active later makes the later rows look "unpromoted"). The logistic model of these
 * rows is the discrete-time hazard model: ranking by it ranks by the chance of moving up next.
 * With at least `minPromotions` positives (default 20) the model is the L2 logistic regression of
 * ./logistic.ts (λ default 1); with fewer there is too little to learn from and the score is the
 * percentile fallback: the mean, over the features, of the resident's mid-rank percentile among the
 * residents now at the stage (constraint reversed: less constrained ranks higher), the equal-weights
 * composite of the OECD/JRC Handbook on Constructing Composite Indicators (2008).
 */
import { midRanks } from './backtest.ts';
import { spellsOf, stageBefore, type HistoryArrays, type StageOrder } from './histories.ts';
import { contributions, fitLogistic, standardise, type LogisticModel } from './logistic.ts';

export interface PromotionOptions {
  lambda: number;
  minPromotions: number;
}

export const DEFAULTS: PromotionOptions = Object.freeze({ lambda: 1, minPromotions: 20 });

export interface TrainingRows {
  residents: number[];
  /** End of each row's feature window (ms). */
  ends: number[];
  labels: number[];
  promotions: number;
}

/** Cut-offs are taken back to the first record, at most this many (nine years of quarters). */
export const MAX_TRAINING_CUTS = 36;

export function trainingRows(h: HistoryArrays, order: StageOrder, stage: number, cutoff: number, period: number, first: number): TrainingRows {
  const out: TrainingRows = { residents: [], ends: [], labels: [], promotions: 0 };
  for (let k = 1, c = cutoff - period; c > first && k <= MAX_TRAINING_CUTS; k += 1, c -= period) {
    const at = residentsAt(h, stage, c);
    const labels = promotedIn(h, order, at, stage, c, c + period);
    at.forEach((i, n) => {
      out.residents.push(i);
      out.ends.push(c);
      out.labels.push(labels[n]!);
      out.promotions += labels[n]!;
    });
  }
  return out;
}

/** Residents at the stage as of t. */
export function residentsAt(h: HistoryArrays, stage: number, t: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < h.ids.length; i += 1) if (stageBefore(h, i, t) === stage) out.push(i);
  return out;
}

/** 1 for each resident who moved up from `stage` at a ≤ at < b. */
export function promotedIn(h: HistoryArrays, order: StageOrder, residents: readonly number[], stage: number, a: number, b: number): Uint8Array {
  return Uint8Array.from(residents, (i) => (spellsOf(h, i, order).some((s) => s.stage === stage && s.exit === 'up' && s.end >= a && s.end < b) ? 1 : 0));
}

/** Mid-rank percentile of each value among `values`, in (0, 1]. */
export function percentiles(values: ArrayLike<number>): Float64Array {
  return midRanks(values).map((r) => r / values.length);
}

export interface Scored {
  method: 'LOGISTIC_REGRESSION' | 'PERCENTILE_FALLBACK';
  model: LogisticModel | null;
  scores: Float64Array;
  /** Per candidate: the logit (null for the fallback) and each feature's contribution to the score. */
  logits: (number | null)[];
  contributions: number[][];
  standardised: number[][];
}

/**
 * Scores `candidates` (rows of features) with a model trained on `training`, or the fallback.
 * `reversed` names the features where lower ranks higher in the fallback.
 */
export function scoreCandidates(training: { rows: Float64Array[]; labels: number[]; promotions: number }, candidates: readonly Float64Array[], reversed: readonly boolean[], options?: Partial<PromotionOptions>): Scored {
  const o = { ...DEFAULTS, ...options };
  const p = reversed.length;
  if (training.promotions >= o.minPromotions && training.promotions < training.rows.length) {
    const model = fitLogistic(training.rows, training.labels, { lambda: o.lambda });
    const parts = candidates.map((row) => contributions(model, row));
    return {
      method: 'LOGISTIC_REGRESSION', model, scores: Float64Array.from(parts, (c) => c.probability), logits: parts.map((c) => c.logit),
      contributions: parts.map((c) => c.contributions), standardised: candidates.map((row) => Array.from({ length: p }, (_, j) => standardise(model, j, row[j]!))),
    };
  }
  const columns = Array.from({ length: p }, (_, j) => percentiles(Float64Array.from(candidates, (row) => (reversed[j] ? -row[j]! : row[j]!))));
  const parts = candidates.map((_, i) => columns.map((c) => c[i]! / p));
  return {
    method: 'PERCENTILE_FALLBACK', model: null, scores: Float64Array.from(parts, (c) => c.reduce((s, x) => s + x, 0)), logits: candidates.map(() => null),
    contributions: parts, standardised: candidates.map((_, i) => columns.map((c) => c[i]!)),
  };
}

