/**
 * Openness of groups: for a grouping attribute, the share of ties that cross groups and Krackhardt's
 * E-I index at network, group and node level with a permutation test (Krackhardt & Stern 1988), and
 * Gould–Fernandez brokerage roles on the directed time-bank exchange network (Gould & Fernandez
 * 1989). The grouping can be a resident attribute or the Louvain community detected in the same network.
 */
import { BROKERAGE_ROLES, type BrokerageCounts } from '../../analytics/bridging/brokerage.ts';
import type { EIPermutationTest } from '../../analytics/bridging/ei-index.ts';
import { collapseToUndirected } from '../../graph/collapse.ts';
import { exchangeNetwork } from '../../graph/exchange.ts';
import type { AbstractGraph } from 'graphology-types';
import { analyticsLabel, type AnalyticsValueOf } from '../../domain/vocabulary.ts';
import type { ServiceContext } from '../context.ts';
import { computeTask } from '../../compute/dispatch.ts';
import { prepareNetwork, summarise, type NetworkRequest, type NetworkSummary } from './network.ts';
import { nodeRef, numberBySize, rankBy, type NodeRef } from './ranking.ts';
import { shareRun } from './run.ts';

/** A resident attribute the projection carries, or the Louvain community detected in the same network. */
export type Grouping = AnalyticsValueOf<'GroupingAttribute'>;

export interface GroupingOptions {
  groupBy: Grouping;
  /** For detectedCommunity: Louvain's resolution and seed. */
  resolution: number;
  seed: number;
}

/** The node → group attribute to read: a resident attribute, or a Louvain membership written onto a copy. */
async function grouped(ctx: ServiceContext, graph: AbstractGraph, o: GroupingOptions, detectOn: AbstractGraph = graph): Promise<{ graph: AbstractGraph; attribute: string }> {
  if (o.groupBy !== 'detectedCommunity') return { graph, attribute: o.groupBy };
  const { communities } = await computeTask(ctx, 'louvain', collapseToUndirected(detectOn), { resolution: o.resolution, seed: o.seed });
  // Numbered by size, 0 = largest, as communityDetection numbers its groups.
  const bySize = numberBySize(communities);
  const copy = graph.copy();
  copy.forEachNode((node) => copy.setNodeAttribute(node, 'detectedCommunity', communities[node] === undefined ? null : bySize.get(communities[node])!));
  return { graph: copy, attribute: 'detectedCommunity' };
}

/** When no node has a value of the grouping attribute there is nothing to compare: say so. */
function ungrouped(network: NetworkSummary, unassigned: number, order: number, groupBy: Grouping): NetworkSummary {
  if (order === 0 || unassigned < order) return network;
  const term = analyticsLabel('GroupingAttribute', groupBy);
  return { ...network, empty: true, message: `No node has a value of ${groupBy} (${term.en}) / 没有节点具有${term.zh}分组属性` };
}

export interface EICountsOut {
  external: number;
  internal: number;
  ei: number | null;
}

export interface GroupMixingOutcome {
  network: NetworkSummary;
  parameters: GroupingOptions & { permutations: number; weighted: boolean };
  total: EICountsOut & { crossingShare: number | null; test: EIPermutationTest | null };
  groups: (EICountsOut & { group: string; size: number })[];
  /** Nodes by E-I, most outward-looking first. */
  nodes: (NodeRef & EICountsOut & { rank: number; group: string })[];
  unassignedCount: number;
  seconds: number;
}

export async function groupMixing(ctx: ServiceContext, request: NetworkRequest, options: GroupingOptions & { permutations: number; weighted: boolean }): Promise<GroupMixingOutcome> {
  const prepared = await prepareNetwork(ctx, request);
  return shareRun(ctx, 'group-mixing', prepared, options, async (run) => {
    const started = performance.now();
    const simple = collapseToUndirected(await run.graph());
    const network = summarise(prepared, simple);
    const empty = { network, parameters: options, total: { external: 0, internal: 0, ei: null, crossingShare: null, test: null }, groups: [], nodes: [], unassignedCount: 0, seconds: 0 };
    if (network.empty) return empty;
    const { graph: g, attribute } = await grouped(ctx, simple, options);
    const result = await computeTask(ctx, 'eiIndex', g, { group: attribute, weighted: options.weighted, permutations: options.permutations, seed: options.seed });
    const groupOf = (key: string) => String(g.getNodeAttribute(key, attribute));
    const nodes = rankBy(
      Object.entries(result.nodes).map(([key, c]) => ({ ...nodeRef(g, key), ...c, group: groupOf(key) })),
      (n) => n.ei,
    );
    const groups = Object.entries(result.groups)
      .map(([group, c]) => ({ group, ...c }))
      .sort((a, b) => b.size - a.size || (a.group < b.group ? -1 : 1));
    return {
      network: ungrouped(network, result.unassigned.length, g.order, options.groupBy), parameters: options, total: { ...result.network }, groups, nodes,
      unassignedCount: result.unassigned.length, seconds: (performance.now() - started) / 1000,
    };
  });
}

export interface BrokerageOutcome {
  network: NetworkSummary;
  parameters: GroupingOptions;
  totals: BrokerageCounts;
  /** Residents by brokerage two-paths in total, most first. */
  scores: (NodeRef & BrokerageCounts & { rank: number; group: string })[];
  unassignedCount: number;
  seconds: number;
}

const EXCHANGES = 'time-bank exchange network (directed, provider → recipient) / 时间银行互助网络（有向，服务者→受助者）';

export async function brokerageRoles(ctx: ServiceContext, request: NetworkRequest, options: GroupingOptions): Promise<BrokerageOutcome> {
  // The exchange network is read off the FULL projection of the same community and time.
  const prepared = await prepareNetwork(ctx, { ...request, network: 'FULL' });
  return shareRun(ctx, 'brokerage', prepared, options, async (run) => {
    const started = performance.now();
    const exchanges = exchangeNetwork(await run.graph());
    const network = summarise(prepared, exchanges, EXCHANGES, 'edges');
    const zero = Object.fromEntries([...BROKERAGE_ROLES, 'total'].map((r) => [r, 0])) as BrokerageCounts;
    if (network.empty) return { network, parameters: options, totals: zero, scores: [], unassignedCount: 0, seconds: 0 };
    const { graph: g, attribute } = await grouped(ctx, exchanges, options);
    const result = await computeTask(ctx, 'brokerage', g, { group: attribute });
    const scores = rankBy(
      Object.entries(result.nodes).map(([key, c]) => ({ ...nodeRef(g, key), ...c, group: String(g.getNodeAttribute(key, attribute)) })),
      (s) => s.total,
    );
    return { network: ungrouped(network, result.unassigned.length, g.order, options.groupBy), parameters: options, totals: result.totals, scores, unassignedCount: result.unassigned.length, seconds: (performance.now() - started) / 1000 };
  });
}
