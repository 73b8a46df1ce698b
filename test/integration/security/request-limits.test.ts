/**
 * The endpoint under the abusive requests, on the real server over the run's Neo4j: each is
 * refused up front with its code, the figure and the limit, quickly, while another caller's small
 * query is still answered; a body over the limit is 413, a token over its rate 429 with Retry-After,
 * introspection and the sandbox page can be switched off, and a transaction past its timeout is
 * DATABASE_UNAVAILABLE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../src/db/database.ts';
import { ReweaveError } from '../../../src/domain/errors.ts';
import { startApp, type App } from '../../../src/server/app.ts';
import { DEFAULT_SECURITY } from '../../../src/server/security.ts';
import { DEFAULT_QUERY_LIMITS } from '../../../src/server/limits/settings.ts';
import { ANALYSIS_COST, REPETITION_COST } from '../../../src/server/limits/cost.ts';
import { neo4jUri, post, startTestApi, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
let strict: App;
beforeAll(async () => {
  api = await startTestApi();
  strict = await startApp(api.db, {
    port: 0, host: '127.0.0.1',
    security: { ...DEFAULT_SECURITY, rateLimit: { points: 3, windowSeconds: 60 }, introspection: false, sandbox: false, maxBodyBytes: 4096 },
  });
});
afterAll(async () => {
  await strict?.close();
  await api?.close();
});

const NESTED = `{ residents(first: 100) { edges { node { id
  memberships { organization { members { resident { id
    memberships { organization { members { resident { id
      memberships { organization { members { resident { id displayName } } } } } } } } } } } } } } } }`;

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: residents(first: 500) { edges { node { id displayName } } }`).join('\n')} }`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

describe('query limits', () => {
  it('refuses the three-deep residents → memberships → organization → members query by its depth, before it runs', async () => {
    const trips = api.db.roundTrips;
    const { value, ms } = await timed(() => post(api.app.url, { query: NESTED }, api.tokens.RESEARCHER));
    expect(value.status).toBe(400);
    const error = value.body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', queryLimit: 'depth', found: 16, limit: DEFAULT_QUERY_LIMITS.maxDepth });
    expect(error.message).toMatch(/limit of 10\b.* \/ .*上限 10/);
    expect(value.body.data).toBeUndefined();
    // One round trip: the token's look-up; nothing of the query reached the database.
    expect(api.db.roundTrips - trips).toBeLessThanOrEqual(1);
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a shallow query whose page sizes multiply past the budget, with the estimate', async () => {
    const query = '{ residents(first: 500) { edges { node { id memberships { organization { members { resident { id } } } } } } } }';
    const r = await post(api.app.url, { query }, api.tokens.RESEARCHER);
    expect(r.status).toBe(400);
    const ext = r.body.errors![0]!.extensions!;
    expect(ext).toMatchObject({ code: 'QUERY_TOO_COMPLEX', queryLimit: 'cost', limit: DEFAULT_QUERY_LIMITS.maxCost });
    // 1 + 500 × (edges 1 + node 1 + memberships (1 + 10 × (organization 1 + members (1 + 10 × resident 1)))).
    expect(ext.estimate).toBe(1 + 500 * (2 + 1 + 10 * (1 + 1 + 10)));
  });

  it('refuses 1,000 aliases of residents(first: 500) by its tokens, quickly, while another user\'s { me { role } } is answered', async () => {
    const abusive = Array.from({ length: 4 }, () => timed(() => post(api.app.url, { query: aliases(1000) }, api.tokens.RESEARCHER)));
    const me = timed(() => post<{ me: { role: string } }>(api.app.url, { query: '{ me { role } }' }, api.tokens.ANALYST));
    const [answered, ...refused] = await Promise.all([me, ...abusive]);
    expect(answered.value.status).toBe(200);
    expect(answered.value.body.data?.me.role).toBe('ANALYST');
    for (const r of refused) {
      expect(r.value.status).toBe(400);
      expect(r.value.body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', queryLimit: 'tokens', limit: DEFAULT_QUERY_LIMITS.maxTokens });
      expect(r.ms).toBeLessThan(3000);
    }
    expect(answered.ms).toBeLessThan(3000);
  });

  it('refuses 31 aliases by the alias rule, and answers 30', async () => {
    const over = await post(api.app.url, { query: aliases(31).replaceAll('first: 500', 'first: 1') }, api.tokens.RESEARCHER);
    expect(over.body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', queryLimit: 'aliases', found: 31, limit: 30 });
    const within = await post(api.app.url, { query: aliases(30).replaceAll('first: 500', 'first: 1') }, api.tokens.RESEARCHER);
    expect(within.body.errors).toBeUndefined();
  });

  it('refuses groupMixing(permutations: 100000) up front by its cost, and the default 1,000 passes the check', async () => {
    const mixing = (p: number) => `{ groupMixing(network: {communityId: "${api.communityId}"}, groupBy: HOUSING_TYPE, permutations: ${p}) { ei } }`;
    const { value, ms } = await timed(() => post(api.app.url, { query: mixing(100_000) }, api.tokens.ANALYST));
    expect(value.body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', queryLimit: 'cost', estimate: ANALYSIS_COST + REPETITION_COST * 100_000 + 1 });
    expect(ms).toBeLessThan(2000);
    const ok = await post(api.app.url, { query: mixing(1000) }, api.tokens.ANALYST);
    expect(ok.body.errors?.[0]?.extensions?.code).not.toBe('QUERY_TOO_COMPLEX');
  });

  it('counts variables: a page size given as a variable is priced as given', async () => {
    const query = 'query($n: Int) { residents(first: $n) { edges { node { memberships { organization { members { resident { id } } } } } } } }';
    const refused = await post(api.app.url, { query, variables: { n: 500 } }, api.tokens.RESEARCHER);
    expect(refused.body.errors![0]!.extensions!.queryLimit).toBe('cost');
    const answered = await post(api.app.url, { query, variables: { n: 5 } }, api.tokens.RESEARCHER);
    expect(answered.body.errors).toBeUndefined();
  });
});

describe('request bodies', () => {
  it('answers a body over the limit with 413 and a JSON error, announced or streamed', async () => {
    const big = JSON.stringify({ query: `{ me { role } } # ${'x'.repeat(3 * 1024 * 1024)}` });
    const announced = await fetch(`${api.app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.ADMIN}` }, body: big });
    expect(announced.status).toBe(413);
    const body = (await announced.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', limit: DEFAULT_SECURITY.maxBodyBytes });
    expect(body.errors[0]!.message).toMatch(/bytes \/ 请求体超过/);

    const chunks = [new TextEncoder().encode(JSON.stringify({ query: `{ me { role } } # ${'y'.repeat(8000)}` }))];
    const stream = new ReadableStream({ pull(controller) { const c = chunks.shift(); if (c) controller.enqueue(c); else controller.close(); } });
    const streamed = await fetch(`${strict.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.COORDINATOR}` }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { errors: { extensions: { code: string; limit: number } }[] }).errors[0]!.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', limit: 4096 });
  });
});

describe('rate limit (3 requests a minute per token on this server)', () => {
  it('answers the fourth request of a token with 429, RATE_LIMITED and Retry-After; another token is still served', async () => {
    const ask = (token: string) => fetch(`${strict.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { role } }' }) });
    for (let i = 0; i < 3; i += 1) expect((await ask(api.tokens.EVALUATOR)).status).toBe(200);
    const limited = await ask(api.tokens.EVALUATOR);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await limited.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 3, windowSeconds: 60, retryAfterSeconds: retryAfter });
    expect(body.errors[0]!.message).toMatch(/请求过于频繁/);
    expect((await ask(api.tokens.ANALYST)).status).toBe(200);
  });
});

describe('introspection and the sandbox page switched off', () => {
  it('refuses introspection and serves no sandbox page, while ordinary queries are answered', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.GLOBAL_ADMIN}` };
    const r = await fetch(`${strict.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: '{ __schema { types { name } } }' }) });
    const body = (await r.json()) as { errors?: { message: string }[]; data?: unknown };
    expect(body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
    const page = await fetch(`${strict.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/<script/i);
    const on = await fetch(`${api.app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await on.text()).toMatch(/<script/i);
  });
});

describe('database timeouts', () => {
  it('stops a transaction past its timeout with DATABASE_UNAVAILABLE', async () => {
    const db = new Database({ uri: neo4jUri(), username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'neo4j', txTimeoutMs: 300, retrySeconds: 0 });
    try {
      const started = performance.now();
      const error = await db.read(async (tx) => {
        await tx.run('meta/get-schema-version');
        await new Promise((r) => setTimeout(r, 3500));
        return tx.run('meta/get-schema-version');
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReweaveError);
      expect((error as ReweaveError).code).toBe('DATABASE_UNAVAILABLE');
      expect(performance.now() - started).toBeLessThan(10_000);
      // The database itself is fine: the next transaction is answered.
      expect(await db.read((tx) => tx.run('meta/get-schema-version'))).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
