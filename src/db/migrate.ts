/**
 * Applies cypher/schema/NNN-*.cypher in order, idempotently, and records the version reached in a
 * (:SchemaMigration) node that /health reports. Every statement uses IF NOT EXISTS, so running a
 * migration twice (two processes starting at once, a crash half-way) is harmless. A migration that
 * changes data rather than the schema is code (DATA_MIGRATIONS), numbered in the same sequence and
 * just as safe to run twice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR } from './cypher-registry.ts';
import type { Database } from './database.ts';
import { checkStoredRows } from './stored-rows.ts';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export function loadMigrations(dir = join(CYPHER_DIR, 'schema')): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.+\.cypher$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('//'))
        .join('\n');
      return {
        version: Number(file.slice(0, 3)),
        name: file.replace(/\.cypher$/, ''),
        statements: text.split(';').map((s) => s.trim()).filter(Boolean),
      };
    });
}

export interface DataMigration {
  version: number;
  name: string;
  run: (db: Database, log: (line: string) => void) => Promise<void>;
}

export const DATA_MIGRATIONS: readonly DataMigration[] = [
  {
    // Rows stored before every write path shared the model's storable check: mend what the model
    // can (missing or unknown states, unknown optional terms) and log the rest for a person.
    version: 2,
    name: '002-mend-stored-rows',
    run: async (db, log) => { await checkStoredRows(db, { log }); },
  },
];

type Step = { version: number; name: string; describe: string; apply: (db: Database, log: (line: string) => void) => Promise<void> };

/** Schema files and data migrations in one order; two with one version are a mistake caught here. */
export function migrationPlan(): Step[] {
  const steps: Step[] = [
    ...loadMigrations().map((m) => ({
      version: m.version, name: m.name, describe: `${m.statements.length} statements`,
      apply: async (db: Database) => { for (const statement of m.statements) await db.runSchemaStatement(statement); },
    })),
    ...DATA_MIGRATIONS.map((m) => ({ version: m.version, name: m.name, describe: 'stored data', apply: m.run })),
  ].sort((a, b) => a.version - b.version);
  for (let i = 1; i < steps.length; i += 1) {
    if (steps[i]!.version === steps[i - 1]!.version) throw new Error(`migrations ${steps[i - 1]!.name} and ${steps[i]!.name} share version ${steps[i]!.version}`);
  }
  return steps;
}

export interface MigrateOptions {
  /**
   * Every stored row was written through the current checks (a store the offline importer just
   * built): data migrations are recorded as applied without reading the data.
   */
  rowsChecked?: boolean;
}

export async function schemaVersion(db: Database): Promise<number | null> {
  const rows = await db.read((tx) => tx.run('meta/get-schema-version'));
  const version = rows[0]?.version;
  return typeof version === 'number' ? version : null;
}

export async function migrate(db: Database, log: (line: string) => void = () => {}, options: MigrateOptions = {}): Promise<number> {
  const current = (await schemaVersion(db)) ?? 0;
  let reached = current;
  for (const step of migrationPlan()) {
    if (step.version <= current) continue;
    const skip = options.rowsChecked === true && DATA_MIGRATIONS.some((m) => m.version === step.version);
    log(`schema: ${skip ? 'recording' : 'applying'} ${step.name} (${step.describe})`);
    if (!skip) await step.apply(db, log);
    await db.write((tx) => tx.run('meta/set-schema-version', { version: step.version, now: new Date() }));
    reached = step.version;
  }
  return reached;
}
