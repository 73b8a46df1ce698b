/**
 * Projects under the six leverage points (seeds/002) moving through the public-welfare claiming
 * workflow of Zuo'anpuyuan (seeds/004): need collected → published → claimed at a claiming meeting →
 * in progress → evaluated, with the occasional step back. Projects address needs from the pool, use
 * resources and activate idle spaces; partners that claim a project run it.
 */
import type { TermOf } from '../domain/vocabulary.ts';
import type { Org } from './organisations.ts';
import { emitWalk, finalState, type Output, type Walk } from './output.ts';
import { activeOn, type Partner } from './partners.ts';
import type { Population } from './people.ts';
import type { Pools } from './pools.ts';
import type { Preset, UnitKind } from './presets.ts';
import { Rng } from './random.ts';
import { WalkBuilder } from './walks.ts';

type LeveragePoint = TermOf<'LeveragePoint'>;
type Claimant = UnitKind | 'SOCIAL' | 'SELF' | 'PARTNER' | 'RESIDENT';

interface Template {
  readonly name: string;
  readonly lp: LeveragePoint;
  readonly claimant: Claimant;
  readonly need?: string;
  readonly resource?: string;
  readonly space?: boolean;
  readonly description: string;
}

// The first entries carry the conference's matching story, so even the small preset has them.
const TEMPLATES: readonly Template[] = [
  { name: '交通安全进校园', lp: 'PUBLIC_AFFAIRS', claimant: 'POLICE_STATION', need: 'traffic-training', resource: 'traffic-course', description: '派出所民警进校园讲授交通安全课程' },
  { name: '小小文明劝导员', lp: 'SERVICE_NEEDS', claimant: 'SCHOOL', need: 'hub-volunteers', resource: 'student-volunteers', description: '寒暑假招募学生义工协助高铁站文明出行引导' },
  { name: '闲置地下室改造共享书屋', lp: 'PUBLIC_SPACE', claimant: 'PARTNER', space: true, description: '以空间换资源，把闲置地下室改成共享书屋' },
  { name: '学生志愿服务岗位对接', lp: 'SERVICE_NEEDS', claimant: 'TRANSPORT_HUB', need: 'student-hours', resource: 'hub-posts', description: '车站提供志愿岗位，学生获得志愿服务时长' },
  { name: '四点半课堂', lp: 'SERVICE_NEEDS', claimant: 'SOCIAL', need: 'after-school', space: true, description: '为双职工家庭儿童提供课后托管与作业辅导' },
  { name: '垃圾分类督导', lp: 'ECOLOGY', claimant: 'SELF', need: 'garbage', description: '楼栋志愿者轮值督导垃圾分类' },
  { name: '社区创业市集', lp: 'INDUSTRY', claimant: 'PARTNER', resource: 'csr-fund', description: '每月一次的居民创业与二手市集' },
  { name: '邻里文化节', lp: 'CULTURE', claimant: 'SOCIAL', description: '跨小区、跨城中村的邻里文化节' },
  { name: '城中村防坠网议案', lp: 'PUBLIC_AFFAIRS', claimant: 'SOCIAL', need: 'fall-net', resource: 'csr-fund', description: '楼长协会调研、议事会表决加装防坠网' },
  { name: '长者助餐服务', lp: 'SERVICE_NEEDS', claimant: 'PARTNER', need: 'elder-meals', description: '社区食堂为独居老人提供平价午餐' },
  { name: '架空层邻里客厅', lp: 'PUBLIC_SPACE', claimant: 'SELF', space: true, description: '把架空层改造为居民议事和休闲的邻里客厅' },
  { name: '社区口述史', lp: 'CULTURE', claimant: 'RESIDENT', description: '居民采访老街坊，记录社区变迁' },
  { name: '楼栋议事会规范化', lp: 'PUBLIC_AFFAIRS', claimant: 'RESIDENT', description: '引入议事规则，规范楼栋议事会' },
  { name: '社区小菜园', lp: 'ECOLOGY', claimant: 'SELF', space: true, description: '闲置空地改为居民共建共享的小菜园' },
  { name: '新市民就业技能培训', lp: 'INDUSTRY', claimant: 'ENTERPRISE', resource: 'staff-volunteers', description: '企业员工为新市民开设就业技能课' },
  { name: '长者健康义诊', lp: 'SERVICE_NEEDS', claimant: 'HOSPITAL', need: 'clinic-need', resource: 'clinic', description: '社区健康服务中心定期义诊' },
  { name: '旧物交换市集', lp: 'ECOLOGY', claimant: 'PARTNER', description: '旧物交换，减少浪费' },
  { name: '出租屋消防安全宣传', lp: 'PUBLIC_AFFAIRS', claimant: 'GOVERNMENT_OFFICE', resource: 'meeting-room', description: '消防站进城中村开展出租屋消防宣传' },
  { name: '车棚改造儿童活动角', lp: 'PUBLIC_SPACE', claimant: 'SOCIAL', space: true, description: '废弃车棚改造成儿童活动角' },
  { name: '端午包粽子', lp: 'CULTURE', claimant: 'SELF', description: '端午节邻里包粽子，送给独居老人' },
  { name: '家政技能培训', lp: 'INDUSTRY', claimant: 'SOCIAL', description: '为全职妈妈提供家政技能培训' },
  { name: '中秋游园会', lp: 'CULTURE', claimant: 'PARTNER', description: '商家赞助的中秋游园会' },
  { name: '节水护河行动', lp: 'ECOLOGY', claimant: 'SOCIAL', description: '环保志愿者巡河、宣传节水' },
  { name: '社区电商直播培训', lp: 'INDUSTRY', claimant: 'PARTNER', description: '教居民和小商户做社区电商直播' },
];

export interface Project {
  readonly id: string;
  readonly name: string;
  readonly template: Template;
  readonly created: number;
  readonly status: Walk;
  /** CLAIM rows: who and when (a project re-claimed after a withdrawal has several). */
  readonly claims: { id: string; day: number; partner: boolean }[];
  readonly startDay: number | undefined;
  readonly endDay: number | undefined;
  readonly needs: { id: string; since: number }[];
  readonly uses: { id: string; since: number }[];
}

export function planProjects(pop: Population, orgs: readonly Org[], partners: readonly Partner[], pools: Pools, preset: Preset, seed: number, cid: string): Project[] {
  const rng = new Rng(seed, 'projects');
  const r = pop.residents;
  const { lastDay, interventionDay } = pop.calendar;
  const capable: number[] = [];
  for (let i = 0; i < r.n; i++) if (r.maxStage[i]! >= 2) capable.push(i);
  const spaceUsed = new Set<string>();
  const claimant = (kind: Claimant, day: number): { id: string; partner: boolean } => {
    if (kind === 'PARTNER') {
      const active = partners.filter((p) => activeOn(p, day));
      if (active.length > 0) return { id: rng.pick(active).id, partner: true };
      kind = 'SOCIAL';
    }
    if (kind === 'RESIDENT') {
      const ready = capable.filter((i) => r.stageDay[i * 3 + 1]! <= day);
      if (ready.length > 0) return { id: r.id(rng.pick(ready)), partner: false };
      kind = 'SOCIAL';
    }
    const pool = orgs.filter((o) =>
      o.created <= day && (kind === 'SOCIAL' ? o.type === 'SOCIAL_ORGANIZATION' : kind === 'SELF' ? o.type === 'SELF_ORGANIZATION' : o.unitKind === kind));
    return { id: rng.pick(pool.length > 0 ? pool : orgs.filter((o) => o.type === 'SOCIAL_ORGANIZATION')).id, partner: false };
  };

  return Array.from({ length: preset.projects }, (_, k) => {
    const t = TEMPLATES[k % TEMPLATES.length]!;
    // More projects are collected after the intervention.
    const created = rng.chance(0.35) ? rng.day(30, interventionDay - 30) : rng.day(interventionDay, lastDay - 120);
    const w = new WalkBuilder('Project', 'status', 'COLLECTED', created, lastDay);
    const claims: Project['claims'] = [];
    const claim = () => {
      claims.push({ ...claimant(t.claimant, w.lastDay), day: w.lastDay });
      if (rng.chance(0.3)) claims.push({ ...claimant(rng.chance(0.5) ? 'PARTNER' : 'SOCIAL', w.lastDay), day: w.lastDay });
    };
    let startDay: number | undefined;
    let endDay: number | undefined;
    if (w.step(rng, 'PUBLISHED', 7, 30, '在居民议事会和联席会公开发布')) {
      if (rng.chance(0.06) && w.step(rng, 'COLLECTED', 5, 20, '需求描述不清，退回重新收集')) w.step(rng, 'PUBLISHED', 7, 30, '补充需求后重新发布');
      if (w.is('PUBLISHED') && w.step(rng, 'CLAIMED', 7, 45, '在公益认领会上被认领')) {
        claim();
        if (rng.chance(0.06) && w.step(rng, 'PUBLISHED', 10, 40, '认领方退出，重新发布') && w.step(rng, 'CLAIMED', 7, 30, '再次认领')) claim();
        if (w.is('CLAIMED') && w.step(rng, 'IN_PROGRESS', 7, 30, '完成认领方培训，开始实施')) {
          startDay = w.lastDay;
          if (w.step(rng, 'EVALUATED', 60, 240, '居民参与式评估完成')) endDay = w.lastDay;
        }
      }
    }
    const year = pop.calendar.yearOf(created);
    const repeat = k >= TEMPLATES.length || preset.projects > TEMPLATES.length;
    const pickEntry = (key: string | undefined, label: 'Resource' | 'Need') => {
      const options = pools.entries.filter((e) => e.label === label && e.key === key);
      return options.length > 0 ? rng.pick(options) : undefined;
    };
    const needs: Project['needs'] = [];
    const need = pickEntry(t.need, 'Need');
    if (need) needs.push({ id: need.id, since: Math.max(created, need.created) });
    const uses: Project['uses'] = [];
    const resource = pickEntry(t.resource, 'Resource');
    if (resource && startDay !== undefined) uses.push({ id: resource.id, since: Math.max(startDay, resource.created) });
    if (t.space && startDay !== undefined) {
      const space = pools.spaces.find((s) => s.activated > 0 && s.activated <= startDay! && !spaceUsed.has(s.id))
        ?? pools.spaces.find((s) => s.activated === 0);
      if (space) {
        if (space.activated === 0) space.activated = Math.max(1, startDay - rng.int(3, 20));
        spaceUsed.add(space.id);
        uses.push({ id: space.id, since: startDay });
      }
    }
    return {
      id: `${cid}:project:${k + 1}`, name: repeat ? `${t.name}（${year}）` : t.name, template: t, created,
      status: w.build(), claims, startDay, endDay, needs, uses,
    };
  });
}

export async function emitProjectNodes(out: Output, projects: readonly Project[]): Promise<void> {
  for (const p of projects) {
    await out.node('Project', p.id, p.created, {
      name: p.name, leveragePoint: p.template.lp, status: finalState(p.status), description: p.template.description,
      ...(p.startDay !== undefined ? { startsAt: out.calendar.dateOf(p.startDay) } : {}),
      ...(p.endDay !== undefined ? { endsAt: out.calendar.dateOf(p.endDay) } : {}),
    });
  }
}

export async function emitProjectRels(out: Output, projects: readonly Project[], conferenceId: string): Promise<void> {
  const span = (since: number, p: Project) => (p.endDay !== undefined ? { since, until: Math.max(since, p.endDay) } : { since });
  for (const p of projects) await out.rel('POOL_ENTRY', p.id, conferenceId, span(p.created, p));
  for (const p of projects) for (const c of p.claims) await out.rel('CLAIM', c.id, p.id, { at: out.calendar.dateOf(c.day, 14) });
  for (const p of projects) {
    // The partner among the last claimants runs the project once it is under way.
    const runner = p.claims.at(-1);
    if (runner?.partner && p.startDay !== undefined) await out.rel('PROJECT_RUN', runner.id, p.id, span(p.startDay, p));
  }
  for (const p of projects) for (const n of p.needs) await out.rel('NEED_ADDRESSED', p.id, n.id, span(n.since, p));
  for (const p of projects) for (const u of p.uses) await out.rel('RESOURCE_USE', p.id, u.id, span(u.since, p));
}

export async function emitProjectChanges(out: Output, projects: readonly Project[]): Promise<void> {
  for (const p of projects) await emitWalk(out, 'Project', p.id, 'status', p.status);
}
