/**
 * Brokerage roles — Gould & Fernandez (1989), "Structures of mediation: a formal approach to
 * brokerage in transaction networks", Sociological Methodology 19, 89–126.
 *
 * Node b brokers a two-path a → b → c (a, b, c distinct). By the groups of a, b and c:
 *   coordinator     a, b, c in one group                          (w_I)
 *   itinerant       a and c in one group, b in another (consultant) (w_O)
 *   representative  b in a's group, c elsewhere — b speaks for its group (b_IO)
 *   gatekeeper      b in c's group, a elsewhere — b lets outsiders in (b_OI)
 *   liaison         a, b, c in three different groups              (b_O)
 *
 * Which two-paths count — the two conventions in use: Gould & Fernandez's open two-path, counted
 * only when there is no edge a → c (b is then needed to carry the flow; also how R's cograph and sna
 * read it) — `exclude: 'forward'`, the default — or every two-path with a ≠ c (`exclude: 'none'`, as
 * e.g. Stata's nwbrokerage). `exclude: 'either'` is a stricter open reading: a and c have no tie in
 * either direction. Each (a, b, c) counts once however many parallel edges carry it. Paths through an
 * unassigned node are left out.
 *
 * Directed graphs only: brokerage is about flows with a direction (advice asked, help given).
 */
import type { Attributes } from 'graphology-types';
import { resolveGroups, type Grouping } from './grouping.ts';
import { checkGraph, type AnyGraph } from '../graph-utils/graph.ts';
import { resolveOptions } from '../graph-utils/options.ts';
import { keyedRecord } from '../graph-utils/csr.ts';

const MODULE = 'bridging/brokerage';

export type BrokerageExclusion = 'forward' | 'either' | 'none';

export interface BrokerageOptions<N extends Attributes = Attributes> {
  /** Node attribute name, or node → group function. Required. */
  group: Grouping<N> | null;
  /** Which two-paths a → b → c are not brokerage: a → c exists ('forward'), any a–c tie ('either'), none. */
  exclude: BrokerageExclusion;
}

export const DEFAULTS: BrokerageOptions = Object.freeze({ group: null, exclude: 'forward' });

export const BROKERAGE_ROLES = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

export type BrokerageCounts = Record<BrokerageRole, number> & { total: number };

export interface BrokerageResult {
  /** Per node (assigned nodes only): two-paths it brokers, by role. */
  nodes: Record<string, BrokerageCounts>;
  /** Summed over nodes. */
  totals: BrokerageCounts;
  unassigned: string[];
}

const zero = (): BrokerageCounts => ({ coordinator: 0, itinerant: 0, representative: 0, gatekeeper: 0, liaison: 0, total: 0 });

function roleOf(a: string, b: string, c: string): BrokerageRole {
  if (a === b) return b === c ? 'coordinator' : 'representative';
  if (b === c) return 'gatekeeper';
  return a === c ? 'itinerant' : 'liaison';
}

export function brokerage<N extends Attributes>(graph: AnyGraph<N>, options: Partial<BrokerageOptions<N>>): BrokerageResult {
  checkGraph(MODULE, graph);
  const { group, exclude } = resolveOptions<BrokerageOptions<N>>(MODULE, DEFAULTS as BrokerageOptions<N>, options);
  if (group === null) throw new Error(`${MODULE}: group is required (a node attribute name or a function)`);
  if (exclude !== 'forward' && exclude !== 'either' && exclude !== 'none') {
    throw new Error(`${MODULE}: exclude must be 'forward', 'either' or 'none'`);
  }
  if (graph.type !== 'directed') throw new Error(`${MODULE}: graph must be directed (got ${graph.type})`);
  const groups = resolveGroups(graph, group, MODULE);
  const nodes = keyedRecord<BrokerageCounts>();
  const totals = zero();
  graph.forEachNode((b) => {
    const gb = groups.get(b);
    if (gb === undefined) return;
    const counts = zero();
    const sources = graph.inNeighbors(b).filter((a) => a !== b && groups.has(a));
    const targets = graph.outNeighbors(b).filter((c) => c !== b && groups.has(c));
    for (const a of sources) {
      for (const c of targets) {
        if (a === c) continue;
        if (exclude !== 'none' && graph.hasDirectedEdge(a, c)) continue;
        if (exclude === 'either' && graph.hasDirectedEdge(c, a)) continue;
        const role = roleOf(groups.get(a)!, gb, groups.get(c)!);
        counts[role] += 1;
        counts.total += 1;
      }
    }
    nodes[b] = counts;
    for (const role of BROKERAGE_ROLES) totals[role] += counts[role];
    totals.total += counts.total;
  });
  return { nodes, totals, unassigned: graph.filterNodes((node) => !groups.has(node)) };
}
