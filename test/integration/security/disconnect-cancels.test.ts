/**
 * A client that disconnects cancels the run it alone waited for: groupMixing with 9,900 permutations
 * over the shared demo is started, the client goes away while it computes, and the run leaves
 * analysisRuns at once and its worker thread is ended instead of computing to the end.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyticsPool } from '../../../src/compute/workers/index.ts';
import { createToken } from '../../../src/services/auth/tokens.ts';
import { SHARED_DEMO } from '../../helpers/demo.ts';
import { post, startTestApi, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
let analyst: string;
beforeAll(async () => {
  api = await startTestApi();
  analyst = (await createToken(api.db, { role: 'ANALYST', communities: [SHARED_DEMO], name: 'disconnect test' })).token;
});
afterAll(async () => api?.close());

const RUNS = '{ analysisRuns { key analysis phase waiting } }';
const runs = async () => ((await post<{ analysisRuns: { key: string; analysis: string; phase: string; waiting: number }[] }>(api.app.url, { query: RUNS }, analyst)).body.data?.analysisRuns ?? []);

it('cancels a run when its only client disconnects', async () => {
  const client = new AbortController();
  const query = `{ groupMixing(network: {communityId: "${SHARED_DEMO}", network: TIES}, groupBy: HOUSING_TYPE, permutations: 9900, seed: 7) { ei test { permutations } } }`;
  const answer = fetch(`${api.app.url}/graphql`, { method: 'POST', signal: client.signal, headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` }, body: JSON.stringify({ query }) })
    .then(() => 'answered', () => 'aborted');

  // Wait until the run computes (after the projection), then disconnect.
  const deadline = Date.now() + 60_000;
  let seen: Awaited<ReturnType<typeof runs>> = [];
  while (Date.now() < deadline) {
    seen = (await runs()).filter((r) => r.analysis === 'group-mixing');
    if (seen[0]?.phase === 'computing') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(seen[0], 'the run was seen computing').toMatchObject({ phase: 'computing', waiting: 1 });
  const threads = analyticsPool().started;
  client.abort();
  expect(await answer).toBe('aborted');

  const gone = Date.now() + 5000;
  let left = seen;
  while (Date.now() < gone) {
    left = (await runs()).filter((r) => r.analysis === 'group-mixing');
    if (left.length === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(left).toEqual([]);
  // The permutation test is one indivisible call: its thread was ended rather than left computing.
  await new Promise((r) => setTimeout(r, 200));
  expect(analyticsPool().started).toBeLessThan(threads);
});
