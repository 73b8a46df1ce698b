/**
 * Organisations: social organisations of the three categories (seeds/003), hobby self-organisations
 * that may turn public-benefit (seeds/002, 004), and resident units (驻社区单位). Members are drawn
 * from each organisation's catchment (its estate, or the whole community) weighted by participation;
 * leaders come from the cultivated residents. A few self-organisations depend on one leader with no
 * core team.
 */
import type { TermOf } from '../domain/vocabulary.ts';
import type { DemoCalendar } from './calendar.ts';
import { HOBBY_GROUPS, SOCIAL_ORG_NAMES, UNIT_NAMES } from './names.ts';
import { emitWalk, finalState, type Output, type Walk } from './output.ts';
import type { Population } from './people.ts';
import type { Preset, UnitKind } from './presets.ts';
import { Rng } from './random.ts';
import { WalkBuilder } from './walks.ts';

export type OrgType = TermOf<'OrganizationType'>;
export type OrgCategory = TermOf<'OrganizationCategory'>;
export const ROLES = ['MEMBER', 'CORE_TEAM', 'LEADER'] as const;

export interface Org {
  readonly id: string;
  readonly name: string;
  readonly type: OrgType;
  readonly category: OrgCategory;
  readonly unitKind?: UnitKind;
  readonly created: number;
  /** Catchment: an area index, or -1 for the whole community. */
  readonly area: number;
  readonly leaderDependent: boolean;
  orientation: Walk;
  development: Walk;
  readonly members: number[];
  readonly since: number[];
  readonly until: number[];
  readonly roles: number[];
}

/** Day from which the organisation is public-benefit (Infinity when never). */
export function publicFrom(org: Org): number {
  if (org.orientation.initial === 'PUBLIC_BENEFIT') return 0;
  return org.orientation.steps.find((s) => s.to === 'PUBLIC_BENEFIT')?.day ?? Infinity;
}

const TO_PUBLIC = ['舞队成员组成夜间平安巡逻小分队', '开始为独居老人提供每周探访', '承接社区垃圾分类督导项目', '为城中村儿童开设免费兴趣课'];
const TO_MUTUAL = ['成员之间开始互助，轮流接送孩子', '建立成员互助基金', '成员结对照顾生病的队友'];
const DEVELOPMENT_EVIDENCE: Record<string, string> = {
  PROJECTS: '申报社区微项目获批', ORGANIZATION: '建立章程和三人管理小组', PUBLIC_INTEREST: '面向全社区提供公益服务',
};

function selfOrgWalks(rng: Rng, created: number, dependent: boolean, { lastDay, interventionDay }: DemoCalendar): { orientation: Walk; development: Walk } {
  const dev = new WalkBuilder('Organization', 'developmentStage', 'ACTIVITIES', created, lastDay);
  const ori = new WalkBuilder('Organization', 'orientation', 'SELF_BENEFIT', created, lastDay);
  if (!dependent && rng.chance(0.65)) {
    const first = Math.max(created + 60, rng.day(interventionDay - 150, lastDay - 200));
    if (dev.stepAt('PROJECTS', first, DEVELOPMENT_EVIDENCE.PROJECTS)) {
      if (rng.chance(0.75)) ori.stepAt('MUTUAL_BENEFIT', first + rng.int(5, 60), rng.pick(TO_MUTUAL));
      if (rng.chance(0.55) && dev.step(rng, 'ORGANIZATION', 60, 240, DEVELOPMENT_EVIDENCE.ORGANIZATION)) {
        if (rng.chance(0.7)) ori.stepAt('PUBLIC_BENEFIT', Math.max(ori.lastDay, dev.lastDay) + rng.int(10, 90), rng.pick(TO_PUBLIC));
        if (rng.chance(0.5)) dev.step(rng, 'PUBLIC_INTEREST', 60, 240, DEVELOPMENT_EVIDENCE.PUBLIC_INTEREST);
      }
    }
  }
  return { orientation: ori.build(), development: dev.build() };
}

export function planOrganisations(pop: Population, preset: Preset, seed: number, cid: string): Org[] {
  const rng = new Rng(seed, 'organisations');
  const r = pop.residents;
  const { lastDay, interventionDay } = pop.calendar;
  const scale = preset.key === 'beizhan' ? 1 : 0.35;
  const orgs: Org[] = [];
  const leading = new Set<number>();
  const capable: number[] = [];
  for (let i = 0; i < r.n; i++) if (r.maxStage[i]! >= 2) capable.push(i);

  const add = (o: Omit<Org, 'id' | 'members' | 'since' | 'until' | 'roles'>): Org => {
    const org: Org = { ...o, id: `${cid}:org:${orgs.length + 1}`, members: [], since: [], until: [], roles: [] };
    orgs.push(org);
    return org;
  };
  const range = (area: number) => (area < 0 ? { start: 0, end: r.n } : pop.areas[area]!);
  const join = (org: Org, i: number, role: number, base: number) => {
    const since = Math.min(lastDay - 1, Math.max(base, r.created[i]!));
    org.members.push(i);
    org.since.push(since);
    org.roles.push(role);
    const leaves = role === 0 && rng.chance(0.12) ? since + rng.int(60, 400) : 0;
    org.until.push(leaves > 0 && leaves <= lastDay ? leaves : 0);
  };
  const staff = (org: Org, size: number, candidates?: number[]) => {
    const { start, end } = range(org.area);
    const inArea = capable.filter((i) => i >= start && i < end && !leading.has(i) && r.created[i]! <= Math.max(60, org.created));
    const leader = inArea.find((i) => r.maxStage[i] === 3) ?? inArea[0] ?? r.pick(rng, start, end);
    leading.add(leader);
    const taken = new Set([leader]);
    join(org, leader, 2, org.created);
    const core = org.leaderDependent ? 0 : rng.int(2, 4);
    for (let k = 0, tries = 0; org.members.length < size && tries < size * 20; tries++) {
      const i = candidates ? rng.pick(candidates) : r.pick(rng, start, end);
      if (taken.has(i) || r.created[i]! > lastDay - 30) continue;
      taken.add(i);
      const isCore = k++ < core;
      join(org, i, isCore ? 1 : 0, isCore ? org.created + rng.int(0, 60) : rng.day(org.created, lastDay - 30));
    }
  };

  const categories: [OrgCategory, readonly string[], number, [number, number]][] = [
    ['CO_GOVERNANCE', SOCIAL_ORG_NAMES.CO_GOVERNANCE, preset.socialOrgs.coGovernance, [30, 90]],
    ['SERVICE', SOCIAL_ORG_NAMES.SERVICE, preset.socialOrgs.service, [60, 200]],
    ['CULTURE_SPORTS', SOCIAL_ORG_NAMES.CULTURE_SPORTS, preset.socialOrgs.cultureSports, [25, 90]],
  ];
  const villageHeads = pop.buildings.filter((b) => pop.areas[b.area]!.type === 'URBAN_VILLAGE').map((b) => b.head);
  for (const [category, names, count, [lo, hi]] of categories) {
    for (let k = 0; k < count; k++) {
      const culture = category === 'CULTURE_SPORTS';
      let orientation: Walk = { initial: culture ? 'MUTUAL_BENEFIT' : 'PUBLIC_BENEFIT', steps: [] };
      let development: Walk = { initial: culture ? 'ORGANIZATION' : 'PUBLIC_INTEREST', steps: [] };
      if (culture && rng.chance(0.4)) {
        const ori = new WalkBuilder('Organization', 'orientation', 'MUTUAL_BENEFIT', 0, lastDay);
        const dev = new WalkBuilder('Organization', 'developmentStage', 'ORGANIZATION', 0, lastDay);
        const day = rng.day(interventionDay, lastDay - 120);
        ori.stepAt('PUBLIC_BENEFIT', day, rng.pick(TO_PUBLIC));
        dev.stepAt('PUBLIC_INTEREST', day + rng.int(20, 100), DEVELOPMENT_EVIDENCE.PUBLIC_INTEREST);
        orientation = ori.build();
        development = dev.build();
      }
      const org = add({
        name: `${preset.short}${names[k % names.length]}`, type: 'SOCIAL_ORGANIZATION', category, created: 0, area: -1,
        leaderDependent: false, orientation, development,
      });
      // The building heads' association (楼长协会) is made of the urban villages' building heads.
      const heads = k === 0 && category === 'CO_GOVERNANCE' && villageHeads.length > 0;
      staff(org, heads ? villageHeads.length : Math.round(rng.int(lo, hi) * scale) + 5, heads ? villageHeads : undefined);
    }
  }

  const areaWeights = pop.areas.map((a) => a.end - a.start);
  for (let k = 0; k < preset.selfOrgs; k++) {
    const area = k === 0 ? -1 : rng.weightedIndex(areaWeights);
    const hobby = k === 0 ? '广场舞队' : HOBBY_GROUPS[(k - 1) % HOBBY_GROUPS.length]!;
    const created = k < Math.ceil(preset.selfOrgs * 0.6) ? 0 : rng.day(interventionDay - 90, 900);
    const dependent = k >= 1 && k <= preset.leaderDependent;
    const org = add({
      name: `${area < 0 ? `${preset.short}社区` : pop.areas[area]!.name}${hobby}`, type: 'SELF_ORGANIZATION', category: 'CULTURE_SPORTS',
      created, area, leaderDependent: dependent, ...selfOrgWalks(rng, created, dependent, pop.calendar),
    });
    staff(org, rng.int(8, 40));
  }

  const unitKinds = Object.entries(preset.units) as [Exclude<UnitKind, 'OTHER'>, number][];
  for (const [kind, count] of unitKinds) {
    for (let k = 0; k < count; k++) {
      add({
        name: `${preset.short}${UNIT_NAMES[kind][k % UNIT_NAMES[kind].length]}${k >= UNIT_NAMES[kind].length ? `（${k + 1}）` : ''}`,
        type: 'RESIDENT_UNIT', category: 'UNIT', unitKind: kind, created: 0, area: -1, leaderDependent: false,
        orientation: { initial: 'MUTUAL_BENEFIT', steps: [] }, development: { initial: 'ORGANIZATION', steps: [] },
      });
    }
  }
  return orgs;
}

export async function emitOrganisations(out: Output, orgs: readonly Org[]): Promise<void> {
  for (const o of orgs) {
    await out.node('Organization', o.id, o.created, {
      name: o.name,
      type: o.type,
      category: o.category,
      ...(o.unitKind ? { unitKind: o.unitKind } : {}),
      orientation: finalState(o.orientation),
      developmentStage: finalState(o.development),
      ...(o.type === 'RESIDENT_UNIT' ? {} : { registered: o.type === 'SOCIAL_ORGANIZATION' }),
    });
  }
}

export async function emitMemberships(out: Output, orgs: readonly Org[], pop: Population): Promise<void> {
  const r = pop.residents;
  for (const o of orgs) {
    for (let k = 0; k < o.members.length; k++) {
      const until = o.until[k]!;
      await out.rel('MEMBERSHIP', r.id(o.members[k]!), o.id, until > 0 ? { since: o.since[k]!, until } : { since: o.since[k]! }, { role: ROLES[o.roles[k]!] });
    }
  }
}

export async function emitOrganisationChanges(out: Output, orgs: readonly Org[]): Promise<void> {
  for (const o of orgs) {
    await emitWalk(out, 'Organization', o.id, 'orientation', o.orientation);
    await emitWalk(out, 'Organization', o.id, 'developmentStage', o.development);
  }
}
