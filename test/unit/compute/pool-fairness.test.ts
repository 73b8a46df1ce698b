/**
 * Fairness of the worker pool (src/compute/workers/pool.ts): a short indivisible call is not held
 * behind a long one that occupies every thread; it gets an extra thread, which ends after it.
 */
import { afterAll, expect, it } from 'vitest';
import { UndirectedGraph } from 'graphology';
import { AnalyticsPool } from '../../../src/compute/workers/index.ts';

const pool = new AnalyticsPool({ size: 1 });
afterAll(() => pool.close());

/**
 * A ring of n nodes with chords, in two groups: enough edges that many permutations take a while —
 * seconds, well past a fresh thread's start-up for the short call even on a loaded machine (with
 * 3,000 permutations the long call once finished first).
 */
function ring(n: number): UndirectedGraph {
  const g = new UndirectedGraph();
  for (let i = 0; i < n; i += 1) g.addNode(`n${i}`, { g: i % 2 === 0 ? 'a' : 'b' });
  for (let i = 0; i < n; i += 1) {
    g.addEdge(`n${i}`, `n${(i + 1) % n}`);
    g.addEdge(`n${i}`, `n${(i + 7) % n}`);
  }
  return g;
}

it('answers a short call while a long one holds the only thread, then ends the extra thread', async () => {
  const big = ring(3000).export();
  const small = ring(20).export();
  const order: string[] = [];
  const long = pool.runTask('eiIndex', big, { group: 'g', permutations: 60_000, seed: 1 }).then(() => order.push('long'));
  // Let the long call reach its thread first.
  await new Promise((r) => setTimeout(r, 300));
  const started = performance.now();
  await pool.runTask('connectedComponents', small).then(() => order.push('short'));
  const shortMs = performance.now() - started;
  // Done while the long call still runs: it had a thread of its own, which has ended with it.
  expect(order).toEqual(['short']);
  expect(pool.started).toBe(1);
  await long;
  expect(order).toEqual(['short', 'long']);
  // The extra thread ended with its call; the pool is back to its size.
  await new Promise((r) => setTimeout(r, 200));
  expect(pool.started).toBe(1);
  expect(shortMs).toBeLessThan(5000);
}, 120_000);
