import { describe, expect, it } from 'vitest';
import { MAX_COALESCED_IDS, ReadCoalescer } from '../../../src/db/coalesce.ts';

/** A read that records the ids of every statement it was sent as, and answers each id with itself in capitals. */
function recorder() {
  const sent: string[][] = [];
  const read = async (ids: readonly string[]) => {
    sent.push([...ids]);
    return new Map(ids.map((id) => [id, id.toUpperCase()]));
  };
  return { sent, read };
}

describe('ReadCoalescer', () => {
  it('sends the reads of one key made in one turn as one statement with the union of their ids', async () => {
    const coalescer = new ReadCoalescer();
    const { sent, read } = recorder();
    const [a, b, c] = await Promise.all([
      coalescer.read('node:Resident', ['r1', 'r2'], read),
      coalescer.read('node:Resident', ['r2', 'r3'], read),
      // A caller some promise hops later in the same turn still joins the batch.
      Promise.resolve().then(() => Promise.resolve()).then(() => coalescer.read('node:Resident', ['r4'], read)),
    ]);
    expect(sent).toEqual([['r1', 'r2', 'r3', 'r4']]);
    expect(a.get('r1')).toBe('R1');
    expect(b.get('r3')).toBe('R3');
    expect(c.get('r4')).toBe('R4');
    expect(coalescer.batches).toBe(1);
    expect(coalescer.callers).toBe(3);
  });

  it('keeps different keys apart, and reads of a later turn in a batch of their own', async () => {
    const coalescer = new ReadCoalescer();
    const residents = recorder();
    const orgs = recorder();
    await Promise.all([coalescer.read('node:Resident', ['r1'], residents.read), coalescer.read('node:Organization', ['o1'], orgs.read)]);
    await coalescer.read('node:Resident', ['r2'], residents.read);
    expect(residents.sent).toEqual([['r1'], ['r2']]);
    expect(orgs.sent).toEqual([['o1']]);
  });

  it('fails every caller of a failed batch with its error, and the next batch is sent anew', async () => {
    const coalescer = new ReadCoalescer();
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error('database unavailable');
    };
    const results = await Promise.allSettled([coalescer.read('k', ['a'], failing), coalescer.read('k', ['b'], failing)]);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'fulfilled'))).toEqual(['database unavailable', 'database unavailable']);
    expect(calls).toBe(1);
    const { sent, read } = recorder();
    expect((await coalescer.read('k', ['c'], read)).get('c')).toBe('C');
    expect(sent).toEqual([['c']]);
  });

  it('sends a batch as soon as it holds the most ids a statement takes', async () => {
    const coalescer = new ReadCoalescer();
    const { sent, read } = recorder();
    const first = Array.from({ length: MAX_COALESCED_IDS - 10 }, (_, i) => `a${i}`);
    const second = Array.from({ length: 20 }, (_, i) => `b${i}`);
    const third = ['c0'];
    await Promise.all([coalescer.read('k', first, read), coalescer.read('k', second, read), coalescer.read('k', third, read)]);
    expect(sent.map((ids) => ids.length)).toEqual([MAX_COALESCED_IDS + 10, 1]);
    expect(sent[1]).toEqual(['c0']);
  });
});
