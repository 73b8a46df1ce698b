/**
 * Community partners (社区合伙人, seeds/000 and 001): business, community-group and individual
 * partners recruited in call rounds and walked through the Nansha lifecycle (call → application →
 * collective consultation → roadshow review → registration number → dynamic exit); a few convert
 * kind. Active partners feed revenue, material and service back to the community fund, as do
 * resident units and some residents.
 */
import type { PartnerKind, TermOf } from '../domain/vocabulary.ts';
import { BUSINESS_PARTNERS, INDIVIDUAL_PARTNERS, SURNAMES } from './names.ts';
import type { Org } from './organisations.ts';
import { emitWalk, finalState, type Output, type Walk } from './output.ts';
import type { Population } from './people.ts';
import type { Preset } from './presets.ts';
import { Rng } from './random.ts';
import { WalkBuilder } from './walks.ts';

type Mode = TermOf<'CooperationMode'>;

export interface Partner {
  readonly id: string;
  readonly name: string;
  readonly created: number;
  readonly kind: Walk;
  readonly status: Walk;
  readonly mode: Mode;
  readonly description: string;
  readonly backer: { id: string; since: number } | undefined;
  readonly registrationNumber: string | undefined;
  readonly activeDay: number | undefined;
  readonly exitDay: number | undefined;
}

export const activeOn = (p: Partner, day: number): boolean =>
  p.activeDay !== undefined && p.activeDay <= day && (p.exitDay === undefined || day < p.exitDay);

const MODES: Record<PartnerKind, Mode[]> = {
  BUSINESS: ['SPACE_FOR_RESOURCES', 'MARKET_LED', 'COMPLEMENTARY_INTERESTS'],
  COMMUNITY_GROUP: ['VENTURE_PHILANTHROPY', 'SPACE_FOR_RESOURCES'],
  INDIVIDUAL: ['COMPLEMENTARY_INTERESTS', 'VENTURE_PHILANTHROPY'],
};
const DESCRIPTIONS: Record<Mode, string> = {
  SPACE_FOR_RESOURCES: '以空间换资源：为社区活动提供场地，社区为其引流',
  MARKET_LED: '市场主导：提供平价便民服务，按营收比例反哺社区基金',
  COMPLEMENTARY_INTERESTS: '利益互补：以技能服务居民，换取社区推广与场地支持',
  VENTURE_PHILANTHROPY: '公益创投：承接社区微项目，接受过程评估',
};
const EXIT_REASONS = ['年度评估公共性不足，动态退出', '经营调整，主动退出', '负责人搬离社区，退出合作'];
const REJECTED = ['集体协商未通过', '路演评审未通过', '申请材料不全，未进入下一轮'];

export function planPartners(pop: Population, orgs: readonly Org[], preset: Preset, seed: number, cid: string): Partner[] {
  const rng = new Rng(seed, 'partners');
  const r = pop.residents;
  const { lastDay, interventionDay } = pop.calendar;
  // Nansha-style public calls, a few rounds a year, more after the intervention.
  const rounds = [40, 220, 420, interventionDay + 10, 680, 800, 930];
  const cultivated: number[] = [];
  for (let i = 0; i < r.n; i++) if (r.maxStage[i]! >= 1) cultivated.push(i);
  const groups = orgs.filter((o) => o.type === 'SELF_ORGANIZATION' || (o.type === 'SOCIAL_ORGANIZATION' && o.category !== 'CO_GOVERNANCE'));
  const enterprises = orgs.filter((o) => o.unitKind === 'ENTERPRISE');
  const kinds: PartnerKind[] = [
    ...Array<PartnerKind>(preset.partners.business).fill('BUSINESS'),
    ...Array<PartnerKind>(preset.partners.group).fill('COMMUNITY_GROUP'),
    ...Array<PartnerKind>(preset.partners.individual).fill('INDIVIDUAL'),
  ];
  const seq = new Map<number, number>();
  const usedGroups = new Set<Org>();
  const partners: Partner[] = [];
  let conversions = 0;

  kinds.forEach((kind, k) => {
    const created = rng.pick(rounds) + rng.int(0, 20);
    let name: string;
    let backer: Partner['backer'];
    if (kind === 'INDIVIDUAL') {
      const eligible = cultivated.filter((i) => r.created[i]! <= created);
      const i = rng.pick(eligible.length > 0 ? eligible : [0]);
      backer = { id: r.id(i), since: created };
      name = `${rng.pick(SURNAMES)}${INDIVIDUAL_PARTNERS[k % INDIVIDUAL_PARTNERS.length]}`;
    } else if (kind === 'COMMUNITY_GROUP') {
      const options = groups.filter((o) => o.created <= created && !usedGroups.has(o));
      const org = options.length > 0 ? rng.pick(options) : undefined;
      if (org) usedGroups.add(org);
      backer = org ? { id: org.id, since: created } : undefined;
      name = org ? `${org.name}公益合伙团队` : `${preset.short}社区邻里互助团队${k}`;
    } else {
      const base = BUSINESS_PARTNERS[k % BUSINESS_PARTNERS.length]!;
      name = k >= BUSINESS_PARTNERS.length ? `${pop.areas[k % pop.areas.length]!.name}${base}` : base;
      if (enterprises.length > 0 && rng.chance(0.35)) backer = { id: rng.pick(enterprises).id, since: created };
      else {
        let i = r.pick(rng, 0, r.n);
        for (let t = 0; t < 20 && r.created[i]! > created; t++) i = r.pick(rng, 0, r.n);
        backer = r.created[i]! <= created ? { id: r.id(i), since: created } : undefined;
      }
    }

    const status = new WalkBuilder('Partner', 'status', 'CALLED', created, lastDay);
    const fate = rng.next();
    const path = ['APPLIED', 'CONSULTED', 'REVIEWED', 'ACTIVE'] as const;
    const evidence = ['提交合伙人申请表', '社区集体协商会议通过', `路演评审得分${rng.int(72, 95)}分`];
    const stopAt = fate < 0.12 ? rng.int(0, 2) : 4;
    let activeDay: number | undefined;
    let exitDay: number | undefined;
    let registrationNumber: string | undefined;
    for (let s = 0; s < stopAt; s++) {
      const to = path[s]!;
      if (to === 'ACTIVE') {
        if (!status.step(rng, to, 7, 30)) break;
        activeDay = status.lastDay;
        const year = pop.calendar.yearOf(activeDay);
        const n = (seq.get(year) ?? 0) + 1;
        seq.set(year, n);
        registrationNumber = `${preset.code}-HHR-${year}-${String(n).padStart(3, '0')}`;
        status.annotate(`挂牌编号 ${registrationNumber}`);
      } else if (!status.step(rng, to, 7, 40, evidence[s])) break;
    }
    if (stopAt < 4 && status.state !== 'ACTIVE') {
      if (status.step(rng, 'EXITED', 7, 30, rng.pick(REJECTED))) exitDay = status.lastDay;
    } else if (activeDay !== undefined && rng.chance(0.15)) {
      if (status.step(rng, 'EXITED', 120, 500, rng.pick(EXIT_REASONS))) exitDay = status.lastDay;
    }

    const kindWalk = new WalkBuilder('Partner', 'kind', kind, created, lastDay);
    if (activeDay !== undefined && exitDay === undefined && conversions < (preset.key === 'beizhan' ? 3 : 1)) {
      if (kind === 'INDIVIDUAL' && kindWalk.stepAt('COMMUNITY_GROUP', activeDay + rng.int(100, 300), '个体合伙人组建团队，转为社群合伙人')) conversions++;
      else if (kind === 'COMMUNITY_GROUP' && kindWalk.stepAt('BUSINESS', activeDay + rng.int(150, 400), '社群合伙人注册为社会企业')) conversions++;
    }
    const mode = rng.pick(MODES[kind]);
    partners.push({
      id: `${cid}:partner:${k + 1}`, name, created, kind: kindWalk.build(), status: status.build(), mode,
      description: DESCRIPTIONS[mode], backer, registrationNumber, activeDay, exitDay,
    });
  });
  return partners;
}

export async function emitPartnerNodes(out: Output, partners: readonly Partner[], fundId: string, preset: Preset): Promise<void> {
  for (const p of partners) {
    await out.node('Partner', p.id, p.created, {
      name: p.name,
      kind: finalState(p.kind),
      status: finalState(p.status),
      cooperationMode: p.mode,
      description: p.description,
      ...(p.registrationNumber ? { registrationNumber: p.registrationNumber } : {}),
    }, p.exitDay);
  }
  await out.node('Fund', fundId, 0, { name: `${preset.short}社区公益基金（演示）`, description: '合成演示数据：合伙人营收反哺、驻区单位与居民捐赠' });
}

export async function emitBackings(out: Output, partners: readonly Partner[]): Promise<void> {
  for (const p of partners) if (p.backer) await out.rel('BACKING', p.id, p.backer.id, { since: p.backer.since });
}

export async function emitContributions(out: Output, partners: readonly Partner[], orgs: readonly Org[], pop: Population, fundId: string, seed: number): Promise<void> {
  const rng = new Rng(seed, 'contributions');
  const { lastDay, yearStarts } = pop.calendar;
  const dateAt = (day: number): Date => pop.calendar.dateOf(day, 15);
  const money = (lo: number, hi: number) => Math.round(rng.int(lo, hi) / 50) * 50;
  for (const p of partners) {
    if (p.activeDay === undefined) continue;
    const end = Math.min(p.exitDay ?? lastDay, lastDay);
    const kind = p.kind.initial as PartnerKind;
    for (let day = p.activeDay + rng.int(10, 40); day < end; day += rng.int(45, 120)) {
      const roll = rng.next();
      const [k, amount, description] =
        kind === 'BUSINESS' ? (roll < 0.6 ? ['MONEY', money(500, 5000), '营收反哺社区基金'] : ['MATERIAL', money(300, 3000), '捐赠活动物资'])
        : kind === 'COMMUNITY_GROUP' ? (roll < 0.7 ? ['SERVICE', money(200, 1500), '志愿服务折算'] : ['MATERIAL', money(200, 1200), '捐赠活动物资'])
        : roll < 0.8 ? ['SERVICE', money(100, 800), '技能服务折算'] : ['MONEY', money(100, 1000), '个人捐赠'];
      await out.rel('CONTRIBUTION', p.id, fundId, { at: dateAt(day) }, { kind: k, amount, description });
    }
  }
  for (const o of orgs) {
    if (o.unitKind !== 'ENTERPRISE') continue;
    for (const year of yearStarts) {
      await out.rel('CONTRIBUTION', o.id, fundId, { at: dateAt(year + rng.int(60, 330)) }, { kind: 'MONEY', amount: money(10_000, 50_000), description: '年度公益捐赠' });
    }
  }
  const r = pop.residents;
  const donors = Math.round(r.n * 0.008);
  for (let k = 0; k < donors; k++) {
    const i = r.pick(rng, 0, r.n);
    const day = rng.day(r.created[i]! + 1, lastDay);
    await out.rel('CONTRIBUTION', r.id(i), fundId, { at: dateAt(day) }, { kind: 'MONEY', amount: money(50, 500), description: '邻里节爱心捐款' });
  }
}

export async function emitPartnerChanges(out: Output, partners: readonly Partner[]): Promise<void> {
  for (const p of partners) {
    await emitWalk(out, 'Partner', p.id, 'status', p.status);
    await emitWalk(out, 'Partner', p.id, 'kind', p.kind);
  }
}

