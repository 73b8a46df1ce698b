/**
 * What the HTTP service protects itself with (docs/security.md): the query limits, the body limit,
 * whether introspection and the sandbox page are served, the per-token rate limit and the audit
 * log of mutations. The configuration (src/config.ts) fills them from the environment; a server
 * started without them (tests, benches) gets DEFAULT_SECURITY, which has no rate limit, so that a
 * load generator measures the service rather than the limiter.
 */
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits/settings.ts';

export interface RateLimit {
  /** Requests one token (or one address, without a token) may make per window. */
  points: number;
  windowSeconds: number;
}

export interface SecuritySettings {
  limits: QueryLimits;
  /** Largest request body, in bytes; a larger one is answered 413 without being read. */
  maxBodyBytes: number;
  introspection: boolean;
  /** Apollo's sandbox page at GET /graphql (it loads its scripts from Apollo's CDN). */
  sandbox: boolean;
  /** null: no rate limit. */
  rateLimit: RateLimit | null;
  /** Record every mutation in the audit log (src/services/audit). */
  audit: boolean;
}

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export const DEFAULT_SECURITY: SecuritySettings = Object.freeze({
  limits: DEFAULT_QUERY_LIMITS,
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  introspection: true,
  sandbox: true,
  rateLimit: null,
  audit: true,
});
