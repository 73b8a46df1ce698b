/**
 * Every centrality against NetworkX on published datasets (fixtures written by
 * scripts/reference/centrality.py; the fixture's "calls" names the NetworkX call of each metric).
 */
import { describe, expect, it } from 'vitest';
import { betweenness, closeness, degree, eigenvector, harmonic, pagerank, strength, toCSR } from '../../../../src/analytics/centrality/index.ts';
import type { CSR } from '../../../../src/analytics/graph-utils/csr.ts';
import { DATASETS, loadReference, maxAbsDiff, referenceGraph } from './reference.ts';

const TOLERANCE = 1e-6;
/**
 * The iterative measures are compared with NetworkX run to convergence (tol 1e-15): at their
 * defaults reweave's values are the converged ones to within 1e-9, not merely NetworkX's 1e-6 stop.
 */
const CONVERGED = new Set(['eigenvector', 'eigenvector_weighted', 'pagerank', 'pagerank_weighted']);
const CONVERGED_TOLERANCE = 1e-9;

const METRICS: Record<string, (graph: CSR) => Record<string, number>> = {
  degree: (g) => degree(g).values,
  degree_centrality: (g) => degree(g, { normalized: true }).values,
  strength: (g) => strength(g).values,
  betweenness: (g) => betweenness(g).values,
  betweenness_raw: (g) => betweenness(g, { normalized: false }).values,
  betweenness_weighted: (g) => betweenness(g, { distance: 'weight' }).values,
  betweenness_inverse: (g) => betweenness(g, { distance: 'inverse-weight' }).values,
  closeness: (g) => closeness(g).values,
  closeness_weighted: (g) => closeness(g, { distance: 'weight' }).values,
  closeness_inverse: (g) => closeness(g, { distance: 'inverse-weight' }).values,
  harmonic: (g) => harmonic(g).values,
  harmonic_weighted: (g) => harmonic(g, { distance: 'weight' }).values,
  harmonic_inverse: (g) => harmonic(g, { distance: 'inverse-weight' }).values,
  eigenvector: (g) => eigenvector(g).values,
  eigenvector_weighted: (g) => eigenvector(g, { weighted: true }).values,
  pagerank: (g) => pagerank(g, { weighted: false }).values,
  pagerank_weighted: (g) => pagerank(g).values,
};

describe.each(DATASETS)('centrality against NetworkX: %s', (dataset) => {
  const fixture = loadReference(dataset);
  const graph = referenceGraph(fixture);
  const csr = toCSR(graph);

  it('covers every metric of the fixture', () => {
    expect(Object.keys(METRICS).sort()).toEqual(Object.keys(fixture.metrics).sort());
    expect(graph.order).toBe(fixture.nodes.length);
  });

  it.each(Object.keys(METRICS))('%s agrees (1e-6; the iterative ones 1e-9 of the converged vector)', (metric) => {
    const ours = METRICS[metric]!(csr);
    expect(fixture.calls[metric]!).toMatch(CONVERGED.has(metric) ? /tol=1e-15/ : /./);
    expect(maxAbsDiff(ours, fixture.metrics[metric]!)).toBeLessThan(CONVERGED.has(metric) ? CONVERGED_TOLERANCE : TOLERANCE);
  });

  it('reports the residual of the last step, below n · tolerance when converged', () => {
    for (const result of [pagerank(csr), eigenvector(csr)]) {
      expect(result.converged).toBe(true);
      expect(result.residual).toBeGreaterThanOrEqual(0);
      expect(result.residual).toBeLessThan(csr.order * 1e-12);
    }
    // NetworkX's stopping rule leaves the values measurably away from the converged ones.
    const loose = pagerank(csr, { tolerance: 1e-6 });
    expect(loose.residual).toBeGreaterThan(pagerank(csr).residual);
  });

  it('gives the same values from the graphology graph as from its CSR', () => {
    expect(betweenness(graph).values).toEqual(betweenness(csr).values);
    expect(pagerank(graph).values).toEqual(pagerank(csr).values);
  });
});
