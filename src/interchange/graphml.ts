/**
 * GraphML writer (http://graphml.graphdrawing.org/): a graphology graph streamed to a Writable.
 * Every node, edge and graph attribute is declared as a <key> with its type (string, boolean,
 * long, double); lists are joined with "|"; dates are ISO-8601 strings. Edge keys become edge ids,
 * so graphology-graphml's parser reads the file back into the same graph. Directed graphs set
 * edgedefault="directed"; a mixed graph marks each edge with `directed`.
 */
import type { Writable } from 'node:stream';
import type { Attributes } from 'graphology-types';
import {
  attrModel, formatValue, TextOut, xmlAttr, xmlText,
  type AnyGraph, type AttrModel, type GraphWriteOptions, type GraphWriteResult,
} from './graph-out.ts';

interface Keyed {
  model: AttrModel;
  ids: Map<string, string>;
}

function keyed(model: AttrModel, prefix: string): Keyed {
  const ids = new Map<string, string>();
  let i = 0;
  for (const name of model.types.keys()) ids.set(name, `${prefix}${i++}`);
  return { model, ids };
}

function graphModel(attrs: Attributes): AttrModel {
  const types = new Map<string, 'string' | 'boolean' | 'long' | 'double'>();
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    types.set(name, typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? (Number.isSafeInteger(value) ? 'long' : 'double') : 'string');
  }
  return { types };
}

function dataElements(k: Keyed, attrs: Attributes, indent: string): string {
  let out = '';
  for (const [name, type] of k.model.types) {
    const text = formatValue(attrs[name], type);
    if (text !== null) out += `${indent}<data key="${k.ids.get(name)!}">${xmlText(text)}</data>\n`;
  }
  return out;
}

function keyElements(k: Keyed, forWhat: 'graph' | 'node' | 'edge'): string {
  let out = '';
  for (const [name, type] of k.model.types) {
    out += `  <key id="${k.ids.get(name)!}" for="${forWhat}" attr.name="${xmlAttr(name)}" attr.type="${type}"/>\n`;
  }
  return out;
}

export async function writeGraphml(graph: AnyGraph, out: Writable, options: GraphWriteOptions = {}): Promise<GraphWriteResult> {
  const text = new TextOut(out, options.signal);
  const g = keyed(graphModel(graph.getAttributes()), 'g');
  const n = keyed(attrModel(graph, 'node'), 'n');
  const e = keyed(attrModel(graph, 'edge'), 'e');
  const mixed = graph.type === 'mixed';
  const edgedefault = graph.type === 'undirected' ? 'undirected' : 'directed';

  await text.push(
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    + '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    + 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    + keyElements(g, 'graph') + keyElements(n, 'node') + keyElements(e, 'edge')
    + `  <graph id="G" edgedefault="${edgedefault}">\n`
    + dataElements(g, graph.getAttributes(), '    '),
  );

  let nodes = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    const data = dataElements(n, attributes, '      ');
    await text.push(data ? `    <node id="${xmlAttr(node)}">\n${data}    </node>\n` : `    <node id="${xmlAttr(node)}"/>\n`);
    nodes += 1;
  }

  let edges = 0;
  for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
    const directed = mixed ? ` directed="${undirected ? 'false' : 'true'}"` : '';
    const open = `    <edge id="${xmlAttr(edge)}" source="${xmlAttr(source)}" target="${xmlAttr(target)}"${directed}`;
    const data = dataElements(e, attributes, '      ');
    await text.push(data ? `${open}>\n${data}    </edge>\n` : `${open}/>\n`);
    edges += 1;
  }

  await text.push('  </graph>\n</graphml>\n');
  await text.close(options.end ?? true);
  return { nodes, edges, bytes: text.bytes };
}
