/**
 * Closed vocabularies of the data model, each term with its Chinese and English label.
 * The GraphQL enums, the zod schemas and the import aliases are all derived from this one table,
 * so a term added here appears everywhere at once (and nowhere half-way).
 */

export interface Term {
  readonly zh: string;
  readonly en: string;
}

type Vocabulary = Readonly<Record<string, Term>>;

const vocab = <V extends Vocabulary>(description: Term, terms: V) => ({ description, terms });

export const VOCABULARIES = {
  Role: vocab(
    { zh: '角色', en: 'Role of an API token' },
    {
      ADMIN: { zh: '管理员（社区工作者）', en: 'Administrator: keeps the data' },
      ANALYST: { zh: '分析员', en: 'Analyst: finds active residents and brokers' },
      COORDINATOR: { zh: '联席会协调员', en: 'Joint-conference coordinator: matches resources and needs' },
      EVALUATOR: { zh: '评估员', en: 'Evaluator: measures publicness over time' },
      RESEARCHER: { zh: '研究者', en: 'Researcher: reads pseudonymised data only' },
    },
  ),
  CultivationStage: vocab(
    { zh: '培育阶段', en: 'Cultivation stage of a resident' },
    {
      UNIDENTIFIED: { zh: '未识别', en: 'Not yet identified' },
      GOOD_PERSON: { zh: '好人', en: 'Good person: willing and well regarded' },
      CAPABLE_PERSON: { zh: '能人', en: 'Capable person: organises and takes on tasks' },
      GROUP_LEADER: { zh: '社群领头人', en: 'Community group leader' },
    },
  ),
  HousingType: vocab(
    { zh: '住房类型', en: 'Housing type of a courtyard or estate' },
    {
      GARDEN_ESTATE: { zh: '花园小区（商品房）', en: 'Garden estate' },
      URBAN_VILLAGE: { zh: '城中村', en: 'Urban village' },
      AFFORDABLE_HOUSING: { zh: '保障性住房', en: 'Affordable housing' },
      OLD_ESTATE: { zh: '老旧院落', en: 'Old courtyard estate' },
      OTHER: { zh: '其他', en: 'Other' },
    },
  ),
  PartnerKind: vocab(
    { zh: '合伙人类型', en: 'Kind of community partner (社区合伙人)' },
    {
      BUSINESS: { zh: '商企合伙人', en: 'Business partner' },
      COMMUNITY_GROUP: { zh: '社群合伙人', en: 'Community-group partner' },
      INDIVIDUAL: { zh: '个体合伙人', en: 'Individual partner' },
    },
  ),
  PartnerStatus: vocab(
    { zh: '合伙人生命周期状态', en: 'Partner lifecycle status' },
    {
      CALLED: { zh: '公开征集', en: 'Called for' },
      APPLIED: { zh: '已申请', en: 'Applied' },
      CONSULTED: { zh: '集体协商', en: 'Collectively consulted' },
      REVIEWED: { zh: '路演评审', en: 'Roadshow reviewed' },
      ACTIVE: { zh: '挂牌合作', en: 'Active (registration number issued)' },
      EXITED: { zh: '动态退出', en: 'Exited' },
    },
  ),
  CooperationMode: vocab(
    { zh: '合作模式', en: 'Cooperation mode of a partnership' },
    {
      VENTURE_PHILANTHROPY: { zh: '政府公益创投', en: 'Government venture philanthropy' },
      SPACE_FOR_RESOURCES: { zh: '空间换资源', en: 'Space for resources' },
      MARKET_LED: { zh: '市场主导', en: 'Market-led' },
      COMPLEMENTARY_INTERESTS: { zh: '利益互补', en: 'Complementary interests' },
    },
  ),
  OrganizationType: vocab(
    { zh: '组织类型', en: 'Type of organisation' },
    {
      SOCIAL_ORGANIZATION: { zh: '社会组织', en: 'Social organisation' },
      SELF_ORGANIZATION: { zh: '社区自组织', en: 'Community self-organisation' },
      RESIDENT_UNIT: { zh: '驻社区单位', en: 'Resident unit (school, police station, company, office …)' },
    },
  ),
  UnitKind: vocab(
    { zh: '驻区单位类别', en: 'Kind of resident unit' },
    {
      SCHOOL: { zh: '学校', en: 'School' },
      POLICE_STATION: { zh: '派出所', en: 'Police station' },
      TRANSPORT_HUB: { zh: '交通枢纽', en: 'Transport hub' },
      ENTERPRISE: { zh: '企业', en: 'Enterprise' },
      GOVERNMENT_OFFICE: { zh: '政府机关', en: 'Government office' },
      HOSPITAL: { zh: '医院', en: 'Hospital or clinic' },
      OTHER: { zh: '其他', en: 'Other' },
    },
  ),
  OrganizationCategory: vocab(
    { zh: '组织类别', en: 'Category of organisation' },
    {
      CO_GOVERNANCE: { zh: '共治型', en: 'Co-governance' },
      SERVICE: { zh: '服务型', en: 'Service' },
      CULTURE_SPORTS: { zh: '文体型', en: 'Culture and sports' },
      UNIT: { zh: '驻区单位', en: 'Resident unit' },
      OTHER: { zh: '其他', en: 'Other' },
    },
  ),
  PublicnessOrientation: vocab(
    { zh: '公共性取向', en: 'Publicness orientation' },
    {
      SELF_BENEFIT: { zh: '自益', en: 'Self-benefit' },
      MUTUAL_BENEFIT: { zh: '互益', en: 'Mutual benefit' },
      PUBLIC_BENEFIT: { zh: '公益', en: 'Public benefit' },
    },
  ),
  DevelopmentStage: vocab(
    { zh: '组织发展阶段', en: 'Development stage of an organisation' },
    {
      ACTIVITIES: { zh: '活动化', en: 'Activities' },
      PROJECTS: { zh: '项目化', en: 'Projects' },
      ORGANIZATION: { zh: '组织化', en: 'Organisation' },
      PUBLIC_INTEREST: { zh: '公益化', en: 'Public interest' },
      SOCIETAL: { zh: '社会化', en: 'Societal' },
    },
  ),
  PartyBranchLevel: vocab(
    { zh: '党组织层级', en: 'Level of a Party organisation' },
    {
      COMMUNITY_COMMITTEE: { zh: '社区党委', en: 'Community Party committee' },
      DIRECT_BRANCH: { zh: '直属党支部', en: 'Direct branch' },
      UNIT_ORGANIZATION: { zh: '驻区单位党组织', en: 'Party organisation of a resident unit' },
    },
  ),
  LeveragePoint: vocab(
    { zh: '撬动点', en: 'Leverage point of a project' },
    {
      SERVICE_NEEDS: { zh: '服务需求', en: 'Service needs' },
      PUBLIC_AFFAIRS: { zh: '公共事务', en: 'Public affairs' },
      PUBLIC_SPACE: { zh: '公共空间', en: 'Public space' },
      ECOLOGY: { zh: '生态环境', en: 'Ecology' },
      INDUSTRY: { zh: '产业发展', en: 'Industry' },
      CULTURE: { zh: '社区文化', en: 'Culture' },
    },
  ),
  ProjectStatus: vocab(
    { zh: '公益认领流程状态', en: 'Status in the claiming workflow (公益认领)' },
    {
      COLLECTED: { zh: '需求收集', en: 'Need collected' },
      PUBLISHED: { zh: '公开发布', en: 'Published' },
      CLAIMED: { zh: '已认领', en: 'Claimed' },
      IN_PROGRESS: { zh: '实施中', en: 'In progress' },
      EVALUATED: { zh: '已评估', en: 'Evaluated' },
    },
  ),
  ActivityKind: vocab(
    { zh: '活动类型', en: 'Kind of activity' },
    {
      MEETING: { zh: '会议', en: 'Meeting' },
      HOBBY: { zh: '兴趣活动', en: 'Hobby gathering' },
      VOLUNTEER_SERVICE: { zh: '志愿服务', en: 'Volunteer service' },
      FESTIVAL: { zh: '节庆活动', en: 'Festival' },
      TRAINING: { zh: '培训', en: 'Training' },
      CONSULTATION: { zh: '议事协商', en: 'Consultation' },
      OTHER: { zh: '其他', en: 'Other' },
    },
  ),
  PoolCategory: vocab(
    { zh: '资源/需求类别', en: 'Category of a resource or need' },
    {
      VENUE: { zh: '场地', en: 'Venue' },
      FUNDING: { zh: '资金', en: 'Funding' },
      MATERIAL: { zh: '物资', en: 'Material' },
      SKILL: { zh: '技能', en: 'Skill' },
      SERVICE: { zh: '服务', en: 'Service' },
      VOLUNTEERS: { zh: '志愿者', en: 'Volunteers' },
      TRAINING: { zh: '课程培训', en: 'Training course' },
      OTHER: { zh: '其他', en: 'Other' },
    },
  ),
  SpaceStatus: vocab(
    { zh: '空间状态', en: 'Status of a space' },
    {
      IDLE: { zh: '闲置', en: 'Idle' },
      ACTIVATED: { zh: '已激活', en: 'Activated' },
    },
  ),
  MembershipRole: vocab(
    { zh: '成员角色', en: 'Role in an organisation' },
    {
      MEMBER: { zh: '成员', en: 'Member' },
      CORE_TEAM: { zh: '核心团队', en: 'Core team' },
      LEADER: { zh: '负责人', en: 'Leader' },
    },
  ),
  AttendanceRole: vocab(
    { zh: '参与角色', en: 'Role at an activity' },
    {
      PARTICIPANT: { zh: '参与者', en: 'Participant' },
      VOLUNTEER: { zh: '志愿者', en: 'Volunteer' },
      ORGANIZER: { zh: '组织者', en: 'Organiser' },
    },
  ),
  ContributionKind: vocab(
    { zh: '捐赠类型', en: 'Kind of contribution to a fund' },
    {
      MONEY: { zh: '资金', en: 'Money' },
      MATERIAL: { zh: '物资', en: 'Material' },
      SERVICE: { zh: '服务', en: 'Service' },
    },
  ),
  TieSource: vocab(
    { zh: '关系来源', en: 'Source of a declared acquaintance' },
    {
      SELF_REPORTED: { zh: '居民自报', en: 'Self-reported' },
      OBSERVED: { zh: '社工观察', en: 'Observed by a worker' },
      SURVEY: { zh: '问卷调查', en: 'Survey' },
      IMPORTED: { zh: '导入', en: 'Imported' },
    },
  ),
} as const;

export type VocabularyName = keyof typeof VOCABULARIES;
export type TermOf<V extends VocabularyName> = keyof (typeof VOCABULARIES)[V]['terms'] & string;

export function termsOf<V extends VocabularyName>(name: V): [TermOf<V>, ...TermOf<V>[]] {
  return Object.keys(VOCABULARIES[name].terms) as [TermOf<V>, ...TermOf<V>[]];
}

export type Role = TermOf<'Role'>;
export type CultivationStage = TermOf<'CultivationStage'>;
export type PartnerStatus = TermOf<'PartnerStatus'>;
export type PartnerKind = TermOf<'PartnerKind'>;
export type ProjectStatus = TermOf<'ProjectStatus'>;

/**
 * Closed vocabularies of the analytics' arguments and results. Each term also names the `value` the
 * use cases and the kernels read (a node attribute such as housingArea, a kernel's distance such as
 * inverse-weight), so the GraphQL enum, the zod schema of the argument and the map between the two
 * come from this one table. Kept apart from VOCABULARIES: those are the stored model's, which the
 * import reads and every node property's enum draws on.
 */
export interface AnalyticsTerm extends Term {
  readonly value: string;
}

type AnalyticsVocabulary = Readonly<Record<string, AnalyticsTerm>>;

const analytics = <const V extends AnalyticsVocabulary>(description: Term, terms: V) => ({ description, terms });

export const ANALYTICS_VOCABULARIES = {
  CentralityMeasure: analytics(
    { zh: '中心性指标', en: 'A centrality measure' },
    {
      DEGREE: { zh: '度', en: 'Number of ties', value: 'degree' },
      STRENGTH: { zh: '加权度', en: 'Sum of tie weights', value: 'strength' },
      BETWEENNESS: { zh: '中介中心性', en: 'Share of shortest paths through the node (Brandes 2001); exact, or sampled with `pivots`', value: 'betweenness' },
      CLOSENESS: { zh: '接近中心性', en: "Wasserman–Faust closeness (NetworkX's wf_improved)", value: 'closeness' },
      HARMONIC: { zh: '调和中心性', en: 'Sum of inverse distances', value: 'harmonic' },
      EIGENVECTOR: { zh: '特征向量中心性', en: 'Eigenvector centrality (Bonacich 1972)', value: 'eigenvector' },
      PAGERANK: { zh: 'PageRank 排名（随机游走）', en: 'PageRank (Page et al. 1999)', value: 'pagerank' },
    },
  ),
  PathDistance: analytics(
    { zh: '路径长度的计算方式', en: "How a path's length is counted" },
    {
      HOPS: { zh: '按跳数', en: 'Each tie is 1', value: 'hops' },
      WEIGHT: { zh: '权重即长度', en: 'The weight is the length', value: 'weight' },
      INVERSE_WEIGHT: { zh: '权重倒数（强关系更近）', en: '1 / weight: strong ties are short', value: 'inverse-weight' },
    },
  ),
  StructuralHoleOrder: analytics(
    { zh: '结构洞排序', en: 'Order of a structural-holes ranking: brokers first' },
    {
      CONSTRAINT: { zh: '约束最小优先', en: 'Least constrained first', value: 'constraint' },
      EFFECTIVE_SIZE: { zh: '有效规模最大优先', en: 'Largest effective size first', value: 'effectiveSize' },
      EFFICIENCY: { zh: '效率最高优先', en: 'Highest efficiency first', value: 'efficiency' },
    },
  ),
  GroupingAttribute: analytics(
    { zh: '分组属性', en: 'A grouping of residents' },
    {
      HOUSING_AREA: { zh: '院落或小区', en: 'Courtyard or estate', value: 'housingArea' },
      HOUSING_TYPE: { zh: '住房类型', en: 'Housing type (garden estate, urban village, affordable housing …)', value: 'housingType' },
      BUILDING: { zh: '楼栋', en: 'Building', value: 'building' },
      BUILDING_HEAD: { zh: '楼栋长', en: 'Building head (楼栋长) or not', value: 'buildingHead' },
      HOUSEHOLD_REGISTRATION: { zh: '户籍', en: 'Household-registered here or not', value: 'householdRegistered' },
      PARTY_MEMBERSHIP: { zh: '党员身份', en: 'Party member or not', value: 'partyMember' },
      CULTIVATION_STAGE: { zh: '培育阶段', en: 'Cultivation stage (good person, capable person, leader …)', value: 'cultivationStage' },
      DETECTED_COMMUNITY: { zh: '社群发现结果', en: 'The Louvain community detected in the same network', value: 'detectedCommunity' },
    },
  ),
  MapGrouping: analytics(
    { zh: '地图的分组（大社区的合并地图）', en: "How the map of a large community groups its residents: one node per group" },
    {
      HOUSING_AREA: { zh: '院落或小区', en: 'Courtyard or estate', value: 'housingArea' },
      BUILDING: { zh: '楼栋（在一个院落或小区之内）', en: 'Building, within one courtyard or estate', value: 'building' },
    },
  ),
  StageSubject: analytics(
    { zh: '阶段分析对象', en: 'A staged field the funnel reads' },
    {
      RESIDENT_CULTIVATION: { zh: '居民培育阶段', en: 'Resident.cultivationStage: unidentified → good person → capable person → group leader', value: 'RESIDENT_CULTIVATION' },
      ORGANIZATION_DEVELOPMENT: { zh: '组织发展阶段', en: 'Organization.developmentStage: activities → projects → organisation → public interest → societal', value: 'ORGANIZATION_DEVELOPMENT' },
      ORGANIZATION_ORIENTATION: { zh: '组织公共性取向', en: 'Organization.orientation: self → mutual → public benefit', value: 'ORGANIZATION_ORIENTATION' },
      PARTNER_LIFECYCLE: { zh: '合伙人生命周期', en: 'Partner.status: called → applied → consulted → reviewed → active; exited is an exit', value: 'PARTNER_LIFECYCLE' },
    },
  ),
  PromotionFeature: analytics(
    { zh: '晋升候选特征（过去 365 天）', en: "A feature of promotionCandidates, over the resident's last 365 days" },
    {
      PARTICIPANT: { zh: '作为参与者参加活动', en: 'Activities attended as a participant', value: 'participant' },
      VOLUNTEER: { zh: '志愿服务', en: 'Activities attended as a volunteer', value: 'volunteer' },
      ORGANISER: { zh: '组织活动', en: 'Activities organised', value: 'organiser' },
      MEMBERSHIPS: { zh: '参加的组织', en: 'Organisations belonged to', value: 'memberships' },
      CORE_ROLES: { zh: '负责人或核心团队角色', en: 'Leader or core-team roles', value: 'coreRoles' },
      CLAIMS: { zh: '认领项目', en: 'Projects claimed', value: 'claims' },
      HOURS_GIVEN: { zh: '提供时间银行服务时长', en: 'Time-bank hours given', value: 'hoursGiven' },
      HOURS_RECEIVED: { zh: '接受时间银行服务时长', en: 'Time-bank hours received', value: 'hoursReceived' },
      DEGREE: { zh: '关系数', en: 'Residents tied to in the tie network', value: 'degree' },
      PAGERANK: { zh: '关系网络加权 PageRank', en: 'Weighted PageRank in the tie network', value: 'pagerank' },
      CONSTRAINT: { zh: '结构洞约束', en: "Burt's constraint (lower = more brokerage)", value: 'constraint' },
      CROSS_GROUP_SHARE: { zh: '跨院落关系比例', en: 'Share of ties reaching other housing areas', value: 'crossGroupShare' },
    },
  ),
  DependenceCriterion: analytics(
    { zh: '依赖单一负责人的判据', en: 'A criterion of leader dependence (seeds/004: the three-person management group answers it)' },
    {
      CORE_TEAM: { zh: '负责人与核心团队不足', en: 'Fewer than minCoreTeam residents in LEADER or CORE_TEAM roles', value: 'CORE_TEAM' },
      ONE_ORGANISER: { zh: '活动多由一人组织', en: 'One resident organised more than maxOrganiserShare of its activities', value: 'ONE_ORGANISER' },
      FALLS_APART: { zh: '去掉负责人后成员网络断裂', en: "Without its leader the members' co-attendance network falls apart", value: 'FALLS_APART' },
    },
  ),
  ActivityComponent: analytics(
    { zh: '积极度构成', en: 'A component of the active-resident score' },
    {
      ATTENDANCE: { zh: '参加活动', en: 'Activities attended', value: 'attendance' },
      VOLUNTEERING: { zh: '志愿服务', en: 'Attendances as a volunteer', value: 'volunteering' },
      ORGANISING: { zh: '组织与认领', en: 'Organising: activities organised, leader or core-team memberships, projects claimed', value: 'organising' },
      EXCHANGES: { zh: '时间银行互助时长', en: 'Time-bank hours given and received', value: 'exchanges' },
      NETWORK: { zh: '网络位置', en: 'Network position: weighted PageRank in the tie network', value: 'network' },
    },
  ),
  MatchComponent: analytics(
    { zh: '匹配得分构成', en: 'A component of a match score' },
    {
      TAGS: { zh: '标签相似度（Jaccard）', en: 'Jaccard similarity of the tag sets', value: 'tags' },
      QUANTITY: { zh: '数量满足比例', en: 'Share of the need the resource can cover', value: 'quantity' },
      URGENCY: { zh: '紧迫度', en: 'Urgency of the need / 5', value: 'urgency' },
      PROXIMITY: { zh: '关系距离', en: '1 / (1 + hops) between the owners in the full network; 0 when unconnected', value: 'proximity' },
      BRIDGING: { zh: '新建联结', en: 'Owners of different Party branches or housing areas with no tie yet', value: 'bridging' },
      RECIPROCITY: { zh: '互惠', en: 'Each owner offers something the other needs', value: 'reciprocity' },
    },
  ),
  UnmetReason: analytics(
    { zh: '需求未满足的原因', en: 'Why a need is left (partly) unmet' },
    {
      NO_ELIGIBLE_RESOURCE: { zh: '没有符合条件的资源', en: 'No eligible resource (category, validity or owner)', value: 'NO_ELIGIBLE_RESOURCE' },
      NO_CAPACITY_LEFT: { zh: '符合条件的资源已被项目用完', en: 'Every eligible resource is used up by projects', value: 'NO_CAPACITY_LEFT' },
      OUTSCORED: { zh: '资源分给了得分更高的配对', en: 'Eligible resources all go to better pairs', value: 'OUTSCORED' },
      PARTLY_MET: { zh: '部分满足', en: 'Partly met; no capacity left for the rest', value: 'PARTLY_MET' },
    },
  ),
  ClaimingFlag: analytics(
    { zh: '认领看板提示', en: 'A flag on the claiming board' },
    {
      UNCLAIMED: { zh: '发布超期无人认领', en: 'Published longer than the stale limit with no claimant', value: 'UNCLAIMED' },
      OVERDUE: { zh: '实施超过结束日期', en: 'In progress past its end date', value: 'OVERDUE' },
    },
  ),
} as const;

export type AnalyticsVocabularyName = keyof typeof ANALYTICS_VOCABULARIES;
type AnalyticsTerms<V extends AnalyticsVocabularyName> = (typeof ANALYTICS_VOCABULARIES)[V]['terms'];
/** A GraphQL enum value of an analytics vocabulary (GROUPING: HOUSING_AREA, …). */
export type AnalyticsTermOf<V extends AnalyticsVocabularyName> = keyof AnalyticsTerms<V> & string;
/** What the use cases read for it (housingArea, …). */
export type AnalyticsValueOf<V extends AnalyticsVocabularyName> = {
  [T in AnalyticsTermOf<V>]: AnalyticsTerms<V>[T] extends { value: infer X extends string } ? X : never;
}[AnalyticsTermOf<V>];

export function analyticsTermsOf<V extends AnalyticsVocabularyName>(name: V): [AnalyticsTermOf<V>, ...AnalyticsTermOf<V>[]] {
  return Object.keys(ANALYTICS_VOCABULARIES[name].terms) as [AnalyticsTermOf<V>, ...AnalyticsTermOf<V>[]];
}

export function analyticsValuesOf<V extends AnalyticsVocabularyName>(name: V): [AnalyticsValueOf<V>, ...AnalyticsValueOf<V>[]] {
  return Object.values(ANALYTICS_VOCABULARIES[name].terms as Record<string, AnalyticsTerm>).map((t) => t.value) as [AnalyticsValueOf<V>, ...AnalyticsValueOf<V>[]];
}

/** The value a GraphQL term stands for (HOUSING_AREA → housingArea). */
export function analyticsValue<V extends AnalyticsVocabularyName>(name: V, term: AnalyticsTermOf<V>): AnalyticsValueOf<V> {
  return (ANALYTICS_VOCABULARIES[name].terms as Record<string, AnalyticsTerm>)[term]!.value as AnalyticsValueOf<V>;
}

/** The GraphQL term of a value (housingArea → HOUSING_AREA); the inverse of analyticsValue. */
export function analyticsTerm<V extends AnalyticsVocabularyName>(name: V, value: AnalyticsValueOf<V>): AnalyticsTermOf<V> {
  const entry = Object.entries(ANALYTICS_VOCABULARIES[name].terms as Record<string, AnalyticsTerm>).find(([, t]) => t.value === value);
  if (!entry) throw new Error(`vocabulary: ${String(value)} is not a value of ${name}`);
  return entry[0] as AnalyticsTermOf<V>;
}

/** The term standing for a value, with its labels (for messages that name a grouping). */
export function analyticsLabel<V extends AnalyticsVocabularyName>(name: V, value: AnalyticsValueOf<V>): Term {
  return (ANALYTICS_VOCABULARIES[name].terms as Record<string, AnalyticsTerm>)[analyticsTerm(name, value)]!;
}

/**
 * What people write for a term besides its English name and its Chinese name: the import accepts
 * these too, because a roster kept by hand says 商品房 or 骨干, not 花园小区（商品房） or 核心团队.
 * This is the one table of them: the importer's lookup, its refusals and docs/import.md all read it.
 * Each synonym names exactly one term of its vocabulary (a unit test checks that none is another
 * term's name). Brackets are compared without regard to width, so 花园小区(商品房) needs no entry.
 */
export const SYNONYMS: { readonly [V in VocabularyName]?: Readonly<Record<string, TermOf<V>>> } = {
  CultivationStage: { 待识别: 'UNIDENTIFIED', 领头人: 'GROUP_LEADER', 社群领袖: 'GROUP_LEADER' },
  HousingType: {
    商品房: 'GARDEN_ESTATE',
    花园小区: 'GARDEN_ESTATE',
    商品房小区: 'GARDEN_ESTATE',
    保障房: 'AFFORDABLE_HOUSING',
    公租房: 'AFFORDABLE_HOUSING',
    老旧小区: 'OLD_ESTATE',
    老院落: 'OLD_ESTATE',
  },
  MembershipRole: {
    普通成员: 'MEMBER',
    会员: 'MEMBER',
    队员: 'MEMBER',
    组员: 'MEMBER',
    骨干: 'CORE_TEAM',
    核心成员: 'CORE_TEAM',
    队长: 'LEADER',
    组长: 'LEADER',
    会长: 'LEADER',
    带头人: 'LEADER',
  },
  AttendanceRole: { 参加者: 'PARTICIPANT', 志愿服务者: 'VOLUNTEER', 组织人: 'ORGANIZER', 主持人: 'ORGANIZER' },
  PartnerStatus: { 征集: 'CALLED', 申请: 'APPLIED', 协商: 'CONSULTED', 评审: 'REVIEWED', 挂牌: 'ACTIVE', 退出: 'EXITED' },
  OrganizationType: { 自组织: 'SELF_ORGANIZATION', 驻区单位: 'RESIDENT_UNIT' },
  TieSource: { 自报: 'SELF_REPORTED', 观察: 'OBSERVED', 问卷: 'SURVEY' },
  ContributionKind: { 现金: 'MONEY', 捐款: 'MONEY' },
};

/** The synonyms of one term, in table order (for refusals and the import reference). */
export function synonymsOf(vocabulary: VocabularyName, term: string): string[] {
  const table = (SYNONYMS[vocabulary] ?? {}) as Readonly<Record<string, string>>;
  return Object.keys(table).filter((s) => table[s] === term);
}
