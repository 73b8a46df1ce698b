/**
 * Domain errors. They carry a code and, for bad input, the path of the failing field; the GraphQL
 * layer maps them to `extensions` in one place (src/server/format-error.ts). They do not extend
 * GraphQLError so that services and analytics stay free of GraphQL.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'DATABASE_UNAVAILABLE',
  'CONFLICT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type FieldPath = readonly (string | number)[];

export class ReweaveError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { path?: FieldPath; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'ReweaveError';
  }
}

export const badInput = (message: string, path: FieldPath, extra: Record<string, unknown> = {}) =>
  new ReweaveError('BAD_USER_INPUT', message, { path, ...extra });

export const notFound = (what: string, id: string, path?: FieldPath) =>
  new ReweaveError('NOT_FOUND', `${what} ${id} not found / 未找到 ${what} ${id}`, path ? { path, id } : { id });

export const forbidden = (message: string) => new ReweaveError('FORBIDDEN', message);

export const unauthenticated = (message = 'A bearer token is required / 需要访问令牌') =>
  new ReweaveError('UNAUTHENTICATED', message);

/**
 * `writeOutcome` on a failed write: NOT_WRITTEN when no attempt reached its commit (safe to send
 * again), UNKNOWN when one did and the answer was lost (read back before sending again).
 */
export type WriteOutcome = 'NOT_WRITTEN' | 'UNKNOWN';

export const databaseUnavailable = (cause?: unknown, details: { writeOutcome?: WriteOutcome } = {}) => {
  const error = new ReweaveError('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly / 数据库暂不可用，请稍后重试', details);
  if (cause !== undefined) (error as { cause?: unknown }).cause = cause;
  return error;
};
