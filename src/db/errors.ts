/** The one place that maps Neo4j driver errors to domain errors. */
import { Neo4jError } from 'neo4j-driver';
import { badInput, databaseUnavailable, ReweaveError } from '../domain/errors.ts';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return UNAVAILABLE.has(error.code) || error.code.startsWith('Neo.TransientError.General.DatabaseUnavailable');
}

const TIMED_OUT = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);

/**
 * The database did not answer in time: the server stopped a transaction at its timeout, or no pooled
 * connection came free within the acquisition timeout (the driver gives that one no code, only its
 * words). For the API's own statements both mean the database cannot serve now.
 */
export function isTimeout(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return TIMED_OUT.has(error.code) || /^Connection acquisition timed out/.test(error.message);
}

/**
 * `timeouts`: whether a timeout counts as unavailable. Not for the researcher's own query, whose
 * timeout is its own refusal (src/db/research.ts).
 */
export function translateDbError(error: unknown, options: { timeouts?: boolean } = {}): unknown {
  if (error instanceof ReweaveError) return error;
  if (isUnavailable(error)) return databaseUnavailable(error);
  if ((options.timeouts ?? true) && isTimeout(error)) return databaseUnavailable(error);
  if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    // A race the use cases' own checks could not see (two creates of one id at once). Neo4j's message
    // names the stored node and its internal number: it never reaches the caller.
    return badInput('id is already in use; choose another / 该编号已被占用，请换一个', ['input', 'id']);
  }
  // Connection refused before the driver classified it (first connection after a restart).
  if (error instanceof Error && /ECONNREFUSED|ECONNRESET|connection.*(closed|refused)/i.test(error.message)) {
    return databaseUnavailable(error);
  }
  return error;
}
