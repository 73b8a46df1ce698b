/**
 * The query limits on the real schema: the abusive shapes are refused by the rule meant for
 * them, with the estimate and the limit; the dashboard's own queries fit every limit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../../../src/schema/sdl.ts';
import { costOf, ANALYSIS_COST, REPETITION_COST } from '../../../../src/server/limits/cost.ts';
import { aliasRule, depthRule } from '../../../../src/server/limits/shape-rules.ts';
import { DEFAULT_QUERY_LIMITS } from '../../../../src/server/limits/settings.ts';
import { refusalMessage } from '../../../../src/server/limits/refusal.ts';

// The graphql module Apollo Server and graphql-query-complexity load (its CommonJS build); the test
// runner would give this file the ES module build, and graphql refuses a schema of the other one.
const { buildSchema, parse, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = buildSchema(typeDefs());
const cost = (query: string, variables: Record<string, unknown> = {}) => costOf(schema, parse(query), variables, undefined);
const shapeErrors = (query: string) => validate(schema, parse(query), [depthRule(DEFAULT_QUERY_LIMITS.maxDepth), aliasRule(DEFAULT_QUERY_LIMITS.maxAliases)]);

/** residents(first: 100) nested three times through memberships → organization → members → resident. */
export const NESTED = `{ residents(first: 100) { edges { node { id
  memberships { organization { members { resident { id
    memberships { organization { members { resident { id
      memberships { organization { members { resident { id displayName } } } } } } } } } } } } } } } }`;

describe('estimated cost', () => {
  it('multiplies children by the page size a connection asks for, its default when none is given', () => {
    const page = (n: number) => cost(`{ residents(first: ${n}) { edges { node { id displayName } } } }`)!;
    // connection 1 + n × (edges 1 + node 1); leaves cost nothing.
    expect(page(10)).toBe(1 + 10 * 2);
    expect(page(100)).toBe(1 + 100 * 2);
    expect(cost('{ residents { edges { node { id } } } }')).toBe(1 + 20 * 2);
    expect(cost('query($n: Int) { residents(first: $n) { edges { node { id } } } }', { n: 50 })).toBe(1 + 50 * 2);
  });

  it('prices a relationship list without pages at an assumed length, so nesting multiplies', () => {
    const one = cost('{ resident(id: "r") { memberships { organization { name } } } }')!;
    // resident 1 + memberships (1 + 10 × organization 1).
    expect(one).toBe(1 + (1 + 10 * 1));
    const nested = cost(NESTED)!;
    expect(nested).toBeGreaterThan(100 * 10 ** 6);
    expect(nested).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost);
  });

  it('adds one unit per repetition an analysis option asks for', () => {
    const mixing = (p: number) => cost(`{ groupMixing(network: {communityId: "c"}, groupBy: HOUSING_TYPE, permutations: ${p}) { ei } }`)!;
    expect(mixing(100_000) - mixing(1000)).toBe(REPETITION_COST * 99_000);
    expect(mixing(100_000)).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost);
    expect(mixing(1000)).toBeLessThan(DEFAULT_QUERY_LIMITS.maxCost);
    const pivots = cost('{ centrality(network: {communityId: "c"}, measure: BETWEENNESS, options: {pivots: 5000}) { scores(first: 1) { edges { node { score } } } } }')!;
    expect(mixing(10_000)).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost);
    expect(pivots).toBe(ANALYSIS_COST + REPETITION_COST * 5000 + 1 + (1 + 1 * 2));
    const publicness = (o: string) => cost(`{ publicness(scope: {communityId: "c"}, t0: "2024-01-01", t1: "2025-01-01", options: {${o}}) { pairedUnits } }`)!;
    expect(publicness('replicates: 10000, permutations: 10000')).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost);
    // Out of its bounds, an option counts nothing: its own check refuses it, naming the field.
    expect(publicness('replicates: 10001')).toBe(publicness('replicates: 0') );
    expect(cost(`{ centrality(network: {communityId: "c"}, measure: BETWEENNESS, options: {pivots: 20000}) { seconds } }`)).toBeLessThan(DEFAULT_QUERY_LIMITS.maxCost);
  });

  it('does not count introspection', () => {
    expect(cost('{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }')).toBe(0);
  });

  it('lets the batched two-level query of the round-trip test through, and not one level more', () => {
    const two = 'query($first: Int) { residents(first: $first) { totalCount edges { node { id displayName memberships { role since organization { id name members { resident { id } } } } } } } }';
    expect(cost(two, { first: 100 })).toBe(1 + 100 * (2 + 1 + 10 * (1 + 1 + 10)));
    expect(cost(two, { first: 100 })!).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxCost);
    expect(cost(two, { first: 500 })!).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost);
  });
});

describe('shape rules', () => {
  it('refuses the nested query by its depth, naming depth and limit', () => {
    const errors = shapeErrors(NESTED);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toMatchObject({ queryLimit: 'depth', limit: DEFAULT_QUERY_LIMITS.maxDepth, found: 16 });
  });

  it('follows fragments for depth, and counts every alias of the document', () => {
    const fragments = `query { ...A } fragment A on Query { residents { edges { node { ...B } } } }
      fragment B on Resident { memberships { organization { members { resident { memberships { organization { members { resident { id } } } } } } } } }`;
    expect(shapeErrors(fragments)[0]?.extensions?.queryLimit).toBe('depth');
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: residents(first: 500) { totalCount }`).join(' ')} }`;
    expect(shapeErrors(aliases(DEFAULT_QUERY_LIMITS.maxAliases))).toEqual([]);
    const refused = shapeErrors(aliases(DEFAULT_QUERY_LIMITS.maxAliases + 1));
    expect(refused[0]?.extensions).toMatchObject({ queryLimit: 'aliases', found: DEFAULT_QUERY_LIMITS.maxAliases + 1 });
  });

  it('gives a message in English and Chinese with the figure and the limit', () => {
    const message = refusalMessage('cost', 123_456, 50_000);
    expect(message).toContain('123,456');
    expect(message).toContain('50,000');
    expect(message).toMatch(/估计开销/);
  });
});

describe("the dashboard's queries", () => {
  const dir = new URL('../../../../web/src/', import.meta.url);
  // Every file of web/src, its views/ folder included. Constants the queries interpolate (a selection
  // such as NETWORK, shared between files) are filled in from every file, nested ones too.
  const sources = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => ({ file: f, source: readFileSync(new URL(f, dir), 'utf8') }));
  const parts = new Map<string, string>();
  for (const { source } of sources) {
    for (const m of source.matchAll(/const ([A-Z_]+) = '([^']*)'/g)) parts.set(m[1]!, m[2]!);
    for (const m of source.matchAll(/const ([A-Z_]+) = `([^`]*)`/g)) if (!/^(query|mutation)\b/.test(m[2]!)) parts.set(m[1]!, m[2]!);
  }
  const fill = (text: string): string => {
    const next = text.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => parts.get(name) ?? '');
    return next === text ? text : fill(next);
  };
  const queries = sources.flatMap(({ file, source }) => [...source.matchAll(/const [A-Z_]+ = `(query[^`]*)`/g)].map((m) => ({ file, query: fill(m[1]!) })));

  it('are found', () => expect(queries.length).toBeGreaterThanOrEqual(19));

  it.each(queries.map((q) => [q.file, q.query.slice(0, 30), q.query] as const))('%s %s… fits every limit', (_file, _head, query) => {
    expect(shapeErrors(query)).toEqual([]);
    expect(parse(query, { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens })).toBeTruthy();
    const estimate = cost(query, {
      network: { communityId: 'c' }, communityId: 'c', measure: 'PAGERANK', groupBy: 'HOUSING_TYPE', from: '2024-01-01', to: '2025-01-01', id: 'r',
      input: { communityId: 'c', network: 'TIES', format: 'JSON' }, stage: 'GOOD_PERSON', t0: '2024-06-30', t1: '2025-12-31', scope: { conferenceId: 'j' },
    });
    expect(estimate).not.toBeNull();
    expect(estimate!).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxCost);
  });
});
