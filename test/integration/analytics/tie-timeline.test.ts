/**
 * tieTimeline against the real Neo4j and the shared small demo: filtered at an instant (a resident
 * present, a tie in force) it has exactly the residents and ties exportNetwork(TIES, asOf) has then;
 * the caller's scope is checked, bad input names its field, RESEARCHER tokens get pseudonyms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_COMMUNITIES } from '../../../src/domain/permissions.ts';
import { tieTimeline } from '../../../src/services/analytics/tie-timeline.ts';
import { warmTieTimelines } from '../../../src/services/analytics/warm-timelines.ts';
import { createToken } from '../../../src/services/auth/tokens.ts';
import { codeOf, startTestApi, testDatabase, type TestApi } from '../../helpers/api.ts';
import { SHARED_DEMO, SHARED_DEMO_END } from '../../helpers/demo.ts';
import { timelineAt } from '../../helpers/timeline.ts';

const TIMELINE = `query($c: ID!, $sources: TieSourcesInput) { tieTimeline(communityId: $c, sources: $sources) {
  communityId dataFrom dataTo sources seconds
  residents { id label start end }
  ties { a b weight spanCounts spans }
} }`;
const EXPORT = `query($input: ExportInput!) { exportNetwork(input: $input) { nodeCount edgeCount files { content } } }`;

interface Answer {
  residents: { id: string; label: string; start: string | null; end: string | null }[];
  ties: { a: number[]; b: number[]; weight: number[]; spanCounts: number[]; spans: (number | null)[] };
  dataFrom: string; dataTo: string; sources: Record<string, number>;
}

let api: TestApi;
let analyst: string;
let researcher: string;

function at(answer: Answer, t: number): { residents: Set<string>; ties: Set<string> } {
  const shown = timelineAt(answer, t);
  const id = (i: number) => answer.residents[i]!.id;
  return {
    residents: new Set(shown.residents.map(id)),
    ties: new Set(shown.ties.map((k) => [id(answer.ties.a[k]!), id(answer.ties.b[k]!)].sort().join('|'))),
  };
}

beforeAll(async () => {
  api = await startTestApi();
  analyst = (await createToken(api.db, { role: 'ANALYST', communities: [SHARED_DEMO], name: 'timeline test' })).token;
  researcher = (await createToken(api.db, { role: 'RESEARCHER', communities: [SHARED_DEMO], name: 'timeline test researcher' })).token;
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('tieTimeline', () => {
  it('filtered at an instant equals exportNetwork(TIES, asOf) then: the same residents, the same ties', async () => {
    const r = await api.gql<{ tieTimeline: Answer }>(TIMELINE, { c: SHARED_DEMO }, analyst);
    expect(r.errors).toBeUndefined();
    const timeline = r.data!.tieTimeline;
    expect(timeline.dataTo.slice(0, 10) <= SHARED_DEMO_END).toBe(true);
    expect(timeline.ties.a.length).toBeGreaterThan(1000);
    const from = Date.parse(timeline.dataFrom);
    const to = Date.parse(timeline.dataTo);
    const sizes = new Set<number>();
    for (const share of [0.1, 0.4, 0.7, 1]) {
      const asOf = new Date(from + Math.round((to - from) * share));
      const exported = await api.gql<{ exportNetwork: { nodeCount: number; edgeCount: number; files: { content: string }[] } }>(EXPORT, { input: { communityId: SHARED_DEMO, network: 'TIES', format: 'JSON', asOf: asOf.toISOString() } }, analyst);
      expect(exported.errors).toBeUndefined();
      const graph = JSON.parse(exported.data!.exportNetwork.files[0]!.content) as { nodes: { key: string }[]; edges: { source: string; target: string }[] };
      const shown = at(timeline, asOf.getTime());
      expect(shown.residents).toEqual(new Set(graph.nodes.map((n) => n.key)));
      expect(shown.ties).toEqual(new Set(graph.edges.map((e) => [e.source, e.target].sort().join('|'))));
      sizes.add(shown.ties.size);
    }
    // The dates differ: the network grew.
    expect(sizes.size).toBe(4);
  }, 240_000);

  it('takes the tie sources: with co-attendance alone there are fewer ties, and the weights say so', async () => {
    const r = await api.gql<{ tieTimeline: Answer }>(TIMELINE, { c: SHARED_DEMO, sources: { acquaintance: 0, comembership: 0, exchange: 0, cowork: 0 } }, analyst);
    expect(r.errors).toBeUndefined();
    const all = await api.gql<{ tieTimeline: Answer }>(TIMELINE, { c: SHARED_DEMO }, analyst);
    expect(r.data!.tieTimeline.sources).toMatchObject({ acquaintance: 0, coattendance: 1 });
    expect(r.data!.tieTimeline.ties.a.length).toBeLessThan(all.data!.tieTimeline.ties.a.length);
  }, 120_000);

  it('labels residents as the rankings do, and gives RESEARCHER tokens pseudonyms, not display names', async () => {
    const r = await api.gql<{ tieTimeline: Answer }>(TIMELINE, { c: SHARED_DEMO }, researcher);
    expect(r.errors).toBeUndefined();
    const named = await api.gql<{ tieTimeline: Answer }>(TIMELINE, { c: SHARED_DEMO }, analyst);
    const labels = r.data!.tieTimeline.residents.map((x) => x.label);
    expect(labels.every((l) => /^R-/.test(l))).toBe(true);
    expect(labels).not.toEqual(named.data!.tieTimeline.residents.map((x) => x.label));
    const first = named.data!.tieTimeline.residents[0]!;
    const viaNode = await api.gql<{ resident: { label: string } }>(`query($id: ID!) { resident(id: $id) { label } }`, { id: first.id }, analyst);
    expect(first.label).toBe(viaNode.data!.resident.label);
    // A researcher knows the resident by the pseudonym the timeline gave as its id.
    const mine = r.data!.tieTimeline.residents[0]!;
    expect(mine.id).toMatch(/^R-[0-9a-f]{10}$/);
    expect(mine.id).not.toBe(first.id);
    const viaNodeResearcher = await api.gql<{ resident: { label: string } }>(`query($id: ID!) { resident(id: $id) { label } }`, { id: mine.id }, researcher);
    expect(labels[0]).toBe(viaNodeResearcher.data!.resident.label);
  }, 120_000);

  it('refuses a community outside the token\'s scope (FORBIDDEN), an unknown one (NOT_FOUND) and a bad weight (BAD_USER_INPUT at its field)', async () => {
    const other = await api.gql(TIMELINE, { c: SHARED_DEMO }, api.tokens.ADMIN);
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(other.data).toBeNull();
    const unknown = await api.gql(TIMELINE, { c: 'no-such-community' }, api.tokens.GLOBAL_ADMIN);
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const bad = await api.gql(TIMELINE, { c: SHARED_DEMO, sources: { exchange: -1 } }, analyst);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.fieldPath).toEqual(['sources', 'exchange']);
  });

  it('is read into the cache by the start-up warm-up: the first request after it sends no timeline statement', async () => {
    const contextOf = (db: ReturnType<typeof testDatabase>) => ({ db, principal: { tokenId: 'test', role: 'ADMIN' as const, communities: [ALL_COMMUNITIES] }, now: () => new Date(), pseudonymSecret: 'test' });
    const cold = testDatabase();
    const warm = testDatabase();
    try {
      const before = cold.roundTrips;
      const coldAnswer = await tieTimeline(contextOf(cold), { communityId: SHARED_DEMO });
      const coldTrips = cold.roundTrips - before;
      const lines: string[] = [];
      const warmed = await warmTieTimelines(contextOf(warm), (line) => lines.push(line), [SHARED_DEMO, 'no-such-community']);
      expect(warmed.map((w) => [w.communityId, w.residents, w.ties])).toEqual([[SHARED_DEMO, coldAnswer.residents.length, coldAnswer.ties.a.length]]);
      expect(lines[1]).toContain('no-such-community not warmed');
      const after = warm.roundTrips;
      const warmAnswer = await tieTimeline(contextOf(warm), { communityId: SHARED_DEMO });
      // A read sends one statement per tie source and one for the residents (six with the default sources).
      expect(coldTrips - (warm.roundTrips - after)).toBeGreaterThanOrEqual(6);
      expect(warmAnswer.ties).toEqual(coldAnswer.ties);
    } finally {
      await cold.close();
      await warm.close();
    }
  }, 120_000);
});
