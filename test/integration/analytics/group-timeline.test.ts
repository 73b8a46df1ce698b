/**
 * groupTimeline and tieTimeline's housingArea against the real Neo4j and the shared small demo: the
 * collapsed answer's counts at an instant are the dashboard's collapse of the whole timeline filtered
 * then (by housing area; by building within one area), one area's timeline is the whole one's
 * residents of that area and the ties among them, RESEARCHER tokens read the areas by the codes their
 * residents' labels carry, and bad input names its field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../../src/services/auth/tokens.ts';
import { collapse } from '../../../web/src/collapse.ts';
import { codeOf, startTestApi, type TestApi } from '../../helpers/api.ts';
import { SHARED_DEMO } from '../../helpers/demo.ts';
import { timelineAt } from '../../helpers/timeline.ts';

const TIMELINE = `query($c: ID!, $area: String) { tieTimeline(communityId: $c, housingArea: $area) {
  housingArea dataFrom dataTo
  residents { id label housingArea building start end }
  ties { a b weight spanCounts spans }
} }`;
const GROUPS = `query($c: ID!, $by: MapGrouping, $area: String) { groupTimeline(communityId: $c, groupBy: $by, housingArea: $area) {
  communityId groupBy housingArea dataFrom dataTo sources maxActivitySize seconds
  groups { key label housingType }
  residents { counts times deltas }
  inside { counts times deltas }
  between { a b ties { counts times deltas } }
} }`;

interface Steps { counts: number[]; times: (number | null)[]; deltas: number[] }
interface Timeline {
  housingArea: string | null; dataFrom: string; dataTo: string;
  residents: { id: string; label: string; housingArea: string | null; building: string | null; start: string | null; end: string | null }[];
  ties: { a: number[]; b: number[]; weight: number[]; spanCounts: number[]; spans: (number | null)[] };
}
interface Groups {
  groupBy: string; housingArea: string | null; dataFrom: string;
  groups: { key: string; label: string; housingType: string | null }[];
  residents: Steps; inside: Steps; between: { a: number[]; b: number[]; ties: Steps };
}

let api: TestApi;
let analyst: string;
let researcher: string;

const at = timelineAt;

/** Each series' value at t. */
function values(steps: Steps, t: number): number[] {
  let first = 0;
  return steps.counts.map((count) => {
    let v = 0;
    for (let c = first; c < first + count; c += 1) if (steps.times[c] === null || steps.times[c]! <= t) v += steps.deltas[c]!;
    first += count;
    return v;
  });
}

/** Residents by group, ties by pair of groups and ties inside groups, at t: from the flat timeline and from the collapsed one. */
function compare(timeline: Timeline, groups: Groups, t: number, groupOf: (r: Timeline['residents'][number]) => string | null) {
  const shown = at(timeline, t);
  const brute = collapse({ groupOf: (i) => groupOf(timeline.residents[i]!), residents: shown.residents, a: timeline.ties.a, b: timeline.ties.b, ties: shown.ties });
  const pair = (x: string, y: string) => [x, y].sort().join('|');
  const keys = groups.groups.map((g) => g.key);
  const kept = (entries: [string, number][]) => Object.fromEntries(entries.filter(([, v]) => v !== 0));
  return {
    expected: {
      residents: Object.fromEntries(brute.groups.map((g) => [g.key, g.residents])),
      between: Object.fromEntries(brute.edges.map((e) => [pair(brute.groups[e.source]!.key, brute.groups[e.target]!.key), e.ties])),
      inside: brute.inside,
    },
    actual: {
      residents: kept(values(groups.residents, t).map((v, g) => [keys[g]!, v])),
      between: kept(values(groups.between.ties, t).map((v, k) => [pair(keys[groups.between.a[k]!]!, keys[groups.between.b[k]!]!), v])),
      inside: values(groups.inside, t).reduce((s, v) => s + v, 0),
    },
    ties: shown.ties.length,
  };
}

async function ok<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const r = await api.gql<T>(query, variables, token);
  expect(r.errors).toBeUndefined();
  return r.data!;
}

beforeAll(async () => {
  api = await startTestApi();
  analyst = (await createToken(api.db, { role: 'ANALYST', communities: [SHARED_DEMO], name: 'group timeline test' })).token;
  researcher = (await createToken(api.db, { role: 'RESEARCHER', communities: [SHARED_DEMO], name: 'group timeline test researcher' })).token;
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('groupTimeline', () => {
  let whole: Timeline;
  let dates: number[];

  beforeAll(async () => {
    whole = (await ok<{ tieTimeline: Timeline }>(TIMELINE, { c: SHARED_DEMO }, analyst)).tieTimeline;
    const from = Date.parse(whole.dataFrom);
    const to = Date.parse(whole.dataTo);
    dates = [0.1, 0.4, 0.7, 1].map((share) => from + Math.round((to - from) * share));
  }, 120_000);

  it('by housing area: at each date the residents, the ties between areas and inside them are the collapse of the flat timeline then', async () => {
    const groups = (await ok<{ groupTimeline: Groups }>(GROUPS, { c: SHARED_DEMO }, analyst)).groupTimeline;
    expect(groups.groupBy).toBe('HOUSING_AREA');
    expect(groups.dataFrom).toBe(whole.dataFrom);
    expect(groups.groups.length).toBeGreaterThan(2);
    // An analyst reads the areas by their names.
    expect(groups.groups.map((g) => g.label)).toEqual(groups.groups.map((g) => g.key));
    const sizes = new Set<number>();
    for (const t of dates) {
      const { expected, actual, ties } = compare(whole, groups, t, (r) => r.housingArea);
      expect(actual, new Date(t).toISOString()).toEqual(expected);
      expect(Object.keys(actual.between).length).toBeGreaterThan(0);
      sizes.add(ties);
    }
    expect(sizes.size).toBe(dates.length);
  }, 120_000);

  it('tieTimeline with housingArea is that area\'s residents and the ties among them; by building within it, the collapse of that', async () => {
    const area = whole.residents.find((r) => r.housingArea !== null)!.housingArea!;
    const one = (await ok<{ tieTimeline: Timeline }>(TIMELINE, { c: SHARED_DEMO, area }, analyst)).tieTimeline;
    expect(one.housingArea).toBe(area);
    const inArea = whole.residents.filter((r) => r.housingArea === area);
    expect(one.residents.map((r) => r.id)).toEqual(inArea.map((r) => r.id));
    expect(one.residents.length).toBeLessThan(whole.residents.length);
    const tieIds = (tl: Timeline) => new Set(tl.ties.a.map((x, k) => [tl.residents[x]!.id, tl.residents[tl.ties.b[k]!]!.id].sort().join('|')));
    const members = new Set(inArea.map((r) => r.id));
    const expectedTies = [...tieIds(whole)].filter((p) => p.split('|').every((id) => members.has(id)));
    expect(one.ties.a.length).toBeGreaterThan(0);
    expect(tieIds(one)).toEqual(new Set(expectedTies));
    for (const t of dates) expect(at(one, t).ties.length).toBe(at(whole, t).ties.filter((k) => members.has(whole.residents[whole.ties.a[k]!]!.id) && members.has(whole.residents[whole.ties.b[k]!]!.id)).length);

    const buildings = (await ok<{ groupTimeline: Groups }>(GROUPS, { c: SHARED_DEMO, by: 'BUILDING', area }, analyst)).groupTimeline;
    expect(buildings.groupBy).toBe('BUILDING');
    expect(buildings.housingArea).toBe(area);
    expect(buildings.groups.length).toBeGreaterThan(1);
    for (const t of dates) {
      const { expected, actual } = compare(one, buildings, t, (r) => r.building);
      expect(actual, new Date(t).toISOString()).toEqual(expected);
    }
  }, 120_000);

  it('names the areas for a RESEARCHER by the codes their residents\' labels carry, never by their names', async () => {
    const mine = (await ok<{ groupTimeline: Groups }>(GROUPS, { c: SHARED_DEMO }, researcher)).groupTimeline;
    const theirs = (await ok<{ tieTimeline: Timeline }>(TIMELINE, { c: SHARED_DEMO }, researcher)).tieTimeline;
    const names = new Set(whole.residents.map((r) => r.housingArea).filter((a): a is string => a !== null));
    for (const g of mine.groups.filter((x) => x.key !== '?')) {
      expect(g.label).toMatch(/^A-[0-9a-f]{10}$/);
      expect(names.has(g.label)).toBe(false);
      const residents = theirs.residents.filter((r) => r.housingArea === g.key);
      expect(residents.length).toBeGreaterThan(0);
      expect(residents.every((r) => r.label.endsWith(` · ${g.label}`))).toBe(true);
    }
    expect(new Set(mine.groups.map((g) => g.label)).size).toBe(mine.groups.length);
  }, 120_000);

  it('refuses an unknown community (NOT_FOUND at communityId), a bad grouping, an unknown area (NOT_FOUND at housingArea), buildings with no area, and a community outside the scope', async () => {
    const unknown = await api.gql(GROUPS, { c: 'no-such-community' }, api.tokens.GLOBAL_ADMIN);
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(unknown.errors![0]!.extensions!.fieldPath).toEqual(['communityId']);
    expect(unknown.data).toBeNull();

    const badEnum = await api.gql(GROUPS, { c: SHARED_DEMO, by: 'STREET' }, analyst);
    expect(codeOf(badEnum)).toBe('BAD_USER_INPUT');
    expect(badEnum.errors![0]!.extensions!.fieldPath).toEqual(['groupBy']);

    for (const query of [GROUPS, TIMELINE]) {
      const noArea = await api.gql(query, { c: SHARED_DEMO, area: 'no such area' }, analyst);
      expect(codeOf(noArea)).toBe('NOT_FOUND');
      expect(noArea.errors![0]!.extensions!.fieldPath).toEqual(['housingArea']);
      const empty = await api.gql(query, { c: SHARED_DEMO, area: '' }, analyst);
      expect(codeOf(empty)).toBe('BAD_USER_INPUT');
      expect(empty.errors![0]!.extensions!.fieldPath).toEqual(['housingArea']);
    }

    const noAreaForBuildings = await api.gql(GROUPS, { c: SHARED_DEMO, by: 'BUILDING' }, analyst);
    expect(codeOf(noAreaForBuildings)).toBe('BAD_USER_INPUT');
    expect(noAreaForBuildings.errors![0]!.extensions!.fieldPath).toEqual(['housingArea']);

    const outside = await api.gql(GROUPS, { c: SHARED_DEMO }, api.tokens.ADMIN);
    expect(codeOf(outside)).toBe('FORBIDDEN');
  });
});
