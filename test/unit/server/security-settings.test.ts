/**
 * The protections' configuration (src/config.ts securitySettings): defaults equal to the server's
 * own, production switches introspection and the sandbox off unless told, 0 switches the rate limit
 * off, and a bad value stops the start naming the variable.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig, securitySettings } from '../../../src/config.ts';
import { DEFAULT_SECURITY } from '../../../src/server/security.ts';
import { DEFAULT_QUERY_LIMITS } from '../../../src/server/limits/settings.ts';

describe('securitySettings', () => {
  it('defaults to the server\'s limits, with a rate limit of 600 requests per 10 s', () => {
    const s = securitySettings(loadConfig({}));
    expect(s.limits).toEqual(DEFAULT_QUERY_LIMITS);
    expect(s).toMatchObject({ maxBodyBytes: DEFAULT_SECURITY.maxBodyBytes, introspection: true, sandbox: true, audit: true, rateLimit: { points: 600, windowSeconds: 10 } });
  });

  it('switches introspection and the sandbox off in production unless told otherwise', () => {
    expect(securitySettings(loadConfig({ NODE_ENV: 'production' }))).toMatchObject({ introspection: false, sandbox: false });
    expect(securitySettings(loadConfig({ NODE_ENV: 'production', REWEAVE_INTROSPECTION: 'true' }))).toMatchObject({ introspection: true, sandbox: false });
    expect(securitySettings(loadConfig({ REWEAVE_SANDBOX: 'off' }))).toMatchObject({ introspection: true, sandbox: false });
  });

  it('reads every limit; 0 points means no rate limit', () => {
    const s = securitySettings(loadConfig({
      REWEAVE_QUERY_MAX_DEPTH: '6', REWEAVE_QUERY_MAX_ALIASES: '0', REWEAVE_QUERY_MAX_TOKENS: '800', REWEAVE_QUERY_MAX_COST: '500',
      REWEAVE_MAX_BODY_BYTES: '65536', REWEAVE_RATE_LIMIT_POINTS: '0', REWEAVE_AUDIT: 'no',
    }));
    expect(s).toEqual({ limits: { maxDepth: 6, maxAliases: 0, maxTokens: 800, maxCost: 500 }, maxBodyBytes: 65536, introspection: true, sandbox: true, rateLimit: null, audit: false });
  });

  it('refuses a bad value naming the variable', () => {
    expect(() => loadConfig({ REWEAVE_INTROSPECTION: 'maybe' })).toThrow(/REWEAVE_INTROSPECTION \("maybe"\)/);
    expect(() => loadConfig({ REWEAVE_DB_TX_TIMEOUT_MS: '10' })).toThrow(/REWEAVE_DB_TX_TIMEOUT_MS/);
    expect(loadConfig({})).toMatchObject({ REWEAVE_DB_TX_TIMEOUT_MS: 60_000, REWEAVE_DB_ACQUIRE_TIMEOUT_MS: 5000 });
  });
});
