import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CYPHER_DIR, CypherRegistry, cypherFilesOnDisk } from '../../../src/db/cypher-registry.ts';
import { QUERY_NAMES } from '../../../src/db/query-names.ts';
import { loadMigrations, migrationPlan } from '../../../src/db/migrate.ts';

const SRC_DIR = fileURLToPath(new URL('../../../src/', import.meta.url));
const QUERY_NAMES_FILE = join(SRC_DIR, 'db', 'query-names.ts');

function walk(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path, ext);
    return entry.name.endsWith(ext) ? [path] : [];
  });
}

/** Statement names found by walking cypher/ here, independently of the registry's own walk. */
const statementFiles = walk(CYPHER_DIR, '.cypher')
  .map((path) => relative(CYPHER_DIR, path).split(sep).join('/').replace(/\.cypher$/, ''))
  .filter((name) => !name.startsWith('schema/'))
  .sort();

describe('cypher/ and QUERY_NAMES', () => {
  it('lists every statement file, and only those', () => {
    const listed = new Set<string>(QUERY_NAMES);
    const unlisted = statementFiles.filter((name) => !listed.has(name));
    const missing = QUERY_NAMES.filter((name) => !statementFiles.includes(name));
    expect(unlisted, `cypher/ files nobody lists in src/db/query-names.ts: ${unlisted.join(', ')}`).toEqual([]);
    expect(missing, `names in src/db/query-names.ts without a file: ${missing.join(', ')}`).toEqual([]);
  });

  it('agrees with the registry about what is on disk', () => {
    expect([...cypherFilesOnDisk().keys()].sort()).toEqual(statementFiles);
  });

  it('lists each name once', () => {
    expect(new Set(QUERY_NAMES).size).toBe(QUERY_NAMES.length);
  });

  it('uses every listed statement somewhere in src/', () => {
    const source = walk(SRC_DIR, '.ts')
      .filter((path) => path !== QUERY_NAMES_FILE)
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const unused = QUERY_NAMES.filter((name) => !source.includes(`'${name}'`) && !source.includes(`"${name}"`));
    expect(unused, `statements no code runs: ${unused.join(', ')}`).toEqual([]);
  });

  it.each(statementFiles)('%s starts with a `// mode: read|write` header', (name) => {
    const first = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8').split('\n')[0] ?? '';
    expect(first, `cypher/${name}.cypher`).toMatch(/^\/\/ mode: (read|write)\b/);
  });

  it.each(statementFiles)('%s declares the mode its statement needs', (name) => {
    const text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8');
    const mode = /^\/\/ mode: (read|write)/.exec(text)?.[1];
    const body = text.split('\n').filter((l) => !l.trimStart().startsWith('//')).join('\n');
    const writes = /\b(CREATE|MERGE|SET|DELETE|REMOVE)\b/.test(body);
    expect(mode, `cypher/${name}.cypher ${writes ? 'writes' : 'only reads'}`).toBe(writes ? 'write' : 'read');
  });
});

describe('CypherRegistry', () => {
  let registry: CypherRegistry;
  beforeAll(() => {
    registry = new CypherRegistry();
  });

  it('strips the header comments', () => {
    for (const name of QUERY_NAMES.filter((n) => !readFileSync(join(CYPHER_DIR, `${n}.cypher`), 'utf8').includes('{{'))) {
      const text = registry.text(name);
      expect(text).not.toMatch(/^\s*\/\//m);
      expect(text.length).toBeGreaterThan(0);
    }
  });

  it('fills {{label}} slots with model labels', () => {
    const text = registry.text('nodes/get-nodes', { label: 'Resident' });
    expect(text).toContain('MATCH (n:Resident {id: id})');
    expect(text).not.toContain('{{');
  });

  it('fills relationship types and label disjunctions', () => {
    const text = registry.text('rels/create-rel', { from: 'Resident|Organization', to: 'PartyBranch', type: 'BELONGS_TO' });
    expect(text).toContain('(a:Resident|Organization {id: $fromId})');
    expect(text).toContain('[r:BELONGS_TO {id: $id, createdAt: $now}]');
  });

  it('gives each slot value its own rendering (no stale cache)', () => {
    expect(registry.text('nodes/get-nodes', { label: 'Partner' })).toContain('(n:Partner ');
    expect(registry.text('nodes/get-nodes', { label: 'Resident' })).toContain('(n:Resident ');
  });

  it.each([
    'Resident) DETACH DELETE (x',
    'Resident|Resident) DETACH DELETE (x',
    'resident',
    'ApiToken',
    'Resident|',
    '',
  ])('refuses the slot value %j', (value) => {
    expect(() => registry.text('nodes/get-nodes', { label: value })).toThrow(/not a label or type of the model/);
  });

  it('refuses a missing slot', () => {
    expect(() => registry.text('nodes/get-nodes')).toThrow(/slot \{\{label\}\} not given/);
    expect(() => registry.text('rels/create-rel', { from: 'Resident', to: 'Resident' })).toThrow(/\{\{type\}\}/);
  });
});

describe('loadMigrations', () => {
  const migrations = loadMigrations();

  it('returns versions in ascending order; with the data migrations they run from 1 without gaps', () => {
    expect(migrations.length).toBeGreaterThan(0);
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const plan = migrationPlan().map((m) => m.version);
    expect(plan).toEqual(plan.map((_, i) => i + 1));
    expect(plan).toEqual(expect.arrayContaining(versions));
  });

  it('names each migration after its file', () => {
    for (const m of migrations) expect(m.name).toMatch(new RegExp(`^${String(m.version).padStart(3, '0')}-`));
  });

  it('keeps every statement idempotent (IF NOT EXISTS) and strips comments', () => {
    for (const m of migrations) {
      expect(m.statements.length, m.name).toBeGreaterThan(0);
      for (const statement of m.statements) {
        expect(statement, `${m.name}: ${statement}`).toContain('IF NOT EXISTS');
        expect(statement).not.toMatch(/^\s*\/\//m);
      }
    }
  });
});
