/**
 * Match proposals for a pool: eligible pairs (eligibility.ts), their scores (scores.ts), the optimal
 * assignment of quantities (assignment.ts) beside the greedy one (greedy.ts), and an explanation of
 * every proposal and of every need left (partly) unmet (explain.ts). Pure: the owners' distances and
 * groups come in as functions (proximity.ts computes them from the full network).
 */
import { solveTransport } from './assignment.ts';
import { categoryTable, DEFAULT_RELATED_CATEGORIES, ineligibility, type Ineligibility, type NeedInput, type PoolEntryInput, type RelatedCategory } from './eligibility.ts';
import { explainProposal, explainUnmet, type Sentence } from './explain.ts';
import { greedyTransport } from './greedy.ts';
import { DEFAULT_URGENCY, jaccard, resolveWeights, scoreOf, weightedScore, type Component, type ComponentScore, type Weights } from './scores.ts';

export interface OwnerGroups {
  readonly branches: readonly string[];
  readonly areas: readonly string[];
}

export interface OwnerContext {
  /** Hops between two owners in the full network; null when not connected. */
  hops(a: string, b: string): number | null;
  groups(owner: string): OwnerGroups;
}

export interface MatchingOptions {
  weights?: Partial<Weights>;
  favourNewBridges?: boolean;
  relatedCategories?: readonly RelatedCategory[];
}

export interface Proposal {
  readonly resourceId: string;
  readonly needId: string;
  readonly quantity: number;
  readonly score: number;
  readonly components: readonly ComponentScore[];
  /** Hops between the owners (null: not connected). */
  readonly hops: number | null;
  readonly explanation: Sentence;
}

export type UnmetReason = 'NO_ELIGIBLE_RESOURCE' | 'NO_CAPACITY_LEFT' | 'OUTSCORED' | 'PARTLY_MET';

export interface UnmetNeed {
  readonly needId: string;
  readonly asked: number;
  readonly unmet: number;
  readonly reason: UnmetReason;
  /** For NO_ELIGIBLE_RESOURCE: the first test that every resource failed. */
  readonly ineligibility: Ineligibility | null;
  /** For OUTSCORED: the pair that would win a unit with the smallest raise of its score. */
  readonly nearestResourceId: string | null;
  readonly nearestScore: number | null;
  readonly raiseNeeded: number | null;
  readonly explanation: Sentence;
}

export interface MatchResult {
  readonly weights: Weights;
  readonly proposals: readonly Proposal[];
  readonly unmet: readonly UnmetNeed[];
  /** Σ score × quantity of the optimal assignment, and of the greedy one. */
  readonly total: number;
  readonly greedyTotal: number;
  readonly resources: number;
  readonly needs: number;
  readonly eligiblePairs: number;
}

const EPS = 1e-9;

class Interner {
  private readonly ids = new Map<string, number>();
  of(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function nearest(owners: OwnerContext, a: readonly string[], b: readonly string[]): number | null {
  let best: number | null = null;
  for (const x of a) for (const y of b) {
    const h = owners.hops(x, y);
    if (h !== null && (best === null || h < best)) best = h;
  }
  return best;
}

/** Different branches or different housing areas, compared only where both sides have one. */
function differentGroups(owners: OwnerContext, a: readonly string[], b: readonly string[]): boolean {
  const differ = (x: readonly string[], y: readonly string[]) => x.length > 0 && y.length > 0 && !x.some((g) => y.includes(g));
  for (const x of a) for (const y of b) {
    const gx = owners.groups(x);
    const gy = owners.groups(y);
    if (differ(gx.branches, gy.branches) || differ(gx.areas, gy.areas)) return true;
  }
  return false;
}

export function matchPools(resourceList: readonly PoolEntryInput[], needList: readonly NeedInput[], owners: OwnerContext, options: MatchingOptions = {}): MatchResult {
  const weights = resolveWeights(options.weights ?? {}, options.favourNewBridges ?? false);
  const fits = categoryTable(options.relatedCategories ?? DEFAULT_RELATED_CATEGORIES);
  const resources = [...resourceList].sort(byId);
  const needs = [...needList].filter((n) => n.quantity > 0).sort(byId);
  const usable = resources.filter((r) => r.quantity > 0);

  const tags = new Interner();
  const tagSet = (e: PoolEntryInput) => Int32Array.from(new Set(e.tags.map((t) => tags.of(t)))).sort();
  const resourceTags = usable.map(tagSet);
  const needTags = needs.map(tagSet);

  // Resources by category, so a need only looks at those whose category fits.
  const byCategory = new Map<string, number[]>();
  usable.forEach((r, i) => {
    const list = byCategory.get(r.category);
    if (list) list.push(i);
    else byCategory.set(r.category, [i]);
  });
  const fitting = new Map<string, number[]>();
  const candidatesOf = (category: string) => {
    let list = fitting.get(category);
    if (!list) {
      list = [...byCategory.entries()].filter(([c]) => fits(c, category)).flatMap(([, is]) => is).sort((a, b) => a - b);
      fitting.set(category, list);
    }
    return list;
  };

  const from: number[] = [];
  const to: number[] = [];
  needs.forEach((need, j) => {
    for (const i of candidatesOf(need.category)) {
      if (ineligibility(usable[i]!, need, fits) === null) {
        from.push(i);
        to.push(j);
      }
    }
  });

  // Reciprocity: owner pairs (offerer, needer) of the eligible pairs; a pair is reciprocal when the
  // need's owner also offers something eligible for a need of the resource's owner.
  const ownerIds = new Interner();
  const offersTo = new Set<number>();
  const pairKey = (a: number, b: number) => a * 0x200000 + b;
  for (let a = 0; a < from.length; a += 1) {
    for (const x of usable[from[a]!]!.owners) for (const y of needs[to[a]!]!.owners) offersTo.add(pairKey(ownerIds.of(x), ownerIds.of(y)));
  }
  const reciprocal = (r: PoolEntryInput, n: PoolEntryInput) =>
    r.owners.some((x) => n.owners.some((y) => offersTo.has(pairKey(ownerIds.of(y), ownerIds.of(x)))));

  const values: Record<Component, number>[] = [];
  const hops: (number | null)[] = [];
  const profit = new Float64Array(from.length);
  for (let a = 0; a < from.length; a += 1) {
    const r = usable[from[a]!]!;
    const n = needs[to[a]!]!;
    const h = nearest(owners, r.owners, n.owners);
    const v: Record<Component, number> = {
      tags: jaccard(resourceTags[from[a]!]!, needTags[to[a]!]!),
      quantity: Math.min(1, r.quantity / n.quantity),
      urgency: Math.min(5, Math.max(0, n.urgency ?? DEFAULT_URGENCY)) / 5,
      proximity: h === null ? 0 : 1 / (1 + h),
      bridging: weights.bridging > 0 && h !== 1 && differentGroups(owners, r.owners, n.owners) ? 1 : 0,
      reciprocity: reciprocal(r, n) ? 1 : 0,
    };
    values.push(v);
    hops.push(h);
    profit[a] = scoreOf(v, weights);
  }

  const problem = { supply: usable.map((r) => r.quantity), demand: needs.map((n) => n.quantity), from, to, profit };
  const solution = solveTransport(problem);
  const greedy = greedyTransport(problem);

  const proposals: Proposal[] = [];
  const received = new Float64Array(needs.length);
  for (let a = 0; a < from.length; a += 1) {
    const x = solution.flow[a]!;
    if (x <= EPS) continue;
    const r = usable[from[a]!]!;
    const n = needs[to[a]!]!;
    received[to[a]!] = received[to[a]!]! + x;
    const { score, components } = weightedScore(values[a]!, weights);
    proposals.push({ resourceId: r.id, needId: n.id, quantity: x, score, components, hops: hops[a]!, explanation: explainProposal(r, n, x, score, components, hops[a]!) });
  }
  proposals.sort((p, q) => q.score - p.score || (p.needId < q.needId ? -1 : p.needId > q.needId ? 1 : 0) || (p.resourceId < q.resourceId ? -1 : 1));

  // The pair of each need that the smallest raise would bring in: u(i) − score(i, j), least first.
  const nearestPair = new Int32Array(needs.length).fill(-1);
  const gap = new Float64Array(needs.length).fill(Infinity);
  for (let a = 0; a < from.length; a += 1) {
    const g = solution.resourcePrice[from[a]!]! - profit[a]!;
    if (g < gap[to[a]!]! - EPS) {
      gap[to[a]!] = g;
      nearestPair[to[a]!] = a;
    }
  }

  const unmet: UnmetNeed[] = [];
  needs.forEach((n, j) => {
    const left = n.quantity - received[j]!;
    if (left <= EPS) return;
    let reason: UnmetReason;
    let why: Ineligibility | null = null;
    if (received[j]! > EPS) reason = 'PARTLY_MET';
    else if (nearestPair[j]! >= 0) reason = 'OUTSCORED';
    else {
      const exhausted = resources.filter((r) => r.quantity <= 0).some((r) => ineligibility(r, n, fits) === null);
      reason = exhausted ? 'NO_CAPACITY_LEFT' : 'NO_ELIGIBLE_RESOURCE';
      if (!exhausted) {
        const found = resources.map((r) => ineligibility(r, n, fits));
        why = found.includes('SAME_OWNER') ? 'SAME_OWNER' : found.includes('VALIDITY') ? 'VALIDITY' : 'CATEGORY';
      }
    }
    const a = reason === 'OUTSCORED' ? nearestPair[j]! : -1;
    const near = a >= 0 ? { resource: usable[from[a]!]!, score: profit[a]!, raise: Math.max(0, solution.raiseNeeded[j]!) } : null;
    unmet.push({
      needId: n.id, asked: n.quantity, unmet: left, reason, ineligibility: why,
      nearestResourceId: near?.resource.id ?? null, nearestScore: near?.score ?? null, raiseNeeded: near?.raise ?? null,
      explanation: explainUnmet(n, left, reason, why, near),
    });
  });

  return {
    weights, proposals, unmet, total: solution.total, greedyTotal: greedy.total,
    resources: usable.length, needs: needs.length, eligiblePairs: from.length,
  };
}
