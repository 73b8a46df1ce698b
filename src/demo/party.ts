/**
 * The Party joint conference (党组织联席会) of seeds/003: one community Party committee, direct
 * branches (one per estate, then functional ones such as retired members or the building heads'
 * association) and the Party organisations of resident units. Every branch is a member of the
 * conference; Party members belong to a branch, units and some social organisations too.
 */
import type { Org } from './organisations.ts';
import type { Output } from './output.ts';
import { PARTY, type Population } from './people.ts';
import type { Preset } from './presets.ts';
import { Rng } from './random.ts';

export type BranchLevel = 'COMMUNITY_COMMITTEE' | 'DIRECT_BRANCH' | 'UNIT_ORGANIZATION';

export interface Branch {
  readonly id: string;
  readonly name: string;
  readonly level: BranchLevel;
  /** The estate of an area branch, -1 otherwise. */
  readonly area: number;
  /** The resident unit whose Party organisation this is. */
  readonly unit?: Org;
}

export interface Party {
  readonly conferenceId: string;
  readonly conferenceName: string;
  readonly branches: readonly Branch[];
  readonly committee: Branch;
  /** Branch of the social organisations (社会组织联合党支部), or the committee when there is none. */
  readonly socialOrgBranch: Branch;
}

const FUNCTIONAL = ['退休党员党支部', '楼长协会党支部', '社会组织联合党支部', '两新组织联合党支部', '流动党员党支部', '青年党员党支部'];

export function planParty(pop: Population, orgs: readonly Org[], preset: Preset, seed: number, cid: string): Party {
  const rng = new Rng(seed, 'party');
  const branches: Branch[] = [];
  const add = (b: Omit<Branch, 'id'>): Branch => {
    const branch = { ...b, id: `${cid}:branch:${branches.length + 1}` };
    branches.push(branch);
    return branch;
  };
  const committee = add({ name: `${preset.short}社区党委`, level: 'COMMUNITY_COMMITTEE', area: -1 });
  for (const a of pop.areas) add({ name: `${a.name}党支部`, level: 'DIRECT_BRANCH', area: a.index });
  const functional = FUNCTIONAL.slice(0, preset.functionalBranches).map((name) => add({ name: `${preset.short}社区${name}`, level: 'DIRECT_BRANCH', area: -1 }));
  const units = rng.shuffle(orgs.filter((o) => o.type === 'RESIDENT_UNIT')).slice(0, preset.unitPartyOrgs);
  units.sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const unit of units) {
    add({ name: `${unit.name}${unit.unitKind === 'TRANSPORT_HUB' ? '党委' : '党支部'}`, level: 'UNIT_ORGANIZATION', area: -1, unit });
  }

  const r = pop.residents;
  for (let i = 0; i < r.n; i++) {
    if (!r.has(i, PARTY)) continue;
    const own = 1 + r.area[i]!;
    r.branch[i] = functional.length > 0 && rng.chance(0.2) ? branches.indexOf(rng.pick(functional)) : rng.chance(0.03) ? 0 : own;
  }
  const socialOrgBranch = functional.find((b) => b.name.endsWith('社会组织联合党支部')) ?? committee;
  return { conferenceId: `${cid}:conference:1`, conferenceName: `${preset.short}社区党组织联席会`, branches, committee, socialOrgBranch };
}

export async function emitPartyNodes(out: Output, party: Party): Promise<void> {
  for (const b of party.branches) await out.node('PartyBranch', b.id, 0, { name: b.name, level: b.level });
  await out.node('JointConference', party.conferenceId, 0, { name: party.conferenceName });
}

export async function emitPartyRels(out: Output, party: Party, pop: Population, orgs: readonly Org[]): Promise<void> {
  for (const b of party.branches) await out.rel('CONFERENCE_MEMBERSHIP', b.id, party.conferenceId, { since: 0 });
  const r = pop.residents;
  for (let i = 0; i < r.n; i++) {
    const b = r.branch[i]!;
    if (b !== 255) await out.rel('BRANCH_AFFILIATION', r.id(i), party.branches[b]!.id, { since: r.created[i]! });
  }
  for (const b of party.branches) if (b.unit) await out.rel('BRANCH_AFFILIATION', b.unit.id, b.id, { since: 0 });
  for (const o of orgs) {
    if (o.type === 'SOCIAL_ORGANIZATION' && o.category !== 'CULTURE_SPORTS') {
      await out.rel('BRANCH_AFFILIATION', o.id, party.socialOrgBranch.id, { since: o.created });
    }
  }
}
