/**
 * Communities of a network: Louvain groups with their modularity (Blondel et al. 2008), and connected
 * components with the atomisation measure (share outside the largest component). Kernels in
 * src/analytics/communities.
 */
import { collapseToUndirected } from '../../graph/collapse.ts';
import type { ServiceContext } from '../context.ts';
import { computeTask } from '../../compute/dispatch.ts';
import { prepareNetwork, summarise, type NetworkRequest, type NetworkSummary } from './network.ts';
import { nodeRef, numberBySize, type NodeRef } from './ranking.ts';
import { shareRun } from './run.ts';

export interface Assignment extends NodeRef {
  group: number;
}

export interface CommunityDetectionOutcome {
  network: NetworkSummary;
  parameters: { resolution: number; seed: number };
  count: number;
  modularity: number | null;
  levels: number;
  /** Group sizes, largest first; group numbers are positions in this list. */
  sizes: number[];
  assignments: Assignment[];
  seconds: number;
}

/** Renumbers groups by size (largest = 0) and lists nodes by group, then id. */
function assign(graph: Parameters<typeof nodeRef>[0], membership: Record<string, number>): { sizes: number[]; assignments: Assignment[] } {
  const renumber = numberBySize(membership);
  const sizes: number[] = [];
  for (const g of Object.values(membership)) sizes[renumber.get(g)!] = (sizes[renumber.get(g)!] ?? 0) + 1;
  const assignments = Object.entries(membership)
    .map(([key, g]) => ({ ...nodeRef(graph, key), group: renumber.get(g)! }))
    .sort((a, b) => a.group - b.group || (a.nodeId < b.nodeId ? -1 : 1));
  return { sizes, assignments };
}

export async function detectCommunities(ctx: ServiceContext, request: NetworkRequest, options: { resolution: number; seed: number }): Promise<CommunityDetectionOutcome> {
  const prepared = await prepareNetwork(ctx, request);
  return shareRun(ctx, 'louvain', prepared, options, async (run) => {
    const started = performance.now();
    const simple = collapseToUndirected(await run.graph());
    const network = summarise(prepared, simple);
    if (network.empty) return { network, parameters: options, count: 0, modularity: null, levels: 0, sizes: [], assignments: [], seconds: 0 };
    const result = await computeTask(ctx, 'louvain', simple, { resolution: options.resolution, seed: options.seed });
    return {
      network, parameters: options, count: result.count, modularity: result.modularity, levels: result.levels,
      ...assign(simple, result.communities), seconds: (performance.now() - started) / 1000,
    };
  });
}

export interface ComponentsOutcome {
  network: NetworkSummary;
  count: number;
  largest: number;
  isolates: number;
  outsideLargestShare: number;
  sizes: number[];
  assignments: Assignment[];
  seconds: number;
}

export async function componentsOf(ctx: ServiceContext, request: NetworkRequest): Promise<ComponentsOutcome> {
  const prepared = await prepareNetwork(ctx, request);
  return shareRun(ctx, 'components', prepared, {}, async (run) => {
    const started = performance.now();
    const graph = await run.graph();
    const network = summarise(prepared, graph);
    const result = await computeTask(ctx, 'connectedComponents', graph, {});
    return {
      network, count: result.count, largest: result.largest, isolates: result.isolates, outsideLargestShare: result.outsideLargestShare,
      ...assign(graph, result.membership), seconds: (performance.now() - started) / 1000,
    };
  });
}
