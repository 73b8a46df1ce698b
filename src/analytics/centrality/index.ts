/** Centrality metrics over the resident tie network (DESIGN.md, "The relationship network and the analytics"). */
export { betweenness, type BetweennessOptions, type BetweennessResult } from './betweenness.ts';
export { closeness, type ClosenessOptions, type ClosenessResult } from './closeness.ts';
export { degree, type DegreeOptions, type DegreeResult } from './degree.ts';
export { eigenvector, type EigenvectorOptions, type EigenvectorResult } from './eigenvector.ts';
export { harmonic, type HarmonicOptions, type HarmonicResult } from './harmonic.ts';
export { pagerank, type PagerankOptions, type PagerankResult } from './pagerank.ts';
export { strength, type StrengthOptions, type StrengthResult } from './strength.ts';
export { toCSR, type CSR } from '../graph-utils/csr.ts';
