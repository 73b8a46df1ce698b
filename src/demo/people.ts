/**
 * Residents, housing areas and buildings. Residents are laid out area by area (areas in housing-type
 * order) and building by building, so an area, a building or a housing type is a contiguous index
 * range. Per-resident state lives in typed arrays (a few dozen bytes a resident) because `beizhan`
 * has 72,000 of them.
 */
import type { DemoCalendar } from './calendar.ts';
import { displayName, SKILLS, TAGS } from './names.ts';
import type { Output } from './output.ts';
import type { HousingType, Preset } from './presets.ts';
import { Rng } from './random.ts';

export const PARTY = 1;
export const HUKOU = 2;
export const HEAD = 4;
export const TIMEBANK = 8;

export const STAGES = ['UNIDENTIFIED', 'GOOD_PERSON', 'CAPABLE_PERSON', 'GROUP_LEADER'] as const;

export interface Area {
  readonly index: number;
  readonly name: string;
  readonly type: HousingType;
  readonly start: number;
  readonly end: number;
  readonly firstBuilding: number;
  readonly lastBuilding: number;
}

export interface Building {
  readonly name: string;
  readonly area: number;
  readonly start: number;
  readonly end: number;
  head: number;
}

export class Residents {
  readonly area: Uint8Array;
  readonly building: Uint16Array;
  readonly created: Uint16Array;
  /** How readily a resident takes part (lognormal); drives attendance, the time bank and cultivation. */
  readonly weight: Float32Array;
  readonly flags: Uint8Array;
  /** Index of the Party branch of a Party member, 255 for none. */
  readonly branch: Uint8Array;
  /** Highest cultivation stage reached (index into STAGES) and the day each stage 1..3 was reached. */
  readonly maxStage: Uint8Array;
  readonly stageDay: Uint16Array;
  /** Day of a step back (one stage down), for the few who withdraw; 0 for none. */
  readonly backDay: Uint16Array;
  /** Cumulative participation weight, for weighted picks within an index range (see pick). */
  cum: Float64Array = new Float64Array(0);

  constructor(readonly n: number, readonly communityId: string) {
    this.area = new Uint8Array(n);
    this.building = new Uint16Array(n);
    this.created = new Uint16Array(n);
    this.weight = new Float32Array(n);
    this.flags = new Uint8Array(n);
    this.branch = new Uint8Array(n).fill(255);
    this.maxStage = new Uint8Array(n);
    this.stageDay = new Uint16Array(n * 3);
    this.backDay = new Uint16Array(n);
  }

  id(i: number): string {
    return `${this.communityId}:res:${i + 1}`;
  }

  has(i: number, flag: number): boolean {
    return (this.flags[i]! & flag) !== 0;
  }

  finalStage(i: number): number {
    return this.maxStage[i]! - (this.backDay[i]! > 0 ? 1 : 0);
  }

  /** Participation weight used for attendance and exchanges: active and cultivated residents first. */
  buildParticipation(): void {
    this.cum = new Float64Array(this.n + 1);
    for (let i = 0; i < this.n; i++) {
      const w = this.weight[i]! * (1 + 0.8 * this.maxStage[i]!) * (this.has(i, TIMEBANK) ? 1.3 : 1);
      this.cum[i + 1] = this.cum[i]! + w;
    }
  }

  /** A resident in [start, end) with probability proportional to participation weight. */
  pick(rng: Rng, start: number, end: number): number {
    const cum = this.cum;
    const r = cum[start]! + rng.next() * (cum[end]! - cum[start]!);
    let lo = start;
    let hi = end - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid + 1]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

export interface Population {
  readonly residents: Residents;
  readonly areas: readonly Area[];
  readonly buildings: readonly Building[];
  /** Index range of each housing type present, in area order. */
  readonly types: readonly { type: HousingType; start: number; end: number }[];
  /** The days the community is planned over; every day number of the plan counts from its first day. */
  readonly calendar: DemoCalendar;
}

const HUKOU_SHARE: Record<HousingType, number> = {
  GARDEN_ESTATE: 0.6, URBAN_VILLAGE: 0.22, AFFORDABLE_HOUSING: 0.62, OLD_ESTATE: 0.5, OTHER: 0.4,
};

function buildingName(area: string, type: HousingType, k: number): string {
  return type === 'URBAN_VILLAGE' ? `${area}${k}号楼` : `${area}${k}栋`;
}

export function planPopulation(preset: Preset, seed: number, communityId: string, calendar: DemoCalendar): Population {
  const rng = new Rng(seed, 'residents');
  const total = preset.areas.reduce((s, a) => s + a.residents, 0);
  const residents = new Residents(total, communityId);
  const areas: Area[] = [];
  const buildings: Building[] = [];
  let next = 0;
  preset.areas.forEach((a, index) => {
    const shares = Array.from({ length: a.buildings }, () => 0.6 + 0.8 * rng.next());
    const sum = shares.reduce((s, x) => s + x, 0);
    const firstBuilding = buildings.length;
    const areaStart = next;
    let left = a.residents;
    shares.forEach((share, k) => {
      const size = k === shares.length - 1 ? left : Math.max(2, Math.round((a.residents * share) / sum));
      left -= size;
      buildings.push({ name: buildingName(a.name, a.type, k + 1), area: index, start: next, end: next + size, head: -1 });
      next += size;
    });
    areas.push({ index, name: a.name, type: a.type, start: areaStart, end: next, firstBuilding, lastBuilding: buildings.length });
  });

  buildings.forEach((b, bi) => {
    for (let i = b.start; i < b.end; i++) {
      residents.area[i] = b.area;
      residents.building[i] = bi;
      // Most residents are on the roster from the start; the rest move in over the three years.
      residents.created[i] = rng.chance(0.82) ? rng.int(0, 60) : rng.int(61, 1000);
      let w = Math.min(15, rng.lognormal(0, 0.9));
      let flags = rng.chance(HUKOU_SHARE[areas[b.area]!.type]) ? HUKOU : 0;
      if (rng.chance(preset.partyShare)) {
        flags |= PARTY;
        w *= 1.8;
      }
      residents.weight[i] = w;
      residents.flags[i] = flags;
    }
    // One building head per building (楼栋长), someone who has lived there from the start.
    let head = rng.int(b.start, b.end - 1);
    for (let t = 0; t < 20 && residents.created[head]! > 60; t++) head = rng.int(b.start, b.end - 1);
    b.head = head;
    residents.flags[head] = residents.flags[head]! | HEAD;
    residents.weight[head] = residents.weight[head]! * 3;
  });

  const types: { type: HousingType; start: number; end: number }[] = [];
  for (const a of areas) {
    const last = types.at(-1);
    if (last && last.type === a.type) last.end = a.end;
    else types.push({ type: a.type, start: a.start, end: a.end });
  }
  return { residents, areas, buildings, types, calendar };
}

/**
 * The `k` indices with the largest Efraimidis–Spirakis keys u^(1/w): a weighted sample without
 * replacement (Efraimidis & Spirakis 2006, "Weighted random sampling with a reservoir").
 */
export function weightedTop(rng: Rng, weights: (i: number) => number, n: number, k: number): Uint32Array {
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = weights(i);
    keys[i] = w > 0 ? Math.log(rng.next() || Number.MIN_VALUE) / w : -Infinity;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => keys[b]! - keys[a]! || a - b);
  return order.slice(0, Math.min(k, n));
}

/** Time-bank (共享会) members: the more active residents, who joined while the bank was running. */
export function planTimebankMembers(pop: Population, members: number, seed: number): void {
  const r = pop.residents;
  const chosen = weightedTop(new Rng(seed, 'timebank-members'), (i) => (r.created[i]! < pop.calendar.lastDay - 60 ? r.weight[i]! : 0), r.n, members);
  for (const i of chosen) r.flags[i] = r.flags[i]! | TIMEBANK;
}

export async function emitResidents(out: Output, pop: Population, seed: number): Promise<void> {
  const rng = new Rng(seed, 'resident-rows');
  const r = pop.residents;
  for (let i = 0; i < r.n; i++) {
    const b = pop.buildings[r.building[i]!]!;
    const area = pop.areas[b.area]!;
    const label = b.name.slice(area.name.length);
    const skills = rng.chance(0.35) ? rng.sample(SKILLS, rng.int(1, 2)) : [];
    const tags: string[] = rng.chance(0.5) ? [rng.pick(TAGS)] : [];
    if (r.has(i, TIMEBANK)) tags.push('共享会会员');
    if (r.created[i]! >= pop.calendar.interventionDay) tags.push('新入住');
    await out.node('Resident', r.id(i), r.created[i]!, {
      displayName: displayName(rng, label),
      housingArea: area.name,
      housingType: area.type,
      building: b.name,
      partyMember: r.has(i, PARTY),
      householdRegistered: r.has(i, HUKOU),
      buildingHead: r.has(i, HEAD),
      skills,
      tags,
      cultivationStage: STAGES[r.finalStage(i)],
    });
  }
}
