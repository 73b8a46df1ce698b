import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { brokerage } from '../../../../src/analytics/bridging/brokerage.ts';
import { directed } from './reference.ts';

const only = (role: string, count = 1): Record<string, number> => ({
  coordinator: 0, itinerant: 0, representative: 0, gatekeeper: 0, liaison: 0, [role]: count, total: count,
});

describe('bridging/brokerage', () => {
  it.each([
    ['coordinator', { a: 'x', b: 'x', c: 'x' }],
    ['itinerant', { a: 'x', b: 'y', c: 'x' }],
    ['representative', { a: 'x', b: 'x', c: 'y' }],
    ['gatekeeper', { a: 'x', b: 'y', c: 'y' }],
    ['liaison', { a: 'x', b: 'y', c: 'z' }],
  ])('a → b → c makes b a %s', (role, groups) => {
    const result = brokerage(directed([['a', 'b'], ['b', 'c']], groups), { group: 'group' });
    expect(result.nodes.b).toEqual(only(role));
    expect(result.nodes.a!.total).toBe(0);
    expect(result.totals).toEqual(only(role));
  });

  it('conventions: a → c closes the two-path (forward); c → a closes it only under "either"', () => {
    const groups = { a: 'x', b: 'y', c: 'z' };
    expect(brokerage(directed([['a', 'b'], ['b', 'c'], ['a', 'c']], groups), { group: 'group' }).nodes.b!.total).toBe(0);
    expect(brokerage(directed([['a', 'b'], ['b', 'c'], ['a', 'c']], groups), { group: 'group', exclude: 'none' }).nodes.b!.total).toBe(1);
    const back = directed([['a', 'b'], ['b', 'c'], ['c', 'a']], groups);
    expect(brokerage(back, { group: 'group' }).nodes.b!.total).toBe(1);
    expect(brokerage(back, { group: 'group', exclude: 'either' }).nodes.b!.total).toBe(0);
  });

  it('counts a reciprocal pair through a broker both ways, and skips a → b → a', () => {
    const g = directed([['a', 'b'], ['b', 'a'], ['b', 'c'], ['c', 'b']], { a: 'x', b: 'y', c: 'x' });
    expect(brokerage(g, { group: 'group' }).nodes.b).toEqual(only('itinerant', 2));
  });

  it('a small two-group network, counted by hand', () => {
    // Courtyard x: a, b; courtyard y: c, d. b reaches c; c passes on to d.
    const g = directed([['a', 'b'], ['b', 'c'], ['c', 'd']], { a: 'x', b: 'x', c: 'y', d: 'y' });
    const { nodes } = brokerage(g, { group: 'group' });
    expect(nodes.b).toEqual(only('representative'));
    expect(nodes.c).toEqual(only('gatekeeper'));
  });

  it('leaves out unassigned nodes (function grouping)', () => {
    const g = directed([['a', 'b'], ['b', 'c']], { a: 'x', b: 'y', c: 'z' });
    const result = brokerage(g, { group: (node) => (node === 'c' ? null : g.getNodeAttribute(node, 'group') as string) });
    expect(result.nodes.b!.total).toBe(0);
    expect(result.unassigned).toEqual(['c']);
  });

  it('throws when…', () => {
    const g = directed([['a', 'b']], { a: 'x', b: 'y' });
    expect(() => brokerage(g, {})).toThrow('bridging/brokerage: group is required');
    expect(() => brokerage(g, { group: 'group', exclude: 'both' as never })).toThrow("bridging/brokerage: exclude must be 'forward', 'either' or 'none'");
    expect(() => brokerage(new UndirectedGraph(), { group: 'group' })).toThrow('bridging/brokerage: graph must be directed');
  });
});
