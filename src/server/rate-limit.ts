/**
 * Requests per token in a fixed window, counted in this process's memory with rate-limiter-flexible
 * (one server process holds the API; several would need its Redis store). The key is a hash of the
 * bearer token as sent, taken before the token is looked up, so that unknown tokens are limited
 * too (guessing is as slow as using); a request without a token counts against its address.
 */
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { hashToken } from '../services/auth/tokens.ts';
import type { RateLimit } from './security.ts';

export interface Limited {
  retryAfterSeconds: number;
}

export type RateLimiter = (req: IncomingMessage) => Promise<Limited | null>;

export function keyOf(req: IncomingMessage): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match ? `token:${hashToken(match[1]!).slice(0, 32)}` : `address:${req.socket.remoteAddress ?? 'unknown'}`;
}

export function rateLimiter(limit: RateLimit | null): RateLimiter {
  if (!limit) return async () => null;
  const limiter = new RateLimiterMemory({ points: limit.points, duration: limit.windowSeconds });
  return async (req) => {
    try {
      await limiter.consume(keyOf(req), 1);
      return null;
    } catch (rejected) {
      if (rejected instanceof RateLimiterRes) return { retryAfterSeconds: Math.max(1, Math.ceil(rejected.msBeforeNext / 1000)) };
      throw rejected;
    }
  };
}

export const rateLimitedBody = (limit: RateLimit, retryAfterSeconds: number) => ({
  errors: [{
    message: `Too many requests: at most ${limit.points} per ${limit.windowSeconds} s for one token; retry after ${retryAfterSeconds} s / 请求过于频繁：每个令牌每 ${limit.windowSeconds} 秒最多 ${limit.points} 次，请 ${retryAfterSeconds} 秒后重试`,
    extensions: { code: 'RATE_LIMITED', limit: limit.points, windowSeconds: limit.windowSeconds, retryAfterSeconds },
  }],
});
