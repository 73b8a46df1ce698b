/**
 * Leader dependence of an organisation: the risk that its activity rests on one person, the problem
 * Zuo'anpuyuan answers with a three-person management group (三人管理小组, seeds/004). Three criteria,
 * each reported with its value:
 *
 * 1. core team: fewer than `minCoreTeam` (default 3, the three-person group) distinct residents hold
 *    a LEADER or CORE_TEAM membership;
 * 2. one organiser: the largest share of the organisation's activities in the window that one
 *    resident organised (attended as ORGANIZER) is above `maxOrganiserShare` (default 0.5: more than
 *    half of them rest on one person);
 * 3. falls apart: in the co-attendance network of its current members (two members tied when both
 *    attended one of its activities in the window), removing the leader leaves less than
 *    `minConnectedShare` (default 0.5) of the other members in the largest connected component.
 *    The leader is the LEADER member who organised most (ties: smallest id); without a LEADER
 *    membership, the resident who organised most.
 *
 * Ranked by risk: the number of criteria met, then the organiser share (higher first), then the
 * connected share without the leader (lower first), then id. Organisations with neither members nor
 * activities are left out: there is nothing to judge.
 */

export interface LeaderDependenceOptions {
  minCoreTeam: number;
  maxOrganiserShare: number;
  minConnectedShare: number;
}

export const DEFAULTS: LeaderDependenceOptions = Object.freeze({ minCoreTeam: 3, maxOrganiserShare: 0.5, minConnectedShare: 0.5 });

export interface OrganisationInput {
  id: string;
  members: readonly { residentId: string; role: string }[];
  activities: readonly { id: string; attendees: readonly { residentId: string; role: string }[] }[];
}

export type DependenceCriterion = 'CORE_TEAM' | 'ONE_ORGANISER' | 'FALLS_APART';

export interface OrganisationDependence {
  id: string;
  rank: number;
  /** Criteria met, most telling first. */
  criteria: DependenceCriterion[];
  members: number;
  coreTeam: number;
  activities: number;
  leaderId: string | null;
  /** The resident who organised most of the activities, and the share (null without activities). */
  topOrganiserId: string | null;
  topOrganiserShare: number | null;
  /** Share of the members (leader aside) in the largest co-attendance component, with and without the leader; null with fewer than two members. */
  connectedShareWithLeader: number | null;
  connectedShareWithoutLeader: number | null;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Size of the largest connected component among `nodes` (indices) over `edges`, leaving out `removed`. */
function largestComponent(count: number, edges: readonly [number, number][], removed: number): number {
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const [a, b] of edges) if (a !== removed && b !== removed) parent[find(a)] = find(b);
  const sizes = new Map<number, number>();
  let best = 0;
  for (let i = 0; i < count; i += 1) {
    if (i === removed) continue;
    const root = find(i);
    const size = (sizes.get(root) ?? 0) + 1;
    sizes.set(root, size);
    best = Math.max(best, size);
  }
  return best;
}

export function judgeOrganisation(org: OrganisationInput, o: LeaderDependenceOptions): Omit<OrganisationDependence, 'rank'> {
  const members = [...new Set(org.members.map((m) => m.residentId))].sort(byId);
  const core = new Set(org.members.filter((m) => m.role === 'LEADER' || m.role === 'CORE_TEAM').map((m) => m.residentId));
  const leaders = new Set(org.members.filter((m) => m.role === 'LEADER').map((m) => m.residentId));
  const organised = new Map<string, number>();
  for (const a of org.activities) {
    for (const id of new Set(a.attendees.filter((x) => x.role === 'ORGANIZER').map((x) => x.residentId))) organised.set(id, (organised.get(id) ?? 0) + 1);
  }
  const most = (ids: Iterable<string>) => [...ids].sort((a, b) => (organised.get(b) ?? 0) - (organised.get(a) ?? 0) || byId(a, b))[0] ?? null;
  const topOrganiserId = most(organised.keys());
  const topOrganiserShare = org.activities.length > 0 && topOrganiserId !== null ? organised.get(topOrganiserId)! / org.activities.length : org.activities.length > 0 ? 0 : null;
  const leaderId = leaders.size > 0 ? most(leaders) : topOrganiserId;

  const index = new Map(members.map((id, i) => [id, i]));
  const edges: [number, number][] = [];
  for (const a of org.activities) {
    const present = [...new Set(a.attendees.map((x) => index.get(x.residentId)).filter((i): i is number => i !== undefined))];
    // A star around the first attendee connects the same members as the clique, with k−1 edges.
    for (let k = 1; k < present.length; k += 1) edges.push([present[0]!, present[k]!]);
  }
  const leaderIndex = leaderId !== null ? (index.get(leaderId) ?? -1) : -1;
  const others = members.length - (leaderIndex >= 0 ? 1 : 0);
  let withLeader: number | null = null;
  let withoutLeader: number | null = null;
  if (members.length >= 2 && others >= 1) {
    withLeader = largestComponent(members.length, edges, -1) / members.length;
    withoutLeader = largestComponent(members.length, edges, leaderIndex) / others;
  }
  const criteria: DependenceCriterion[] = [];
  if (core.size < o.minCoreTeam) criteria.push('CORE_TEAM');
  if (topOrganiserShare !== null && topOrganiserShare > o.maxOrganiserShare) criteria.push('ONE_ORGANISER');
  if (withoutLeader !== null && leaderIndex >= 0 && withoutLeader < o.minConnectedShare) criteria.push('FALLS_APART');
  return {
    id: org.id, criteria, members: members.length, coreTeam: core.size, activities: org.activities.length, leaderId, topOrganiserId, topOrganiserShare,
    connectedShareWithLeader: withLeader, connectedShareWithoutLeader: withoutLeader,
  };
}

export function leaderDependence(orgs: readonly OrganisationInput[], options?: Partial<LeaderDependenceOptions>): OrganisationDependence[] {
  const o = { ...DEFAULTS, ...options };
  if (!(Number.isInteger(o.minCoreTeam) && o.minCoreTeam >= 1)) throw new Error('cultivation/leader-dependence: minCoreTeam must be an integer ≥ 1');
  for (const share of [o.maxOrganiserShare, o.minConnectedShare]) if (!(share >= 0 && share <= 1)) throw new Error('cultivation/leader-dependence: shares must be in [0, 1]');
  const judged = orgs.filter((org) => org.members.length > 0 || org.activities.length > 0).map((org) => judgeOrganisation(org, o));
  judged.sort((a, b) =>
    b.criteria.length - a.criteria.length
    || (b.topOrganiserShare ?? -1) - (a.topOrganiserShare ?? -1)
    || (a.connectedShareWithoutLeader ?? 2) - (b.connectedShareWithoutLeader ?? 2)
    || byId(a.id, b.id));
  const out: OrganisationDependence[] = [];
  judged.forEach((j, i) => {
    const prev = out[i - 1];
    const same = prev && prev.criteria.length === j.criteria.length && prev.topOrganiserShare === j.topOrganiserShare && prev.connectedShareWithoutLeader === j.connectedShareWithoutLeader;
    out.push({ ...j, rank: same ? prev.rank : i + 1 });
  });
  return out;
}
