/**
 * Applies cypher/schema/NNN-*.cypher in order, idempotently, and records the version reached in a
 * (:SchemaMigration) node that /health reports. Every statement uses IF NOT EXISTS, so running a
 * migration twice (two processes starting at once, a crash half-way) is harmless.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR } from './cypher-registry.ts';
import type { Database } from './database.ts';

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

export async function schemaVersion(db: Database): Promise<number | null> {
  const rows = await db.read((tx) => tx.run('meta/get-schema-version'));
  const version = rows[0]?.version;
  return typeof version === 'number' ? version : null;
}

export async function migrate(db: Database, log: (line: string) => void = () => {}): Promise<number> {
  const current = (await schemaVersion(db)) ?? 0;
  let reached = current;
  for (const migration of loadMigrations()) {
    if (migration.version <= current) continue;
    log(`schema: applying ${migration.name} (${migration.statements.length} statements)`);
    for (const statement of migration.statements) await db.runSchemaStatement(statement);
    await db.write((tx) => tx.run('meta/set-schema-version', { version: migration.version, now: new Date() }));
    reached = migration.version;
  }
  return reached;
}
