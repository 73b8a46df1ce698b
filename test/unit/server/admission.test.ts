/**
 * Requests are admitted a bounded number per turn of the event loop, in arrival order, and every
 * one of them in the end; a timer (which like socket callbacks runs before the next check phase)
 * gets its turn while a backlog is still waiting. At most 24 recent requests are at work at once: a
 * release lets the next one in, and a request at work for a second no longer holds its place.
 */
import { describe, expect, it } from 'vitest';
import { admit, IN_FLIGHT, WRITES_IN_FLIGHT } from '../../../src/server/admission.ts';
import { laneOf } from '../../../src/server/operation-kind.ts';

const turns = (n: number) => new Promise<void>((resolve) => {
  const step = (left: number) => (left === 0 ? resolve() : setImmediate(() => step(left - 1)));
  step(n);
});

describe('admission', () => {
  it('admits a burst over several turns, first come first served, and lets other callbacks in between', async () => {
    const order: number[] = [];
    const events: string[] = [];
    // Each request works for 50 µs, as a cheap one would: 100 ms in all, many timer resolutions.
    const work = () => { const until = performance.now() + 0.05; while (performance.now() < until); };
    const burst = Array.from({ length: 2000 }, (_, i) => admit().then((release) => { order.push(i); work(); release(); }));
    // A timer due at once runs in a later turn's timers phase: before the burst has all started.
    setTimeout(() => events.push(`timer after ${order.length}`), 0);
    await Promise.all(burst);
    expect(order).toEqual([...Array(2000).keys()]);
    expect(events).toHaveLength(1);
    const seen = Number(events[0]!.split(' ').at(-1));
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(2000);
  });

  it('keeps at most 24 requests at work; a release or a second at work lets the next in', async () => {
    const releases: (() => void)[] = [];
    const all = Array.from({ length: 30 }, () => admit().then((release) => { releases.push(release); }));
    await turns(20);
    expect(releases).toHaveLength(24);
    releases[0]!();
    releases[0]!(); // a second call changes nothing
    await turns(5);
    expect(releases).toHaveLength(25);
    // The others hold on past a second: they stop counting, and the last five start.
    await new Promise((r) => setTimeout(r, 1100));
    await turns(5);
    expect(releases).toHaveLength(30);
    await Promise.all(all);
    for (const release of releases) release();
  });

  it('admits a lone request within the turn', async () => {
    let admitted = false;
    const done = admit().then((release) => { admitted = true; release(); });
    await new Promise((r) => setImmediate(r));
    await done;
    expect(admitted).toBe(true);
  });

  it('gives mutations a lane of their own: a full readers\' lane does not hold them back, and theirs has its own limit', async () => {
    const reads: (() => void)[] = [];
    const writes: (() => void)[] = [];
    const r = Array.from({ length: IN_FLIGHT + 5 }, () => admit('read').then((release) => { reads.push(release); }));
    const w = Array.from({ length: WRITES_IN_FLIGHT + 5 }, () => admit('write').then((release) => { writes.push(release); }));
    await turns(40);
    expect(reads).toHaveLength(IN_FLIGHT);
    expect(writes).toHaveLength(WRITES_IN_FLIGHT);
    // A write's release lets a write in, not a read.
    writes[0]!();
    await turns(5);
    expect(writes).toHaveLength(WRITES_IN_FLIGHT + 1);
    expect(reads).toHaveLength(IN_FLIGHT);
    reads[0]!();
    await turns(5);
    expect(reads).toHaveLength(IN_FLIGHT + 1);
    for (const release of [...reads, ...writes]) release();
    await turns(10);
    for (const release of [...reads, ...writes]) release();
    await Promise.all([...r, ...w]);
    for (const release of [...reads, ...writes]) release();
  });
});

describe('laneOf', () => {
  it('sends the operation a request names, or its only one, to the writers\' lane when it is a mutation', () => {
    const doc = 'query Read { me { role } } mutation Write { createResident(input: {}) { id } }';
    expect(laneOf({ query: 'mutation { createResident(input: {}) { id } }' }, 5000)).toBe('write');
    expect(laneOf({ query: '# a comment\n  mutation M($i: X) { a }' }, 5000)).toBe('write');
    expect(laneOf({ query: doc, operationName: 'Write' }, 5000)).toBe('write');
    expect(laneOf({ query: doc, operationName: 'Read' }, 5000)).toBe('read');
    // Two operations and no name, an unknown name, a subscription, text that does not parse, too many tokens: read.
    expect(laneOf({ query: doc }, 5000)).toBe('read');
    expect(laneOf({ query: doc, operationName: 'Other' }, 5000)).toBe('read');
    expect(laneOf({ query: '{ me { role } }' }, 5000)).toBe('read');
    expect(laneOf({ query: '"mutation" { a }' }, 5000)).toBe('read');
    expect(laneOf({ query: 'mutation { a' }, 5000)).toBe('read');
    expect(laneOf({ query: `mutation { ${'a '.repeat(100)} }` }, 50)).toBe('read');
    expect(laneOf({ query: 42 }, 5000)).toBe('read');
    expect(laneOf(null, 5000)).toBe('read');
    expect(laneOf('mutation { a }', 5000)).toBe('read');
  });
});
