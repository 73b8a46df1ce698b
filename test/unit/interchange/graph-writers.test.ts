/**
 * The graph writers on hand-made graphs: escaping (<>&" and Chinese), declared attribute types, and
 * a parse back with graphology-graphml / graphology-gexf into the same graph.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import Graph, { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import type { GraphConstructor } from 'graphology-types';
import { parse as parseGraphml } from 'graphology-graphml/node/index.js';
import { parse as parseGexf } from 'graphology-gexf/node/index.js';
import { DOMParser } from '@xmldom/xmldom';
import { writeGraphml } from '../../../src/interchange/graphml.ts';
import { writeGexf } from '../../../src/interchange/gexf.ts';
import { writeEdgesCsv, writeGraphJson, writeNodesCsv } from '../../../src/interchange/graph-csv.ts';
import { xmlAttr, xmlText, type AnyGraph } from '../../../src/interchange/graph-out.ts';

/** graphology's default export, typed as the constructor the parsers take (NodeNext typing). */
const GraphClass = Graph as unknown as GraphConstructor;

async function collect(write: (out: PassThrough) => Promise<unknown>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks).toString('utf8');
}

const TRICKY = 'A <b> & "quoted" \'single\' 王小明 — 院落\n第二行';

function fullGraph(): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  g.replaceAttributes({ communityId: 'c1', network: 'FULL' });
  g.addNode('r1', { label: 'Resident', displayName: TRICKY, partyMember: true, skills: ['手工', 'cooking'], start: '2025-01-01T00:00:00.000Z', end: null });
  g.addNode('r2', { label: 'Resident', displayName: '李四', partyMember: false, start: '2025-02-01T00:00:00.000Z', end: '2025-12-01T00:00:00.000Z' });
  g.addNode('o1', { label: 'Organization', name: '舞蹈队 <A&B>', population: 3, start: '2024-01-01T00:00:00.000Z' });
  g.addDirectedEdgeWithKey('k1', 'r1', 'r2', { kind: 'ACQUAINTANCE', type: 'KNOWS', source: 'NEIGHBOUR', start: '2025-03-01T00:00:00.000Z', end: null });
  g.addDirectedEdgeWithKey('k2', 'r2', 'r1', { kind: 'ACQUAINTANCE', type: 'KNOWS', start: '2025-03-02T00:00:00.000Z' });
  g.addDirectedEdgeWithKey('x1', 'r1', 'r2', { kind: 'EXCHANGE', type: 'EXCHANGED', hours: 2, points: 1.5, start: '2025-04-01T00:00:00.000Z', end: '2025-04-01T00:00:00.000Z' });
  g.addDirectedEdgeWithKey('m1', 'r1', 'o1', { kind: 'MEMBERSHIP', type: 'MEMBER_OF', role: 'LEADER', start: '2025-01-05T00:00:00.000Z', end: '2025-01-01T00:00:00.000Z' });
  return g;
}

function tieGraph(): UndirectedGraph {
  const g = new UndirectedGraph();
  g.addNode('r1', { label: 'Resident', displayName: TRICKY, housingType: 'URBAN_VILLAGE', start: '2025-01-01T00:00:00.000Z', end: null });
  g.addNode('r2', { label: 'Resident', displayName: '李四', housingType: 'GARDEN_ESTATE', start: null, end: null });
  g.addNode('r3', { label: 'Resident', displayName: 'Zoë', start: null, end: null });
  g.addEdge('r1', 'r2', { weight: 2.25, acquaintance: 1, comembership: 1, coattendance: 0.25, exchange: 0, cowork: 0 });
  g.addEdge('r2', 'r3', { weight: 1, acquaintance: 1, comembership: 0, coattendance: 0, exchange: 0, cowork: 0 });
  return g;
}

/** Attributes as a file can carry them: lists joined with "|", null dropped. */
function flat(attrs: Record<string, unknown>, drop: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || drop.includes(k)) continue;
    out[k] = Array.isArray(v) ? v.join('|') : v;
  }
  return out;
}

function expectSameGraph(parsed: AnyGraph, original: AnyGraph, drop: string[] = []): void {
  expect(parsed.order).toBe(original.order);
  expect(parsed.size).toBe(original.size);
  expect(parsed.nodes()).toEqual(original.nodes());
  original.forEachNode((node, attrs) => expect(flat(parsed.getNodeAttributes(node), drop)).toEqual(flat(attrs, drop)));
  original.forEachEdge((edge, attrs, source, target) => {
    expect(parsed.hasEdge(edge)).toBe(true);
    expect(parsed.source(edge)).toBe(source);
    expect(parsed.target(edge)).toBe(target);
    expect(flat(parsed.getEdgeAttributes(edge), drop)).toEqual(flat(attrs, drop));
  });
}

describe('XML escaping', () => {
  it('escapes markup, quotes and line breaks, keeps Chinese, replaces characters XML cannot carry', () => {
    expect(xmlAttr('<a href="x">&\'\n')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#10;');
    expect(xmlText('a<b>&c\r\n王')).toBe('a&lt;b&gt;&amp;c&#13;\n王');
    expect(xmlAttr('bell\u0007 lone\uD800')).toBe('bell\uFFFD lone\uFFFD');
  });
});

describe('writeGraphml', () => {
  it('declares typed keys and parses back into the same directed multigraph', async () => {
    const g = fullGraph();
    const text = await collect((out) => writeGraphml(g, out));
    expect(text).toContain('edgedefault="directed"');
    expect(text).toContain('attr.name="partyMember" attr.type="boolean"');
    expect(text).toContain('attr.name="population" attr.type="long"');
    expect(text).toContain('attr.name="points" attr.type="double"');
    expect(text).toContain('attr.name="hours" attr.type="long"');
    expect(text).toContain('&lt;b&gt; &amp; "quoted"');
    expect(text).toContain('手工|cooking');
    const parsed = parseGraphml(GraphClass, text);
    expect(parsed.type).toBe('directed');
    expectSameGraph(parsed, g);
    expect(parsed.getAttributes()).toEqual({ id: 'G', communityId: 'c1', network: 'FULL' });
  });

  it('writes an undirected weighted graph', async () => {
    const g = tieGraph();
    const text = await collect((out) => writeGraphml(g, out));
    expect(text).toContain('edgedefault="undirected"');
    expect(text).toContain('attr.name="weight" attr.type="double"');
    const parsed = parseGraphml(GraphClass, text);
    expect(parsed.type).toBe('undirected');
    expectSameGraph(parsed, g);
    expect(parsed.getEdgeAttribute(parsed.edge('r1', 'r2')!, 'weight')).toBe(2.25);
  });

  it('reports counts and bytes, and stops when the signal aborts', async () => {
    const g = fullGraph();
    let bytes = 0;
    const text = await collect(async (out) => {
      const r = await writeGraphml(g, out);
      expect(r.nodes).toBe(3);
      expect(r.edges).toBe(4);
      bytes = r.bytes;
    });
    expect(bytes).toBe(Buffer.byteLength(text));
    const controller = new AbortController();
    controller.abort(new Error('too big'));
    await expect(collect((out) => writeGraphml(g, out, { signal: controller.signal }))).rejects.toThrow('too big');
  });
});

describe('writeGexf', () => {
  it('writes GEXF 1.3, dynamic, with start/end, kinds and typed attributes, and parses back', async () => {
    const g = fullGraph();
    const text = await collect((out) => writeGexf(g, out, { now: new Date('2025-06-01T00:00:00Z'), description: '测试 <desc>' }));
    expect(text).toContain('xmlns="http://gexf.net/1.3"');
    expect(text).toContain('version="1.3"');
    expect(text).toContain('mode="dynamic"');
    expect(text).toContain('timeformat="date"');
    expect(text).toContain('defaultedgetype="directed"');
    expect(text).toMatch(/<attribute id="\d+" title="partyMember" type="boolean"\/>/);
    expect(text).toMatch(/<attribute id="\d+" title="population" type="long"\/>/);
    expect(text).toMatch(/<attribute id="\d+" title="points" type="double"\/>/);
    expect(text).toContain('&#10;第二行');

    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const node = (id: string) => [...Array.from(doc.getElementsByTagName('node'))].find((n) => n.getAttribute('id') === id)!;
    const edge = (id: string) => [...Array.from(doc.getElementsByTagName('edge'))].find((n) => n.getAttribute('id') === id)!;
    expect(node('r1').getAttribute('start')).toBe('2025-01-01');
    expect(node('r1').hasAttribute('end')).toBe(false);
    expect(node('r2').getAttribute('end')).toBe('2025-12-01');
    expect(edge('x1').getAttribute('start')).toBe(edge('x1').getAttribute('end'));
    expect(edge('k1').getAttribute('kind')).toBe('ACQUAINTANCE');
    // An end before the start is dropped rather than giving Gephi an invalid interval.
    expect(edge('m1').getAttribute('start')).toBe('2025-01-05');
    expect(edge('m1').hasAttribute('end')).toBe(false);

    const parsed = parseGexf(GraphClass, text);
    expect(parsed.type).toBe('directed');
    expect(parsed.multi).toBe(true);
    expectSameGraph(parsed, g, ['start', 'end']);
  });

  it('writes edge weights for an undirected tie network', async () => {
    const g = tieGraph();
    const text = await collect((out) => writeGexf(g, out));
    expect(text).toContain('defaultedgetype="undirected"');
    expect(text).toContain('weight="2.25"');
    const parsed = parseGexf(GraphClass, text);
    expect(parsed.type).toBe('undirected');
    expectSameGraph(parsed, g, ['start', 'end']);
    expect(parsed.getEdgeAttribute(parsed.edge('r1', 'r2')!, 'weight')).toBe(2.25);
    expect(parsed.getEdgeAttribute(parsed.edge('r1', 'r2')!, 'coattendance')).toBe(0.25);
  });
});

describe('CSV and JSON', () => {
  it('writes nodes.csv and edges.csv with source, target, weight first', async () => {
    const g = tieGraph();
    const nodes = await collect((out) => writeNodesCsv(g, out));
    const edges = await collect((out) => writeEdgesCsv(g, out));
    const nodeLines = nodes.trim().split('\n');
    expect(nodeLines[0]).toBe('id,label,displayName,housingType,start,end');
    expect(nodeLines).toHaveLength(5); // 3 rows, one of them with a quoted line break
    expect(nodes).toContain('"A <b> & ""quoted"" \'single\' 王小明 — 院落\n第二行"');
    const edgeLines = edges.trim().split('\n');
    expect(edgeLines[0]).toBe('source,target,weight,acquaintance,comembership,coattendance,exchange,cowork');
    expect(edgeLines[1]).toBe('r1,r2,2.25,1,1,0.25,0,0');
  });

  it('streams the same JSON as graph.export()', async () => {
    for (const g of [tieGraph(), fullGraph()] as AnyGraph[]) {
      const text = await collect((out) => writeGraphJson(g, out));
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(g.export())));
    }
  });
});
