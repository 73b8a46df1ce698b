import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticPath, serveStatic } from '../../../src/server/static.ts';

/** A raw GET: fetch() and URL would normalise `..` away before it reached the server. */
function get(port: number, rawPath: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static serving of the dashboard', () => {
  let parent: string;
  let root: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'reweave-static-'));
    root = path.join(parent, 'dist');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>dash</title>');
    await writeFile(path.join(root, 'assets', 'app-1.js'), 'console.log(1)');
    await writeFile(path.join(root, 'assets', 'app-1.css'), 'body{}');
    // A file beside the root that a traversal would reach.
    await writeFile(path.join(parent, 'secret.txt'), 'TOP SECRET');
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // The raw path, undecoded and unnormalised, as a hostile client sends it.
      void serveStatic(root, req, res, (req.url ?? '/').split('?')[0] ?? url.pathname);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('serves index.html at / and assets with their content types', async () => {
    const index = await get(port, '/');
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(index.body).toContain('<title>dash</title>');
    expect(await get(port, '/assets/app-1.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log(1)' });
    expect(await get(port, '/assets/app-1.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect((await get(port, '/assets/missing.js')).status).toBe(404);
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/..%5csecret.txt', '/assets%2f..%2f..%2fsecret.txt', '/%00index.html', '/%zz'])(
    'refuses %s without reading outside the root',
    async (raw) => {
      const answer = await get(port, raw);
      expect(answer.status).toBe(400);
      expect(answer.body).not.toContain('TOP SECRET');
    },
  );

  it('resolves only paths inside the root', () => {
    expect(resolveStaticPath('/srv/dist', '/')).toBe(path.resolve('/srv/dist/index.html'));
    expect(resolveStaticPath('/srv/dist', '/assets/a.js')).toBe(path.resolve('/srv/dist/assets/a.js'));
    expect(resolveStaticPath('/srv/dist', '/../dist-other/a.js')).toBeUndefined();
    expect(resolveStaticPath('/srv/dist', 'relative.js')).toBeUndefined();
  });

  it('answers other methods with 405', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', method: 'DELETE' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
  });
});
