/**
 * The HTTP service: POST/GET /graphql through Apollo Server, GET /health, and the dashboard's built
 * files at every other path (static.ts). A small node:http integration (Apollo's
 * executeHTTPGraphQLRequest) keeps the dependencies to the chosen stack.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Database } from '../db/database.ts';
import { ReweaveError } from '../domain/errors.ts';
import { typeDefs } from '../schema/sdl.ts';
import { resolvers } from '../resolvers/index.ts';
import type { GraphQLContext } from '../resolvers/context.ts';
import { authenticate } from '../services/auth/tokens.ts';
import { unavailableStatusPlugin } from './unavailable-status.ts';
import { Loaders } from '../services/loaders.ts';
import { health } from '../services/system/health.ts';
import { CLIENT_GONE, formatError } from './format-error.ts';
import { serveStatic } from './static.ts';
import { admit } from './admission.ts';
import { laneOf } from './operation-kind.ts';
import { REPO_ROOT } from '../db/local/paths.ts';
import { closeAnalyticsPool } from '../compute/workers/index.ts';
import { DEFAULT_ANALYTICS_SETTINGS, type AnalyticsSettings } from '../compute/settings.ts';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { DEFAULT_SECURITY, type SecuritySettings } from './security.ts';
import { BodyTooLarge, readBody, tooLargeBody } from './body.ts';
import { rateLimitedBody, rateLimiter } from './rate-limit.ts';
import { costPlugin, limitRules, parseOptions } from './limits/plugin.ts';
import { auditPlugin } from './audit-plugin.ts';
import { pseudonymPlugin } from './pseudonym-plugin.ts';

/** The dashboard Vite builds (scripts/build-web.ts); served at `/`. */
const WEB_ROOT = path.join(REPO_ROOT, 'web', 'dist');
const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, DATABASE_UNAVAILABLE: 503 };

export interface App {
  server: Server;
  url: string;
  /** Stops taking requests, answers those already in for up to `graceMs` (default 5 s, within the stop deadline of 8), then stops. */
  close(graceMs?: number): Promise<void>;
}

const DEFAULT_GRACE_MS = 5_000;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export interface AppOptions {
  port: number;
  host: string;
  pseudonymSecret?: string;
  analytics?: AnalyticsSettings;
  webRoot?: string;
  security?: SecuritySettings;
}

export async function startApp(db: Database, options: AppOptions): Promise<App> {
  const pseudonymSecret = options.pseudonymSecret ?? randomBytes(32).toString('hex');
  const analytics = options.analytics ?? DEFAULT_ANALYTICS_SETTINGS;
  const security = options.security ?? DEFAULT_SECURITY;
  const apollo = new ApolloServer<GraphQLContext>({ typeDefs: typeDefs(), resolvers: resolvers() as never, formatError,
    introspection: security.introspection,
    includeStacktraceInErrorResponses: false,
    parseOptions: parseOptions(security.limits),
    validationRules: limitRules(security.limits),
    plugins: [
      costPlugin<GraphQLContext>(security.limits),
      unavailableStatusPlugin<GraphQLContext>(),
      // Before the audit log: it puts back the variables as sent before the log reads them.
      pseudonymPlugin(),
      ...(security.audit ? [auditPlugin(db)] : []),
      // Explicit either way, rather than Apollo's choice by NODE_ENV: the operator decides (security.sandbox).
      security.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    ],
    // main.ts owns shutdown (server, driver, local Neo4j); Apollo's own handler would race it and hang.
    stopOnTerminationSignals: false,
  });
  const limited = rateLimiter(security.rateLimit);
  await apollo.start();

  const context = async (req: IncomingMessage, signal: AbortSignal): Promise<GraphQLContext> => {
    try {
      const principal = await authenticate(db, req.headers.authorization);
      const services = { db, principal, now: () => new Date(), pseudonymSecret, analytics, signal };
      return { services, loaders: new Loaders(services) };
    } catch (error) {
      // Errors thrown while building the context reach the client as they are only as GraphQLErrors.
      if (error instanceof ReweaveError) {
        throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: HTTP_STATUS[error.code] ?? 400 } } });
      }
      throw error;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      const report = await health(db);
      return send(res, report.status === 'ok' ? 200 : 503, report);
    }
    if (url.pathname !== '/graphql') return serveStatic(options.webRoot ?? WEB_ROOT, req, res, url.pathname);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const over = await limited(req);
    if (over && security.rateLimit) {
      req.resume();
      return send(res, 429, rateLimitedBody(security.rateLimit, over.retryAfterSeconds), { 'retry-after': String(over.retryAfterSeconds) });
    }
    let raw = '';
    if (req.method === 'POST') {
      try {
        raw = await readBody(req, security.maxBodyBytes);
      } catch (error) {
        // connection: close, so that the rest of a body still on its way is not taken for a next request.
        if (error instanceof BodyTooLarge) return send(res, 413, tooLargeBody(error.limit), { connection: 'close' });
        throw error;
      }
    }
    let body: unknown = raw;
    if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, { errors: [{ message: 'Body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    // Aborted when the client goes away before its answer is written: runs only it waits for stop.
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort(Object.assign(new Error('the client disconnected / 客户端已断开'), { name: CLIENT_GONE }));
    });
    // GET never carries a mutation (Apollo refuses one): only a POST body can need the writers' lane.
    const release = await admit(req.method === 'POST' ? laneOf(body, security.limits.maxTokens) : 'read');
    // The client left, or close() cut the connection, while the request waited its turn: nothing to answer.
    if (res.destroyed) return release();
    try {
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => context(req, gone.signal),
      });
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') return res.end(result.body.string);
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    } finally {
      release();
    }
  };

  // The answers still being worked on, so that close() lets them finish (see there).
  const open = new Set<ServerResponse>();
  let draining = false;
  let drained: (() => void) | undefined;
  const server = createServer((req, res) => {
    open.add(res);
    if (draining) res.shouldKeepAlive = false;
    res.on('close', () => {
      open.delete(res);
      if (open.size === 0) drained?.();
    });
    handle(req, res).catch((error: unknown) => {
      console.error('[reweave] request failed:', error);
      if (!res.headersSent) send(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${options.host}:${port}`,
    close: async (graceMs = DEFAULT_GRACE_MS) => {
      // New connections are refused at once; the requests already in (queued for admission or at
      // work) are answered, each with `connection: close`, for up to graceMs; then what is left is cut.
      // Apollo stops only after: stopping it first fails every request still queued for it.
      draining = true;
      for (const res of open) if (!res.headersSent) res.shouldKeepAlive = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (open.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
        ]);
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await closed;
      await apollo.stop();
      // A run in flight would keep the process alive; idle workers would not, but stop them all.
      await closeAnalyticsPool();
    },
  };
}
