/**
 * promotionCandidates: residents now at a stage, ranked by how much their last year resembles the
 * year before the promotion of those who moved up from it (src/analytics/cultivation/promotion.ts,
 * model and fallback there), each score decomposed into per-feature contributions with the top
 * reasons in English and Chinese, and a time-split backtest.
 *
 * Features (src/analytics/cultivation/features.ts): participation over the 365 days before each
 * row's cut-off; network position from the tie network (default sources, src/graph/spec.ts) of the
 * 365 days before the latest yearly cut-off asOf − k·365 days not after the row's. Training rows are
 * person-quarters (promotion.ts: cut-offs every quarter of a year back from the training cut-off,
 * labelled by a move up within the quarter after), so every row of one cut-off reads the same
 * snapshot, up to a year old, and promoted and not promoted are compared at the same dates. The
 * snapshots are read together, in one pass over the rows of their years, and cached.
 *
 * Backtest: T = asOf − 365 days; train on the rows at cut-off T (promotions before T), rank the
 * residents at the stage on T by their year before T, and compare with who moved up in [T, asOf):
 * precision@10, precision@50 and ROC AUC, beside the active-resident score of the same residents
 * (src/analytics/activity's components and equal weights, percentiles among them) and chance
 * (precision = the share promoted; AUC 0.5).
 */
import { positivePercentiles } from '../../analytics/activity/active-residents.ts';
import { precisionAt, rocAuc } from '../../analytics/cultivation/backtest.ts';
import { activityFeatures, FEATURES, networkFeatures, type Feature, type NetworkFeatures, type ParticipationArrays } from '../../analytics/cultivation/features.ts';
import type { HistoryArrays } from '../../analytics/cultivation/histories.ts';
import { DEFAULTS, promotedIn, residentsAt, scoreCandidates, trainingRows, type Scored } from '../../analytics/cultivation/promotion.ts';
import { badInput } from '../../domain/errors.ts';
import type { CultivationStage } from '../../domain/vocabulary.ts';
import { prepareNetwork, windowArrays, type PreparedNetwork } from '../analytics/network.ts';
import type { TieCsr } from '../../graph/ties.ts';
import type { ServiceContext } from '../context.ts';
import { communityRange, defaultAsOf, YEAR_MS } from './as-of.ts';
import { projectionCache } from './cache.ts';
import { requireCommunity } from './funnel.ts';
import { projectHistories } from './histories.ts';
import { projectParticipation } from './participation.ts';
import { stageWords, SUBJECTS } from './subjects.ts';

export interface CandidatesRequest {
  communityId: string;
  stage: CultivationStage;
  asOf?: Date | null;
}

export interface FeatureContribution {
  feature: Feature;
  value: number;
  /** z-score (model) or percentile among the residents at the stage (fallback). */
  standardised: number;
  contribution: number;
  /** Share of the residents now at the stage with a lower value. */
  percentile: number;
}

export interface Reason {
  feature: Feature;
  en: string;
  zh: string;
}

export interface Candidate {
  nodeId: string;
  rank: number;
  score: number;
  logit: number | null;
  contributions: FeatureContribution[];
  reasons: Reason[];
}

export interface RankingQuality {
  precisionAt10: number | null;
  precisionAt50: number | null;
  auc: number | null;
}

export interface Backtest {
  trainedBefore: Date;
  evaluatedUntil: Date;
  method: Scored['method'];
  trainingPromotions: number;
  ranked: number;
  promoted: number;
  model: RankingQuality;
  activeResidentScore: RankingQuality;
  chance: RankingQuality;
  message: string | null;
}

export interface CandidatesOutcome {
  communityId: string;
  stage: CultivationStage;
  nextStage: CultivationStage;
  asOf: Date;
  model: {
    method: string;
    lambda: number;
    promotions: number;
    trainingRows: number;
    intercept: number | null;
    converged: boolean | null;
    coefficients: { feature: Feature; coefficient: number | null; mean: number | null; sd: number | null }[];
    backtest: Backtest;
  };
  candidates: Candidate[];
  message: string | null;
  seconds: number;
}

/** The features, in the order of every row and of the model's coefficients. */
export const PROMOTION_FEATURES: readonly Feature[] = FEATURES;

const STAGE_ORDER = SUBJECTS.RESIDENT_CULTIVATION.order;
/** The person-period of the training rows: a quarter of a year. */
const TRAINING_PERIOD_MS = YEAR_MS / 4;
const CONSTRAINT = FEATURES.indexOf('constraint');
const REVERSED = FEATURES.map((f) => f === 'constraint');

const snapshotCache = projectionCache<Snapshot>();

type Snapshot = NetworkFeatures & { index: Map<string, number> };

function snapshotOf(csr: TieCsr): Snapshot {
  const areas = new Map<string, number>();
  const groupOf = Int32Array.from(csr.nodeAttributes, (a) => {
    const area = typeof a.housingArea === 'string' && a.housingArea !== '' ? a.housingArea : null;
    if (area === null) return -1;
    if (!areas.has(area)) areas.set(area, areas.size);
    return areas.get(area)!;
  });
  return { ...networkFeatures(csr, groupOf), index: new Map(csr.ids.map((id, i) => [id, i])) };
}

/**
 * Network features of the tie network over [cut − 365 days, cut) for each cut, by resident id. The
 * snapshots not cached are projected together, in one read of the rows of their years.
 */
async function snapshots(ctx: ServiceContext, communityId: string, cuts: readonly number[]): Promise<Snapshot[]> {
  const prepared = await Promise.all(cuts.map((cut) => prepareNetwork(ctx, { communityId, network: 'TIES', from: new Date(cut - YEAR_MS), to: new Date(cut) }, [])));
  const wanted: { prepared: PreparedNetwork; resolve: (csr: TieCsr) => void; reject: (error: unknown) => void }[] = [];
  const result = Promise.all(prepared.map((p) => snapshotCache(ctx, p.key, () => new Promise<TieCsr>((resolve, reject) => wanted.push({ prepared: p, resolve, reject })).then(snapshotOf))));
  if (wanted.length > 0) {
    windowArrays(ctx, wanted.map((w) => w.prepared)).then(
      (arrays) => wanted.forEach((w, k) => w.resolve(arrays[k]!)),
      (error: unknown) => wanted.forEach((w) => w.reject(error)),
    );
  }
  return result;
}

interface Measurer {
  (resident: number, end: number): Float64Array;
}

/**
 * Features of a history's resident over [end − 365 days, end), network from the snapshot for `end`.
 * The snapshots are read first (they need only the cut-offs), so that the caller can read the
 * histories and the participation at the same time; the measurer is then made from all three.
 */
async function measurer(ctx: ServiceContext, communityId: string, asOf: number, first: number): Promise<(h: HistoryArrays, p: ParticipationArrays) => Measurer> {
  const cuts: number[] = [];
  for (let cut = asOf; cut > first - YEAR_MS && cuts.length < 10; cut -= YEAR_MS) cuts.push(cut);
  // A cut-off at or before the first record has an empty year behind it: no snapshot to read.
  const read = cuts.filter((cut) => cut > first);
  const found = await snapshots(ctx, communityId, read);
  const snaps = cuts.map((cut) => (cut > first ? found[read.indexOf(cut)]! : null));
  return (h, p) => measureWith(h, p, cuts, snaps);
}

function measureWith(h: HistoryArrays, p: ParticipationArrays, cuts: readonly number[], snaps: readonly (Snapshot | null)[]): Measurer {
  const participationIndex = new Map(p.ids.map((id, i) => [id, i]));
  return (resident, end) => {
    const row = new Float64Array(FEATURES.length);
    const id = h.ids[resident]!;
    const pi = participationIndex.get(id);
    if (pi !== undefined) activityFeatures(p, pi, end - YEAR_MS, end, row);
    const k = cuts.findIndex((cut) => cut <= end);
    const snap = k >= 0 ? snaps[k]! : null;
    const ni = snap?.index.get(id);
    if (snap && ni !== undefined) {
      row[8] = snap.degree[ni]!;
      row[9] = snap.pagerank[ni]!;
      row[10] = snap.constraint[ni]!;
      row[11] = snap.crossGroupShare[ni]!;
    } else row[CONSTRAINT] = 1;
    return row;
  };
}

function train(h: HistoryArrays, stage: number, cutoff: number, first: number, measure: Measurer) {
  const t = trainingRows(h, STAGE_ORDER, stage, cutoff, TRAINING_PERIOD_MS, first);
  return { rows: t.residents.map((i, k) => measure(i, t.ends[k]!)), labels: t.labels, promotions: t.promotions };
}

const quality = (scores: ArrayLike<number>, labels: Uint8Array): RankingQuality => ({
  precisionAt10: precisionAt(scores, labels, 10), precisionAt50: precisionAt(scores, labels, 50), auc: rocAuc(scores, labels),
});

/** The active-resident score of src/analytics/activity over the same rows: equal weights, percentiles among them. */
function activeScore(rows: readonly Float64Array[]): Float64Array {
  const column = (f: (r: Float64Array) => number) => positivePercentiles(Float64Array.from(rows, f));
  const parts = [
    column((r) => r[0]! + r[1]! + r[2]!), column((r) => r[1]!), column((r) => r[2]! + r[4]! + r[5]!), column((r) => r[6]! + r[7]!), column((r) => r[9]!),
  ];
  return Float64Array.from(rows, (_, i) => parts.reduce((s, c) => s + c[i]!, 0) / parts.length);
}

function backtestOf(h: HistoryArrays, stage: number, asOf: number, first: number, measure: Measurer, options: { lambda: number; minPromotions: number }): Backtest {
  const T = asOf - YEAR_MS;
  const ranked = residentsAt(h, stage, T);
  const training = train(h, stage, T, first, measure);
  const rows = ranked.map((i) => measure(i, T));
  const labels = promotedIn(h, STAGE_ORDER, ranked, stage, T, asOf);
  const promoted = labels.reduce((s, x) => s + x, 0);
  const base = { trainedBefore: new Date(T), evaluatedUntil: new Date(asOf), trainingPromotions: training.promotions, ranked: ranked.length, promoted };
  const share = ranked.length > 0 ? promoted / ranked.length : null;
  const chance = { precisionAt10: share, precisionAt50: share, auc: ranked.length > 0 && promoted > 0 && promoted < ranked.length ? 0.5 : null };
  if (ranked.length === 0) {
    const none = { precisionAt10: null, precisionAt50: null, auc: null };
    return { ...base, method: 'PERCENTILE_FALLBACK', model: none, activeResidentScore: none, chance: none, message: 'Nobody was at the stage a year before asOf: nothing to check / 一年前无人处于该阶段，无法回测' };
  }
  const scored = scoreCandidates(training, rows, REVERSED, options);
  return {
    ...base, method: scored.method, model: quality(scored.scores, labels), activeResidentScore: quality(activeScore(rows), labels), chance,
    message: promoted === 0 ? 'Nobody moved up in the year before asOf: AUC is undefined / 回测期内无人晋升，AUC 无定义' : null,
  };
}

const FEATURE_WORDS: Record<Feature, { en: (v: string) => string; zh: (v: string) => string; unit?: 'hours' | 'share' | 'score' }> = {
  participant: { en: (v) => `attended ${v} activities as a participant`, zh: (v) => `作为参与者参加活动 ${v} 次` },
  volunteer: { en: (v) => `volunteered at ${v} activities`, zh: (v) => `志愿服务 ${v} 次` },
  organiser: { en: (v) => `organised ${v} activities`, zh: (v) => `组织活动 ${v} 次` },
  memberships: { en: (v) => `belonged to ${v} organisations`, zh: (v) => `参加 ${v} 个组织` },
  coreRoles: { en: (v) => `held ${v} leader or core-team roles`, zh: (v) => `担任负责人或核心团队 ${v} 个` },
  claims: { en: (v) => `claimed ${v} projects`, zh: (v) => `认领项目 ${v} 个` },
  hoursGiven: { en: (v) => `gave ${v} time-bank hours`, zh: (v) => `提供时间银行服务 ${v} 小时`, unit: 'hours' },
  hoursReceived: { en: (v) => `received ${v} time-bank hours`, zh: (v) => `接受时间银行服务 ${v} 小时`, unit: 'hours' },
  degree: { en: (v) => `had ties to ${v} residents`, zh: (v) => `与 ${v} 位居民有联系` },
  pagerank: { en: (v) => `had a tie-network PageRank of ${v}`, zh: (v) => `关系网络 PageRank 为 ${v}`, unit: 'score' },
  constraint: { en: (v) => `had a Burt constraint of ${v}`, zh: (v) => `结构洞约束为 ${v}`, unit: 'score' },
  crossGroupShare: { en: (v) => `had ${v} of ties reaching other housing areas`, zh: (v) => `有 ${v} 的关系跨越院落`, unit: 'share' },
};

function format(feature: Feature, value: number): string {
  const unit = FEATURE_WORDS[feature].unit;
  if (unit === 'share') return `${Math.round(value * 100)}%`;
  if (unit === 'score') return value.toPrecision(2);
  if (unit === 'hours') return String(Math.round(value * 10) / 10);
  return String(value);
}

/**
 * "…, more than 92% of good people / …，高于 92% 的好人" for the features that raise the score most and
 * on which the resident stands high (above the training mean; for the fallback, ranked high), each
 * compared with the share of the residents at the stage below it (for constraint, above it).
 */
function reasonsOf(items: (FeatureContribution & { above: number; high: boolean; stated: boolean })[], stage: CultivationStage, top = 3): Reason[] {
  const words = stageWords(SUBJECTS.RESIDENT_CULTIVATION, stage);
  const people = { en: `${words.en.split(':')[0]!.toLowerCase()}s`.replace(/persons$/, 'people'), zh: words.zh };
  return items
    // What the resident does more of (or, for constraint in the fallback, less): a term raised by a
    // value below the mean through a negative coefficient says little to a worker and is not a reason.
    .filter((c) => c.contribution > 0 && c.stated)
    .sort((a, b) => b.contribution - a.contribution || FEATURES.indexOf(a.feature) - FEATURES.indexOf(b.feature))
    .slice(0, top)
    .map((c) => {
      const w = FEATURE_WORDS[c.feature];
      const v = format(c.feature, c.value);
      const share = Math.round((c.high ? c.percentile : c.above) * 100);
      const compare = c.high ? { en: `more than ${share}% of ${people.en}`, zh: `高于 ${share}% 的${people.zh}` } : { en: `less than ${share}% of ${people.en}`, zh: `低于 ${share}% 的${people.zh}` };
      return { feature: c.feature, en: `${w.en(v)} in the last year, ${compare.en}`, zh: `过去一年${w.zh(v)}，${compare.zh}` };
    });
}

/** Share of `values` strictly below each one. */
function shareBelow(values: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  return values.map((v) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return sorted.length > 0 ? lo / sorted.length : 0;
  });
}

const results = projectionCache<CandidatesOutcome>();

export async function promotionCandidatesOf(ctx: ServiceContext, request: CandidatesRequest): Promise<CandidatesOutcome> {
  const stage = STAGE_ORDER.stages.indexOf(request.stage);
  if (stage < 0) throw badInput(`stage ${request.stage} is not a cultivation stage / 未知的培育阶段`, ['stage']);
  if (stage + 1 >= STAGE_ORDER.path) throw badInput(`${request.stage} has no next stage to be promoted to / ${stageWords(SUBJECTS.RESIDENT_CULTIVATION, request.stage).zh}没有下一阶段`, ['stage']);
  await requireCommunity(ctx, request.communityId);
  const asOfDate = request.asOf ?? (await defaultAsOf(ctx, request.communityId));
  // A finished ranking serves the next identical request until a write changes the data version.
  return results(ctx, `${request.communityId}|${request.stage}|${asOfDate.getTime()}`, () => rank(ctx, request, stage, asOfDate));
}

async function rank(ctx: ServiceContext, request: CandidatesRequest, stage: number, asOfDate: Date): Promise<CandidatesOutcome> {
  const started = performance.now();
  const asOf = asOfDate.getTime();
  const options = { ...DEFAULTS };
  const range = await communityRange(ctx, request.communityId);
  const first = (range.first ?? asOfDate).getTime();
  // The three reads run at once: Neo4j works on one while the driver decodes another.
  const [{ histories: h }, p, measureOf] = await Promise.all([
    projectHistories(ctx, request.communityId, 'RESIDENT_CULTIVATION'), projectParticipation(ctx, request.communityId),
    measurer(ctx, request.communityId, asOf, first),
  ]);
  const measure = measureOf(h, p);
  const training = train(h, stage, asOf, first, measure);
  const current = residentsAt(h, stage, asOf);
  const rows = current.map((i) => measure(i, asOf));
  const scored = scoreCandidates(training, rows, REVERSED, options);
  const below = FEATURES.map((_, j) => shareBelow(Float64Array.from(rows, (r) => r[j]!)));
  const above = FEATURES.map((_, j) => shareBelow(Float64Array.from(rows, (r) => -r[j]!)));
  const candidates: Candidate[] = current.map((i, k) => {
    const contributions = FEATURES.map((feature, j) => ({
      feature, value: rows[k]![j]!, standardised: scored.standardised[k]![j]!, contribution: scored.contributions[k]![j]!, percentile: below[j]![k]!,
    }));
    // Above the mean (model) or, for the fallback, ranked high by a higher value: compared with those below.
    const reasons = reasonsOf(contributions.map((c, j) => ({ ...c, above: above[j]![k]!, high: scored.model ? c.standardised >= 0 : !REVERSED[j], stated: scored.model ? c.standardised >= 0 : true })), request.stage);
    return { nodeId: h.ids[i]!, rank: 0, score: scored.scores[k]!, logit: scored.logits[k]!, contributions, reasons };
  });
  candidates.sort((a, b) => b.score - a.score || (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));
  candidates.forEach((c, k) => (c.rank = k > 0 && c.score === candidates[k - 1]!.score ? candidates[k - 1]!.rank : k + 1));
  const model = scored.model;
  const fallbackWhy = training.promotions < options.minPromotions
    ? `percentile fallback: ${training.promotions} past promotions, fewer than ${options.minPromotions} / 历史晋升 ${training.promotions} 次，少于 ${options.minPromotions} 次，改用百分位得分`
    : 'percentile fallback: everyone at the stage moved up, nothing to contrast / 全部晋升，无对照，改用百分位得分';
  return {
    communityId: request.communityId,
    stage: request.stage,
    nextStage: STAGE_ORDER.stages[stage + 1] as CultivationStage,
    asOf: asOfDate,
    model: {
      method: model ? `L2-regularised logistic regression on standardised features (lambda ${options.lambda}) / L2 正则化逻辑回归` : fallbackWhy,
      lambda: options.lambda,
      promotions: training.promotions,
      trainingRows: training.rows.length,
      intercept: model?.intercept ?? null,
      converged: model?.converged ?? null,
      coefficients: FEATURES.map((feature, j) => ({ feature, coefficient: model?.coefficients[j] ?? null, mean: model?.means[j] ?? null, sd: model?.sds[j] ?? null })),
      backtest: backtestOf(h, stage, asOf, first, measure, options),
    },
    candidates,
    message: current.length === 0 ? `Nobody is at ${request.stage} as of asOf / 该时点无人处于此阶段` : null,
    seconds: (performance.now() - started) / 1000,
  };
}
