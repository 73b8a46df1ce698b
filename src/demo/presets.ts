/**
 * The two demo communities. `beizhan` follows the scale of Shenzhen's Beizhan community (seeds/003:
 * 72,000 people; 4 garden estates, 3 urban villages and 1 affordable-housing estate; a Party joint
 * conference of 1 + 14 + 25; 28 social organisations; 30+ resident units; 9,000+ time-bank members
 * and 62,000+ service hours). `small` keeps the same shapes at about 2,000 residents for first starts
 * and tests. `city100k` is `beizhan` scaled to 100,000 residents (every count × 100/72) for the
 * projection benchmark (bench/projection.ts); the generator's few `key === 'beizhan'` switches (how
 * many organisations, pool entries, cross-estate activities per month, partner conversions) take
 * their smaller branch for it. All names are invented: the data are synthetic and the community's
 * name says so.
 */
import type { TermOf } from '../domain/vocabulary.ts';

export type DemoPreset = 'small' | 'beizhan' | 'city100k';
export type HousingType = TermOf<'HousingType'>;
export type UnitKind = TermOf<'UnitKind'>;

export interface AreaPreset {
  readonly name: string;
  readonly type: HousingType;
  readonly residents: number;
  readonly buildings: number;
}

export interface Preset {
  readonly key: DemoPreset;
  /** Prefix of registration numbers, e.g. BZ-HHR-2024-017. */
  readonly code: string;
  /** Short name used inside organisation names (北站社区太极协会). */
  readonly short: string;
  readonly name: string;
  readonly district: string;
  /** Areas in housing-type order; residents are laid out area by area, building by building. */
  readonly areas: readonly AreaPreset[];
  readonly socialOrgs: { readonly coGovernance: number; readonly service: number; readonly cultureSports: number };
  readonly selfOrgs: number;
  /** Self-organisations run by one leader without a core team (seeds/004's leader-dependence risk). */
  readonly leaderDependent: number;
  readonly units: Readonly<Record<Exclude<UnitKind, 'OTHER'>, number>>;
  /** Direct branches beyond one per area (retired members, building heads' association, …). */
  readonly functionalBranches: number;
  readonly unitPartyOrgs: number;
  readonly partners: { readonly business: number; readonly group: number; readonly individual: number };
  readonly projects: number;
  readonly spaces: number;
  readonly timebank: { readonly members: number; readonly hours: number };
  readonly partyShare: number;
  /** Shares of residents who reach at least good person / capable person / group leader. */
  readonly cultivation: { readonly good: number; readonly capable: number; readonly leader: number };
}

const BEIZHAN: Preset = {
  key: 'beizhan',
  code: 'BZ',
  short: '北站',
  name: '北站社区（演示）',
  district: '深圳市龙华区民治街道（合成演示数据）',
  areas: [
    { name: '锦绣华庭', type: 'GARDEN_ESTATE', residents: 7_200, buildings: 24 },
    { name: '云峰花园', type: 'GARDEN_ESTATE', residents: 6_800, buildings: 20 },
    { name: '翠湖名苑', type: 'GARDEN_ESTATE', residents: 7_600, buildings: 26 },
    { name: '星河湾畔', type: 'GARDEN_ESTATE', residents: 6_400, buildings: 18 },
    { name: '东坑村', type: 'URBAN_VILLAGE', residents: 12_000, buildings: 156 },
    { name: '樟林村', type: 'URBAN_VILLAGE', residents: 9_500, buildings: 110 },
    { name: '石角村', type: 'URBAN_VILLAGE', residents: 8_500, buildings: 95 },
    { name: '安居雅苑', type: 'AFFORDABLE_HOUSING', residents: 14_000, buildings: 22 },
  ],
  socialOrgs: { coGovernance: 8, service: 10, cultureSports: 10 },
  selfOrgs: 24,
  leaderDependent: 3,
  units: { SCHOOL: 5, POLICE_STATION: 3, TRANSPORT_HUB: 2, ENTERPRISE: 10, GOVERNMENT_OFFICE: 11, HOSPITAL: 2 },
  functionalBranches: 6,
  unitPartyOrgs: 25,
  partners: { business: 20, group: 14, individual: 22 },
  projects: 48,
  spaces: 20,
  timebank: { members: 9_400, hours: 64_000 },
  partyShare: 0.08,
  cultivation: { good: 0.06, capable: 0.018, leader: 0.005 },
};

/**
 * A preset with every count of `base` multiplied by `factor` (shares unchanged): the same community
 * structure at another scale, e.g. city100k for the 100k-resident projection bench.
 */
function scaled(base: Preset, factor: number, identity: Pick<Preset, 'key' | 'code' | 'short' | 'name' | 'district'>): Preset {
  const r = (n: number) => Math.round(n * factor);
  const each = <T extends Record<string, number>>(counts: T): T => Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, r(n)])) as T;
  return {
    ...base,
    ...identity,
    areas: base.areas.map((a) => ({ ...a, residents: r(a.residents), buildings: r(a.buildings) })),
    socialOrgs: each(base.socialOrgs),
    selfOrgs: r(base.selfOrgs),
    leaderDependent: r(base.leaderDependent),
    units: each(base.units),
    functionalBranches: r(base.functionalBranches),
    unitPartyOrgs: r(base.unitPartyOrgs),
    partners: each(base.partners),
    projects: r(base.projects),
    spaces: r(base.spaces),
    timebank: each(base.timebank),
  };
}

export const PRESETS: Readonly<Record<DemoPreset, Preset>> = {
  small: {
    key: 'small',
    code: 'DM',
    short: '演示',
    name: '演示社区（小）',
    district: '演示区（合成数据）',
    areas: [
      { name: '锦绣华庭', type: 'GARDEN_ESTATE', residents: 600, buildings: 6 },
      { name: '云峰花园', type: 'GARDEN_ESTATE', residents: 500, buildings: 5 },
      { name: '东坑村', type: 'URBAN_VILLAGE', residents: 500, buildings: 12 },
      { name: '安居雅苑', type: 'AFFORDABLE_HOUSING', residents: 400, buildings: 4 },
    ],
    socialOrgs: { coGovernance: 2, service: 3, cultureSports: 3 },
    selfOrgs: 8,
    leaderDependent: 1,
    units: { SCHOOL: 1, POLICE_STATION: 1, TRANSPORT_HUB: 1, ENTERPRISE: 2, GOVERNMENT_OFFICE: 1, HOSPITAL: 1 },
    functionalBranches: 0,
    unitPartyOrgs: 5,
    partners: { business: 4, group: 3, individual: 5 },
    projects: 12,
    spaces: 6,
    timebank: { members: 260, hours: 1_800 },
    partyShare: 0.08,
    cultivation: { good: 0.06, capable: 0.018, leader: 0.005 },
  },
  beizhan: BEIZHAN,
  city100k: scaled(BEIZHAN, 100_000 / 72_000, {
    key: 'city100k',
    code: 'CT',
    short: '城北',
    name: '城北社区（十万人演示）',
    district: '演示区（合成数据，按北站比例放大到十万人）',
  }),
};

export const DEFAULT_SEED = 20240601;
