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
    // The message names the label and property; the id is the only unique property we declare.
    return badInput(`id already exists / 该 id 已存在: ${error.message.split('\n')[0]}`, ['input', 'id']);
  }
  // Connection refused before the driver classified it (first connection after a restart).
  if (error instanceof Error && /ECONNREFUSED|ECONNRESET|connection.*(closed|refused)/i.test(error.message)) {
    return databaseUnavailable(error);
  }
  return error;
}
