/** Environment → typed configuration, validated once at start-up (zod at the edge). */
import { z } from 'zod';
import { bilingual } from './schema/parse.ts';
import { DEFAULT_ANALYTICS_SETTINGS, type AnalyticsSettings } from './compute/settings.ts';
import { DEMO_END_RANGE, parseDay } from './demo/calendar.ts';

/**
 * A blank variable counts as unset (so the default applies); anything else must parse, so that a
 * typo stops the start instead of silently becoming the default.
 */
const unsetIfBlank = <T extends z.ZodType>(value: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), value);
const count = (fallback: number) => unsetIfBlank(z.coerce.number().int().min(1).max(1_000_000).default(fallback));
/** Bolt port of the local Neo4j unless REWEAVE_NEO4J_PORT says otherwise (Neo4j's own default). */
export const DEFAULT_BOLT_PORT = 7687;
/** Variables whose value may be repeated in an error message (not a password, not a URI that may hold one). */
const SHOWN = /^(REWEAVE_|PORT$|HOST$)/;

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
 * The environment a child process (the bulk importer's JVM) starts with: this process's own (PATH,
 * locale, JVM options pass through untouched) plus `extra`. The one place outside loadConfig that
 * reads process.env, so that no other module does.
 */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
