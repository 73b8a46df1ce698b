import type { Tx } from '../database.ts';
import type { Plain } from '../values.ts';

export interface TokenRecord {
  id: string;
  role: string;
  communities: string[];
  name: string | null;
  createdAt?: Date;
  revokedAt?: Date | null;
}

const asToken = (value: Plain) => value as unknown as TokenRecord;

export async function findToken(tx: Tx, hash: string): Promise<TokenRecord | null> {
  const rows = await tx.run('auth/find-token', { hash });
  return rows[0] ? asToken(rows[0].token) : null;
}

export async function createToken(tx: Tx, token: { id: string; hash: string; role: string; communities: string[]; name: string | null; now: Date }): Promise<TokenRecord> {
  const rows = await tx.run('auth/create-token', token);
  return asToken(rows[0]!.token);
}

export async function listTokens(tx: Tx): Promise<TokenRecord[]> {
  return (await tx.run('auth/list-tokens')).map((r) => asToken(r.token));
}

export async function revokeToken(tx: Tx, id: string, now: Date): Promise<TokenRecord | null> {
  const rows = await tx.run('auth/revoke-token', { id, now });
  return rows[0] ? asToken(rows[0].token) : null;
}

export async function countActiveAdmins(tx: Tx): Promise<number> {
  const rows = await tx.run('auth/count-active-admins');
  return Number(rows[0]?.total ?? 0);
}
