/**
 * The limits every GraphQL request is held to before anything runs (docs/security.md). Defaults are
 * chosen so that the dashboard's and the documented queries fit with room to spare, while the
 * abusive shapes (deep nesting through relationship lists, hundreds of aliases, megabyte documents)
 * are refused up front; the operator sets them in src/config.ts.
 */
export interface QueryLimits {
  /** Deepest field nesting of an operation (introspection's own fields do not count). */
  maxDepth: number;
  /** Aliased fields in one document. */
  maxAliases: number;
  /** Lexical tokens of one document: graphql-js stops parsing past this (ParseOptions.maxTokens). */
  maxTokens: number;
  /** Estimated cost of one operation (./cost.ts). */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = Object.freeze({
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 5000,
  maxCost: 50_000,
});
