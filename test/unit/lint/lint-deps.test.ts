import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { RULES, checkTree, formatViolation, lintTree, type Violation } from '../../../scripts/lint-deps.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tempDirs: string[] = [];

/** Writes `files` (path → contents, relative to a fresh temp root) and returns the root. */
function fixture(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deps-'));
  tempDirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const summary = (vs: readonly Violation[]): string[] => vs.map((v) => `${v.file}:${v.line}: ${v.rule}`);

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const cleanTree: Record<string, string> = {
  'src/main.ts': "import { loadConfig } from './config.ts';\nimport { start } from './server/start.ts';\nstart(loadConfig());\n",
  'src/config.ts': "import { z } from 'zod';\nexport const loadConfig = () => z.object({}).parse({});\n",
  'src/domain/errors.ts': 'export class DomainError extends Error {}\n',
  'src/analytics/centrality/degree.ts':
    "import type Graph from 'graphology';\nimport { degreeCentrality } from 'graphology-metrics/centrality/degree.js';\n" +
    "import type { Attributes } from 'graphology-types';\nimport { helper } from '../util.ts';\n" +
    'export const degree = (g: Graph): Attributes => ({ ...degreeCentrality(g), h: helper });\n',
  'src/analytics/util.ts': "import type { Buffer } from 'node:buffer';\nexport const helper = 1;\nexport type B = Buffer;\n",
  'src/db/driver.ts':
    "import neo4j from 'neo4j-driver';\nimport type { Config } from '../config.ts';\nimport { DomainError } from '../domain/errors.ts';\n" +
    'export const open = (c: Config) => neo4j.driver(String(c), undefined); export { DomainError };\n',
  'src/graph/project.ts': "import type { Row } from '../db/rows.ts';\nimport Graph from 'graphology';\nexport const project = (r: Row[]) => new Graph();\n",
  'src/services/rank.ts':
    "import { degree } from '../analytics/centrality/degree.ts';\nimport { project } from '../graph/project.ts';\n" +
    "import { cypher } from '../db/cypher.ts';\n// MATCH (n) in a comment is not Cypher in code\n" +
    "export const rank = () => degree(project([]), cypher('people/match-person'), 'Matches found: MATCH');\n",
  'src/resolvers/Query.ts': "import type { GraphQLResolveInfo } from 'graphql';\nimport { rank } from '../services/rank.ts';\nexport const Query = { rank };\n",
  'src/schema/inputs.ts': "import { z } from 'zod';\nexport * from '../domain/errors.ts';\nexport const Args = z.object({});\n",
  'src/server/start.ts': "import { ApolloServer } from '@apollo/server';\nimport { Query } from '../resolvers/Query.ts';\nexport const start = () => new ApolloServer({ typeDefs: '', resolvers: { Query } });\n",
  'src/cli/db.ts': "const mod = await import('../services/rank.ts');\nexport default mod;\n",
};

describe('lint-deps', () => {
  it('passes a clean tree that uses every allowed edge', () => {
    const root = fixture(cleanTree);
    const { files, violations } = lintTree(root);
    expect(violations.map(formatViolation)).toEqual([]);
    expect(files).toHaveLength(Object.keys(cleanTree).length);
  });

  it('flags analytics importing another room (../db/x.ts)', () => {
    const root = fixture({ 'src/analytics/a.ts': "import { x } from '../db/x.ts';\nexport const a = x;\n" });
    const [v, ...rest] = checkTree(root);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ file: 'src/analytics/a.ts', line: 1, rule: 'room-import' });
    expect(formatViolation(v!)).toBe(
      "src/analytics/a.ts:1: room-import — analytics imports '../db/x.ts' (room db) " +
        '(room analytics may import: analytics; packages: graphology, graphology-* (+ import type from any))',
    );
  });

  it('keeps the compute runtime off the database, the projection and the use cases, and analytics off compute', () => {
    const root = fixture({
      'src/compute/pool.ts': "import { x } from '../db/x.ts';\nimport { p } from '../graph/p.ts';\nimport { s } from '../services/s.ts';\nimport { k } from '../analytics/k.ts';\nexport const a = [x, p, s, k];\n",
      'src/analytics/k.ts': "import { pool } from '../compute/pool.ts';\nexport const k = pool;\n",
      'src/services/s.ts': "import { a } from '../compute/pool.ts';\nexport const s = a;\n",
    });
    expect(summary(checkTree(root))).toEqual([
      'src/analytics/k.ts:1: room-import',
      'src/compute/pool.ts:1: room-import',
      'src/compute/pool.ts:2: room-import',
      'src/compute/pool.ts:3: room-import',
    ]);
  });

  it('keeps the research checker pure (domain only) and the Cypher grammar inside it', () => {
    const root = fixture({
      'src/research/check.ts': "import { m } from '../domain/model.ts';\nimport { d } from '../db/database.ts';\nimport { s } from '../services/s.ts';\nimport { parse } from '@neo4j-cypher/language-support';\nexport const a = [m, d, s, parse];\n",
      'src/services/s.ts': "import { a } from '../research/check.ts';\nexport const s = a;\n",
      'src/db/x.ts': "import antlr from 'antlr4';\nexport const x = antlr;\n",
    });
    expect(summary(checkTree(root))).toEqual([
      'src/db/x.ts:1: package',
      'src/research/check.ts:2: room-import',
      'src/research/check.ts:3: room-import',
    ]);
  });

  it('flags analytics importing neo4j-driver (both the driver rule and the analytics package allowlist)', () => {
    const root = fixture({ 'src/analytics/a.ts': "\nimport { int } from 'neo4j-driver';\nexport const a = int(1);\n" });
    expect(summary(checkTree(root))).toEqual(['src/analytics/a.ts:2: package', 'src/analytics/a.ts:2: package-allowlist']);
  });

  it('flags analytics importing Node built-ins or other packages at run time, but not `import type`', () => {
    const root = fixture({
      'src/analytics/a.ts': "import fs from 'node:fs';\nimport { z } from 'zod';\nimport type { Stats } from 'node:fs';\nexport { fs, z };\nexport type S = Stats;\n",
    });
    expect(summary(checkTree(root))).toEqual(['src/analytics/a.ts:1: package-allowlist', 'src/analytics/a.ts:2: package-allowlist']);
  });

  it('flags resolvers importing db, including type-only, re-exports and dynamic imports', () => {
    const root = fixture({
      'src/resolvers/Person.ts':
        "import { findPerson } from '../db/people.ts';\nimport type { Row } from '../db/rows.ts';\n" +
        "export * from '../db/x.ts';\nconst m = await import('../db/y.ts');\ntype T = import('../db/z.ts').Z;\n" +
        "import { rank } from '../services/rank.ts';\nexport const Person = { findPerson, rank, m };\n",
    });
    const vs = checkTree(root);
    expect(summary(vs)).toEqual([1, 2, 3, 4, 5].map((n) => `src/resolvers/Person.ts:${n}: room-import`));
    expect(vs[0]!.hint).toBe('room resolvers may import: resolvers, services, schema, domain; packages: any except neo4j-driver, @neo4j-cypher/language-support, antlr4');
  });

  it('flags resolvers importing graph or analytics too', () => {
    const root = fixture({
      'src/resolvers/Q.ts': "import { p } from '../graph/project.ts';\nimport { d } from '../analytics/c/degree.ts';\nexport const Q = { p, d };\n",
    });
    expect(summary(checkTree(root))).toEqual(['src/resolvers/Q.ts:1: room-import', 'src/resolvers/Q.ts:2: room-import']);
  });

  it('flags a Cypher string in a service, on the line of the keyword', () => {
    const root = fixture({
      'src/services/people.ts':
        "export const q1 = 'MATCH (p:Person {id: $id}) RETURN p';\n" +
        'export const q2 = `\n  UNWIND $rows AS row\n  MERGE (p:Person {id: row.id})`;\n' +
        'const label = "Person";\nexport const q3 = `MATCH (n:${label}) DETACH DELETE n`;\n' +
        "export const q4 = 'CREATE CONSTRAINT person_id IF NOT EXISTS';\n" +
        "export const notCypher = 'create (a new person)';\n",
    });
    const vs = checkTree(root);
    expect(summary(vs)).toEqual([
      'src/services/people.ts:1: cypher',
      'src/services/people.ts:3: cypher',
      'src/services/people.ts:6: cypher',
      'src/services/people.ts:7: cypher',
    ]);
    expect(vs[0]!.message).toContain('MATCH (');
  });

  it('exempts Cypher only in src/db files on the allowlist', () => {
    const files = {
      'src/db/legacy.ts': "export const q = 'CALL db.labels()';\n",
      'src/services/legacy.ts': "export const q = 'SHOW INDEXES';\n",
    };
    const root = fixture(files);
    expect(summary(checkTree(root))).toEqual(['src/db/legacy.ts:1: cypher', 'src/services/legacy.ts:1: cypher']);
    const rules = { ...RULES, cypherAllowlist: Object.keys(files) };
    expect(summary(checkTree(root, rules))).toEqual(['src/services/legacy.ts:1: cypher']);
  });

  it('flags graphql and @apollo/server imported in services', () => {
    const root = fixture({
      'src/services/s.ts': "import { GraphQLError } from 'graphql';\nimport type { ApolloServer } from '@apollo/server';\nexport { GraphQLError };\nexport type A = ApolloServer;\n",
    });
    const vs = checkTree(root);
    expect(summary(vs)).toEqual(['src/services/s.ts:1: package', 'src/services/s.ts:2: package']);
    expect(vs[0]!.message).toContain('allowed only in server, resolvers, schema');
  });

  it('flags neo4j-driver outside src/db, even in the composition root', () => {
    const root = fixture({
      'src/main.ts': "import neo4j from 'neo4j-driver';\nexport default neo4j;\n",
      'src/services/s.ts': "import type { Integer } from 'neo4j-driver';\nexport type I = Integer;\n",
    });
    expect(summary(checkTree(root))).toEqual(['src/main.ts:1: package', 'src/services/s.ts:1: package']);
  });

  it('lets db import config.ts but nobody import main.ts; flags files outside any room', () => {
    const root = fixture({
      'src/db/driver.ts': "import { loadConfig } from '../config.ts';\nimport { x } from '../main.ts';\nexport { loadConfig, x };\n",
      'src/helpers/misc.ts': 'export const x = 1;\n',
      'src/services/s.ts': "import { x } from '../helpers/misc.ts';\nexport { x };\n",
    });
    expect(summary(checkTree(root))).toEqual([
      'src/db/driver.ts:2: room-import',
      'src/helpers/misc.ts:1: unknown-room',
      'src/services/s.ts:1: unknown-room',
    ]);
  });

  it('the real repository tree has no violations', () => {
    expect(checkTree(repoRoot).map(formatViolation)).toEqual([]);
  });
});
