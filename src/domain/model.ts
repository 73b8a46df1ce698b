/**
 * The property-graph data model of DESIGN.md as data: node kinds with their properties, and
 * relationship kinds with their endpoints and time properties. The GraphQL types and inputs, the zod
 * schemas and the whitelist of labels that may be spliced into Cypher templates are derived from
 * these tables, so the model is declared exactly once.
 */
import type { VocabularyName } from './vocabulary.ts';

/**
 * Every number carries both bounds: what is outside them is refused on every write path (GraphQL,
 * importRows, the import CLI) and reported by the stored-row check. Ints stay within GraphQL's
 * 32-bit Int, floats far below the magnitudes at which sums of weights (PageRank, strength) overflow.
 * `above` makes the lower bound exclusive (a time-bank exchange of 0 hours is not an exchange).
 */
export type PropType =
  /** multiline: free text (descriptions, notes), where tab and line breaks are allowed (text-policy.ts). */
  | { kind: 'string'; max?: number; multiline?: boolean }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'float'; min: number; max: number; above?: boolean }
  | { kind: 'boolean' }
  | { kind: 'datetime' }
  | { kind: 'strings' }
  | { kind: 'enum'; vocabulary: VocabularyName };

export interface PropSpec {
  readonly type: PropType;
  /** Required when the node or relationship is created. */
  readonly required?: boolean;
  /** Changed only through a transition mutation (history kept), never by a plain update. */
  readonly state?: { initial: string };
  readonly zh: string;
  readonly en: string;
}

const str = (zh: string, en: string, required = false): PropSpec => ({ type: { kind: 'string', max: 500 }, required, zh, en });
const text = (zh: string, en: string): PropSpec => ({ type: { kind: 'string', max: 5000, multiline: true }, zh, en });
const bool = (zh: string, en: string): PropSpec => ({ type: { kind: 'boolean' }, zh, en });
const date = (zh: string, en: string, required = false): PropSpec => ({ type: { kind: 'datetime' }, required, zh, en });
const strings = (zh: string, en: string): PropSpec => ({ type: { kind: 'strings' }, zh, en });
const num = (max: number, zh: string, en: string, required = false): PropSpec => ({ type: { kind: 'float', min: 0, max }, required, zh, en });

/** The bounds chosen for each kind of number (README, "Limits on stored values"). */
export const BOUNDS = {
  /** A 社区 has thousands to tens of thousands of residents; ten million is generous for any. */
  population: 10_000_000,
  /** Units of a resource or need (people, items, sessions). */
  quantity: 1_000_000,
  /** Square metres of a space: one square kilometre. */
  areaSqm: 1_000_000,
  /** Hours of one time-bank exchange: more than zero, at most one day. */
  hours: 24,
  /** Time-bank points of one exchange. */
  points: 10_000,
  /** Yuan of one contribution to a fund: one billion. */
  amount: 1_000_000_000,
} as const;
const en = (vocabulary: VocabularyName, zh: string, enText: string, required = false): PropSpec => ({
  type: { kind: 'enum', vocabulary },
  required,
  zh,
  en: enText,
});
const state = (vocabulary: VocabularyName, initial: string, zh: string, enText: string): PropSpec => ({
  type: { kind: 'enum', vocabulary },
  state: { initial },
  zh,
  en: enText,
});

export interface NodeSpec {
  readonly label: string;
  readonly zh: string;
  readonly en: string;
  /** Plural field name of the list query. */
  readonly plural: string;
  readonly props: Readonly<Record<string, PropSpec>>;
  /** The property searched by the list filter's `search` (case-insensitive substring). */
  readonly searchProp: string;
}

export const NODE_SPECS = {
  Community: {
    label: 'Community', zh: '社区', en: 'Community', plural: 'communities', searchProp: 'name',
    props: {
      name: str('名称', 'Name', true),
      district: str('所属区', 'District'),
      population: { type: { kind: 'int', min: 0, max: BOUNDS.population }, zh: '人口', en: 'Population' },
    },
  },
  Resident: {
    label: 'Resident', zh: '居民', en: 'Resident', plural: 'residents', searchProp: 'displayName',
    props: {
      displayName: str('显示名（化名）', 'Pseudonymous display name', true),
      housingArea: str('院落/小区', 'Courtyard or estate'),
      housingType: en('HousingType', '住房类型', 'Housing type'),
      building: str('楼栋', 'Building'),
      partyMember: bool('党员', 'Party member'),
      householdRegistered: bool('户籍居民', 'Household-registered here'),
      buildingHead: bool('楼栋长', 'Building head'),
      skills: strings('技能', 'Skills'),
      tags: strings('标签', 'Tags'),
      cultivationStage: state('CultivationStage', 'UNIDENTIFIED', '培育阶段', 'Cultivation stage'),
    },
  },
  Partner: {
    label: 'Partner', zh: '社区合伙人', en: 'Community partner', plural: 'partners', searchProp: 'name',
    props: {
      name: str('名称', 'Name', true),
      kind: { ...en('PartnerKind', '类型', 'Kind', true), state: { initial: 'INDIVIDUAL' } },
      registrationNumber: str('挂牌编号', 'Registration number'),
      status: state('PartnerStatus', 'CALLED', '生命周期状态', 'Lifecycle status'),
      cooperationMode: en('CooperationMode', '合作模式', 'Cooperation mode'),
      description: text('简介', 'Description'),
    },
  },
  Organization: {
    label: 'Organization', zh: '组织', en: 'Organisation', plural: 'organizations', searchProp: 'name',
    props: {
      name: str('名称', 'Name', true),
      type: en('OrganizationType', '组织类型', 'Type', true),
      category: en('OrganizationCategory', '类别', 'Category'),
      unitKind: en('UnitKind', '驻区单位类别', 'Kind of resident unit'),
      orientation: { ...en('PublicnessOrientation', '公共性取向', 'Publicness orientation', true), state: { initial: 'SELF_BENEFIT' } },
      developmentStage: state('DevelopmentStage', 'ACTIVITIES', '发展阶段', 'Development stage'),
      registered: bool('已登记', 'Registered with the civil-affairs bureau'),
    },
  },
  PartyBranch: {
    label: 'PartyBranch', zh: '党组织', en: 'Party branch', plural: 'partyBranches', searchProp: 'name',
    props: {
      name: str('名称', 'Name', true),
      level: en('PartyBranchLevel', '层级', 'Level', true),
    },
  },
  JointConference: {
    label: 'JointConference', zh: '党组织联席会', en: 'Party joint conference', plural: 'jointConferences', searchProp: 'name',
    props: {
      name: str('名称', 'Name', true),
    },
  },
  Project: {
    label: 'Project', zh: '项目', en: 'Project', plural: 'projects', searchProp: 'name',
    props: {
      name: str('名称', 'Name', true),
      leveragePoint: en('LeveragePoint', '撬动点', 'Leverage point', true),
      status: state('ProjectStatus', 'COLLECTED', '认领流程状态', 'Claiming status'),
      description: text('简介', 'Description'),
      startsAt: date('开始', 'Starts at'),
      endsAt: date('结束', 'Ends at'),
      // Set by evaluateProject when the claiming workflow ends (seeds/004: delivered, then evaluated).
      rating: { type: { kind: 'int', min: 1, max: 5 }, zh: '评估评分（1–5）', en: 'Evaluation rating (1–5)' },
      beneficiaries: { type: { kind: 'int', min: 0, max: BOUNDS.population }, zh: '受益人数', en: 'Beneficiaries reached' },
      evaluationNotes: text('评估意见', 'Evaluation notes'),
    },
  },
  Activity: {
    label: 'Activity', zh: '活动', en: 'Activity', plural: 'activities', searchProp: 'name',
    props: {
      name: str('名称', 'Name', true),
      kind: en('ActivityKind', '类型', 'Kind', true),
      date: date('日期', 'Date', true),
      location: str('地点', 'Location'),
    },
  },
  Resource: {
    label: 'Resource', zh: '资源', en: 'Resource (resource pool entry)', plural: 'resources', searchProp: 'name',
    props: {
      name: str('名称', 'Name', true),
      category: en('PoolCategory', '类别', 'Category', true),
      tags: strings('标签', 'Tags'),
      quantity: num(BOUNDS.quantity, '数量/容量', 'Quantity or capacity'),
      unit: str('单位', 'Unit'),
      validFrom: date('有效期起', 'Valid from'),
      validUntil: date('有效期止', 'Valid until'),
    },
  },
  Need: {
    label: 'Need', zh: '需求', en: 'Need (need pool entry)', plural: 'needs', searchProp: 'name',
    props: {
      name: str('名称', 'Name', true),
      category: en('PoolCategory', '类别', 'Category', true),
      tags: strings('标签', 'Tags'),
      quantity: num(BOUNDS.quantity, '数量', 'Quantity'),
      unit: str('单位', 'Unit'),
      urgency: { type: { kind: 'int', min: 1, max: 5 }, zh: '紧迫度（1–5）', en: 'Urgency (1–5)' },
      validFrom: date('有效期起', 'Valid from'),
      validUntil: date('有效期止', 'Valid until'),
    },
  },
  Space: {
    label: 'Space', zh: '空间', en: 'Space (public or idle)', plural: 'spaces', searchProp: 'name',
    props: {
      name: str('名称', 'Name', true),
      status: state('SpaceStatus', 'IDLE', '状态', 'Status'),
      areaSqm: num(BOUNDS.areaSqm, '面积（平方米）', 'Area in m²'),
      address: str('位置', 'Address'),
    },
  },
  Fund: {
    label: 'Fund', zh: '社区基金', en: 'Community (charity) fund', plural: 'funds', searchProp: 'name',
    props: {
      name: str('名称', 'Name', true),
      description: text('简介', 'Description'),
    },
  },
} as const satisfies Record<string, NodeSpec>;

export type NodeLabel = keyof typeof NODE_SPECS;
export const NODE_LABELS = Object.keys(NODE_SPECS) as NodeLabel[];

/** Properties every node carries besides its own (DESIGN.md, "Data model"). */
export const COMMON_NODE_PROPS = ['id', 'communityId', 'createdAt', 'updatedAt', 'endedAt'] as const;

/**
 * Pairs of times in one row where the second must not come before the first: a node's life, a
 * relationship's span, a project's run and a pool entry's validity.
 */
export const ORDERED_TIMES: readonly (readonly [string, string])[] = [
  ['createdAt', 'endedAt'],
  ['since', 'until'],
  ['startsAt', 'endsAt'],
  ['validFrom', 'validUntil'],
];

export type TimeKind = 'span' | 'event';

export interface RelSpec {
  /** Neo4j relationship type. Two kinds may share one type with different endpoints. */
  readonly type: string;
  readonly from: readonly NodeLabel[];
  readonly to: readonly NodeLabel[];
  /** span: since/until (a tie that lasts); event: at (a dated occurrence). */
  readonly time: TimeKind;
  readonly props: Readonly<Record<string, PropSpec>>;
  readonly zh: string;
  readonly en: string;
  /**
   * Both ends must be different nodes, with the refusal's words: a resident does not give
   * time-bank service to, or declare acquaintance with, themselves — such a tie is a loop that every
   * analysis would drop or miscount (reciprocity, a provider's balance).
   */
  readonly distinctEnds?: { readonly en: string; readonly zh: string };
  /** Both ends must belong to one community, with the refusal's words (a time bank keeps one ledger per community). */
  readonly sameCommunity?: { readonly en: string; readonly zh: string };
  /** GraphQL names: the edge type, its two endpoint fields, the list fields on each end, the add mutation. */
  readonly gql: {
    readonly typeName: string;
    readonly fromField: string;
    readonly toField: string;
    readonly outField: string;
    readonly inField: string;
    readonly add: string;
  };
}

export const REL_SPECS = {
  ACQUAINTANCE: {
    type: 'KNOWS', from: ['Resident'], to: ['Resident'], time: 'span', zh: '相识', en: 'Declared acquaintance',
    distinctEnds: { en: 'resident and acquaintance must be different residents', zh: '居民与相识者不能是同一人' },
    props: { source: en('TieSource', '来源', 'Source') },
    gql: { typeName: 'Acquaintance', fromField: 'resident', toField: 'acquaintance', outField: 'acquaintances', inField: 'acquaintedBy', add: 'addAcquaintance' },
  },
  MEMBERSHIP: {
    type: 'MEMBER_OF', from: ['Resident'], to: ['Organization'], time: 'span', zh: '组织成员', en: 'Membership of an organisation',
    props: { role: en('MembershipRole', '角色', 'Role', true) },
    gql: { typeName: 'Membership', fromField: 'resident', toField: 'organization', outField: 'memberships', inField: 'members', add: 'addMembership' },
  },
  ATTENDANCE: {
    type: 'ATTENDED', from: ['Resident'], to: ['Activity'], time: 'event', zh: '参加活动', en: 'Attendance at an activity',
    props: { role: en('AttendanceRole', '角色', 'Role', true) },
    gql: { typeName: 'Attendance', fromField: 'resident', toField: 'activity', outField: 'attendances', inField: 'attendees', add: 'addAttendance' },
  },
  EXCHANGE: {
    type: 'EXCHANGED', from: ['Resident'], to: ['Resident'], time: 'event', zh: '时间银行服务（共享会）', en: 'Time-bank service given',
    distinctEnds: { en: 'provider and recipient must be different residents', zh: '服务提供者与接受者不能是同一人' },
    sameCommunity: { en: 'provider and recipient must be residents of the same community', zh: '服务提供者与接受者须为同一社区居民' },
    props: {
      hours: { type: { kind: 'float', min: 0, above: true, max: BOUNDS.hours }, required: true, zh: '时长（小时）', en: 'Hours' },
      points: num(BOUNDS.points, '积分', 'Points'),
      service: str('服务内容', 'Service'),
    },
    gql: { typeName: 'Exchange', fromField: 'provider', toField: 'recipient', outField: 'exchangesGiven', inField: 'exchangesReceived', add: 'addExchange' },
  },
  BRANCH_AFFILIATION: {
    type: 'BELONGS_TO', from: ['Resident', 'Organization'], to: ['PartyBranch'], time: 'span', zh: '隶属党组织', en: 'Belongs to a Party branch',
    props: {},
    gql: { typeName: 'BranchAffiliation', fromField: 'member', toField: 'branch', outField: 'branchAffiliations', inField: 'affiliates', add: 'addBranchAffiliation' },
  },
  CONFERENCE_MEMBERSHIP: {
    type: 'MEMBER_OF', from: ['PartyBranch', 'Organization'], to: ['JointConference'], time: 'span', zh: '联席会成员单位', en: 'Member of a joint conference',
    props: {},
    gql: { typeName: 'ConferenceMembership', fromField: 'member', toField: 'conference', outField: 'conferenceMemberships', inField: 'memberUnits', add: 'addConferenceMembership' },
  },
  POOL_ENTRY: {
    type: 'IN_POOL', from: ['Resource', 'Need', 'Project'], to: ['JointConference'], time: 'span', zh: '入池（资源池/需求池/项目池）', en: 'Entry in a conference pool',
    props: {},
    gql: { typeName: 'PoolEntry', fromField: 'entry', toField: 'conference', outField: 'pools', inField: 'poolEntries', add: 'addPoolEntry' },
  },
  BACKING: {
    type: 'BACKED_BY', from: ['Partner'], to: ['Resident', 'Organization'], time: 'span', zh: '合伙人主体', en: 'Partner backed by a resident or organisation',
    props: {},
    gql: { typeName: 'Backing', fromField: 'partner', toField: 'backer', outField: 'backers', inField: 'backedPartners', add: 'addBacking' },
  },
  PROJECT_RUN: {
    type: 'RUNS', from: ['Partner'], to: ['Project'], time: 'span', zh: '运营项目', en: 'Partner runs a project',
    props: {},
    gql: { typeName: 'ProjectRun', fromField: 'partner', toField: 'project', outField: 'projectsRun', inField: 'runBy', add: 'addProjectRun' },
  },
  CLAIM: {
    type: 'CLAIMED', from: ['Organization', 'Resident', 'Partner'], to: ['Project'], time: 'event', zh: '公益认领', en: 'Claim of a project',
    props: {},
    gql: { typeName: 'Claim', fromField: 'claimant', toField: 'project', outField: 'claims', inField: 'claimants', add: 'addClaim' },
  },
  NEED_ADDRESSED: {
    type: 'ADDRESSES', from: ['Project'], to: ['Need'], time: 'span', zh: '回应需求', en: 'Project addresses a need',
    // How much of the need the project meets; none recorded = all of it (matching counts it so).
    props: { quantity: num(BOUNDS.quantity, '回应数量', 'Quantity of the need met') },
    gql: { typeName: 'NeedAddressed', fromField: 'project', toField: 'need', outField: 'addressedNeeds', inField: 'addressedBy', add: 'addProjectNeed' },
  },
  RESOURCE_USE: {
    type: 'USES', from: ['Project'], to: ['Resource', 'Space'], time: 'span', zh: '使用资源/空间', en: 'Project uses a resource or space',
    // How much of the resource's capacity the project takes; none recorded = all of it.
    props: { quantity: num(BOUNDS.quantity, '使用数量', 'Quantity of the capacity used') },
    gql: { typeName: 'ResourceUse', fromField: 'project', toField: 'resource', outField: 'uses', inField: 'usedBy', add: 'addProjectResource' },
  },
  ACTIVITY_OF_PROJECT: {
    type: 'PART_OF', from: ['Activity'], to: ['Project'], time: 'span', zh: '属于项目', en: 'Activity is part of a project',
    props: {},
    gql: { typeName: 'ActivityOfProject', fromField: 'activity', toField: 'project', outField: 'partOf', inField: 'activities', add: 'addActivityToProject' },
  },
  HOSTING: {
    type: 'HOSTED', from: ['Organization', 'Partner', 'PartyBranch'], to: ['Activity'], time: 'span', zh: '主办活动', en: 'Hosts an activity',
    props: {},
    gql: { typeName: 'Hosting', fromField: 'host', toField: 'activity', outField: 'hostedActivities', inField: 'hosts', add: 'addHosting' },
  },
  OFFER: {
    type: 'OFFERS', from: ['Resident', 'Organization', 'Partner', 'PartyBranch'], to: ['Resource', 'Space'], time: 'span', zh: '提供资源/空间', en: 'Offers a resource or space',
    props: {},
    gql: { typeName: 'Offer', fromField: 'owner', toField: 'offered', outField: 'offers', inField: 'offeredBy', add: 'addOffer' },
  },
  NEED_OWNER: {
    type: 'HAS_NEED', from: ['Resident', 'Organization', 'Partner', 'PartyBranch'], to: ['Need'], time: 'span', zh: '提出需求', en: 'Has a need',
    props: {},
    gql: { typeName: 'NeedOwnership', fromField: 'owner', toField: 'need', outField: 'needs', inField: 'neededBy', add: 'addNeedOwner' },
  },
  CONTRIBUTION: {
    type: 'CONTRIBUTED', from: ['Partner', 'Organization', 'Resident'], to: ['Fund'], time: 'event', zh: '向社区基金捐赠', en: 'Contribution to a fund',
    props: {
      kind: en('ContributionKind', '类型', 'Kind', true),
      amount: num(BOUNDS.amount, '金额或折算价值（元）', 'Amount or value in yuan', true),
      description: str('说明', 'Description'),
    },
    gql: { typeName: 'Contribution', fromField: 'contributor', toField: 'fund', outField: 'contributions', inField: 'contributions', add: 'addContribution' },
  },
} as const satisfies Record<string, RelSpec>;

export type RelKind = keyof typeof REL_SPECS;
export const REL_KINDS = Object.keys(REL_SPECS) as RelKind[];

export function relSpec(kind: RelKind): RelSpec {
  return REL_SPECS[kind];
}

/** The labels whose state properties change only through transitions (history kept). */
export function stateProps(label: NodeLabel): string[] {
  const props: Readonly<Record<string, PropSpec>> = NODE_SPECS[label].props;
  return Object.entries(props)
    .filter(([, p]) => p.state !== undefined)
    .map(([name]) => name);
}

/** Relationship kinds that start or end at a label: drives the nested fields on each node type. */
/** A relationship field of a node: the kind, and which way it leaves the node. */
export interface EdgeField {
  kind: RelKind;
  direction: 'out' | 'in';
}

export function relsTouching(label: NodeLabel): EdgeField[] {
  const found: EdgeField[] = [];
  for (const kind of REL_KINDS) {
    const spec = relSpec(kind);
    if (spec.from.includes(label)) found.push({ kind, direction: 'out' });
    if (spec.to.includes(label)) found.push({ kind, direction: 'in' });
  }
  return found;
}
