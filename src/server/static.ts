/**
 * The dashboard's built files (web/dist, made by Vite) served at `/` beside /graphql. Only GET and
 * HEAD; a path is decoded once and must stay inside the root after normalisation, so `..`, encoded
 * `%2e%2e`, backslashes and NUL bytes never reach a file outside it. Anything not found is 404; the
 * page itself is a single-page app, so `/` is index.html.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The file a URL path names inside `root`, or undefined when the path is malformed or would leave
 * the root. Pure (no file system), so the refusal is testable on its own.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return undefined;
  // Refuse any `..` segment outright rather than normalising it away: nothing we serve needs one.
  if (decoded.split('/').some((segment) => segment === '..')) return undefined;
  const relative = decoded === '/' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const absoluteRoot = path.resolve(root);
  const file = path.resolve(absoluteRoot, `.${relative}`);
  const inside = path.relative(absoluteRoot, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
  return file;
}

const text = (res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') => {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff' });
  res.end(body);
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>reweave</title>
<p>The dashboard has not been built: run <code>npm run build:web</code> (npm start builds it when it is missing).</p>
<p>仪表盘尚未构建：请运行 <code>npm run build:web</code>（npm start 会在缺失时自动构建）。</p>
<p>GraphQL: <a href="/graphql">/graphql</a></p>`;

/** Serves one request from `root`; the caller has already routed /graphql and /health. */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return text(res, 405, 'Method not allowed / 不允许的方法');
  }
  const file = resolveStaticPath(root, pathname);
  if (file === undefined) return text(res, 400, 'Bad path / 路径无效');
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    if (pathname === '/' || pathname === '/index.html') return text(res, 503, NOT_BUILT, CONTENT_TYPES['.html']);
    return text(res, 404, 'Not found: the dashboard is at /, the API at /graphql / 未找到');
  }
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  // Vite names assets by content hash, so they may be cached for good; index.html must not be.
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'content-type': type, 'content-length': info.size, 'cache-control': cache, 'x-content-type-options': 'nosniff' });
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on('error', reject);
    res.on('close', resolve);
    stream.pipe(res);
  });
}
