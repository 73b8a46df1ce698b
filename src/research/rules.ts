/**
 * The rules a researcher's query must keep (docs/research-query.md), each with the words of its
 * refusal in English and Chinese. Every refusal names exactly one rule, so that a researcher (and a
 * test) can tell which one refused a query.
 */
export const RESEARCH_RULES = {
  length: { en: 'the query is too long (characters or tokens)', zh: '查询过长（字符数或词元数）' },
  nesting: { en: 'brackets or CASE expressions are nested too deeply', zh: '括号或 CASE 表达式嵌套过深' },
  complexity: { en: 'the query could not be checked within the time the checker is given', zh: '查询无法在检查时限内完成检查' },
  characters: { en: 'the query holds a character that is not allowed (control, invisible or line-separator characters anywhere; anything but ASCII outside string literals)', zh: '查询含有不允许的字符（控制符、不可见字符或行分隔符；字符串字面量以外只允许 ASCII）' },
  syntax: { en: 'the query is not valid Cypher', zh: '查询不是有效的 Cypher' },
  statements: { en: 'one statement per query', zh: '每次只能提交一条语句' },
  'query-options': { en: 'EXPLAIN, PROFILE and CYPHER options are not allowed (the service explains every query itself)', zh: '不允许 EXPLAIN、PROFILE 或 CYPHER 选项（服务会自行 EXPLAIN）' },
  command: { en: 'administration and schema commands are not allowed', zh: '不允许管理与模式命令' },
  'escaped-name': { en: 'backtick-quoted names are not allowed', zh: '不允许反引号括起的名称' },
  write: { en: 'only reading clauses are allowed (no CREATE, MERGE, SET, REMOVE, DELETE, FOREACH)', zh: '只允许读取子句（不允许 CREATE、MERGE、SET、REMOVE、DELETE、FOREACH）' },
  'procedure-call': { en: 'CALL of procedures is not allowed', zh: '不允许 CALL 调用存储过程' },
  subquery: { en: 'CALL { … } subqueries are not allowed', zh: '不允许 CALL { … } 子查询' },
  'load-csv': { en: 'LOAD CSV is not allowed (it would let the server fetch URLs and files)', zh: '不允许 LOAD CSV（会让服务器读取网址与文件）' },
  apoc: { en: 'apoc.* is not available', zh: '不可使用 apoc.*' },
  function: { en: 'this function is not on the allowed list', zh: '此函数不在允许列表中' },
  'dynamic-access': { en: 'dynamic labels, types and properties are not allowed (n[$key], :$(…), a parameter as a property map)', zh: '不允许动态标签、类型和属性（n[$key]、:$(…)、以参数作属性映射）' },
  'map-projection': { en: 'map projections (n{.*}, n{.name}) are not allowed; return each property as n.name', zh: '不允许映射投影（n{.*}、n{.name}），请逐个返回属性 n.name' },
  identity: { en: 'identifying details (the Identity label, IDENTIFIED_BY, realName, phone, idNumber) are never readable by research queries', zh: '研究查询永远不能读取身份信息（Identity 标签、IDENTIFIED_BY、realName、phone、idNumber）' },
  label: { en: 'every node pattern needs exactly one label of the data model', zh: '每个节点模式须恰有一个数据模型中的标签' },
  'relationship-type': { en: 'relationship types must be of the data model (a type list joined by | at most)', zh: '关系类型须属于数据模型（至多以 | 列举）' },
  scope: { en: 'every node pattern needs a variable, and that variable must be confined by `<variable>.communityId IN $__communities` as a top-level AND condition of its MATCH … WHERE (or of its own inline WHERE)', zh: '每个节点模式须有变量，并在其 MATCH … WHERE（或节点内联 WHERE）的顶层 AND 条件中以 `<变量>.communityId IN $__communities` 限定' },
  'whole-entity': { en: 'whole nodes, relationships and paths cannot be returned or passed on; return properties (n.name), or use the variable in count(), type(), labels() or a plain WITH n', zh: '不能返回或传递整个节点、关系或路径；请返回属性（n.name），或仅在 count()、type()、labels() 或 WITH n 中使用变量' },
  'withheld-property': { en: 'this property is withheld from researchers (free text, or not part of the data model)', zh: '此属性不向研究者提供（自由文本或不属于数据模型）' },
  'pseudonymised-property': { en: 'this property is pseudonymised: it may only be returned as a whole RETURN item (RETURN r.id, r.displayName AS name), not filtered, ordered, passed through WITH or computed on', zh: '此属性已化名：只能作为完整的 RETURN 项返回（RETURN r.id、r.displayName AS name），不能用于筛选、排序、WITH 传递或计算' },
  path: { en: 'variable-length, quantified and shortest-path patterns, named paths and match modes are not allowed (their inner nodes could not be confined to your communities)', zh: '不允许可变长度、量化、最短路径模式、命名路径与匹配模式（其中间节点无法限定在您的社区内）' },
  'pattern-expression': { en: 'patterns inside expressions (EXISTS { … }, COUNT { … }, COLLECT { … }, pattern comprehensions) are not allowed; use OPTIONAL MATCH and count()', zh: '不允许表达式中的模式（EXISTS { … }、COUNT { … }、COLLECT { … }、模式推导式），请用 OPTIONAL MATCH 与 count()' },
  'variable-reuse': { en: 'a variable names one kind of thing in the whole query: a node variable is not renamed, nor its name reused for another label, relationship or value', zh: '变量在整个查询中只能指一种对象：节点变量不能改名，其名称也不能用于其他标签、关系或值' },
  construct: { en: 'this Cypher construct is not on the allowed list', zh: '此 Cypher 语法不在允许列表中' },
  parameters: { en: 'parameters must be a JSON object of names (letters, digits, _) that do not start with __, the service’s own', zh: '参数须为 JSON 对象，名称由字母、数字、下划线组成，且不能以 __ 开头（保留给服务）' },
  'query-type': { en: 'only read-only queries run (the database classified this one as another type)', zh: '只运行只读查询（数据库判定此查询为其他类型）' },
  plan: { en: 'the database’s plan for this query uses an operation that research queries may not use', zh: '数据库为此查询生成的计划含有研究查询不允许的操作' },
  'query-error': { en: 'the database refused the query', zh: '数据库拒绝了此查询' },
  timeout: { en: 'the query ran longer than its time limit and was stopped', zh: '查询超过时间上限，已终止' },
  'result-size': { en: 'the answer is larger than the byte limit, or needed more memory than the database grants one query', zh: '结果超过字节上限，或所需内存超过数据库允许单个查询使用的上限' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type ResearchRule = keyof typeof RESEARCH_RULES;

/** A refusal: the rule, what exactly broke it, and where in the query (an offset), when known. */
export interface Refusal {
  readonly rule: ResearchRule;
  readonly detail: string;
  readonly offset?: number;
}

export class ResearchRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusalMessage(refusal));
    this.name = 'ResearchRefusal';
  }
}

export function refuse(rule: ResearchRule, detail: string, offset?: number): never {
  throw new ResearchRefusal(offset === undefined ? { rule, detail } : { rule, detail, offset });
}

/** "Refused by rule scope (`b` is not confined …): every node pattern … / 按规则 scope 拒绝（…）：…" */
export function refusalMessage(r: Refusal): string {
  const words = RESEARCH_RULES[r.rule];
  const at = r.offset === undefined ? '' : ` at offset ${r.offset}`;
  const zhAt = r.offset === undefined ? '' : `，位置 ${r.offset}`;
  return `Refused by rule ${r.rule}${at} (${r.detail}): ${words.en} / 按规则 ${r.rule} 拒绝${zhAt}（${r.detail}）：${words.zh}`;
}
