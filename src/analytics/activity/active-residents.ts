/**
 * Active residents (积极行动者): a composite score from recent participation and network position,
 * returned with its components so an analyst sees why each resident ranks where they do.
 *
 * Method — a composite indicator built the way the OECD/JRC "Handbook on Constructing Composite
 * Indicators" (2008) recommends for skewed count data:
 *  1. one raw value per component and resident (counts over the window, see ParticipationValues;
 *     network = weighted PageRank on the tie network, Page, Brin, Motwani & Winograd 1999);
 *  2. each component normalised by its percentile rank among the residents with a positive value
 *     (mid-ranks for ties, so a value shared by many gets the middle of their ranks): robust to the
 *     long tails of attendance counts, where min–max scaling would let one festival-goer flatten
 *     everybody else. A resident with 0 (or without ties, for network) scores 0 on that component;
 *  3. the score is the weighted mean of the normalised components, in [0, 1]. The default weights
 *     are equal: the handbook's choice when there is no evidence for any other.
 *
 * Pure: participation counts come in as plain numbers (the service reads them from the projection),
 * the network position is computed here from the tie graph.
 */
import { pagerank } from '../centrality/index.ts';
import type { AnyGraph } from '../graph-utils/graph.ts';

const MODULE = 'activity/active-residents';

export const ACTIVITY_COMPONENTS = ['attendance', 'volunteering', 'organising', 'exchanges', 'network'] as const;
export type ActivityComponent = (typeof ACTIVITY_COMPONENTS)[number];

/** Raw participation over the window, per resident: everything but network, which the graph gives. */
export type ParticipationValues = Partial<Record<Exclude<ActivityComponent, 'network'>, number>>;

export interface ActiveResidentsOptions {
  /** Weight of each component (≥ 0, not all 0); missing components keep the default 1. */
  weights: Partial<Record<ActivityComponent, number>>;
  /** PageRank damping for the network component. */
  alpha: number;
}

export const DEFAULTS: ActiveResidentsOptions = Object.freeze({ weights: {}, alpha: 0.85 });

export interface ComponentScore {
  component: ActivityComponent;
  /** The raw value: a count, hours, or a PageRank value for network. */
  value: number;
  /** Percentile rank among residents with a positive value, in [0, 1]. */
  normalised: number;
  /** weight × normalised / Σ weights: the components' contributions sum to the score. */
  contribution: number;
}

export interface ActiveResident {
  id: string;
  /** 1 = most active; equal scores share a rank (competition ranking, "1224"). */
  rank: number;
  score: number;
  components: ComponentScore[];
}

export interface ActiveResidentsResult {
  /** Every resident of the tie graph, most active first (ties broken by id for a stable order). */
  residents: ActiveResident[];
  weights: Record<ActivityComponent, number>;
}

/** Percentile ranks of the positive values (mid-rank for ties); 0 for values ≤ 0. */
export function positivePercentiles(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  const positive: number[] = [];
  for (let i = 0; i < values.length; i += 1) if (values[i]! > 0) positive.push(i);
  positive.sort((a, b) => values[a]! - values[b]!);
  const m = positive.length;
  for (let start = 0; start < m; ) {
    let end = start;
    while (end + 1 < m && values[positive[end + 1]!] === values[positive[start]!]) end += 1;
    // Ranks start..end (0-based) share the mid-rank; the top value maps to 1.
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) out[positive[k]!] = midRank / m;
    start = end + 1;
  }
  return out;
}

function resolveWeights(weights: Partial<Record<ActivityComponent, number>>): Record<ActivityComponent, number> {
  const resolved = Object.fromEntries(ACTIVITY_COMPONENTS.map((c) => [c, 1])) as Record<ActivityComponent, number>;
  for (const [name, w] of Object.entries(weights)) {
    if (!(ACTIVITY_COMPONENTS as readonly string[]).includes(name)) throw new Error(`${MODULE}: unknown component ${name}`);
    if (w === undefined) continue;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new Error(`${MODULE}: weight of ${name} must be a finite number ≥ 0`);
    resolved[name as ActivityComponent] = w;
  }
  if (ACTIVITY_COMPONENTS.every((c) => resolved[c] === 0)) throw new Error(`${MODULE}: at least one weight must be > 0`);
  return resolved;
}

export function activeResidents(
  ties: AnyGraph,
  participation: ReadonlyMap<string, ParticipationValues>,
  options?: Partial<ActiveResidentsOptions>,
): ActiveResidentsResult {
  if (ties.type !== 'undirected') throw new Error(`${MODULE}: the tie graph must be undirected`);
  const weights = resolveWeights(options?.weights ?? {});
  const alpha = options?.alpha ?? DEFAULTS.alpha;
  const ids = ties.nodes();
  const n = ids.length;
  const raw = Object.fromEntries(ACTIVITY_COMPONENTS.map((c) => [c, new Float64Array(n)])) as Record<ActivityComponent, Float64Array>;
  for (let i = 0; i < n; i += 1) {
    const p = participation.get(ids[i]!);
    if (!p) continue;
    for (const c of ACTIVITY_COMPONENTS) if (c !== 'network') raw[c][i] = Math.max(0, p[c] ?? 0);
  }
  if (weights.network > 0 && n > 0) {
    const pr = pagerank(ties, { alpha, weighted: true, maxIterations: 1000, allowNonConvergence: true }).values;
    // Without ties a resident has no network position, only PageRank's teleport share: count it as 0.
    for (let i = 0; i < n; i += 1) raw.network[i] = ties.degree(ids[i]!) > 0 ? pr[ids[i]!]! : 0;
  }
  const normalised = Object.fromEntries(ACTIVITY_COMPONENTS.map((c) => [c, positivePercentiles(raw[c])])) as Record<ActivityComponent, Float64Array>;
  const total = ACTIVITY_COMPONENTS.reduce((s, c) => s + weights[c], 0);

  const residents: ActiveResident[] = ids.map((id, i) => {
    const components = ACTIVITY_COMPONENTS.map((component) => ({
      component,
      value: raw[component][i]!,
      normalised: normalised[component][i]!,
      contribution: (weights[component] * normalised[component][i]!) / total,
    }));
    return { id, rank: 0, score: components.reduce((s, c) => s + c.contribution, 0), components };
  });
  residents.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < residents.length; i += 1) {
    residents[i]!.rank = i > 0 && residents[i]!.score === residents[i - 1]!.score ? residents[i - 1]!.rank : i + 1;
  }
  return { residents, weights };
}
