/**
 * The k-anonymity report of a community (`npm run privacy`): reads the quasi-identifiers researchers
 * see of every resident (src/db/repositories/privacy.ts) and measures them (src/analytics/privacy) at
 * the finest levels, at levels the caller fixes, or along the greedy coarsening until k.
 */
import { coarsenUntil, type CoarseningStep } from '../../analytics/privacy/coarsen.ts';
import { FINEST, kAnonymity, type KAnonymityFigures, type Levels, type QuasiRecord } from '../../analytics/privacy/k-anonymity.ts';
import { streamQuasiIdentifiers } from '../../db/repositories/privacy.ts';
import { ReweaveError } from '../../domain/errors.ts';
import type { Principal } from '../../domain/permissions.ts';
import type { Database } from '../../db/database.ts';
import { requireScope } from '../guard.ts';

/** `auto`: the greedy walk from the finest levels; fixed levels: those, measured next to the finest. */
export type Coarsen = { kind: 'none' } | { kind: 'auto' } | { kind: 'fixed'; levels: Levels };

export interface KAnonymityReport {
  communityId: string;
  k: number;
  finest: KAnonymityFigures;
  /** The greedy walk (auto), or the finest and the fixed levels (fixed); [] with no coarsening. */
  steps: CoarseningStep[];
  reached: boolean;
}

export async function kAnonymityReport(ctx: { db: Database; principal: Principal }, communityId: string, k: number, coarsen: Coarsen): Promise<KAnonymityReport> {
  requireScope(ctx.principal, communityId);
  const records: QuasiRecord[] = [];
  await streamQuasiIdentifiers(ctx.db, communityId, (batch) => {
    for (const r of batch) records.push(r);
  });
  if (records.length === 0) throw new ReweaveError('NOT_FOUND', `Community ${communityId} has no residents (or does not exist) / 社区 ${communityId} 没有居民（或不存在）`, { id: communityId });
  const finest = kAnonymity(records, k, FINEST);
  if (coarsen.kind === 'none') return { communityId, k, finest, steps: [], reached: finest.belowK === 0 };
  if (coarsen.kind === 'auto') {
    const walk = coarsenUntil(records, k, FINEST);
    return { communityId, k, finest, steps: [...walk.steps], reached: walk.reached };
  }
  const fixed = kAnonymity(records, k, coarsen.levels);
  return { communityId, k, finest, steps: [{ raised: null, levels: FINEST, figures: finest }, { raised: null, levels: coarsen.levels, figures: fixed }], reached: fixed.belowK === 0 };
}

/** The hierarchies, for the command line's arguments and output (cli does not import analytics). */
export { FINEST, HIERARCHIES, QUASI_IDENTIFIERS, type KAnonymityFigures, type Levels, type QuasiIdentifier } from '../../analytics/privacy/k-anonymity.ts';
