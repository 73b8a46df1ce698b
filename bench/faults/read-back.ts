/**
 * What a bench community holds afterwards, read straight from the database: which resident ids
 * exist, and the audit log's entries of the bench's writes (FaultWrite) by the id they wrote.
 */
import type { Database } from '../../src/db/database.ts';
import type { Outcome } from './clients.ts';

export interface WriteCheck {
  acknowledged: number;
  acknowledgedPresent: number;
  acknowledgedAudited: number;
  refused: number;
  refusedAbsent: number;
  /**
   * No answer at all (connection refused or reset, client timeout), or one saying the change may or
   * may not have been saved (writeOutcome UNKNOWN, auditRecorded false): either way is allowed.
   */
  unanswered: number;
  unansweredPresent: number;
  /** Ids the bench never sent but found (must be 0). */
  strangers: number;
  /** Ids written twice (must be 0: one node per id). */
  duplicates: number;
  lost: string[];
  phantoms: string[];
}

export async function checkWrites(db: Database, communityId: string, writes: Outcome[]): Promise<WriteCheck> {
  const session = db.driver.session();
  try {
    const residents = await session.run('MATCH (r:Resident {communityId: $c}) RETURN r.id AS id', { c: communityId });
    const audit = await session.run("MATCH (a:AuditEntry {operationName: 'FaultWrite'}) RETURN a.variables AS variables, a.outcome AS outcome");
    const present = new Map<string, number>();
    for (const r of residents.records) present.set(r.get('id') as string, (present.get(r.get('id') as string) ?? 0) + 1);
    const auditedOk = new Set<string>();
    for (const r of audit.records) {
      const id = (JSON.parse(r.get('variables') as string) as { input?: { id?: string } }).input?.id;
      if (id && r.get('outcome') === 'OK') auditedOk.add(id);
    }
    const sent = new Set(writes.map((w) => w.id!));
    const acked = writes.filter((w) => w.ok);
    const refused = writes.filter((w) => !w.ok && !w.uncertain);
    const unanswered = writes.filter((w) => !w.ok && w.uncertain);
    return {
      acknowledged: acked.length,
      acknowledgedPresent: acked.filter((w) => present.has(w.id!)).length,
      acknowledgedAudited: acked.filter((w) => auditedOk.has(w.id!)).length,
      refused: refused.length,
      refusedAbsent: refused.filter((w) => !present.has(w.id!)).length,
      unanswered: unanswered.length,
      unansweredPresent: unanswered.filter((w) => present.has(w.id!)).length,
      strangers: [...present.keys()].filter((id) => !sent.has(id) && id.startsWith('fault')).length,
      duplicates: [...present.values()].filter((n) => n > 1).length,
      lost: acked.filter((w) => !present.has(w.id!)).map((w) => w.id!),
      phantoms: refused.filter((w) => present.has(w.id!)).map((w) => `${w.id} (${w.status} ${w.codes.join(',')})`),
    };
  } finally {
    await session.close();
  }
}
