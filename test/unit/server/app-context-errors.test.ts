import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../../src/server/app.ts';
import type { Database } from '../../../src/db/database.ts';

// A request without a bearer token is refused while building the context, before any database
// call, so a stand-in that fails on use is enough to serve it.
const noDatabase = new Proxy({}, {
  get: (_target, key) => {
    throw new Error(`this test must not touch the database (db.${String(key)})`);
  },
}) as Database;

let app: App;
beforeAll(async () => {
  app = await startApp(noDatabase, { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
});

describe('errors raised while building the context', () => {
  it('answer a missing token with 401 UNAUTHENTICATED, not a masked internal error', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.status).toBe(401);
  });
});
