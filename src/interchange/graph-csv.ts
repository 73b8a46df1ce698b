/**
 * A graphology graph as two CSV files — nodes (id, then every node attribute) and edges (source,
 * target, weight, then every other edge attribute; an `id` column first when the graph allows
 * parallel edges) — the node/edge-list pair Gephi's spreadsheet import, NetworkX
 * (`pandas.read_csv` + `from_pandas_edgelist`) and R (`igraph::graph_from_data_frame`) read.
 * Lists are joined with "|"; dates are ISO-8601.
 */
import type { Writable } from 'node:stream';
import { formatCell } from './cells.ts';
import { csvLine } from './csv.ts';
import { attrModel, TextOut, type AnyGraph, type GraphWriteOptions, type GraphWriteResult } from './graph-out.ts';

const cell = (v: unknown) => formatCell(typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) ? JSON.stringify(v) : v);

export async function writeNodesCsv(graph: AnyGraph, out: Writable, options: GraphWriteOptions = {}): Promise<GraphWriteResult> {
  const text = new TextOut(out, options.signal);
  const names = [...attrModel(graph, 'node', new Set(['id'])).types.keys()];
  await text.push(csvLine(['id', ...names]));
  let nodes = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    await text.push(csvLine([node, ...names.map((n) => cell(attributes[n]))]));
    nodes += 1;
  }
  await text.close(options.end ?? true);
  return { nodes, edges: 0, bytes: text.bytes };
}

export async function writeEdgesCsv(graph: AnyGraph, out: Writable, options: GraphWriteOptions = {}): Promise<GraphWriteResult> {
  const text = new TextOut(out, options.signal);
  const model = attrModel(graph, 'edge', new Set(['id', 'source', 'target', 'weight'])).types;
  const hasWeight = graph.someEdge((_, a) => typeof a.weight === 'number');
  const names = [...model.keys()];
  const withId = graph.multi;
  await text.push(csvLine([...(withId ? ['id'] : []), 'source', 'target', ...(hasWeight ? ['weight'] : []), ...names]));
  let edges = 0;
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    await text.push(csvLine([
      ...(withId ? [edge] : []), source, target,
      ...(hasWeight ? [cell(attributes.weight)] : []),
      ...names.map((n) => cell(attributes[n])),
    ]));
    edges += 1;
  }
  await text.close(options.end ?? true);
  return { nodes: 0, edges, bytes: text.bytes };
}

/**
 * graphology's serialisation format (what `graph.export()` returns and `Graph.from()` reads),
 * streamed one node or edge at a time instead of built as one object.
 */
export async function writeGraphJson(graph: AnyGraph, out: Writable, options: GraphWriteOptions = {}): Promise<GraphWriteResult> {
  const text = new TextOut(out, options.signal);
  const head = { options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops }, attributes: graph.getAttributes() };
  await text.push(`${JSON.stringify(head).slice(0, -1)},\n"nodes":[`);
  let nodes = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    const item: Record<string, unknown> = { key: node };
    if (Object.keys(attributes).length > 0) item.attributes = attributes;
    await text.push(`${nodes === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`);
    nodes += 1;
  }
  await text.push('],\n"edges":[');
  let edges = 0;
  for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
    const item: Record<string, unknown> = { key: edge, source, target };
    if (Object.keys(attributes).length > 0) item.attributes = attributes;
    if (graph.type === 'mixed' && undirected) item.undirected = true;
    await text.push(`${edges === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`);
    edges += 1;
  }
  await text.push(']}\n');
  await text.close(options.end ?? true);
  return { nodes, edges, bytes: text.bytes };
}
