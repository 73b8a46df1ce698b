/**
 * Every analytics query through GraphQL over the demo community (`small`, loaded by the importer as
 * `npm start` does), checked against the pure analytics run on the same projection, plus bad options,
 * empty windows, scope, pagination and cache invalidation by a write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { betweenness, pagerank } from '../../../src/analytics/centrality/index.ts';
import { connectedComponents } from '../../../src/analytics/communities/components.ts';
import { projectNetwork } from '../../../src/graph/project.ts';
import { createToken } from '../../../src/services/auth/tokens.ts';
import { SHARED_DEMO } from '../../helpers/demo.ts';
import { codeOf, startTestApi, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
let analyst: string;
let researcher: string;
const demo = SHARED_DEMO;
const year = { from: '2025-01-01', to: '2026-01-01' };
const net = (extra: Record<string, unknown> = {}) => ({ communityId: demo, ...year, ...extra });

beforeAll(async () => {
  api = await startTestApi();
  analyst = (await createToken(api.db, { role: 'ANALYST', communities: [demo], name: 'analytics test' })).token;
  researcher = (await createToken(api.db, { role: 'RESEARCHER', communities: [demo], name: 'analytics test' })).token;
}, 240_000);

afterAll(async () => {
  await api?.close();
});

/** Lets timers that a long synchronous computation held back (keep-alive closes) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

const gql = <T = any>(query: string, variables: Record<string, unknown> = {}, token = analyst) => api.gql<T>(query, variables, token);

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, token = analyst): Promise<T> {
  const r = await gql<T>(query, variables, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

const CENTRALITY = `query($network: NetworkInput!, $measure: CentralityMeasure!, $options: CentralityOptions, $first: Int, $after: String) {
  centrality(network: $network, measure: $measure, options: $options) {
    measure parameters converged seconds
    network { nodeCount edgeCount empty message network description }
    estimation { method pivots seed }
    scores(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { rank score nodeId node { id ... on Resident { displayName housingArea } } } }
    }
  }
}`;

describe('centrality', () => {
  it('ranks the residents for every measure, highest first, with their nodes', async () => {
    for (const measure of ['DEGREE', 'STRENGTH', 'BETWEENNESS', 'CLOSENESS', 'HARMONIC', 'EIGENVECTOR', 'PAGERANK']) {
      const d = await ok(CENTRALITY, { network: net(), measure, first: 10 });
      const c = d.centrality;
      expect(c.measure).toBe(measure);
      expect(c.network.empty).toBe(false);
      expect(c.network.nodeCount).toBeGreaterThan(1000);
      expect(c.scores.totalCount).toBe(c.network.nodeCount);
      const scores = c.scores.edges.map((e: any) => e.node.score);
      expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
      expect(c.scores.edges[0].node.rank).toBe(1);
      expect(c.scores.edges[0].node.node.id).toBe(c.scores.edges[0].node.nodeId);
      expect(c.scores.edges[0].node.node.displayName).toEqual(expect.any(String));
    }
  }, 120_000);

  it('leaves festival crowds out of the default tie network (maxActivitySize 15), and in when asked', async () => {
    const Q = `query($network: NetworkInput!) { centrality(network: $network, measure: DEGREE) { network { nodeCount edgeCount } } }`;
    const capped = (await ok(Q, { network: net() })).centrality.network;
    const uncapped = (await ok(Q, { network: net({ maxActivitySize: 1_000_000 }) })).centrality.network;
    expect(capped.nodeCount).toBe(uncapped.nodeCount);
    // bench/tie-defaults: 28,663 vs 208,496 ties for the small demo's 2025.
    expect(uncapped.edgeCount).toBeGreaterThan(5 * capped.edgeCount);
  });

  it('converges the power iterations by default and reports the residual; a looser tolerance can be asked for', async () => {
    const Q = `query($network: NetworkInput!, $measure: CentralityMeasure!, $options: CentralityOptions) {
      centrality(network: $network, measure: $measure, options: $options) { converged iterations residual parameters network { nodeCount } } }`;
    for (const measure of ['PAGERANK', 'EIGENVECTOR']) {
      const tight = (await ok(Q, { network: net(), measure })).centrality;
      expect(tight.converged, measure).toBe(true);
      expect(tight.parameters).toMatchObject({ tolerance: 1e-12, maxIterations: measure === 'PAGERANK' ? 1000 : 10_000 });
      expect(tight.residual).toBeLessThan(tight.network.nodeCount * 1e-12);
      const loose = (await ok(Q, { network: net(), measure, options: { tolerance: 1e-4, maxIterations: 500 } })).centrality;
      expect(loose.parameters).toMatchObject({ tolerance: 1e-4, maxIterations: 500 });
      expect(loose.iterations).toBeLessThan(tight.iterations);
      expect(loose.residual).toBeGreaterThan(tight.residual);
    }
    const r = await gql(Q, { network: net(), measure: 'PAGERANK', options: { tolerance: 0 } });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe('options.tolerance');
    const m = await gql(Q, { network: net(), measure: 'PAGERANK', options: { maxIterations: 10_001 } });
    expect(m.errors![0]!.extensions!.field).toBe('options.maxIterations');
  });

  it('agrees with the pure analytics on the same projection', async () => {
    // The expected values below are computed on this thread — the server's — for seconds; a request
    // sent right after such a stall can meet a keep-alive socket the server is just closing
    // (ECONNRESET), so the API goes first and `settle` lets those timers run before the next test.
    const d = await ok(CENTRALITY, { network: net(), measure: 'BETWEENNESS', first: 25 });
    const p = await ok(CENTRALITY, { network: net(), measure: 'PAGERANK', options: { alpha: 0.5 }, first: 5 });
    const graph = await projectNetwork(api.db, { communityId: demo, network: 'TIES', window: { from: new Date(year.from), to: new Date(year.to) } });
    const expected = betweenness(graph, { normalized: true }).values;
    for (const { node } of d.centrality.scores.edges) expect(node.score).toBeCloseTo(expected[node.nodeId]!, 12);
    const top = Object.entries(expected).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    expect(d.centrality.scores.edges[0].node.nodeId).toBe(top[0]);
    expect(d.centrality.estimation).toEqual({ method: 'EXACT', pivots: graph.order, seed: null });

    const pr = pagerank(graph, { alpha: 0.5 }).values;
    expect(p.centrality.parameters).toMatchObject({ alpha: 0.5, weighted: true });
    for (const { node } of p.centrality.scores.edges) expect(node.score).toBeCloseTo(pr[node.nodeId]!, 12);
    await settle();
  }, 120_000);

  it('estimates betweenness from pivots and says so', async () => {
    const d = await ok(CENTRALITY, { network: net(), measure: 'BETWEENNESS', options: { pivots: 50, seed: 7 }, first: 3 });
    expect(d.centrality.estimation).toEqual({ method: 'SAMPLED', pivots: 50, seed: 7 });
    expect(d.centrality.parameters).toMatchObject({ pivots: 50, seed: 7, distance: 'hops' });
  });

  it('pages through a ranking without gaps or repeats', async () => {
    const first = await ok(CENTRALITY, { network: net(), measure: 'DEGREE', first: 7 });
    const second = await ok(CENTRALITY, { network: net(), measure: 'DEGREE', first: 7, after: first.centrality.scores.pageInfo.endCursor });
    const all = await ok(CENTRALITY, { network: net(), measure: 'DEGREE', first: 14 });
    const ids = (d: any) => d.centrality.scores.edges.map((e: any) => e.node.nodeId);
    expect([...ids(first), ...ids(second)]).toEqual(ids(all));
    expect(first.centrality.scores.pageInfo.hasNextPage).toBe(true);
  });

  it('reads the FULL network as one weighted undirected graph', async () => {
    const d = await ok(CENTRALITY, { network: net({ network: 'FULL' }), measure: 'DEGREE', first: 5 });
    expect(d.centrality.network.network).toBe('FULL');
    expect(d.centrality.network.nodeCount).toBeGreaterThan(2000);
    expect(d.centrality.scores.totalCount).toBe(d.centrality.network.nodeCount);
    // Every ranked node resolves to itself, whatever its label.
    for (const e of d.centrality.scores.edges) expect(e.node.node?.id).toBe(e.node.nodeId);
  });

  it('shows researchers pseudonyms, not display names', async () => {
    const a = await ok(CENTRALITY, { network: net(), measure: 'DEGREE', first: 1 });
    const r = await ok(CENTRALITY, { network: net(), measure: 'DEGREE', first: 1 }, researcher);
    // The same resident, known to the researcher by its pseudonym: as id and as display name.
    const mine = r.centrality.scores.edges[0].node;
    const theirs = a.centrality.scores.edges[0].node;
    expect(mine.score).toBe(theirs.score);
    expect(mine.nodeId).toMatch(/^R-[0-9a-f]{10}$/);
    expect(mine.nodeId).not.toBe(theirs.nodeId);
    expect(mine.node.id).toBe(mine.nodeId);
    expect(mine.node.displayName).toBe(mine.nodeId);
    expect(mine.node.displayName).not.toBe(theirs.node.displayName);
  });
});

describe('communities and components', () => {
  it('finds Louvain communities whose sizes cover the network', async () => {
    const d = await ok(`query($n: NetworkInput!) { communityDetection(network: $n, resolution: 1, seed: 2) {
      count modularity levels parameters sizes(first: 1000) network { nodeCount }
      assignments(first: 3) { totalCount edges { node { nodeId group node { id } } } } } }`, { n: net() });
    const c = d.communityDetection;
    expect(c.count).toBeGreaterThan(3);
    expect(c.modularity).toBeGreaterThan(0.3);
    expect(c.sizes.reduce((a: number, b: number) => a + b, 0)).toBe(c.network.nodeCount);
    expect(c.assignments.totalCount).toBe(c.network.nodeCount);
    expect(c.parameters).toEqual({ resolution: 1, seed: 2 });
    expect(c.assignments.edges[0].node.group).toBe(0);
  });

  it('counts components and the share outside the largest, as the pure function does', async () => {
    const d = await ok(`query($n: NetworkInput!) { components(network: $n) { count largest isolates outsideLargestShare sizes(first: 5) } }`, { n: net() });
    const graph = await projectNetwork(api.db, { communityId: demo, network: 'TIES', window: { from: new Date(year.from), to: new Date(year.to) } });
    const expected = connectedComponents(graph);
    await settle();
    expect(d.components).toEqual({
      count: expected.count, largest: expected.largest, isolates: expected.isolates,
      outsideLargestShare: expected.outsideLargestShare, sizes: expected.sizes.slice(0, 5),
    });
  });
});

describe('bridging', () => {
  it('lists bridges first, then local bridges by span', async () => {
    const d = await ok(`query($n: NetworkInput!) { bridgingTies(network: $n) { bridgeCount localBridgeCount
      ties(first: 1000) { totalCount edges { node { sourceId targetId bridge span weight source { id } } } } } }`, { n: net() });
    const b = d.bridgingTies;
    expect(b.localBridgeCount).toBeGreaterThanOrEqual(b.bridgeCount);
    expect(b.ties.totalCount).toBe(b.localBridgeCount);
    const ties = b.ties.edges.map((e: any) => e.node);
    const firstLocal = ties.findIndex((t: any) => !t.bridge);
    if (firstLocal >= 0) expect(ties.slice(firstLocal).every((t: any) => !t.bridge && t.span >= 3)).toBe(true);
    expect(ties.slice(0, b.bridgeCount).every((t: any) => t.bridge && t.span === null)).toBe(true);
  });

  it('ranks brokers by structural holes', async () => {
    const d = await ok(`query($n: NetworkInput!) { structuralHoles(network: $n, orderBy: CONSTRAINT) { orderBy weighted
      scores(first: 50) { totalCount edges { node { rank contacts constraint hierarchy effectiveSize efficiency node { id } } } } } }`, { n: net() });
    const s = d.structuralHoles;
    expect(s.orderBy).toBe('CONSTRAINT');
    const values = s.scores.edges.map((e: any) => e.node.constraint).filter((v: number | null) => v !== null);
    expect(values).toEqual([...values].sort((a: number, b: number) => a - b));
    const e = await ok(`query($n: NetworkInput!) { structuralHoles(network: $n, orderBy: EFFECTIVE_SIZE) { scores(first: 20) { edges { node { effectiveSize } } } } }`, { n: net() });
    const sizes = e.structuralHoles.scores.edges.map((x: any) => x.node.effectiveSize);
    expect(sizes).toEqual([...sizes].sort((a: number, b: number) => b - a));
  });

  it('measures how open housing types are, with a permutation test', async () => {
    const d = await ok(`query($n: NetworkInput!) { groupMixing(network: $n, groupBy: HOUSING_TYPE, permutations: 200, seed: 3) {
      groupBy external internal ei crossingShare unassignedCount parameters network { edgeCount }
      test { permutations pTwoSided expected } groups { group size external internal ei }
      nodes(first: 5) { totalCount edges { node { rank group ei node { id } } } } } }`, { n: net() });
    const g = d.groupMixing;
    expect(g.groupBy).toBe('HOUSING_TYPE');
    expect(g.external + g.internal).toBe(g.network.edgeCount);
    expect(g.crossingShare).toBeCloseTo(g.external / g.network.edgeCount, 12);
    expect(g.ei).toBeCloseTo((g.external - g.internal) / (g.external + g.internal), 12);
    expect(g.test.permutations).toBe(200);
    expect(g.test.pTwoSided).toBeGreaterThanOrEqual(0);
    expect(g.test.pTwoSided).toBeLessThanOrEqual(1);
    expect(g.groups.length).toBeGreaterThan(1);
    // Residents cluster within their housing type: fewer ties cross than random relabelling would give.
    expect(g.ei).toBeLessThan(g.test.expected);
  });

  it('numbers detected communities as communityDetection does (0 = largest)', async () => {
    const d = await ok(`query($n: NetworkInput!) { communityDetection(network: $n, resolution: 1, seed: 4) { sizes(first: 1000) }
      groupMixing(network: $n, groupBy: DETECTED_COMMUNITY, permutations: 0, seed: 4) { groups { group size } } }`, { n: net() });
    const sizes = new Map(d.groupMixing.groups.map((g: any) => [Number(g.group), g.size]));
    d.communityDetection.sizes.forEach((size: number, group: number) => expect(sizes.get(group)).toBe(size));
  });

  it('groups by the detected community and by Party membership', async () => {
    for (const groupBy of ['DETECTED_COMMUNITY', 'PARTY_MEMBERSHIP', 'HOUSING_AREA', 'HOUSEHOLD_REGISTRATION', 'BUILDING', 'CULTIVATION_STAGE']) {
      const d = await ok(`query($n: NetworkInput!, $g: GroupingAttribute!) { groupMixing(network: $n, groupBy: $g, permutations: 0) { groupBy crossingShare test { pTwoSided } groups { group } } }`, { n: net(), g: groupBy });
      expect(d.groupMixing.groupBy).toBe(groupBy);
      expect(d.groupMixing.test).toBeNull();
      expect(d.groupMixing.groups.length).toBeGreaterThan(0);
    }
  });

  it('finds Gould–Fernandez brokers on the exchange network', async () => {
    const d = await ok(`query($n: NetworkInput!) { brokerage(network: $n, groupBy: HOUSING_AREA) { groupBy network { description edgeCount empty }
      totals { coordinator itinerant representative gatekeeper liaison total }
      scores(first: 1000) { totalCount edges { node { rank group roles { total liaison } node { id } } } } } }`, { n: net({ from: '2023-01-01' }) });
    const b = d.brokerage;
    expect(b.network.description).toMatch(/exchange/);
    expect(b.network.empty).toBe(false);
    const t = b.totals;
    expect(t.coordinator + t.itinerant + t.representative + t.gatekeeper + t.liaison).toBe(t.total);
    const all = b.scores.edges.map((e: any) => e.node.roles.total);
    expect(all.reduce((a: number, x: number) => a + x, 0)).toBe(t.total);
    expect(all).toEqual([...all].sort((a: number, x: number) => x - a));
  });
});

describe('active residents', () => {
  it('ranks residents with the components that explain each score', async () => {
    const d = await ok(`query($c: ID!) { activeResidents(communityId: $c, from: "2025-01-01", to: "2026-01-01") { weights network { nodeCount from to }
      residents(first: 20) { totalCount edges { node { rank score residentId resident { id displayName } components { component value normalised contribution } } } } } }`, { c: demo });
    const a = d.activeResidents;
    expect(a.weights).toEqual({ attendance: 1, volunteering: 1, organising: 1, exchanges: 1, network: 1 });
    expect(a.residents.totalCount).toBe(a.network.nodeCount);
    const top = a.residents.edges.map((e: any) => e.node);
    expect(top[0].rank).toBe(1);
    expect(top.map((r: any) => r.score)).toEqual(top.map((r: any) => r.score).sort((x: number, y: number) => y - x));
    for (const r of top) {
      expect(r.components.map((c: any) => c.component)).toEqual(['ATTENDANCE', 'VOLUNTEERING', 'ORGANISING', 'EXCHANGES', 'NETWORK']);
      expect(r.components.reduce((s: number, c: any) => s + c.contribution, 0)).toBeCloseTo(r.score, 12);
      expect(r.resident.id).toBe(r.residentId);
    }
    expect(top[0].components.find((c: any) => c.component === 'ATTENDANCE').value).toBeGreaterThan(0);
  });

  it('follows the weights: attendance alone ranks by attendance', async () => {
    const d = await ok(`query($c: ID!) { activeResidents(communityId: $c, from: "2025-01-01", to: "2026-01-01", weights: {attendance: 1, volunteering: 0, organising: 0, exchanges: 0, network: 0}) {
      residents(first: 30) { edges { node { score components { component value } } } } } }`, { c: demo });
    const rows = d.activeResidents.residents.edges.map((e: any) => e.node.components.find((c: any) => c.component === 'ATTENDANCE').value);
    expect(rows).toEqual([...rows].sort((a: number, b: number) => b - a));
  });

  it('defaults to the last 365 days', async () => {
    const d = await ok(`query($c: ID!) { activeResidents(communityId: $c) { network { from to empty message } } }`, { c: demo });
    const { from, to } = d.activeResidents.network;
    expect(new Date(to).getTime() - new Date(from).getTime()).toBe(365 * 24 * 3600 * 1000);
    expect(new Date(to).getTime()).toBeGreaterThanOrEqual(Date.now());
  });
});

describe('empty windows, bad options, scope', () => {
  const QUERIES: [string, string][] = [
    ['centrality', 'centrality(network: $n, measure: BETWEENNESS) { network { empty message nodeCount } scores { totalCount } }'],
    ['communityDetection', 'communityDetection(network: $n) { count modularity network { empty message } assignments { totalCount } }'],
    ['components', 'components(network: $n) { count network { empty message } }'],
    ['bridgingTies', 'bridgingTies(network: $n) { bridgeCount network { empty message } ties { totalCount } }'],
    ['structuralHoles', 'structuralHoles(network: $n) { network { empty message } scores { totalCount } }'],
    ['groupMixing', 'groupMixing(network: $n, groupBy: HOUSING_TYPE) { ei network { empty message } nodes { totalCount } }'],
    ['brokerage', 'brokerage(network: $n, groupBy: HOUSING_TYPE) { totals { total } network { empty message } scores { totalCount } }'],
  ];

  it('answers a window without data with an empty result that says so', async () => {
    for (const [name, body] of QUERIES) {
      const d = await ok(`query($n: NetworkInput!) { ${body} }`, { n: { communityId: demo, from: '2010-01-01', to: '2011-01-01' } });
      expect(d[name].network.empty, name).toBe(true);
      expect(d[name].network.message, name).toMatch(/No data|No ties/);
    }
    const a = await ok(`query($c: ID!) { activeResidents(communityId: $c, from: "2010-01-01", to: "2011-01-01") { network { empty message } residents { totalCount } } }`, { c: demo });
    expect(a.activeResidents).toMatchObject({ network: { empty: true }, residents: { totalCount: 0 } });
  });

  it('says a window after the last dated record has no data, though memberships and ties never ended', async () => {
    const later = { communityId: demo, from: '2030-01-01', to: '2031-01-01' };
    for (const [name, body] of QUERIES) {
      const d = await ok(`query($n: NetworkInput!) { ${body} }`, { n: later });
      expect(d[name].network.empty, name).toBe(true);
      expect(d[name].network.message, name).toMatch(/starts after the community's last dated record/);
    }
    const q = `query($n: NetworkInput!) { centrality(network: $n, measure: DEGREE) { network { empty message dataFrom dataTo } scores { totalCount } } }`;
    const range = (await ok(q, { n: net() })).centrality.network;
    // The demo's calendar: three years of dated records.
    expect(range.empty).toBe(false);
    expect(range.message).toBeNull();
    expect(new Date(range.dataTo).getTime()).toBeGreaterThan(new Date(range.dataFrom).getTime() + 700 * 86_400_000);
    const late = (await ok(q, { n: later })).centrality;
    expect(late.scores.totalCount).toBe(0);
    expect(late.network.message).toContain(range.dataTo.slice(0, 10));
    // A window that only partly overlaps the data is analysed, and says how little of it has data.
    const partial = (await ok(q, { n: { communityId: demo, from: range.dataTo.slice(0, 10), to: new Date(new Date(range.dataTo).getTime() + 365 * 86_400_000).toISOString().slice(0, 10) } })).centrality.network;
    expect(partial.message).toMatch(/^Only [12] of this window's 365 days have data/);
  });

  const bad = async (query: string, variables: Record<string, unknown>, field: string) => {
    const r = await gql(query, variables);
    expect(codeOf(r), JSON.stringify(r.errors)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe(field);
  };

  it('names the option of every bad input with BAD_USER_INPUT', async () => {
    await bad(`query { centrality(network: {communityId: "${demo}"}, measure: FOO) { measure } }`, {}, 'measure');
    await bad('query($m: CentralityMeasure!) { centrality(network: {communityId: "x"}, measure: $m) { measure } }', { m: 'FOO' }, 'measure');
    await bad(`query { groupMixing(network: {communityId: "${demo}"}, groupBy: SHOE_SIZE) { ei } }`, {}, 'groupBy');
    await bad(CENTRALITY, { network: net({ from: '2025-06-01', to: '2025-01-01' }), measure: 'DEGREE' }, 'network.to');
    await bad(CENTRALITY, { network: net(), measure: 'BETWEENNESS', options: { pivots: 0 } }, 'options.pivots');
    await bad(CENTRALITY, { network: net(), measure: 'PAGERANK', options: { alpha: 1 } }, 'options.alpha');
    await bad(`query($n: NetworkInput!) { communityDetection(network: $n, resolution: 0) { count } }`, { n: net() }, 'resolution');
    await bad(`query($n: NetworkInput!) { communityDetection(network: $n, resolution: -1) { count } }`, { n: net() }, 'resolution');
    await bad(CENTRALITY, { network: { communityId: demo, from: '2025-01-01', asOf: '2025-02-01' }, measure: 'DEGREE' }, 'network.asOf');
    // A date written as a number or an enum is refused, never read as "no date" (all time).
    await bad(`query { centrality(network: {communityId: "${demo}", asOf: 20250101}, measure: DEGREE) { measure } }`, {}, 'network.asOf');
    await bad(`query($c: ID!) { activeResidents(communityId: $c, from: 5, to: "2025-01-01") { seconds } }`, { c: demo }, 'from');
    await bad(`query($c: ID!) { activeResidents(communityId: $c, to: TODAY) { seconds } }`, { c: demo }, 'to');
    await bad(CENTRALITY, { network: net({ from: 20250101 }), measure: 'DEGREE' }, 'network.from');
    await bad(CENTRALITY, { network: net({ maxActivitySize: 1 }), measure: 'DEGREE' }, 'network.maxActivitySize');
    await bad(CENTRALITY, { network: net({ sources: { exchange: -1 } }), measure: 'DEGREE' }, 'network.sources.exchange');
    await bad(CENTRALITY, { network: net(), measure: 'DEGREE', first: -1 }, 'first');
    await bad(CENTRALITY, { network: net(), measure: 'DEGREE', after: 'nonsense' }, 'after');
    await bad(`query($n: NetworkInput!) { groupMixing(network: $n, groupBy: HOUSING_TYPE, permutations: -5) { ei } }`, { n: net() }, 'permutations');
    await bad(`query($c: ID!) { activeResidents(communityId: $c, weights: {attendance: 0, volunteering: 0, organising: 0, exchanges: 0, network: 0}) { seconds } }`, { c: demo }, 'weights');
    await bad(`query($c: ID!) { activeResidents(communityId: $c, from: "2025-06-01", to: "2025-01-01") { seconds } }`, { c: demo }, 'to');
    await bad(CENTRALITY, { network: net({ sources: { acquaintance: 1e308 } }), measure: 'PAGERANK' }, 'network.sources.acquaintance');
    await bad(CENTRALITY, { network: net({ sources: { acquaintance: 1e-300 } }), measure: 'CLOSENESS', options: { distance: 'INVERSE_WEIGHT' } }, 'network.sources.acquaintance');
    await bad(`query($c: ID!) { activeResidents(communityId: $c, weights: {network: 1e300}) { seconds } }`, { c: demo }, 'weights.network');
  });

  it('refuses other communities and reports unknown ones', async () => {
    const other = await gql(CENTRALITY, { network: { communityId: api.otherCommunityId }, measure: 'DEGREE' });
    expect(codeOf(other)).toBe('FORBIDDEN');
    const missing = await gql(CENTRALITY, { network: { communityId: 'no-such-community' }, measure: 'DEGREE' }, api.tokens.GLOBAL_ADMIN);
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(missing.errors![0]!.extensions!.field).toBe('network.communityId');
    const active = await gql('{ activeResidents(communityId: "no-such-community") { seconds } }', {}, api.tokens.GLOBAL_ADMIN);
    expect(codeOf(active)).toBe('NOT_FOUND');
    expect(active.errors![0]!.extensions!.field).toBe('communityId');
  });
});

describe('cache and runs', () => {
  it('a write invalidates the cached network', async () => {
    const c = api.communityId;
    const q = `query($n: NetworkInput!) { components(network: $n) { count network { nodeCount } } }`;
    await api.make('Resident');
    const before = await ok(q, { n: { communityId: c } }, api.tokens.ADMIN);
    await api.make('Resident');
    const after = await ok(q, { n: { communityId: c } }, api.tokens.ADMIN);
    expect(after.components.network.nodeCount).toBe(before.components.network.nodeCount + 1);
    expect(after.components.count).toBe(before.components.count + 1);
  });

  it('identical concurrent requests share one run, and analysisRuns shows it with progress', async () => {
    const variables = { network: net({ network: 'FULL', from: '2023-01-01' }), measure: 'CLOSENESS', first: 1 };
    const seen: any[] = [];
    let finished = false;
    const both = Promise.all([ok(CENTRALITY, variables), ok(CENTRALITY, variables)]).finally(() => (finished = true));
    while (!finished) {
      const runs = (await ok('{ analysisRuns { analysis communityId waiting phase done total fraction } }')).analysisRuns;
      seen.push(...runs.filter((r: any) => r.analysis === 'centrality:closeness'));
      await new Promise((r) => setTimeout(r, 5));
    }
    const [a, b] = await both;
    expect(a.centrality.scores.edges[0]).toEqual(b.centrality.scores.edges[0]);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen.map((r) => r.waiting))).toBe(2);
    expect(seen.every((r) => r.communityId === demo)).toBe(true);
    // Other communities' runs are not listed to this token.
    const other = await ok('{ analysisRuns { communityId } }', {}, api.tokens.OTHER_ADMIN);
    expect(other.analysisRuns.every((r: any) => r.communityId !== demo)).toBe(true);
  }, 120_000);
});
