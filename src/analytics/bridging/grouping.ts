/**
 * Which group a node belongs to, for the cross-group measures (E-I index, brokerage roles): a node
 * attribute name (housingArea, housingType, householdRegistered, partyMember, …) or a function of the
 * node and its attributes (e.g. a Louvain community). A node whose group is null or undefined is
 * unassigned: it and its ties are left out, and reported as such.
 */
import type { Attributes } from 'graphology-types';
import type { AnyGraph } from '../graph-utils/graph.ts';

/** A group is a string, number or boolean; null or undefined leaves the node unassigned. */
export type GroupValue = string | number | boolean | null | undefined;

/**
 * The function may return any attribute value (the tie network's attributes may hold lists); a value
 * that is not a GroupValue throws at run time, naming the node.
 */
export type Grouping<N extends Attributes = Attributes> = string | ((node: string, attributes: N) => unknown);

/** Node → group key (the value as a string); unassigned nodes are absent. */
export function resolveGroups<N extends Attributes>(graph: AnyGraph<N>, grouping: Grouping<N>, module: string): Map<string, string> {
  if (typeof grouping !== 'function' && (typeof grouping !== 'string' || grouping === '')) {
    throw new Error(`${module}: group must be a node attribute name or a function node → group`);
  }
  const groups = new Map<string, string>();
  graph.forEachNode((node, attributes) => {
    const value: unknown = typeof grouping === 'function' ? grouping(node, attributes) : attributes[grouping];
    if (value === null || value === undefined) return;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`${module}: the group of ${node} is a ${typeof value}; groups must be strings, numbers or booleans`);
    }
    groups.set(node, String(value));
  });
  return groups;
}
