/**
 * One analysis request, end to end: prepare the network (scope, community, spec), then share or
 * reuse a run keyed by (analysis, data version, spec, options): identical requests in flight wait on
 * one run, and a finished result serves the next identical request until a write changes the key.
 */
import type { AbstractGraph } from 'graphology-types';
import type { Database } from '../../db/database.ts';
import { inScope } from '../../domain/permissions.ts';
import type { ServiceContext } from '../context.ts';
import type { TieCsr } from '../../graph/ties.ts';
import { networkArrays, networkGraph, prepareNetwork, type NetworkRequest, type PreparedNetwork } from './network.ts';
import { RunRegistry, type ReportProgress, type RunInfo } from '../../compute/runs.ts';
import { analyticsSettingsOf } from '../../compute/settings.ts';

const registries = new WeakMap<Database, RunRegistry>();

/** One registry per database, sized by the settings of the first context that uses it (one server, one set). */
function registryOf(ctx: ServiceContext): RunRegistry {
  let registry = registries.get(ctx.db);
  if (!registry) registries.set(ctx.db, (registry = new RunRegistry(analyticsSettingsOf(ctx))));
  return registry;
}

export interface AnalysisContext {
  prepared: PreparedNetwork;
  report: ReportProgress;
  /** Another projection of the same community and time (e.g. FULL beside TIES), from the same cache. */
  also(request: Partial<NetworkRequest>): Promise<AbstractGraph>;
}

export async function analyse<T>(
  ctx: ServiceContext,
  analysis: string,
  request: NetworkRequest,
  options: unknown,
  compute: (graph: AbstractGraph, a: AnalysisContext) => Promise<T>,
  at: readonly string[] = ['network'],
): Promise<T> {
  const prepared = await prepareNetwork(ctx, request, at);
  const key = `${analysis}|${prepared.key}|${JSON.stringify(options)}`;
  const { promise } = registryOf(ctx).share(key, { analysis, communityId: request.communityId }, async (report) => {
    report('projecting', 0, 0);
    const graph = await networkGraph(ctx, prepared, (rows) => report('projecting', rows, 0));
    const also = async (other: Partial<NetworkRequest>) => {
      const more = await prepareNetwork(ctx, { ...request, ...other }, at);
      return networkGraph(ctx, more, (rows) => report('projecting', rows, 0));
    };
    // Analyses that cannot count their steps show "computing" with an unknown total.
    report('computing', 0, 0);
    return compute(graph, { prepared, report, also });
  });
  return promise;
}

/**
 * The same for analyses that read the tie network as CSR arrays (src/graph projectTieCsr): no
 * graphology graph is built, which is what keeps a 100k-resident projection within seconds.
 */
export async function analyseTieArrays<T>(
  ctx: ServiceContext,
  analysis: string,
  request: NetworkRequest,
  options: unknown,
  compute: (csr: TieCsr, a: Omit<AnalysisContext, 'also'>) => Promise<T>,
): Promise<T> {
  const prepared = await prepareNetwork(ctx, { ...request, network: 'TIES' });
  const key = `${analysis}|csr|${prepared.key}|${JSON.stringify(options)}`;
  const { promise } = registryOf(ctx).share(key, { analysis, communityId: request.communityId }, async (report) => {
    report('projecting', 0, 0);
    const csr = await networkArrays(ctx, prepared, (rows) => report('projecting', rows, 0));
    report('computing', 0, 0);
    return compute(csr, { prepared, report });
  });
  return promise;
}

/** Runs in flight in the caller's communities, with their progress. */
export function listRuns(ctx: ServiceContext): RunInfo[] {
  return registryOf(ctx).list().filter((run) => inScope(ctx.principal, run.communityId));
}
