/**
 * Sharing analysis runs: a run is keyed by (analysis, data version, settled spec, options), so
 * identical requests in flight wait on one run, and a finished result serves the next identical
 * request until a write changes the key. A use case reads top to bottom: prepare the network
 * (./network.ts prepareNetwork: scope, community, spec), share or reuse the run (shareRun), and in
 * the run read the projection it needs, compute, shape the answer.
 */
import type { AbstractGraph } from 'graphology-types';
import type { Database } from '../../db/database.ts';
import { inScope } from '../../domain/permissions.ts';
import type { ServiceContext } from '../context.ts';
import type { TieCsr } from '../../graph/ties.ts';
import { networkArrays, networkGraph, prepareNetwork, windowGraphs, type NetworkRequest, type PreparedNetwork } from './network.ts';
import { RunRegistry, type ReportProgress, type RunInfo } from '../../compute/runs.ts';
import { analyticsSettingsOf } from '../../compute/settings.ts';

const registries = new WeakMap<Database, RunRegistry>();

/** One registry per database, sized by the settings of the first context that uses it (one server, one set). */
function registryOf(ctx: ServiceContext): RunRegistry {
  let registry = registries.get(ctx.db);
  if (!registry) registries.set(ctx.db, (registry = new RunRegistry(analyticsSettingsOf(ctx))));
  return registry;
}

/** What a run's work reads: the projections of its prepared network, and where to report progress. */
export interface Run {
  report: ReportProgress;
  /** The prepared network as a graphology graph, from the projection cache. */
  graph(): Promise<AbstractGraph>;
  /**
   * The prepared tie network as CSR arrays (src/graph projectTieCsr): no graphology graph is built,
   * which is what keeps a 100k-resident projection within seconds. TIES only.
   */
  arrays(): Promise<TieCsr>;
  /** Another projection of the same community and time (e.g. FULL beside TIES), from the same cache. */
  also(request: Partial<NetworkRequest>): Promise<AbstractGraph>;
  /**
   * The prepared tie network and the same network over another window (t0 beside t1), read from
   * the database in one pass (windowGraphs) where not cached. TIES windows only.
   */
  graphs(other: Partial<NetworkRequest>): Promise<[AbstractGraph, AbstractGraph]>;
}

/**
 * The answer of `analysis` over a prepared network with these options: a finished one, the one in
 * flight, or `work` run now. Progress shows "projecting" while a projection is read, then
 * "computing" (with an unknown total unless the computation counts its steps).
 */
export function shareRun<T>(ctx: ServiceContext, analysis: string, prepared: PreparedNetwork, options: unknown, work: (run: Run) => Promise<T>): Promise<T> {
  const key = `${analysis}|${prepared.key}|${JSON.stringify(options)}`;
  const { promise } = registryOf(ctx).share(key, { analysis, communityId: prepared.spec.communityId }, (report) => {
    const projected = async <P>(read: (onRows: (rows: number) => void) => Promise<P>): Promise<P> => {
      report('projecting', 0, 0);
      const projection = await read((rows) => report('projecting', rows, 0));
      report('computing', 0, 0);
      return projection;
    };
    return work({
      report,
      graph: () => projected((onRows) => networkGraph(ctx, prepared, onRows)),
      arrays: () => {
        if (prepared.spec.network !== 'TIES') throw new Error(`${analysis}: CSR arrays are the tie network's; this network is ${prepared.spec.network}`);
        return projected((onRows) => networkArrays(ctx, prepared, onRows));
      },
      also: async (other) => {
        const more = await prepareNetwork(ctx, { ...prepared.request, ...other }, prepared.at);
        return projected((onRows) => networkGraph(ctx, more, onRows));
      },
      graphs: async (other) => {
        const more = await prepareNetwork(ctx, { ...prepared.request, ...other }, prepared.at);
        const [first, second] = await projected((onRows) => windowGraphs(ctx, [prepared, more], onRows));
        return [first!, second!];
      },
    });
  }, ctx.signal);
  return promise;
}

/** Runs in flight in the caller's communities, with their progress. */
export function listRuns(ctx: ServiceContext): RunInfo[] {
  return registryOf(ctx).list().filter((run) => inScope(ctx.principal, run.communityId));
}
