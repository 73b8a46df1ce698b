import { describe, expect, it } from 'vitest';
import { buildFullGraph, relKindOf, relTypesByStartLabel } from '../../../src/graph/full.ts';
import type { NetworkSpec } from '../../../src/graph/spec.ts';
import type { NodeRow } from '../../../src/db/repositories/graph.ts';
import { COMMUNITY, d, node, rel, resident } from './rows.ts';

const FULL: NetworkSpec = { communityId: COMMUNITY, network: 'FULL' };

const nodes = [
  node('Community', COMMUNITY, { name: '社区' }),
  resident('a', { skills: ['木工'] }),
  resident('b'),
  node('Organization', 'o', { name: '编织社', type: 'SELF_ORGANIZATION', createdAt: d('2021-01-01'), endedAt: d('2024-06-01') }),
  node('Activity', 'act', { name: '议事会', kind: 'MEETING', date: d('2024-03-01') }),
  node('JointConference', 'jc', { name: '联席会' }),
  node('PartyBranch', 'pb', { name: '支部', level: 'DIRECT_BRANCH' }),
];
const rels = [
  rel('KNOWS', ['Resident', 'a'], ['Resident', 'b'], { id: 'k1', since: d('2023-01-01'), until: null, source: 'SURVEY' }),
  rel('MEMBER_OF', ['Resident', 'a'], ['Organization', 'o'], { id: 'm1', since: d('2022-01-01'), role: 'LEADER' }),
  rel('MEMBER_OF', ['PartyBranch', 'pb'], ['JointConference', 'jc'], { id: 'm2', since: null }),
  rel('ATTENDED', ['Resident', 'b'], ['Activity', 'act'], { id: 'x1', at: d('2024-03-01'), role: 'PARTICIPANT' }),
  rel('ATTENDED', ['Resident', 'a'], ['Activity', 'act'], { id: 'x2', at: d('2024-03-01'), role: 'ORGANIZER' }),
  rel('KNOWS', ['Resident', 'a'], ['Resident', 'elsewhere'], { id: 'k2' }),
];

describe('buildFullGraph', () => {
  it('keeps every node with its label, properties (dates as ISO strings), start and end', () => {
    const g = buildFullGraph({ nodes, rels }, FULL);
    expect(g.type).toBe('directed');
    expect(g.multi).toBe(true);
    expect(g.order).toBe(nodes.length);
    expect(g.getNodeAttributes('o')).toEqual({
      label: 'Organization', id: 'o', communityId: COMMUNITY, name: '编织社', type: 'SELF_ORGANIZATION',
      createdAt: '2021-01-01T00:00:00.000Z', endedAt: '2024-06-01T00:00:00.000Z', start: '2021-01-01T00:00:00.000Z', end: '2024-06-01T00:00:00.000Z',
    });
    expect(g.getNodeAttribute('a', 'skills')).toEqual(['木工']);
  });

  it('keys edges by relationship id, with kind, type, properties, start and end', () => {
    const g = buildFullGraph({ nodes, rels }, FULL);
    expect(g.edges().sort()).toEqual(['k1', 'm1', 'm2', 'x1', 'x2']);
    expect(g.getEdgeAttributes('k1')).toEqual({ kind: 'ACQUAINTANCE', type: 'KNOWS', id: 'k1', since: '2023-01-01T00:00:00.000Z', until: null, source: 'SURVEY', start: '2023-01-01T00:00:00.000Z', end: null });
    expect(g.getEdgeAttributes('x1')).toMatchObject({ kind: 'ATTENDANCE', start: '2024-03-01T00:00:00.000Z', end: '2024-03-01T00:00:00.000Z' });
    expect([g.source('k1'), g.target('k1')]).toEqual(['a', 'b']);
  });

  it('tells the two MEMBER_OF kinds apart by their ends', () => {
    const g = buildFullGraph({ nodes, rels }, FULL);
    expect(g.getEdgeAttribute('m1', 'kind')).toBe('MEMBERSHIP');
    expect(g.getEdgeAttribute('m2', 'kind')).toBe('CONFERENCE_MEMBERSHIP');
    expect(relKindOf('MEMBER_OF', 'Resident', 'JointConference')).toBeNull();
    expect(relKindOf('CHANGED', 'Resident', 'Community')).toBeNull();
  });

  it('never asks for CHANGED or IDENTIFIED_BY, and never keeps an Identity node', () => {
    const types = [...relTypesByStartLabel().values()].flat();
    expect(types).not.toContain('CHANGED');
    expect(types).not.toContain('IDENTIFIED_BY');
    const identity = { label: 'Identity', id: 'i', props: { id: 'i', realName: '张三' }, changes: [] } as unknown as NodeRow;
    const g = buildFullGraph({ nodes: [...nodes, identity], rels: [rel('IDENTIFIED_BY', ['Resident', 'a'], ['Resident', 'i'], { id: 'ib' })] }, FULL);
    expect(g.hasNode('i')).toBe(false);
    expect(g.hasEdge('ib')).toBe(false);
  });

  it('filters nodes and edges by the window, and drops edges to nodes not in it', () => {
    const g = buildFullGraph({ nodes, rels }, { ...FULL, window: { from: d('2024-06-02'), to: d('2025-01-01') } });
    expect(g.hasNode('o')).toBe(false); // ended before the window
    expect(g.hasEdge('m1')).toBe(false); // its organisation is gone
    expect(g.hasEdge('x1')).toBe(false); // attended before the window
    expect(g.hasEdge('k1')).toBe(true);
  });

  it('filters by asOf: the state at that instant', () => {
    const g = buildFullGraph({ nodes, rels }, { ...FULL, asOf: d('2023-01-01') });
    expect(g.hasEdge('k1')).toBe(true); // since = t
    expect(g.hasEdge('m1')).toBe(true);
    expect(g.hasEdge('x1')).toBe(false); // later event
    const before = buildFullGraph({ nodes, rels }, { ...FULL, asOf: d('2022-12-31') });
    expect(before.hasEdge('k1')).toBe(false);
  });

  it('keeps a node whose id another label also uses, under Label:id', () => {
    const g = buildFullGraph({ nodes: [resident('same'), node('Project', 'same', { name: 'p' })], rels: [] }, FULL);
    expect(g.getNodeAttribute('same', 'label')).toBe('Resident');
    expect(g.getNodeAttribute('Project:same', 'label')).toBe('Project');
  });
});
