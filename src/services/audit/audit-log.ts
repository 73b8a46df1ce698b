/**
 * The audit log of mutations (docs/security.md): one AuditEntry node per mutation request — who
 * (token id, role, its communities), when, which mutation fields with which variables (secrets
 * redacted), and the outcome with its error codes.
 *
 * Entries are written in batches without being held back: a request's entry is written with every
 * other entry that arrived while the previous batch was being committed, in one UNWIND, and the
 * request's answer waits for that commit — so an answered mutation is in the log, and a burst of
 * mutations costs one audit transaction per batch rather than one each.
 *
 * When the database is unavailable the batch is tried again for up to `retryMs` (default 30 s): a
 * mutation that committed just before the database stopped would otherwise be answered as failed
 * while its change stays, unlogged. The answers wait meanwhile; a retry merges on the entries' ids,
 * as the failed attempt may have committed.
 */
import type { Database } from '../../db/database.ts';
import { createAuditEntries, listAuditEntries, mergeAuditEntries, type AuditRow } from '../../db/repositories/audit.ts';
import { badInput, forbidden, ReweaveError } from '../../domain/errors.ts';
import { seesAll, type Principal } from '../../domain/permissions.ts';
import { newId } from '../ids.ts';
import type { ServiceContext } from '../context.ts';

export type AuditInput = Omit<AuditRow, 'id'>;

const DEFAULT_RETRY_MS = 30_000;

export class AuditWriter {
  private queue: { row: AuditRow; done: (error?: unknown) => void }[] = [];
  private writing: Promise<void> | null = null;

  constructor(private readonly db: Database, private readonly options: { batch?: number; retryMs?: number } = {}) {}

  record(entry: AuditInput): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row: { id: newId('audit'), ...entry }, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.writing) this.writing = this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const taken = this.queue.splice(0, this.options.batch ?? 200);
      const rows = taken.map((t) => t.row);
      const began = Date.now();
      for (let attempt = 0; ; attempt += 1) {
        try {
          await this.db.write((tx) => (attempt === 0 ? createAuditEntries(tx, rows) : mergeAuditEntries(tx, rows)));
          for (const t of taken) t.done();
          break;
        } catch (error) {
          const unavailable = error instanceof ReweaveError && error.code === 'DATABASE_UNAVAILABLE';
          if (!unavailable || Date.now() - began >= (this.options.retryMs ?? DEFAULT_RETRY_MS)) {
            for (const t of taken) t.done(error);
            break;
          }
          await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
        }
      }
    }
    this.writing = null;
  }
}

export const MAX_AUDIT_PAGE = 100;

export interface AuditPage {
  edges: { cursor: string; node: AuditRow }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const encode = (row: AuditRow) => Buffer.from(`${row.at.toISOString()}|${row.id}`, 'utf8').toString('base64url');

function decode(cursor: string): { afterAt: Date; afterId: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const afterAt = new Date(at ?? '');
  if (!id || Number.isNaN(afterAt.getTime())) throw badInput('after: not a cursor returned by this API / 无效的游标', ['after']);
  return { afterAt, afterId: id };
}

/** Only an ADMIN of every community reads the log: entries name tokens of every community. */
export function mayReadAudit(p: Principal): boolean {
  return p.role === 'ADMIN' && seesAll(p);
}

export async function auditLog(ctx: ServiceContext, args: { first: number; after: string | null }): Promise<AuditPage> {
  if (!mayReadAudit(ctx.principal)) throw forbidden('The audit log is for ADMIN tokens of every community / 审计日志仅限全局管理员查看');
  const after = args.after ? decode(args.after) : { afterAt: null, afterId: null };
  const rows = args.first === 0 ? [] : await ctx.db.read((tx) => listAuditEntries(tx, { ...after, limit: args.first + 1 }));
  const page = rows.slice(0, args.first);
  return {
    edges: page.map((node) => ({ cursor: encode(node), node })),
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: page.length > 0 ? encode(page[page.length - 1]!) : null },
  };
}
