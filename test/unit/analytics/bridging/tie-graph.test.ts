import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { constraint } from '../../../../src/analytics/bridging/constraint.ts';
import { eiIndex } from '../../../../src/analytics/bridging/ei-index.ts';
import { louvain } from '../../../../src/analytics/communities/louvain.ts';
import type { ResidentAttributes, TieEdgeAttributes, TieGraph } from '../../../../src/graph/ties.ts';

/** The analytics take the projected tie network as it is typed in src/graph/ties.ts. */
function resident(area: string, registered: boolean): ResidentAttributes {
  return {
    label: 'Resident', start: null, end: null, displayName: null, housingArea: area, housingType: 'COMMODITY',
    building: null, partyMember: false, householdRegistered: registered, buildingHead: false, cultivationStage: null,
  } as ResidentAttributes;
}

function tie(weight: number): TieEdgeAttributes {
  return { weight, acquaintance: weight, comembership: 0, coattendance: 0, exchange: 0, cowork: 0 };
}

describe('analytics over a TieGraph', () => {
  it('groups by a resident attribute or by a function of the attributes', () => {
    const g: TieGraph = new UndirectedGraph<ResidentAttributes, TieEdgeAttributes>();
    g.addNode('r1', resident('东院', true));
    g.addNode('r2', resident('东院', false));
    g.addNode('r3', resident('西院', true));
    g.addEdge('r1', 'r2', tie(2));
    g.addEdge('r2', 'r3', tie(1));
    expect(eiIndex(g, { group: 'housingArea', permutations: 0 }).network.ei).toBe(0);
    const byRegistration = eiIndex(g, { group: (_node, attributes) => attributes.householdRegistered, weighted: true, permutations: 0 });
    expect(byRegistration.network.ei).toBe(1);
    expect(constraint(g).r2!.contacts).toBe(2);
    // On a 3-node path any split has negative modularity (−0.056 for {r1,r2}{r3}): one community, Q = 0.
    expect(louvain(g)).toEqual({ communities: { r1: 0, r2: 0, r3: 0 }, count: 1, modularity: 0, levels: 1 });
  });
});
