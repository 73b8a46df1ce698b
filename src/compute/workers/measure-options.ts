/**
 * zod schemas of the centrality options, checked where a run enters the pool so a bad option is a
 * BAD_USER_INPUT naming its field (["options", "pivots"]) before any thread is woken. The analytics
 * check the same options again (they are callable on their own); these schemas only give the error
 * its code and path. Every field is optional: the analytics' DEFAULTS fill the rest.
 */
import { z } from 'zod';
import { analyticsValuesOf } from '../../domain/vocabulary.ts';
import { parse } from '../../schema/parse.ts';
import type { Measure } from './measures.ts';

const distance = z.enum(analyticsValuesOf('PathDistance'));
const weightAttribute = z.string().min(1);
const maxIterations = z.number().int().min(1);
const tolerance = z.number().positive();

const SCHEMAS: Record<Measure, z.ZodType> = {
  degree: z.object({ normalized: z.boolean() }).partial().strict(),
  strength: z.object({ weightAttribute }).partial().strict(),
  betweenness: z.object({
    distance,
    weightAttribute,
    normalized: z.boolean(),
    pivots: z.number().int().min(1).nullable(),
    seed: z.number().int().min(0).max(2 ** 32 - 1),
  }).partial().strict(),
  closeness: z.object({ distance, weightAttribute, wfImproved: z.boolean() }).partial().strict(),
  harmonic: z.object({ distance, weightAttribute }).partial().strict(),
  eigenvector: z.object({ weighted: z.boolean(), weightAttribute, maxIterations, tolerance, allowNonConvergence: z.boolean() }).partial().strict(),
  pagerank: z.object({
    alpha: z.number().min(0).lt(1),
    weighted: z.boolean(),
    weightAttribute,
    maxIterations,
    tolerance,
    allowNonConvergence: z.boolean(),
  }).partial().strict(),
};

export function checkMeasureOptions(measure: Measure, options: unknown): void {
  parse(SCHEMAS[measure], options ?? {}, ['options']);
}
