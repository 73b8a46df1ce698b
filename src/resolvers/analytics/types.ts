/**
 * Result types of the analytics: enums back to GraphQL's names, pages over the ordered lists, and
 * nodes resolved through the request's loaders (batched; pseudonyms applied for researchers).
 */
import type { NodeLabel } from '../../domain/model.ts';
import { analyticsTerm, type AnalyticsValueOf } from '../../domain/vocabulary.ts';
import type { CentralityOutcome } from '../../services/analytics/centrality.ts';
import type { NodeRef } from '../../services/analytics/ranking.ts';
import type { GraphQLContext } from '../context.ts';
import { head, page } from './page.ts';

type PageArgs = { first?: number | null; after?: string | null };
type Grouped = { parameters: { groupBy: AnalyticsValueOf<'GroupingAttribute'> } };

const resolveNode = (ref: NodeRef, ctx: GraphQLContext) => ctx.loaders.node(ref.label as NodeLabel, ref.nodeId);

/** `node` on any item that is a NodeRef. */
const nodeField = { node: (ref: NodeRef, _: unknown, ctx: GraphQLContext) => resolveNode(ref, ctx) };

const paged = <K extends string>(field: K) => (parent: Record<K, unknown[]>, args: PageArgs) => page(parent[field], args);
const sizes = (parent: { sizes: number[] }, args: { first?: number | null }) => head(parent.sizes, args.first);

export const analyticsTypes = {
  CentralityResult: {
    measure: (r: CentralityOutcome) => analyticsTerm('CentralityMeasure', r.measure),
    estimation: (r: CentralityOutcome) => (r.estimation ? { ...r.estimation, method: r.estimation.method.toUpperCase() } : null),
    scores: paged('scores'),
  },
  NodeScore: nodeField,
  GroupAssignment: nodeField,
  NodeEI: nodeField,
  BrokerageScore: {
    ...nodeField,
    roles: (s: Record<string, number>) => s,
  },
  StructuralHoleScore: nodeField,
  CommunityDetectionResult: { sizes, assignments: paged('assignments') },
  ComponentsResult: { sizes, assignments: paged('assignments') },
  BridgingTie: {
    sourceId: (t: { source: NodeRef }) => t.source.nodeId,
    targetId: (t: { target: NodeRef }) => t.target.nodeId,
    source: (t: { source: NodeRef }, _: unknown, ctx: GraphQLContext) => resolveNode(t.source, ctx),
    target: (t: { target: NodeRef }, _: unknown, ctx: GraphQLContext) => resolveNode(t.target, ctx),
  },
  BridgingTiesResult: { ties: paged('ties') },
  StructuralHolesResult: {
    orderBy: (r: { orderBy: AnalyticsValueOf<'StructuralHoleOrder'> }) => analyticsTerm('StructuralHoleOrder', r.orderBy),
    scores: paged('scores'),
  },
  GroupMixingResult: {
    groupBy: (r: Grouped) => analyticsTerm('GroupingAttribute', r.parameters.groupBy),
    external: (r: { total: { external: number } }) => r.total.external,
    internal: (r: { total: { internal: number } }) => r.total.internal,
    ei: (r: { total: { ei: number | null } }) => r.total.ei,
    crossingShare: (r: { total: { crossingShare: number | null } }) => r.total.crossingShare,
    test: (r: { total: { test: unknown } }) => r.total.test,
    nodes: paged('nodes'),
  },
  BrokerageResult: {
    groupBy: (r: Grouped) => analyticsTerm('GroupingAttribute', r.parameters.groupBy),
    scores: paged('scores'),
  },
  GroupTimeline: {
    groupBy: (r: { groupBy: AnalyticsValueOf<'MapGrouping'> }) => analyticsTerm('MapGrouping', r.groupBy),
  },
  ActiveResidentsResult: { residents: paged('residents') },
  ActiveResidentScore: {
    residentId: (r: NodeRef) => r.nodeId,
    resident: (r: NodeRef, _: unknown, ctx: GraphQLContext) => ctx.loaders.node('Resident', r.nodeId),
    components: (r: { components: { component: AnalyticsValueOf<'ActivityComponent'> }[] }) => r.components.map((c) => ({ ...c, component: analyticsTerm('ActivityComponent', c.component) })),
  },
};
