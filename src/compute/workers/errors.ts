/**
 * Errors across the thread boundary. Structured clone keeps an Error's message but drops its class
 * and own fields, so a ReweaveError thrown in a worker would arrive as a bare Error without its code
 * or field path. The worker sends this plain shape instead and the pool rebuilds the same kind of
 * error: a ReweaveError with its code and details (path included) or an Error with its name.
 */
import { ERROR_CODES, ReweaveError, type ErrorCode } from '../../domain/errors.ts';

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: ErrorCode;
  details?: Record<string, unknown>;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const out: SerializedError = { name: error.name, message: error.message };
  if (error.stack !== undefined) out.stack = error.stack;
  if (error instanceof ReweaveError) {
    out.code = error.code;
    out.details = cloneable(error.details);
  }
  return out;
}

export function deserializeError(serialized: SerializedError): Error {
  const { name, message, code, details, stack } = serialized;
  const error = code !== undefined && (ERROR_CODES as readonly string[]).includes(code)
    ? new ReweaveError(code, message, details ?? {})
    : new Error(message);
  error.name = name;
  // The worker's stack says where it failed; the caller's own frames would only name the pool.
  if (stack !== undefined) error.stack = `${stack}\n    at <analytics worker thread>`;
  return error;
}

/** Details as they survive structured clone; a detail that cannot be cloned is dropped, the path never. */
function cloneable(details: ReweaveError['details']): Record<string, unknown> {
  try {
    return structuredClone(details) as Record<string, unknown>;
  } catch {
    return details.path === undefined ? {} : { path: [...details.path] };
  }
}
