/**
 * The source-split kernels: blocks computed in any order, by separate workspaces (as two workers
 * would), and folded in block order give exactly the single-thread result; sampled betweenness draws
 * its pivots from the seed before any split.
 */
import { describe, expect, it } from 'vitest';
import {
  betweenness, betweennessKernel, closeness, closenessKernel, harmonic, harmonicKernel, planBetweenness, planCloseness, planHarmonic,
  sourceBlocks, toCSR, type CSR, type SourceKernel, type SourcePlan,
} from '../../../../src/analytics/centrality/index.ts';
import { CSR_SLICE, csrSteps } from '../../../../src/analytics/graph-utils/csr.ts';
import { loadReference, referenceGraph } from './reference.ts';

const lesmis = toCSR(referenceGraph(loadReference('lesmis')));

/** Two "workers" taking alternate blocks, last block first; partials folded in block order. */
function splitRun<P extends SourcePlan, W, R>(kernel: SourceKernel<P, W, R>, csr: CSR, plan: P): R {
  const workspaces = [kernel.workspace(csr, plan), kernel.workspace(csr, plan)];
  const blocks = sourceBlocks(plan.count);
  const partials = new Map<number, Float64Array>();
  for (const block of [...blocks].reverse()) {
    partials.set(block.index, kernel.partial(csr, plan, block.from, block.to, workspaces[block.index % 2]!));
  }
  const accumulator = kernel.accumulator(csr, plan);
  for (const block of blocks) kernel.combine(accumulator, partials.get(block.index)!, block.from);
  return kernel.finish(csr, plan, accumulator);
}

describe('the CSR copy in slices', () => {
  it('pauses every CSR_SLICE edges and ends with the same copy as toCSR', () => {
    const graph = referenceGraph(loadReference('lesmis'));
    for (let i = 0; i < 3 * CSR_SLICE; i += 1) graph.mergeEdge(`x${i}`, `x${i + 1}`);
    const steps = csrSteps(graph);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(graph.size / CSR_SLICE));
    expect(step.value).toEqual(toCSR(graph));
  });
});

describe('source blocks', () => {
  it('cover every source once, in order, whatever the count', () => {
    for (const count of [0, 1, 15, 16, 17, 77, 1000, 10_000, 100_003]) {
      const blocks = sourceBlocks(count);
      expect(blocks.reduce((sum, b) => sum + (b.to - b.from), 0)).toBe(count);
      blocks.forEach((b, i) => {
        expect(b.index).toBe(i);
        expect(b.from).toBe(i === 0 ? 0 : blocks[i - 1]!.to);
      });
      expect(blocks.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(count / 16)));
    }
  });
});

describe('split by source = single thread, bit for bit', () => {
  it.each(['hops', 'weight', 'inverse-weight'] as const)('betweenness, exact and sampled (%s)', (distance) => {
    const exact = planBetweenness(lesmis, { distance });
    expect(splitRun(betweennessKernel, exact.csr, exact.plan)).toEqual(betweenness(lesmis, { distance }));
    const sampled = planBetweenness(lesmis, { distance, pivots: 40, seed: 9 });
    expect(splitRun(betweennessKernel, sampled.csr, sampled.plan)).toEqual(betweenness(lesmis, { distance, pivots: 40, seed: 9 }));
  });

  it.each(['hops', 'weight', 'inverse-weight'] as const)('closeness and harmonic (%s)', (distance) => {
    const c = planCloseness(lesmis, { distance });
    expect(splitRun(closenessKernel, c.csr, c.plan)).toEqual(closeness(lesmis, { distance }));
    const h = planHarmonic(lesmis, { distance });
    expect(splitRun(harmonicKernel, h.csr, h.plan)).toEqual(harmonic(lesmis, { distance }));
  });

  it('the pivots are drawn from the seed in the plan, before any split', () => {
    const a = planBetweenness(lesmis, { pivots: 10, seed: 7 }).plan;
    const b = planBetweenness(lesmis, { pivots: 10, seed: 7 }).plan;
    expect(a.sources).toEqual(b.sources);
    expect(new Set(a.sources).size).toBe(10);
    expect(planBetweenness(lesmis, { pivots: 10, seed: 8 }).plan.sources).not.toEqual(a.sources);
    expect(planBetweenness(lesmis).plan).toMatchObject({ sources: null, count: lesmis.order, exact: true });
  });
});
