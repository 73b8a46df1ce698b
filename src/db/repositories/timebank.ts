/** Reads of the time-bank ledger. */
import type { Tx } from '../database.ts';

export interface ExchangeRow {
  provider: string;
  recipient: string;
  providerHousing: string | null;
  recipientHousing: string | null;
  recipientCommunity: string;
  at: number;
  hours: number;
  points: number | null;
  service: string | null;
}

export async function listExchanges(tx: Tx, communityId: string, to: Date): Promise<ExchangeRow[]> {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return (await tx.run('timebank/list-exchanges', { communityId, to })).map((row) => ({
    provider: String(row.provider),
    recipient: String(row.recipient),
    providerHousing: text(row.providerHousing),
    recipientHousing: text(row.recipientHousing),
    recipientCommunity: String(row.recipientCommunity),
    at: Number(row.at),
    hours: Number(row.hours),
    points: typeof row.points === 'number' ? row.points : null,
    service: text(row.service),
  }));
}
