/** Environment → typed configuration, validated once at start-up (zod at the edge). */
import { z } from 'zod';
import { bilingual } from './schema/parse.ts';

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
  REWEAVE_DATA_DIR: z.string().optional(),
  /** Demo community loaded into an empty database at start: small (default), beizhan, or off. */
  REWEAVE_DEMO: z.enum(['small', 'beizhan', 'off']).default('small'),
  /** Seconds a transaction may be retried by the driver before the error reaches the caller. */
  REWEAVE_DB_RETRY_SECONDS: z.coerce.number().min(0).max(60).default(3),
  /** Heap and page cache of the local Neo4j, in MB (defaults in src/db/local: modest, for a laptop). */
  REWEAVE_NEO4J_HEAP_MB: z.coerce.number().int().min(256).max(65536).optional(),
  REWEAVE_NEO4J_PAGE_CACHE_MB: z.coerce.number().int().min(64).max(65536).optional(),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${bilingual(i)}`);
    throw new Error(`Invalid configuration / 配置错误:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
