/**
 * API tokens. A token is 32 random bytes shown once; only its SHA-256 is stored (a fast hash is
 * enough for high-entropy secrets, unlike passwords). Each carries a role and its communities.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { countActiveAdmins, createToken as insert, findToken, listTokens as list, revokeToken as revoke, type TokenRecord } from '../../db/repositories/tokens.ts';
import { unauthenticated } from '../../domain/errors.ts';
import type { Principal } from '../../domain/permissions.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { newId } from '../ids.ts';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export async function createToken(db: Database, args: { role: Role; communities: string[]; name?: string | null }): Promise<{ token: string; record: TokenRecord }> {
  const token = `rw_${randomBytes(32).toString('base64url')}`;
  const record = await db.write((tx) =>
    insert(tx, { id: newId('token'), hash: hashToken(token), role: args.role, communities: args.communities, name: args.name ?? null, now: new Date() }),
  );
  return { token, record };
}

export const listTokens = (db: Database) => db.read((tx) => list(tx));

export const revokeToken = (db: Database, id: string) => db.write((tx) => revoke(tx, id, new Date()));

/** The first start (or after the last all-community ADMIN token was revoked): create one. */
export async function ensureAdminToken(db: Database): Promise<string | null> {
  const admins = await db.read((tx) => countActiveAdmins(tx));
  if (admins > 0) return null;
  const { token } = await createToken(db, { role: 'ADMIN', communities: ['*'], name: 'first-start admin' });
  return token;
}

export async function authenticate(db: Database, authorization: string | undefined): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw unauthenticated();
  const record = await db.read((tx) => findToken(tx, hashToken(match[1]!)));
  if (!record) throw unauthenticated('Unknown or revoked token / 令牌无效或已撤销');
  return { tokenId: record.id, role: record.role as Role, communities: record.communities };
}
