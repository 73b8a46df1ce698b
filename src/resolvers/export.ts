/** Query.exportNetwork: parse the input with zod, call the export service, map files. */
import { exportInput } from '../schema/export-inputs.ts';
import { parse } from '../schema/parse.ts';
import { definedWeights } from './analytics/requests.ts';
import { exportNetworkToStrings } from '../services/export/export-network.ts';
import type { GraphQLContext, ResolverMap } from './context.ts';

export function exportResolvers(): ResolverMap {
  return {
    Query: {
      exportNetwork: async (_: unknown, args: { input?: unknown }, ctx: GraphQLContext) => {
        const input = parse(exportInput, args.input, ['input']);
        const result = await exportNetworkToStrings(ctx.services, {
          communityId: input.communityId,
          network: input.network,
          format: input.format.toLowerCase() as 'graphml' | 'gexf' | 'csv' | 'json',
          window: input.from || input.to ? { from: input.from ?? null, to: input.to ?? null } : null,
          asOf: input.asOf ?? null,
          pseudonymise: input.pseudonymise ?? false,
          salt: input.salt ?? null,
          sources: definedWeights(input.sources),
        });
        const rows = new Map(result.files.map((f) => [f.name, f.rows]));
        return {
          communityId: result.communityId,
          format: input.format,
          network: result.network,
          nodeCount: result.nodeCount,
          edgeCount: result.edgeCount,
          stateChangeCount: result.stateChangeCount,
          pseudonymised: result.pseudonymised,
          files: result.contents.map((f) => ({ name: f.name, mediaType: f.mediaType, bytes: f.bytes, rows: rows.get(f.name) ?? null, content: f.content })),
        };
      },
    },
  };
}
