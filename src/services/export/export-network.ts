/**
 * Export a community's network for Gephi, NetworkX or R (DESIGN.md, researcher): the full network
 * or the resident tie network, for a window or an as-of date, as GraphML, GEXF (dynamic, for
 * Gephi's timeline), CSV or JSON.
 *
 * - FULL as CSV / JSON is the interchange dataset (one file per label, relationship kind and
 *   STATE_CHANGE), streamed from Neo4j and importable again (dataset.ts).
 * - FULL as GraphML / GEXF, and TIES in any format, go through the projection (src/graph).
 *   TIES as CSV is nodes.csv + edges.csv; as JSON graphology's serialisation (graph.export()).
 * - Any role may export the communities in its scope. Pseudonymised exports follow the researchers'
 *   policy of the domain (./policy.ts): residents' ids and names, individual partners' names as
 *   `R-`/`P-` + 10 hex digits of HMAC-SHA256(salt, id), every reference to a resident likewise, free
 *   text left out — the same salt, the same pseudonyms; a random salt per export unless one is given.
 *   RESEARCHER exports are always pseudonymised. Identifying details (the Identity nodes) are never read.
 */
import { notFound } from '../../domain/errors.ts';
import { seesPseudonymsOnly } from '../../domain/permissions.ts';
import { getNodes } from '../../db/repositories/nodes.ts';
import { projectNetwork } from '../../graph/project.ts';
import type { NetworkKind } from '../../graph/spec.ts';
import type { ServiceContext } from '../context.ts';
import { requireScope } from '../guard.ts';
import { exportDataset } from './dataset.ts';
import { graphFileNames, scrubGraph, writeGraphFiles } from './graph-files.ts';
import { checkOptions, MEDIA_TYPES, randomSalt, type ExportFormat, type ExportOptions } from './options.ts';
import { KEEP_ALL, pseudonymPolicy } from './policy.ts';
import { individualPartners } from '../privacy/individual-names.ts';
import { MemorySink, type ExportSink, type MemoryFile } from './sink.ts';

export interface ExportedFile {
  name: string;
  mediaType: string;
  bytes: number;
  /** Data rows (datasets and CSV); null for XML and JSON graph files. */
  rows: number | null;
}

export interface ExportSummary {
  communityId: string;
  network: NetworkKind;
  format: ExportFormat;
  nodeCount: number;
  edgeCount: number;
  stateChangeCount: number;
  pseudonymised: boolean;
  files: ExportedFile[];
  seconds: number;
}

export async function exportNetwork(ctx: ServiceContext, options: ExportOptions, sink: ExportSink): Promise<ExportSummary> {
  checkOptions(options);
  requireScope(ctx.principal, options.communityId);
  const started = performance.now();
  const community = await ctx.db.read((tx) => getNodes(tx, 'Community', [options.communityId]));
  if (community.length === 0) throw notFound('Community', options.communityId, ['communityId']);

  const pseudonymised = Boolean(options.pseudonymise) || seesPseudonymsOnly(ctx.principal);
  const salt = options.salt ?? randomSalt();
  const policy = pseudonymised ? pseudonymPolicy(salt, await individualPartners(ctx.db, options.communityId)) : KEEP_ALL;
  const window = options.window && (options.window.from || options.window.to) ? options.window : null;
  const asOf = options.asOf ?? null;
  const progress = options.onProgress ?? (() => {});
  const base = { communityId: options.communityId, network: options.network, format: options.format, pseudonymised };
  const seconds = () => Math.round(performance.now() - started) / 1000;

  if (options.network === 'FULL' && (options.format === 'csv' || options.format === 'json')) {
    const result = await exportDataset(ctx.db, sink, {
      communityId: options.communityId,
      format: options.format,
      time: { from: window?.from ?? null, to: window?.to ?? null, asOf },
      policy,
      onProgress: progress,
    });
    return {
      ...base,
      nodeCount: result.nodes,
      edgeCount: result.edges,
      stateChangeCount: result.stateChanges,
      files: result.files.map((f) => ({ name: f.name, mediaType: MEDIA_TYPES[options.format], bytes: sink.bytes(f.name), rows: f.rows })),
      seconds: seconds(),
    };
  }

  let reported = 0;
  const graph = await projectNetwork(
    ctx.db,
    { communityId: options.communityId, network: options.network, window, asOf, ...(options.sources ? { sources: options.sources } : {}) },
    (rows) => {
      if (rows - reported >= 5000) {
        reported = rows;
        progress(`projection: ${rows} rows read`);
      }
    },
  );
  progress(`projection: ${graph.order} nodes, ${graph.size} edges`);
  const when = asOf ? `as of ${asOf.toISOString()}` : window ? `window [${window.from?.toISOString() ?? '…'}, ${window.to?.toISOString() ?? '…'})` : 'all time';
  const written = await writeGraphFiles(scrubGraph(graph, pseudonymised ? policy : null), options.network, options.format, sink, `reweave ${options.network} network of ${options.communityId}, ${when}`);
  sink.check();
  const names = graphFileNames(options.network, options.format);
  return {
    ...base,
    nodeCount: written.nodes,
    edgeCount: written.edges,
    stateChangeCount: 0,
    files: names.map((name, i) => ({
      name,
      mediaType: MEDIA_TYPES[options.format],
      bytes: sink.bytes(name),
      rows: options.format === 'csv' ? (i === 0 ? written.nodes : written.edges) : null,
    })),
    seconds: seconds(),
  };
}

/** The GraphQL API's export: the files as strings, refused past `limitBytes` (use the CLI). */
export const DEFAULT_EXPORT_LIMIT_BYTES = 20 * 1024 * 1024;

export async function exportNetworkToStrings(
  ctx: ServiceContext,
  options: ExportOptions,
  limitBytes = DEFAULT_EXPORT_LIMIT_BYTES,
): Promise<ExportSummary & { contents: MemoryFile[] }> {
  const sink = new MemorySink(limitBytes);
  const summary = await exportNetwork(ctx, options, sink);
  return { ...summary, contents: sink.contents() };
}
