/**
 * A projected network (src/graph) written as GraphML, GEXF, a CSV node/edge-list pair or
 * graphology's JSON serialisation. Pseudonymised, the graph is copied by the export's policy
 * (./policy.ts) before it is written: residents keyed by their pseudonyms, fields by the domain's
 * table; identifying details are dropped whatever the projection carried.
 */
import type { Graph } from '../../graph/project.ts';
import { writeGexf } from '../../interchange/gexf.ts';
import { writeGraphml } from '../../interchange/graphml.ts';
import { writeEdgesCsv, writeGraphJson, writeNodesCsv } from '../../interchange/graph-csv.ts';
import type { GraphWriteResult } from '../../interchange/graph-out.ts';
import type { NetworkKind } from '../../graph/spec.ts';
import type { NodeLabel } from '../../domain/model.ts';
import type { Props } from '../../domain/records.ts';
import { IDENTIFYING, MEDIA_TYPES, type ExportFormat } from './options.ts';
import type { ExportPolicy } from './policy.ts';
import type { ExportSink } from './sink.ts';

/** Attributes the projection adds (not stored fields): kept whatever the policy says of fields. */
const PROJECTED = new Set(['label', 'kind', 'type', 'start', 'end']);

const split = (attributes: Record<string, unknown>) => {
  const own: Props = {};
  const projected: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (IDENTIFYING.has(name)) continue;
    if (PROJECTED.has(name)) projected[name] = value;
    else own[name] = value as Props[string];
  }
  return { own, projected };
};

/**
 * The graph as it is written: identifying attributes removed and, by a pseudonymising policy, a copy
 * with residents keyed by their pseudonyms and every node's and relationship's fields as the policy
 * reads them. Tie edges (no relationship type) carry only computed weights, kept as they are.
 */
export function scrubGraph(graph: Graph, policy: ExportPolicy | null): Graph {
  if (!policy) {
    graph.updateEachNodeAttributes((_node, attributes) => Object.fromEntries(Object.entries(attributes).filter(([k]) => !IDENTIFYING.has(k))));
    return graph;
  }
  const out = graph.nullCopy();
  out.replaceAttributes({ ...graph.getAttributes() });
  const keys = new Map<string, string>();
  graph.forEachNode((node, attributes) => {
    const label = attributes.label as NodeLabel;
    const id = typeof attributes.id === 'string' ? attributes.id : node;
    const ref = policy.ref(label, id);
    // A key the projection made unique as "Label:id" keeps that form around the pseudonym.
    const key = node === id ? ref : node.replace(id, ref);
    keys.set(node, key);
    const { own, projected } = split(attributes);
    out.addNode(key, { ...policy.node(label, id, own, [(attributes.kind ?? null) as Props[string]]), ...projected });
  });
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    const { own, projected } = split(attributes);
    const kept = typeof attributes.type === 'string' ? policy.rel(attributes.type, own) : own;
    const add = undirected ? out.addUndirectedEdgeWithKey.bind(out) : out.addDirectedEdgeWithKey.bind(out);
    add(edge, keys.get(source)!, keys.get(target)!, { ...kept, ...projected });
  });
  return out;
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
