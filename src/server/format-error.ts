/**
 * The one place where domain errors become GraphQL errors: `extensions.code` always, and for bad
 * input `extensions.field` ("input.displayName") and `extensions.fieldPath` (["input", "displayName"]).
 * Anything unexpected is logged and masked as INTERNAL_SERVER_ERROR.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ReweaveError } from '../domain/errors.ts';
import { argumentPathOf } from './argument-errors.ts';

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
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT') {
    // A bad argument value caught by GraphQL itself (unknown enum value, wrong type): name the field.
    const path = argumentPathOf(original);
    if (path) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', field: path.join('.'), fieldPath: path } };
  }
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    console.error('[reweave] unexpected error:', original);
    return { ...formatted, message: 'Internal server error / 服务器内部错误', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}
