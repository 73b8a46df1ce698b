import { describe, expect, it } from 'vitest';
import { readRecords } from '../../../src/interchange/readers.ts';

async function records(text: string) {
  const out = [];
  for await (const r of readRecords('MEMBERSHIP.json', (async function* () { yield Buffer.from(text, 'utf8'); })())) out.push(r);
  return out;
}

describe('a JSON array dataset file', () => {
  it('reads each object element as a record on the line it starts', async () => {
    const rs = await records('[\n{"id":"m1"},\n{"id":"m2","tags":["a",{"b":1}]}\n]\n');
    expect(rs.map((r) => [r.line, r.cells, r.problems])).toEqual([[2, { id: 'm1' }, []], [3, { id: 'm2', tags: ['a', { b: 1 }] }, []]]);
  });

  it('rejects an element that is not an object instead of skipping it', async () => {
    const rs = await records('[{"id":"m1"},\n"text",\n5, null, true,\n[{"id":"m9"}],\n{"id":"m2"}]');
    expect(rs.map((r) => [r.line, r.problems])).toEqual([
      [1, []],
      [2, ['not a JSON object / 不是 JSON 对象']],
      [3, ['not a JSON object / 不是 JSON 对象']],
      [3, ['not a JSON object / 不是 JSON 对象']],
      [3, ['not a JSON object / 不是 JSON 对象']],
      [4, ['not a JSON object / 不是 JSON 对象']],
      [5, []],
    ]);
    expect(rs[6]!.cells).toEqual({ id: 'm2' });
  });

  it('counts a string element holding brackets and commas as one element', async () => {
    const rs = await records('["a,]{b", {"id":"m1"}]');
    expect(rs.map((r) => r.problems.length)).toEqual([1, 0]);
  });
});
