/**
 * Requests are admitted a bounded number per turn of the event loop, in arrival order, and every
 * one of them is admitted in the end; a socket callback (here a timer, which like I/O runs before
 * the next check phase) gets its turn while a backlog is still waiting.
 */
import { describe, expect, it } from 'vitest';
import { admit } from '../../../src/server/admission.ts';

describe('admission', () => {
  it('admits a burst over several turns, first come first served, and lets other callbacks in between', async () => {
    const order: number[] = [];
    const events: string[] = [];
    // Each request works for 50 µs, as a cheap one would: 100 ms in all, many timer resolutions.
    const work = () => { const until = performance.now() + 0.05; while (performance.now() < until); };
    const burst = Array.from({ length: 2000 }, (_, i) => admit().then(() => { order.push(i); work(); }));
    // A timer due at once runs in the next turn's timers phase: before the burst has all started.
    setTimeout(() => events.push(`timer after ${order.length}`), 0);
    await Promise.all(burst);
    expect(order).toEqual([...Array(2000).keys()]);
    expect(events).toHaveLength(1);
    const seen = Number(events[0]!.split(' ').at(-1));
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(2000);
  });

  it('admits a lone request within the turn', async () => {
    let admitted = false;
    const done = admit().then(() => { admitted = true; });
    await new Promise((r) => setImmediate(r));
    await done;
    expect(admitted).toBe(true);
  });
});
