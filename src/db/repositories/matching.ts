/** Reads of the matching: a joint conference, and the pool entries of a conference or a community's time bank. */
import type { Tx } from '../database.ts';

export interface ConferenceRow {
  id: string;
  communityId: string;
  name: string;
}

export interface PoolRow {
  kind: 'Resource' | 'Need';
  id: string;
  name: string;
  category: string;
  tags: string[];
  quantity: number | null;
  unit: string | null;
  urgency: number | null;
  validFrom: Date | null;
  validUntil: Date | null;
  owners: string[];
  /** Quantities that projects spanning the date take from it. */
  used: number[];
}

export async function getConference(tx: Tx, conferenceId: string): Promise<ConferenceRow | null> {
  const row = (await tx.run('matching/get-conference', { conferenceId }))[0];
  return row ? { id: String(row.id), communityId: String(row.communityId), name: String(row.name ?? '') } : null;
}

function poolRow(row: Record<string, unknown>): PoolRow {
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const date = (v: unknown) => (v instanceof Date ? v : null);
  return {
    kind: row.kind === 'Resource' ? 'Resource' : 'Need',
    id: String(row.id),
    name: String(row.name ?? ''),
    category: String(row.category ?? ''),
    tags: Array.isArray(row.tags) ? row.tags.map(String) : [],
    quantity: num(row.quantity),
    unit: typeof row.unit === 'string' ? row.unit : null,
    urgency: num(row.urgency),
    validFrom: date(row.validFrom),
    validUntil: date(row.validUntil),
    owners: Array.isArray(row.owners) ? row.owners.map(String) : [],
    used: Array.isArray(row.used) ? row.used.map(Number) : [],
  };
}

export async function listConferencePool(tx: Tx, conferenceId: string, asOf: Date): Promise<PoolRow[]> {
  return (await tx.run('matching/list-conference-pool', { conferenceId, asOf })).map(poolRow);
}

export async function listCommunityOffers(tx: Tx, communityId: string, asOf: Date, categories: readonly string[]): Promise<PoolRow[]> {
  return (await tx.run('matching/list-community-offers', { communityId, asOf, categories: [...categories] })).map(poolRow);
}
