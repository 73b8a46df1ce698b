/** What every use case receives: the database, the caller and the clock (injectable for tests). */
import type { Database } from '../db/database.ts';
import type { Principal } from '../domain/permissions.ts';
import type { AnalyticsSettings } from '../compute/settings.ts';

export interface ServiceContext {
  db: Database;
  principal: Principal;
  now: () => Date;
  /** Key of the researchers' pseudonyms (src/services/shape.ts); kept in the data folder. */
  pseudonymSecret: string;
  /** The analytics' caches and inline limit, from the configuration; absent = the defaults (analytics/settings.ts). */
  analytics?: AnalyticsSettings;
  /** Aborted when no one waits for the answer any more (the HTTP client disconnected): shared runs it alone waits for are cancelled. */
  signal?: AbortSignal;
}
