/**
 * The CSR copy of a graphology graph, built on the event loop in slices (graph-utils/csr.ts,
 * `csrSteps`) with a turn of the loop between slices: the copy has to be made where the graph lives,
 * but a 10k-node graph takes 20–65 ms in one go and a 100k-node one several hundred, which would
 * hold up every request waiting behind it.
 */
import { setImmediate } from 'node:timers/promises';
import { csrSteps } from '../../analytics/graph-utils/csr.ts';
import { isCSR, type CSR, type AnyGraph } from '../../analytics/centrality/index.ts';

export async function buildCSR(graph: CSR | AnyGraph, weightAttribute: string, module: string): Promise<CSR> {
  if (isCSR(graph)) return graph;
  const steps = csrSteps(graph, { weightAttribute }, module);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await setImmediate();
  }
}
