/** Environment → typed configuration, validated once at start-up (zod at the edge). */
import { z } from 'zod';
import { bilingual } from './schema/parse.ts';
import { DEFAULT_ANALYTICS_SETTINGS, type AnalyticsSettings } from './compute/settings.ts';
import { DEMO_END_RANGE, parseDay } from './demo/calendar.ts';
import { DEFAULT_QUERY_LIMITS } from './server/limits/settings.ts';
import { DEFAULT_MAX_BODY_BYTES, type SecuritySettings } from './server/security.ts';

/**
 * A blank variable counts as unset (so the default applies); anything else must parse, so that a
 * typo stops the start instead of silently becoming the default.
 */
const unsetIfBlank = <T extends z.ZodType>(value: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), value);
/** true/false, 1/0, yes/no, on/off; blank = unset. */
const flag = () => unsetIfBlank(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']).transform((v) => ['true', '1', 'yes', 'on'].includes(v)).optional());
const count = (fallback: number) => unsetIfBlank(z.coerce.number().int().min(1).max(1_000_000).default(fallback));
/** Bolt port of the local Neo4j unless REWEAVE_NEO4J_PORT says otherwise (Neo4j's own default). */
export const DEFAULT_BOLT_PORT = 7687;
/** Variables whose value may be repeated in an error message (not a password, not a URI that may hold one). */
const SHOWN = /^(REWEAVE_|PORT$|HOST$|NODE_ENV$)/;

const schema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'NEO4J_URI must be bolt://, neo4j://, neo4j+s:// (or +ssc) followed by a host')
    .optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default('neo4j'),
  NEO4J_DATABASE: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  /** reweave's own files (the local database in neo4j/, the admin token); unset = <repo>/.reweave. */
  REWEAVE_DATA_DIR: unsetIfBlank(z.string().optional()),
  /** The JDK the local Neo4j runs on (as for Maven); unset = `java` on the PATH. */
  JAVA_HOME: unsetIfBlank(z.string().optional()),
  /** Bolt port of the local Neo4j. */
  REWEAVE_NEO4J_PORT: unsetIfBlank(z.coerce.number().int().min(1).max(65535).default(DEFAULT_BOLT_PORT)),
  /** Demo community loaded into an empty database at start: small (default), beizhan, or off. */
  REWEAVE_DEMO: z.enum(['small', 'beizhan', 'off']).default('small'),
  /**
   * Last day (YYYY-MM-DD) of the demo's three-year calendar; unset = the UTC date of the start, so the
   * default analytics window (the 365 days up to today) has data. Pin it to reproduce README examples.
   */
  REWEAVE_DEMO_END: unsetIfBlank(z.string().superRefine((value, ctx) => {
    if (!parseDay(value)) ctx.addIssue({ code: 'custom', message: 'must be a calendar day YYYY-MM-DD, e.g. 2025-12-31 / 须为 YYYY-MM-DD 格式的日期，例如 2025-12-31' });
    else if (value < DEMO_END_RANGE.earliest || value > DEMO_END_RANGE.latest) {
      const { earliest, latest } = DEMO_END_RANGE;
      ctx.addIssue({ code: 'custom', message: `must be between ${earliest} and ${latest}, the years the demo's festival table covers / 须在 ${earliest} 至 ${latest} 之间（演示节日表覆盖的年份）` });
    }
  }).optional()),
  /** Seconds a transaction may be retried by the driver before the error reaches the caller. */
  REWEAVE_DB_RETRY_SECONDS: z.coerce.number().min(0).max(60).default(3),
  /** How long a statement may wait for a free connection of the driver's pool, in ms, before DATABASE_UNAVAILABLE. */
  REWEAVE_DB_ACQUIRE_TIMEOUT_MS: unsetIfBlank(z.coerce.number().int().min(100).max(600_000).default(5000)),
  /** How long one transaction of the API may run on the server, in ms, before it is stopped (DATABASE_UNAVAILABLE). */
  REWEAVE_DB_TX_TIMEOUT_MS: unsetIfBlank(z.coerce.number().int().min(100).max(3_600_000).default(60_000)),
  /**
   * The same for the command-line tools (import, export, report, privacy), in ms: their bulk reads
   * (an import's reference check over every row of a 72,000-resident community) run longer than any
   * request of the API should, and they have no other users to protect.
   */
  REWEAVE_CLI_TX_TIMEOUT_MS: unsetIfBlank(z.coerce.number().int().min(100).max(86_400_000).default(3_600_000)),
  /** Largest depth, number of aliases, tokens and estimated cost of one GraphQL document (src/server/limits). */
  REWEAVE_QUERY_MAX_DEPTH: count(DEFAULT_QUERY_LIMITS.maxDepth),
  REWEAVE_QUERY_MAX_ALIASES: unsetIfBlank(z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_QUERY_LIMITS.maxAliases)),
  REWEAVE_QUERY_MAX_TOKENS: count(DEFAULT_QUERY_LIMITS.maxTokens),
  REWEAVE_QUERY_MAX_COST: unsetIfBlank(z.coerce.number().int().min(1).max(1_000_000_000).default(DEFAULT_QUERY_LIMITS.maxCost)),
  /** Largest request body in bytes (HTTP 413 beyond). */
  REWEAVE_MAX_BODY_BYTES: unsetIfBlank(z.coerce.number().int().min(1024).max(1024 ** 3).default(DEFAULT_MAX_BODY_BYTES)),
  /** Requests per token per window; 0 switches the rate limit off (load benches). */
  REWEAVE_RATE_LIMIT_POINTS: unsetIfBlank(z.coerce.number().int().min(0).max(1_000_000).default(600)),
  REWEAVE_RATE_LIMIT_SECONDS: count(10),
  /** Introspection and Apollo's sandbox page; unset = on, except with NODE_ENV=production. */
  REWEAVE_INTROSPECTION: flag(),
  REWEAVE_SANDBOX: flag(),
  /** Record every mutation in the audit log (default on). */
  REWEAVE_AUDIT: flag(),
  /** Read every community's tie timeline (the dashboard's map) into the cache at start-up (default on). */
  REWEAVE_WARM_TIMELINES: flag(),
  NODE_ENV: unsetIfBlank(z.string().optional()),
  /** Heap and page cache of the local Neo4j, in MB (defaults in src/db/local: modest, for a laptop). */
  REWEAVE_NEO4J_HEAP_MB: z.coerce.number().int().min(256).max(65536).optional(),
  REWEAVE_NEO4J_PAGE_CACHE_MB: z.coerce.number().int().min(64).max(65536).optional(),
  /** The analytics' caches and inline limit (src/compute/settings.ts). */
  REWEAVE_ANALYTICS_CACHE_SECONDS: count(DEFAULT_ANALYTICS_SETTINGS.cacheSeconds),
  REWEAVE_ANALYTICS_NETWORKS: count(DEFAULT_ANALYTICS_SETTINGS.networks),
  REWEAVE_ANALYTICS_RESULTS: count(DEFAULT_ANALYTICS_SETTINGS.results),
  REWEAVE_ANALYTICS_INLINE_BELOW: unsetIfBlank(z.coerce.number().positive().default(DEFAULT_ANALYTICS_SETTINGS.inlineBelow)),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // reportInput: the zh-CN rendering names what was received, which needs the input.
  const parsed = schema.safeParse(env, { reportInput: true });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = i.path.join('.');
      const given = SHOWN.test(name) ? ` (${JSON.stringify(env[name])})` : '';
      return `  ${name}${given}: ${bilingual(i)}`;
    });
    throw new Error(`Invalid configuration / 配置错误:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The last day of the demo's calendar: REWEAVE_DEMO_END, else the UTC date of `now`. */
export function demoEnd(config: Config, now: Date = new Date()): string {
  return config.REWEAVE_DEMO_END ?? now.toISOString().slice(0, 10);
}

/** The analytics' part of the configuration, as the services take it. */
export function analyticsSettings(config: Config): AnalyticsSettings {
  return {
    cacheSeconds: config.REWEAVE_ANALYTICS_CACHE_SECONDS,
    networks: config.REWEAVE_ANALYTICS_NETWORKS,
    results: config.REWEAVE_ANALYTICS_RESULTS,
    inlineBelow: config.REWEAVE_ANALYTICS_INLINE_BELOW,
  };
}

/**
 * The HTTP service's protections (src/server/security.ts). Introspection and the sandbox page are on
 * in development and off when NODE_ENV=production unless REWEAVE_INTROSPECTION / REWEAVE_SANDBOX
 * say otherwise: the sandbox loads Apollo's scripts from a CDN, and introspection hands the whole
 * schema to whoever asks.
 */
export function securitySettings(config: Config): SecuritySettings {
  const development = config.NODE_ENV !== 'production';
  return {
    limits: {
      maxDepth: config.REWEAVE_QUERY_MAX_DEPTH,
      maxAliases: config.REWEAVE_QUERY_MAX_ALIASES,
      maxTokens: config.REWEAVE_QUERY_MAX_TOKENS,
      maxCost: config.REWEAVE_QUERY_MAX_COST,
    },
    maxBodyBytes: config.REWEAVE_MAX_BODY_BYTES,
    introspection: config.REWEAVE_INTROSPECTION ?? development,
    sandbox: config.REWEAVE_SANDBOX ?? development,
    rateLimit: config.REWEAVE_RATE_LIMIT_POINTS === 0 ? null : { points: config.REWEAVE_RATE_LIMIT_POINTS, windowSeconds: config.REWEAVE_RATE_LIMIT_SECONDS },
    audit: config.REWEAVE_AUDIT ?? true,
  };
}

/**
 * The environment a child process (the bulk importer's JVM) starts with: this process's own (PATH,
 * locale, JVM options pass through untouched) plus `extra`. The one place outside loadConfig that
 * reads process.env, so that no other module does.
 */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
