/**
 * lint-deps — checks the dependency direction between the rooms of src/ (see STYLE.md, "Rooms").
 *
 * Reads every src/**\/*.ts with the TypeScript parser (not a regex, so comments, strings that merely
 * mention "import", `export … from`, `import type`, `import('…')` types and dynamic imports are all
 * told apart reliably) and enforces the RULES table below. Run: `npm run lint` or
 * `npx tsx scripts/lint-deps.ts [rootDir]`. Exit code 1 on any violation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// ─── RULES ──────────────────────────────────────────────────────────────────────────────────────
// Change the architecture here, nowhere else.

export interface PackageRule {
  /** package names; a trailing `*` matches a prefix (`graphology-*`). */
  readonly packages: readonly string[];
  /** the only rooms that may import these packages. */
  readonly onlyIn: readonly string[];
  readonly why: string;
}

export interface PackageAllowlist {
  /** the only packages this room may import (node: built-ins count as packages). */
  readonly allow: readonly string[];
  /** `import type` from any package is fine: it is erased at compile time, so purity holds. */
  readonly typeOnlyExempt: boolean;
  readonly why: string;
}

export interface Rules {
  readonly srcDir: string;
  /** room → rooms it may import (itself is always allowed). `'*'` = anything, packages aside. */
  readonly rooms: Readonly<Record<string, readonly string[] | '*'>>;
  /**
   * Files directly under src/. They are the composition root (room "root", may import any room);
   * the value is the room *other* files see when they import it: db may import config.ts as "config",
   * but nobody may import main.ts.
   */
  readonly rootFiles: Readonly<Record<string, string>>;
  readonly packageRules: readonly PackageRule[];
  /** rooms restricted to an explicit list of packages. */
  readonly packageAllowlists: Readonly<Record<string, PackageAllowlist>>;
  /** uppercase keywords that mark a string or template literal as a Cypher statement. */
  readonly cypherPatterns: readonly RegExp[];
  /** files under src/db (paths relative to the repo root) that may hold Cypher text. Only src/db counts. */
  readonly cypherAllowlist: readonly string[];
}

export const RULES: Rules = {
  srcDir: 'src',
  rooms: {
    domain: [],
    analytics: [],
    config: ['domain'],
    schema: ['domain'],
    db: ['domain', 'config'],
    // graph builds the analytics' own input structures (graph-utils/csr.ts); analytics never imports graph.
    graph: ['domain', 'db', 'analytics'],
    interchange: ['domain'],
    demo: ['domain', 'interchange'],
    // The compute runtime (worker pool, dispatch, caches, shared runs) runs analytics and knows nothing
    // of the database, the graph projection or the API; schema only for the one zod-error rendering
    // that makes a bad option BAD_USER_INPUT naming its field before a thread is woken.
    compute: ['analytics', 'domain', 'schema'],
    // research checks researchers' Cypher: a pure function of the text (parser, rules, plan check),
    // reading the model and the pseudonymisation policy of domain, and nothing that runs a query.
    research: ['domain'],
    services: ['db', 'graph', 'analytics', 'compute', 'domain', 'schema', 'config', 'interchange', 'demo', 'research'],
    resolvers: ['services', 'schema', 'domain'],
    server: ['resolvers', 'services', 'compute', 'schema', 'domain', 'db', 'config'],
    // report renders a use case's plain result (services' types only) as one HTML file.
    report: ['services', 'domain'],
    cli: ['services', 'db', 'domain', 'config', 'server', 'interchange', 'report'],
    root: '*',
  },
  rootFiles: {
    'main.ts': 'root',
    'config.ts': 'config',
  },
  packageRules: [
    {
      packages: ['neo4j-driver'],
      onlyIn: ['db'],
      why: 'the driver stays behind src/db; other rooms get plain objects, never Integer/Record/Node',
    },
    {
      packages: ['@neo4j-cypher/language-support', 'antlr4'],
      onlyIn: ['research'],
      why: 'the Cypher grammar is the research checker\'s; everyone else reads its plain tree or its verdict',
    },
    {
      packages: ['@apollo/server', 'graphql'],
      onlyIn: ['server', 'resolvers', 'schema'],
      why: 'GraphQL belongs to the API layer; services and below stay transport-free',
    },
  ],
  packageAllowlists: {
    analytics: {
      allow: ['graphology', 'graphology-*'],
      typeOnlyExempt: true,
      why: 'analytics are pure functions over a graphology Graph',
    },
  },
  cypherPatterns: [
    /\bOPTIONAL MATCH\s*\(/,
    /\bMATCH\s*\(/,
    /\bMERGE\s*\(/,
    /\bCREATE\s*\(/,
    /\bUNWIND\s+\$/,
    /\bDETACH\s+DELETE\b/,
    /\bCALL\s+db\./,
    /\bCREATE\s+(?:CONSTRAINT|INDEX)\b/,
    /\bDROP\s+(?:CONSTRAINT|INDEX)\b/,
    /\bSHOW\s+(?:INDEXES|CONSTRAINTS)\b/,
  ],
  cypherAllowlist: [],
};

// ─── Checker ────────────────────────────────────────────────────────────────────────────────────

export type RuleName =
  | 'room-import'
  | 'package'
  | 'package-allowlist'
  | 'cypher'
  | 'unknown-room'
  | 'outside-src'
  | 'dynamic-import'
  | 'web-import';

export interface Violation {
  /** path relative to the checked root, forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly rule: RuleName;
  readonly message: string;
  /** the bracketed hint, e.g. "room analytics may import: analytics; packages: graphology, graphology-*". */
  readonly hint: string;
}

export interface LintResult {
  readonly files: readonly string[];
  readonly violations: readonly Violation[];
}

interface ImportRef {
  readonly specifier: string | undefined; // undefined: computed dynamic import
  readonly line: number;
  readonly typeOnly: boolean;
}

const ROOT_ROOM = 'root';
const builtins = new Set(builtinModules);

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}: ${v.rule} — ${v.message} (${v.hint})`;
}

/** Every violation in `rootDir/src`, in file then line order. */
export function checkTree(rootDir: string, rules: Rules = RULES): Violation[] {
  return [...lintTree(rootDir, rules).violations];
}

export function lintTree(rootDir: string, rules: Rules = RULES): LintResult {
  const files = listSources(path.join(rootDir, rules.srcDir)).map((abs) => toPosix(path.relative(rootDir, abs)));
  const violations = files.flatMap((file) =>
    checkFile(file, fs.readFileSync(path.join(rootDir, file), 'utf8'), rules),
  );
  const webFiles = listSources(path.join(rootDir, WEB_RULES.dir)).map((abs) => toPosix(path.relative(rootDir, abs)));
  const webViolations = webFiles.flatMap((file) => checkWebFile(file, fs.readFileSync(path.join(rootDir, file), 'utf8')));
  return { files: [...files, ...webFiles], violations: [...violations, ...webViolations] };
}

/**
 * The dashboard (web/src) runs in the browser and reaches the service only through /graphql: it may
 * import its own files, the drawing packages, and from src/ only the closed vocabularies (pure data,
 * so the page names every value as the API's enum descriptions do). Anything else of src/ would drag
 * server code into the bundle or let the page bypass the API.
 */
export const WEB_RULES = {
  dir: 'web/src',
  srcFiles: ['src/domain/vocabulary.ts'],
  packages: ['sigma', 'sigma/*', 'graphology', 'graphology-*'],
} as const;

export function checkWebFile(file: string, text: string): Violation[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const hint = `web/src may import: web/src, ${WEB_RULES.srcFiles.join(', ')}; packages: ${WEB_RULES.packages.join(', ')} (+ import type from any)`;
  const out: Violation[] = [];
  for (const ref of collectImports(sf)) {
    if (ref.specifier === undefined) {
      out.push({ file, line: ref.line, rule: 'dynamic-import', message: 'dynamic import with a computed specifier cannot be checked', hint: 'use a string literal' });
      continue;
    }
    if (isRelative(ref.specifier)) {
      const target = toPosix(path.posix.normalize(path.posix.join(path.posix.dirname(file), ref.specifier)));
      if (target.startsWith(`${WEB_RULES.dir}/`) || (WEB_RULES.srcFiles as readonly string[]).includes(target)) continue;
      out.push({ file, line: ref.line, rule: 'web-import', message: `'${ref.specifier}' resolves to ${target}: the dashboard talks to the service through /graphql only`, hint });
    } else if (!matchesAny(packageName(ref.specifier), WEB_RULES.packages) && !ref.typeOnly) {
      out.push({ file, line: ref.line, rule: 'web-import', message: `web imports '${packageName(ref.specifier)}'${isBuiltin(packageName(ref.specifier)) ? ' (a Node built-in: not in a browser)' : ''}`, hint });
    }
  }
  return out;
}

/** Checks one file. `file` is relative to the repo root (e.g. `src/services/rank.ts`). */
export function checkFile(file: string, text: string, rules: Rules = RULES): Violation[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const room = sourceRoom(file, rules);
  const out: Violation[] = [];
  const push = (line: number, rule: RuleName, message: string, hint: string): void => {
    out.push({ file, line, rule, message, hint });
  };

  if (room === undefined) {
    push(1, 'unknown-room', `${file} is not in a room`, `rooms: ${Object.keys(rules.rooms).filter((r) => r !== ROOT_ROOM).map((r) => `src/${r}/`).join(', ')}; root files: ${Object.keys(rules.rootFiles).map((f) => `src/${f}`).join(', ')}`);
  }

  for (const ref of collectImports(sf)) {
    if (ref.specifier === undefined) {
      push(ref.line, 'dynamic-import', 'dynamic import with a computed specifier cannot be checked', 'use a string literal');
      continue;
    }
    if (isRelative(ref.specifier)) {
      checkRelative(file, room, ref, rules, push);
    } else {
      checkPackage(room, ref, rules, push);
    }
  }

  const allowCypher = room === 'db' && rules.cypherAllowlist.includes(file);
  if (!allowCypher) {
    for (const hit of findCypher(sf, rules.cypherPatterns)) {
      push(hit.line, 'cypher', `literal looks like Cypher (${hit.pattern}); move it to cypher/<area>/<verb>-<noun>.cypher and run it through the registry in src/db`, 'Cypher only in cypher/; src/db files in RULES.cypherAllowlist excepted');
    }
  }
  return out;
}

type Push = (line: number, rule: RuleName, message: string, hint: string) => void;

function checkRelative(file: string, room: string | undefined, ref: ImportRef, rules: Rules, push: Push): void {
  const target = toPosix(path.posix.normalize(path.posix.join(path.posix.dirname(file), ref.specifier!)));
  const srcPrefix = `${rules.srcDir}/`;
  if (!target.startsWith(srcPrefix)) {
    if (room !== ROOT_ROOM) {
      push(ref.line, 'outside-src', `'${ref.specifier}' resolves outside ${rules.srcDir}/ (${target})`, `only the composition root may; load data files at run time instead`);
    }
    return;
  }
  if (room === undefined) return; // already reported as unknown-room; no rules to apply
  const targetRoom = roomOf(target.slice(srcPrefix.length), rules, 'target');
  if (targetRoom === undefined) {
    push(ref.line, 'unknown-room', `'${ref.specifier}' resolves to ${target}, which is not in a room`, roomHint(room, rules));
    return;
  }
  if (!mayImportRoom(room, targetRoom, rules)) {
    push(ref.line, 'room-import', `${room} imports '${ref.specifier}' (room ${targetRoom})${ref.typeOnly ? ' — type-only imports count too' : ''}`, roomHint(room, rules));
  }
}

function checkPackage(room: string | undefined, ref: ImportRef, rules: Rules, push: Push): void {
  const pkg = packageName(ref.specifier!);
  const roomLabel = room ?? 'unknown';
  for (const rule of rules.packageRules) {
    if (matchesAny(pkg, rule.packages) && (room === undefined || !rule.onlyIn.includes(room))) {
      push(ref.line, 'package', `'${pkg}' is allowed only in ${rule.onlyIn.join(', ')}: ${rule.why}`, roomHint(roomLabel, rules));
    }
  }
  const allowlist = room === undefined ? undefined : rules.packageAllowlists[room];
  if (allowlist && !matchesAny(pkg, allowlist.allow) && !(ref.typeOnly && allowlist.typeOnlyExempt)) {
    push(ref.line, 'package-allowlist', `${room} imports '${pkg}'${isBuiltin(pkg) ? ' (a Node built-in)' : ''}: ${allowlist.why}`, roomHint(roomLabel, rules));
  }
}

function mayImportRoom(from: string, to: string, rules: Rules): boolean {
  if (from === to) return true;
  const allowed = rules.rooms[from];
  return allowed === '*' || (allowed !== undefined && allowed.includes(to));
}

function roomHint(room: string, rules: Rules): string {
  const allowed = rules.rooms[room];
  if (allowed === undefined) return `room ${room} has no rules`;
  const rooms = allowed === '*' ? 'any room' : [room, ...allowed].join(', ');
  const allowlist = rules.packageAllowlists[room];
  const pkgs = allowlist
    ? `packages: ${allowlist.allow.join(', ')}${allowlist.typeOnlyExempt ? ' (+ import type from any)' : ''}`
    : `packages: any except ${rules.packageRules.filter((r) => !r.onlyIn.includes(room)).flatMap((r) => r.packages).join(', ') || 'none'}`;
  return `room ${room} may import: ${rooms}; ${pkgs}`;
}

/** Room of a file being checked (path relative to the repo root). */
function sourceRoom(file: string, rules: Rules): string | undefined {
  const prefix = `${rules.srcDir}/`;
  return file.startsWith(prefix) ? roomOf(file.slice(prefix.length), rules, 'source') : undefined;
}

/** Room of a path relative to src/. Root files are "root" as importers and their listed room as targets. */
function roomOf(rel: string, rules: Rules, as: 'source' | 'target'): string | undefined {
  const slash = rel.indexOf('/');
  if (slash === -1) {
    if (as === 'target' && rel !== ROOT_ROOM && rel in rules.rooms) return rel; // `../db` (directory)
    const asTarget = rules.rootFiles[withTsExtension(rel)];
    if (asTarget === undefined) return undefined;
    return as === 'source' ? ROOT_ROOM : asTarget;
  }
  const first = rel.slice(0, slash);
  return first !== ROOT_ROOM && first in rules.rooms ? first : undefined;
}

/** `./config.js` and `./config` name the same file as `./config.ts` for room purposes. */
function withTsExtension(name: string): string {
  return name.replace(/\.(?:js|mjs|cjs|mts|cts)$/, '.ts').replace(/^([^.]+)$/, '$1.ts');
}

function collectImports(sf: ts.SourceFile): ImportRef[] {
  const refs: ImportRef[] = [];
  const lineOf = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const literal = (node: ts.Node | undefined): string | undefined =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      // `import { type A } from 'x'` keeps a runtime `import 'x'` under verbatimModuleSyntax: not type-only.
      refs.push({ specifier: literal(node.moduleSpecifier), line: lineOf(node.moduleSpecifier), typeOnly: node.importClause?.isTypeOnly ?? false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      refs.push({ specifier: literal(node.moduleSpecifier), line: lineOf(node.moduleSpecifier), typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      refs.push({ specifier: literal(node.moduleReference.expression), line: lineOf(node), typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      refs.push({ specifier: literal(node.arguments[0]), line: lineOf(node), typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      refs.push({ specifier: literal(node.argument.literal), line: lineOf(node), typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return refs;
}

interface CypherHit {
  readonly line: number;
  readonly pattern: string;
}

function findCypher(sf: ts.SourceFile, patterns: readonly RegExp[]): CypherHit[] {
  const hits: CypherHit[] = [];
  const check = (node: ts.Node, text: string): void => {
    // The earliest keyword in the text, whichever pattern found it.
    const match = patterns
      .map((p) => p.exec(text))
      .reduce<RegExpExecArray | null>((best, m) => (m && (!best || m.index < best.index) ? m : best), null);
    if (!match) return;
    // Report the line where the keyword sits inside a multi-line literal, not where the literal opens.
    const at = node.getText(sf).indexOf(match[0]);
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf) + Math.max(at, 0)).line + 1;
    hits.push({ line, pattern: match[0] });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      check(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      // Check the literal parts joined with a stand-in, so `MATCH (n:${label})` still reads as Cypher.
      check(node, node.head.text + node.templateSpans.map((s) => '${…}' + s.literal.text).join(''));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return hits;
}

function listSources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(abs));
    else if (entry.isFile() && /\.[cm]?ts$/.test(entry.name)) out.push(abs);
  }
  return out.sort();
}

function isRelative(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..';
}

/** `@scope/name/sub` → `@scope/name`, `graphology-metrics/centrality` → `graphology-metrics`, `fs` → `node:fs`. */
function packageName(spec: string): string {
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
  return !name.startsWith('node:') && builtins.has(name) ? `node:${name}` : name;
}

function isBuiltin(pkg: string): boolean {
  return pkg.startsWith('node:');
}

function matchesAny(pkg: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? pkg.startsWith(p.slice(0, -1)) : pkg === p));
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

// ─── CLI ────────────────────────────────────────────────────────────────────────────────────────

function isMain(): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return fs.realpathSync(fileURLToPath(import.meta.url)) === fs.realpathSync(argv1);
  } catch {
    return false;
  }
}

if (isMain()) {
  const rootDir = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const { files, violations } = lintTree(rootDir);
  for (const v of violations) console.error(formatViolation(v));
  const summary = `lint-deps: ${files.length} files, ${violations.length} violation${violations.length === 1 ? '' : 's'}`;
  if (violations.length > 0) {
    console.error(summary);
    process.exitCode = 1;
  } else {
    console.log(summary);
  }
}
