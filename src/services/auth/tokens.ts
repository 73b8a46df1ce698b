/**
 * API tokens. A token is 32 random bytes shown once; only its SHA-256 is stored (a fast hash is
 * enough for high-entropy secrets, unlike passwords). Each carries a role and its communities.
 */
import { createHash, randomBytes } from 'node:crypto';
import { LruCache } from '../../compute/lru.ts';
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

export async function revokeToken(db: Database, id: string): Promise<TokenRecord | null> {
  const record = await db.write((tx) => revoke(tx, id, new Date()));
  principalsOf(db).clear();
  return record;
}

/** The first start (or after the last all-community ADMIN token was revoked): create one. */
export async function ensureAdminToken(db: Database): Promise<string | null> {
  const admins = await db.read((tx) => countActiveAdmins(tx));
  if (admins > 0) return null;
  const { token } = await createToken(db, { role: 'ADMIN', communities: ['*'], name: 'first-start admin' });
  return token;
}

/**
 * How long a known token's principal is kept in this process before it is looked up again. Every
 * request names its token, and looking it up in Neo4j cost as much as answering a cached analysis;
 * the price is that a token revoked by another process (the token CLI) still works here for up to
 * this long. A revocation in this process clears the cache at once. Unknown tokens are never cached.
 */
export const TOKEN_CACHE_SECONDS = 5;
const TOKEN_CACHE_SIZE = 10_000;

const caches = new WeakMap<Database, LruCache<Principal>>();
function principalsOf(db: Database): LruCache<Principal> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new LruCache<Principal>(TOKEN_CACHE_SIZE, TOKEN_CACHE_SECONDS * 1000)));
  return cache;
}

export async function authenticate(db: Database, authorization: string | undefined): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw unauthenticated();
  const hash = hashToken(match[1]!);
  const cache = principalsOf(db);
  const known = cache.get(hash);
  if (known) return known;
  const record = await db.read((tx) => findToken(tx, hash));
  if (!record) throw unauthenticated('Unknown or revoked token / 令牌无效或已撤销');
  const principal: Principal = Object.freeze({ tokenId: record.id, role: record.role as Role, communities: Object.freeze([...record.communities]) });
  cache.set(hash, principal);
  return principal;
}
