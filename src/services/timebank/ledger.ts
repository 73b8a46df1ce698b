/**
 * timeBank(communityId, from, to): the ledger of the community's time bank (共享会) over a window,
 * by src/analytics/timebank/ledger.ts (what it checks and why there). The members are the residents
 * of the community who took part; an exchange to a resident of another community is refused by the
 * ledger (and by the write path) as not between members. The default window is the 365 days up to
 * the end of today (UTC), as the other analytics.
 */
import { timeBankLedger, type Ledger, type Member } from '../../analytics/timebank/ledger.ts';
import { getNodes } from '../../db/repositories/nodes.ts';
import { listExchanges } from '../../db/repositories/timebank.ts';
import { badInput, notFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { requireScope } from '../guard.ts';
import { seesPseudonymsOnly } from '../../domain/permissions.ts';
import { relTreatment } from '../../domain/pseudonymise-policy.ts';

export interface TimeBankRequest {
  communityId: string;
  from?: Date | null;
  to?: Date | null;
}

export interface TimeBankOutcome extends Ledger {
  communityId: string;
  from: Date;
  to: Date;
  seconds: number;
}

const DAY_MS = 86_400_000;

export async function timeBankOf(ctx: ServiceContext, request: TimeBankRequest): Promise<TimeBankOutcome> {
  requireScope(ctx.principal, request.communityId);
  const to = request.to ?? (request.from ? new Date(request.from.getTime() + 365 * DAY_MS) : new Date(Math.ceil(ctx.now().getTime() / DAY_MS) * DAY_MS));
  const from = request.from ?? new Date(to.getTime() - 365 * DAY_MS);
  if (to <= from) throw badInput('the window is reversed: to is before from / 时间窗口颠倒：结束早于开始', ['to']);
  const community = await ctx.db.read((tx) => getNodes(tx, 'Community', [request.communityId]));
  if (community.length === 0) throw notFound('Community', request.communityId, ['communityId']);
  const started = performance.now();
  const rows = await ctx.db.read((tx) => listExchanges(tx, request.communityId, to));
  const members = new Map<string, Member>();
  for (const r of rows) {
    members.set(r.provider, { id: r.provider, housingType: r.providerHousing });
    if (r.recipientCommunity === request.communityId) members.set(r.recipient, { id: r.recipient, housingType: r.recipientHousing });
  }
  // Service texts are free text, withheld from researchers (src/domain/pseudonymise-policy.ts): their
  // ledger has one line for all services.
  const withhold = seesPseudonymsOnly(ctx.principal) && relTreatment('EXCHANGED', 'service') === 'withhold';
  const exchanges = withhold ? rows.map((r) => ({ ...r, service: null })) : rows;
  const ledger = timeBankLedger(exchanges, [...members.values()], { from: from.getTime(), to: to.getTime() });
  return { ...ledger, communityId: request.communityId, from, to, seconds: (performance.now() - started) / 1000 };
}
