/**
 * The centralities the pool runs. The one-search-per-source kernels (betweenness, closeness,
 * harmonic — O(n·m)) are split by source across every worker; the others are O(m) per iteration and
 * run whole in one worker, only to keep them off the event loop.
 */
import {
  betweennessKernel, closenessKernel, degree, eigenvector, harmonicKernel, pagerank,
  planBetweenness, planCloseness, planHarmonic, strength,
  type BetweennessOptions, type BetweennessResult, type ClosenessOptions, type ClosenessResult, type CSR, type CSRArrays,
  type DegreeOptions, type DegreeResult, type EigenvectorOptions, type EigenvectorResult, type AnyGraph, type HarmonicOptions,
  type HarmonicResult, type PagerankOptions, type PagerankResult, type SourceKernel, type SourcePlan, type StrengthOptions,
  type StrengthResult,
} from '../../analytics/centrality/index.ts';

/** Options and result type of each measure, as the pure function has them. */
export interface Measures {
  degree: { options: DegreeOptions; result: DegreeResult };
  strength: { options: StrengthOptions; result: StrengthResult };
  betweenness: { options: BetweennessOptions; result: BetweennessResult };
  closeness: { options: ClosenessOptions; result: ClosenessResult };
  harmonic: { options: HarmonicOptions; result: HarmonicResult };
  eigenvector: { options: EigenvectorOptions; result: EigenvectorResult };
  pagerank: { options: PagerankOptions; result: PagerankResult };
}
export type Measure = keyof Measures;
export const MEASURES: readonly Measure[] = ['degree', 'strength', 'betweenness', 'closeness', 'harmonic', 'eigenvector', 'pagerank'];

/** A split measure with its plan and workspace types erased, so one table can hold all three. */
export interface SplitEntry {
  plan(graph: AnyGraph | CSR, options: unknown): { csr: CSR; plan: SourcePlan };
  workspace(csr: CSRArrays, plan: SourcePlan): unknown;
  partial(csr: CSRArrays, plan: SourcePlan, from: number, to: number, workspace: unknown): Float64Array;
  accumulator(csr: CSRArrays, plan: SourcePlan): Float64Array;
  combine(accumulator: Float64Array, partial: Float64Array, from: number): void;
  finish(csr: CSR, plan: SourcePlan, accumulator: Float64Array): unknown;
}

// The casts are safe by construction: a plan and a workspace only ever reach the kernel that made them.
function split<P extends SourcePlan, O, W, R>(
  plan: (graph: AnyGraph | CSR, options?: Partial<O>) => { csr: CSR; plan: P }, kernel: SourceKernel<P, W, R>,
): SplitEntry {
  return {
    plan: (graph, options) => plan(graph, options as Partial<O>),
    workspace: (csr, p) => kernel.workspace(csr, p as P),
    partial: (csr, p, from, to, workspace) => kernel.partial(csr, p as P, from, to, workspace as W),
    accumulator: (csr, p) => kernel.accumulator(csr, p as P),
    combine: (accumulator, partial, from) => kernel.combine(accumulator, partial, from),
    finish: (csr, p, accumulator) => kernel.finish(csr, p as P, accumulator),
  };
}

export const SPLIT_MEASURES = {
  betweenness: split(planBetweenness, betweennessKernel),
  closeness: split(planCloseness, closenessKernel),
  harmonic: split(planHarmonic, harmonicKernel),
} satisfies Partial<Record<Measure, SplitEntry>>;
export type SplitMeasure = keyof typeof SPLIT_MEASURES;

export const WHOLE_MEASURES = {
  degree: (csr: CSR, options: unknown) => degree(csr, options as Partial<DegreeOptions>),
  strength: (csr: CSR, options: unknown) => strength(csr, options as Partial<StrengthOptions>),
  eigenvector: (csr: CSR, options: unknown) => eigenvector(csr, options as Partial<EigenvectorOptions>),
  pagerank: (csr: CSR, options: unknown) => pagerank(csr, options as Partial<PagerankOptions>),
} satisfies Partial<Record<Measure, (csr: CSR, options: unknown) => unknown>>;
export type WholeMeasure = keyof typeof WHOLE_MEASURES;

export function isSplitMeasure(measure: Measure): measure is SplitMeasure {
  return Object.prototype.hasOwnProperty.call(SPLIT_MEASURES, measure);
}

