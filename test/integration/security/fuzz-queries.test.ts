/**
 * Property-based fuzz of every query of the schema — above all the analytics, whose options and
 * numeric arguments drive work (centrality pivots and iterations, permutations, bootstrap
 * replicates, lookback days, weights, page sizes) — over a tiny community, so that a valid call
 * answers fast. Arguments come from the schema's input types (test/helpers/fuzz.ts). Every answer
 * is data, or a refusal with a known code (BAD_USER_INPUT naming its field, QUERY_TOO_COMPLEX,
 * FORBIDDEN, NOT_FOUND …), never an internal error; and a query writes nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startTestApi, type TestApi } from '../../helpers/api.ts';
import {
  FUZZ_SEED, HOSTILE_STRINGS, Tally, answerProblems, apiSchema, argumentsArbitrary, digestWorld, operationFor, stringsIn, type IdPools,
} from '../../helpers/fuzz.ts';
import { seedCommunity, type Seeded } from '../../helpers/fuzz-seed.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const schema = apiSchema();
const QUERIES = Object.values(schema.getQueryType()!.getFields());

let api: TestApi;
const pools: IdPools = { own: [], foreign: [], communities: [] };
const tally = new Tally();
const slowest = new Map<string, number>();
let seeded: Seeded['nodes'];

/** A few read-only statements for researchQuery, beside the hostile strings: most of its work is behind a valid one. */
const CYPHER = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(
    'MATCH (r:Resident) RETURN r.displayName AS name LIMIT 5',
    'MATCH (a:Resident)-[k:KNOWS]->(b:Resident) RETURN a.id AS a, b.id AS b, k.since AS since',
    'MATCH (o:Organization)<-[m:MEMBER_OF]-(r) RETURN o.name AS org, count(r) AS members',
    'RETURN $x AS x', 'MATCH (n) RETURN n', 'MATCH (n) DETACH DELETE n', 'CALL db.labels()',
  ) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
);

/** Scopes name exactly one subject; a random record names none or several, so valid ones are given besides. */
function overrides(name: string): Record<string, fc.Arbitrary<unknown>> {
  const generic = argumentsArbitrary(QUERIES.find((q) => q.name === name)!, pools).map((v) => v.scope);
  const one = (key: string, ids: string[]) => fc.constantFrom(...ids).map((id) => ({ [key]: id }));
  if (name === 'researchQuery') return { cypher: CYPHER };
  if (name === 'matchProposals') return { scope: fc.oneof(one('communityId', pools.communities), one('conferenceId', seeded.JointConference), generic) };
  if (name === 'publicness') return { scope: fc.oneof(one('communityId', pools.communities), one('organizationId', seeded.Organization), one('partnerId', seeded.Partner), generic) };
  return {};
}

beforeAll(async () => {
  api = await startTestApi();
  pools.communities = [api.communityId, api.otherCommunityId, 'no-such-community'];
  const own = await seedCommunity(api, api.communityId, api.tokens.ADMIN, 2);
  seeded = own.nodes;
  pools.own.push(...own.ids, api.communityId);
  pools.foreign.push(...(await seedCommunity(api, api.otherCommunityId, api.tokens.GLOBAL_ADMIN, 1)).ids, api.otherCommunityId);
  // A ring of acquaintances, so that the tie network has paths, a cycle and a bridge to work on.
  const residents = own.nodes.Resident;
  for (let i = 0; i < residents.length; i++) {
    const r = await api.gql('mutation($i: AddAcquaintanceInput!) { addAcquaintance(input: $i) { id } }', {
      i: { residentId: residents[i], acquaintanceId: residents[(i + 1) % residents.length], since: '2024-01-01T00:00:00Z' },
    });
    if (r.errors && r.errors[0]?.extensions?.code !== 'BAD_USER_INPUT') throw new Error(JSON.stringify(r.errors));
  }
  console.log(`[fuzz] queries: seed ${FUZZ_SEED}, ${RUNS} runs each over ${QUERIES.length} queries (FUZZ_SEED, FUZZ_RUNS to change)`);
});
afterAll(async () => {
  tally.print('[fuzz] query outcomes (ok or error codes):');
  console.log(`[fuzz] slowest call per query (ms): ${[...slowest].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([f, ms]) => `${f} ${ms}`).join(', ')}`);
  await api?.close();
});

function tokenArb(): fc.Arbitrary<[string, string | null]> {
  const t = api.tokens;
  const weighted: [number, string, string | null][] = [
    [4, 'ADMIN', t.ADMIN], [4, 'ANALYST', t.ANALYST], [2, 'COORDINATOR', t.COORDINATOR], [2, 'EVALUATOR', t.EVALUATOR],
    [2, 'RESEARCHER', t.RESEARCHER], [1, 'OTHER_ADMIN', t.OTHER_ADMIN], [1, 'none', null],
  ];
  return fc.oneof(...weighted.map(([weight, name, token]) => ({ weight, arbitrary: fc.constant<[string, string | null]>([name, token]) })));
}

describe('fuzzed queries', () => {
  it.each(QUERIES.map((q) => [q.name, q] as const))('%s: an answer or a refusal with a known code, never an internal error', async (name, field) => {
    const query = operationFor('query', field);
    const args = argumentsArbitrary(field, pools, overrides(name));
    const property = fc.asyncProperty(args, tokenArb(), async (variables, [role, token]) => {
      const watched = [api.communityId, api.otherCommunityId];
      const named = stringsIn(variables);
      const before = await digestWorld(api.db, watched, named);
      const started = Date.now();
      const { status, body } = await post<Record<string, unknown>>(api.app.url, { query, variables }, token);
      const ms = Date.now() - started;
      slowest.set(name, Math.max(slowest.get(name) ?? 0, ms));
      tally.add(name, body.errors?.length ? body.errors.map((e) => `${e.extensions?.code}${e.extensions?.field ? `@${e.extensions.field}` : ''}`).join('+') : 'ok');
      const context = `${role} ${JSON.stringify(variables).slice(0, 2000)}`;
      expect(answerProblems(body, status), context).toEqual([]);
      expect(await digestWorld(api.db, watched, named), `${context} wrote`).toBe(before);
    });
    await fc.assert(property, { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true });
  });
});
