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
  errUNAUTHENTICATED: { zh: '令牌无效或已撤销，请重新粘贴有效令牌。', en: 'The token is unknown or revoked: paste a valid token.' },
  errFORBIDDEN: { zh: '此令牌的角色或社区范围无权查看此内容。', en: 'This token\'s role or communities may not see this.' },
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
