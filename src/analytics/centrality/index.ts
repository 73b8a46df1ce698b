/** Centrality metrics over the resident tie network (DESIGN.md, "The relationship network and the analytics"). */
export { betweenness, betweennessKernel, planBetweenness, type BetweennessOptions, type BetweennessPlan, type BetweennessResult } from './betweenness.ts';
export { closeness, closenessKernel, planCloseness, type ClosenessOptions, type ClosenessPlan, type ClosenessResult } from './closeness.ts';
export { degree, type DegreeOptions, type DegreeResult } from './degree.ts';
export { eigenvector, type EigenvectorOptions, type EigenvectorResult } from './eigenvector.ts';
export { harmonic, harmonicKernel, planHarmonic, type HarmonicOptions, type HarmonicPlan, type HarmonicResult } from './harmonic.ts';
export { pagerank, pagerankVector, type PagerankOptions, type PagerankResult, type PagerankVector } from './pagerank.ts';
export { strength, type StrengthOptions, type StrengthResult } from './strength.ts';
export { runAllSources, type CSRArrays, type SourceKernel, type SourcePlan } from './source-kernel.ts';
export { sourceBlocks, type SourceBlock } from '../graph-utils/source-chunks.ts';
export { isCSR, toCSR, type CSR } from '../graph-utils/csr.ts';
export type { AnyGraph } from '../graph-utils/graph.ts';
