/** Health: is the database reachable, and which schema version has been applied. */
import type { Database } from '../../db/database.ts';
import { schemaVersion } from '../../db/migrate.ts';

export interface Health {
  status: 'ok' | 'unavailable';
  database: { reachable: boolean; schemaVersion: number | null; error?: string };
}

export async function health(db: Database, timeoutMs = 2000): Promise<Health> {
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
