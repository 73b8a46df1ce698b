/** A small batch of rows through GraphQL: the importer's checks, within the caller's communities. */
import { badInput } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { requireRole } from '../guard.ts';
import { importDataset } from './import-dataset.ts';
import { rowsSource } from './source.ts';

export const MAX_ROWS = 1000;

export async function importRows(ctx: ServiceContext, file: string, rows: readonly Record<string, unknown>[], skipInvalid: boolean) {
  requireRole(ctx.principal.role === 'ADMIN', ctx.principal, 'import rows');
  if (rows.length > MAX_ROWS) throw badInput(`at most ${MAX_ROWS} rows per call; use the import CLI for more / 每次最多 ${MAX_ROWS} 行`, ['input', 'rows']);
  const summary = await importDataset(ctx.db, rowsSource(file, rows), { skipInvalid, allowedCommunities: ctx.principal.communities, now: ctx.now() });
  return {
    written: summary.written,
    ...summary.totals,
    errors: summary.errors.map((e) => ({ row: e.line, column: e.column, reason: e.reason })),
  };
}
