/**
 * The analytics a worker can run on a graphology graph (runTask). One row per task: a zod schema of
 * its options — checked in the worker, the edge where the options arrive, so a bad one comes back as
 * BAD_USER_INPUT with its path (["options", "resolution"]) — and the call. Options and results must
 * survive structured clone: plain data only, so a grouping is a node attribute name, never a function.
 * To add a task, add a row.
 */
import { z } from 'zod';
import { bridges } from '../../analytics/bridging/bridges.ts';
import { brokerage } from '../../analytics/bridging/brokerage.ts';
import { constraint } from '../../analytics/bridging/constraint.ts';
import { effectiveSize } from '../../analytics/bridging/effective-size.ts';
import { eiIndex } from '../../analytics/bridging/ei-index.ts';
import { localBridges } from '../../analytics/bridging/local-bridges.ts';
import type { AnyGraph } from '../../analytics/graph-utils/graph.ts';
import { connectedComponents } from '../../analytics/communities/components.ts';
import { louvain } from '../../analytics/communities/louvain.ts';
import { modularity } from '../../analytics/communities/modularity.ts';
import { activeResidents, ACTIVITY_COMPONENTS } from '../../analytics/activity/active-residents.ts';
import { matchPools } from '../../analytics/matching/proposals.ts';
import { ownerNetwork } from '../../analytics/matching/proximity.ts';
import { COMPONENTS } from '../../analytics/matching/scores.ts';

/** The analytics' one weight dialect (graph-utils/options.ts WeightOptions). */
const weights = { weighted: z.boolean(), weightAttribute: z.string().min(1) };
const seed = z.number().int();
const group = z.string().min(1);
const none = z.object({}).strict();
const instant = z.number().nullable();
const poolEntry = z.object({
  id: z.string().min(1), name: z.string(), category: z.string().min(1), tags: z.array(z.string()).readonly(), quantity: z.number(),
  unit: z.string().nullable(), validFrom: instant, validUntil: instant, owners: z.array(z.string()).readonly(),
  // A need's 1–5; a resource may carry null (one reader shapes both kinds).
  urgency: z.number().nullable().optional(),
}).strict();

interface Task<S extends z.ZodType, R> {
  options: S;
  run(graph: AnyGraph, options: z.output<S>): R;
}

const task = <S extends z.ZodType, R>(options: S, run: (graph: AnyGraph, options: z.output<S>) => R): Task<S, R> => ({ options, run });

export const TASKS = {
  louvain: task(
    z.object({ ...weights, resolution: z.number().positive(), seed, threshold: z.number().min(0) }).partial().strict(),
    (graph, options) => louvain(graph, options),
  ),
  modularity: task(
    z.object({
      partition: z.union([z.record(z.string(), z.union([z.string(), z.number()])), z.array(z.array(z.string()))]),
      weighted: weights.weighted.optional(),
      weightAttribute: weights.weightAttribute.optional(),
      resolution: z.number().positive().optional(),
    }).strict(),
    (graph, { partition, ...options }) => ({ modularity: modularity(graph, partition, options) }),
  ),
  connectedComponents: task(none, (graph) => connectedComponents(graph)),
  bridges: task(none, (graph) => bridges(graph)),
  localBridges: task(z.object({ withSpan: z.boolean(), ...weights }).partial().strict(), (graph, options) => localBridges(graph, options)),
  constraint: task(z.object(weights).partial().strict(), (graph, options) => constraint(graph, options)),
  effectiveSize: task(z.object(weights).partial().strict(), (graph, options) => effectiveSize(graph, options)),
  eiIndex: task(
    z.object({ group, ...weights, permutations: z.number().int().min(0), seed }).partial({ weighted: true, weightAttribute: true, permutations: true, seed: true }).strict(),
    (graph, options) => eiIndex(graph, options),
  ),
  activeResidents: task(
    z.object({
      participation: z.record(z.string(), z.record(z.string(), z.number())),
      weights: z.partialRecord(z.enum(ACTIVITY_COMPONENTS), z.number().min(0)).optional(),
    }).strict(),
    (graph, { participation, weights }) => activeResidents(graph, new Map(Object.entries(participation)), weights ? { weights } : {}),
  ),
  // Owner hops in the full network, then the pools' scores, assignment and explanations.
  matchPools: task(
    z.object({
      resources: z.array(poolEntry),
      needs: z.array(poolEntry.extend({ urgency: z.number().nullable() })),
      weights: z.partialRecord(z.enum(COMPONENTS), z.number().min(0)).optional(),
      favourNewBridges: z.boolean().optional(),
      relatedCategories: z.array(z.object({ resource: z.string(), need: z.string() }).strict()).optional(),
    }).strict(),
    (graph, { resources, needs, ...options }) => matchPools(resources, needs, ownerNetwork(graph, resources.flatMap((r) => r.owners), needs.flatMap((n) => n.owners)), options),
  ),
  brokerage: task(
    z.object({ group, exclude: z.enum(['forward', 'either', 'none']).optional() }).strict(),
    (graph, options) => brokerage(graph, options),
  ),
};

export type TaskName = keyof typeof TASKS;
export type TaskOptions<N extends TaskName> = z.input<(typeof TASKS)[N]['options']>;
export type TaskResult<N extends TaskName> = ReturnType<(typeof TASKS)[N]['run']>;

export function isTaskName(name: unknown): name is TaskName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(TASKS, name);
}
