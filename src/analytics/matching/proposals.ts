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
import { COMPONENTS, DEFAULT_URGENCY, jaccard, resolveWeights, weightedScore, type Component, type ComponentScore, type Weights } from './scores.ts';

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

  // Owners as numbers, once per entry: the pair loop below runs for every eligible pair.
  const ownerIds = new Interner();
  const resourceOwners = usable.map((r) => Int32Array.from(r.owners, (o) => ownerIds.of(o)));
  const needOwners = needs.map((x) => Int32Array.from(x.owners, (o) => ownerIds.of(o)));
  const ownerNames: string[] = [];
  for (const list of [usable, needs]) for (const e of list) for (const o of e.owners) ownerNames[ownerIds.of(o)] = o;

  // Reciprocity: owner pairs (offerer, needer) of the eligible pairs; a pair is reciprocal when the
  // need's owner also offers something eligible for a need of the resource's owner.
  const offersTo = new Set<number>();
  const pairKey = (a: number, b: number) => a * 0x200000 + b;
  for (let a = 0; a < from.length; a += 1) {
    for (const x of resourceOwners[from[a]!]!) for (const y of needOwners[to[a]!]!) offersTo.add(pairKey(x, y));
  }
  const reciprocal = (r: Int32Array, n: Int32Array) => r.some((x) => n.some((y) => offersTo.has(pairKey(y, x))));

  // Hops per owner pair, asked of the network once: a table when it is small, else a map.
  const owned = ownerIds.size;
  const table = owned * owned <= 4_000_000 ? new Int32Array(owned * owned).fill(-2) : null;
  const memo = new Map<number, number>();
  const hopsOf = (x: number, y: number): number => {
    const key = x * owned + y;
    const known = table !== null ? table[key]! : memo.get(key) ?? -2;
    if (known !== -2) return known;
    const h = owners.hops(ownerNames[x]!, ownerNames[y]!) ?? -1;
    if (table !== null) table[key] = h;
    else memo.set(key, h);
    return h;
  };
  const nearestOf = (r: Int32Array, n: Int32Array): number => {
    let best = -1;
    for (const x of r) for (const y of n) {
      const h = hopsOf(x, y);
      if (h >= 0 && (best < 0 || h < best)) best = h;
    }
    return best;
  };

  // Components by column (one array each) and the score as a plain weighted sum: objects are built
  // only for the proposals returned.
  const pairs = from.length;
  const column = () => new Float64Array(pairs);
  const columns: Record<Component, Float64Array> = { tags: column(), quantity: column(), urgency: column(), proximity: column(), bridging: column(), reciprocity: column() };
  const hopColumn = new Int32Array(pairs);
  const profit = new Float64Array(pairs);
  // The weighted mean Σ value · weight / Σ weights over COMPONENTS, in that order.
  const w = COMPONENTS.map((c) => weights[c]);
  const weightSum = w.reduce((s, x) => s + x, 0);
  for (let a = 0; a < pairs; a += 1) {
    const i = from[a]!;
    const j = to[a]!;
    const r = usable[i]!;
    const n = needs[j]!;
    const h = nearestOf(resourceOwners[i]!, needOwners[j]!);
    const tagFit = jaccard(resourceTags[i]!, needTags[j]!);
    const quantity = Math.min(1, r.quantity / n.quantity);
    const urgency = Math.min(5, Math.max(0, n.urgency ?? DEFAULT_URGENCY)) / 5;
    const proximity = h < 0 ? 0 : 1 / (1 + h);
    const bridging = weights.bridging > 0 && h !== 1 && differentGroups(owners, r.owners, n.owners) ? 1 : 0;
    const mutual = reciprocal(resourceOwners[i]!, needOwners[j]!) ? 1 : 0;
    columns.tags[a] = tagFit;
    columns.quantity[a] = quantity;
    columns.urgency[a] = urgency;
    columns.proximity[a] = proximity;
    columns.bridging[a] = bridging;
    columns.reciprocity[a] = mutual;
    hopColumn[a] = h;
    profit[a] = (tagFit * w[0]! + quantity * w[1]! + urgency * w[2]! + proximity * w[3]! + bridging * w[4]! + mutual * w[5]!) / weightSum;
  }
  const valuesOf = (a: number): Record<Component, number> => ({
    tags: columns.tags[a]!, quantity: columns.quantity[a]!, urgency: columns.urgency[a]!,
    proximity: columns.proximity[a]!, bridging: columns.bridging[a]!, reciprocity: columns.reciprocity[a]!,
  });
  const hopsAt = (a: number) => (hopColumn[a]! < 0 ? null : hopColumn[a]!);

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
    const { score, components } = weightedScore(valuesOf(a), weights);
    proposals.push({ resourceId: r.id, needId: n.id, quantity: x, score, components, hops: hopsAt(a), explanation: explainProposal(r, n, x, score, components, hopsAt(a)) });
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
