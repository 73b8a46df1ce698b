import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../src/compute/lru.ts';
import { RunRegistry } from '../../../src/compute/runs.ts';

describe('LruCache', () => {
  it('evicts the least recently used entry and expires old ones', () => {
    let now = 0;
    const cache = new LruCache<number>(2, 100, () => now);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    now = 101;
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('RunRegistry', () => {
  it('shares a run in flight, lists it with progress, and keeps its result', async () => {
    const runs = new RunRegistry();
    let calls = 0;
    let finish!: (v: string) => void;
    const work = (report: (phase: string, done: number, total: number) => void) => {
      calls += 1;
      report('computing', 3, 10);
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const first = runs.share('k', { analysis: 'x', communityId: 'c' }, work);
    const second = runs.share('k', { analysis: 'x', communityId: 'c' }, work);
    expect(second.shared).toBe(true);
    expect(runs.list()).toEqual([expect.objectContaining({ key: 'k', waiting: 2, progress: { phase: 'computing', done: 3, total: 10 } })]);
    finish('done');
    expect(await first.promise).toBe('done');
    expect(await second.promise).toBe('done');
    expect(runs.list()).toEqual([]);
    const third = runs.share('k', { analysis: 'x', communityId: 'c' }, work);
    expect(third.cached).toBe(true);
    expect(await third.promise).toBe('done');
    expect(calls).toBe(1);
  });

  it('does not keep a failed run', async () => {
    const runs = new RunRegistry();
    const failing = runs.share('f', { analysis: 'x', communityId: 'c' }, () => Promise.reject(new Error('boom')));
    await expect(failing.promise).rejects.toThrow('boom');
    const again = runs.share('f', { analysis: 'x', communityId: 'c' }, async () => 'ok');
    expect(again.cached).toBe(false);
    expect(await again.promise).toBe('ok');
  });

  it('keeps as many results as its settings say', async () => {
    const runs = new RunRegistry({ results: 1, cacheSeconds: 600 });
    await runs.share('a', { analysis: 'x', communityId: 'c' }, async () => 1).promise;
    await runs.share('b', { analysis: 'x', communityId: 'c' }, async () => 2).promise;
    expect(runs.share('b', { analysis: 'x', communityId: 'c' }, async () => 0).cached).toBe(true);
    expect(runs.share('a', { analysis: 'x', communityId: 'c' }, async () => 0).cached).toBe(false);
  });
});
