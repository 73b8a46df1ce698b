import type { Tx } from '../database.ts';

export interface AuditRow {
  id: string;
  at: Date;
  tokenId: string | null;
  role: string | null;
  tokenCommunities: string[];
  operationName: string | null;
  /** The mutation fields the operation called, in order. */
  fields: string[];
  /** The request's variables as JSON, secrets replaced (src/services/audit/redact.ts). */
  variables: string;
  outcome: 'OK' | 'ERROR';
  errorCodes: string[];
}

export async function createAuditEntries(tx: Tx, rows: AuditRow[]): Promise<number> {
  const result = await tx.run('audit/create-entries', { rows });
  return Number(result[0]?.written ?? 0);
}

/** The same rows again after a failed attempt that may have committed: entries already written stay one each. */
export async function mergeAuditEntries(tx: Tx, rows: AuditRow[]): Promise<number> {
  const result = await tx.run('audit/merge-entries', { rows });
  return Number(result[0]?.written ?? 0);
}

export async function listAuditEntries(tx: Tx, q: { afterAt: Date | null; afterId: string | null; limit: number }): Promise<AuditRow[]> {
  return (await tx.run('audit/list-entries', q)).map((r) => r.entry as unknown as AuditRow);
}
