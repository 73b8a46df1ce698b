/**
 * The one place where domain errors become GraphQL errors: `extensions.code` always, and for bad
 * input `extensions.field` ("input.displayName") and `extensions.fieldPath` (["input", "displayName"]).
 * Anything unexpected is logged and masked as INTERNAL_SERVER_ERROR.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ReweaveError } from '../domain/errors.ts';
import { argumentPathOf } from './argument-errors.ts';
import { QUERY_TOO_COMPLEX, refusalMessage } from './limits/refusal.ts';

/** graphql-js's words when a document passes ParseOptions.maxTokens ("more that" is its spelling). */
const TOO_MANY_TOKENS = /Document contains more th(?:at|an) (\d+) tokens/;

type WithExtensions = { extensions?: Record<string, unknown>; originalError?: unknown } | null | undefined;

/**
 * A limit refusal's extensions, found where they are: on the formatted error (validation rules), or
 * on the original error when Apollo re-wrapped it (a plugin's throw: Apollo wraps an error that is
 * not its own graphql module's GraphQLError, as under a test runner that loads graphql twice).
 */
function limitExtensions(formatted: GraphQLFormattedError, original: unknown): Record<string, unknown> | null {
  const candidates = [formatted as WithExtensions, original as WithExtensions, (original as WithExtensions)?.originalError as WithExtensions];
  const found = candidates.find((c) => typeof c?.extensions?.queryLimit === 'string');
  if (!found?.extensions) return null;
  const { http: _http, ...rest } = found.extensions;
  return rest;
}

/** The name of the error a request's own resolvers see when its client disconnected (app.ts): no one reads the answer, nothing to log. */
export const CLIENT_GONE = 'ClientDisconnected';

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ReweaveError) {
    const { path, ...details } = original.details;
    const extensions: Record<string, unknown> = { ...details, code: original.code };
    if (path) {
      extensions.field = path.join('.');
      extensions.fieldPath = path;
    }
    return { message: original.message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}), extensions };
  }
  const code = formatted.extensions?.code;
  // A query limit (./limits): Apollo files the shape rules' refusals under GRAPHQL_VALIDATION_FAILED
  // and the token cap under GRAPHQL_PARSE_FAILED; the API's code for all of them is one.
  const limit = limitExtensions(formatted, original);
  if (limit) return { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { ...limit, code: QUERY_TOO_COMPLEX } };
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOO_MANY_TOKENS.exec(formatted.message) : null;
  if (tokens) {
    const limit = Number(tokens[1]);
    return { message: refusalMessage('tokens', null, limit), extensions: { code: QUERY_TOO_COMPLEX, queryLimit: 'tokens', limit } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT') {
    // A bad argument value caught by GraphQL itself (unknown enum value, wrong type): name the field.
    const path = argumentPathOf(original);
    if (path) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', field: path.join('.'), fieldPath: path } };
  }
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    if ((original as Error | null)?.name !== CLIENT_GONE) console.error('[reweave] unexpected error:', original);
    return { ...formatted, message: 'Internal server error / 服务器内部错误', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}
