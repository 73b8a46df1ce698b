/**
 * An API under test: the real server (src/server/app.ts) on a free port over the run's real Neo4j,
 * with one token per role scoped to this file's own community, and one ADMIN of another community.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { startApp, type App } from '../../src/server/app.ts';
import { createToken } from '../../src/services/auth/tokens.ts';
import type { Role } from '../../src/domain/vocabulary.ts';
import type { NodeLabel } from '../../src/domain/model.ts';
import { gqlNames } from '../../src/schema/sdl-names.ts';
import { digestCommunity } from './checksum.ts';
import { minimalCreateInput } from './model-values.ts';

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestApi {
  db: Database;
  app: App;
  communityId: string;
  otherCommunityId: string;
  tokens: Record<Role | 'OTHER_ADMIN' | 'GLOBAL_ADMIN', string>;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>>;
  /** Creates a node of the label with its required fields (plus `extra`) in this file's community; returns its id. */
  make(label: NodeLabel, extra?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export const uniqueId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export function neo4jUri(): string {
  return process.env.NEO4J_URI ?? inject('neo4jUri');
}

/** The shared test database, or another instance (a throwaway one) with its own credentials. */
export function testDatabase(uri = neo4jUri(), auth?: { username: string; password: string }): Database {
  const { username, password } = auth ?? { username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'neo4j' };
  return new Database({ uri, username, password, retrySeconds: 1 });
}

export async function post<T>(url: string, body: unknown, token?: string | null): Promise<{ status: number; body: GqlResult<T> }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as GqlResult<T> };
}

export async function startTestApi(db: Database = testDatabase()): Promise<TestApi> {
  await migrate(db);
  const app = await startApp(db, { port: 0, host: '127.0.0.1' });
  const communityId = uniqueId('test-c');
  const otherCommunityId = uniqueId('test-other');
  const roles: Role[] = ['ADMIN', 'ANALYST', 'COORDINATOR', 'EVALUATOR', 'RESEARCHER'];
  const tokens = {} as TestApi['tokens'];
  for (const role of roles) tokens[role] = (await createToken(db, { role, communities: [communityId], name: `test ${role}` })).token;
  tokens.OTHER_ADMIN = (await createToken(db, { role: 'ADMIN', communities: [otherCommunityId], name: 'test other admin' })).token;
  tokens.GLOBAL_ADMIN = (await createToken(db, { role: 'ADMIN', communities: ['*'], name: 'test global admin' })).token;
  const gql: TestApi['gql'] = async (query, variables = {}, token = tokens.ADMIN) => (await post(app.url, { query, variables }, token)).body as never;
  for (const id of [communityId, otherCommunityId]) {
    const r = await gql('mutation($id: ID!) { createCommunity(input: {id: $id, name: "测试社区"}) { id } }', { id }, tokens.GLOBAL_ADMIN);
    if (r.errors) throw new Error(`test community: ${JSON.stringify(r.errors)}`);
  }
  const make: TestApi['make'] = async (label, extra = {}) => {
    const id = uniqueId(label.toLowerCase());
    const r = await gql(`mutation($input: Create${label}Input!) { ${gqlNames.create(label)}(input: $input) { id } }`, {
      input: { ...minimalCreateInput(label, id, communityId), ...extra },
    });
    if (r.errors) throw new Error(`make ${label}: ${JSON.stringify(r.errors)}`);
    return id;
  };
  return {
    db, app, communityId, otherCommunityId, tokens, gql, make,
    close: async () => {
      await removeCommunityData(db, [communityId, otherCommunityId]);
      await app.close();
      await db.close();
    },
  };
}

/** Deletes only this file's data: every node of its communities (tests own their data). */
export async function removeCommunityData(db: Database, communityIds: string[]): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run('MATCH (n) WHERE n.communityId IN $ids DETACH DELETE n', { ids: communityIds });
  } finally {
    await session.close();
  }
}

/** Everything stored for a community as one string, so a test can show that a rejected call wrote nothing. */
export async function snapshot(db: Database, communityId: string): Promise<string> {
  return JSON.stringify(await digestCommunity(db, communityId));
}

export function codeOf(result: GqlResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
