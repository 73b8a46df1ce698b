/**
 * The refusal of a request over a query limit: code QUERY_TOO_COMPLEX, the rule that refused it
 * (depth, aliases, tokens, cost), what was found (the estimate, for cost) and the limit.
 */
import { GraphQLError } from 'graphql';

export type LimitRule = 'depth' | 'aliases' | 'tokens' | 'cost';

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

const WORDS: Record<LimitRule, { en: string; zh: string }> = {
  depth: { en: 'is nested deeper', zh: '嵌套层数' },
  aliases: { en: 'has more aliases', zh: '别名数' },
  tokens: { en: 'has more tokens', zh: '词法单元数' },
  cost: { en: 'has a higher estimated cost', zh: '估计开销' },
};

export function refusalMessage(rule: LimitRule, found: number | null, limit: number): string {
  const { en, zh } = WORDS[rule];
  const shown = found === null ? '' : ` (${found.toLocaleString('en-US')})`;
  const zhShown = found === null ? '超过' : `为 ${found.toLocaleString('en-US')}，超过`;
  return `The query ${en}${shown} than the limit of ${limit.toLocaleString('en-US')}; ask for less (smaller pages, fewer nested lists) / 查询的${zh}${zhShown}上限 ${limit.toLocaleString('en-US')}，请减少请求内容（更小的分页、更少的嵌套列表）`;
}

/** The extensions of a refusal; `queryLimit` marks it for formatError, which sets the code. */
export function refusalExtensions(rule: LimitRule, found: number | null, limit: number): Record<string, unknown> {
  return { code: QUERY_TOO_COMPLEX, queryLimit: rule, limit, ...(found === null ? {} : rule === 'cost' ? { estimate: found } : { found }), http: { status: 400 } };
}

export const refusal = (rule: LimitRule, found: number | null, limit: number) =>
  new GraphQLError(refusalMessage(rule, found, limit), { extensions: refusalExtensions(rule, found, limit) });
