/**
 * A hand-made community at two dates (every figure below is worked out by hand in the comments).
 *
 * t0: residents A, B (group g1), C, D (g2); ties A–B, B–C; D an isolate.
 * t1: D has moved away, E (g2) moved in; ties A–B, B–C, C–E, A–E, A–C.
 */
import { UndirectedGraph } from 'graphology';

export function tieGraph(nodes: Record<string, string | null>, ties: [string, string][]): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const [id, group] of Object.entries(nodes)) g.addNode(id, { group });
  for (const [a, b] of ties) g.addEdge(a, b, { weight: 1 });
  return g;
}

export const t0Graph = () => tieGraph({ A: 'g1', B: 'g1', C: 'g2', D: 'g2' }, [['A', 'B'], ['B', 'C']]);
export const t1Graph = () => tieGraph({ A: 'g1', B: 'g1', C: 'g2', E: 'g2' }, [['A', 'B'], ['B', 'C'], ['C', 'E'], ['A', 'E'], ['A', 'C']]);
