/**
 * Bridging ties and brokers: bridges (cut edges; Tarjan 1974) and local bridges with their span
 * (Granovetter 1973), and Burt's structural holes — constraint, hierarchy, effective size and
 * efficiency (Burt 1992). Kernels in src/analytics/bridging.
 */
import { collapseToUndirected } from '../../graph/collapse.ts';
import type { AnalyticsValueOf } from '../../domain/vocabulary.ts';
import type { ServiceContext } from '../context.ts';
import { computeTask } from '../../compute/dispatch.ts';
import { prepareNetwork, summarise, type NetworkRequest, type NetworkSummary } from './network.ts';
import { nodeRef, rankBy, type NodeRef } from './ranking.ts';
import { shareRun } from './run.ts';

export interface BridgingTie {
  source: NodeRef;
  target: NodeRef;
  /** A cut edge: removing it disconnects its ends. */
  bridge: boolean;
  /** Shortest path between the ends without this tie, in ties; null for a bridge. */
  span: number | null;
  weight: number | null;
}

export interface BridgingTiesOutcome {
  network: NetworkSummary;
  bridgeCount: number;
  localBridgeCount: number;
  /** Bridges first, then local bridges by span, widest first. */
  ties: BridgingTie[];
  seconds: number;
}

export async function bridgingTies(ctx: ServiceContext, request: NetworkRequest): Promise<BridgingTiesOutcome> {
  const prepared = await prepareNetwork(ctx, request);
  return shareRun(ctx, 'bridging-ties', prepared, {}, async (run) => {
    const started = performance.now();
    const simple = collapseToUndirected(await run.graph());
    const network = summarise(prepared, simple, undefined, 'edges');
    if (network.empty) return { network, bridgeCount: 0, localBridgeCount: 0, ties: [], seconds: 0 };
    const [cut, local] = await Promise.all([computeTask(ctx, 'bridges', simple, {}), computeTask(ctx, 'localBridges', simple, { withSpan: true })]);
    const cutKeys = new Set(cut.map((b) => [b.source, b.target].sort().join('\u0000')));
    const weightOf = (s: string, t: string) => {
      const w = simple.getEdgeAttribute(simple.edge(s, t)!, 'weight');
      return typeof w === 'number' ? w : null;
    };
    const ties: BridgingTie[] = local.map((l) => {
      const bridge = cutKeys.has([l.source, l.target].sort().join('\u0000'));
      return { source: nodeRef(simple, l.source), target: nodeRef(simple, l.target), bridge, span: bridge ? null : l.span, weight: weightOf(l.source, l.target) };
    });
    ties.sort((a, b) => Number(b.bridge) - Number(a.bridge) || (b.span ?? 0) - (a.span ?? 0) || (a.source.nodeId + a.target.nodeId < b.source.nodeId + b.target.nodeId ? -1 : 1));
    return { network, bridgeCount: cut.length, localBridgeCount: local.length, ties, seconds: (performance.now() - started) / 1000 };
  });
}

export type StructuralHoleOrder = AnalyticsValueOf<'StructuralHoleOrder'>;

export interface StructuralHoleScore extends NodeRef {
  rank: number;
  contacts: number;
  constraint: number | null;
  hierarchy: number | null;
  effectiveSize: number | null;
  efficiency: number | null;
}

export interface StructuralHolesOutcome {
  network: NetworkSummary;
  orderBy: StructuralHoleOrder;
  weighted: boolean;
  scores: StructuralHoleScore[];
  seconds: number;
}

export async function structuralHoles(ctx: ServiceContext, request: NetworkRequest, options: { orderBy: StructuralHoleOrder; weighted: boolean }): Promise<StructuralHolesOutcome> {
  const prepared = await prepareNetwork(ctx, request);
  return shareRun(ctx, 'structural-holes', prepared, options, async (run) => {
    const started = performance.now();
    const simple = collapseToUndirected(await run.graph());
    const network = summarise(prepared, simple);
    if (network.empty) return { network, ...options, scores: [], seconds: 0 };
    const weighted = { weighted: options.weighted };
    const [c, e] = await Promise.all([computeTask(ctx, 'constraint', simple, weighted), computeTask(ctx, 'effectiveSize', simple, weighted)]);
    const items = Object.keys(c).map((key) => ({
      ...nodeRef(simple, key),
      contacts: c[key]!.contacts, constraint: c[key]!.constraint, hierarchy: c[key]!.hierarchy,
      effectiveSize: e[key]?.effectiveSize ?? null, efficiency: e[key]?.efficiency ?? null,
    }));
    // Brokers first: least constrained, or largest effective size / efficiency.
    const scores = rankBy(items, (i) => i[options.orderBy], options.orderBy === 'constraint');
    return { network, ...options, scores, seconds: (performance.now() - started) / 1000 };
  });
}
