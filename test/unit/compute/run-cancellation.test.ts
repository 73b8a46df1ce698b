/** A shared run is cancelled when the last request waiting for it stops waiting (src/compute/runs.ts). */
import { describe, expect, it } from 'vitest';
import { currentRunSignal, RunRegistry } from '../../../src/compute/runs.ts';

/** A run that records its signal and ends only when told to, or rejects when its signal aborts. */
function pendingWork() {
  const seen: { signal?: AbortSignal | undefined } = {};
  let finish!: (v: string) => void;
  const work = async () => {
    await Promise.resolve();
    seen.signal = currentRunSignal();
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      seen.signal?.addEventListener('abort', () => reject(seen.signal!.reason), { once: true });
    });
  };
  return { seen, work, finish: (v: string) => finish(v) };
}

describe('run cancellation', () => {
  it('keeps the run while one waiter remains, cancels it when the last leaves, and starts afresh after', async () => {
    const runs = new RunRegistry();
    const w = pendingWork();
    const a = new AbortController();
    const b = new AbortController();
    const first = runs.share('k', { analysis: 'x', communityId: 'c' }, w.work, a.signal);
    const second = runs.share('k', { analysis: 'x', communityId: 'c' }, w.work, b.signal);
    expect(second.shared).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(w.seen.signal?.aborted).toBe(false);

    a.abort(new Error('first client gone'));
    await expect(first.promise).rejects.toThrow('first client gone');
    expect(w.seen.signal?.aborted).toBe(false);
    expect(runs.list()[0]?.waiting).toBe(1);

    b.abort(new Error('second client gone'));
    await expect(second.promise).rejects.toThrow('second client gone');
    expect(w.seen.signal?.aborted).toBe(true);
    expect(String(w.seen.signal?.reason)).toMatch(/no request waits for it/);
    expect(runs.list()).toEqual([]);

    const again = pendingWork();
    const third = runs.share('k', { analysis: 'x', communityId: 'c' }, again.work);
    expect(third).toMatchObject({ shared: false, cached: false });
    await new Promise((r) => setTimeout(r, 0));
    again.finish('done');
    await expect(third.promise).resolves.toBe('done');
  });

  it('never cancels a run that a waiter without a signal waits for', async () => {
    const runs = new RunRegistry();
    const w = pendingWork();
    const a = new AbortController();
    const withSignal = runs.share('k', { analysis: 'x', communityId: 'c' }, w.work, a.signal);
    const without = runs.share('k', { analysis: 'x', communityId: 'c' }, w.work);
    a.abort(new Error('gone'));
    await expect(withSignal.promise).rejects.toThrow('gone');
    await new Promise((r) => setTimeout(r, 0));
    expect(w.seen.signal?.aborted).toBe(false);
    w.finish('kept');
    await expect(without.promise).resolves.toBe('kept');
  });
});
