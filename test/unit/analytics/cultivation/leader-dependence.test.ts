/** Leader dependence on organisations small enough to judge by hand. */
import { describe, expect, it } from 'vitest';
import { leaderDependence, type OrganisationInput } from '../../../../src/analytics/cultivation/leader-dependence.ts';

const m = (residentId: string, role = 'MEMBER') => ({ residentId, role });
const act = (id: string, organiser: string, ...others: string[]) => ({ id, attendees: [m(organiser, 'ORGANIZER'), ...others.map((o) => m(o, 'PARTICIPANT'))] });

// 太极队: one leader organises 3 of 4 activities, and every tie among the members runs through her.
const dependent: OrganisationInput = {
  id: 'taiji',
  members: [m('L', 'LEADER'), m('a'), m('b'), m('c'), m('d')],
  activities: [act('1', 'L', 'a'), act('2', 'L', 'b'), act('3', 'L', 'c'), act('4', 'd', 'd')],
};
// 议事会: a three-person group takes turns and the members meet without the leader.
const shared: OrganisationInput = {
  id: 'yishi',
  members: [m('P', 'LEADER'), m('Q', 'CORE_TEAM'), m('R', 'CORE_TEAM'), m('s'), m('t')],
  activities: [act('5', 'P', 'Q', 's'), act('6', 'Q', 'R', 't'), act('7', 'R', 's', 't')],
};

describe('leaderDependence', () => {
  const [first, second] = leaderDependence([shared, dependent, { id: 'empty', members: [], activities: [] }]);

  it('puts the one-leader group first with all three criteria and their values', () => {
    expect(first!.id).toBe('taiji');
    expect(first!.rank).toBe(1);
    expect(first!.criteria).toEqual(['CORE_TEAM', 'ONE_ORGANISER', 'FALLS_APART']);
    expect([first!.coreTeam, first!.members, first!.activities, first!.leaderId, first!.topOrganiserShare]).toEqual([1, 5, 4, 'L', 0.75]);
    // With L: {L, a, b, c} of 5; without L: a, b, c, d are all apart: 1 of 4.
    expect(first!.connectedShareWithLeader).toBe(4 / 5);
    expect(first!.connectedShareWithoutLeader).toBe(1 / 4);
  });

  it('finds nothing wrong with a three-person group that takes turns, and leaves out an empty one', () => {
    expect(second!.id).toBe('yishi');
    expect(second!.criteria).toEqual([]);
    expect(second!.coreTeam).toBe(3);
    expect(second!.topOrganiserShare).toBeCloseTo(1 / 3, 12);
    expect(second!.connectedShareWithoutLeader).toBe(1);
  });

  it('takes its thresholds as options and refuses bad ones', () => {
    const strict = leaderDependence([shared], { minCoreTeam: 4, maxOrganiserShare: 0.3 });
    expect(strict[0]!.criteria).toEqual(['CORE_TEAM', 'ONE_ORGANISER']);
    expect(() => leaderDependence([shared], { maxOrganiserShare: 2 })).toThrow(/shares must be in \[0, 1\]/);
  });
});
