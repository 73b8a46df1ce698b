/**
 * The page's words, Chinese first with English one click away. Terms of closed sets (housing type,
 * cultivation stage, grouping attribute …) come from the service's own vocabulary table, the one the
 * GraphQL enum descriptions are made from, so the page and the API never name a value differently.
 */
import { ANALYTICS_VOCABULARIES, VOCABULARIES } from '../../src/domain/vocabulary.ts';

export type Lang = 'zh' | 'en';
const LANG_KEY = 'reweave.lang';

let lang: Lang = (localStorage.getItem(LANG_KEY) as Lang | null) ?? 'zh';
const listeners: (() => void)[] = [];

export const currentLang = () => lang;
export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem(LANG_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((l) => l());
}
export const onLangChange = (l: () => void) => listeners.push(l);

const WORDS = {
  title: { zh: '社区关系网络仪表盘', en: 'Community network dashboard' },
  tokenLabel: { zh: '访问令牌', en: 'API token' },
  tokenHint: { zh: '粘贴一次即可，仅保存在本浏览器标签页的会话中。', en: 'Paste it once; it is kept for this browser tab\'s session only.' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出', en: 'Sign out' },
  community: { zh: '社区', en: 'Community' },
  role: { zh: '角色', en: 'Role' },
  map: { zh: '网络地图', en: 'Network map' },
  active: { zh: '积极行动者', en: 'Active residents' },
  brokers: { zh: '中介者（结构洞）', en: 'Brokers (structural holes)' },
  mixing: { zh: '群体混合', en: 'Group mixing' },
  funnel: { zh: '培育漏斗', en: 'Cultivation funnel' },
  asOf: { zh: '日期', en: 'As of' },
  endOf: { zh: '截至', en: 'as of the end of' },
  colourBy: { zh: '颜色', en: 'Colour by' },
  sizeBy: { zh: '大小', en: 'Size by' },
  detected: { zh: '社群发现（Louvain）', en: 'Detected community (Louvain)' },
  partyMember: { zh: '党员', en: 'Party member' },
  notPartyMember: { zh: '非党员', en: 'Not a Party member' },
  unknown: { zh: '未知', en: 'Unknown' },
  search: { zh: '查找居民', en: 'Find a resident' },
  residents: { zh: '居民', en: 'residents' },
  ties: { zh: '关系', en: 'ties' },
  loading: { zh: '加载中…', en: 'Loading…' },
  layout: { zh: '布局计算中（ForceAtlas2）…', en: 'Laying out (ForceAtlas2)…' },
  seconds: { zh: '计算用时', en: 'computed in' },
  network: { zh: '网络', en: 'Network' },
  window: { zh: '时间窗口', en: 'Window' },
  rank: { zh: '排名', en: 'Rank' },
  resident: { zh: '居民', en: 'Resident' },
  score: { zh: '得分', en: 'Score' },
  reasons: { zh: '构成（原因）', en: 'Components (why)' },
  constraint: { zh: '约束度', en: 'Constraint' },
  effectiveSize: { zh: '有效规模', en: 'Effective size' },
  contacts: { zh: '联系人数', en: 'Contacts' },
  groupBy: { zh: '分组', en: 'Group by' },
  ei: { zh: 'E-I 指数', en: 'E-I index' },
  crossing: { zh: '跨组关系占比', en: 'Share of ties across groups' },
  pValue: { zh: '置换检验 p 值', en: 'Permutation p-value' },
  group: { zh: '组', en: 'Group' },
  size: { zh: '人数', en: 'Size' },
  internal: { zh: '组内', en: 'Internal' },
  external: { zh: '组外', en: 'External' },
  collapsed: { zh: '居民超过 10,000 人：按院落/小区合并显示，点击一个院落展开。', en: 'More than 10,000 residents: drawn collapsed by housing area; click an area to open it.' },
  backToAreas: { zh: '返回院落总览', en: 'Back to all areas' },
  close: { zh: '关闭', en: 'Close' },
  stage: { zh: '培育阶段', en: 'Cultivation stage' },
  memberships: { zh: '组织成员身份', en: 'Memberships' },
  stageHistory: { zh: '阶段历史', en: 'Stage history' },
  housingArea: { zh: '院落/小区', en: 'Housing area' },
  none: { zh: '无', en: 'none' },
  subject: { zh: '对象', en: 'Subject' },
  from: { zh: '起', en: 'From' },
  to: { zh: '止', en: 'To' },
  reached: { zh: '到达人数', en: 'Reached' },
  movedUp: { zh: '晋升人数', en: 'Moved up' },
  conversion: { zh: '转化率', en: 'Conversion' },
  atStart: { zh: '窗口开始时', en: 'At the start' },
  atEnd: { zh: '窗口结束时', en: 'At the end' },
  entered: { zh: '进入', en: 'Entered' },
  left: { zh: '离开', en: 'Left' },
  spells: { zh: '阶段段数', en: 'Spells' },
  note: { zh: '说明', en: 'Note' },
  medianDays: { zh: '停留中位数（天）', en: 'Median days in stage' },
  promotion: { zh: '晋升候选人', en: 'Promotion candidates' },
  dependence: { zh: '依赖单一负责人的组织', en: 'Leader dependence' },
  matching: { zh: '资源与需求匹配', en: 'Matching board' },
  claiming: { zh: '公益认领看板', en: 'Claiming board' },
  timebank: { zh: '时间银行', en: 'Time bank' },
  publicness: { zh: '公共性评估', en: 'Publicness' },
  reweaving: { zh: '关系网络重织报告', en: 'Reweaving report' },
  roundTrip: { zh: '请求往返用时', en: 'round trip' },
  projecting: { zh: '读取网络', en: 'reading the network' },
  computing: { zh: '计算中', en: 'computing' },
  candidates: { zh: '候选人数', en: 'Candidates' },
  method: { zh: '方法', en: 'Method' },
  pastPromotions: { zh: '历史晋升数', en: 'Past promotions' },
  backtestAuc: { zh: '时间切分回测 AUC', en: 'Time-split backtest AUC' },
  chance: { zh: '随机', en: 'chance' },
  atRisk: { zh: '有风险的组织数', en: 'Organisations at risk' },
  organisation: { zh: '组织', en: 'Organisation' },
  members: { zh: '成员数', en: 'Members' },
  coreTeam: { zh: '负责人与核心团队人数', en: 'Leader and core team' },
  activities: { zh: '过去一年主办活动数', en: 'Activities in the year' },
  leader: { zh: '负责人', en: 'Leader' },
  topOrganiserShare: { zh: '最多组织者的活动占比', en: 'Top organiser\'s share' },
  connectedWithWithout: { zh: '最大连通成员占比（含/去掉负责人）', en: 'Members connected (with / without the leader)' },
  scope: { zh: '匹配范围', en: 'Scope' },
  resource: { zh: '资源', en: 'Resource' },
  need: { zh: '需求', en: 'Need' },
  quantity: { zh: '建议数量', en: 'Quantity' },
  hops: { zh: '双方关系距离（步数）', en: 'Hops between owners' },
  why: { zh: '理由', en: 'Why' },
  accept: { zh: '确认匹配', en: 'Accept' },
  accepted: { zh: '已生成项目', en: 'Project made' },
  resources: { zh: '候选资源', en: 'Resources' },
  needs: { zh: '候选需求', en: 'Needs' },
  eligiblePairs: { zh: '可匹配对数', en: 'Eligible pairs' },
  optimum: { zh: '最优分配的总分', en: 'Optimal total' },
  greedy: { zh: '贪心分配的总分', en: 'Greedy total' },
  unmet: { zh: '未满足的需求及原因', en: 'Needs left unmet, and why' },
  asked: { zh: '需求数量', en: 'Asked' },
  unmetQuantity: { zh: '未满足数量', en: 'Unmet' },
  reason: { zh: '原因', en: 'Reason' },
  staleDays: { zh: '发布超期天数', en: 'Stale after (days)' },
  days: { zh: '天', en: 'days' },
  claimants: { zh: '认领方', en: 'claimants' },
  hoursGiven: { zh: '提供时长', en: 'Hours given' },
  hoursReceived: { zh: '接受时长', en: 'Hours received' },
  exchanges: { zh: '互助次数', en: 'Exchanges' },
  conserved: { zh: '台账守恒', en: 'the ledger conserves' },
  imbalance: { zh: '差额', en: 'imbalance' },
  reciprocity: { zh: '既提供又接受服务的成员比例', en: 'Reciprocity' },
  crossHousing: { zh: '跨住房类型的服务时长比例', en: 'Hours across housing types' },
  balance: { zh: '时长结余', en: 'Balance' },
  month: { zh: '月份', en: 'Month' },
  hours: { zh: '时长', en: 'Hours' },
  activeMembers: { zh: '当月活跃成员', en: 'Active members' },
  newMembers: { zh: '当月新成员', en: 'New members' },
  inactiveMembers: { zh: '90 天未参与的成员', en: 'Inactive 90 days' },
  rejected: { zh: '被排除的记录', en: 'Records left out' },
  publicnessIndex: { zh: '公共性指数', en: 'Publicness index' },
  risingShare: { zh: '指数上升的权重组合占比', en: 'Weightings under which it rose' },
  component: { zh: '构成', en: 'Component' },
  delta: { zh: '变化量', en: 'Change' },
  interval95: { zh: '95% 区间', en: '95% interval' },
  weight: { zh: '权重', en: 'Weight' },
  reportByCli: { zh: 'HTML 评估报告由命令行生成（服务不提供网页版）：', en: 'The HTML report is made on the command line (the service does not serve it):' },
  tiesAdded: { zh: '新增关系', en: 'Ties added' },
  tiesLost: { zh: '消失关系', en: 'Ties lost' },
  tiesKept: { zh: '保留关系', en: 'Ties kept' },
  bridgesAdded: { zh: '新增跨群体关系（新桥）', en: 'Bridges added' },
  bridgesLost: { zh: '消失的跨群体关系', en: 'Bridges lost' },
  isolates: { zh: '孤立者', en: 'Isolates' },
  componentsCount: { zh: '连通分量数', en: 'Components' },
  largestShare: { zh: '最大连通分量占比', en: 'Largest component share' },
  density: { zh: '密度', en: 'Density' },
  clustering: { zh: '平均聚类系数', en: 'Average clustering' },
  modularity: { zh: 'Louvain 模块度', en: 'Louvain modularity' },
  louvain: { zh: 'Louvain 社群数', en: 'Louvain communities' },
  crossingTies: { zh: '跨群体关系数', en: 'Cross-group ties' },
  errUNAUTHENTICATED: { zh: '令牌无效或已撤销，请重新粘贴有效令牌。', en: 'The token is unknown or revoked: paste a valid token.' },
  errFORBIDDEN: { zh: '此令牌的角色或社区范围无权查看此内容。', en: 'This token\'s role or communities may not see this.' },
  errCONFLICT: { zh: '数量已被其他确认用完，请刷新后重试。', en: 'Another accept took the capacity first; reload and try again.' },
  errDATABASE_UNAVAILABLE: { zh: '数据库暂时不可用，请稍后重试。', en: 'The database is unavailable right now; try again shortly.' },
  errNETWORK: { zh: '无法连接服务。', en: 'The service cannot be reached.' },
  errOther: { zh: '请求失败', en: 'The request failed' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type WordKey = keyof typeof WORDS;
export const t = (key: WordKey): string => WORDS[key][lang];

type VocabName = keyof typeof VOCABULARIES;
/** The vocabulary's label of a term in the current language; the raw value when it is not a term. */
export function term(vocabulary: VocabName, value: string | null | undefined): string {
  if (value === null || value === undefined) return t('unknown');
  const terms = VOCABULARIES[vocabulary].terms as Readonly<Record<string, { zh: string; en: string }>>;
  const found = terms[value];
  if (!found) return value;
  // English labels may carry an explanation after a colon; the short head reads better in a legend.
  return lang === 'zh' ? found.zh : (found.en.split(':')[0] ?? found.en);
}

export function terms(vocabulary: VocabName): string[] {
  return Object.keys(VOCABULARIES[vocabulary].terms);
}

type AnalyticsName = keyof typeof ANALYTICS_VOCABULARIES;
export function analyticsTerm(vocabulary: AnalyticsName, value: string): string {
  const terms = ANALYTICS_VOCABULARIES[vocabulary].terms as Readonly<Record<string, { zh: string; en: string }>>;
  const found = terms[value];
  if (!found) return value;
  return lang === 'zh' ? found.zh : (found.en.split(/[:(]/)[0]?.trim() ?? found.en);
}

export function analyticsTerms(vocabulary: AnalyticsName): string[] {
  return Object.keys(ANALYTICS_VOCABULARIES[vocabulary].terms);
}

/** The bilingual message of an API error code, both languages at once so nobody misses it. */
export function errorMessage(code: string, detail: string): string {
  const key = `err${code}` as WordKey;
  const words = key in WORDS ? WORDS[key] : undefined;
  if (words) return `${words.zh} / ${words.en} (${code})`;
  return `${WORDS.errOther.zh} / ${WORDS.errOther.en} (${code}): ${detail}`;
}
