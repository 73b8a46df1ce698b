/** The one place that maps Neo4j driver errors to domain errors. */
import { Neo4jError } from 'neo4j-driver';
import { badInput, databaseUnavailable, ReweaveError } from '../domain/errors.ts';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return UNAVAILABLE.has(error.code) || error.code.startsWith('Neo.TransientError.General.DatabaseUnavailable');
}

export function translateDbError(error: unknown): unknown {
  if (error instanceof ReweaveError) return error;
  if (isUnavailable(error)) return databaseUnavailable(error);
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
