import { describe, expect, it } from 'vitest';
import { buildTieGraph, type TieRows } from '../../../src/graph/ties.ts';
import { DEFAULT_MAX_ACTIVITY_SIZE, DEFAULT_TIE_SOURCES, type NetworkSpec } from '../../../src/graph/spec.ts';
import { activity, COMMUNITY, d, exchange, knows, organisation, resident, t } from './rows.ts';

const TIES: NetworkSpec = { communityId: COMMUNITY, network: 'TIES' };
const residents = ['a', 'b', 'c', 'd', 'e'].map((id) => resident(id));
const edge = (g: ReturnType<typeof buildTieGraph>, a: string, b: string) => (g.hasEdge(a, b) ? g.getEdgeAttributes(a, b) : undefined);
const build = (rows: Omit<TieRows, 'residents'>, spec: Partial<NetworkSpec> = {}) => buildTieGraph({ residents, ...rows }, { ...TIES, ...spec });

describe('buildTieGraph — sources', () => {
  it('weights co-attendance 1/(k−1): 3 attendees → 0.5 per pair, 2 → 1', () => {
    const g = build({ attendances: [activity('act3', ['a', 'b', 'c']), activity('act2', ['d', 'e'])] });
    for (const [x, y] of [['a', 'b'], ['a', 'c'], ['b', 'c']] as const) expect(edge(g, x, y)?.coattendance).toBeCloseTo(0.5);
    expect(edge(g, 'd', 'e')?.coattendance).toBe(1);
    expect(g.size).toBe(4);
  });

  it('sums co-attendance over activities and ignores repeated attendees and lone attendees', () => {
    const g = build({ attendances: [activity('x', ['a', 'b', 'c', 'a']), activity('y', ['a', 'b']), activity('z', ['e'])] });
    expect(edge(g, 'a', 'b')?.coattendance).toBeCloseTo(1.5);
    expect(g.degree('e')).toBe(0);
  });

  it('adds no co-attendance tie for a crowd: 300 attendees, default cap 15', () => {
    const crowd = Array.from({ length: 300 }, (_, i) => resident(`r${String(i).padStart(3, '0')}`));
    const g = buildTieGraph({ residents: crowd, attendances: [activity('festival', crowd.map((r) => r.id))] }, TIES);
    expect(DEFAULT_MAX_ACTIVITY_SIZE).toBe(15);
    expect(g.size).toBe(0);
    expect(g.order).toBe(300);
  });

  it('keeps an uncapped 300-person festival light: 44,850 pairs of 1/299', () => {
    const crowd = Array.from({ length: 300 }, (_, i) => resident(`r${String(i).padStart(3, '0')}`));
    const g = buildTieGraph({ residents: crowd, attendances: [activity('festival', crowd.map((r) => r.id))] }, { ...TIES, maxActivitySize: 300 });
    expect(g.size).toBe(44_850);
    expect(g.getEdgeAttribute('r000', 'r299', 'weight')).toBeCloseTo(1 / 299);
  });

  it('counts an activity of exactly maxActivitySize attendees, not one more', () => {
    const people = Array.from({ length: 16 }, (_, i) => resident(`p${String(i).padStart(2, '0')}`));
    const ids = people.map((r) => r.id);
    const at15 = buildTieGraph({ residents: people, attendances: [activity('a15', ids.slice(0, 15))] }, TIES);
    expect(at15.size).toBe(105);
    const at16 = buildTieGraph({ residents: people, attendances: [activity('a16', ids)] }, TIES);
    expect(at16.size).toBe(0);
    expect(() => buildTieGraph({ residents: people }, { ...TIES, maxActivitySize: 1 })).toThrow(/maxActivitySize/);
  });

  it('sums exchange hours in both directions', () => {
    const g = build({ exchanges: [exchange('a', 'b', 2), exchange('b', 'a', 1.5), exchange('a', 'b', 0.5)] });
    expect(edge(g, 'a', 'b')).toMatchObject({ exchange: 4, weight: 4 * DEFAULT_TIE_SOURCES.exchange });
    expect(g.size).toBe(1);
  });

  it('counts a declared acquaintance once per pair, whichever direction', () => {
    const g = build({ acquaintances: [knows('a', 'b'), knows('b', 'a'), knows('a', 'b')] });
    expect(edge(g, 'a', 'b')).toMatchObject({ acquaintance: 1, weight: 1 });
  });

  it('counts co-membership once per shared organisation', () => {
    const g = build({
      memberships: [
        organisation('o1', [['a', null, null], ['b', '2023-01-01', null], ['c', '2019-01-01', '2022-01-01']]),
        organisation('o2', [['a', null, null], ['b', null, null]]),
      ],
    });
    expect(edge(g, 'a', 'b')?.comembership).toBe(2);
    expect(edge(g, 'a', 'c')?.comembership).toBe(1);
    // b joined after c had left: never members together.
    expect(edge(g, 'b', 'c')).toBeUndefined();
  });

  it('counts co-work once per project however often both worked on it', () => {
    const g = build({ projectWork: [activity('p1', ['a', 'b', 'a', 'b']), activity('p2', ['a', 'b', 'c'])] });
    expect(edge(g, 'a', 'b')?.cowork).toBe(2);
    expect(edge(g, 'b', 'c')?.cowork).toBe(1);
  });

  it('weights each source and sums them: weight = Σ raw × weight', () => {
    const rows = {
      acquaintances: [knows('a', 'b')],
      memberships: [organisation('o', [['a', null, null], ['b', null, null]])],
      attendances: [activity('x', ['a', 'b', 'c'])],
      exchanges: [exchange('a', 'b', 3)],
      projectWork: [activity('p', ['a', 'b'])],
    };
    const sources = { acquaintance: 2, comembership: 0.5, coattendance: 4, exchange: 1, cowork: 3 };
    const g = build(rows, { sources });
    expect(edge(g, 'a', 'b')).toEqual({ acquaintance: 1, comembership: 1, coattendance: 0.5, exchange: 3, cowork: 1, weight: 2 + 0.5 + 2 + 3 + 3 });
    expect(edge(g, 'a', 'c')).toEqual({ acquaintance: 0, comembership: 0, coattendance: 0.5, exchange: 0, cowork: 0, weight: 2 });
    const defaults = build(rows);
    expect(defaults.getEdgeAttribute('a', 'b', 'weight')).toBeCloseTo(1 + 1 + 0.5 + 3 * 0.5 + 1);
  });

  it('switches a source off with weight 0: no contribution, no edge from it alone', () => {
    const g = build({ acquaintances: [knows('a', 'b')], attendances: [activity('x', ['a', 'b', 'c'])] }, { sources: { coattendance: 0 } });
    expect(edge(g, 'a', 'b')).toMatchObject({ acquaintance: 1, coattendance: 0, weight: 1 });
    expect(edge(g, 'a', 'c')).toBeUndefined();
    const none = build({ acquaintances: [knows('a', 'b')] }, { sources: { acquaintance: 0 } });
    expect(none.size).toBe(0);
    expect(none.order).toBe(5);
  });

  it('keeps isolates, gives residents their attributes, and ignores ties to unknown residents', () => {
    const g = buildTieGraph({
      residents: [resident('a', { housingArea: '梧桐院', partyMember: true, skills: ['x'] }), resident('z')],
      acquaintances: [knows('a', 'outsider')],
    }, TIES);
    expect(g.order).toBe(2);
    expect(g.size).toBe(0);
    expect(g.type).toBe('undirected');
    expect(g.multi).toBe(false);
    expect(g.getNodeAttributes('a')).toEqual({
      label: 'Resident', displayName: 'a', housingArea: '梧桐院', housingType: null, building: null, partyMember: true,
      householdRegistered: null, buildingHead: null, cultivationStage: null, start: '2020-01-01T00:00:00.000Z', end: null,
    });
  });
});

describe('buildTieGraph — window and asOf', () => {
  const window = (from: string | null, to: string | null) => ({ window: { from: from ? d(from) : null, to: to ? d(to) : null } });

  it('counts an event in [from, to): at = from in, at = to out', () => {
    const rows = { exchanges: [exchange('a', 'b', 1, '2024-01-01'), exchange('c', 'd', 1, '2024-07-01')] };
    const g = build(rows, window('2024-01-01', '2024-07-01'));
    expect(g.hasEdge('a', 'b')).toBe(true);
    expect(g.hasEdge('c', 'd')).toBe(false);
  });

  it('counts a span that overlaps the window: since < to, until ≥ from, null since = always', () => {
    const rows = {
      acquaintances: [
        knows('a', 'b', '2024-07-01', null), // starts at to: out
        knows('a', 'c', null, '2024-01-01'), // ends at from: in
        knows('a', 'd', null, '2023-12-31'), // ended before: out
        knows('a', 'e', '2024-06-30', null), // starts inside: in
      ],
    };
    const g = build(rows, window('2024-01-01', '2024-07-01'));
    expect([g.hasEdge('a', 'b'), g.hasEdge('a', 'c'), g.hasEdge('a', 'd'), g.hasEdge('a', 'e')]).toEqual([false, true, false, true]);
  });

  it('reads an open window bound as unbounded', () => {
    const rows = { exchanges: [exchange('a', 'b', 1, '1990-01-01'), exchange('c', 'd', 1, '2099-01-01')] };
    expect(build(rows, window(null, '2024-01-01')).hasEdge('a', 'b')).toBe(true);
    expect(build(rows, window('2024-01-01', null)).hasEdge('c', 'd')).toBe(true);
  });

  it('at asOf t: spans with since ≤ t < until, events with at ≤ t', () => {
    const at = '2024-03-01';
    const g = build({
      acquaintances: [knows('a', 'b', at, null), knows('a', 'c', null, at), knows('a', 'd', '2024-03-02', null)],
      exchanges: [exchange('b', 'c', 1, at), exchange('d', 'e', 1, '2024-03-01T00:00:01Z')],
    }, { asOf: d(at) });
    expect([g.hasEdge('a', 'b'), g.hasEdge('a', 'c'), g.hasEdge('a', 'd'), g.hasEdge('b', 'c'), g.hasEdge('d', 'e')]).toEqual([true, false, false, true, false]);
  });

  it('keeps only residents present: created before the end, not ended before the start', () => {
    const people = [
      resident('old', { createdAt: d('2020-01-01'), endedAt: d('2023-06-01') }),
      resident('gone-at-from', { endedAt: d('2024-01-01') }),
      resident('new-at-to', { createdAt: d('2024-07-01') }),
      resident('here'),
    ];
    const g = buildTieGraph({ residents: people, acquaintances: [knows('old', 'here'), knows('here', 'new-at-to')] }, { ...TIES, ...window('2024-01-01', '2024-07-01') });
    expect(g.nodes().sort()).toEqual(['gone-at-from', 'here']);
    expect(g.size).toBe(0);
    const atEnd = buildTieGraph({ residents: people }, { ...TIES, asOf: d('2023-06-01') });
    expect(atEnd.nodes().sort()).toEqual(['gone-at-from', 'here']);
    expect(buildTieGraph({ residents: people }, { ...TIES, asOf: d('2024-07-01') }).nodes().sort()).toEqual(['here', 'new-at-to']);
  });

  it('counts co-attendance k among the attendances in the window only', () => {
    const act = { group: 'x', members: [{ id: 'a', at: t('2024-02-01') }, { id: 'b', at: t('2024-02-01') }, { id: 'c', at: t('2025-02-01') }] };
    const g = build({ attendances: [act] }, window('2024-01-01', '2025-01-01'));
    expect(g.getEdgeAttribute('a', 'b', 'coattendance')).toBe(1);
    expect(g.hasEdge('a', 'c')).toBe(false);
  });

  it('counts co-membership only where both memberships overlap inside the window', () => {
    const org = organisation('o', [['a', null, '2024-03-01'], ['b', '2024-02-01', null], ['c', '2024-03-01', null], ['d', null, '2023-06-01'], ['e', null, '2023-09-01']]);
    const g = build({ memberships: [org] }, window('2024-01-01', '2024-07-01'));
    expect(g.hasEdge('a', 'b')).toBe(true);
    expect(g.hasEdge('a', 'c')).toBe(false); // a left as c joined
    expect(g.hasEdge('b', 'c')).toBe(true);
    expect(g.hasEdge('d', 'e')).toBe(false); // together, but before the window
    const asOf = build({ memberships: [org] }, { asOf: d('2024-02-15') });
    expect(asOf.edges().map((e) => asOf.extremities(e).sort().join('-')).sort()).toEqual(['a-b']);
  });

  it('shows state fields as they were at the cut-off', () => {
    const changes = [
      { field: 'cultivationStage', from: 'UNIDENTIFIED', at: d('2024-02-01') },
      { field: 'cultivationStage', from: 'GOOD_PERSON', at: d('2024-05-01') },
    ];
    const people = [resident('a', { cultivationStage: 'CAPABLE_PERSON' }, changes)];
    expect(buildTieGraph({ residents: people }, { ...TIES, asOf: d('2024-03-01') }).getNodeAttribute('a', 'cultivationStage')).toBe('GOOD_PERSON');
    expect(buildTieGraph({ residents: people }, { ...TIES, asOf: d('2024-01-01') }).getNodeAttribute('a', 'cultivationStage')).toBe('UNIDENTIFIED');
    expect(buildTieGraph({ residents: people }, { ...TIES, ...window(null, '2024-05-01') }).getNodeAttribute('a', 'cultivationStage')).toBe('GOOD_PERSON');
    expect(buildTieGraph({ residents: people }, TIES).getNodeAttribute('a', 'cultivationStage')).toBe('CAPABLE_PERSON');
  });
});
