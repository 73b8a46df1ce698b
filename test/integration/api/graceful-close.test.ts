/**
 * Stopping the service lets the requests already in finish: a request whose body was still arriving
 * when close() began is answered in full (with `connection: close`), a new connection is refused, and
 * close() returns once the answer is out — no request is cut or failed by an Apollo already stopped.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../helpers/api.ts';
import { migrate } from '../../../src/db/migrate.ts';
import { startApp, type App } from '../../../src/server/app.ts';
import type { Database } from '../../../src/db/database.ts';
import { createToken } from '../../../src/services/auth/tokens.ts';

let db: Database;
let app: App;
let token: string;

beforeAll(async () => {
  db = testDatabase();
  await migrate(db);
  app = await startApp(db, { port: 0, host: '127.0.0.1' });
  token = (await createToken(db, { role: 'ANALYST', communities: ['test-graceful-close'], name: 'test graceful close' })).token;
});
afterAll(async () => db?.close());

describe('close()', () => {
  it('answers a request that was arriving when it began, refuses new ones, and then stops', async () => {
    const { port } = new URL(app.url);
    const body = JSON.stringify({ query: '{ me { role } }' });
    const answered = new Promise<{ status: number; connection: string | undefined; text: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, text }));
      });
      req.on('error', reject);
      // Half the body now; the rest after close() has begun.
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    let closedAt = 0;
    const closing = app.close().then(() => (closedAt = Date.now()));
    await new Promise((r) => setTimeout(r, 50));
    const refused = await fetch(`${app.url}/health`).then(() => 'answered', (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message);
    expect(refused).toBe('ECONNREFUSED');
    const answer = await answered;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ data: { me: { role: 'ANALYST' } } });
    expect(answer.connection).toBe('close');
    await closing;
    expect(closedAt).toBeGreaterThan(0);
  });
});
