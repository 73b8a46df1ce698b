/**
 * The estimated cost of an operation, computed before it runs from the page sizes it asks for
 * (graphql-query-complexity walks the document with the request's variables; the estimator below
 * prices each field):
 *
 * - a leaf (scalar, enum) costs nothing; an object costs 1 plus its children;
 * - a field with a `first` argument (every connection, every ranked list) multiplies its children's
 *   cost by that page size, the schema's default when it is not given; its `edges` list does not
 *   multiply again;
 * - a relationship list without pages (`memberships`, `members`, …) multiplies by LIST_ESTIMATE, an
 *   assumed length: the real one is not known before the database is read;
 * - an analysis (a root field that computes over a network) adds ANALYSIS_COST, and its options
 *   that repeat the work add one unit per repetition: centrality's `pivots` (one shortest-path
 *   search each, Brandes 2008), groupMixing's `permutations`, publicness's bootstrap `replicates`
 *   and `permutations` (one resampling of the residents each), REPETITION_COST units each.
 *
 * So `residents(first: 100)` through memberships → organization → members → resident three times
 * is estimated at about 100 × 10⁶, and refused; a dashboard page stays in the hundreds.
 */
import type { DocumentNode, GraphQLOutputType, GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PUBLICNESS_OPTIONS } from '../../services/publicness/options.ts';
import { MAX_PERMUTATIONS, MAX_PIVOTS } from '../../schema/analytics-inputs.ts';
import { PUBLICNESS_BOUNDS } from '../../resolvers/publicness.ts';

export const LIST_ESTIMATE = 10;
export const ANALYSIS_COST = 100;
/**
 * One repetition of an analysis (a pivot's search, a permutation, a replicate) passes over the whole
 * network, so it is priced like five rows read: the budget then allows about 10,000 of them in one
 * request, and a dashboard page of a few thousand rows beside them.
 */
export const REPETITION_COST = 5;

/** Root fields that compute over a community's network or records rather than read a page of rows. */
const ANALYSES = new Set([
  'centrality', 'communityDetection', 'components', 'bridgingTies', 'structuralHoles', 'groupMixing', 'brokerage',
  'activeResidents', 'stageFunnel', 'leaderDependence', 'promotionCandidates', 'matchProposals', 'timeBank',
  'claimingBoard', 'publicness', 'partnerPublicness', 'reweavingReport', 'exportNetwork', 'researchQuery',
]);

type Args = Record<string, unknown>;
const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : fallback);
/**
 * A repetition count within its option's bounds; one outside them counts nothing, so that the
 * option's own check refuses it (BAD_USER_INPUT naming the field and the bound) rather than the cost.
 */
const bounded = (value: unknown, fallback: number, max: number): number => {
  const n = num(value, fallback);
  return n > max ? 0 : n;
};
const options = (args: Args): Args => (typeof args.options === 'object' && args.options !== null ? (args.options as Args) : {});

/** Repetitions an analysis' options ask for. */
function repetitions(field: string, args: Args): number {
  switch (field) {
    case 'centrality':
      return bounded(options(args).pivots, 0, MAX_PIVOTS);
    case 'groupMixing':
      return bounded(args.permutations, 0, MAX_PERMUTATIONS);
    case 'publicness':
      return bounded(options(args).replicates, DEFAULT_PUBLICNESS_OPTIONS.replicates, PUBLICNESS_BOUNDS.replicates)
        + bounded(options(args).permutations, DEFAULT_PUBLICNESS_OPTIONS.permutations, PUBLICNESS_BOUNDS.permutations);
    default:
      return 0;
  }
}

/*
 * Types are read by their shape rather than with graphql's isListType/isLeafType, which test
 * `instanceof` against one copy of the graphql module: a test runner may load a second copy, and
 * the schema comes from Apollo's.
 */
const isList = (type: GraphQLOutputType) => String(type).replace(/!$/, '').startsWith('[');
function isLeaf(type: GraphQLOutputType): boolean {
  let named: unknown = type;
  while (typeof named === 'object' && named !== null && 'ofType' in named) named = (named as { ofType: unknown }).ofType;
  return !(typeof named === 'object' && named !== null && ('getFields' in named || 'getTypes' in named));
}

export function estimate({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  if (field.name.startsWith('__')) return 0;
  const work = type.name === 'Query' && ANALYSES.has(field.name) ? ANALYSIS_COST + REPETITION_COST * repetitions(field.name, args) : 0;
  if (isLeaf(field.type)) return work;
  let times = 1;
  if (field.args.some((a) => a.name === 'first')) times = num(args.first, 0);
  else if (isList(field.type) && !(field.name === 'edges' && type.name.endsWith('Connection'))) times = LIST_ESTIMATE;
  return work + 1 + times * childComplexity;
}

/** The operation's estimated cost; an operation that cannot be walked (bad variables) is left to execution's own errors. */
export function costOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number | null {
  try {
    return getComplexity({ schema, query: document, variables: variables ?? {}, ...(operationName ? { operationName } : {}), estimators: [estimate] });
  } catch {
    return null;
  }
}
