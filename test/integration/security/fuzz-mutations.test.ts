/**
 * Property-based fuzz of every mutation of the schema: arguments generated from the mutation's own
 * input types (test/helpers/fuzz.ts) — valid values and ids of this file's community mixed with
 * NUL, lone surrogates, bidi overrides, huge and negative numbers, wrong enum names, long text and
 * ids of another community — sent over HTTP with a token of a random role. Every answer must be free
 * of internal errors and carry a known code (a bad input naming its field); every refused call
 * must leave both communities, and every node named in its arguments, exactly as they were.
 */
import fc from 'fast-check';
import type { GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startTestApi, type TestApi } from '../../helpers/api.ts';
import {
  FUZZ_SEED, HOSTILE_STRINGS, Tally, answerProblems, apiSchema, argumentsArbitrary, digestWorld, operationFor, stringsIn, type IdPools,
} from '../../helpers/fuzz.ts';
import { seedCommunity } from '../../helpers/fuzz-seed.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const schema = apiSchema();
const destructive = (name: string) => /^(delete|remove)/.test(name);
// Deletes last, so that the other mutations find the seeded nodes.
const MUTATIONS = Object.values(schema.getMutationType()!.getFields()).sort((a, b) => Number(destructive(a.name)) - Number(destructive(b.name)));

let api: TestApi;
const pools: IdPools = { own: [], foreign: [], communities: [] };
const tally = new Tally();

beforeAll(async () => {
  api = await startTestApi();
  pools.communities = [api.communityId, api.otherCommunityId, 'no-such-community'];
  pools.own.push(...(await seedCommunity(api, api.communityId, api.tokens.ADMIN, 2)).ids);
  pools.foreign.push(...(await seedCommunity(api, api.otherCommunityId, api.tokens.GLOBAL_ADMIN, 1)).ids);
  pools.own.push(api.communityId);
  pools.foreign.push(api.otherCommunityId);
  console.log(`[fuzz] mutations: seed ${FUZZ_SEED}, ${RUNS} runs each over ${MUTATIONS.length} mutations (FUZZ_SEED, FUZZ_RUNS to change)`);
});
afterAll(async () => {
  tally.print('[fuzz] mutation outcomes (ok or error codes):');
  await api?.close();
});

function tokenArb(field: string): fc.Arbitrary<[string, string | null]> {
  const t = api.tokens;
  const weighted: [number, string, string | null][] = [
    [10, 'ADMIN', t.ADMIN], [1, 'ANALYST', t.ANALYST], [1, 'COORDINATOR', t.COORDINATOR], [1, 'EVALUATOR', t.EVALUATOR],
    [1, 'RESEARCHER', t.RESEARCHER], [1, 'OTHER_ADMIN', t.OTHER_ADMIN], [1, 'none', null],
    // A global admin may delete whole communities; it is kept away from that one mutation.
    ...(field === 'deleteCommunity' ? [] : [[2, 'GLOBAL_ADMIN', t.GLOBAL_ADMIN] as [number, string, string | null]]),
  ];
  return fc.oneof(...weighted.map(([weight, name, token]) => ({ weight, arbitrary: fc.constant<[string, string | null]>([name, token]) })));
}

/** Per mutation, arguments that must not reach the test's own communities (a delete of the community itself). */
function overrides(field: GraphQLField<unknown, unknown>): Record<string, fc.Arbitrary<unknown>> {
  if (field.name === 'deleteCommunity') return { id: fc.oneof(fc.constant('no-such-community'), fc.constantFrom(...HOSTILE_STRINGS)) };
  return {};
}

describe('fuzzed mutations', () => {
  it.each(MUTATIONS.map((m) => [m.name, m] as const))('%s: no internal error, a known code, nothing written when refused', async (name, field) => {
    const query = operationFor('mutation', field);
    const property = fc.asyncProperty(argumentsArbitrary(field, pools, overrides(field)), tokenArb(name), async (variables, [role, token]) => {
      const named = stringsIn(variables);
      const watched = [api.communityId, api.otherCommunityId, ...named];
      const before = await digestWorld(api.db, watched, named);
      const { status, body } = await post<Record<string, unknown>>(api.app.url, { query, variables }, token);
      const problems = answerProblems(body, status);
      const refused = (body.errors?.length ?? 0) > 0;
      tally.add(name, refused ? body.errors!.map((e) => `${e.extensions?.code}${e.extensions?.field ? `@${e.extensions.field}` : ''}`).join('+') : 'ok');
      expect(problems, `${role} ${JSON.stringify(variables).slice(0, 2000)}`).toEqual([]);
      if (refused) {
        expect(body.data?.[name] ?? null).toBeNull();
        expect(await digestWorld(api.db, watched, named), `refused ${role} ${JSON.stringify(variables).slice(0, 2000)} wrote`).toBe(before);
      }
    });
    await fc.assert(property, { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true });
  });
});
