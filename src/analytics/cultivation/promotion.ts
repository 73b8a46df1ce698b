/**
 * Promotion candidates: who now at a stage looks, over the last year, like those who moved up from
 * it did over the year before their promotion (no look-ahead: a promoted resident's features end
 * at the promotion).
 *
 * Training rows at a cut-off C, one per resident who was at the stage before C:
 * - positive: the resident's first move up from the stage before C; the features' window is the
 *   365 days before it;
 * - negative: everyone else who was at the stage before C; the window is the 365 days before they
 *   left it (stepping back) or before C if they are still there.
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

export function trainingRows(h: HistoryArrays, order: StageOrder, stage: number, cutoff: number): TrainingRows {
  const out: TrainingRows = { residents: [], ends: [], labels: [], promotions: 0 };
  for (let i = 0; i < h.ids.length; i += 1) {
    let promotedAt = Number.NaN;
    let lastEnd = Number.NaN;
    for (const spell of spellsOf(h, i, order)) {
      if (spell.stage !== stage) continue;
      const start = Number.isNaN(spell.start) ? -Infinity : spell.start;
      if (start >= cutoff) break;
      if (spell.exit === 'up' && spell.end < cutoff) {
        promotedAt = spell.end;
        break;
      }
      lastEnd = Number.isNaN(spell.end) || spell.end > cutoff ? cutoff : spell.end;
    }
    if (!Number.isNaN(promotedAt)) {
      out.residents.push(i);
      out.ends.push(promotedAt);
      out.labels.push(1);
      out.promotions += 1;
    } else if (!Number.isNaN(lastEnd)) {
      out.residents.push(i);
      out.ends.push(lastEnd);
      out.labels.push(0);
    }
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

