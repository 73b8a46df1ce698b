/**
 * GEXF 1.3 writer (https://gexf.net): a graphology graph streamed to a Writable, ready for Gephi.
 *
 * - mode="dynamic", timeformat="date", timezone UTC: a node's or edge's `start` / `end`
 *   attributes become the element's start/end as calendar days (yyyy-mm-dd, UTC), so Gephi's
 *   timeline shows when each resident, organisation or tie existed. "date" rather than "dateTime":
 *   of the spec's time formats NetworkX's read_gexf knows integer, double and date only (dateTime is
 *   a KeyError), and a day is the resolution a community's history is kept in; GraphML, CSV and JSON
 *   keep the full instants. A missing bound is left open; an event (start = end) is one day. An end
 *   before its start is dropped rather than producing a file Gephi rejects.
 * - `label` becomes the element's label; on edges `kind` becomes the GEXF edge kind (Gephi keeps
 *   parallel edges of different kinds apart) and a numeric `weight` the edge weight.
 * - Every other attribute is declared once (<attributes>) with a type: string, boolean, long,
 *   double; lists are joined with "|". Attribute ids are numeric, titles are the names.
 * graphology-gexf's parser reads the file back into the same graph (it ignores start/end, which
 * are XML attributes of the elements, not data).
 */
import type { Writable } from 'node:stream';
import type { Attributes } from 'graphology-types';
import {
  attrModel, formatValue, isoOrNull, TextOut, xmlAttr,
  type AnyGraph, type AttrModel, type GraphWriteOptions, type GraphWriteResult,
} from './graph-out.ts';

export interface GexfOptions extends GraphWriteOptions {
  creator?: string;
  description?: string;
  /** When the file was made (meta lastmodifieddate); default now. */
  now?: Date;
}

const NODE_SPECIAL = new Set(['label', 'start', 'end']);
const EDGE_SPECIAL = new Set(['label', 'kind', 'weight', 'start', 'end']);

interface Declared {
  model: AttrModel;
  ids: Map<string, number>;
}

function declare(model: AttrModel, first: number): Declared {
  const ids = new Map<string, number>();
  let i = first;
  for (const name of model.types.keys()) ids.set(name, i++);
  return { model, ids };
}

function attributesBlock(d: Declared, cls: 'node' | 'edge'): string {
  if (d.model.types.size === 0) return '';
  let out = `    <attributes class="${cls}" mode="static">\n`;
  for (const [name, type] of d.model.types) out += `      <attribute id="${d.ids.get(name)!}" title="${xmlAttr(name)}" type="${type}"/>\n`;
  return `${out}    </attributes>\n`;
}

function attvalues(d: Declared, attrs: Attributes, indent: string): string {
  let out = '';
  for (const [name, type] of d.model.types) {
    const text = formatValue(attrs[name], type);
    if (text !== null) out += `${indent}  <attvalue for="${d.ids.get(name)!}" value="${xmlAttr(text)}"/>\n`;
  }
  return out ? `${indent}<attvalues>\n${out}${indent}</attvalues>\n` : '';
}

/** The UTC calendar day of an ISO-8601 instant or date (yyyy-mm-dd sorts as it reads). */
const dayOf = (iso: string | null): string | null => (iso ? new Date(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso)).toISOString().slice(0, 10) : null);

/** start/end XML attributes as days; an end before the start is left out. */
function lifetime(attrs: Attributes): string {
  const start = dayOf(isoOrNull(attrs.start));
  let end = dayOf(isoOrNull(attrs.end));
  if (start && end && end < start) end = null;
  return `${start ? ` start="${xmlAttr(start)}"` : ''}${end ? ` end="${xmlAttr(end)}"` : ''}`;
}

function element(tag: string, head: string, body: string): string {
  return body ? `      <${tag}${head}>\n${body}      </${tag}>\n` : `      <${tag}${head}/>\n`;
}

export async function writeGexf(graph: AnyGraph, out: Writable, options: GexfOptions = {}): Promise<GraphWriteResult> {
  const text = new TextOut(out, options.signal);
  const nodeAttrs = declare(attrModel(graph, 'node', NODE_SPECIAL), 0);
  const edgeAttrs = declare(attrModel(graph, 'edge', EDGE_SPECIAL), nodeAttrs.model.types.size);
  const edgeType = graph.type === 'mixed' ? 'mixed' : graph.type;
  const now = (options.now ?? new Date()).toISOString().slice(0, 10);

  await text.push(
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    + '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    + 'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n'
    + `  <meta lastmodifieddate="${now}">\n`
    + `    <creator>${xmlAttr(options.creator ?? 'reweave')}</creator>\n`
    + (options.description ? `    <description>${xmlAttr(options.description)}</description>\n` : '')
    + '  </meta>\n'
    + `  <graph mode="dynamic" defaultedgetype="${edgeType === 'mixed' ? 'directed' : edgeType}" timeformat="date" timezone="UTC">\n`
    + attributesBlock(nodeAttrs, 'node')
    + attributesBlock(edgeAttrs, 'edge')
    + '    <nodes>\n',
  );

  let nodes = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    const label = typeof attributes.label === 'string' || typeof attributes.label === 'number' ? ` label="${xmlAttr(String(attributes.label))}"` : '';
    await text.push(element('node', ` id="${xmlAttr(node)}"${label}${lifetime(attributes)}`, attvalues(nodeAttrs, attributes, '        ')));
    nodes += 1;
  }
  await text.push('    </nodes>\n    <edges>\n');

  let edges = 0;
  for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
    let head = ` id="${xmlAttr(edge)}" source="${xmlAttr(source)}" target="${xmlAttr(target)}"`;
    if (edgeType === 'mixed') head += ` type="${undirected ? 'undirected' : 'directed'}"`;
    if (typeof attributes.label === 'string') head += ` label="${xmlAttr(attributes.label)}"`;
    if (typeof attributes.kind === 'string') head += ` kind="${xmlAttr(attributes.kind)}"`;
    if (typeof attributes.weight === 'number' && Number.isFinite(attributes.weight)) head += ` weight="${attributes.weight}"`;
    head += lifetime(attributes);
    await text.push(element('edge', head, attvalues(edgeAttrs, attributes, '        ')));
    edges += 1;
  }

  await text.push('    </edges>\n  </graph>\n</gexf>\n');
  await text.close(options.end ?? true);
  return { nodes, edges, bytes: text.bytes };
}
