/**
 * The joint conference's resource and need pools and the space-activation list (seeds/000, 003):
 * police stations offer traffic-safety courses and schools need them; the transport hub needs
 * volunteers and students need service hours; enterprises offer funds; idle spaces wait to be
 * activated. Owners are units, organisations, partners, branches or residents.
 */
import type { TermOf } from '../domain/vocabulary.ts';
import type { DemoCalendar } from './calendar.ts';
import { SPACE_NAMES } from './names.ts';
import type { Org } from './organisations.ts';
import type { Output } from './output.ts';
import type { Party } from './party.ts';
import type { Partner } from './partners.ts';
import type { Population } from './people.ts';
import type { Preset, UnitKind } from './presets.ts';
import { Rng } from './random.ts';

type Category = TermOf<'PoolCategory'>;

interface EntryTemplate {
  readonly key: string;
  readonly name: string;
  readonly category: Category;
  readonly tags: readonly string[];
  readonly quantity: number;
  readonly unit: string;
  readonly urgency?: number;
  /** Who owns it: resident units of a kind, organisations of a type, partners, area branches or residents. */
  readonly owner: UnitKind | 'SERVICE_ORG' | 'SELF_ORG' | 'SPACE_PARTNER' | 'AREA_BRANCH' | 'RESIDENT';
}

const RESOURCES: readonly EntryTemplate[] = [
  { key: 'traffic-course', name: '交通安全课程', category: 'TRAINING', tags: ['交通安全', '课程', '学生'], quantity: 12, unit: '课时/年', owner: 'POLICE_STATION' },
  { key: 'rail-course', name: '铁路安全知识讲座', category: 'TRAINING', tags: ['铁路安全', '课程', '学生'], quantity: 6, unit: '场/年', owner: 'POLICE_STATION' },
  { key: 'student-volunteers', name: '学生志愿者（寒暑假）', category: 'VOLUNTEERS', tags: ['志愿者', '学生', '寒暑假'], quantity: 200, unit: '人次', owner: 'SCHOOL' },
  { key: 'school-field', name: '学校操场（周末开放）', category: 'VENUE', tags: ['场地', '运动', '周末'], quantity: 1, unit: '处', owner: 'SCHOOL' },
  { key: 'hub-posts', name: '文明引导志愿岗位', category: 'SERVICE', tags: ['志愿服务时长', '学生', '交通引导'], quantity: 300, unit: '小时', owner: 'TRANSPORT_HUB' },
  { key: 'clinic', name: '义诊服务', category: 'SERVICE', tags: ['健康', '义诊', '长者'], quantity: 12, unit: '次/年', owner: 'HOSPITAL' },
  { key: 'csr-fund', name: '企业公益资金', category: 'FUNDING', tags: ['资金', '公益'], quantity: 50_000, unit: '元', owner: 'ENTERPRISE' },
  { key: 'staff-volunteers', name: '员工志愿者', category: 'VOLUNTEERS', tags: ['志愿者', '周末'], quantity: 40, unit: '人次', owner: 'ENTERPRISE' },
  { key: 'meeting-room', name: '会议室（周末开放）', category: 'VENUE', tags: ['场地', '会议'], quantity: 1, unit: '间', owner: 'GOVERNMENT_OFFICE' },
  { key: 'counselling', name: '心理疏导志愿服务', category: 'SKILL', tags: ['心理', '志愿者'], quantity: 24, unit: '次/年', owner: 'SERVICE_ORG' },
  { key: 'cafe-venue', name: '咖啡馆场地（工作日上午）', category: 'VENUE', tags: ['场地', '读书会'], quantity: 1, unit: '处', owner: 'SPACE_PARTNER' },
  { key: 'repair-skill', name: '水电维修技能', category: 'SKILL', tags: ['维修', '长者'], quantity: 10, unit: '次/月', owner: 'RESIDENT' },
];

const NEEDS: readonly EntryTemplate[] = [
  { key: 'traffic-training', name: '学生交通安全培训', category: 'TRAINING', tags: ['交通安全', '课程', '学生'], quantity: 8, unit: '课时', urgency: 4, owner: 'SCHOOL' },
  { key: 'student-hours', name: '学生志愿服务时长', category: 'SERVICE', tags: ['志愿服务时长', '学生'], quantity: 2_000, unit: '小时', urgency: 3, owner: 'SCHOOL' },
  { key: 'hub-volunteers', name: '春运暑运文明引导志愿者', category: 'VOLUNTEERS', tags: ['志愿者', '交通引导', '文明宣传'], quantity: 300, unit: '人次', urgency: 5, owner: 'TRANSPORT_HUB' },
  { key: 'elder-meals', name: '独居老人助餐', category: 'SERVICE', tags: ['长者', '助餐'], quantity: 30, unit: '人', urgency: 4, owner: 'AREA_BRANCH' },
  { key: 'after-school', name: '儿童课后托管', category: 'SERVICE', tags: ['儿童', '课后', '托管'], quantity: 40, unit: '人', urgency: 4, owner: 'AREA_BRANCH' },
  { key: 'fall-net', name: '城中村高空防坠网', category: 'FUNDING', tags: ['安全', '城中村'], quantity: 80_000, unit: '元', urgency: 5, owner: 'AREA_BRANCH' },
  { key: 'garbage', name: '垃圾分类督导志愿者', category: 'VOLUNTEERS', tags: ['环保', '志愿者'], quantity: 30, unit: '人', urgency: 3, owner: 'AREA_BRANCH' },
  { key: 'rehearsal', name: '排练场地', category: 'VENUE', tags: ['场地', '排练'], quantity: 1, unit: '处', urgency: 2, owner: 'SELF_ORG' },
  { key: 'clinic-need', name: '长者健康义诊', category: 'SERVICE', tags: ['健康', '义诊', '长者'], quantity: 6, unit: '次/年', urgency: 3, owner: 'SERVICE_ORG' },
  { key: 'stair-light', name: '楼道灯维修', category: 'OTHER', tags: ['维修', '楼道'], quantity: 1, unit: '项', urgency: 2, owner: 'RESIDENT' },
];

/**
 * What each of beizhan's 40 Party organisations (1 + 14 + 25, seeds/003) brings to the conference's
 * lists besides its units' entries: a few resources and needs each, so that the pools are worth
 * matching — pairs that serve each other (volunteers for service hours, a venue for a course),
 * related categories (skills for services), and needs nobody offers (lift retrofits, legal aid).
 */
const BRANCH_RESOURCES: readonly EntryTemplate[] = [
  { key: 'branch-volunteers', name: '党员志愿服务队', category: 'VOLUNTEERS', tags: ['志愿者', '党员', '周末'], quantity: 20, unit: '人次', owner: 'AREA_BRANCH' },
  { key: 'branch-room', name: '党群活动室', category: 'VENUE', tags: ['场地', '会议', '活动'], quantity: 1, unit: '间', owner: 'AREA_BRANCH' },
  { key: 'branch-skill', name: '党员技能服务（维修、理发）', category: 'SKILL', tags: ['维修', '长者', '便民'], quantity: 8, unit: '次/月', owner: 'AREA_BRANCH' },
  { key: 'branch-course', name: '政策宣讲课', category: 'TRAINING', tags: ['课程', '政策', '居民'], quantity: 4, unit: '场', owner: 'AREA_BRANCH' },
  { key: 'branch-fund', name: '党组织服务群众经费', category: 'FUNDING', tags: ['资金', '公益'], quantity: 5_000, unit: '元', owner: 'AREA_BRANCH' },
  { key: 'branch-material', name: '防疫及应急物资', category: 'MATERIAL', tags: ['物资', '应急', '安全'], quantity: 50, unit: '份', owner: 'AREA_BRANCH' },
];

const BRANCH_NEEDS: readonly EntryTemplate[] = [
  { key: 'branch-need-volunteers', name: '周末活动志愿者', category: 'VOLUNTEERS', tags: ['志愿者', '周末', '活动'], quantity: 15, unit: '人次', urgency: 3, owner: 'AREA_BRANCH' },
  { key: 'branch-need-venue', name: '党员活动场地', category: 'VENUE', tags: ['场地', '活动'], quantity: 1, unit: '处', urgency: 2, owner: 'AREA_BRANCH' },
  { key: 'branch-need-elders', name: '长者上门服务', category: 'SERVICE', tags: ['长者', '维修', '便民'], quantity: 10, unit: '次', urgency: 4, owner: 'AREA_BRANCH' },
  { key: 'branch-need-course', name: '党员教育课程', category: 'TRAINING', tags: ['课程', '政策'], quantity: 2, unit: '场', urgency: 3, owner: 'AREA_BRANCH' },
  { key: 'branch-need-material', name: '社区活动物资', category: 'MATERIAL', tags: ['物资', '活动'], quantity: 30, unit: '份', urgency: 2, owner: 'AREA_BRANCH' },
  { key: 'branch-need-lift', name: '老旧楼栋加装电梯', category: 'OTHER', tags: ['电梯', '长者', '楼栋'], quantity: 1, unit: '部', urgency: 5, owner: 'AREA_BRANCH' },
  { key: 'branch-need-legal', name: '居民法律援助', category: 'OTHER', tags: ['法律', '咨询'], quantity: 12, unit: '次', urgency: 4, owner: 'AREA_BRANCH' },
];

function branchEntries(party: Party, lastDay: number, seed: number, cid: string, counters: { Resource: number; Need: number }): PoolEntry[] {
  // A stream of its own: the entries, spaces and projects drawn from the 'pools' stream stay as they were.
  const rng = new Rng(seed, 'pools-branches');
  const entries: PoolEntry[] = [];
  for (const branch of party.branches) {
    for (const [label, templates, count] of [['Resource', BRANCH_RESOURCES, rng.int(2, 4)], ['Need', BRANCH_NEEDS, rng.int(2, 4)]] as const) {
      for (const t of rng.shuffle([...templates]).slice(0, count)) {
        const created = rng.day(0, lastDay - 120);
        const until = rng.chance(0.5) ? created + rng.int(365, 730) : undefined;
        const n = ++counters[label];
        entries.push({
          id: `${cid}:${label === 'Resource' ? 'resource' : 'need'}:${n}`, label, key: t.key, template: { ...t, quantity: Math.max(1, Math.round(t.quantity * (0.5 + rng.next()))) },
          owner: branch.id, created, until: until !== undefined && until <= lastDay ? until : undefined,
        });
      }
    }
  }
  return entries;
}

export interface PoolEntry {
  readonly id: string;
  readonly label: 'Resource' | 'Need';
  readonly key: string;
  readonly template: EntryTemplate;
  readonly owner: string;
  readonly created: number;
  readonly until: number | undefined;
}

export interface Space {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly sqm: number;
  readonly owner: { id: string; since: number };
  /** Set when activated (by a project or the space-activation list); 0 when still idle. */
  activated: number;
}

export interface Pools {
  readonly entries: readonly PoolEntry[];
  readonly spaces: readonly Space[];
}

export function planPools(pop: Population, orgs: readonly Org[], partners: readonly Partner[], party: Party, preset: Preset, seed: number, cid: string): Pools {
  const rng = new Rng(seed, 'pools');
  const r = pop.residents;
  const scale = preset.key === 'beizhan' ? 1 : 0.3;
  const owners = (t: EntryTemplate): { id: string; from: number }[] => {
    switch (t.owner) {
      case 'SERVICE_ORG': return orgs.filter((o) => o.category === 'SERVICE').slice(0, Math.max(1, Math.round(4 * scale))).map((o) => ({ id: o.id, from: o.created }));
      case 'SELF_ORG': return orgs.filter((o) => o.type === 'SELF_ORGANIZATION').filter(() => rng.chance(0.4)).map((o) => ({ id: o.id, from: o.created }));
      case 'SPACE_PARTNER': return partners.filter((p) => p.activeDay !== undefined && p.mode === 'SPACE_FOR_RESOURCES').map((p) => ({ id: p.id, from: p.activeDay! }));
      case 'AREA_BRANCH': return party.branches.filter((b) => b.area >= 0).filter((b) => t.key !== 'fall-net' || pop.areas[b.area]!.type === 'URBAN_VILLAGE').map((b) => ({ id: b.id, from: 0 }));
      case 'RESIDENT': return Array.from({ length: Math.round(12 * scale) }, () => {
        const i = r.pick(rng, 0, r.n);
        return { id: r.id(i), from: r.created[i]! };
      });
      default: return orgs.filter((o) => o.unitKind === t.owner).map((o) => ({ id: o.id, from: 0 }));
    }
  };
  const entries: PoolEntry[] = [];
  const counters = { Resource: 0, Need: 0 };
  for (const [label, templates] of [['Resource', RESOURCES], ['Need', NEEDS]] as const) {
    for (const t of templates) {
      for (const owner of owners(t)) {
        const created = rng.day(Math.max(owner.from, 0), Math.min(pop.calendar.lastDay - 200, Math.max(owner.from, 0) + 500));
        const until = rng.chance(0.6) ? created + rng.int(365, 730) : undefined;
        const n = ++counters[label];
        entries.push({
          id: `${cid}:${label === 'Resource' ? 'resource' : 'need'}:${n}`, label, key: t.key, template: t, owner: owner.id, created,
          until: until !== undefined && until <= pop.calendar.lastDay ? until : undefined,
        });
      }
    }
  }

  if (preset.key === 'beizhan') entries.push(...branchEntries(party, pop.calendar.lastDay, seed, cid, counters));

  const spaceOwners = [
    ...partners.filter((p) => p.mode === 'SPACE_FOR_RESOURCES' && p.activeDay !== undefined).map((p) => ({ id: p.id, since: p.activeDay! })),
    ...orgs.filter((o) => o.unitKind === 'GOVERNMENT_OFFICE' || o.unitKind === 'ENTERPRISE').map((o) => ({ id: o.id, since: 0 })),
  ];
  const spaces: Space[] = Array.from({ length: preset.spaces }, (_, k) => {
    const area = pop.areas[k % pop.areas.length]!;
    const branch = party.branches.find((b) => b.area === area.index)!;
    const owner = spaceOwners.length > 0 && rng.chance(0.5) ? rng.pick(spaceOwners) : { id: branch.id, since: 0 };
    return {
      id: `${cid}:space:${k + 1}`, name: `${area.name}${SPACE_NAMES[k % SPACE_NAMES.length]}`, address: area.name,
      sqm: rng.int(30, 400), owner, activated: 0,
    };
  });
  return { entries, spaces };
}

/** Spaces on the space-activation list that are activated without a project (after the intervention). */
export function activateListedSpaces(pools: Pools, seed: number, { lastDay, interventionDay }: DemoCalendar): void {
  const rng = new Rng(seed, 'space-activation');
  for (const s of pools.spaces) {
    if (s.activated === 0 && rng.chance(0.4)) s.activated = rng.day(interventionDay, lastDay - 30);
  }
}

export async function emitPoolNodes(out: Output, pools: Pools): Promise<void> {
  for (const s of pools.spaces) {
    await out.node('Space', s.id, 0, { name: s.name, status: s.activated > 0 ? 'ACTIVATED' : 'IDLE', areaSqm: s.sqm, address: s.address });
  }
  for (const label of ['Resource', 'Need'] as const) {
    for (const e of pools.entries) {
      if (e.label !== label) continue;
      const t = e.template;
      await out.node(label, e.id, e.created, {
        name: t.name, category: t.category, tags: [...t.tags], quantity: t.quantity, unit: t.unit,
        ...(label === 'Need' && t.urgency !== undefined ? { urgency: t.urgency } : {}),
        validFrom: out.calendar.dateOf(e.created),
        ...(e.until !== undefined ? { validUntil: out.calendar.dateOf(e.until) } : {}),
      });
    }
  }
}

export async function emitPoolRels(out: Output, pools: Pools, conferenceId: string): Promise<void> {
  const span = (e: PoolEntry) => (e.until !== undefined ? { since: e.created, until: e.until } : { since: e.created });
  for (const s of pools.spaces) await out.rel('OFFER', s.owner.id, s.id, { since: s.owner.since });
  for (const e of pools.entries) if (e.label === 'Resource') await out.rel('OFFER', e.owner, e.id, span(e));
  for (const e of pools.entries) if (e.label === 'Need') await out.rel('NEED_OWNER', e.owner, e.id, span(e));
  for (const e of pools.entries) await out.rel('POOL_ENTRY', e.id, conferenceId, span(e));
}

export async function emitSpaceChanges(out: Output, pools: Pools): Promise<void> {
  for (const s of pools.spaces) {
    if (s.activated > 0) await out.change('Space', s.id, 'status', 'IDLE', 'ACTIVATED', s.activated, '居民议事会通过改造方案，空间激活');
  }
}

