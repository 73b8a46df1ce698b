/**
 * Planning activities: hobby gatherings of self-organisations (turning into volunteer service once a
 * group is public-benefit), social organisations' services and trainings, building consultations
 * (楼栋议事会), Party branch meetings, partner salons, project activities and a few large festivals.
 * After the intervention activities are more frequent and some bring estates of different housing
 * types together. Attendance is drawn in attendance.ts.
 */
import type { TermOf } from '../domain/vocabulary.ts';
import { publicFrom, type Org } from './organisations.ts';
import type { Party } from './party.ts';
import { activeOn, type Partner } from './partners.ts';
import type { Population } from './people.ts';
import type { Pools } from './pools.ts';
import type { Preset } from './presets.ts';
import type { Project } from './projects.ts';
import { Rng } from './random.ts';

export type ActivityKind = TermOf<'ActivityKind'>;

export type Scope =
  | { readonly t: 'org'; readonly org: Org }
  | { readonly t: 'building'; readonly building: number }
  | { readonly t: 'branch'; readonly branch: number }
  | { readonly t: 'area'; readonly area: number }
  | { readonly t: 'cross'; readonly areas: readonly [number, number] }
  | { readonly t: 'community' };

export interface Activity {
  id: string;
  readonly day: number;
  readonly hour: number;
  readonly kind: ActivityKind;
  readonly name: string;
  readonly location: string;
  readonly hosts: readonly string[];
  readonly project: Project | undefined;
  readonly scope: Scope;
  readonly size: number;
}

const CROSS = ['跨小区亲子运动会', '花园小区与城中村结对共建活动', '新老居民融合茶话会', '跨小区共享会技能集市'];
const NAMES: Record<ActivityKind, readonly string[]> = {
  HOBBY: ['例行活动', '周末练习', '交流展示'], VOLUNTEER_SERVICE: ['公益服务', '探访独居老人', '平安巡逻'],
  MEETING: ['骨干会议', '主题党日活动'], TRAINING: ['技能培训', '志愿者培训'], CONSULTATION: ['议事协商会', '需求征集会'],
  FESTIVAL: ['节庆活动'], OTHER: ['活动'],
};

/** A typical activity size: mostly 5–30 people. */
export function smallSize(rng: Rng, median = 12): number {
  return Math.max(5, Math.min(30, Math.round(rng.lognormal(Math.log(median), 0.45))));
}

export function planActivities(pop: Population, orgs: readonly Org[], party: Party, partners: readonly Partner[], projects: readonly Project[], pools: Pools, preset: Preset, seed: number, cid: string): Activity[] {
  const rng = new Rng(seed, 'activities');
  const { lastDay, interventionDay } = pop.calendar;
  const list: Activity[] = [];
  const boost = (day: number) => (day >= interventionDay ? 1.5 : 1);
  const place = (day: number, fallback: string) => {
    const open = pools.spaces.filter((s) => s.activated > 0 && s.activated <= day);
    return open.length > 0 && rng.chance(0.3) ? rng.pick(open).name : fallback;
  };
  const add = (a: Omit<Activity, 'id' | 'location'> & { location?: string }) =>
    list.push({ ...a, id: '', location: a.location ?? place(a.day, '社区党群服务中心') });
  const months = (from: number, each: (day: number) => void) => {
    for (let m = Math.floor(from / 30.44); m * 30.44 < lastDay; m++) each(Math.floor(m * 30.44));
  };
  const inMonth = (start: number, lo: number) => Math.min(lastDay, Math.max(lo, start + rng.int(0, 29)));

  for (const org of orgs) {
    if (org.type === 'RESIDENT_UNIT') continue;
    const home = org.area >= 0 ? `${pop.areas[org.area]!.name}广场` : '社区党群服务中心';
    const self = org.type === 'SELF_ORGANIZATION';
    const rate = self ? (org.leaderDependent ? 1.5 : 2.5) : 1.4;
    months(org.created, (start) => {
      const count = rng.poisson(rate * boost(start));
      for (let k = 0; k < count; k++) {
        const day = inMonth(start, org.created + 1);
        const kind: ActivityKind = self
          ? (publicFrom(org) <= day && rng.chance(0.5) ? 'VOLUNTEER_SERVICE' : rng.chance(0.1) ? 'MEETING' : 'HOBBY')
          : org.category === 'CO_GOVERNANCE' ? rng.pick(['CONSULTATION', 'MEETING'] as const)
          : org.category === 'SERVICE' ? rng.pick(['VOLUNTEER_SERVICE', 'VOLUNTEER_SERVICE', 'TRAINING'] as const)
          : rng.pick(['HOBBY', 'HOBBY', 'TRAINING'] as const);
        add({ day, hour: kind === 'HOBBY' ? 19.5 : 9.5, kind, name: `${org.name}${rng.pick(NAMES[kind])}`, hosts: [org.id], project: undefined,
          scope: { t: 'org', org }, size: smallSize(rng, self ? 12 : 15), location: place(day, home) });
      }
    });
  }

  pop.buildings.forEach((b, bi) => {
    const branch = party.branches.find((x) => x.area === b.area)!;
    for (let q = 0; q * 91 < lastDay; q++) {
      if (!rng.chance(q * 91 >= interventionDay ? 0.9 : 0.45)) continue;
      const day = Math.min(lastDay, q * 91 + rng.int(0, 90));
      add({ day, hour: 19.5, kind: 'CONSULTATION', name: `${b.name}楼栋议事会`, hosts: [branch.id], project: undefined,
        scope: { t: 'building', building: bi }, size: smallSize(rng, 10), location: `${b.name}架空层` });
    }
  });

  party.branches.forEach((branch, bi) => {
    if (branch.level !== 'DIRECT_BRANCH') return;
    months(0, (start) => add({ day: inMonth(start, 1), hour: 14.5, kind: 'MEETING', name: `${branch.name}主题党日活动`, hosts: [branch.id],
      project: undefined, scope: { t: 'branch', branch: bi }, size: smallSize(rng, 15) }));
  });

  for (const p of partners) {
    if (p.activeDay === undefined) continue;
    months(p.activeDay, (start) => {
      const day = inMonth(start, p.activeDay! + 1);
      if (!activeOn(p, day) || !rng.chance(0.5 * boost(day))) return;
      add({ day, hour: 10, kind: rng.pick(['HOBBY', 'TRAINING', 'VOLUNTEER_SERVICE'] as const), name: `${p.name}公益沙龙`, hosts: [p.id],
        project: undefined, scope: { t: 'area', area: rng.int(0, pop.areas.length - 1) }, size: smallSize(rng, 10), location: p.name });
    });
  }

  for (const p of projects) {
    if (p.startDay === undefined) continue;
    const end = p.endDay ?? lastDay;
    const host = [...p.claims].reverse().find((c) => !c.id.includes(':res:'))?.id ?? party.committee.id;
    const count = rng.int(2, 8);
    for (let k = 0; k < count; k++) {
      const day = rng.day(p.startDay, end);
      const culture = p.template.lp === 'CULTURE';
      add({ day, hour: 9.5, kind: culture ? 'FESTIVAL' : rng.pick(['VOLUNTEER_SERVICE', 'TRAINING', 'CONSULTATION'] as const),
        name: `${p.name}·第${k + 1}场`, hosts: [host], project: p, scope: { t: 'community' },
        size: culture ? rng.int(40, 120) : smallSize(rng, 14) });
    }
  }

  const largest = pop.residents.n;
  // Spring Festival, Dragon Boat and Mid-Autumn on their dates, then the neighbourhood festival.
  for (const { day, name } of pop.calendar.festivals()) {
    const sponsors = partners.filter((p) => activeOn(p, day)).slice(0, 2).map((p) => p.id);
    const size = Math.round(Math.min(largest * (0.1 + 0.07 * rng.next()), 300 + 700 * rng.next()));
    add({ day, hour: 9, kind: 'FESTIVAL', name: `${preset.short}社区${name}`, hosts: [party.committee.id, ...sponsors], project: undefined,
      scope: { t: 'community' }, size, location: '社区文化广场' });
  }

  // After the intervention: activities that bring estates of different housing types together.
  const perMonth = preset.key === 'beizhan' ? 3 : 1;
  const hosts = [...orgs.filter((o) => o.type === 'SOCIAL_ORGANIZATION'), ...partners];
  months(interventionDay, (start) => {
    for (let k = 0; k < perMonth; k++) {
      const day = inMonth(start, interventionDay);
      const a = rng.int(0, pop.areas.length - 1);
      const others = pop.areas.filter((x) => x.type !== pop.areas[a]!.type);
      const b = others.length > 0 ? rng.pick(others).index : a;
      const host = rng.pick(hosts);
      if ('activeDay' in host && !activeOn(host, day)) continue;
      add({ day, hour: 15, kind: rng.pick(['FESTIVAL', 'HOBBY', 'VOLUNTEER_SERVICE'] as const), name: rng.pick(CROSS), hosts: [host.id], project: undefined,
        scope: { t: 'cross', areas: [a, b] }, size: smallSize(rng, 20) });
    }
  });

  list.sort((x, y) => x.day - y.day || x.hour - y.hour);
  list.forEach((a, k) => (a.id = `${cid}:activity:${k + 1}`));
  return list;
}
