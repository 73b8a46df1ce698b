/**
 * The directed exchange network of the time bank (共享会): resident → resident, an arc from the
 * provider of a service to its recipient, weighted by the hours of all services in the window.
 * Gould & Fernandez's brokerage roles are defined on such a directed flow network (Gould &
 * Fernandez 1989, "Structures of mediation", Sociological Methodology 19). Resident attributes are
 * copied from the FULL projection, so any grouping attribute can be used.
 */
import { DirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';

export function exchangeNetwork(full: AbstractGraph): DirectedGraph {
  const graph = new DirectedGraph();
  full.forEachNode((id, attrs) => {
    if (attrs.label === 'Resident') graph.addNode(id, { ...attrs });
  });
  full.forEachEdge((_, attrs, source, target) => {
    if (attrs.kind !== 'EXCHANGE' || source === target || !graph.hasNode(source) || !graph.hasNode(target)) return;
    const hours = typeof attrs.hours === 'number' && Number.isFinite(attrs.hours) ? attrs.hours : 0;
    graph.updateDirectedEdge(source, target, (a: { weight?: number; exchanges?: number }) => ({
      weight: (a.weight ?? 0) + hours,
      exchanges: (a.exchanges ?? 0) + 1,
    }));
  });
  return graph;
}
