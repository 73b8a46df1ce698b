/**
 * Matching proposals through the compute runtime: the worker task gives what matchPools gives on the
 * calling thread, a large pool leaves the calling thread free while it runs, a small one stays inline.
 */
import { UndirectedGraph } from 'graphology';
import { afterAll, describe, expect, it } from 'vitest';
import type { NeedInput, PoolEntryInput } from '../../../src/analytics/matching/eligibility.ts';
import { matchPools } from '../../../src/analytics/matching/proposals.ts';
import { ownerNetwork } from '../../../src/analytics/matching/proximity.ts';
import { mulberry32 } from '../../../src/analytics/graph-utils/prng.ts';
import { computeTask } from '../../../src/compute/dispatch.ts';
import { DEFAULT_ANALYTICS_SETTINGS } from '../../../src/compute/settings.ts';
import { AnalyticsPool, analyticsPool, closeAnalyticsPool } from '../../../src/compute/workers/index.ts';

const pool = new AnalyticsPool({ size: 1 });
afterAll(async () => {
  await pool.close();
  await closeAnalyticsPool();
});

function instance(size: number, seed: number) {
  const rnd = mulberry32(seed);
  const graph = new UndirectedGraph();
  const owners = 60;
  for (let i = 0; i < 400; i += 1) graph.addNode(`p${i}`, { label: i < owners ? 'Organization' : 'Resident', housingArea: `area${i % 5}` });
  for (let k = 0; k < 1200; k += 1) {
    const a = Math.floor(rnd() * 400);
    const b = Math.floor(rnd() * 400);
    if (a !== b && !graph.hasEdge(`p${a}`, `p${b}`)) graph.addEdge(`p${a}`, `p${b}`, { kind: 'ACQUAINTANCE' });
  }
  const tags = ['场地', '志愿者', '资金', '培训', '助餐', '维修'];
  const entry = (prefix: string, i: number): NeedInput => ({
    id: `${prefix}${String(i).padStart(4, '0')}`, name: `${prefix} ${i}`, category: `C${Math.floor(rnd() * 3)}`,
    tags: [tags[Math.floor(rnd() * 6)]!, tags[Math.floor(rnd() * 6)]!], quantity: 1 + Math.floor(rnd() * 9), unit: null,
    validFrom: null, validUntil: null, owners: [`p${Math.floor(rnd() * owners)}`], urgency: 1 + Math.floor(rnd() * 5),
  });
  const resources: PoolEntryInput[] = Array.from({ length: size }, (_, i) => {
    const { urgency: _u, ...rest } = entry('r', i);
    return rest;
  });
  const needs = Array.from({ length: size }, (_, i) => entry('n', i));
  return { graph, resources, needs };
}

/** Runs `work` and counts how often a 5 ms timer fired on this thread before it finished. */
async function ticksDuring(work: () => Promise<unknown>): Promise<{ ticks: number; value: unknown }> {
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 5);
  try {
    const value = await work();
    return { ticks, value };
  } finally {
    clearInterval(timer);
  }
}

describe('matchPools as an analytics task', () => {
  it('gives in a worker exactly what it gives inline', async () => {
    const { graph, resources, needs } = instance(40, 3);
    const options = { weights: { tags: 0.5 }, favourNewBridges: true };
    const inline = matchPools(resources, needs, ownerNetwork(graph, resources.flatMap((r) => r.owners), needs.flatMap((n) => n.owners)), options);
    expect(inline.proposals.length).toBeGreaterThan(10);
    expect(await pool.runTask('matchPools', graph.export(), { resources, needs, ...options })).toEqual(inline);
  });

  it('refuses a bad entry in the worker as BAD_USER_INPUT with its path', async () => {
    const { graph, resources, needs } = instance(3, 4);
    const bad = [{ ...resources[0]!, quantity: 'many' }] as unknown as PoolEntryInput[];
    await expect(pool.runTask('matchPools', graph.export(), { resources: bad, needs })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { path: ['options', 'resources', 0, 'quantity'] } });
  });

  it('a small pool runs inline (no thread starts); a large one runs in the pool and leaves this thread free', async () => {
    const small = instance(5, 6);
    const inline = await computeTask({ analytics: { ...DEFAULT_ANALYTICS_SETTINGS } }, 'matchPools', small.graph, { resources: small.resources, needs: small.needs });
    expect(analyticsPool().started).toBe(0);
    expect(inline.resources).toBe(5);

    const big = instance(500, 5);
    const { ticks, value } = await ticksDuring(() => computeTask({}, 'matchPools', big.graph, { resources: big.resources, needs: big.needs }));
    expect(analyticsPool().started).toBe(1);
    // The timer fired while the match ran elsewhere (on this thread it could fire at most once, at the end).
    expect(ticks).toBeGreaterThan(2);
    expect((value as { eligiblePairs: number }).eligiblePairs).toBeGreaterThan(50_000);
  });
});
