/**
 * Export on a real Neo4j with a small hand-made community: GraphML and GEXF parse back into the
 * graph projectNetwork gives; FULL datasets have one file per label/kind with the right rows;
 * pseudonyms hide every display name, stable per salt; identifying details never leave; GraphQL
 * scope, researcher pseudonyms and bad input.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Graph from 'graphology';
import type { GraphConstructor } from 'graphology-types';
import { parse as parseGraphml } from 'graphology-graphml/node/index.js';
import { parse as parseGexf } from 'graphology-gexf/node/index.js';
import { networkxPython, readWithNetworkx } from '../../helpers/networkx.ts';
import { NODE_LABELS, REL_KINDS, type NodeLabel, type RelKind } from '../../../src/domain/model.ts';
import { FILE_SPECS } from '../../../src/interchange/columns.ts';
import { projectNetwork, type Graph as AnyGraph } from '../../../src/graph/project.ts';
import { exportNetwork, exportNetworkToStrings } from '../../../src/services/export/export-network.ts';
import { FolderSink } from '../../../src/services/export/sink.ts';
import type { ServiceContext } from '../../../src/services/context.ts';
import { codeOf, startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';
import { relInput } from '../../helpers/model-values.ts';

/** graphology's default export, typed as the constructor the parsers take (NodeNext typing). */
const GraphClass = Graph as unknown as GraphConstructor;

let api: TestApi;
const suffix = uniqueId('x');
const names = [1, 2, 3, 4].map((i) => `居民${i}号 <&"> ${suffix}`);
const IDENTITY = { realName: `Realname${suffix}`, phone: '13800138000', idNumber: '11010519491231002X' };
const ids = { r: [] as string[], org: '', act: '', proj: '', partner: '' };
/** Free text and an individual partner's name: none of it may leave in a pseudonymised export. */
const FREE = { evidence: `带头打扫楼道 ${suffix}`, service: `陪徐姐看病 ${suffix}`, description: `徐姐牵头的沙龙 ${suffix}`, partner: `郭老师心理沙龙 ${suffix}` };

const make = (label: NodeLabel, extra: Record<string, unknown> = {}) => api.make(label, extra);

async function link(kind: RelKind, from: string, to: string, extra: Record<string, unknown> = {}): Promise<void> {
  const { REL_SPECS } = await import('../../../src/domain/model.ts');
  const spec = REL_SPECS[kind];
  const r = await api.gql(`mutation($input: Add${spec.gql.typeName}Input!) { ${spec.gql.add}(input: $input) { id } }`, { input: { ...relInput(kind, from, to), ...extra } });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
}

const EXPORT = `query($input: ExportInput!) { exportNetwork(input: $input) {
  communityId format network nodeCount edgeCount stateChangeCount pseudonymised files { name mediaType bytes rows content } } }`;

type Result = { nodeCount: number; edgeCount: number; stateChangeCount: number; pseudonymised: boolean; files: { name: string; mediaType: string; bytes: number; rows: number | null; content: string }[] };

async function gqlExport(input: Record<string, unknown>, token = api.tokens.ANALYST): Promise<Result> {
  const r = await api.gql<{ exportNetwork: Result }>(EXPORT, { input: { communityId: api.communityId, ...input } }, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.exportNetwork;
}

const ctx = (role: 'ANALYST' | 'RESEARCHER' = 'ANALYST'): ServiceContext => ({
  db: api.db, principal: { tokenId: 'test', role, communities: [api.communityId] }, now: () => new Date(), pseudonymSecret: 'test',
});

beforeAll(async () => {
  api = await startTestApi();
  for (const [i, name] of names.entries()) ids.r.push(await make('Resident', { displayName: name, housingArea: `院落${i % 2}`, housingType: i % 2 ? 'URBAN_VILLAGE' : 'GARDEN_ESTATE' }));
  ids.org = await make('Organization');
  // An activity named after the individual partner who hosts it: the name must go there too.
  ids.act = await make('Activity', { name: `${FREE.partner}公益沙龙`, location: FREE.partner });
  ids.proj = await make('Project');
  const [r1, r2, r3, r4] = ids.r as [string, string, string, string];
  await link('ACQUAINTANCE', r1, r2, { since: '2025-01-01T00:00:00Z' });
  for (const r of [r1, r2, r3]) await link('MEMBERSHIP', r, ids.org, { since: '2025-01-01T00:00:00Z' });
  for (const r of ids.r) await link('ATTENDANCE', r, ids.act, { at: '2025-04-01T10:00:00Z', role: 'VOLUNTEER' });
  await link('EXCHANGE', r3, r4, { at: '2025-04-01T10:00:00Z', hours: 2.5, service: FREE.service });
  ids.partner = await make('Partner', { name: FREE.partner, kind: 'INDIVIDUAL', description: FREE.description });
  await link('BACKING', ids.partner, r1, { since: '2025-01-01T00:00:00Z' });
  await link('ACTIVITY_OF_PROJECT', ids.act, ids.proj, { since: '2025-01-01T00:00:00Z' });
  const change = await api.gql('mutation($input: ChangeResidentCultivationStageInput!) { changeResidentCultivationStage(input: $input) { id } }', {
    input: { id: r1, to: 'GOOD_PERSON', at: '2025-05-01T00:00:00Z', evidence: FREE.evidence },
  });
  if (change.errors) throw new Error(JSON.stringify(change.errors));
  const identity = await api.gql('mutation($id: ID!, $input: IdentityInput!) { setResidentIdentity(residentId: $id, input: $input) { realName } }', { id: r1, input: IDENTITY });
  if (identity.errors) throw new Error(JSON.stringify(identity.errors));
});
afterAll(async () => api?.close());

/** Node set, edge set (by endpoints for TIES, by key for FULL) and key attributes. */
function expectSame(parsed: AnyGraph, projected: AnyGraph, network: 'FULL' | 'TIES'): void {
  expect(parsed.order).toBe(projected.order);
  expect(parsed.size).toBe(projected.size);
  expect(new Set(parsed.nodes())).toEqual(new Set(projected.nodes()));
  projected.forEachNode((node, a) => {
    const p = parsed.getNodeAttributes(node);
    expect(p.label).toBe(a.label);
    if (a.displayName) expect(p.displayName).toBe(a.displayName);
    if (a.cultivationStage) expect(p.cultivationStage).toBe(a.cultivationStage);
  });
  if (network === 'FULL') {
    projected.forEachEdge((edge, a, s, t) => {
      expect(parsed.source(edge)).toBe(s);
      expect(parsed.target(edge)).toBe(t);
      expect(parsed.getEdgeAttribute(edge, 'kind')).toBe(a.kind);
    });
  } else {
    projected.forEachEdge((_, a, s, t) => {
      const e = parsed.edge(s, t)!;
      expect(e).toBeDefined();
      expect(parsed.getEdgeAttribute(e, 'weight')).toBeCloseTo(a.weight as number, 12);
      for (const k of ['acquaintance', 'comembership', 'coattendance', 'exchange', 'cowork']) expect(parsed.getEdgeAttribute(e, k)).toBeCloseTo(a[k] as number, 12);
    });
  }
}

describe('GraphML and GEXF', () => {
  beforeAll(() => {
    networkxPython();
  }, 300_000);

  for (const network of ['FULL', 'TIES'] as const) {
    it(`${network}: both parse back into the projected graph`, async () => {
      const projected = await projectNetwork(api.db, { communityId: api.communityId, network });
      expect(projected.order).toBeGreaterThan(0);
      expect(projected.size).toBeGreaterThan(0);
      const graphml = await gqlExport({ network, format: 'GRAPHML' });
      expect(graphml.files.map((f) => f.name)).toEqual([`${network.toLowerCase()}.graphml`]);
      expect([graphml.nodeCount, graphml.edgeCount]).toEqual([projected.order, projected.size]);
      expectSame(parseGraphml(GraphClass, graphml.files[0]!.content), projected, network);
      const gexf = await gqlExport({ network, format: 'GEXF' });
      expect(gexf.files[0]!.content).toContain('mode="dynamic"');
      expectSame(parseGexf(GraphClass, gexf.files[0]!.content), projected, network);
    });

    it(`${network}: NetworkX reads the GEXF and the GraphML export with every node, edge and lifetime`, async () => {
      const projected = await projectNetwork(api.db, { communityId: api.communityId, network });
      for (const format of ['GEXF', 'GRAPHML'] as const) {
        const out = await gqlExport({ network, format });
        const nx = readWithNetworkx(out.files[0]!.content, format === 'GEXF' ? 'gexf' : 'graphml');
        expect(Object.keys(nx.nodes).sort(), format).toEqual(projected.nodes().sort());
        expect(nx.edges.length, format).toBe(projected.size);
        expect(nx.directed, format).toBe(network === 'FULL');
      }
      if (network === 'FULL') {
        // GEXF lifetimes as NetworkX sees them: the day each relationship started (timeformat "date").
        const gexf = readWithNetworkx((await gqlExport({ network, format: 'GEXF' })).files[0]!.content, 'gexf');
        const day = (v: unknown) => new Date(v as string).toISOString().slice(0, 10);
        const expected = projected.edges().map((e) => projected.getEdgeAttribute(e, 'start')).filter(Boolean).map(day).sort();
        expect(expected.length).toBeGreaterThan(5);
        expect(gexf.edges.map((e) => e.attributes.start).filter(Boolean).sort()).toEqual(expected);
      }
    });
  }

  it('TIES with a window and chosen sources matches the projection with the same options', async () => {
    const spec = { window: { from: new Date('2025-03-01T00:00:00Z'), to: null }, sources: { acquaintance: 0, exchange: 2 } };
    const projected = await projectNetwork(api.db, { communityId: api.communityId, network: 'TIES', ...spec });
    const out = await gqlExport({ network: 'TIES', format: 'GRAPHML', from: '2025-03-01', sources: { acquaintance: 0, exchange: 2 } });
    expectSame(parseGraphml(GraphClass, out.files[0]!.content), projected, 'TIES');
  });
});

describe('FULL dataset (CSV / JSON)', () => {
  const expected: Partial<Record<string, number>> = {
    Community: 1, Resident: 4, Organization: 1, Activity: 1, Project: 1, Partner: 1,
    ACQUAINTANCE: 1, MEMBERSHIP: 3, ATTENDANCE: 4, EXCHANGE: 1, ACTIVITY_OF_PROJECT: 1, BACKING: 1, STATE_CHANGE: 1,
  };
  const all = [...NODE_LABELS, ...REL_KINDS, 'STATE_CHANGE'];

  it('CSV: one file per label, kind and STATE_CHANGE, with the interchange columns and the right rows', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reweave-export-'));
    const summary = await exportNetwork(ctx(), { communityId: api.communityId, network: 'FULL', format: 'csv' }, new FolderSink(dir));
    expect(readdirSync(dir).sort()).toEqual(all.map((n) => `${n}.csv`).sort());
    for (const spec of FILE_SPECS) {
      const text = readFileSync(path.join(dir, `${spec.name}.csv`), 'utf8');
      expect(text.split('\n')[0]).toBe(spec.columns.map((c) => c.name).join(','));
      const rows = summary.files.find((f) => f.name === `${spec.name}.csv`)!.rows;
      expect([spec.name, rows]).toEqual([spec.name, expected[spec.name] ?? 0]);
    }
    expect(summary.nodeCount).toBe(9);
    expect(summary.edgeCount).toBe(11);
    expect(summary.stateChangeCount).toBe(1);
    const residents = readFileSync(path.join(dir, 'Resident.csv'), 'utf8');
    expect(residents).toContain('GOOD_PERSON');
    expect(readFileSync(path.join(dir, 'STATE_CHANGE.csv'), 'utf8')).toContain('带头打扫楼道');
  });

  it('JSON: JSON arrays with the same rows; counts agree with the projection', async () => {
    const out = await gqlExport({ network: 'FULL', format: 'JSON' });
    expect(out.files.map((f) => f.name).sort()).toEqual(all.map((n) => `${n}.json`).sort());
    for (const f of out.files) {
      const rows = JSON.parse(f.content) as Record<string, unknown>[];
      expect([f.name, rows.length]).toEqual([f.name, expected[f.name.replace('.json', '')] ?? 0]);
      expect(f.rows).toBe(rows.length);
    }
    const residents = JSON.parse(out.files.find((f) => f.name === 'Resident.json')!.content) as Record<string, unknown>[];
    expect(residents.map((r) => r.displayName).sort()).toEqual([...names].sort());
    // Created through the API, so their start is unknown: the export leaves createdAt out (a re-import keeps it unknown).
    expect(residents.every((r) => r.createdAt === undefined)).toBe(true);
    const projected = await projectNetwork(api.db, { communityId: api.communityId, network: 'FULL' });
    expect([out.nodeCount, out.edgeCount]).toEqual([projected.order, projected.size]);
  });

  it('honours a window as the projection does', async () => {
    const window = { from: new Date('2025-04-02T00:00:00Z'), to: new Date('2099-01-01T00:00:00Z') };
    const out = await exportNetworkToStrings(ctx(), { communityId: api.communityId, network: 'FULL', format: 'json', window });
    const rows = (name: string) => (JSON.parse(out.contents.find((f) => f.name === `${name}.json`)!.content) as unknown[]).length;
    expect(rows('ATTENDANCE')).toBe(0);
    expect(rows('EXCHANGE')).toBe(0);
    expect(rows('ACQUAINTANCE')).toBe(1);
    expect(rows('MEMBERSHIP')).toBe(3);
    const projected = await projectNetwork(api.db, { communityId: api.communityId, network: 'FULL', window });
    expect([out.nodeCount, out.edgeCount]).toEqual([projected.order, projected.size]);
  });

  it('refuses an export larger than the cap, pointing to the CLI', async () => {
    await expect(exportNetworkToStrings(ctx(), { communityId: api.communityId, network: 'FULL', format: 'csv' }, 500)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(exportNetworkToStrings(ctx(), { communityId: api.communityId, network: 'TIES', format: 'gexf' }, 500)).rejects.toThrow(/command line/);
  });
});

describe('pseudonyms and identifying details', () => {
  const everything = (['FULL', 'TIES'] as const).flatMap((network) => (['GRAPHML', 'GEXF', 'CSV', 'JSON'] as const).map((format) => ({ network, format })));
  const text = (r: Result) => r.files.map((f) => f.content).join('\n');

  it('pseudonymise hides every display name; stable for a salt, different across salts', async () => {
    for (const { network, format } of everything) {
      const a = await gqlExport({ network, format, pseudonymise: true, salt: 'salt-1' });
      const b = await gqlExport({ network, format, pseudonymise: true, salt: 'salt-1' });
      const c = await gqlExport({ network, format, pseudonymise: true, salt: 'salt-2' });
      const random = await gqlExport({ network, format, pseudonymise: true });
      expect(a.pseudonymised).toBe(true);
      for (const r of [a, c, random]) expect(text(r)).not.toContain(suffix);
      expect(text(a)).toMatch(/R-[0-9a-f]{10}/);
      const pseudonyms = (r: Result) => [...new Set(text(r).match(/R-[0-9a-f]{10}/g))].sort();
      expect(pseudonyms(a)).toHaveLength(4);
      expect(pseudonyms(b)).toEqual(pseudonyms(a));
      expect(pseudonyms(c)).not.toEqual(pseudonyms(a));
      // FULL files are byte-identical for a salt; TIES edge order and generated edge keys follow the
      // projection, which reads its sources concurrently.
      if (network === 'FULL' && format !== 'GEXF') expect(text(b)).toBe(text(a));
    }
  });

  it('pseudonymised, every format follows the researchers\' policy: no resident id, no free text, no individual\'s name', async () => {
    for (const { network, format } of everything) {
      const bytes = text(await gqlExport({ network, format, pseudonymise: true, salt: 'salt-1' }));
      for (const id of ids.r) expect(bytes, `${network} ${format}`).not.toContain(id);
      for (const free of Object.values(FREE)) expect(bytes, `${network} ${format}`).not.toContain(free);
      if (network === 'FULL') expect(bytes).toMatch(/P-[0-9a-f]{10}/);
    }
    // As stored for an ANALYST who did not ask for pseudonyms.
    const stored = text(await gqlExport({ network: 'FULL', format: 'JSON' }));
    for (const free of Object.values(FREE)) expect(stored).toContain(free);
  });

  it('pseudonymised, every reference to a resident is its pseudonym, so the files still join', async () => {
    const r = await gqlExport({ network: 'FULL', format: 'JSON', pseudonymise: true, salt: 'salt-1' });
    const file = (name: string) => JSON.parse(r.files.find((f) => f.name === `${name}.json`)!.content) as Record<string, unknown>[];
    const residents = file('Resident');
    expect(residents).toHaveLength(4);
    for (const row of residents) expect(row.displayName).toBe(row.id);
    const pseudonymous = new Set(residents.map((row) => row.id));
    const acquaintance = file('ACQUAINTANCE');
    expect(acquaintance).toHaveLength(1);
    for (const row of acquaintance) for (const end of [row.from, row.to]) expect(pseudonymous.has(end)).toBe(true);
    const [backing] = file('BACKING');
    expect(pseudonymous.has(backing!.to)).toBe(true);
    expect(backing!.from).toBe(ids.partner); // a partner's id names no one
    const [partner] = file('Partner');
    expect(partner!.name).toMatch(/^P-[0-9a-f]{10}$/);
    expect(partner!.description ?? null).toBeNull();
    const changes = file('STATE_CHANGE').filter((c) => c.label === 'Resident');
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) {
      expect(pseudonymous.has(c.nodeId)).toBe(true);
      expect(c.evidence ?? null).toBeNull();
    }
    const [activity] = file('Activity');
    expect(activity!.name).toBe(`${partner!.name}公益沙龙`);
    expect(activity!.location).toBe(partner!.name);
    const [exchange] = file('EXCHANGE');
    expect(exchange!.service ?? null).toBeNull();
    expect(exchange!.hours).toBe(2.5);
  });

  it('an Identity never appears in any export, even for an ADMIN', async () => {
    for (const { network, format } of everything) {
      const r = await gqlExport({ network, format }, api.tokens.ADMIN);
      const bytes = text(r);
      expect(bytes).toContain(suffix); // names are there, unpseudonymised
      for (const value of Object.values(IDENTITY)) expect(bytes).not.toContain(value);
      expect(bytes).not.toContain('IDENTIFIED_BY');
    }
  });
});

describe('GraphQL exportNetwork', () => {
  it('works for ANALYST with names; forces pseudonyms for RESEARCHER', async () => {
    const analyst = await gqlExport({ network: 'TIES', format: 'CSV' });
    expect(analyst.pseudonymised).toBe(false);
    expect(analyst.files.map((f) => [f.name, f.mediaType])).toEqual([['nodes.csv', 'text/csv'], ['edges.csv', 'text/csv']]);
    expect(analyst.files[0]!.content).toContain(names[0]!.split(' ')[0]);
    const researcher = await gqlExport({ network: 'TIES', format: 'CSV', pseudonymise: false }, api.tokens.RESEARCHER);
    expect(researcher.pseudonymised).toBe(true);
    expect(researcher.files.map((f) => f.content).join('')).not.toContain(suffix);
    for (const id of ids.r) expect(researcher.files.map((f) => f.content).join('')).not.toContain(id);
    const full = (await gqlExport({ network: 'FULL', format: 'JSON', pseudonymise: false }, api.tokens.RESEARCHER)).files.map((f) => f.content).join('');
    for (const free of [...Object.values(FREE), ...ids.r]) expect(full).not.toContain(free);
    expect(researcher.nodeCount).toBe(analyst.nodeCount);
    expect(researcher.edgeCount).toBe(analyst.edgeCount);
  });

  it('is FORBIDDEN for another community and NOT_FOUND for a missing one', async () => {
    const r = await api.gql(EXPORT, { input: { communityId: api.communityId, network: 'FULL', format: 'GRAPHML' } }, api.tokens.OTHER_ADMIN);
    expect(codeOf(r)).toBe('FORBIDDEN');
    const missing = await api.gql(EXPORT, { input: { communityId: 'no-such-community', network: 'FULL', format: 'GRAPHML' } }, api.tokens.GLOBAL_ADMIN);
    expect(codeOf(missing)).toBe('NOT_FOUND');
  });

  it('gives BAD_USER_INPUT naming the field for window and asOf together, to before from, a negative weight', async () => {
    const call = (extra: Record<string, unknown>) => api.gql(EXPORT, { input: { communityId: api.communityId, network: 'TIES', format: 'GEXF', ...extra } }, api.tokens.ANALYST);
    const both = await call({ from: '2025-01-01', asOf: '2025-06-01' });
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    expect(both.errors![0]!.extensions!.field).toBe('input.asOf');
    const backwards = await call({ from: '2025-06-01', to: '2025-01-01' });
    expect(backwards.errors![0]!.extensions!.field).toBe('input.to');
    const weight = await call({ sources: { exchange: -1 } });
    expect(weight.errors![0]!.extensions!.field).toBe('input.sources.exchange');
    const format = await call({ format: 'PDF' });
    expect(codeOf(format)).toBe('BAD_USER_INPUT');
    expect(format.errors![0]!.extensions!.field).toBe('input.format');
    expect(format.errors![0]!.message).toContain('Value "PDF" does not exist in "ExportFormat" enum');
    expect(format.data ?? null).toBeNull();
  });
});
