/**
 * The algorithms bench/analytics times, with the one convention every library is held to, how their
 * cost grows (for the time budgets) and how their answers are compared. bench/python/analytics_bench.py
 * implements the same names; a name it does not know comes back as "n/a".
 */

/** How an algorithm's time grows with the graph, used to extrapolate from a smaller size. */
export type Cost =
  | 'm' // linear in the ties (one pass, or a fixed number of passes)
  | 'nm' // one search per node (exact shortest-path centralities)
  | 'km'; // one search per pivot (a fixed number of pivots)

/** How two libraries' answers are compared. */
export type Agreement =
  // per-node values; max |Δ| relative to max |value|; `igraph` when igraph may differ by more (another solver)
  | { kind: 'vector'; tolerance: number; igraph?: number }
  | { kind: 'scalar'; field: string; tolerance: number } // one number of the summary, absolute
  | { kind: 'exact'; fields: string[] } // summary fields that must be equal
  | { kind: 'quality'; field: string; tolerance: number } // heuristics (Louvain): compare the score reached, not the partition
  | { kind: 'none' }; // only reweave has it: nothing to compare against

export interface Algorithm {
  name: string;
  /** the convention, as printed under the table */
  convention: string;
  cost: Cost;
  agreement: Agreement;
  /** one of the targets: ratio to igraph must be ≤ 1.0 (all algorithms must beat NetworkX) */
  igraphTarget: boolean;
}

// Exact arithmetic on both sides (same sums in a different order): anything above ~1e-9 is a bug.
const EXACT = { kind: 'vector', tolerance: 1e-9 } as const;
// reweave runs NetworkX's power iteration step for step, so the two agree to rounding. igraph solves
// to convergence (PRPACK, ARPACK), while NetworkX's stopping rule Σ|x − x_last| < n·1e-6 loosens with
// n: measured against igraph, PageRank 3e-3 (1k) and 2e-2 (10k) of the largest value. Agreement
// with igraph is judged to 5e-2. Eigenvector fails it at 10k (2e-1): the top two eigenvalues of a
// community graph are close (8.27 vs 8.13 on a 10k example), power iteration creeps, and NetworkX's
// rule stops it early; scipy's eigsh agrees with igraph to 1e-14 there, so the ✗ is the
// NetworkX-convention tolerance being too loose, which the bench shows rather than hides.
const ITERATIVE = { kind: 'vector', tolerance: 1e-9, igraph: 5e-2 } as const;

export const ALGORITHMS: readonly Algorithm[] = [
  { name: 'degree', convention: 'raw tie count', cost: 'm', agreement: EXACT, igraphTarget: false },
  { name: 'strength', convention: 'sum of tie weights', cost: 'm', agreement: EXACT, igraphTarget: false },
  {
    name: 'betweenness',
    convention: 'exact, unweighted (BFS), normalised by (n−1)(n−2) as NetworkX; igraph raw × 2/((n−1)(n−2))',
    cost: 'nm', agreement: EXACT, igraphTarget: true,
  },
  {
    name: 'betweenness-sampled',
    convention: 'k pivots, normalised as NetworkX k=; reweave and igraph (sources= subset, rescaled) use the same pivots, '
      + 'NetworkX its own k=,seed= sample (checked separately on reweave\'s pivots with betweenness_centrality_subset)',
    cost: 'km', agreement: EXACT, igraphTarget: true,
  },
  {
    name: 'closeness',
    convention: 'unweighted, Wasserman–Faust (NetworkX wf_improved=True); igraph per-component value × (r−1)/(n−1)',
    cost: 'nm', agreement: EXACT, igraphTarget: true,
  },
  { name: 'harmonic', convention: 'unweighted, not normalised (NetworkX harmonic_centrality)', cost: 'nm', agreement: EXACT, igraphTarget: false },
  {
    name: 'eigenvector',
    convention: 'unweighted, unit Euclidean norm (NetworkX max_iter=1000, tol=1e-6); igraph ARPACK rescaled to unit norm',
    cost: 'm', agreement: ITERATIVE, igraphTarget: false,
  },
  {
    // reweave's default: converged (the API's tolerance 1e-12, up to 10,000 iterations), against the
    // same stopping rule in NetworkX and igraph's ARPACK solve.
    name: 'eigenvector-tight',
    convention: 'unweighted, unit Euclidean norm, tolerance 1e-12 per node, up to 10000 iterations (reweave, NetworkX); igraph ARPACK rescaled',
    cost: 'm', agreement: { kind: 'vector', tolerance: 1e-9, igraph: 1e-5 }, igraphTarget: false,
  },
  { name: 'pagerank', convention: 'unweighted, α = 0.85, tol 1e-6 (igraph: PRPACK)', cost: 'm', agreement: ITERATIVE, igraphTarget: true },
  {
    // At NetworkX's tolerance reweave (like NetworkX) is 10% of the largest value off igraph's exact
    // solve at 100k (measured): faster, but less work. This row is the like-for-like comparison.
    name: 'pagerank-tight',
    convention: 'unweighted, α = 0.85, tolerance 1e-12 per node, up to 1000 iterations (reweave, NetworkX): converged to igraph\'s exact PRPACK solve',
    cost: 'm', agreement: { kind: 'vector', tolerance: 1e-9, igraph: 1e-5 }, igraphTarget: true,
  },
  { name: 'pagerank-weighted', convention: 'weighted by the weight attribute, α = 0.85, tol 1e-6', cost: 'm', agreement: ITERATIVE, igraphTarget: false },
  { name: 'components', convention: 'connected components (count and largest)', cost: 'm', agreement: { kind: 'exact', fields: ['count', 'largest'] }, igraphTarget: false },
  {
    name: 'louvain',
    convention: 'weighted, resolution 1, seed 1 (NetworkX louvain_communities, igraph community_multilevel); heuristics '
      + 'with different random orders, so the modularity reached is compared (±0.02), not the partition',
    cost: 'm', agreement: { kind: 'quality', field: 'modularity', tolerance: 0.02 }, igraphTarget: false,
  },
  { name: 'modularity', convention: 'weighted modularity of the generator\'s groups', cost: 'm', agreement: { kind: 'scalar', field: 'modularity', tolerance: 1e-9 }, igraphTarget: false },
  { name: 'bridges', convention: 'cut edges (the sorted list is compared)', cost: 'm', agreement: { kind: 'exact', fields: ['count', 'edges'] }, igraphTarget: false },
  {
    name: 'local-bridges',
    convention: 'ties whose ends share no neighbour, with the hop-count span (NetworkX local_bridges with_span=True)',
    cost: 'nm', agreement: { kind: 'exact', fields: ['count', 'spanSum', 'unbounded'] }, igraphTarget: false,
  },
  { name: 'constraint', convention: 'Burt\'s constraint, weighted (NetworkX constraint, igraph constraint)', cost: 'm', agreement: EXACT, igraphTarget: false },
  {
    name: 'effective-size',
    convention: 'Burt\'s effective size, unweighted (NetworkX\'s default call: with SciPy a dense n×n matrix, 74.5 GiB at 100k; '
      + 'its per-node path, nodes=list(G), copies the graph per node: 62 s at 1k)', cost: 'm', agreement: EXACT, igraphTarget: false },
  { name: 'ei-index', convention: 'Krackhardt E-I by group, with the 1000-permutation test (reweave only)', cost: 'm', agreement: { kind: 'none' }, igraphTarget: false },
  {
    name: 'brokerage',
    convention: 'Gould–Fernandez roles by group on the mutual directed copy (both arcs per tie; reweave only)',
    cost: 'm', agreement: { kind: 'none' }, igraphTarget: false,
  },
];

export const ALGORITHM_NAMES = ALGORITHMS.map((a) => a.name);

export function algorithm(name: string): Algorithm {
  const found = ALGORITHMS.find((a) => a.name === name);
  if (!found) throw new Error(`unknown algorithm ${name}; known: ${ALGORITHM_NAMES.join(', ')}`);
  return found;
}

/** Work units of an algorithm on a graph of n nodes and m ties (k pivots), for extrapolating times. */
export function workUnits(cost: Cost, n: number, m: number, k: number): number {
  if (cost === 'nm') return n * (n + m);
  if (cost === 'km') return Math.min(k, n) * (n + m);
  return n + m;
}

/** What one library reports for one algorithm at one size (also the JSON the Python side prints). */
export interface Measurement {
  status: 'ok' | 'n/a' | 'skipped' | 'error';
  /** median time of one run, algorithm only (graph loading excluded) */
  ms?: number;
  /** median CPU time of one run (the whole process, threads included) */
  cpuMs?: number;
  /** how many runs the median is over (fast algorithms are repeated) */
  runs?: number;
  /** skipped: the estimated time that exceeded the budget */
  estimateMs?: number;
  /** n/a or error: why */
  note?: string;
  /** per-node values by node index (null for NaN / undefined), for the agreement check */
  values?: (number | null)[];
  /** summary fields (count, modularity, …) for the agreement check */
  summary?: Record<string, unknown>;
}

export interface RunReport {
  library: 'reweave' | 'networkx' | 'igraph';
  version: string;
  /** which code path timed it (reweave: pure functions or the worker pool) */
  path?: string;
  n: number;
  m: number;
  /** building the library's graph from the edge list, excluded from the algorithm times */
  loadMs: number;
  results: Record<string, Measurement>;
}
