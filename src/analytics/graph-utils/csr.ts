/**
 * A compact CSR (compressed sparse row) copy of a graphology graph, for the O(n·m) kernels.
 *
 * DESIGN.md, "Performance notes": walking a graphology graph per step costs a Map look-up and a
 * callback per neighbour, which the kernels' inner loops cannot afford; building this copy costs far
 * less than one such pass (bench/analytics-centrality.ts times both, against graphology-metrics).
 * This copy is built once per call (or once per batch of metrics, passing the CSR itself) and then
 * read with plain index arithmetic.
 *
 * Layout: nodes are numbered 0..order−1 in the graph's iteration order; the neighbours of node i are
 * targets[offsets[i] .. offsets[i+1]), each with the edge's weight at the same position. An
 * undirected edge is stored in both directions. Self-loops are left out (the TIES network has none;
 * no shortest path uses one).
 *
 * Scope: simple undirected graphs (the TIES network of src/graph/ties.ts). A directed or multi graph
 * is refused rather than silently read as undirected: its conventions (in- vs out-distances,
 * parallel edges) would need choosing first.
 */
import type { Attributes } from 'graphology-types';
import type { AnyGraph } from './graph.ts';

export interface CSR {
  readonly kind: 'csr';
  /** node key by dense index */
  readonly ids: readonly string[];
  readonly order: number;
  /** number of undirected edges (each stored twice) */
  readonly size: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** the edge weight of each entry of `targets`; 1 where the edge has no weight attribute */
  readonly weights: Float64Array;
}

export interface CSROptions {
  /** edge attribute read as the weight; missing values count as 1 (as NetworkX's `get(weight, 1)`). */
  weightAttribute: string;
}

const DEFAULTS: CSROptions = { weightAttribute: 'weight' };

export function isCSR(value: unknown): value is CSR {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'csr';
}

/**
 * Copy a graph into CSR. `module` names the caller in error messages (`centrality/betweenness: …`).
 */
export function toCSR(graph: AnyGraph, options: Partial<CSROptions> = {}, module = 'graph-utils/csr'): CSR {
  const builder = new CSRBuilder(graph, options, module);
  graph.forEachEdge((_edge, attributes, source, target) => builder.add(attributes, source, target));
  return builder.finish();
}

/** Edges copied between two pauses of `csrSteps`: a few milliseconds of work. */
export const CSR_SLICE = 2048;

/**
 * The same copy, pausing (yielding) every CSR_SLICE edges, so a caller on an event loop can let
 * other work in between: a straight copy of a large graph blocks for longer than a server that must
 * keep answering /health can afford (bench/analytics-centrality.ts times it). It walks
 * graphology's edge iterator, which can be paused, where `toCSR` uses the faster callback walk (about
 * half the time), so a caller that has no event loop to keep free should use `toCSR`.
 */
export function* csrSteps(graph: AnyGraph, options: Partial<CSROptions> = {}, module = 'graph-utils/csr'): Generator<void, CSR, void> {
  const builder = new CSRBuilder(graph, options, module);
  yield;
  let seen = 0;
  for (const { attributes, source, target } of graph.edgeEntries()) {
    builder.add(attributes, source, target);
    seen += 1;
    if (seen % CSR_SLICE === 0) yield;
  }
  yield;
  return builder.finish();
}

/** Nodes numbered in iteration order; edges collected one by one, then laid out by `finish`. */
class CSRBuilder {
  private readonly ids: string[];
  private readonly index = new Map<string, number>();
  private readonly weightAttribute: string;
  private readonly sources: Int32Array;
  private readonly ends: Int32Array;
  private readonly edgeWeights: Float64Array;
  private readonly degree: Int32Array;
  private e = 0;

  constructor(graph: AnyGraph, options: Partial<CSROptions>, private readonly module: string) {
    if (typeof graph !== 'object' || graph === null || typeof (graph as { forEachEdge?: unknown }).forEachEdge !== 'function') {
      throw new Error(`${module}: expects a graphology graph`);
    }
    if (graph.type !== 'undirected' || graph.multi) {
      throw new Error(`${module}: expects a simple undirected graph (the TIES network), not a ${graph.multi ? 'multi ' : ''}${graph.type} graph`);
    }
    this.weightAttribute = { ...DEFAULTS, ...options }.weightAttribute;
    const n = graph.order;
    this.ids = new Array<string>(n);
    let i = 0;
    graph.forEachNode((key) => {
      this.ids[i] = key;
      this.index.set(key, i);
      i += 1;
    });
    const m = graph.size;
    this.sources = new Int32Array(m);
    this.ends = new Int32Array(m);
    this.edgeWeights = new Float64Array(m);
    this.degree = new Int32Array(n + 1);
  }

  add(attributes: Attributes, source: string, target: string): void {
    const s = this.index.get(source)!;
    const t = this.index.get(target)!;
    if (s === t) return;
    const raw: unknown = attributes[this.weightAttribute];
    const w = raw === undefined || raw === null ? 1 : raw;
    if (typeof w !== 'number' || Number.isNaN(w)) {
      throw new Error(`${this.module}: edge ${source}–${target} has a non-numeric ${this.weightAttribute} (${String(raw)})`);
    }
    const { e, degree } = this;
    this.sources[e] = s;
    this.ends[e] = t;
    this.edgeWeights[e] = w;
    degree[s] = degree[s]! + 1;
    degree[t] = degree[t]! + 1;
    this.e = e + 1;
  }

  finish(): CSR {
    return assembleCsr(this.ids, this.sources, this.ends, this.edgeWeights, this.degree, this.e);
  }
}

/**
 * CSR arrays from an edge list: edge k joins sources[k] and ends[k] with weight edgeWeights[k], and
 * degree[v] counts the edges at v. Each edge is stored in both directions. Shared with the tie
 * projection (src/graph/ties.ts), which collects its edges without a graphology graph.
 */
export function assembleCsr(ids: readonly string[], sources: Int32Array, ends: Int32Array, edgeWeights: Float64Array, degree: Int32Array, e: number): CSR {
  const n = ids.length;
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v += 1) offsets[v + 1] = offsets[v]! + degree[v]!;
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(2 * e);
  const weights = new Float64Array(2 * e);
  for (let k = 0; k < e; k += 1) {
    const s = sources[k]!;
    const t = ends[k]!;
    const w = edgeWeights[k]!;
    let at = cursor[s]!;
    targets[at] = t;
    weights[at] = w;
    cursor[s] = at + 1;
    at = cursor[t]!;
    targets[at] = s;
    weights[at] = w;
    cursor[t] = at + 1;
  }
  return { kind: 'csr', ids, order: n, size: e, offsets, targets, weights };
}

/** The CSR of a graph, or the CSR itself when one is passed (to share one copy across metrics). */
export function asCSR(graph: AnyGraph | CSR, weightAttribute: string, module: string): CSR {
  return isCSR(graph) ? graph : toCSR(graph, { weightAttribute }, module);
}

/**
 * An empty record for results keyed by node id or group name — both come from stored data. Null
 * prototype: with `{}`, a key "__proto__" would set the prototype instead of an entry (the node
 * vanishes from the result) and "constructor" would read Object's function.
 */
export function keyedRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Dense values → a record keyed by node id. */
export function toRecord(csr: CSR, values: ArrayLike<number>): Record<string, number> {
  const out = keyedRecord<number>();
  for (let v = 0; v < csr.order; v += 1) out[csr.ids[v]!] = values[v]!;
  return out;
}

/**
 * Edge lengths for a shortest-path metric: 'weight' reads the weight as a length (NetworkX's
 * `weight="weight"`), 'inverse-weight' reads it as a strength and uses 1/weight (Opsahl, Agneessens
 * & Skvoretz 2010, "Node centrality in weighted networks"). Lengths must be positive and finite:
 * Dijkstra needs it, and a zero length would make "equally short" ill-defined.
 */
export function lengths(csr: CSR, distance: 'weight' | 'inverse-weight', module: string): Float64Array {
  const out = new Float64Array(csr.weights.length);
  for (let k = 0; k < out.length; k += 1) {
    const w = csr.weights[k]!;
    const length = distance === 'weight' ? w : 1 / w;
    if (!(length > 0) || !Number.isFinite(length)) {
      throw new Error(`${module}: with distance '${distance}' every edge weight must be a positive finite number, got ${w}`);
    }
    out[k] = length;
  }
  return out;
}
