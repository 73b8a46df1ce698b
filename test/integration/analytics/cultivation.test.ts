/**
 * The cultivation analytics through GraphQL over the demo community (`small`): stageFunnel for every
 * subject and grouping, promotionCandidates with its model and backtest, leaderDependence; every bad
 * input the API refuses (code and field path), an empty community, scope and pseudonyms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../../src/services/auth/tokens.ts';
import { SHARED_DEMO } from '../../helpers/demo.ts';
import { codeOf, startTestApi, type GqlResult, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
let analyst: string;
let researcher: string;
const demo = SHARED_DEMO;
const year = { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' };

beforeAll(async () => {
  api = await startTestApi();
  analyst = (await createToken(api.db, { role: 'ANALYST', communities: [demo], name: 'cultivation test' })).token;
  researcher = (await createToken(api.db, { role: 'RESEARCHER', communities: [demo], name: 'cultivation test' })).token;
}, 240_000);

afterAll(async () => {
  await api?.close();
});

const gql = <T = any>(query: string, variables: Record<string, unknown> = {}, token = analyst) => api.gql<T>(query, variables, token);

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, token = analyst): Promise<T> {
  const r = await gql<T>(query, variables, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

function refused(r: GqlResult<unknown>, code: string, path?: (string | number)[]) {
  expect(r.errors, JSON.stringify(r.data)).toBeDefined();
  expect(codeOf(r)).toBe(code);
  if (path) expect(r.errors![0]!.extensions!.fieldPath).toEqual(path);
}

const FUNNEL = `query($c: ID!, $subject: StageSubject!, $from: DateTime!, $to: DateTime!, $groupBy: GroupingAttribute) {
  stageFunnel(communityId: $c, subject: $subject, from: $from, to: $to, groupBy: $groupBy) {
    subject groupBy nodes empty message seconds
    stages { stage atStart atEnd entered left }
    transitions { from to count forward }
    conversions { from to eligible converted rate low high }
    timeInStage { stage spells events censored median low high reason }
    cohorts { year size followed365 followed730 reached { stage within365 within730 } }
    groups { group nodes conversions { from eligible converted rate } timeInStage { stage median } }
  }
}`;

describe('stageFunnel', () => {
  it('counts the residents\' cultivation over 2025, converting with Wilson bounds around each rate', async () => {
    const f = (await ok(FUNNEL, { c: demo, subject: 'RESIDENT_CULTIVATION', ...year })).stageFunnel;
    expect(f.empty).toBe(false);
    expect(f.nodes).toBeGreaterThan(1000);
    expect(f.stages.map((s: any) => s.stage)).toEqual(['UNIDENTIFIED', 'GOOD_PERSON', 'CAPABLE_PERSON', 'GROUP_LEADER']);
    // The demo promotes residents in 2025 and steps a few back.
    const up = f.transitions.find((t: any) => t.from === 'UNIDENTIFIED' && t.to === 'GOOD_PERSON');
    expect(up.count).toBeGreaterThan(0);
    expect(up.forward).toBe(true);
    const entered = f.stages.find((s: any) => s.stage === 'GOOD_PERSON').entered;
    expect(entered).toBe(f.transitions.filter((t: any) => t.to === 'GOOD_PERSON').reduce((s: number, t: any) => s + t.count, 0));
    expect(f.conversions).toHaveLength(3);
    for (const c of f.conversions) {
      expect(c.converted).toBeLessThanOrEqual(c.eligible);
      if (c.eligible > 0) {
        expect(c.rate).toBeCloseTo(c.converted / c.eligible, 12);
        expect(c.low).toBeLessThanOrEqual(c.rate);
        expect(c.high).toBeGreaterThanOrEqual(c.rate);
      }
    }
    const good = f.timeInStage.find((t: any) => t.stage === 'GOOD_PERSON');
    expect(good.spells).toBe(good.events + good.censored);
    if (good.median !== null) expect(good.low).toBeLessThanOrEqual(good.median);
    else expect(good.reason).toMatch(/median/);
    expect(f.cohorts.map((c: any) => c.year)).toEqual([2025]);
    expect(f.groups).toBeNull();
  });

  it('groups by housing type and by the detected community', async () => {
    const byType = (await ok(FUNNEL, { c: demo, subject: 'RESIDENT_CULTIVATION', ...year, groupBy: 'HOUSING_TYPE' })).stageFunnel;
    expect(byType.groupBy).toBe('HOUSING_TYPE');
    expect(byType.groups.map((g: any) => g.group).sort()).toEqual(expect.arrayContaining(['GARDEN_ESTATE', 'URBAN_VILLAGE']));
    expect(byType.groups.reduce((s: number, g: any) => s + g.nodes, 0)).toBeLessThanOrEqual(byType.nodes);
    const detected = (await ok(FUNNEL, { c: demo, subject: 'RESIDENT_CULTIVATION', ...year, groupBy: 'DETECTED_COMMUNITY' })).stageFunnel;
    expect(detected.groups.length).toBeGreaterThan(1);
    // Building heads (楼栋长) against everyone else: two groups, true and false, that partition the residents grouped.
    const heads = (await ok(FUNNEL, { c: demo, subject: 'RESIDENT_CULTIVATION', ...year, groupBy: 'BUILDING_HEAD' })).stageFunnel;
    expect(heads.groupBy).toBe('BUILDING_HEAD');
    expect(heads.groups.map((g: any) => g.group).sort()).toEqual(['false', 'true']);
    expect(heads.groups.find((g: any) => g.group === 'true').nodes).toBeLessThan(heads.groups.find((g: any) => g.group === 'false').nodes);
  }, 120_000);

  it('reads the organisations\' and partners\' stages too', async () => {
    for (const s of ['ORGANIZATION_DEVELOPMENT', 'ORGANIZATION_ORIENTATION', 'PARTNER_LIFECYCLE']) {
      const f = (await ok(FUNNEL, { c: demo, subject: s, from: '2023-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).stageFunnel;
      expect(f.subject).toBe(s);
      expect(f.nodes).toBeGreaterThan(0);
    }
    const p = (await ok(FUNNEL, { c: demo, subject: 'PARTNER_LIFECYCLE', ...year })).stageFunnel;
    expect(p.stages.at(-1).stage).toBe('EXITED');
    expect(p.conversions.map((c: any) => c.to)).not.toContain('EXITED');
  });

  it('refuses bad arguments, naming them', async () => {
    refused(await gql(FUNNEL, { c: demo, subject: 'RESIDENT_KARMA', ...year }), 'BAD_USER_INPUT', ['subject']);
    refused(await gql(FUNNEL, { c: demo, subject: 'RESIDENT_CULTIVATION', ...year, groupBy: 'STAR_SIGN' }), 'BAD_USER_INPUT', ['groupBy']);
    refused(await gql(FUNNEL, { c: demo, subject: 'RESIDENT_CULTIVATION', ...year, groupBy: 'CULTIVATION_STAGE' }), 'BAD_USER_INPUT', ['groupBy']);
    refused(await gql(FUNNEL, { c: demo, subject: 'RESIDENT_CULTIVATION', from: year.to, to: year.from }), 'BAD_USER_INPUT', ['to']);
    refused(await gql(FUNNEL, { c: demo, subject: 'RESIDENT_CULTIVATION', from: year.from, to: year.from }), 'BAD_USER_INPUT', ['to']);
    refused(await gql(FUNNEL, { c: demo, subject: 'PARTNER_LIFECYCLE', ...year, groupBy: 'HOUSING_TYPE' }), 'BAD_USER_INPUT', ['groupBy']);
  });

  it('says why a community without history is empty, and refuses one outside the token\'s scope', async () => {
    const f = (await ok(FUNNEL, { c: api.communityId, subject: 'RESIDENT_CULTIVATION', ...year }, api.tokens.ANALYST)).stageFunnel;
    expect(f.empty).toBe(true);
    expect(f.message).toMatch(/stage history/);
    expect(f.conversions.every((c: any) => c.rate === null)).toBe(true);
    refused(await gql(FUNNEL, { c: api.otherCommunityId, subject: 'RESIDENT_CULTIVATION', ...year }, api.tokens.ANALYST), 'FORBIDDEN');
    refused(await gql(FUNNEL, { c: demo, subject: 'RESIDENT_CULTIVATION', ...year }, api.tokens.ANALYST), 'FORBIDDEN');
  });

  it('gives a researcher the same counts, with housing areas as pseudonyms', async () => {
    const a = (await ok(FUNNEL, { c: demo, subject: 'RESIDENT_CULTIVATION', ...year, groupBy: 'HOUSING_AREA' })).stageFunnel;
    const r = (await ok(FUNNEL, { c: demo, subject: 'RESIDENT_CULTIVATION', ...year, groupBy: 'HOUSING_AREA' }, researcher)).stageFunnel;
    expect(r.conversions).toEqual(a.conversions);
    expect(r.groups.map((g: any) => g.nodes).sort()).toEqual(a.groups.map((g: any) => g.nodes).sort());
    for (const g of r.groups) expect(g.group).toMatch(/^A-[0-9a-f]+$/);
    expect(a.groups.some((g: any) => /[\u3400-\u9fff]/.test(g.group))).toBe(true);
  });
});

const DEPENDENCE = `query($c: ID!, $asOf: DateTime, $o: LeaderDependenceOptions, $first: Int) {
  leaderDependence(communityId: $c, asOf: $asOf, options: $o) {
    asOf from atRisk message options
    organisations(first: $first) {
      totalCount
      edges { node {
        rank organizationId organization { id name } criteria reasons { criterion en zh }
        members coreTeam activities leaderId leader { id displayName } topOrganiserShare connectedShareWithLeader connectedShareWithoutLeader
      } }
    }
  }
}`;

describe('leaderDependence', () => {
  it('ranks the demo\'s one-leader groups first, with bilingual reasons, as of the end of its records', async () => {
    const d = (await ok(DEPENDENCE, { c: demo, first: 100 })).leaderDependence;
    expect(d.asOf).toBe('2026-01-01T00:00:00.000Z');
    expect(d.atRisk).toBeGreaterThan(0);
    const nodes = d.organisations.edges.map((e: any) => e.node);
    expect(nodes[0].rank).toBe(1);
    expect(nodes[0].criteria.length).toBeGreaterThan(0);
    const counts = nodes.map((n: any) => n.criteria.length);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    for (const n of nodes.filter((x: any) => x.criteria.includes('CORE_TEAM'))) expect(n.coreTeam).toBeLessThan(3);
    for (const n of nodes.filter((x: any) => x.criteria.includes('ONE_ORGANISER'))) expect(n.topOrganiserShare).toBeGreaterThan(0.5);
    const reason = nodes[0].reasons[0];
    expect(reason.en).not.toBe('');
    expect(reason.zh).toMatch(/[\u3400-\u9fff]/);
    expect(nodes[0].organization.id).toBe(nodes[0].organizationId);
    const led = nodes.find((n: any) => n.leader);
    expect(led.leader.displayName).toEqual(expect.any(String));
    // Stricter thresholds flag at least as many.
    const strict = (await ok(DEPENDENCE, { c: demo, o: { minCoreTeam: 5, maxOrganiserShare: 0.2 } })).leaderDependence;
    expect(strict.atRisk).toBeGreaterThanOrEqual(d.atRisk);
    expect(strict.options).toEqual({ minCoreTeam: 5, maxOrganiserShare: 0.2, minConnectedShare: 0.5 });
  });

  it('refuses bad options and pages, naming them; empty and out-of-scope communities', async () => {
    refused(await gql(DEPENDENCE, { c: demo, o: { maxOrganiserShare: 1.5 } }), 'BAD_USER_INPUT', ['options', 'maxOrganiserShare']);
    refused(await gql(DEPENDENCE, { c: demo, o: { minCoreTeam: 0 } }), 'BAD_USER_INPUT', ['options', 'minCoreTeam']);
    refused(await gql(DEPENDENCE, { c: demo, first: -1 }), 'BAD_USER_INPUT', ['first']);
    const empty = (await ok(DEPENDENCE, { c: api.communityId }, api.tokens.ANALYST)).leaderDependence;
    expect(empty.organisations.totalCount).toBe(0);
    expect(empty.message).toMatch(/No organisation/);
    refused(await gql(DEPENDENCE, { c: demo }, api.tokens.ANALYST), 'FORBIDDEN');
  });

  it('gives a researcher the same ranking with the leaders\' pseudonyms', async () => {
    const a = (await ok(DEPENDENCE, { c: demo, first: 100 })).leaderDependence.organisations.edges.map((e: any) => e.node);
    const r = (await ok(DEPENDENCE, { c: demo, first: 100 }, researcher)).leaderDependence.organisations.edges.map((e: any) => e.node);
    expect(r.map((n: any) => [n.organizationId, n.criteria])).toEqual(a.map((n: any) => [n.organizationId, n.criteria]));
    const led = r.filter((n: any) => n.leader);
    expect(led.length).toBeGreaterThan(0);
    for (const n of led) expect(n.leader.displayName).toMatch(/^R-/);
  });
});

const CANDIDATES = `query($c: ID!, $stage: CultivationStage!, $asOf: DateTime, $first: Int, $after: String) {
  promotionCandidates(communityId: $c, stage: $stage, asOf: $asOf, first: $first, after: $after) {
    stage nextStage asOf message seconds
    model {
      method lambda promotions trainingRows intercept converged coefficients { feature coefficient mean sd }
      backtest { trainedBefore evaluatedUntil method trainingPromotions ranked promoted message
        model { precisionAt10 precisionAt50 auc } activeResidentScore { precisionAt10 precisionAt50 auc } chance { precisionAt10 precisionAt50 auc } }
    }
    candidates { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
      rank residentId resident { id displayName } score logit
      contributions { feature value standardised contribution percentile }
      reasons { feature en zh }
    } } }
  }
}`;

describe('promotionCandidates', () => {
  it('ranks the good people by a logistic model whose contributions add up to each logit, with a backtest', async () => {
    const d = (await ok(CANDIDATES, { c: demo, stage: 'GOOD_PERSON', first: 10 })).promotionCandidates;
    expect(d.nextStage).toBe('CAPABLE_PERSON');
    expect(d.asOf).toBe('2026-01-01T00:00:00.000Z');
    const m = d.model;
    expect(m.promotions).toBeGreaterThanOrEqual(20);
    expect(m.method).toMatch(/logistic regression/);
    expect(m.coefficients).toHaveLength(12);
    expect(m.converged).toBe(true);
    const edges = d.candidates.edges;
    expect(edges).toHaveLength(10);
    expect(d.candidates.totalCount).toBeGreaterThan(10);
    const scores = edges.map((e: any) => e.node.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    for (const { node } of edges) {
      const sum = node.contributions.reduce((s: number, c: any) => s + c.contribution, m.intercept);
      expect(sum).toBeCloseTo(node.logit, 9);
      expect(node.score).toBeCloseTo(1 / (1 + Math.exp(-node.logit)), 12);
      expect(node.resident.id).toBe(node.residentId);
    }
    // Reasons name what a resident does more of than those trained on; the top ten have some.
    const reason = edges.flatMap((e: any) => e.node.reasons)[0];
    expect(reason.en).toMatch(/in the last year, (more|less) than \d+% of good people/);
    expect(reason.zh).toMatch(/^过去一年.+(高于|低于) \d+% 的好人$/);
    const b = m.backtest;
    expect(b.trainedBefore).toBe('2025-01-01T00:00:00.000Z');
    expect(b.ranked).toBeGreaterThan(0);
    expect(b.chance.precisionAt10).toBeCloseTo(b.promoted / b.ranked, 12);
    for (const q of [b.model, b.activeResidentScore]) for (const v of [q.precisionAt10, q.precisionAt50, q.auc]) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
    // The next page starts where this one ended.
    const next = (await ok(CANDIDATES, { c: demo, stage: 'GOOD_PERSON', first: 10, after: d.candidates.pageInfo.endCursor })).promotionCandidates;
    expect(next.candidates.edges[0].node.rank).toBeGreaterThanOrEqual(edges[9].node.rank);
  }, 180_000);

  it('falls back to the percentile score when fewer than 20 promotions exist, and says so', async () => {
    const d = (await ok(CANDIDATES, { c: demo, stage: 'CAPABLE_PERSON', asOf: '2024-03-01T00:00:00Z', first: 5 })).promotionCandidates;
    expect(d.model.promotions).toBeLessThan(20);
    expect(d.model.method).toMatch(/percentile fallback/);
    expect(d.model.intercept).toBeNull();
    for (const { node } of d.candidates.edges) {
      expect(node.logit).toBeNull();
      expect(node.score).toBeCloseTo(node.contributions.reduce((s: number, c: any) => s + c.contribution, 0), 12);
    }
  }, 180_000);

  it('refuses a stage without a next one, a bad stage and a page out of range; empty and out of scope', async () => {
    refused(await gql(CANDIDATES, { c: demo, stage: 'GROUP_LEADER' }), 'BAD_USER_INPUT', ['stage']);
    refused(await gql(CANDIDATES, { c: demo, stage: 'SAINT' }), 'BAD_USER_INPUT', ['stage']);
    refused(await gql(CANDIDATES, { c: demo, stage: 'GOOD_PERSON', first: 1001 }), 'BAD_USER_INPUT', ['first']);
    refused(await gql(CANDIDATES, { c: demo, stage: 'GOOD_PERSON', first: -1 }), 'BAD_USER_INPUT', ['first']);
    const empty = (await ok(CANDIDATES, { c: api.communityId, stage: 'GOOD_PERSON' }, api.tokens.ANALYST)).promotionCandidates;
    expect(empty.candidates.totalCount).toBe(0);
    expect(empty.message).toMatch(/Nobody is at GOOD_PERSON/);
    refused(await gql(CANDIDATES, { c: demo, stage: 'GOOD_PERSON' }, api.tokens.ANALYST), 'FORBIDDEN');
  }, 120_000);

  it('gives a researcher the same ranking with pseudonyms', async () => {
    const a = (await ok(CANDIDATES, { c: demo, stage: 'GOOD_PERSON', first: 5 })).promotionCandidates.candidates.edges.map((e: any) => e.node);
    const r = (await ok(CANDIDATES, { c: demo, stage: 'GOOD_PERSON', first: 5 }, researcher)).promotionCandidates.candidates.edges.map((e: any) => e.node);
    expect(r.map((n: any) => n.score)).toEqual(a.map((n: any) => n.score));
    for (const n of r) expect(n.resident.displayName).toMatch(/^R-/);
  }, 120_000);
});
