/**
 * publicness, partnerPublicness and reweavingReport through GraphQL over the demo community (`small`):
 * the demo's t0 = 2024-06-30 vs t1 = 2025-12-31, checked against the other analytics on the same
 * windows (crossing share, components, E-I), the roles that may run it, pseudonyms, and bad input;
 * and the HTML report (`npm run report`): the same numbers as the queries, opened in a headless
 * chromium without console errors, its screenshot and PDF saved to .reweave/report-artifacts/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.ts';
import { neo4jUri } from '../../helpers/api.ts';
import { openReport, REPORT_ARTIFACTS, browserOrSkip } from './browser.ts';
import { createToken } from '../../../src/services/auth/tokens.ts';
import { SHARED_DEMO } from '../../helpers/demo.ts';
import { codeOf, snapshot, startTestApi, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
const tokens: Record<string, string> = {};
const demo = SHARED_DEMO;
const T0 = '2024-06-30';
const T1 = '2025-12-31';
const DAY = 86_400_000;
const before = (t: string) => new Date(new Date(`${t}T00:00:00Z`).getTime() - 365 * DAY).toISOString();

beforeAll(async () => {
  api = await startTestApi();
  for (const role of ['EVALUATOR', 'RESEARCHER', 'ANALYST'] as const) tokens[role] = (await createToken(api.db, { role, communities: [demo], name: `publicness ${role}` })).token;
}, 300_000);

afterAll(async () => {
  await api?.close();
});

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, token = tokens.EVALUATOR): Promise<T> {
  const r = await api.gql<T>(query, variables, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

export const PUBLICNESS = `query($scope: PublicnessScope!, $t0: DateTime!, $t1: DateTime!, $options: PublicnessOptions) {
  publicness(scope: $scope, t0: $t0, t1: $t1, options: $options) {
    scopeKind scopeId communityId scopeName pairedUnits empty message parameters seconds
    t0 { at from to residents organisations network { nodeCount edgeCount empty message } }
    t1 { at from to residents organisations network { nodeCount edgeCount empty message } }
    index { t0 t1 delta interval { lower upper } pValue included excluded sensitivity { draws risingShare t0 { min max } t1 { min max } delta { min max lower upper } } }
    components { component t0 t1 delta interval { lower upper } pValue weight }
  }
}`;

const byComponent = (r: any) => Object.fromEntries(r.components.map((c: any) => [c.component, c]));

describe('publicness of the demo community', () => {
  let result: any;
  beforeAll(async () => {
    result = (await ok(PUBLICNESS, { scope: { communityId: demo }, t0: T0, t1: T1 })).publicness;
  }, 240_000);

  it('gives every component at t0 and t1 with its delta, interval and p-value, and the index with its sensitivity', () => {
    expect(result).toMatchObject({ scopeKind: 'COMMUNITY', scopeId: demo, communityId: demo, empty: false });
    expect(result.t0.from).toBe(before(T0));
    expect(result.t1.to).toBe(`${T1}T00:00:00.000Z`);
    expect(result.components.map((c: any) => c.component)).toEqual(['PARTICIPATION', 'CROSSING', 'CONNECTEDNESS', 'PUBLIC_BENEFIT_ORGANISATIONS', 'PARTNER_INVOLVEMENT', 'CONTRIBUTIONS']);
    for (const c of result.components) {
      expect(c.t0).toBeGreaterThanOrEqual(0);
      expect(c.t1).toBeLessThanOrEqual(1);
      expect(c.delta).toBeCloseTo(c.t1 - c.t0, 12);
      if (c.component === 'CONTRIBUTIONS') {
        expect(c.interval).toBeNull();
      } else {
        expect(c.interval.lower).toBeLessThanOrEqual(c.delta + 1e-12);
        expect(c.interval.upper).toBeGreaterThanOrEqual(c.delta - 1e-12);
        expect(c.pValue).toBeGreaterThan(0);
      }
    }
    const mean = (at: 't0' | 't1') => result.components.reduce((s: number, c: any) => s + c[at], 0) / 6;
    expect(result.index.t0).toBeCloseTo(mean('t0'), 12);
    expect(result.index.t1).toBeCloseTo(mean('t1'), 12);
    expect(result.index.sensitivity.draws).toBe(1000);
    expect(result.index.sensitivity.delta.min).toBeLessThanOrEqual(result.index.delta);
    expect(result.index.sensitivity.delta.max).toBeGreaterThanOrEqual(result.index.delta);
    expect(result.pairedUnits).toBeGreaterThan(1000);
    expect(result.parameters).toMatchObject({ replicates: 200, permutations: 1000, lookbackDays: 365, groupBy: 'HOUSING_TYPE', seed: 1 });
  });

  it('shows the intervention from 2024-07-01 as a significant rise in crossing and participation', () => {
    const c = byComponent(result);
    for (const name of ['CROSSING', 'PARTICIPATION']) {
      expect(c[name].delta).toBeGreaterThan(0);
      expect(c[name].interval.lower).toBeGreaterThan(0);
      expect(c[name].pValue).toBeLessThan(0.05);
    }
  });

  it('agrees with groupMixing and components over the same window', async () => {
    const network = { communityId: demo, from: before(T1), to: `${T1}T00:00:00Z` };
    const d = await ok(`query($n: NetworkInput!) { groupMixing(network: $n, groupBy: HOUSING_TYPE, permutations: 0) { crossingShare } components(network: $n) { outsideLargestShare } }`, { n: network }, tokens.ANALYST);
    const c = byComponent(result);
    expect(c.CROSSING.t1).toBeCloseTo(d.groupMixing.crossingShare, 12);
    expect(c.CONNECTEDNESS.t1).toBeCloseTo(1 - d.components.outsideLargestShare, 12);
  });

  it('gives the same answer again, from the kept run, and another seed other intervals', async () => {
    const again = (await ok(PUBLICNESS, { scope: { communityId: demo }, t0: T0, t1: T1 })).publicness;
    expect(again.components).toEqual(result.components);
    const other = (await ok(PUBLICNESS, { scope: { communityId: demo }, t0: T0, t1: T1, options: { seed: 2 } })).publicness;
    expect(byComponent(other).CROSSING.delta).toBe(byComponent(result).CROSSING.delta);
    expect(byComponent(other).CROSSING.interval).not.toEqual(byComponent(result).CROSSING.interval);
  }, 120_000);

  it('weighs the components as asked: a component not named weighs 0', async () => {
    const w = (await ok(PUBLICNESS, { scope: { communityId: demo }, t0: T0, t1: T1, options: { weights: [{ component: 'CROSSING', weight: 1 }], replicates: 50, permutations: 0 } })).publicness;
    expect(w.index.t1).toBeCloseTo(byComponent(result).CROSSING.t1, 12);
    expect(w.index.included).toEqual(['CROSSING']);
    expect(byComponent(w).CROSSING.pValue).toBeNull();
  }, 120_000);

  it('says so when a window has no data', async () => {
    const e = (await ok(PUBLICNESS, { scope: { communityId: demo }, t0: '2015-01-01', t1: T1, options: { replicates: 50, permutations: 0 } })).publicness;
    expect(e.empty).toBe(true);
    expect(e.index.t0).toBeNull();
    expect(e.message).toMatch(/^t0: No data in this window/);
  }, 120_000);
});

describe('organisations and partners', () => {
  it('evaluates one partner and one organisation over the residents they reached', async () => {
    const ranking = (await ok(`query($c: ID!) { partnerPublicness(communityId: $c, t0: "${T0}", t1: "${T1}") { partners { partnerId name t1 } } }`, { c: demo })).partnerPublicness;
    const top = ranking.partners[0];
    const p = (await ok(PUBLICNESS, { scope: { partnerId: top.partnerId }, t0: T0, t1: T1 })).publicness;
    expect(p).toMatchObject({ scopeKind: 'PARTNER', scopeId: top.partnerId, communityId: demo, scopeName: top.name });
    expect(p.components.map((c: any) => c.component)).toEqual(['OUTREACH', 'CROSSING', 'VOLUNTEERING', 'NEEDS_ADDRESSED', 'CONTRIBUTIONS']);
    expect(p.index.t1).toBeCloseTo(top.t1, 12);
    expect(p.t1.residents).toBeGreaterThan(0);
    const orgs = (await ok(`query($c: [ID!]) { organizations(first: 50, filter: {communityIds: $c, type: [SELF_ORGANIZATION]}) { edges { node { id name } } } }`, { c: [demo] }, tokens.ANALYST)).organizations.edges;
    const o = (await ok(PUBLICNESS, { scope: { organizationId: orgs[0].node.id }, t0: T0, t1: T1, options: { replicates: 50 } })).publicness;
    expect(o).toMatchObject({ scopeKind: 'ORGANIZATION', scopeName: orgs[0].node.name });
  }, 240_000);

  it('ranks every partner by publicness at t1 and flags dynamic exits with reasons', async () => {
    const r = (await ok(`query($c: ID!) { partnerPublicness(communityId: $c, t0: "${T0}", t1: "${T1}") {
      lowestDecileT0 lowestDecileT1 partners { rank partnerId name status t0 t1 delta residentsReached exitFlag exitReasons } } }`, { c: demo })).partnerPublicness;
    expect(r.partners.length).toBeGreaterThan(5);
    const values = r.partners.map((p: any) => p.t1).filter((v: number | null) => v !== null);
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a));
    for (const p of r.partners) {
      expect(p.exitFlag).toBe(p.exitReasons.length > 0);
      if (p.exitReasons.includes('LOWEST_DECILE')) expect(p.status === 'ACTIVE' && p.t0 <= r.lowestDecileT0 && p.t1 <= r.lowestDecileT1).toBe(true);
      if (p.exitReasons.includes('NO_RESIDENT_REACHED')) expect(p.residentsReached).toBe(0);
    }
  }, 240_000);

  it('shows a RESEARCHER pseudonyms, never the names', async () => {
    const named = (await ok(`query($c: ID!) { partnerPublicness(communityId: $c, t0: "${T0}", t1: "${T1}") { partners { partnerId name } } }`, { c: demo })).partnerPublicness.partners;
    const seen = (await ok(`query($c: ID!) { partnerPublicness(communityId: $c, t0: "${T0}", t1: "${T1}") { partners { partnerId name } } }`, { c: demo }, tokens.RESEARCHER)).partnerPublicness.partners;
    expect(seen.map((p: any) => p.partnerId)).toEqual(named.map((p: any) => p.partnerId));
    for (const [i, p] of seen.entries()) {
      expect(p.name).toMatch(/^P-[0-9a-f]{10}$/);
      expect(p.name).not.toBe(named[i].name);
    }
    const one = (await ok(PUBLICNESS, { scope: { partnerId: named[0].partnerId }, t0: T0, t1: T1 }, tokens.RESEARCHER)).publicness;
    expect(one.scopeName).toBe(seen[0].name);
  }, 240_000);
});

describe('reweavingReport', () => {
  it('sets the two tie networks side by side, consistent with the other analytics', async () => {
    const r = (await ok(`query($c: ID!) { reweavingReport(communityId: $c, t0: "${T0}", t1: "${T1}") {
      communityId groupBy added lost kept bridgesAdded bridgesLost
      t0 { from to residents ties isolates components largestComponentShare density averageClustering modularity louvainCommunities ei crossingTies network { nodeCount edgeCount } groups { group residents tiesInside tiesOut ei isolates } }
      t1 { from to residents ties isolates components largestComponentShare density averageClustering modularity louvainCommunities ei crossingTies network { nodeCount edgeCount } groups { group residents tiesInside tiesOut ei isolates } } } }`, { c: demo })).reweavingReport;
    expect(r.groupBy).toBe('HOUSING_TYPE');
    expect(r.t0.ties).toBe(r.kept + r.lost);
    expect(r.t1.ties).toBe(r.kept + r.added);
    expect(r.t1.ties).toBe(r.t1.network.edgeCount);
    expect(r.t1.residents).toBe(r.t1.network.nodeCount);
    expect(r.bridgesAdded).toBeLessThanOrEqual(r.added);
    expect(r.t1.density).toBeCloseTo((2 * r.t1.ties) / (r.t1.residents * (r.t1.residents - 1)), 12);
    expect(r.t1.groups.reduce((s: number, g: any) => s + g.residents, 0)).toBeLessThanOrEqual(r.t1.residents);
    const network = { communityId: demo, from: before(T1), to: `${T1}T00:00:00Z` };
    const d = await ok(`query($n: NetworkInput!) { groupMixing(network: $n, groupBy: HOUSING_TYPE, permutations: 0) { ei external } components(network: $n) { count } }`, { n: network }, tokens.ANALYST);
    expect(r.t1.ei).toBeCloseTo(d.groupMixing.ei, 12);
    expect(r.t1.crossingTies).toBe(d.groupMixing.external);
    expect(r.t1.components).toBe(d.components.count);
    // The intervention: more crossing ties at t1.
    expect(r.bridgesAdded).toBeGreaterThan(r.bridgesLost);
  }, 240_000);
});

describe('bad input, scope and roles', () => {
  const bad = async (query: string, variables: Record<string, unknown>, code: string, path: (string | number)[], token = tokens.EVALUATOR) => {
    const r = await api.gql(query, variables, token);
    expect(r.data).toBeNull();
    expect(codeOf(r)).toBe(code);
    if (path.length > 0) expect(r.errors![0]!.extensions!.fieldPath).toEqual(path);
    return r;
  };
  const P = `query($scope: PublicnessScope!, $t0: DateTime!, $t1: DateTime!, $options: PublicnessOptions) { publicness(scope: $scope, t0: $t0, t1: $t1, options: $options) { empty } }`;
  const scope = { communityId: demo };

  it('refuses t1 ≤ t0, bad weights, B outside [50, 10000] and a scope that is not one thing, writing nothing', async () => {
    const stored = await snapshot(api.db, demo);
    await bad(P, { scope, t0: T1, t1: T0 }, 'BAD_USER_INPUT', ['t1']);
    await bad(P, { scope, t0: T0, t1: T0 }, 'BAD_USER_INPUT', ['t1']);
    await bad(`query($c: ID!) { reweavingReport(communityId: $c, t0: "${T1}", t1: "${T0}") { added } }`, { c: demo }, 'BAD_USER_INPUT', ['t1']);
    await bad(`query($c: ID!) { partnerPublicness(communityId: $c, t0: "${T1}", t1: "${T1}") { seconds } }`, { c: demo }, 'BAD_USER_INPUT', ['t1']);
    await bad(P, { scope, t0: T0, t1: T1, options: { weights: [{ component: 'CROSSING', weight: 1 }, { component: 'PARTICIPATION', weight: -0.5 }] } }, 'BAD_USER_INPUT', ['options', 'weights', 1, 'weight']);
    await bad(P, { scope, t0: T0, t1: T1, options: { weights: [{ component: 'CROSSING', weight: 0 }, { component: 'PARTICIPATION', weight: 0 }] } }, 'BAD_USER_INPUT', ['options', 'weights']);
    await bad(P, { scope, t0: T0, t1: T1, options: { replicates: 49 } }, 'BAD_USER_INPUT', ['options', 'replicates']);
    const big = await bad(P, { scope, t0: T0, t1: T1, options: { replicates: 10_001 } }, 'BAD_USER_INPUT', ['options', 'replicates']);
    expect(big.errors![0]!.message).toMatch(/50 to 10,000/);
    await bad(P, { scope: { communityId: demo, partnerId: 'x' }, t0: T0, t1: T1 }, 'BAD_USER_INPUT', ['scope']);
    await bad(P, { scope: {}, t0: T0, t1: T1 }, 'BAD_USER_INPUT', ['scope']);
    expect(await snapshot(api.db, demo)).toBe(stored);
  }, 240_000);

  it('answers NOT_FOUND naming the argument for an unknown scope', async () => {
    await bad(P, { scope: { communityId: 'no-such-community' }, t0: T0, t1: T1 }, 'NOT_FOUND', ['scope', 'communityId'], api.tokens.GLOBAL_ADMIN);
    await bad(P, { scope: { partnerId: 'no-such-partner' }, t0: T0, t1: T1 }, 'NOT_FOUND', ['scope', 'partnerId']);
    await bad(P, { scope: { organizationId: 'no-such-org' }, t0: T0, t1: T1 }, 'NOT_FOUND', ['scope', 'organizationId']);
    await bad(`query { reweavingReport(communityId: "no-such-community", t0: "${T0}", t1: "${T1}") { added } }`, {}, 'NOT_FOUND', ['communityId'], api.tokens.GLOBAL_ADMIN);
  }, 120_000);

  it('is FORBIDDEN outside the token’s communities, for every scope kind', async () => {
    const other = api.tokens.OTHER_ADMIN;
    await bad(P, { scope, t0: T0, t1: T1 }, 'FORBIDDEN', [], other);
    const partners = (await ok(`query($c: ID!) { partnerPublicness(communityId: $c, t0: "${T0}", t1: "${T1}") { partners { partnerId } } }`, { c: demo })).partnerPublicness.partners;
    await bad(P, { scope: { partnerId: partners[0].partnerId }, t0: T0, t1: T1 }, 'FORBIDDEN', [], other);
    await bad(`query($c: ID!) { partnerPublicness(communityId: $c, t0: "${T0}", t1: "${T1}") { seconds } }`, { c: demo }, 'FORBIDDEN', [], other);
    await bad(`query($c: ID!) { reweavingReport(communityId: $c, t0: "${T0}", t1: "${T1}") { added } }`, { c: demo }, 'FORBIDDEN', [], other);
    const r = await api.gql(P, { scope, t0: T0, t1: T1 }, null);
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
  }, 120_000);
});

describe('the HTML report (npm run report)', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'reweave-report-'));
  const env = { NEO4J_URI: neo4jUri(), REWEAVE_DATA_DIR: path.join(work, 'data') };
  const report = (file: string, ...extra: string[]) => runCli('src/cli/report.ts', ['--community', demo, '--t0', T0, '--t1', T1, '--out', path.join(work, file), ...extra], env);
  const figures = (file: string) => {
    const html = readFileSync(path.join(work, file), 'utf8');
    const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]!;
    return { html, data: JSON.parse(json) };
  };

  it('refuses t1 ≤ t0 and an unknown language before touching the database', { timeout: 120_000 }, async () => {
    const back = await runCli('src/cli/report.ts', ['--community', demo, '--t0', T1, '--t1', T0, '--out', path.join(work, 'x.html')], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(back.code).toBe(1);
    expect(back.stderr).toMatch(/--t1 must be after --t0/);
    const lang = await runCli('src/cli/report.ts', ['--community', demo, '--t0', T0, '--t1', T1, '--out', path.join(work, 'x.html'), '--lang', 'fr'], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(lang.code).toBe(1);
    expect(lang.stderr).toMatch(/--lang must be zh or en/);
    expect(existsSync(path.join(work, 'x.html'))).toBe(false);
  });

  it('writes one self-contained file, in Chinese by default, with the numbers of the GraphQL queries', async () => {
    const run = await report('report.html');
    expect(run.code, run.stderr).toBe(0);
    const { html, data } = figures('report.html');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('社区公共性与关系重织评估报告');
    expect(html).not.toMatch(/<link|<img|src=|href="http|@import|url\(/);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(4);
    const api = (await ok(PUBLICNESS, { scope: { communityId: demo }, t0: T0, t1: T1 })).publicness;
    expect(data.index.t0).toBe(api.index.t0);
    expect(data.index.t1).toBe(api.index.t1);
    expect(data.index.interval).toEqual(api.index.interval);
    expect(data.index.pValue).toBe(api.index.pValue);
    expect(data.index.sensitivity.delta.min).toBe(api.index.sensitivity.delta.min);
    api.components.forEach((c: any, i: number) => {
      const mine = data.components[i];
      expect([mine.t0, mine.t1, mine.delta, mine.interval, mine.pValue]).toEqual([c.t0, c.t1, c.delta, c.interval, c.pValue]);
    });
    const rw = (await ok(`query($c: ID!) { reweavingReport(communityId: $c, t0: "${T0}", t1: "${T1}") { added lost kept bridgesAdded bridgesLost t1 { ties modularity averageClustering ei } } }`, { c: demo })).reweavingReport;
    expect(data.reweaving).toMatchObject({ added: rw.added, lost: rw.lost, kept: rw.kept, bridgesAdded: rw.bridgesAdded, bridgesLost: rw.bridgesLost });
    expect(data.reweaving.t1).toMatchObject(rw.t1);
    const partners = (await ok(`query($c: ID!) { partnerPublicness(communityId: $c, t0: "${T0}", t1: "${T1}") { partners { partnerId name t1 exitFlag } } }`, { c: demo })).partnerPublicness.partners;
    expect(data.partners.map((p: any) => [p.partnerId, p.name, p.t1, p.exitFlag])).toEqual(partners.map((p: any) => [p.partnerId, p.name, p.t1, p.exitFlag]));
    // The figures shown are those numbers, rounded.
    expect(html).toContain(api.index.t1.toFixed(3));
    expect(html).toContain(partners[0].name);
  }, 300_000);

  it('names partners by pseudonym only when pseudonymised, and speaks English when asked', async () => {
    const run = await report('researcher.html', '--pseudonymise', '--lang', 'en');
    expect(run.code, run.stderr).toBe(0);
    const { html, data } = figures('researcher.html');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Publicness and reweaving evaluation');
    expect(data.pseudonymised).toBe(true);
    const named = (await ok(`query($c: ID!) { partnerPublicness(communityId: $c, t0: "${T0}", t1: "${T1}") { partners { name } } }`, { c: demo })).partnerPublicness.partners;
    for (const p of data.partners) expect(p.name).toMatch(/^P-[0-9a-f]{10}$/);
    for (const p of named) expect(html).not.toContain(p.name);
  }, 300_000);

  it('opens in a headless chromium without console errors, and prints to PNG and PDF', async (ctx) => {
    const browser = browserOrSkip(ctx);
    if (!browser) return;
    mkdirSync(REPORT_ARTIFACTS, { recursive: true });
    const seen = await openReport(browser, path.join(work, 'report.html'), REPORT_ARTIFACTS);
    expect(seen.errors).toEqual([]);
    expect(seen.requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(seen.svgs).toBeGreaterThanOrEqual(4);
    expect(seen.title).toContain('社区公共性与关系重织评估报告');
    expect(statSync(seen.png).size).toBeGreaterThan(10_000);
    expect(readFileSync(seen.pdf).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
