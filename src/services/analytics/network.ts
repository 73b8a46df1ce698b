/**
 * The network an analysis reads: checks the caller's scope and the community, settles the spec, and
 * hands out projections from a cache keyed by (community, window, spec, data version). The data
 * version (Database.dataVersion) moves with every write this process commits, so a write invalidates
 * every cached projection; writes by another process (the import CLI) are seen once an entry is
 * older than the settings' cacheSeconds (REWEAVE_ANALYTICS_CACHE_SECONDS, default 600). Identical
 * projections in flight are shared.
 */
import type { AbstractGraph } from 'graphology-types';
import { notFound, ReweaveError } from '../../domain/errors.ts';
import type { Database } from '../../db/database.ts';
import { getNodes } from '../../db/repositories/nodes.ts';
import { projectNetwork, projectTieCsr, projectTieCsrs, projectTieGraphs } from '../../graph/project.ts';
import type { TieCsr } from '../../graph/ties.ts';
import { DEFAULT_MAX_ACTIVITY_SIZE, DEFAULT_TIE_SOURCES, resolveSpec, type NetworkKind, type NetworkSpec, type ResolvedSpec, type TieSources } from '../../graph/spec.ts';
import type { ServiceContext } from '../context.ts';
import { requireScope } from '../guard.ts';
import { dataRange } from '../../db/repositories/graph.ts';
import { coverage, type DataRange } from './coverage.ts';
import { LruCache } from '../../compute/lru.ts';
import { analyticsSettingsOf } from '../../compute/settings.ts';

export interface NetworkRequest {
  communityId: string;
  network: NetworkKind;
  from?: Date | null;
  to?: Date | null;
  asOf?: Date | null;
  sources?: Partial<TieSources>;
  maxActivitySize?: number | null;
}

/** What a result says about the network it read. */
export interface NetworkSummary {
  communityId: string;
  network: NetworkKind;
  /** Which graph exactly, in English and Chinese (e.g. the exchange network derived from FULL). */
  description: string;
  from: Date | null;
  to: Date | null;
  asOf: Date | null;
  nodeCount: number;
  edgeCount: number;
  empty: boolean;
  message: string | null;
  /** The first and last date on the community's dated records (null: it has none). */
  dataFrom: Date | null;
  dataTo: Date | null;
}

export interface PreparedNetwork {
  /** What was asked, and where its fields sit in the arguments (for another projection of the same time). */
  request: NetworkRequest;
  at: readonly string[];
  spec: ResolvedSpec;
  /** Cache key: data version + settled spec. */
  key: string;
  /** The community's data range, which the summary holds the window against. */
  range: DataRange;
}

const DESCRIPTIONS: Record<NetworkKind, string> = {
  TIES: 'resident tie network (undirected, weighted) / 居民关系网络（无向加权）',
  FULL: 'full network (every node and relationship, directed) / 完整网络（全部节点与关系，有向）',
};

const caches = new WeakMap<Database, { graphs: LruCache<Promise<AbstractGraph>>; arrays: LruCache<Promise<TieCsr>>; ranges: LruCache<Promise<DataRange>>; communities: LruCache<Promise<boolean>> }>();

/** One cache per database, sized by the settings of the first context that uses it (one server, one set). */
function cacheOf(ctx: ServiceContext) {
  let cache = caches.get(ctx.db);
  if (!cache) {
    const { networks, cacheSeconds } = analyticsSettingsOf(ctx);
    const maxAgeMs = cacheSeconds * 1000;
    caches.set(ctx.db, (cache = { graphs: new LruCache(networks, maxAgeMs), arrays: new LruCache(networks, maxAgeMs), ranges: new LruCache(4 * networks, maxAgeMs), communities: new LruCache(4 * networks, maxAgeMs) }));
  }
  return cache;
}

/** The tie network of a prepared TIES spec as CSR arrays, cached like the graphs. */
export function networkArrays(ctx: ServiceContext, prepared: PreparedNetwork, onRows?: (rows: number) => void): Promise<TieCsr> {
  return cached(cacheOf(ctx).arrays, prepared.key, () => projectTieCsr(ctx.db, specOf(prepared, 'TIES'), onRows));
}

/**
 * The tie networks of several prepared TIES windows of one community, as CSR arrays or graphs: those
 * not cached are read together, in one pass over the rows of their union (projectTieCsrs,
 * projectTieGraphs), and cached one by one like single projections.
 */
export function windowArrays(ctx: ServiceContext, prepared: readonly PreparedNetwork[], onRows?: (rows: number) => void): Promise<TieCsr[]> {
  return windows(cacheOf(ctx).arrays, prepared, (missing) => projectTieCsrs(ctx.db, missing.map((p) => specOf(p, 'TIES')), onRows));
}

export function windowGraphs(ctx: ServiceContext, prepared: readonly PreparedNetwork[], onRows?: (rows: number) => void): Promise<AbstractGraph[]> {
  return windows(cacheOf(ctx).graphs, prepared, (missing) => projectTieGraphs(ctx.db, missing.map((p) => specOf(p, 'TIES')), onRows));
}

function windows<T>(cache: LruCache<Promise<T>>, prepared: readonly PreparedNetwork[], read: (missing: PreparedNetwork[]) => Promise<T[]>): Promise<T[]> {
  const found = new Map<string, Promise<T>>();
  const missing: PreparedNetwork[] = [];
  for (const p of prepared) {
    if (p.spec.network !== 'TIES') throw new Error(`windows: ${p.spec.network} is not a tie network`);
    const hit = cache.get(p.key);
    if (hit) found.set(p.key, hit);
    else if (!missing.some((m) => m.key === p.key)) missing.push(p);
  }
  if (missing.length > 0) {
    const all = read(missing);
    missing.forEach((p, k) => {
      const promise = all.then((values) => values[k]!);
      found.set(p.key, promise);
      cache.set(p.key, promise);
      promise.catch(() => {
        if (cache.get(p.key) === promise) cache.delete(p.key);
      });
    });
  }
  return Promise.all(prepared.map((p) => found.get(p.key)!));
}

/** From the cache, or made now and kept (a failed projection — the database went away, … — is not kept). */
function cached<T>(cache: LruCache<Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit;
  const promise = make();
  cache.set(key, promise);
  promise.catch(() => {
    if (cache.get(key) === promise) cache.delete(key);
  });
  return promise;
}

/** The projection's own spec back from a settled one. */
function specOf(prepared: PreparedNetwork, network: NetworkKind): NetworkSpec {
  const { spec } = prepared;
  const window = spec.from !== null || spec.to !== null ? { from: date(spec.from), to: date(spec.to) } : null;
  return { communityId: spec.communityId, network, window, asOf: date(spec.asOf), sources: spec.sources, maxActivitySize: spec.maxActivitySize };
}

/** Scope, community and spec checked; errors of the spec name their field under `network`. */
export async function prepareNetwork(ctx: ServiceContext, request: NetworkRequest, at: readonly string[] = ['network']): Promise<PreparedNetwork> {
  requireScope(ctx.principal, request.communityId);
  let spec: ResolvedSpec;
  try {
    const window = request.from || request.to ? { from: request.from ?? null, to: request.to ?? null } : null;
    spec = resolveSpec({ communityId: request.communityId, network: request.network, window, asOf: request.asOf ?? null, sources: request.sources ?? {}, maxActivitySize: request.maxActivitySize ?? null });
  } catch (error) {
    if (error instanceof ReweaveError && error.details.path) {
      // resolveSpec names window.from / window.to; the API's fields are from / to.
      const path = error.details.path.filter((p) => p !== 'window');
      throw new ReweaveError(error.code, error.message, { ...error.details, path: [...at, ...path] });
    }
    throw error;
  }
  // Kept like the projections (a cached answer then needs no database at all); only a community
  // found is kept, so one created meanwhile by another process is seen at once.
  const key = `${ctx.db.dataVersion}|${request.communityId}`;
  const known = cacheOf(ctx).communities;
  const exists = await cached(known, key, async () => (await ctx.db.read((tx) => getNodes(tx, 'Community', [request.communityId]))).length > 0);
  if (!exists) {
    known.delete(key);
    throw notFound('Community', request.communityId, [...at, 'communityId']);
  }
  // Tie-source weights mean nothing to FULL: one FULL projection serves every request of its time.
  if (spec.network === 'FULL') spec = { ...spec, sources: { ...DEFAULT_TIE_SOURCES }, maxActivitySize: DEFAULT_MAX_ACTIVITY_SIZE };
  const range = await cached(cacheOf(ctx).ranges, key, () => dataRange(ctx.db, request.communityId));
  return { request, at, spec, key: `${ctx.db.dataVersion}|${JSON.stringify(spec)}`, range };
}

/** The projection for a prepared spec, from the cache or read now (shared with identical reads in flight). */
export function networkGraph(ctx: ServiceContext, prepared: PreparedNetwork, onRows?: (rows: number) => void): Promise<AbstractGraph> {
  return cached(cacheOf(ctx).graphs, prepared.key, () => projectNetwork(ctx.db, specOf(prepared, prepared.spec.network), onRows));
}

const date = (t: number | null) => (t === null ? null : new Date(t));

export function summarise(prepared: PreparedNetwork, graph: { order: number; size: number }, description = DESCRIPTIONS[prepared.spec.network], emptyWhen: 'nodes' | 'edges' = 'nodes'): NetworkSummary {
  const { spec } = prepared;
  const covered = coverage(prepared.range, spec);
  const empty = covered.outside || (emptyWhen === 'nodes' ? graph.order === 0 : graph.size === 0);
  const message = covered.outside || !empty
    ? covered.message
    : graph.order === 0
      ? 'No data in this window: no nodes to analyse / 该时间范围内没有数据'
      : 'No ties in this window: nothing to analyse / 该时间范围内没有关系';
  return {
    communityId: spec.communityId,
    network: spec.network,
    description,
    from: date(spec.from),
    to: date(spec.to),
    asOf: date(spec.asOf),
    nodeCount: graph.order,
    edgeCount: graph.size,
    empty,
    message,
    dataFrom: prepared.range.first,
    dataTo: prepared.range.last,
  };
}
