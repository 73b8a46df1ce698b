/**
 * A projected network (src/graph) written as GraphML, GEXF, a CSV node/edge-list pair or
 * graphology's JSON serialisation. Display names are pseudonymised in the graph before it is
 * written; identifying details are dropped whatever the projection carried.
 */
import type { Graph } from '../../graph/project.ts';
import { writeGexf } from '../../interchange/gexf.ts';
import { writeGraphml } from '../../interchange/graphml.ts';
import { writeEdgesCsv, writeGraphJson, writeNodesCsv } from '../../interchange/graph-csv.ts';
import type { GraphWriteResult } from '../../interchange/graph-out.ts';
import type { NetworkKind } from '../../graph/spec.ts';
import { IDENTIFYING, MEDIA_TYPES, type ExportFormat } from './options.ts';
import type { ExportSink } from './sink.ts';

/** Replaces display names and removes identifying attributes, in place. */
export function scrubGraph(graph: Graph, pseudonym: ((id: string) => string) | null): void {
  graph.updateEachNodeAttributes((node, attributes) => {
    const out = { ...attributes };
    for (const name of IDENTIFYING) delete out[name];
    if (pseudonym && 'displayName' in out) out.displayName = pseudonym(node);
    return out;
  });
}

export function graphFileNames(network: NetworkKind, format: ExportFormat): string[] {
  const base = network.toLowerCase();
  if (format === 'csv') return ['nodes.csv', 'edges.csv'];
  return [`${base}.${format}`];
}

export async function writeGraphFiles(graph: Graph, network: NetworkKind, format: ExportFormat, sink: ExportSink, description: string): Promise<GraphWriteResult> {
  const names = graphFileNames(network, format);
  const media = MEDIA_TYPES[format];
  const options = { signal: sink.signal };
  const open = (i: number) => sink.open(names[i]!, media);
  switch (format) {
    case 'graphml':
      return writeGraphml(graph, open(0), options);
    case 'gexf':
      return writeGexf(graph, open(0), { ...options, description });
    case 'json':
      return writeGraphJson(graph, open(0), options);
    case 'csv': {
      const n = await writeNodesCsv(graph, open(0), options);
      const e = await writeEdgesCsv(graph, open(1), options);
      return { nodes: n.nodes, edges: e.edges, bytes: n.bytes + e.bytes };
    }
  }
}
