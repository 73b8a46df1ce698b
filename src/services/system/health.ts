/** Health: is the database reachable, and which schema version has been applied. */
import type { Database } from '../../db/database.ts';
import { schemaVersion } from '../../db/migrate.ts';

export interface Health {
  status: 'ok' | 'unavailable';
  database: { reachable: boolean; schemaVersion: number | null; error?: string };
}

/**
 * A successful check is reused for up to a second, unless a statement has failed as unavailable since:
 * /health then answers from memory while a long analysis keeps Neo4j and the cores busy, and an outage
 * that any request has already seen is reported at once.
 */
const FRESH_MS = 1000;
const lastOk = new WeakMap<Database, { at: number; failures: number; report: Health }>();

export async function health(db: Database, timeoutMs = 2000): Promise<Health> {
  const cached = lastOk.get(db);
  if (cached && cached.failures === db.failures && Date.now() - cached.at < FRESH_MS) return cached.report;
  const report = await check(db, timeoutMs);
  if (report.status === 'ok') lastOk.set(db, { at: Date.now(), failures: db.failures, report });
  else lastOk.delete(db);
  return report;
}

async function check(db: Database, timeoutMs: number): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const version = await Promise.race([schemaVersion(db), timeout]);
    return { status: 'ok', database: { reachable: true, schemaVersion: version } };
  } catch (error) {
    return { status: 'unavailable', database: { reachable: false, schemaVersion: null, error: (error as Error).message.split('\n')[0]! } };
  } finally {
    clearTimeout(timer);
  }
}
